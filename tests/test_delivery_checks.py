"""A delivery as it comes runs through the checks with nothing but its path and the catalogue (issue #17,
done-when): tagging, the built-up check, the control-line check and the whole-plan check, as a batch
user runs them through qgis_process, give the figures of the tidy layers the delivery was built from —
a File Geodatabase with Chinese aliases, and GBK Shapefiles with neither .prj nor .cpg in the
zone-prefixed Gauss-Krüger CRS; every explicit layer parameter wins over the delivery's choice."""
import json

import deliveries
import pytest
from deliveries import delivery_of_jiangjin, tidy
from qgis.core import QgsVectorLayer


def rows(path, key, skip=("fid", "cq_fid", "OBJECTID", "Shape_Length", "Shape_Area")):  # keys, a .gdb's own
    layer = QgsVectorLayer(str(path), "result", "ogr")
    assert layer.isValid(), path
    names = [n for n in layer.fields().names() if n not in skip]
    return {f[key]: {n: plain(f[n]) for n in names} for f in layer.getFeatures()}


def same(a, b):
    """Equal; numbers to 1e-6, or 1e-5 (km²: 10 m²; percent) for differences of near figures: a File
    Geodatabase stores coordinates on its own grid."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, (int, float)) and not isinstance(b, bool):
        return b == pytest.approx(a, rel=1e-6, abs=1e-5)
    return a == b


def plain(value):
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("deliveries")
    for name in ("gdb", "shp", "tidy"):
        (root / name).mkdir()
    return {"OpenFileGDB": delivery_of_jiangjin(root / "gdb", "OpenFileGDB"),
            "ESRI Shapefile": delivery_of_jiangjin(root / "shp", "ESRI Shapefile"), "tidy": tidy(root / "tidy")}


def run(installed_plugin, algorithm, *arguments):
    result = installed_plugin("run", f"cq_urban:{algorithm}", "--json", "--", *arguments)
    return json.loads(result.stdout[result.stdout.index("{"):])


DRIVERS = ["OpenFileGDB", "ESRI Shapefile"]


@pytest.mark.parametrize("driver", DRIVERS)
def test_tagging_reads_the_delivery_s_xzq(driver, built, installed_plugin, tmp_path):
    out = {name: tmp_path / f"{name}.gpkg" for name in ("d", "dr", "t", "tr")}
    by_delivery = run(installed_plugin, "tag_townships", f"DELIVERY={built[driver]}", "CATALOGUE=jiangjin",
                      f"OUTPUT={out['d']}", f"MATCH_REPORT={out['dr']}")
    by_layers = run(installed_plugin, "tag_townships", f"INPUT={built['tidy']['TOWNSHIPS']}", "NAME_FIELD=XZQMC",
                    "CATALOGUE=jiangjin", f"OUTPUT={out['t']}", f"MATCH_REPORT={out['tr']}")
    counts = ("MATCHED", "UNMATCHED", "AMBIGUOUS", "MISSING")
    assert [by_delivery["results"][k] for k in counts] == [by_layers["results"][k] for k in counts]
    assert by_delivery["results"]["MATCHED"] == 2
    tagged, tidy_tagged = rows(out["d"], "XZQMC"), rows(out["t"], "XZQMC")
    assert same(tagged, tidy_tagged) and tagged["几江街道"]["plan_name"] == "几江街道"


@pytest.mark.parametrize("driver", DRIVERS)
def test_the_builtup_check_reads_dltb_and_xzq(driver, built, installed_plugin, tmp_path):
    outputs, layers = {}, built["tidy"]
    for name, inputs in (("delivery", [f"DELIVERY={built[driver]}"]),
                         ("layers", [f"LANDUSE={layers['LANDUSE']}", f"TOWNSHIPS={layers['TOWNSHIPS']}",
                                     "AREA_FIELD=TBMJ"])):  # a delivery's DLTB reports its recorded area itself
        outputs[name] = run(installed_plugin, "check_builtup", *inputs, "CATALOGUE=jiangjin",
                            "TARGET_ID=builtup_2025", f"OUTPUT={tmp_path / name}_out.gpkg",
                            f"TABLE={tmp_path / name}_table.gpkg", f"REPORT={tmp_path / name}.html")["results"]
    keys = ("MEASURED", "TARGET", "GAP", "PASSED", "GEOMETRIC_KM2", "RECORDED_KM2")
    assert same([outputs["delivery"][k] for k in keys], [outputs["layers"][k] for k in keys])
    assert outputs["delivery"]["MEASURED"] == pytest.approx(deliveries.BUILTUP_KM2, rel=1e-3)
    assert outputs["delivery"]["RECORDED_KM2"] == pytest.approx(deliveries.RECORDED_KM2, rel=1e-9)
    table = {name: rows(tmp_path / f"{name}_table.gpkg", "name") for name in ("delivery", "layers")}
    assert same(table["delivery"], table["layers"])
    assert table["delivery"]["几江街道"]["bu_km2"] == pytest.approx(1.0, rel=1e-3)
    report = (tmp_path / "delivery.html").read_text(encoding="utf-8")
    assert "DLTB" in report and "from the delivery" in report and "XZQ" in report and "Recorded (TBMJ)" in report
    if driver == "ESRI Shapefile":
        assert "zone number 35" in report  # the CRS its X proves, said


@pytest.mark.parametrize("driver", DRIVERS)
def test_the_control_line_check_reads_the_three_lines_and_the_builtup_parcels(driver, built, installed_plugin,
                                                                             tmp_path):
    layers = built["tidy"]
    outputs = {}
    for name, inputs in (("delivery", [f"DELIVERY={built[driver]}"]),
                         ("layers", [f"{k}={layers[k]}" for k in ("TOWNSHIPS", "ECOLOGY", "FARMLAND", "DEVELOPMENT",
                                                                  "BUILTUP")] + ["TOWNSHIP_NAME_FIELD=XZQMC"])):
        outputs[name] = run(installed_plugin, "check_control_lines", *inputs, f"OUTPUT={tmp_path / name}.gpkg",
                            f"OVERLAPS={tmp_path / name}_ov.gpkg", f"BUILTUP_OUTSIDE={tmp_path / name}_bo.gpkg",
                            f"SUMMARY={tmp_path / name}_sum.gpkg", f"REPORT={tmp_path / name}.html")["results"]
    keys = ("MEASURED", "FLAGGED", "CHECKED", "TOWNSHIPS_COUNT", "OVERLAP_KM2", "BUILTUP_OUTSIDE_KM2")
    assert same([outputs["delivery"][k] for k in keys], [outputs["layers"][k] for k in keys])
    assert outputs["delivery"]["BUILTUP_OUTSIDE_KM2"] == pytest.approx(deliveries.OUTSIDE_KM2, rel=1e-3)
    towns = {name: rows(tmp_path / f"{name}.gpkg", "township") for name in ("delivery", "layers")}
    assert same(towns["delivery"], towns["layers"])
    for town, row in towns["delivery"].items():
        assert row["dev_km2"] == pytest.approx(deliveries.DEVELOPMENT_KM2[town], abs=1e-3)
        assert row["eco_km2"] == pytest.approx(deliveries.ECOLOGY_KM2[town], abs=1e-3)
        assert row["farm_km2"] == pytest.approx(deliveries.FARMLAND_KM2[town], abs=1e-3)
    report = (tmp_path / "delivery.html").read_text(encoding="utf-8")
    assert "城镇村属性码 is 201" in report and "STBHHX" in report and "YJJBNTTB" in report


@pytest.mark.parametrize("driver", DRIVERS)
def test_the_whole_plan_check_reads_the_delivery(driver, built, installed_plugin, tmp_path):
    layers = built["tidy"]
    summaries = {}
    for name, inputs in (("delivery", [f"DELIVERY={built[driver]}"]),
                         ("layers", [f"{k}={layers[k]}" for k in ("TOWNSHIPS", "LANDUSE", "ECOLOGY", "FARMLAND",
                                                                  "DEVELOPMENT")])):
        result = run(installed_plugin, "check_plan", *inputs, "CATALOGUE=jiangjin",
                     f"SUMMARY={tmp_path / name}.gpkg")["results"]
        summaries[name] = (result["MEASURED_COUNT"], result["MET_COUNT"],
                           {k: (v["measured"], v["verdict"]) for k, v in rows(tmp_path / f"{name}.gpkg",
                                                                              "target_id").items()})
    assert same(summaries["delivery"], summaries["layers"])
    measured = summaries["delivery"][2]
    assert measured["builtup_2025"][0] == pytest.approx(deliveries.BUILTUP_KM2, rel=1e-3)
    assert measured["builtup_city_2025"][0] == pytest.approx(deliveries.CITY_KM2, rel=1e-3)


def test_an_explicit_layer_wins_over_the_delivery(built, qgis_processing, cq_provider):
    """TOWNSHIPS given: the delivery's XZQ is not read (the log says so), its DLTB still is."""
    import processing
    from qgis.core import QgsProcessingFeedback

    class Said(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, info):  # noqa: N802 (QGIS's name)
            self.lines.append(info)

    from factory import memory_layer
    from qgis.core import QgsGeometry

    whole = memory_layer("Polygon", [("name", str)], [  # one unit over both of the delivery's townships
        (QgsGeometry.fromWkt(deliveries.square(deliveries.X0, deliveries.Y0, 6000)), ["江津区"])],
        crs="EPSG:4523", name="district")
    feedback = Said()
    result = processing.run("cq_urban:check_builtup", {
        "DELIVERY": str(built["OpenFileGDB"]), "TOWNSHIPS": whole, "TOWNSHIP_NAME_FIELD": "name",
        "OUTPUT": "memory:", "TABLE": "memory:"}, feedback=feedback)
    assert any("parameter TOWNSHIPS was given" in line and "XZQ" in line for line in feedback.lines), feedback.lines
    assert any("Parameter LANDUSE: DLTB from the delivery" in line for line in feedback.lines)
    assert result["MEASURED"] == pytest.approx(deliveries.BUILTUP_KM2, rel=1e-3)
    assert [f["name"] for f in result["TABLE"].getFeatures() if f["level"] == "township"] == ["江津区"]


def test_the_whole_plan_report_says_what_it_read(built, qgis_processing, cq_provider, tmp_path):
    import processing

    processing.run("cq_urban:check_plan", {"CATALOGUE": "jiangjin", "DELIVERY": str(built["ESRI Shapefile"]),
                                           "SUMMARY": "TEMPORARY_OUTPUT", "REPORT": str(tmp_path / "plan.html")})
    report = (tmp_path / "plan.html").read_text(encoding="utf-8")
    assert "Parameter LANDUSE: DLTB from the delivery" in report and "zone number 35" in report
    assert "read as GBK" in report
