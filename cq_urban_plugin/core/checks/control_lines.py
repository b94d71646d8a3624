"""Townships against the three control lines (三条控制线) and their plan zones.

Every plan revision checks each township's planned function against the
生态保护红线 (ecological protection red line), the 永久基本农田 (permanent basic
farmland) and the 城镇开发边界 (urban development boundary). 江津's 14th
five-year plan puts each of its 30 towns in one of three function zones,
城市化发展区 / 农产品主产区 / 生态功能区 (001_c0dc96b9baef37ce.txt l.1375);
开州 names its 城市化发展区 (003_19d1efc2983d1444.txt l.135).

Per township this module measures the area and share inside each line given,
the overlaps between any two lines (land cannot be both red line and farmland,
nor either and development land), the built-up land outside the development
boundary, and whether the measurements agree with the township's plan zone.
All geometry work is done by the kernel ``core.kernels.control_lines`` in the
working Gauss-Krüger CRS, and every area by ``measure.AreaMeter``. No GUI code.

The entry point is ``check_control_lines``: layers and options in, a
``CheckResult`` out (the flagged count as its verdict, a ``TownshipResult`` per
township, notes, inputs, method, the further declared figures, and the whole
``ControlLinesResult`` as its detail), callable from a script or a test without
Processing. ``measure_townships`` is its kernel, on townships already read.
"""
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from qgis.core import QgsGeometry

from ... import definitions
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from ..geo.inputs import layer_label
from ..geo.measure import AreaMeter, AreaMethod, Projection
from ..geo.overlay import as_qgis, as_shapely, overlapping_pairs
from ..geo.workspace import Workspace
from ..kernels.control_lines import lines_by_zone
from .result import CheckResult
from .targets import TargetResult

# The three control lines, in the order the plans list them.
ECOLOGY, FARMLAND, DEVELOPMENT = "ecology", "farmland", "development"
LINES = (ECOLOGY, FARMLAND, DEVELOPMENT)
# The plan's own names: written into the outputs as data, not translated.
LINE_NAMES = {ECOLOGY: "生态保护红线", FARMLAND: "永久基本农田", DEVELOPMENT: "城镇开发边界"}
# Output field prefixes (field names stay ≤ 10 characters for shapefiles).
LINE_PREFIX = {ECOLOGY: "eco", FARMLAND: "farm", DEVELOPMENT: "dev"}
# Codes of the three pairs of lines, as written in OVERLAPS.pair and the summary fields.
PAIRS = OrderedDict([((ECOLOGY, FARMLAND), "ef"), ((ECOLOGY, DEVELOPMENT), "ed"),
                     ((FARMLAND, DEVELOPMENT), "fd")])

# Plan zones (主体功能分区, 001 l.1375), as normalised kinds.
URBAN, AGRICULTURE, ECOLOGICAL = "urban", "agri", "eco"
ZONE_NAMES = {URBAN: "城市化发展区", AGRICULTURE: "农产品主产区", ECOLOGICAL: "生态功能区"}
ZONE_CITATION = "001_c0dc96b9baef37ce.txt l.1375"
# Overlaps smaller than this (m²) are rounding noise of the overlay, not conflicts.
OVERLAP_MIN_M2 = 1.0
# The township layer's fields read when none is chosen (both written by cq_urban:tag_townships).
DEFAULT_ZONE_FIELD = "zone"
DEFAULT_JURIS_FIELD = "juris"
# The measured figure (MEASURED) is the number of townships flagged.
UNIT = "townships"
# The further figures the check declares as outputs (CheckResult.extras).
FLAGGED, CHECKED, TOWNSHIPS_COUNT = "FLAGGED", "CHECKED", "TOWNSHIPS_COUNT"
OVERLAP_KM2, BUILTUP_OUTSIDE_KM2 = "OVERLAP_KM2", "BUILTUP_OUTSIDE_KM2"


