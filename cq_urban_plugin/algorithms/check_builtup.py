"""Algorithm: check built-up area against the plan's target (cq_urban:check_builtup).

A thin shell over core.checks.builtup: parameters in, layers and the HTML report out.
"""
from dataclasses import replace
from typing import List

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
    QgsWkbTypes,
)

from .. import definitions
from ..compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType, WkbType, is_null
from ..core.checks.builtup import (
    GEOMETRIC_KM2,
    HA_PER_KM2,
    MU_PER_KM2,
    RECORDED_KM2,
    AreaSource,
    check_builtup,
    difference,
)
from ..core.checks.landuse import PRESET_IDS, default_area_field, parse_codes, presets
from ..core.checks.report import write_report
from ..core.errors import CatalogueError
from ..core.files.fields import make_fields
from ..core.geo.measure import AreaMethod
from ..core.maps import result_styles
from ..core.plan.catalogue import bundled_catalogue_paths, load_catalogue
from ..i18n import tr
from .base import CqAlgorithm
from .delivery_inputs import DELIVERY, add_delivery_parameters, delivery_notes
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
BUILTUP_KM2, TOWNSHIP_KM2, SHARE, IN_SCOPE = "bu_km2", "twp_km2", "share", "in_scope"
# The geometric and the recorded figure (bu_km2 is the one chosen) and recorded − geometric.
AREA_FIELDS = [("geo_km2", float), ("rec_km2", float), ("diff_km2", float), ("diff_pct", float)]
TABLE_FIELDS = [("level", str), ("name", str), ("grp", str), ("townships", int), (BUILTUP_KM2, float),
                (TOWNSHIP_KM2, float), (SHARE, float), (IN_SCOPE, int)] + AREA_FIELDS


def area_values(geometric, recorded):
    return [geometric, recorded, *difference(recorded, geometric)]


def plan_fields(townships, catalogue=None) -> List[str]:
    """The township layer's plan fields (written by tagging: plan_name, juris, one per structure), which the
    table carries over beside each township."""
    if townships is None:
        return []
    known = {"plan_name", "juris"}
    catalogues = [catalogue] if catalogue is not None else []
    for path in bundled_catalogue_paths():
        try:
            catalogues.append(load_catalogue(path))
        except CatalogueError:
            continue  # a broken bundled catalogue is reported where it is used, not here
    for loaded in catalogues:
        known.update(s.field for s in loaded.structures)
    taken = {name for name, _ in TABLE_FIELDS}
    return [n for n in townships.fields().names() if n in known and n not in taken]


