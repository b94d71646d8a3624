"""Facility presence: a facility of a kind in every township (issue 14, the facility-in-every-unit targets).

江津's 14th five-year plan (001_c0dc96b9baef37ce.txt l.1761): "全面建成30个镇(街)养老服务中心" — an
elderly-care centre in each of the district's 30 镇(街); its 2021 report (000_5c0b1797e2e1b3c4.txt
l.192): 城市社区综合服务设施覆盖率 100 % by 2025. Neither is a distance: a unit counts when at least one
facility of the kind stands inside it. The figure is the number of units holding one (a target in
``count``) or their share of all units (a target in ``percent``).

The facilities of the kind are those whose type field holds a value containing the measure's
``facility_type`` keyword (养老服务中心, 社区综合服务 …), the convention of the life-circle presets;
without a type field every facility of the layer counts. A facility is counted in the unit holding
its point on surface (a polygon facility across two units counts once, where most of it is).

The units are those of the kinds the target's scope names (``unit_kinds``): 每个镇 — the 镇 alone, not the
街道 or 乡 (nu2021 l.434: 每个镇形成…一个农产品交易市场); 镇(街) — every unit (fyp14 l.1761: 30个镇(街)); 城市社区
on township polygons — the 街道, the urban units (the coarser reading of 城市社区综合服务设施覆盖率, nu2021
l.192). A unit's kind is the catalogue's (镇, 街道, 乡) for its name, else its name's ending.

The entry point ``measure_facility_presence`` takes layers and options and returns a ``CheckResult``.
"""
from dataclasses import dataclass, field
from typing import Optional, Sequence

from qgis.core import QgsGeometry, QgsWkbTypes

from ... import definitions
from ...compat import GeometryType, attribute_text
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from ..geo.inputs import check_fields, layer_label
from ..geo.measure import AreaMethod
from ..geo.overlay import GeometryIndex
from ..geo.workspace import Workspace
from ..plan.model import Catalogue, Target
from .builtup import plan_namer
from .result import CheckResult
from .targets import TargetResult, quoted_citation

INDICATOR = "facility_coverage"
TOWNSHIP_KINDS = ("街道", "镇", "乡")


def unit_kinds(scope: str) -> tuple:
    """The kinds of township a facility-in-every-unit target counts, read from its scope (() for all)."""
    scope = (scope or "").replace("（", "(").replace("）", ")")
    if "镇(街" in scope or "乡镇" in scope or "镇街" in scope:
        return ()
    if "城市社区" in scope:
        return ("街道",)
    if "镇" in scope:
        return ("镇",)
    return ()


def township_kind(name: str, catalogue: Optional[Catalogue] = None, namer=None) -> str:
    """镇, 街道 or 乡: the catalogue's kind of the township ``name``, else its name's ending ("" if none)."""
    found = catalogue.township((namer or plan_namer(catalogue))(name)) if catalogue is not None else None
    if found is not None and found.kind:
        return found.kind
    return next((k for k in TOWNSHIP_KINDS if (name or "").strip().endswith(k)), "")


UNITS_WITH, UNITS, FACILITIES = "UNITS_WITH", "UNITS", "FACILITIES"


@dataclass
class UnitPresence:
    """One township (or community) and the facilities of the kind inside it."""

    fid: int
    name: str
    geometry: QgsGeometry
    facilities: int = 0

    @property
    def has_facility(self) -> bool:
        return self.facilities > 0


@dataclass
class Presence:
    """The check's full measurement (CheckResult.detail): the townships counted, and the facilities of the kind
    as the points they are counted at, in ``crs`` (the workspace's, the townships' geometries' too), for a map;
    ``not_counted`` the townships of other kinds than the target's scope counts (drawn, not counted)."""

    units: list
    points: list
    crs: object
    not_counted: list = field(default_factory=list)