def line_label(line: str) -> str:
    return {
        ECOLOGY: tr("ecological protection red line (生态保护红线)"),
        FARMLAND: tr("permanent basic farmland (永久基本农田)"),
        DEVELOPMENT: tr("urban development boundary (城镇开发边界)"),
    }[line]


def zone_kind(value) -> Optional[str]:
    """The plan zone a field value names, or None.

    Accepts the plan's wordings and their usual variants: 城市化发展区 / 城市化地区
    (l.1375 uses both), 农产品主产区, 生态功能区 / 重点生态功能区, and the English
    legend labels.
    """
    if value is None:
        return None
    text = str(value).strip().lower()
    if not text or text == "null":
        return None
    if "城市化" in text or "城镇化" in text or "urban" in text:
        return URBAN
    if "农产品" in text or "农业" in text or "agri" in text:
        return AGRICULTURE
    if "生态" in text or "ecolog" in text:
        return ECOLOGICAL
    return None


@dataclass
class Thresholds:
    """When a township's measurements disagree with its plan zone, in percent of its area.

    Defaults: a 生态功能区 town is to "着重保护生态环境" and move population out, so more
    than half of it inside the development boundary contradicts that; a 城市化发展区 town
    is where "建设用地增量重点保障" goes, so less than 1% inside the boundary means it
    has no room to grow; a 农产品主产区 town "重点保障粮食安全", so less than 10% of its
    area in permanent basic farmland, or more than half inside the development
    boundary ("控制…国土开发强度"), contradicts it (all 001 l.1375).
    """

    ecology_max_development: float = 50.0
    urban_min_development: float = 1.0
    agriculture_min_farmland: float = 10.0
    agriculture_max_development: float = 50.0

    def describe(self) -> str:
        return tr(
            "A township is flagged when its plan zone ({cite}) and the control lines disagree: "
            "生态功能区 with more than {eco:g}% of its area inside the urban development boundary; "
            "城市化发展区 with less than {urban:g}% inside it; 农产品主产区 with less than {farm:g}% "
            "permanent basic farmland or more than {farmdev:g}% inside the development boundary.").format(
            cite=ZONE_CITATION, eco=self.ecology_max_development, urban=self.urban_min_development,
            farm=self.agriculture_min_farmland, farmdev=self.agriculture_max_development) + " " + (
            tr("These thresholds are the plugin's defaults, not figures of the plan: the plan states each zone's "
               "direction (001 l.1375) but no percentage.")
            if self == Thresholds() else
            tr("These thresholds were set for this run; the plan states each zone's direction (001 l.1375) but no "
               "percentage."))


@dataclass
class Township:
    """One township as the check reads it (geometry already in the working CRS)."""

    fid: int
    name: str
    geometry: QgsGeometry
    zone: Optional[str] = None
    juris: Optional[str] = None
    attributes: Dict[str, object] = field(default_factory=dict)


@dataclass
class Overlap:
    line_a: str
    line_b: str
    geometry: QgsGeometry
    km2: float

    @property
    def pair(self) -> str:
        return PAIRS[(self.line_a, self.line_b)]


@dataclass
class TownshipResult:
    township: Township
    area_km2: float
    inside_km2: Dict[str, Optional[float]]          # line -> km² inside it; None when the line is not given
    overlaps: List[Overlap]
    builtup_km2: Optional[float] = None
    builtup_outside: Optional[QgsGeometry] = None
    builtup_outside_km2: Optional[float] = None
    kind: Optional[str] = None
    consistent: Optional[bool] = None              # None: not checked
    reason: str = ""

    def share(self, line: str) -> Optional[float]:
        km2 = self.inside_km2.get(line)
        if km2 is None:
            return None
        return 100.0 * km2 / self.area_km2 if self.area_km2 > 0 else 0.0

    @property
    def builtup_outside_share(self) -> Optional[float]:
        if self.builtup_outside_km2 is None or not self.builtup_km2:
            return None
        return 100.0 * self.builtup_outside_km2 / self.builtup_km2

    def overlap_km2(self, pair: str) -> float:
        return sum(o.km2 for o in self.overlaps if o.pair == pair)


