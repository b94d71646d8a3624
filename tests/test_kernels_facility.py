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
