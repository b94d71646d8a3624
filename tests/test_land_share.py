"""cq_urban:check_land_share: the share of some classes of land inside an extent.

Hand-built layers on the factory's grid of 2 km townships (EPSG:4544) with answers worked out by
hand below, and the same figures from QGIS's own algorithms (extract, dissolve, intersection).
"""
import json

import factory
import pytest
from factory import X0, Y0
from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer

from cq_urban_plugin.algorithms.check_land_share import CheckLandShareAlgorithm
from cq_urban_plugin.core.checks import land_share as ls
from cq_urban_plugin.core.checks.landuse import CLASS_PRESET_IDS, code_matches, preset
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue, bundled_catalogue_paths, load_catalogue

REL = 1e-3  # 0.1 %


def rect(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},"
                               f"{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))")


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def close(a, b, rel=REL):
    return abs(a - b) <= rel * max(abs(b), 1e-9)


# The built-up area: 2.5 × 1.6 km across 几江街道 (x < 2000) and 德感街道 (2000–4000).
def builtup():
    return factory.memory_layer("Polygon", [("id", int)], [(rect(1000, 200, 3500, 1800), [1])], name="builtup")


# 三调 land use: green land (0810; 0810A 广场 not counted) and forest (0301, 0302, 0305; 0307, 0303 not).
LANDUSE = [
    ("0810", rect(1200, 400, 2400, 1000)),    # G1: crosses 几江 / 德感
    ("0810", rect(1800, 600, 2600, 1400)),    # G2: overlaps G1 by 600 × 400
    ("0810A", rect(3000, 1000, 3300, 1300)),  # a square: not green land
    ("0810", rect(3200, 1500, 3800, 2300)),   # G5: 300 × 300 of it inside the built-up area
    ("0301", rect(4200, 200, 5200, 1200)),    # F1 in 双福
    ("0301", rect(4800, 800, 5600, 1600)),    # F6 overlaps F1 by 400 × 400
    ("0302", rect(200, 2200, 1200, 3200)),    # F2 in 圣泉
    ("0305", rect(4500, 4500, 5500, 5500)),   # F3 in 四面山镇
    ("0307", rect(100, 4100, 900, 4900)),     # 其他林地: no forest
    ("0303", rect(2100, 4100, 2500, 4500)),   # 三调 红树林地 (湿地); 用地用海 灌木林地
]


def landuse():
    return factory.memory_layer("Polygon", [("DLBM", str)], [(g, [c]) for c, g in LANDUSE], name="landuse")


# Tree canopy and other vegetation cover, overlapping.
def canopy():
    rows = [(rect(1000, 200, 1500, 700), ["tree"]), (rect(1250, 450, 1750, 950), ["tree"]),
            (rect(3400, 1700, 3600, 1900), ["grass"])]
    return factory.memory_layer("Polygon", [("kind", str)], rows, name="canopy")


# By hand: green land in the built-up area, 几江 0.56 km² of 1.6, 德感 0.65 of 2.4 (G1 ∪ G2 = 1.12, G5 0.09).
GREEN = {"几江街道": (0.56, 1.6), "德感街道": (0.65, 2.4)}
GREEN_SHARE = 100 * 1.21 / 4.0
FOREST_SANDIAO = 100 * (1.48 + 1.0 + 1.0) / 36.0   # F1 ∪ F6, F2, F3
CANOPY_SHARE = 100 * (0.4375 + 0.01) / 4.0


def run_check(parameters, tmp_path):
    import processing

    parameters = dict(parameters)
    tmp_path.mkdir(parents=True, exist_ok=True)
    parameters.setdefault("OUTPUT", str(tmp_path / "by_township.gpkg"))
    parameters.setdefault("TABLE", str(tmp_path / "table.gpkg"))
    return processing.run(CheckLandShareAlgorithm().create(), parameters)


def table_rows(path):
    table = QgsVectorLayer(str(path), "table", "ogr")
    assert table.isValid()
    return [{f.name(): None if is_null(feature[f.name()]) else feature[f.name()] for f in table.fields()}
            for feature in table.getFeatures()]


