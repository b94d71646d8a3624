"""The geometry kernels (core/kernels, issue #20) against figures computed by hand: squares,
and the 64-gon GEOS gives a point's buffer with 16 segments a quarter circle. Real shapely 2,
no QGIS (tests/test_architecture.py runs one in a Python where QGIS cannot be imported)."""
import math

import numpy as np
import pytest
import shapely

from cq_urban_plugin.core.kernels import arrays, builtup, coverage

R = 10.0
GON = 32 * R * R * math.sin(math.pi / 32)  # a regular 64-gon of circumradius R: 64/2 · R² · sin(2π/64)


def box(x0, y0, x1, y1):
    return shapely.box(x0, y0, x1, y1)


def test_a_disc_is_the_64_gon_of_native_buffer():
    disc = coverage.discs([(5.0, 7.0)], R)[0]
    assert len(shapely.get_coordinates(disc)) == 65
    assert shapely.area(disc) == pytest.approx(GON, rel=1e-12)
    assert shapely.equals_exact(disc, shapely.buffer(shapely.Point(5, 7), R, quad_segs=16), tolerance=1e-9)
    assert shapely.area(coverage.discs([(0, 0)], R, segments=1)[0]) == pytest.approx(2 * R * R)  # a square


def test_points_repeated_within_the_tolerance_are_one():
    keep, repeats = coverage.unique_points([(0, 0), (5, 5), (0.001, 0.002), (5, 5), (9, 9)], 0.01)
    assert keep.tolist() == [0, 1, 4] and repeats.tolist() == [2, 3]
    assert [a.tolist() for a in coverage.unique_points(np.zeros((0, 2)), 0.01)] == [[], []]


def test_a_stop_on_the_line_between_two_zones_covers_half_a_disc_in_each():
    served = [box(0, 0, 200, 100)]
    zones = [box(0, 0, 100, 100), box(100, 0, 200, 100)]
    cover = coverage.cover_zones(served, zones, [(100, 50)], R, with_service=False)
    assert cover.zone.tolist() == [0, 1]
    assert cover.served_area.tolist() == pytest.approx([10000.0, 10000.0])
    assert cover.covered_area.tolist() == pytest.approx([GON / 2, GON / 2])
    assert arrays.areas(cover.uncovered).tolist() == pytest.approx([10000 - GON / 2] * 2)
    assert all(s is None for s in cover.service)  # not kept


def test_overlapping_served_land_and_stops_count_once_and_far_stops_are_left_out():
    served = [box(0, 0, 100, 100), box(50, 0, 100, 100)]   # the second lies inside the first
    zones = [box(-50, -50, 150, 150)]
    stops = [(10, 50), (10, 50), (12, 50), (1000, 1000)]  # the first twice, the third overlapping it
    cover = coverage.cover_zones(served, zones, stops, R, with_service=False)
    both = shapely.union_all(shapely.buffer(shapely.points([(10, 50), (12, 50)]), R, quad_segs=16))
    assert cover.served_area.tolist() == pytest.approx([10000.0])
    assert cover.covered_area.tolist() == pytest.approx([shapely.area(both)])


def test_with_the_service_area_a_zone_without_served_land_keeps_its_discs_cut_to_it():
    served = [box(0, 0, 100, 100)]
    zones = [box(0, 0, 100, 100), box(100, 0, 200, 100), box(500, 500, 600, 600)]
    cover = coverage.cover_zones(served, zones, [(150, 50), (50, 50)], R, with_service=True)
    assert cover.zone.tolist() == [0, 1]  # the third zone meets nothing
    assert cover.served_area.tolist() == pytest.approx([10000.0, 0.0])
    assert arrays.areas(cover.service).tolist() == pytest.approx([GON, GON])
    assert cover.covered_area.tolist() == pytest.approx([GON, 0.0])
    assert cover.uncovered[1] is None


def test_service_shapes_beside_the_discs():
    served = [box(0, 0, 100, 100)]
    road = box(0, 40, 100, 60)  # a widened road across the served land
    cover = coverage.cover_zones(served, [box(0, 0, 100, 100)], shapes=[road, None], with_service=False)
    assert cover.covered_area.tolist() == pytest.approx([2000.0])


def test_points_outside_by_containment_and_by_distance():
    polygons = [box(0, 0, 100, 100), None]
    points = [(50, 50), (130, 50), (100, 50), (-20, -20)]
    assert coverage.outside(points, polygons).tolist() == [False, True, True, True]  # an edge is not inside
    assert coverage.outside(points, polygons, 30.0).tolist() == [False, False, False, False]
    assert coverage.outside(points, polygons, 25.0).tolist() == [False, True, False, True]  # 28.3 m off
    assert coverage.outside(points, []).tolist() == [True] * 4


