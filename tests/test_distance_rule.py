"""cq_urban:check_distance_rule: nothing of one class within a distance of another.

江津 001 l.1615: "禁止在长江干流及主要支流岸线1公里范围内新(扩)建化工项目". Hand-built plants and
rivers on the factory's grid of 2 km townships (EPSG:4544), distances worked out by hand and
checked against QGIS's own native:joinbynearest.
"""
import json

import factory
import pytest
from factory import X0, Y0
from qgis.core import QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

from cq_urban_plugin.algorithms.check_distance_rule import CheckDistanceRuleAlgorithm
from cq_urban_plugin.core.checks import distance_rule as dr
from cq_urban_plugin.core.errors import PlanInputError

REL = 1e-3  # 0.1 %


def point(x, y):
    return QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y))


def rect(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},"
                               f"{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))")


def line(*points):
    return QgsGeometry.fromWkt("LINESTRING(" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in points) + ")")


def rivers():
    """长江 along y = 2900, a tributary 綦河 along x = 5000 up to it."""
    rows = [(line((0, 2900), (6000, 2900)), ["长江", "干流"]), (line((5000, 0), (5000, 2900)), ["綦河", "支流"])]
    return factory.memory_layer("LineString", [("name", str), ("rank", str)], rows, name="rivers")


# (name, kind, x, y, nearest river, distance by hand, township)
PLANTS = [
    ("p1", "化工", 1000, 2400, "长江", 500.0, "圣泉街道"),
    ("p2", "化工", 1000, 1500, "长江", 1400.0, "几江街道"),
    ("p3", "化工", 4500, 1000, "綦河", 500.0, "双福街道"),
    ("p4", "化工", 3000, 3900, "长江", 1000.0, "鼎山街道"),   # exactly 1 km: within
    ("p5", "化工", 3000, 5500, "长江", 2600.0, "白沙镇"),
    ("p6", "食品", 5800, 5800, "长江", 2900.0, "四面山镇"),
]
WITHIN = {"p1", "p3", "p4"}


def plants():
    rows = [(point(x, y), [name, kind]) for name, kind, x, y, *_ in PLANTS]
    return factory.memory_layer("Point", [("plant", str), ("kind", str)], rows, name="plants")


def run_check(parameters, tmp_path):
    import processing

    parameters = dict(parameters)
    tmp_path.mkdir(parents=True, exist_ok=True)
    parameters.setdefault("OUTPUT", str(tmp_path / "within.gpkg"))
    parameters.setdefault("TABLE", str(tmp_path / "table.gpkg"))
    return processing.run(CheckDistanceRuleAlgorithm().create(), parameters)


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def rows_of(path):
    layer = QgsVectorLayer(str(path), "rows", "ogr")
    assert layer.isValid()
    return [{f.name(): None if is_null(feature[f.name()]) else feature[f.name()] for f in layer.fields()}
            for feature in layer.getFeatures()]


def native_nearest(subjects, near):
    """{subject fid: distance} by native:joinbynearest, no code of the plugin."""
    import processing

    joined = processing.run("native:joinbynearest", {"INPUT": subjects, "INPUT_2": near, "FIELDS_TO_COPY": [],
                                                     "NEIGHBORS": 1, "PREFIX": "n_", "OUTPUT": "memory:"})["OUTPUT"]
    return {feature["plant"]: feature["distance"] for feature in joined.getFeatures()}


