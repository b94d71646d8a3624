"""What every algorithm of the provider shares: naming, help, and turning bad
input into a clear message instead of a traceback."""
import traceback

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core.errors import PlanInputError
from ..i18n import tr
from ..resources import ICON_PATH

# Group ids and their (translatable) names.
GROUPS = {
    "plan": lambda: tr("Plan structure"),
    "checks": lambda: tr("Target checks"),
    "data": lambda: tr("Data preparation"),
    "maps": lambda: tr("Thematic maps"),
}


class CqAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``NAME``, ``GROUP``, implement ``displayName``,
    ``shortHelpString``, ``initAlgorithm`` and ``run`` (not processAlgorithm)."""

    NAME = ""
    GROUP = "checks"

    def name(self):
        return self.NAME

    def group(self):
        return GROUPS[self.GROUP]()

    def groupId(self):  # noqa: N802 (QGIS's name)
        return self.GROUP

    def icon(self):
        return QIcon(str(ICON_PATH))

    def createInstance(self):  # noqa: N802 (QGIS's name)
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        try:
            return self.run(parameters, context, feedback)
        except PlanInputError as error:
            raise QgsProcessingException(str(error)) from None
        except QgsProcessingException:
            raise
        except Exception as error:  # the user gets a message, the details go to the log
            feedback.pushDebugInfo(traceback.format_exc())
            raise QgsProcessingException(
                tr("{name} stopped on an unexpected error: {error}. The input layers were not changed. "
                   "Please report this with the log (Processing > History) to the plugin's tracker.").format(
                    name=self.displayName(), error=error)
            ) from None

    def run(self, parameters, context, feedback):
        raise NotImplementedError
