"""Distance rule: nothing of one class within a distance of another (issue 14, kind 5).

江津's 14th five-year plan (001_c0dc96b9baef37ce.txt l.1615): "禁止在长江干流及主要支流岸线
1公里范围内新(扩)建化工项目" — no new or extended chemical project within 1 km of the shore of
the Yangtze and its main tributaries. The check takes the features that must keep away (the
plants: points, lines or polygons; all of a layer or those of some codes) and the features they
must keep away from (the rivers: centre lines, or water polygons, whose shore is their edge), and
finds every feature within the distance, with its distance and the nearest feature of the other
layer, the count per township and the verdict: the count of violations against the allowed count
(none by default; a catalogue target of indicator ``distance_rule`` in ``count`` may say otherwise).

"Within" includes the distance itself (1公里范围内: a plant at exactly 1,000 m is within).
Distances are the shortest distances between the geometries (0 for a plant touching or inside
a water polygon), planar in the working CGCS2000 Gauss-Krüger zone, whose scale error within the
zone is below 0.02%. A feature is counted in the township holding its point on surface.

The entry point ``measure_distance_rule`` takes layers and options and returns a ``CheckResult``.
"""
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from qgis.core import QgsGeometry, QgsRectangle, QgsWkbTypes

from ... import definitions
from ...compat import GeometryType, attribute_text
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from ..geo.inputs import check_fields, layer_label
from ..geo.measure import AreaMethod
from ..geo.overlay import GeometryIndex
from ..geo.workspace import Workspace
from ..plan.model import Catalogue, Target
from .landuse import CodeSelector
from .result import CheckResult
from .targets import TargetResult, choose_target, quoted_citation

INDICATOR = "distance_rule"
UNIT = "count"
DEFAULT_DISTANCE_M = 1000.0
RULE_CITATION = "001_c0dc96b9baef37ce.txt l.1615"
# The further figures the check declares (CheckResult.extras).
VIOLATIONS, CHECKED, NEAREST_M = "VIOLATIONS", "CHECKED", "NEAREST_M"


@dataclass
class Subject:
    """One feature that must keep away, with its nearest feature of the other layer."""

    fid: int
    geometry: QgsGeometry
    attributes: Dict[str, object]
    distance_m: Optional[float] = None   # to the nearest feature of the other layer
    near_fid: Optional[int] = None
    near_name: str = ""
    township: str = ""                   # "" outside every township (or without a township layer)
    violates: bool = False


@dataclass
class TownshipCount:
    fid: int
    name: str
    geometry: QgsGeometry
    features: int = 0
    violations: int = 0
    nearest_m: Optional[float] = None


@dataclass
class DistanceRuleDetail:
    projection: object
    distance_m: float
    subjects: List[Subject]
    townships: List[TownshipCount]
    outside: int = 0                     # features outside every township
    subject_type: int = GeometryType.Point

    @property
    def violations(self) -> List[Subject]:
        return [s for s in self.subjects if s.violates]


def rule_label(subjects_label: str, near_label: str, distance_m: float) -> str:
    return tr("Features of '{subjects}' within {distance:g} m of '{near}'").format(
        subjects=subjects_label, near=near_label, distance=distance_m)


def resolve_target(catalogue: Optional[Catalogue], target_id: str, typed_value: Optional[float],
                   label: str) -> Optional[Target]:
    """The allowed count: typed (a cap), or a catalogue target of indicator ``distance_rule`` in
    ``count``; None when neither (the rule allows none)."""
    if typed_value is not None:
        return Target(id="typed", indicator=INDICATOR, label=label, label_en="", value=float(typed_value), unit=UNIT,
                      comparison="<=", year=None, scope="jurisdiction", cite=None)
    return choose_target(catalogue, target_id, None, INDICATOR, UNIT, label)


def _geometry_type(source, label, role, parameter) -> int:
    found = QgsWkbTypes.geometryType(source.wkbType())
    if found not in (GeometryType.Point, GeometryType.Line, GeometryType.Polygon):
        raise PlanInputError(
            tr("Parameter {parameter}: layer '{layer}' ({role}) has no geometry (a table).").format(
                parameter=parameter, layer=label, role=role),
            tr("Choose a layer of points, lines or polygons for the {role}.").format(role=role))
    return found


