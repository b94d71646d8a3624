"""A plan-check dossier of one jurisdiction: ONE PDF a planning bureau can hand over (issue #16).

From what the whole-plan check found (``core.checks.plan_check.PlanCheckResult``):

1. a cover: the plan's documents, the jurisdiction, the date, the data sources and the counts;
2. the summary table of every measured target: target, measured, verdict and the plan's text
   (document and line);
3. one page per measured target: its map (the townships in classes of the check's value, their
   boundaries and names drawn), its chart (``core.maps.charts``) and its definition (how it was
   measured, the plan's text, the check's method);
4. the targets not measured, and why.

One QgsPrintLayout of as many pages (A4 or A3, portrait), its texts as labels in the maps' CJK
font, exported by ``layout.export_layout`` (text kept as text: the PDF searches and copies).
The page drawing is ``core.maps.dossier_pages``.
"""
import datetime
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsProject,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ...compat import FieldType, is_null
from ...i18n import language, tr
from ..checks import builtup as bu
from ..checks.facility_presence import Presence, township_kind
from ..checks.plan_check import PlanCheckResult, PlanRow
from ..checks.targets import figure_text, unit_text
from . import chart_data, charts, content, result_styles
from .dossier_pages import DossierLayout
from .layout import export_layout
from .themes import cite_text

VALUE_FIELD = "cq_value"
PAPERS = ("a4", "a3")
CHART_WIDTH = 450  # pixels of a chart image on a page  # the PAPER enum of cq_urban:export_dossier: keep the order


@dataclass
class IndicatorPage:
    """What one measured target's page shows."""

    row: PlanRow
    citation: str
    values: dict                    # township name -> the check's value
    charts: list = field(default_factory=list)
    method: str = ""
    unit: str = ""
    presence: Optional[Presence] = None  # a facility in every township: the townships and the facilities


def citation_of(catalogue, row: PlanRow) -> str:
    """《document》file:line of the row's target (its document's title with the line)."""
    target = next((t for t in catalogue.targets if t.id == row.target_id), None)
    if target is None or target.cite is None:
        return row.citation
    return cite_text(catalogue, target.cite)


def indicator_pages(result: PlanCheckResult) -> List[IndicatorPage]:
    """One page per measured target, with the values and the charts of its measurement."""
    pages = []
    for row in result.rows:
        if not row.measured_here:
            continue
        measurement = next((m for m in result.measurements if row.target_id in [t.id for t in m.targets]), None)
        check = measurement.result if measurement is not None else None
        names, rows = chart_data.rows_of_result(check) if check is not None else ([], [])
        kind = check.check if check is not None else ""
        values = chart_data.township_values(kind, names, rows)
        found = []
        presence = check.detail if check is not None and isinstance(check.detail, Presence) else None
        if presence is not None:
            values = {u.name: 1.0 if u.has_facility else 0.0 for u in presence.units}
            # drawn, in a class of their own
            values.update({u.name: float(result_styles.NOT_COUNTED) for u in presence.not_counted})
            found = [c for c in [chart_data.presence_chart(presence.units, tr("{title}: facilities by township")
                                                           .format(title=row.label))] if c is not None]
        elif names:
            target = row.result.target if row.result is not None else None
            found = [c for c in (chart_data.township_chart(kind, names, rows, tr("{title}: by township").format(
                         title=row.label), target),
                     chart_data.split_chart(names, rows, tr("{title}: covered and uncovered served area").format(
                         title=row.label))) if c is not None]
        pages.append(IndicatorPage(row, citation_of(result.catalogue, row), values, found,
                                   check.method if check is not None else "", unit_text(row.unit), presence))
    return pages


def value_layer(townships, values: dict, name_field: str):
    """A copy of the township layer with the check's value of each township (VALUE_FIELD)."""
    copy = content.copy_layer(townships)
    provider = copy.dataProvider()
    provider.addAttributes([QgsField(VALUE_FIELD, FieldType.Double)])
    copy.updateFields()
    index = copy.fields().indexOf(VALUE_FIELD)
    names = [n for n in (name_field, "plan_name", *content.TOWNSHIP_NAME_FIELDS) if n in copy.fields().names()]
    changes = {}
    for feature in copy.getFeatures():
        value = next((values[str(feature[n])] for n in names if str(feature[n]) in values), None)
        if value is not None:
            changes[feature.id()] = {index: float(value)}
    provider.changeAttributeValues(changes)
    return copy


