"""Algorithm: check a whole plan, every target its layers can measure (cq_urban:check_plan).

A thin shell over core.checks.plan_check: layers by role in, the summary table and the HTML report out.
"""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsVectorLayer,
)

from .. import definitions
from ..compat import ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ..core.checks import facility_coverage as fc
from ..core.checks import plan_check
from ..core.checks.report import write_report
from ..core.checks.targets import figure_text, unit_text
from ..core.files.fields import make_fields
from ..core.maps import result_styles
from ..i18n import tr
from .base import CqAlgorithm
from .delivery_inputs import DELIVERY, add_delivery_parameters, delivery_notes
from .params import add_catalogue_parameters, catalogue_from_parameters
from .run_outputs import CheckRun, attach, plan_verdict_text

SUMMARY_FIELDS = [("target_id", str), ("label", str), ("scope", str), ("year", int), ("target", str),
                  ("measured", float), ("unit", str), ("gap", float), ("deviation_pct", float), ("status", str),
                  ("verdict", str), ("citation", str), ("how", str), ("reason", str)]
# The layer parameters, one per role (core/plan/model.py LAYER_ROLES), in the dialog's order.
ROLE_PARAMETERS = [
    ("townships", lambda: tr("Townships (乡镇街道)")),
    ("builtup", lambda: tr("Built-up area polygons (建成区)")),
    ("landuse", lambda: tr("Land use (三调 地类图斑 or 用地用海)")),
    ("stops", lambda: tr("Bus stops (points)")),
    ("facilities", lambda: tr("Facilities (points)")),
    ("roads", lambda: tr("Roads and footpaths (lines)")),
    ("green", lambda: tr("Green land or vegetation cover (polygons)")),
    ("forest", lambda: tr("Forest (polygons)")),
    ("ecology", lambda: tr("Ecological red line (生态保护红线)")),
    ("farmland", lambda: tr("Permanent basic farmland (永久基本农田)")),
    ("development", lambda: tr("Urban development boundary (城镇开发边界)")),
    ("river", lambda: tr("Rivers (lines or water polygons)")),
    ("plants", lambda: tr("Plants kept away from the rivers (chemical projects)")),
]


def _number(value):
    return value if value is None else float(value)


