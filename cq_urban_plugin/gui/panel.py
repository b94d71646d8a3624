"""The "Plan checks" (规划校核) dock panel: the technician's daily entry point.

Pick the plan catalogue, the township layer and its name field; tag the
townships and review the match report (fix a name in place, run again); run
the built-up, bus-stop coverage and control-line checks on layers of the
project; read the results beside the plan's targets (click a row to zoom to
the township); export the thematic map.

The panel computes nothing itself: each button runs one of the provider's
Processing algorithms by id in a QGIS task (progress bar, Cancel), so the
interface never freezes and the figures are exactly those of the toolbox and
of ``qgis_process``.
"""
import os
import tempfile

from qgis.core import (
    Qgis,
    QgsFieldProxyModel,
    QgsProject,
)
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QEvent, QRect, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFontMetrics
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import definitions
from ..compat import LayerFilter
from ..core.errors import PlanInputError
from ..core.plan.catalogue import bundled_catalogue_paths, load_catalogue
from ..i18n import tr
from . import defaults
from .edits import set_attribute
from .results import control_rows, feature_extent, row_extent, summary_row, table_rows, township_rows
from .tasks import AlgorithmRun, algorithm_by_id, layer_output, result_layer

TAG_ID = definitions.algorithm_id(definitions.TAG_TOWNSHIPS)
BUILTUP_ID = definitions.algorithm_id(definitions.CHECK_BUILTUP)
COVERAGE_ID = definitions.algorithm_id(definitions.CHECK_COVERAGE)
CONTROL_ID = definitions.algorithm_id(definitions.CHECK_CONTROL_LINES)
EXPORT_ID = definitions.algorithm_id(definitions.EXPORT_MAP)

# The map theme of each check (core.maps.layout's theme keys; export_map's THEME is their index there).
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
    CONTROL_ID: {"source": "OUTPUT", "measured": "dev_pct", "unit": "%", "passed": "zone_ok", "name": "town"},
    COVERAGE_ID: {"source": "TABLE", "measured": "measured", "unit": "%", "passed": "passed", "name": "township",
                  "target": "target"},
}
UNITS = {"percent": "%", "km2": "km²"}

GREEN = QColor(198, 239, 206)
RED = QColor(255, 199, 206)

# Columns of the match report table.
MATCH_COLUMNS = ("name", "problem", "candidates")
# Columns of the results table: the township or scope, its figure (with unit), the verdict. Each check
# starts with a row naming it and its target; the target, the gap and the reason are in each row's tooltip.
RESULT_COLUMNS = ("scope", "measured", "result")


def compact_table(table: QTableWidget) -> QTableWidget:
    """Columns sharing the table's width, texts wrapped rather than cut, no sideways scroll."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(24)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setMinimumWidth(0)
    table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    return table


# The panel fits a dock this wide (pixels), in Chinese and in English.
DOCK_WIDTH = 300
COMBO_CHARACTERS = 12  # a combo box is this many characters wide at least, whatever its longest item


def narrow_form(parent=None) -> QFormLayout:
    """A form whose labels sit above their fields, so that it fits a narrow dock."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def add_row(form: QFormLayout, text: str, widget) -> QLabel:
    """A form row with a word-wrapped label (a long label never widens the panel)."""
    label = QLabel(text)
    label.setWordWrap(True)
    # The whole row's width, not the narrow width a word-wrapped label asks for.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setBuddy(widget)
    # Label and field each on a row of their own, the form's whole width (a word-wrapped label put in
    # the label column would get the narrow width it asks for).
    form.addRow(label)
    form.addRow(widget)
    return label


