"""Bus-stop coverage (cq_urban:check_coverage): straight-line coverage against QGIS's
native chain, population from a raster and a field, targets, bad inputs, batch use.

Expected values are computed here independently: with processing.run of native
algorithms (buffer, dissolve, intersection, zonal statistics), or by hand."""
import json
import math
import random

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from cq_urban_plugin.core.checks import coverage
from cq_urban_plugin.core.files.fields import make_fields

GK = "EPSG:4545"  # CGCS2000 3-degree GK CM 108E, 开州
X0, Y0 = 500000.0, 3450000.0  # about 108.0E, 31.2N
ALG = "cq_urban:check_coverage"


@pytest.fixture
def provider(cq_provider):
    return cq_provider


def layer_of(kind, geometries, crs=GK, fields=(), rows=None, name="layer"):
    layer = QgsVectorLayer(f"{kind}?crs={crs}", name, "memory")
    if fields:
        layer.dataProvider().addAttributes(make_fields(fields))
        layer.updateFields()
    features = []
    for position, geometry in enumerate(geometries):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        if rows:
            feature.setAttributes(list(rows[position]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def save(layer, path):
    import factory

    return factory.write(layer, path)


def rect(x, y, w, h):
    return QgsGeometry.fromRect(QgsRectangle(x, y, x + w, y + h))


def town_data(seed=7, stops=60, patches=90, size=6000.0):
    """Stops, built-up patches (some overlapping, crossing township lines) and a 2×2 township grid."""
    rng = random.Random(seed)
    stop_points = [QgsGeometry.fromPointXY(QgsPointXY(X0 + rng.uniform(0, size), Y0 + rng.uniform(0, size)))
                   for _ in range(stops)]
    builtup = []
    for _ in range(patches):
        x, y = X0 + rng.uniform(-200, size), Y0 + rng.uniform(-200, size)
        builtup.append(rect(x, y, rng.uniform(60, 600), rng.uniform(60, 600)))
    half = size / 2
    townships = [rect(X0 - 500 + i * (half + 500), Y0 - 500 + j * (half + 500), half + 500, half + 500)
                 for i in range(2) for j in range(2)]
    names = [["甲镇"], ["乙镇"], ["丙乡"], ["丁街道"]]
    return (layer_of("Point", stop_points, name="stops"),
            layer_of("Polygon", builtup, name="builtup"),
            layer_of("Polygon", townships, fields=[("name", str)], rows=names, name="townships"))


def native_coverage(stops, builtup, townships=None, radius=500.0):
    """The QGIS native chain: buffer (same segments) → dissolve → intersection → area."""
    import processing

    buffered = processing.run("native:buffer", {"INPUT": stops, "DISTANCE": radius,
                                                "SEGMENTS": coverage.BUFFER_SEGMENTS, "DISSOLVE": False,
                                                "OUTPUT": "memory:"})["OUTPUT"]
    service = processing.run("native:dissolve", {"INPUT": buffered, "OUTPUT": "memory:"})["OUTPUT"]
    served = processing.run("native:dissolve", {"INPUT": builtup, "OUTPUT": "memory:"})["OUTPUT"]
    covered = processing.run("native:intersection", {"INPUT": served, "OVERLAY": service,
                                                     "OUTPUT": "memory:"})["OUTPUT"]
    result = {"served": sum(f.geometry().area() for f in served.getFeatures()) / 1e6,
              "covered": sum(f.geometry().area() for f in covered.getFeatures()) / 1e6}
    if townships is not None:
        for which, layer in (("served", served), ("covered", covered)):
            pieces = processing.run("native:intersection", {"INPUT": layer, "OVERLAY": townships,
                                                            "OVERLAY_FIELDS": ["name"], "OUTPUT": "memory:"})["OUTPUT"]
            for feature in pieces.getFeatures():
                key = (feature["name"], which)
                result[key] = result.get(key, 0.0) + feature.geometry().area() / 1e6
    return result


def run(parameters):
    import processing

    defaults = {"SERVICE_AREA": "memory:", "UNCOVERED": "memory:", "TABLE": "memory:"}
    return processing.run(ALG, {**defaults, **parameters})


def table_rows(result):
    layer = result["TABLE"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "table", "ogr")
    return {f["township"]: f for f in layer.getFeatures()}


def test_straight_line_agrees_with_the_native_chain(provider):
    stops, builtup, townships = town_data()
    expected = native_coverage(stops, builtup, townships)
    result = run({"STOPS": stops, "SERVED_AREA": builtup, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
                  "TARGET_VALUE": 50})
    expected_percent = 100 * expected["covered"] / expected["served"]
    assert 5 < expected_percent < 95  # a figure that could be wrong either way
    assert result["MEASURED"] == pytest.approx(expected_percent, rel=1e-3)
    assert result["SERVED_KM2"] == pytest.approx(expected["served"], rel=1e-3)
    rows = table_rows(result)
    for name in ("甲镇", "乙镇", "丙乡", "丁街道"):
        assert rows[name]["served_km2"] == pytest.approx(expected[(name, "served")], rel=1e-3)
        assert rows[name]["cover_km2"] == pytest.approx(expected.get((name, "covered"), 0.0), rel=1e-3, abs=1e-9)
    assert result["GAP"] == pytest.approx(result["MEASURED"] - 50)
    assert result["PASSED"] == (result["MEASURED"] >= 50)
    # the uncovered polygons are the served area minus the covered part
    uncovered = sum(f.geometry().area() for f in result["UNCOVERED"].getFeatures()) / 1e6
    assert uncovered == pytest.approx(expected["served"] - expected["covered"], rel=1e-3)
    service = sum(f.geometry().area() for f in result["SERVICE_AREA"].getFeatures()) / 1e6
    assert service > expected["covered"]
    # without the service-area layer, only the buffers touching the served area are dissolved: same figures
    quicker = run({"STOPS": stops, "SERVED_AREA": builtup, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
                   "SERVICE_AREA": None})
    assert "SERVICE_AREA" not in quicker
    assert quicker["MEASURED"] == pytest.approx(result["MEASURED"], rel=1e-9)
    assert table_rows(quicker)["丙乡"]["cover_km2"] == pytest.approx(rows["丙乡"]["cover_km2"], rel=1e-9)


def test_without_townships_and_with_stops_in_cgcs2000(provider):
    import processing

    stops, builtup, _ = town_data(seed=11, stops=40)
    expected = native_coverage(stops, builtup)
    geographic = processing.run("native:reprojectlayer", {"INPUT": stops, "TARGET_CRS": "EPSG:4490",
                                                          "OUTPUT": "memory:"})["OUTPUT"]
    result = run({"STOPS": geographic, "SERVED_AREA": builtup})
    assert result["MEASURED"] == pytest.approx(100 * expected["covered"] / expected["served"], rel=1e-3)
    assert list(table_rows(result)) == ["Whole served area"]


def test_duplicate_stops_count_once(provider):
    stops, builtup, _ = town_data(seed=3, stops=30)
    once = run({"STOPS": stops, "SERVED_AREA": builtup})
    points = [f.geometry() for f in stops.getFeatures()]
    twice = layer_of("Point", points + points[:10])
    again = run({"STOPS": twice, "SERVED_AREA": builtup})
    assert again["MEASURED"] == pytest.approx(once["MEASURED"], rel=1e-9)
    assert again["DUPLICATE_STOPS"] == 10 and again["STOPS"] == 30


def test_empty_stop_layer_gives_zero_with_a_message(provider, tmp_path):
    _, builtup, _ = town_data()
    empty = layer_of("Point", [], name="no_stops")
    report = tmp_path / "report.html"
    result = run({"STOPS": empty, "SERVED_AREA": builtup, "REPORT": str(report)})
    assert result["MEASURED"] == 0.0
    assert result["COVERED_KM2"] == 0.0 and result["SERVED_KM2"] > 0
    assert "holds no stop" in report.read_text(encoding="utf-8")


def test_target_from_the_wuxi_catalogue(provider):
    stops, builtup, _ = town_data()
    result = run({"STOPS": stops, "SERVED_AREA": builtup, "CATALOGUE": "wuxi"})
    assert result["TARGET"] == 90.0
    assert result["GAP"] == pytest.approx(result["MEASURED"] - 90.0)
    assert result["PASSED"] is (result["MEASURED"] >= 90.0)
    with pytest.raises(QgsProcessingException, match="bus_stop_500m_2025"):
        run({"STOPS": stops, "SERVED_AREA": builtup, "CATALOGUE": "wuxi", "TARGET_ID": "no_such_target"})


def write_raster(path, values, x0, y0, cell, crs=GK):
    rows, columns = values.shape
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), columns, rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((x0, cell, 0, y0 + rows * cell, 0, -cell))
    reference = osr.SpatialReference()
    reference.ImportFromWkt(QgsCoordinateReferenceSystem(crs).toWkt())
    dataset.SetProjection(reference.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(values)
    dataset.GetRasterBand(1).SetNoDataValue(-9999)
    dataset.FlushCache()
    dataset = None
    return str(path)


def test_population_from_a_raster_by_hand(provider, tmp_path):
    # 10 m cells; 2 persons per cell in A (100 m × 100 m around the stop: all covered),
    # 3 per cell in B (200 m × 100 m, 2 km away: not covered), a nodata cell inside B.
    values = np.zeros((300, 300), dtype=np.float32)
    values[:, :] = 7.0  # outside the served area: must not count
    values[290 - 10:290, 0:10] = 2.0  # rows from the top: y from Y0+2900 down
    values[0:10, 200:220] = 3.0
    values[5, 205] = -9999
    raster = write_raster(tmp_path / "pop.tif", values, X0, Y0, 10.0)
    served = layer_of("Polygon", [rect(X0, Y0 + 100, 100, 100), rect(X0 + 2000, Y0 + 2900, 200, 100)])
    stops = layer_of("Point", [QgsGeometry.fromPointXY(QgsPointXY(X0 + 50, Y0 + 150))])
    result = run({"STOPS": stops, "SERVED_AREA": served, "MEASURE": 1, "POPULATION_RASTER": raster})
    covered, served_pop = 100 * 2.0, 100 * 2.0 + 199 * 3.0
    assert result["MEASURED"] == pytest.approx(100 * covered / served_pop)
    assert result["AREA_PERCENT"] == pytest.approx(100 * 10000 / 30000)


def test_population_from_a_raster_agrees_with_zonal_statistics(provider, tmp_path):
    import processing

    stops, builtup, _ = town_data(seed=5, stops=25, size=3000)
    rng = np.random.default_rng(5)
    values = rng.uniform(0, 10, size=(360, 360)).astype(np.float32)
    raster = write_raster(tmp_path / "pop.tif", values, X0 - 300, Y0 - 300, 10.0)
    result = run({"STOPS": stops, "SERVED_AREA": builtup, "MEASURE": 1, "POPULATION_RASTER": raster})
    # expected: the cells of the uncovered polygons and of the served area (native zonal statistics)
    served = processing.run("native:dissolve", {"INPUT": builtup, "OUTPUT": "memory:"})["OUTPUT"]
    sums = {}
    for key, layer in (("served", served), ("uncovered", result["UNCOVERED"])):
        dissolved = processing.run("native:dissolve", {"INPUT": layer, "OUTPUT": "memory:"})["OUTPUT"]
        stats = processing.run("native:zonalstatisticsfb", {"INPUT": dissolved, "INPUT_RASTER": raster,
                                                            "RASTER_BAND": 1, "STATISTICS": [1], "OUTPUT": "memory:"})
        sums[key] = sum(f["_sum"] or 0 for f in stats["OUTPUT"].getFeatures())
    expected = 100 * (sums["served"] - sums["uncovered"]) / sums["served"]
    assert result["MEASURED"] == pytest.approx(expected, rel=1e-3)


def test_population_from_a_field_is_area_weighted(provider):
    # A lies wholly within 500 m of the stop, B half: x from 0 to 200 with the stop's circle
    # cut by a township boundary is avoided by placing B across a straight line of a second
    # served polygon: B is 1 km away, uncovered; C is split by the township line.
    served = layer_of("Polygon", [rect(X0, Y0, 100, 100), rect(X0 + 3000, Y0, 100, 100)],
                      fields=[("pop", float)], rows=[[1000.0], [500.0]])
    stops = layer_of("Point", [QgsGeometry.fromPointXY(QgsPointXY(X0 + 50, Y0 + 50))])
    result = run({"STOPS": stops, "SERVED_AREA": served, "MEASURE": 1, "POPULATION_FIELD": "pop"})
    assert result["MEASURED"] == pytest.approx(100 * 1000 / 1500)
    # split across two townships, the figures still add up
    towns = layer_of("Polygon", [rect(X0 - 1000, Y0 - 1000, 1050, 3000), rect(X0 + 50, Y0 - 1000, 4000, 3000)],
                     fields=[("name", str)], rows=[["西"], ["东"]])
    split = run({"STOPS": stops, "SERVED_AREA": served, "MEASURE": 1, "POPULATION_FIELD": "pop",
                 "TOWNSHIPS": towns, "TOWNSHIP_NAME_FIELD": "name"})
    rows = table_rows(split)
    assert rows["西"]["pop_served"] == pytest.approx(500.0)
    assert rows["东"]["pop_served"] == pytest.approx(1000.0)
    assert split["MEASURED"] == pytest.approx(100 * 1000 / 1500)


def test_offset_stops_are_reported(provider, tmp_path):
    from cq_urban_plugin.core.geo.gcj02 import wgs84_to_gcj02

    rng = random.Random(2)
    patches = [rect(X0 + i * 400, Y0 + j * 400, 150, 150) for i in range(6) for j in range(6)]
    points = [QgsPointXY(X0 + i * 400 + 75 + rng.uniform(-20, 20), Y0 + j * 400 + 75) for i in range(6)
              for j in range(6)]
    from qgis.core import QgsCoordinateTransform

    to_geo = QgsCoordinateTransform(QgsCoordinateReferenceSystem(GK), QgsCoordinateReferenceSystem("EPSG:4490"),
                                    QgsProject.instance())
    shifted = []
    for point in points:
        lonlat = to_geo.transform(point)
        lon, lat = wgs84_to_gcj02(lonlat.x(), lonlat.y())
        shifted.append(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
    report = tmp_path / "offset.html"
    run({"STOPS": layer_of("Point", shifted, crs="EPSG:4490"), "SERVED_AREA": layer_of("Polygon", patches),
         "REPORT": str(report)})
    text = report.read_text(encoding="utf-8")
    assert "GCJ-02" in text and "outside the served area" in text
    clean = tmp_path / "clean.html"
    run({"STOPS": layer_of("Point", [QgsGeometry.fromPointXY(p) for p in points]),
         "SERVED_AREA": layer_of("Polygon", patches), "REPORT": str(clean)})
    assert "GCJ-02" not in clean.read_text(encoding="utf-8")


def test_bad_inputs_get_clear_messages(provider):
    stops, builtup, _ = town_data()
    with pytest.raises(QgsProcessingException, match="road layer"):
        run({"STOPS": stops, "SERVED_AREA": builtup, "DISTANCE": 1})
    with pytest.raises(QgsProcessingException, match="population raster or a population field"):
        run({"STOPS": stops, "SERVED_AREA": builtup, "MEASURE": 1})
    no_crs = QgsVectorLayer("Point?crs=EPSG:4490", "stops_in_metres", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0, Y0)))
    no_crs.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="stops_in_metres.*(not in China|not valid in the layer)"):
        run({"STOPS": no_crs, "SERVED_AREA": builtup})
    text = QgsVectorLayer("Polygon?crs=EPSG:4545&field=pop:string", "served_text", "memory")
    feature = QgsFeature(text.fields())
    feature.setGeometry(rect(X0, Y0, 100, 100))
    feature.setAttributes(["many"])
    text.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException):
        run({"STOPS": stops, "SERVED_AREA": text, "MEASURE": 1, "POPULATION_FIELD": "pop"})
    before = [f.geometry().asWkt() for f in builtup.getFeatures()]
    run({"STOPS": stops, "SERVED_AREA": builtup})
    assert [f.geometry().asWkt() for f in builtup.getFeatures()] == before


