"""Every check has one core entry point, callable from a script or a test without
Processing (issue #13): ``core.checks.coverage.check_coverage`` and
``core.checks.builtup.check_builtup`` (with its measuring step ``measure_builtup``), run here on the bundled
sample data
(layers/) as plain vector layers, give the very figures of the Processing
algorithms over them. Real QGIS, no mocks."""
import pytest
from conftest import REPO
from qgis.core import QgsRasterLayer, QgsVectorLayer

from cq_urban_plugin import definitions
from cq_urban_plugin.core.checks.coverage import Distance, Measure, check_coverage
from cq_urban_plugin.core.checks.result import CheckResult
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue, load_catalogue

LAYERS = REPO / "layers"
COVERAGE_EXTRAS = ("AREA_PERCENT", "POPULATION_PERCENT", "SERVED_KM2", "COVERED_KM2", "STOPS", "DUPLICATE_STOPS")


def sample(key, name):
    layer = QgsVectorLayer(f"{LAYERS / key}.gpkg|layername={name}", name, "ogr")
    assert layer.isValid(), f"{key}.gpkg has no layer {name}"
    return layer


def source(key, name):
    return f"{LAYERS / key}.gpkg|layername={name}"


def as_layer(output):
    """An output as processing.run gives it: a layer, or a file path."""
    return QgsVectorLayer(output, "output", "ogr") if isinstance(output, str) else output


def table(output):
    return [f.attributes() for f in as_layer(output).getFeatures()]


def same(value, expected):
    if isinstance(expected, float) and value is not None:
        return value == pytest.approx(expected, rel=1e-9, abs=1e-12)
    return value == expected


def run_coverage(parameters):
    import processing

    return processing.run(definitions.algorithm_id(definitions.CHECK_COVERAGE),
                          {"SERVICE_AREA": "memory:", "UNCOVERED": "memory:", "TABLE": "memory:", **parameters})


