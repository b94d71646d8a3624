"""Facility coverage (cq_urban:check_facility_coverage, core.checks.facility_coverage): hand-built
layers with answers worked out here, agreement with QGIS's native buffer + intersection chain,
the bus-stop preset against cq_urban:check_coverage on the 巫溪 sample, qgis_process, bad input.
Real QGIS throughout."""
import json
import math
import random
from pathlib import Path

import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
from test_coverage import X0, Y0, layer_of, rect, save

from cq_urban_plugin.core.checks import facility_coverage as fc
from cq_urban_plugin.core.errors import PlanInputError
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

ALG = "cq_urban:check_facility_coverage"
SAMPLES = Path(__file__).resolve().parents[1] / "layers"


@pytest.fixture
def provider(cq_provider):
    return cq_provider


def run(parameters):
    import processing

    defaults = {"SERVICE_AREA": "memory:", "UNCOVERED": "memory:", "TABLE": "memory:", "CATALOGUE": "wuxi"}
    return processing.run(ALG, {**defaults, **parameters})


def polygon_disc(radius):
    """The area of a buffer's round part: a regular 64-gon (16 segments per quarter circle)."""
    return 32 * radius * radius * math.sin(2 * math.pi / 64)


def park_and_served():
    park = layer_of("Polygon", [rect(X0, Y0, 100, 100)], name="park")
    served = layer_of("Polygon", [rect(X0 - 1000, Y0 - 1000, 2100, 2100)], name="served")
    return park, served


def test_a_square_park_is_reached_from_its_boundary(provider):
    park, served = park_and_served()
    result = run({"FACILITIES": park, "SERVED_AREA": served, "PRESET": "park_square_5min", "DISTANCE": 300,
                  "DENOMINATOR": 1})
    covered = 100 * 100 + 4 * 100 * 300 + polygon_disc(300)  # the park, four strips, four rounded corners
    assert result["COVERED_KM2"] == pytest.approx(covered / 1e6, rel=1e-6)
    assert result["MEASURED"] == pytest.approx(100 * covered / 2100 ** 2, rel=1e-6)
    # a served strip beside the park, as high as the park: 300 of its 1,000 m are covered
    strip = layer_of("Polygon", [rect(X0 + 100, Y0, 1000, 100)], name="strip")
    beside = run({"FACILITIES": park, "SERVED_AREA": strip, "PRESET": "park_square_5min", "DISTANCE": 300,
                  "DENOMINATOR": 1})
    assert beside["MEASURED"] == pytest.approx(30.0, rel=1e-9)


def test_entrances_replace_the_boundary(provider):
    park, _ = park_and_served()
    strip = layer_of("Polygon", [rect(X0 + 100, Y0 - 1000, 2000, 2100)], name="east")
    gate = layer_of("Point", [QgsGeometry.fromPointXY(QgsPointXY(X0 + 100, Y0 + 50))], name="gate")
    result = run({"FACILITIES": park, "SERVED_AREA": strip, "ENTRANCES": gate, "DISTANCE": 300,
                  "PRESET": "park_square_5min", "DENOMINATOR": 1})
    assert result["COVERED_KM2"] == pytest.approx(polygon_disc(300) / 2 / 1e6, rel=1e-6)  # half the gate's disc


