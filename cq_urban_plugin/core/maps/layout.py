"""Thematic maps of the plan structure and of the checks' results, as print layouts.

A map is built in three steps, each usable on its own:

1. ``prepare_thematic_map`` copies the user's layers (the copies are styled;
   the user's layers are never touched), styles them for a theme (roles,
   tiers, zones, function types, regions: categorized with the plan's own
   terms; the built-up check: graduated by share; coverage and control lines:
   the input plus the result layers, uncovered areas and conflicts in red)
   and labels the townships in Chinese with a CJK font.
2. ``build_layout`` loads a template (``styles/layout_*.qpt``, editable in the
   layout designer) and fills its items by id: ``title``, ``subtitle``,
   ``map``, ``legend``, ``scalebar`` (km), ``north_arrow``, ``crs_note``,
   ``source_note`` (data and plan citation), ``date_note``. With ``atlas``
   the map follows the township layer, one page per feature.
3. ``export_layout`` writes PDF (text kept as text, fonts embedded), PNG at a
   resolution, or SVG, to a temporary file first and then replaces the
   destination, so an interrupted export leaves the previous file intact.

No GUI code here: ``gui/layout_actions.py`` opens a layout in the designer.
"""
import datetime
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsClassificationPrettyBreaks,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutUtils,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsStyle,
    QgsSymbolLayerUtils,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument

from ...compat import (
    DistanceUnit,
    FieldType,
    GeometryType,
    LabelPlacement,
    LayerType,
    LegendComponent,
    ScaleBarSegmentSizeMode,
    font_database,
    is_null,
)
from ...definitions import CHECK_SUMMARY_PROPERTY, RESULT_KIND_PROPERTY, THEME_KEYS
from ...i18n import tr
from ...resources import style_path, styles_dir
from ..errors import CatalogueError, PlanInputError, check_cancel
from ..files.atomic import atomic_write, usual_permissions
from ..geo.inputs import layer_label, source_crs_checked
from ..geo.measure import choose_projection
from ..plan.catalogue import bundled_catalogue_paths, load_catalogue
from ..plan.model import Catalogue, Structure
from . import styling

# --- fonts -------------------------------------------------------------------

PREFERRED_CJK_FONT = "Noto Sans CJK SC"  # Debian/Ubuntu: fonts-noto-cjk
# Other families that carry Simplified Chinese, best first (Windows, macOS, other Linux packages).
CJK_FALLBACKS = ("Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "微软雅黑", "PingFang SC",
                 "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans SC", "SimHei", "黑体", "Noto Serif CJK SC",
                 "SimSun", "宋体")


def cjk_font_family() -> str:
    """A font family that draws Chinese, so no label prints as boxes.

    Needs a running QGIS (QgsApplication). Raises PlanInputError telling the
    user to install fonts-noto-cjk when no such font is installed."""
    database = font_database()
    families = set(database.families())
    for name in (PREFERRED_CJK_FONT, *CJK_FALLBACKS):
        if name in families:
            return name
    chinese = [f for f in database.families(QFontDatabase.WritingSystem.SimplifiedChinese)
               if not database.isSymbolic(f) and "mono" not in f.lower()]
    sans = [f for f in chinese if "sans" in f.lower() or "hei" in f.lower()]
    if sans or chinese:
        return (sans or chinese)[0]
    raise PlanInputError(
        tr("No font with Chinese characters is installed, so the map's names would print as boxes."),
        tr("Install the Noto CJK fonts (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; or run `make setup`) "
           "or any Simplified Chinese font, then restart QGIS."))


