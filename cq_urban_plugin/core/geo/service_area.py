"""Service areas and their coverage of a served area, zone by zone: the geometry
of the bus-stop coverage check (``core.checks.coverage``), with no plan knowledge.

Method (straight-line distance), all in the CGCS2000 Gauss-Krüger zone of the
data (``measure.choose_projection``):

1. stops are deduplicated (two stops within 1 cm are one stop); a stop's service shape is its
   buffer by the radius with ``BUFFER_SEGMENTS`` (16) segments per quarter circle: a regular
   64-gon, whose area is 0.16% smaller than the true disc. QGIS's ``native:buffer`` with
   SEGMENTS=16 gives the same polygon;
2. the work is split by zone (township, or a 2 km grid tile when no township layer is given):
   in each zone the served polygons are dissolved (only where they meet) and cut to the zone;
   each polygon of that served land then loses, one after the other, the buffers of the stops
   within the radius of it (only those are ever built), and one lying inside a buffer is covered
   whole at once. No union of buffers is made, unless the zone's whole service area is asked for.
   Overlapping stops and overlapping served polygons count once;
3. coverage = covered area / served area, summed over the zones.

The geometry is ``core.kernels.coverage`` (shapely 2 arrays); this module is its QGIS edge, the
geometries crossing as WKB (``overlay.as_shapely`` / ``as_qgis``). Along the network
(``network.py``) the buffers are replaced by the reachable parts of the road network, each
widened by ``ACCESS_WIDTH`` on both sides (the walk from the road into the block), with the same
segment count, only where they can reach the served land.
"""
import math
import struct
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
)

from ...i18n import tr
from ..errors import check_cancel
from . import transforms
from .features import shapes_of
from .overlay import GeometryIndex, as_qgis, as_shapely
from .workspace import remembered

BUFFER_SEGMENTS = 16  # per quarter circle, as native:buffer's SEGMENTS
ACCESS_WIDTH = 50.0  # m: walking access on each side of a reachable road, network distance only
TILE_SIZE = 2000.0  # m: grid tiles when no township layer is given
DUPLICATE_TOLERANCE = 0.01  # m: stops closer than this are one stop
OUTSIDE_WARNING_SHARE = 0.5  # warn when more than half of the stops are far outside the served area
OUTSIDE_DISTANCE = 50.0  # m: "far": real stops stand on the street, outside the land-use blocks (OSM)
OFFSET_SAMPLE = 1000  # stops tested for the offset warning (a regular sample: shares to about ±3 %)


@dataclass
class ZoneCoverage:
    """Coverage inside one township (or grid tile)."""

    key: object
    served: QgsGeometry
    covered: QgsGeometry
    service: QgsGeometry
    uncovered: QgsGeometry
    served_km2: float
    covered_km2: float
    pop_served: Optional[float] = None
    pop_covered: Optional[float] = None

    @property
    def percent(self) -> Optional[float]:
        return 100.0 * self.covered_km2 / self.served_km2 if self.served_km2 > 0 else None

    @property
    def pop_percent(self) -> Optional[float]:
        if self.pop_served is None or self.pop_served <= 0:
            return None
        return 100.0 * self.pop_covered / self.pop_served


@dataclass
class CoverageSummary:
    zones: List[ZoneCoverage]
    notes: List[str] = field(default_factory=list)

    @property
    def served_km2(self) -> float:
        return sum(z.served_km2 for z in self.zones)

    @property
    def covered_km2(self) -> float:
        return sum(z.covered_km2 for z in self.zones)

    @property
    def area_percent(self) -> float:
        served = self.served_km2
        return 100.0 * self.covered_km2 / served if served > 0 else 0.0

    @property
    def pop_served(self) -> Optional[float]:
        values = [z.pop_served for z in self.zones if z.pop_served is not None]
        return sum(values) if values else None

    @property
    def pop_covered(self) -> Optional[float]:
        values = [z.pop_covered for z in self.zones if z.pop_covered is not None]
        return sum(values) if values else None

    @property
    def pop_percent(self) -> Optional[float]:
        served = self.pop_served
        if not served:
            return None
        return 100.0 * (self.pop_covered or 0.0) / served