def test_minutes_become_metres_with_the_speed_in_the_report(provider, tmp_path):
    park, served = park_and_served()
    report = tmp_path / "minutes.html"
    by_time = run({"FACILITIES": park, "SERVED_AREA": served, "PRESET": "park_square_5min", "MINUTES": 5,
                   "WALK_SPEED": 1.2, "DENOMINATOR": 1, "REPORT": str(report)})
    by_metres = run({"FACILITIES": park, "SERVED_AREA": served, "PRESET": "park_square_5min", "DISTANCE": 360,
                     "DENOMINATOR": 1})
    assert by_time["MEASURED"] == pytest.approx(by_metres["MEASURED"], rel=1e-12)
    text = report.read_text(encoding="utf-8")
    assert "5 minutes × 60 s × 1.2 m/s = 360 m" in text and "公园绿地广场步行5分钟覆盖率" in text
    assert "000_5c0b1797e2e1b3c4.txt l.351" in text
    # the other reading: the standard's round 300 m; and the default speed, 1.0 m/s, gives the same
    rounded = run({"FACILITIES": park, "SERVED_AREA": served, "PRESET": "park_square_5min", "TIME_READING": 1,
                   "DENOMINATOR": 1})
    default = run({"FACILITIES": park, "SERVED_AREA": served, "PRESET": "park_square_5min", "DENOMINATOR": 1})
    covered = (100 * 100 + 4 * 100 * 300 + polygon_disc(300)) / 1e6
    assert rounded["COVERED_KM2"] == pytest.approx(covered, rel=1e-6)
    assert default["COVERED_KM2"] == pytest.approx(covered, rel=1e-6)
    assert fc.threshold(fc.preset("life_middle_15min"), time_reading=fc.TimeReading.ROUND)[0] == 800.0
    assert fc.threshold(fc.preset("life_primary_10min"))[0] == 600.0


def test_the_two_readings_of_the_access_width(provider, tmp_path):
    road = layer_of("LineString", [QgsGeometry.fromPolylineXY([QgsPointXY(X0 - 2000, Y0), QgsPointXY(X0 + 2000, Y0)])],
                    name="road")
    clinic = layer_of("Point", [QgsGeometry.fromPointXY(QgsPointXY(X0, Y0))], name="clinic")
    served = layer_of("Polygon", [rect(X0 - 3000, Y0 - 3000, 6000, 6000)], name="served")
    common = {"FACILITIES": clinic, "SERVED_AREA": served, "ROADS": road, "DISTANCE_METHOD": 1, "DISTANCE": 500,
              "ACCESS_WIDTH": 50, "PRESET": "life_clinic_15min", "DENOMINATOR": 1}
    report = tmp_path / "on_top.html"
    on_top = run({**common, "ACCESS_READING": 0, "REPORT": str(report)})
    within = run({**common, "ACCESS_READING": 1})
    assert on_top["COVERED_KM2"] == pytest.approx((1000 * 100 + polygon_disc(50)) / 1e6, rel=1e-6)
    assert within["COVERED_KM2"] == pytest.approx((900 * 100 + polygon_disc(50)) / 1e6, rel=1e-6)
    assert "added on top of the threshold" in report.read_text(encoding="utf-8")


def test_park_radius_by_size(provider):
    parks = layer_of("Polygon", [rect(X0, Y0, 100, 60), rect(X0 + 5000, Y0, 60, 50), rect(X0 + 9000, Y0, 30, 30)],
                     name="parks")  # 6,000 m² → 500 m; 3,000 m² → 300 m; 900 m² → not counted
    served = layer_of("Polygon", [rect(X0 - 2000, Y0 - 2000, 14000, 4000)], name="served")
    result = run({"FACILITIES": parks, "SERVED_AREA": served, "PRESET": "park_service_radius", "DENOMINATOR": 1})
    covered = (6000 + 2 * (100 + 60) * 500 + polygon_disc(500)) + (3000 + 2 * (60 + 50) * 300 + polygon_disc(300))
    assert result["COVERED_KM2"] == pytest.approx(covered / 1e6, rel=1e-6)
    assert result["FACILITIES"] == 2


def test_residential_land_is_the_denominator(provider):
    park, _ = park_and_served()
    landuse = layer_of("Polygon", [rect(X0 + 100, Y0, 1000, 100), rect(X0 - 1100, Y0, 1000, 100)],
                       fields=[("DLBM", str)], rows=[["0701"], ["0601"]], name="landuse")
    result = run({"FACILITIES": park, "SERVED_AREA": landuse, "PRESET": "park_square_5min", "DISTANCE": 300,
                  "LANDUSE_FIELD": "DLBM"})
    assert result["SERVED_KM2"] == pytest.approx(0.1, rel=1e-9) and result["MEASURED"] == pytest.approx(30.0)


