"""Styles of the checks' result layers, in the plan's terms (issue 22).

Each output a check writes gets a renderer that reads on top of a base map
(semi-transparent fills or outlines, never an opaque single colour): the
built-up share of each township in classes, the bus-stop service area and the
uncovered land, the townships consistent or not with their plan zone (with the
reason as the map tip), the overlaps between control lines by pair; the
indicator checks' land share, land per person (the verdict as the outline),
population and the features a distance rule finds too near. Legend
texts go through ``tr()``: Chinese in the Chinese interface.

No GUI code: the algorithms' layer post-processors call ``style_result_layer``
on the interface's thread when QGIS loads the layer.
"""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationPrettyBreaks,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
)
from qgis.PyQt.QtGui import QColor

from ... import definitions
from ...compat import GeometryType, is_null
from ...i18n import tr
from ..checks import control_lines as cl
from .styling import name_labeling

GREEN, RED, GREY, ORANGE = "#1a9641", "#d7191c", "#9e9e9e", "#ff7f00"
# Built-up share classes (percent of the township's area), pale to dark.
SHARE_CLASSES = ((0.0, 5.0, "#fee5d9"), (5.0, 15.0, "#fcae91"), (15.0, 30.0, "#fb6a4a"),
                 (30.0, 60.0, "#de2d26"), (60.0, 100.0001, "#a50f15"))
PAIR_COLOURS = {"ef": "#7b3294", "ed": "#d7191c", "fd": "#e66101"}

# What each check's outputs are, by output name: the kind of style they get.
BUILTUP_TOWNSHIPS, BUILTUP_TABLE = "builtup_townships", "builtup_table"
SERVICE_AREA, UNCOVERED, COVERAGE_TABLE = "service_area", "uncovered", "coverage_table"
CONTROL_TOWNSHIPS, OVERLAPS, BUILTUP_OUTSIDE, CONTROL_SUMMARY = (
    "control_townships", "overlaps", "builtup_outside", "control_summary")

# --- the indicator checks' outputs (issue 14) ----------------------------------------------------

LAND_SHARE_TOWNSHIPS, LAND_SHARE_TABLE = "land_share_townships", "land_share_table"
PER_CAPITA_TOWNSHIPS, PER_CAPITA_TABLE = "per_capita_townships", "per_capita_table"
POPULATION_TOWNSHIPS, POPULATION_TABLE, POPULATION_TARGETS = (
    "population_townships", "population_table", "population_targets")
DISTANCE_VIOLATIONS, DISTANCE_TABLE = "distance_violations", "distance_table"
PLAN_SUMMARY = "plan_summary"
TOWNSHIP_KINDS = (LAND_SHARE_TOWNSHIPS, PER_CAPITA_TOWNSHIPS, POPULATION_TOWNSHIPS)
INDICATOR_KINDS = TOWNSHIP_KINDS + (DISTANCE_VIOLATIONS,)
TABLE_KINDS = (LAND_SHARE_TABLE, PER_CAPITA_TABLE, POPULATION_TABLE, POPULATION_TARGETS, DISTANCE_TABLE,
               PLAN_SUMMARY)


def facility_of(layer) -> str:
    """The facility type a facility-coverage output is of (its 'facility' field: 公园, 小学 …); '' for the
    bus-stop check's, which has no such field."""
    index = layer.fields().indexOf("facility") if layer is not None else -1
    if index < 0:
        return ""
    return "、".join(sorted(str(v) for v in layer.uniqueValues(index) if not is_null(v) and str(v))[:3])


