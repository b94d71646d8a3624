"""Overlay building blocks shared by the checks: dissolve, and split by zones.

A built-up, coverage or control-line figure is "area of the union of some
polygons inside each township". Doing that per township (a spatial index picks
the candidates, one GEOS union and one intersection per township) keeps every
operation local, which is what makes it fast at city scale, and counts
overlapping input polygons once.
"""
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence

from qgis.core import QgsGeometry, QgsRectangle

from ...compat import GeometryType, WkbType
from ..errors import check_cancel


def as_shapely(geometries: Iterable[QgsGeometry], chunk: int = 4096):
    """The geometries as a numpy array of shapely 2 geometries, through WKB (None for an empty one):
    what the kernels (``core.kernels``) take. Converted ``chunk`` at a time, so that the WKB of a
    large layer is never held all at once beside both copies."""
    import numpy as np
    import shapely

    if hasattr(geometries, "shapes"):  # features read as WKB (features.FeatureGeometries): as they are
        return geometries.shapes()
    geometries = list(geometries)
    out = np.empty(len(geometries), dtype=object)
    for start in range(0, len(geometries), chunk):
        out[start:start + chunk] = shapely.from_wkb([bytes(g.asWkb()) if g is not None and not g.isEmpty() else None
                                                     for g in geometries[start:start + chunk]])
    return out


def as_qgis(values, budget: int = 1 << 20) -> List[QgsGeometry]:
    """Shapely geometries (None: empty) back as QgsGeometry, through WKB, about ``budget`` vertices
    at a time (the WKB of a large result is never all held at once)."""
    import numpy as np
    import shapely

    values, out = list(values), []
    if not values:
        return out
    sizes = np.cumsum(shapely.get_num_coordinates(np.array(values + [None], dtype=object)[:-1]))
    start = 0
    while start < len(values):
        end = max(int(np.searchsorted(sizes, sizes[start] + budget, side="right")), start + 1)
        # output dimension 2 or 3: a GEOS before 3.12 (QGIS's own, in qgis_process) refuses 4
        for wkb in shapely.to_wkb(values[start:end], output_dimension=3):
            geometry = QgsGeometry()
            if wkb is not None:
                geometry.fromWkb(wkb)
            out.append(geometry)
        start = end
    return out


def qgis_multipolygon(polygons, budget: int = 1 << 20) -> QgsGeometry:
    """The multipolygon of shapely ``polygons`` (apart from each other) as one QgsGeometry, made from
    their WKB, about ``budget`` vertices of it at a time, without a shapely multipolygon of them."""
    import struct

    import numpy as np
    import shapely

    if len(polygons) == 1:
        return as_qgis(polygons)[0]
    sizes = np.cumsum(shapely.get_num_coordinates(polygons))
    chunks, start = [], 0
    while start < len(polygons):
        end = max(int(np.searchsorted(sizes, sizes[start] + budget, side="right")), start + 1)
        chunks.append(b"".join(shapely.to_wkb(polygons[start:end], output_dimension=3)))
        start = end
    first = chunks[0]
    kind = struct.unpack("<I" if first[0] == 1 else ">I", first[1:5])[0] + 3  # polygon (Z) -> multipolygon (Z)
    wkb = b"".join([struct.pack("<BII", 1, kind, len(polygons))] + chunks)
    del chunks
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry


def union_all(geometries: Sequence[QgsGeometry], feedback=None, chunk: int = 2000) -> QgsGeometry:
    """Union of many polygons, overlaps counted once. Only polygons that touch or overlap are
    unioned (GEOS cascaded union, in chunks to bound memory), each group on its own; groups
    apart from each other are only collected into one multipolygon (valid: they share no
    point). On land-use layers most built-up patches stand apart, and their union was most of
    the work."""
    geometries = [g for g in geometries if g is not None and not g.isEmpty()]
    if not geometries:
        return QgsGeometry()
    if len(geometries) == 1:
        return polygonal(geometries[0])
    merged = []
    for group in touching_groups(geometries, feedback):
        members = [geometries[i] for i in group]
        while len(members) > 1:
            check_cancel(feedback)
            members = [QgsGeometry.unaryUnion(members[i:i + chunk]) for i in range(0, len(members), chunk)]
        merged.extend(_polygon_parts(members[0]))
    if not merged:
        return QgsGeometry()
    return merged[0] if len(merged) == 1 else QgsGeometry.collectGeometry(merged)


def _polygon_parts(geometry: QgsGeometry) -> List[QgsGeometry]:
    kept = polygonal(geometry)
    return [] if kept.isEmpty() else [QgsGeometry(part.clone()) for part in kept.constParts()]