class CheckBuiltupAlgorithm(CheckParameterNames, CqAlgorithm):
    NAME = definitions.CHECK_BUILTUP
    GROUP = "checks"
    BUILTUP = "BUILTUP"
    LANDUSE = "LANDUSE"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    LANDUSE_PRESET = "LANDUSE_PRESET"
    LANDUSE_CODES = "LANDUSE_CODES"
    SCOPE_FIELD = "SCOPE_FIELD"
    SCOPE_VALUE = "SCOPE_VALUE"
    AREA_SOURCE = "AREA_SOURCE"
    AREA_FIELD = "AREA_FIELD"
    DELIVERY = DELIVERY
    DELIVERY_ROLES = {"landuse": ("LANDUSE", "BUILTUP"), "townships": "TOWNSHIPS"}
    DELIVERY_DERIVES_TOWNSHIPS = True

    def displayName(self):  # noqa: N802
        return tr("Check built-up area against the plan's target")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Measures the built-up area in km², by township and in total, and sets it beside the plan's target: "
            "江津 城镇建成区 145 km² (000_5c0b1797e2e1b3c4.txt line 55) and 城市建成区 120 km² "
            "(001_c0dc96b9baef37ce.txt line 1383) by 2025, 开州 城区 60 km² by 2025 and 100 km² by 2035 "
            "(003_19d1efc2983d1444.txt line 135).\n\n"
            "Inputs: a built-up polygon layer, or a land-use layer with its class field and the codes that count "
            "as built-up (presets: 三调 城镇村属性码 201/202, 三调 地类编码, 用地用海分类; typed codes match as "
            "prefixes, '07' counts '0701'); the township layer (optional; tagged or not) with its name field; "
            "the scope: a field and value such as role = 一主 (empty: the whole jurisdiction; with a catalogue "
            "target the target's own scope); the target from the catalogue (e.g. builtup_2025) or typed in km².\n\n"
            "Areas are measured in the CGCS2000 3-degree Gauss-Krüger zone of the data (parts across a zone "
            "boundary, as in 巫溪, each in their own zone) or on the ellipsoid (as 三调 computes its 椭球面积), "
            "never in degrees. Overlapping "
            "built-up polygons count once; polygons crossing township boundaries are split; invalid geometries "
            "are repaired and listed in the report.\n\n"
            "Outputs: township polygons with bu_km2 (built-up km²), twp_km2 (township km²), share (built-up "
            "share of the township, percent) and in_scope; a table with one row per township, per group "
            "(level 'group') and for the scope (level 'scope'); an HTML report; and MEASURED, TARGET, GAP "
            "(measured − target, km²), PASSED."
        ) + "\n\n" + tr(
            "Statistical and geometric area: the survey's figures are its recorded areas (三调 TBMJ 图斑面积; "
            "TBDLMJ 地类面积 = TBMJ minus the field-ridge deduction), in m², on the ellipsoid and adjusted to the "
            "control totals; the geometry's own area differs. With AREA_FIELD (or AREA_SOURCE = recorded, which "
            "takes TBDLMJ, else TBMJ) both are given, with recorded − geometric per township (geo_km2, rec_km2, "
            "diff_km2, diff_pct; GEOMETRIC_KM2, RECORDED_KM2; the report also in 公顷 and 亩), and AREA_SOURCE "
            "chooses the one bu_km2, MEASURED and the target check use. A polygon split between townships gets "
            "its recorded area in proportion to its geometric area in each.") + "\n\n" + tr(
            "A survey delivery (DELIVERY: a .gdb, a .gpkg or a folder of Shapefiles, read as cq_urban:read_delivery "
            "reads it) fills the layers not given: LANDUSE from its 地类图斑 DLTB (unless BUILTUP is given), "
            "TOWNSHIPS from its XZQ, or, without one, township units derived from the parcels' 坐落单位代码; the "
            "log and the report say what was taken from where.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILTUP, tr("Built-up area polygons"), [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LANDUSE, tr("Or a land-use layer (三调 / 用地用海)"), [ProcessingSourceType.VectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, tr("Land-use class field (empty: CZCSXM / DLBM / YDYHFLDM by preset)"),
            parentLayerParameterName=self.LANDUSE, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANDUSE_PRESET, tr("Codes that count as built-up"), options=[p.label for p in presets()],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.LANDUSE_CODES, tr("Or these codes (comma-separated prefixes, override the preset)"),
            optional=True))
        add_township_parameters(self)
        self.addParameter(QgsProcessingParameterField(
            self.SCOPE_FIELD, tr("Scope: plan role or group field (e.g. role)"),
            parentLayerParameterName=self.TOWNSHIPS, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SCOPE_VALUE, tr("Scope value (e.g. 一主; empty: the whole jurisdiction)"), optional=True))
        add_catalogue_parameters(self)
        add_target_id_parameter(self, tr("Target id in the catalogue (e.g. builtup_2025)"), "builtup_area")
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_VALUE, tr("Or a target typed in km²"), ProcessingNumberParameterType.Double,
            optional=True, minValue=0.0))
        add_area_method_parameter(self)
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_SOURCE, tr("Figure checked against the target"),
            options=[tr("Geometric: the polygons' own area"),
                     tr("Recorded: the survey's area field (AREA_FIELD; empty: TBDLMJ, else TBMJ)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.AREA_FIELD, tr("Recorded-area field in m² (三调 TBMJ 图斑面积 or TBDLMJ 地类面积), reported beside "
                                "the geometric area"), optional=True))
        add_delivery_parameters(self)
        add_check_outputs(self, tr("Built-up by township"), tr("Built-up table"))
        self.add_result_outputs((GEOMETRIC_KM2, tr("Built-up area by geometry (km²)")),
                                (RECORDED_KM2, tr("Built-up area recorded (km²; none without a recorded-area field)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        attach(context, results, {self.OUTPUT: result_styles.BUILTUP_TOWNSHIPS,
                                  self.TABLE: result_styles.BUILTUP_TABLE},
               CheckRun(tr("Built-up check"), run_target(self, parameters, context), verdict_text(results),
                        summary=summary_text(tr("Built-up check"), results)))
        return results

    def compute(self, parameters, context, feedback):
        """Parameters in, core.checks.builtup.check_builtup, then the sinks and the report."""
        builtup = self.parameterAsSource(parameters, self.BUILTUP, context)
        landuse = self.parameterAsSource(parameters, self.LANDUSE, context)
        townships = self.parameterAsSource(parameters, self.TOWNSHIPS, context)
        target_value = None
        if parameters.get(self.TARGET_VALUE) not in (None, ""):
            target_value = self.parameterAsDouble(parameters, self.TARGET_VALUE, context)
        result = check_builtup(
            builtup, townships, landuse=landuse, class_field=self._field(parameters, self.LANDUSE_FIELD, context),
            preset_id=PRESET_IDS[self.parameterAsEnum(parameters, self.LANDUSE_PRESET, context)],
            codes=parse_codes(self.parameterAsString(parameters, self.LANDUSE_CODES, context) or ""),
            name_field=self._field(parameters, self.TOWNSHIP_NAME_FIELD, context),
            scope_field=self._field(parameters, self.SCOPE_FIELD, context),
            scope_value=self.parameterAsString(parameters, self.SCOPE_VALUE, context) or "",
            catalogue=lambda: catalogue_from_parameters(self, parameters, context),
            target_id=self.parameterAsString(parameters, self.TARGET_ID, context) or "", target_value=target_value,
            method=AreaMethod.ALL[self.parameterAsEnum(parameters, self.AREA_METHOD, context)],
            area_source=AreaSource.ALL[self.parameterAsEnum(parameters, self.AREA_SOURCE, context)],
            area_field=self._area_field(parameters, context, landuse, feedback),
            builtup_label=self.parameter_layer_label(
                parameters, self.BUILTUP if builtup is not None else self.LANDUSE, context),
            townships_label=(self.parameter_layer_label(parameters, self.TOWNSHIPS, context)
                             if townships is not None else ""),
            feedback=feedback, transform_context=context.transformContext())
        measurement = result.detail

        output_id = self._write_output(parameters, context, townships, measurement)
        table_id = self._write_table(parameters, context, measurement,
                                     plan_fields(townships, measurement.catalogue))
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            write_report(report, tr("Built-up area check"), [replace(result.verdict, unit="km²")],
                         tables=self._report_tables(measurement), notes=delivery_notes(self) + result.notes,
                         method=result.method,
                         inputs=result.inputs)
        for note in result.notes:
            feedback.pushInfo(note)
        feedback.pushInfo(tr("Built-up area in {scope}: {km2:.3f} km²").format(
            scope=result.verdict.scope, km2=result.verdict.measured))
        if measurement.area_field:
            diff, pct = difference(measurement.recorded_km2, measurement.geometric_km2)
            feedback.pushInfo(tr("Recorded ({field}): {recorded:.3f} km²; geometric: {geometric:.3f} km²; recorded "
                                 "− geometric: {diff:+.3f} km² ({pct}).").format(
                field=measurement.area_field, recorded=measurement.recorded_km2,
                geometric=measurement.geometric_km2, diff=diff, pct="—" if pct is None else f"{pct:+.2f}%"))
        return {self.OUTPUT: output_id, self.TABLE: table_id, self.REPORT: report or None, **result.outputs()}

    def _area_field(self, parameters, context, landuse, feedback) -> str:
        """AREA_FIELD; empty for a delivery's 地类图斑: its TBDLMJ (else TBMJ), so that the survey's recorded
        area is reported beside the geometric one (the figure checked stays AREA_SOURCE's)."""
        chosen = (self.parameterAsString(parameters, self.AREA_FIELD, context) or "").strip()
        if chosen or landuse is None or "landuse" not in getattr(self, "_delivery_layers", {}):
            return chosen
        found = default_area_field(landuse.fields().names())
        if found:
            feedback.pushInfo(tr("The delivery's 地类图斑 records its areas: {field} is reported beside the geometric "
                                 "area.").format(field=found))
        return found

    def _field(self, parameters, name, context) -> str:
        return (self.parameterAsFields(parameters, name, context) or [""])[0]

    def _write_output(self, parameters, context, townships, measurement):
        fields = QgsFields()
        mine = [BUILTUP_KM2, TOWNSHIP_KM2, SHARE, IN_SCOPE] + [name for name, _ in AREA_FIELDS]
        carried = []
        if townships is not None:
            for source_field in townships.fields():
                if source_field.name().lower() not in mine and source_field.name().lower() != "fid":
                    fields.append(QgsField(source_field))
                    carried.append(source_field.name())
        else:
            fields.append(QgsField("name", FieldType.String))
        for spec in make_fields([(BUILTUP_KM2, float), (TOWNSHIP_KM2, float), (SHARE, float), (IN_SCOPE, int)]
                                + AREA_FIELDS):
            fields.append(spec)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon,
                                             measurement.projection.crs)
        if townships is None:
            feature = QgsFeature(fields)
            geometry = QgsGeometry(measurement.builtup_union)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([measurement.scope_label, measurement.total_km2, None, None, 1]
                                  + area_values(measurement.geometric_km2, measurement.recorded_km2))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            return dest_id
        for row in measurement.townships:
            feature = QgsFeature(fields)
            geometry = row.geometry
            if QgsWkbTypes.isSingleType(geometry.wkbType()):
                geometry = QgsGeometry(geometry)
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([row.attributes.get(n) for n in carried]
                                  + [row.builtup_km2, row.township_km2, row.share, int(row.in_scope)]
                                  + area_values(row.geometric_km2, row.recorded_km2))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest_id

    def _write_table(self, parameters, context, measurement, carried):
        fields = make_fields(TABLE_FIELDS + [(name, str) for name in carried])
        sink, dest_id = self.parameterAsSink(parameters, self.TABLE, context, fields, WkbType.NoGeometry)
        blank = [None] * len(carried)

        def add(values):
            feature = QgsFeature(fields)
            feature.setAttributes(values)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)

        def text(value):
            return None if is_null(value) else str(value)

        for row in measurement.townships:
            add(["township", row.name, row.group, 1, row.builtup_km2, row.township_km2, row.share,
                 int(row.in_scope)] + area_values(row.geometric_km2, row.recorded_km2)
                + [text(row.attributes.get(name)) for name in carried])
        for group in measurement.groups:
            add(["group", group.group, group.group, group.townships, group.builtup_km2, group.township_km2,
                 group.share, int(group.in_scope)] + area_values(group.geometric_km2, group.recorded_km2) + blank)
        in_scope = [r for r in measurement.townships if r.in_scope]
        township_km2 = sum(r.township_km2 for r in in_scope)
        add(["scope", measurement.scope_label, "", len(in_scope), measurement.total_km2, township_km2 or None,
             100.0 * measurement.total_km2 / township_km2 if township_km2 else None, 1]
            + area_values(measurement.geometric_km2, measurement.recorded_km2) + blank)
        if measurement.townships:
            add(["outside", tr("outside every township"), "", 0, measurement.outside_km2, None, None, 0]
                + area_values(measurement.outside_geometric_km2, measurement.outside_recorded_km2) + blank)
        return dest_id

    @staticmethod
    def _report_tables(measurement):
        if not measurement.townships:
            return _area_tables(measurement)
        yes_no = {True: tr("yes"), False: tr("no")}
        township_rows = [(r.name, r.group, r.builtup_km2, r.township_km2, r.share, yes_no[r.in_scope])
                         for r in measurement.townships]
        group_rows = [(g.group, g.townships, g.builtup_km2, g.township_km2, g.share, yes_no[g.in_scope])
                      for g in measurement.groups]
        all_builtup = sum(r.builtup_km2 for r in measurement.townships)
        all_area = sum(r.township_km2 for r in measurement.townships)
        group_rows.append((tr("All townships"), len(measurement.townships), all_builtup, all_area,
                           100.0 * all_builtup / all_area if all_area else None, ""))
        group_rows.append((tr("outside every township"), 0, measurement.outside_km2, None, None, ""))
        return [
            (tr("Built-up area by township"),
             [tr("Township"), tr("Group"), tr("Built-up km²"), tr("Township km²"), tr("Share %"), tr("In scope")],
             township_rows),
            (tr("Built-up area by plan group"),
             [tr("Group"), tr("Townships"), tr("Built-up km²"), tr("Township km²"), tr("Share %"), tr("In scope")],
             group_rows),
        ] + _area_tables(measurement)