def _read(workspace: Workspace, source, label, fields, class_field, codes, role):
    """(features of ``source`` in the working CRS, selected by ``codes`` in ``class_field`` when given)."""
    kind = _geometry_type(source, label, role, "")
    reader = {GeometryType.Point: workspace.read_points, GeometryType.Line: workspace.read_lines,
              GeometryType.Polygon: workspace.read_polygons}[kind]
    wanted = list(dict.fromkeys([n for n in fields if n] + ([class_field] if class_field else [])))
    features = reader(source, label, fields=wanted)
    if not class_field:
        return features, kind
    field_def = source.fields().at(source.fields().indexOf(class_field))
    selector = CodeSelector(codes, field_def, label)
    selector.selected_what = role
    selector.fix = tr("Choose another field, or type the codes of the {role}.").format(role=role)
    chosen = [f for f in features if selector(f.fid, f.attributes.get(class_field))]
    selector.check_matched()
    workspace.notes.extend(selector.notes())
    return chosen, kind


def _nearest(geometry: QgsGeometry, index: GeometryIndex, start: float):
    """(distance, position) of the feature of ``index`` nearest to ``geometry``: candidates whose box
    lies within r of its box, r widened until the nearest found is within r (then none is nearer)."""
    radius = max(start, 1.0)
    box = geometry.boundingBox()
    while True:
        positions = index.positions(box.buffered(radius))
        if positions:
            best = min((geometry.distance(index.geometries[p]), p) for p in positions)
            if best[0] <= radius:
                return best
            radius = best[0]
        else:
            radius *= 4.0


