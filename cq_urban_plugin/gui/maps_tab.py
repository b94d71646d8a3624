"""The panel's Export tab: the thematic map of a tagged layer or of a check's output.

The themes offered are one per structure of the session's catalogue (巫溪's
田园综合体 too), then the checks' maps; a check that ends chooses its layer and
theme, and the layers its map draws over it (``show_check``). The map is made by
cq_urban:export_map, its THEME the theme's index in definitions.THEME_KEYS.
"""
import os

from qgis.core import QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from .. import definitions
from ..compat import LayerFilter
from ..core.errors import PlanInputError
from ..i18n import tr
from .widgets import add_row, layer_combo, narrow_combo, narrow_form

EXPORT_ID = definitions.algorithm_id(definitions.EXPORT_MAP)
# The themes of the checks' maps, after the catalogue's structures (the indicator checks' two last).
CHECK_THEMES = tuple(definitions.THEME_OF_CHECK.values()) + ("land_share", "per_capita")


class MapsTab(QWidget):
    """``MapsTab(session)``; ``export_path`` the last map saved."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.export_path = ""
        self.export_extras = []    # result layers the next map shows beside its main layer
        self.export_summary = ""   # the last check's target, measured value and verdict, for its map
        self._build()
        session.add_run_buttons(self.export_button)
        session.catalogue_changed.connect(self.refresh_themes)

    def _build(self):
        form = narrow_form(self)
        self.export_layer_combo = layer_combo("export_layer", LayerFilter.PolygonLayer)
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

    # --------------------------------------------------------------- themes
    def refresh_themes(self, catalogue=None):
        """The export themes: one per structure of the catalogue (巫溪's 田园综合体 too), then the checks."""
        keys = set(definitions.THEME_KEYS)
        current = self.theme_combo.currentData()
        self.theme_combo.clear()
        english = not i18n_is_chinese()
        for structure in catalogue.structures if catalogue else []:
            key = structure.kind if structure.kind in keys else "structure"
            name = (structure.name_en or structure.name) if english else structure.name
            self.theme_combo.addItem(name, (key, structure.field, structure.name))
        for key, label in (("builtup", tr("Built-up check")), ("coverage", tr("Bus-stop coverage")),
                           ("control_lines", tr("Control lines")), ("land_share", tr("Land share check")),
                           ("per_capita", tr("Per-capita check"))):
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

    def show_layer(self, layer):
        """Offer ``layer`` (a tagging output) as the layer to map."""
        self.export_layer_combo.setLayer(layer)

    def show_check(self, outcome):
        """A check ended (checks_tab.CheckOutcome): its map's extras and summary; its layer and theme."""
        self.export_extras = list(outcome.extras)
        self.export_summary = outcome.summary
        if outcome.layer is not None:
            self.export_layer_combo.setLayer(outcome.layer)
            self.select_theme(outcome.theme)

    # --------------------------------------------------------------- export
    def run_export(self) -> bool:
        session = self.session
        parameters = session.guarded(self.export_parameters)
        if parameters is None:
            return False

        def done(results):
            self.export_path = str(results.get("OUTPUT") or parameters["OUTPUT"])
            session.status_label.setText(tr("Map saved: <a href=\"{url}\">{path}</a>").format(
                url="file://" + self.export_path, path=self.export_path))

        return session.start(EXPORT_ID, parameters, tr("Export map"), done)

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
        key, field, structure_name = self.theme_combo.currentData() or ("role", "", "")
        parameters = {"INPUT": layer, "THEME": definitions.THEME_KEYS.index(key),
                      "PAPER": self.paper_combo.currentIndex(), "OUTPUT": path}
        if field:
            if layer.fields().indexOf(field) < 0:
                raise PlanInputError(tr("The layer '{layer}' has no {structure} (field {field}): map the "
                                        "tagged township layer, or tag the townships first (Tagging tab).").format(
                    layer=layer.name(), structure=structure_name, field=field))
            parameters["FIELD"] = field
            if self.session.catalogue_path() and not self.session.is_bundled():
                parameters["CATALOGUE_FILE"] = self.session.catalogue_path()
        if self.title_edit.text().strip():
            parameters["TITLE"] = self.title_edit.text().strip()
        if key in CHECK_THEMES:
            if self.export_summary:
                parameters["CHECK_SUMMARY"] = self.export_summary
            extras = [QgsProject.instance().mapLayer(i) for i in self.export_extras]
            extras = [lyr for lyr in extras if lyr is not None and lyr.id() != layer.id()]
            if extras:
                parameters["EXTRA_LAYERS"] = extras
        return parameters


def i18n_is_chinese() -> bool:
    """True when the plugin's translation is Chinese (the plan's own terms need no English)."""
    return tr("Plan checks") != "Plan checks"