def test_plants_within_a_kilometre_of_the_rivers(qgis_processing, tmp_path):
    report = tmp_path / "report.html"
    result = run_check({"INPUT": plants(), "NEAR": rivers(), "NEAR_NAME_FIELD": "name", "DISTANCE": 1000,
                        "TOWNSHIPS": factory.townships(), "REPORT": str(report)}, tmp_path)
    assert result["MEASURED"] == 3 and result["VIOLATIONS"] == 3 and result["CHECKED"] == 6
    assert result["TARGET"] == 0 and result["PASSED"] is False and result["UNIT"] == "count"
    assert result["NEAREST_M"] == pytest.approx(500.0)
    within = {r["plant"]: r for r in rows_of(result["OUTPUT"])}
    assert set(within) == WITHIN
    native = native_nearest(plants(), rivers())
    for name, _, _, _, river, distance, township in PLANTS:
        assert abs(native[name] - distance) <= REL * distance, name  # the hand figures are QGIS's too
        if name in WITHIN:
            assert within[name]["dist_m"] == pytest.approx(distance, rel=REL), name
            assert within[name]["near_name"] == river and within[name]["township"] == township, name
    table = {r["township"]: r for r in rows_of(result["TABLE"])}
    assert (table["圣泉街道"]["features"], table["圣泉街道"]["violations"]) == (1, 1)
    assert (table["几江街道"]["features"], table["几江街道"]["violations"]) == (1, 0)
    assert table["几江街道"]["nearest_m"] == pytest.approx(1400.0)
    assert (table["德感街道"]["features"], table["德感街道"]["violations"]) == (0, 0)
    assert table["outside every township"]["features"] == 0
    whole = next(r for r in rows_of(result["TABLE"]) if r["level"] == "jurisdiction")
    assert (whole["features"], whole["violations"]) == (6, 3)
    text = report.read_text(encoding="utf-8")
    assert "禁止在长江干流及主要支流岸线1公里范围内新(扩)建化工项目" in text and "001 l.1615" in text


def test_codes_select_the_plants_and_a_typed_allowance(qgis_processing, tmp_path):
    result = run_check({"INPUT": plants(), "INPUT_FIELD": "kind", "INPUT_CODES": "化工", "NEAR": rivers(),
                        "NEAR_FIELD": "rank", "NEAR_CODES": "干流", "DISTANCE": 1000, "TARGET_VALUE": 2}, tmp_path)
    # only the 长江 counts now: p3 is 1,900 m from it; p6 (食品) is not checked
    assert result["CHECKED"] == 5 and result["MEASURED"] == 2
    assert result["TARGET"] == 2 and result["PASSED"] is True
    assert {r["plant"] for r in rows_of(result["OUTPUT"])} == {"p1", "p4"}


def test_polygon_plants_and_water_polygons(qgis_processing, tmp_path):
    water = factory.memory_layer("Polygon", [("name", str)], [(rect(0, 2800, 6000, 3000), ["长江"])], name="water")
    rows = [(rect(1000, 2000, 1200, 2300), ["a"]), (rect(3000, 2900, 3200, 3100), ["b"]),
            (rect(3000, 5000, 3200, 5200), ["c"])]
    sites = factory.memory_layer("Polygon", [("plant", str)], rows, name="sites")
    result = run_check({"INPUT": sites, "NEAR": water, "DISTANCE": 1000}, tmp_path)
    within = {r["plant"]: r["dist_m"] for r in rows_of(result["OUTPUT"])}
    assert within == pytest.approx({"a": 500.0, "b": 0.0})   # b stands in the water: 0 m
    assert result["NEAREST_M"] == 0.0
    native = native_nearest(sites, water)
    assert native["a"] == pytest.approx(500.0, rel=REL) and native["c"] == pytest.approx(2000.0, rel=REL)
    assert QgsVectorLayer(result["OUTPUT"], "o", "ogr").wkbType() in (6, 3006)  # MultiPolygon


def test_core_entry_point_equals_the_processing_run(qgis_processing, tmp_path):
    run = run_check({"INPUT": plants(), "NEAR": rivers(), "DISTANCE": 1000, "TOWNSHIPS": factory.townships()},
                    tmp_path)
    direct = dr.measure_distance_rule(plants(), rivers(), factory.townships(), distance_m=1000, name_field="name")
    assert direct.check == "check_distance_rule"
    for key, value in direct.outputs().items():
        assert run[key] == pytest.approx(value) if isinstance(value, float) else run[key] == value, key
    table = {r["township"]: (r["features"], r["violations"]) for r in rows_of(run["TABLE"]) if r["level"] == "township"}
    assert table == {r.name: (r.features, r.violations) for r in direct.townships}