def test_agrees_with_the_native_chain(provider):
    import processing

    rng = random.Random(11)
    parks = layer_of("Polygon", [rect(X0 + rng.uniform(0, 5000), Y0 + rng.uniform(0, 5000), rng.uniform(20, 300),
                                      rng.uniform(20, 300)) for _ in range(25)], name="parks")
    served = layer_of("Polygon", [rect(X0 + rng.uniform(-300, 5000), Y0 + rng.uniform(-300, 5000),
                                       rng.uniform(100, 900), rng.uniform(100, 900)) for _ in range(60)],
                      name="served")
    result = run({"FACILITIES": parks, "SERVED_AREA": served, "PRESET": "park_square_5min", "DISTANCE": 300,
                  "DENOMINATOR": 1})
    buffered = processing.run("native:buffer", {"INPUT": parks, "DISTANCE": 300, "SEGMENTS": 16, "DISSOLVE": True,
                                                "OUTPUT": "memory:"})["OUTPUT"]
    dissolved = processing.run("native:dissolve", {"INPUT": served, "OUTPUT": "memory:"})["OUTPUT"]
    covered = processing.run("native:intersection", {"INPUT": dissolved, "OVERLAY": buffered,
                                                     "OUTPUT": "memory:"})["OUTPUT"]
    expected = 100 * sum(f.geometry().area() for f in covered.getFeatures()) / sum(
        f.geometry().area() for f in dissolved.getFeatures())
    assert result["MEASURED"] == pytest.approx(expected, rel=1e-3)


def test_the_bus_stop_preset_is_check_coverage_on_the_wuxi_sample(provider):
    import processing

    gpkg = str(SAMPLES / "wuxi.gpkg")
    stops, builtup, towns = (f"{gpkg}|layername={n}" for n in ("bus_stops", "builtup", "townships"))
    common = {"SERVED_AREA": builtup, "TOWNSHIPS": towns, "TOWNSHIP_NAME_FIELD": "name", "CATALOGUE": "wuxi",
              "TABLE": "memory:"}
    old = processing.run("cq_urban:check_coverage", {**common, "STOPS": stops})
    new = run({**common, "FACILITIES": stops, "PRESET": "bus_stop_500m"})
    for key in ("MEASURED", "TARGET", "GAP", "PASSED", "SERVED_KM2", "COVERED_KM2"):
        assert new[key] == pytest.approx(old[key], rel=1e-12), key
    assert new["FACILITIES"] == old["STOPS"] and new["TARGET"] == 90.0
    rows = {f["township"]: f["cover_km2"] for f in old["TABLE"].getFeatures()}
    assert rows == pytest.approx({f["township"]: f["cover_km2"] for f in new["TABLE"].getFeatures()}, rel=1e-12)


def test_isolated_pieces_of_network_are_reported(provider):
    main = QgsGeometry.fromPolylineXY([QgsPointXY(X0 - 2000, Y0), QgsPointXY(X0 + 2000, Y0)])
    platform = QgsGeometry.fromPolylineXY([QgsPointXY(X0 + 100, Y0 + 20), QgsPointXY(X0 + 160, Y0 + 20)])
    roads = layer_of("LineString", [main, platform], name="osm_roads")
    stops = layer_of("Point", [QgsGeometry.fromPointXY(QgsPointXY(X0 + 130, Y0 + 25))], name="stops")
    served = layer_of("Polygon", [rect(X0 - 3000, Y0 + 30, 6000, 600)], name="blocks")
    result = fc.check_facility_coverage(stops, served, preset=fc.BUS_STOP, roads=roads,
                                        distance_method=fc.Distance.NETWORK)
    assert any("short pieces of network" in note for note in result.notes), result.notes
    # the stop stands on the street, 5 m outside the block: no "outside the served area" alarm
    assert not any("outside the served area" in note for note in result.notes)


