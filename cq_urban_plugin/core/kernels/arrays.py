"""Array building blocks the kernels share: polygonal parts, grouping, the union of polygons per zone.

Kernels are pure functions on numpy object arrays of shapely 2 geometries (None is "nothing"):
no QGIS, no Qt, nothing else of the package. Areas are planar, in the units of the coordinates."""
import numpy as np
import shapely

POLYGON, MULTIPOLYGON, COLLECTION = 3, 6, 7


def geometries(values) -> np.ndarray:
    """``values`` as a 1-d object array (a list, a tuple or an array of geometries or None)."""
    if isinstance(values, np.ndarray) and values.dtype == object and values.ndim == 1:
        return values
    array = np.empty(len(values), dtype=object)
    array[:] = list(values)
    return array


def polygonal(values) -> np.ndarray:
    """Only the polygonal parts of each geometry (an intersection may add lines or points);
    None where nothing polygonal is left, or the geometry is empty."""
    values = geometries(values)
    kinds = shapely.get_type_id(values)  # -1 for None
    out = np.where(np.isin(kinds, (POLYGON, MULTIPOLYGON)) & ~shapely.is_empty(values), values, None)
    for i in np.flatnonzero(kinds == COLLECTION):
        parts = shapely.get_parts(shapely.get_parts(values[i]))  # collections of multipolygons too
        parts = parts[(shapely.get_type_id(parts) == POLYGON) & ~shapely.is_empty(parts)]
        out[i] = None if not len(parts) else parts[0] if len(parts) == 1 else shapely.multipolygons(parts)
    return out


def groups(keys: np.ndarray):
    """[(key, positions)] of a sorted integer array, one entry per distinct key."""
    if len(keys) == 0:
        return []
    starts = np.flatnonzero(np.diff(keys)) + 1
    return zip(keys[np.r_[0, starts]].tolist(), np.split(np.arange(len(keys)), starts))


def union_each(members: np.ndarray, keys: np.ndarray, size: int, progress=None) -> np.ndarray:
    """Array of ``size``: at each key the union of the ``members`` of that key (overlaps counted once),
    None elsewhere. ``keys`` sorted. ``progress(share)`` is called now and then (it may raise to stop)."""
    out = np.full(size, None, dtype=object)
    for count, (key, positions) in enumerate(groups(keys)):
        if progress is not None and count % 50 == 0:
            progress(key / max(size, 1))
        out[key] = members[positions[0]] if len(positions) == 1 else shapely.union_all(members[positions])
    return out


def zone_parts(polygons, zones):
    """(zone, polygon, within, parts): every pair of a zone and a polygon that meet, sorted by zone,
    whether the polygon lies wholly inside the zone, and its part in the zone (polygonal, or None):
    the polygon as it is when inside, cut only when it crosses the zone's edge."""
    polygons, zones = geometries(polygons), geometries(zones)
    zone, polygon = shapely.STRtree(polygons).query(zones, predicate="intersects")
    order = np.lexsort((polygon, zone))
    zone, polygon = zone[order], polygon[order]
    shapely.prepare(zones)
    within = shapely.contains_properly(zones[zone], polygons[polygon])
    parts = polygons[polygon].copy()
    parts[~within] = shapely.intersection(parts[~within], zones[zone[~within]])
    return zone, polygon, within, polygonal(parts)


