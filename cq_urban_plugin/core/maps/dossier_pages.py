"""The pages of a plan-check dossier (``core.maps.dossier``), laid out on one QgsPrintLayout: a
cover, tables that run on over as many pages as they need, and one page per indicator with its
map, legend, scale bar, chart and definition. Positions are given in millimetres of an A4 portrait
page and scaled to the paper (A3: × √2); every text is a label in the maps' CJK font."""
from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...i18n import tr
from ..checks.targets import figure_text
from ..geo.measure import crs_text
from .fonts import cjk_font_family, sized_font
from .layout import _fit, _refont, _wrap_text, fill_legend, link_scalebar

PAPER_SIZES = {"a4": (210.0, 297.0), "a3": (297.0, 420.0)}
MET_BACKGROUND, NOT_MET_BACKGROUND, HEADER_BACKGROUND = "#d9f2d9", "#f8d7d7", "#e6e6e6"
ROW_MM, TOP_MM, BOTTOM_MM = 11.0, 24.0, 16.0


class DossierLayout:
    """A multi-page print layout built page by page."""

    def __init__(self, project, paper: str = "a4"):
        self.width, self.height = PAPER_SIZES[paper]
        self.scale = self.width / 210.0
        self.family = cjk_font_family()
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()  # one A4 page
        self.layout.pageCollection().page(0).setPageSize(QgsLayoutSize(self.width, self.height))
        self.layout.setName(tr("Plan check dossier"))
        self.used = 0                     # pages holding something
        self.maps: List[object] = []      # the thematic maps, kept alive with the layout
        self.layout.dossier = self

    @property
    def page_count(self) -> int:
        return self.layout.pageCollection().pageCount()

    def new_page(self) -> int:
        if self.used == self.page_count:
            page = QgsLayoutItemPage(self.layout)
            page.setPageSize(QgsLayoutSize(self.width, self.height))
            self.layout.pageCollection().addPage(page)
        self.used += 1
        return self.used - 1

    def _place(self, item, page: int, x, y, w, h):
        self.layout.addLayoutItem(item)
        item.attemptResize(QgsLayoutSize(w * self.scale, h * self.scale))
        item.attemptMove(QgsLayoutPoint(x * self.scale, y * self.scale), True, False, page)
        return item

    def label(self, page: int, x, y, w, h, text: str, size: float = 9.0, bold: bool = False,
              background: Optional[str] = None, wrap: bool = True, align=Qt.AlignmentFlag.AlignLeft):
        item = QgsLayoutItemLabel(self.layout)
        item.setFont(sized_font(self.family, size * self.scale, bold))
        item.setHAlign(align)
        item.setVAlign(Qt.AlignmentFlag.AlignVCenter if h <= ROW_MM else Qt.AlignmentFlag.AlignTop)
        item.setMarginX(1.0)
        item.setMarginY(0.5)
        safe = text.replace("[%", "[ %")  # text, not an expression
        item.setText(safe)
        self._place(item, page, x, y, w, h)
        if background:
            item.setBackgroundEnabled(True)
            item.setBackgroundColor(QColor(background))
        if wrap:
            _wrap_text(item, safe)
        return item

    # --- the pages -------------------------------------------------------------------------
    def cover(self, title: str, documents: Sequence[str], facts: Sequence[str], sources: Sequence[str]):
        page = self.new_page()
        self.label(page, 15, 60, 180, 22, title, 22, bold=True)
        self.label(page, 15, 86, 180, 30, "\n".join(documents), 12)
        self.label(page, 15, 122, 180, 26, "\n".join(facts), 11)
        self.label(page, 15, 154, 180, 8, tr("Data sources"), 11, bold=True, wrap=False)
        self.label(page, 15, 163, 180, 90, "\n".join(sources) or "—", 9)

    def table(self, title: str, columns: Sequence[Tuple[str, float]], rows: Sequence[Tuple[list, object]]):
        """A table under ``title`` over as many pages as it needs; a row coloured by its verdict."""
        per_page = int((self.height / self.scale - TOP_MM - BOTTOM_MM) // ROW_MM) - 1
        chunks = [rows[i:i + per_page] for i in range(0, len(rows), per_page)] or [[]]
        for number, chunk in enumerate(chunks):
            page = self.new_page()
            heading = title if number == 0 else tr("{title} (continued)").format(title=title)
            self.label(page, 10, 8, 190, 12, heading, 15, bold=True, wrap=False)
            y = TOP_MM
            x = 10.0
            for header, width in columns:
                self.label(page, x, y, width, ROW_MM, header, 8, bold=True, background=HEADER_BACKGROUND)
                x += width
            if not chunk:
                self.label(page, 10, y + ROW_MM, 190, ROW_MM, tr("None."), 9)
            for cells, passed in chunk:
                y += ROW_MM
                x = 10.0
                background = {True: MET_BACKGROUND, False: NOT_MET_BACKGROUND}.get(passed)
                for (_, width), cell in zip(columns, cells):
                    self.label(page, x, y, width, ROW_MM, str(cell), 7.5, background=background)
                    x += width

    def indicator_page(self, page_data, thematic, chart_files: Sequence[str]):
        row = page_data.row
        page = self.new_page()
        self.label(page, 10, 8, 190, 11, row.label, 16, bold=True)
        unit = page_data.unit
        figures = [tr("target {value}").format(value=f"{row.target} {unit}".strip()) if row.target else "",
                   tr("measured {value}").format(value=f"{figure_text(row.measured, row.unit)} {unit}".strip())
                   if row.measured is not None else "", row.verdict]
        self.label(page, 10, 19, 190, 8, tr(", ").join(f for f in figures if f), 10)
        if thematic is not None:
            self._map(page, thematic)
        for index, path in enumerate(chart_files[:2]):
            picture = QgsLayoutItemPicture(self.layout)
            picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
            picture.setPicturePath(path)
            width = 118.0 / len(chart_files[:2])
            self._place(picture, page, 82 + index * width, 140, width - 1, 116)
        definition = [tr("Definition: {how}").format(how=row.how) if row.how else "",
                      tr("Plan text: {citation}").format(citation=page_data.citation) if page_data.citation else "",
                      tr("Method: {method}").format(method=page_data.method) if page_data.method else ""]
        self.label(page, 10, 258, 190, 30, "\n".join(d for d in definition if d), 8)

    def _map(self, page: int, thematic):
        self.maps.append(thematic)
        map_item = QgsLayoutItemMap(self.layout)
        self._place(map_item, page, 10, 28, 190, 110)
        map_item.setCrs(thematic.map_crs)
        map_item.setLayers(thematic.layers)
        map_item.setKeepLayerSet(True)
        map_item.setFrameEnabled(True)
        map_item.setExtent(_fit(thematic.extent(), map_item.rect(), margin=1.04))
        legend = fill_legend(QgsLayoutItemLegend(self.layout), map_item, thematic.layers)
        self._place(legend, page, 10, 140, 70, 74)
        legend.setResizeToContents(False)
        legend.updateLegend()
        scalebar = QgsLayoutItemScaleBar(self.layout)
        scalebar.setStyle("Single Box")
        scalebar.setLinkedMap(map_item)
        scalebar.applyDefaultSize()
        scalebar.setNumberOfSegments(4)
        scalebar.setNumberOfSegmentsLeft(0)
        self._place(scalebar, page, 10, 232, 70, 10)
        link_scalebar(scalebar, map_item, thematic.map_crs)
        self.label(page, 10, 244, 70, 12, tr("Coordinate system: {crs} ({authid})").format(
            crs=crs_text(thematic.map_crs), authid=thematic.map_crs.authid()), 7)

    def number_pages(self):
        """Page numbers, and every text of the layout in the CJK family."""
        for page in range(self.used):
            self.label(page, 150, 289, 50, 6, f"{page + 1} / {self.used}", 7, wrap=False,
                       align=Qt.AlignmentFlag.AlignRight)
        while self.page_count > self.used:
            self.layout.pageCollection().deletePage(self.page_count - 1)
        _refont(self.layout, self.family)