def kind_names() -> dict:
    """{measure kind: its name}: the plan check writes how a target was measured after its kind's code."""
    return {"builtup_area": tr("Built-up area"), "facility_coverage": tr("Facility coverage"),
            "land_share": tr("Land share"), "per_capita": tr("Per capita"), "population": tr("Population"),
            "distance_rule": tr("Distance rule")}


def role_words(text: str, role_names: dict, generated_only: bool = True) -> str:
    """``text`` with the layer roles the plan check writes as codes (townships, builtup, stops …) named as
    the interface names them; the catalogue's own words (its convention, after "Convention:") unchanged."""
    if not role_names or not text or language() != "zh":
        return text  # in English the codes read as the words they are
    head, tail = text, ""
    if generated_only:
        marker = tr("{how}. Convention: {text}").split("{how}")[-1].split("{text}")[0]
        at = text.find(marker) if marker else -1
        if at >= 0:
            head, tail = text[:at], text[at:]
    # The roles as the check's rows write them: their names (builtup) and their parameters (BUILTUP).
    role_names = {**role_names, **{role.upper(): name for role, name in role_names.items()}}
    pattern = re.compile(r"(?<![A-Za-z_])(" + "|".join(sorted(map(re.escape, role_names), key=len, reverse=True))
                         + r")(?![A-Za-z_])")

    def named(match):
        # A word of an English sentence the catalogue wrote ("park green space") is not a role.
        before, after = head[max(0, match.start() - 2):match.start()], head[match.end():match.end() + 2]
        english = (before.endswith(" ") and before[:1].isascii() and before[:1].isalpha()) or \
            (after.startswith(" ") and after[1:2].isascii() and after[1:2].isalpha())
        return match.group(1) if english else role_names[match.group(1)]
    head = pattern.sub(named, head)
    # "公交站点（STOPS）" would read 公交站点（公交站点（点））, "沿道路（ROADS）" 沿道路（道路和步行道（线））: the
    # words the role's name begins with, before it in brackets, are the name said twice.
    for name in set(role_names.values()):
        for end in range(len(name), 1, -1):
            head = head.replace(f"{name[:end]}（{name}）", name)
    return head + tail


def reason_text(catalogue, row: PlanRow, role_names: dict) -> str:
    """Why a target was not measured, the layer roles the check names as the interface names them; the
    catalogue's own reason (its measure block's) as the catalogue writes it."""
    target = next((t for t in catalogue.targets if t.id == row.target_id), None)
    if target is not None and target.measure is not None and row.reason == target.measure.said("reason", language()):
        return row.reason
    return role_words(row.reason, role_names, generated_only=False)


def export_dossier(result: PlanCheckResult, townships, path, paper: str = "a4", name_field: str = "",
                   sources: Sequence[str] = (), role_names: Optional[dict] = None, feedback=None) -> dict:
    """Lay the dossier out and write it to ``path`` (PDF); returns {'pages': n, 'indicators': m}.
    ``role_names``: {layer role: its name in the interface}, for the texts the plan check writes."""
    role_names = role_names or {}
    catalogue = result.catalogue
    name_field = name_field or (bu.default_name_field(townships.fields().names()) if townships is not None else "")
    project = QgsProject()
    dossier = DossierLayout(project, paper)
    counts = result.counts()
    documents = [f"《{d.title}》" for d in catalogue.documents.values()]
    dossier.cover(tr("Plan check dossier: {jurisdiction}").format(jurisdiction=catalogue.name), documents, [
        tr("Jurisdiction: {name}").format(name=catalogue.name),
        tr("Date: {date}").format(date=datetime.date.today().isoformat()),
        tr("{measured} of {targets} targets measured, {met} met, {not_met} not met").format(
            measured=counts["MEASURED_COUNT"], targets=counts["TARGETS"], met=counts["MET_COUNT"],
            not_met=counts["NOT_MET_COUNT"])], list(sources))
    pages = indicator_pages(result)
    for page in pages:
        page.row.how = role_words(page.row.how, {**kind_names(), **role_names})
    dossier.table(tr("Targets measured, with their verdicts"), [
        (tr("Indicator"), 46), (tr("Year"), 11), (tr("Target"), 20), (tr("Measured"), 22), (tr("Unit"), 15),
        (tr("Result"), 17), (tr("Plan text"), 59)],
        [([p.row.label, str(p.row.year or ""), p.row.target or "", figure_text(p.row.measured, p.row.unit), p.unit,
           p.row.verdict, p.citation], p.row.passed) for p in pages])
    with tempfile.TemporaryDirectory(prefix=".cq_dossier_", dir=str(Path(path).parent)) as folder:
        for number, page in enumerate(pages, 1):
            dossier.indicator_page(page, _map_of(page, townships, name_field, catalogue, project, feedback),
                                   _chart_files(page, Path(folder), number, dossier.family))
        missing = result.not_measured()
        dossier.table(tr("Targets not measured, and why"), [
            (tr("Indicator"), 52), (tr("Year"), 11), (tr("Plan text"), 55), (tr("Why"), 72)],
            [([r.label, str(r.year or ""), citation_of(catalogue, r), reason_text(catalogue, r, role_names)], None)
             for r in missing])
        dossier.number_pages()
        export_layout(dossier.layout, path, dpi=150, feedback=feedback)
    return {"pages": dossier.page_count, "indicators": len(pages)}