def output_label(kind: str, layer=None) -> str:
    """The name of an output in the layer tree (before the run's target and time); a facility-coverage
    output is named by its facility type, not as the bus-stop check's."""
    facility = facility_of(layer) if kind in (SERVICE_AREA, UNCOVERED, COVERAGE_TABLE) else ""
    if facility:
        return {SERVICE_AREA: tr("Service area: {facility}"), UNCOVERED: tr("Uncovered areas: {facility}"),
                COVERAGE_TABLE: tr("Coverage table: {facility}")}[kind].format(facility=facility)
    return {
        BUILTUP_TOWNSHIPS: tr("Built-up by township"),
        BUILTUP_TABLE: tr("Built-up table"),
        SERVICE_AREA: tr("Bus-stop service area"),
        UNCOVERED: tr("Uncovered areas (bus stops)"),
        COVERAGE_TABLE: tr("Coverage table"),
        CONTROL_TOWNSHIPS: tr("Control lines by township"),
        OVERLAPS: tr("Control-line overlaps"),
        BUILTUP_OUTSIDE: tr("Built-up outside the development boundary"),
        CONTROL_SUMMARY: tr("Control-line summary"),
        LAND_SHARE_TOWNSHIPS: tr("Land share by township"),
        LAND_SHARE_TABLE: tr("Land share table"),
        PER_CAPITA_TOWNSHIPS: tr("Land per person by township"),
        PER_CAPITA_TABLE: tr("Land per person table"),
        POPULATION_TOWNSHIPS: tr("Population by township"),
        POPULATION_TABLE: tr("Population table"),
        POPULATION_TARGETS: tr("Population targets"),
        DISTANCE_VIOLATIONS: tr("Features within the distance"),
        DISTANCE_TABLE: tr("Distance rule table"),
        PLAN_SUMMARY: tr("Plan check summary"),
    }[kind]


def _fill(colour, opacity=0.6, outline="#4d4d4d", width="0.26", style="solid"):
    symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": width,
                                         "outline_width_unit": "MM", "style": style})
    symbol.setOpacity(opacity)
    return symbol


def _rule(symbol, expression, label):
    rule = QgsRuleBasedRenderer.Rule(symbol)
    rule.setFilterExpression(expression)
    rule.setLabel(label)
    return rule


def _rule_renderer(rules):
    root = QgsRuleBasedRenderer.Rule(None)
    for rule in rules:
        root.appendChild(rule)
    return QgsRuleBasedRenderer(root)


def share_label(low: float, high: float) -> str:
    return tr("Built-up share {low:g}–{high:g} %").format(low=low, high=min(high, 100.0))


def builtup_renderer():
    """Townships by built-up share, in classes; those outside the target's scope grey."""
    rules = [_rule(_fill(GREY, 0.35, outline="#9e9e9e", style="b_diagonal"), '"in_scope" = 0',
                   tr("Outside the target's scope"))]
    for low, high, colour in SHARE_CLASSES:
        rules.append(_rule(_fill(colour, 0.7), f'"in_scope" <> 0 AND "share" >= {low} AND "share" < {high}',
                           share_label(low, high)))
    rules.append(_rule(_fill("#ffffff", 0.3, outline=GREY), 'ELSE', tr("No built-up figure")))
    return _rule_renderer(rules)


def control_renderer():
    """Townships consistent with their plan zone (green), flagged (red, the reason as map tip), not checked."""
    return _rule_renderer([
        _rule(_fill(RED, 0.65, outline="#67000d", width="0.5"), '"zone_ok" = 0',
              tr("Inconsistent with its plan zone")),
        _rule(_fill(GREEN, 0.45), '"zone_ok" = 1', tr("Consistent with its plan zone")),
        _rule(_fill("#ffffff", 0.3, outline=GREY, style="no"), 'ELSE', tr("Zone not checked")),
    ])


NOT_COUNTED = -1  # a presence map's township of a kind its target does not count
# townships with a facility of the kind, without one, not counted
PRESENCE_COLOURS = {1: "#a6d96a", 0: "#fdae61", NOT_COUNTED: "#e0e0e0"}
FACILITY_COLOUR = "#2c7bb6"


def presence_renderer(field_name: str, outline: dict, not_counted: bool = False, not_counted_kinds: str = ""):
    """Townships holding a facility of the kind (``field_name`` 1) and those without one (0), outlined as
    every map outlines its townships (``outline``: content.OUTLINE); with ``not_counted``, the townships of
    kinds the target does not count (``NOT_COUNTED``, e.g. the 街道 of 每个镇) in grey."""
    classes = [(1, tr("With a facility of the kind")), (0, tr("Without one"))]
    if not_counted:
        classes.append((NOT_COUNTED, tr("Not counted ({kinds})").format(kinds=not_counted_kinds)
                        if not_counted_kinds else tr("Not counted by the target")))
    categories = []
    for value, label in classes:
        symbol = QgsFillSymbol.createSimple({"color": PRESENCE_COLOURS[value], **outline})
        categories.append(QgsRendererCategory(float(value), symbol, label, True))
    return QgsCategorizedSymbolRenderer(field_name, categories)


