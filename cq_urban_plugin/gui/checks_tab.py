"""The panel's Checks tab: the built-up, bus-stop coverage and control-line checks.

Each group picks the check's layers (defaults suggested by the session) and its
target among the catalogue's; its button runs the check's algorithm on the
session's townships (the tagging output when there is one). When it ends, the
rows of the results table, the layer to map, its theme and the map's extra
layers are handed on as a ``CheckOutcome``.
"""
import os
import tempfile
from dataclasses import dataclass, field
from typing import List

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QDoubleSpinBox, QGroupBox, QPushButton, QScrollArea, QVBoxLayout, QWidget

from .. import definitions
from ..compat import LayerFilter
from ..core.checks.targets import target_text
from ..core.errors import PlanInputError
from ..i18n import tr
from .results import ResultRow, control_rows, summary_row, table_rows, township_rows
from .results_tab import UNITS
from .tasks import layer_output, result_layer
from .widgets import add_row, layer_combo, narrow_combo, narrow_form

BUILTUP_ID = definitions.algorithm_id(definitions.CHECK_BUILTUP)
COVERAGE_ID = definitions.algorithm_id(definitions.CHECK_COVERAGE)
CONTROL_ID = definitions.algorithm_id(definitions.CHECK_CONTROL_LINES)

# The map theme of each check (definitions.THEME_KEYS; export_map's THEME is the index there).
THEME_OF_CHECK = {definitions.algorithm_id(name): key for name, key in definitions.THEME_OF_CHECK.items()}
# Result layers a check's map draws over its main layer: outputs, then the inputs they are about.
MAP_OUTPUTS = {BUILTUP_ID: (), COVERAGE_ID: ("SERVICE_AREA", "UNCOVERED"),
               CONTROL_ID: ("OVERLAPS", "BUILTUP_OUTSIDE")}
MAP_INPUTS = {BUILTUP_ID: (), COVERAGE_ID: ("STOPS",), CONTROL_ID: ("ECOLOGY", "FARMLAND", "DEVELOPMENT")}

# Per-township figures a check writes (field names as the algorithms write them):
# on its OUTPUT layer (built-up, control lines) or, for coverage, in its TABLE,
# whose townships are found by name in the township layer for the zoom.
TOWNSHIP_FIELDS = {
    BUILTUP_ID: {"source": "OUTPUT", "measured": "bu_km2", "unit": "km2", "passed": "", "name": ""},
    CONTROL_ID: {"source": "OUTPUT", "measured": "dev_pct", "unit": "%", "passed": "zone_ok",
                 "name": definitions.TOWNSHIP_FIELD},
    COVERAGE_ID: {"source": "TABLE", "measured": "measured", "unit": "%", "passed": "passed",
                  "name": definitions.TOWNSHIP_FIELD, "target": "target"},
}


@dataclass
class CheckOutcome:
    """What a check's run gives the rest of the panel."""

    algorithm_id: str
    label: str                 # the check's name, as its run was described
    rows: List[ResultRow]      # for the results table
    heading: str               # the check, and its target, over its rows
    layer: object = None       # the layer its map shows (None: no map offered)
    theme: str = ""            # that map's theme (definitions.THEME_KEYS)
    extras: List[str] = field(default_factory=list)  # ids of the layers the map draws over it
    summary: str = ""          # the check's target, measured value and verdict, for the map
    report: str = ""           # the HTML report written, if any


