"""Bus-stop coverage: the share of the served area (城区 / built-up land) within
a radius (500 m) of a bus stop, by area or by population, per township, beside
the plan's target (城区公交站点500米覆盖率, e.g. 巫溪 90% by 2025,
004_de8bb285974af80e.txt l.39).

``check_coverage`` is the check's one entry point: layers and options in, a
``CheckResult`` out (the verdict, a row per township, notes, method, the further
figures, and in ``detail`` the geometries the algorithm's sinks need). It runs
from a script or a test as well as from ``cq_urban:check_coverage``::

    from cq_urban_plugin.core.checks.coverage import check_coverage
    result = check_coverage(stops_layer, builtup_layer, townships_layer, name_field="name", target_value=90)
    result.verdict.measured, result.verdict.passed, result.outputs()["SERVED_KM2"]

It is the facility coverage (``facility_coverage.check_facility_coverage``) with the bus-stop
preset; the work of every coverage run, once its layers are open, is ``_measure`` here (zones,
coverage, population, the table and the verdict), the service shapes of the stops
``_stop_shapes`` and those of any facility ``facility_coverage._Shapes``.

The geometry is in ``core.geo``: service areas and zones in ``service_area.py``,
walking distance in ``network.py``, population in ``population.py``; the layers
are opened, projected and read by ``workspace.py``.
"""
from dataclasses import dataclass
from typing import Dict, List, NamedTuple, Optional

from qgis.core import QgsGeometry, QgsProcessingMultiStepFeedback, QgsRectangle

from ... import definitions
from ...compat import is_null
from ...i18n import tr
from ..errors import PlanInputError
from ..geo import population as pop
from ..geo import service_area
from ..geo.features import FeatureGeometries
from ..geo.inputs import layer_label
from ..geo.measure import AreaMeter, Projection
from ..geo.network import SNAP_TOLERANCE, RoadNetwork, point_xy
from ..geo.overlay import GeometryIndex, as_qgis, as_shapely, union_all
from ..geo.service_area import (  # noqa: F401 (the check's figures and constants, read from here)
    ACCESS_WIDTH,
    BUFFER_SEGMENTS,
    CoverageSummary,
    ZoneCoverage,
)
from ..geo.workspace import Workspace
from ..kernels.arrays import areas
from .landuse import CodeSelector
from .result import CheckResult
from .targets import TargetResult, target_met

INDICATOR = "bus_stop_coverage"
UNIT = "percent"
DEFAULT_RADIUS = 500.0  # m: 城区公交站点500米覆盖率
RASTER_SHARE_WARNING = 0.995  # below this share of the served area on cells with data, say so


class Distance:
    STRAIGHT = 0
    NETWORK = 1


class Measure:
    AREA = 0
    POPULATION = 1


class CoverageRow(NamedTuple):
    """One row of the coverage table: a township, or the whole served area (the last row)."""

    township: str
    served_km2: float
    cover_km2: float
    cover_pct: Optional[float]
    pop_served: Optional[float]
    pop_cover: Optional[float]
    pop_pct: Optional[float]
    measured: Optional[float]
    target: Optional[float]
    gap: Optional[float]
    passed: Optional[str]       # "yes", "no", or None without a target


@dataclass
class CoverageDetail:
    """What the sinks and the report need beside the verdict."""

    projection: Projection       # the working CRS (the sinks' CRS) and how areas were measured
    zones: List[ZoneCoverage]    # per township (or grid tile): served, covered, service, uncovered geometries
    names: Dict[object, str]     # zone key -> township name ("" for a grid tile)
    summary: CoverageSummary
    rows: List[CoverageRow]      # the table: the townships by name, then the whole served area
    stops: int                   # stops counted (duplicates once)
    duplicates: List[int]        # feature ids of the duplicate stops


