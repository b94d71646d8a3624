"""The panel's Whole plan tab (整体校核): every target of the catalogue the layers can measure, in one run.

A layer picker per role of ``cq_urban:check_plan`` (filtered by the geometry the role is read as;
defaults suggested by the session from the layers' names, gui/defaults.py), the session's catalogue,
township layer and name field; the Run button runs the algorithm in a QGIS task (one run at a time,
cancellable, as the other checks). When it ends: the counts in the status line, the SUMMARY rows in the
tab's table (target, measured, verdict green or red; the target, gap, how it was measured and the reason
a target was not measured in each row's tooltip) and a button opening the HTML report. Every figure is
the algorithm's; the tab computes none. The same choices also make the jurisdiction's dossier (one PDF:
cover, summary, a page per measured target, the targets not measured) with cq_urban:export_dossier.
"""
import os
import tempfile

from qgis.core import NULL
from qgis.gui import QgsFieldComboBox, QgsFileWidget
from qgis.PyQt.QtCore import QEvent, QSize, Qt, QUrl
from qgis.PyQt.QtGui import QBrush, QDesktopServices, QTextLayout, QTextOption
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import definitions
from ..compat import LayerFilter
from ..core.checks.targets import figure_text, unit_text
from ..core.errors import PlanInputError
from ..i18n import tr
from .results_tab import GREEN, RED
from .tasks import layer_output, result_layer
from .widgets import add_row, compact_table, layer_combo, narrow_combo, narrow_form

PLAN_ID = definitions.algorithm_id(definitions.CHECK_PLAN)
DOSSIER_ID = definitions.algorithm_id(definitions.EXPORT_DOSSIER)
COUNT_KEYS = ("TARGETS", "MEASURED_COUNT", "MET_COUNT", "NOT_MET_COUNT", "NOT_MEASURED_COUNT")


def _roles():
    """(parameter, picker name, label, layer filter) per role, in the algorithm's order (townships: the session's)."""
    polygon, point, line = LayerFilter.PolygonLayer, LayerFilter.PointLayer, LayerFilter.LineLayer
    return [
        ("BUILTUP", "plan_builtup", tr("Built-up area polygons (建成区)"), polygon),
        ("LANDUSE", "plan_landuse", tr("Land use (三调 地类图斑 or 用地用海)"), polygon),
        ("STOPS", "plan_stops", tr("Bus stops (points)"), point),
        ("FACILITIES", "plan_facilities", tr("Facilities (points)"), point | polygon),
        ("ROADS", "plan_roads", tr("Roads and footpaths (lines)"), line),
        ("POPULATION", "plan_population", tr("Population: a raster of persons per cell, or points"),
         LayerFilter.RasterLayer | point),
        ("GREEN", "plan_green", tr("Green land or vegetation cover (polygons)"), polygon),
        ("FOREST", "plan_forest", tr("Forest (polygons)"), polygon),
        ("ECOLOGY", "plan_ecology", tr("Ecological red line (生态保护红线)"), polygon),
        ("FARMLAND", "plan_farmland", tr("Permanent basic farmland (永久基本农田)"), polygon),
        ("DEVELOPMENT", "plan_development", tr("Urban development boundary (城镇开发边界)"), polygon),
        ("RIVER", "plan_river", tr("Rivers (lines or water polygons)"), line | polygon),
        ("PLANTS", "plan_plants", tr("Plants kept away from the rivers (chemical projects)"), point | line | polygon),
    ]