def measure_distance_rule(subjects_source, near_source, townships_source=None, *,
                          distance_m: float = DEFAULT_DISTANCE_M, subjects_label: str = "", near_label: str = "",
                          townships_label: str = "", subject_field: str = "", subject_codes: Sequence[str] = (),
                          near_field: str = "", near_codes: Sequence[str] = (), near_name_field: str = "",
                          name_field: str = "", target: Optional[Target] = None, feedback=None,
                          transform_context=None) -> CheckResult:
    """The features of ``subjects_source`` within ``distance_m`` metres of a feature of ``near_source``
    (each optionally selected by codes in a class field), counted per township of ``townships_source``
    when given, against ``target`` (from ``resolve_target``; None: none allowed).

    Sources are vector layers or Processing feature sources. Bad input raises PlanInputError."""
    if subjects_source is None or near_source is None:
        missing = "INPUT" if subjects_source is None else "NEAR"
        raise PlanInputError(tr("Parameter {parameter}: no layer was given.").format(parameter=missing),
                             tr("Choose the features that must keep away (INPUT) and those they must keep away "
                                "from (NEAR), e.g. chemical plants and rivers."))
    if distance_m is None or not distance_m > 0:
        raise PlanInputError(tr("The distance must be more than 0 m, not {distance}.").format(distance=distance_m),
                             tr("Type the rule's distance in metres, e.g. 1000 for 1公里."))
    subjects_label = layer_label(subjects_source, subjects_label)
    near_label = layer_label(near_source, near_label)
    if townships_source is not None:
        townships_label = layer_label(townships_source, townships_label)
        if QgsWkbTypes.geometryType(townships_source.wkbType()) != GeometryType.Polygon:
            raise PlanInputError(tr("Parameter TOWNSHIPS: layer '{layer}' does not hold polygons.").format(
                layer=townships_label), tr("Choose the township polygons for TOWNSHIPS."))
        if name_field:
            check_fields(townships_source, townships_label, [name_field])
    roles = (tr("features that must keep away"), tr("features kept away from"))
    for source, label, names, role, parameter in (
            (subjects_source, subjects_label, [subject_field], roles[0], "INPUT"),
            (near_source, near_label, [near_field, near_name_field], roles[1], "NEAR")):
        _geometry_type(source, label, role, parameter)
        check_fields(source, label, names)
    sources = [(subjects_source, subjects_label), (near_source, near_label), (townships_source, townships_label)]
    workspace = Workspace.open(sources, method=AreaMethod.GK_ZONE, feedback=feedback,
                               transform_context=transform_context,
                               not_empty=[(s, label) for s, label in sources if s is not None])
    carried = [n for n in subjects_source.fields().names()]
    subject_features, subject_type = _read(workspace, subjects_source, subjects_label, carried, subject_field,
                                           subject_codes, roles[0])
    near_features, _ = _read(workspace, near_source, near_label, [near_name_field], near_field, near_codes,
                             roles[1])
    if not subject_features or not near_features:
        empty, parameter = (subjects_label, "INPUT") if not subject_features else (near_label, "NEAR")
        raise PlanInputError(tr("Parameter {parameter}: layer '{layer}' has no feature to measure.").format(
            parameter=parameter, layer=empty),
                             tr("Check its geometries and, when codes select its features, the codes."))
    near_index = GeometryIndex([f.geometry for f in near_features])
    subjects = []
    if feedback is not None:
        feedback.setProgressText(tr("Measuring distances"))
    for position, feature in enumerate(subject_features):
        if position % 200 == 0:
            check_cancel(feedback)
        distance, near = _nearest(feature.geometry, near_index, distance_m)
        nearest = near_features[near]
        subjects.append(Subject(feature.fid, feature.geometry, feature.attributes, distance, nearest.fid,
                                attribute_text(nearest.attributes.get(near_name_field)) if near_name_field else "",
                                violates=distance <= distance_m))
        if feedback is not None and subject_features:
            feedback.setProgress(90.0 * (position + 1) / len(subject_features))

    rows, outside = _count_by_township(workspace, townships_source, townships_label, name_field, subjects)
    notes = []
    if rows and outside == len(subjects):
        raise PlanInputError(
            tr("No feature of '{subjects}' (INPUT) lies inside any township of '{townships}' (TOWNSHIPS).").format(
                subjects=subjects_label, townships=townships_label),
            tr("Check that both layers cover the same jurisdiction and that each layer's coordinate reference "
               "system is the one its coordinates are in."))
    if outside and rows:
        notes.append(tr("{n} features of '{layer}' lie outside every township: counted in the total, in no "
                        "township.").format(n=outside, layer=subjects_label))
    nearest_all = min(s.distance_m for s in subjects)
    reach = _box([s.geometry for s in subjects]).buffered(distance_m)
    if not reach.intersects(_box(near_index.geometries)):
        raise PlanInputError(
            tr("The layers '{subjects}' (INPUT) and '{near}' (NEAR) do not overlap: the nearest features are "
               "{km:.1f} km apart, so no violation could be found.").format(subjects=subjects_label, near=near_label,
                                                       km=nearest_all / 1000.0),
            tr("Choose layers of the same area, and check each layer's coordinate reference system."))
    violations = sum(1 for s in subjects if s.violates)
    label = target.label if target is not None else rule_label(subjects_label, near_label, distance_m)
    citation = quoted_citation(target)
    verdict = TargetResult(label, townships_label or tr("jurisdiction"), target.value if target is not None else 0.0,
                           float(violations), UNIT, target.comparison if target is not None else "<=",
                           target.year if target is not None else None, citation,
                           tolerance_pct=getattr(target, "tolerance_pct", None))
    detail = DistanceRuleDetail(workspace.projection, distance_m, subjects, rows, outside, subject_type)
    method = " ".join([
        tr("Rule: no feature of '{subjects}' within {distance:g} m of a feature of '{near}' (within includes the "
           "distance itself), as 001 l.1615 sets it for chemical projects and the shore of the Yangtze and its "
           "main tributaries: “禁止在长江干流及主要支流岸线1公里范围内新(扩)建化工项目”.").format(
            subjects=subjects_label, distance=distance_m, near=near_label),
        tr("Distances are the shortest distances between the geometries (0 for features that touch or overlap), "
           "planar in the working projection:"), workspace.projection.describe(),
        tr("Each feature is counted in the township holding its point on surface.") if rows else "",
        tr("The verdict: the count of features within the distance against the allowed count (none unless a "
           "target says otherwise).")])
    return CheckResult(
        check=definitions.CHECK_DISTANCE_RULE, verdict=verdict, townships=rows,
        notes=([tr("About the target: {note}").format(note=target.note)] if target is not None and target.note
               else []) + notes + workspace.notes,
        inputs=workspace.inputs(), method=method.strip(),
        extras={VIOLATIONS: violations, CHECKED: len(subjects), NEAREST_M: nearest_all}, detail=detail)


def _box(geometries):
    """The bounding box of ``geometries`` (in the working CRS)."""
    box = QgsRectangle(geometries[0].boundingBox())
    for geometry in geometries[1:]:
        box.combineExtentWith(geometry.boundingBox())
    return box


def _count_by_township(workspace, townships_source, townships_label, name_field, subjects):
    """(a TownshipCount per township, the count of features outside every township)."""
    if townships_source is None:
        return [], 0
    features = workspace.read_polygons(townships_source, townships_label, fields=townships_source.fields().names())
    rows = [TownshipCount(f.fid, (attribute_text(f.attributes.get(name_field)) if name_field else "")
                          or tr("feature {fid}").format(fid=f.fid), f.geometry) for f in features]
    index = GeometryIndex([r.geometry for r in rows])
    outside = 0
    for subject in subjects:
        point = subject.geometry.pointOnSurface()
        found = next((p for p in index.positions(point.boundingBox()) if rows[p].geometry.intersects(point)), None)
        if found is None:
            outside += 1
            continue
        row = rows[found]
        subject.township = row.name
        row.features += 1
        row.violations += int(subject.violates)
        row.nearest_m = subject.distance_m if row.nearest_m is None else min(row.nearest_m, subject.distance_m)
    return rows, outside
