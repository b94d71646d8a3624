"""Algorithm: population in places, beside the plan's population targets (cq_urban:measure_population).

A thin shell over core.checks.population_places: parameters in, layers and the HTML report out.
"""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterLayer,
)

from .. import definitions
from ..compat import ProcessingSourceType, WkbType
from ..core.checks import population_places as places
from ..core.checks.report import write_report
from ..core.files.fields import make_fields
from ..core.maps import result_styles
from ..i18n import tr
from .base import CqAlgorithm
from .params import (
    CheckParameterNames,
    add_catalogue_parameters,
    add_report_parameter,
    add_target_id_parameter,
    add_township_parameters,
    catalogue_from_parameters,
)
from .run_outputs import CheckRun, attach, run_target, summary_text, verdict_text

OUTPUT_FIELDS = [(definitions.TOWNSHIP_FIELD, str), ("plan_name", str), ("population", float), ("pop_10k", float)]
TABLE_FIELDS = [("level", str), ("name", str), ("structure", str), ("townships", int), ("population", float),
                ("pop_10k", float)]
TARGET_FIELDS = [("target_id", str), ("label", str), ("scope", str), ("unit", str), ("target", str),
                 ("measured", float), ("gap", float), ("passed", int), ("how", str), ("citation", str)]


def _yes_no(value):
    return None if value is None else int(bool(value))


