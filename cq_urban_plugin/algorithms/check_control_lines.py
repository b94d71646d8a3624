"""Algorithm: control lines by township (三条控制线 against the plan's function zones).

A thin shell around ``core.checks.control_lines.check_control_lines``: it reads
the parameters, calls the check, writes the four outputs and the HTML report.
"""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from .. import definitions
from ..compat import ProcessingNumberParameterType, ProcessingParameterFlag, ProcessingSourceType, WkbType
from ..core.checks import control_lines as cl
from ..core.checks.builtup import default_name_field
from ..core.checks.report import render_report
from ..core.errors import PlanInputError
from ..core.files.atomic import atomic_write_text
from ..core.files.fields import make_fields
from ..core.geo.measure import AreaMethod
from ..core.maps import result_styles
from ..i18n import tr
from .base import CqAlgorithm
from .delivery_inputs import BUILTUP_FROM_LANDUSE, DELIVERY, add_delivery_parameters, delivery_notes
from .run_outputs import CheckRun, attach

TOWNSHIP = definitions.TOWNSHIP_FIELD
# Per-township fields added to the township layer's own (all names ≤ 10 characters).
TOWNSHIP_FIELDS = [
    (TOWNSHIP, str), ("juris", str), ("plan_zone", str), ("area_km2", float),
    ("eco_km2", float), ("eco_pct", float), ("farm_km2", float), ("farm_pct", float),
    ("dev_km2", float), ("dev_pct", float),
    ("ef_km2", float), ("ed_km2", float), ("fd_km2", float),
    ("bu_km2", float), ("bu_out_km2", float), ("bu_out_pct", float),
    ("zone_ok", int), ("reason", str),
]
OVERLAP_FIELDS = [(TOWNSHIP, str), ("juris", str), ("pair", str), ("line_a", str), ("line_b", str),
                  ("area_km2", float)]
OUTSIDE_FIELDS = [(TOWNSHIP, str), ("juris", str), ("area_km2", float), ("bu_km2", float), ("share", float)]
SUMMARY_FIELDS = [
    ("juris", str), ("towns", int), ("area_km2", float),
    ("eco_km2", float), ("eco_pct", float), ("farm_km2", float), ("farm_pct", float),
    ("dev_km2", float), ("dev_pct", float),
    ("ef_km2", float), ("ed_km2", float), ("fd_km2", float),
    ("bu_km2", float), ("bu_out_km2", float), ("checked", int), ("flagged", int),
]


def _km2(value):
    return None if value is None else round(value, 6)


