"""Population in places: per township, per class of the plan's structures, beside the plan's targets.

The plans count people by place: 开州 城区 (the 第一级 towns) 60万 by 2025 and 100万 by 2035
(003_19d1efc2983d1444.txt l.135), the 区域重点镇 and 一般乡镇 one by one (l.136–168), 重庆's
主城都市区 share of the residents, 68% by 2025 (002_df9c8db6f61b8980.txt l.166). Given a
township layer and a population (a raster of persons per cell, a field of the township layer,
or points with a persons field), ``measure_population`` sums it per township, per class of
every structure of the catalogue (plan roles, tiers, groups: e.g. 江津 一主两副六节点…) and
compares every ``population`` target of the catalogue whose scope names the jurisdiction, a
structure's class (``town_tier:第一级``) or a township; the others are listed as not measurable,
with the reason.

Rules: a raster cell counts for the township its centre lies in (``population.raster_sums``);
a point counts for the township it stands in; a field is the township's own figure. A class's
figure is the sum over its townships; a township with two readings of a structure (a conflict
the catalogue records) counts in both classes, and the notes say so. A target in ``10k_persons``
is compared in 万人, one in ``percent`` as the scope's share of all townships' residents. A target
whose label says （每…） (each town of the class) is met when every township of the class meets it.

``township_population`` is the population step the per-capita check shares.
"""
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsGeometry, QgsRectangle, QgsWkbTypes

from ... import definitions
from ...compat import GeometryType, is_null
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from ..geo import population as pop
from ..geo.inputs import check_fields, layer_label
from ..geo.measure import AreaMethod
from ..geo.overlay import GeometryIndex, overlapping_pairs
from ..geo.workspace import Workspace
from ..plan.model import Catalogue, Target
from .builtup import default_name_field, plan_namer
from .result import CheckResult
from .targets import TargetResult, quoted_citation

INDICATOR = "population"
UNIT = "10k_persons"
PER_UNIT = {"10k_persons": 1e-4, "persons": 1.0}
RASTER_SHARE_WARNING = 0.995


@dataclass
class PopulationInput:
    """Where the population comes from: one of a raster (a QgsRasterLayer of persons per cell), a
    field of the township layer, points with a persons field, or a typed figure with its source."""

    raster: object = None
    field: str = ""
    points: object = None
    persons_field: str = ""
    typed: Optional[float] = None
    typed_source: str = ""
    points_label: str = ""

    def kinds(self) -> List[str]:
        return [k for k, given in (("raster", self.raster is not None), ("field", bool(self.field)),
                                   ("points", self.points is not None), ("typed", self.typed is not None)) if given]

    def check(self, townships_given: bool, allow_typed: bool = True):
        kinds = self.kinds()
        if not allow_typed and "typed" in kinds:
            raise PlanInputError(tr("A typed population gives no figure per place."),
                                 tr("Give a population raster (POPULATION_RASTER), a township field "
                                    "(POPULATION_FIELD) or points (POPULATION_POINTS)."))
        if len(kinds) != 1:
            raise PlanInputError(
                tr("Give one population source, not {n}: a raster (POPULATION_RASTER), a township field "
                   "(POPULATION_FIELD), points with a persons field (POPULATION_POINTS) or a typed figure "
                   "(POPULATION).").format(n=len(kinds)),
                tr("Choose the one the figure should come from."))
        if kinds[0] != "typed" and not townships_given:
            raise PlanInputError(
                tr("A population from a raster, a field or points needs the township layer (TOWNSHIPS): it "
                   "says where the population is counted."),
                tr("Choose the township layer, or type the population with its source."))
        if kinds[0] == "typed":
            if self.typed <= 0:
                raise PlanInputError(tr("The typed population (POPULATION) is {value:g}, not a number of "
                                        "persons.").format(value=self.typed),
                                     tr("Type the population in persons, e.g. 1250000."))
            if not self.typed_source.strip():
                raise PlanInputError(tr("The typed population (POPULATION) has no source."),
                                     tr("Name where the figure comes from in POPULATION_SOURCE, e.g. "
                                        "第七次全国人口普查 2020, so that the report can say it."))
        if kinds[0] == "points" and not self.persons_field:
            raise PlanInputError(tr("The population points (POPULATION_POINTS) need their persons field."),
                                 tr("Choose the field holding the persons of each point (POPULATION_POINTS_FIELD)."))

    def describe(self, townships_label: str = "") -> str:
        if self.raster is not None:
            return tr("Population: cells of the raster '{raster}' ({crs}) whose centre lies in the township.").format(
                raster=self.raster.name(), crs=self.raster.crs().authid())
        if self.points is not None:
            return tr("Population: field '{field}' of the points '{layer}', each point counted in the township "
                      "it stands in.").format(field=self.persons_field, layer=self.points_label)
        if self.field:
            return tr("Population: field '{field}' of the township layer '{layer}'.").format(
                field=self.field, layer=townships_label)
        return tr("Population: {value:,.0f} persons, typed; source: {source}.").format(
            value=self.typed, source=self.typed_source.strip())