class CheckPlanAlgorithm(CqAlgorithm):
    NAME = definitions.CHECK_PLAN
    GROUP = "checks"
    TOWNSHIP_NAME_FIELD = "TOWNSHIP_NAME_FIELD"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    FACILITY_TYPE_FIELD = "FACILITY_TYPE_FIELD"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    TOLERANCE_PCT = "TOLERANCE_PCT"
    WALK_SPEED = "WALK_SPEED"
    DELIVERY = DELIVERY
    # Not CZCDYD as built-up: 城镇村等用地 holds villages (203) too; built-up land comes from DLTB's
    # 城镇村属性码 (the land-use role), as the targets' presets read it.
    DELIVERY_ROLES = {role: role.upper() for role, _ in ROLE_PARAMETERS if role != "builtup"}
    DELIVERY_DERIVES_TOWNSHIPS = True
    SUMMARY = "SUMMARY"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802 (QGIS's name)
        return tr("Check a whole plan (every target the layers can measure)")

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return tr(
            "Every target of the plan catalogue that the layers given can measure: built-up area, facility "
            "coverage, land shares, per capita figures, population in places and distance rules, each by the check "
            "its kind of measurement names; targets sharing a measurement are measured once. Each layer is given by "
            "the role it plays (townships, built-up, land use, stops, …); all are optional. Outputs: a summary "
            "table with one row per target (target, measured, gap, verdict, citation, how it was measured, and "
            "why not for the targets not measured: no layer can measure it, the layer it needs, or the message of "
            "its check); an HTML report with the summary and the targets not measured; and TARGETS, "
            "MEASURED_COUNT, MET_COUNT, NOT_MET_COUNT, NOT_MEASURED_COUNT, APPROXIMATE_COUNT.\n\n"
            "An approximate or planned figure of the plan (约, 左右, 规划人口: comparison 'about' in the catalogue) "
            "is no floor: its row gives the deviation (measured - target, and in percent) and no verdict, unless "
            "the catalogue gives it a tolerance_pct or a tolerance is set here; then it is met within ±that "
            "percentage of the plan's figure.\n\n"
            "A survey or planning delivery (a .gdb, a .gpkg or a folder of Shapefiles) may be given instead of "
            "the layers: its standard layers (XZQ, DLTB, CZKFBJ, STBHHX, YJJBNTTB) fill the roles no layer was "
            "given for, as cq_urban:read_delivery finds them, with the CRS their coordinates prove where they have "
            "none; built-up land is read from DLTB's 城镇村属性码, not from CZCDYD, which holds villages too.") \
            + "\n\n" + tr("A service circle the plan gives in walking minutes reaches minutes × 60 × the walking speed "
                          "(WALK_SPEED, default 1.0 m/s: GB 50180-2018 pairs its 5-minute circle with 300 m and "
                          "states no speed), as cq_urban:check_facility_coverage reads it; each row's 'how' names "
                          "the parameters (BUILTUP, GREEN, …) whose layers gave its figure and the threshold used.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add_catalogue_parameters(self)
        add_delivery_parameters(self)
        for role, label in ROLE_PARAMETERS:
            # Any geometry: a layer of the wrong type is its targets' row, not the end of the run.
            self.addParameter(QgsProcessingParameterFeatureSource(
                role.upper(), label(), [ProcessingSourceType.VectorAnyGeometry], optional=True))
            if role == "townships":
                self.addParameter(QgsProcessingParameterField(
                    self.TOWNSHIP_NAME_FIELD, tr("Township name field (empty: plan_name, name or XZQMC)"),
                    parentLayerParameterName="TOWNSHIPS", optional=True))
            if role == "facilities":
                self.addParameter(QgsProcessingParameterField(
                    self.FACILITY_TYPE_FIELD, tr("Facility type field (its values name the kind: 养老服务中心, "
                                                 "社区综合服务站 …)"), parentLayerParameterName="FACILITIES",
                    optional=True))
            if role == "landuse":
                self.addParameter(QgsProcessingParameterField(
                    self.LANDUSE_FIELD, tr("Land-use class field where the preset's usual one (CZCSXM, DLBM, "
                                           "YDYHFLDM) is missing"), parentLayerParameterName="LANDUSE", optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.POPULATION, tr("Population: a raster of persons per cell, or points"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.POPULATION_FIELD, tr("Persons field of the population points, or of the townships without a "
                                      "population layer"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE_PCT, tr("Tolerance of approximate figures (约, 左右), ± percent (empty: deviation only, "
                                   "no verdict)"), ProcessingNumberParameterType.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.WALK_SPEED, tr("Walking speed (m/s)"), ProcessingNumberParameterType.Double, fc.WALK_SPEED,
            minValue=0.1))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, tr("Plan check summary"), ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report"), tr("HTML files (*.html)"), optional=True, createByDefault=False))
        for key, description in ((plan_check.TARGETS, tr("Targets of the catalogue")),
                                 (plan_check.MEASURED_COUNT, tr("Targets measured")),
                                 (plan_check.MET_COUNT, tr("Targets met")),
                                 (plan_check.NOT_MET_COUNT, tr("Targets not met")),
                                 (plan_check.NOT_MEASURED_COUNT, tr("Targets not measured")),
                                 (plan_check.APPROXIMATE_COUNT, tr("Approximate figures measured (deviation, no "
                                                                   "verdict)"))):
            self.addOutput(QgsProcessingOutputNumber(key, description))

    def _field(self, parameters, name, context):
        return (self.parameterAsFields(parameters, name, context) or [""])[0]

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        attach(context, results, {self.SUMMARY: result_styles.PLAN_SUMMARY},
               CheckRun(tr("Plan check"), verdict=plan_verdict_text(results)))
        return results

    def plan_result(self, parameters, context, feedback) -> plan_check.PlanCheckResult:
        """The whole-plan check of the parameters' catalogue and layers (what cq_urban:check_plan writes out
        and cq_urban:export_dossier lays out); its counts and the reasons of the targets not measured said."""
        catalogue = catalogue_from_parameters(self, parameters, context)
        layers = {}
        for role, _ in ROLE_PARAMETERS:
            source = self.parameterAsSource(parameters, role.upper(), context)
            if source is not None:
                layers[role] = (source, self.parameter_layer_label(parameters, role.upper(), context))
        population = self.parameterAsLayer(parameters, self.POPULATION, context)
        if isinstance(population, QgsRasterLayer):
            layers["population"] = (population, population.name())
        elif isinstance(population, QgsVectorLayer):
            layers["population"] = (population, self.parameter_layer_label(parameters, self.POPULATION, context))
        options = {"name_field": self._field(parameters, self.TOWNSHIP_NAME_FIELD, context),
                   "landuse_field": self._field(parameters, self.LANDUSE_FIELD, context),
                   "facility_type_field": self._field(parameters, self.FACILITY_TYPE_FIELD, context),
                   "population_field": (self.parameterAsString(parameters, self.POPULATION_FIELD, context)
                                        or "").strip()}
        options["walk_speed"] = self.parameterAsDouble(parameters, self.WALK_SPEED, context) or fc.WALK_SPEED
        if parameters.get(self.TOLERANCE_PCT) is not None:
            options["tolerance_pct"] = self.parameterAsDouble(parameters, self.TOLERANCE_PCT, context)
        result = plan_check.check_plan(catalogue, layers, options=options, feedback=feedback,
                                       transform_context=context.transformContext())
        counts = result.counts()
        for row in result.not_measured():
            feedback.pushInfo(f"{row.target_id}: {row.reason}")
        feedback.pushInfo(tr("{catalogue}: {measured} of {targets} targets measured, {met} met, {not_met} not "
                             "met.").format(catalogue=catalogue.name, measured=counts[plan_check.MEASURED_COUNT],
                                            targets=counts[plan_check.TARGETS], met=counts[plan_check.MET_COUNT],
                                            not_met=counts[plan_check.NOT_MET_COUNT]))
        return result

    def compute(self, parameters, context, feedback):
        result = self.plan_result(parameters, context, feedback)
        fields = make_fields(SUMMARY_FIELDS)
        sink, summary_id = self.parameterAsSink(parameters, self.SUMMARY, context, fields, WkbType.NoGeometry)
        for row in result.rows:
            feature = QgsFeature(fields)
            feature.setAttributes([row.target_id, row.label, row.scope, row.year, row.target, _number(row.measured),
                                   row.unit, _number(row.gap), _number(row.deviation_pct), row.status, row.verdict,
                                   row.citation, row.how, row.reason])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            report = write_plan_report(report, result, delivery_notes(self))
        return {self.SUMMARY: summary_id, self.REPORT: report or None, **result.counts()}


def write_plan_report(path, result: plan_check.PlanCheckResult, read=()) -> str:
    """The HTML report of a whole-plan check: the summary, the targets not measured and why, the measurements;
    ``read``: what was read of a delivery, said among the notes."""
    counts = result.counts()
    summary = [(r.target_id, r.label, r.scope, r.year, r.target, figure_text(r.measured, r.unit, 3),
                unit_text(r.unit), figure_text(r.gap, r.unit, 3),
                None if r.deviation_pct is None else f"{r.deviation_pct:+.1f} %", r.verdict, r.citation, r.how)
               for r in result.rows]
    missing = [(r.target_id, r.label, r.verdict, r.reason) for r in result.not_measured()]
    runs = [(", ".join(t.id for t in m.targets), m.how, m.result.method if m.result is not None else m.error)
            for m in result.measurements]
    notes = list(read) + [f"{', '.join(t.id for t in m.targets)}: {note}" for m in result.measurements
                          if m.result is not None for note in m.result.notes]
    tables = [
        (tr("Summary: {measured} of {targets} targets measured, {met} met, {not_met} not met").format(
            measured=counts[plan_check.MEASURED_COUNT], targets=counts[plan_check.TARGETS],
            met=counts[plan_check.MET_COUNT], not_met=counts[plan_check.NOT_MET_COUNT]),
         [tr("Target"), tr("Indicator"), tr("Scope"), tr("Year"), tr("Target"), tr("Measured"), tr("Unit"),
          tr("Gap"), tr("Deviation"), tr("Result"), tr("Plan text"), tr("How it was measured")], summary),
        (tr("Targets not measured, and why"), [tr("Target"), tr("Indicator"), tr("Result"), tr("Why")], missing),
        (tr("Measurements"), [tr("Targets"), tr("How it was measured"), tr("Method")], runs),
    ]
    inputs = [f"{role}: {label}" for role, label in result.roles.items()]
    if result.tolerance_pct is not None:
        inputs.append(tr("Approximate figures (约, 左右) without a tolerance of their own: met within "
                         "± {tolerance:g} %").format(tolerance=result.tolerance_pct))
    else:
        notes = notes + [tr("Approximate figures (约, 左右, 规划人口) are not floors: their rows give the "
                            "deviation from the plan's figure and no verdict (set a tolerance to judge them).")]
    return write_report(path, tr("Plan check: {catalogue}").format(catalogue=result.catalogue.name),
                        [r.result for r in result.rows if r.result is not None], tables=tables, notes=notes,
                        inputs=inputs)
