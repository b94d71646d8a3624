"""Coverage of a served area by service shapes, zone by zone, with the local method.

Pure functions on arrays (numpy, shapely 2): the QGIS edge (``core.geo.service_area``) converts
its geometries to shapely as WKB and back. Only the stops within reach of what a zone needs (its
served land, or the whole zone when the service area is kept) are buffered, and each zone unions
only the shapes near it: every GEOS operation stays local.

Figures are those of the QGIS path they replace: a stop's buffer is the polygon GEOS gives a point
with ``segments`` per quarter circle (as native:buffer with SEGMENTS), two stops closer than the
tolerance are one, overlapping stops and served polygons count once; areas are planar.
"""
import math
from dataclasses import dataclass

import numpy as np
import shapely

from .arrays import areas, clip_union, dissolve_each, geometries, groups, polygon_parts, polygonal

BUFFER_SEGMENTS = 16
CUT_ONE_BY_ONE = 16  # a served part met by more shapes than this has them unioned first, then cut


def unique_points(xy, tolerance: float):
    """(positions of the distinct points, positions of the repeats), both in input order: a point whose
    coordinates, rounded to ``tolerance``, are those of an earlier point is a repeat."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if not len(xy):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    _, first = np.unique(np.round(xy / tolerance), axis=0, return_index=True)
    is_first = np.zeros(len(xy), dtype=bool)
    is_first[first] = True
    return np.flatnonzero(is_first), np.flatnonzero(~is_first)


def point_coordinates(values):
    """(n × 2 coordinates of every point of the (multi)point geometries ``values``, the position of the
    geometry each comes from)."""
    values = geometries(values)
    if not len(values):
        return np.zeros((0, 2)), np.zeros(0, np.int64)
    xy, owner = shapely.get_coordinates(values, return_index=True)
    return xy, owner


def discs(xy, radius: float, segments: int = BUFFER_SEGMENTS) -> np.ndarray:
    """The buffer polygon of every point: GEOS's buffer of (0, 0), moved to each point."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if not len(xy):
        return np.empty(0, dtype=object)
    ring = shapely.get_coordinates(shapely.buffer(shapely.points(0.0, 0.0), radius, quad_segs=segments))
    return shapely.polygons(ring[None, :, :] + xy[:, None, :])


