"""Facility coverage (issue 14, kind 1): the share of the served area (or of its residential land,
or of its population) within a walk of a facility, per township and per facility type, with the
uncovered parts as polygons. ``coverage.check_coverage`` is this check with the bus-stop preset;
zones, population, table and the every-type share are ``coverage``'s, the geometry ``core.geo``'s.

- Facilities are points or polygons: a polygon (a park, a school's grounds) is reached from its
  boundary (straight line: the polygon buffered, its own ground covered; along the network: from
  every road within the access width of its boundary) or from its entrances when given.
- The threshold is metres, or walking minutes read as ``facility_presets.threshold`` says (the
  walking speed, or GB 50180-2018's round distances); the presets are ``facility_presets``'.
- Along the network the walk from a reached road into the block (the access width, 50 m) is
  added on top of the threshold (as check_coverage always did) or taken from it: ``AccessReading``.
"""
from dataclasses import dataclass
from typing import List, Optional

import numpy as np
from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle, QgsWkbTypes

from ... import definitions
from ...compat import GeometryType, is_null
from ...i18n import language, tr
from ..errors import PlanInputError
from ..geo import service_area
from ..geo.inputs import check_fields
from ..geo.network import SNAP_TOLERANCE, RoadNetwork, point_xy
from ..geo.overlay import GeometryIndex
from ..geo.workspace import Workspace
from . import coverage
from .coverage import ACCESS_WIDTH, BUFFER_SEGMENTS, Distance, _label, _Run
from .facility_presets import (  # noqa: F401 (the presets' names, as facility_coverage's users take them)
    _DENOMINATORS,
    BUS_STOP,
    INDICATOR,
    LIFE_CIRCLE,
    LIFE_CIRCLE_ALL,
    PARK_5MIN,
    PARK_RADIUS,
    RAIL_800M,
    RESIDENTIAL_CODES,
    ROUND_METRES,
    UNIT,
    WALK_SPEED,
    AccessReading,
    Denominator,
    Preset,
    TimeReading,
    preset,
    presets,
    threshold,
)
from .targets import choose_target

BOUNDARY_STEP = 20.0    # m: a polygon's boundary is sampled this often to meet the network
ENTRANCE_TOLERANCE = 50.0  # m: an entrance farther than this from every facility polygon is not one


def _geometry_kind(source, label, chosen: Preset):
    kind = QgsWkbTypes.geometryType(source.wkbType())
    if kind not in (GeometryType.Point, GeometryType.Polygon):
        raise PlanInputError(
            tr("Parameter FACILITIES: layer '{layer}' does not hold points or polygons (it holds lines or no "
               "geometry); a facility is reached from a point or from a polygon's boundary.").format(layer=label),
            tr("Choose the facilities as points (entrances, stops) or polygons (parks, school grounds); a line "
               "layer can be turned into points with Processing Toolbox > Vector geometry > Points along "
               "geometry."))
    if chosen.geometry == "polygon" and kind != GeometryType.Polygon:
        raise PlanInputError(
            tr("Parameter FACILITIES: preset {preset} needs polygons (the radius depends on the park's area), "
               "but layer '{layer}' holds points.").format(preset=chosen.key, layer=label),
            tr("Choose the parks as polygons, or another preset with a fixed distance."))
    return "polygon" if kind == GeometryType.Polygon else "point"


def _target(chosen: Preset, catalogue, target_id, target_value, label):
    if target_value is None and callable(catalogue):
        catalogue = catalogue()
    if target_value is None and catalogue is None and not (target_id or "").strip():
        return None
    target_id = (target_id or "").strip()
    if target_value is None and catalogue is not None:
        own = [t for t in catalogue.targets if t.unit == UNIT and (t.id in chosen.targets or (
            t.measure is not None and t.measure.kind == INDICATOR and t.measure.facility == chosen.facility))]
        if target_id and target_id in [t.id for t in own]:
            return next(t for t in own if t.id == target_id)
        if not target_id and own:
            return own[0]
    first = chosen.indicator == "bus_stop_coverage"
    typed = tr("Bus-stop coverage (target given by the user)") if first else \
        tr("{label} (target given by the user)").format(label=label)
    return choose_target(catalogue if target_value is None else None, target_id, target_value, chosen.indicator,
                         UNIT, typed, first_by_default=first)