def touching_groups(geometries: Sequence[QgsGeometry], feedback=None) -> List[List[int]]:
    """Positions of ``geometries`` grouped so that two geometries that touch or overlap (directly
    or through others) are in one group; groups in the order of their first member."""
    index = GeometryIndex(geometries)
    parent = list(range(len(geometries)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, geometry in enumerate(geometries):
        if i % 1000 == 0:
            check_cancel(feedback)
        later = [j for j in index.positions(geometry.boundingBox()) if j > i and root(j) != root(i)]
        if not later:
            continue
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        for j in later:
            if root(j) != root(i) and engine.intersects(geometries[j].constGet()):
                parent[root(j)] = root(i)
    groups: Dict[int, List[int]] = {}
    for i in range(len(geometries)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def polygonal(geometry: QgsGeometry) -> QgsGeometry:
    """Keep only the polygonal parts (intersections may add slivers of lines or points)."""
    if geometry is None or geometry.isEmpty():
        return QgsGeometry()
    if geometry.type() == GeometryType.Polygon and geometry.wkbType() != WkbType.GeometryCollection:
        return geometry
    parts = [QgsGeometry(p.clone()) for p in geometry.constParts()]
    polygons = [p for p in parts if p.type() == GeometryType.Polygon]
    if not polygons:
        return QgsGeometry()
    return polygons[0] if len(polygons) == 1 else QgsGeometry.collectGeometry(polygons)


class GeometryIndex:
    """Geometries with their bounding boxes in numpy arrays, for 'which of these
    touch that rectangle / geometry'. Built in one go: a QgsSpatialIndex filled
    feature by feature takes seconds for 50,000 stop buffers. Above a few hundred
    boxes a query looks only at the boxes of the grid cells it covers (a uniform
    grid of about the boxes' own size, kept as sorted cell keys): a box test of
    every box on each query grew with the square of the data."""

    GRID_FROM = 256        # fewer boxes: one vectorised test of all of them is as fast
    LARGE_CELLS = 64       # a box over more cells than this is tested on every query instead

    def __init__(self, geometries: Iterable[QgsGeometry]):
        # features read as WKB (features.FeatureGeometries) stay as they are: no QgsGeometry is made
        self.geometries: Sequence[QgsGeometry] = geometries if hasattr(geometries, "shapes") else list(geometries)
        self._boxes = None  # computed on the first box query (a kernel may need only the geometries)
        self._grid = None
        self._shapely = None
        self._tree = None

    @property
    def boxes(self):
        """The geometries' boxes, an n × 4 array (xmin, ymin, xmax, ymax)."""
        import numpy as np

        if self._boxes is None and hasattr(self.geometries, "shapes"):
            import shapely

            self._boxes = shapely.bounds(self.geometries.shapes()).reshape(-1, 4)
        if self._boxes is None:
            boxes = [g.boundingBox() for g in self.geometries]
            self._boxes = np.array([(b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()) for b in boxes],
                                   dtype=float).reshape(-1, 4)
        return self._boxes

    def shapely(self):
        """The geometries as shapely 2 geometries (``as_shapely``), converted once."""
        if self._shapely is None:
            self._shapely = as_shapely(self.geometries)
        return self._shapely

    def shapely_tree(self):
        """A shapely STRtree of ``shapely()`` (its positions are this index's), built once."""
        if self._tree is None:
            import shapely

            self._tree = shapely.STRtree(self.shapely())
        return self._tree

    def __len__(self):
        return len(self.geometries)

    def _build_grid(self):
        import numpy as np

        b = self.boxes
        # Boxes of real extent (an empty geometry's box is inverted or not finite: tested on every query).
        usable = np.isfinite(b).all(axis=1) & (b[:, 0] <= b[:, 2]) & (b[:, 1] <= b[:, 3])
        if not usable.any():
            self._grid = (1.0, (0.0, 0.0), 1, np.zeros(0, np.int64), np.zeros(0, np.int64), np.arange(len(b)))
            return
        u = b[usable]
        cell = float(np.median(np.maximum(u[:, 2] - u[:, 0], u[:, 3] - u[:, 1])))
        span = max(float(u[:, 2].max() - u[:, 0].min()), float(u[:, 3].max() - u[:, 1].min()))
        cell = max(cell, span / 4096.0, 1e-9)  # no more than 4096 cells a side
        origin = (float(u[:, 0].min()), float(u[:, 1].min()))
        filled = np.where(usable[:, None], b, np.array(origin * 2))
        ix0 = np.floor((filled[:, 0] - origin[0]) / cell).astype(np.int64)
        ix1 = np.floor((filled[:, 2] - origin[0]) / cell).astype(np.int64)
        iy0 = np.floor((filled[:, 1] - origin[1]) / cell).astype(np.int64)
        iy1 = np.floor((filled[:, 3] - origin[1]) / cell).astype(np.int64)
        cells = (ix1 - ix0 + 1) * (iy1 - iy0 + 1)
        large = np.nonzero((cells > self.LARGE_CELLS) | ~usable)[0]
        small = np.nonzero((cells <= self.LARGE_CELLS) & usable)[0]
        rows = int(iy1.max() + 2) if len(iy1) else 1
        keys, ids = [], []
        for dx in range(int((ix1 - ix0)[small].max()) + 1 if small.size else 0):
            for dy in range(int((iy1 - iy0)[small].max()) + 1):
                chosen = small[(ix0[small] + dx <= ix1[small]) & (iy0[small] + dy <= iy1[small])]
                keys.append((ix0[chosen] + dx) * rows + iy0[chosen] + dy)
                ids.append(chosen)
        keys = np.concatenate(keys) if keys else np.zeros(0, np.int64)
        ids = np.concatenate(ids) if ids else np.zeros(0, np.int64)
        order = np.argsort(keys, kind="stable")
        self._grid = (cell, origin, rows, keys[order], ids[order], large)

    def _hits(self, r: QgsRectangle):  # sorted positions
        import numpy as np

        b = self.boxes
        if len(b) >= self.GRID_FROM:
            if self._grid is None:
                self._build_grid()
            cell, origin, rows, keys, ids, large = self._grid
            x0 = int(np.floor((r.xMinimum() - origin[0]) / cell))
            x1 = int(np.floor((r.xMaximum() - origin[0]) / cell))
            y0 = max(int(np.floor((r.yMinimum() - origin[1]) / cell)), 0)
            y1 = min(int(np.floor((r.yMaximum() - origin[1]) / cell)), rows - 1)
            if (x1 - x0 + 1) * (y1 - y0 + 1) <= 4096 and y0 <= y1:
                columns = np.arange(max(x0, 0), max(x1, -1) + 1, dtype=np.int64)
                starts = np.searchsorted(keys, columns * rows + y0, side="left")
                ends = np.searchsorted(keys, columns * rows + y1, side="right")
                parts = [ids[s:e] for s, e in zip(starts, ends) if e > s]
                found = np.unique(np.concatenate(parts + [large])) if parts or large.size else large
                c = b[found]
                return found[(c[:, 0] <= r.xMaximum()) & (c[:, 2] >= r.xMinimum())
                             & (c[:, 1] <= r.yMaximum()) & (c[:, 3] >= r.yMinimum())]
        return np.nonzero((b[:, 0] <= r.xMaximum()) & (b[:, 2] >= r.xMinimum())
                          & (b[:, 1] <= r.yMaximum()) & (b[:, 3] >= r.yMinimum()))[0]

    def positions(self, rectangle: QgsRectangle) -> List[int]:
        """Positions (in the order given) of the geometries whose box touches ``rectangle``."""
        return [int(i) for i in self._hits(rectangle)] if self.geometries else []

    def candidates(self, rectangle: QgsRectangle) -> List[QgsGeometry]:
        return [self.geometries[i] for i in self.positions(rectangle)]

    def intersecting(self, geometry: QgsGeometry) -> List[QgsGeometry]:
        """Index candidates that really intersect ``geometry`` (prepared-geometry test)."""
        candidates = self.candidates(geometry.boundingBox())
        if not candidates:
            return []
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        return [c for c in candidates if engine.intersects(c.constGet())]


@dataclass
class ZonePiece:
    """The part of a dissolved layer inside one zone (township, scope polygon …)."""

    key: object
    geometry: QgsGeometry


def clip_union_to_zone(index: GeometryIndex, zone: QgsGeometry) -> QgsGeometry:
    """Union of the indexed polygons, clipped to ``zone``: overlaps count once."""
    touching = index.intersecting(zone)
    if not touching:
        return QgsGeometry()
    merged = QgsGeometry.unaryUnion(touching) if len(touching) > 1 else touching[0]
    return polygonal(merged.intersection(zone))


def split_by_zones(polygons: Sequence[QgsGeometry], zones: Sequence[tuple], feedback=None) -> Dict[object, QgsGeometry]:
    """{zone key: union of ``polygons`` inside the zone} for zones given as (key, geometry)."""
    index = GeometryIndex(polygons)
    pieces = {}
    total = max(len(zones), 1)
    for position, (key, zone) in enumerate(zones):
        check_cancel(feedback)
        pieces[key] = clip_union_to_zone(index, zone)
        if feedback is not None:
            feedback.setProgress(100.0 * (position + 1) / total)
    return pieces


def pairwise_overlaps(zones: Sequence[tuple]) -> List[tuple]:
    """(key_a, key_b, overlap polygon) for every pair of zones, given as (key, geometry), whose
    intersection has a polygonal part; pairs keep the order of ``zones``."""
    index = GeometryIndex([g for _, g in zones])
    pairs = []
    for position, (key, zone) in enumerate(zones):
        if zone is None or zone.isEmpty():
            continue
        for other in index.positions(zone.boundingBox()):
            if other <= position or zones[other][1] is None or zones[other][1].isEmpty():
                continue
            overlap = polygonal(zone.intersection(zones[other][1]))
            if not overlap.isEmpty():
                pairs.append((key, zones[other][0], overlap))
    return pairs


def overlapping_pairs(zones: Sequence[tuple], min_area: float = 1.0) -> List[tuple]:
    """Pairs of zones (key_a, key_b, overlap area in CRS units²) that overlap by more than ``min_area``:
    township layers that overlap would count land twice (``core.kernels.arrays.overlap_areas``)."""
    from ..kernels.arrays import overlap_areas

    if len(zones) < 2:
        return []
    a, b, area = overlap_areas(as_shapely([g for _, g in zones]))
    return [(zones[i][0], zones[j][0], float(s)) for i, j, s in zip(a.tolist(), b.tolist(), area.tolist())
            if s > min_area]


def outside_zones(polygons_union: QgsGeometry, zones_union: Optional[QgsGeometry]) -> QgsGeometry:
    if zones_union is None or zones_union.isEmpty():
        return polygons_union
    return polygonal(polygons_union.difference(zones_union))


def outside_zones_union(polygons: Sequence[QgsGeometry], zones: Sequence[QgsGeometry], feedback=None) -> QgsGeometry:
    """The union of what ``polygons`` cover outside every zone, without dissolving all
    of ``polygons`` first: each polygon loses the zones it touches, and only the
    (usually small) remainders are unioned, so overlaps among them count once."""
    index = GeometryIndex(zones)
    remainders = []
    for position, polygon in enumerate(polygons):
        if position % 1000 == 0:
            check_cancel(feedback)
        touching = index.intersecting(polygon)
        if not touching:
            remainders.append(polygon)
            continue
        cover = QgsGeometry.unaryUnion(touching) if len(touching) > 1 else touching[0]
        rest = polygonal(polygon.difference(cover))
        if not rest.isEmpty():
            remainders.append(rest)
    return union_all(remainders, feedback)


def release_freed_memory() -> None:
    """Hand the free pages of the C heap back to the system (glibc's ``malloc_trim``; nothing elsewhere).
    GEOS frees a large layer's polygons as many small blocks that the QGIS geometries made next seldom
    fit into, so without it the peak memory is the freed layer's plus what follows."""
    import ctypes
    import ctypes.util

    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


PIECES_MEASURED_AT_ONCE = 64  # zone pieces measured across GK zones in one call: few calls, little held


def zone_pieces(polygons: Sequence[QgsGeometry], zones: Sequence[tuple], meter, feedback=None, shapes=None,
                zone_shapes=None):
    """({zone key: union of ``polygons`` inside the zone}, {zone key: its km²}, km² outside every zone)
    for zones given as (key, geometry): ``core.kernels.builtup.builtup_by_zone`` on shapely arrays,
    the geometries crossing as WKB (``shapes``, ``zone_shapes``: those arrays, when the caller has
    them); areas by ``meter`` (the kernel's planar figures where the meter measures in the working
    plane alone)."""
    import shapely

    from ..kernels.arrays import areas
    from ..kernels.builtup import builtup_by_zone

    def progress(share):
        check_cancel(feedback)
        if feedback is not None:
            feedback.setProgress(100.0 * share)

    pieces, km2 = [QgsGeometry() for _ in zones], [0.0] * len(zones)
    pending = []  # (key, piece, planar area) of zones measured across GK zones, a chunk at a time

    def measure_pending():
        keys, shapes, planar = zip(*pending)
        converted = as_qgis(list(shapes))
        for key, piece, figure in zip(keys, converted, meter.km2_each(converted, list(shapes), list(planar))):
            pieces[key], km2[key] = piece, figure
        pending.clear()

    def each(key, polygons, planar):  # zone by zone: one zone's piece made at a time, straight into QGIS
        if meter is None or meter.planar:
            pieces[key], km2[key] = qgis_multipolygon(polygons), float(planar) / 1e6
        else:
            pending.append((key, polygons[0] if len(polygons) == 1 else shapely.multipolygons(polygons), planar))
            if len(pending) >= PIECES_MEASURED_AT_ONCE:
                measure_pending()

    result = builtup_by_zone(as_shapely(polygons) if shapes is None else shapes,
                             as_shapely([z for _, z in zones]) if zone_shapes is None else zone_shapes, progress, each)
    if pending:
        measure_pending()
    if meter is None:
        outside = result.outside_area / 1e6
    else:
        outside = sum(meter.km2_each(as_qgis(result.outside), result.outside, areas(result.outside)))
    keys = [key for key, _ in zones]
    return dict(zip(keys, pieces)), dict(zip(keys, km2)), outside