def xy(points: Sequence[QgsPointXY]):
    """The points as an n × 2 array of coordinates."""
    import numpy as np

    return np.array([(p.x(), p.y()) for p in points], dtype=float).reshape(-1, 2)


def unique_points(points: Sequence[Tuple[int, QgsPointXY]], tolerance: float = DUPLICATE_TOLERANCE):
    """(unique [(fid, point)], duplicate fids): a stop entered twice counts once."""
    from ..kernels.coverage import unique_points as unique

    keep, repeats = unique(xy([p for _, p in points]), tolerance)
    return [points[i] for i in keep], [points[i][0] for i in repeats]


def distinct_points(features, tolerance: float = DUPLICATE_TOLERANCE):
    """(fids, n × 2 coordinates) of the distinct points of point features (``ReadFeature``; every point
    of a multipoint, under its feature's id), and the fids of the repeats, in the layer's order:
    ``unique_points`` on arrays, the geometries crossing as WKB."""
    import numpy as np

    from ..kernels.coverage import point_coordinates
    from ..kernels.coverage import unique_points as unique

    coordinates, owner = point_coordinates(shapes_of(features))
    fids = np.array([f.fid for f in features], dtype=np.int64)[owner]
    keep, repeats = unique(coordinates, tolerance)
    return fids[keep], coordinates[keep], fids[repeats].tolist()


def as_points(fids, coordinates, size: Optional[int] = None) -> List[Tuple[int, QgsPointXY]]:
    """[(fid, point)] of arrays; with ``size``, the regular sample of at most that many that
    ``offset_warning`` takes."""
    positions = range(len(fids))
    if size is not None and len(fids) > size:
        positions = [int(i * len(fids) / size) for i in range(size)]
    return [(int(fids[i]), QgsPointXY(float(coordinates[i, 0]), float(coordinates[i, 1]))) for i in positions]


@dataclass
class Service:
    """The service shapes of a coverage: polygons, the discs of ``radius`` around ``points`` (an
    n × 2 array, or None) and the ``lines`` (reachable roads) widened by ``width``; discs and widened
    lines are built only where a zone needs them."""

    shapes: List[QgsGeometry] = field(default_factory=list)
    points: object = None
    radius: float = 0.0
    lines: List[QgsGeometry] = field(default_factory=list)
    width: float = 0.0

    def extent(self) -> QgsRectangle:
        rect = QgsRectangle()
        for geometry in self.shapes:
            rect.combineExtentWith(geometry.boundingBox())
        for geometry in self.lines:
            box = geometry.boundingBox()
            box.grow(self.width)
            rect.combineExtentWith(box)
        if self.points is not None and len(self.points):
            (x0, y0), (x1, y1) = self.points.min(axis=0), self.points.max(axis=0)
            rect.combineExtentWith(QgsRectangle(x0 - self.radius, y0 - self.radius, x1 + self.radius,
                                                y1 + self.radius))
        return rect


def stop_buffers(points: Sequence[QgsPointXY], radius: float, segments: int = BUFFER_SEGMENTS) -> List[QgsGeometry]:
    """One buffer polygon per stop, vertex for vertex GEOS's buffer of the point (as native:buffer).

    GEOS places a point's buffer vertices at x + r·cos θ, y + r·sin θ; the polygon is
    therefore built once around (0, 0) by GEOS and moved to every stop, which is 20 times
    quicker than 50,000 buffer calls (the vertices agree to 1e-9 m)."""
    import numpy as np

    if not points:
        return []
    template = QgsGeometry.fromPointXY(QgsPointXY(0.0, 0.0)).buffer(radius, segments)
    ring = np.array([(p.x(), p.y()) for p in template.asPolygon()[0]], dtype="<f8")
    header = struct.pack("<BIII", 1, 3, 1, len(ring))  # little-endian WKB Polygon, 1 ring, n points
    stops = np.array([(p.x(), p.y()) for p in points], dtype="<f8")
    raw = (ring[None, :, :] + stops[:, None, :]).tobytes()
    size = len(ring) * 16
    buffers = []
    for position in range(len(points)):
        geometry = QgsGeometry()
        geometry.fromWkb(header + raw[position * size:(position + 1) * size])
        buffers.append(geometry)
    return buffers