def check_geometry(source, label: str, parameter: str, wanted) -> None:
    """A layer of the wrong geometry type, refused by name before any reading."""
    if source is None:
        return
    found = QgsWkbTypes.geometryType(source.wkbType())
    words = {GeometryType.Point: tr("points"), GeometryType.Line: tr("lines"), GeometryType.Polygon: tr("polygons")}
    if found in words and found != wanted:
        raise PlanInputError(
            tr("Parameter {parameter}: layer '{layer}' holds {found}, not {wanted}.").format(
                parameter=parameter, layer=label, found=words[found], wanted=words[wanted]),
            tr("Choose a layer of {wanted} for {parameter}.").format(wanted=words[wanted], parameter=parameter))


def _raster_overlaps(workspace: Workspace, raster, zones: Sequence[QgsGeometry], townships_label: str):
    crs = raster.crs()
    if not crs.isValid():
        raise PlanInputError(
            tr("The population raster '{layer}' (POPULATION_RASTER) has no coordinate reference system.").format(
                layer=raster.name()), tr("Assign its CRS (Raster > Projections > Assign Projection)."))
    box = QgsGeometry.fromRect(raster.extent())
    try:
        with workspace.transforms():
            from ..geo import transforms
            box.transform(transforms.transform(crs, workspace.crs))
    except Exception:  # noqa: BLE001 (a raster whose extent cannot be projected lies nowhere near)
        box = QgsGeometry()
    rectangle = QgsRectangle()
    for zone in zones:
        rectangle.combineExtentWith(zone.boundingBox())
    if box.isEmpty() or not box.intersects(QgsGeometry.fromRect(rectangle)):
        raise PlanInputError(
            tr("The population raster '{layer}' (POPULATION_RASTER, {crs}) does not overlap the townships "
               "'{townships}' ({working}): no population could be counted.").format(
                layer=raster.name(), crs=crs.authid() or crs.description(), townships=townships_label,
                working=workspace.crs.authid()),
            tr("Choose a population raster of this place; if it is the right one, its coordinate reference "
               "system is set wrong: assign the one its cells are in (Raster > Projections > Assign Projection)."))
    if crs != workspace.crs:
        workspace.note(tr("The population raster '{layer}' is in {crs}: the townships were projected onto its "
                          "grid to count its cells (cells are not resampled).").format(
            layer=raster.name(), crs=crs.authid() or crs.description()))