def test_a_catalogue_target_of_the_rule(qgis_processing, tmp_path):
    from conftest import REPO

    text = (REPO / "cq_urban_plugin" / "catalogues" / "jiangjin.yaml").read_text(encoding="utf-8")
    text += ("  - id: chemical_1km\n    indicator: distance_rule\n"
             "    label: 长江干流及主要支流岸线1公里范围内新(扩)建化工项目\n    value: 0\n    unit: count\n"
             "    comparison: \"<=\"\n    scope: jurisdiction\n    binding: 约束性\n"
             "    cite: {doc: fyp14, line: 1615, quote: \"禁止在长江干流及主要支流岸线1公里范围内新(扩)建化工项目\"}\n")
    catalogue = tmp_path / "jiangjin_rule.yaml"
    catalogue.write_text(text, encoding="utf-8")
    report = tmp_path / "report.html"
    result = run_check({"INPUT": plants(), "NEAR": rivers(), "CATALOGUE_FILE": str(catalogue),
                        "TARGET_ID": "chemical_1km", "REPORT": str(report)}, tmp_path)
    assert result["TARGET"] == 0 and result["MEASURED"] == 3 and result["PASSED"] is False
    assert "001_c0dc96b9baef37ce.txt" in report.read_text(encoding="utf-8")


# --- bad input ---------------------------------------------------------------

def message_of(parameters, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        run_check(parameters, tmp_path)
    text = str(error.value)
    assert "Traceback" not in text and "unexpected error" not in text
    return text


def test_bad_input_is_named(qgis_processing, tmp_path):
    far = factory.memory_layer("LineString", [("name", str)], [(line((90000, 0), (95000, 0)), ["far"])], name="far")
    text = message_of({"INPUT": plants(), "NEAR": far}, tmp_path / "a")
    assert "The layers 'plants' (INPUT) and 'far' (NEAR) do not overlap" in text
    text = message_of({"INPUT": plants(), "INPUT_FIELD": "kind", "INPUT_CODES": "电镀", "NEAR": rivers()},
                      tmp_path / "b")
    assert "No feature of layer 'plants' has a code in field 'kind' starting with 电镀" in text
    assert "化工 (5)" in text and "食品 (1)" in text
    text = message_of({"INPUT": plants(), "INPUT_FIELD": "kind", "NEAR": rivers()}, tmp_path / "c")
    assert "Parameter INPUT_FIELD was given without INPUT_CODES" in text
    text = message_of({"INPUT": plants(), "NEAR": rivers(), "DISTANCE": 0}, tmp_path / "d")
    assert "The distance must be more than 0 m" in text
    text = message_of({"INPUT": plants(), "NEAR": rivers(), "TOWNSHIPS": factory.stops()}, tmp_path / "e")
    assert "Parameter TOWNSHIPS: layer 'stops' holds points" in text
    away = factory.memory_layer("Polygon", [("name", str)], [(rect(20000, 20000, 22000, 22000), ["x"])], name="away")
    text = message_of({"INPUT": plants(), "NEAR": rivers(), "TOWNSHIPS": away}, tmp_path / "f")
    assert "No feature of 'plants' (INPUT) lies inside any township of 'away' (TOWNSHIPS)" in text


def test_a_table_without_geometry_is_refused_by_the_core(qgis_app):
    table = factory.memory_layer("None", [("plant", str)], [(None, ["x"])], name="table")
    with pytest.raises(PlanInputError) as error:
        dr.measure_distance_rule(table, rivers())
    assert "Parameter INPUT: layer 'table'" in str(error.value) and "no geometry" in str(error.value)


@pytest.mark.slow
def test_qgis_process_runs_the_installed_plugin(qgis_processing, installed_plugin, tmp_path):
    plants_path = factory.write(plants(), tmp_path / "plants.gpkg")
    rivers_path = factory.write(rivers(), tmp_path / "rivers.gpkg")
    townships_path = factory.write(factory.townships(), tmp_path / "townships.gpkg")
    report = tmp_path / "report.html"
    run = installed_plugin("run", "cq_urban:check_distance_rule", "--json", "--", f"INPUT={plants_path}",
                           f"NEAR={rivers_path}", "NEAR_NAME_FIELD=name", "DISTANCE=1000",
                           f"TOWNSHIPS={townships_path}", f"OUTPUT={tmp_path / 'within.gpkg'}",
                           f"TABLE={tmp_path / 'table.gpkg'}", f"REPORT={report}")
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["MEASURED"] == 3 and results["PASSED"] is False and results["CHECKED"] == 6
    assert {r["plant"] for r in rows_of(tmp_path / "within.gpkg")} == WITHIN
    assert report.exists()
