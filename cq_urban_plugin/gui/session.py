"""What the panel's tabs share: the catalogue, the township layer and its name field, one run at a time.

A ``Session`` belongs to the dock (its Qt parent) and is handed to every tab.
It holds the pickers above the tabs (plan catalogue, township layer, name
field) and what they stand for (``catalogue()``, ``township_layer()``,
``name_field()``, ``check_townships()``: the tagging output of the township
layer when there is one); the run under way (``start``: one of the provider's
algorithms in a QGIS task, its progress bar, Cancel and status line, the tabs'
buttons disabled meanwhile); the panel's messages (``show_message``,
``guarded``); and the layer choices: the defaults it suggests, and those the
user made, remembered in the project per catalogue (gui/defaults.py).

``catalogue_changed(catalogue)`` is emitted when the catalogue chosen changes
(None when there is none, or it cannot be read): the tabs refill what they
offer from it (the checks' targets, the map themes).
"""
import os

from qgis.core import Qgis, QgsFieldProxyModel, QgsProject
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QObject, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QFileDialog, QLabel, QProgressBar, QPushButton

from ..compat import LayerFilter
from ..core.errors import PlanInputError
from ..core.plan.catalogue import bundled_catalogue_paths, load_catalogue
from ..i18n import tr
from . import defaults
from .tasks import AlgorithmRun, algorithm_by_id
from .widgets import narrow_combo

# Field names that look like a township's name, tried in this order when a township layer is chosen.
NAME_FIELD_GUESSES = ("name", "NAME", "xzqmc", "XZQMC", "township", "乡镇", "名称", "乡镇名称")


