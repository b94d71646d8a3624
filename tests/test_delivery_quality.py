"""The quality pass of a survey delivery (issue #17): each rule finds what it is about, at the
feature it is about, and a clean delivery gives nothing."""
import pytest
from osgeo import ogr, osr

from cq_urban_plugin.core.geo.landcodes import sandiao_family

X0, Y0 = 35_626_000.0, 3_243_000.0


def _square(x, y, size):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def _gdb(path, parcels, townships):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4523)
    dataset = ogr.GetDriverByName("OpenFileGDB").CreateDataSource(str(path))
    for name, alias, rows in (("DLTB", "地类图斑", parcels), ("XZQ", "行政区", townships)):
        layer = dataset.CreateLayer(name, srs, ogr.wkbPolygon, options=[f"LAYER_ALIAS={alias}"])
        for field, value in rows[0][0]:
            layer.CreateField(ogr.FieldDefn(field, ogr.OFTReal if isinstance(value, float) else ogr.OFTString))
        for values, wkt in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for field, value in values:
                feature.SetField(field, value)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            layer.CreateFeature(feature)
    dataset = None
    return path


def _parcel(code, czcsxm, tbmj, tbdlmj, wkt):
    return ([("DLBM", code), ("DLMC", "地类"), ("CZCSXM", czcsxm), ("TBMJ", tbmj), ("TBDLMJ", tbdlmj),
             ("ZLDWDM", "500116001001")], wkt)


TOWNSHIPS = [([("XZQDM", "500116001000"), ("XZQMC", "几江街道")], _square(X0, Y0, 3000)),
             ([("XZQDM", "500116002000"), ("XZQMC", "德感街道")],
              # 德感 wraps a 100 m hole that belongs to no township
              f"POLYGON(({X0 + 3000} {Y0},{X0 + 6000} {Y0},{X0 + 6000} {Y0 + 3000},{X0 + 3000} {Y0 + 3000},"
              f"{X0 + 3000} {Y0}),({X0 + 4000} {Y0 + 1000},{X0 + 4100} {Y0 + 1000},{X0 + 4100} {Y0 + 1100},"
              f"{X0 + 4000} {Y0 + 1100},{X0 + 4000} {Y0 + 1000}))")]


def test_sandiao_codes_and_their_families():
    assert sandiao_family("0701") == "0701" and sandiao_family("0201K") == "0201"
    assert sandiao_family("1104A") == "1104" and sandiao_family("05H1") == "05H1"
    assert sandiao_family("0799") is None and sandiao_family("") is None and sandiao_family("K") is None


def test_each_rule_finds_its_issue_and_a_clean_delivery_none(tmp_path, qgis_processing, cq_provider):
    import processing

    # the planar area of a parcel in this zone is its ellipsoidal one within a few 1e-4
    clean = [_parcel("0701", "201", 1.0e6, 0.98e6, _square(X0 + 500, Y0 + 500, 1000)),
             _parcel("0201K", "", 2.5e5, 2.4e5, _square(X0 + 3500, Y0 + 500, 500))]
    dirty = clean + [
        _parcel("0799", "201", 1.0e4, 1.0e4, _square(X0 + 2000, Y0 + 2000, 100)),     # Q02 (and TBMJ right)
        _parcel("0702", "206", 1.0e4, 1.0e4, _square(X0 + 2200, Y0 + 2200, 100)),     # Q03
        _parcel("0701", "201", 1.0e4, 1.0e4, _square(X0 + 1400, Y0 + 1400, 100)),     # Q04 with the first
        _parcel("0103", "", 2.0e4, 1.0e4, _square(X0 + 2500, Y0 + 200, 100)),         # Q06: 2 × its area
        _parcel("0103", "", 1.0e4, 1.2e4, _square(X0 + 2700, Y0 + 200, 100)),         # Q07
    ]
    results = {}
    for name, parcels in (("clean", clean), ("dirty", dirty)):
        path = _gdb(tmp_path / f"{name}.gdb", parcels, TOWNSHIPS[:1] if name == "clean" else TOWNSHIPS)
        results[name] = processing.run("cq_urban:check_delivery", {"DELIVERY": str(path),
                                                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    assert results["clean"]["ISSUES"] == 0 and results["clean"]["OUTPUT"].featureCount() == 0
    dirty = results["dirty"]
    issues = [(f["rule"], f["value"]) for f in dirty["OUTPUT"].getFeatures()]
    assert {rule for rule, _ in issues} == {"Q02", "Q03", "Q04", "Q05", "Q06", "Q07"}, issues
    assert ("Q02", "0799") in issues and ("Q03", "206") in issues and ("Q07", "12000.0") in issues
    assert [dirty[r] for r in ("Q01", "Q02", "Q03", "Q04", "Q05", "Q06", "Q07")] == [0, 1, 1, 1, 1, 1, 1]
    gap = next(f for f in dirty["OUTPUT"].getFeatures() if f["rule"] == "Q05")
    assert gap.geometry().area() == pytest.approx(100 * 100, rel=0.05)  # the hole (drawn with a 0.5 m rim)
    overlap = next(f for f in dirty["OUTPUT"].getFeatures() if f["rule"] == "Q04")
    assert overlap.geometry().area() == pytest.approx(100 * 100) and "twice" in overlap["message"]
    assert all(f["fix"] for f in dirty["OUTPUT"].getFeatures())


def test_a_missing_standard_field_is_said(tmp_path, qgis_processing, cq_provider):
    import processing

    parcels = [([("DLBM", "0701"), ("TBMJ", 1.0e6), ("ZLDWDM", "500116001001"), ("DLMC", "住宅")],
                _square(X0, Y0, 1000))]
    path = _gdb(tmp_path / "thin.gdb", parcels, TOWNSHIPS[:1])
    result = processing.run("cq_urban:check_delivery", {"DELIVERY": str(path), "OUTPUT": "TEMPORARY_OUTPUT"})
    missing = sorted(f["value"] for f in result["OUTPUT"].getFeatures() if f["rule"] == "Q01")
    assert missing == ["CZCSXM"] and result["Q01"] == 1
