"""What a thematic map draws: styled copies of the layers, their renderers and labels, and the texts a
layout shows (title, subtitle, sources, plan citations). ``prepare_thematic_map`` copies the user's layers
(the copies are styled; the user's layers are never touched), styles them for a theme (roles, tiers, zones,
function types, regions: categorized with the plan's own terms; the built-up check: graduated by share;
coverage and control lines: the input plus the result layers, uncovered areas and conflicts in red) and
labels the townships in Chinese with a CJK font. ``core.maps.layout`` lays the result out.
"""
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationPrettyBreaks,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsProject,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsStyle,
)

from ...compat import FieldType, GeometryType, LabelPlacement, LayerType, is_null
from ...definitions import CHECK_SUMMARY_PROPERTY, RESULT_KIND_PROPERTY
from ...i18n import tr
from ...resources import styles_dir
from ..errors import CatalogueError, PlanInputError, check_cancel
from ..geo.inputs import layer_label, source_crs_checked
from ..geo.measure import choose_projection
from ..plan.catalogue import bundled_catalogue_paths, load_catalogue
from ..plan.model import Catalogue, Structure
from . import styling
from .fonts import cjk_font_family, plain_font, searchable_font_note
from .themes import CATEGORIZED, GRADUATED, OVERLAY, Theme, catalogue_naming, map_texts, theme

# --- symbols -----------------------------------------------------------------

OUTLINE = {"outline_color": "#404040", "outline_width": "0.3", "outline_width_unit": "MM"}

OUTLINE_ONLY = "#6a3d9a"  # a boundary drawn as a dashed line, not as an area

# Result layers beside the main one: name hints (first match wins), colour, legend name.
EXTRA_STYLES = (
    (("uncover", "未覆盖"), "#e31a1c", lambda: tr("Uncovered areas")),
    (("builtup_outside", "outside", "开发边界外"), "#ff7f00", lambda: tr("Built-up outside the development boundary")),
    (("overlap", "conflict", "冲突"), "#e31a1c", lambda: tr("Control-line conflicts")),
    (("service", "served", "buffer", "覆盖"), "#33a02c", lambda: tr("Served area (within the radius)")),
    (("ecolog", "redline", "生态"), "#1b9e77", lambda: tr("Ecological protection red line")),
    (("farm", "农田"), "#e6c229", lambda: tr("Permanent basic farmland")),
    (("development", "开发边界"), OUTLINE_ONLY, lambda: tr("Urban development boundary")),
    (("builtup", "建成"), "#a6611a", lambda: tr("Built-up area")),
    (("stop", "站"), "#1f78b4", lambda: tr("Bus stops")),
)
OTHER_EXTRA_COLOURS = ("#1f78b4", "#cab2d6", "#b15928", "#33a02c", "#e7298a")


# --- catalogue of a layer ----------------------------------------------------

def _distinct(layer, field_name) -> list:
    index = layer.fields().indexOf(field_name)
    if index < 0:
        return []
    return sorted((v for v in layer.uniqueValues(index) if not is_null(v)), key=str)


def catalogue_for_layer(layer, catalogue_file: str = "") -> Optional[Catalogue]:
    """The catalogue a tagged layer was tagged with: a file the user names, or
    the bundled one whose jurisdiction is in the layer's ``juris`` field."""
    if catalogue_file:
        return load_catalogue(catalogue_file)
    names = {str(v) for v in _distinct(layer, "juris")}
    if not names:
        return None
    for path in bundled_catalogue_paths():
        try:
            catalogue = load_catalogue(path)
        except CatalogueError:
            continue  # a broken bundled file is reported by its own tests, not here
        if catalogue.name in names:
            return catalogue
    return None


def _structure_for(catalogue: Optional[Catalogue], field_name: str) -> Optional[Structure]:
    if catalogue is None:
        return None
    return next((s for s in catalogue.structures if s.field == field_name), None)