def _font(family: str, size: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    return _plain(font)


def _plain(font: QFont) -> QFont:
    """No contextual glyph substitution: with it, Noto Sans CJK draws digits after
    letters (CGCS2000, 2021－2035) with glyphs Qt's PDF writer cannot map back to
    text, so they would be missing from the PDF's text (search, copy, pdftotext)."""
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


# --- themes ------------------------------------------------------------------

CATEGORIZED, GRADUATED, OVERLAY = "categorized", "graduated", "overlay"


@dataclass(frozen=True)
class Theme:
    key: str
    style: str                 # CATEGORIZED | GRADUATED | OVERLAY
    structure_kind: str = ""   # catalogue structure kind holding the field (categorized themes)
    fields: tuple = ()         # field names tried when none is given
    indicator: str = ""        # catalogue target indicator cited on the map

    @property
    def name(self) -> str:
        return {
            "role": tr("Town roles"),
            "tier": tr("Town tiers"),
            "zone": tr("Planning zones"),
            "function_type": tr("Town function types"),
            "region": tr("Regions"),
            "builtup": tr("Built-up area check"),
            "coverage": tr("Bus-stop coverage check"),
            "control_lines": tr("Control-line conflicts"),
            "structure": tr("Plan structure"),
        }[self.key]


# The order is the THEME enum of cq_urban:export_map: keep it.
THEMES = (
    Theme("role", CATEGORIZED, "role", ("role",)),
    Theme("tier", CATEGORIZED, "tier", ("tier",)),
    Theme("zone", CATEGORIZED, "zone", ("zone",)),
    Theme("function_type", CATEGORIZED, "function_type", ("func_type", "function")),
    Theme("region", CATEGORIZED, "region", ("region",)),
    Theme("builtup", GRADUATED, "", ("share", "bu_km2"), "builtup_area"),
    Theme("coverage", OVERLAY, "", ("cover_pct", "coverage", "covered"), "bus_stop_coverage"),
    Theme("control_lines", OVERLAY, "", ()),
    # Any structure of a catalogue (巫溪's 田园综合体, 开州's 组团 …), its field given (FIELD).
    Theme("structure", CATEGORIZED, "", ()),
)
assert tuple(t.key for t in THEMES) == THEME_KEYS


def theme(key: str) -> Theme:
    for candidate in THEMES:
        if candidate.key == key:
            return candidate
    raise PlanInputError(tr("Unknown map theme '{theme}'.").format(theme=key),
                         tr("Use one of: {themes}.").format(themes=", ".join(t.key for t in THEMES)))


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
    return sorted((v for v in layer.uniqueValues(index) if not is_null(v)
                   and not (hasattr(v, "isNull") and v.isNull())), key=str)


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


# The custom property the checks' layer post-processors set on their outputs (algorithms/run_outputs.py):
# what the layer is (core.maps.result_styles kinds), and the run's verdict for the map's subtitle.


def _extra_style(layer, index: int):
    """Symbol and legend name of a result layer drawn over the main one."""
    name = source_layer_name(layer)
    # A check's own output says what it is; other layers are recognised by name.
    lowered = str(layer.customProperty(RESULT_KIND_PROPERTY, "") or f"{name} {layer.name()}").lower()
    colour, legend_name = None, name
    for hints, hint_colour, hint_name in EXTRA_STYLES:
        if any(h in lowered for h in hints):
            colour, legend_name = hint_colour, hint_name()
            break
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
    own name) and in the CJK font found here."""
    labeling = styling.name_labeling(expression)
    settings = labeling.settings()
    settings.isExpression = True
    settings.placement = LabelPlacement.OverPoint  # QgsPalLayerSettings.OverPoint is a TypeError on 3.40+
    settings.centroidInside = True
    settings.displayAll = True  # every township is named, even where labels crowd
    text_format = settings.format()
    font = text_format.font()
    font.setFamily(family)
    text_format.setFont(_plain(font))
    settings.setFormat(text_format)
    labeling.setSettings(settings)
    copy.setLabeling(labeling)
    copy.setLabelsEnabled(True)


# --- the map's content -------------------------------------------------------

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


def _source_name(layer) -> str:
    """'townships (kaizhou.gpkg)', with what the layer says of its own provenance
    (e.g. the sample data's schematic township boundaries), so the map does not hide it."""
    uri = layer.source() or ""
    path = uri.split("|")[0]
    text = source_layer_name(layer)
    if path and os.path.exists(path):
        text = f"{text} ({Path(path).name})"
    field_name = next((f for f in PROVENANCE_FIELDS if f in layer.fields().names()), None)
    if field_name:
        values = [str(v) for v in _distinct(layer, field_name)]
        if values:
            text += "：" + "；".join(values[:2]) + (" …" if len(values) > 2 else "")
    return text


def _cite_text(catalogue: Catalogue, cite) -> str:
    document = catalogue.documents.get(cite.doc)
    title = f"《{document.title}》" if document else ""
    return f"{title}{cite.file or cite.doc}:{cite.line}"


def _copy(layer, feedback=None):
    copy = layer.materialize(QgsFeatureRequest(), feedback)
    copy.setName(layer.name())
    return copy


def prepare_thematic_map(layer, theme_key: str, field_name: str = "", extra_layers: Sequence = (),
                         title: str = "", catalogue: Optional[Catalogue] = None, catalogue_file: str = "",
                         label_field: str = "", project: Optional[QgsProject] = None,
                         feedback=None, check_summary: str = "") -> ThematicMap:
    """Style copies of ``layer`` (townships, tagged or a check's output) and of
    ``extra_layers`` for a theme, in ``project`` (a new private one by default)."""
    if layer is None or not layer.isValid():
        name = layer_label(layer) if layer is not None else tr("input layer")
        raise PlanInputError(tr("Layer '{layer}' could not be opened.").format(layer=name),
                             tr("Check that the file or database is reachable."))
    label = layer_label(layer)
    source_crs_checked(layer, label)  # the scale bar and the CRS note need a real one
    if layer.featureCount() == 0:
        raise PlanInputError(tr("Layer '{layer}' is empty.").format(layer=label),
                             tr("Choose a layer with features, or check its filter (subset string)."))
    chosen = theme(theme_key)
    family = cjk_font_family()
    if catalogue is None:
        catalogue = catalogue_for_layer(layer, catalogue_file)
    shown = resolve_field(layer, chosen, field_name, catalogue)
    structure = _structure_for(catalogue, shown)
    project = project if project is not None else QgsProject()
    check_cancel(feedback)

    main = _copy(layer, feedback)
    notes = []
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
    else:
        main.setRenderer(QgsSingleSymbolRenderer(_fill("#f7f4ea")))
    if chosen.key == "control_lines" and "zone_ok" in main.fields().names():
        from .result_styles import control_renderer

        main.setRenderer(control_renderer())
    expression = township_label_expression(main, label_field)
    if expression:
        _label(main, expression, family)
    else:
        notes.append(tr("Layer '{layer}' has no text field, so the townships are not named on the map.").format(
            layer=label))

    # Names: the structure's own name where the plan gives one, else the theme's.
    if structure is not None:
        main.setName(structure.name)
    elif shown in RESULT_FIELD_NAMES:
        main.setName(RESULT_FIELD_NAMES[shown]())
    elif shown:
        main.setName(f"{chosen.name}（{shown}）")
    elif any(n in main.fields().names() for n in TOWNSHIP_NAME_FIELDS):
        main.setName(tr("Townships"))
    else:  # e.g. the served area of the coverage check
        main.setName(source_layer_name(layer))

    extras = []
    for index, extra in enumerate(extra_layers or ()):
        check_cancel(feedback)
        if extra is None or not extra.isValid() or extra.type() != LayerType.Vector:
            notes.append(tr("An extra layer could not be read and was left out."))
            continue
        copy = _copy(extra, feedback)
        symbol, legend_name = _extra_style(extra, index)
        copy.setRenderer(QgsSingleSymbolRenderer(symbol))
        copy.setName(legend_name)
        extras.append(copy)

    # Texts: the plan and structure for the title, the plan's lines as citation.
    citations = []
    jurisdiction = catalogue.name if catalogue is not None else ""
    if structure is not None:
        document = catalogue.documents.get(structure.cite.doc)
        default_title = f"{document.title if document else jurisdiction}：{structure.name}"
        subtitle = f"{jurisdiction} · {chosen.name}"
        citations.append(_cite_text(catalogue, structure.cite))
    else:
        default_title = f"{jurisdiction} {chosen.name}".strip() if jurisdiction else f"{chosen.name}：{label}"
        subtitle = jurisdiction or label
        if shown:
            subtitle = f"{subtitle} · {main.name()}"
    if catalogue is not None and chosen.indicator:
        for target in catalogue.targets_for(chosen.indicator):
            year = f"（{target.year}）" if target.year else ""
            citations.append(f"{target.label} {target.comparison} {target.value:g} {target.unit}{year}："
                             f"{_cite_text(catalogue, target.cite)}")
    for copy in [main, *extras]:
        project.addMapLayer(copy, False)
    sources = [_source_name(layer)] + [_source_name(e) for e in (extra_layers or ()) if e is not None]
    check_summary = check_summary or str(layer.customProperty(CHECK_SUMMARY_PROPERTY, "") or "")
    if check_summary:
        subtitle = f"{subtitle} · {check_summary}"
    return ThematicMap(project, main, extras, chosen, shown, title or default_title, subtitle, expression, family,
                       citations, sources, notes, check_summary)


# --- the layout --------------------------------------------------------------

PAPERS = ("a3_landscape", "a4_portrait")  # the PAPER enum of cq_urban:export_map: keep the order
NORTH_ARROW_SVG = "arrows/NorthArrow_02.svg"


def template_path(paper: str) -> Path:
    if paper not in PAPERS:
        raise PlanInputError(tr("Unknown paper '{paper}'.").format(paper=paper),
                             tr("Use one of: {papers}.").format(papers=", ".join(PAPERS)))
    return style_path(f"layout_{paper}.qpt")


def load_template(project: QgsProject, paper: str) -> QgsPrintLayout:
    path = template_path(paper)
    document = QDomDocument()
    ok = path.exists() and document.setContent(path.read_text(encoding="utf-8"))
    layout = QgsPrintLayout(project)
    if ok:
        _, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise PlanInputError(tr("The layout template {path} is missing or damaged.").format(path=path),
                             tr("Reinstall the plugin, or restore the file from the plugin's styles folder."))
    return layout


def _item(layout, item_id, kind):
    item = layout.itemById(item_id)
    if not isinstance(item, kind):
        raise PlanInputError(
            tr("The layout template has no {kind} item with the id '{id}'.").format(kind=kind.__name__, id=item_id),
            tr("Give the item that id again in the layout designer (Item Properties > Id), or reinstall the plugin."))
    return item


def nice_segment_km(length_km: float) -> float:
    """The 1-2-5 series value nearest below ``length_km`` (at least 0.1 km)."""
    import math

    if length_km <= 0.1:
        return 0.1
    power = 10 ** math.floor(math.log10(length_km))
    for step in (5, 2, 1):
        if step * power <= length_km:
            return float(step * power)
    return float(power)


def _fit(extent, frame, margin=1.0):
    """``extent`` grown to the frame's proportions (setExtent would resize the frame instead)."""
    width, height = extent.width() * margin, extent.height() * margin
    width, height = max(width, 1e-9), max(height, 1e-9)
    ratio = frame.width() / frame.height()
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = extent.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2,
                        centre.x() + width / 2, centre.y() + height / 2)