def facility_symbol():
    """The facilities of a presence map: blue points, white-edged."""
    return QgsMarkerSymbol.createSimple({"name": "circle", "color": FACILITY_COLOUR, "size": "2.6",
                                         "outline_color": "#ffffff", "outline_width": "0.3"})


def overlaps_renderer():
    categories = []
    for (line_a, line_b), code in cl.PAIRS.items():
        categories.append(QgsRendererCategory(
            code, _fill(PAIR_COLOURS[code], 0.75, outline=PAIR_COLOURS[code]),
            tr("Overlap: {a} × {b}").format(a=cl.LINE_NAMES[line_a], b=cl.LINE_NAMES[line_b]), True))
    return QgsCategorizedSymbolRenderer("pair", categories)


def single(colour, opacity, label, style="solid", outline=None):
    renderer = QgsSingleSymbolRenderer(_fill(colour, opacity, outline=outline or colour, style=style))
    return renderer, label


DARK_RED, OUTLINE_GREY = "#67000d", "#7f7f7f"
# Land share classes (percent of the extent): the plans' targets fall between 30 and 60 %.
LAND_SHARE_CLASSES = ((0.0, 10.0, "#ffffcc"), (10.0, 20.0, "#c2e699"), (20.0, 35.0, "#78c679"),
                      (35.0, 50.0, "#31a354"), (50.0, 100.0001, "#006837"))
PER_CAPITA_RAMP = ("#eff3ff", "#08519c")   # pale to dark blue
POPULATION_RAMP = ("#f2f0f7", "#54278f")   # pale to dark purple
CLASSES = 5
# QGIS 3.22 names the property PropertyStrokeColor, 3.30 and later StrokeColor.
_PROPERTY = QgsSymbolLayer.Property
STROKE_COLOR = getattr(_PROPERTY, "StrokeColor", None) or _PROPERTY.PropertyStrokeColor
STROKE_WIDTH = getattr(_PROPERTY, "StrokeWidth", None) or _PROPERTY.PropertyStrokeWidth


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def percent_label(low: float, high: float) -> str:
    return tr("{low:g}–{high:g} %").format(low=low, high=min(high, 100.0))


def land_share_renderer() -> QgsGraduatedSymbolRenderer:
    """Townships by the share of the class land in their extent, in fixed classes of percent."""
    ranges = [QgsRendererRange(low, high, _fill(colour, 0.7), percent_label(low, high))
              for low, high, colour in LAND_SHARE_CLASSES]
    renderer = QgsGraduatedSymbolRenderer("share", ranges)
    renderer.setSourceSymbol(_fill(LAND_SHARE_CLASSES[0][2], 0.7))
    return renderer


def _breaks(layer, field_name: str, classes: int = CLASSES) -> list:
    """Round class bounds of the layer's own figures ([(low, high)]; none without a figure)."""
    method = QgsClassificationPrettyBreaks()
    return [(r.lowerBound(), r.upperBound()) for r in method.classes(layer, field_name, classes)]


def _graduated(layer, field_name: str, ramp: tuple, label, precision: int) -> QgsGraduatedSymbolRenderer:
    bounds = _breaks(layer, field_name)
    colours = QgsGradientColorRamp(QColor(ramp[0]), QColor(ramp[1]))
    ranges = []
    for index, (low, high) in enumerate(bounds):
        colour = colours.color(index / max(len(bounds) - 1, 1)).name()
        ranges.append(QgsRendererRange(low, high, _fill(colour, 0.7), label(round(low, precision),
                                                                       round(high, precision))))
    renderer = QgsGraduatedSymbolRenderer(field_name, ranges)
    renderer.setSourceSymbol(_fill(ramp[0], 0.7))
    return renderer


