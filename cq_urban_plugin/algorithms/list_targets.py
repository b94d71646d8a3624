"""Algorithm: list a plan catalogue's targets as a table, each with its citation."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from .. import definitions
from ..compat import ProcessingSourceType, WkbType
from ..core.files.fields import make_fields
from ..i18n import tr
from .base import CqAlgorithm
from .params import add_catalogue_parameters, catalogue_from_parameters

TARGET_FIELDS = [
    ("juris", str), ("target_id", str), ("indicator", str), ("label", str), ("label_en", str),
    ("value", float), ("value_min", float), ("value_max", float), ("unit", str),
    ("comparison", str), ("year", int), ("scope", str), ("binding", str),
    ("citation", str), ("quote", str),
]


class ListTargetsAlgorithm(CqAlgorithm):
    NAME = definitions.LIST_TARGETS
    GROUP = "plan"
    INDICATOR = "INDICATOR"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("List plan targets")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Lists the spatial and statistical targets a plan catalogue holds (for example 江津 "
            "城镇建成区 145 km² by 2025, 巫溪 城区公交站点500米覆盖率 90%), one row each, with value, unit, "
            "year, scope, whether the plan calls it binding (约束性) or expected (预期性), and the "
            "document and line it is taken from.\n\n"
            "Inputs: a bundled catalogue (jiangjin, kaizhou, wuxi, chongqing) or a catalogue file of your own; "
            "optionally an indicator to keep (builtup_area, bus_stop_coverage, …).\n"
            "Output: a table without geometry."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        add_catalogue_parameters(self)
        self.addParameter(QgsProcessingParameterString(
            self.INDICATOR, tr("Only this indicator (empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Plan targets"), ProcessingSourceType.Vector))

    def compute(self, parameters, context, feedback):
        catalogue = catalogue_from_parameters(self, parameters, context)
        indicator = (self.parameterAsString(parameters, self.INDICATOR, context) or "").strip()
        targets = [t for t in catalogue.targets if not indicator or t.indicator == indicator]
        fields = make_fields(TARGET_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.NoGeometry)
        for target in targets:
            feature = QgsFeature(fields)
            feature.setAttributes([
                catalogue.name, target.id, target.indicator, target.label, target.label_en,
                target.value, target.value_min, target.value_max, target.unit,
                target.comparison, target.year, target.scope, target.binding,
                str(target.cite), target.cite.quote,
            ])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(tr("{n} targets from {file}").format(n=len(targets), file=catalogue.path.name))
        return {self.OUTPUT: dest_id, "TARGET_COUNT": len(targets)}