def table_rows(results, names, summary, target, by_population, per_township, comparison=">=", value_min=None,
               value_max=None, tolerance_pct=None):
    """The coverage table: a row per township (by name) when ``per_township``, then the whole served area.
    Each row's verdict honours the target's ``comparison`` (a cap, "<=", is met below its value; a range
    lies between ``value_min`` and ``value_max``)."""
    def row(name, served, covered, pct, pop_served, pop_covered, pop_pct):
        measured = pop_pct if by_population else pct
        gap = None if target is None or measured is None else measured - target
        met = target_met(measured, target, comparison, value_min, value_max, tolerance_pct)
        passed = None if met is None else ("yes" if met else "no")
        return CoverageRow(name, served, covered, pct, pop_served, pop_covered, pop_pct, measured, target, gap,
                           passed)

    rows = []
    if per_township:
        for result in sorted(results, key=lambda r: names.get(r.key, "")):
            rows.append(row(names.get(result.key, ""), result.served_km2, result.covered_km2, result.percent,
                            result.pop_served, result.pop_covered, result.pop_percent))
    rows.append(row(tr("Whole served area"), summary.served_km2, summary.covered_km2, summary.area_percent,
                    summary.pop_served, summary.pop_covered, summary.pop_percent))
    return rows


@dataclass
class _Run:
    """The inputs of one coverage run, once checked and labelled (``facility_coverage`` builds it)."""

    stops: object                # the facilities (points or polygons)
    served_area: object
    townships: object
    roads: object
    stops_label: str
    served_label: str
    townships_label: str
    roads_label: str
    name_field: str
    radius: float
    along_network: bool
    access_width: float
    by_population: bool
    raster: object
    population_field: str
    population_points: object
    persons_field: str
    with_service: bool
    target: object
    feedback: object
    # The service shapes: shapes(workspace, run, served_index) -> (shapes, method, counted, duplicates);
    # None: the bus stops' buffers or reachable roads, as check_coverage always measured them.
    shapes: object = None
    check: str = definitions.CHECK_COVERAGE
    label: str = ""               # the verdict's label without a target
    served_filter: object = None  # served polygons kept: filter(workspace, features) -> features
    served_fields: tuple = ()     # the fields served_filter reads
    counted_keys: tuple = ("STOPS", "DUPLICATE_STOPS")
    method_prefix: str = ""       # the definition, before the method
    with_uncovered: bool = True   # each zone's uncovered land (the every-type share makes its own)
    every: object = None          # the land reached by every type so far (kernels.coverage.reached_by_every)


def _label(source, default):
    """The layer's own name, or what it is for when it has none."""
    name = layer_label(source)
    return default if name == tr("input layer") else name


def _progress(feedback, percent):
    if feedback is not None:
        feedback.setProgress(percent)


def _ids(values, shown):
    return ", ".join(str(i) for i in values[:shown]) + (" …" if len(values) > shown else "")


def check_coverage(stops, served_area, townships=None, *, name_field: str = "", radius: float = DEFAULT_RADIUS,
                   distance: int = Distance.STRAIGHT, roads=None, access_width: float = ACCESS_WIDTH,
                   measure: int = Measure.AREA, population_raster=None, population_field: str = "",
                   population_points=None, persons_field: str = "", catalogue=None, target_id: str = "",
                   target_value: Optional[float] = None, with_service: bool = True, feedback=None,
                   transform_context=None) -> CheckResult:
    """The bus-stop coverage of ``served_area`` (polygons) by ``stops`` (points), per township of
    ``townships`` (polygons, named by ``name_field``; without them the work is split by grid tile).

    ``distance``: ``Distance.STRAIGHT`` (buffers of ``radius`` m) or ``Distance.NETWORK`` (along
    ``roads``, every reached road part widened by ``access_width`` m). ``measure``: ``Measure.AREA``
    or ``Measure.POPULATION``, from ``population_raster`` (a raster layer of persons per cell), or
    ``population_field`` of the served polygons, or ``population_points`` with ``persons_field``.
    The target: ``target_value`` (percent, a floor), else ``target_id`` of ``catalogue`` (a
    Catalogue, or a function returning one, called only when needed), else the catalogue's first
    bus-stop coverage target; none without a catalogue. ``with_service``: keep every zone's whole
    service area (for a service-area layer; without it the work is 2–3 times quicker).
    ``transform_context``: the datum-transform choices (None: the running algorithm's, else the
    project's). Layers are vector layers or Processing feature sources; errors are PlanInputError."""
    if stops is None or served_area is None:
        raise PlanInputError(tr("The bus stops and the served area are both needed."),
                             tr("Choose a point layer of stops and a polygon layer of the served area."))
    from .facility_coverage import BUS_STOP, _check

    return _check(
        stops, served_area, townships, check=definitions.CHECK_COVERAGE, counted_keys=("STOPS", "DUPLICATE_STOPS"),
        preset=BUS_STOP, name_field=name_field, distance_m=radius,
        distance_method=distance, roads=roads, access_width=access_width,
        denominator=measure,
        population_raster=population_raster, population_field=population_field,
        population_points=population_points, persons_field=persons_field, catalogue=catalogue,
        target_id=target_id, target_value=target_value, with_service=with_service, feedback=feedback,
        transform_context=transform_context)