def narrow_combo(combo):
    """A combo box that does not grow with its longest item (the popup still shows it whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARACTERS)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    view = combo.view()
    if view is not None:
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
    return combo


class PlanChecksDock(QgsDockWidget):
    """The dock panel; ``PlanChecksDock(iface, parent)`` as plugin.py builds it."""

    def __init__(self, iface, parent=None):
        super().__init__(tr("Plan checks"), parent)
        self.iface = iface
        self.setObjectName("cq_urban_plan_checks_dock")
        self.run = None            # the AlgorithmRun under way, if any
        self._on_success = None    # what to do with its results
        self.last_run = None       # the last one (tests and the status line read it)
        self.tagged_layer_id = ""  # the last tagging output
        self.tagged_source_id = ""  # and the township layer it was made from
        self.export_path = ""
        self.export_extras = []    # result layers the next map shows beside its main layer
        self.export_summary = ""   # the last check's target, measured value and verdict, for its map
        self.result_rows = []
        self.result_table_rows = []  # per row of the results table: the result's index, None for a heading
        self.match_rows = []
        self._suggesting = False   # True while the panel itself sets the pickers
        self._chosen = set()       # pickers the user (or the project) set for the current catalogue
        self._build()
        self.refresh_targets()
        self._connect_choices()
        self.restore_choices()

    # ------------------------------------------------------------------ layout
    def _build(self):
        body = QWidget()
        layout = QVBoxLayout(body)

        form = narrow_form()
        self.catalogue_combo = narrow_combo(QComboBox())
        self.catalogue_combo.setObjectName("catalogue")
        for path in bundled_catalogue_paths():
            try:
                name = load_catalogue(path).name
            except PlanInputError:
                continue  # a broken bundled file is the tests' business, not the user's
            self.catalogue_combo.addItem(f"{name} ({path.stem})", str(path))
        self.catalogue_combo.addItem(tr("Browse…"), "")
        self._last_catalogue_index = 0
        self.catalogue_combo.activated.connect(self._catalogue_activated)
        self.catalogue_combo.currentIndexChanged.connect(self._catalogue_changed)
        add_row(form, tr("Plan catalogue"), self.catalogue_combo)

        self.township_combo = narrow_combo(QgsMapLayerComboBox())
        self.township_combo.setObjectName("townships")
        self.township_combo.setFilters(LayerFilter.PolygonLayer)
        self.township_combo.setAllowEmptyLayer(True)
        add_row(form, tr("Township layer"), self.township_combo)
        self.name_field_combo = narrow_combo(QgsFieldComboBox())
        self.name_field_combo.setObjectName("name_field")
        self.name_field_combo.setFilters(QgsFieldProxyModel.Filter.String)
        self.township_combo.layerChanged.connect(self._township_layer_changed)
        QgsProject.instance().layersAdded.connect(self._sync_name_field)
        add_row(form, tr("Name field"), self.name_field_combo)
        layout.addLayout(form)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        # Every tab in view (no scroll arrows hiding one): the tabs share the width, with less padding.
        bar = self.tabs.tabBar()
        bar.setUsesScrollButtons(False)
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setExpanding(True)
        bar.setStyleSheet("QTabBar::tab { padding: 4px 6px; min-width: 0px; }")
        self.tabs.addTab(self._tagging_tab(), tr("Tagging"))
        self.tabs.addTab(self._checks_tab(), tr("Checks"))
        self.tabs.addTab(self._results_tab(), tr("Results"))
        self.tabs.addTab(self._export_tab(), tr("Export"))
        self.tabs.currentChanged.connect(lambda _i: self._fit_result_rows())  # widths known once shown
        layout.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        bottom.addWidget(self.progress_bar, 1)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)
        self.status_label = QLabel(tr("Choose a plan catalogue and the township layer."))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.status_label.setOpenExternalLinks(True)
        layout.addWidget(self.status_label)

        self.setWidget(body)
        self._township_layer_changed(self.township_combo.currentLayer())

    def _tagging_tab(self):
        tab = QWidget()
        layout = QVBoxLayout(tab)
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
        return tab

    def _layer_combo(self, name, filters, optional=False):
        combo = narrow_combo(QgsMapLayerComboBox())
        combo.setObjectName(name)
        combo.setFilters(filters)
        if optional:
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        return combo

    def _checks_tab(self):
        tab = QWidget()
        layout = QVBoxLayout(tab)

        box = QGroupBox(tr("Built-up area"))
        form = narrow_form(box)
        self.builtup_combo = self._layer_combo("builtup", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Built-up layer"), self.builtup_combo)
        self.builtup_target_combo = narrow_combo(QComboBox())
        add_row(form, tr("Target"), self.builtup_target_combo)
        self.builtup_button = QPushButton(tr("Check built-up area"))
        self.builtup_button.clicked.connect(self.run_builtup)
        form.addRow(self.builtup_button)
        layout.addWidget(box)

        box = QGroupBox(tr("Bus-stop coverage"))
        form = narrow_form(box)
        self.stops_combo = self._layer_combo("stops", LayerFilter.PointLayer, optional=True)
        add_row(form, tr("Bus stops"), self.stops_combo)
        self.served_combo = self._layer_combo("served_area", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Area served (城区 / built-up)"), self.served_combo)
        self.roads_combo = self._layer_combo("roads", LayerFilter.LineLayer, optional=True)
        self.roads_combo.setToolTip(tr("Empty: straight-line distance. A road or footpath layer: distance along it."))
        add_row(form, tr("Walking network (optional)"), self.roads_combo)
        self.population_combo = self._layer_combo("population", LayerFilter.RasterLayer, optional=True)
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
        self.ecology_combo = self._layer_combo("ecology", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Ecological protection red line"), self.ecology_combo)
        self.farmland_combo = self._layer_combo("farmland", LayerFilter.PolygonLayer, optional=True)
        add_row(form, tr("Permanent basic farmland"), self.farmland_combo)
        self.development_combo = self._layer_combo("development", LayerFilter.PolygonLayer,
                                                   optional=True)
        add_row(form, tr("Urban development boundary"), self.development_combo)
        self.control_builtup_combo = self._layer_combo("control_builtup", LayerFilter.PolygonLayer,
                                                       optional=True)
        add_row(form, tr("Built-up layer"), self.control_builtup_combo)
        self.control_button = QPushButton(tr("Check control lines"))
        self.control_button.clicked.connect(self.run_control_lines)
        form.addRow(self.control_button)
        layout.addWidget(box)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setObjectName("checks_scroll")
        # Never sideways: the forms wrap to the dock's width instead.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(tab)
        return scroll

    def _results_tab(self):
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.results_table = QTableWidget(0, len(RESULT_COLUMNS))
        self.results_table.setObjectName("results")
        self.results_table.setHorizontalHeaderLabels(
            [tr("Scope"), tr("Measured"), tr("Result")])
        compact_table(self.results_table)
        # Row heights set by _fit_result_rows: a check's heading row spans the table and wraps at its width.
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
        return tab

    def _export_tab(self):
        tab = QWidget()
        form = narrow_form(tab)
        self.export_layer_combo = self._layer_combo("export_layer", LayerFilter.PolygonLayer)
        add_row(form, tr("Layer to map"), self.export_layer_combo)
        self.theme_combo = narrow_combo(QComboBox())
        self.theme_combo.setObjectName("theme")
        self.theme_combo.setToolTip(tr("The catalogue's plan structures, then the checks' maps."))
        add_row(form, tr("Theme"), self.theme_combo)
        self.paper_combo = narrow_combo(QComboBox())
        self.paper_combo.addItems([tr("A3 landscape"), tr("A4 portrait")])
        add_row(form, tr("Paper"), self.paper_combo)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("Title (optional)"))
        add_row(form, tr("Title"), self.title_edit)
        self.export_file = QgsFileWidget()
        self.export_file.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.export_file.setFilter(tr("PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)"))
        add_row(form, tr("Save as"), self.export_file)
        self.export_button = QPushButton(tr("Export map"))
        self.export_button.clicked.connect(self.run_export)
        form.addRow(self.export_button)
        return tab

    # ------------------------------------------------- defaults and remembered choices
    def check_combos(self):
        """The checks' layer pickers, by name (their objectName, the key they are remembered under)."""
        return {c.objectName(): c for c in (
            self.builtup_combo, self.stops_combo, self.served_combo, self.roads_combo, self.population_combo,
            self.ecology_combo, self.farmland_combo, self.development_combo, self.control_builtup_combo)}

    def catalogue_id(self) -> str:
        return os.path.splitext(os.path.basename(self.catalogue_path()))[0] if self.catalogue_path() else ""

    def _choice_key(self, name: str) -> str:
        return f"choices/{self.catalogue_id() or 'none'}/{name}"

    def _connect_choices(self):
        combos = dict(self.check_combos(), townships=self.township_combo)
        for name, combo in combos.items():
            combo.layerChanged.connect(lambda layer, n=name: self._layer_chosen(n, layer))
        self.name_field_combo.fieldChanged.connect(self._field_chosen)
        project = QgsProject.instance()
        project.layersAdded.connect(self._layers_added)
        project.readProject.connect(self._project_read)

    def _layer_chosen(self, name, layer):
        if self._suggesting:
            return
        self._chosen.add(name)
        defaults.remember(self._choice_key(name), layer.id() if layer is not None else "")

    def _field_chosen(self, field):
        if not self._suggesting and field:
            defaults.remember(self._choice_key("name_field"), field)

    def _catalogue_changed(self, _index):
        self.refresh_targets()
        if self.catalogue_path():
            defaults.remember("catalogue", self.catalogue_id() if self._is_bundled() else self.catalogue_path())
        self._chosen = set()
        self.suggest_layers()

    def _is_bundled(self) -> bool:
        from ..resources import CATALOGUE_DIR

        return os.path.dirname(os.path.abspath(self.catalogue_path())) == str(CATALOGUE_DIR)

    def _project_read(self, *_args):
        self.restore_choices()

    def _layers_added(self, *_args):
        self.suggest_layers(keep_chosen=True)

    def restore_choices(self):
        """The catalogue and layers remembered in the project, else the suggestions."""
        stored = defaults.remembered("catalogue")
        if stored and stored != self.catalogue_id() and not self.select_catalogue(stored) and os.path.exists(stored):
            self.add_catalogue_file(stored)
        self._chosen = set()
        self.suggest_layers()

    def suggest_layers(self, keep_chosen: bool = False):
        """Set the township and check pickers: the project's remembered choice for this catalogue, else
        the best-matching layer (``keep_chosen``: leave the pickers the user set alone)."""
        project = QgsProject.instance()
        self._suggesting = True
        try:
            catalogue = self._guarded(self.catalogue) if self.catalogue_path() else None
            if not (keep_chosen and ("townships" in self._chosen or self.township_combo.currentLayer() is not None)):
                stored = project.mapLayer(defaults.remembered(self._choice_key("townships")) or "")
                if stored is not None:
                    self._chosen.add("townships")
                layer = stored or self._suggest_townships(catalogue)
                if layer is not self.township_combo.currentLayer():
                    self.township_combo.setLayer(layer)
                    self._township_layer_changed(layer)
            townships = self.township_combo.currentLayer()
            if townships is not None:
                field = defaults.remembered(self._choice_key("name_field"))
                if field and townships.fields().indexOf(field) >= 0:
                    self._sync_name_field()
                    self.name_field_combo.setField(field)
            for name, combo in self.check_combos().items():
                if keep_chosen and name in self._chosen:
                    continue
                stored_id = defaults.remembered(self._choice_key(name))
                stored = project.mapLayer(stored_id) if stored_id else None
                if stored is not None or stored_id == "":  # a layer, or the picker left empty on purpose
                    self._chosen.add(name)
                    combo.setLayer(stored)
                    continue
                if keep_chosen and combo.currentLayer() is not None:
                    continue
                candidates = [combo.layer(i) for i in range(combo.count())]
                combo.setLayer(defaults.pick_layer(name, candidates, townships, project))
        finally:
            self._suggesting = False

    def _suggest_townships(self, catalogue):
        combo = self.township_combo
        scored = [(defaults.township_score(combo.layer(i), catalogue), i) for i in range(combo.count())]
        scored = [(score, i) for score, i in scored if score > 0]
        if not scored:
            return None  # none looks like townships: the picker is left empty, never on a built-up layer
        return combo.layer(max(scored)[1])

    # --------------------------------------------------------------- choices
    def _catalogue_activated(self, index):
        if self.catalogue_combo.itemData(index):
            self._last_catalogue_index = index
            return
        path, _ = QFileDialog.getOpenFileName(self, tr("Plan catalogue"), "", tr("Plan catalogue (*.yaml *.yml)"))
        if path:
            self.add_catalogue_file(path)
        else:
            self.catalogue_combo.setCurrentIndex(self._last_catalogue_index)

    def add_catalogue_file(self, path) -> bool:
        """Add a user's catalogue file to the list and choose it (a malformed one is reported)."""
        try:
            catalogue = load_catalogue(path)
        except PlanInputError as error:
            self.catalogue_combo.setCurrentIndex(self._last_catalogue_index)
            self.show_message(str(error), Qgis.MessageLevel.Warning)
            return False
        index = self.catalogue_combo.count() - 1  # before "Browse…"
        self.catalogue_combo.insertItem(index, f"{catalogue.name} ({os.path.basename(str(path))})", str(path))
        self.catalogue_combo.setCurrentIndex(index)
        self._last_catalogue_index = index
        return True

    def select_catalogue(self, catalogue_id: str) -> bool:
        for index in range(self.catalogue_combo.count()):
            data = self.catalogue_combo.itemData(index)
            if data and os.path.splitext(os.path.basename(data))[0] == catalogue_id:
                self.catalogue_combo.setCurrentIndex(index)
                self._last_catalogue_index = index
                return True
        return False

    def catalogue_path(self) -> str:
        return self.catalogue_combo.currentData() or ""

    def catalogue(self):
        path = self.catalogue_path()
        return load_catalogue(path) if path else None

    def catalogue_parameters(self) -> dict:
        """CATALOGUE (a bundled id) or CATALOGUE_FILE (a user's file), as params.py defines them."""
        path = self.catalogue_path()
        from ..resources import CATALOGUE_DIR

        if os.path.dirname(os.path.abspath(path)) == str(CATALOGUE_DIR):
            return {"CATALOGUE": os.path.splitext(os.path.basename(path))[0]}
        return {"CATALOGUE_FILE": path}

    def refresh_targets(self):
        """Offer the chosen catalogue's targets for each check (and "no target")."""
        try:
            catalogue = self.catalogue()
        except PlanInputError as error:
            self.show_message(str(error), Qgis.MessageLevel.Warning)
            catalogue = None
        for combo, indicator in ((self.builtup_target_combo, "builtup_area"),
                                 (self.coverage_target_combo, "bus_stop_coverage")):
            combo.clear()
            for target in catalogue.targets_for(indicator) if catalogue else []:
                year = f" ({target.year})" if target.year else ""
                comparison = {">=": "≥", "<=": "≤"}.get(target.comparison, target.comparison)
                unit = UNITS.get(target.unit, target.unit)
                combo.addItem(f"{target.label} {comparison} {target.value:g} {unit}{year}", target.id)
            combo.addItem(tr("No target (measure only)"), "")
        self.refresh_themes(catalogue)

    def refresh_themes(self, catalogue=None):
        """The export themes: one per structure of the catalogue (巫溪's 田园综合体 too), then the checks."""
        from ..core.maps import layout as core_layout

        keys = {t.key for t in core_layout.THEMES}
        current = self.theme_combo.currentData()
        self.theme_combo.clear()
        english = not i18n_is_chinese()
        for structure in catalogue.structures if catalogue else []:
            key = structure.kind if structure.kind in keys else "structure"
            name = (structure.name_en or structure.name) if english else structure.name
            self.theme_combo.addItem(name, (key, structure.field, structure.name))
        for key, label in (("builtup", tr("Built-up check")), ("coverage", tr("Bus-stop coverage")),
                           ("control_lines", tr("Control lines"))):
            self.theme_combo.addItem(label, (key, "", ""))
        index = self.theme_combo.findData(current) if current else -1
        self.theme_combo.setCurrentIndex(max(index, 0))

    def select_theme(self, key: str, field_name: str = "") -> bool:
        """Choose the theme of ``key`` (a structure's by its field)."""
        for index in range(self.theme_combo.count()):
            data = self.theme_combo.itemData(index)
            if data and data[0] == key and (not field_name or data[1] == field_name):
                self.theme_combo.setCurrentIndex(index)
                return True
        return False

    def _township_layer_changed(self, layer):
        self.name_field_combo.setLayer(layer)
        if layer is None:
            return
        # Preselect a field that looks like the township name.
        names = [f.name() for f in layer.fields()]
        for guess in ("name", "NAME", "xzqmc", "XZQMC", "township", "乡镇", "名称", "乡镇名称"):
            if guess in names:
                self.name_field_combo.setField(guess)
                break

    def _sync_name_field(self, *_args):
        # QgsMapLayerComboBox (3.22) selects the first layer added to an empty project
        # without emitting layerChanged: keep the field list on the layer shown.
        layer = self.township_combo.currentLayer()
        shown = self.name_field_combo.layer()
        if (layer.id() if layer else None) != (shown.id() if shown else None):
            self._township_layer_changed(layer)

    def township_layer(self):
        return self.township_combo.currentLayer()

    def name_field(self) -> str:
        self._sync_name_field()
        return self.name_field_combo.currentField()

    def tagged_layer(self):
        return QgsProject.instance().mapLayer(self.tagged_layer_id) if self.tagged_layer_id else None

    def check_townships(self):
        """The layer checks run on: the tagging output of the chosen township layer when there
        is one (it carries roles and zones), else the township layer itself."""
        layer, tagged = self.township_layer(), self.tagged_layer()
        if tagged is not None and layer is not None and self.tagged_source_id == layer.id():
            return tagged
        return layer

    # ------------------------------------------------------------- running
    def busy(self) -> bool:
        return self.run is not None

    def start(self, algorithm_id: str, parameters: dict, description: str, on_success) -> bool:
        """Run an algorithm of the provider in a QGIS task; ``on_success(results)`` when it ends well."""
        if self.busy():
            self.show_message(tr("Another run is under way: wait for it or cancel it."), Qgis.MessageLevel.Info)
            return False
        if algorithm_by_id(algorithm_id) is None:
            self.show_message(tr("The algorithm {id} is not available: check that the plugin's Processing "
                                 "provider is enabled (Processing > Toolbox).").format(id=algorithm_id),
                              Qgis.MessageLevel.Warning)
            return False
        run = AlgorithmRun(algorithm_id, parameters, description)
        # Bound methods of the panel only: Qt drops these connections if the panel is
        # deleted (plugin unloaded) while the run goes on, where a lambda would call a dead widget.
        run.progress.connect(self._progress)
        run.message.connect(self.status_label.setText)
        run.finished.connect(self._run_finished)
        self._on_success = on_success
        self.run = self.last_run = run
        self.progress_bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self._set_buttons_enabled(False)
        self.status_label.setText(tr("{task}: running…").format(task=description))
        run.start()
        return True

    def cancel(self):
        if self.run is not None:
            self.status_label.setText(tr("Cancelling…"))
            self.run.cancel()

    def _progress(self, value):
        self.progress_bar.setValue(int(value))

    def _run_finished(self, ok, results):
        run, on_success = self.run, self._on_success
        self._on_success = None
        if run is not None:
            self._finished(run, ok, results, on_success)

    def _finished(self, run, ok, results, on_success):
        self.run = None
        self.cancel_button.setEnabled(False)
        self._set_buttons_enabled(True)
        description = run.description
        if ok:
            self.progress_bar.setValue(100)
            self.status_label.setText(tr("{task}: done.").format(task=description))
            try:
                on_success(results)
            except PlanInputError as error:
                self.show_message(str(error), Qgis.MessageLevel.Warning)
            except Exception as error:  # noqa: BLE001 (a slot must not raise: Qt would abort)
                self.show_message(tr("{task}: the results could not be shown: {error}").format(
                    task=description, error=error), Qgis.MessageLevel.Critical)
        elif run.cancelled:
            self.progress_bar.setValue(0)
            self.show_message(tr("{task}: cancelled; nothing was added to the project.").format(task=description),
                              Qgis.MessageLevel.Info)
        else:
            self.progress_bar.setValue(0)
            self.show_message(tr("{task} failed: {error}").format(task=description, error=run.error),
                              Qgis.MessageLevel.Critical)

    def _set_buttons_enabled(self, enabled):
        for button in (self.tag_button, self.builtup_button, self.coverage_button, self.control_button,
                       self.export_button, self.fix_button):
            button.setEnabled(enabled)

    def show_message(self, text: str, level=Qgis.MessageLevel.Info):
        self.status_label.setText(text)
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is not None:
            bar.pushMessage(tr("Plan checks"), text, level, 8 if level == Qgis.MessageLevel.Info else 0)

    def _required_township_inputs(self):
        layer, field = self.township_layer(), self.name_field()
        if layer is None or not field:
            raise PlanInputError(tr("Choose the township layer and its name field first."))
        return layer, field

    def _guarded(self, build):
        """Build parameters; a missing choice becomes a message in the panel, never a traceback."""
        try:
            return build()
        except PlanInputError as error:
            self.show_message(str(error), Qgis.MessageLevel.Warning)
            return None

    # -------------------------------------------------------------- tagging
    def run_tagging(self) -> bool:
        def build():
            layer, field = self._required_township_inputs()
            path = self.tagged_file.filePath().strip()
            if path and not path.lower().endswith(".gpkg"):
                path += ".gpkg"
            parameters = {"INPUT": layer, "NAME_FIELD": field, **self.catalogue_parameters(),
                          "OUTPUT": layer_output(tr("{layer} (plan roles)").format(layer=layer.name()), path),
                          "MATCH_REPORT": layer_output(tr("{layer} match report").format(layer=layer.name()))}
            return parameters

        parameters = self._guarded(build)
        if parameters is None:
            return False
        source_id = parameters["INPUT"].id()
        return self.start(TAG_ID, parameters, tr("Tag townships"),
                          lambda results: self._tagging_done(results, source_id))

    def _tagging_done(self, results, source_id=""):
        previous = self.tagged_layer()
        tagged = result_layer(results.get("OUTPUT"))
        if previous is not None and tagged is not None and previous.id() != tagged.id():
            QgsProject.instance().removeMapLayer(previous.id())  # the new run replaces the old output
        if tagged is not None:
            self.tagged_layer_id = tagged.id()
            self.tagged_source_id = source_id
            # Its structure styles and value maps (hand edits offer the plan's values) were set by
            # the tagging algorithm's post-processor when the layer was loaded (tasks.AlgorithmRun).
            self.export_layer_combo.setLayer(tagged)
        report = result_layer(results.get("MATCH_REPORT"))
        self.fill_match_report(report)
        counts = {key: results.get(key) for key in ("MATCHED", "UNMATCHED", "AMBIGUOUS", "MISSING")}
        self.match_summary.setText(tr("Matched {MATCHED}, unmatched {UNMATCHED}, ambiguous {AMBIGUOUS}; "
                                      "plan townships missing from the layer: {MISSING}.").format(**counts))
        if report is not None:
            QgsProject.instance().removeMapLayer(report.id())  # shown in the panel's table instead
        if tagged is not None and tagged.dataProvider().name() == "memory":
            self.show_message(tr("The tagged layer is temporary: to keep roles edited by hand, choose a GeoPackage "
                                 "under \"Save the tagged layer as\" (or use Make Permanent on the layer)."),
                              Qgis.MessageLevel.Info)

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
        layer, field = self._required_township_inputs()
        set_attribute(layer, fid, field, new_name, tr("Fix township name"))
        self.show_message(tr("{layer}: feature {fid} renamed to '{name}' (undo with Ctrl+Z; save the layer's "
                             "edits to keep it). Run tagging again.").format(layer=layer.name(), fid=fid,
                                                                             name=new_name), Qgis.MessageLevel.Info)

    def _match_double_clicked(self, row, _column):
        self.zoom_to_match_row(row)

    def _fix_selected_name(self):
        row = self.match_table.currentRow()
        if row < 0 or row >= len(self.match_rows) or self.match_rows[row]["fid"] is None:
            self.show_message(tr("Select a row of the match report that names a feature of the layer."),
                              Qgis.MessageLevel.Info)
            return
        entry = self.match_rows[row]
        catalogue = self._guarded(self.catalogue)
        names = [t.name for t in catalogue.townships] if catalogue else []
        # The matcher's suggestions (or the plan name) first, then every township of the plan.
        suggested = [n.strip() for n in (entry["candidates"] or "").split(",") if n.strip() in names]
        choices = suggested + [n for n in names if n not in suggested]
        new_name, ok = QInputDialog.getItem(
            self, tr("Fix township name"),
            tr("New name for '{name}' (feature {fid}):").format(name=entry["name"], fid=entry["fid"]),
            choices, 0, True)
        if not ok or not new_name.strip():
            return
        try:
            self.fix_township_name(entry["fid"], new_name.strip())
        except PlanInputError as error:
            self.show_message(str(error), Qgis.MessageLevel.Warning)
            return
        self.run_tagging()  # the match report and the tagged layer follow the corrected name

    def zoom_to_match_row(self, index: int) -> bool:
        """Zoom the map canvas to the township layer's feature of a match report row."""
        if index < 0 or index >= len(self.match_rows) or self.match_rows[index]["fid"] is None:
            return False
        layer = self.township_layer()
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        extent = feature_extent(layer, self.match_rows[index]["fid"], canvas.mapSettings().destinationCrs()) \
            if canvas is not None else None
        if extent is None:
            return False
        canvas.setExtent(extent)
        canvas.refresh()
        return True

    def _edit_roles(self):
        layer = self.tagged_layer()
        if layer is None:
            self.show_message(tr("Run tagging first: the roles are edited on its output layer."),
                              Qgis.MessageLevel.Info)
            return
        self.iface.showAttributeTable(layer)

    # --------------------------------------------------------------- checks
    def _check_parameters(self, extra):
        townships = self.check_townships()
        field = self.name_field()
        parameters = dict(self.catalogue_parameters())
        if townships is not None and field and townships.fields().indexOf(field) >= 0:
            parameters.update({"TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": field})
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
        def build():
            if self.check_townships() is None or not self.name_field():
                raise PlanInputError(tr("Choose the township layer and its name field first."))
            lines = {"ECOLOGY": self.ecology_combo.currentLayer(), "FARMLAND": self.farmland_combo.currentLayer(),
                     "DEVELOPMENT": self.development_combo.currentLayer()}
            if not any(lines.values()):
                raise PlanInputError(tr("Choose at least one control-line layer."))
            extra = {key: layer for key, layer in lines.items() if layer is not None}
            builtup = self.control_builtup_combo.currentLayer()
            if builtup is not None:
                extra["BUILTUP"] = builtup
            townships = self.check_townships()
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
        parameters = self._guarded(build)
        if parameters is None:
            return False
        return self.start(algorithm_id, parameters, label,
                          lambda results: self._check_done(algorithm_id, label, parameters, results))

    def _check_done(self, algorithm_id, label, parameters, results):
        layer = result_layer(results.get("OUTPUT"))
        # What the thematic map of this check shows beside its main layer (export_map's EXTRA_LAYERS).
        extras = [result_layer(results.get(key)) for key in MAP_OUTPUTS.get(algorithm_id, ())]
        extras = [lyr for lyr in extras if lyr is not None]
        inputs = [parameters.get(key) for key in MAP_INPUTS.get(algorithm_id, ())]
        self.export_extras = [lyr.id() for lyr in extras] + [lyr.id() for lyr in inputs if hasattr(lyr, "id")]
        self.export_summary = next((lyr.customProperty(definitions.CHECK_SUMMARY_PROPERTY, "") for lyr in
                                    [result_layer(results.get("OUTPUT"))] + extras if lyr is not None), "") or ""
        townships = self.check_townships()
        if layer is None and algorithm_id == COVERAGE_ID:
            # Coverage has no township layer of its own: map the townships with the uncovered areas.
            layer = townships if townships is not None else next((lyr for lyr in extras if lyr is not None), None)
        scope = tr("Whole area checked")
        target_id = parameters.get("TARGET_ID")
        catalogue = self._guarded(self.catalogue) if target_id else None
        if catalogue is not None:
            target = next((t for t in catalogue.targets if t.id == target_id), None)
            if target is not None:
                scope = f"{target.label} ({target.year})" if target.year else target.label
        rows = [summary_row(label, scope, results, layer or townships)] if "MEASURED" in results else []
        spec = TOWNSHIP_FIELDS.get(algorithm_id)
        source = result_layer(results.get(spec["source"])) if spec else None
        name_field = parameters.get("TOWNSHIP_NAME_FIELD", "")
        if source is not None and algorithm_id == CONTROL_ID:
            if source.fields().indexOf(name_field) < 0:
                name_field = spec["name"]
            rows += control_rows(label, source, name_field)
        elif source is not None and spec["source"] == "OUTPUT":
            if source.fields().indexOf(name_field) < 0:
                name_field = spec["name"]
            rows += township_rows(label, source, name_field, spec["measured"], spec["unit"],
                                  passed_field=spec["passed"])
        elif source is not None:
            rows += table_rows(label, source, spec["name"], spec["measured"], spec["unit"],
                               parameters.get("TOWNSHIPS"), name_field, spec.get("target", ""), spec["passed"])
        heading = label
        if rows and rows[0].target is not None:
            unit = UNITS.get(rows[0].unit, rows[0].unit)
            heading = tr("{check}: target {value}").format(check=label, value=f"{rows[0].target:g} {unit}".strip())
        self.add_result_rows(rows, heading)
        if layer is not None:
            self.export_layer_combo.setLayer(layer)
            self.select_theme(THEME_OF_CHECK.get(algorithm_id, ""))
        report = results.get("REPORT")
        if report and os.path.exists(str(report)):
            self.status_label.setText(tr("{task}: done. <a href=\"{url}\">Open the report</a>").format(
                task=label, url="file://" + str(report)))
        self.tabs.setCurrentIndex(2)

    # -------------------------------------------------------------- results
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
        self._fit_result_rows()

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if watched is self.results_table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_result_rows()
        return super().eventFilter(watched, event)

    def _fit_result_rows(self):
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
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return False
        extent = row_extent(self.result_rows[index], canvas.mapSettings().destinationCrs())
        if extent is None:
            return False
        canvas.setExtent(extent)
        canvas.refresh()
        return True

    # --------------------------------------------------------------- export
    def run_export(self) -> bool:
        parameters = self._guarded(self.export_parameters)
        if parameters is None:
            return False

        def done(results):
            self.export_path = str(results.get("OUTPUT") or parameters["OUTPUT"])
            self.status_label.setText(tr("Map saved: <a href=\"{url}\">{path}</a>").format(
                url="file://" + self.export_path, path=self.export_path))

        return self.start(EXPORT_ID, parameters, tr("Export map"), done)

    def export_parameters(self) -> dict:
        """export_map's parameters for the panel's choices (PlanInputError for a missing or wrong one)."""
        layer = self.export_layer_combo.currentLayer()
        if layer is None:
            raise PlanInputError(tr("Choose the layer to map (a tagged layer or a check's output)."))
        path = self.export_file.filePath()
        if not path:
            raise PlanInputError(tr("Choose where to save the map (.pdf, .png or .svg)."))
        if os.path.splitext(path)[1].lower() not in (".pdf", ".png", ".svg"):
            path += ".pdf"
        from ..core.maps import layout as core_layout

        key, field, structure_name = self.theme_combo.currentData() or ("role", "", "")
        parameters = {"INPUT": layer, "THEME": [t.key for t in core_layout.THEMES].index(key),
                      "PAPER": self.paper_combo.currentIndex(), "OUTPUT": path}
        if field:
            if layer.fields().indexOf(field) < 0:
                raise PlanInputError(tr("The layer '{layer}' has no {structure} (field {field}): map the "
                                        "tagged township layer, or tag the townships first (Tagging tab).").format(
                    layer=layer.name(), structure=structure_name, field=field))
            parameters["FIELD"] = field
            if self.catalogue_path() and not self._is_bundled():
                parameters["CATALOGUE_FILE"] = self.catalogue_path()
        if self.title_edit.text().strip():
            parameters["TITLE"] = self.title_edit.text().strip()
        if key in THEME_OF_CHECK.values():
            if self.export_summary:
                parameters["CHECK_SUMMARY"] = self.export_summary
            extras = [QgsProject.instance().mapLayer(i) for i in self.export_extras]
            extras = [lyr for lyr in extras if lyr is not None and lyr.id() != layer.id()]
            if extras:
                parameters["EXTRA_LAYERS"] = extras
        return parameters

    # ---------------------------------------------------------------- close
    def closeEvent(self, event):  # noqa: N802 (Qt's name)
        # Closing the panel does not stop a run: its results still load when it ends.
        super().closeEvent(event)


