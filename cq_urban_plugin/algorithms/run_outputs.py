"""What happens to a check's result layers when the desktop loads them (issue 22).

A check attaches one post-processor per output it will load (toolbox, panel,
model run): on the interface's thread, when QGIS has added the layer to the
project, the post-processor styles it in the plan's terms
(``core.maps.result_styles``), names it after the run (output, target, time) and
puts it into the run's own group of the layer tree, whose name carries the
check, the target, the verdict and the time. A rerun therefore gets a group of
its own instead of piling up identically named layers.
"""
import itertools
from datetime import datetime
from pathlib import Path

from qgis.core import QgsLayerTreeGroup, QgsProcessingLayerPostProcessorInterface, QgsProject

from ..core.maps import result_styles
from ..definitions import CHECK_SUMMARY_PROPERTY, RESULT_KIND_PROPERTY
from ..i18n import tr

# Post-processors must outlive the algorithm until QGIS has loaded the layers; QGIS does not own them.
_KEPT = []
_RUN_NUMBERS = itertools.count(1)


class CheckRun:
    """One run of a check: its label, verdict and (once the first layer arrives) its layer-tree group."""

    def __init__(self, check: str, target: str = "", verdict: str = "", when: datetime = None, summary: str = ""):
        self.check, self.target, self.verdict = check, target, verdict
        self.summary = summary  # target, measured value and verdict, for the map's subtitle
        self.number = next(_RUN_NUMBERS)
        self.time = (when or datetime.now()).strftime("%H:%M:%S")
        self.group = None
        self.group_name = ""

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.check, self.target) if p)

    def layer_name(self, kind: str, layer=None) -> str:
        details = ", ".join(p for p in (self.target, self.time, f"#{self.number}") if p)
        return f"{result_styles.output_label(kind, layer)} ({details})"

    def group_for(self, project) -> QgsLayerTreeGroup:
        root = project.layerTreeRoot()
        if self.group is not None and self.group.parent() is not None:
            return self.group
        base = " · ".join(p for p in (self.label, self.verdict, f"{self.time} #{self.number}") if p)
        name, number = base, 1
        while root.findGroup(name) is not None:  # two runs in one second: numbered
            number += 1
            name = f"{base} ({number})"
        self.group_name = name
        self.group = root.insertGroup(0, name)
        return self.group


class ResultLayerPostProcessor(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, run: CheckRun, kind: str):
        super().__init__()
        self.run, self.kind = run, kind

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS's name)
        result_styles.style_result_layer(layer, self.kind)
        result_styles.set_field_aliases(layer, kind=self.kind)
        layer.setName(self.run.layer_name(self.kind, layer))
        # What export_map reads: which output this is (its style on a map) and the run's verdict.
        layer.setCustomProperty(RESULT_KIND_PROPERTY, self.kind)
        if self.run.summary:
            layer.setCustomProperty(CHECK_SUMMARY_PROPERTY, self.run.summary)
        project = context.project() or QgsProject.instance()
        group = self.run.group_for(project)
        node = project.layerTreeRoot().findLayer(layer.id())
        if node is None:
            group.addLayer(layer)
            return
        parent = node.parent()
        if parent is group:
            return
        group.addChildNode(node.clone())
        if parent is not None:
            parent.removeChildNode(node)


def unit_text(unit) -> str:
    """The unit of a check's MEASURED as its verdict shows it: %, km², 平方米/人, 万人 …"""
    return {"percent": "%", "km2": "km²", "townships": tr("townships"), "m2_per_person": tr("m² per person"),
            "10k_persons": tr("10,000 persons"), "persons": tr("persons"), "count": tr("count")}.get(unit or "", "")


def plan_verdict_text(results: dict) -> str:
    """'3 of 5 targets met': the whole-plan check's counts."""
    if results.get("MEASURED_COUNT") is None:
        return ""
    return tr("{met} of {measured} targets met").format(met=results.get("MET_COUNT") or 0,
                                                        measured=results.get("MEASURED_COUNT") or 0)


def summary_text(check: str, results: dict) -> str:
    """'Built-up check: target 60 km², measured 63.50 km², met' for the map of a check."""
    measured, target, passed = results.get("MEASURED"), results.get("TARGET"), results.get("PASSED")
    unit = unit_text(results.get("UNIT"))
    if measured is None:
        return ""
    parts = []
    if target is not None:
        parts.append(tr("target {value}").format(value=f"{target:g} {unit}".strip()))
    parts.append(tr("measured {value}").format(value=f"{measured:.2f} {unit}".strip()))
    if passed is not None:
        parts.append(tr("met") if passed else tr("not met"))
    return f"{check}: " + tr(", ").join(parts)


def verdict_text(results: dict) -> str:
    """'not met 138.40 / 145 km²', 'met 98.38 / 90 %', or the measured figure alone."""
    measured, target, passed = results.get("MEASURED"), results.get("TARGET"), results.get("PASSED")
    unit = unit_text(results.get("UNIT"))
    if measured is None:
        return ""
    if target is None or passed is None:
        return f"{measured:.2f} {unit}".strip()
    status = tr("met") if passed else tr("not met")
    return f"{status} {measured:.2f} / {target:g} {unit}".strip()