def resolve_field(layer, chosen_theme: Theme, field_name: str = "", catalogue: Optional[Catalogue] = None) -> str:
    """The field a theme shows: the one given, else the catalogue's structure of
    the theme's kind, else the usual output names. '' when an overlay theme has none."""
    label = layer_label(layer)
    names = layer.fields().names()
    if field_name:
        if field_name not in names:
            raise PlanInputError(
                tr("Layer '{layer}' has no field {fields}.").format(layer=label, fields=field_name),
                tr("Choose one of its fields: {available}.").format(available=", ".join(names) or tr("(none)")))
        return field_name
    candidates = []
    if catalogue is not None and chosen_theme.structure_kind:
        candidates += [s.field for s in catalogue.structures if s.kind == chosen_theme.structure_kind]
    if catalogue is not None and chosen_theme.key == "structure":
        candidates += [s.field for s in catalogue.structures]
    candidates += list(chosen_theme.fields)
    for candidate in candidates:
        if candidate in names:
            return candidate
    if chosen_theme.style == CATEGORIZED:
        raise PlanInputError(
            tr("Layer '{layer}' has no field for the theme '{theme}' (looked for {fields}).").format(
                layer=label, theme=chosen_theme.name, fields=", ".join(dict.fromkeys(candidates))),
            tr("Tag the townships first (cq_urban:tag_townships), or choose the field to show (FIELD)."))
    if chosen_theme.style == GRADUATED:
        raise PlanInputError(
            tr("Layer '{layer}' has no field for the theme '{theme}' (looked for {fields}).").format(
                layer=label, theme=chosen_theme.name, fields=", ".join(candidates)),
            tr("Use the per-township output of cq_urban:check_builtup, or choose the field to show (FIELD)."))
    return ""


# Legend names of the checks' result fields (check_builtup, check_coverage, check_control_lines).
RESULT_FIELD_NAMES = {
    "share": lambda: tr("Built-up share of the township (%)"),
    "bu_km2": lambda: tr("Built-up area (km²)"),
    "cover_pct": lambda: tr("Bus-stop coverage (%)"),
    "bu_out_pct": lambda: tr("Built-up outside the development boundary (%)"),
    "m2_per_cap": lambda: tr("Land per person (m²)"),
}

# Fields naming a township: tagging's plan_name, the checks' town / township, usual input names.
TOWNSHIP_NAME_FIELDS = ("plan_name", "name", "township", "town", "NAME", "Name", "乡镇名称", "名称", "XZQMC", "xzqmc")


def township_label_expression(layer, label_field: str = "") -> str:
    """The expression naming each township: the plan's name where tagging found one,
    else the layer's own name field."""
    names = layer.fields().names()
    if label_field:
        if label_field not in names:
            raise PlanInputError(
                tr("Layer '{layer}' has no field {fields}.").format(layer=layer_label(layer), fields=label_field),
                tr("Choose one of its fields: {available}.").format(available=", ".join(names)))
        return QgsExpression.quotedColumnRef(label_field)
    found = [n for n in TOWNSHIP_NAME_FIELDS if n in names]
    if not found:
        found = [f.name() for f in layer.fields() if f.type() == FieldType.String][:1]
    if not found:
        return ""
    if len(found) == 1:
        return QgsExpression.quotedColumnRef(found[0])
    return "coalesce({})".format(", ".join(QgsExpression.quotedColumnRef(n) for n in found[:2]))


# --- styling the copies ------------------------------------------------------

def _fill(colour: str, alpha: int = 255, outline: dict = None) -> QgsFillSymbol:
    properties = {"color": colour, "style": "solid", **(outline or OUTLINE)}
    symbol = QgsFillSymbol.createSimple(properties)
    symbol.setOpacity(alpha / 255)
    return symbol


def _catalogue_renderer(copy, structure: Structure, catalogue: Catalogue):
    """The plan's own style for this structure: the generated (perhaps hand-edited)
    ``styles/<catalogue>_<field>.qml`` when there is one, else core.maps.styling's renderer."""
    try:
        qml = styles_dir() / styling.style_file_name(catalogue, structure)
    except FileNotFoundError:
        qml = None
    if qml is not None and qml.exists():
        _, ok = copy.loadNamedStyle(str(qml), QgsMapLayer.StyleCategory.Symbology)
        renderer = copy.renderer()
        if ok and isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == structure.field:
            return
    copy.setRenderer(styling.structure_renderer(structure))


def value_renderer(layer, field_name: str) -> QgsCategorizedSymbolRenderer:
    """Categories of a field no catalogue describes: one per value present, then NULL."""
    palette = styling.PALETTES["group"]
    categories = [QgsRendererCategory(value, _fill(palette[index % len(palette)]), value)
                  for index, value in enumerate(str(v) for v in _distinct(layer, field_name))]
    # An empty value is QGIS's "all other values", NULL included.
    categories.append(QgsRendererCategory("", _fill(styling.OTHER_COLOUR), tr("No value")))
    return QgsCategorizedSymbolRenderer(field_name, categories)