def check_facility_coverage(facilities, served_area, townships=None, **options):
    """The coverage of ``served_area`` (polygons) by ``facilities`` (points or polygons), per township
    of ``townships``. Options (keywords): ``preset`` (a key of ``presets()``; default the bus stops),
    ``name_field``, ``distance_m`` or ``minutes`` with ``walk_speed`` (m/s) and ``time_reading``,
    ``distance_method`` (``Distance.STRAIGHT`` / ``NETWORK``) with ``roads``, ``access_width`` and
    ``access_reading``, ``entrances`` (points), ``denominator`` (``Denominator``; default the
    preset's) with ``landuse_field`` and ``residential_codes``, or the population
    (``population_raster``, ``population_field``, ``population_points`` with ``persons_field``),
    ``type_field`` and ``type_value`` (the facilities of one type), ``catalogue``, ``target_id``,
    ``target_value``, ``with_service``, ``feedback``, ``transform_context``. Bad input raises
    PlanInputError naming the layer and the fix."""
    check, keys = definitions.CHECK_FACILITY_COVERAGE, ("FACILITIES", "DUPLICATE_FACILITIES")
    key, field = options.pop("preset", BUS_STOP) or BUS_STOP, options.pop("type_field", "")
    value = options.pop("type_value", "")
    if key != LIFE_CIRCLE_ALL and (value or not field):
        return _check(facilities, served_area, townships, check=check, counted_keys=keys, preset=key,
                      type_field=field, type_value=value, **options)
    label = _label(facilities, tr("Facilities")) if facilities is not None else ""
    if not field or facilities is None:
        raise PlanInputError(tr("Preset {preset} needs the facility type field (TYPE_FIELD).").format(preset=key),
                             tr("Choose the field naming each facility's type (e.g. 小学, 社区卫生服务中心)."))
    check_fields(facilities, label, [field])
    values = sorted({str(v).strip() for v in facilities.uniqueValues(facilities.fields().indexOf(field))
                     if not is_null(v) and str(v).strip()})
    own = {v: key if key != LIFE_CIRCLE_ALL else next((k for k, name, _ in LIFE_CIRCLE if name in v), None)
           for v in values}
    reads, every = {}, {}  # each layer read once for all the types (Workspace.reads); the every-type land
    runs = [(v, lambda v=v: _check(facilities, served_area, townships, check=check, counted_keys=keys, preset=own[v],
                                   type_field=field, type_value=v, reads=reads, with_uncovered=False,
                                   every=every, **options))
            for v in values if own[v]]
    skipped = [tr("{layer}: facilities of type {types} match no life-circle facility and are not measured.").format(
        layer=label, types=", ".join(v for v in values if not own[v]))] if not all(own.values()) else []
    target = _target(preset(key), options.get("catalogue"), options.get("target_id", ""),
                     options.get("target_value"), preset(key).label)
    return coverage.every_type(runs, target, preset(key).label, check, keys, skipped, every)