class ChecksTab(QScrollArea):
    """``ChecksTab(session, on_checked)``: ``on_checked(CheckOutcome)`` when a check ends well."""

    def __init__(self, session, on_checked=None, parent=None):
        super().__init__(parent)
        self.session = session
        self.on_checked = on_checked
        self._build()
        session.add_run_buttons(self.builtup_button, self.coverage_button, self.control_button)
        session.catalogue_changed.connect(self.refresh_targets)

    def _build(self):
        tab = QWidget()
        layout = QVBoxLayout(tab)

        box = QGroupBox(tr("Built-up area"))
        form = narrow_form(box)
        self.builtup_combo = layer_combo("builtup", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Built-up layer"), self.builtup_combo)
        self.builtup_target_combo = narrow_combo(QComboBox())
        add_row(form, tr("Target"), self.builtup_target_combo)
        self.builtup_button = QPushButton(tr("Check built-up area"))
        self.builtup_button.clicked.connect(self.run_builtup)
        form.addRow(self.builtup_button)
        layout.addWidget(box)

        box = QGroupBox(tr("Bus-stop coverage"))
        form = narrow_form(box)
        self.stops_combo = layer_combo("stops", LayerFilter.PointLayer, optional=True)
        add_row(form, tr("Bus stops"), self.stops_combo)
        self.served_combo = layer_combo("served_area", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Area served (城区 / built-up)"), self.served_combo)
        self.roads_combo = layer_combo("roads", LayerFilter.LineLayer, optional=True)
        self.roads_combo.setToolTip(tr("Empty: straight-line distance. A road or footpath layer: distance along it."))
        add_row(form, tr("Walking network (optional)"), self.roads_combo)
        self.population_combo = layer_combo("population", LayerFilter.RasterLayer, optional=True)
        self.population_combo.setToolTip(tr("Empty: coverage by area. A population raster: coverage by population."))
        add_row(form, tr("Population raster (optional)"), self.population_combo)
        self.radius_spin = QDoubleSpinBox()
        self.radius_spin.setRange(1, 100000)
        self.radius_spin.setValue(500)
        self.radius_spin.setSuffix(" m")
        add_row(form, tr("Radius"), self.radius_spin)
        self.coverage_target_combo = narrow_combo(QComboBox())
        add_row(form, tr("Target"), self.coverage_target_combo)
        self.coverage_button = QPushButton(tr("Check bus-stop coverage"))
        self.coverage_button.clicked.connect(self.run_coverage)
        form.addRow(self.coverage_button)
        layout.addWidget(box)

        box = QGroupBox(tr("Control lines"))
        form = narrow_form(box)
        self.ecology_combo = layer_combo("ecology", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Ecological protection red line"), self.ecology_combo)
        self.farmland_combo = layer_combo("farmland", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Permanent basic farmland"), self.farmland_combo)
        self.development_combo = layer_combo("development", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Urban development boundary"), self.development_combo)
        self.control_builtup_combo = layer_combo("control_builtup", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Built-up layer"), self.control_builtup_combo)
        self.control_button = QPushButton(tr("Check control lines"))
        self.control_button.clicked.connect(self.run_control_lines)
        form.addRow(self.control_button)
        layout.addWidget(box)
        layout.addStretch(1)

        self.setWidgetResizable(True)
        self.setObjectName("checks_scroll")
        # Never sideways: the forms wrap to the dock's width instead.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(tab)

    def check_combos(self):
        """The checks' layer pickers, by name (their objectName, the key they are remembered under)."""
        return {c.objectName(): c for c in (
            self.builtup_combo, self.stops_combo, self.served_combo, self.roads_combo, self.population_combo,
            self.ecology_combo, self.farmland_combo, self.development_combo, self.control_builtup_combo)}

    def refresh_targets(self, catalogue=None):
        """Offer the catalogue's targets for each check (and "no target")."""
        for combo, indicator in ((self.builtup_target_combo, "builtup_area"),
                                 (self.coverage_target_combo, "bus_stop_coverage")):
            combo.clear()
            for target in catalogue.targets_for(indicator) if catalogue else []:
                year = f" ({target.year})" if target.year else ""
                written = target_text(target.comparison, target.value, target.value_min, target.value_max,
                                      target.tolerance_pct)  # "≥ 145", "≈ 0.8", "8–10": as the reports write it
                unit = UNITS.get(target.unit, target.unit)
                combo.addItem(f"{target.label} {written} {unit}{year}", target.id)
            combo.addItem(tr("No target (measure only)"), "")

    # ------------------------------------------------------------- running
    def _check_parameters(self, extra):
        session = self.session
        townships = session.check_townships()
        name_field = session.name_field()
        parameters = dict(session.catalogue_parameters())
        if townships is not None and name_field and townships.fields().indexOf(name_field) >= 0:
            parameters.update({"TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": name_field})
        parameters["REPORT"] = os.path.join(tempfile.mkdtemp(prefix="cq_urban_"), "report.html")
        parameters.update(extra)
        return parameters

    def run_builtup(self) -> bool:
        def build():
            builtup = self.builtup_combo.currentLayer()
            if builtup is None:
                raise PlanInputError(tr("Choose the built-up layer."))
            extra = {"BUILTUP": builtup,
                     "OUTPUT": layer_output(tr("Built-up by township")),
                     "TABLE": layer_output(tr("Built-up table"))}
            target = self.builtup_target_combo.currentData()
            if target:
                extra["TARGET_ID"] = target
            return self._check_parameters(extra)

        return self._start_check(BUILTUP_ID, build, tr("Built-up area"))

    def run_coverage(self) -> bool:
        def build():
            stops, served = self.stops_combo.currentLayer(), self.served_combo.currentLayer()
            if stops is None or served is None:
                raise PlanInputError(tr("Choose the bus-stop layer and the area served."))
            roads, population = self.roads_combo.currentLayer(), self.population_combo.currentLayer()
            extra = {"STOPS": stops, "SERVED_AREA": served, "RADIUS": self.radius_spin.value(),
                     "DISTANCE": 1 if roads is not None else 0, "MEASURE": 1 if population is not None else 0,
                     "SERVICE_AREA": layer_output(tr("Bus-stop service area")),
                     "UNCOVERED": layer_output(tr("Uncovered areas (bus stops)")),
                     "TABLE": layer_output(tr("Coverage table"))}
            if roads is not None:
                extra["ROADS"] = roads
            if population is not None:
                extra["POPULATION_RASTER"] = population
            target = self.coverage_target_combo.currentData()
            if target:
                extra["TARGET_ID"] = target
            return self._check_parameters(extra)

        return self._start_check(COVERAGE_ID, build, tr("Bus-stop coverage"))

    def run_control_lines(self) -> bool:
        session = self.session

        def build():
            if session.check_townships() is None or not session.name_field():
                raise PlanInputError(tr("Choose the township layer and its name field first."))
            lines = {"ECOLOGY": self.ecology_combo.currentLayer(), "FARMLAND": self.farmland_combo.currentLayer(),
                     "DEVELOPMENT": self.development_combo.currentLayer()}
            if not any(lines.values()):
                raise PlanInputError(tr("Choose at least one control-line layer."))
            extra = {key: layer for key, layer in lines.items() if layer is not None}
            builtup = self.control_builtup_combo.currentLayer()
            if builtup is not None:
                extra["BUILTUP"] = builtup
            townships = session.check_townships()
            if townships.fields().indexOf("zone") >= 0:
                extra["ZONE_FIELD"] = "zone"  # the function zone tagging wrote
            extra.update({"OUTPUT": layer_output(tr("Control lines by township")),
                          "OVERLAPS": layer_output(tr("Control-line overlaps")),
                          "BUILTUP_OUTSIDE": layer_output(tr("Built-up outside the development boundary")),
                          "SUMMARY": layer_output(tr("Control-line summary"))})
            parameters = self._check_parameters(extra)
            parameters.pop("CATALOGUE", None)
            parameters.pop("CATALOGUE_FILE", None)
            return parameters

        return self._start_check(CONTROL_ID, build, tr("Control lines"))

    def _start_check(self, algorithm_id, build, label):
        parameters = self.session.guarded(build)
        if parameters is None:
            return False
        return self.session.start(algorithm_id, parameters, label,
                                  lambda results: self._check_done(algorithm_id, label, parameters, results))

    def _check_done(self, algorithm_id, label, parameters, results):
        outcome = self.outcome(algorithm_id, label, parameters, results)
        if self.on_checked is not None:
            self.on_checked(outcome)

    def outcome(self, algorithm_id, label, parameters, results) -> CheckOutcome:
        """The rows, map layer, theme and extras of a check's run, from what it returned."""
        layer = result_layer(results.get("OUTPUT"))
        # What the thematic map of this check shows beside its main layer (export_map's EXTRA_LAYERS).
        extras = [result_layer(results.get(key)) for key in MAP_OUTPUTS.get(algorithm_id, ())]
        extras = [lyr for lyr in extras if lyr is not None]
        inputs = [parameters.get(key) for key in MAP_INPUTS.get(algorithm_id, ())]
        extra_ids = [lyr.id() for lyr in extras] + [lyr.id() for lyr in inputs if hasattr(lyr, "id")]
        summary = next((lyr.customProperty(definitions.CHECK_SUMMARY_PROPERTY, "") for lyr in
                        [result_layer(results.get("OUTPUT"))] + extras if lyr is not None), "") or ""
        townships = self.session.check_townships()
        if layer is None and algorithm_id == COVERAGE_ID:
            # Coverage has no township layer of its own: map the townships with the uncovered areas.
            layer = townships if townships is not None else next((lyr for lyr in extras if lyr is not None), None)
        scope = tr("Whole area checked")
        target_id = parameters.get("TARGET_ID")
        catalogue = self.session.guarded(self.session.catalogue) if target_id else None
        if catalogue is not None:
            target = next((t for t in catalogue.targets if t.id == target_id), None)
            if target is not None:
                scope = f"{target.label} ({target.year})" if target.year else target.label
        rows = [summary_row(label, scope, results, layer or townships)] if "MEASURED" in results else []
        rows += self._township_rows(algorithm_id, label, parameters, results)
        heading = label
        if rows and rows[0].target is not None:
            unit = UNITS.get(rows[0].unit, rows[0].unit)
            heading = tr("{check}: target {value}").format(check=label, value=f"{rows[0].target:g} {unit}".strip())
        report = results.get("REPORT")
        return CheckOutcome(algorithm_id, label, rows, heading, layer, THEME_OF_CHECK.get(algorithm_id, ""), extra_ids,
                            summary, str(report) if report and os.path.exists(str(report)) else "")

    @staticmethod
    def _township_rows(algorithm_id, label, parameters, results):
        spec = TOWNSHIP_FIELDS.get(algorithm_id)
        source = result_layer(results.get(spec["source"])) if spec else None
        name_field = parameters.get("TOWNSHIP_NAME_FIELD", "")
        if source is not None and algorithm_id == CONTROL_ID:
            if source.fields().indexOf(name_field) < 0:
                name_field = spec["name"]
            return control_rows(label, source, name_field)
        if source is not None and spec["source"] == "OUTPUT":
            if source.fields().indexOf(name_field) < 0:
                name_field = spec["name"]
            return township_rows(label, source, name_field, spec["measured"], spec["unit"],
                                 passed_field=spec["passed"])
        if source is not None:
            return table_rows(label, source, spec["name"], spec["measured"], spec["unit"],
                              parameters.get("TOWNSHIPS"), name_field, spec.get("target", ""), spec["passed"])
        return []