def test_bad_input_names_the_layer_and_the_fix(provider):
    _, served = park_and_served()
    lines = layer_of("LineString", [QgsGeometry.fromPolylineXY([QgsPointXY(X0, Y0), QgsPointXY(X0 + 9, Y0)])],
                     name="greenway_lines")
    with pytest.raises(QgsProcessingException, match="greenway_lines.*points or polygons"):
        run({"FACILITIES": lines, "SERVED_AREA": served})
    with pytest.raises(PlanInputError, match="greenway_lines") as raised:
        fc.check_facility_coverage(lines, served)
    assert "Points along geometry" in raised.value.fix
    far = layer_of("Polygon", [rect(X0 + 90000, Y0 + 90000, 50, 50)], name="far_parks")
    with pytest.raises(QgsProcessingException, match="far_parks.*served.*do not overlap"):
        run({"FACILITIES": far, "SERVED_AREA": served, "PRESET": "park_square_5min", "DENOMINATOR": 1})
    points = layer_of("Point", [QgsGeometry.fromPointXY(QgsPointXY(X0, Y0))], name="park_points")
    with pytest.raises(QgsProcessingException, match="park_points.*polygons"):
        run({"FACILITIES": points, "SERVED_AREA": served, "PRESET": "park_service_radius"})


def test_the_catalogue_target_gives_what_the_options_leave_open(provider):
    park, served = park_and_served()
    result = fc.check_facility_coverage(park, served, preset=fc.PARK_5MIN, walk_speed=1.2,
                                        catalogue=lambda: bundled_catalogue("jiangjin"))
    assert result.verdict.target == 90.0 and "000_5c0b1797e2e1b3c4.txt l.351" in result.method
    target = result.verdict
    assert target.label == "城区公园绿地广场步行5分钟覆盖率" and "001_c0dc96b9baef37ce.txt:1389" in target.citation
    assert "The threshold is the catalogue target's (park_walk_5min_2025)" in result.method


def test_every_preset_cites_its_source():
    for preset in fc.presets().values():
        assert preset.source and preset.label
    assert "GB 50180-2018" in fc.preset("life_elderly_5min").source
    assert "GB/T 50563-2010" in fc.preset("park_service_radius").source


def test_qgis_process_json(installed_plugin, qgis_processing, tmp_path):
    park, served = park_and_served()
    parks = save(park, tmp_path / "parks.gpkg")
    blocks = save(served, tmp_path / "served.gpkg")
    report = tmp_path / "parks.html"
    result = installed_plugin("run", ALG, "--json", "--", f"FACILITIES={parks}", f"SERVED_AREA={blocks}",
                              "PRESET=park_square_5min", "DENOMINATOR=1", "CATALOGUE=jiangjin", f"REPORT={report}",
                              f"UNCOVERED={tmp_path / 'uncovered.gpkg'}")
    values = json.loads(result.stdout[result.stdout.index("{"):])["results"]
    covered = 100 * 100 + 4 * 100 * 300 + polygon_disc(300)
    assert values["MEASURED"] == pytest.approx(100 * covered / 2100 ** 2, rel=1e-6)
    assert values["TARGET"] == 90.0
    # 江津's target (park_walk_5min_2025): its catalogue's reading of the 5 minutes, and the report says so
    text = report.read_text(encoding="utf-8")
    assert "Threshold: " in text and "park_walk_5min_2025" in text
    assert QgsVectorLayer(str(tmp_path / "uncovered.gpkg"), "u", "ogr").featureCount() >= 1


