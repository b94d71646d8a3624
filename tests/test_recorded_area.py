"""Statistical and geometric area (issue #17): the built-up check beside the survey's recorded areas.

三调 records each polygon's area (图斑面积 TBMJ; 地类面积 TBDLMJ = TBMJ minus the field-ridge
deduction) in m². The check reports the recorded figure beside the geometric one, with their
difference per township, and checks the target on the one chosen (AREA_SOURCE). Every figure
below is worked out by hand from the rectangles and records of the layers built here, in
EPSG:4544 (planar areas are the rectangles' own, no reprojection).
"""
import json

import factory
import pytest
from factory import X0, Y0
from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer

from cq_urban_plugin import definitions
from cq_urban_plugin.core.checks.builtup import AreaSource, check_builtup


def rect(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},"
                               f"{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))")


# 地类图斑 over factory.townships() (2 km squares: 几江 x 0–2000, 德感 2000–4000, 双福 4000–6000, y 0–2000):
# (CZCSXM, TBMJ m², TBDLMJ m², rectangle in metres from the grid's corner)
DLTB = [
    ("201", 1002000.0, 1002000.0, (500, 500, 1500, 1500)),     # A: 1 km² in 几江
    ("202", 498000.0, 490000.0, (1500, 200, 2500, 700)),       # B: 0.5 km², half in 几江, half in 德感
    ("203", 250000.0, 250000.0, (4500, 500, 5000, 1000)),      # C: 村庄, not built-up (preset 0)
    ("201", 201000.0, 201000.0, (5800, 1000, 6200, 1500)),     # D: 0.2 km², half in 双福, half outside
]
# By hand. Geometric: 几江 1 + 0.25, 德感 0.25, 双福 0.1; outside 0.1.
GEOMETRIC = {"几江街道": 1.25, "德感街道": 0.25, "双福街道": 0.1}
# TBDLMJ shared out by geometric area: 几江 1.002 + 0.49 / 2, 德感 0.49 / 2, 双福 0.201 / 2; outside 0.1005.
TBDLMJ = {"几江街道": 1.247, "德感街道": 0.245, "双福街道": 0.1005}
# TBMJ: 几江 1.002 + 0.498 / 2, 德感 0.498 / 2, 双福 0.201 / 2.
TBMJ = {"几江街道": 1.251, "德感街道": 0.249, "双福街道": 0.1005}


def dltb(rows=DLTB, name="DLTB"):
    return factory.memory_layer("Polygon", [("CZCSXM", str), ("TBMJ", float), ("TBDLMJ", float)],
                                [(rect(*box), [code, tbmj, tbdlmj]) for code, tbmj, tbdlmj, box in rows], name=name)


def run(parameters):
    import processing

    return processing.run(definitions.algorithm_id(definitions.CHECK_BUILTUP), {
        "TOWNSHIPS": factory.townships(), "TOWNSHIP_NAME_FIELD": "name", "OUTPUT": "memory:", "TABLE": "memory:",
        **parameters})


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def rows_by(result, level):
    return {f["name"]: f for f in result["TABLE"].getFeatures() if f["level"] == level}


