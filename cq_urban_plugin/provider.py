"""The Processing provider `cq_urban`: every algorithm of the plugin."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from . import definitions
from .algorithms import ALGORITHMS
from .core.geo import transforms
from .core.maps import fonts
from .i18n import tr
from .resources import ICON_PATH


class CqUrbanProvider(QgsProcessingProvider):
    def id(self):
        return definitions.PROVIDER_ID

    def name(self):
        return tr("Chongqing urban plan checks")

    def longName(self):  # noqa: N802 (QGIS's name)
        return tr("Chongqing urban plan checks (plan roles, built-up area, coverage, control lines, maps)")

    def icon(self):
        return QIcon(str(ICON_PATH))

    def svgIconPath(self):  # noqa: N802 (QGIS's name)
        return str(ICON_PATH)

    def load(self):
        # On the main thread, before any run: see core/geo/transforms.py.
        transforms.build_own_crs()
        transforms.keep_worker_threads()
        fonts.prepare_searchable_font()  # Qt's font database, on the main thread; maps exported in tasks use it
        return super().load()

    def loadAlgorithms(self):  # noqa: N802 (QGIS's name)
        for algorithm_class in ALGORITHMS:
            self.addAlgorithm(algorithm_class())
