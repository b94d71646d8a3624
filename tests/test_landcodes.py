"""One code table for the survey's and the plan's land classes (issue #17): 三调 地类编码, 城镇村属性码,
用地用海 (2023) and the 三调 → 用地用海 correspondence, with families; a preset of 用地用海 codes reads a
三调 地类图斑 through it and says so, and refuses a field that mixes both systems."""
import factory
import pytest
from factory import X0, Y0
from qgis.core import QgsGeometry

from cq_urban_plugin.core.checks.builtup import check_builtup
from cq_urban_plugin.core.errors import PlanInputError
from cq_urban_plugin.core.geo import landcodes as lc


def test_families_and_tables():
    assert lc.sandiao_family("0201K") == "0201" and lc.sandiao_family("08H2A") == "08H2"
    assert lc.sandiao_family("0799") is None and lc.sandiao_family("1301") is None
    assert lc.czcsxm_family("201A") == "201" and lc.czcsxm_family("203") == "203"
    assert lc.czcsxm_family("206") is None and lc.czcsxm_family("201B") is None
    assert lc.is_ydyh("0703") and lc.is_ydyh("070101") and lc.is_ydyh("1311") and lc.is_ydyh("16")
    assert not lc.is_ydyh("05H1") and not lc.is_ydyh("0305") and not lc.is_ydyh("0808")
    # 1001 is 铁路用地 in the 三调 and 工业用地 in 用地用海; the survey's 工业用地 is 0601
    assert lc.sandiao_to_ydyh("1001") == ("1201",) and lc.sandiao_to_ydyh("0601") == ("1001",)
    assert lc.sandiao_to_ydyh("0301K") == ("0301",) and lc.sandiao_to_ydyh("0810A") == ("1403",)
    assert lc.sandiao_to_ydyh("1104A") == ("1704",) and lc.sandiao_to_ydyh("0799") == ()
    assert set(lc.SANDIAO_TO_YDYH) - {"0810A"} == set(lc.SANDIAO_CODES)  # every 三调 class has its classes
    assert all(lc.is_ydyh(t) for targets in lc.SANDIAO_TO_YDYH.values() for t in targets)
    assert lc.ydyh_name("1207") == "城镇村道路用地" and lc.ydyh_name("15") == "特殊用地"


def test_quality_and_presets_read_the_one_table():
    from cq_urban_plugin.core.geo import quality

    assert quality.sandiao_family is lc.sandiao_family and quality.CZCSXM_CODES is lc.CZCSXM_CODES
    assert not hasattr(quality, "SANDIAO_CODES")


def rect(i, size=100.0):
    x = X0 + i * 200
    return QgsGeometry.fromWkt(f"POLYGON(({x} {Y0},{x + size} {Y0},{x + size} {Y0 + size},{x} {Y0 + size},{x} {Y0}))")


def dltb(codes, field="DLBM"):
    return factory.memory_layer("Polygon", [(field, str)], [(rect(i), [c]) for i, c in enumerate(codes)],
                                name="DLTB")


# 三调 parcels of 0.01 km² each: 0701 住宅 (→ 0701/0702, counted), 0601 工业 (→ 1001, counted), 05H1 商服
# (→ 09, counted), 0810 公园与绿地 (→ 1401/1402, counted), 1001 铁路 (→ 1201, not), 0702 农村宅基地
# (→ 0703/0704, not), 1006 农村道路 (→ 0601/2303, not). Read as they are, 1001 and 0702 would count and
# 0601, 05H1 and 0810 would not.
SANDIAO_PARCELS = ["0701", "0601", "05H1", "0810", "1001", "0702", "1006"]