def components(size: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A label per item (the least item of its component) of the graph on ``size`` items whose edges
    are the pairs (``a``, ``b``): minimum labels propagated along the edges, with pointer jumping."""
    label = np.arange(size)
    while len(a):
        least = np.minimum(label[a], label[b])
        new = label.copy()
        np.minimum.at(new, a, least)
        np.minimum.at(new, b, least)
        new = new[new]
        if np.array_equal(new, label):
            break
        label = new
    return label


def polygon_parts(values):
    """(the polygons of polygonal geometries, the position each comes from): a polygon is taken as
    it is (``get_parts`` would copy it), only multipolygons are split; None gives nothing."""
    values = geometries(values)
    kinds = shapely.get_type_id(values)
    single = np.flatnonzero(kinds == POLYGON)
    split, owner = shapely.get_parts(values[kinds == MULTIPOLYGON], return_index=True)
    multi = np.flatnonzero(kinds == MULTIPOLYGON)[owner]
    index = np.concatenate([single, multi])
    order = np.argsort(index, kind="stable")
    return np.concatenate([values[single], split])[order], index[order]


def dissolve_each(members: np.ndarray, keys: np.ndarray, size: int, progress=None, each=None) -> np.ndarray:
    """``union_each``, unioning only the members that meet another of the same key (each such group
    on its own); the others are collected with them into one multipolygon per key, which stays valid
    since they share no point. Built-up blocks mostly stand apart: their union was most of the work.
    With ``each``, each key's piece is handed to ``each(key, parts)`` as soon as it is made, as its
    polygons (apart from each other, in the order the piece would hold them: ``multipolygons`` of them
    is the piece), and what that returns is kept instead: a caller that copies them elsewhere holds one
    key's piece at a time, not a copy of every member."""
    out = np.full(size, None, dtype=object)
    if not len(members):
        return out
    a, b = shapely.STRtree(members).query(members, predicate="intersects")
    meet = (a < b) & (keys[a] == keys[b])
    label = components(len(members), a[meet], b[meet])
    grouped = np.zeros(len(members), dtype=bool)
    grouped[a[meet]] = grouped[b[meet]] = True
    pieces, piece_keys = list(members[~grouped]), list(keys[~grouped])
    roots = label[grouped]
    order = np.argsort(roots, kind="stable")
    positions_of = np.flatnonzero(grouped)[order]
    for count, (_, positions) in enumerate(groups(roots[order])):
        if progress is not None and count % 50 == 0:
            progress(count / max(len(positions_of), 1))
        pieces.append(shapely.union_all(members[positions_of[positions]]))
        piece_keys.append(keys[positions_of[positions[0]]])
    parts, index = polygon_parts(polygonal(pieces))
    part_keys = np.asarray(piece_keys, dtype=np.int64)[index]
    order = np.argsort(part_keys, kind="stable")
    parts, part_keys = parts[order], part_keys[order]
    distinct, compact, counts = np.unique(part_keys, return_inverse=True, return_counts=True)
    if each is not None:
        bounds = np.r_[0, np.cumsum(counts)].tolist()
        for position, key in enumerate(distinct.tolist()):
            out[key] = each(key, parts[bounds[position]:bounds[position + 1]])
        return out
    collected = shapely.multipolygons(parts, indices=compact)
    single = counts == 1
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    collected[single] = parts[starts[single]]
    out[distinct] = collected
    return out


def clip_union(polygons, zones, progress=None) -> np.ndarray:
    """For every zone the union of ``polygons`` inside it (``zone_parts``), polygonal; None where the
    zone holds none of them."""
    polygons, zones = geometries(polygons), geometries(zones)
    polygons = polygons[[p is not None for p in polygons]]
    if not len(polygons) or not len(zones):
        return np.full(len(zones), None, dtype=object)
    zone, _, _, parts = zone_parts(polygons, zones)
    kept = np.array([p is not None for p in parts], dtype=bool)
    return dissolve_each(parts[kept], zone[kept], len(zones), progress)


def areas(values) -> np.ndarray:
    """Planar areas (0 for None)."""
    return np.nan_to_num(shapely.area(geometries(values)), nan=0.0)


def overlap_groups(polygons) -> list:
    """Positions of the polygons whose interiors overlap others', grouped (connected through others):
    the only ones a union must merge for its area; one that stands apart, or only touches its
    neighbours, is in no group."""
    polygons = geometries(polygons)
    if len(polygons) < 2:
        return []
    a, b = shapely.STRtree(polygons).query(polygons, predicate="intersects")
    keep = a < b
    a, b = a[keep], b[keep]
    keep = shapely.relate_pattern(polygons[a], polygons[b], "T********")  # interiors meet
    a, b = a[keep], b[keep]
    if not len(a):
        return []
    label = components(len(polygons), a, b)
    members = np.unique(np.r_[a, b])
    order = np.argsort(label[members], kind="stable")
    return [members[order][positions] for _, positions in groups(label[members][order])]


def disjoint_union(polygons) -> np.ndarray:
    """The union of ``polygons`` as pieces whose interiors do not meet (their areas add up to the
    union's): a polygon that overlaps no other as it is, each group of overlapping ones unioned."""
    polygons = geometries(polygons)
    polygons = polygons[[p is not None for p in polygons]]
    grouped = overlap_groups(polygons)
    alone = np.ones(len(polygons), dtype=bool)
    merged = []
    for group in grouped:
        alone[group] = False
        merged.append(shapely.union_all(polygons[group]))
    return polygonal(np.concatenate([polygons[alone], geometries(merged)]))


def inside(polygon, values) -> np.ndarray:
    """Mask of the geometries lying wholly inside ``polygon`` (its interior: ``contains_properly``)."""
    values = geometries(values)
    if polygon is None or not len(values):
        return np.zeros(len(values), dtype=bool)
    shapely.prepare(polygon)
    return np.asarray(shapely.contains_properly(polygon, values), dtype=bool)


def overlap_areas(polygons):
    """(a, b, area) of every pair a < b of ``polygons`` whose interiors meet, with the planar area of
    their intersection; pairs in the order of a, then b."""
    polygons = geometries(polygons)
    valid = np.flatnonzero([p is not None for p in polygons])
    a, b = shapely.STRtree(polygons[valid]).query(polygons[valid], predicate="intersects")
    a, b = valid[a], valid[b]
    keep = a < b
    a, b = a[keep], b[keep]
    keep = shapely.relate_pattern(polygons[a], polygons[b], "T********")
    a, b = a[keep], b[keep]
    order = np.lexsort((b, a))
    a, b = a[order], b[order]
    return a, b, areas(shapely.intersection(polygons[a], polygons[b])) if len(a) else np.zeros(0)
