"""Algorithm: land per person against the plan's target (cq_urban:check_per_capita).

A thin shell over core.checks.per_capita: parameters in, layers and the HTML report out.
"""
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
from ..compat import ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ..core.checks import per_capita
from ..core.checks.builtup import field_scope
from ..core.checks.landuse import parse_codes
from ..core.checks.population_places import PopulationInput
from ..core.checks.report import write_report
from ..core.errors import PlanInputError
from ..core.files.fields import make_fields
from ..core.geo.measure import AreaMethod
from ..core.maps import result_styles
from ..i18n import tr
from .base import CqAlgorithm
from .params import (
    CheckParameterNames,
    add_area_method_parameter,
    add_catalogue_parameters,
    add_check_outputs,
    add_target_id_parameter,
    add_township_parameters,
    catalogue_from_parameters,
)
from .run_outputs import CheckRun, attach, run_target, summary_text, verdict_text

LAND_KM2, POPULATION, PER_PERSON, PASSED, IN_SCOPE = "land_km2", "population", "m2_per_cap", "passed", "in_scope"
OUTPUT_FIELDS = [(definitions.TOWNSHIP_FIELD, str), ("grp", str), (LAND_KM2, float), (POPULATION, float),
                 (PER_PERSON, float), (PASSED, int), (IN_SCOPE, int)]
TABLE_FIELDS = [("level", str)] + OUTPUT_FIELDS
COMPARISONS = ("", ">=", "<=")


def _yes_no(value):
    return None if value is None else int(bool(value))


