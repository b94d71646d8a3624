"""Algorithm: nothing of one class within a distance of another (cq_urban:check_distance_rule).

A thin shell over core.checks.distance_rule: parameters in, layers and the HTML report out.
"""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from .. import definitions
from ..compat import GeometryType, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ..core.checks import distance_rule as dr
from ..core.checks.builtup import default_name_field
from ..core.checks.landuse import parse_codes
from ..core.checks.report import write_report
from ..core.errors import PlanInputError
from ..core.files.fields import make_fields
from ..core.maps import result_styles
from ..i18n import tr
from .base import CqAlgorithm
from .params import (
    CheckParameterNames,
    add_catalogue_parameters,
    add_check_outputs,
    add_target_id_parameter,
    add_township_parameters,
    catalogue_from_parameters,
)
from .run_outputs import CheckRun, attach, run_target, summary_text, verdict_text

# Output fields (≤ 10 characters, shapefile-safe).
DIST_M, NEAR_FID, NEAR_NAME = "dist_m", "near_fid", "near_name"
TABLE_FIELDS = [("level", str), (definitions.TOWNSHIP_FIELD, str), ("features", int), ("violations", int),
                ("nearest_m", float)]
OUTPUT_TYPES = {GeometryType.Point: WkbType.MultiPoint, GeometryType.Line: WkbType.MultiLineString,
                GeometryType.Polygon: WkbType.MultiPolygon}


def _field(algorithm, parameters, name, context) -> str:
    return (algorithm.parameterAsFields(parameters, name, context) or [""])[0]