@pytest.mark.slow
def test_qgis_process_json(installed_plugin, qgis_processing, tmp_path):
    stops, builtup, townships = town_data()
    stops_path = save(stops, tmp_path / "stops.gpkg")
    builtup_path = save(builtup, tmp_path / "builtup.gpkg")
    towns_path = save(townships, tmp_path / "townships.gpkg")
    expected = native_coverage(stops, builtup)
    table = tmp_path / "table.gpkg"
    report = tmp_path / "coverage.html"
    result = installed_plugin("run", ALG, "--json", "--", f"STOPS={stops_path}", f"SERVED_AREA={builtup_path}",
                              f"TOWNSHIPS={towns_path}", "TOWNSHIP_NAME_FIELD=name", "CATALOGUE=wuxi",
                              f"TABLE={table}", f"REPORT={report}",
                              f"UNCOVERED={tmp_path / 'uncovered.gpkg'}")
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    values = payload["results"]
    assert values["MEASURED"] == pytest.approx(100 * expected["covered"] / expected["served"], rel=1e-3)
    assert values["TARGET"] == 90.0 and values["UNIT"] == "percent"
    assert report.exists() and "城区公交站点500米覆盖率" in report.read_text(encoding="utf-8")
    names = {f["township"] for f in QgsVectorLayer(str(table), "t", "ogr").getFeatures()}
    assert {"甲镇", "乙镇", "丙乡", "丁街道"} <= names