class CheckPerCapitaAlgorithm(CheckParameterNames, CqAlgorithm):
    NAME = definitions.CHECK_PER_CAPITA
    GROUP = "checks"
    INDICATOR = "INDICATOR"
    INPUT = "INPUT"
    LANDUSE = "LANDUSE"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    LANDUSE_PRESET = "LANDUSE_PRESET"
    LANDUSE_CODES = "LANDUSE_CODES"
    SCOPE_FIELD = "SCOPE_FIELD"
    SCOPE_VALUE = "SCOPE_VALUE"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION_POINTS = "POPULATION_POINTS"
    POPULATION_POINTS_FIELD = "POPULATION_POINTS_FIELD"
    POPULATION = "POPULATION"
    POPULATION_SOURCE = "POPULATION_SOURCE"
    TARGET_COMPARISON = "TARGET_COMPARISON"

    def displayName(self):  # noqa: N802 (QGIS's name)
        return tr("Check land per person (人均城镇建设用地, 人均公园绿地)")

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return tr(
            "Land per person in m²: the area of the land (a polygon layer, or the land-use polygons of a preset or "
            "typed codes) over the population (a raster of persons per cell, a township field, points with a "
            "persons field, or a typed figure with its source), per township and for the scope. 人均城镇建设用地 "
            "is a cap (≤ 120 m², 重庆 2035), 人均公园绿地面积 a floor (13 m², 重庆 2025). A catalogue target sets "
            "the indicator; a typed target is compared as the indicator's (≤ for the land, ≥ for park green) "
            "unless a comparison is chosen. Outputs: townships with land_km2, population, m2_per_cap and passed; "
            "a table; an HTML report naming the land and the population used; MEASURED (m²/person), TARGET, GAP, "
            "PASSED, LAND_KM2, POPULATION and TOWNSHIPS_NOT_MET.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterEnum(
            self.INDICATOR, tr("Indicator"), options=[per_capita.indicator_label(i) for i in per_capita.INDICATORS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Land polygons (all counted)"), [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LANDUSE, tr("Or a land-use layer (三调 / 用地用海)"), [ProcessingSourceType.VectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, tr("Land-use class field (empty: the preset's usual field)"),
            parentLayerParameterName=self.LANDUSE, optional=True))
        labels = [tr("By the indicator and the layer's fields")] + [
            per_capita.any_preset(p).label for p in per_capita.PRESET_CHOICES[1:]]
        self.addParameter(QgsProcessingParameterEnum(
            self.LANDUSE_PRESET, tr("Codes that count as the land"), options=labels, defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.LANDUSE_CODES, tr("Or these codes (comma-separated prefixes, override the preset)"),
            optional=True))
        add_township_parameters(self)
        self.addParameter(QgsProcessingParameterField(
            self.SCOPE_FIELD, tr("Scope: plan role or group field (e.g. role)"),
            parentLayerParameterName=self.TOWNSHIPS, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SCOPE_VALUE, tr("Scope value (e.g. 一主; empty: the whole jurisdiction)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.POPULATION_RASTER, tr("Population raster (persons per cell)"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, tr("Or the townships' population field"), parentLayerParameterName=self.TOWNSHIPS,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POPULATION_POINTS, tr("Or population points"), [ProcessingSourceType.VectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_POINTS_FIELD, tr("Persons field of the points"),
            parentLayerParameterName=self.POPULATION_POINTS, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.POPULATION, tr("Or a population typed (persons)"), ProcessingNumberParameterType.Double,
            optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            self.POPULATION_SOURCE, tr("Source of the typed population (e.g. 第七次全国人口普查 2020)"),
            optional=True))
        add_catalogue_parameters(self, default="chongqing")
        add_target_id_parameter(self, tr("Target id in the catalogue (e.g. urban_land_per_capita_2035)"),
                                *per_capita.INDICATORS)
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_VALUE, tr("Or a target typed in m² per person"), ProcessingNumberParameterType.Double,
            optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.TARGET_COMPARISON, tr("Typed target is"),
            options=[tr("The indicator's (≤ for the land, ≥ for park green)"), tr("A floor (≥)"), tr("A cap (≤)")],
            defaultValue=0))
        add_area_method_parameter(self)
        add_check_outputs(self, tr("Land per person by township"), tr("Land per person table"))
        self.add_result_outputs(("LAND_KM2", tr("Land in the scope (km²)")),
                                ("POPULATION", tr("Population of the scope (persons)")),
                                ("TOWNSHIPS_NOT_MET", tr("Townships not meeting the target")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        attach(context, results, {self.OUTPUT: result_styles.PER_CAPITA_TOWNSHIPS,
                                  self.TABLE: result_styles.PER_CAPITA_TABLE},
               CheckRun(tr("Per-capita check"), run_target(self, parameters, context), verdict_text(results),
                        summary=summary_text(tr("Per-capita check"), results)))
        return results

    def _number(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    def _field(self, parameters, name, context):
        return (self.parameterAsFields(parameters, name, context) or [""])[0]

    def compute(self, parameters, context, feedback):
        land = self.parameterAsSource(parameters, self.INPUT, context)
        landuse = self.parameterAsSource(parameters, self.LANDUSE, context)
        if (land is None) == (landuse is None):
            raise PlanInputError(tr("Give either a land polygon layer (INPUT) or a land-use layer (LANDUSE), not "
                                    "both and not neither."),
                                 tr("Choose the land polygons, or the land-use layer and its codes."))
        target_id = (self.parameterAsString(parameters, self.TARGET_ID, context) or "").strip()
        target_value = self._number(parameters, self.TARGET_VALUE, context)
        indicator = per_capita.INDICATORS[self.parameterAsEnum(parameters, self.INDICATOR, context)]
        catalogue = None
        if target_id and target_value is None:
            catalogue = catalogue_from_parameters(self, parameters, context)
            try:
                found = catalogue.target(target_id)
            except KeyError:
                found = None
            if found is not None and found.indicator in per_capita.INDICATORS:
                indicator = found.indicator  # the catalogue's target says what it measures
        label = self.parameter_layer_label(parameters, self.INPUT if land is not None else self.LANDUSE, context)
        selection = per_capita.LandSelection("", (), (), "")
        if landuse is not None:
            selection = per_capita.land_selection(
                indicator, per_capita.PRESET_CHOICES[self.parameterAsEnum(parameters, self.LANDUSE_PRESET, context)],
                landuse.fields().names(), self._field(parameters, self.LANDUSE_FIELD, context),
                parse_codes(self.parameterAsString(parameters, self.LANDUSE_CODES, context) or ""), label)
        townships = self.parameterAsSource(parameters, self.TOWNSHIPS, context)
        townships_label = self.parameter_layer_label(parameters, self.TOWNSHIPS, context) if townships else ""
        points = self.parameterAsSource(parameters, self.POPULATION_POINTS, context)
        population = PopulationInput(
            raster=self.parameterAsRasterLayer(parameters, self.POPULATION_RASTER, context),
            field=self._field(parameters, self.POPULATION_FIELD, context), points=points,
            persons_field=self._field(parameters, self.POPULATION_POINTS_FIELD, context),
            typed=self._number(parameters, self.POPULATION, context),
            typed_source=self.parameterAsString(parameters, self.POPULATION_SOURCE, context) or "",
            points_label=self.parameter_layer_label(parameters, self.POPULATION_POINTS, context) if points else "")
        scope_field = self._field(parameters, self.SCOPE_FIELD, context)
        scope_value = (self.parameterAsString(parameters, self.SCOPE_VALUE, context) or "").strip()
        if scope_value and not scope_field:
            raise PlanInputError(tr("A scope value '{value}' was given without a scope field.").format(
                value=scope_value), tr("Choose the township layer's field holding it (e.g. role)."))
        result = per_capita.check_per_capita(
            land if land is not None else landuse, townships, indicator=indicator, population=population,
            land_label=label, townships_label=townships_label, class_field=selection.class_field,
            codes=selection.codes, exclude=selection.exclude, area_definition=selection.definition,
            name_field=self._field(parameters, self.TOWNSHIP_NAME_FIELD, context),
            scope=field_scope(scope_field, scope_value) if scope_field else None, catalogue=catalogue,
            target_id=target_id if target_value is None else "", target_value=target_value,
            target_comparison=COMPARISONS[self.parameterAsEnum(parameters, self.TARGET_COMPARISON, context)] or None,
            method=AreaMethod.ELLIPSOID if self.parameterAsEnum(parameters, self.AREA_METHOD, context) == 1
            else AreaMethod.GK_ZONE, feedback=feedback, transform_context=context.transformContext())
        detail, verdict = result.detail, result.verdict
        output = {self.OUTPUT: self._write(parameters, context, result, True),
                  self.TABLE: self._write(parameters, context, result, False)}
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            rows = [(r.name, r.group, r.land_km2, r.population, r.per_capita,
                     {True: tr("met"), False: tr("not met"), None: "—"}[r.passed]) for r in result.townships]
            rows.append((verdict.scope, "", detail.land_km2, detail.population, verdict.measured, verdict.status))
            headers = [tr("Township"), tr("Group"), tr("Land km²"), tr("Population"), tr("m² per person"),
                       tr("Result")]
            output[self.REPORT] = write_report(
                report, per_capita.indicator_label(indicator), [verdict],
                tables=[(tr("Land per person by township"), headers, rows)], notes=result.notes,
                method=result.method, inputs=result.inputs)
        for note in result.notes:
            feedback.pushInfo(note)
        feedback.pushInfo(tr("{indicator} in {scope}: {value:.2f} m² per person ({km2:.3f} km², {persons:,.0f} "
                             "persons).").format(indicator=per_capita.indicator_label(indicator), scope=verdict.scope,
                                                 value=verdict.measured, km2=detail.land_km2,
                                                 persons=detail.population))
        output.update(result.outputs())
        return output

    def _write(self, parameters, context, result, with_geometry):
        detail, verdict = result.detail, result.verdict
        fields = make_fields(OUTPUT_FIELDS if with_geometry else TABLE_FIELDS)
        name = self.OUTPUT if with_geometry else self.TABLE
        sink, dest = self.parameterAsSink(parameters, name, context, fields,
                                          WkbType.MultiPolygon if with_geometry else WkbType.NoGeometry,
                                          detail.projection.crs)
        if sink is None:
            return None

        def add(level, values, geometry=None):
            feature = QgsFeature(fields)
            if with_geometry:
                geometry = QgsGeometry(geometry)
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            feature.setAttributes(values if with_geometry else [level] + values)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)

        for row in result.townships:
            add("township", [row.name, row.group, row.land_km2, row.population, row.per_capita,
                             _yes_no(row.passed), int(row.in_scope)], row.geometry)
        if not result.townships and with_geometry:
            add("scope", [verdict.scope, "", detail.land_km2, detail.population, verdict.measured,
                          _yes_no(verdict.passed), 1], detail.land_union)
        if not with_geometry:
            add("scope", [verdict.scope, "", detail.land_km2, detail.population, verdict.measured,
                          _yes_no(verdict.passed), 1])
        return dest

