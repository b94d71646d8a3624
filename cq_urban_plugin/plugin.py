"""The QGIS plugin: menu, toolbar button, Processing provider, dock panel."""
from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon

from .compat import QAction
from .i18n import install_translator, remove_translator, tr
from .provider import CqUrbanProvider
from .requirements import missing_message
from .resources import ICON_PATH


class CqUrbanPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.panel = None
        self.panel_action = None
        # Before any string is built: qgis_process calls initProcessing only.
        install_translator()

    # Processing -----------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS's name)
        if self.provider is not None:
            return
        provider = CqUrbanProvider()
        # False when another copy of the plugin already registered "cq_urban"
        # (QGIS then deletes this one): keep out of the way rather than fail.
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
        missing = missing_message()
        if missing:  # qgis_process and the log hear it at load; each algorithm refuses with it too
            QgsMessageLog.logMessage(missing, tr("Plan checks"), Qgis.MessageLevel.Critical)

    # Desktop --------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS's name)
        self.initProcessing()
        # Translated once, and kept: removePluginMenu must be given the same text.
        self.menu = tr("&Chongqing plan checks")
        icon = QIcon(str(ICON_PATH))
        panel_action = QAction(icon, tr("Plan checks"), self.iface.mainWindow())
        panel_action.setObjectName("cq_urban_plan_checks")
        panel_action.setToolTip(tr("Plan checks: tag townships, check targets, export maps"))
        panel_action.setCheckable(True)
        panel_action.toggled.connect(self.toggle_panel)
        self.iface.addPluginToMenu(self.menu, panel_action)
        self.actions.append(panel_action)
        # One menu entry per algorithm, opening its Processing dialog.
        for algorithm in self.provider.algorithms() if self.provider is not None else []:
            action = QAction(algorithm.icon(), algorithm.displayName(), self.iface.mainWindow())
            action.setObjectName(f"cq_urban_{algorithm.name()}")
            action.triggered.connect(lambda _checked=False, alg_id=algorithm.id(): self.open_algorithm(alg_id))
            self.iface.addPluginToMenu(self.menu, action)
            self.actions.append(action)
        designer_action = QAction(icon, tr("Thematic map of the active layer in the layout designer"),
                                  self.iface.mainWindow())
        designer_action.setObjectName("cq_urban_open_layout")
        designer_action.triggered.connect(self.open_layout_designer)
        self.iface.addPluginToMenu(self.menu, designer_action)
        self.actions.append(designer_action)
        self.iface.addToolBarIcon(panel_action)
        self.panel_action = panel_action
        missing = missing_message()
        if missing:
            self.iface.messageBar().pushMessage(tr("Plan checks"), missing, Qgis.MessageLevel.Critical, 0)

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(self.menu, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.panel is not None:
            self.iface.removeDockWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        from .core.geo.transforms import release_worker_threads

        release_worker_threads(2000)  # a task still running elsewhere in QGIS is not waited for long
        remove_translator()

    def toggle_panel(self, visible: bool):
        if self.panel is None:
            if not visible:
                return
            from .gui.panel import PlanChecksDock

            self.panel = PlanChecksDock(self.iface, self.iface.mainWindow())
            self.panel.visibilityChanged.connect(self.panel_action.setChecked)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.setVisible(visible)

    def open_layout_designer(self):
        """The active layer's thematic map as a print layout, to edit before export."""
        from qgis.core import QgsVectorLayer

        from .compat import GeometryType
        from .core.errors import PlanInputError
        from .core.maps.themes import THEMES
        from .gui.layout_actions import open_layout_in_designer

        layer = self.iface.activeLayer()
        if not isinstance(layer, QgsVectorLayer):
            self.iface.messageBar().pushMessage(
                tr("Plan checks"), tr("Select a tagged township layer or a check's output layer first."),
                Qgis.MessageLevel.Warning, 8)
            return None
        if not layer.isSpatial() or layer.geometryType() != GeometryType.Polygon:
            # A table (a match report, a check's table) has no CRS to complain about: it is the wrong kind.
            self.iface.messageBar().pushMessage(
                tr("Plan checks"), tr("'{layer}' is not a polygon layer: a thematic map needs a polygon layer (the "
                                      "tagged townships or a check's per-township output).").format(
                    layer=layer.name()), Qgis.MessageLevel.Warning, 8)
            return None
        names = set(layer.fields().names())
        theme = next((t for t in THEMES if any(f in names for f in t.fields)), THEMES[0])
        try:
            return open_layout_in_designer(self.iface, layer, theme.key)
        except PlanInputError as error:
            self.iface.messageBar().pushMessage(tr("Plan checks"), str(error), Qgis.MessageLevel.Warning, 10)
            return None

    @staticmethod
    def open_algorithm(algorithm_id: str):
        import processing  # QGIS's own Processing plugin

        processing.execAlgorithmDialog(algorithm_id, {})