def _measure(workspace: Workspace, run: _Run) -> CheckResult:
    """The work of a coverage run (``facility_coverage.check_facility_coverage``) once its layers are open."""
    feedback, raster, by_population, townships = run.feedback, run.raster, run.by_population, run.townships
    served_label, target = run.served_label, run.target
    population_field, population_points, persons_field = run.population_field, run.population_points, \
        run.persons_field
    meter, notes = workspace.meter, workspace.notes

    fields = [population_field] if by_population and population_field and raster is None \
        and population_points is None else []
    # Progress by phase (reading, service area, zones, writing), so the bar moves from the start.
    _progress(feedback, 2)
    served = workspace.read_polygons(run.served_area, served_label,
                                     fields + [f for f in run.served_fields if f not in fields])
    _progress(feedback, 15)
    if run.served_filter is not None:
        served = run.served_filter(workspace, served)
    served_geometries, served_index = _served_index(workspace, served_label, served)
    shapes, method, counted, duplicates = (run.shapes or _stop_shapes)(workspace, run, served_index)
    service = shapes if isinstance(shapes, service_area.Service) else service_area.Service(list(shapes))

    names = {}
    if townships is not None:
        zones = []
        name_field = run.name_field
        for f in workspace.read_polygons(townships, run.townships_label, [name_field] if name_field else []):
            zones.append((f.fid, f.geometry))
            name = f.attributes.get(name_field) if name_field else None
            names[f.fid] = str(name) if name not in (None, "") and not is_null(name) else f"fid {f.fid}"
    else:
        rect = QgsRectangle()
        for geometry in served_geometries:
            rect.combineExtentWith(geometry.boundingBox())
        rect.combineExtentWith(service.extent())
        zones = service_area.grid_zones(rect)
    zones_feedback = None
    if feedback is not None:
        feedback.setProgressText(tr("Coverage in {n} zones").format(n=len(zones)))
        feedback.setProgress(45)
        zones_feedback = QgsProcessingMultiStepFeedback(2, feedback)  # the zones: the second half, 50 → 100 %
        zones_feedback.setCurrentStep(1)
        zones_feedback.setProgress(0)
    results = service_area.cover_zones(served_geometries, service.shapes, zones, meter, zones_feedback,
                                       run.with_service, served_index, service.points, service.radius, service.lines,
                                       service.width, run.with_uncovered, workspace.reads, run.every)
    summary = CoverageSummary(results, notes)
    if townships is not None:
        # planar areas: this is only a hint that part of the served area was left out
        outside = float(areas(served_geometries.shapes()).sum()) / 1e6 - summary.served_km2
        if outside > 1e-6 and outside > 1e-3 * summary.served_km2:
            notes.append(tr("About {km2:.3f} km² of the served area lies outside every township and is not "
                            "counted (overlapping served polygons also reduce this figure).").format(km2=outside))

    if by_population:
        method += " " + _add_population(workspace, run, results, served, zones)

    if by_population and summary.served_km2 > 0 and not summary.pop_served:
        source = (tr("population raster '{layer}'").format(layer=raster.name()) if raster is not None else
                  tr("population points '{layer}' (field {field})").format(
                      layer=_label(population_points, tr("Population points")), field=persons_field)
                  if population_points is not None else
                  tr("population field '{field}' of '{layer}'").format(field=population_field, layer=served_label))
        raise PlanInputError(
            tr("The {source} gives no person in the served area: a population coverage cannot be "
               "computed.").format(source=source),
            tr("Check that the population data belong to this place and hold persons, or measure by area."))
    measured = (summary.pop_percent or 0.0) if by_population else summary.area_percent
    target_number = target.value if target is not None else None
    verdict = TargetResult(target.label if target is not None else (run.label or tr("Bus-stop coverage")),
                           tr("Whole served area"),
                           target_number, measured, UNIT, target.comparison if target is not None else ">=",
                           target.year if target is not None else None,
                           str(target.cite) if target is not None and target.cite else "",
                           target.value_min if target is not None else None,
                           target.value_max if target is not None else None,
                           getattr(target, "tolerance_pct", None))
    rows = table_rows(results, names, summary, target_number, by_population, townships is not None,
                      verdict.comparison, verdict.value_min, verdict.value_max, verdict.tolerance_pct)
    detail = CoverageDetail(workspace.projection, results, names, summary, rows, counted, duplicates)
    return CheckResult(
        check=run.check, verdict=verdict, townships=rows[:-1], notes=notes,
        inputs=[run.stops_label, served_label] + ([layer_label(townships)] if townships is not None else []),
        method=" ".join(p for p in (run.method_prefix, method, workspace.projection.describe()) if p),
        extras={"AREA_PERCENT": summary.area_percent, "POPULATION_PERCENT": summary.pop_percent,
                "SERVED_KM2": summary.served_km2, "COVERED_KM2": summary.covered_km2, run.counted_keys[0]: counted,
                run.counted_keys[1]: len(duplicates)},
        detail=detail)