def _area_tables(measurement):
    """With a recorded-area field: both figures and their difference by township, then the scope's in km²,
    公顷 and 亩."""
    if not measurement.area_field:
        return []
    rows = [(r.name, *area_values(r.geometric_km2, r.recorded_km2)) for r in measurement.townships]
    rows.append((measurement.scope_label, *area_values(measurement.geometric_km2, measurement.recorded_km2)))
    if measurement.townships:
        rows.append((tr("outside every township"),
                     *area_values(measurement.outside_geometric_km2, measurement.outside_recorded_km2)))
    diff, pct = difference(measurement.recorded_km2, measurement.geometric_km2)
    units = [(tr("km²"), 1.0), (tr("公顷 (hectares)"), HA_PER_KM2), (tr("亩 (mu)"), MU_PER_KM2)]
    totals = [(unit, measurement.geometric_km2 * factor, measurement.recorded_km2 * factor, diff * factor, pct)
              for unit, factor in units]
    headers = [tr("Geometric"), tr("Recorded ({field})").format(field=measurement.area_field),
               tr("Recorded − geometric"), tr("Difference %")]
    return [(tr("Geometric and recorded built-up area (km²)"), [tr("Township")] + headers, rows),
            (tr("Built-up area in {scope}, geometric and recorded").format(scope=measurement.scope_label),
             [tr("Unit")] + headers, totals)]
