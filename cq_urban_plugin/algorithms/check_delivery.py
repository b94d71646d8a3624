"""Algorithm: the quality pass of a survey delivery, before any check (cq_urban:check_delivery)."""
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from .. import definitions
from ..compat import ProcessingFileParameterBehavior, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ..core.files.fields import make_fields
from ..core.geo import delivery as deliveries
from ..core.geo.quality import AREA_TOLERANCE, check_quality
from ..i18n import tr
from .base import CqAlgorithm
from .delivery_inputs import add_delivery_crs_parameter, delivery_crs

ISSUE_FIELDS = [("rule", str), ("layer", str), ("feature", int), ("value", str), ("message", str), ("fix", str)]
RULES = ("Q01", "Q02", "Q03", "Q04", "Q05", "Q06", "Q07")


class CheckDeliveryAlgorithm(CqAlgorithm):
    NAME = definitions.CHECK_DELIVERY
    GROUP = "data"
    DELIVERY = "DELIVERY"
    AREA_TOLERANCE = "AREA_TOLERANCE"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Check a survey delivery's quality")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "The quality pass to run first on a survey delivery (a .gdb, a .gpkg or a folder of Shapefiles, read "
            "as cq_urban:read_delivery reads it): what in it would make a check wrong, each issue with its rule, "
            "its layer and feature, and the fix. Q01 a standard field the checks read is missing; Q02 a 地类编码 "
            "outside the 三调 classification (TD/T 1055-2019 附录 A; 0201K, 1104A … are read as their family); "
            "Q03 a 城镇村属性码 outside 201–205; Q04 two 地类图斑 overlap; Q05 a gap between townships; Q06 a "
            "recorded area TBMJ differing from the parcel's ellipsoidal area (CGCS2000) by more than the "
            "tolerance; Q07 a TBDLMJ larger than its TBMJ. Output: the issues as a layer (each at its feature, "
            "overlap or gap) with rule, layer, feature, value, message and fix; ISSUES and one count per rule.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.DELIVERY, tr("Survey or planning delivery (.gdb folder, .gpkg, or folder of Shapefiles)"),
            behavior=ProcessingFileParameterBehavior.Folder))
        add_delivery_crs_parameter(self)
        self.addParameter(QgsProcessingParameterNumber(
            self.AREA_TOLERANCE, tr("Recorded and ellipsoidal areas apart by more than (%)"),
            ProcessingNumberParameterType.Double, defaultValue=100 * AREA_TOLERANCE, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Delivery issues"), ProcessingSourceType.VectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("ISSUES", tr("Issues found")))
        for rule in RULES:
            self.addOutput(QgsProcessingOutputNumber(rule, tr("Issues of rule {rule}").format(rule=rule)))

    def compute(self, parameters, context, feedback):
        path = Path(self.parameterAsFile(parameters, self.DELIVERY, context))
        found = deliveries.recognise(path, feedback, crs=delivery_crs(self, parameters, context))
        # Kept on the algorithm: the layers must outlive the run that reads them.
        self._layers = deliveries.open_layers(found)
        tolerance = self.parameterAsDouble(parameters, self.AREA_TOLERANCE, context) / 100.0
        issues = check_quality(found, self._layers, area_tolerance=tolerance, feedback=feedback)
        crs = next((layer.crs() for layer, _, _ in self._layers.values()), None)
        fields = make_fields(ISSUE_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        counts = {rule: 0 for rule in RULES}
        for issue in issues:
            counts[issue.rule] += 1
            feature = QgsFeature(fields)
            feature.setAttributes([issue.rule, issue.layer, issue.fid, issue.value, issue.message, issue.fix])
            if issue.geometry is not None and not issue.geometry.isEmpty():
                geometry = issue.geometry.buffer(0.5, 4) if issue.geometry.type() != 2 else issue.geometry
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        for rule, count in counts.items():
            if count:
                feedback.pushWarning(tr("{rule}: {count} issues.").format(rule=rule, count=count))
        if not issues:
            feedback.pushInfo(tr("No issue found in the delivery."))
        return {self.OUTPUT: dest_id, "ISSUES": len(issues), **counts}
