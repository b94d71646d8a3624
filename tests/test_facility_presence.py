"""A facility of a kind in every township (issue 14: 江津 001 l.1761 镇(街)养老服务中心 in all 30
units; 000 l.192 城市社区综合服务设施覆盖率): the townships holding one, by hand-made layers with
known answers, and on the sample data through the whole-plan check against a count made here."""
import csv

import factory
import pytest
from conftest import REPO
from factory import X0, Y0
from qgis.core import QgsGeometry, QgsPointXY, QgsVectorLayer

from cq_urban_plugin.core.checks import facility_presence as presence
from cq_urban_plugin.core.errors import PlanInputError
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue


def point(x, y):
    return QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y))


def rect(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},"
                               f"{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))")


def townships():
    rows = [(rect(0, 0, 1000, 1000), ["甲街道"]), (rect(1000, 0, 2000, 1000), ["乙镇"]),
            (rect(2000, 0, 3000, 1000), ["丙镇"]), (rect(3000, 0, 4000, 1000), ["丁镇"])]
    return factory.memory_layer("Polygon", [("name", str)], rows, name="townships")


def facilities():
    rows = [(point(100, 100), ["甲街道养老服务中心", "养老服务中心"]), (point(900, 500), ["甲社区", "社区综合服务站"]),
            (point(1500, 500), ["乙镇养老服务中心", "养老服务中心"]), (point(1600, 500), ["乙镇二", "养老服务中心"]),
            (point(2500, 500), ["丙镇菜市场", "菜市场"]), (point(9000, 500), ["远处", "养老服务中心"])]
    return factory.memory_layer("Point", [("name", str), ("kind", str)], rows, name="facilities")


def test_townships_holding_a_facility_of_the_kind(qgis_app):
    result = presence.measure_facility_presence(facilities(), townships(), name_field="name", type_field="kind",
                                                facility_type="养老服务中心")
    assert result.verdict.measured == 2.0 and result.verdict.unit == "count"
    counts = {u.name: u.facilities for u in result.townships}
    assert counts == {"甲街道": 1, "乙镇": 2, "丙镇": 0, "丁镇": 0}
    assert result.extras[presence.FACILITIES] == 4 and result.extras[presence.UNITS_WITH] == 2
    assert any("丙镇" in n and "丁镇" in n and "乙镇" not in n for n in result.notes)
    assert any("outside every township" in n for n in result.notes)  # the one at x = 9000


def test_share_of_townships_and_every_facility_without_a_type(qgis_app):
    result = presence.measure_facility_presence(facilities(), townships(), unit="percent", name_field="name")
    assert result.verdict.measured == pytest.approx(75.0)  # 甲, 乙, 丙 hold one of any kind; 丁 none


def test_a_target_of_every_township_is_not_met_with_two_of_four(qgis_app):
    target = bundled_catalogue("jiangjin").target("elderly_centre_every_township")
    result = presence.measure_facility_presence(facilities(), townships(), name_field="name", type_field="kind",
                                                facility_type="养老服务中心", target=target)
    assert result.verdict.target == 30 and result.verdict.passed is False
    assert result.verdict.gap == pytest.approx(-28.0)


def test_no_facility_of_the_kind_names_the_field_and_its_values(qgis_app):
    with pytest.raises(PlanInputError) as raised:
        presence.measure_facility_presence(facilities(), townships(), name_field="name", type_field="kind",
                                           facility_type="文化活动中心")
    message = str(raised.value)
    assert "文化活动中心" in message and "'kind'" in message and "菜市场" in message


def test_lines_are_refused_by_name(qgis_app):
    lines = factory.memory_layer("LineString", [("kind", str)],
                                 [(QgsGeometry.fromWkt(f"LINESTRING({X0} {Y0},{X0 + 10} {Y0})"), ["x"])],
                                 name="roads")
    with pytest.raises(PlanInputError, match="FACILITIES.*roads"):
        presence.measure_facility_presence(lines, townships())


