"""Algorithm: the share of some classes of land inside an extent (cq_urban:check_land_share).

A thin shell over core.checks.land_share: parameters in, layers and the HTML report out.
"""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import definitions
from ..compat import ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ..core.checks import land_share as ls
from ..core.checks.builtup import default_name_field
from ..core.checks.landuse import (
    CLASS_PRESET_IDS,
    PRESET_IDS,
    default_class_field,
    parse_codes,
    preset,
)
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

# Output fields (≤ 10 characters, shapefile-safe).
CLASS_KM2, EXTENT_KM2, SHARE, OUTSIDE_KM2 = "cls_km2", "ext_km2", "share", "out_km2"
OUTPUT_FIELDS = [(definitions.TOWNSHIP_FIELD, str), (CLASS_KM2, float), (EXTENT_KM2, float), (SHARE, float),
                 (OUTSIDE_KM2, float)]
TABLE_FIELDS = [("level", str)] + OUTPUT_FIELDS
# The class presets offered: the whole layer first, then the share classes, then built-up land.
CLASS_CHOICES = ("",) + CLASS_PRESET_IDS + PRESET_IDS
EXTENT_CHOICES = ("",) + PRESET_IDS


def _field(algorithm, parameters, name, context) -> str:
    return (algorithm.parameterAsFields(parameters, name, context) or [""])[0]


