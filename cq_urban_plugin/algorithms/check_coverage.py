"""Algorithm: 500 m bus-stop coverage of the served area (城区公交站点500米覆盖率)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from .. import definitions
from ..compat import (
    ProcessingAlgorithmFlag,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
)
from ..core.checks import coverage
from ..core.checks.report import write_report
from ..core.files.fields import make_fields
from ..i18n import tr
from .base import CqAlgorithm
from .params import CheckParameterNames, add_catalogue_parameters, add_target_id_parameter, catalogue_from_parameters
from .run_outputs import add_coverage_outputs, attach_coverage_outputs

AREA_FIELDS = [(definitions.TOWNSHIP_FIELD, str), ("area_km2", float)]
# The columns of core.checks.coverage.CoverageRow, in its order.
TABLE_FIELDS = [(definitions.TOWNSHIP_FIELD, str), ("served_km2", float), ("cover_km2", float), ("cover_pct", float),
                ("pop_served", float), ("pop_cover", float), ("pop_pct", float), ("measured", float),
                ("target", float), ("gap", float), ("passed", str)]


class CheckCoverageAlgorithm(CheckParameterNames, CqAlgorithm):
    NAME = definitions.CHECK_COVERAGE
    GROUP = "checks"
    STOPS = "STOPS"
    SERVED_AREA = "SERVED_AREA"
    RADIUS = "RADIUS"
    DISTANCE = "DISTANCE"
    ROADS = "ROADS"
    ACCESS_WIDTH = "ACCESS_WIDTH"
    MEASURE = "MEASURE"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION_POINTS = "POPULATION_POINTS"
    POPULATION_POINTS_FIELD = "POPULATION_POINTS_FIELD"
    SERVICE_AREA = "SERVICE_AREA"
    UNCOVERED = "UNCOVERED"

    def displayName(self):  # noqa: N802
        return tr("Bus-stop coverage (500 m)")

    def flags(self):
        # The name as written: QGIS would title-case it in the dialog title ("Bus-Stop Coverage (500 M)").
        return super().flags() | ProcessingAlgorithmFlag.DisplayNameIsLiteral

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Measures the share of the served area (城区 or built-up land) within a radius (default 500 m) of a "
            "bus stop, as plans state it: 城区公交站点500米覆盖率, for example 巫溪 90% by 2025 "
            "(004_de8bb285974af80e.txt l.39, repeated l.125).\n\n"
            "Inputs: bus stops (points), the served area (polygons), optionally townships with a name field. "
            "Distance: straight-line (each stop buffered with 16 segments per quarter circle, the same polygon "
            "as native:buffer with SEGMENTS=16), or along a road/footpath layer (a shortest-path search from all "
            "stops at once; stops are tied to the nearest road within 100 m; every road part within the radius "
            "is widened by the access width, default 50 m, on each side). Measure: area (covered area / served "
            "area) or population (from a population raster, counting cells whose centre is covered, or from a "
            "population field of the served polygons, area-weighted, or from population points such as buildings, "
            "each counted where it stands).\n"
            "All work is done in the CGCS2000 Gauss-Krüger zone of the data; duplicate stops count once; "
            "overlapping stops and served polygons count once.\n\n"
            "Outputs: the service area, the uncovered parts of the served area (where new stops are needed), "
            "a table per township and for the whole area with the plan's target, the gap and the result, and an "
            "HTML report. MEASURED is the coverage in percent.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STOPS, tr("Bus stops"), [ProcessingSourceType.VectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SERVED_AREA, tr("Served area (城区 / built-up polygons)"), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TOWNSHIPS, tr("Townships (optional, for a row per township)"),
            [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.TOWNSHIP_NAME_FIELD, tr("Township name field"), parentLayerParameterName=self.TOWNSHIPS,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.RADIUS, tr("Radius (m)"), ProcessingNumberParameterType.Double, coverage.DEFAULT_RADIUS,
            minValue=1.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.DISTANCE, tr("Distance"), options=[tr("Straight line"), tr("Along the road network")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, tr("Roads and footpaths (for distance along the network)"),
            [ProcessingSourceType.VectorLine], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.ACCESS_WIDTH, tr("Walking access width on each side of a reached road (m)"),
            ProcessingNumberParameterType.Double, coverage.ACCESS_WIDTH, minValue=0.1, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MEASURE, tr("Measure"), options=[tr("Area"), tr("Population")], defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.POPULATION_RASTER, tr("Population raster (persons per cell)"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, tr("Or a population field of the served-area polygons"),
            parentLayerParameterName=self.SERVED_AREA, type=ProcessingFieldParameterDataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POPULATION_POINTS, tr("Or population points (buildings, address points)"),
            [ProcessingSourceType.VectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_POINTS_FIELD, tr("Persons field of the population points"),
            parentLayerParameterName=self.POPULATION_POINTS, type=ProcessingFieldParameterDataType.Numeric,
            optional=True))
        add_catalogue_parameters(self)
        add_target_id_parameter(
            self, tr("Target id in the catalogue (empty: the catalogue's bus-stop coverage target)"),
            "bus_stop_coverage")
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_VALUE, tr("Or a target value of your own (percent)"), ProcessingNumberParameterType.Double,
            optional=True, minValue=0.0, maxValue=100.0))
        add_coverage_outputs(self, ("STOPS", tr("Stops")), ("DUPLICATE_STOPS", tr("Duplicate stops")))

    # --- work -----------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        attach_coverage_outputs(self, parameters, context, results, tr("Coverage check"))
        return results

    def compute(self, parameters, context, feedback):
        """Parameters in, core.checks.coverage.check_coverage, then the sinks and the report."""
        width = parameters.get(self.ACCESS_WIDTH)
        target_value = None
        if parameters.get(self.TARGET_VALUE) not in (None, ""):
            target_value = self.parameterAsDouble(parameters, self.TARGET_VALUE, context)
        result = coverage.check_coverage(
            self.parameterAsSource(parameters, self.STOPS, context),
            self.parameterAsSource(parameters, self.SERVED_AREA, context),
            self.parameterAsSource(parameters, self.TOWNSHIPS, context),
            name_field=self.parameterAsString(parameters, self.TOWNSHIP_NAME_FIELD, context),
            radius=self.parameterAsDouble(parameters, self.RADIUS, context),
            distance=self.parameterAsEnum(parameters, self.DISTANCE, context),
            roads=self.parameterAsSource(parameters, self.ROADS, context),
            access_width=(self.parameterAsDouble(parameters, self.ACCESS_WIDTH, context) if width not in (None, "")
                          else coverage.ACCESS_WIDTH),
            measure=self.parameterAsEnum(parameters, self.MEASURE, context),
            population_raster=self.parameterAsRasterLayer(parameters, self.POPULATION_RASTER, context),
            population_field=self.parameterAsString(parameters, self.POPULATION_FIELD, context),
            population_points=self.parameterAsSource(parameters, self.POPULATION_POINTS, context),
            persons_field=self.parameterAsString(parameters, self.POPULATION_POINTS_FIELD, context),
            catalogue=lambda: catalogue_from_parameters(self, parameters, context),
            target_id=self.parameterAsString(parameters, self.TARGET_ID, context), target_value=target_value,
            with_service=parameters.get(self.SERVICE_AREA) is not None,  # the whole service area only if asked
            feedback=feedback, transform_context=context.transformContext())
        detail = result.detail
        crs = detail.projection.crs

        output = {}
        self._write_areas(parameters, context, detail.zones, detail.names, crs, "service", self.SERVICE_AREA, output)
        self._write_areas(parameters, context, detail.zones, detail.names, crs, "uncovered", self.UNCOVERED, output)
        if parameters.get(self.TABLE) is not None:
            sink, dest = self.parameterAsSink(parameters, self.TABLE, context, make_fields(TABLE_FIELDS),
                                              WkbType.NoGeometry)
            if sink is not None:
                for row in detail.rows:
                    feature = QgsFeature()
                    feature.setAttributes(list(row))
                    sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
                output[self.TABLE] = dest
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            output[self.REPORT] = write_report(
                report, tr("Bus-stop coverage"), [result.verdict],
                tables=[(tr("Coverage by township"), _report_headers(), detail.rows)],
                notes=result.notes, method=result.method, inputs=result.inputs)
        for note in result.notes:
            # Routine notes ("reprojected from EPSG:4490") are information, the others warnings.
            if is_routine_note(note) or not hasattr(feedback, "pushWarning"):
                feedback.pushInfo(note)
            else:
                feedback.pushWarning(note)
        feedback.pushInfo(tr("Coverage {value:.2f}% ({covered:.3f} of {served:.3f} km²).").format(
            value=result.verdict.measured, covered=detail.summary.covered_km2, served=detail.summary.served_km2))
        output.update(result.outputs())
        return output

    def _write_areas(self, parameters, context, zones, names, crs, which, key, output):
        if parameters.get(key) is None:
            return
        fields = make_fields(AREA_FIELDS)
        sink, dest = self.parameterAsSink(parameters, key, context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            return
        for result in zones:
            geometry = result.service if which == "service" else result.uncovered
            if geometry is None or geometry.isEmpty():
                continue
            geometry = QgsGeometry(geometry)
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([names.get(result.key, ""), geometry.area() / 1e6])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        output[key] = dest


def _report_headers():
    return [tr("Township"), tr("Served area (km²)"), tr("Covered (km²)"), tr("Coverage by area (%)"),
            tr("Population served"), tr("Population covered"), tr("Coverage by population (%)"),
            tr("Measured (%)"), tr("Target (%)"), tr("Gap"), tr("Met")]


def is_routine_note(note: str) -> bool:
    """True for the notes every reprojected input gets (core.geo.inputs: '{layer}: reprojected from {crs}.')."""
    import re

    template = re.escape(tr("{layer}: reprojected from {crs}.")).replace(r"\{layer\}", ".+").replace(
        r"\{crs\}", ".+")
    return re.fullmatch(template, note, re.DOTALL) is not None