class MeasurePopulationAlgorithm(CheckParameterNames, CqAlgorithm):
    NAME = definitions.MEASURE_POPULATION
    GROUP = "checks"
    POPULATION_RASTER = "POPULATION_RASTER"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION_POINTS = "POPULATION_POINTS"
    POPULATION_POINTS_FIELD = "POPULATION_POINTS_FIELD"
    TARGETS = "TARGETS"

    def displayName(self):  # noqa: N802 (QGIS's name)
        return tr("Measure population in places (townships, plan roles, groups)")

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return tr(
            "The population per township (from a raster of persons per cell, a field of the township layer, or "
            "points with a persons field), summed per class of every structure of the plan catalogue (roles, "
            "tiers, groups), and compared with every population target of the catalogue whose scope names the "
            "jurisdiction, a class or a township; the others are listed with the reason they cannot be measured. "
            "Outputs: townships with their population; a table per township and per class; a table of the "
            "targets; an HTML report; MEASURED (the chosen target's figure, else all townships in 万人), TARGET, "
            "GAP, PASSED, POPULATION (persons), TARGETS_MEASURED, TARGETS_MET and TARGETS_NOT_MET.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add_township_parameters(self, optional=False)
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
        add_catalogue_parameters(self)
        add_target_id_parameter(
            self, tr("Target id for the verdict (e.g. pop_city_2025; empty: all townships, no target)"),
            places.INDICATOR)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Population by township"), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TABLE, tr("Population table"), ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TARGETS, tr("Population targets"), ProcessingSourceType.Vector, optional=True))
        add_report_parameter(self)
        self.add_result_outputs(("POPULATION", tr("Population of all townships (persons)")),
                                ("TARGETS_MEASURED", tr("Population targets measured")),
                                ("TARGETS_MET", tr("Population targets met")),
                                ("TARGETS_NOT_MET", tr("Population targets not met")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        attach(context, results, {self.OUTPUT: result_styles.POPULATION_TOWNSHIPS,
                                  self.TABLE: result_styles.POPULATION_TABLE,
                                  self.TARGETS: result_styles.POPULATION_TARGETS},
               CheckRun(tr("Population in places"), run_target(self, parameters, context), verdict_text(results),
                        summary=summary_text(tr("Population in places"), results)))
        return results

    def _field(self, parameters, name, context):
        return (self.parameterAsFields(parameters, name, context) or [""])[0]

    def compute(self, parameters, context, feedback):
        points = self.parameterAsSource(parameters, self.POPULATION_POINTS, context)
        source = places.PopulationInput(
            raster=self.parameterAsRasterLayer(parameters, self.POPULATION_RASTER, context),
            field=self._field(parameters, self.POPULATION_FIELD, context), points=points,
            persons_field=self._field(parameters, self.POPULATION_POINTS_FIELD, context),
            points_label=self.parameter_layer_label(parameters, self.POPULATION_POINTS, context) if points else "")
        result = places.measure_population(
            self.parameterAsSource(parameters, self.TOWNSHIPS, context), source,
            townships_label=self.parameter_layer_label(parameters, self.TOWNSHIPS, context),
            name_field=self._field(parameters, self.TOWNSHIP_NAME_FIELD, context),
            catalogue=catalogue_from_parameters(self, parameters, context),
            target_id=(self.parameterAsString(parameters, self.TARGET_ID, context) or "").strip(),
            feedback=feedback, transform_context=context.transformContext())
        detail = result.detail
        output = {}
        sink, output[self.OUTPUT] = self.parameterAsSink(parameters, self.OUTPUT, context, make_fields(OUTPUT_FIELDS),
                                                         WkbType.MultiPolygon, detail.projection.crs)
        for row in detail.townships:
            geometry = QgsGeometry(row.geometry)
            geometry.convertToMultiType()
            self._add(sink, OUTPUT_FIELDS, [row.name, row.plan_name, row.population, self._tenk(row.population)],
                      geometry)
        sink, output[self.TABLE] = self.parameterAsSink(parameters, self.TABLE, context, make_fields(TABLE_FIELDS),
                                                        WkbType.NoGeometry)
        for row in detail.townships:
            self._add(sink, TABLE_FIELDS, ["township", row.name, "", 1, row.population, self._tenk(row.population)])
        for plan_class in detail.classes:
            self._add(sink, TABLE_FIELDS, ["class", plan_class.value, plan_class.structure, plan_class.townships,
                                           plan_class.population, self._tenk(plan_class.population)])
        self._add(sink, TABLE_FIELDS, ["all", tr("all townships"), "", len(detail.townships), detail.total,
                                       self._tenk(detail.total)])
        if parameters.get(self.TARGETS) is not None:
            sink, output[self.TARGETS] = self.parameterAsSink(parameters, self.TARGETS, context,
                                                              make_fields(TARGET_FIELDS), WkbType.NoGeometry)
            for row in self._target_rows(detail):
                self._add(sink, TARGET_FIELDS, row)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            verdicts = [t.result for t in detail.targets if t.result is not None]
            members = [m for t in detail.targets for m in t.members]
            township_rows = [(r.name, r.plan_name, r.population, self._tenk(r.population)) for r in detail.townships]
            tables = [
                (tr("Population by township"), [tr("Township"), tr("Name in the plan"), tr("Persons"), tr("万人")],
                 township_rows),
                (tr("Population by plan class"), [tr("Structure"), tr("Class"), tr("Townships"), tr("Persons"),
                                                  tr("万人"), tr("Without population")], places.class_rows(detail)),
                (tr("Targets not measurable here"), [tr("Target"), tr("Indicator"), tr("Why")],
                 [(t.target.id, t.target.label, t.reason) for t in detail.targets if t.result is None]),
            ]
            output[self.REPORT] = write_report(
                report, tr("Population in places"), verdicts + members, tables=tables, notes=result.notes,
                method=result.method, inputs=result.inputs)
        for note in result.notes:
            feedback.pushInfo(note)
        feedback.pushInfo(tr("Population of all townships: {persons:,.0f} persons; {n} population targets "
                             "measured.").format(persons=detail.total, n=result.extras["TARGETS_MEASURED"]))
        output.update(result.outputs())
        return output

    @staticmethod
    def _tenk(persons):
        return None if persons is None else persons * 1e-4

    @staticmethod
    def _add(sink, spec, values, geometry=None):
        feature = QgsFeature(make_fields(spec))
        if geometry is not None:
            feature.setGeometry(geometry)
        feature.setAttributes(values)
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)

    @staticmethod
    def _target_rows(detail):
        for row in detail.targets:
            target, result = row.target, row.result
            text = result.target_text if result is not None else None
            yield [target.id, target.label, result.scope if result is not None else target.scope, target.unit,
                   text, result.measured if result is not None else None, result.gap if result is not None else None,
                   _yes_no(places.target_passed(row)), row.reason, str(target.cite) if target.cite else ""]
            for member in row.members:
                yield [target.id, target.label, member.scope, target.unit, member.target_text, member.measured,
                       member.gap, _yes_no(member.passed), "", ""]