class PlanTab(QWidget):
    """``PlanTab(session)``; ``plan_rows`` the SUMMARY rows shown (dicts of its fields), ``counts`` the
    counts of the last run, ``report_path`` its HTML report ('' before)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.plan_rows = []
        self.counts = {}
        self.report_path = ""
        self.dossier_path = ""  # the last dossier written
        self.dossier_pages = 0
        self.pickers = {}   # parameter -> its layer picker
        self._build()
        session.add_run_buttons(self.run_button, self.dossier_button)

    def _build(self):
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("plan_splitter")
        splitter.setChildrenCollapsible(False)

        inputs = QWidget()
        form = narrow_form(inputs)
        for parameter, name, label, filters in _roles():
            combo = layer_combo(name, filters, optional=True)
            add_row(form, label, combo)
            self.pickers[parameter] = combo
            if parameter in ("LANDUSE", "POPULATION"):
                add_row(form, *self._field_picker(parameter, combo))
        # The dossier's paper and file (its button beside the report's, below).
        self.dossier_paper_combo = narrow_combo(QComboBox())
        self.dossier_paper_combo.setObjectName("plan_dossier_paper")
        self.dossier_paper_combo.addItems([tr("A4 portrait"), tr("A3 portrait")])
        add_row(form, tr("Dossier paper"), self.dossier_paper_combo)
        self.dossier_file = QgsFileWidget()
        self.dossier_file.setObjectName("plan_dossier_file")
        self.dossier_file.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.dossier_file.setFilter(tr("PDF files (*.pdf)"))
        add_row(form, tr("Save the dossier as"), self.dossier_file)
        scroll = QScrollArea()
        scroll.setObjectName("plan_scroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inputs)
        splitter.addWidget(scroll)

        below = QWidget()
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 0, 0, 0)
        self.run_button = QPushButton(tr("Check the whole plan"))
        self.run_button.setObjectName("plan_run")
        self.run_button.setToolTip(tr("Every target of the catalogue that the layers chosen can measure, on the "
                                      "township layer chosen above."))
        self.run_button.clicked.connect(self.run_plan)
        column.addWidget(self.run_button)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("plan_results")
        self.table.setHorizontalHeaderLabels([tr("Indicator"), tr("Measured"), tr("Result")])
        compact_table(self.table)
        self.table.setItemDelegate(_WrappedDelegate(self.table))  # rows as high as their wrapped texts
        header = self.table.horizontalHeader()
        for index in (1, 2):  # widths set by fit_columns; the target's name takes the rest, wrapped
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Interactive)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setToolTip(tr("Point at a row for the target, the gap and the reason."))
        self.table.viewport().installEventFilter(self)
        column.addWidget(self.table, 1)
        self.report_button = QPushButton(tr("Open the report"))
        self.report_button.setObjectName("plan_report")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.open_report)
        self.dossier_button = QPushButton(tr("Export dossier (PDF)"))
        self.dossier_button.setObjectName("plan_dossier")
        self.dossier_button.setToolTip(tr("The whole-plan check of the layers chosen above, laid out as one PDF "
                                          "for the plan revision: cover, summary table, one page per measured "
                                          "target with its map and chart, the targets not measured and why."))
        self.dossier_button.clicked.connect(self.run_dossier)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.dossier_button)
        column.addLayout(buttons)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)

    def _field_picker(self, parameter, combo):
        """The land-use class field, or the persons field of population points (optional, empty: the usual one)."""
        fields = narrow_combo(QgsFieldComboBox())
        fields.setObjectName(f"plan_{parameter.lower()}_field")
        fields.setAllowEmptyFieldName(True)
        fields.setLayer(combo.currentLayer())
        combo.layerChanged.connect(lambda layer: fields.setLayer(layer if hasattr(layer, "fields") else None))
        if parameter == "LANDUSE":
            self.landuse_field_combo = fields
            return tr("Land-use class field (empty: the preset's usual field)"), fields
        self.population_field_combo = fields
        return tr("Persons field of the population points"), fields

    def plan_combos(self):
        """The tab's layer pickers, by name (their objectName, the key they are remembered under)."""
        return {combo.objectName(): combo for combo in self.pickers.values()}

    # ------------------------------------------------------------- running
    def inputs(self) -> dict:
        """The catalogue, layers and fields chosen, as check_plan's and export_dossier's parameters
        (PlanInputError when incomplete)."""
        session = self.session
        if not session.catalogue_path():
            raise PlanInputError(tr("Choose a plan catalogue."))
        parameters = dict(session.catalogue_parameters())
        townships, name_field = session.check_townships(), session.name_field()
        if townships is not None:
            parameters["TOWNSHIPS"] = townships
            if name_field and townships.fields().indexOf(name_field) >= 0:
                parameters["TOWNSHIP_NAME_FIELD"] = name_field
        for parameter, combo in self.pickers.items():
            if combo.currentLayer() is not None:
                parameters[parameter] = combo.currentLayer()
        if len(parameters) == len(session.catalogue_parameters()):
            raise PlanInputError(tr("Choose the township layer or a layer to measure."))
        for key, combo in (("LANDUSE_FIELD", self.landuse_field_combo),
                           ("POPULATION_FIELD", self.population_field_combo)):
            if combo.layer() is not None and combo.currentField():
                parameters[key] = combo.currentField()
        return parameters

    def parameters(self) -> dict:
        """cq_urban:check_plan's parameters: the inputs, a summary layer and a report in a folder of its own."""
        parameters = self.inputs()
        parameters["SUMMARY"] = layer_output(tr("Plan check summary"))
        parameters["REPORT"] = os.path.join(tempfile.mkdtemp(prefix="cq_urban_"), "plan_report.html")
        return parameters

    def dossier_parameters(self) -> dict:
        """cq_urban:export_dossier's parameters: the whole plan's choices, the paper and the file."""
        parameters = self.inputs()
        path = self.dossier_file.filePath().strip()
        if not path:
            raise PlanInputError(tr("Choose the file to save the dossier as."))
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        parameters["PAPER"] = self.dossier_paper_combo.currentIndex()
        parameters["OUTPUT"] = path
        return parameters

    def _start(self, build, algorithm_id, title, done) -> bool:
        parameters = self.session.guarded(build)
        return parameters is not None and self.session.start(algorithm_id, parameters, title, done)

    def run_dossier(self) -> bool:
        return self._start(self.dossier_parameters, DOSSIER_ID, tr("Dossier"), self.show_dossier)

    def show_dossier(self, results):
        output = str(results.get("OUTPUT") or "")
        self.dossier_path = output if output and os.path.exists(output) else ""
        self.dossier_pages = int(results.get("PAGES") or 0)
        self.session.show_message(tr("Dossier saved: {path} ({pages} pages).").format(
            path=self.dossier_path, pages=self.dossier_pages))

    def run_plan(self) -> bool:
        return self._start(self.parameters, PLAN_ID, tr("Whole plan"), self.show_results)

    def show_results(self, results):
        """The counts in the status line, the summary's rows in the table, the report linked."""
        self.counts = {key: int(results.get(key) or 0) for key in COUNT_KEYS}
        summary = result_layer(results.get("SUMMARY"))
        rows = []
        if summary is not None:
            names = summary.fields().names()
            for feature in summary.getFeatures():
                rows.append({name: (None if feature[name] == NULL else feature[name]) for name in names})
        self.show_rows(rows)
        report = results.get("REPORT")
        self.report_path = str(report) if report and os.path.exists(str(report)) else ""
        self.report_button.setEnabled(bool(self.report_path))
        self.session.status_label.setText(counts_text(self.counts))

    def show_rows(self, rows):
        self.plan_rows = list(rows)
        table = self.table
        table.setRowCount(0)
        for row in self.plan_rows:
            index = table.rowCount()
            table.insertRow(index)
            passed = {"met": True, "not_met": False}.get(row.get("status"))
            tooltip = row_tooltip(row)
            for column, text in enumerate((target_text(row), measured_text(row), row.get("verdict") or "")):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if passed is not None:
                    item.setBackground(QBrush(GREEN if passed else RED))
                item.setToolTip(tooltip)
                table.setItem(index, column, item)
        self.fit_columns()

    def fit_columns(self):
        """The figure and the verdict whole where they can be, at most about a third of the width each; the
        target's name the rest; rows as high as their wrapped texts (_WrappedDelegate)."""
        table, header = self.table, self.table.horizontalHeader()
        width = table.viewport().width()
        for column, share in ((1, 0.32), (2, 0.28)):
            wanted = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, max(min(wanted, int(width * share)), header.sectionSizeHint(column)))
        table.resizeRowsToContents()

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()  # the wrapped names' heights follow the width
        return super().eventFilter(watched, event)

    def open_report(self) -> bool:
        if not self.report_path:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(self.report_path))