def township_population(workspace: Workspace, features: Sequence, zones: Sequence[QgsGeometry], source: PopulationInput,
                        townships_label: str) -> List[Optional[float]]:
    """Persons per township (None where a field gives none); the notes go to the workspace.
    Refuses a population that gives no person in any township."""
    feedback = workspace.feedback
    if source.raster is not None:
        _raster_overlaps(workspace, source.raster, zones, townships_label)
        stats = {}
        with workspace.transforms():
            values = pop.raster_sums(source.raster.source(), source.raster.crs(), [[z] for z in zones], workspace.crs,
                                     source.raster.name(), feedback, stats)
        share = stats.get("share_with_data", 1.0)
        if share < RASTER_SHARE_WARNING:
            workspace.note(tr("The population raster '{raster}' has data under only {share:.1f}% of the townships' "
                              "area: the population counts that part only.").format(
                raster=source.raster.name(), share=100.0 * share))
        where = tr("the raster '{layer}' (POPULATION_RASTER)").format(layer=source.raster.name())
    elif source.points is not None:
        label = source.points_label
        people = workspace.read_points(source.points, label, [source.persons_field], allow_empty=True)
        index = GeometryIndex(zones)
        values = [0.0] * len(zones)
        outside, outside_persons = 0, 0.0
        engines = {}
        for position, feature in enumerate(people):
            if position % 1000 == 0:
                check_cancel(feedback)
            persons = pop.population_value(feature.attributes.get(source.persons_field), label, feature.fid,
                                           source.persons_field) or 0.0
            point = feature.geometry
            found = None
            for candidate in index.positions(point.boundingBox()):
                engine = engines.get(candidate)
                if engine is None:
                    engine = engines[candidate] = QgsGeometry.createGeometryEngine(zones[candidate].constGet())
                    engine.prepareGeometry()
                if engine.intersects(point.constGet()):
                    found = candidate
                    break
            if found is None:
                outside += 1
                outside_persons += persons
            else:
                values[found] += persons
        if outside:
            workspace.note(tr("{layer}: {n} points ({persons:,.0f} persons) lie outside every township and are not "
                              "counted.").format(layer=label, n=outside, persons=outside_persons))
        if people and outside == len(people):
            raise PlanInputError(
                tr("No point of the population layer '{layer}' (POPULATION_POINTS) lies in a township of "
                   "'{townships}'.").format(layer=label, townships=townships_label),
                tr("Check that both layers cover the same place and that each layer's coordinate reference system "
                   "is the one its coordinates are in."))
        where = tr("the points '{layer}' (POPULATION_POINTS)").format(layer=label)
    elif source.field:
        values = [pop.population_value(f.attributes.get(source.field), townships_label, f.fid, source.field)
                  for f in features]
        unknown = [f.fid for f, v in zip(features, values) if v is None]
        if unknown:
            workspace.note(tr("{layer}: {n} townships have no population in field '{field}' (feature ids {ids}); "
                              "they count in no population sum.").format(
                layer=townships_label, n=len(unknown), field=source.field,
                ids=", ".join(str(i) for i in unknown[:20])))
        where = tr("field '{field}' of '{layer}' (POPULATION_FIELD)").format(field=source.field, layer=townships_label)
    else:
        return [None] * len(zones)
    if not any(v for v in values if v):
        raise PlanInputError(
            tr("The population from {source} is 0 in every township: there is no population to measure.").format(
                source=where),
            tr("Check that the population data belong to this place and hold persons."))
    return values


@dataclass
class TownshipPopulation:
    fid: int
    name: str                 # the name in the layer
    plan_name: str            # the catalogue's name for it ("" without a catalogue)
    geometry: QgsGeometry
    population: Optional[float]
    classes: Dict[str, List[str]] = field(default_factory=dict)  # structure id -> its values for the township


@dataclass
class ClassPopulation:
    structure: str            # structure id
    structure_name: str
    value: str
    townships: int
    population: float
    unknown: int              # townships of the class without a population


@dataclass
class TargetRow:
    target: Target
    result: Optional[TargetResult]          # None: not measurable here
    reason: str = ""                        # why not, or how
    members: List[TargetResult] = field(default_factory=list)   # per-unit targets: one per township


@dataclass
class PlacesDetail:
    projection: object
    townships: List[TownshipPopulation]
    classes: List[ClassPopulation]
    targets: List[TargetRow]
    total: float


def _values(structure, feature_attributes, plan_name, fields) -> List[str]:
    if structure.field in fields:
        value = feature_attributes.get(structure.field)
        if is_null(value) or not str(value).strip():
            return []
        return [v.strip() for v in str(value).split("|") if v.strip()]
    return [r.value for r in structure.readings_for(plan_name)]


def _per_unit(target: Target) -> bool:
    """（每镇）/（每乡镇）: the plan's figure holds for each township of the class, not their sum."""
    return "（每" in target.label or "(每" in target.label


def _citation(target: Target) -> str:
    return quoted_citation(target)


def _result(target: Target, scope_label: str, measured: float) -> TargetResult:
    return TargetResult(target.label, scope_label, target.value, measured, target.unit, target.comparison,
                        target.year, _citation(target), target.value_min, target.value_max, target.tolerance_pct)