@dataclass
class JurisdictionSummary:
    juris: str
    towns: int = 0
    area_km2: float = 0.0
    inside_km2: Dict[str, Optional[float]] = field(default_factory=dict)
    overlap_km2: Dict[str, Optional[float]] = field(default_factory=dict)
    builtup_km2: Optional[float] = None
    builtup_outside_km2: Optional[float] = None
    flagged: int = 0
    checked: int = 0

    def share(self, line: str) -> Optional[float]:
        km2 = self.inside_km2.get(line)
        if km2 is None:
            return None
        return 100.0 * km2 / self.area_km2 if self.area_km2 > 0 else 0.0


@dataclass
class ControlLinesResult:
    townships: List[TownshipResult]
    summaries: List[JurisdictionSummary]
    lines_given: List[str]
    notes: List[str]
    # Set by check_control_lines: how the run was measured and which fields it read.
    projection: Optional[Projection] = None
    thresholds: Optional[Thresholds] = None
    juris_field: Optional[str] = None

    @property
    def flagged(self) -> List[TownshipResult]:
        return [t for t in self.townships if t.consistent is False]

    @property
    def checked(self) -> List[TownshipResult]:
        return [t for t in self.townships if t.consistent is not None]


def _percent(value: Optional[float]) -> str:
    return "—" if value is None else f"{value:.1f}%"


def judge_zone(kind: Optional[str], zone_value, shares: Dict[str, Optional[float]],
               thresholds: Thresholds, zone_checked: bool = True) -> (Optional[bool], str):
    """(consistent, reason) of one township: True / False, or None when it cannot be checked.

    ``shares`` maps each line to the percentage of the township inside it (None: line not given).
    """
    if not zone_checked:
        return None, tr("not checked: the township layer has no plan zone field")
    if kind is None:
        if zone_value is None or str(zone_value).strip() in ("", "NULL"):
            return None, tr("not checked: no plan zone for this township")
        return None, tr("not checked: plan zone '{zone}' is not one of 城市化发展区, 农产品主产区, 生态功能区").format(
            zone=zone_value)
    development, farmland = shares.get(DEVELOPMENT), shares.get(FARMLAND)
    zone = ZONE_NAMES[kind]
    problems, fine, missing = [], [], []

    def rule(share, line, limit, above):
        if share is None:
            missing.append(LINE_NAMES[line])
            return
        text = tr("{zone} with {share} of its area in {line}").format(
            zone=zone, share=_percent(share), line=LINE_NAMES[line])
        if (share > limit) if above else (share < limit):
            problems.append(text + " " + (tr("(more than {limit:g}%)") if above else
                                          tr("(less than {limit:g}%)")).format(limit=limit))
        else:
            fine.append(_percent(share) + " " + LINE_NAMES[line])

    if kind == ECOLOGICAL:
        rule(development, DEVELOPMENT, thresholds.ecology_max_development, above=True)
    elif kind == URBAN:
        rule(development, DEVELOPMENT, thresholds.urban_min_development, above=False)
    else:
        rule(farmland, FARMLAND, thresholds.agriculture_min_farmland, above=False)
        rule(development, DEVELOPMENT, thresholds.agriculture_max_development, above=True)
    if problems:
        return False, "; ".join(problems)
    if not fine:
        return None, tr("not checked: {zone} needs the {lines} layer").format(zone=zone, lines=", ".join(missing))
    reason = tr("consistent with {zone}: {measures}").format(zone=zone, measures=", ".join(fine))
    if missing:
        reason += "; " + tr("not checked against {lines} (layer not given)").format(lines=", ".join(missing))
    return True, reason


def _km2(meter: AreaMeter, values, planar) -> list:
    """km² of a kernel's geometries (None: 0): its planar figures in one zone, else the meter's."""
    return [float(a) / 1e6 for a in planar] if meter.planar else meter.km2_each(as_qgis(values), values, planar)