def attach(context, results: dict, kinds: dict, run: CheckRun):
    """Post-processors for the outputs ``kinds`` ({output name: result_styles kind}) that QGIS will load.

    Called at the end of processAlgorithm, after the outputs were moved into place: layer details
    taken before that would be replaced (see tag_townships)."""
    for output, kind in kinds.items():
        destination = results.get(output)
        if not isinstance(destination, str) or not destination \
                or not context.willLoadLayerOnCompletion(destination):
            continue
        processor = ResultLayerPostProcessor(run, kind)
        _KEPT[:] = _KEPT[-39:] + [processor]
        context.layerToLoadOnCompletionDetails(destination).setPostProcessor(processor)


def run_target(algorithm, parameters, context) -> str:
    """The target a run checks against, as its name shows it: the catalogue's id, or the typed value."""
    target_id = (algorithm.parameterAsString(parameters, "TARGET_ID", context) or "").strip()
    if target_id:
        return target_id
    if parameters.get("TARGET_VALUE") not in (None, ""):
        return f"{algorithm.parameterAsDouble(parameters, 'TARGET_VALUE', context):g}"
    return ""


def add_coverage_outputs(algorithm, counted, duplicates):
    """The outputs both coverage checks declare (SERVICE_AREA, UNCOVERED, TABLE, REPORT and the
    results), ``counted`` and ``duplicates`` naming what they count: (name, description) each."""
    from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterFileDestination

    from ..compat import ProcessingSourceType

    algorithm.addParameter(QgsProcessingParameterFeatureSink(
        algorithm.SERVICE_AREA, tr("Service area"), ProcessingSourceType.VectorPolygon, optional=True))
    algorithm.addParameter(QgsProcessingParameterFeatureSink(
        algorithm.UNCOVERED, tr("Uncovered served area"), ProcessingSourceType.VectorPolygon, optional=True))
    algorithm.addParameter(QgsProcessingParameterFeatureSink(
        algorithm.TABLE, tr("Coverage by township"), ProcessingSourceType.Vector, optional=True))
    algorithm.addParameter(QgsProcessingParameterFileDestination(
        algorithm.REPORT, tr("Report"), tr("HTML files (*.html)"), optional=True, createByDefault=False))
    algorithm.add_result_outputs(
        ("AREA_PERCENT", tr("Coverage by area (%)")), ("POPULATION_PERCENT", tr("Coverage by population (%)")),
        ("SERVED_KM2", tr("Served area (km²)")), ("COVERED_KM2", tr("Covered (km²)")), counted, duplicates)


def attach_coverage_outputs(algorithm, parameters, context, results, label: str):
    """Style and name a coverage check's outputs when they are loaded, its run named ``label``."""
    attach(context, results, {algorithm.SERVICE_AREA: result_styles.SERVICE_AREA,
                              algorithm.UNCOVERED: result_styles.UNCOVERED,
                              algorithm.TABLE: result_styles.COVERAGE_TABLE},
           CheckRun(label, run_target(algorithm, parameters, context), verdict_text(results),
                    summary=summary_text(label, results)))


# --- every check's tables also as one Excel workbook (TABLE_XLSX, AREA_UNIT), declared and written once ---

TABLE_XLSX, AREA_UNIT, CHARTS = "TABLE_XLSX", "AREA_UNIT", "CHARTS"


def add_workbook_parameters(algorithm):
    """The workbook output and its area unit, after a check's own parameters (CqAlgorithm adds them)."""
    from qgis.core import QgsProcessingOutputString, QgsProcessingParameterEnum, QgsProcessingParameterFileDestination

    algorithm.addParameter(QgsProcessingParameterEnum(
        AREA_UNIT, tr("Area unit of the Excel tables"), options=[tr("km²"), tr("公顷 (hectares)"), tr("亩 (mu)")],
        defaultValue=0))
    algorithm.addParameter(QgsProcessingParameterFileDestination(
        TABLE_XLSX, tr("Tables as an Excel workbook (.xlsx)"), tr("Excel workbooks (*.xlsx)"), optional=True,
        createByDefault=False))
    algorithm.addOutput(QgsProcessingOutputString(CHARTS, tr("Chart images written beside the report")))


def _table_sinks(algorithm):
    from qgis.core import QgsProcessingParameterFeatureSink

    from ..compat import ProcessingSourceType

    return [d for d in algorithm.parameterDefinitions() if isinstance(d, QgsProcessingParameterFeatureSink)
            and d.dataType() == ProcessingSourceType.Vector]