def _refont(layout, family: str):
    """Every text of the layout in the CJK family, keeping sizes and weights."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            font = item.font()
            font.setFamily(family)
            item.setFont(_plain(font))
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (LegendComponent.Title, LegendComponent.Group, LegendComponent.Subgroup,
                          LegendComponent.SymbolLabel):
                font = item.styleFont(style)
                font.setFamily(family)
                item.setStyleFont(style, _plain(font))
        elif isinstance(item, QgsLayoutItemScaleBar):
            text_format = item.textFormat()
            font = text_format.font()
            font.setFamily(family)
            text_format.setFont(_plain(font))
            item.setTextFormat(text_format)


def _north_arrow(layout, map_item):
    """QGIS's north arrow SVG; where no SVG is installed, a drawn '▲ N' text in its place."""
    picture = _item(layout, "north_arrow", QgsLayoutItemPicture)
    path = QgsSymbolLayerUtils.svgSymbolNameToPath(NORTH_ARROW_SVG, QgsPathResolver())
    if path and os.path.exists(path):
        picture.setPicturePath(path)
        picture.setLinkedMap(map_item)
        return picture
    text = QgsLayoutItemLabel(layout)
    text.setId("north_arrow_text")
    text.setText("▲\nN")
    text.setFont(_font(PREFERRED_CJK_FONT, 16, True))
    text.setHAlign(Qt.AlignmentFlag.AlignHCenter)
    text.attemptMove(picture.positionWithUnits())
    text.attemptResize(picture.sizeWithUnits())
    layout.addLayoutItem(text)
    layout.removeLayoutItem(picture)
    return text