def test_recorded_area_is_shared_out_and_checked_when_chosen(cq_provider, tmp_path):
    report = tmp_path / "report.html"
    result = run({"LANDUSE": dltb(), "AREA_SOURCE": 1, "TARGET_VALUE": 1.595, "REPORT": str(report)})

    # TBDLMJ is taken by default; the verdict is on the recorded figure: 1.5925 < 1.595
    assert result["MEASURED"] == pytest.approx(1.5925, rel=1e-9) and result["PASSED"] is False
    assert result["RECORDED_KM2"] == pytest.approx(1.5925, rel=1e-9)
    assert result["GEOMETRIC_KM2"] == pytest.approx(1.6, rel=1e-9)
    assert result["GAP"] == pytest.approx(1.5925 - 1.595, abs=1e-9)

    townships = rows_by(result, "township")
    for name, geometric in GEOMETRIC.items():
        row = townships[name]
        assert row["geo_km2"] == pytest.approx(geometric, rel=1e-9)
        assert row["rec_km2"] == pytest.approx(TBDLMJ[name], rel=1e-9)
        assert row["bu_km2"] == pytest.approx(TBDLMJ[name], rel=1e-9)  # the chosen figure
        assert row["diff_km2"] == pytest.approx(TBDLMJ[name] - geometric, abs=1e-9)
        assert row["diff_pct"] == pytest.approx(100 * (TBDLMJ[name] - geometric) / geometric, rel=1e-6)
        assert row["share"] == pytest.approx(100 * TBDLMJ[name] / 4.0, rel=1e-9)  # 2 km × 2 km townships
    assert townships["德感街道"]["diff_pct"] == pytest.approx(-2.0, rel=1e-6)  # 0.245 against 0.25
    assert townships["鼎山街道"]["rec_km2"] == 0 and townships["鼎山街道"]["geo_km2"] == 0
    scope = rows_by(result, "scope")["jurisdiction"]
    assert scope["rec_km2"] == pytest.approx(1.5925, rel=1e-9) and scope["geo_km2"] == pytest.approx(1.6)
    assert scope["diff_km2"] == pytest.approx(-0.0075, abs=1e-9)
    outside = rows_by(result, "outside")
    [outside] = outside.values()
    assert outside["geo_km2"] == pytest.approx(0.1) and outside["rec_km2"] == pytest.approx(0.1005)

    layer = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert layer["几江街道"]["bu_km2"] == pytest.approx(1.247) and layer["几江街道"]["geo_km2"] == pytest.approx(1.25)
    assert layer["几江街道"]["diff_km2"] == pytest.approx(-0.003, abs=1e-9)

    # the report: both figures, the difference, and the scope's in km², 公顷 (× 100) and 亩 (× 1,500)
    text = report.read_text(encoding="utf-8")
    assert "Recorded (TBDLMJ)" in text and "Recorded − geometric" in text
    # (1.5925 and −0.0075 km² fall on a rounding tie at three decimals: their hectares and mu are checked)
    # (the difference in percent with one decimal, as every percentage of a report: −0.469 % is −0.5)
    for figure in ("1.600", "159.250", "160.000", "-0.750", "2,388.750", "2,400.000", "-11.250", "-0.5"):
        assert f"<td>{figure}</td>" in text, figure
    assert "公顷" in text and "亩" in text
    assert "The target is checked on the recorded figure." in text


def test_geometry_stays_the_figure_with_the_record_beside_it(cq_provider):
    result = run({"LANDUSE": dltb(), "AREA_FIELD": "TBMJ", "TARGET_VALUE": 1.595})
    assert result["MEASURED"] == pytest.approx(1.6, rel=1e-9) and result["PASSED"] is True
    assert result["RECORDED_KM2"] == pytest.approx(1.6005, rel=1e-9)
    townships = rows_by(result, "township")
    for name, geometric in GEOMETRIC.items():
        assert townships[name]["bu_km2"] == pytest.approx(geometric, rel=1e-9)
        assert townships[name]["rec_km2"] == pytest.approx(TBMJ[name], rel=1e-9)

    # today's behaviour without a recorded-area field: the same figure, no recorded columns filled
    plain = run({"LANDUSE": dltb(), "TARGET_VALUE": 1.595})
    assert plain["MEASURED"] == pytest.approx(1.6, rel=1e-9) and plain["RECORDED_KM2"] is None
    jijiang = rows_by(plain, "township")["几江街道"]
    assert jijiang["geo_km2"] == pytest.approx(1.25) and null(jijiang["rec_km2"]) and null(jijiang["diff_km2"])