def native_shares(classes, expression, extent, townships):
    """{township: (class km², extent km²)} by native extract, dissolve and intersection, no code of the plugin."""
    import processing

    def run(algorithm, **parameters):
        return processing.run(algorithm, {**parameters, "OUTPUT": "memory:"})["OUTPUT"]

    if expression:
        classes = run("native:extractbyexpression", INPUT=classes, EXPRESSION=expression)
    inside = run("native:dissolve", INPUT=classes)
    zones = townships
    if extent is not None:
        zone = run("native:dissolve", INPUT=extent)
        inside = run("native:intersection", INPUT=inside, OVERLAY=zone, INPUT_FIELDS=["fid"], OVERLAY_FIELDS=["fid"],
                     OVERLAY_FIELDS_PREFIX="zone_")
        zones = run("native:intersection", INPUT=zone, OVERLAY=townships, INPUT_FIELDS=["fid"],
                    OVERLAY_FIELDS=["name"])
    by_township = run("native:intersection", INPUT=inside, OVERLAY=townships, INPUT_FIELDS=["fid"],
                      OVERLAY_FIELDS=["name"])
    result = {}
    for feature in by_township.getFeatures():
        result.setdefault(feature["name"], [0.0, 0.0])[0] += feature.geometry().area() / 1e6
    for feature in zones.getFeatures():
        result.setdefault(feature["name"], [0.0, 0.0])[1] += feature.geometry().area() / 1e6
    return result


# --- presets -----------------------------------------------------------------

def test_presets_count_what_the_national_rules_count():
    forest = preset("sandiao_forest").codes
    assert all(code_matches(c, forest, False) for c in ("0301", "0302", "0305"))
    assert not any(code_matches(c, forest, False) for c in ("0303", "0304", "0306", "0307", "0401"))
    ydyh = preset("ydyh_forest").codes
    assert all(code_matches(c, ydyh, False) for c in ("0301", "0302", "0303")) and not code_matches("0304", ydyh, 0)
    green = preset("sandiao_green")
    assert code_matches("0810", green.codes, False) and green.exclude == ("0810A",)
    assert preset("ydyh_green").codes == ("1401", "1402")
    for preset_id in CLASS_PRESET_IDS:  # each cites where its definition comes from
        reason = preset(preset_id).reason
        assert "GB/T" in reason or "用地用海分类" in reason, preset_id
    assert "国家森林资源连续清查技术规定" in preset("sandiao_forest").reason


# --- figures against hand geometry and QGIS's own algorithms -------------------------------

def test_green_space_ratio_of_the_builtup_area(qgis_processing, tmp_path):
    townships = factory.townships()
    report = tmp_path / "report.html"
    result = run_check({"INDICATOR": "green_space_ratio", "INPUT": landuse(), "CLASS_FIELD": "DLBM",
                        "CLASS_PRESET": 1, "EXTENT": builtup(), "TOWNSHIPS": townships,
                        "TOWNSHIP_NAME_FIELD": "name", "REPORT": str(report)}, tmp_path)
    assert close(result["MEASURED"], GREEN_SHARE) and result["UNIT"] == "percent"
    assert close(result["CLASS_KM2"], 1.21) and close(result["EXTENT_KM2"], 4.0)
    # green land inside the townships but outside the built-up area: the rest of G5, less what is beyond (none)
    assert close(result["OUTSIDE_KM2"], 0.48 - 0.09)
    native = native_shares(landuse(), "\"DLBM\" = '0810'", builtup(), townships)
    rows = {r["township"]: r for r in table_rows(result["TABLE"]) if r["level"] == "township"}
    for name, (green_km2, extent_km2) in GREEN.items():
        assert close(rows[name]["cls_km2"], green_km2) and close(rows[name]["cls_km2"], native[name][0]), name
        assert close(rows[name]["ext_km2"], extent_km2) and close(rows[name]["ext_km2"], native[name][1]), name
        assert close(rows[name]["share"], 100 * green_km2 / extent_km2), name
    assert rows["双福街道"]["ext_km2"] == 0 and is_null(rows["双福街道"]["share"])
    whole = next(r for r in table_rows(result["TABLE"]) if r["level"] == "jurisdiction")
    assert close(whole["share"], GREEN_SHARE)
    output = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert output.featureCount() == 9 and output.crs().authid() == "EPSG:4544"
    by_name = {f["name"]: f for f in output.getFeatures()}  # the township layer's own fields carried over
    jijiang = by_name["几江街道"]
    assert jijiang["share"] == pytest.approx(35.0, rel=REL) and jijiang["township"] == "几江街道"
    text = report.read_text(encoding="utf-8")
    assert "GB/T 50563-2010" in text and "绿地率" in text and "0810A" in text