def _result(township: Township, position: int, found, km2, lines_given, meter: AreaMeter, thresholds: Thresholds,
            zone_checked: bool, area: float) -> TownshipResult:
    """One township's figures from the kernel's arrays (``found``) and their areas (``km2``)."""
    inside: Dict[str, Optional[float]] = {line: None for line in LINES}
    for line in lines_given:
        inside[line] = km2[line][position]
    overlaps = [Overlap(a, b, as_qgis([values[position]])[0], km2[(a, b)][position])
                for (a, b), values in found.overlaps.items()
                if values[position] is not None and km2[(a, b)][position] * 1e6 > OVERLAP_MIN_M2]
    result = TownshipResult(township, area, inside, overlaps)
    if found.builtup is not None:
        result.builtup_km2 = km2["builtup"][position]
        if found.builtup_outside is not None:
            result.builtup_outside = as_qgis([found.builtup_outside[position]])[0]
            result.builtup_outside_km2 = km2["builtup_outside"][position]
    result.kind = zone_kind(township.zone)
    shares = {line: result.share(line) for line in LINES}
    result.consistent, result.reason = judge_zone(result.kind, township.zone, shares, thresholds, zone_checked)
    return result


def summarise(results: Sequence[TownshipResult], lines_given: Sequence[str], with_builtup: bool,
              whole: str) -> List[JurisdictionSummary]:
    """One row per jurisdiction (``Township.juris``; ``whole`` names townships without one)."""
    summaries: OrderedDict[str, JurisdictionSummary] = OrderedDict()
    with_outside = with_builtup and DEVELOPMENT in lines_given
    for result in results:
        key = result.township.juris or whole
        summary = summaries.get(key)
        if summary is None:
            summary = JurisdictionSummary(
                key,
                inside_km2={line: (0.0 if line in lines_given else None) for line in LINES},
                overlap_km2={code: (0.0 if a in lines_given and b in lines_given else None)
                             for (a, b), code in PAIRS.items()},
                builtup_km2=0.0 if with_builtup else None,
                builtup_outside_km2=0.0 if with_outside else None)
            summaries[key] = summary
        summary.towns += 1
        summary.area_km2 += result.area_km2
        for line in lines_given:
            summary.inside_km2[line] += result.inside_km2[line] or 0.0
        for code, value in summary.overlap_km2.items():
            if value is not None:
                summary.overlap_km2[code] = value + result.overlap_km2(code)
        if with_builtup:
            summary.builtup_km2 += result.builtup_km2 or 0.0
        if with_outside:
            summary.builtup_outside_km2 += result.builtup_outside_km2 or 0.0
        summary.checked += result.consistent is not None
        summary.flagged += result.consistent is False
    return list(summaries.values())


