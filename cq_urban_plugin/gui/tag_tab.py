"""The panel's Tagging tab: tag the townships with the plan's roles, and the match report.

Runs cq_urban:tag_townships on the session's township layer and catalogue; shows the
names that matched none, several or a part of the plan's townships (double-click a
row to zoom to the feature), fixes a name in place (undoable) and tags again, and
opens the tagged layer's attribute table to edit roles by hand.
"""
from qgis.core import Qgis, QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import definitions
from ..core.errors import PlanInputError
from ..i18n import tr
from .edits import set_attribute
from .results import feature_extent
from .tasks import layer_output, result_layer
from .widgets import compact_table

TAG_ID = definitions.algorithm_id(definitions.TAG_TOWNSHIPS)

# Columns of the match report table.
MATCH_COLUMNS = ("name", "problem", "candidates")


class TagTab(QWidget):
    """``TagTab(session, on_tagged)``: ``on_tagged(layer)`` is called with each new tagging output."""

    def __init__(self, session, on_tagged=None, parent=None):
        super().__init__(parent)
        self.session = session
        self.on_tagged = on_tagged
        self.match_rows = []
        self._build()
        session.add_run_buttons(self.tag_button, self.fix_button)

    def _build(self):
        layout = QVBoxLayout(self)
        save_label = QLabel(tr("Save the tagged layer as"))
        save_label.setWordWrap(True)
        layout.addWidget(save_label)
        self.tagged_file = QgsFileWidget()
        self.tagged_file.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.tagged_file.setFilter(tr("GeoPackage (*.gpkg)"))
        self.tagged_file.lineEdit().setPlaceholderText(tr("[temporary layer]"))
        self.tagged_file.setToolTip(tr("A GeoPackage keeps the roles you edit by hand; a temporary layer is lost "
                                       "when QGIS closes."))
        layout.addWidget(self.tagged_file)
        self.tag_button = QPushButton(tr("Tag townships with plan roles"))
        self.tag_button.clicked.connect(self.run_tagging)
        layout.addWidget(self.tag_button)
        self.match_summary = QLabel(tr("Match report: run tagging first."))
        self.match_summary.setWordWrap(True)
        layout.addWidget(self.match_summary)
        self.match_table = QTableWidget(0, len(MATCH_COLUMNS))
        self.match_table.setObjectName("match_report")
        # The feature id and the fix are in each row's tooltip: three columns fit a narrow dock.
        self.match_table.setHorizontalHeaderLabels([tr("Name"), tr("Problem"), tr("Plan name")])
        compact_table(self.match_table)
        self.match_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.match_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.match_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.match_table.setToolTip(tr("Double-click a row to zoom the map to the feature."))
        self.match_table.cellDoubleClicked.connect(self._match_double_clicked)
        layout.addWidget(self.match_table, 1)
        buttons = QVBoxLayout()
        self.fix_button = QPushButton(tr("Fix the selected name…"))
        self.fix_button.setToolTip(tr("Change the name in the township layer (undoable, in its edit session), "
                                      "then run tagging again."))
        self.fix_button.clicked.connect(self._fix_selected_name)
        buttons.addWidget(self.fix_button)
        self.edit_roles_button = QPushButton(tr("Edit roles by hand…"))
        self.edit_roles_button.setToolTip(tr("Open the tagged layer's attribute table: its plan fields offer "
                                             "the catalogue's values."))
        self.edit_roles_button.clicked.connect(self._edit_roles)
        buttons.addWidget(self.edit_roles_button)
        layout.addLayout(buttons)

    # -------------------------------------------------------------- tagging
    def run_tagging(self) -> bool:
        session = self.session

        def build():
            layer, field = session.required_township_inputs()
            path = self.tagged_file.filePath().strip()
            if path and not path.lower().endswith(".gpkg"):
                path += ".gpkg"
            parameters = {"INPUT": layer, "NAME_FIELD": field, **session.catalogue_parameters(),
                          "OUTPUT": layer_output(tr("{layer} (plan roles)").format(layer=layer.name()), path),
                          "MATCH_REPORT": layer_output(tr("{layer} match report").format(layer=layer.name()))}
            return parameters

        parameters = session.guarded(build)
        if parameters is None:
            return False
        source_id = parameters["INPUT"].id()
        return session.start(TAG_ID, parameters, tr("Tag townships"),
                             lambda results: self._tagging_done(results, source_id))

    def _tagging_done(self, results, source_id=""):
        session = self.session
        previous = session.tagged_layer()
        tagged = result_layer(results.get("OUTPUT"))
        if previous is not None and tagged is not None and previous.id() != tagged.id():
            QgsProject.instance().removeMapLayer(previous.id())  # the new run replaces the old output
        if tagged is not None:
            session.tagged_layer_id = tagged.id()
            session.tagged_source_id = source_id
            # Its structure styles and value maps (hand edits offer the plan's values) were set by
            # the tagging algorithm's post-processor when the layer was loaded (tasks.AlgorithmRun).
            if self.on_tagged is not None:
                self.on_tagged(tagged)
        report = result_layer(results.get("MATCH_REPORT"))
        self.fill_match_report(report)
        counts = {key: results.get(key) for key in ("MATCHED", "UNMATCHED", "AMBIGUOUS", "MISSING")}
        self.match_summary.setText(tr("Matched {MATCHED}, unmatched {UNMATCHED}, ambiguous {AMBIGUOUS}; "
                                      "plan townships missing from the layer: {MISSING}.").format(**counts))
        if report is not None:
            QgsProject.instance().removeMapLayer(report.id())  # shown in the panel's table instead
        if tagged is not None and tagged.dataProvider().name() == "memory":
            session.show_message(tr("The tagged layer is temporary: to keep roles edited by hand, choose a "
                                    "GeoPackage under \"Save the tagged layer as\" (or use Make Permanent on the "
                                    "layer)."), Qgis.MessageLevel.Info)

    # --------------------------------------------------------- match report
    def fill_match_report(self, report):
        """Show the match report (unmatched, ambiguous, missing names) in the panel's table."""
        self.match_rows = []
        self.match_table.setRowCount(0)
        if report is None:
            return
        names = [f.name() for f in report.fields()]
        pick = _field_picker(names)
        for feature in report.getFeatures():
            row = {
                "name": _text(feature, pick("name")),
                "problem": _text(feature, pick("status")),
                "fid": _int(feature, pick("layer_fid")),
                "plan_name": _text(feature, pick("plan_name")),
                "fix": _text(feature, pick("fix")),
            }
            suggestions = _text(feature, pick("candidates"))
            # What the plan offers: the plan township it was matched to (or that is missing),
            # else the candidates / suggestions for a name that matched none or several.
            row["candidates"] = row["plan_name"] or suggestions
            fid_text = tr("Feature id: {fid}").format(fid=row["fid"]) if row["fid"] is not None else ""
            row["tooltip"] = "\n".join(t for t in (fid_text, suggestions if row["plan_name"] else "", row["fix"]) if t)
            self.match_rows.append(row)
            index = self.match_table.rowCount()
            self.match_table.insertRow(index)
            for column, key in enumerate(MATCH_COLUMNS):
                value = status_text(row[key]) if key == "problem" else row[key]
                item = QTableWidgetItem("" if value is None else str(value))
                if row["tooltip"]:
                    item.setToolTip(row["tooltip"])
                self.match_table.setItem(index, column, item)

    def fix_township_name(self, fid: int, new_name: str) -> None:
        """Write ``new_name`` into the township layer's name field for feature ``fid`` (undoable)."""
        layer, field = self.session.required_township_inputs()
        set_attribute(layer, fid, field, new_name, tr("Fix township name"))
        self.session.show_message(
            tr("{layer}: feature {fid} renamed to '{name}' (undo with Ctrl+Z; save the layer's "
               "edits to keep it). Run tagging again.").format(layer=layer.name(), fid=fid, name=new_name),
            Qgis.MessageLevel.Info)

    def _match_double_clicked(self, row, _column):
        self.zoom_to_match_row(row)

    def _fix_selected_name(self):
        session = self.session
        row = self.match_table.currentRow()
        if row < 0 or row >= len(self.match_rows) or self.match_rows[row]["fid"] is None:
            session.show_message(tr("Select a row of the match report that names a feature of the layer."),
                                 Qgis.MessageLevel.Info)
            return
        entry = self.match_rows[row]
        catalogue = session.guarded(session.catalogue)
        names = [t.name for t in catalogue.townships] if catalogue else []
        # The matcher's suggestions (or the plan name) first, then every township of the plan.
        suggested = [n.strip() for n in (entry["candidates"] or "").split(",") if n.strip() in names]
        choices = suggested + [n for n in names if n not in suggested]
        new_name, ok = QInputDialog.getItem(
            session.dock, tr("Fix township name"),
            tr("New name for '{name}' (feature {fid}):").format(name=entry["name"], fid=entry["fid"]),
            choices, 0, True)
        if not ok or not new_name.strip():
            return
        try:
            self.fix_township_name(entry["fid"], new_name.strip())
        except PlanInputError as error:
            session.show_message(str(error), Qgis.MessageLevel.Warning)
            return
        self.run_tagging()  # the match report and the tagged layer follow the corrected name

    def zoom_to_match_row(self, index: int) -> bool:
        """Zoom the map canvas to the township layer's feature of a match report row."""
        if index < 0 or index >= len(self.match_rows) or self.match_rows[index]["fid"] is None:
            return False
        layer = self.session.township_layer()
        canvas = self.session.canvas()
        extent = feature_extent(layer, self.match_rows[index]["fid"], canvas.mapSettings().destinationCrs()) \
            if canvas is not None else None
        if extent is None:
            return False
        canvas.setExtent(extent)
        canvas.refresh()
        return True

    def _edit_roles(self):
        layer = self.session.tagged_layer()
        if layer is None:
            self.session.show_message(tr("Run tagging first: the roles are edited on its output layer."),
                                      Qgis.MessageLevel.Info)
            return
        self.session.iface.showAttributeTable(layer)


def status_text(status) -> str:
    """The match report's status (as core.plan.names / core.plan.tagging write it) in the interface's language."""
    labels = {
        "exact": tr("exact match"), "normalised": tr("matched after normalising"), "alias": tr("matched by alias"),
        "ambiguous": tr("ambiguous"), "unmatched": tr("unmatched"), "duplicate": tr("duplicate"),
        "parts": tr("parts of one township"), "missing": tr("missing from the layer"),
        "other_juris": tr("other jurisdiction"), "conflict": tr("plan contradicts itself"),
    }
    return labels.get(status, status or "")


def _field_picker(names):
    lowered = {n.lower(): n for n in names}

    def pick(*candidates):
        return next((lowered[c] for c in candidates if c in lowered), None)

    return pick


def _text(feature, field):
    if field is None:
        return None
    value = feature[field]
    return None if value is None or str(value) == "NULL" else str(value)


def _int(feature, field):
    text = _text(feature, field)
    try:
        return int(float(text)) if text not in (None, "") else None
    except ValueError:
        return None