def test_builtup_is_cut_by_the_townships_and_the_outside_part_measured():
    zones = [box(0, 0, 100, 100), box(100, 0, 200, 100)]
    polygons = [box(10, 10, 20, 20),      # inside the first: 100
                box(90, 10, 110, 20),     # across the line: 100 and 100
                box(190, 10, 210, 20),    # half outside: 100 in, 100 out
                box(300, 300, 310, 310),  # outside every township: 100
                box(305, 300, 315, 310),  # overlapping the last by half: 50 more
                box(10, 10, 20, 20)]      # the first again: counted once
    pieces = builtup.builtup_by_zone(polygons, zones)
    assert pieces.inside_area.tolist() == pytest.approx([200.0, 200.0])
    assert pieces.outside_area == pytest.approx(100.0 + 150.0)
    assert arrays.areas(pieces.outside).sum() == pytest.approx(250.0)
    assert shapely.area(shapely.union_all(pieces.outside)) == pytest.approx(250.0)  # pieces apart: they add up


def test_builtup_without_townships_or_without_builtup():
    nothing = builtup.builtup_by_zone([box(0, 0, 10, 10)], [])
    assert nothing.outside_area == pytest.approx(100.0) and len(nothing.pieces) == 0
    empty = builtup.builtup_by_zone([], [box(0, 0, 10, 10)])
    assert empty.inside_area.tolist() == [0.0] and empty.outside_area == 0.0 and empty.pieces[0] is None


def test_only_overlapping_polygons_are_unioned():
    polygons = [box(0, 0, 10, 10), box(10, 0, 20, 10),  # touching only: left as they are
                box(30, 0, 40, 10), box(35, 0, 45, 10), box(44, 0, 50, 10)]  # a chain of overlaps
    assert [g.tolist() for g in arrays.overlap_groups(polygons)] == [[2, 3, 4]]
    pieces = arrays.disjoint_union(polygons)
    assert len(pieces) == 3 and arrays.areas(pieces).sum() == pytest.approx(100 + 100 + 200)


def test_polygonal_keeps_only_the_polygons():
    line = shapely.LineString([(0, 0), (1, 1)])
    mixed = shapely.GeometryCollection([box(0, 0, 1, 1), line, box(5, 5, 6, 6)])
    kept = arrays.polygonal([mixed, line, None, shapely.Polygon(), box(0, 0, 2, 2)])
    assert shapely.get_type_id(kept[0]) == arrays.MULTIPOLYGON and shapely.area(kept[0]) == pytest.approx(2.0)
    assert kept[1] is None and kept[2] is None and kept[3] is None and shapely.area(kept[4]) == 4.0


def test_overlapping_zones_and_their_shared_area():
    zones = [box(0, 0, 10, 10), box(10, 0, 20, 10), box(5, 5, 15, 15), None]  # 0|1 touch; 2 overlaps both
    a, b, area = arrays.overlap_areas(zones)
    assert list(zip(a.tolist(), b.tolist())) == [(0, 2), (1, 2)]
    assert area.tolist() == pytest.approx([25.0, 25.0])


def test_control_lines_per_township_with_overlaps_and_builtup_outside_the_boundary():
    from cq_urban_plugin.core.kernels import control_lines

    zones = [box(0, 0, 100, 100), box(100, 0, 200, 100)]
    lines = {"ecology": [box(0, 0, 50, 100)],                      # 5,000 in the first township
             "farmland": [box(40, 0, 60, 100), box(150, 0, 200, 100)],  # 2,000 | 5,000 (1,000 red line, 2,500 dev.)
             "development": [box(120, 0, 200, 50)]}                # 4,000 in the second
    builtup = [box(110, 0, 130, 100)]                                # 2,000, of it 10 × 50 inside the boundary
    found = control_lines.lines_by_zone(zones, lines, builtup, "development")
    assert found.area["ecology"].tolist() == pytest.approx([5000.0, 0.0])
    assert found.area["farmland"].tolist() == pytest.approx([2000.0, 5000.0])
    assert found.area[("ecology", "farmland")].tolist() == pytest.approx([1000.0, 0.0])
    assert found.area[("farmland", "development")].tolist() == pytest.approx([0.0, 2500.0])
    assert found.area["builtup"].tolist() == pytest.approx([0.0, 2000.0])
    assert found.area["builtup_outside"].tolist() == pytest.approx([0.0, 1500.0])
    assert list(found.overlaps) == [("ecology", "farmland"), ("ecology", "development"), ("farmland", "development")]
