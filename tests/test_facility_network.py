"""Facility coverage along a street network of a real town's shape, against QGIS's own shortest paths.

The network is not a grid: the edges of a Voronoi tessellation (streets meeting at three or more at odd
angles, blocks of every size), each street bent through extra vertices, with dead ends. The plugin's
walk (core/geo/network.py, its own Dijkstra) is compared with native:serviceareafromlayer (QGIS's
graph analyser) from the same start points, widened by the same access width and cut to the served
land, to 1e-6 (they agree to about 1e-8): for point facilities (a market, 10 minutes at 1 m/s) and
for park polygons reached from their boundary (every 20 m of boundary within the access width of a
street). Synthetic, built here from a fixed seed."""
import random

import numpy as np
import pytest
import shapely
from qgis.core import QgsGeometry, QgsPointXY
from test_coverage import X0, Y0, layer_of, rect

from cq_urban_plugin.core.checks import facility_coverage as fc

SIZE = 3000.0      # m: the town's square
ACCESS = 50.0      # m: the walk from a reached street onto the land (the check's default)


@pytest.fixture
def provider(cq_provider):
    return cq_provider


def town_streets(seed=5, cells=90, spurs=15):
    """Voronoi streets, noded where they meet, each bent through two jittered vertices; dead-end spurs
    from street corners."""
    rng = np.random.default_rng(seed)
    seeds = shapely.multipoints(rng.uniform(0, SIZE, (cells, 2)) + (X0, Y0))
    square = shapely.box(X0, Y0, X0 + SIZE, Y0 + SIZE)
    cells_ = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=square))
    noded = shapely.get_parts(shapely.line_merge(shapely.union_all(shapely.boundary(
        shapely.intersection(cells_, square)))))
    streets, corners = [], []
    for line in shapely.get_parts(shapely.node(shapely.union_all(noded))):
        (ax, ay), (bx, by) = line.coords[0], line.coords[-1]
        corners.append((ax, ay))
        length = line.length
        if length < 1.0:
            continue
        # two interior vertices pushed off the straight line by up to a tenth of its length
        nx, ny = -(by - ay) / length, (bx - ax) / length
        bent = [(ax, ay)]
        for t in (1 / 3, 2 / 3):
            off = rng.uniform(-0.1, 0.1) * length
            bent.append((ax + t * (bx - ax) + off * nx, ay + t * (by - ay) + off * ny))
        bent.append((bx, by))
        streets.append(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in bent]))
    for x, y in random.Random(seed).sample(corners, spurs):
        angle = rng.uniform(0, 2 * np.pi)
        reach = rng.uniform(80, 220)
        streets.append(QgsGeometry.fromPolylineXY([QgsPointXY(x, y), QgsPointXY(
            x + reach * np.cos(angle), y + reach * np.sin(angle))]))
    return streets


def native_walk(roads, starts, radius, served, parks=None):
    """Covered m² of ``served``: native service area from the ``starts`` points, its lines widened by the
    access width (flat ends are not what a walk does: round, as the check), with the parks' own ground."""
    import processing

    lines = processing.run("native:serviceareafromlayer", {
        "INPUT": roads, "STRATEGY": 0, "DEFAULT_DIRECTION": 2, "TOLERANCE": 0, "START_POINTS": starts,
        "TRAVEL_COST2": radius, "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"})["OUTPUT_LINES"]
    widened = processing.run("native:buffer", {"INPUT": lines, "DISTANCE": ACCESS, "SEGMENTS": 16,
                                               "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
    reached = QgsGeometry.unaryUnion([f.geometry() for f in widened.getFeatures()]
                                     + [f.geometry() for f in (parks.getFeatures() if parks else [])])
    land = QgsGeometry.unaryUnion([f.geometry() for f in served.getFeatures()])
    return land.intersection(reached).area(), land.area()


def served_blocks(seed=9, n=40):
    rng = random.Random(seed)
    return layer_of("Polygon", [rect(X0 + rng.uniform(0, SIZE - 300), Y0 + rng.uniform(0, SIZE - 300),
                                     rng.uniform(120, 300), rng.uniform(120, 300)) for _ in range(n)], name="blocks")


def run(parameters):
    import processing

    return processing.run("cq_urban:check_facility_coverage", {
        "SERVICE_AREA": "memory:", "UNCOVERED": "memory:", "TABLE": "memory:", "DISTANCE_METHOD": 1,
        "ACCESS_WIDTH": ACCESS, **parameters})


def test_point_facilities_along_a_town_shaped_network_agree_with_native_shortest_paths(provider):
    streets = town_streets()
    roads = layer_of("LineString", streets, name="streets")
    corners = [g.vertexAt(0) for g in streets[::23]][:8]
    # markets a few metres off the street, as they are mapped (inside the 25 m snap, not on the line)
    markets = [QgsGeometry.fromPointXY(QgsPointXY(p.x() + 6.0, p.y() - 4.0)) for p in corners]
    facilities = layer_of("Point", markets, name="markets")
    served = served_blocks()
    result = run({"FACILITIES": facilities, "SERVED_AREA": served, "ROADS": roads, "PRESET": "life_market_10min",
                  "DENOMINATOR": 0})
    radius = 10 * 60 * fc.WALK_SPEED
    covered, land = native_walk(roads, facilities, radius, served)
    assert 0.05 * land < covered < 0.95 * land   # a figure that could be wrong either way
    assert result["COVERED_KM2"] == pytest.approx(covered / 1e6, rel=1e-6)
    assert result["MEASURED"] == pytest.approx(100 * covered / land, rel=1e-6)


def test_parks_along_a_town_shaped_network_are_reached_from_their_boundary(provider):
    """Each park's boundary, sampled every 20 m; the samples within the access width of a street start the
    walk (native snaps each to its nearest street, as the check ties it)."""
    import processing

    streets = town_streets(seed=8)
    roads = layer_of("LineString", streets, name="streets")
    rng = random.Random(3)
    parks = layer_of("Polygon", [rect(X0 + rng.uniform(200, SIZE - 400), Y0 + rng.uniform(200, SIZE - 400),
                                      rng.uniform(60, 160), rng.uniform(60, 160)) for _ in range(6)], name="parks")
    served = served_blocks(seed=4)
    result = run({"FACILITIES": parks, "SERVED_AREA": served, "ROADS": roads, "PRESET": "park_square_5min",
                  "DISTANCE": 300, "DENOMINATOR": 0})
    samples = []
    for park in parks.getFeatures():
        boundary = QgsGeometry(park.geometry().constGet().boundary()).densifyByDistance(fc.BOUNDARY_STEP)
        samples += [QgsGeometry.fromPointXY(QgsPointXY(v)) for v in boundary.vertices()]
    near = processing.run("native:extractwithindistance", {
        "INPUT": layer_of("Point", samples, name="boundary samples"), "REFERENCE": roads, "DISTANCE": ACCESS,
        "OUTPUT": "memory:"})["OUTPUT"]
    assert 0 < near.featureCount() < len(samples)   # some of the boundary meets a street, not all of it
    covered, land = native_walk(roads, near, 300.0, served, parks=parks)
    assert 0.02 * land < covered < 0.9 * land
    assert result["COVERED_KM2"] == pytest.approx(covered / 1e6, rel=1e-6)