def measure_targets(catalogue: Catalogue, rows: List[TownshipPopulation], classes: List[ClassPopulation],
                    total: float) -> List[TargetRow]:
    """Every population target of the catalogue, measured where its scope and unit allow."""
    by_name = {r.plan_name: r for r in rows if r.plan_name}
    found = []
    for target in catalogue.targets_for(INDICATOR):
        scope = (target.scope or "jurisdiction").strip()
        if target.unit not in PER_UNIT and target.unit != "percent":
            found.append(TargetRow(target, None, tr("unit {unit}: a population at one date cannot give it").format(
                unit=target.unit)))
            continue
        factor = PER_UNIT.get(target.unit)

        def figure(persons, target=target, factor=factor):
            return persons * factor if factor is not None else (100.0 * persons / total if total else 0.0)

        structure_id, colon, value = scope.partition(":")
        structure = next((s for s in catalogue.structures if s.id == structure_id), None) if colon else None
        if scope == "jurisdiction":
            found.append(TargetRow(target, _result(target, tr("all townships"), figure(total)), tr("all townships")))
        elif structure is not None:
            plan_class = next((c for c in classes if c.structure == structure_id and c.value == value), None)
            label = f"{structure.name}: {value}"
            if plan_class is None:
                found.append(TargetRow(target, None, tr("no township of the layer is in {label}").format(label=label)))
                continue
            members = [r for r in rows if value in r.classes.get(structure_id, [])]
            if _per_unit(target) and target.unit in PER_UNIT:
                results = [_result(target, r.plan_name or r.name, figure(r.population)) for r in members
                           if r.population is not None]
                if not results:
                    found.append(TargetRow(target, None, tr("no township of {label} has a population").format(
                        label=label)))
                    continue
                # The class's figure is its township furthest from the target: met when every one is.
                failing = [r for r in results if r.passed is False]
                high = target.comparison == "<=" or (target.comparison == "range" and target.value_max is not None)
                worst = (max(failing, key=lambda r: abs(r.gap or 0.0)) if failing else
                         max(results, key=lambda r: r.measured) if high else min(results, key=lambda r: r.measured))
                summary = _result(target, label + " " + tr("(each township)"), worst.measured)
                found.append(TargetRow(target, summary, tr("each township of {label}: {met} of {n} met").format(
                    label=label, met=len(results) - len(failing), n=len(results)), results))
            else:
                found.append(TargetRow(target, _result(target, label, figure(plan_class.population)),
                                       tr("sum over the {n} townships of {label}").format(
                                           n=plan_class.townships, label=label)))
        elif scope in by_name:
            row = by_name[scope]
            if row.population is None:
                found.append(TargetRow(target, None, tr("the township has no population")))
            else:
                found.append(TargetRow(target, _result(target, scope, figure(row.population)), tr("the township")))
        elif catalogue.township(scope) is not None:
            found.append(TargetRow(target, None, tr("township {name} is not in the layer").format(name=scope)))
        else:
            found.append(TargetRow(target, None, tr("scope '{scope}' names no township or class of the "
                                                    "catalogue").format(scope=scope)))
    return found


def target_passed(row: TargetRow) -> Optional[bool]:
    return None if row.result is None else row.result.passed