def build_layout(thematic_map: ThematicMap, paper: str = "a3_landscape", atlas: bool = False,
                 name: str = "") -> QgsPrintLayout:
    """A print layout of the map from the paper's template, its items filled by id."""
    project = thematic_map.project
    layout = load_template(project, paper)
    layout.setName(name or thematic_map.title)
    layout.thematic_map = thematic_map  # keeps the private project and the styled copies alive with the layout

    map_item = _item(layout, "map", QgsLayoutItemMap)
    crs = thematic_map.map_crs
    map_item.setCrs(crs)
    map_item.setLayers(thematic_map.layers)
    map_item.setKeepLayerSet(True)
    map_item.setExtent(_fit(thematic_map.extent(), map_item.rect(), margin=1.06))

    title = _item(layout, "title", QgsLayoutItemLabel)
    title.setText(thematic_map.title.replace("[%", "[ %"))  # a title is text, not an expression
    _item(layout, "subtitle", QgsLayoutItemLabel).setText(thematic_map.subtitle.replace("[%", "[ %"))

    legend = _item(layout, "legend", QgsLayoutItemLegend)
    legend.setAutoUpdateModel(False)
    legend.setLinkedMap(map_item)
    legend.setTitle(tr("Legend"))
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in thematic_map.layers:
        root.addLayer(layer)
    # Long legends (e.g. 开州's function types and their contradictions) use the template's
    # columns; short ones stay in one column.
    entries = sum(len(legend.model().layerLegendNodes(node)) for node in root.findLayers())
    legend.setSplitLayer(legend.columnCount() > 1 and entries > 6)
    legend.updateLegend()

    scalebar = _item(layout, "scalebar", QgsLayoutItemScaleBar)
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(DistanceUnit.Kilometers)
    scalebar.setUnitLabel("km")
    scalebar.setMapUnitsPerScaleBarUnit(1.0)  # QGIS converts the map's metres to km itself
    if not atlas and crs.mapUnits() == DistanceUnit.Meters:
        # Round segments (1, 2 or 5 × 10^n km) about a fifth of the map wide; an atlas page fits its own.
        scalebar.setSegmentSizeMode(ScaleBarSegmentSizeMode.Fixed)
        scalebar.setUnitsPerSegment(nice_segment_km(map_item.extent().width() / 1000.0 / 5 / 4))
    scalebar.update()

    _north_arrow(layout, map_item)
    _item(layout, "crs_note", QgsLayoutItemLabel).setText(
        tr("Coordinate system: {crs} ({authid})").format(crs=crs.description(), authid=crs.authid()))
    source_lines = [tr("Data: {sources}").format(sources="; ".join(thematic_map.sources))]
    if thematic_map.citations:
        source_lines.append(tr("Plan text: {citations}").format(citations="; ".join(thematic_map.citations)))
    _item(layout, "source_note", QgsLayoutItemLabel).setText("\n".join(source_lines).replace("[%", "[ %"))
    _item(layout, "date_note", QgsLayoutItemLabel).setText(
        tr("Map date: {date}").format(date=datetime.date.today().isoformat()))
    _refont(layout, thematic_map.font_family)
    longest_page_name = ""
    if atlas:
        _set_atlas(layout, thematic_map, map_item, title)
        longest_page_name = " — " + max(_page_names(thematic_map), key=len, default="")
    _fit_text(title, thematic_map.title + longest_page_name)
    _fit_text(_item(layout, "subtitle", QgsLayoutItemLabel), thematic_map.subtitle)
    for note in ("crs_note", "source_note"):
        label = _item(layout, note, QgsLayoutItemLabel)
        _wrap_text(label, label.text())
    return layout