def _map_of(page: IndicatorPage, townships, name_field, catalogue, project, feedback) -> Optional[object]:
    """The page's thematic map: the townships in classes of the value, or their boundaries alone."""
    if townships is None:
        return None
    layer = value_layer(townships, page.values, name_field)
    if page.presence is not None:
        return _presence_map(page, layer, catalogue, project, feedback)
    shown = VALUE_FIELD if any(v is not None for v in page.values.values()) else ""
    # A figure per township: in the land-share classes; none (a count over the jurisdiction, a facility in
    # every township): the boundaries alone, which an overlay theme of no field of its own draws.
    theme_key = "land_share" if shown else "control_lines"
    thematic = content.prepare_thematic_map(layer, theme_key, field_name=shown, title=page.row.label,
                                            catalogue=catalogue, project=project, feedback=feedback)
    unit = page.charts[0].unit if page.charts else page.unit  # the townships' figures' (persons, not 万人)
    thematic.main.setName(f"{page.row.label}（{unit}）" if shown and unit else
                          page.row.label if shown else tr("Townships"))
    if shown and any(is_null(f[VALUE_FIELD]) for f in layer.getFeatures()):
        _no_figure_class(thematic.main)
    return thematic


def _no_figure_class(main):
    """The classes of the figure, and the townships without one (no residential land to cover, say) drawn
    white, outlined and named all the same: a graduated renderer leaves them out, labels and all."""
    renderer = QgsRuleBasedRenderer.convertFromRenderer(main.renderer())
    symbol = QgsFillSymbol.createSimple({"color": "#ffffff", **content.OUTLINE})
    renderer.rootRule().appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "ELSE", tr("No figure")))
    main.setRenderer(renderer)


def facility_layer(presence: Presence, name: str):
    """The facilities of a presence check as the points they were counted at (a memory layer)."""
    layer = QgsVectorLayer(f"Point?crs={presence.crs.authid()}", name, "memory")
    features = []
    for point in presence.points:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(point)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _presence_map(page: IndicatorPage, layer, catalogue, project, feedback):
    """The townships with a facility of the kind and those without (VALUE_FIELD 1 / 0), the facilities on top."""
    facilities = facility_layer(page.presence, tr("Facilities"))
    thematic = content.prepare_thematic_map(layer, "control_lines", title=page.row.label, catalogue=catalogue,
                                            extra_layers=[facilities], project=project, feedback=feedback)
    kinds = sorted({township_kind(u.name, catalogue) for u in page.presence.not_counted} - {""})
    thematic.main.setRenderer(result_styles.presence_renderer(
        VALUE_FIELD, content.OUTLINE, not_counted=bool(page.presence.not_counted), not_counted_kinds="、".join(kinds)))
    thematic.main.setName(tr("Townships"))
    for extra in thematic.extras:
        extra.setRenderer(QgsSingleSymbolRenderer(result_styles.facility_symbol()))
        extra.setName(tr("Facilities of the kind ({n})").format(n=len(page.presence.points)))
    return thematic


def _chart_files(page: IndicatorPage, folder: Path, number: int, family: str) -> List[str]:
    files = []
    for index, chart in enumerate(page.charts, 1):
        chart.label_size = 13.0  # the page shows the image a few centimetres high: names as large as the rows allow
        # Narrow images: beside each other on the page, their rows as high as the page allows.
        files.append(charts.write_png(chart, folder / f"chart_{number}_{index}.png", family, width=CHART_WIDTH))
    return files
