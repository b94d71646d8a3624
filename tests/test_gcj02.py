"""GCJ-02 / BD-09 conversion: published point pairs, round trips, points outside
China, geometries, and the Processing algorithm (in process and through qgis_process)."""
import json
import math

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from cq_urban_plugin.core.geo import gcj02

# (WGS84 lon, lat) -> (GCJ-02 lon, lat): the test pairs of the eviltransform
# reference implementation (github.com/googollee/eviltransform, python/test.py;
# Shanghai, Shenzhen, Beijing), there given as lat, lng.
WGS_GCJ_PAIRS = [
    ((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597)),
    ((113.912316, 22.543847), (113.9171764808363, 22.540796131694766)),
    ((116.377817, 39.911954), (116.38404722455657, 39.91334545536069)),
    # coordtransform (github.com/wandergis/coordtransform, test/app.js): wgs84togcj02(116.404, 39.915)
    ((116.404, 39.915), (116.41024449916938, 39.91640428150164)),
]
# coordtransform, test/app.js: gcj02tobd09(116.404, 39.915) (the forward formula, exact)
GCJ_BD_PAIR = ((116.404, 39.915), (116.41036949371029, 39.92133699351021))
# coordtransform, test/app.js: bd09togcj02(116.404, 39.915), its closed-form reverse, which is
# itself only approximate (a few centimetres).
BD_GCJ_APPROX_PAIR = ((116.404, 39.915), (116.39762729119315, 39.90865673957631))