def _check(facilities, served_area, townships=None, *, check, counted_keys, preset: str = BUS_STOP,  # noqa: C901
           name_field: str = "", distance_m=None, minutes=None, walk_speed: float = WALK_SPEED,
           time_reading: int = TimeReading.SPEED, distance_method: int = Distance.STRAIGHT, roads=None,
           access_width: float = ACCESS_WIDTH, access_reading: int = AccessReading.ON_TOP, entrances=None,
           denominator: Optional[int] = None, landuse_field: str = "", residential_codes=RESIDENTIAL_CODES,
           population_raster=None, population_field: str = "", population_points=None, persons_field: str = "",
           type_field: str = "", type_value: str = "", catalogue=None, target_id: str = "",
           target_value: Optional[float] = None, with_service=True, feedback=None, transform_context=None, reads=None,
           with_uncovered=True, every=None):
    as_bus_check = check == definitions.CHECK_COVERAGE
    chosen = globals()["preset"](preset or BUS_STOP)
    if facilities is None or served_area is None:
        raise PlanInputError(tr("The facilities and the served area are both needed."),
                             tr("Choose a point or polygon layer of facilities (FACILITIES) and a polygon layer of "
                                "the served area (SERVED_AREA)."))
    facilities_label = _label(facilities, tr("Bus stops") if as_bus_check else tr("Facilities"))
    served_label = _label(served_area, tr("Served area"))
    kind = "point" if as_bus_check else _geometry_kind(facilities, facilities_label, chosen)
    along_network = distance_method == Distance.NETWORK
    denominator_given, denominator = denominator, chosen.denominator if denominator is None else denominator
    by_population = denominator == Denominator.POPULATION
    if along_network and roads is None:
        raise PlanInputError(tr("Distance along the network needs a road layer."),
                             tr("Choose the roads and footpaths (ROADS), or straight-line distance."))
    target = _target(chosen, catalogue, target_id, target_value, chosen.label)
    measure = getattr(target, "measure", None)
    from_target = ""
    if measure is not None and measure.kind == INDICATOR and not as_bus_check:
        # The target's measure block decides what the options leave open (the plan's words, or its convention).
        if distance_m is None and minutes is None and (measure.distance_m or measure.minutes):
            distance_m, minutes = measure.distance_m, None if measure.distance_m else measure.minutes
            from_target = tr("The threshold is the catalogue target's ({id}): {convention}").format(
                id=target.id, convention=measure.said("convention", language()) or measure.source)
        if denominator_given is None and measure.denominator in _DENOMINATORS:
            denominator = _DENOMINATORS[measure.denominator]
            by_population = denominator == Denominator.POPULATION
    if by_population and population_raster is None and not population_field and population_points is None:
        raise PlanInputError(tr("Population-based coverage needs a population raster or a population field."),
                             tr("Choose POPULATION_RASTER, or POPULATION_FIELD of the served-area layer, "
                                "or population points (POPULATION_POINTS), or the area measure."))
    if by_population and population_points is not None and not persons_field:
        raise PlanInputError(tr("The population points need their persons field."),
                             tr("Choose POPULATION_POINTS_FIELD, the field holding the persons at each point."))
    radius, threshold_words = threshold(chosen, distance_m, minutes, walk_speed, time_reading)
    threshold_words = " ".join(w for w in (threshold_words, from_target) if w)
    if type_field:
        check_fields(facilities, facilities_label, [type_field])
    if landuse_field and denominator == Denominator.RESIDENTIAL:
        check_fields(served_area, served_label, [landuse_field])

    roads_label = _label(roads, tr("Roads")) if roads is not None else ""
    townships_label = _label(townships, tr("Townships")) if townships is not None else ""
    run = _Run(facilities, served_area, townships, roads, facilities_label, served_label, townships_label,
               roads_label, name_field, radius if radius is not None else max(r for _, r in chosen.size_classes),
               along_network, access_width, by_population, population_raster, population_field, population_points,
               persons_field, with_service, target, feedback, check=check, label=chosen.label,
               counted_keys=counted_keys, with_uncovered=with_uncovered, every=every)
    if not as_bus_check:
        words = [tr("Definition ({key}): {label}. {source}").format(key=chosen.key, label=chosen.label,
                                                                    source=chosen.source), threshold_words]
        if along_network:
            words.append(tr("Walking access: {w:g} m from a reached road into the block, added on top of the "
                            "threshold (reading 1 of 2).").format(w=access_width)
                         if access_reading == AccessReading.ON_TOP else
                         tr("Walking access: {w:g} m from a reached road into the block, counted within the "
                            "threshold (the road reach is the threshold less {w:g} m; reading 2 of 2).").format(
                             w=access_width))
        run.method_prefix = " ".join(words)
        run.shapes = _Shapes(chosen, kind, radius, entrances, access_reading, type_field, type_value)
        if denominator == Denominator.RESIDENTIAL:
            if landuse_field:
                run.served_filter = coverage.ResidentialFilter(landuse_field, residential_codes, served_label)
                run.served_fields = (landuse_field,)
            else:
                run.method_prefix += " " + tr(
                    "Denominator: residential land; no land-use field was given, so the served area '{layer}' "
                    "is taken as the residential land.").format(layer=served_label)
    sources = [(served_area, served_label), (facilities, facilities_label)]
    if townships is not None:
        sources.append((townships, townships_label))
    if along_network:
        sources.append((roads, roads_label))
    if entrances is not None and not as_bus_check:
        sources.append((entrances, _label(entrances, tr("Entrances"))))
    workspace = Workspace.open(sources, feedback=feedback, transform_context=transform_context)
    workspace.reads = reads
    with workspace.transforms():
        return coverage._measure(workspace, run)