def test_core_entry_point_equals_the_processing_run(qgis_processing, tmp_path):
    parameters = {"INDICATOR": "green_space_ratio", "INPUT": landuse(), "CLASS_FIELD": "DLBM", "CLASS_PRESET": 1,
                  "EXTENT": builtup(), "TOWNSHIPS": factory.townships(), "TOWNSHIP_NAME_FIELD": "name"}
    run = run_check(parameters, tmp_path)
    direct = ls.measure_land_share(landuse(), builtup(), factory.townships(), indicator="green_space_ratio",
                                   class_field="DLBM", class_codes=("0810",), class_exclude=("0810A",),
                                   name_field="name")
    assert direct.check == "check_land_share"
    for key, value in direct.outputs().items():
        assert run[key] == pytest.approx(value, rel=1e-12) if isinstance(value, float) else run[key] == value, key
    rows = {r["township"]: r["share"] for r in table_rows(run["TABLE"]) if r["level"] == "township"}
    assert rows == pytest.approx({r.name: r.share for r in direct.townships}, rel=1e-12)


@pytest.mark.parametrize("preset_index, expected, expression", [
    (3, FOREST_SANDIAO, "\"DLBM\" IN ('0301', '0302', '0305')"),
    # the 用地用海 preset reads this 三调 layer (0305 only the 三调 has) through the 三调 → 用地用海 table
    # (core/geo/landcodes.py): 0305 灌木林地 is 用地用海 0303, the 三调's 0303 红树林地 is 0507 (湿地)
    (4, FOREST_SANDIAO, "\"DLBM\" IN ('0301', '0302', '0305')"),
])
def test_forest_cover_of_the_township_area(qgis_processing, tmp_path, preset_index, expected, expression):
    townships = factory.townships()
    result = run_check({"INDICATOR": "forest_cover", "INPUT": landuse(), "CLASS_PRESET": preset_index,
                        "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name"}, tmp_path)  # DLBM found by name
    assert close(result["MEASURED"], expected) and close(result["EXTENT_KM2"], 36.0)
    native = native_shares(landuse(), expression, None, townships)
    assert close(result["CLASS_KM2"], sum(c for c, _ in native.values()))
    rows = {r["township"]: r for r in table_rows(result["TABLE"]) if r["level"] == "township"}
    assert close(rows["双福街道"]["cls_km2"], 1.48)  # F1 ∪ F6: the overlap counts once
    for name, (forest_km2, area_km2) in native.items():
        assert close(rows[name]["cls_km2"], forest_km2) and close(rows[name]["ext_km2"], area_km2), name


def test_indicator_by_option_number_or_name(qgis_processing, tmp_path):
    """INDICATOR takes what `qgis_process help` offers: the option's number, or its name."""
    assert ls.INDICATORS.index("forest_cover") == 2
    by_number = run_check({"INDICATOR": "2", "INPUT": landuse(), "CLASS_PRESET": 3, "TOWNSHIPS": factory.townships(),
                           "CATALOGUE": "jiangjin", "TARGET_ID": "forest_cover_2025"}, tmp_path / "a")
    assert close(by_number["MEASURED"], FOREST_SANDIAO) and by_number["TARGET"] == 54.0


def test_green_coverage_from_vegetation_polygons_against_the_kaizhou_target(qgis_processing, tmp_path):
    report = tmp_path / "report.html"
    result = run_check({"INDICATOR": "green_coverage_ratio", "INPUT": canopy(), "EXTENT": builtup(),
                        "TOWNSHIPS": factory.townships(), "CATALOGUE": "kaizhou", "TARGET_ID": "green_coverage_2025",
                        "REPORT": str(report)}, tmp_path)
    assert close(result["MEASURED"], CANOPY_SHARE)
    assert result["TARGET"] == 44.0 and result["PASSED"] is False
    assert close(result["GAP"], CANOPY_SHARE - 44.0)
    text = report.read_text(encoding="utf-8")
    assert "城市建成区绿化覆盖率达到44%" in text and "绿化覆盖率" in text and "Not the 绿地率" in text


def test_builtup_inside_the_development_boundary_without_townships(qgis_processing, tmp_path):
    boundary = factory.memory_layer("Polygon", [("kind", str)], [(rect(0, 0, 3000, 3000), ["城镇开发边界"])],
                                    name="boundary")
    result = run_check({"INDICATOR": "builtup_in_boundary", "INPUT": builtup(), "EXTENT": boundary}, tmp_path)
    assert close(result["MEASURED"], 100 * 3.2 / 9.0)
    assert close(result["OUTSIDE_KM2"], 0.8) and close(result["EXTENT_KM2"], 9.0)
    rows = table_rows(result["TABLE"])
    assert [r["level"] for r in rows] == ["jurisdiction"]
    assert QgsVectorLayer(result["OUTPUT"], "out", "ogr").featureCount() == 1