def test_jiangjin_parks_on_the_sample_agree_with_the_native_chain(provider):
    """江津 城区公园绿地广场步行5分钟覆盖率 90 % (000 l.351) on the bundled synthetic parks: the 城区 patches
    within 300 m of a park or square, against native buffer + intersection in the same zone."""
    import processing

    gpkg = SAMPLES / "jiangjin.gpkg"
    parks = QgsVectorLayer(f"{gpkg}|layername=parks", "parks", "ogr")
    city = QgsVectorLayer(f"{gpkg}|layername=builtup|subset=\"area_type\" = '城区'", "城区", "ogr")
    assert parks.featureCount() > 100 and all("synthetic" in f["provenance"] for f in parks.getFeatures())
    result = fc.check_facility_coverage(parks, city, preset=fc.PARK_5MIN, catalogue=lambda: bundled_catalogue(
        "jiangjin"), with_service=False)
    assert result.verdict.target == 90.0 and result.verdict.passed is False

    def native(layer):
        return processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": "EPSG:4544",
                                                        "OUTPUT": "memory:"})["OUTPUT"]

    buffered = processing.run("native:buffer", {"INPUT": native(parks), "DISTANCE": 300, "SEGMENTS": 16,
                                                "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
    served = processing.run("native:dissolve", {"INPUT": native(city), "OUTPUT": "memory:"})["OUTPUT"]
    covered = processing.run("native:intersection", {"INPUT": served, "OVERLAY": buffered,
                                                     "OUTPUT": "memory:"})["OUTPUT"]
    expected = 100 * sum(f.geometry().area() for f in covered.getFeatures()) / sum(
        f.geometry().area() for f in served.getFeatures())
    assert result.verdict.measured == pytest.approx(expected, rel=1e-3)


def test_the_life_circle_as_a_whole_and_per_type(provider):
    here = QgsGeometry.fromPointXY(QgsPointXY(X0, Y0))
    there = QgsGeometry.fromPointXY(QgsPointXY(X0 + 5000, Y0))
    facilities = layer_of("Point", [here, here, there], fields=[("kind", str)], rows=[["小学"], ["中学"], ["便利店"]],
                          name="services")
    served = layer_of("Polygon", [rect(X0 - 3000, Y0 - 3000, 6000, 6000)], name="served")
    result = run({"FACILITIES": facilities, "SERVED_AREA": served, "PRESET": "life_circle_15min",
                  "TYPE_FIELD": "kind"})
    # 小学 10 min = 600 m, 中学 15 min = 900 m at 1.0 m/s: both reach the 600 m polygon around the two schools
    assert result["COVERED_KM2"] == pytest.approx(polygon_disc(600) / 1e6, rel=1e-6)
    rows = {f["township"]: f["cover_km2"] for f in result["TABLE"].getFeatures()}
    assert rows["中学 · Whole served area"] == pytest.approx(polygon_disc(900) / 1e6, rel=1e-6)
    assert rows["小学 · Whole served area"] == pytest.approx(polygon_disc(600) / 1e6, rel=1e-6)
    one = run({"FACILITIES": facilities, "SERVED_AREA": served, "PRESET": "life_middle_15min", "TYPE_FIELD": "kind",
               "TYPE_VALUE": "中学"})
    assert one["COVERED_KM2"] == pytest.approx(polygon_disc(900) / 1e6, rel=1e-6) and one["FACILITIES"] == 1
    with pytest.raises(PlanInputError, match="TYPE_FIELD"):
        fc.check_facility_coverage(facilities, served, preset=fc.LIFE_CIRCLE_ALL)


def test_a_park_along_the_network_is_reached_from_its_boundary(provider):
    """A 100 m square park with a road 10 m south of it: the road is met along the park's whole south
    side (x from 0 to 100 m), so 300 m of walking reach x from −300 to 400 m; that stretch widened by
    50 m, with the park's own ground (40 m of it already under the widened road)."""
    park = layer_of("Polygon", [rect(X0, Y0, 100, 100)], name="park")
    road = layer_of("LineString", [QgsGeometry.fromPolylineXY([QgsPointXY(X0 - 2000, Y0 - 10),
                                                              QgsPointXY(X0 + 2000, Y0 - 10)])], name="road")
    served = layer_of("Polygon", [rect(X0 - 3000, Y0 - 3000, 6000, 6000)], name="served")
    result = run({"FACILITIES": park, "SERVED_AREA": served, "ROADS": road, "DISTANCE_METHOD": 1, "DISTANCE": 300,
                  "PRESET": "park_square_5min", "DENOMINATOR": 1})
    covered = 700 * 100 + polygon_disc(50) + 100 * 100 - 100 * 40
    assert result["COVERED_KM2"] == pytest.approx(covered / 1e6, rel=1e-6)