# Line breaks are allowed after these, and between two ideographs; never before the second set.
_BREAK_AFTER = frozenset(" ;；,，、。:：)）]】》/|")
_NO_BREAK_BEFORE = frozenset(" ;；,，、。.:：)）]】》!！?？")


def _is_ideograph(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef"


def _break_lines(font, text: str, width_mm: float) -> List[str]:
    """``text`` broken into lines no wider than ``width_mm`` in ``font`` (QGIS's own text
    measure), each paragraph kept. Breaks after spaces and punctuation or between
    ideographs, inside a word only when the word alone is too wide."""
    lines: List[str] = []
    for paragraph in text.split("\n"):
        rest = paragraph
        while rest and QgsLayoutUtils.textWidthMM(font, rest) > width_mm:
            fit = 1  # the longest prefix that fits (at least one character)
            while fit < len(rest) and QgsLayoutUtils.textWidthMM(font, rest[:fit + 1]) <= width_mm:
                fit += 1
            cut = next((i for i in range(fit, 0, -1)
                        if rest[i] not in _NO_BREAK_BEFORE
                        and (rest[i - 1] in _BREAK_AFTER or _is_ideograph(rest[i - 1]) or _is_ideograph(rest[i]))),
                       fit)
            lines.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip(" ")
        lines.append(rest)
    return lines


def _wrap_text(item, text: str, smallest: float = 5.0):
    """Set a multi-line label's text broken into lines by measured width, shrinking the
    font until the lines fit the label's height too.

    QGIS's own wrapping cannot be relied on: 3.22 breaks anywhere, 3.40 and later only
    at spaces, so Chinese text without spaces (the plan citation) ran off the page."""
    font = item.font()
    size = item.sizeWithUnits()
    width = (size.width() - 2 * item.marginX()) * 0.97  # margin for rounding in the renderers
    height = size.height() - 2 * item.marginY()
    while True:
        lines = _break_lines(font, text, width)
        if (QgsLayoutUtils.textHeightMM(font, "\n".join(lines)) <= height
                or font.pointSizeF() <= smallest):
            break
        font.setPointSizeF(max(smallest, font.pointSizeF() * 0.92))
    item.setFont(_plain(font))
    item.setText("\n".join(lines))


def _fit_text(item, text: str, smallest: float = 8.0):
    """Shrink a one-line label's font until ``text`` fits its width (long plan titles on A4)."""
    font = item.font()
    available = item.sizeWithUnits().width() - 2 * item.marginX()
    width = QgsLayoutUtils.textWidthMM(font, text)
    if width > available > 0:
        font.setPointSizeF(max(smallest, font.pointSizeF() * available / width * 0.98))
        item.setFont(_plain(font))


def _page_names(thematic_map) -> List[str]:
    if not thematic_map.label_expression:
        return []
    expression = QgsExpression(thematic_map.label_expression)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(thematic_map.main))
    names = []
    for feature in thematic_map.main.getFeatures():
        context.setFeature(feature)
        value = expression.evaluate(context)
        names.append("" if value is None else str(value))
    return names