def measure_townships(townships: Sequence[Township], lines: Dict[str, Sequence[QgsGeometry]],
                      builtup: Optional[Sequence[QgsGeometry]], meter: AreaMeter,
                      thresholds: Thresholds = None, zone_checked: bool = True,
                      feedback=None) -> ControlLinesResult:
    """Measure every township against the control lines given (``lines``: line -> polygons in the
    working CRS; absent lines are left out), and judge it against its plan zone.

    ``zone_checked`` False: the township layer has no zone field, so no township is judged
    (the areas are still measured).
    """
    thresholds = thresholds or Thresholds()
    lines_given = [line for line in LINES if line in lines and lines[line] is not None]

    def progress(share):
        check_cancel(feedback)
        if feedback is not None:
            feedback.setProgress(100.0 * share)

    shapes = as_shapely([t.geometry for t in townships])
    found = lines_by_zone(shapes, {line: as_shapely(lines[line]) for line in lines_given},
                          as_shapely(builtup) if builtup is not None else None,
                          DEVELOPMENT if DEVELOPMENT in lines_given else "", progress)
    values = {**found.pieces, **found.overlaps, "builtup": found.builtup, "builtup_outside": found.builtup_outside}
    km2 = {key: _km2(meter, values[key], planar) for key, planar in found.area.items()}
    area = meter.km2_each([t.geometry for t in townships], shapes)
    results = [_result(township, position, found, km2, lines_given, meter, thresholds, zone_checked, area[position])
               for position, township in enumerate(townships)]
    notes = []
    # Overlapping townships would count the same land twice in the jurisdiction totals.
    for key_a, key_b, area in overlapping_pairs([(t.name, t.geometry) for t in townships], min_area=100.0):
        notes.append(tr("Townships {a} and {b} overlap by {km2:.4f} km²: that land is counted in both.").format(
            a=key_a, b=key_b, km2=area / 1e6))
    if not zone_checked:
        notes.append(tr("The township layer has no plan zone field: areas were measured, but no township "
                        "was checked against its zone."))
    if builtup is not None and DEVELOPMENT not in lines_given:
        notes.append(tr("Built-up land outside the urban development boundary was not computed: "
                        "no development boundary layer was given."))
    summaries = summarise(results, lines_given, builtup is not None, tr("all townships"))
    return ControlLinesResult(results, summaries, lines_given, notes)


def layer_role_label(source, role: str) -> str:
    """The layer's own name and its role in the check, e.g. 'farmland — permanent basic farmland (…)'."""
    name = layer_label(source)
    if name == tr("input layer") or name == role:
        return role
    return f"{name} — {role}"


def _field(source, asked: str, fallback: str = "") -> (Optional[str], Optional[str]):
    """(field name or None, the name asked for): an explicit choice, else ``fallback`` if present."""
    if asked:
        return (asked if source.fields().indexOf(asked) >= 0 else None), asked
    if fallback and source.fields().indexOf(fallback) >= 0:
        return fallback, fallback
    return None, None


def _text(value) -> Optional[str]:
    return str(value) if value not in (None, "") and str(value) != "NULL" else None