class CheckLandShareAlgorithm(CheckParameterNames, CqAlgorithm):
    NAME = definitions.CHECK_LAND_SHARE
    GROUP = "checks"
    INDICATOR = "INDICATOR"
    INPUT = "INPUT"
    CLASS_FIELD = "CLASS_FIELD"
    CLASS_PRESET = "CLASS_PRESET"
    CLASS_CODES = "CLASS_CODES"
    EXTENT = "EXTENT"
    EXTENT_FIELD = "EXTENT_FIELD"
    EXTENT_PRESET = "EXTENT_PRESET"
    EXTENT_CODES = "EXTENT_CODES"

    def displayName(self):  # noqa: N802 (QGIS's name)
        return tr("Check a land share (绿地率, 绿化覆盖率, 森林覆盖率)")

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return tr(
            "The area of some classes of land inside an extent, as a share, per township and for the jurisdiction: "
            "绿地率 (green land classes ÷ built-up area), 绿化覆盖率 (vegetation cover polygons ÷ built-up area: a "
            "different measure), 森林覆盖率 (forest classes ÷ township area) or built-up land inside the 城镇开发边界. "
            "The classes: a whole polygon layer, or the land-use codes of a preset (三调 GB/T 21010-2017, 用地用海 "
            "2023) or typed. The extent: a polygon layer (built-up, a boundary; by codes too), the townships, or "
            "both. Overlapping class polygons count once. Outputs: townships with cls_km2, ext_km2, share (percent) "
            "and out_km2 (class land outside the extent); a table with a row per township and the jurisdiction; an "
            "HTML report stating the definition used; and MEASURED (percent), TARGET, GAP, PASSED, CLASS_KM2, "
            "EXTENT_KM2, OUTSIDE_KM2.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygons = [ProcessingSourceType.VectorPolygon]
        self.addParameter(QgsProcessingParameterEnum(
            self.INDICATOR, tr("Indicator"), options=list(ls.INDICATORS), defaultValue=ls.GREEN_SPACE_RATIO,
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Class land polygons (green land, vegetation cover, land use …)"), polygons))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, tr("Class field (empty: every polygon, or DLBM / YDYHFLDM by preset)"),
            parentLayerParameterName=self.INPUT, optional=True))
        labels = [tr("Every polygon of the layer")] + [preset(p).label for p in CLASS_CHOICES[1:]]
        self.addParameter(QgsProcessingParameterEnum(
            self.CLASS_PRESET, tr("Codes of the class land"), options=labels, defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.CLASS_CODES, tr("Or these class codes (comma-separated prefixes, override the preset)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.EXTENT, tr("Extent polygons (built-up area, 城镇开发边界 …; empty: the townships)"), polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.EXTENT_FIELD, tr("Extent class field (empty: every polygon, or CZCSXM / DLBM by preset)"),
            parentLayerParameterName=self.EXTENT, optional=True))
        labels = [tr("Every polygon of the layer")] + [preset(p).label for p in EXTENT_CHOICES[1:]]
        self.addParameter(QgsProcessingParameterEnum(
            self.EXTENT_PRESET, tr("Codes of the extent (built-up land)"), options=labels, defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.EXTENT_CODES, tr("Or these extent codes (comma-separated prefixes, override the preset)"),
            optional=True))
        add_township_parameters(self)
        add_catalogue_parameters(self)
        add_target_id_parameter(self, tr("Target id in the catalogue (e.g. forest_cover_2025)"), *ls.INDICATORS)
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_VALUE, tr("Or a target typed in percent"), ProcessingNumberParameterType.Double,
            optional=True, minValue=0.0, maxValue=100.0))
        add_area_method_parameter(self)
        add_check_outputs(self, tr("Land share by township"), tr("Land share table"))
        self.add_result_outputs((ls.CLASS_KM2, tr("Class land inside the extent, km²")),
                                (ls.EXTENT_KM2, tr("Area of the extent, km²")),
                                (ls.OUTSIDE_KM2, tr("Class land outside the extent, km²")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        attach(context, results, {self.OUTPUT: result_styles.LAND_SHARE_TOWNSHIPS,
                                  self.TABLE: result_styles.LAND_SHARE_TABLE},
               CheckRun(tr("Land share check"), run_target(self, parameters, context), verdict_text(results),
                        summary=summary_text(tr("Land share check"), results)))
        return results

    def _codes(self, parameters, context, source, field_name, preset_name, codes_name, choices, label):
        """(class field, codes, excluded codes, how they were chosen) of one layer; ("", (), (), "") for all."""
        if source is None:
            return "", (), (), ""
        typed = parse_codes(self.parameterAsString(parameters, codes_name, context) or "")
        chosen_id = choices[self.parameterAsEnum(parameters, preset_name, context)]
        class_field = _field(self, parameters, field_name, context)
        if not typed and not chosen_id:
            if class_field:
                raise PlanInputError(
                    tr("Parameter {field}: a class field was chosen for layer '{layer}' but no codes.").format(
                        field=field_name, layer=label),
                    tr("Choose a preset in {preset} or type the codes in {codes}, or clear {field} to count every "
                       "polygon.").format(preset=preset_name, codes=codes_name, field=field_name))
            return "", (), (), ""
        chosen = preset(chosen_id) if chosen_id else None
        if not class_field and chosen is not None:
            class_field = default_class_field(source.fields().names(), chosen_id) or ""
        if not class_field:
            raise PlanInputError(
                tr("Parameter {field}: layer '{layer}' has no field {fields}.").format(
                    field=field_name, layer=label, fields="/".join(chosen.field_names) if chosen else "?"),
                tr("Choose the land-use class field. Its fields: {available}.").format(
                    available=", ".join(source.fields().names())))
        if typed:
            return class_field, typed, (), tr("Codes of '{layer}' (typed): {codes}.").format(
                layer=label, codes=", ".join(typed))
        return class_field, chosen.codes, chosen.exclude, tr("Codes of '{layer}' ({preset}): {reason}").format(
            layer=label, preset=chosen.label, reason=chosen.reason)

    def compute(self, parameters, context, feedback):
        indicator = self.parameterAsEnumString(parameters, self.INDICATOR, context) or ls.GREEN_SPACE_RATIO
        classes = self.parameterAsSource(parameters, self.INPUT, context)
        if classes is None:
            raise PlanInputError(tr("Parameter INPUT: no class layer was given."),
                                 tr("Choose the polygons of the land measured, e.g. green land or forest."))
        extent = self.parameterAsSource(parameters, self.EXTENT, context)
        townships = self.parameterAsSource(parameters, self.TOWNSHIPS, context)
        labels = {name: self.parameter_layer_label(parameters, name, context) or (source.sourceName() if source else "")
                  for name, source in ((self.INPUT, classes), (self.EXTENT, extent), (self.TOWNSHIPS, townships))}
        class_field, class_codes, class_exclude, class_reason = self._codes(
            parameters, context, classes, self.CLASS_FIELD, self.CLASS_PRESET, self.CLASS_CODES, CLASS_CHOICES,
            labels[self.INPUT])
        extent_field, extent_codes, extent_exclude, extent_reason = self._codes(
            parameters, context, extent, self.EXTENT_FIELD, self.EXTENT_PRESET, self.EXTENT_CODES, EXTENT_CHOICES,
            labels[self.EXTENT])
        name_field = _field(self, parameters, self.TOWNSHIP_NAME_FIELD, context)
        if not name_field and townships is not None:
            name_field = default_name_field(townships.fields().names())
        target_id = (self.parameterAsString(parameters, self.TARGET_ID, context) or "").strip()
        typed = None
        if parameters.get(self.TARGET_VALUE) not in (None, ""):
            typed = self.parameterAsDouble(parameters, self.TARGET_VALUE, context)
        catalogue = catalogue_from_parameters(self, parameters, context) if target_id and typed is None else None
        target = ls.resolve_target(catalogue, target_id, typed, indicator)
        method = AreaMethod.ELLIPSOID if self.parameterAsEnum(parameters, self.AREA_METHOD, context) == 1 \
            else AreaMethod.GK_ZONE
        result = ls.measure_land_share(
            classes, extent, townships, indicator=indicator, classes_label=labels[self.INPUT],
            extent_label=labels[self.EXTENT], townships_label=labels[self.TOWNSHIPS], class_field=class_field,
            class_codes=class_codes, class_exclude=class_exclude, extent_field=extent_field,
            extent_codes=extent_codes, extent_exclude=extent_exclude, name_field=name_field, target=target,
            codes_reason=" ".join(p for p in (class_reason, extent_reason) if p), method=method, feedback=feedback)
        detail = result.detail
        output_id = self._write_output(parameters, context, result, townships)
        table_id = self._write_table(parameters, context, result)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            rows = [(r.name, r.class_km2, r.extent_km2, r.share, r.outside_km2) for r in result.townships]
            rows.append((tr("Jurisdiction"), detail.class_km2, detail.extent_km2, detail.share, detail.outside_km2))
            write_report(report, tr("Land share check: {label}").format(label=detail.definition.label),
                         [result.verdict], notes=result.notes, method=result.method, inputs=result.inputs,
                         tables=[(tr("Land share by township"),
                                  [tr("Township"), tr("Class land km²"), tr("Extent km²"), tr("Share %"),
                                   tr("Class land outside the extent km²")], rows)])
        for note in result.notes:
            feedback.pushInfo(note)
        feedback.pushInfo(tr("{label}: {share:.3f} % ({cls:.4f} km² of {ext:.4f} km²)").format(
            label=detail.definition.label, share=detail.share, cls=detail.class_km2, ext=detail.extent_km2))
        return {self.OUTPUT: output_id, self.TABLE: table_id, self.REPORT: report or None, **result.outputs()}

    def _rows(self, result):
        detail = result.detail
        if result.townships:
            return [(r.geometry, [r.name, r.class_km2, r.extent_km2, r.share, r.outside_km2])
                    for r in result.townships]
        return [(detail.extent_geometry, [result.verdict.scope, detail.class_km2, detail.extent_km2, detail.share,
                                          detail.outside_km2])]

    def _write_output(self, parameters, context, result, townships):
        """The townships (their own fields carried over, then the share's) or, without them, the extent."""
        fields, carried = QgsFields(), []
        mine = {name.lower() for name, _ in OUTPUT_FIELDS} | {"fid"}
        for source_field in townships.fields() if townships is not None else []:
            if source_field.name().lower() not in mine:
                fields.append(QgsField(source_field))
                carried.append(source_field.name())
        for spec in make_fields(OUTPUT_FIELDS):
            fields.append(spec)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon,
                                             result.detail.projection.crs)
        rows = result.townships or [None]
        for row, (geometry, values) in zip(rows, self._rows(result)):
            feature = QgsFeature(fields)
            geometry = QgsGeometry(geometry)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([row.attributes.get(n) if row is not None else None for n in carried] + values)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest_id

    def _write_table(self, parameters, context, result):
        fields = make_fields(TABLE_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.TABLE, context, fields, WkbType.NoGeometry)
        detail = result.detail
        rows = [["township"] + values for _, values in self._rows(result)] if result.townships else []
        rows.append(["jurisdiction", result.verdict.scope, detail.class_km2, detail.extent_km2, detail.share,
                     detail.outside_km2])
        for values in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(values)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest_id