class _WrappedDelegate(QStyledItemDelegate):
    """Size hints as high as the text laid out as Qt paints it: a line with glyphs of a fallback font (中文,
    km², ≥) is higher than the font's own, the default hint undercounts, and Qt drops a line that does not
    fit rather than clip it. Measured a few pixels narrower than the cell."""

    def __init__(self, table):
        super().__init__(table)
        self._table = table

    def sizeHint(self, option, index):  # noqa: N802 (Qt's name)
        hint = super().sizeHint(option, index)
        width = max(self._table.columnWidth(index.column()) - 12, 10)
        height = _text_height(option.font, str(index.data() or ""), width) + 10
        return QSize(hint.width(), max(hint.height(), height))


def _text_height(font, text, width) -> int:
    """The height of ``text`` word-wrapped at ``width`` pixels, as a QTextLayout lays it out."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        height += line.height()
    layout.endLayout()
    return int(height + 0.999)


def counts_text(counts) -> str:
    return tr("{measured} targets measured, {met} met, {not_met} not met, {not_measured} not measured").format(
        measured=counts.get("MEASURED_COUNT", 0), met=counts.get("MET_COUNT", 0),
        not_met=counts.get("NOT_MET_COUNT", 0), not_measured=counts.get("NOT_MEASURED_COUNT", 0))


def _unit(row) -> str:
    """'%', 'km²', '万人'; a unit the reader has no word for with spaces, so that it wraps (10k mu)."""
    return unit_text(row.get("unit") or "").replace("_", " ")


def target_text(row) -> str:
    """'城镇开发边界内建设用地 ≤ 145 km² (2025)': the target's name, figure and year."""
    figure = f" {row['target']} {_unit(row)}".rstrip() if row.get("target") else ""
    year = f" ({row['year']})" if row.get("year") else ""
    return f"{row.get('label') or row.get('target_id') or ''}{figure}{year}"


def measured_text(row) -> str:
    if row.get("measured") is None:
        return "—"
    return f"{figure_text(row['measured'], row.get('unit'))} {_unit(row)}".strip()


def row_tooltip(row) -> str:
    """The target, its scope, figures, verdict, how it was measured and why not."""
    lines = [f"{row.get('target_id') or ''}: {row.get('label') or ''}"]
    if row.get("scope"):
        lines.append(tr("Scope: {value}").format(value=row["scope"]))
    lines.append(tr("Target: {value}").format(value=f"{row.get('target') or '—'} {_unit(row)}".strip()))
    lines.append(tr("Measured: {value}").format(value=measured_text(row)))
    if row.get("gap") is not None:
        lines.append(tr("Gap: {value}").format(value=figure_text(row["gap"], row.get("unit"))))
    lines.append(tr("Result: {value}").format(value=row.get("verdict") or ""))
    if row.get("how"):
        lines.append(tr("How it was measured: {how}").format(how=row["how"]))
    if row.get("reason"):
        lines.append(tr("Reason: {reason}").format(reason=row["reason"]))
    if row.get("citation"):
        lines.append(tr("Plan text: {citation}").format(citation=row["citation"]))
    return "\n".join(lines)
