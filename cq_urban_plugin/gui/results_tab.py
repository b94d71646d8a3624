"""The panel's Results tab: what the checks measured, beside the plan's targets.

Each check adds a heading row (the check and its target) and one row per result:
the township or scope, its figure with its unit, the verdict (green met, red not
met); the target, the gap and the reason are in each row's tooltip. Click a row
to zoom the map to its township (or layer). The rows come from gui/results.py;
nothing here computes a figure.
"""
from qgis.PyQt.QtCore import QEvent, QRect, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFontMetrics
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.checks.targets import figure_text
from ..i18n import tr
from .results import row_extent
from .widgets import compact_table

# How the units the algorithms return read in the panel.
UNITS = {"percent": "%", "km2": "km²"}

GREEN = QColor(198, 239, 206)
RED = QColor(255, 199, 206)

# Columns of the results table: the township or scope, its figure (with unit), the verdict. Each check
# starts with a row naming it and its target; the target, the gap and the reason are in each row's tooltip.
RESULT_COLUMNS = ("scope", "measured", "result")


class ResultsTab(QWidget):
    """``ResultsTab(session)``; ``result_rows`` the results shown (gui.results.ResultRow), in order."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.result_rows = []
        self.result_table_rows = []  # per row of the results table: the result's index, None for a heading
        self._build()

    def _build(self):
        layout = QVBoxLayout(self)
        self.results_table = QTableWidget(0, len(RESULT_COLUMNS))
        self.results_table.setObjectName("results")
        self.results_table.setHorizontalHeaderLabels(
            [tr("Scope"), tr("Measured"), tr("Result")])
        compact_table(self.results_table)
        # Row heights set by fit_rows: a check's heading row spans the table and wraps at its width.
        self.results_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.results_table.viewport().installEventFilter(self)
        header = self.results_table.horizontalHeader()
        for column in (1, 2):  # the figures whole; the township's name takes the rest, wrapped
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.results_table.setToolTip(tr("Point at a row for the check, the gap and the reason."))
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_table.cellClicked.connect(self._result_clicked)
        layout.addWidget(self.results_table, 1)
        hint = QLabel(tr("Click a row to zoom the map to the township."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        clear = QPushButton(tr("Clear results"))
        clear.clicked.connect(self.clear_results)
        layout.addWidget(clear)

    def add_result_rows(self, rows, heading: str = ""):
        """One row per result, under a row naming the check (``heading``, default the first row's check)."""
        if not rows:
            return
        heading = heading or rows[0].check
        table = self.results_table
        index = table.rowCount()
        table.insertRow(index)
        item = QTableWidgetItem(heading)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        table.setItem(index, 0, item)
        table.setSpan(index, 0, 1, len(RESULT_COLUMNS))
        self.result_table_rows.append(None)
        for row in rows:
            self.result_rows.append(row)
            self.result_table_rows.append(len(self.result_rows) - 1)
            index = table.rowCount()
            table.insertRow(index)
            values = (row.scope, measured_text(row), status_of(row))
            tooltip = result_tooltip(row)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row.passed is not None:
                    item.setBackground(QBrush(GREEN if row.passed else RED))
                item.setToolTip(tooltip)
                table.setItem(index, column, item)
        self.fit_rows()

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if watched is self.results_table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_rows()
        return super().eventFilter(watched, event)

    def fit_rows(self):
        """Row heights for the table's width: a heading row wraps across the whole table."""
        table = self.results_table
        width = max(table.viewport().width() - 6, 20)
        for row, index in enumerate(self.result_table_rows):
            item = table.item(row, 0)
            if index is None and item is not None:
                metrics = QFontMetrics(item.font())
                rect = metrics.boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, item.text())
                table.setRowHeight(row, rect.height() + 8)
            else:
                table.resizeRowToContents(row)

    def table_row(self, index: int) -> int:
        """The results table's row showing result ``index`` (-1 if none)."""
        try:
            return self.result_table_rows.index(index)
        except ValueError:
            return -1

    def clear_results(self):
        self.result_rows = []
        self.result_table_rows = []
        self.results_table.clearSpans()
        self.results_table.setRowCount(0)

    def _result_clicked(self, row, _column):
        if 0 <= row < len(self.result_table_rows) and self.result_table_rows[row] is not None:
            self.zoom_to_row(self.result_table_rows[row])

    def zoom_to_row(self, index: int) -> bool:
        """Zoom the map canvas to the township (or the layer) of a results row."""
        if index < 0 or index >= len(self.result_rows):
            return False
        canvas = self.session.canvas()
        if canvas is None:
            return False
        extent = row_extent(self.result_rows[index], canvas.mapSettings().destinationCrs())
        if extent is None:
            return False
        canvas.setExtent(extent)
        canvas.refresh()
        return True


def status_of(row) -> str:
    """The verdict column: met / not met; for a township without a target of its own, a dash."""
    if row.passed is None and row.fid is not None:
        return tr("not checked") if row.reason else "—"
    return row.status


def measured_text(row) -> str:
    """'138.40 km²', '13 townships', or '1.0 %' over the line it is the share of (figures by their unit)."""
    unit = UNITS.get(row.unit, row.unit)
    if row.measured is None:
        return figure_text(None, row.unit)
    if row.unit == "townships":
        text = tr("{n} townships").format(n=int(round(row.measured)))
    else:
        text = f"{figure_text(row.measured, row.unit)} {unit}".strip()
    return f"{text}\n{row.figure}" if row.figure else text


def result_tooltip(row) -> str:
    """The check, scope, figures and the reason of a result row."""
    lines = [f"{row.check}: {row.scope}",
             tr("Measured: {value}").format(value=measured_text(row).replace("\n", " ")),
             tr("Target: {value}").format(value=figure_text(row.target, row.unit)),
             tr("Gap: {value}").format(value=figure_text(row.gap, row.unit)),
             tr("Result: {value}").format(value=row.status)]
    if row.reason:
        lines.append(tr("Reason: {reason}").format(reason=row.reason))
    return "\n".join(lines)