def test_population_from_points_counts_each_point_where_it_stands(provider, tmp_path):
    """Persons on points (buildings): covered share = persons inside the 500 m circles
    of the served area / persons in the served area; points outside it count for nothing."""
    import factory
    import processing

    x0, y0 = factory.X0, factory.Y0
    served = factory.write(factory.memory_layer("Polygon", [("id", int)], [(factory.square(x0, y0, 1000), [1])]),
                           tmp_path / "served.gpkg", "served")
    stops = factory.write(factory.memory_layer("Point", [("id", int)], [
        (QgsGeometry.fromPointXY(QgsPointXY(x0, y0)), [1])]), tmp_path / "stops.gpkg", "stops")
    people = [((x0 + 100, y0 + 100), 30), ((x0 + 900, y0 + 900), 50), ((x0 + 450, y0 + 100), 20),
              ((x0 + 2000, y0 + 2000), 1000)]
    buildings = factory.write(factory.memory_layer("Point", [("persons", int)], [
        (QgsGeometry.fromPointXY(QgsPointXY(x, y)), [n]) for (x, y), n in people]), tmp_path / "b.gpkg", "b")
    inside = [(x, y, n) for (x, y), n in people if x0 <= x <= x0 + 1000 and y0 <= y <= y0 + 1000]
    covered = [n for x, y, n in inside if math.hypot(x - x0, y - y0) < 500]
    results = processing.run("cq_urban:check_coverage", {
        "STOPS": stops, "SERVED_AREA": served, "RADIUS": 500, "MEASURE": 1, "POPULATION_POINTS": buildings,
        "POPULATION_POINTS_FIELD": "persons", "TARGET_VALUE": 90, "TABLE": "TEMPORARY_OUTPUT"})
    assert results["MEASURED"] == pytest.approx(100.0 * sum(covered) / sum(n for _, _, n in inside))
    assert results["PASSED"] is False