def graduated_renderer(layer, field_name: str, classes: int = 5) -> QgsGraduatedSymbolRenderer:
    renderer = QgsGraduatedSymbolRenderer(field_name)
    renderer.setSourceSymbol(_fill("#fcbba1"))
    method = QgsClassificationPrettyBreaks()
    method.setLabelPrecision(2)
    method.setLabelTrimTrailingZeroes(True)
    renderer.setClassificationMethod(method)
    renderer.updateClasses(layer, classes)
    # Pretty breaks round the ends (15.0004 over "10 - 15": drawn nor named), make no class of equal figures.
    ranges, index = renderer.ranges(), layer.fields().indexOf(field_name)
    low, high = (layer.minimumValue(index), layer.maximumValue(index)) if index >= 0 else (None, None)
    if not ranges and not is_null(high):
        renderer.addClassRange(QgsRendererRange(float(low), float(high), _fill("#fcbba1"), f"{float(low):g}"))
    if ranges and not is_null(high) and float(high) > ranges[-1].upperValue():
        renderer.updateRangeUpperValue(len(ranges) - 1, float(high))
    if ranges and not is_null(low) and float(low) < ranges[0].lowerValue():
        renderer.updateRangeLowerValue(0, float(low))
    ramp = QgsStyle.defaultStyle().colorRamp("Reds")
    if ramp is not None:
        renderer.updateColorRamp(ramp)
    return renderer


def source_layer_name(layer) -> str:
    """The layer's name in its data source (a GeoPackage's layer), else its own name:
    Processing names a layer ``sample.gpkg|layername=development`` after the file."""
    for part in (layer.source() or "").split("|")[1:]:
        if part.lower().startswith("layername="):
            return part.split("=", 1)[1]
    return layer.name() or ""


def _result_style(layer):
    """The EXTRA_STYLES entry a layer is recognised by (a check's own output says what it
    is; other layers are recognised by name), or None."""
    name = source_layer_name(layer)
    lowered = str(layer.customProperty(RESULT_KIND_PROPERTY, "") or f"{name} {layer.name()}").lower()
    return next((entry for entry in EXTRA_STYLES if any(h in lowered for h in entry[0])), None)


PLAN_FIELDS = ("juris", "plan_name")  # what tagging writes: a layer with them is a township layer


def is_township_layer(layer, chosen_theme: Optional[Theme] = None) -> bool:
    """Whether a polygon layer holds the townships (tagged, or a check's per-township output),
    not one of the areas a theme is about (the served area, the uncovered land, a control line)."""
    if layer is None or not layer.isValid() or layer.type() != LayerType.Vector:
        return False
    if layer.geometryType() != GeometryType.Polygon:
        return False
    names = set(layer.fields().names())
    if names & set(PLAN_FIELDS) or (chosen_theme is not None and names & set(chosen_theme.fields)):
        return True
    return _result_style(layer) is None


def _extra_style(layer, index: int):
    """Symbol and legend name of a result layer drawn over the main one."""
    entry = _result_style(layer)
    colour, legend_name = (entry[1], entry[2]()) if entry else (None, source_layer_name(layer))
    colour = colour or OTHER_EXTRA_COLOURS[index % len(OTHER_EXTRA_COLOURS)]
    geometry = layer.geometryType()
    if geometry == GeometryType.Point:
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "1.6",
                                               "outline_color": "#ffffff", "outline_width": "0.2"})
    elif geometry == GeometryType.Line:
        symbol = QgsLineSymbol.createSimple({"line_color": colour, "line_width": "0.5"})
    elif colour == OUTLINE_ONLY:
        symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": colour, "outline_width": "0.6",
                                             "outline_style": "dash"})
    else:
        symbol = _fill(colour, 170, {"outline_color": colour, "outline_width": "0.2", "outline_width_unit": "MM"})
    return symbol, legend_name


def _label(copy, expression: str, family: str):
    """core.maps.styling's township labels, on an expression (plan name, else the layer's
    own name) and in the CJK font of core.maps.fonts."""
    labeling = styling.name_labeling(expression)
    settings = labeling.settings()
    settings.isExpression = True
    settings.placement = LabelPlacement.OverPoint  # QgsPalLayerSettings.OverPoint is a TypeError on 3.40+
    settings.centroidInside = True
    settings.displayAll = True  # every township is named, even where labels crowd
    text_format = settings.format()
    font = text_format.font()
    font.setFamily(family)
    text_format.setFont(plain_font(font))
    settings.setFormat(text_format)
    labeling.setSettings(settings)
    copy.setLabeling(labeling)
    copy.setLabelsEnabled(True)


# --- the thematic map --------------------------------------------------------

