"""Facility coverage by every type (the 15-minute life circle as a whole), zone by zone.

Pure functions on arrays (numpy, shapely 2): ``checks.coverage.every_type`` converts each type's
covered land (from ``coverage.cover_zones``, one run per type) to shapely as WKB and back. The land
reached by every type is the intersection of each type's covered land, type after type in the order
given (the figures are those of that order); the rest of the served land is uncovered."""
import numpy as np
import shapely

from .arrays import geometries, polygonal


def reached_by_all(served, covered_by_type):
    """(covered, uncovered) per zone: the ``served`` land of each zone reached by every type (the
    intersection of the arrays of ``covered_by_type``, one per type, each with one geometry or None a
    zone) and the rest of its served land. None is "nothing": a zone a type does not reach is
    covered by none; a zone where none is reached is uncovered whole. A zone only stays in the
    intersection while something is left, so the later types cut only the land still reached. A
    type's covered land lies in its zone's served land (it is that land cut), so the first type's is
    the start, not its intersection with the served land."""
    served = geometries(served)
    covered = None
    for cover in covered_by_type:
        cover = geometries(cover)
        if covered is None:
            covered = np.where([s is not None for s in served], cover, None)
            continue
        alive = np.flatnonzero([c is not None for c in covered])
        if len(alive):
            covered[alive] = polygonal(shapely.intersection(covered[alive], cover[alive]))
    if covered is None:
        covered = served.copy()
    uncovered = served.copy()
    met = np.array([c is not None for c in covered], dtype=bool)
    if met.any():
        uncovered[met] = polygonal(shapely.difference(served[met], covered[met]))
    return covered, uncovered