def grid_zones(extent: QgsRectangle, tile: float = TILE_SIZE) -> List[tuple]:
    """Square tiles covering ``extent``, as (key, polygon): the zones when no township layer is given."""
    zones = []
    if extent is None or extent.isNull():
        return zones
    columns = max(1, int(math.ceil(extent.width() / tile)) + (1 if extent.width() == 0 else 0))
    rows = max(1, int(math.ceil(extent.height() / tile)) + (1 if extent.height() == 0 else 0))
    for row in range(rows):
        for column in range(columns):
            x0 = extent.xMinimum() + column * tile
            y0 = extent.yMinimum() + row * tile
            zones.append(((row, column), QgsGeometry.fromRect(QgsRectangle(x0, y0, x0 + tile, y0 + tile))))
    return zones


def _km2(meter, geometries: Sequence[QgsGeometry], shapes, planar) -> List[float]:
    """Areas in km², by the meter (the kernel's planar figures where they are the meter's)."""
    if meter is None:
        return [float(a) / 1e6 for a in planar]
    return meter.km2_each(geometries, shapes, planar)


def cover_zones(served: Sequence[QgsGeometry], shapes: Sequence[QgsGeometry], zones: Sequence[tuple], meter,
                feedback=None, with_service: bool = True, served_index: GeometryIndex = None, points=None,
                radius: float = 0.0, lines: Sequence[QgsGeometry] = (), width: float = 0.0,
                with_uncovered: bool = True, shared: dict = None, every: dict = None) -> List[ZoneCoverage]:
    """Coverage of the ``served`` polygons by the union of ``shapes`` (widened reachable roads,
    facility buffers …), of the ``radius`` discs around ``points`` (an n × 2 array of stops) and of
    the ``lines`` widened by ``width``, zone by zone. ``zones`` are (key, polygon).

    With ``with_service`` every zone that holds served area or a service shape gets a
    result, with the zone's whole service area (the union of every shape touching the
    zone). Without it only the shapes touching the served area are dissolved, which
    is 2–3 times quicker, and zones without served area are left out. The work is
    ``core.kernels.coverage.cover_zones`` (shapely 2), the geometries crossing as WKB."""
    from ..kernels import coverage as kernel

    served_index = served_index or GeometryIndex(served)

    def progress(share):
        check_cancel(feedback)
        if feedback is not None:
            feedback.setProgress(100.0 * share)

    def clip():  # the served land cut by the zones, with its QGIS copy and km²
        zone_shapes = as_shapely([z for _, z in zones])
        served_s = kernel.clip_union(served_index.shapely(), zone_shapes)
        served_q = as_qgis(served_s)
        return zone_shapes, served_s, served_q, _km2(meter, served_q, served_s, kernel.areas(served_s))

    # Made once for the runs sharing ``shared`` over the same served polygons, zones and meter (each
    # facility type of the every-type share).
    clipped = remembered(shared, ("served by zone", id(served_index), tuple(k for k, _ in zones), None
                                  if meter is None else (meter.projection.crs.toWkt(), meter.projection.method)),
                         clip, keep=served_index)
    cover = kernel.cover_zones(served_index.shapely(), clipped[0], points, radius, as_shapely(shapes), with_service,
                               BUFFER_SEGMENTS, progress, as_shapely(lines), width, clipped[1], with_uncovered, every)
    if every is not None:
        every["keys"] = [k for k, _ in zones]  # the zones of the kernel's per-zone figures
    covered, service, uncovered = (as_qgis(a) for a in (cover.covered, cover.service, cover.uncovered))
    served_z = [clipped[2][z] for z in cover.zone.tolist()]
    served_km2 = [clipped[3][z] for z in cover.zone.tolist()]
    covered_km2 = _km2(meter, covered, cover.covered, cover.covered_area)
    results = [ZoneCoverage(zones[int(z)][0], *parts) for z, *parts in zip(
        cover.zone, served_z, covered, service, uncovered, served_km2, covered_km2)]
    if feedback is not None:
        feedback.setProgress(100.0)
    return results