def _by_type(workspace: Workspace, features, field: str) -> dict:
    """The features by the stripped text of their ``field``, grouped once for every type's run."""
    def make():
        grouped = {}
        for f in features:
            grouped.setdefault(str(f.attributes.get(field)).strip(), []).append(f)
        return grouped

    return workspace.once(("by type", id(features), field), make, keep=features)


def _offset_notes(workspace: Workspace, features, served_index, label: str, points=None) -> list:
    """``service_area.offset_warning`` for the whole facilities layer ``features`` (``points``: their
    distinct (fids, coordinates), when the caller has them): said by the first type's run only (the
    layer is the same for every type)."""
    said = []

    def make():
        fids, coordinates, _ = service_area.distinct_points(features) if points is None else (*points, None)
        said.extend(service_area.offset_warning(service_area.as_points(fids, coordinates, service_area.OFFSET_SAMPLE),
                                                workspace.crs, served_index, label))

    workspace.once(("offset warning", id(features), id(served_index)), make, keep=(features, served_index))
    return said


@dataclass
class _Shapes:
    """The facilities' service shapes: coverage._Run.shapes for every facility of the check."""

    chosen: Preset
    kind: str
    radius: Optional[float]
    entrances: object
    access_reading: int
    type_field: str
    type_value: str

    def __call__(self, workspace: Workspace, run: _Run, served_index: GeometryIndex):
        notes, label = workspace.notes, run.stops_label
        fields = (self.type_field,) if self.type_field else ()
        reader = workspace.read_polygons if self.kind == "polygon" else workspace.read_points
        features = layer_features = reader(run.stops, label, fields, allow_empty=True)
        if self.type_field:
            wanted = str(self.type_value).strip()
            features = _by_type(workspace, features, self.type_field).get(wanted, [])
            notes.append(tr("{layer}: {n} facilities of type '{value}' (field {field}).").format(
                layer=label, n=len(features), value=wanted, field=self.type_field))
        duplicates: List[int] = []
        fids, coordinates = [], np.zeros((0, 2))  # the distinct points, as arrays (no QgsPointXY unless needed)
        if self.kind == "point":
            fids, coordinates, duplicates = service_area.distinct_points(features)
            polygons, radii = [], [self.radius] * len(fids)
            if duplicates:
                notes.append(tr("{layer}: {n} duplicate facilities counted once (feature ids {ids}).").format(
                    layer=label, n=len(duplicates), ids=coverage._ids(duplicates, 10)))
        else:
            polygons, radii = self._sized(features, notes, label)
        counted = len(fids) + len(polygons)
        if not counted:
            message = tr("{layer} holds no facility: the coverage is 0%. Check the layer, its filter and the "
                         "facility type.").format(layer=label)
            if run.feedback is not None:
                run.feedback.reportError(message, fatalError=False)
            notes.append(message)
        self._overlap(run, polygons, coordinates, max(radii) if radii else 0.0, served_index)
        access = self._access_points(workspace, polygons, radii, notes) if polygons else []
        if self.kind == "point":
            notes += _offset_notes(workspace, layer_features, served_index, label,
                                   None if features is not layer_features else (fids, coordinates))
        if run.along_network and counted:
            shapes = self._network(workspace, run, service_area.as_points(fids, coordinates) if len(fids) else [],
                                   polygons, radii, access)
            method = tr("Walking distance along {roads}: multi-source shortest paths from every facility (points "
                        "tied to the nearest road within {snap:g} m; polygons from every road within the access "
                        "width of their boundary, or from their entrances), every road part within reach widened "
                        "by {w:g} m on each side ({seg} segments per quarter circle); a polygon's own ground is "
                        "covered.").format(roads=run.roads_label, snap=SNAP_TOLERANCE, w=run.access_width,
                                           seg=BUFFER_SEGMENTS)
        else:
            shapes = self._straight(coordinates, radii, polygons, access)
            method = tr("Straight-line distance: every facility point buffered by the threshold, every facility "
                        "polygon buffered from its boundary (or its entrances buffered, the polygon itself "
                        "covered), {seg} segments per quarter circle (as native:buffer), dissolved and intersected "
                        "with the served area.").format(seg=BUFFER_SEGMENTS)
        return shapes, method, counted, duplicates

    def _sized(self, features, notes, label):
        """(polygons [(fid, geometry)], their radii): by the park-size classes when the preset has them."""
        polygons, radii, small = [], [], []
        for f in features:
            area = f.geometry.area()
            radius = self.radius
            if self.radius is None:
                radius = next((r for minimum, r in self.chosen.size_classes if area >= minimum), None)
            if radius is None or area < self.chosen.min_area_m2:
                small.append(f.fid)
                continue
            polygons.append((f.fid, f.geometry))
            radii.append(radius)
        if small:
            least = self.chosen.min_area_m2 or min(a for a, _ in self.chosen.size_classes)
            notes.append(tr("{layer}: {n} polygons under {a:g} m² are not counted as facilities (feature ids "
                            "{ids}).").format(layer=label, n=len(small), a=least, ids=coverage._ids(small, 10)))
        return polygons, radii

    def _overlap(self, run, polygons, coordinates, reach, served_index):
        """Refuses facilities that lie nowhere near the served area (another place, another CRS)."""
        if not (len(polygons) or len(coordinates)) or not len(served_index):
            return
        boxes = served_index.boxes
        served = QgsRectangle(float(boxes[:, 0].min()), float(boxes[:, 1].min()), float(boxes[:, 2].max()),
                              float(boxes[:, 3].max()))
        served.grow(reach + (run.access_width if run.along_network else 0.0))
        x, y = coordinates[:, 0], coordinates[:, 1]
        if not (any(served.intersects(g.boundingBox()) for _, g in polygons) or bool((
                (x >= served.xMinimum()) & (x <= served.xMaximum()) & (y >= served.yMinimum())
                & (y <= served.yMaximum())).any())):
            raise PlanInputError(
                tr("No facility of '{facilities}' (FACILITIES) lies within reach of the served area '{served}' "
                   "(SERVED_AREA): the two layers do not overlap.").format(facilities=run.stops_label,
                                                                        served=run.served_label),
                tr("Check that both layers cover the same place and that each layer's coordinate reference system "
                   "is the one its coordinates are in."))

    def _access_points(self, workspace, polygons, radii, notes):
        """[(polygon position, point)]: the entrances of each polygon, or none without an entrance layer."""
        if self.entrances is None:
            return []
        label = _label(self.entrances, tr("Entrances"))
        index = GeometryIndex([g for _, g in polygons])
        access, lost = [], []
        for f in workspace.read_points(self.entrances, label, (), allow_empty=True):
            for point in point_xy(f.geometry):
                geometry = QgsGeometry.fromPointXY(point)
                box = QgsRectangle(point.x() - ENTRANCE_TOLERANCE, point.y() - ENTRANCE_TOLERANCE,
                                   point.x() + ENTRANCE_TOLERANCE, point.y() + ENTRANCE_TOLERANCE)
                near = [(index.geometries[i].distance(geometry), i) for i in index.positions(box)]
                near = [(d, i) for d, i in near if d <= ENTRANCE_TOLERANCE]
                if near:
                    access.append((min(near)[1], point))
                else:
                    lost.append(f.fid)
        if lost:
            notes.append(tr("{layer}: {n} entrances lie more than {d:g} m from every facility polygon and are not "
                            "used (feature ids {ids}).").format(layer=label, n=len(lost), d=ENTRANCE_TOLERANCE,
                                                                ids=coverage._ids(lost, 10)))
        return access

    def _straight(self, coordinates, radii, polygons, access):
        """The points' discs (built by the kernel where a zone needs them) and the polygons' shapes."""
        service = service_area.Service(points=coordinates, radius=self.radius or 0.0)
        if self.entrances is None:
            service.shapes += [g.buffer(r, BUFFER_SEGMENTS) for (_, g), r in zip(polygons, radii)]
        else:
            service.shapes += [QgsGeometry(g) for _, g in polygons]
            for position, point in access:
                service.shapes += service_area.stop_buffers([point], radii[position])
        return service

    def _network(self, workspace, run, sources, polygons, radii, access):
        """Reachable roads from the points, the polygons' boundaries or entrances, widened; with the polygons.
        ``radii``: one per point of ``sources``, or one per polygon of ``polygons``."""
        roads = workspace.read_lines(run.roads, run.roads_label, ())
        network = RoadNetwork([f.geometry for f in roads], feedback=run.feedback)
        starts = list(zip(sources, radii)) if sources else []
        if polygons and self.entrances is not None:
            starts += [((-1 - position, point), radii[position]) for position, point in access]
        elif polygons:
            for position, (_, geometry) in enumerate(polygons):
                boundary = QgsGeometry(geometry.constGet().boundary()).densifyByDistance(BOUNDARY_STEP)
                starts += [((-1 - position, QgsPointXY(v)), radii[position]) for v in boundary.vertices()]
        shapes, all_ties, all_far = [], [], []
        for radius in sorted({r for _, r in starts}):
            group = [s for s, r in starts if r == radius]
            ties, far = network.tie(group)
            if polygons and self.entrances is None:
                # a polygon meets the roads that pass within the access width of its boundary
                ties = [t for t in ties if t.distance <= run.access_width]
                far = []
            all_ties += ties
            all_far += [s for s in far if s >= 0]
            reach = radius - run.access_width if self.access_reading == AccessReading.WITHIN else radius
            if reach > 0 and ties:
                shapes += network.reachable_lines(ties, reach, run.feedback)  # widened by the kernel
        if polygons:
            met = {-1 - t.stop for t in all_ties if t.stop < 0}
            unmet = [fid for position, (fid, _) in enumerate(polygons) if position not in met]
            if unmet:
                workspace.notes.append(tr(
                    "{layer}: {n} facility polygons have no road within {w:g} m of their boundary (or of their "
                    "entrances) and are reached only on their own ground (feature ids {ids}).").format(
                    layer=run.stops_label, n=len(unmet), w=run.access_width, ids=coverage._ids(unmet, 10)))
        workspace.notes.extend(network.diagnose(all_ties, all_far).notes(run.roads_label))
        return service_area.Service([QgsGeometry(g) for _, g in polygons], lines=shapes, width=run.access_width)