def test_a_ydyh_preset_reads_a_sandiao_layer_through_the_table(qgis_app):
    result = check_builtup(landuse=dltb(SANDIAO_PARCELS), preset_id="ydyh")
    assert result.verdict.measured == pytest.approx(0.04, rel=1e-9)
    note = next(n for n in result.notes if "三调 → 用地用海" in n)
    assert "1001 → 1201" in note and "0601 → 1001" in note and "234号" in note
    # typed codes are read as they are: 1001 is then the railway parcel
    typed = check_builtup(landuse=dltb(SANDIAO_PARCELS), codes=("1001",), class_field="DLBM")
    assert typed.verdict.measured == pytest.approx(0.01, rel=1e-9)
    assert not any("三调 → 用地用海" in n for n in typed.notes)


def test_a_ydyh_layer_is_read_as_it_is(qgis_app):
    # 0804 教育 exists only in 用地用海: 1207 then is 城镇村道路用地 (counted), not 三调 裸岩石砾地
    result = check_builtup(landuse=dltb(["0804", "1207", "0703"], field="YDYHFLDM"), preset_id="ydyh")
    assert result.verdict.measured == pytest.approx(0.02, rel=1e-9)
    assert not any("三调 → 用地用海" in n for n in result.notes)


def test_classes_that_only_partly_count_are_said(qgis_app):
    from cq_urban_plugin.core.checks.landuse import Codes, CodeSelector, preset

    layer = dltb(["0810", "0810A", "0305", "0307"])
    selector = CodeSelector(preset("ydyh_forest").codes, layer.fields().at(0), "DLTB")
    assert [selector(f.id(), f["DLBM"]) for f in layer.getFeatures()] == [False, False, True, False]
    green = CodeSelector(preset("ydyh_green").codes, layer.fields().at(0), "DLTB")
    assert [green(f.id(), f["DLBM"]) for f in layer.getFeatures()] == [True, False, False, False]
    partial = CodeSelector(Codes(("1401",), "ydyh"), layer.fields().at(0), "DLTB")
    assert [partial(f.id(), f["DLBM"]) for f in layer.getFeatures()] == [False, False, False, False]
    assert any("0810 → 1401/1402" in n and "not counted" in n for n in partial.notes()), partial.notes()


def test_a_field_mixing_both_systems_is_refused(qgis_app):
    with pytest.raises(PlanInputError) as raised:
        check_builtup(landuse=dltb(["0701", "05H1", "0804"]), preset_id="ydyh")
    assert "05H1" in str(raised.value) and "0804" in str(raised.value) and "one code system" in str(raised.value)
    # DLBM of a 用地用海 layer whose first code means other land in the 三调: refused, not guessed
    with pytest.raises(PlanInputError) as raised:
        check_builtup(landuse=dltb(["1207", "0804"]), preset_id="ydyh")
    assert "1207" in str(raised.value) and "LANDUSE_CODES" in str(raised.value)


def test_the_translation_through_processing(cq_provider, tmp_path):
    import processing

    report = tmp_path / "report.html"
    result = processing.run("cq_urban:check_builtup", {
        "LANDUSE": dltb(SANDIAO_PARCELS), "LANDUSE_PRESET": 3, "OUTPUT": "memory:", "TABLE": "memory:",
        "REPORT": str(report)})
    assert result["MEASURED"] == pytest.approx(0.04, rel=1e-9)
    text = report.read_text(encoding="utf-8")
    assert "三调 → 用地用海" in text and "1001 → 1201" in text


def test_a_caller_with_every_value_first_is_never_refused(qgis_app):
    from cq_urban_plugin.core.checks.landuse import CodeSelector, preset

    layer = dltb(["1207", "0804"])  # DLBM of a 用地用海 layer: 1207 is 城镇村道路用地 here, not 三调 裸岩石砾地
    selector = CodeSelector(preset("ydyh").codes, layer.fields().at(0), "DLTB")
    selector.prepare(f["DLBM"] for f in layer.getFeatures())
    assert [selector(f.id(), f["DLBM"]) for f in layer.getFeatures()] == [True, True]
    selector.check_matched()  # no refusal: the system was known before the first value
