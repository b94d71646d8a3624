"""kernels.facility (issue #14, #20): the land reached by every facility type, by hand on squares.
Real shapely 2, no QGIS."""
import shapely

from cq_urban_plugin.core.kernels import facility


def test_the_land_reached_by_every_type_is_the_intersection_of_their_covered_land():
    served = [shapely.box(0, 0, 100, 100), shapely.box(200, 0, 300, 100), shapely.box(400, 0, 500, 100)]
    types = [[shapely.box(0, 0, 60, 100), shapely.box(200, 0, 300, 50), None],  # a type: one per zone
             [shapely.box(40, 0, 100, 100), None, shapely.box(400, 0, 450, 100)]]
    covered, uncovered = facility.reached_by_all(served, types)
    # zone 0: 40–60 reached by both (2,000 m²); zone 1: the second type reaches none; zone 2: the first none
    assert shapely.area(covered[0]) == 2000.0 and covered[1] is None and covered[2] is None
    assert shapely.equals(covered[0], shapely.box(40, 0, 60, 100))
    assert shapely.area(uncovered[0]) == 8000.0
    assert shapely.equals(uncovered[1], served[1]) and shapely.equals(uncovered[2], served[2])


def test_land_touched_along_a_line_only_is_not_covered():
    served = [shapely.box(0, 0, 10, 10)]
    covered, uncovered = facility.reached_by_all(served, [[shapely.box(0, 0, 5, 10)], [shapely.box(5, 0, 10, 10)]])
    assert covered[0] is None  # the two halves meet on x = 5: a line, nothing polygonal
    assert shapely.area(uncovered[0]) == 100.0


def test_the_every_type_land_found_part_by_part_equals_the_intersection_of_the_types_cover():
    """kernels.coverage.cover_zones with ``every`` (each type's uncovered rest cut from the land still
    reached, part by part) against reached_by_all on each type's covered land, on random blocks and
    facilities of three types at three distances."""
    import numpy as np

    from cq_urban_plugin.core.kernels import coverage

    rng = np.random.default_rng(14)
    zones = np.array([shapely.box(x, y, x + 2000, y + 2000) for x in (0, 2000) for y in (0, 2000)], dtype=object)
    corners = rng.uniform(0, 3900, (120, 2))
    served = shapely.box(corners[:, 0], corners[:, 1], corners[:, 0] + rng.uniform(20, 150, 120),
                         corners[:, 1] + rng.uniform(20, 150, 120))
    every, covered_by_type = {}, []
    for radius, count in ((300.0, 30), (600.0, 8), (900.0, 3)):
        cover = coverage.cover_zones(served, zones, rng.uniform(0, 4000, (count, 2)), radius, with_service=False,
                                     every=every)
        by_zone = np.full(len(zones), None, dtype=object)
        by_zone[cover.zone] = cover.covered
        covered_by_type.append(by_zone)
    assert every["types"] == 3
    clipped = coverage.clip_union(served, zones)
    expected, _ = facility.reached_by_all(clipped, covered_by_type)
    found = coverage.reached_by_every(every)
    reached = np.nan_to_num(shapely.area(found))
    assert reached.sum() > 0 and np.nan_to_num(shapely.area(expected)).sum() < shapely.area(clipped).sum()
    assert np.allclose(reached, np.nan_to_num(shapely.area(expected)), rtol=0, atol=1e-6)
    assert all(shapely.equals_exact(a, b, 1e-6) or shapely.area(shapely.symmetric_difference(a, b)) < 1e-6
               for a, b in zip(found, expected) if a is not None or b is not None)