def _set_atlas(layout, thematic_map: ThematicMap, map_item, title):
    """One page per feature of the township layer, the map zoomed to it, its name in the title,
    its boundary drawn bold (a copy of the layer showing only the page's feature, not in the legend)."""
    pages = _copy(thematic_map.main)
    pages.setName(tr("Atlas page"))
    outline = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#000000", "outline_width": "1.2",
                                          "outline_width_unit": "MM"})
    rules = QgsRuleBasedRenderer.Rule(None)
    rules.appendChild(QgsRuleBasedRenderer.Rule(outline, filterExp="$id = @atlas_featureid"))
    pages.setRenderer(QgsRuleBasedRenderer(rules))
    thematic_map.project.addMapLayer(pages, False)
    map_item.setLayers([pages, *thematic_map.layers])
    coverage = layout.atlas()
    coverage.setCoverageLayer(pages)
    coverage.setEnabled(True)
    if thematic_map.label_expression:
        coverage.setPageNameExpression(thematic_map.label_expression)
        coverage.setSortFeatures(True)
        coverage.setSortExpression(thematic_map.label_expression)
        title.setText(title.text() + f" — [% {thematic_map.label_expression} %]")
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(0.25)


def atlas_page_count(layout) -> int:
    atlas = layout.atlas()
    if not atlas.enabled():
        return layout.pageCollection().pageCount()
    atlas.updateFeatures()
    return atlas.count()


# --- export ------------------------------------------------------------------

FORMATS = (".pdf", ".png", ".svg")
_RESULT_MESSAGES = {
    QgsLayoutExporter.ExportResult.FileError: lambda: tr("the file could not be written"),
    QgsLayoutExporter.ExportResult.PrintError: lambda: tr("the PDF could not be created"),
    QgsLayoutExporter.ExportResult.MemoryError: lambda: tr("there was not enough memory for this resolution"),
    QgsLayoutExporter.ExportResult.SvgLayerError: lambda: tr("an SVG layer could not be written"),
    QgsLayoutExporter.ExportResult.IteratorError: lambda: tr("the atlas could not step through the townships"),
    QgsLayoutExporter.ExportResult.Canceled: lambda: tr("the export was cancelled"),
}