def _served_index(workspace: Workspace, label: str, served):
    """(the served polygons' geometries, their index): made once for the runs sharing
    ``workspace.reads`` (one per facility type), so that its shapely copy and the served land cut
    by the zones (``service_area.cover_zones``) are made once too."""
    def make():
        geometries = FeatureGeometries(served)
        return geometries, GeometryIndex(geometries)

    return workspace.once(("served index", label, tuple(f.fid for f in served)), make)


def _stop_shapes(workspace: Workspace, run: _Run, served_index: GeometryIndex):
    """The bus stops' service shapes: (shapes, method, stops counted, duplicate stop ids)."""
    feedback, stops_label, radius, notes = run.feedback, run.stops_label, run.radius, workspace.notes
    stop_features = workspace.read_points(run.stops, stops_label, (), allow_empty=True)
    _progress(feedback, 25)
    fids, coordinates, duplicates = service_area.distinct_points(stop_features)
    if duplicates:
        notes.append(tr("{layer}: {n} duplicate stops counted once (feature ids {ids}).").format(
            layer=stops_label, n=len(duplicates), ids=_ids(duplicates, 10)))
    if not len(fids):
        message = tr("{layer} holds no stop: the coverage is 0%. Check the layer and its filter.").format(
            layer=stops_label)
        if feedback is not None:
            feedback.reportError(message, fatalError=False)
        notes.append(message)
    notes += service_area.offset_warning(service_area.as_points(fids, coordinates, service_area.OFFSET_SAMPLE),
                                         workspace.crs, served_index, stops_label)

    if feedback is not None:
        feedback.setProgressText(tr("Service area of {n} stops").format(n=len(fids)))
    if run.along_network and len(fids):
        points = service_area.as_points(fids, coordinates)
        roads_label = run.roads_label
        roads = workspace.read_lines(run.roads, roads_label, ())
        network = RoadNetwork([f.geometry for f in roads], feedback=feedback)
        ties, far = network.tie(points)
        notes += network.diagnose(ties, far).notes(roads_label)
        shapes = service_area.Service(lines=network.reachable_lines(ties, radius, feedback), width=run.access_width)
        method = tr("Walking distance along {roads}: multi-source shortest paths from every stop tied to the "
                    "nearest road within {snap:g} m, every road part within {r:g} m widened by {w:g} m on each "
                    "side ({seg} segments per quarter circle).").format(
            roads=roads_label, snap=SNAP_TOLERANCE, r=radius, w=run.access_width, seg=BUFFER_SEGMENTS)
    else:
        shapes = service_area.Service(points=coordinates, radius=radius)
        method = tr("Straight-line distance: every stop buffered by {r:g} m with {seg} segments per quarter "
                    "circle (as native:buffer), dissolved and intersected with the served area.").format(
            r=radius, seg=BUFFER_SEGMENTS)
    return shapes, method, len(fids), duplicates