def _number(value) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def per_capita_renderer(layer) -> QgsGraduatedSymbolRenderer:
    """Townships by land per person in classes; the outline says the verdict: red not met, green met."""
    renderer = _graduated(layer, "m2_per_cap", PER_CAPITA_RAMP, lambda low, high: tr(
        "{low}–{high} m² per person").format(low=_number(low), high=_number(high)), 1)
    verdict_colour = (f"CASE WHEN \"passed\" = 0 THEN '{RED}' WHEN \"passed\" = 1 THEN '{GREEN}' "
                      f"ELSE '{OUTLINE_GREY}' END")
    verdict_width = 'CASE WHEN "passed" = 0 THEN 0.9 WHEN "passed" = 1 THEN 0.5 ELSE 0.26 END'
    for index, item in enumerate(renderer.ranges()):
        symbol = item.symbol().clone()
        symbol.symbolLayer(0).setDataDefinedProperty(STROKE_COLOR, QgsProperty.fromExpression(verdict_colour))
        symbol.symbolLayer(0).setDataDefinedProperty(STROKE_WIDTH, QgsProperty.fromExpression(verdict_width))
        renderer.updateRangeSymbol(index, symbol)
    return renderer


def population_renderer(layer) -> QgsGraduatedSymbolRenderer:
    return _graduated(layer, "population", POPULATION_RAMP, lambda low, high: tr(
        "{low}–{high} persons").format(low=_number(low), high=_number(high)), 0)


def violation_renderer(layer) -> QgsSingleSymbolRenderer:
    """The features too near, in red: markers, lines or polygon outlines."""
    geometry = layer.geometryType()
    if geometry == GeometryType.Point:
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": RED, "size": "3.2",
                                               "outline_color": "#ffffff", "outline_width": "0.4"})
    elif geometry == GeometryType.Line:
        symbol = QgsLineSymbol.createSimple({"line_color": RED, "line_width": "0.9"})
    else:
        symbol = QgsFillSymbol.createSimple({"color": "215,25,28,60", "style": "solid", "outline_color": RED,
                                             "outline_width": "0.8", "outline_width_unit": "MM"})
    return QgsSingleSymbolRenderer(symbol)


def distance_labeling():
    """Each feature labelled with its distance ('480 m'), dark red on a white halo."""
    labeling = name_labeling("""format_number("dist_m", 0) || ' m'""")
    settings = labeling.settings()
    settings.isExpression = True
    text_format = settings.format()
    text_format.setColor(QColor(DARK_RED))
    text_format.setSize(8)
    settings.setFormat(text_format)
    settings.dist = 1.5
    labeling.setSettings(settings)
    return labeling


def map_tip(kind: str) -> str:
    """The map tip of an output: the township (or the feature) and its figures."""
    township = f'<b>[% "{definitions.TOWNSHIP_FIELD}" %]</b><br>'
    met, not_met = _quoted(tr("met")), _quoted(tr("not met"))
    verdict = f"[% CASE WHEN \"passed\" = 1 THEN {met} WHEN \"passed\" = 0 THEN {not_met} ELSE '' END %]"
    if kind == LAND_SHARE_TOWNSHIPS:
        return township + tr("{share} % ({cls} km² of {ext} km²)").format(
            share='[% format_number("share", 2) %]', cls='[% format_number("cls_km2", 3) %]',
            ext='[% format_number("ext_km2", 3) %]')
    if kind == PER_CAPITA_TOWNSHIPS:
        return township + tr("{value} m² per person ({land} km², {persons} persons)").format(
            value='[% format_number("m2_per_cap", 1) %]', land='[% format_number("land_km2", 3) %]',
            persons='[% format_number("population", 0) %]') + "<br>" + verdict
    if kind == POPULATION_TOWNSHIPS:
        return township + tr("{persons} persons").format(persons='[% format_number("population", 0) %]')
    return tr("{distance} m from {near}").format(
        distance='[% format_number("dist_m", 1) %]',
        near='[% coalesce("near_name", to_string("near_fid")) %]') + f'<br>[% "{definitions.TOWNSHIP_FIELD}" %]'