CASES = {
    "straight line, by area": ({}, {}),
    "along the roads": ({"DISTANCE": 1, "ROADS": "roads"}, {"distance": Distance.NETWORK, "roads": "roads"}),
    "by population (raster)": ({"MEASURE": 1, "POPULATION_RASTER": "raster"},
                               {"measure": Measure.POPULATION, "population_raster": "raster"}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_check_coverage_gives_the_algorithm_s_figures(cq_provider, case):
    algorithm_extra, call_extra = CASES[case]
    raster_path = str(LAYERS / "wuxi_population.tif")
    by_name = {"roads": (source("wuxi", "roads"), sample("wuxi", "roads")),
               "raster": (raster_path, QgsRasterLayer(raster_path, "wuxi_population"))}
    processing_result = run_coverage({
        "STOPS": source("wuxi", "bus_stops"), "SERVED_AREA": source("wuxi", "builtup"),
        "TOWNSHIPS": source("wuxi", "townships"), "TOWNSHIP_NAME_FIELD": "name", "CATALOGUE": "wuxi",
        **{key: by_name[value][0] if value in by_name else value for key, value in algorithm_extra.items()}})

    result = check_coverage(
        sample("wuxi", "bus_stops"), sample("wuxi", "builtup"), sample("wuxi", "townships"), name_field="name",
        catalogue=bundled_catalogue("wuxi"),
        **{key: by_name[value][1] if value in by_name else value for key, value in call_extra.items()})

    assert isinstance(result, CheckResult) and result.check == definitions.CHECK_COVERAGE
    outputs = result.outputs()
    assert set(outputs) == set(definitions.RESULT_KEYS) | set(COVERAGE_EXTRAS)
    for key in outputs:
        assert same(outputs[key], processing_result[key]), (key, outputs[key], processing_result[key])
    assert result.verdict.target == 90 and result.verdict.comparison == ">="  # 巫溪 90% by 2025 (wx l.39)
    assert 0 < result.verdict.measured < 100 and outputs[definitions.UNIT] == "percent"

    # the table: a row per township, then the whole served area, as the algorithm writes it
    rows = result.detail.rows
    assert [row.township for row in result.townships] == [row.township for row in rows[:-1]]
    assert len(result.townships) >= 2 and rows[-1].township == "Whole served area"
    written = table(processing_result["TABLE"])
    assert len(written) == len(rows)
    for mine, theirs in zip(rows, written):
        assert all(same(a, b) for a, b in zip(mine, theirs)), (mine, theirs)
    assert rows[-1].measured == pytest.approx(result.verdict.measured)

    # the geometries the sinks are written from
    uncovered = sum(f.geometry().area() for f in as_layer(processing_result["UNCOVERED"]).getFeatures()) / 1e6
    assert sum(z.uncovered.area() for z in result.detail.zones if not z.uncovered.isEmpty()) / 1e6 == \
        pytest.approx(uncovered, rel=1e-9)
    assert result.inputs[:2] == ["bus_stops", "builtup"] and result.method
    assert any("reprojected from EPSG:4490" in note for note in result.notes)


def test_check_coverage_honours_a_cap_and_needs_no_target(qgis_app, tmp_path):
    """The verdict comes from the target's comparison: under a cap (<=) of 90 % the same coverage
    is met that misses the floor; with no catalogue and no value there is no verdict."""
    text = (REPO / "cq_urban_plugin" / "catalogues" / "wuxi.yaml").read_text(encoding="utf-8")
    floor_target = "    value: 90\n    unit: percent\n    comparison: \">=\"\n"
    assert floor_target in text
    capped = tmp_path / "wuxi_capped.yaml"
    capped.write_text(text.replace(floor_target, floor_target.replace(">=", "<=")), encoding="utf-8")
    layers = (sample("wuxi", "bus_stops"), sample("wuxi", "builtup"), sample("wuxi", "townships"))

    floor = check_coverage(*layers, name_field="name", catalogue=bundled_catalogue("wuxi"))
    cap = check_coverage(*layers, name_field="name", catalogue=lambda: load_catalogue(capped),
                         target_id="bus_stop_500m_2025")
    untargeted = check_coverage(*layers, name_field="name")
    assert floor.verdict.measured == pytest.approx(cap.verdict.measured) and floor.verdict.measured < 90
    assert floor.verdict.passed is False and cap.verdict.passed is True
    assert floor.detail.rows[-1].passed == "no" and cap.detail.rows[-1].passed == "yes"
    assert untargeted.verdict.target is None and untargeted.verdict.passed is None
    assert untargeted.outputs()[definitions.GAP] is None


def test_measure_builtup_gives_the_algorithm_s_figures(cq_provider):
    import processing

    from cq_urban_plugin.core.checks.builtup import measure_builtup

    processing_result = processing.run(definitions.algorithm_id(definitions.CHECK_BUILTUP), {
        "BUILTUP": source("jiangjin", "builtup"), "TOWNSHIPS": source("jiangjin", "townships"),
        "TOWNSHIP_NAME_FIELD": "name", "OUTPUT": "memory:", "TABLE": "memory:"})
    measurement = measure_builtup(sample("jiangjin", "builtup"), sample("jiangjin", "townships"),
                                  builtup_label="builtup", townships_label="townships", name_field="name")

    assert measurement.total_km2 == pytest.approx(processing_result["MEASURED"], rel=1e-9)
    assert 0 < measurement.total_km2 and measurement.projection.crs.authid() == "EPSG:4544"
    written_table = as_layer(processing_result["TABLE"])
    written = {f["name"]: f for f in written_table.getFeatures() if f["level"] == "township"}
    assert len(measurement.townships) == len(written) > 2
    for row in measurement.townships:
        assert row.builtup_km2 == pytest.approx(written[row.name]["bu_km2"], rel=1e-9, abs=1e-12)
        assert row.township_km2 == pytest.approx(written[row.name]["twp_km2"], rel=1e-9)
    outside = next(f for f in written_table.getFeatures() if f["level"] == "outside")
    assert measurement.outside_km2 == pytest.approx(outside["bu_km2"], rel=1e-9, abs=1e-12)
    assert measurement.inputs[0].startswith("builtup: EPSG:4490, ")

    alone = measure_builtup(sample("jiangjin", "builtup"))  # no township layer: the whole layer dissolved
    assert alone.townships == [] and alone.total_km2 > 0


def test_check_builtup_gives_the_algorithm_s_figures(cq_provider):
    """The entry point chooses the target and its scope (开州 builtup_2025: 第一级, by township name) as the
    algorithm does, and gives its declared results, rows and notes."""
    import processing

    from cq_urban_plugin.core.checks.builtup import TownshipBuiltup, check_builtup

    processing_result = processing.run(definitions.algorithm_id(definitions.CHECK_BUILTUP), {
        "BUILTUP": source("kaizhou", "builtup"), "TOWNSHIPS": source("kaizhou", "townships"),
        "CATALOGUE": "kaizhou", "TARGET_ID": "builtup_2025", "OUTPUT": "memory:", "TABLE": "memory:"})
    result = check_builtup(sample("kaizhou", "builtup"), sample("kaizhou", "townships"),
                           catalogue=lambda: bundled_catalogue("kaizhou"), target_id="builtup_2025")

    assert isinstance(result, CheckResult) and result.check == definitions.CHECK_BUILTUP
    outputs = result.outputs()
    assert set(outputs) == set(definitions.RESULT_KEYS) | {"GEOMETRIC_KM2", "RECORDED_KM2"}
    for key in outputs:
        assert same(outputs[key], processing_result[key]), (key, outputs[key], processing_result[key])
    assert outputs["GEOMETRIC_KM2"] == outputs[definitions.MEASURED] and outputs["RECORDED_KM2"] is None
    assert outputs[definitions.UNIT] == "km2" and result.verdict.target == 60.0  # 开州 城区 60 km² (003 l.135)
    assert result.verdict.passed is (result.verdict.measured >= 60.0)
    in_scope = [row for row in result.townships if row.in_scope]
    assert 0 < len(in_scope) < len(result.townships) and all(isinstance(r, TownshipBuiltup) for r in in_scope)
    assert sum(r.builtup_km2 for r in in_scope) == pytest.approx(result.verdict.measured, rel=1e-9)
    written = {f["name"]: f for f in as_layer(processing_result["TABLE"]).getFeatures() if f["level"] == "township"}
    for row in result.townships:
        assert same(row.builtup_km2, written[row.name]["bu_km2"]) and written[row.name]["in_scope"] == row.in_scope
    assert result.detail.scope_label == result.verdict.scope != "jurisdiction"
    assert result.method and result.inputs[0].startswith("builtup: ")

    typed = check_builtup(sample("kaizhou", "builtup"), target_value=1000.0)  # no catalogue read, no township layer
    assert typed.verdict.target == 1000.0 and typed.verdict.passed is False and typed.townships == []