def every_type(runs, target, label: str, check: str, counted_keys, notes=(), every=None) -> CheckResult:
    """One coverage per facility type, and the share reached by every type (the life circle as a whole).

    ``runs``: [(type, a function returning that type's CheckResult)], each over the same served area
    and townships. Rows: each type's townships and whole area ("type · township"), then the every-type
    rows; the verdict is the every-type share of the whole served area. By area only. ``every``: the
    state the runs updated (``kernels.coverage.reached_by_every``), when each run was given it."""
    results = [(value, run()) for value, run in runs]
    if not results:
        raise PlanInputError(tr("No facility type to measure."),
                             tr("Check the facility type field (TYPE_FIELD) and its values, or choose one type "
                                "(TYPE_VALUE)."))
    if any(r.detail.summary.pop_served is not None for _, r in results):
        raise PlanInputError(tr("The coverage by every facility type is measured by area, not by population."),
                             tr("Choose one facility type (TYPE_VALUE) for a population coverage, or the area."))
    first = results[0][1].detail
    meter, names = AreaMeter(first.projection), dict(first.names)
    zones = []
    if names:  # townships: the same zones (by feature id) in every run
        keys = sorted({z.key for _, r in results for z in r.detail.zones}, key=lambda k: names.get(k, ""))
        by_key = [{z.key: z for z in r.detail.zones} for _, r in results]  # not a search per key: linear
        parts = [(k, [zones_of.get(k) for zones_of in by_key]) for k in keys]
    else:  # grid tiles differ between runs: the whole served area as one zone
        parts = [("", [ZoneCoverage("", union_all([z.served for z in r.detail.zones]),
                                    union_all([z.covered for z in r.detail.zones if not z.covered.isEmpty()]),
                                    QgsGeometry(), QgsGeometry(), 0.0, 0.0) for _, r in results])]
    served = [next((z.served for z in per_type if z is not None and not z.served.isEmpty()), QgsGeometry())
              for _, per_type in parts]
    covered, uncovered, served_km2, covered_km2 = _reached_by_all(
        served, [[z.covered if z is not None else None for z in per_type] for _, per_type in parts], meter,
        _every_zones(every, [key for key, _ in parts], len(results)) if names else None)
    for (key, _), *figures in zip(parts, served, covered, uncovered, served_km2, covered_km2):
        zones.append(ZoneCoverage(key, figures[0], figures[1], QgsGeometry(), *figures[2:]))
    summary = CoverageSummary(zones)
    every = tr("Every type ({types})").format(types=", ".join(v for v, _ in results))
    verdict = TargetResult(target.label if target is not None else label, every,
                           target.value if target is not None else None, summary.area_percent, UNIT,
                           target.comparison if target is not None else ">=", getattr(target, "year", None),
                           str(target.cite) if target is not None and target.cite else "",
                           getattr(target, "value_min", None), getattr(target, "value_max", None),
                           getattr(target, "tolerance_pct", None))
    rows = [r._replace(township=f"{value} · {r.township}") for value, result in results for r in result.detail.rows]
    rows += [r._replace(township=f"{every} · {r.township}") for r in table_rows(
        zones, names, summary, verdict.target, False, bool(names), verdict.comparison)]
    detail = CoverageDetail(first.projection, zones, names, summary, rows,
                            sum(r.detail.stops for _, r in results), [])
    method = " ".join([tr("Per facility type: {types}; the share reached by every type is the intersection of "
                          "their covered areas.").format(types=", ".join(v for v, _ in results))]
                      + [f"[{value}] {result.method}" for value, result in results])
    return CheckResult(
        check=check, verdict=verdict, townships=rows[:-1], notes=list(notes) + [
            f"[{value}] {note}" for value, result in results for note in result.notes],
        inputs=results[0][1].inputs, method=method,
        extras={"AREA_PERCENT": summary.area_percent, "POPULATION_PERCENT": None, "SERVED_KM2": summary.served_km2,
                "COVERED_KM2": summary.covered_km2, counted_keys[0]: detail.stops, counted_keys[1]: 0},
        detail=detail)