def style_indicator_layer(layer, kind: str) -> bool:
    """Renderer, labels (the distance) and map tip of an indicator check's output; False when the
    layer lacks the field its style reads."""
    fields = layer.fields().names()
    needed = {LAND_SHARE_TOWNSHIPS: "share", PER_CAPITA_TOWNSHIPS: "m2_per_cap",
              POPULATION_TOWNSHIPS: "population", DISTANCE_VIOLATIONS: "dist_m"}[kind]
    if needed not in fields:
        return False
    if kind == LAND_SHARE_TOWNSHIPS:
        layer.setRenderer(land_share_renderer())
    elif kind == PER_CAPITA_TOWNSHIPS:
        layer.setRenderer(per_capita_renderer(layer))
    elif kind == POPULATION_TOWNSHIPS:
        layer.setRenderer(population_renderer(layer))
    else:
        layer.setRenderer(violation_renderer(layer))
        layer.setLabeling(distance_labeling())
        layer.setLabelsEnabled(True)
    layer.setMapTipTemplate(map_tip(kind))
    return True


def indicator_field_aliases(kind: str) -> dict:
    """Aliases of the fields the indicator checks write, for their outputs only ({} for another kind):
    a township layer's own 'name' or 'share' keeps its meaning elsewhere."""
    if kind not in INDICATOR_KINDS + TABLE_KINDS:
        return {}
    aliases = {
        "cls_km2": tr("Class land inside the extent (km²)"), "ext_km2": tr("Area of the extent (km²)"),
        "out_km2": tr("Class land outside the extent (km²)"), "land_km2": tr("Land (km²)"),
        "population": tr("Population (persons)"), "pop_10k": tr("Population (10,000 persons)"),
        "m2_per_cap": tr("Land per person (m²)"), "passed": tr("Target met"), "grp": tr("Group"),
        "dist_m": tr("Distance (m)"), "near_fid": tr("Nearest feature id"), "near_name": tr("Nearest feature"),
    }
    if kind in (LAND_SHARE_TOWNSHIPS, LAND_SHARE_TABLE):
        aliases["share"] = tr("Share of the extent (%)")
    if kind in TABLE_KINDS:
        aliases.update({
            "level": tr("Level"), "name": tr("Name"), "structure": tr("Structure"), "townships": tr("Townships"),
            "features": tr("Features"), "violations": tr("Within the distance"), "nearest_m": tr("Nearest m"),
            "target_id": tr("Target id"), "label": tr("Indicator"), "scope": tr("Scope"), "year": tr("Year"),
            "target": tr("Target"), "measured": tr("Measured"), "unit": tr("Unit"), "gap": tr("Gap"),
            "status": tr("Status"), "verdict": tr("Result"), "citation": tr("Plan text"),
            "how": tr("How it was measured"),
        })
    return aliases


def style_result_layer(layer, kind: str) -> bool:
    """Give a check's output layer its style; False for a table (nothing to draw)."""
    if not layer.isSpatial():
        return False
    fields = layer.fields().names()
    if kind == BUILTUP_TOWNSHIPS and "share" in fields:
        layer.setRenderer(builtup_renderer())
    elif kind == CONTROL_TOWNSHIPS and "zone_ok" in fields:
        layer.setRenderer(control_renderer())
        if "reason" in fields:
            layer.setMapTipTemplate(f'<b>[% "{definitions.TOWNSHIP_FIELD}" %]</b> [% "plan_zone" %]<br>[% "reason" %]')
    elif kind == OVERLAPS and "pair" in fields:
        layer.setRenderer(overlaps_renderer())
    elif kind == SERVICE_AREA:
        layer.setRenderer(QgsSingleSymbolRenderer(_fill("#33a02c", 0.35, outline="#33a02c")))
    elif kind == UNCOVERED:
        layer.setRenderer(QgsSingleSymbolRenderer(_fill(RED, 0.7, outline=RED)))
    elif kind == BUILTUP_OUTSIDE:
        layer.setRenderer(QgsSingleSymbolRenderer(_fill(ORANGE, 0.75, outline="#7f2704")))
    elif kind in INDICATOR_KINDS:
        if not style_indicator_layer(layer, kind):
            return False
    else:
        return False
    # "town": the control-line check's township column before it was definitions.TOWNSHIP_FIELD.
    name_field = next((n for n in ("plan_name", definitions.TOWNSHIP_FIELD, "town", "name") if n in fields), None)
    if name_field and kind in (BUILTUP_TOWNSHIPS, CONTROL_TOWNSHIPS, *TOWNSHIP_KINDS):
        layer.setLabeling(name_labeling(name_field))
        layer.setLabelsEnabled(True)
        layer.setDisplayExpression(f'"{name_field}"')
    layer.triggerRepaint()
    return True