def test_overlapping_polygons_each_count_their_record():
    """Two 1 km² polygons overlapping by 0.25 km² in 几江: 1.75 km² of land, 2 km² recorded."""
    builtup = factory.memory_layer("Polygon", [("TBMJ", float)], [
        (rect(500, 500, 1500, 1500), [1000000.0]), (rect(1000, 1000, 2000, 2000), [1000000.0])], name="builtup")
    with_townships = check_builtup(builtup, factory.townships(), name_field="name", area_field="TBMJ",
                                   area_source=AreaSource.RECORDED)
    alone = check_builtup(builtup, area_field="TBMJ")
    assert with_townships.verdict.measured == pytest.approx(2.0, rel=1e-9)
    assert with_townships.extras["GEOMETRIC_KM2"] == pytest.approx(1.75, rel=1e-9)
    assert alone.verdict.measured == pytest.approx(1.75, rel=1e-9)
    assert alone.extras["RECORDED_KM2"] == pytest.approx(2.0, rel=1e-9)
    for result in (with_townships, alone):
        assert any("overlap by 0.2500 km²" in note for note in result.notes), result.notes
    jijiang = next(r for r in with_townships.townships if r.name == "几江街道")
    assert jijiang.recorded_km2 == pytest.approx(2.0) and jijiang.geometric_km2 == pytest.approx(1.75)


def test_missing_records_are_named_and_count_nothing():
    rows = DLTB[:1] + [("201", None, None, (2500, 500, 3000, 1000)), ("202", -5.0, -5.0, (2500, 1000, 3000, 1500))]
    result = check_builtup(landuse=dltb(rows), townships=factory.townships(), name_field="name",
                           area_source=AreaSource.RECORDED)
    assert result.verdict.measured == pytest.approx(1.002, rel=1e-9)  # A's record only
    assert result.extras["GEOMETRIC_KM2"] == pytest.approx(1.5, rel=1e-9)
    assert any("2 polygons have no recorded area in 'TBDLMJ'" in note and "feature ids 2, 3" in note
               for note in result.notes), result.notes


def test_a_recorded_area_that_cannot_be_read_is_refused(cq_provider):
    def message(parameters):
        with pytest.raises(QgsProcessingException) as error:
            run(parameters)
        assert "Traceback" not in str(error.value)
        return str(error.value)

    assert "Layer 'builtup' has no recorded-area field TBDLMJ/TBMJ." in message(
        {"BUILTUP": factory.builtup(), "AREA_SOURCE": 1})
    assert "Layer 'DLTB' has no field TBMJ_1." in message({"LANDUSE": dltb(), "AREA_FIELD": "TBMJ_1"})
    empty = [(code, None, None, box) for code, _, _, box in DLTB]
    assert "No built-up polygon of 'DLTB' has a recorded area in 'TBDLMJ'." in message(
        {"LANDUSE": dltb(empty), "AREA_SOURCE": 1})


@pytest.mark.slow
def test_recorded_area_through_qgis_process(installed_plugin, tmp_path):
    landuse = factory.write(dltb(), tmp_path / "dltb.gpkg")
    townships = factory.write(factory.townships(), tmp_path / "townships.gpkg")
    run_ = installed_plugin("run", "cq_urban:check_builtup", "--json", "--", f"LANDUSE={landuse}",
                            f"TOWNSHIPS={townships}", "TOWNSHIP_NAME_FIELD=name", "AREA_SOURCE=1",
                            "AREA_FIELD=TBMJ", "TARGET_VALUE=1.6", f"OUTPUT={tmp_path / 'out.gpkg'}",
                            f"TABLE={tmp_path / 'table.gpkg'}", f"REPORT={tmp_path / 'report.html'}")
    results = json.loads(run_.stdout[run_.stdout.index("{"):])["results"]
    assert results["MEASURED"] == pytest.approx(1.6005, rel=1e-9) and results["PASSED"] is True
    assert results["GEOMETRIC_KM2"] == pytest.approx(1.6, rel=1e-9)
    assert results["RECORDED_KM2"] == pytest.approx(1.6005, rel=1e-9)
    table = QgsVectorLayer(str(tmp_path / "table.gpkg"), "table", "ogr")
    rows = {f["name"]: f for f in table.getFeatures() if f["level"] == "township"}
    assert rows["德感街道"]["rec_km2"] == pytest.approx(0.249) and rows["德感街道"]["geo_km2"] == pytest.approx(0.25)
    assert "亩" in (tmp_path / "report.html").read_text(encoding="utf-8")
