"""cq_urban:check_builtup: built-up area by township and in total, beside the plan's target.

Expected figures come from QGIS's own algorithms (fix geometries, reproject,
dissolve, intersection, area in the same CRS), never from the code under test.
"""
import hashlib
import json

import factory
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from cq_urban_plugin.algorithms.check_builtup import CheckBuiltupAlgorithm
from cq_urban_plugin.core.checks.landuse import code_matches, parse_codes, preset

REL = 1e-4  # 0.01 %


# --- test data ---------------------------------------------------------------

def rect(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def layer(geometry_type, fields, rows, crs="EPSG:4490", name="layer"):
    return factory.memory_layer(geometry_type, fields, rows, crs=crs, name=name)


def feature_with(target, geometry, attributes):
    feature = QgsFeature(target.fields())
    feature.setGeometry(geometry)
    feature.setAttributes(attributes)
    return feature


def write(source, path):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.fileEncoding = "UTF-8"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(source, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return str(path)


# Three townships near 开州 (108.4E, 31.1N), in CGCS2000 degrees: two of the plan's 第一级, one 第二级.
TOWNSHIPS = [
    ("汉丰街道", "第一级", "主城", rect(108.40, 31.10, 108.44, 31.14)),
    ("文峰街道", "第一级", "主城", rect(108.44, 31.10, 108.48, 31.14)),
    ("温泉镇", "第二级", "其他", rect(108.40, 31.14, 108.48, 31.17)),
]


def townships_layer(tagged=True, crs="EPSG:4490"):
    fields = [("name", str), ("tier", str), ("role", str)] if tagged else [("name", str)]
    rows = [(QgsGeometry(g), [n, t, r] if tagged else [n]) for n, t, r, g in TOWNSHIPS]
    return layer("Polygon", fields, rows, crs, "townships")


def builtup_rows():
    bow_tie = QgsGeometry.fromWkt("POLYGON((108.41 31.15,108.42 31.16,108.42 31.15,108.41 31.16,108.41 31.15))")
    multipart = QgsGeometry.fromWkt(
        "MULTIPOLYGON(((108.450 31.150,108.460 31.150,108.460 31.158,108.450 31.158,108.450 31.150)),"
        "((108.405 31.105,108.415 31.105,108.415 31.112,108.405 31.112,108.405 31.105)))")
    return [
        (rect(108.43, 31.11, 108.45, 31.12), ["a"]),       # crosses 汉丰 / 文峰
        (rect(108.435, 31.115, 108.455, 31.125), ["b"]),   # overlaps a
        (bow_tie, ["c"]),                                  # invalid, in 温泉镇
        (multipart, ["d"]),                                # parts in 温泉镇 and 汉丰
        (rect(108.47, 31.12, 108.49, 31.13), ["e"]),       # partly outside every township
        (rect(108.436, 31.136, 108.446, 31.146), ["f"]),   # crosses three boundaries
        (None, ["g"]),                                     # no geometry
    ]


def builtup_layer(crs="EPSG:4490"):
    return layer("Polygon", [("label", str)], builtup_rows(), crs, "builtup")


# --- expected figures from QGIS's own algorithms ------------------------------------

def native_pieces(builtup, townships, crs, name_field="name"):
    """{township name: [built-up pieces]} by native fixgeometries, reprojectlayer, dissolve, intersection."""
    import processing

    fixed = processing.run("native:fixgeometries", {"INPUT": builtup, "OUTPUT": "memory:"})["OUTPUT"]
    projected = processing.run("native:reprojectlayer", {"INPUT": fixed, "TARGET_CRS": crs,
                                                         "OUTPUT": "memory:"})["OUTPUT"]
    zones = processing.run("native:reprojectlayer", {"INPUT": townships, "TARGET_CRS": crs,
                                                     "OUTPUT": "memory:"})["OUTPUT"]
    dissolved = processing.run("native:dissolve", {"INPUT": projected, "OUTPUT": "memory:"})["OUTPUT"]
    pieces = processing.run("native:intersection", {"INPUT": dissolved, "OVERLAY": zones,
                                                    "OVERLAY_FIELDS": [name_field], "OUTPUT": "memory:"})["OUTPUT"]
    result = {}
    for feature in pieces.getFeatures():
        result.setdefault(feature[name_field], []).append(feature.geometry())
    return result, zones, dissolved


def planar_km2(pieces):
    return {name: sum(g.area() for g in geometries) / 1e6 for name, geometries in pieces.items()}


def run_check(parameters, tmp_path):
    import processing

    parameters = dict(parameters)
    tmp_path.mkdir(parents=True, exist_ok=True)
    parameters.setdefault("OUTPUT", str(tmp_path / "by_township.gpkg"))
    parameters.setdefault("TABLE", str(tmp_path / "table.gpkg"))
    return processing.run(CheckBuiltupAlgorithm().create(), parameters)


def table_rows(path):
    table = QgsVectorLayer(str(path), "table", "ogr")
    assert table.isValid()
    return [{f.name(): feature[f.name()] for f in table.fields()} for feature in table.getFeatures()]


def close(a, b, rel=REL):
    return abs(a - b) <= rel * max(abs(b), 1e-9)


# --- land-use codes ----------------------------------------------------------

def test_codes_match_as_prefixes_and_survive_numeric_fields():
    assert code_matches("0701", ["07"], numeric=False)
    assert code_matches("070101", ["0701"], numeric=False)
    assert not code_matches("0702", ["0701"], numeric=False)
    assert code_matches("201A", ["201"], numeric=False)
    assert not code_matches("203", ["201", "202"], numeric=False)
    # a numeric field has lost the leading zero of 0701 ...
    assert code_matches("701", ["07"], numeric=True)
    assert code_matches("701", ["0701"], numeric=True)
    # ... but not the three digits of 城镇村属性码, and 01 (耕地) is not 1001 (工业, 用地用海)
    assert code_matches("201", ["201"], numeric=True)
    assert not code_matches("1001", ["01"], numeric=True)
    assert code_matches("1201", ["12"], numeric=True)
    assert parse_codes("201, 202；0701、08 1004") == ("201", "202", "0701", "08", "1004")


def test_presets_count_the_documented_codes():
    town = preset("czcsxm_town").codes
    assert all(code_matches(c, town, False) for c in ("201", "201A", "202", "202A"))
    assert not any(code_matches(c, town, False) for c in ("203", "203A", "204", "205"))
    assert not code_matches("202", preset("czcsxm_city").codes, False)
    dlbm = preset("sandiao_dlbm").codes
    assert all(code_matches(c, dlbm, False) for c in ("05", "0501", "0601", "0604", "0701", "0810", "09",
                                                     "1004", "1005", "1201"))
    assert not any(code_matches(c, dlbm, False) for c in ("0602", "0603", "0702", "1001", "1003", "1006", "0101"))
    ydyh = preset("ydyh").codes
    assert all(code_matches(c, ydyh, False) for c in ("0701", "0702", "0801", "0901", "1001", "1101", "1207",
                                                     "1208", "1301", "1401", "1501"))
    assert not any(code_matches(c, ydyh, False) for c in ("0703", "0704", "1002", "1202", "1601", "0101"))


# --- totals against QGIS's own algorithms ------------------------------------

def test_totals_by_township_agree_with_native_dissolve_and_intersection(qgis_processing, tmp_path):
    builtup, townships = builtup_layer(), townships_layer()
    before = [(f.id(), f.geometry().asWkt(), f.attributes()) for f in builtup.getFeatures()]
    report = tmp_path / "report.html"
    result = run_check({"BUILTUP": builtup, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
                        "REPORT": str(report)}, tmp_path)

    pieces, zones, dissolved = native_pieces(builtup, townships, "EPSG:4545")
    expected = planar_km2(pieces)
    expected_total = sum(expected.values())
    assert expected_total > 1.0
    assert close(result["MEASURED"], expected_total)
    assert result["UNIT"] == "km2" and result["TARGET"] is None and result["PASSED"] is None

    output = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert output.crs().authid() == "EPSG:4545"  # the GK zone of 108.4E
    by_name = {f["name"]: f for f in output.getFeatures()}
    township_km2 = {f["name"]: f.geometry().area() / 1e6 for f in zones.getFeatures()}
    for name, *_ in TOWNSHIPS:
        assert close(by_name[name]["bu_km2"], expected[name]), name
        assert close(by_name[name]["twp_km2"], township_km2[name]), name
        assert close(by_name[name]["share"], 100 * expected[name] / township_km2[name]), name
        assert by_name[name]["tier"] == dict((n, t) for n, t, _, _ in TOWNSHIPS)[name]  # carried over

    rows = table_rows(result["TABLE"])
    assert {r["name"]: r["tier"] for r in rows if r["level"] == "township"} == {n: t for n, t, _, _ in TOWNSHIPS}
    assert {r["name"]: r["role"] for r in rows if r["level"] == "township"} == {n: r for n, _, r, _ in TOWNSHIPS}
    outside = next(r for r in rows if r["level"] == "outside")
    total_dissolved = sum(f.geometry().area() for f in dissolved.getFeatures()) / 1e6
    assert close(outside["bu_km2"], total_dissolved - expected_total, rel=1e-3)
    assert outside["bu_km2"] > 0.1

    text = report.read_text(encoding="utf-8")
    assert "EPSG:4545" in text and "汉丰街道" in text
    assert "1 invalid geometries repaired (feature ids 3)" in text
    assert "features without geometry skipped" in text
    # the input layer is unchanged (the bow-tie is still invalid there)
    assert [(f.id(), f.geometry().asWkt(), f.attributes()) for f in builtup.getFeatures()] == before


def test_ellipsoidal_area_agrees_with_qgis_distance_area(qgis_processing, tmp_path):
    builtup, townships = builtup_layer(), townships_layer()
    result = run_check({"BUILTUP": builtup, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
                        "AREA_METHOD": 1}, tmp_path)
    import processing

    pieces, _, _ = native_pieces(builtup, townships, "EPSG:4545")
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4490"), QgsCoordinateTransformContext())
    measure.setEllipsoid("GRS80")
    merged = layer("Polygon", [("name", str)], [(g, [n]) for n, gs in pieces.items() for g in gs], "EPSG:4545")
    degrees = processing.run("native:reprojectlayer", {"INPUT": merged, "TARGET_CRS": "EPSG:4490",
                                                       "OUTPUT": "memory:"})["OUTPUT"]
    expected = sum(measure.measureArea(f.geometry()) for f in degrees.getFeatures()) / 1e6
    assert close(result["MEASURED"], expected)
    planar = sum(planar_km2(pieces).values())
    assert not close(expected, planar, rel=1e-6)  # the two methods do differ


def test_mixed_crs_gives_the_same_figures(qgis_processing, tmp_path):
    import processing

    reference = run_check({"BUILTUP": builtup_layer(), "TOWNSHIPS": townships_layer(),
                           "TOWNSHIP_NAME_FIELD": "name"}, tmp_path / "a")
    gk = processing.run("native:reprojectlayer", {"INPUT": townships_layer(), "TARGET_CRS": "EPSG:4545",
                                                  "OUTPUT": "memory:"})["OUTPUT"]
    mixed = run_check({"BUILTUP": builtup_layer(), "TOWNSHIPS": gk, "TOWNSHIP_NAME_FIELD": "name"}, tmp_path / "b")
    assert close(mixed["MEASURED"], reference["MEASURED"], rel=1e-7)


def test_jurisdiction_straddling_two_zones_is_measured_zone_by_zone(qgis_processing, tmp_path):
    """巫溪 lies across 109.5E: each part is measured in its own GK zone (EPSG:4545 / 4546)."""
    import processing

    townships = layer("Polygon", [("name", str)], [
        (rect(109.20, 31.30, 109.50, 31.45), ["西"]), (rect(109.50, 31.30, 109.95, 31.45), ["东"])], name="wuxi")
    builtup = layer("Polygon", [("label", str)], [
        (rect(109.30, 31.35, 109.42, 31.40), ["w"]), (rect(109.45, 31.36, 109.58, 31.41), ["across"]),
        (rect(109.80, 31.33, 109.93, 31.38), ["e"])], name="builtup")
    result = run_check({"BUILTUP": builtup, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name"}, tmp_path)

    # independently: overlay in degrees, cut at the 109.5E meridian, each part planar in its own zone
    dissolved = processing.run("native:dissolve", {"INPUT": builtup, "OUTPUT": "memory:"})["OUTPUT"]
    pieces = processing.run("native:intersection", {"INPUT": dissolved, "OVERLAY": townships,
                                                    "OUTPUT": "memory:"})["OUTPUT"]
    expected = 0.0
    for west, east, zone in ((100.0, 109.5, "EPSG:4545"), (109.5, 112.5, "EPSG:4546")):
        strip = layer("Polygon", [("z", str)], [(rect(west, 20, east, 40), [zone])])
        part = processing.run("native:clip", {"INPUT": pieces, "OVERLAY": strip, "OUTPUT": "memory:"})["OUTPUT"]
        projected = processing.run("native:reprojectlayer", {"INPUT": part, "TARGET_CRS": zone,
                                                             "OUTPUT": "memory:"})["OUTPUT"]
        expected += sum(f.geometry().area() for f in projected.getFeatures()) / 1e6
    assert close(result["MEASURED"], expected)
    # measured in one zone alone, the figure would be off by more than the tolerance
    single = processing.run("native:reprojectlayer", {"INPUT": pieces, "TARGET_CRS": "EPSG:4545",
                                                      "OUTPUT": "memory:"})["OUTPUT"]
    single_km2 = sum(f.geometry().area() for f in single.getFeatures()) / 1e6
    assert not close(single_km2, expected)


def test_without_townships_the_dissolved_layer_is_measured(qgis_processing, tmp_path):
    builtup = builtup_layer()
    result = run_check({"BUILTUP": builtup, "TARGET_VALUE": 500.0}, tmp_path)
    import processing

    _, _, dissolved = native_pieces(builtup, townships_layer(), "EPSG:4545")
    expected = sum(f.geometry().area() for f in dissolved.getFeatures()) / 1e6
    assert close(result["MEASURED"], expected)
    assert result["TARGET"] == 500.0
    assert close(result["GAP"], expected - 500.0)
    assert result["PASSED"] is False
    del processing


# --- land-use layers ---------------------------------------------------------

LANDUSE = [  # (czcsxm, dlbm, polygon)
    ("201", "0701", rect(108.41, 31.11, 108.43, 31.13)),
    ("201A", "0601", rect(108.425, 31.125, 108.445, 31.135)),  # overlaps the one above, crosses into 文峰
    ("202", "0702", rect(108.45, 31.145, 108.47, 31.16)),
    ("203", "0702", rect(108.40, 31.15, 108.41, 31.16)),
    ("204", "0602", rect(108.46, 31.10, 108.47, 31.11)),
    ("", "0101", rect(108.41, 31.16, 108.42, 31.17)),
]


def landuse_layer(numeric=False):
    if numeric:
        rows = [(QgsGeometry(g), [int(c) if c.isdigit() else None, int(d)]) for c, d, g in LANDUSE if "A" not in c]
        return layer("Polygon", [("CZCSXM", int), ("DLBM", int)], rows, name="landuse")
    rows = [(QgsGeometry(g), [c or None, d]) for c, d, g in LANDUSE]
    return layer("Polygon", [("CZCSXM", str), ("DLBM", str)], rows, name="landuse")


def native_selected_km2(landuse, expression, townships):
    import processing

    selected = processing.run("native:extractbyexpression", {"INPUT": landuse, "EXPRESSION": expression,
                                                             "OUTPUT": "memory:"})["OUTPUT"]
    pieces, _, _ = native_pieces(selected, townships, "EPSG:4545")
    return sum(planar_km2(pieces).values())


@pytest.mark.parametrize("preset_index, expression", [
    (0, "\"CZCSXM\" IN ('201', '201A', '202')"),
    (1, "\"CZCSXM\" IN ('201', '201A')"),
    (2, "\"DLBM\" IN ('0701', '0601')"),
])
def test_landuse_presets_select_the_documented_codes(qgis_processing, tmp_path, preset_index, expression):
    landuse, townships = landuse_layer(), townships_layer()
    field = "DLBM" if preset_index == 2 else ""  # CZCSXM is found by name
    result = run_check({"LANDUSE": landuse, "LANDUSE_PRESET": preset_index, "LANDUSE_FIELD": field,
                        "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name"}, tmp_path)
    assert close(result["MEASURED"], native_selected_km2(landuse, expression, townships))


def test_numeric_class_field_matches_like_text(qgis_processing, tmp_path):
    landuse, townships = landuse_layer(numeric=True), townships_layer()
    by_town = run_check({"LANDUSE": landuse, "LANDUSE_FIELD": "CZCSXM", "LANDUSE_CODES": "201, 202",
                         "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name"}, tmp_path / "a")
    assert close(by_town["MEASURED"], native_selected_km2(landuse, "\"CZCSXM\" IN (201, 202)", townships))
    # 0701 stored as the number 701 still counts as 07 住宅
    by_class = run_check({"LANDUSE": landuse, "LANDUSE_FIELD": "DLBM", "LANDUSE_CODES": "07",
                          "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name"}, tmp_path / "b")
    assert close(by_class["MEASURED"], native_selected_km2(landuse, "\"DLBM\" IN (701, 702)", townships))


# --- targets and scopes from the catalogue ------------------------------------

def test_kaizhou_target_scope_is_resolved_by_township_name(qgis_processing, tmp_path):
    builtup, townships = builtup_layer(), townships_layer(tagged=False)
    report = tmp_path / "kaizhou.html"
    result = run_check({"BUILTUP": builtup, "TOWNSHIPS": townships,  # the name field is found by its name
                        "CATALOGUE": "kaizhou", "TARGET_ID": "builtup_2025", "REPORT": str(report)}, tmp_path)
    pieces, _, _ = native_pieces(builtup, townships, "EPSG:4545")
    expected = planar_km2(pieces)
    first_tier = expected["汉丰街道"] + expected["文峰街道"]  # 第一级 at 003_19d1efc2983d1444.txt:135
    assert close(result["MEASURED"], first_tier)
    assert result["TARGET"] == 60.0
    assert close(result["GAP"], first_tier - 60.0)
    assert result["PASSED"] is False
    text = report.read_text(encoding="utf-8")
    assert "003_19d1efc2983d1444.txt:135" in text and "城区60平方公里" in text and "第一级 (中心城区)" in text
    rows = table_rows(result["TABLE"])
    groups = {r["name"]: r for r in rows if r["level"] == "group"}
    assert close(groups["第二级"]["bu_km2"], expected["温泉镇"])
    assert groups["第一级"]["in_scope"] == 1 and groups["第二级"]["in_scope"] == 0

    # a township the plan does not name is outside the scope, and the report says so
    extra = townships_layer(tagged=False)
    extra.dataProvider().addFeatures([feature_with(extra, rect(108.48, 31.10, 108.50, 31.14), ["新城街道"])])
    with_extra = run_check({"BUILTUP": builtup, "TOWNSHIPS": extra, "CATALOGUE": "kaizhou",
                            "TARGET_ID": "builtup_2025", "REPORT": str(tmp_path / "extra.html")}, tmp_path / "x")
    assert close(with_extra["MEASURED"], first_tier)
    assert "they are outside the scope: 新城街道" in (tmp_path / "extra.html").read_text(encoding="utf-8")

    later = run_check({"BUILTUP": builtup, "TOWNSHIPS": townships_layer(), "CATALOGUE": "kaizhou",
                       "TARGET_ID": "builtup_2035"}, tmp_path / "2035")
    assert later["TARGET"] == 100.0  # tagged layer: the scope is read from its `tier` field
    assert close(later["MEASURED"], first_tier)


def test_jiangjin_targets_for_town_and_city_builtup(qgis_processing, tmp_path):
    """江津: 城镇建成区 145 km² (000_5c0b1797e2e1b3c4.txt:55, 三调 201 + 202) and 城市建成区 120 km²
    (001_c0dc96b9baef37ce.txt:1383, 三调 201), both for the whole district."""
    landuse, townships = landuse_layer(), townships_layer()
    town = run_check({"LANDUSE": landuse, "LANDUSE_PRESET": 0, "TOWNSHIPS": townships,
                      "TOWNSHIP_NAME_FIELD": "name", "CATALOGUE": "jiangjin", "TARGET_ID": "builtup_2025"},
                     tmp_path / "town")
    expected = native_selected_km2(landuse, "\"CZCSXM\" IN ('201', '201A', '202')", townships)
    assert town["TARGET"] == 145.0 and close(town["MEASURED"], expected)
    assert close(town["GAP"], expected - 145.0) and town["PASSED"] is False
    city = run_check({"LANDUSE": landuse, "LANDUSE_PRESET": 1, "CATALOGUE": "jiangjin",
                      "TARGET_ID": "builtup_city_2025", "REPORT": str(tmp_path / "city.html")}, tmp_path / "city")
    assert city["TARGET"] == 120.0
    text = (tmp_path / "city.html").read_text(encoding="utf-8")
    assert "001_c0dc96b9baef37ce.txt:1383" in text and "城市建成区120平方公里" in text


def test_gbk_shapefile_names_are_read(qgis_processing, tmp_path):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    options.fileEncoding = "GBK"
    path = tmp_path / "townships.shp"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(townships_layer(tagged=False), str(path),
                                                      QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    assert "汉丰街道".encode("gbk") in (tmp_path / "townships.dbf").read_bytes()
    result = run_check({"BUILTUP": builtup_layer(), "TOWNSHIPS": str(path), "TOWNSHIP_NAME_FIELD": "name",
                        "CATALOGUE": "kaizhou", "TARGET_ID": "builtup_2025"}, tmp_path / "run")
    names = {row["name"] for row in table_rows(result["TABLE"]) if row["level"] == "township"}
    assert names == {"汉丰街道", "文峰街道", "温泉镇"}


def test_layers_from_one_geopackage_are_told_apart_in_messages(qgis_processing, tmp_path):
    from qgis.core import QgsVectorFileWriter as Writer

    path = tmp_path / "wuxi.gpkg"
    write(builtup_layer(), path)
    options = Writer.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "townships"
    options.actionOnExistingFile = Writer.CreateOrOverwriteLayer
    far = layer("Polygon", [("name", str)], [(rect(106.2, 29.2, 106.3, 29.3), ["x"])], name="far")
    assert Writer.writeAsVectorFormatV2(far, str(path), QgsCoordinateTransformContext(), options)[0] == Writer.NoError
    text = message_of({"BUILTUP": f"{path}|layername=wuxi", "TOWNSHIPS": f"{path}|layername=townships"},
                      tmp_path / "run")
    assert "any township of 'wuxi (townships)'" in text


def test_scope_field_and_value_sum_a_plan_role(qgis_processing, tmp_path):
    builtup, townships = builtup_layer(), townships_layer()
    result = run_check({"BUILTUP": builtup, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
                        "SCOPE_FIELD": "role", "SCOPE_VALUE": "其他", "TARGET_VALUE": 0.1}, tmp_path)
    expected = planar_km2(native_pieces(builtup, townships, "EPSG:4545")[0])
    assert close(result["MEASURED"], expected["温泉镇"])
    assert result["PASSED"] is True


# --- bad input: a clear message, no traceback, no silent zero ------------------

def message_of(parameters, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        run_check(parameters, tmp_path)
    text = str(error.value)
    assert "Traceback" not in text and "unexpected error" not in text
    return text


def test_codes_matching_nothing_list_the_codes_found(qgis_processing, tmp_path):
    text = message_of({"LANDUSE": landuse_layer(), "LANDUSE_FIELD": "CZCSXM", "LANDUSE_PRESET": 3,
                       "TOWNSHIPS": townships_layer()}, tmp_path)
    assert "No feature of layer 'landuse' has a code in field 'CZCSXM'" in text
    assert "201 (1)" in text and "204 (1)" in text


def test_wrong_field_type_is_named(qgis_processing, tmp_path):
    rows = [(QgsGeometry(g), [1234.5]) for _, _, g in LANDUSE]
    areas = layer("Polygon", [("shape_area", float)], rows, name="landuse")
    text = message_of({"LANDUSE": areas, "LANDUSE_FIELD": "shape_area", "LANDUSE_CODES": "201"}, tmp_path)
    assert "Field 'shape_area' of layer 'landuse' holds decimal numbers (e.g. 1234.5)" in text
    flags = layer("Polygon", [("flag", bool)], [(QgsGeometry(g), [True]) for _, _, g in LANDUSE], name="landuse")
    text = message_of({"LANDUSE": flags, "LANDUSE_FIELD": "flag", "LANDUSE_CODES": "201"}, tmp_path / "b")
    assert "Field 'flag' of layer 'landuse' is of type" in text and "cannot hold land-use codes" in text


def test_no_overlap_with_townships(qgis_processing, tmp_path):
    far = layer("Polygon", [("name", str)], [(rect(106.2, 29.2, 106.3, 29.3), ["几江街道"])], name="jiangjin")
    text = message_of({"BUILTUP": builtup_layer(), "TOWNSHIPS": far, "TOWNSHIP_NAME_FIELD": "name"}, tmp_path)
    assert "No built-up polygon of 'builtup' lies inside any township of 'jiangjin'" in text


def test_empty_layer(qgis_processing, tmp_path):
    empty = layer("Polygon", [("label", str)], [], name="builtup")
    text = message_of({"BUILTUP": empty, "TOWNSHIPS": townships_layer()}, tmp_path)
    assert "Layer 'builtup' is empty." in text
    no_geometry = layer("Polygon", [("label", str)], [(None, ["x"]), (QgsGeometry(), ["y"])], name="builtup")
    text = message_of({"BUILTUP": no_geometry, "TOWNSHIPS": townships_layer()}, tmp_path / "b")
    assert "Layer 'builtup' has 2 features but none with a usable geometry." in text
    text = message_of({"BUILTUP": builtup_layer(), "TOWNSHIPS": townships_layer(tagged=False),
                       "SCOPE_FIELD": "role", "SCOPE_VALUE": "一主"}, tmp_path / "c")
    assert "Layer 'townships' has no field role." in text


def test_metres_declared_as_degrees_and_missing_crs(qgis_processing, tmp_path):
    wrong = layer("Polygon", [("label", str)], [(rect(540000, 3440000, 541000, 3441000), ["x"])], name="builtup")
    text = message_of({"BUILTUP": wrong}, tmp_path)
    assert "not in China" in text and "coordinate reference system is probably wrong" in text
    no_crs = layer("Polygon", [("label", str)], [(rect(108.4, 31.1, 108.5, 31.2), ["x"])], name="nocrs")
    no_crs.setCrs(QgsCoordinateReferenceSystem())
    assert not no_crs.crs().isValid()
    text = message_of({"BUILTUP": no_crs}, tmp_path / "b")
    assert "Layer 'nocrs' has no coordinate reference system." in text


def test_scope_value_not_found_and_bad_target(qgis_processing, tmp_path):
    text = message_of({"BUILTUP": builtup_layer(), "TOWNSHIPS": townships_layer(), "SCOPE_FIELD": "role",
                       "SCOPE_VALUE": "一主"}, tmp_path)
    assert "No township of 'townships' is in the scope 'role = 一主'. Values found: 主城, 其他." in text
    text = message_of({"BUILTUP": builtup_layer(), "CATALOGUE": "kaizhou", "TARGET_ID": "urbanization_2025"},
                      tmp_path / "b")
    assert "not builtup_area in km2" in text and "builtup_2025, builtup_2035" in text


# --- batch use ---------------------------------------------------------------

@pytest.mark.slow
def test_qgis_process_runs_the_installed_plugin(qgis_processing, installed_plugin, tmp_path):
    builtup = write(builtup_layer(), tmp_path / "builtup.gpkg")
    townships = write(townships_layer(tagged=False), tmp_path / "townships.gpkg")
    report = tmp_path / "report.html"
    digests = {path: hashlib.sha256(open(path, "rb").read()).hexdigest() for path in (builtup, townships)}
    run = installed_plugin("run", "cq_urban:check_builtup", "--json", "--",
                           f"BUILTUP={builtup}", f"TOWNSHIPS={townships}", "TOWNSHIP_NAME_FIELD=name",
                           "CATALOGUE=kaizhou", "TARGET_ID=builtup_2025", f"OUTPUT={tmp_path / 'out.gpkg'}",
                           f"TABLE={tmp_path / 'table.gpkg'}", f"REPORT={report}")
    payload = json.loads(run.stdout[run.stdout.index("{"):])
    results = payload["results"]
    pieces, _, _ = native_pieces(QgsVectorLayer(builtup, "b", "ogr"), QgsVectorLayer(townships, "t", "ogr"),
                                 "EPSG:4545")
    expected = planar_km2(pieces)
    assert close(results["MEASURED"], expected["汉丰街道"] + expected["文峰街道"])
    assert results["TARGET"] == 60.0 and results["PASSED"] is False
    assert report.exists() and "城区面积" in report.read_text(encoding="utf-8")
    out = QgsVectorLayer(str(tmp_path / "out.gpkg"), "out", "ogr")
    assert out.featureCount() == 3
    assert digests == {path: hashlib.sha256(open(path, "rb").read()).hexdigest() for path in digests}


def test_scope_by_name_matches_names_as_tagging_does(qgis_app):
    """An untagged layer writes 文峰 or 汉丰街道办事处: the target's scope (开州 第一级)
    still finds them, by the same matching as the tagging algorithm."""
    from cq_urban_plugin.core.checks.builtup import catalogue_scope
    from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

    catalogue = bundled_catalogue("kaizhou")
    target = catalogue.target("builtup_2025")
    scope = catalogue_scope(catalogue, target.scope, ["name"])
    tier = catalogue.structure("town_tier")
    first = {m.name for c in tier.classes if c.value == scope.value for m in c.members}
    assert "文峰街道" in first and "汉丰街道" in first
    for written in ("文峰", "汉丰街道办事处", " 文峰街道 "):
        assert scope.value in scope.values_of({}, written), written
    outside = next(t.name for t in catalogue.townships if t.name not in first)
    assert scope.value not in scope.values_of({}, outside[:-1])