def field_aliases(catalogue=None, kind: str = "") -> dict:
    """Aliases of the fields tagging and the checks write: the attribute table and forms show
    规划名称, “十四五”开州城镇体系 … instead of plan_name, tier. A structure's field is named by the plan's
    own (Chinese) term; the others follow the interface's language."""
    aliases = {
        "plan_name": tr("Plan name"), "match": tr("Name match"), "juris": tr("Jurisdiction"),
        "plan_note": tr("Plan note"), "plan_cite": tr("Plan citation"),
        "plan_infer": tr("Inferred values"),
        "bu_km2": tr("Built-up area (km²)"), "twp_km2": tr("Township area (km²)"),
        "share": tr("Built-up share of the township (%)"), "in_scope": tr("In the target's scope"),
        definitions.TOWNSHIP_FIELD: tr("Township"), "plan_zone": tr("Plan zone"), "area_km2": tr("Area (km²)"),
        "zone_ok": tr("Consistent with its plan zone"), "reason": tr("Reason"),
        "bu_out_km2": tr("Built-up outside the development boundary (km²)"),
        "bu_out_pct": tr("Built-up outside the development boundary (%)"),
    }
    for line in cl.LINES:
        prefix = cl.LINE_PREFIX[line]
        aliases[f"{prefix}_km2"] = f"{cl.LINE_NAMES[line]} (km²)"
        aliases[f"{prefix}_pct"] = f"{cl.LINE_NAMES[line]} (%)"
    aliases.update(indicator_field_aliases(kind))
    if kind in (SERVICE_AREA, UNCOVERED, COVERAGE_TABLE):
        aliases["facility"] = tr("Facility type")
    for structure in catalogue.structures if catalogue is not None else []:
        aliases[structure.field] = structure.name
    return aliases


def set_field_aliases(layer, catalogue=None, kind: str = "") -> list:
    """Give ``layer`` the aliases of the plan and check fields it has (those of output ``kind`` where
    a name means something else there: the share of a land-share check); returns those fields."""
    done = []
    for name, alias in field_aliases(catalogue, kind).items():
        index = layer.fields().indexOf(name)
        if index >= 0 and not layer.attributeAlias(index):
            layer.setFieldAlias(index, alias)
            done.append(name)
    return done


def table_headers(names, kind: str = PLAN_SUMMARY) -> list:
    """The column headers of a check's table as a workbook shows them: the aliases of its fields, and
    the words of the table fields no layer shows."""
    aliases = {
        "level": tr("Level"), "name": tr("Name"), "grp": tr("Group"), "townships": tr("Townships"),
        "geo_km2": tr("Geometric (km²)"), "rec_km2": tr("Recorded (km²)"), "diff_km2": tr("Recorded − geometric (km²)"),
        "diff_pct": tr("Difference %"), "served_km2": tr("Served area (km²)"), "cover_km2": tr("Covered (km²)"),
        "cover_pct": tr("Coverage by area (%)"), "pop_served": tr("Population served (persons)"),
        "pop_cover": tr("Population covered (persons)"), "pop_pct": tr("Coverage by population (%)"),
        "towns": tr("Townships"), "checked": tr("Townships checked"), "flagged": tr("Townships flagged"),
        "ef_km2": tr("生态保护红线 ∩ 永久基本农田 (km²)"), "ed_km2": tr("生态保护红线 ∩ 城镇开发边界 (km²)"),
        "fd_km2": tr("永久基本农田 ∩ 城镇开发边界 (km²)"), "facility": tr("Facility type"),
        **field_aliases(kind=kind)}
    return [aliases.get(name, name) for name in names]
