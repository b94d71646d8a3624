"""Styles of the checks' result layers, in the plan's terms (issue 22).

Each output a check writes gets a renderer that reads on top of a base map
(semi-transparent fills or outlines, never an opaque single colour): the
built-up share of each township in classes, the bus-stop service area and the
uncovered land, the townships consistent or not with their plan zone (with the
reason as the map tip), the overlaps between control lines by pair. Legend
texts go through ``tr()``: Chinese in the Chinese interface.

No GUI code: the algorithms' layer post-processors call ``style_result_layer``
on the interface's thread when QGIS loads the layer.
"""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
)

from ... import definitions
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


def output_label(kind: str) -> str:
    """The name of an output in the layer tree (before the run's target and time)."""
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
    else:
        return False
    # "town": the control-line check's township column before it was definitions.TOWNSHIP_FIELD.
    name_field = next((n for n in ("plan_name", definitions.TOWNSHIP_FIELD, "town", "name") if n in fields), None)
    if name_field and kind in (BUILTUP_TOWNSHIPS, CONTROL_TOWNSHIPS):
        layer.setLabeling(name_labeling(name_field))
        layer.setLabelsEnabled(True)
        layer.setDisplayExpression(f'"{name_field}"')
    layer.triggerRepaint()
    return True


def field_aliases(catalogue=None) -> dict:
    """Aliases of the fields tagging and the checks write: the attribute table and forms show
    规划名称, “十四五”开州城镇体系 … instead of plan_name, tier. A structure's field is named by the plan's
    own (Chinese) term; the others follow the interface's language."""
    aliases = {
        "plan_name": tr("Plan name"), "match": tr("Name match"), "juris": tr("Jurisdiction"),
        "plan_note": tr("Plan note"), "plan_cite": tr("Plan citation"),
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
    for structure in catalogue.structures if catalogue is not None else []:
        aliases[structure.field] = structure.name
    return aliases


def set_field_aliases(layer, catalogue=None) -> list:
    """Give ``layer`` the aliases of the plan and check fields it has; returns those fields."""
    done = []
    for name, alias in field_aliases(catalogue).items():
        index = layer.fields().indexOf(name)
        if index >= 0 and not layer.attributeAlias(index):
            layer.setFieldAlias(index, alias)
            done.append(name)
    return done