def test_whole_plan_check_on_the_sample_data(cq_provider, tmp_path):
    """江津's two facility-in-every-unit targets from the bundled facilities, against a count made here
    with QGIS's geometry: townships holding a point whose kind contains the catalogue's word."""
    import processing

    gpkg = REPO / "layers" / "jiangjin.gpkg"
    summary = tmp_path / "summary.csv"
    processing.run("cq_urban:check_plan", {
        "CATALOGUE": "jiangjin", "TOWNSHIPS": f"{gpkg}|layername=townships", "TOWNSHIP_NAME_FIELD": "name",
        "FACILITIES": f"{gpkg}|layername=facilities", "FACILITY_TYPE_FIELD": "kind", "SUMMARY": str(summary)})
    rows = {r["target_id"]: r for r in csv.DictReader(open(summary, encoding="utf-8-sig"))}
    units = list(QgsVectorLayer(f"{gpkg}|layername=townships", "t", "ogr").getFeatures())
    points = list(QgsVectorLayer(f"{gpkg}|layername=facilities", "f", "ogr").getFeatures())

    def holding(word, kind=""):
        return sum(1 for u in units if u["name"].endswith(kind) and any(
            word in p["kind"] and u.geometry().intersects(p.geometry()) for p in points))

    def share(word, kind=""):
        return 100.0 * holding(word, kind) / sum(1 for u in units if u["name"].endswith(kind))
    elderly = rows["elderly_centre_every_township"]
    assert float(elderly["measured"]) == holding("养老服务中心") == 30 - 30 // 7
    assert elderly["status"] == "not_met"
    community = rows["community_service_facility_coverage_2025"]
    # 城市社区 on township polygons: the 街道, the urban units (its convention)
    assert float(community["measured"]) == pytest.approx(share("社区综合服务", "街道"), abs=0.01)
    assert "only the 街道" in community["how"]
    # 每个镇 targets in words (000 l.403-434): the facility the target names is the word of its kind; 每个镇
    # counts the 镇 alone, 镇(街) every unit.
    for target_id, word, kind in (("plaza_every_township", "综合广场", ""),
                                  ("farm_market_every_town", "农产品交易市场", "镇"),
                                  ("brand_supermarket_every_town", "品牌超市", "镇")):
        assert float(rows[target_id]["measured"]) == pytest.approx(share(word, kind), abs=0.01)
        assert 0 < float(rows[target_id]["measured"]) < 100
    # Several kinds in one target, and a kind the layer does not hold: said, not measured.
    assert rows["library_branches_every_town"]["status"] == "not_measured"
    assert "several kinds" in rows["library_branches_every_town"]["reason"]
    assert "holds no facility" in rows["water_plant_every_town"]["reason"]


def test_a_mixed_facilities_layer_without_its_type_field_is_not_read_as_every_kind(qgis_app):
    """Without FACILITY_TYPE_FIELD no facility target is measured from a facilities layer (each would take
    every facility of it as its own kind); with it, each takes its own."""
    from cq_urban_plugin.core.checks.plan_check import check_plan

    catalogue = bundled_catalogue("jiangjin")
    layers = {"townships": townships(), "facilities": facilities()}
    rows = {r.target_id: r for r in check_plan(catalogue, layers, options={"name_field": "name"}).rows}
    elderly = rows["elderly_centre_every_township"]
    assert elderly.status == "not_measured" and "FACILITY_TYPE_FIELD" in elderly.reason
    rows = {r.target_id: r for r in check_plan(catalogue, layers, options={
        "name_field": "name", "facility_type_field": "kind"}).rows}
    assert rows["elderly_centre_every_township"].measured == 2.0
    assert rows["community_service_facility_coverage_2025"].measured == pytest.approx(100.0)  # 甲街道, the one 街道


def test_the_units_are_the_kinds_the_scope_names(qgis_app):
    """每个镇: the 镇 alone (a facility in a 街道 is no 镇's, and not outside either); 镇(街): every unit."""
    assert presence.unit_kinds("每个镇") == ("镇",) and presence.unit_kinds("每个小城镇（镇）") == ("镇",)
    assert presence.unit_kinds("每个镇(街)") == () and presence.unit_kinds("城市社区") == ("街道",)
    result = presence.measure_facility_presence(facilities(), townships(), unit="percent", name_field="name",
                                                type_field="kind", facility_type="养老服务中心", unit_kinds=("镇",))
    assert result.verdict.measured == pytest.approx(100.0 / 3)    # 乙镇 of 乙, 丙, 丁镇
    assert result.extras[presence.UNITS] == 3 and "Only the 镇 count (3 of the 4 townships)" in result.method
    assert any("outside every township" in n and n.startswith("1 ") for n in result.notes)   # the one far off
    with pytest.raises(PlanInputError, match="is a 乡"):
        presence.measure_facility_presence(facilities(), townships(), name_field="name", unit_kinds=("乡",))