class CheckControlLinesAlgorithm(CqAlgorithm):
    NAME = definitions.CHECK_CONTROL_LINES
    GROUP = "checks"

    TOWNSHIPS = "TOWNSHIPS"
    TOWNSHIP_NAME_FIELD = "TOWNSHIP_NAME_FIELD"
    ZONE_FIELD = "ZONE_FIELD"
    JURIS_FIELD = "JURIS_FIELD"
    LINE_PARAMETERS = {cl.ECOLOGY: "ECOLOGY", cl.FARMLAND: "FARMLAND", cl.DEVELOPMENT: "DEVELOPMENT"}
    BUILTUP = "BUILTUP"
    AREA_METHOD = "AREA_METHOD"
    ECO_MAX_DEV = "ECO_MAX_DEV"
    URBAN_MIN_DEV = "URBAN_MIN_DEV"
    AGRI_MIN_FARM = "AGRI_MIN_FARM"
    AGRI_MAX_DEV = "AGRI_MAX_DEV"
    OUTPUT = "OUTPUT"
    OVERLAPS = "OVERLAPS"
    BUILTUP_OUTSIDE = "BUILTUP_OUTSIDE"
    SUMMARY = "SUMMARY"
    REPORT = "REPORT"
    DELIVERY = DELIVERY
    DELIVERY_ROLES = {"townships": "TOWNSHIPS", cl.ECOLOGY: "ECOLOGY", cl.FARMLAND: "FARMLAND",
                      cl.DEVELOPMENT: "DEVELOPMENT", BUILTUP_FROM_LANDUSE: "BUILTUP"}
    DELIVERY_DERIVES_TOWNSHIPS = True

    def displayName(self):  # noqa: N802
        return tr("Control lines by township")

    def shortHelpString(self):  # noqa: N802
        defaults = cl.Thresholds()
        return tr(
            "Measures each township against the three control lines — 生态保护红线 (ECOLOGY), 永久基本农田 "
            "(FARMLAND) and 城镇开发边界 (DEVELOPMENT); give at least one — and checks the result against "
            "the township's plan zone (主体功能分区: 城市化发展区 / 农产品主产区 / 生态功能区, "
            "001_c0dc96b9baef37ce.txt l.1375; 开州's 城市化发展区, 003_19d1efc2983d1444.txt l.135).\n\n"
            "Inputs: the township polygons (tagged by 'Tag townships' or not), their name field, the plan zone "
            "field (default: 'zone', as tagging writes it; without it areas are still measured and the report "
            "says no zone was checked), optionally the built-up polygons.\n\n"
            "Outputs: per township (OUTPUT) its area, km² and percent inside each line (eco_, farm_, dev_), "
            "the overlaps between lines (ef_km2 红线×农田, ed_km2 红线×开发边界, fd_km2 农田×开发边界), "
            "built-up land and built-up land outside the development boundary, plan_zone, zone_ok (1 "
            "consistent, 0 flagged, empty: not checked) and the reason; OVERLAPS: the overlap polygons of "
            "any two lines, by township, with the pair and its area; BUILTUP_OUTSIDE: built-up land outside "
            "the development boundary, by township; SUMMARY: one row per jurisdiction (field 'juris' when "
            "present); REPORT: an HTML page with all of it.\n\n"
            "Consistency rules (advanced parameters, percent of the township's area): a 生态功能区 town is "
            "flagged with more than {eco:g}% inside the development boundary, a 城市化发展区 town with less "
            "than {urban:g}%, a 农产品主产区 town with less than {farm:g}% permanent basic farmland or more than "
            "{farmdev:g}% inside the development boundary.\n\n"
            "Areas are measured in the CGCS2000 3-degree Gauss-Krüger zone of the data (or on the ellipsoid), "
            "whatever the layers' CRS; outputs are in that zone's CRS. Invalid geometries are repaired and "
            "counted in the report; the input layers are never changed. MEASURED is the number of "
            "townships flagged."
        ).format(eco=defaults.ecology_max_development, urban=defaults.urban_min_development,
                 farm=defaults.agriculture_min_farmland, farmdev=defaults.agriculture_max_development) + "\n\n" + tr(
            "A survey or planning delivery (DELIVERY: a .gdb, a .gpkg or a folder of Shapefiles, read as "
            "cq_urban:read_delivery reads it) fills the layers not given: TOWNSHIPS from XZQ (without one, township "
            "units derived from the 地类图斑's 坐落单位代码), ECOLOGY from STBHHX, FARMLAND from YJJBNTTB, "
            "DEVELOPMENT from CZKFBJ, and BUILTUP from the 地类图斑 of 城镇村属性码 201/202; the log and the report "
            "say what was taken from where.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygons = [ProcessingSourceType.VectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.TOWNSHIPS, tr("Townships"), polygons,
                                                              optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.TOWNSHIP_NAME_FIELD, tr("Township name field"), parentLayerParameterName=self.TOWNSHIPS,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_FIELD, tr("Plan zone field (城市化发展区 / 农产品主产区 / 生态功能区; empty: 'zone' if present)"),
            parentLayerParameterName=self.TOWNSHIPS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LINE_PARAMETERS[cl.ECOLOGY], tr("Ecological protection red line (生态保护红线)"), polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LINE_PARAMETERS[cl.FARMLAND], tr("Permanent basic farmland (永久基本农田)"), polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LINE_PARAMETERS[cl.DEVELOPMENT], tr("Urban development boundary (城镇开发边界)"), polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILTUP, tr("Built-up land (建成区)"), polygons, optional=True))
        add_delivery_parameters(self)

        defaults = cl.Thresholds()
        advanced = [
            QgsProcessingParameterField(
                self.JURIS_FIELD, tr("Jurisdiction field for the summary (empty: 'juris' if present)"),
                parentLayerParameterName=self.TOWNSHIPS, optional=True),
            QgsProcessingParameterEnum(
                self.AREA_METHOD, tr("Area measured"),
                options=[tr("Planar, in the CGCS2000 3-degree Gauss-Krüger zone"),
                         tr("On the CGCS2000 ellipsoid")], defaultValue=0),
            self._percent(self.ECO_MAX_DEV, tr("生态功能区: flag above this % inside the development boundary"),
                          defaults.ecology_max_development),
            self._percent(self.URBAN_MIN_DEV, tr("城市化发展区: flag below this % inside the development boundary"),
                          defaults.urban_min_development),
            self._percent(self.AGRI_MIN_FARM, tr("农产品主产区: flag below this % permanent basic farmland"),
                          defaults.agriculture_min_farmland),
            self._percent(self.AGRI_MAX_DEV, tr("农产品主产区: flag above this % inside the development boundary"),
                          defaults.agriculture_max_development),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(parameter)

        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Townships with control-line areas"), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OVERLAPS, tr("Overlaps between control lines"), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.BUILTUP_OUTSIDE, tr("Built-up land outside the development boundary"),
            ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, tr("Summary by jurisdiction"), ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report (HTML)"), fileFilter="HTML (*.html)", optional=True,
            createByDefault=False))
        self.add_result_outputs(
            (cl.FLAGGED, tr("Townships inconsistent with their plan zone")), (cl.CHECKED, tr("Townships checked")),
            (cl.TOWNSHIPS_COUNT, tr("Townships")), (cl.OVERLAP_KM2, tr("Overlaps between control lines (km²)")),
            (cl.BUILTUP_OUTSIDE_KM2, tr("Built-up outside the development boundary (km²)")))

    @staticmethod
    def _percent(name, description, default):
        return QgsProcessingParameterNumber(name, description, ProcessingNumberParameterType.Double,
                                            defaultValue=default, minValue=0.0, maxValue=100.0)

    def _field(self, parameters, name, context):
        """The field chosen for parameter ``name``, or "" (the check then takes its default)."""
        chosen = self.parameterAsFields(parameters, name, context)
        return chosen[0] if chosen and chosen[0] else ""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        verdict = tr("{flagged} of {checked} flagged").format(flagged=results.get(cl.FLAGGED, 0),
                                                              checked=results.get(cl.CHECKED, 0))
        attach(context, results, {self.OUTPUT: result_styles.CONTROL_TOWNSHIPS,
                                  self.OVERLAPS: result_styles.OVERLAPS,
                                  self.BUILTUP_OUTSIDE: result_styles.BUILTUP_OUTSIDE,
                                  self.SUMMARY: result_styles.CONTROL_SUMMARY},
               CheckRun(tr("Control-line check"), "", verdict,
                        summary=tr("Control-line check: {verdict}").format(verdict=verdict)))
        return results

    def compute(self, parameters, context, feedback):
        townships = self.parameterAsSource(parameters, self.TOWNSHIPS, context)
        if townships is None:
            raise PlanInputError(tr("Parameter TOWNSHIPS: no township layer was given, and no DELIVERY to read one "
                                    "from."), tr("Choose the township polygons, or give the survey delivery."))
        lines = {line: self.parameterAsSource(parameters, parameter, context)
                 for line, parameter in self.LINE_PARAMETERS.items()}
        thresholds = cl.Thresholds(
            ecology_max_development=self.parameterAsDouble(parameters, self.ECO_MAX_DEV, context),
            urban_min_development=self.parameterAsDouble(parameters, self.URBAN_MIN_DEV, context),
            agriculture_min_farmland=self.parameterAsDouble(parameters, self.AGRI_MIN_FARM, context),
            agriculture_max_development=self.parameterAsDouble(parameters, self.AGRI_MAX_DEV, context))
        name_field = self._field(parameters, self.TOWNSHIP_NAME_FIELD, context)
        if not name_field and "townships" in getattr(self, "_delivery_layers", {}):
            name_field = default_name_field(townships.fields().names())  # the delivery's XZQMC
        result = cl.check_control_lines(
            townships, lines, self.parameterAsSource(parameters, self.BUILTUP, context),
            name_field=name_field,
            zone_field=self._field(parameters, self.ZONE_FIELD, context),
            juris_field=self._field(parameters, self.JURIS_FIELD, context),
            method=AreaMethod.ALL[self.parameterAsEnum(parameters, self.AREA_METHOD, context)],
            thresholds=thresholds, feedback=feedback, transform_context=context.transformContext())
        read = delivery_notes(self)  # said in the log already; the report says them too
        result.notes[:0] = read

        outputs = self._write_layers(parameters, context, townships.fields(), result)
        outputs.update(result.outputs())
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            atomic_write_text(report, self._report(result))
            outputs[self.REPORT] = report
        else:
            outputs[self.REPORT] = None
        for note in result.notes[len(read):]:
            feedback.pushInfo(note)
        feedback.pushInfo(tr("{flagged} of {checked} townships checked against their plan zone are flagged.").format(
            flagged=result.extras[cl.FLAGGED], checked=result.extras[cl.CHECKED]))
        return outputs

    def _write_layers(self, parameters, context, input_fields, check):
        result, crs, notes = check.detail, check.detail.projection.crs, check.notes
        juris_field = result.juris_field
        computed = make_fields(TOWNSHIP_FIELDS)
        kept = [f for f in input_fields if computed.indexOf(f.name()) < 0]
        # The tagged layer's own 'juris' is the value written back: no need to say so.
        replaced = [f.name() for f in input_fields if computed.indexOf(f.name()) >= 0 and f.name() != juris_field]
        if replaced:
            notes.append(tr("Input fields replaced by the check's own in the output: {fields}.").format(
                fields=", ".join(replaced)))
        fields = QgsFields()
        for f in kept:
            fields.append(f)
        for f in computed:
            fields.append(f)
        sink, output_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                               WkbType.MultiPolygon, crs)
        overlap_fields = make_fields(OVERLAP_FIELDS)
        overlaps_sink, overlaps_id = self.parameterAsSink(parameters, self.OVERLAPS, context, overlap_fields,
                                                          WkbType.MultiPolygon, crs)
        outside_fields = make_fields(OUTSIDE_FIELDS)
        outside_sink, outside_id = self.parameterAsSink(parameters, self.BUILTUP_OUTSIDE, context,
                                                        outside_fields, WkbType.MultiPolygon, crs)
        summary_fields = make_fields(SUMMARY_FIELDS)
        summary_sink, summary_id = self.parameterAsSink(parameters, self.SUMMARY, context, summary_fields,
                                                        WkbType.NoGeometry)

        def polygon(geometry):
            # The sinks are 2D MultiPolygon: a 3D or single-part input must not be refused by the writer.
            multi = QgsGeometry(geometry)
            multi.convertToMultiType()
            multi.get().dropZValue()
            multi.get().dropMValue()
            return multi

        for town in result.townships:
            t = town.township
            feature = QgsFeature(fields)
            feature.setGeometry(polygon(t.geometry))
            for f in kept:
                feature[f.name()] = t.attributes.get(f.name())
            values = {
                TOWNSHIP: t.name, "juris": t.juris, "plan_zone": cl.ZONE_NAMES.get(town.kind),
                "area_km2": _km2(town.area_km2),
                "bu_km2": _km2(town.builtup_km2), "bu_out_km2": _km2(town.builtup_outside_km2),
                "bu_out_pct": town.builtup_outside_share,
                "zone_ok": None if town.consistent is None else int(town.consistent), "reason": town.reason,
            }
            for line in cl.LINES:
                values[f"{cl.LINE_PREFIX[line]}_km2"] = _km2(town.inside_km2[line])
                values[f"{cl.LINE_PREFIX[line]}_pct"] = town.share(line)
            for (a, b), code in cl.PAIRS.items():
                given = town.inside_km2[a] is not None and town.inside_km2[b] is not None
                values[f"{code}_km2"] = _km2(town.overlap_km2(code)) if given else None
            for name, value in values.items():
                feature[name] = value
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            for overlap in town.overlaps:
                row = QgsFeature(overlap_fields)
                row.setGeometry(polygon(overlap.geometry))
                row.setAttributes([t.name, t.juris, overlap.pair, cl.LINE_NAMES[overlap.line_a],
                                   cl.LINE_NAMES[overlap.line_b], _km2(overlap.km2)])
                overlaps_sink.addFeature(row, QgsFeatureSink.Flag.FastInsert)
            if town.builtup_outside is not None and town.builtup_outside_km2 * 1e6 > cl.OVERLAP_MIN_M2:
                row = QgsFeature(outside_fields)
                row.setGeometry(polygon(town.builtup_outside))
                row.setAttributes([t.name, t.juris, _km2(town.builtup_outside_km2), _km2(town.builtup_km2),
                                   town.builtup_outside_share])
                outside_sink.addFeature(row, QgsFeatureSink.Flag.FastInsert)
        for summary in result.summaries:
            row = QgsFeature(summary_fields)
            values = [summary.juris, summary.towns, _km2(summary.area_km2)]
            for line in cl.LINES:
                values += [_km2(summary.inside_km2[line]), summary.share(line)]
            values += [_km2(summary.overlap_km2[code]) for code in cl.PAIRS.values()]
            values += [_km2(summary.builtup_km2), _km2(summary.builtup_outside_km2), summary.checked,
                       summary.flagged]
            row.setAttributes(values)
            summary_sink.addFeature(row, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT: output_id, self.OVERLAPS: overlaps_id, self.BUILTUP_OUTSIDE: outside_id,
                self.SUMMARY: summary_id}

    def _report(self, check):
        result = check.detail
        def pct(value):
            return None if value is None else f"{value:.2f}%"

        def yes_no(value):
            return {True: tr("consistent"), False: tr("flagged"), None: tr("not checked")}[value]

        township_rows = []
        for town in result.townships:
            row = [town.township.name, town.township.juris, cl.ZONE_NAMES.get(town.kind), town.area_km2]
            for line in cl.LINES:
                row += [town.inside_km2[line], pct(town.share(line))]
            row += [town.builtup_outside_km2, yes_no(town.consistent), town.reason]
            township_rows.append(row)
        line_headers = []
        for line in cl.LINES:
            line_headers += [f"{cl.LINE_NAMES[line]} km²", f"{cl.LINE_NAMES[line]} %"]
        overlap_rows = [[t.township.name, f"{cl.LINE_NAMES[o.line_a]} × {cl.LINE_NAMES[o.line_b]}", o.km2]
                        for t in result.townships for o in t.overlaps]
        outside_rows = [[t.township.name, t.builtup_km2, t.builtup_outside_km2, pct(t.builtup_outside_share)]
                        for t in result.townships if t.builtup_outside_km2]
        summary_rows = []
        for s in result.summaries:
            row = [s.juris, s.towns, s.area_km2]
            for line in cl.LINES:
                row += [s.inside_km2[line], pct(s.share(line))]
            row += [s.overlap_km2[code] for code in cl.PAIRS.values()]
            row += [s.builtup_outside_km2, s.checked, s.flagged]
            summary_rows.append(row)
        pair_headers = [f"{cl.LINE_NAMES[a]} × {cl.LINE_NAMES[b]} km²" for a, b in cl.PAIRS]
        tables = [
            (tr("Summary by jurisdiction"),
             [tr("Jurisdiction"), tr("Townships"), tr("Area km²")] + line_headers + pair_headers
             + [tr("Built-up outside the development boundary km²"), tr("Checked"), tr("Flagged")], summary_rows),
            (tr("Townships"),
             [tr("Township"), tr("Jurisdiction"), tr("Plan zone"), tr("Area km²")] + line_headers
             + [tr("Built-up outside the development boundary km²"), tr("Zone check"), tr("Reason")],
             township_rows),
            (tr("Overlaps between control lines"), [tr("Township"), tr("Lines"), tr("Area km²")], overlap_rows),
            (tr("Built-up land outside the development boundary"),
             [tr("Township"), tr("Built-up km²"), tr("Outside km²"), tr("Share of built-up")], outside_rows),
        ]
        return render_report(tr("Control lines by township"), [], tables=tables, notes=check.notes,
                             method=check.method, inputs=check.inputs)
