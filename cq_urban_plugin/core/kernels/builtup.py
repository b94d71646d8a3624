"""Built-up area per township: the built-up polygons cut by the townships and dissolved by township,
and what lies outside every township. Pure functions on arrays (numpy, shapely 2); the QGIS edge
(``core.checks.builtup``) converts as WKB. Areas are planar.

One spatial query pairs every polygon with the townships it meets. A polygon wholly inside a
township (a prepared ``contains_properly``) is taken as it is; only one that crosses a boundary is
cut. The outside part needs no pass over the whole layer: a polygon inside a township has none,
one meeting no township is outside whole, and only the boundary-crossing ones lose their townships.
Overlaps count once (each township's part is a union; the outside parts are unioned only where
their interiors overlap).
"""
from dataclasses import dataclass

import numpy as np
import shapely

from .arrays import areas, disjoint_union, dissolve_each, geometries, polygonal, zone_parts


@dataclass
class ZonePieces:
    """``pieces``: per zone the union of the polygons inside it (None: none); ``inside_area`` their
    areas; ``outside``: what lies outside every zone, as pieces whose areas add up (``outside_area``)."""

    pieces: np.ndarray
    inside_area: np.ndarray
    outside: np.ndarray
    outside_area: float


def builtup_by_zone(polygons, zones, progress=None, each=None) -> ZonePieces:
    """The built-up ``polygons`` per zone of ``zones`` and outside every zone. ``progress(share)`` is
    called now and then (it may raise to stop). With ``each``, each zone's piece is handed to
    ``each(zone, its polygons, planar area)`` as soon as it is made (``dissolve_each``), and
    ``pieces`` holds what it returns."""
    polygons, zones = geometries(polygons), geometries(zones)
    polygons = polygons[[p is not None for p in polygons]]
    if not len(zones) or not len(polygons):
        outside = disjoint_union(polygons)
        return ZonePieces(np.full(len(zones), None, dtype=object), np.zeros(len(zones)), outside,
                          float(areas(outside).sum()))
    zone, polygon, within, parts = zone_parts(polygons, zones)
    kept = np.array([p is not None for p in parts], dtype=bool)
    if each is None:
        pieces = dissolve_each(parts[kept], zone[kept], len(zones), progress)
        inside_area = areas(pieces)
    else:
        inside_area = np.zeros(len(zones))

        def take(key, polygons):
            inside_area[key] = sum(areas(polygons).tolist())  # in order, as GEOS sums a multipolygon's
            return each(key, polygons, inside_area[key])

        pieces = dissolve_each(parts[kept], zone[kept], len(zones), progress, take)
    del parts
    outside = _outside(polygons, zones, zone, polygon, within)
    return ZonePieces(pieces, inside_area, outside, float(areas(outside).sum()))


def outside_of_zones(polygons, zones) -> ZonePieces:
    """Only what lies outside every zone (``builtup_by_zone``'s ``outside``, the same floats), with no
    zone's part cut or dissolved: a jurisdiction split into pieces by township (issue #21) measures its
    outside row once over the whole."""
    polygons, zones = geometries(polygons), geometries(zones)
    polygons = polygons[[p is not None for p in polygons]]
    none = np.full(len(zones), None, dtype=object)
    if not len(zones) or not len(polygons):
        outside = disjoint_union(polygons)
    else:
        zone, polygon = shapely.STRtree(polygons).query(zones, predicate="intersects")
        order = np.lexsort((polygon, zone))  # as zone_parts orders them
        zone, polygon = zone[order], polygon[order]
        shapely.prepare(zones)
        outside = _outside(polygons, zones, zone, polygon, shapely.contains_properly(zones[zone], polygons[polygon]))
    return ZonePieces(none, np.zeros(len(zones)), outside, float(areas(outside).sum()))


def _outside(polygons, zones, zone, polygon, within) -> np.ndarray:
    """The pieces outside every zone, from the (zone, polygon) pairs that meet and whether the
    polygon lies within the zone."""
    inside = np.zeros(len(polygons), dtype=bool)
    inside[polygon[within]] = True
    met = np.zeros(len(polygons), dtype=bool)
    met[polygon] = True
    rest = list(polygons[~met])  # meeting no zone: outside whole
    cut = np.flatnonzero(met & ~inside)
    if len(cut):
        by_polygon = np.argsort(polygon, kind="stable")
        starts = np.searchsorted(polygon[by_polygon], cut, side="left")
        ends = np.searchsorted(polygon[by_polygon], cut, side="right")
        covers = [shapely.union_all(zones[zone[by_polygon[s:e]]]) if e - s > 1 else zones[zone[by_polygon[s]]]
                  for s, e in zip(starts.tolist(), ends.tolist())]
        rest += list(polygonal(shapely.difference(polygons[cut], geometries(covers))))
    return disjoint_union(rest)