class CheckDistanceRuleAlgorithm(CheckParameterNames, CqAlgorithm):
    NAME = definitions.CHECK_DISTANCE_RULE
    GROUP = "checks"
    INPUT = "INPUT"
    INPUT_FIELD = "INPUT_FIELD"
    INPUT_CODES = "INPUT_CODES"
    NEAR = "NEAR"
    NEAR_FIELD = "NEAR_FIELD"
    NEAR_CODES = "NEAR_CODES"
    NEAR_NAME_FIELD = "NEAR_NAME_FIELD"
    DISTANCE = "DISTANCE"

    def displayName(self):  # noqa: N802 (QGIS's name)
        return tr("Check a distance rule (e.g. no chemical plant within 1 km of the Yangtze)")

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return tr(
            "Nothing of one layer within a distance of another: e.g. no new chemical plant within 1 km of the shore "
            "of the Yangtze and its main tributaries (江津 14th five-year plan, 001 l.1615). Both layers may be "
            "points, lines or polygons (a river as its centre line or its water polygons), all of a layer or the "
            "features of some codes. Outputs: the violating features with dist_m (distance in metres to the nearest "
            "feature of the other layer), near_fid and near_name; a table of counts per township; an HTML report; "
            "and MEASURED (the count of violations), TARGET (allowed, 0 unless a target says otherwise), GAP, "
            "PASSED, VIOLATIONS, CHECKED, NEAREST_M.")

    def initAlgorithm(self, config=None):  # noqa: N802
        anything = [ProcessingSourceType.VectorAnyGeometry]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Features that must keep away (e.g. chemical plants)"), anything))
        self.addParameter(QgsProcessingParameterField(
            self.INPUT_FIELD, tr("Their class field (empty: every feature)"), parentLayerParameterName=self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.INPUT_CODES, tr("Their codes (comma-separated prefixes)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.NEAR, tr("Features kept away from (e.g. rivers, as lines or water polygons)"), anything))
        self.addParameter(QgsProcessingParameterField(
            self.NEAR_FIELD, tr("Their class field (empty: every feature)"), parentLayerParameterName=self.NEAR,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.NEAR_CODES, tr("Their codes (comma-separated prefixes)"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NEAR_NAME_FIELD, tr("Their name field, for the nearest feature (optional)"),
            parentLayerParameterName=self.NEAR, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, tr("Distance (m)"), ProcessingNumberParameterType.Double,
            defaultValue=dr.DEFAULT_DISTANCE_M, minValue=0.0))
        add_township_parameters(self)
        add_catalogue_parameters(self)
        add_target_id_parameter(self, tr("Target id in the catalogue (indicator distance_rule, in count)"),
                                dr.INDICATOR)
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_VALUE, tr("Or the count allowed (empty: none)"), ProcessingNumberParameterType.Integer,
            optional=True, minValue=0))
        add_check_outputs(self, tr("Features within the distance"), tr("Distance rule table"),
                          ProcessingSourceType.VectorAnyGeometry)
        self.add_result_outputs((dr.VIOLATIONS, tr("Features within the distance")),
                                (dr.CHECKED, tr("Features checked")),
                                (dr.NEAREST_M, tr("Shortest distance found, m")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        attach(context, results, {self.OUTPUT: result_styles.DISTANCE_VIOLATIONS,
                                  self.TABLE: result_styles.DISTANCE_TABLE},
               CheckRun(tr("Distance rule check"), run_target(self, parameters, context), verdict_text(results),
                        summary=summary_text(tr("Distance rule check"), results)))
        return results

    def compute(self, parameters, context, feedback):
        subjects = self.parameterAsSource(parameters, self.INPUT, context)
        near = self.parameterAsSource(parameters, self.NEAR, context)
        townships = self.parameterAsSource(parameters, self.TOWNSHIPS, context)
        labels = {name: self.parameter_layer_label(parameters, name, context) or (source.sourceName() if source else "")
                  for name, source in ((self.INPUT, subjects), (self.NEAR, near), (self.TOWNSHIPS, townships))}
        selections = {}
        for field_name, codes_name in ((self.INPUT_FIELD, self.INPUT_CODES), (self.NEAR_FIELD, self.NEAR_CODES)):
            class_field = _field(self, parameters, field_name, context)
            codes = parse_codes(self.parameterAsString(parameters, codes_name, context) or "")
            if bool(class_field) != bool(codes):
                given, missing = (field_name, codes_name) if class_field else (codes_name, field_name)
                raise PlanInputError(tr("Parameter {given} was given without {missing}.").format(
                    given=given, missing=missing),
                    tr("Give both the class field and its codes, or neither to take every feature."))
            selections[field_name] = (class_field, codes)
        name_field = _field(self, parameters, self.TOWNSHIP_NAME_FIELD, context)
        if not name_field and townships is not None:
            name_field = default_name_field(townships.fields().names())
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        target_id = (self.parameterAsString(parameters, self.TARGET_ID, context) or "").strip()
        typed = None
        if parameters.get(self.TARGET_VALUE) not in (None, ""):
            typed = float(self.parameterAsInt(parameters, self.TARGET_VALUE, context))
        catalogue = catalogue_from_parameters(self, parameters, context) if target_id and typed is None else None
        label = dr.rule_label(labels[self.INPUT], labels[self.NEAR], distance)
        target = dr.resolve_target(catalogue, target_id, typed, label)
        result = dr.measure_distance_rule(
            subjects, near, townships, distance_m=distance, subjects_label=labels[self.INPUT],
            near_label=labels[self.NEAR], townships_label=labels[self.TOWNSHIPS],
            subject_field=selections[self.INPUT_FIELD][0], subject_codes=selections[self.INPUT_FIELD][1],
            near_field=selections[self.NEAR_FIELD][0], near_codes=selections[self.NEAR_FIELD][1],
            near_name_field=_field(self, parameters, self.NEAR_NAME_FIELD, context), name_field=name_field,
            target=target, feedback=feedback)
        detail = result.detail
        output_id = self._write_output(parameters, context, subjects, detail)
        table_id = self._write_table(parameters, context, result)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            violations = [(s.fid, s.township, s.distance_m, s.near_fid, s.near_name) for s in detail.violations]
            counts = [(r.name, r.features, r.violations, r.nearest_m) for r in result.townships]
            tables = [(tr("Features within the distance"),
                       [tr("Feature id"), tr("Township"), tr("Distance m"), tr("Nearest feature id"),
                        tr("Nearest feature")], violations)]
            if counts:
                tables.append((tr("Counts by township"), [tr("Township"), tr("Features"), tr("Within the distance"),
                                                         tr("Nearest m")], counts))
            write_report(report, tr("Distance rule check"), [result.verdict], tables=tables, notes=result.notes,
                         method=result.method, inputs=result.inputs)
        for note in result.notes:
            feedback.pushInfo(note)
        feedback.pushInfo(tr("{n} of {total} features within {distance:g} m.").format(
            n=len(detail.violations), total=len(detail.subjects), distance=distance))
        return {self.OUTPUT: output_id, self.TABLE: table_id, self.REPORT: report or None, **result.outputs()}

    def _write_output(self, parameters, context, subjects, detail):
        fields = QgsFields()
        mine = {DIST_M, NEAR_FID, NEAR_NAME, definitions.TOWNSHIP_FIELD, "fid"}
        carried = [f for f in subjects.fields() if f.name().lower() not in mine]
        for source_field in carried:
            fields.append(QgsField(source_field))
        for spec in make_fields([(definitions.TOWNSHIP_FIELD, str), (DIST_M, float), (NEAR_FID, int),
                                 (NEAR_NAME, str)]):
            fields.append(spec)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             OUTPUT_TYPES[detail.subject_type], detail.projection.crs)
        for subject in detail.violations:
            feature = QgsFeature(fields)
            geometry = QgsGeometry(subject.geometry)
            if QgsWkbTypes.isSingleType(geometry.wkbType()):
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([subject.attributes.get(f.name()) for f in carried]
                                  + [subject.township or None, subject.distance_m, subject.near_fid,
                                     subject.near_name or None])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest_id

    def _write_table(self, parameters, context, result):
        fields = make_fields(TABLE_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.TABLE, context, fields, WkbType.NoGeometry)
        detail = result.detail
        rows = [["township", r.name, r.features, r.violations, r.nearest_m] for r in result.townships]
        if result.townships:
            outside = [s for s in detail.subjects if not s.township]
            rows.append(["outside", tr("outside every township"), len(outside), sum(s.violates for s in outside),
                         min((s.distance_m for s in outside), default=None)])
        rows.append(["jurisdiction", result.verdict.scope, len(detail.subjects), len(detail.violations),
                     min((s.distance_m for s in detail.subjects), default=None)])
        for values in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(values)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest_id