def i18n_is_chinese() -> bool:
    """True when the plugin's translation is Chinese (the plan's own terms need no English)."""
    return tr("Plan checks") != "Plan checks"


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


def status_of(row) -> str:
    """The verdict column: met / not met; for a township without a target of its own, a dash."""
    if row.passed is None and row.fid is not None:
        return tr("not checked") if row.reason else "—"
    return row.status


def measured_text(row) -> str:
    """'138.40 km²', '13 townships', or '1.00 %' over the line it is the share of."""
    unit = UNITS.get(row.unit, row.unit)
    if row.measured is None:
        return _fmt(None)
    if row.unit == "townships":
        text = tr("{n} townships").format(n=int(round(row.measured)))
    else:
        text = f"{_fmt(row.measured)} {unit}".strip()
    return f"{text}\n{row.figure}" if row.figure else text


def result_tooltip(row) -> str:
    """The check, scope, figures and the reason of a result row."""
    lines = [f"{row.check}: {row.scope}",
             tr("Measured: {value}").format(value=measured_text(row).replace("\n", " ")),
             tr("Target: {value}").format(value=_fmt(row.target)),
             tr("Gap: {value}").format(value=_fmt(row.gap)),
             tr("Result: {value}").format(value=row.status)]
    if row.reason:
        lines.append(tr("Reason: {reason}").format(reason=row.reason))
    return "\n".join(lines)


def _fmt(value) -> str:
    if value is None:
        return "—"
    return f"{value:,.2f}"