class Session(QObject):
    """``Session(iface, dock)``: the dock is its parent and the parent of its dialogs."""

    catalogue_changed = pyqtSignal(object)

    def __init__(self, iface, dock):
        super().__init__(dock)
        self.iface = iface
        self.dock = dock
        self.run = None            # the AlgorithmRun under way, if any
        self._on_success = None    # what to do with its results
        self.last_run = None       # the last one (tests and the status line read it)
        self.tagged_layer_id = ""  # the last tagging output
        self.tagged_source_id = ""  # and the township layer it was made from
        self._buttons = []         # the tabs' buttons that start a run: disabled while one is under way
        self._pickers = {}         # the checks' layer pickers, by name (watch_choices)
        self._suggesting = False   # True while the panel itself sets the pickers
        self._chosen = set()       # pickers the user (or the project) set for the current catalogue
        self._build()

    def _build(self):
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

        self.township_combo = narrow_combo(QgsMapLayerComboBox())
        self.township_combo.setObjectName("townships")
        self.township_combo.setFilters(LayerFilter.PolygonLayer)
        self.township_combo.setAllowEmptyLayer(True)
        self.name_field_combo = narrow_combo(QgsFieldComboBox())
        self.name_field_combo.setObjectName("name_field")
        self.name_field_combo.setFilters(QgsFieldProxyModel.Filter.String)
        self.township_combo.layerChanged.connect(self._township_layer_changed)
        QgsProject.instance().layersAdded.connect(self._sync_name_field)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.status_label = QLabel(tr("Choose a plan catalogue and the township layer."))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.status_label.setOpenExternalLinks(True)
        self._township_layer_changed(self.township_combo.currentLayer())

    # -------------------------------------------------------------- catalogue
    def refresh_catalogue(self):
        """Read the chosen catalogue (a malformed one is reported) and tell the tabs."""
        try:
            catalogue = self.catalogue()
        except PlanInputError as error:
            self.show_message(str(error), Qgis.MessageLevel.Warning)
            catalogue = None
        self.catalogue_changed.emit(catalogue)

    def _catalogue_changed(self, _index):
        self.refresh_catalogue()
        if self.catalogue_path():
            defaults.remember("catalogue", self.catalogue_id() if self.is_bundled() else self.catalogue_path())
        self._chosen = set()
        self.suggest_layers()

    def _catalogue_activated(self, index):
        if self.catalogue_combo.itemData(index):
            self._last_catalogue_index = index
            return
        path, _ = QFileDialog.getOpenFileName(self.dock, tr("Plan catalogue"), "",
                                              tr("Plan catalogue (*.yaml *.yml)"))
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

    def catalogue_id(self) -> str:
        return os.path.splitext(os.path.basename(self.catalogue_path()))[0] if self.catalogue_path() else ""

    def catalogue(self):
        path = self.catalogue_path()
        return load_catalogue(path) if path else None

    def is_bundled(self) -> bool:
        from ..resources import CATALOGUE_DIR

        return os.path.dirname(os.path.abspath(self.catalogue_path())) == str(CATALOGUE_DIR)

    def catalogue_parameters(self) -> dict:
        """CATALOGUE (a bundled id) or CATALOGUE_FILE (a user's file), as params.py defines them."""
        path = self.catalogue_path()
        from ..resources import CATALOGUE_DIR

        if os.path.dirname(os.path.abspath(path)) == str(CATALOGUE_DIR):
            return {"CATALOGUE": os.path.splitext(os.path.basename(path))[0]}
        return {"CATALOGUE_FILE": path}

    # ------------------------------------------------------ township layer
    def _township_layer_changed(self, layer):
        self.name_field_combo.setLayer(layer)
        if layer is None:
            return
        # Preselect a field that looks like the township name.
        names = [f.name() for f in layer.fields()]
        for guess in NAME_FIELD_GUESSES:
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

    def required_township_inputs(self):
        """The township layer and its name field (PlanInputError when either is not chosen)."""
        layer, field = self.township_layer(), self.name_field()
        if layer is None or not field:
            raise PlanInputError(tr("Choose the township layer and its name field first."))
        return layer, field

    def tagged_layer(self):
        return QgsProject.instance().mapLayer(self.tagged_layer_id) if self.tagged_layer_id else None

    def check_townships(self):
        """The layer checks run on: the tagging output of the chosen township layer when there
        is one (it carries roles and zones), else the township layer itself."""
        layer, tagged = self.township_layer(), self.tagged_layer()
        if tagged is not None and layer is not None and self.tagged_source_id == layer.id():
            return tagged
        return layer

    # ------------------------------------------------- defaults and remembered choices
    def _choice_key(self, name: str) -> str:
        return f"choices/{self.catalogue_id() or 'none'}/{name}"

    def watch_choices(self, pickers: dict):
        """Remember in the project what the user picks in the township layer, its name field and
        ``pickers`` (the checks' layer pickers by name); suggest layers as they are added."""
        self._pickers = dict(pickers)
        combos = dict(self._pickers, townships=self.township_combo)
        for name, combo in combos.items():
            combo.layerChanged.connect(lambda layer, n=name: self._layer_chosen(n, layer))
        self.name_field_combo.fieldChanged.connect(self._field_chosen)
        project = QgsProject.instance()
        project.layersAdded.connect(self._layers_added)
        project.readProject.connect(self._project_read)

    def layer_pickers(self) -> dict:
        """The checks' layer pickers, by name (as watch_choices was given them)."""
        return dict(self._pickers)

    def _layer_chosen(self, name, layer):
        if self._suggesting:
            return
        self._chosen.add(name)
        defaults.remember(self._choice_key(name), layer.id() if layer is not None else "")

    def _field_chosen(self, field):
        if not self._suggesting and field:
            defaults.remember(self._choice_key("name_field"), field)

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
            catalogue = self.guarded(self.catalogue) if self.catalogue_path() else None
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
            for name, combo in self._pickers.items():
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

    # ------------------------------------------------------------- running
    def add_run_buttons(self, *buttons):
        """Buttons that start a run: disabled while one is under way."""
        self._buttons.extend(buttons)

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
        # Bound methods of the session only: Qt drops these connections if the panel (and the
        # session with it) is deleted (plugin unloaded) while the run goes on, where a lambda
        # would call a dead widget.
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
        for button in self._buttons:
            button.setEnabled(enabled)

    # ------------------------------------------------------------ messages
    def show_message(self, text: str, level=Qgis.MessageLevel.Info):
        self.status_label.setText(text)
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is not None:
            bar.pushMessage(tr("Plan checks"), text, level, 8 if level == Qgis.MessageLevel.Info else 0)

    def guarded(self, build):
        """Build parameters; a missing choice becomes a message in the panel, never a traceback."""
        try:
            return build()
        except PlanInputError as error:
            self.show_message(str(error), Qgis.MessageLevel.Warning)
            return None

    def canvas(self):
        """The map canvas, or None (no interface)."""
        return self.iface.mapCanvas() if self.iface is not None else None