def measure_facility_presence(facilities_source, townships_source, *, unit: str = "count", name_field: str = "",
                              type_field: str = "", facility_type: str = "", facilities_label: str = "",
                              townships_label: str = "", target: Optional[Target] = None,
                              unit_kinds: Sequence[str] = (), catalogue: Optional[Catalogue] = None, feedback=None,
                              transform_context=None) -> CheckResult:
    """The townships of ``townships_source`` holding at least one facility of ``facilities_source`` (those
    whose ``type_field`` value contains ``facility_type`` when both are given), as a count (``unit``
    "count") or a share of the townships ("percent"), against ``target`` (None: no verdict). With
    ``unit_kinds`` (镇, 街道, 乡) only the townships of those kinds count (their kind: ``catalogue``'s for the
    name, else the name's ending)."""
    if facilities_source is None or townships_source is None:
        missing = "FACILITIES" if facilities_source is None else "TOWNSHIPS"
        raise PlanInputError(tr("Parameter {parameter}: no layer was given.").format(parameter=missing),
                             tr("Choose the facilities (points or polygons) and the township polygons."))
    if unit not in ("count", "percent"):
        raise PlanInputError(tr("A facility-presence target is a count of townships or a percent, not '{unit}'.")
                             .format(unit=unit), tr("Fix the target's unit in the catalogue."))
    facilities_label = layer_label(facilities_source, facilities_label)
    townships_label = layer_label(townships_source, townships_label)
    kind = QgsWkbTypes.geometryType(facilities_source.wkbType())
    if kind not in (GeometryType.Point, GeometryType.Polygon):
        raise PlanInputError(tr("Parameter FACILITIES: layer '{layer}' holds neither points nor polygons.").format(
            layer=facilities_label), tr("Choose the facilities as points or polygons."))
    if QgsWkbTypes.geometryType(townships_source.wkbType()) != GeometryType.Polygon:
        raise PlanInputError(tr("Parameter TOWNSHIPS: layer '{layer}' does not hold polygons.").format(
            layer=townships_label), tr("Choose the township polygons for TOWNSHIPS."))
    check_fields(facilities_source, facilities_label, [type_field])
    check_fields(townships_source, townships_label, [name_field])
    sources = [(facilities_source, facilities_label), (townships_source, townships_label)]
    workspace = Workspace.open(sources, method=AreaMethod.GK_ZONE, feedback=feedback,
                               transform_context=transform_context, not_empty=sources)
    reader = workspace.read_points if kind == GeometryType.Point else workspace.read_polygons
    features = reader(facilities_source, facilities_label, fields=[type_field] if type_field else [])
    chosen = features
    if type_field and facility_type:
        chosen = [f for f in features if facility_type in attribute_text(f.attributes.get(type_field))]
        if not chosen:
            values = sorted({attribute_text(f.attributes.get(type_field)) for f in features})
            raise PlanInputError(
                tr("No facility of '{layer}' has a value containing '{kind}' in field '{field}'; it holds: "
                   "{values}.").format(layer=facilities_label, kind=facility_type, field=type_field,
                                       values=", ".join(values[:12]) or tr("(none)")),
                tr("Choose the field holding the facility type, or a layer holding the {kind}.").format(
                    kind=facility_type))
    units = [UnitPresence(f.fid, (attribute_text(f.attributes.get(name_field)) if name_field else "")
                          or tr("feature {fid}").format(fid=f.fid), f.geometry)
             for f in workspace.read_polygons(townships_source, townships_label,
                                              fields=[name_field] if name_field else [])]
    index = GeometryIndex([u.geometry for u in units])
    outside = 0
    points = []
    for position, feature in enumerate(chosen):
        if position % 500 == 0:
            check_cancel(feedback)
        point = feature.geometry.pointOnSurface()
        points.append(point)
        found = next((p for p in index.positions(point.boundingBox()) if units[p].geometry.intersects(point)), None)
        if found is None:
            outside += 1
        else:
            units[found].facilities += 1
    if chosen and outside == len(chosen):
        raise PlanInputError(
            tr("No facility of '{facilities}' lies inside any township of '{townships}'.").format(
                facilities=facilities_label, townships=townships_label),
            tr("Check that both layers cover the same jurisdiction and that each layer's coordinate reference "
               "system is the one its coordinates are in."))
    kinds_text = ""
    not_counted = []
    if unit_kinds:
        namer = plan_namer(catalogue) if catalogue is not None else None
        every = len(units)
        kinds = [township_kind(u.name, catalogue, namer) in unit_kinds for u in units]
        not_counted = [u for u, counted in zip(units, kinds) if not counted]
        units = [u for u, counted in zip(units, kinds) if counted]
        kinds_text = "、".join(unit_kinds)
        if not units:
            raise PlanInputError(
                tr("No township of '{layer}' is a {kinds}, the units the target counts.").format(
                    layer=townships_label, kinds=kinds_text),
                tr("Check the township name field (TOWNSHIP_NAME_FIELD): a unit's kind is the catalogue's for its "
                   "name, else its name's ending (镇, 街道, 乡)."))
        kinds_text = tr(" Only the {kinds} count ({n} of the {every} townships), as the target's scope says.").format(
            kinds=kinds_text, n=len(units), every=every)
    holding = sum(1 for u in units if u.has_facility)
    measured = float(holding) if unit == "count" else 100.0 * holding / len(units)
    label = target.label if target is not None else tr("Townships with a facility of '{layer}'").format(
        layer=facilities_label)
    citation = quoted_citation(target)
    verdict = TargetResult(label, townships_label, target.value if target is not None else None, measured, unit,
                           target.comparison if target is not None else ">=",
                           target.year if target is not None else None, citation,
                           tolerance_pct=getattr(target, "tolerance_pct", None))
    notes = list(workspace.notes)
    if outside:
        notes.append(tr("{n} facilities of '{layer}' lie outside every township: counted in none.").format(
            n=outside, layer=facilities_label))
    without = [u.name for u in units if not u.has_facility]
    if without:
        notes.append(tr("Townships without one: {names}.").format(names="、".join(sorted(without))))
    kind_text = (tr("the facilities whose '{field}' contains '{kind}'").format(field=type_field, kind=facility_type)
                 if type_field and facility_type else tr("every facility of '{layer}'").format(layer=facilities_label))
    method = tr("A township counts when at least one of {facilities} stands inside it (its point on surface); the "
                "figure is the number of townships holding one, or their share of the {n} townships of "
                "'{townships}'.").format(facilities=kind_text, n=len(units), townships=townships_label) + kinds_text
    return CheckResult(
        check=definitions.CHECK_PLAN, verdict=verdict, townships=units, notes=notes, inputs=workspace.inputs(),
        method=method, extras={UNITS_WITH: holding, UNITS: len(units), FACILITIES: len(chosen)},
        detail=Presence(units, points, workspace.crs, not_counted))