def prepare_workbook(algorithm, parameters, context):
    """(parameters, workbook path or None, table outputs not asked for): with a workbook or a report asked
    for, the tables the user left empty are still written, into memory, so that the workbook has them
    and the report's charts can be drawn from them."""
    algorithm._xlsx_tables = None
    if algorithm.parameterDefinition(TABLE_XLSX) is None:
        return parameters, None, []
    workbook = algorithm.parameterAsFileOutput(parameters, TABLE_XLSX, context)
    if not workbook and not (algorithm.parameterDefinition("REPORT") is not None
                             and algorithm.parameterAsFileOutput(parameters, "REPORT", context)):
        return parameters, None, []
    algorithm._xlsx_tables = {}
    algorithm._xlsx_unit = algorithm.parameterAsEnum(parameters, AREA_UNIT, context)
    parameters, unasked = dict(parameters), []
    for definition in _table_sinks(algorithm):
        if parameters.get(definition.name()) in (None, ""):
            parameters[definition.name()] = "TEMPORARY_OUTPUT"
            unasked.append(definition.name())
    return parameters, workbook, unasked


class _RecordingSink:
    """A table sink that also keeps the rows it accepted, for the workbook."""

    def __init__(self, sink, rows):
        self._sink, self._rows = sink, rows

    def addFeature(self, feature, *args):  # noqa: N802 (QGIS's name)
        done = self._sink.addFeature(feature, *args)
        self._rows.append(list(feature.attributes()))
        return done

    def addFeatures(self, features, *args):  # noqa: N802 (QGIS's name)
        features = list(features)
        done = self._sink.addFeatures(features, *args)
        self._rows.extend(list(f.attributes()) for f in features)
        return done

    def __getattr__(self, name):
        return getattr(self._sink, name)


def record_table(algorithm, name, sink, fields, geometry_type=None):
    """``sink``, recording its rows when it is a table (no geometry) and a workbook or a report is asked for."""
    from ..compat import WkbType

    tables = algorithm.__dict__.get("_xlsx_tables")
    if tables is None or fields is None or geometry_type != WkbType.NoGeometry:
        return sink
    rows = []
    tables[name] = (fields, rows)
    return _RecordingSink(sink, rows)


def whole_rows() -> tuple:
    """Labels of the table rows that are a whole already, not one township (coverage's last row)."""
    return (tr("Whole served area"),)


def workbook_sheets(algorithm, tables: dict):
    """The sheets of the workbook: one per table, headed in the interface's words."""
    from ..compat import FieldType
    from ..core.files.xlsx import Sheet, column_kind

    kind = result_styles.LAND_SHARE_TABLE if algorithm.name() == "check_land_share" else result_styles.PLAN_SUMMARY
    sheets = []
    for name, (fields, rows) in tables.items():
        names = fields.names()
        kinds = [column_kind(f.name(), f.type() == FieldType.String, f.type() in (FieldType.Int, FieldType.LongLong))
                 for f in fields]
        definition = algorithm.parameterDefinition(name)
        sheets.append(Sheet(definition.description() if definition is not None else name, names, kinds,
                            result_styles.table_headers(names, kind), rows, whole_rows()))
    return sheets


def write_workbook(algorithm, results: dict, workbook, unasked) -> dict:
    """Write the workbook and the report's charts from the tables the run wrote; the tables not asked for are
    not results."""
    tables = algorithm.__dict__.get("_xlsx_tables")
    algorithm._xlsx_tables = None
    if tables is None:
        return results
    from ..core.files.xlsx import AREA_UNITS, write_xlsx

    results = dict(results)
    for name in unasked:
        results[name] = None
    if workbook:
        unit = AREA_UNITS[algorithm.__dict__.get("_xlsx_unit", 0)]
        results[TABLE_XLSX] = write_xlsx(workbook, workbook_sheets(algorithm, tables), unit)
    report = results.get("REPORT")
    if isinstance(report, str) and report and Path(report).is_file():
        results[CHARTS] = add_report_charts(algorithm, report, tables, results) or None
    return results


def add_report_charts(algorithm, report: str, tables: dict, results: dict) -> str:
    """Draw the charts of the run's tables as PNG (and SVG) files beside the report, and put them into
    it: ``report_chart1.png`` …; returns the files written, separated by ';'."""
    import html
    import re

    from ..core.checks.report import add_charts
    from ..core.maps import chart_data, charts, fonts

    page = Path(report).read_text(encoding="utf-8")
    found = re.search(r"<h1>(.*?)</h1>", page, re.S)
    title = html.unescape(found.group(1)) if found else algorithm.displayName()
    drawn = [chart for fields, rows in tables.values()
             for chart in chart_data.charts_of_table(algorithm.name(), fields.names(), rows, title,
                                                     results.get("TARGET"), whole_rows())]
    if not drawn:
        return ""
    family = fonts.cjk_font_family()
    written, embedded = [], []
    base = Path(report)
    for number, chart in enumerate(drawn, 1):
        png = base.with_name(f"{base.stem}_chart{number}.png")
        charts.write_png(chart, png, family)
        charts.write_svg(chart, png.with_suffix(".svg"), family)
        written.append(str(png))
        embedded.append((chart.title, charts.png_bytes(chart, family), png.name))
    add_charts(report, embedded)
    return ";".join(written)
