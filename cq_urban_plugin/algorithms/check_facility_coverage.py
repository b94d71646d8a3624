"""Algorithm: facility coverage (bus stops, parks and squares, the 15-minute life circle, rail stations)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from .. import definitions
from ..compat import ProcessingFieldParameterDataType, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ..core.checks import facility_coverage as fc
from ..core.checks.landuse import parse_codes
from ..core.checks.report import write_report
from ..core.files.fields import make_fields
from ..i18n import tr
from .base import CqAlgorithm
from .check_coverage import AREA_FIELDS, TABLE_FIELDS, _report_headers, is_routine_note
from .params import CheckParameterNames, add_catalogue_parameters, add_target_id_parameter, catalogue_from_parameters
from .run_outputs import add_coverage_outputs, attach_coverage_outputs

FACILITY_FIELD = ("facility", str)


class CheckFacilityCoverageAlgorithm(CheckParameterNames, CqAlgorithm):
    NAME = definitions.CHECK_FACILITY_COVERAGE
    GROUP = "checks"
    FACILITIES, SERVED_AREA = "FACILITIES", "SERVED_AREA"
    PRESET, DISTANCE, MINUTES, WALK_SPEED, TIME_READING = "PRESET", "DISTANCE", "MINUTES", "WALK_SPEED", \
        "TIME_READING"
    DISTANCE_METHOD, ROADS, ACCESS_WIDTH, ACCESS_READING, ENTRANCES = "DISTANCE_METHOD", "ROADS", "ACCESS_WIDTH", \
        "ACCESS_READING", "ENTRANCES"
    TYPE_FIELD, TYPE_VALUE = "TYPE_FIELD", "TYPE_VALUE"
    DENOMINATOR, LANDUSE_FIELD, RESIDENTIAL_CODES = "DENOMINATOR", "LANDUSE_FIELD", "RESIDENTIAL_CODES"
    POPULATION_RASTER, POPULATION_FIELD, POPULATION_POINTS, POPULATION_POINTS_FIELD = \
        "POPULATION_RASTER", "POPULATION_FIELD", "POPULATION_POINTS", "POPULATION_POINTS_FIELD"
    SERVICE_AREA, UNCOVERED = "SERVICE_AREA", "UNCOVERED"

    def displayName(self):  # noqa: N802
        return tr("Facility coverage")

    def shortHelpString(self):  # noqa: N802
        lines = "\n".join(f"- {p.key}: {p.label}. {p.source}" for p in fc.presets().values())
        return tr(
            "Measures the share of the served area (or of its residential land, or of its population) within a "
            "walk of a facility, per township, with the uncovered parts as polygons. Facilities are points or "
            "polygons: a polygon (a park, a school's grounds) is reached from its boundary, or from its entrances "
            "when an entrance layer is given.\n\n"
            "Threshold: DISTANCE in metres, or MINUTES of walking, read one of two ways (TIME_READING): minutes × "
            "60 × the walking speed (WALK_SPEED, default 1.0 m/s = 60 m a minute, which is GB 50180-2018's 5 "
            "minutes = 300 m; the standard states no speed), or the round distances of GB 50180-2018 Table 3.0.4 "
            "(5 min 300 m, 10 min 500 m, 15 min 800–1,000 m, of which 800 m is used). Distance: straight line, or "
            "along ROADS; there the walk from a reached road into the block (ACCESS_WIDTH, default 50 m) is either "
            "added on top of the threshold, as the bus-stop check does, or counted within it (ACCESS_READING). The "
            "report says which reading was used.\n\n"
            "Denominator: the served area, its residential land (LANDUSE_FIELD codes, default 0701 城镇住宅用地), or "
            "its population (a raster, a field, or points).\n\nPresets (PRESET), each with its source, printed in "
            "the report:\n{presets}\n\nOutputs as the bus-stop coverage: the service area, the uncovered served "
            "area, a table per township and an HTML report; MEASURED is the coverage in percent.").format(
            presets=lines)

    def initAlgorithm(self, config=None):  # noqa: N802
        point_polygon = [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon]
        polygon = [ProcessingSourceType.VectorPolygon]
        double = ProcessingNumberParameterType.Double
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, tr("Facilities (points or polygons)"), point_polygon))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SERVED_AREA, tr("Served area (城区 / built-up / land-use polygons)"), polygon))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TOWNSHIPS, tr("Townships (optional, for a row per township)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.TOWNSHIP_NAME_FIELD, tr("Township name field"), parentLayerParameterName=self.TOWNSHIPS,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PRESET, tr("Preset"), options=list(fc.presets()), defaultValue=fc.BUS_STOP,
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, tr("Distance (m; empty: the preset's)"), double, optional=True, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MINUTES, tr("Or walking minutes (empty: the preset's)"), double, optional=True, minValue=0.1))
        self.addParameter(QgsProcessingParameterNumber(
            self.WALK_SPEED, tr("Walking speed (m/s)"), double, fc.WALK_SPEED, minValue=0.1))
        self.addParameter(QgsProcessingParameterEnum(
            self.TIME_READING, tr("Minutes read as"),
            options=[tr("Minutes × walking speed"), tr("GB 50180-2018 round distances (300/500/800 m)")],
            defaultValue=fc.TimeReading.SPEED))
        self.addParameter(QgsProcessingParameterEnum(
            self.DISTANCE_METHOD, tr("Distance"), options=[tr("Straight line"), tr("Along the road network")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, tr("Roads and footpaths (for distance along the network)"),
            [ProcessingSourceType.VectorLine], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.ACCESS_WIDTH, tr("Walking access width on each side of a reached road (m)"), double,
            fc.ACCESS_WIDTH, minValue=0.1, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ACCESS_READING, tr("Walking access width"),
            options=[tr("Added on top of the distance"), tr("Counted within the distance")],
            defaultValue=fc.AccessReading.ON_TOP))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ENTRANCES, tr("Entrances of the facility polygons (optional points)"),
            [ProcessingSourceType.VectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.TYPE_FIELD, tr("Facility type field (optional)"), parentLayerParameterName=self.FACILITIES,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TYPE_VALUE, tr("Facility type measured (a value of the type field; empty: each type, and every type "
                                "together)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.DENOMINATOR, tr("Denominator"),
            options=[tr("The preset's"), tr("Served area"), tr("Population"), tr("Residential land (land-use codes)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, tr("Land-use code field of the served area (for residential land)"),
            parentLayerParameterName=self.SERVED_AREA, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.RESIDENTIAL_CODES, tr("Residential land codes"), ", ".join(fc.RESIDENTIAL_CODES), optional=True))
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
        add_target_id_parameter(self, tr("Target id in the catalogue (empty: the catalogue's target of the preset)"),
                                "facility_coverage")
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_VALUE, tr("Or a target value of your own (percent)"), double, optional=True, minValue=0.0,
            maxValue=100.0))
        add_coverage_outputs(self, ("FACILITIES", tr("Facilities")),
                             ("DUPLICATE_FACILITIES", tr("Duplicate facilities")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        attach_coverage_outputs(self, parameters, context, results, tr("Facility coverage"))
        return results

    def _number(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    def compute(self, parameters, context, feedback):
        """Parameters in, core.checks.facility_coverage.check_facility_coverage, then the sinks and the report."""
        key = self.parameterAsEnumString(parameters, self.PRESET, context) or fc.BUS_STOP
        chosen = fc.preset(key)
        denominator = self.parameterAsEnum(parameters, self.DENOMINATOR, context)
        width = self._number(parameters, self.ACCESS_WIDTH, context)
        result = fc.check_facility_coverage(
            self.parameterAsSource(parameters, self.FACILITIES, context),
            self.parameterAsSource(parameters, self.SERVED_AREA, context),
            self.parameterAsSource(parameters, self.TOWNSHIPS, context),
            preset=key, name_field=self.parameterAsString(parameters, self.TOWNSHIP_NAME_FIELD, context),
            distance_m=self._number(parameters, self.DISTANCE, context),
            minutes=self._number(parameters, self.MINUTES, context),
            walk_speed=self._number(parameters, self.WALK_SPEED, context) or fc.WALK_SPEED,
            time_reading=self.parameterAsEnum(parameters, self.TIME_READING, context),
            distance_method=self.parameterAsEnum(parameters, self.DISTANCE_METHOD, context),
            roads=self.parameterAsSource(parameters, self.ROADS, context),
            access_width=width if width is not None else fc.ACCESS_WIDTH,
            access_reading=self.parameterAsEnum(parameters, self.ACCESS_READING, context),
            entrances=self.parameterAsSource(parameters, self.ENTRANCES, context),
            type_field=self.parameterAsString(parameters, self.TYPE_FIELD, context),
            type_value=self.parameterAsString(parameters, self.TYPE_VALUE, context),
            denominator=(None, fc.Denominator.AREA, fc.Denominator.POPULATION, fc.Denominator.RESIDENTIAL)[
                denominator],
            landuse_field=self.parameterAsString(parameters, self.LANDUSE_FIELD, context),
            residential_codes=parse_codes(self.parameterAsString(parameters, self.RESIDENTIAL_CODES, context) or "")
            or fc.RESIDENTIAL_CODES,
            population_raster=self.parameterAsRasterLayer(parameters, self.POPULATION_RASTER, context),
            population_field=self.parameterAsString(parameters, self.POPULATION_FIELD, context),
            population_points=self.parameterAsSource(parameters, self.POPULATION_POINTS, context),
            persons_field=self.parameterAsString(parameters, self.POPULATION_POINTS_FIELD, context),
            catalogue=lambda: catalogue_from_parameters(self, parameters, context),
            target_id=self.parameterAsString(parameters, self.TARGET_ID, context),
            target_value=self._number(parameters, self.TARGET_VALUE, context),
            with_service=parameters.get(self.SERVICE_AREA) is not None,
            feedback=feedback, transform_context=context.transformContext())
        detail = result.detail
        facility = self.parameterAsString(parameters, self.TYPE_VALUE, context) or chosen.facility
        output = {}
        for which, key_ in (("service", self.SERVICE_AREA), ("uncovered", self.UNCOVERED)):
            self._write_areas(parameters, context, detail, facility, which, key_, output)
        if parameters.get(self.TABLE) is not None:
            sink, dest = self.parameterAsSink(parameters, self.TABLE, context,
                                              make_fields(TABLE_FIELDS + [FACILITY_FIELD]), WkbType.NoGeometry)
            if sink is not None:
                for row in detail.rows:
                    feature = QgsFeature()
                    feature.setAttributes(list(row) + [facility])
                    sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
                output[self.TABLE] = dest
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            output[self.REPORT] = write_report(
                report, tr("Facility coverage: {label}").format(label=chosen.label), [result.verdict],
                tables=[(tr("Coverage by township"), _report_headers(), detail.rows)],
                notes=result.notes, method=result.method, inputs=result.inputs)
        for note in result.notes:
            if is_routine_note(note) or not hasattr(feedback, "pushWarning"):
                feedback.pushInfo(note)
            else:
                feedback.pushWarning(note)
        feedback.pushInfo(result.method)
        feedback.pushInfo(tr("Coverage {value:.2f}% ({covered:.3f} of {served:.3f} km²).").format(
            value=result.verdict.measured, covered=detail.summary.covered_km2, served=detail.summary.served_km2))
        output.update(result.outputs())
        return output

    def _write_areas(self, parameters, context, detail, facility, which, key, output):
        if parameters.get(key) is None:
            return
        fields = make_fields(AREA_FIELDS + [FACILITY_FIELD])
        sink, dest = self.parameterAsSink(parameters, key, context, fields, WkbType.MultiPolygon,
                                          detail.projection.crs)
        if sink is None:
            return
        for zone in detail.zones:
            geometry = zone.service if which == "service" else zone.uncovered
            if geometry is None or geometry.isEmpty():
                continue
            geometry = QgsGeometry(geometry)
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([detail.names.get(zone.key, ""), geometry.area() / 1e6, facility])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        output[key] = dest