def _every_zones(every, keys, types: int):
    """Per zone of ``keys``, the land reached by every type as the runs' kernels found it, part by
    part (shapely); None unless each of the ``types`` runs updated ``every``."""
    if not every or every.get("types") != types or "keys" not in every:
        return None
    from ..kernels.coverage import reached_by_every

    position = {key: i for i, key in enumerate(every["keys"])}
    if any(key not in position for key in keys):
        return None
    return reached_by_every(every)[[position[key] for key in keys]]


def _reached_by_all(served, covered_by_type, meter, reached=None):
    """(covered, uncovered, served km², covered km²) per zone: its served land reached by every type
    (the intersection of each type's covered land; ``covered_by_type``: per zone, each type's, None
    where a type has no result; or ``reached``, found part by part as each type was measured) and
    the rest, as QgsGeometry, with their areas by ``meter``; on shapely arrays
    (``kernels.facility.reached_by_all``), crossing as WKB."""
    from ..kernels.facility import reached_by_all

    served_s = as_shapely(served)
    covered, uncovered = reached_by_all(served_s, [reached] if reached is not None else (  # one type at a time
        as_shapely([c[position] if position < len(c) and c[position] is not None else QgsGeometry()
                    for c in covered_by_type])
        for position in range(max((len(c) for c in covered_by_type), default=0))))
    covered_q = as_qgis(covered)
    return covered_q, as_qgis(uncovered), meter.km2_each(served, served_s), meter.km2_each(covered_q, covered)


@dataclass
class ResidentialFilter:
    """Keeps the served polygons whose land-use code is residential."""

    field: str
    codes: tuple
    label: str

    def __call__(self, workspace: Workspace, features):
        source = next(s for s, label in workspace.sources if label == self.label)
        fields = source.fields()
        selector = CodeSelector(self.codes, fields.at(fields.indexOf(self.field)), self.label)
        selector.selected_what = tr("residential land")
        selector.fix = tr("Choose the land-use field and the residential codes (default 0701 城镇住宅用地).")
        kept = [f for f in features if selector(f.fid, f.attributes.get(self.field))]
        selector.check_matched()
        workspace.notes.extend(selector.notes())
        return kept


def _add_population(workspace: Workspace, run: _Run, results, served, zones) -> str:
    """Adds the population to every zone of ``results``; returns the method's words for it."""
    feedback, raster, notes = run.feedback, run.raster, workspace.notes
    population_field, population_points, persons_field = run.population_field, run.population_points, \
        run.persons_field
    if raster is not None:
        share = pop.add_raster_population(results, raster.source(), raster.crs(), workspace.crs, raster.name(),
                                          feedback)
        if share < RASTER_SHARE_WARNING:
            notes.append(tr(
                "The population raster '{raster}' has data under only {share:.1f}% of the served area "
                "(the rest lies outside the raster or on nodata cells): the population figures count "
                "that part only. Use a raster covering the whole served area.").format(
                raster=raster.name(), share=100.0 * share))
        return tr("Population: cells of {raster} whose centre is in the covered / served area.").format(
            raster=raster.name())
    if population_points is not None:
        label = _label(population_points, tr("Population points"))
        people = workspace.read_points(population_points, label, [persons_field], allow_empty=True)
        pop.add_point_population(results, [
            (point, pop.population_value(f.attributes.get(persons_field), label, f.fid, persons_field))
            for f in people for point in point_xy(f.geometry)])
        return tr("Population: field {field} of {layer}, each point counted where it stands.").format(
            field=persons_field, layer=label)
    served_label = run.served_label
    pairs = [(f.geometry, pop.population_value(f.attributes.get(population_field), served_label, f.fid,
                                               population_field)) for f in served]
    unknown = [f.fid for f, (_, value) in zip(served, pairs) if value is None]
    if unknown and feedback is not None:
        # Left out of both the served and the covered population: say so, with the features.
        feedback.pushWarning(tr(
            "{layer}: {n} served polygons have no population in field '{field}' (feature ids {ids}); "
            "they count in the area but not in the population coverage.").format(
            layer=served_label, n=len(unknown), field=population_field, ids=_ids(unknown, 20)))
    pop.add_field_population(results, pairs, dict(zones), workspace.meter)
    return tr("Population: field {field}, shared out by area.").format(field=population_field)
