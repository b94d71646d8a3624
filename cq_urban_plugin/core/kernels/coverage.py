"""Coverage of a served area by service shapes, zone by zone, with the local method.

Pure functions on arrays (numpy, shapely 2): the QGIS edge (``core.geo.service_area``) converts
its geometries to shapely as WKB and back. Only the stops within reach of what a zone needs (its
served land, or the whole zone when the service area is kept) are buffered, and each zone unions
only the shapes near it: every GEOS operation stays local.

Figures are those of the QGIS path they replace: a stop's buffer is the polygon GEOS gives a point
with ``segments`` per quarter circle (as native:buffer with SEGMENTS), two stops closer than the
tolerance are one, overlapping stops and served polygons count once; areas are planar.
"""
from dataclasses import dataclass

import numpy as np
import shapely

from .arrays import areas, clip_union, geometries, groups, polygonal

BUFFER_SEGMENTS = 16


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


def discs(xy, radius: float, segments: int = BUFFER_SEGMENTS) -> np.ndarray:
    """The buffer polygon of every point: GEOS's buffer of (0, 0), moved to each point."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if not len(xy):
        return np.empty(0, dtype=object)
    ring = shapely.get_coordinates(shapely.buffer(shapely.points(0.0, 0.0), radius, quad_segs=segments))
    return shapely.polygons(ring[None, :, :] + xy[:, None, :])


def outside(xy, polygons, distance: float = 0.0) -> np.ndarray:
    """Mask of the points outside every polygon (with ``distance`` > 0: farther than that from all)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    polygons = geometries(polygons)
    polygons = polygons[[p is not None for p in polygons]]
    far = np.ones(len(xy), dtype=bool)
    if not len(xy) or not len(polygons):
        return far
    points = shapely.points(xy)
    tree = shapely.STRtree(polygons)
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
        stop_pairs = (valid[t], s)
    if len(shapes) and len(valid):
        t, s = shapely.STRtree(shapes).query(targets[valid], predicate="intersects")
        shape_pairs = (valid[t], s)
    return stop_pairs, shape_pairs


def cover_zones(served, zones, xy=None, radius: float = 0.0, shapes=(), with_service: bool = True,
                segments: int = BUFFER_SEGMENTS, progress=None) -> ZoneCover:
    """Coverage of the ``served`` polygons, per zone of ``zones`` (polygons), by the discs of
    ``radius`` around the points ``xy`` (n × 2) and by the polygons ``shapes`` (widened roads,
    facility buffers …).

    With ``with_service`` every zone holding served land or a service shape gets a result, with its
    whole service area (the union of every disc and shape meeting the zone, cut to it); without it
    only the discs and shapes meeting a zone's served land are unioned, and zones without served
    land are left out. ``progress(share)`` is called now and then (it may raise to stop)."""
    zones, shapes = geometries(zones), geometries(shapes)
    shapes = shapes[[s is not None for s in shapes]]
    xy = np.zeros((0, 2)) if xy is None else np.asarray(xy, dtype=float).reshape(-1, 2)
    points = shapely.points(xy) if len(xy) else np.empty(0, dtype=object)
    served_z = clip_union(served, zones, None if progress is None else lambda share: progress(share / 3))
    targets = zones if with_service else served_z
    (stop_zone, stop), (shape_zone, shape) = _near(targets, points, radius, shapes)
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
            progress(1 / 3 + key / max(len(zones), 1) / 3)
        merged[key] = members[positions[0]] if len(positions) == 1 else shapely.union_all(members[positions])
    has_merged = np.array([m is not None for m in merged], dtype=bool)
    has_served = np.array([s is not None for s in served_z], dtype=bool)
    service = np.full(len(zones), None, dtype=object)
    if with_service and has_merged.any():
        service[has_merged] = polygonal(shapely.intersection(merged[has_merged], zones[has_merged]))
    reach = service if with_service else merged
    both = has_served & np.array([r is not None for r in reach], dtype=bool)
    covered = np.full(len(zones), None, dtype=object)
    if both.any():
        covered[both] = polygonal(shapely.intersection(reach[both], served_z[both]))
    if progress is not None:
        progress(0.9)
    uncovered = served_z.copy()
    cut = has_served & np.array([c is not None for c in covered], dtype=bool)
    if cut.any():
        uncovered[cut] = polygonal(shapely.difference(served_z[cut], covered[cut]))
    has_service = np.array([s is not None for s in service], dtype=bool)
    kept = np.flatnonzero(has_served | has_service)
    return ZoneCover(kept, served_z[kept], covered[kept], service[kept], uncovered[kept], areas(served_z[kept]),
                     areas(covered[kept]))
