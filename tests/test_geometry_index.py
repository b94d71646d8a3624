"""The box index every check queries (core/geo/overlay.py GeometryIndex): its grid gives
exactly the boxes a test of every box gives, for small, large, empty and far-away boxes."""
import numpy as np
import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

from cq_urban_plugin.core.geo.overlay import GeometryIndex


def _every_box(index, r):
    b = index.boxes
    return np.nonzero((b[:, 0] <= r.xMaximum()) & (b[:, 2] >= r.xMinimum())
                      & (b[:, 1] <= r.yMaximum()) & (b[:, 3] >= r.yMinimum()))[0]


@pytest.mark.parametrize("count", [10, 300, 5000])
def test_the_grid_finds_what_a_test_of_every_box_finds(qgis_app, count):
    rng = np.random.default_rng(count)
    geometries = [QgsGeometry.fromPointXY(QgsPointXY(x, y)).buffer(float(rng.uniform(5, 900)), 3)
                  for x, y in rng.uniform(0, 50_000, (count, 2))]
    geometries += [QgsGeometry.fromRect(QgsRectangle(-100, 0, 60_000, 300)),  # over many cells
                   QgsGeometry(),                                            # no geometry
                   QgsGeometry.fromPointXY(QgsPointXY(2_000_000, 3_000_000))]  # far away, a point's box
    index = GeometryIndex(geometries)
    queries = [QgsRectangle(x, y, x + w, y + h) for (x, y), (w, h) in
               zip(rng.uniform(-5_000, 55_000, (400, 2)), rng.uniform(0, 4_000, (400, 2)))]
    queries += [QgsRectangle(-1e7, -1e7, 1e7, 1e7), QgsRectangle(1_999_999, 2_999_999, 2_000_001, 3_000_001),
                QgsRectangle(100, 100, 100, 100)]
    for query in queries:
        assert list(index.positions(query)) == [int(i) for i in _every_box(index, query)], query.toString()
    # a real query: candidates that intersect a geometry
    probe = QgsGeometry.fromRect(QgsRectangle(20_000, 20_000, 22_000, 22_000))
    expected = [g for g in geometries if not g.isEmpty() and g.intersects(probe)]
    assert {g.asWkt() for g in index.intersecting(probe)} == {g.asWkt() for g in expected}


def test_a_union_only_merges_what_touches_and_stays_valid(qgis_app):
    """union_all unions groups of touching or overlapping polygons and only collects groups
    apart: the same area as a union of everything, overlaps counted once, a valid geometry."""
    from cq_urban_plugin.core.geo.overlay import touching_groups, union_all

    squares = [QgsGeometry.fromRect(QgsRectangle(x, 0, x + 10, 10)) for x in (0, 5, 30, 40, 100)]  # 0–15, 30–50, 100
    assert touching_groups(squares) == [[0, 1], [2, 3], [4]]
    union = union_all(squares)
    assert union.isGeosValid() and union.area() == pytest.approx(15 * 10 + 20 * 10 + 10 * 10)
    assert union.area() == pytest.approx(QgsGeometry.unaryUnion(squares).area())
    assert len(list(union.constParts())) == 3
