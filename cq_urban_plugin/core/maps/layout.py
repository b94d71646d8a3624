"""Thematic maps of the plan structure and of the checks' results, as print layouts.

A map is built in three steps, each usable on its own:

1. ``prepare_thematic_map`` (``core.maps.content``) styles copies of the
   user's layers for a theme and labels the townships in Chinese.
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
from pathlib import Path
from typing import List, Sequence

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutUtils,
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsSymbolLayerUtils,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtXml import QDomDocument

from ...compat import DistanceUnit, LegendComponent, ScaleBarSegmentSizeMode
from ...i18n import tr
from ...resources import style_path
from ..errors import PlanInputError, check_cancel
from ..files.atomic import atomic_write, usual_permissions
from ..geo.measure import crs_text
from .content import ThematicMap, copy_layer, prepare_thematic_map
from .fonts import PREFERRED_CJK_FONT, plain_font, sized_font

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


def fill_legend(legend, map_item, layers):
    """``legend`` titled Legend, linked to ``map_item``, listing ``layers`` in their order (not the project's)."""
    legend.setAutoUpdateModel(False)
    legend.setLinkedMap(map_item)
    legend.setTitle(tr("Legend"))
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addLayer(layer)
    return legend


def link_scalebar(scalebar, map_item, crs, fixed: bool = True):
    """``scalebar`` in km under ``map_item``: with ``fixed`` and a projected map, round segments (1, 2 or
    5 × 10^n km) about a fifth of the map wide; else (an atlas page fits its own) QGIS's sizes."""
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(DistanceUnit.Kilometers)
    scalebar.setUnitLabel("km")
    scalebar.setMapUnitsPerScaleBarUnit(1.0)  # QGIS converts the map's metres to km itself
    if fixed and crs.mapUnits() == DistanceUnit.Meters:
        scalebar.setSegmentSizeMode(ScaleBarSegmentSizeMode.Fixed)
        scalebar.setUnitsPerSegment(nice_segment_km(map_item.extent().width() / 1000.0 / 5 / 4))
    scalebar.update()
    return scalebar


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
            item.setFont(plain_font(font))
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (LegendComponent.Title, LegendComponent.Group, LegendComponent.Subgroup,
                          LegendComponent.SymbolLabel):
                font = item.styleFont(style)
                font.setFamily(family)
                item.setStyleFont(style, plain_font(font))
        elif isinstance(item, QgsLayoutItemScaleBar):
            text_format = item.textFormat()
            font = text_format.font()
            font.setFamily(family)
            text_format.setFont(plain_font(font))
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
    text.setFont(sized_font(PREFERRED_CJK_FONT, 16, True))
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

    legend = fill_legend(_item(layout, "legend", QgsLayoutItemLegend), map_item, thematic_map.layers)
    root = legend.model().rootGroup()
    # Long legends (e.g. 开州's function types and their contradictions) use the template's
    # columns; short ones stay in one column.
    entries = sum(len(legend.model().layerLegendNodes(node)) for node in root.findLayers())
    legend.setSplitLayer(legend.columnCount() > 1 and entries > 6)
    legend.updateLegend()

    link_scalebar(_item(layout, "scalebar", QgsLayoutItemScaleBar), map_item, crs, fixed=not atlas)

    _north_arrow(layout, map_item)
    _item(layout, "crs_note", QgsLayoutItemLabel).setText(
        tr("Coordinate system: {crs} ({authid})").format(crs=crs_text(crs), authid=crs.authid()))
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
                        and not (rest[i - 1] in ":：" and rest[i].isdigit())  # EPSG:4545, file.txt:39 kept whole
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
    item.setFont(plain_font(font))
    item.setText("\n".join(lines))


def _fit_text(item, text: str, smallest: float = 8.0):
    """Shrink a one-line label's font until ``text`` fits its width (long plan titles on A4)."""
    font = item.font()
    available = item.sizeWithUnits().width() - 2 * item.marginX()
    width = QgsLayoutUtils.textWidthMM(font, text)
    if width > available > 0:
        font.setPointSizeF(max(smallest, font.pointSizeF() * available / width * 0.98))
        item.setFont(plain_font(font))


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
    pages = copy_layer(thematic_map.main)
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
                        catalogue_file: str = "", label_field: str = "", feedback=None, townships=None):
    """Prepare, lay out and export in one call; returns (files, thematic_map)."""
    thematic_map = prepare_thematic_map(layer, theme_key, field_name, extra_layers, title,
                                        catalogue_file=catalogue_file, label_field=label_field, feedback=feedback,
                                        townships=townships)
    layout = build_layout(thematic_map, paper, atlas)
    files = export_layout(layout, path, dpi, feedback)
    return files, thematic_map