@dataclass
class ThematicMap:
    """Styled copies of the layers and the texts a layout shows."""

    project: QgsProject
    main: object                          # the township layer's styled copy (atlas coverage)
    extras: list                          # result layers' styled copies, drawn over the main one
    theme: Theme
    field: str
    title: str
    subtitle: str
    label_expression: str
    font_family: str
    citations: List[str] = field(default_factory=list)
    sources: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    check_summary: str = ""               # a check's target, measured value and verdict, shown under the title

    @property
    def layers(self) -> list:
        """Top first, as QgsLayoutItemMap.setLayers wants them."""
        return list(reversed(self.extras)) + [self.main]

    @property
    def map_crs(self):
        crs = self.main.crs()
        if not crs.isGeographic():
            return crs
        # A geographic CRS would stretch the map: draw in the CGCS2000 GK zone of the data.
        return choose_projection(self.main.extent(), crs).crs

    def extent(self):
        crs = self.map_crs
        extent = None
        for layer in [self.main]:
            rect = layer.extent()
            if layer.crs() != crs:
                transform = QgsCoordinateTransform(layer.crs(), crs, self.project.transformContext())
                rect = transform.transformBoundingBox(rect)
            if extent is None:
                extent = rect
            else:
                extent.combineExtentWith(rect)
        return extent


PROVENANCE_FIELDS = ("provenance", "source", "来源")


def _source_name(layer, shown_as: str = "") -> str:
    """'乡镇（kaizhou.gpkg）': what the map shows the layer as and the file it comes from (with the
    layer in the file when the file holds several), and what the layer says of its own
    provenance (e.g. the sample data's schematic township boundaries), so the map does not hide it."""
    uri = layer.source() or ""
    path = uri.split("|")[0]
    in_file = source_layer_name(layer)
    text = shown_as or in_file
    if path and os.path.exists(path):
        where = Path(path).name
        if in_file and in_file != Path(path).stem:
            where = f"{where}: {in_file}"
        text = tr("{layer} ({file})").format(layer=text, file=where)
    field_name = next((f for f in PROVENANCE_FIELDS if f in layer.fields().names()), None)
    if field_name:
        values = [str(v) for v in _distinct(layer, field_name)]
        if values:
            text = tr("{layer}: {provenance}").format(
                layer=text, provenance="；".join(values[:2]) + (" …" if len(values) > 2 else ""))
    return text


def copy_layer(layer, feedback=None):
    copy = layer.materialize(QgsFeatureRequest(), feedback)
    copy.setName(layer.name())
    return copy