def test_builtup_extent_from_landuse_codes(qgis_processing, tmp_path):
    """The 建成区 as the 城镇村属性码 201/202 polygons of a land-use layer; 203 村庄 is not counted."""
    rows = [(rect(1000, 200, 2000, 1800), ["201"]), (rect(2000, 200, 3500, 1800), ["202A"]),
            (rect(200, 2200, 1200, 3200), ["203"])]
    settlement = factory.memory_layer("Polygon", [("CZCSXM", str)], rows, name="czcs")
    result = run_check({"INDICATOR": "green_space_ratio", "INPUT": landuse(), "CLASS_PRESET": 1,
                        "EXTENT": settlement, "EXTENT_PRESET": 1, "TOWNSHIPS": factory.townships()}, tmp_path)
    assert close(result["MEASURED"], GREEN_SHARE) and close(result["EXTENT_KM2"], 4.0)


def test_ellipsoidal_areas_and_townships_in_degrees(qgis_processing, tmp_path):
    import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject

    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem(factory.CRS), QgsProject.instance().transformContext())
    measure.setEllipsoid("GRS80")
    inside = QgsGeometry.unaryUnion([rect(1200, 400, 2400, 1000), rect(1800, 600, 2600, 1400),
                                     rect(3200, 1500, 3500, 1800)])
    expected = 100 * measure.measureArea(inside) / measure.measureArea(rect(1000, 200, 3500, 1800))
    result = run_check({"INDICATOR": "green_space_ratio", "INPUT": landuse(), "CLASS_PRESET": 1, "EXTENT": builtup(),
                        "AREA_METHOD": 1}, tmp_path / "a")
    assert close(result["MEASURED"], expected, rel=1e-6)
    degrees = processing.run("native:reprojectlayer", {"INPUT": factory.townships(), "TARGET_CRS": "EPSG:4490",
                                                       "OUTPUT": "memory:"})["OUTPUT"]
    mixed = run_check({"INDICATOR": "green_space_ratio", "INPUT": landuse(), "CLASS_PRESET": 1, "EXTENT": builtup(),
                       "TOWNSHIPS": degrees}, tmp_path / "b")
    assert close(mixed["MEASURED"], GREEN_SHARE, rel=1e-4)


@pytest.mark.parametrize("extent_preset, expected", [(1, 100 * 1.6 / 3.3), (2, 100 * 0.8 / 1.7)])
def test_one_sandiao_layer_gives_both_the_green_land_and_the_builtup_area(qgis_processing, tmp_path, extent_preset,
                                                                          expected):
    """The usual 三调 地类图斑: green land by DLBM, the 建成区 by CZCSXM (201 城市 + 202 建制镇, or 201 alone)."""
    rows = [(rect(1000, 200, 2000, 1000), ["0810", "201"]), (rect(1000, 1000, 2000, 1900), ["0701", "201"]),
            (rect(2000, 200, 3000, 1000), ["0810A", "202"]), (rect(2000, 1000, 3000, 1800), ["0810", "202A"]),
            (rect(200, 2200, 1200, 3200), ["0810", "203"]), (rect(4200, 200, 5200, 1200), ["0301", None])]
    dltb = factory.memory_layer("Polygon", [("DLBM", str), ("CZCSXM", str)], rows, name="DLTB")
    report = tmp_path / "report.html"
    result = run_check({"INDICATOR": "green_space_ratio", "INPUT": dltb, "CLASS_PRESET": 1, "EXTENT": dltb,
                        "EXTENT_PRESET": extent_preset, "TOWNSHIPS": factory.townships(), "REPORT": str(report)},
                       tmp_path)
    assert close(result["MEASURED"], expected)
    text = report.read_text(encoding="utf-8")
    assert "DLTB: 1 features without a code in &#x27;CZCSXM&#x27; not counted" in text  # the forest patch


# --- catalogues: 绿化覆盖率 is not 绿地率 -------------------------------------------