def metres(a, b):
    """Distance between two lon/lat points on a sphere (R = 6371 km): enough for checks at cm level."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371000 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("wgs,gcj", WGS_GCJ_PAIRS)
def test_forward_matches_published_pairs(wgs, gcj):
    lon, lat = gcj02.wgs84_to_gcj02(*wgs)
    assert lon == pytest.approx(gcj[0], abs=1e-9)
    assert lat == pytest.approx(gcj[1], abs=1e-9)


@pytest.mark.parametrize("wgs,gcj", WGS_GCJ_PAIRS)
def test_inverse_recovers_the_wgs_point_to_the_millimetre(wgs, gcj):
    back = gcj02.gcj02_to_wgs84(*gcj)
    assert metres(back, wgs) < 0.001
    # and the offset itself is the hundreds of metres that matter for a 500 m radius
    assert 100 < metres(wgs, gcj) < 1000


def test_bd09_pairs():
    bd = gcj02.gcj02_to_bd09(*GCJ_BD_PAIR[0])
    assert bd == pytest.approx(GCJ_BD_PAIR[1], abs=1e-9)
    # our iterated reverse agrees with the published closed-form one within its few centimetres
    gcj = gcj02.bd09_to_gcj02(*BD_GCJ_APPROX_PAIR[0])
    assert metres(gcj, BD_GCJ_APPROX_PAIR[1]) < 0.1
    # and is exact against the forward formula
    assert gcj02.gcj02_to_bd09(*gcj) == pytest.approx(BD_GCJ_APPROX_PAIR[0], abs=1e-9)


def test_round_trips_over_chongqing_are_sub_centimetre():
    rng = np.random.default_rng(20261123)
    lon = rng.uniform(105.2, 110.2, 5000)  # 重庆 from 江津 to 巫溪
    lat = rng.uniform(28.2, 32.2, 5000)
    for system in (gcj02.GCJ02, gcj02.BD09):
        web_lon, web_lat = gcj02.from_wgs84(lon, lat, system)
        shift = np.hypot((web_lon - lon) * 111320 * np.cos(np.radians(lat)), (web_lat - lat) * 110574)
        assert shift.min() > 50  # the points really moved
        back_lon, back_lat = gcj02.to_wgs84(web_lon, web_lat, system)
        assert np.abs(back_lon - lon).max() < 1e-7
        assert np.abs(back_lat - lat).max() < 1e-7
    # scalars give scalars, arrays give arrays with the same answer
    one = gcj02.gcj02_to_wgs84(float(lon[0]), float(lat[0]))
    assert isinstance(one[0], float)
    many = gcj02.gcj02_to_wgs84(lon[:3], lat[:3])
    assert one == pytest.approx((many[0][0], many[1][0]), abs=1e-12)


@pytest.mark.parametrize("point", [(2.3522, 48.8566), (-74.006, 40.7128), (151.2093, -33.8688), (37.6173, 55.9)])
def test_points_outside_china_are_unchanged(point):
    for function in (gcj02.wgs84_to_gcj02, gcj02.gcj02_to_wgs84, gcj02.bd09_to_gcj02, gcj02.gcj02_to_bd09,
                     gcj02.bd09_to_wgs84):
        assert function(*point) == point


def test_geometry_every_vertex_in_order():
    gcj_points = [gcj for _, gcj in WGS_GCJ_PAIRS]
    ring = gcj_points + [gcj_points[0]]
    hole = [(116.39, 39.912), (116.392, 39.912), (116.392, 39.913), (116.39, 39.912)]
    wkt = "MULTIPOLYGON(((" + ",".join(f"{x!r} {y!r}" for x, y in ring) + "),(" + \
          ",".join(f"{x} {y}" for x, y in hole) + ")),((2 48,3 48,3 49,2 48)))"
    geometry = QgsGeometry.fromWkt(wkt)
    original = geometry.asWkt(12)
    converted = gcj02.geometry_to_wgs84(geometry)
    assert geometry.asWkt(12) == original  # the input is not changed
    parts = converted.asMultiPolygon()
    exterior = parts[0][0]
    for vertex, (wgs, _) in zip(exterior, WGS_GCJ_PAIRS):
        assert metres((vertex.x(), vertex.y()), wgs) < 0.001
    for vertex, gcj in zip(parts[0][1], hole):
        assert metres((vertex.x(), vertex.y()), gcj02.gcj02_to_wgs84(*gcj)) < 1e-6
    assert [(p.x(), p.y()) for p in parts[1][0]] == [(2, 48), (3, 48), (3, 49), (2, 48)]
    # forward and back
    again = gcj02.geometry_from_wgs84(converted)
    for a, b in zip(again.vertices(), geometry.vertices()):
        assert metres((a.x(), a.y()), (b.x(), b.y())) < 0.001
    # lines, points and empty geometries
    line = gcj02.geometry_to_wgs84(QgsGeometry.fromWkt("LINESTRING(106.3 29.2, 106.31 29.21)"))
    assert line.asPolyline()[1].x() == pytest.approx(gcj02.gcj02_to_wgs84(106.31, 29.21)[0], abs=1e-12)
    assert gcj02.geometry_to_wgs84(QgsGeometry()).isNull()


def _stops_layer(path, crs, points, name="stops"):
    layer = QgsVectorLayer(f"Point?crs={crs}&field=name:string", name, "memory")
    features = []
    for index, (x, y) in enumerate(points):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"站{index}"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["no geometry"])
    features.append(feature)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.fileEncoding = "UTF-8"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), layer.transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return str(path)


@pytest.fixture
def registered(cq_provider):
    return cq_provider


def test_algorithm_converts_stops_to_cgcs2000(registered, tmp_path):
    import processing

    points = [gcj for _, gcj in WGS_GCJ_PAIRS] + [(2.3522, 48.8566)]
    source = _stops_layer(tmp_path / "stops_gcj.gpkg", "EPSG:4326", points)
    before = (tmp_path / "stops_gcj.gpkg").read_bytes()
    out = tmp_path / "stops_cgcs2000.gpkg"
    result = processing.run("cq_urban:convert_web_coordinates",
                            {"INPUT": source, "SOURCE_SYSTEM": 0, "OUTPUT": str(out)})
    assert result["CONVERTED"] == len(WGS_GCJ_PAIRS)
    assert result["OUTSIDE_CHINA"] == 1 and result["NO_GEOMETRY"] == 1
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:4490"
    features = sorted(layer.getFeatures(), key=lambda f: f["name"])
    assert [f["name"] for f in features] == sorted([f"站{i}" for i in range(len(points))] + ["no geometry"])
    by_name = {f["name"]: f.geometry() for f in features}
    for index, (wgs, _) in enumerate(WGS_GCJ_PAIRS):
        point = by_name[f"站{index}"].asPoint()
        assert metres((point.x(), point.y()), wgs) < 0.001
    paris = by_name[f"站{len(WGS_GCJ_PAIRS)}"].asPoint()
    assert (paris.x(), paris.y()) == (2.3522, 48.8566)
    assert by_name["no geometry"].isNull() or by_name["no geometry"].isEmpty()
    assert (tmp_path / "stops_gcj.gpkg").read_bytes() == before  # the input is not modified


def test_algorithm_bd09_to_wgs84(registered, tmp_path):
    import processing

    wgs = (106.2593, 29.2900)  # near 江津 几江
    bd = gcj02.wgs84_to_bd09(*wgs)
    source = _stops_layer(tmp_path / "bd.gpkg", "EPSG:4326", [bd])
    result = processing.run("cq_urban:convert_web_coordinates",
                            {"INPUT": source, "SOURCE_SYSTEM": 1, "OUTPUT_CRS": 1, "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = result["OUTPUT"]
    assert layer.crs().authid() == "EPSG:4326"
    point = [f.geometry().asPoint() for f in layer.getFeatures() if f.hasGeometry()][0]
    assert metres((point.x(), point.y()), wgs) < 0.001
    assert metres(bd, wgs) > 300


def test_projected_layer_warns_or_refuses(registered, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors = []

        def reportError(self, error, fatalError=False):  # noqa: N802, N803
            self.errors.append(error)

    # degrees declared as a Gauss-Krüger zone: converted, with a warning
    source = _stops_layer(tmp_path / "declared_gk.gpkg", "EPSG:4545", [WGS_GCJ_PAIRS[0][1]])
    feedback = Recorder()
    result = processing.run("cq_urban:convert_web_coordinates", {"INPUT": source, "OUTPUT": "TEMPORARY_OUTPUT"},
                            feedback=feedback)
    assert result["CONVERTED"] == 1
    assert any("EPSG:4545" in e for e in feedback.errors)
    # metres: cannot be web-map degrees, refused with a message naming the layer
    metres_source = _stops_layer(tmp_path / "metres.gpkg", "EPSG:4545", [(36500000.0, 3230000.0)], "metres")
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("cq_urban:convert_web_coordinates", {"INPUT": metres_source, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "metres" in str(raised.value) and "longitude/latitude" in str(raised.value)


@pytest.mark.slow
def test_through_qgis_process(installed_plugin, tmp_path):
    source = _stops_layer(tmp_path / "web.gpkg", "EPSG:4326", [WGS_GCJ_PAIRS[2][1]])
    out = tmp_path / "true.gpkg"
    result = installed_plugin("run", "cq_urban:convert_web_coordinates", "--json", "--",
                              f"INPUT={source}", "SOURCE_SYSTEM=0", f"OUTPUT={out}")
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["results"]["CONVERTED"] == 1
    layer = QgsVectorLayer(str(out), "true", "ogr")
    assert layer.crs() == QgsCoordinateReferenceSystem("EPSG:4490")
    point = [f.geometry().asPoint() for f in layer.getFeatures() if f.hasGeometry()][0]
    assert metres((point.x(), point.y()), WGS_GCJ_PAIRS[2][0]) < 0.001


def test_algorithm_batches_keep_every_feature_with_its_own_point(registered, tmp_path):
    """More features than one batch, with features outside China and without geometry
    in between: each output point is its own input converted, none swapped."""
    import processing

    rng = np.random.default_rng(5)
    points = [(float(x), float(y)) for x, y in zip(rng.uniform(105.3, 110.1, 4500), rng.uniform(28.2, 32.2, 4500))]
    points[1234] = (2.35, 48.85)
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=i:integer", "many", "memory")
    features = []
    for index, (x, y) in enumerate(points):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([index])
        if index % 1000 != 999:
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    result = processing.run("cq_urban:convert_web_coordinates", {"INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["NO_GEOMETRY"] == 4 and result["OUTSIDE_CHINA"] == 1
    assert result["CONVERTED"] == len(points) - 5
    out = {f["i"]: f.geometry() for f in result["OUTPUT"].getFeatures()}
    assert len(out) == len(points)
    for index, (x, y) in enumerate(points):
        if index % 1000 == 999:
            assert out[index].isNull() or out[index].isEmpty()
            continue
        expected = gcj02.gcj02_to_wgs84(x, y)  # one point at a time: no batching involved
        got = out[index].asPoint()
        assert (got.x(), got.y()) == pytest.approx(expected, abs=1e-9), index  # 0.1 mm


def test_shift_vector_agrees_with_qgis_distance():
    from qgis.core import QgsDistanceArea

    distance = QgsDistanceArea()
    distance.setEllipsoid("GRS80")
    for lon, lat in ((106.259, 29.290), (108.393, 31.160), (109.628, 31.399)):
        east, north = gcj02.shift_vector(lon, lat)
        web = gcj02.wgs84_to_gcj02(lon, lat)
        measured = distance.measureLine(QgsPointXY(lon, lat), QgsPointXY(*web))
        assert math.hypot(east, north) == pytest.approx(measured, abs=0.05)
        assert 100 < measured < 700  # in Chongqing: hundreds of metres, as large as a 500 m radius
    east, north = gcj02.shift_vector(np.array([106.0, 109.0]), np.array([29.0, 31.0]))
    assert east.shape == (2,)