def _fail(path, result, detail=""):
    reason = _RESULT_MESSAGES.get(result, lambda: tr("unknown error"))()
    raise PlanInputError(
        tr("The map could not be exported to {path}: {reason}{detail}.").format(
            path=path, reason=reason, detail=f" ({detail})" if detail else ""),
        tr("Check that the folder exists and is writable and the disk is not full; for PNG, try a lower DPI."))


def export_layout(layout, path, dpi: int = 300, feedback=None) -> List[str]:
    """Write ``layout`` to ``path`` (.pdf, .png or .svg, by its extension); return the files written.

    With the atlas enabled a PDF holds one page per feature; PNG and SVG give one
    file per feature, ``<name>_<n>.<ext>`` beside ``path``. Files are written to a
    temporary name first and then replace the destination."""
    path = Path(path)
    extension = path.suffix.lower()
    if extension not in FORMATS:
        raise PlanInputError(tr("Cannot export a map to '{path}'.").format(path=path),
                             tr("Give the output file the extension .pdf, .png or .svg."))
    path.parent.mkdir(parents=True, exist_ok=True)
    atlas = layout.atlas() if layout.atlas().enabled() else None
    if atlas is not None:
        count = atlas_page_count(layout)
        if count == 0:
            raise PlanInputError(tr("The atlas has no pages: the township layer has no features."),
                                 tr("Choose a layer with features, or export without the atlas."))
    check_cancel(feedback)
    exporter = QgsLayoutExporter(layout)
    if extension == ".pdf":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # searchable, copyable names
        settings.rasterizeWholeImage = False
        return [_atomic(path, lambda temporary: _checked(
            path, exporter.exportToPdf(temporary, settings) if atlas is None
            else QgsLayoutExporter.exportToPdf(atlas, temporary, settings, feedback)))]
    if extension == ".png":
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        single = exporter.exportToImage
        many = lambda base: QgsLayoutExporter.exportToImage(atlas, base, "png", settings, feedback)  # noqa: E731
    else:
        settings = QgsLayoutExporter.SvgExportSettings()
        settings.dpi = dpi
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        settings.exportAsLayers = False
        single = exporter.exportToSvg
        many = lambda base: QgsLayoutExporter.exportToSvg(atlas, base, settings, feedback)  # noqa: E731
    if atlas is None:
        return [_atomic(path, lambda temporary: _checked(path, single(temporary, settings)))]
    return _export_atlas_files(atlas, path, many, count)


def _checked(path, result):
    if isinstance(result, tuple):
        result, detail = result
    else:
        detail = ""
    if result != QgsLayoutExporter.ExportResult.Success:
        _fail(path, result, detail)


def _atomic(path: Path, write) -> str:
    def write_checked(temporary):
        write(temporary)
        if not os.path.exists(temporary) or os.path.getsize(temporary) == 0:
            _fail(path, QgsLayoutExporter.ExportResult.FileError)

    return atomic_write(path, write_checked)


def _export_atlas_files(atlas, path: Path, export, count: int) -> List[str]:
    """One file per atlas page: written in a temporary folder beside ``path``, then moved."""
    digits = len(str(count))
    stem = path.stem.replace("'", "''")
    atlas.setFilenameExpression(f"'{stem}_' || lpad(to_string(@atlas_featurenumber), {digits}, '0')")
    folder = tempfile.mkdtemp(prefix=f".{path.stem}.", dir=path.parent)
    try:
        _checked(path, export(os.path.join(folder, path.name)))
        written = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() == path.suffix.lower())
        if len(written) != count:
            _fail(path, QgsLayoutExporter.ExportResult.FileError,
                  tr("{n} of {count} pages written").format(n=len(written), count=count))
        results = []
        for page in written:
            target = path.parent / page.name
            usual_permissions(page)
            os.replace(page, target)
            results.append(str(target))
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def export_thematic_map(layer, theme_key: str, path, field_name: str = "", extra_layers: Sequence = (),
                        paper: str = "a3_landscape", title: str = "", atlas: bool = False, dpi: int = 300,
                        catalogue_file: str = "", label_field: str = "", feedback=None):
    """Prepare, lay out and export in one call; returns (files, thematic_map)."""
    thematic_map = prepare_thematic_map(layer, theme_key, field_name, extra_layers, title,
                                        catalogue_file=catalogue_file, label_field=label_field, feedback=feedback)
    layout = build_layout(thematic_map, paper, atlas)
    files = export_layout(layout, path, dpi, feedback)
    return files, thematic_map