def prepare_thematic_map(layer, theme_key: str, field_name: str = "", extra_layers: Sequence = (),
                         title: str = "", catalogue: Optional[Catalogue] = None, catalogue_file: str = "",
                         label_field: str = "", project: Optional[QgsProject] = None,
                         feedback=None, check_summary: str = "", townships=None) -> ThematicMap:
    """Style copies of ``layer`` (townships, tagged or a check's output) and of
    ``extra_layers`` for a theme, in ``project`` (a new private one by default).

    Every map draws the township boundaries: when ``layer`` is one of the areas a theme
    is about (the coverage check's served area, say) rather than the townships, the
    townships come from ``townships``, else from a tagged township layer among
    ``extra_layers``, and ``layer`` is drawn on top of them."""
    if layer is None or not layer.isValid():
        name = layer_label(layer) if layer is not None else tr("input layer")
        raise PlanInputError(tr("Layer '{layer}' could not be opened.").format(layer=name),
                             tr("Check that the file or database is reachable."))
    chosen = theme(theme_key)
    extra_layers = list(extra_layers or ())
    notes = [note] if (note := searchable_font_note()) else []
    if not is_township_layer(layer, chosen):
        if townships is None:
            townships = next((e for e in extra_layers if is_township_layer(e, chosen)
                              and set(e.fields().names()) & set(PLAN_FIELDS)), None)
            if townships is not None:
                extra_layers.remove(townships)
        if townships is not None and townships is not layer:
            extra_layers.insert(0, layer)  # the theme's area over the township boundaries
            layer = townships
        else:
            notes.append(tr("Layer '{layer}' is not a township layer and no township layer was given, so the map "
                            "shows no township boundaries: give the township layer (TOWNSHIPS).").format(
                layer=layer_label(layer)))
    if not layer.isValid():
        raise PlanInputError(tr("Layer '{layer}' could not be opened.").format(layer=layer_label(layer)),
                             tr("Check that the file or database is reachable."))
    label = layer_label(layer)
    source_crs_checked(layer, label)  # the scale bar and the CRS note need a real one
    if layer.featureCount() == 0:
        raise PlanInputError(tr("Layer '{layer}' is empty.").format(layer=label),
                             tr("Choose a layer with features, or check its filter (subset string)."))
    family = cjk_font_family()
    if catalogue is None:
        catalogue = catalogue_for_layer(layer, catalogue_file)
    if catalogue is None and not catalogue_file:  # a check's output without juris: the plan naming its townships
        catalogue = catalogue_naming({str(v) for e in [layer, *extra_layers] if e is not None and e.isValid()
                                      and e.type() == LayerType.Vector for f in TOWNSHIP_NAME_FIELDS
                                      for v in _distinct(e, f)})
    shown = resolve_field(layer, chosen, field_name, catalogue)
    structure = _structure_for(catalogue, shown)
    project = project if project is not None else QgsProject()
    check_cancel(feedback)

    main = copy_layer(layer, feedback)
    main_is_townships = is_township_layer(layer, chosen)
    shown_type = main.fields().field(shown).type() if shown else None
    numeric = shown_type in (FieldType.Int, FieldType.LongLong, FieldType.Double, FieldType.UInt, FieldType.ULongLong)
    if shown and (chosen.style == GRADUATED or (chosen.style == OVERLAY and numeric)):
        if not numeric:
            raise PlanInputError(
                tr("Field '{field}' of layer '{layer}' is not numeric, so it cannot be shown in classes.").format(
                    field=shown, layer=label),
                tr("Choose a numeric field (FIELD), such as the check's share."))
        main.setRenderer(graduated_renderer(main, shown))
    elif shown and structure is not None:
        _catalogue_renderer(main, structure, catalogue)
    elif shown:
        main.setRenderer(value_renderer(main, shown))
    elif main_is_townships:
        main.setRenderer(QgsSingleSymbolRenderer(_fill("#f7f4ea")))
    else:  # no township layer: the theme's area itself (the served area), drawn as it is drawn on top
        main.setRenderer(QgsSingleSymbolRenderer(_extra_style(layer, 0)[0]))
    styling.localize_legend(main.renderer())
    if chosen.key == "control_lines" and "zone_ok" in main.fields().names():
        from .result_styles import control_renderer

        main.setRenderer(control_renderer())
    elif (chosen.key, shown) in (("land_share", "share"), ("per_capita", "m2_per_cap")):
        from . import result_styles  # the classes the check's own layer is drawn in

        main.setRenderer(result_styles.land_share_renderer() if shown == "share"
                         else result_styles.per_capita_renderer(main))
    expression = township_label_expression(main, label_field)
    if expression:
        _label(main, expression, family)
    else:
        notes.append(tr("Layer '{layer}' has no text field, so the townships are not named on the map.").format(
            layer=label))

    # Names: the structure's own name where the plan gives one, else the theme's.
    if structure is not None:
        main.setName(structure.name)
    elif chosen.key == "land_share" and shown == "share":
        main.setName(tr("Share of the extent (%)"))
    elif shown in RESULT_FIELD_NAMES:
        main.setName(RESULT_FIELD_NAMES[shown]())
    elif shown:
        main.setName(f"{chosen.name}（{shown}）")
    elif main_is_townships:
        main.setName(tr("Townships"))
    else:  # e.g. the served area of the coverage check
        main.setName(_extra_style(layer, 0)[1])

    extras = []
    for index, extra in enumerate(extra_layers):
        check_cancel(feedback)
        if extra is None or not extra.isValid() or extra.type() != LayerType.Vector:
            notes.append(tr("An extra layer could not be read and was left out."))
            continue
        copy = copy_layer(extra, feedback)
        symbol, legend_name = _extra_style(extra, index)
        copy.setRenderer(QgsSingleSymbolRenderer(symbol))
        copy.setName(legend_name)
        extras.append(copy)

    # Texts: the plan and its structure or indicator, never a file's or a layer's name (core.maps.themes).
    default_title, subtitle_parts, citations = map_texts(catalogue, chosen, structure)
    if shown and structure is None:
        subtitle_parts.append(main.name())
    subtitle = " · ".join(dict.fromkeys(p for p in subtitle_parts if p))
    for copy in [main, *extras]:
        project.addMapLayer(copy, False)
    shown_extras = iter(extras)
    sources = [_source_name(layer, tr("Townships") if main_is_townships else main.name())] + [
        _source_name(e, next(shown_extras).name()) for e in extra_layers
        if e is not None and e.isValid() and e.type() == LayerType.Vector]
    check_summary = check_summary or str(layer.customProperty(CHECK_SUMMARY_PROPERTY, "") or "")
    if check_summary:
        subtitle = f"{subtitle} · {check_summary}"
    return ThematicMap(project, main, extras, chosen, shown, title or default_title, subtitle, expression, family,
                       citations, sources, notes, check_summary)