def test_green_coverage_targets_are_one_indicator_in_every_catalogue(seeds_dir):
    found = {}
    for path in bundled_catalogue_paths():
        for target in load_catalogue(path).targets:
            if "绿化覆盖率" in target.label:
                assert target.indicator == "green_coverage_ratio", (path.name, target.id)
                found[path.stem] = target.value
            if "绿地率" in target.label:
                assert target.indicator == "green_space_ratio", (path.name, target.id)
    assert found == {"chongqing": 43.0, "kaizhou": 44.0, "wuxi": 42.5}
    assert [t.id for t in bundled_catalogue("jiangjin").targets_for("green_space_ratio")] == ["green_space_ratio_2025"]
    assert {t.id for t in bundled_catalogue("jiangjin").targets_for("forest_cover")} == {"forest_cover_2025"}


# --- bad input: a clear message, never a traceback or a silent zero -------------------------

def message_of(parameters, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        run_check(parameters, tmp_path)
    text = str(error.value)
    assert "Traceback" not in text and "unexpected error" not in text
    return text


def test_bad_input_is_named(qgis_processing, tmp_path):
    points = factory.stops()
    text = message_of({"INPUT": points, "TOWNSHIPS": factory.townships()}, tmp_path / "a")
    assert "Parameter INPUT: layer 'stops' holds points" in text and "polygons" in text
    far = factory.memory_layer("Polygon", [("id", int)], [(rect(50000, 50000, 51000, 51000), [1])], name="far")
    text = message_of({"INPUT": canopy(), "EXTENT": far}, tmp_path / "b")
    assert "No class land of 'canopy' (INPUT) lies inside the extent 'far' (EXTENT)" in text and "silent zero" in text
    text = message_of({"INPUT": landuse(), "CLASS_FIELD": "DLBM", "CLASS_CODES": "1401",
                       "TOWNSHIPS": factory.townships()}, tmp_path / "c")
    assert "No feature of layer 'landuse' has a code in field 'DLBM' starting with 1401" in text
    assert "0810 (3)" in text and "codes of the land measured" in text
    text = message_of({"INPUT": canopy()}, tmp_path / "d")
    assert "Neither an extent layer (EXTENT) nor a township layer (TOWNSHIPS)" in text
    text = message_of({"INPUT": landuse(), "CLASS_FIELD": "DLBM", "TOWNSHIPS": factory.townships()}, tmp_path / "e")
    assert "Parameter CLASS_FIELD" in text and "CLASS_PRESET" in text
    text = message_of({"INDICATOR": "green_space_ratio", "INPUT": canopy(), "EXTENT": builtup(),
                       "CATALOGUE": "kaizhou", "TARGET_ID": "green_coverage_2025"}, tmp_path / "f")
    assert "not green_space_ratio in percent" in text
    text = message_of({"INPUT": canopy(), "EXTENT": builtup(), "TOWNSHIPS": far}, tmp_path / "g")
    assert "No polygon of the extent 'builtup' (EXTENT) lies inside any township of 'far' (TOWNSHIPS)" in text


def test_core_refuses_points_by_role(qgis_app):
    from cq_urban_plugin.core.errors import PlanInputError

    with pytest.raises(PlanInputError) as error:
        ls.measure_land_share(canopy(), factory.stops(), None)
    assert "Parameter EXTENT: layer 'stops' (extent) does not hold polygons" in str(error.value)


# --- batch use ---------------------------------------------------------------

@pytest.mark.slow
def test_qgis_process_runs_the_installed_plugin(qgis_processing, installed_plugin, tmp_path):
    sources = {name: factory.write(layer, tmp_path / f"{name}.gpkg")
               for name, layer in (("landuse", landuse()), ("builtup", builtup()),
                                   ("townships", factory.townships()))}
    report = tmp_path / "report.html"
    run = installed_plugin("run", "cq_urban:check_land_share", "--json", "--", "INDICATOR=forest_cover",
                           f"INPUT={sources['landuse']}", "CLASS_PRESET=3", f"TOWNSHIPS={sources['townships']}",
                           "CATALOGUE=jiangjin", "TARGET_ID=forest_cover_2025", f"OUTPUT={tmp_path / 'out.gpkg'}",
                           f"TABLE={tmp_path / 'table.gpkg'}", f"REPORT={report}")
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert close(results["MEASURED"], FOREST_SANDIAO)
    assert results["TARGET"] == 54.0 and results["PASSED"] is False and results["UNIT"] == "percent"
    assert "森林覆盖率达54%" in report.read_text(encoding="utf-8")
    help_text = installed_plugin("help", "cq_urban:check_land_share").stdout
    for output in ("MEASURED", "PASSED", "CLASS_KM2", "EXTENT_KM2", "OUTSIDE_KM2"):
        assert output in help_text