def check_control_lines(townships, lines: Dict[str, object], builtup=None, *, name_field: str = "",
                        zone_field: str = "", juris_field: str = "", method: str = AreaMethod.GK_ZONE,
                        thresholds: Thresholds = None, feedback=None, transform_context=None) -> CheckResult:
    """The control-line check of township layer ``townships`` against ``lines`` (line -> layer or
    Processing feature source; ECOLOGY, FARMLAND, DEVELOPMENT, a line given as None is left out)
    and optionally the built-up layer ``builtup``.

    ``name_field``: the townships' names (empty: "feature <fid>"); ``zone_field``: their plan zone
    (empty: 'zone' when the layer has it; without one the areas are measured, no township judged);
    ``juris_field``: the jurisdiction the summary groups by (empty: 'juris' when present).
    ``method``: ``AreaMethod.GK_ZONE`` or ``AreaMethod.ELLIPSOID``. ``transform_context``: the run's
    datum-transform choices (None: the running algorithm's, else the project's).
    Bad input raises ``PlanInputError``; the input layers are never changed."""
    if townships is None:
        raise PlanInputError(tr("No township layer was given."), tr("Choose the township polygons."))
    unknown = set(lines) - set(LINES)
    if unknown:
        raise ValueError(f"unknown control lines {sorted(unknown)}; known: {LINES}")
    townships_label = layer_role_label(townships, tr("Townships"))
    line_sources = {line: lines[line] for line in LINES if lines.get(line) is not None}
    if not line_sources:
        raise PlanInputError(
            tr("No control-line layer was given, so there is nothing to check the townships against."),
            tr("Choose at least one of: ecological protection red line (ECOLOGY), permanent basic farmland "
               "(FARMLAND), urban development boundary (DEVELOPMENT)."))
    name_field, name_asked = _field(townships, name_field)
    if name_asked and not name_field:
        raise PlanInputError(
            tr("Layer '{layer}' has no field {fields}.").format(layer=townships_label, fields=name_asked),
            tr("Choose one of its fields: {available}.").format(available=", ".join(townships.fields().names())))
    zone_field, zone_asked = _field(townships, zone_field, DEFAULT_ZONE_FIELD)
    juris_field, _ = _field(townships, juris_field, DEFAULT_JURIS_FIELD)
    notes = []
    if zone_asked and not zone_field:
        notes.append(tr("Layer '{layer}' has no field {field}: the townships were not checked against their "
                        "plan zone. Tag them with 'Tag townships' or choose the zone field.").format(
            layer=townships_label, field=zone_asked))
    elif not zone_field:
        notes.append(tr("No plan zone field was chosen and layer '{layer}' has no field 'zone': the townships "
                        "were not checked against their plan zone.").format(layer=townships_label))
    for note in notes if feedback is not None else ():
        feedback.pushWarning(note)

    labels = {line: layer_role_label(source, line_label(line)) for line, source in line_sources.items()}
    sources = [(townships, townships_label)] + [(source, labels[line]) for line, source in line_sources.items()]
    builtup_label = layer_role_label(builtup, tr("Built-up land")) if builtup is not None else ""
    if builtup is not None:
        sources.append((builtup, builtup_label))
    workspace = Workspace.open(sources, method=method, feedback=feedback, transform_context=transform_context)

    rows = []
    for feature in workspace.read_polygons(townships, townships_label, townships.fields().names()):
        name = feature.attributes.get(name_field) if name_field else None
        name = str(name).strip() if _text(name) else None
        rows.append(Township(
            fid=feature.fid, name=name or tr("feature {fid}").format(fid=feature.fid), geometry=feature.geometry,
            zone=feature.attributes.get(zone_field) if zone_field else None,
            juris=_text(feature.attributes.get(juris_field)) if juris_field else None,
            attributes=feature.attributes))
    polygons = {line: [p.geometry for p in workspace.read_polygons(source, labels[line])]
                for line, source in line_sources.items()}
    builtup_polygons = None
    if builtup is not None:
        builtup_polygons = [p.geometry for p in workspace.read_polygons(builtup, builtup_label, allow_empty=True)]

    thresholds = thresholds or Thresholds()
    if feedback is not None:
        feedback.pushInfo(workspace.projection.describe())
    with workspace.transforms():
        measured = measure_townships(rows, polygons, builtup_polygons, workspace.meter, thresholds,
                                     zone_checked=zone_field is not None, feedback=feedback)
    measured.projection, measured.thresholds = workspace.projection, thresholds
    measured.juris_field = juris_field
    flagged = len(measured.flagged)
    with_outside = builtup is not None and DEVELOPMENT in measured.lines_given
    method_text = " ".join([
        tr("Control lines given: {lines}.").format(lines=", ".join(LINE_NAMES[k] for k in measured.lines_given)),
        workspace.projection.describe(),
        tr("Each line is dissolved within each township, so overlapping polygons of one layer count once; "
           "land of a line outside every township is not counted."),
        thresholds.describe(),
    ])
    return CheckResult(
        check=definitions.CHECK_CONTROL_LINES,
        verdict=TargetResult(label=tr("Townships inconsistent with their plan zone"), scope=tr("all townships"),
                             target=None, measured=float(flagged), unit=UNIT),
        townships=measured.townships,
        notes=notes + measured.notes + workspace.notes,
        inputs=[label for _, label in sources],
        method=method_text,
        extras={
            FLAGGED: flagged, CHECKED: len(measured.checked), TOWNSHIPS_COUNT: len(measured.townships),
            OVERLAP_KM2: sum(o.km2 for t in measured.townships for o in t.overlaps),
            BUILTUP_OUTSIDE_KM2: (sum(t.builtup_outside_km2 or 0.0 for t in measured.townships)
                                  if with_outside else None),
        },
        detail=measured)
