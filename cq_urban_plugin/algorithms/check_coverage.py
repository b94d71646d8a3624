"""Algorithm: 500 m bus-stop coverage of the served area (城区公交站点500米覆盖率)."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRectangle,
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
from ..core.checks.targets import TargetResult, choose_target, target_met
from ..core.errors import PlanInputError
from ..core.files.fields import make_fields
from ..core.geo.inputs import combined_extent, layer_label, read_lines, read_points, read_polygons
from ..core.geo.measure import AreaMeter, check_in_china, choose_projection
from ..core.geo.network import SNAP_TOLERANCE, RoadNetwork, point_xy
from ..core.geo.overlay import GeometryIndex
from ..core.geo.population import population_value
from ..core.maps import result_styles
from ..i18n import tr
from ..resources import help_url
from .base import CqAlgorithm
from .params import add_catalogue_parameters, catalogue_from_parameters, offer_targets
from .run_outputs import CheckRun, attach, run_target, summary_text, verdict_text

INDICATOR = "bus_stop_coverage"
RASTER_SHARE_WARNING = 0.995  # below this share of the served area on cells with data, say so
AREA_FIELDS = [("township", str), ("area_km2", float)]
TABLE_FIELDS = [("township", str), ("served_km2", float), ("cover_km2", float), ("cover_pct", float),
                ("pop_served", float), ("pop_cover", float), ("pop_pct", float), ("measured", float),
                ("target", float), ("gap", float), ("passed", str)]


class CheckCoverageAlgorithm(CqAlgorithm):
    NAME = definitions.CHECK_COVERAGE
    GROUP = "checks"
    STOPS = "STOPS"
    SERVED_AREA = "SERVED_AREA"
    TOWNSHIPS = "TOWNSHIPS"
    TOWNSHIP_NAME_FIELD = "TOWNSHIP_NAME_FIELD"
    RADIUS = "RADIUS"
    DISTANCE = "DISTANCE"
    ROADS = "ROADS"
    ACCESS_WIDTH = "ACCESS_WIDTH"
    MEASURE = "MEASURE"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION_POINTS = "POPULATION_POINTS"
    POPULATION_POINTS_FIELD = "POPULATION_POINTS_FIELD"
    TARGET_ID = "TARGET_ID"
    TARGET_VALUE = "TARGET_VALUE"
    SERVICE_AREA = "SERVICE_AREA"
    UNCOVERED = "UNCOVERED"
    TABLE = "TABLE"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return tr("Bus-stop coverage (500 m)")

    def helpUrl(self):  # noqa: N802 (QGIS's name)
        return help_url(self.NAME)

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
        self.addParameter(offer_targets(QgsProcessingParameterString(
            self.TARGET_ID, tr("Target id in the catalogue (empty: the catalogue's bus-stop coverage target)"),
            optional=True), "bus_stop_coverage"))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_VALUE, tr("Or a target value of your own (percent)"), ProcessingNumberParameterType.Double,
            optional=True, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SERVICE_AREA, tr("Service area"), ProcessingSourceType.VectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.UNCOVERED, tr("Uncovered served area"), ProcessingSourceType.VectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TABLE, tr("Coverage by township"), ProcessingSourceType.Vector, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report"), tr("HTML files (*.html)"), optional=True, createByDefault=False))
        self.add_result_outputs(
            ("AREA_PERCENT", tr("Coverage by area (%)")), ("POPULATION_PERCENT", tr("Coverage by population (%)")),
            ("SERVED_KM2", tr("Served area (km²)")), ("COVERED_KM2", tr("Covered (km²)")),
            ("STOPS", tr("Stops")), ("DUPLICATE_STOPS", tr("Duplicate stops")))

    # --- parameters -----------------------------------------------------------

    def _target(self, parameters, context):
        """(value, label, citation, comparison, year) of the target, or None."""
        typed = None
        if parameters.get(self.TARGET_VALUE) not in (None, ""):
            typed = self.parameterAsDouble(parameters, self.TARGET_VALUE, context)
        target = choose_target(
            catalogue_from_parameters(self, parameters, context) if typed is None else None,
            self.parameterAsString(parameters, self.TARGET_ID, context), typed, INDICATOR, "percent",
            tr("Bus-stop coverage (target given by the user)"), first_by_default=True)
        if target is None:
            return None
        return target.value, target.label, str(target.cite) if target.cite else "", target.comparison, target.year

    # --- work -----------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        attach(context, results, {self.SERVICE_AREA: result_styles.SERVICE_AREA,
                                  self.UNCOVERED: result_styles.UNCOVERED,
                                  self.TABLE: result_styles.COVERAGE_TABLE},
               CheckRun(tr("Coverage check"), run_target(self, parameters, context), verdict_text(results),
                        summary=summary_text(tr("Coverage check"), results)))
        return results

    def compute(self, parameters, context, feedback):
        stops_source = self.parameterAsSource(parameters, self.STOPS, context)
        served_source = self.parameterAsSource(parameters, self.SERVED_AREA, context)
        townships_source = self.parameterAsSource(parameters, self.TOWNSHIPS, context)
        name_field = self.parameterAsString(parameters, self.TOWNSHIP_NAME_FIELD, context)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        along_network = self.parameterAsEnum(parameters, self.DISTANCE, context) == coverage.Distance.NETWORK
        roads_source = self.parameterAsSource(parameters, self.ROADS, context)
        width = parameters.get(self.ACCESS_WIDTH)
        width = self.parameterAsDouble(parameters, self.ACCESS_WIDTH, context) if width not in (None, "") \
            else coverage.ACCESS_WIDTH
        by_population = self.parameterAsEnum(parameters, self.MEASURE, context) == coverage.Measure.POPULATION
        raster = self.parameterAsRasterLayer(parameters, self.POPULATION_RASTER, context)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        population_points = self.parameterAsSource(parameters, self.POPULATION_POINTS, context)
        persons_field = self.parameterAsString(parameters, self.POPULATION_POINTS_FIELD, context)

        if stops_source is None or served_source is None:
            raise PlanInputError(tr("The bus stops and the served area are both needed."),
                                 tr("Choose a point layer of stops and a polygon layer of the served area."))
        stops_label = _label(stops_source, tr("Bus stops"))
        served_label = _label(served_source, tr("Served area"))
        if along_network and roads_source is None:
            raise PlanInputError(tr("Distance along the network needs a road layer."),
                                 tr("Choose the roads and footpaths (ROADS), or straight-line distance."))
        if by_population and raster is None and not population_field and population_points is None:
            raise PlanInputError(tr("Population-based coverage needs a population raster or a population field."),
                                 tr("Choose POPULATION_RASTER, or POPULATION_FIELD of the served-area layer, "
                                    "or population points (POPULATION_POINTS), or the area measure."))
        if by_population and population_points is not None and not persons_field:
            raise PlanInputError(tr("The population points need their persons field."),
                                 tr("Choose POPULATION_POINTS_FIELD, the field holding the persons at each point."))
        target = self._target(parameters, context)

        sources = [(served_source, served_label), (stops_source, stops_label)]
        if townships_source is not None:
            sources.append((townships_source, _label(townships_source, tr("Townships"))))
        if along_network:
            sources.append((roads_source, _label(roads_source, tr("Roads"))))
        combined = combined_extent(sources)
        if combined is None:
            raise PlanInputError(tr("Layer '{layer}' is empty.").format(layer=served_label),
                                 tr("Choose a layer with features, or check its filter (subset string)."))
        extent, extent_crs = combined
        projection = choose_projection(extent, extent_crs)
        check_in_china(projection, ", ".join(f"'{label}'" for _, label in sources))
        crs = projection.crs
        meter = AreaMeter(projection)
        notes = []

        fields = [population_field] if by_population and population_field and raster is None \
            and population_points is None else []
        # Progress by phase (reading, service area, zones, writing), so the bar moves from the start.
        feedback.setProgress(2)
        served, served_tally = read_polygons(served_source, crs, served_label, fields, feedback)
        feedback.setProgress(15)
        notes += served_tally.notes()
        stops, stops_tally = read_points(stops_source, crs, stops_label, (), feedback, allow_empty=True)
        feedback.setProgress(25)
        notes += stops_tally.notes()
        points = [(f.fid, p) for f in stops for p in point_xy(f.geometry)]
        points, duplicates = coverage.unique_points(points)
        if duplicates:
            notes.append(tr("{layer}: {n} duplicate stops counted once (feature ids {ids}).").format(
                layer=stops_label, n=len(duplicates), ids=", ".join(str(i) for i in duplicates[:10])
                + (" …" if len(duplicates) > 10 else "")))
        if not points:
            message = tr("{layer} holds no stop: the coverage is 0%. Check the layer and its filter.").format(
                layer=stops_label)
            feedback.reportError(message, fatalError=False)
            notes.append(message)

        served_geometries = [f.geometry for f in served]
        served_index = GeometryIndex(served_geometries)
        notes += coverage.offset_warning(points, crs, served_index, stops_label)

        feedback.setProgressText(tr("Service area of {n} stops").format(n=len(points)))
        if along_network and points:
            roads, roads_tally = read_lines(roads_source, crs, _label(roads_source, tr("Roads")), (), feedback)
            notes += roads_tally.notes()
            network = RoadNetwork([f.geometry for f in roads], feedback=feedback)
            ties, far = network.tie(points)
            notes += network.diagnose(ties, far).notes(_label(roads_source, tr("Roads")))
            shapes = coverage.widened_lines(network.reachable_lines(ties, radius, feedback), width)
            method = tr("Walking distance along {roads}: multi-source shortest paths from every stop tied to the "
                        "nearest road within {snap:g} m, every road part within {r:g} m widened by {w:g} m on each "
                        "side ({seg} segments per quarter circle).").format(
                roads=_label(roads_source, tr("Roads")), snap=SNAP_TOLERANCE, r=radius, w=width,
                seg=coverage.BUFFER_SEGMENTS)
        else:
            shapes = coverage.stop_buffers([p for _, p in points], radius)
            method = tr("Straight-line distance: every stop buffered by {r:g} m with {seg} segments per quarter "
                        "circle (as native:buffer), dissolved and intersected with the served area.").format(
                r=radius, seg=coverage.BUFFER_SEGMENTS)

        names = {}
        if townships_source is not None:
            townships, tally = read_polygons(townships_source, crs, _label(townships_source, tr("Townships")),
                                             [name_field] if name_field else [], feedback)
            notes += tally.notes()
            zones = []
            for f in townships:
                zones.append((f.fid, f.geometry))
                name = f.attributes.get(name_field) if name_field else None
                names[f.fid] = str(name) if name not in (None, "") and not _is_null(name) else f"fid {f.fid}"
        else:
            rect = QgsRectangle()
            for geometry in served_geometries + shapes:
                rect.combineExtentWith(geometry.boundingBox())
            zones = coverage.grid_zones(rect)
        feedback.setProgressText(tr("Coverage in {n} zones").format(n=len(zones)))
        with_service = parameters.get(self.SERVICE_AREA) is not None  # the whole service area only if asked for
        feedback.setProgress(45)
        zones_feedback = QgsProcessingMultiStepFeedback(2, feedback)  # the zones: the second half, 50 → 100 %
        zones_feedback.setCurrentStep(1)
        zones_feedback.setProgress(0)
        results = coverage.cover_zones(served_geometries, shapes, zones, meter, zones_feedback, with_service,
                                       served_index)
        summary = coverage.CoverageSummary(results, notes)
        if townships_source is not None:
            # planar areas: this is only a hint that part of the served area was left out
            outside = sum(g.area() for g in served_geometries) / 1e6 - summary.served_km2
            if outside > 1e-6 and outside > 1e-3 * summary.served_km2:
                notes.append(tr("About {km2:.3f} km² of the served area lies outside every township and is not "
                                "counted (overlapping served polygons also reduce this figure).").format(km2=outside))

        if by_population:
            if raster is not None:
                share = coverage.add_raster_population(results, raster.source(), raster.crs(), crs, raster.name(),
                                                       feedback)
                if share < RASTER_SHARE_WARNING:
                    notes.append(tr(
                        "The population raster '{raster}' has data under only {share:.1f}% of the served area "
                        "(the rest lies outside the raster or on nodata cells): the population figures count "
                        "that part only. Use a raster covering the whole served area.").format(
                        raster=raster.name(), share=100.0 * share))
                method += " " + tr("Population: cells of {raster} whose centre is in the covered / served "
                                   "area.").format(raster=raster.name())
            elif population_points is not None:
                label = _label(population_points, tr("Population points"))
                people, people_tally = read_points(population_points, crs, label, [persons_field], feedback,
                                                   allow_empty=True)
                notes += people_tally.notes()
                coverage.add_point_population(results, [
                    (point, population_value(f.attributes.get(persons_field), label, f.fid, persons_field))
                    for f in people for point in point_xy(f.geometry)])
                method += " " + tr("Population: field {field} of {layer}, each point counted where it "
                                   "stands.").format(field=persons_field, layer=label)
            else:
                zone_geometries = dict(zones)
                pairs = []
                for f in served:
                    value = population_value(f.attributes.get(population_field), served_label, f.fid,
                                             population_field)
                    pairs.append((f.geometry, value))
                unknown = [f.fid for f, (_, value) in zip(served, pairs) if value is None]
                if unknown:
                    # Left out of both the served and the covered population: say so, with the features.
                    feedback.pushWarning(tr(
                        "{layer}: {n} served polygons have no population in field '{field}' (feature ids {ids}); "
                        "they count in the area but not in the population coverage.").format(
                        layer=served_label, n=len(unknown), field=population_field,
                        ids=", ".join(str(i) for i in unknown[:20]) + (" …" if len(unknown) > 20 else "")))
                coverage.add_field_population(results, pairs, zone_geometries, meter)
                method += " " + tr("Population: field {field}, shared out by area.").format(field=population_field)

        if by_population and summary.served_km2 > 0 and not summary.pop_served:
            source = (tr("population raster '{layer}'").format(layer=raster.name()) if raster is not None else
                      tr("population points '{layer}' (field {field})").format(
                          layer=_label(population_points, tr("Population points")), field=persons_field)
                      if population_points is not None else
                      tr("population field '{field}' of '{layer}'").format(field=population_field, layer=served_label))
            raise PlanInputError(
                tr("The {source} gives no person in the served area: a population coverage cannot be "
                   "computed.").format(source=source),
                tr("Check that the population data belong to this place and hold persons, or measure by area."))
        measured = (summary.pop_percent or 0.0) if by_population else summary.area_percent
        unit = "percent"
        target_value = target[0] if target else None
        result_row = TargetResult(target[1] if target else tr("Bus-stop coverage"), tr("Whole served area"),
                                  target_value, measured, unit, target[3] if target else ">=",
                                  target[4] if target else None, target[2] if target else "")

        output = {}
        self._write_areas(parameters, context, results, names, crs, "service", self.SERVICE_AREA, output)
        self._write_areas(parameters, context, results, names, crs, "uncovered", self.UNCOVERED, output)
        rows = self._rows(results, names, summary, target_value, by_population, townships_source is not None,
                          result_row.comparison)
        if parameters.get(self.TABLE) is not None:
            sink, dest = self.parameterAsSink(parameters, self.TABLE, context, make_fields(TABLE_FIELDS),
                                              WkbType.NoGeometry)
            if sink is not None:
                for row in rows:
                    feature = QgsFeature()
                    feature.setAttributes(list(row))
                    sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
                output[self.TABLE] = dest
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            output[self.REPORT] = write_report(
                report, tr("Bus-stop coverage"), [result_row],
                tables=[(tr("Coverage by township"), _report_headers(), rows)],
                notes=notes, method=method + " " + projection.describe(),
                inputs=[stops_label, served_label] + ([layer_label(townships_source)] if townships_source else []))
        for note in notes:
            # Routine notes ("reprojected from EPSG:4490") are information, the others warnings.
            if is_routine_note(note) or not hasattr(feedback, "pushWarning"):
                feedback.pushInfo(note)
            else:
                feedback.pushWarning(note)
        feedback.pushInfo(tr("Coverage {value:.2f}% ({covered:.3f} of {served:.3f} km²).").format(
            value=measured, covered=summary.covered_km2, served=summary.served_km2))
        output.update({
            "MEASURED": measured, "UNIT": unit, "TARGET": target_value, "GAP": result_row.gap,
            "PASSED": result_row.passed, "AREA_PERCENT": summary.area_percent,
            "POPULATION_PERCENT": summary.pop_percent, "SERVED_KM2": summary.served_km2,
            "COVERED_KM2": summary.covered_km2, "STOPS": len(points), "DUPLICATE_STOPS": len(duplicates),
        })
        return output

    def _write_areas(self, parameters, context, results, names, crs, which, key, output):
        if parameters.get(key) is None:
            return
        fields = make_fields(AREA_FIELDS)
        sink, dest = self.parameterAsSink(parameters, key, context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            return
        for result in results:
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

    @staticmethod
    def _rows(results, names, summary, target, by_population, per_township, comparison=">="):
        def row(name, served, covered, pct, pop_served, pop_covered, pop_pct):
            measured = pop_pct if by_population else pct
            gap = None if target is None or measured is None else measured - target
            met = target_met(measured, target, comparison)  # a cap (<=) is met below its value
            passed = None if met is None else ("yes" if met else "no")
            return (name, served, covered, pct, pop_served, pop_covered, pop_pct, measured, target, gap, passed)

        rows = []
        if per_township:
            for result in sorted(results, key=lambda r: names.get(r.key, "")):
                rows.append(row(names.get(result.key, ""), result.served_km2, result.covered_km2, result.percent,
                                result.pop_served, result.pop_covered, result.pop_percent))
        rows.append(row(tr("Whole served area"), summary.served_km2, summary.covered_km2, summary.area_percent,
                        summary.pop_served, summary.pop_covered, summary.pop_percent))
        return rows


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


def _label(source, default):
    """The layer's own name, or what it is for when it has none."""
    name = layer_label(source)
    return default if name == tr("input layer") else name


def _is_null(value):
    return hasattr(value, "isNull") and value.isNull()