def outside(xy, polygons, distance: float = 0.0, tree=None) -> np.ndarray:
    """Mask of the points outside every polygon (with ``distance`` > 0: farther than that from all);
    ``tree``: an STRtree of ``polygons`` when the caller keeps one."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    polygons = geometries(polygons)
    polygons = polygons[[p is not None for p in polygons]]
    far = np.ones(len(xy), dtype=bool)
    if not len(xy) or not len(polygons):
        return far
    points = shapely.points(xy)
    tree = shapely.STRtree(polygons) if tree is None else tree
    if distance > 0:
        hits, _ = tree.query(points, predicate="dwithin", distance=distance)
    else:
        hits, _ = tree.query(points, predicate="within")
    far[hits] = False
    return far


@dataclass
class ZoneCover:
    """Per zone with a result (``zone``: positions in the zones given, in order): its served land,
    covered land, service area (None unless kept) and uncovered land, with planar areas."""

    zone: np.ndarray
    served: np.ndarray
    covered: np.ndarray
    service: np.ndarray
    uncovered: np.ndarray
    served_area: np.ndarray
    covered_area: np.ndarray


def _near(targets, points, radius, shapes):
    """(target, stop) pairs within ``radius`` and (target, shape) pairs that intersect, of the
    targets that are not None."""
    valid = np.flatnonzero([t is not None for t in targets])
    none = np.zeros(0, np.int64)
    stop_pairs = shape_pairs = (none, none)
    if len(points) and len(valid) and radius > 0:
        t, s = shapely.STRtree(points).query(targets[valid], predicate="dwithin", distance=radius)
        stop_pairs = _sorted_pairs(valid[t], s)
    if len(shapes) and len(valid):
        t, s = shapely.STRtree(shapes).query(targets[valid], predicate="intersects")
        shape_pairs = _sorted_pairs(valid[t], s)
    return stop_pairs, shape_pairs


def _sorted_pairs(target, other):
    """The pairs in the order of target, then other, not the tree's: a target is then cut by the same
    shapes in the same order whatever else the tree holds (a jurisdiction split into pieces, each with
    the stops near it, gives every township the very floats of the whole, issue #21)."""
    order = np.lexsort((other, target))
    return target[order], other[order]


def widened(lines, width: float, near, segments: int = BUFFER_SEGMENTS) -> np.ndarray:
    """The ``lines`` within ``width`` of any of the polygons ``near``, each buffered by ``width`` (round
    ends, as QgsGeometry.buffer): only the road pieces that can reach those polygons are widened."""
    lines, near = geometries(lines), geometries(near)
    lines, near = lines[[g is not None for g in lines]], near[[g is not None for g in near]]
    if not len(lines) or not len(near) or width <= 0:
        return np.empty(0, dtype=object)
    line, _ = shapely.STRtree(near).query(lines, predicate="dwithin", distance=width)
    return shapely.buffer(lines[np.unique(line)], width, quad_segs=segments)


def cover_zones(served, zones, xy=None, radius: float = 0.0, shapes=(), with_service: bool = True,
                segments: int = BUFFER_SEGMENTS, progress=None, lines=(), width: float = 0.0, clipped=None,
                with_uncovered: bool = True, every: dict = None) -> ZoneCover:
    """Coverage of the ``served`` polygons, per zone of ``zones`` (polygons), by the discs of
    ``radius`` around the points ``xy`` (n × 2) and by the polygons ``shapes`` (widened roads,
    facility buffers …) and by the ``lines`` (reachable road pieces) widened by ``width``, of which
    only those that can reach a zone's served land (or the zone, with the service area) are widened.

    The covered land is found without any union of discs: each polygon of a zone's served land loses
    the discs and shapes that meet it. With ``with_service`` every zone holding served land or a
    service shape gets a result, with its whole service area (the union of every disc and shape
    meeting the zone, cut to it); without it zones without served land are left out, and no union
    of discs is made at all. ``progress(share)`` is called now and then (it may raise to stop).
    ``clipped``: the served land cut by the zones (``clip_union(served, zones)``), when a caller
    measuring several facility types over the same land has it already. Without ``with_uncovered``
    the uncovered land is left None (not dissolved). ``every``: the land reached by every facility
    type so far (``reached_by_every``), updated with this type's."""
    zones, shapes = geometries(zones), geometries(shapes)
    shapes = shapes[[s is not None for s in shapes]]
    xy = np.zeros((0, 2)) if xy is None else np.asarray(xy, dtype=float).reshape(-1, 2)
    points = shapely.points(xy) if len(xy) else np.empty(0, dtype=object)
    served_z = clip_union(served, zones, None if progress is None else lambda share: progress(share / 3)) \
        if clipped is None else clipped
    if len(lines):
        shapes = np.concatenate([shapes, widened(lines, width, zones if with_service else served_z, segments)])
    covered, uncovered = _cover_parts(served_z, xy, points, radius, shapes, segments, progress, with_uncovered,
                                      every)
    service = _service(zones, xy, points, radius, shapes, segments, progress) if with_service else \
        np.full(len(zones), None, dtype=object)
    kept = np.flatnonzero([s is not None or v is not None for s, v in zip(served_z, service)])
    return ZoneCover(kept, served_z[kept], covered[kept], service[kept], uncovered[kept], areas(served_z[kept]),
                     areas(covered[kept]))


def _service(zones, xy, points, radius, shapes, segments, progress):
    """Each zone's service area: the union of the discs and shapes that meet it, cut to it."""
    (stop_zone, stop), (shape_zone, shape) = _near(zones, points, radius, shapes)
    needed = np.unique(stop)
    buffers = np.empty(len(points), dtype=object)
    buffers[needed] = discs(xy[needed], radius, segments)
    members = np.concatenate([buffers[stop], shapes[shape]])
    keys = np.concatenate([stop_zone, shape_zone])
    order = np.argsort(keys, kind="stable")
    members, keys = members[order], keys[order]
    merged = np.full(len(zones), None, dtype=object)
    for count, (key, positions) in enumerate(groups(keys)):
        if progress is not None and count % 50 == 0:
            progress(0.6 + 0.3 * key / max(len(zones), 1))
        merged[key] = members[positions[0]] if len(positions) == 1 else shapely.union_all(members[positions])
    service = np.full(len(zones), None, dtype=object)
    has = np.array([m is not None for m in merged], dtype=bool)
    if has.any():
        service[has] = polygonal(shapely.intersection(merged[has], zones[has]))
    return service


def _cover_parts(served_z, xy, points, radius, shapes, segments, progress, with_uncovered=True, every=None):
    """(covered, uncovered) land of each zone, without the zone's service area: every polygon of its
    served land loses, one after the other, the discs and shapes that meet it (no union of discs);
    one lying inside a disc's inscribed circle is covered whole at once."""
    covered, uncovered = np.full(len(served_z), None, dtype=object), served_z.copy()
    parts, zone_of = polygon_parts(served_z)
    if not len(parts):
        return covered, uncovered
    (part_s, stop), (part_h, shape) = _near(parts, points, radius, shapes)
    whole = np.zeros(len(parts), dtype=bool)
    if len(stop):
        box, inner = shapely.bounds(parts)[part_s], radius * math.cos(math.pi / (4 * segments)) * (1 - 1e-12)
        dx = np.maximum(np.abs(box[:, 0] - xy[stop, 0]), np.abs(box[:, 2] - xy[stop, 0]))
        dy = np.maximum(np.abs(box[:, 1] - xy[stop, 1]), np.abs(box[:, 3] - xy[stop, 1]))
        whole[part_s[dx * dx + dy * dy <= inner * inner]] = True
    open_s, open_h = ~whole[part_s], ~whole[part_h]
    wanted = np.unique(stop[open_s])
    buffers = np.empty(len(points), dtype=object)
    buffers[wanted] = discs(xy[wanted], radius, segments)
    owner = np.concatenate([part_s[open_s], part_h[open_h]])
    cutter = np.concatenate([buffers[stop[open_s]], shapes[shape[open_h]]])
    order = np.argsort(owner, kind="stable")
    owner, cutter = owner[order], cutter[order]
    rest = parts.copy()
    rest[whole] = None
    if len(owner):
        distinct, first, counts = np.unique(owner, return_index=True, return_counts=True)
        rank = np.arange(len(owner)) - np.repeat(first, counts)
        many = np.repeat(counts > CUT_ONE_BY_ONE, counts)
        for k in range(min(int(counts.max()), CUT_ONE_BY_ONE)):
            if progress is not None:
                progress(1 / 3 + k / CUT_ONE_BY_ONE / 2)
            chosen = (rank == k) & ~many
            rest[owner[chosen]] = shapely.difference(rest[owner[chosen]], cutter[chosen])
        crowded = counts > CUT_ONE_BY_ONE
        for part, start, count in zip(distinct[crowded].tolist(), first[crowded].tolist(), counts[crowded].tolist()):
            rest[part] = shapely.difference(rest[part], shapely.union_all(cutter[start:start + count]))
    rest = polygonal(rest)
    met = np.zeros(len(parts), dtype=bool)
    met[owner] = True
    gone = np.array([r is None for r in rest], dtype=bool)
    cover = np.full(len(parts), None, dtype=object)
    cover[whole | (met & gone)] = parts[whole | (met & gone)]
    partly = met & ~gone
    if partly.any():
        cover[partly] = polygonal(shapely.difference(parts[partly], rest[partly]))
    if every is not None:
        _reach_every(every, parts, zone_of, len(served_z), cover, rest, partly)
    if progress is not None:
        progress(0.6)
    covered[:] = _dissolve(cover, zone_of, len(served_z))
    uncovered[:] = _dissolve(rest, zone_of, len(served_z)) if with_uncovered else None
    return covered, uncovered


def _dissolve(values, zone_of, size: int):
    """Per zone, the union of the polygons of ``values`` (None left out) that belong to it."""
    kept = np.array([v is not None for v in values], dtype=bool)
    return dissolve_each(values[kept], zone_of[kept], size)


def _reach_every(every: dict, parts, zone_of, size: int, cover, rest, partly):
    """Updates ``every`` (a dict, empty before the first type) with one facility type's cover of the
    served ``parts``: per part, the land reached by every type so far. Each part's piece only loses
    this type's uncovered rest of that part (the piece lies in the part), so the every-type share
    costs a few small differences, not an overlay of each type's whole covered land."""
    if "parts" not in every:
        every.update(parts=cover.copy(), zone_of=zone_of, size=size, types=1)
        return
    if len(every["parts"]) != len(parts) or every["types"] < 0:
        every["types"] = -1  # not the same served land: the caller intersects the types' land instead
        return
    reached = every["parts"]
    reached[[c is None for c in cover]] = None
    cut = partly & np.array([r is not None for r in reached], dtype=bool)
    if cut.any():
        reached[cut] = polygonal(shapely.difference(reached[cut], rest[cut]))
    every["types"] += 1


def reached_by_every(every: dict):
    """Per zone, the land reached by every type that updated ``every`` (None where none is)."""
    return _dissolve(every["parts"], every["zone_of"], every["size"])

