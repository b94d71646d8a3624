"""Algorithm: list a plan catalogue's targets as a table, each with its citation."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from .. import definitions
from ..compat import ProcessingSourceType, WkbType
from ..core.checks.plan_check import measurability
from ..core.checks.targets import target_text
from ..core.files.fields import make_fields
from ..i18n import language, tr
from .base import CqAlgorithm
from .params import add_catalogue_parameters, catalogue_from_parameters

TARGET_FIELDS = [
    ("juris", str), ("target_id", str), ("indicator", str), ("label", str), ("label_en", str),
    ("value", float), ("value_min", float), ("value_max", float), ("unit", str),
    ("comparison", str), ("year", int), ("scope", str), ("binding", str),
    ("citation", str), ("quote", str),
    ("target", str), ("tolerance", float), ("value_text", str), ("derived", str),
    ("measure", str), ("layers", str), ("convention", str), ("measurable", bool), ("how", str),
]


def measure_text(measure) -> str:
    """'facility_coverage: 镇(街)养老服务中心, 20 min, over township' — how a target is measured."""
    if measure is None:
        return ""
    parts = [p for p in (
        measure.facility,
        f"{measure.distance_m:g} m" if measure.distance_m is not None else "",
        f"{measure.minutes:g} min" if measure.minutes is not None else "",
        tr("over {denominator}").format(denominator=measure.denominator) if measure.denominator else "",
        tr("classes {classes}").format(classes=measure.classes) if measure.classes else "",
        measure.source) if p]
    return measure.kind + (": " + ", ".join(parts) if parts else "")


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
            "document and line it is taken from. Each row also says how the target is measured (the kind of "
            "measurement, the facility, distance or walking time, the denominator, the layers it needs and the "
            "convention where the plan is silent), whether the bundled checks can measure it (measurable; how: the "
            "way, or why not), the value in the plan's words where it gives words (全覆盖, 翻一番) "
            "with how the number is derived, and the tolerance of an approximate figure (约, 左右).\n\n"
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
        measurable = 0
        for target in targets:
            can, how = measurability(catalogue, target)
            measurable += can
            measure = target.measure
            feature = QgsFeature(fields)
            feature.setAttributes([
                catalogue.name, target.id, target.indicator, target.label, target.label_en,
                target.value, target.value_min, target.value_max, target.unit,
                target.comparison, target.year, target.scope, target.binding,
                str(target.cite), target.cite.quote,
                target_text(target.comparison, target.value, target.value_min, target.value_max,
                            target.tolerance_pct),
                target.tolerance_pct, target.value_text, target.derivation or (target.note if target.derived else ""),
                measure_text(measure), ", ".join(measure.layers) if measure is not None else "",
                measure.said("convention", language()) if measure is not None else "", can, how,
            ])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(tr("{n} targets from {file}, {measurable} of them measurable by the bundled checks").format(
            n=len(targets), file=catalogue.path.name, measurable=measurable))
        return {self.OUTPUT: dest_id, "TARGET_COUNT": len(targets), "MEASURABLE_COUNT": measurable}