def stops_outside(points: Sequence[Tuple[int, QgsPointXY]], served_index: GeometryIndex,
                  distance: float = 0.0) -> List[int]:
    """Ids of the stops that lie outside every served polygon (with ``distance``: farther than that
    from every served polygon)."""
    from ..kernels.coverage import outside

    mask = outside(xy([p for _, p in points]), served_index.shapely(), distance, served_index.shapely_tree())
    return [fid for (fid, _), far in zip(points, mask.tolist()) if far]


def _gcj02_to_wgs84():
    """core/geo/gcj02.gcj02_to_wgs84 (lon, lat arrays -> arrays), or None if that module is missing."""
    try:
        from .gcj02 import gcj02_to_wgs84
    except ImportError:
        return None
    return gcj02_to_wgs84


def offset_warning(points: Sequence[Tuple[int, QgsPointXY]], working_crs: QgsCoordinateReferenceSystem,
                   served_index: GeometryIndex, label: str) -> List[str]:
    """Notes when most stops lie more than ``OUTSIDE_DISTANCE`` outside the served area (on OSM data
    real stops stand on the street, outside the land-use blocks: distance, not containment, is
    the warning), and when shifting them by the inverse GCJ-02 offset (web-map coordinates) would
    bring many more inside."""
    if not points or len(served_index) == 0:
        return []
    if len(points) > OFFSET_SAMPLE:  # a regular sample says as much, at city scale in a fiftieth of the time
        step = len(points) / OFFSET_SAMPLE
        points = [points[int(i * step)] for i in range(OFFSET_SAMPLE)]
    far = stops_outside(points, served_index, OUTSIDE_DISTANCE)
    notes = []
    if len(far) / len(points) > OUTSIDE_WARNING_SHARE:
        notes.append(tr(
            "{layer}: {share:.0%} of the stops ({n} of {total} tested) lie more than {d:g} m outside the served "
            "area. Check that the stops and the served area belong to the same place and coordinate system.").format(
            layer=label, share=len(far) / len(points), n=len(far), total=len(points), d=OUTSIDE_DISTANCE))
    outside = stops_outside(points, served_index)
    share = len(outside) / len(points)
    convert = _gcj02_to_wgs84()
    if convert is None or not outside:
        return notes
    geographic = transforms.crs(transforms.CGCS2000_ID)
    to_geo = transforms.transform(working_crs, geographic, probe=points[0][1])
    back = transforms.transform(geographic, working_crs)
    lonlat = [to_geo.transform(point) for _, point in points]
    lons, lats = convert([p.x() for p in lonlat], [p.y() for p in lonlat])
    shifted = [(fid, back.transform(QgsPointXY(float(lon), float(lat))))
               for (fid, _), lon, lat in zip(points, lons, lats)]
    shifted_outside = stops_outside(shifted, served_index)
    gained = len(outside) - len(shifted_outside)
    # Many more inside once shifted: the stops were most likely taken from a web map (Amap, Tencent).
    if gained >= max(3, 0.2 * len(points)):
        notes.append(tr(
            "{layer}: the stops look offset as if in GCJ-02 web-map coordinates: shifted back to CGCS2000, "
            "{gained} more stops fall inside the served area ({before:.0%} → {after:.0%} outside). Convert them "
            "with 'Convert web-map coordinates' (cq_urban:convert_web_coordinates) and run again.").format(
            layer=label, gained=gained, before=share, after=len(shifted_outside) / len(points)))
    return notes
