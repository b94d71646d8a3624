"""Walking distance along the network (core/geo/network.py and check_coverage DISTANCE=1)
against QGIS's native service area, and a network with gaps reported, not under-counted."""
import pytest
from qgis.core import Qgis, QgsGeometry, QgsPointXY
from test_coverage import X0, Y0, layer_of, rect, run

from cq_urban_plugin.core.checks import coverage
from cq_urban_plugin.core.geo.network import GAP_TOLERANCE, SNAP_TOLERANCE, RoadNetwork

SPACING = 200.0


@pytest.fixture
def provider(cq_provider):
    return cq_provider


def line(*points):
    return QgsGeometry.fromPolylineXY([QgsPointXY(X0 + x, Y0 + y) for x, y in points])


def grid_roads(n=7):
    """Streets every 200 m, each a polyline with a vertex at every crossing, and a diagonal."""
    roads = []
    for i in range(n):
        roads.append(line(*[(i * SPACING, j * SPACING) for j in range(n)]))
        roads.append(line(*[(j * SPACING, i * SPACING) for j in range(n)]))
    roads.append(line((0, 0), (SPACING, SPACING), (2 * SPACING, 2 * SPACING)))
    return roads


STOPS = [(130.0, 215.0), (610.0, 980.0), (1150.0, 400.0)]  # beside the streets, not on them


def stop_points():
    return [QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y)) for x, y in STOPS]


def native_reachable_length(roads, stops, radius):
    """Length of the network native:serviceareafromlayer reaches from any stop. Its lines
    hold, for an edge reached from both ends, the whole edge and the two partial pieces,
    whose interpolated ends lie a hair off the edge, so a dissolve cannot merge them: the
    lines are widened by 1 m and dissolved, and the area halved gives the length."""
    import processing

    result = processing.run("native:serviceareafromlayer", {
        "INPUT": roads, "STRATEGY": 0, "DEFAULT_DIRECTION": 2, "TOLERANCE": 0, "START_POINTS": stops,
        "TRAVEL_COST2": radius, "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"})
    widened = processing.run("native:buffer", {"INPUT": result["OUTPUT_LINES"], "DISTANCE": 1.0, "SEGMENTS": 8,
                                               "END_CAP_STYLE": 1, "DISSOLVE": True, "OUTPUT": "memory:"})
    return sum(f.geometry().area() for f in widened["OUTPUT"].getFeatures()) / 2.0


def widened_length(lines):
    return QgsGeometry.unaryUnion([g.buffer(1.0, 8, Qgis.EndCapStyle.Flat, Qgis.JoinStyle.Round, 2.0)
                                   for g in lines]).area() / 2.0


@pytest.mark.parametrize("radius", [150.0, 500.0])
def test_reachable_length_agrees_with_native_service_area(provider, radius):
    roads = grid_roads()
    network = RoadNetwork(roads)
    ties, far = network.tie([(i, g.asPoint()) for i, g in enumerate(stop_points())])
    assert not far and len(ties) == 3
    pieces = network.reachable_lines(ties, radius)
    ours = widened_length(pieces)
    expected = native_reachable_length(layer_of("LineString", roads), layer_of("Point", stop_points()), radius)
    assert expected > 2 * radius  # partial edges and several stops: a figure that could be wrong
    assert ours == pytest.approx(expected, rel=5e-3)


def test_network_coverage_through_the_algorithm(provider):
    roads = layer_of("LineString", grid_roads(), name="streets")
    served = layer_of("Polygon", [rect(X0 + 20, Y0 + 20, 160, 160), rect(X0 + 420, Y0 + 820, 160, 160),
                                  rect(X0 + 1020, Y0 + 1020, 160, 160)])
    result = run({"STOPS": layer_of("Point", stop_points()), "SERVED_AREA": served, "DISTANCE": 1,
                  "ROADS": roads, "ACCESS_WIDTH": 50})
    # expected: native reachable lines, widened by 50 m (same segments), intersected with the served area
    import processing

    lines = processing.run("native:serviceareafromlayer", {
        "INPUT": roads, "STRATEGY": 0, "DEFAULT_DIRECTION": 2, "TOLERANCE": 0,
        "START_POINTS": layer_of("Point", stop_points()), "TRAVEL_COST2": 500.0, "INCLUDE_BOUNDS": False,
        "OUTPUT_LINES": "memory:"})["OUTPUT_LINES"]
    widened = processing.run("native:buffer", {"INPUT": lines, "DISTANCE": 50, "SEGMENTS": coverage.BUFFER_SEGMENTS,
                                               "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
    covered = processing.run("native:intersection", {"INPUT": served, "OVERLAY": widened,
                                                     "OUTPUT": "memory:"})["OUTPUT"]
    covered_area = sum(f.geometry().area() for f in covered.getFeatures())
    served_area = 3 * 160 * 160
    assert 0 < covered_area < served_area
    assert result["MEASURED"] == pytest.approx(100 * covered_area / served_area, rel=5e-3)


def test_gaps_components_and_far_stops_are_reported(provider, tmp_path):
    roads = grid_roads(4)
    roads.append(line((1000, 0), (1600, 0)))  # a separate road without stops
    roads.append(line((300, 300 + GAP_TOLERANCE / 2), (300, 700)))  # ends 2.5 m short of the grid: a gap
    network = RoadNetwork(roads)
    stops = [(0, QgsPointXY(X0 + 130, Y0 + 215)), (1, QgsPointXY(X0 + 3000, Y0 + 3000))]
    ties, far = network.tie(stops)
    assert far == [1]
    diagnosis = network.diagnose(ties, far)
    assert diagnosis.components == 3
    assert diagnosis.components_without_stop == 2
    assert diagnosis.length_without_stop_km == pytest.approx((600 + 400 - GAP_TOLERANCE / 2) / 1000)
    assert diagnosis.gaps == 1
    report = tmp_path / "network.html"
    served = layer_of("Polygon", [rect(X0, Y0, 600, 600)])
    run({"STOPS": layer_of("Point", [QgsGeometry.fromPointXY(p) for _, p in stops]), "SERVED_AREA": served,
         "DISTANCE": 1, "ROADS": layer_of("LineString", roads, name="streets"), "REPORT": str(report)})
    text = report.read_text(encoding="utf-8")
    assert "3 disconnected parts" in text
    assert "1 dead ends" in text
    assert f"more than {SNAP_TOLERANCE:g} m from every road" in text


def test_stop_on_a_vertex_and_radius_shorter_than_an_edge():
    network = RoadNetwork([line((0, 0), (1000, 0))])
    ties, _ = network.tie([(0, QgsPointXY(X0 + 400, Y0 + 10))])
    pieces = network.reachable_lines(ties, 100.0)
    assert QgsGeometry.unaryUnion(pieces).length() == pytest.approx(200.0)
    ties, _ = network.tie([(0, QgsPointXY(X0 - 5, Y0))])  # nearest point is the end vertex
    assert QgsGeometry.unaryUnion(network.reachable_lines(ties, 300.0)).length() == pytest.approx(300.0)