def measure_population(townships_source, source: PopulationInput, *, townships_label: str = "",
                       name_field: str = "", catalogue: Optional[Catalogue] = None, target_id: str = "",
                       method: str = AreaMethod.GK_ZONE, feedback=None, transform_context=None) -> CheckResult:
    """Population per township, per class of the catalogue's structures and for every population
    target of the catalogue. The verdict is the target ``target_id`` (a population target of the
    catalogue), else the population of all townships in 万人 without a target."""
    townships_label = layer_label(townships_source, townships_label)
    check_geometry(townships_source, townships_label, "TOWNSHIPS", GeometryType.Polygon)
    source.check(townships_source is not None, allow_typed=False)
    if source.points is not None:
        source.points_label = layer_label(source.points, source.points_label)
        check_geometry(source.points, source.points_label, "POPULATION_POINTS", GeometryType.Point)
        check_fields(source.points, source.points_label, [source.persons_field])
    if source.field:
        check_fields(townships_source, townships_label, [source.field])
    name_field = name_field or default_name_field(townships_source.fields().names())
    if name_field:
        check_fields(townships_source, townships_label, [name_field])
    workspace = Workspace.open([(townships_source, townships_label), (source.points, source.points_label)],
                               method=method, feedback=feedback, transform_context=transform_context,
                               not_empty=[(townships_source, townships_label)])
    fields = townships_source.fields().names()
    features = workspace.read_polygons(townships_source, townships_label, fields=fields)
    zones = [f.geometry for f in features]
    values = township_population(workspace, features, zones, source, townships_label)
    canonical = plan_namer(catalogue) if catalogue is not None else (lambda name: "")
    rows = []
    for feature, value in zip(features, values):
        name = str(feature.attributes.get(name_field) or "").strip() if name_field else ""
        name = name or tr("feature {fid}").format(fid=feature.fid)
        plan_name = canonical(name) if catalogue is not None else ""
        if catalogue is not None and catalogue.township(plan_name) is None:
            plan_name = ""
        row = TownshipPopulation(feature.fid, name, plan_name, feature.geometry, value)
        for structure in catalogue.structures if catalogue is not None else []:
            row.classes[structure.id] = _values(structure, feature.attributes, plan_name, fields)
        rows.append(row)
    overlaps = overlapping_pairs([(r.name, r.geometry) for r in rows], min_area=1.0)
    if overlaps:  # the persons of the overlap (a township given twice: all its persons) count in both
        workspace.note(tr("Townships overlap, so land in both is counted twice in sums: {pairs}.").format(
            pairs="; ".join(f"{a} / {b} ({area / 1e6:.4f} km²)" for a, b, area in overlaps[:10])))
    if catalogue is not None:
        unmatched = [r.name for r in rows if not r.plan_name]
        if unmatched:
            workspace.note(tr("Townships not named in the catalogue {catalogue} (in no class by name): "
                              "{names}.").format(catalogue=catalogue.name, names=", ".join(unmatched[:30])))
    total = sum(r.population for r in rows if r.population is not None)
    classes: List[ClassPopulation] = []
    for structure in catalogue.structures if catalogue is not None else []:
        for plan_class in structure.classes:
            members = [r for r in rows if plan_class.value in r.classes.get(structure.id, [])]
            if not members:
                continue
            classes.append(ClassPopulation(structure.id, structure.name, plan_class.value, len(members),
                                           sum(r.population for r in members if r.population is not None),
                                           sum(1 for r in members if r.population is None)))
        twice = [r.name for r in rows if len(r.classes.get(structure.id, [])) > 1]
        if twice:
            workspace.note(tr("{structure}: the plan gives these townships two readings; each counts in both "
                              "classes: {names}.").format(structure=structure.name, names=", ".join(twice)))
    targets = measure_targets(catalogue, rows, classes, total) if catalogue is not None else []
    chosen = None
    if target_id:
        chosen = next((t for t in targets if t.target.id == target_id), None)
        if chosen is None:
            known = ", ".join(t.target.id for t in targets if t.result is not None) or tr("(none)")
            raise PlanInputError(
                tr("Target '{id}' is no population target of the catalogue '{catalogue}'.").format(
                    id=target_id, catalogue=catalogue.name if catalogue is not None else ""),
                tr("Its population targets measurable here are: {known}.").format(known=known))
        if chosen.result is None:
            raise PlanInputError(tr("Target '{id}' cannot be measured here: {reason}.").format(
                id=target_id, reason=chosen.reason), tr("Choose another target, or leave TARGET_ID empty."))
        verdict = chosen.result
        if chosen.target.note:
            workspace.note(tr("About the target: {note}").format(note=chosen.target.note))
    else:
        verdict = TargetResult(tr("Population"), tr("all townships"), None, total * PER_UNIT[UNIT], UNIT)
    measured = [t for t in targets if t.result is not None]
    detail = PlacesDetail(workspace.projection, rows, classes, targets, total)
    return CheckResult(
        check=definitions.MEASURE_POPULATION, verdict=verdict, townships=rows, notes=workspace.notes,
        inputs=workspace.inputs() + ([f"{source.raster.name()}: {source.raster.crs().authid()}, "
                                      + tr("raster")] if source.raster is not None else []),
        method=source.describe(townships_label) + " " + tr(
            "A class's population is the sum over its townships; a target in 10k_persons is compared in 万人, one "
            "in percent as the scope's share of all townships' residents; a target marked （每…） is met when every "
            "township of its class meets it.") + " " + workspace.projection.describe(),
        extras={"POPULATION": total, "TARGETS_MEASURED": len(measured),
                "TARGETS_MET": sum(1 for t in measured if target_passed(t) is True),
                "TARGETS_NOT_MET": sum(1 for t in measured if target_passed(t) is False)},
        detail=detail)


def class_rows(detail: PlacesDetail) -> List[Tuple]:
    return [(c.structure_name, c.value, c.townships, c.population, c.population * 1e-4, c.unknown)
            for c in detail.classes]
