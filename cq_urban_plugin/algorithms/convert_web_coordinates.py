"""Algorithm: convert web-map coordinates (GCJ-02 / BD-09) to CGCS2000 or WGS84."""
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from .. import definitions
from ..compat import ProcessingFeatureSourceFlag, ProcessingSourceType
from ..core.errors import PlanInputError, check_cancel
from ..core.geo import transforms
from ..core.geo.gcj02 import BD09, GCJ02, NEAR_EDGE_DEG, convert_in_shift_area, looks_like_lonlat
from ..core.geo.inputs import check_read_complete, layer_label
from ..i18n import tr
from .base import CqAlgorithm

OUTPUT_CRS_IDS = ("EPSG:4490", "EPSG:4326")
BATCH = 2000


class ConvertWebCoordinatesAlgorithm(CqAlgorithm):
    NAME = definitions.CONVERT_WEB_COORDINATES
    GROUP = "data"
    INPUT = "INPUT"
    SOURCE_SYSTEM = "SOURCE_SYSTEM"
    OUTPUT_CRS = "OUTPUT_CRS"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Convert web-map coordinates (GCJ-02 / BD-09)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Moves features taken from Chinese web maps back to true positions. Amap (高德) and Tencent "
            "coordinates are GCJ-02, Baidu's are BD-09; in Chongqing both are shifted by several hundred "
            "metres, as much as the 500 m bus-stop radius the plans set (e.g. 巫溪 城区公交站点500米覆盖率, "
            "004_de8bb285974af80e.txt l.39).\n\n"
            "Input: any vector layer whose coordinates are GCJ-02 or BD-09 longitude/latitude. They are read "
            "as such whatever CRS the layer declares (web-map scrapes are usually declared EPSG:4326); a "
            "warning is given if it declares a projected CRS, and the run stops if the coordinates cannot be "
            "degrees. Every vertex is converted; points outside mainland China (abroad, and in Hong Kong, Macau "
            "and Taiwan, where the web maps apply no shift) are left unchanged and counted (OUTSIDE_CHINA), "
            "and those within about 5 km of its edge are listed (NEAR_BORDER): the outline is a coarse one, "
            "from Natural Earth (public domain). The input layer is not modified.\n"
            "Output: the same features and fields in EPSG:4490 (CGCS2000) or EPSG:4326 (WGS84). The two agree "
            "to within centimetres for this purpose, so the same coordinates are written in either.\n\n"
            "Accuracy: WGS84→GCJ-02 is the published formula; its inverse is solved by iteration until the "
            "forward formula gives back the input to 1e-9 degree (sub-centimetre), better than the usual "
            "one-step reverse (1–2 m). BD-09→GCJ-02 is solved the same way. The result is only as good as "
            "the published formula's agreement with the web map itself, which this tool cannot check."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Layer with web-map coordinates"), [ProcessingSourceType.VectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterEnum(
            self.SOURCE_SYSTEM, tr("Coordinates of the input"),
            options=[tr("GCJ-02 (Amap, Tencent)"), tr("BD-09 (Baidu)")], defaultValue=GCJ02))
        self.addParameter(QgsProcessingParameterEnum(
            self.OUTPUT_CRS, tr("Output coordinate system"),
            options=[tr("EPSG:4490 CGCS2000"), tr("EPSG:4326 WGS84")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Converted layer"), ProcessingSourceType.VectorAnyGeometry))

    def compute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise PlanInputError(tr("The input layer could not be opened."),
                                 tr("Check that the file or database is reachable."))
        label = layer_label(source)
        system = self.parameterAsEnum(parameters, self.SOURCE_SYSTEM, context)
        system = BD09 if system == BD09 else GCJ02
        crs_id = OUTPUT_CRS_IDS[1 if self.parameterAsEnum(parameters, self.OUTPUT_CRS, context) == 1 else 0]
        declared = source.sourceCrs()
        extent = source.sourceExtent()
        if not extent.isNull() and source.featureCount() != 0 \
                and not looks_like_lonlat(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()):
            raise PlanInputError(
                tr("Layer '{layer}' has coordinates that cannot be longitude/latitude degrees "
                   "(extent {extent}; declared CRS {crs}).").format(
                    layer=label, extent=extent.toString(2), crs=declared.authid() or tr("none")),
                tr("Web-map coordinates are GCJ-02 or BD-09 degrees. If the layer was reprojected, convert the "
                   "original longitude/latitude file instead."))
        if declared.isValid() and not declared.isGeographic():
            feedback.reportError(tr(
                "Layer '{layer}' declares the projected CRS {crs}, but its coordinates are read as GCJ-02/BD-09 "
                "longitude/latitude degrees. Check that this is what the layer holds.").format(
                    layer=label, crs=declared.authid()), False)

        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, source.fields(), source.wkbType(),
                                             transforms.crs(crs_id))
        total = source.featureCount() or 0
        converted = empty = 0
        outside, near_edge = [], []  # feature ids left alone, and near the outline's edge
        features = source.getFeatures(QgsFeatureRequest(), ProcessingFeatureSourceFlag.SkipGeometryValidityChecks)
        batch = []
        read = 0

        def flush():
            nonlocal converted
            # Converted in batches: one vectorised call for many features. Vertex by vertex,
            # those outside mainland China stay put, as on the web maps.
            todo = [f for f in batch if f.hasGeometry() and not f.geometry().isEmpty()]
            copies, moved, near = convert_in_shift_area([f.geometry() for f in todo], system)
            for feature, geometry, was_moved, is_near in zip(todo, copies, moved, near):
                if was_moved:
                    feature.setGeometry(geometry)
                    converted += 1
                else:
                    outside.append(feature.id())
                if is_near:
                    near_edge.append(feature.id())
            sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
            batch.clear()

        for index, feature in enumerate(features):
            if index % BATCH == 0:
                check_cancel(feedback)
                if total:
                    feedback.setProgress(100.0 * index / total)
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                empty += 1
            batch.append(QgsFeature(feature))
            if len(batch) >= BATCH:
                flush()
            read = index + 1
        flush()
        check_read_complete(source, label, read)
        feedback.pushInfo(tr("{n} features converted from {system} to {crs}.").format(
            n=converted, system="BD-09" if system == BD09 else "GCJ-02", crs=crs_id))
        if outside:
            feedback.pushWarning(tr(
                "{layer}: {n} features lie outside mainland China (abroad, or in Hong Kong, Macau or Taiwan), "
                "where the web maps apply no shift: copied unchanged (feature ids {ids}).").format(
                layer=label, n=len(outside), ids=_ids(outside)))
        if near_edge:
            feedback.pushWarning(tr(
                "{layer}: {n} features lie within about {km:g} km of the edge of mainland China as this tool "
                "draws it (a coarse outline; feature ids {ids}): those inside were converted, those outside left "
                "as they were. Check them against a map of the border.").format(
                layer=label, n=len(near_edge), km=round(NEAR_EDGE_DEG * 111), ids=_ids(near_edge)))
        if empty:
            feedback.pushInfo(tr("{n} features without geometry copied unchanged.").format(n=empty))
        return {self.OUTPUT: dest_id, "CONVERTED": converted, "OUTSIDE_CHINA": len(outside), "NO_GEOMETRY": empty,
                "NEAR_BORDER": len(near_edge)}


def _ids(values, shown=10):
    return ", ".join(str(v) for v in values[:shown]) + (" …" if len(values) > shown else "")
