"""The whole-plan check (issue 14, kind 6): every target of a catalogue the layers can measure, on the
bundled sample data, each row equal to the single check's result for the same target."""
import json
from pathlib import Path

import pytest
from qgis.core import QgsRasterLayer, QgsVectorLayer

from cq_urban_plugin.algorithms.check_plan import CheckPlanAlgorithm
from cq_urban_plugin.core.checks import land_share as ls
from cq_urban_plugin.core.checks import plan_check as pc
from cq_urban_plugin.core.checks.builtup import check_builtup
from cq_urban_plugin.core.checks.coverage import check_coverage
from cq_urban_plugin.core.checks.landuse import preset
from cq_urban_plugin.core.checks.population_places import PopulationInput, measure_population
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

LAYERS = Path(__file__).resolve().parents[1] / "layers"
ROLES = {"townships": "townships", "builtup": "builtup", "landuse": "landuse", "stops": "bus_stops",
         "roads": "roads", "ecology": "ecology_redline", "farmland": "farmland",
         "development": "development_boundary"}


def layer(jurisdiction, name):
    found = QgsVectorLayer(f"{LAYERS / jurisdiction}.gpkg|layername={name}", name, "ogr")
    assert found.isValid(), name
    return found


def population(jurisdiction):
    raster = QgsRasterLayer(str(LAYERS / f"{jurisdiction}_population.tif"), "population")
    assert raster.isValid()
    return raster


def sample(jurisdiction, *without, population_too=True):
    layers = {role: layer(jurisdiction, name) for role, name in ROLES.items() if role not in without}
    if population_too:
        layers["population"] = population(jurisdiction)
    return layers


def rows_by_id(result):
    return {row.target_id: row for row in result.rows}


def same(row, verdict):
    assert row.measured == pytest.approx(verdict.measured, rel=1e-9)
    assert (row.target, row.gap, row.passed) == (verdict.target_text, pytest.approx(verdict.gap), verdict.passed)
    assert row.scope == verdict.scope and row.status in (pc.MET, pc.NOT_MET)


@pytest.fixture(scope="module")
def jiangjin(qgis_app):
    layers = sample("jiangjin")
    return layers, pc.check_plan(bundled_catalogue("jiangjin"), layers, options={"name_field": "name"})


def test_jiangjin_rows_equal_the_single_checks(jiangjin):
    layers, result = jiangjin
    catalogue, rows = bundled_catalogue("jiangjin"), rows_by_id(result)
    townships = layers["townships"]
    builtup = check_builtup(layers["builtup"], townships, name_field="name", catalogue=catalogue,
                            target_id="builtup_2025")
    same(rows["builtup_2025"], builtup.verdict)
    assert rows["builtup_2025"].measured == pytest.approx(138.40, abs=0.005)  # the demo's figure
    city = check_builtup(landuse=layers["landuse"], townships=townships, class_field="czcsxm", codes=("201",),
                         name_field="name", catalogue=catalogue, target_id="builtup_city_2025")
    same(rows["builtup_city_2025"], city.verdict)
    forest, green = preset("sandiao_forest"), preset("sandiao_green")
    forest_share = ls.measure_land_share(
        layers["landuse"], None, townships, indicator=ls.FOREST_COVER, class_field="dlbm", class_codes=forest.codes,
        name_field="name", target=ls.resolve_target(catalogue, "forest_cover_2025", None, ls.FOREST_COVER))
    same(rows["forest_cover_2025"], forest_share.verdict)
    green_share = ls.measure_land_share(
        layers["landuse"], layers["builtup"], townships, indicator=ls.GREEN_SPACE_RATIO, class_field="dlbm",
        class_codes=green.codes, class_exclude=green.exclude, name_field="name",
        target=ls.resolve_target(catalogue, "green_space_ratio_2025", None, ls.GREEN_SPACE_RATIO))
    same(rows["green_space_ratio_2025"], green_share.verdict)
    assert [r.target_id for r in result.rows] == [t.id for t in catalogue.targets]
    assert rows["builtup_2025"].citation == "000_5c0b1797e2e1b3c4.txt:55"
    assert rows["builtup_2025"].how.startswith("builtup_area:") and "201" in rows["builtup_city_2025"].how


def test_targets_no_layer_can_measure_say_why(jiangjin):
    _, result = jiangjin
    catalogue, rows = bundled_catalogue("jiangjin"), rows_by_id(result)
    for target_id in ("urbanization_rate_2025", "hukou_urbanization_rate_2025", "sponge_city_2025",
                      "main_city_population_growth"):
        row = rows[target_id]
        assert row.status == pc.NOT_MEASURED and row.measured is None and row.how == "none"
        assert row.reason == catalogue.target(target_id).measure.reason
    assert "household register" in rows["hukou_urbanization_rate_2025"].reason
    park = rows["park_walk_5min_2025"]   # park polygons along the roads: no green layer among the sample's
    assert (park.status, park.reason, park.how) == (pc.NOT_MEASURED, "needs layer: green", "facility_coverage")
    counts = result.counts()
    assert counts[pc.TARGETS] == len(catalogue.targets) == len(result.rows)
    assert counts[pc.MEASURED_COUNT] + counts[pc.NOT_MEASURED_COUNT] == counts[pc.TARGETS]
    assert counts[pc.MEASURED_COUNT] == counts[pc.MET_COUNT] + counts[pc.NOT_MET_COUNT] >= 4
    for row, target in zip(result.rows, catalogue.targets):
        if target.measure.kind == "none":
            assert (row.status, row.reason, row.how) == (pc.NOT_MEASURED, target.measure.reason, "none")
        assert row.measured_here or row.reason
    assert {"builtup_2025", "builtup_city_2025", "forest_cover_2025", "green_space_ratio_2025"} <= {
        r.target_id for r in result.rows if r.measured_here}
    assert rows["chemical_plants_1km"].reason == "needs layer: plants, river"


def test_the_distance_rule_equals_its_check(qgis_app):
    import factory

    from cq_urban_plugin.core.checks import distance_rule as dr

    catalogue = bundled_catalogue("jiangjin")
    plants, river, townships = factory.plants(), factory.river(), factory.townships()
    result = pc.check_plan(catalogue, {"plants": plants, "river": river, "townships": townships}, options={})
    single = dr.measure_distance_rule(plants, river, townships, distance_m=1000, name_field="name",
                                      target=dr.resolve_target(catalogue, "chemical_plants_1km", None, ""))
    row = rows_by_id(result)["chemical_plants_1km"]
    same(row, single.verdict)
    assert (row.measured, row.target, row.status) == (2.0, "≤ 0", pc.NOT_MET)   # the plants 100 m and 400 m off
    assert rows_by_id(result)["builtup_2025"].reason == "needs layer: builtup or landuse"


def test_the_how_names_the_parameters_and_minutes_take_the_walking_speed(qgis_app):
    """A circle in walking minutes reaches minutes × 60 × the walking speed, as check_facility_coverage
    reads it, and each row's how names the parameters whose layers gave it."""
    from dataclasses import replace

    from cq_urban_plugin.core.checks import facility_coverage as fc

    catalogue = bundled_catalogue("jiangjin")
    park = catalogue.target("park_walk_5min_2025")
    in_minutes = replace(park, measure=replace(park.measure, distance_m=None))   # its 5 minutes alone
    layers = {role: layer("jiangjin", name) for role, name in (
        ("townships", "townships"), ("green", "parks"), ("landuse", "landuse"), ("builtup", "builtup"),
        ("roads", "roads"))}

    def row(target, **options):
        result = pc.check_plan(replace(catalogue, targets=[target]), layers, options={"name_field": "name", **options})
        return result.rows[0]

    metres, minutes, slow = row(park), row(in_minutes), row(in_minutes, walk_speed=0.8)
    assert "5 minutes × 60 s × 1 m/s = 300 m" in minutes.how and "Threshold: 300 m." in metres.how
    assert "(GREEN)" in minutes.how and "along the roads (ROADS)" in minutes.how and "over LANDUSE" in minutes.how
    assert minutes.measured == pytest.approx(metres.measured, rel=1e-9)   # 300 m either way
    assert "= 240 m" in slow.how and slow.measured < minutes.measured
    single = fc.check_facility_coverage(
        layers["green"], layers["landuse"], layers["townships"], preset=fc.PARK_5MIN, name_field="name",
        minutes=5, walk_speed=0.8, distance_method=fc.Distance.NETWORK, roads=layers["roads"],
        denominator=fc.Denominator.RESIDENTIAL, landuse_field="dlbm", with_service=False)
    assert slow.measured == pytest.approx(single.verdict.measured, rel=1e-9)
    assert row(park, walk_speed=0.8).measured == pytest.approx(metres.measured, rel=1e-9)   # metres: no speed


def test_a_circle_given_in_minutes_is_measured_as_the_share_within_it(qgis_app):
    """“15分钟健身圈” (fyp14 l.1729) gives a time, no share: its measure's share_pct (100) is the target, the
    share of the residential land within 15 minutes' walk of a 体育 facility the figure, in percent."""
    from dataclasses import replace

    from cq_urban_plugin.core.checks import facility_coverage as fc

    catalogue = bundled_catalogue("jiangjin")
    circle = catalogue.target("fitness_circle_15min")
    assert circle.unit == "minutes" and circle.value == 15 and circle.measure.share_pct == 100
    layers = {role: layer("jiangjin", name) for role, name in (
        ("townships", "townships"), ("facilities", "facilities"), ("landuse", "landuse"), ("roads", "roads"))}

    def row(target, **options):
        result = pc.check_plan(replace(catalogue, targets=[target]), layers, options={
            "name_field": "name", "facility_type_field": "kind", **options})
        return result.rows[0]

    fast = row(circle, walk_speed=4.0)   # 3,600 m: a figure between 0 and 100 on the synthetic sample
    single = fc.check_facility_coverage(
        layers["facilities"], layers["landuse"], layers["townships"], preset="life_sports_15min", name_field="name",
        minutes=15, walk_speed=4.0, distance_method=fc.Distance.NETWORK, roads=layers["roads"], type_field="kind",
        type_value="体育健身点", denominator=fc.Denominator.RESIDENTIAL, landuse_field="dlbm", with_service=False)
    assert 0 < single.verdict.measured < 100
    assert fast.measured == pytest.approx(single.verdict.measured, rel=1e-9)
    assert (fast.unit, fast.target, fast.status) == ("percent", "≥ 100", pc.NOT_MET)
    assert fast.gap == pytest.approx(fast.measured - 100) and "1729" in fast.citation
    assert "15 minutes × 60 s × 4 m/s = 3600 m" in fast.how
    # Without the share the plan leaves open, the time alone is no target to compare a share with.
    bare = row(replace(circle, measure=replace(circle.measure, share_pct=None)))
    assert bare.status == pc.NOT_MEASURED and "share_pct" in bare.reason


def test_wuxi_coverage_equals_the_coverage_check(qgis_app):
    layers = sample("wuxi")
    result = pc.check_plan(bundled_catalogue("wuxi"), layers, options={"name_field": "name"})
    single = check_coverage(layers["stops"], layers["builtup"], layers["townships"], name_field="name",
                            catalogue=bundled_catalogue("wuxi"), target_id="bus_stop_500m_2025")
    row = rows_by_id(result)["bus_stop_500m_2025"]
    same(row, single.verdict)
    assert row.measured == pytest.approx(68.4, abs=0.05) and row.status == pc.NOT_MET
    assert rows_by_id(result)["green_coverage_2025"].reason == "needs layer: green"


def test_a_target_whose_layer_is_not_given_says_which_it_needs(qgis_app):
    result = pc.check_plan(bundled_catalogue("wuxi"), sample("wuxi", "stops", population_too=False),
                           options={"name_field": "name"})
    row = rows_by_id(result)["bus_stop_500m_2025"]
    assert (row.status, row.reason, row.measured) == (pc.NOT_MEASURED, "needs layer: stops", None)
    result = pc.check_plan(bundled_catalogue("kaizhou"), sample("kaizhou", "builtup", "landuse",
                                                                population_too=False), options={})
    rows = rows_by_id(result)
    assert rows["builtup_2025"].reason == "needs layer: builtup or landuse"
    assert rows["pop_city_2025"].reason == "needs layer: population"
    assert rows["forest_cover"].reason == "needs layer: landuse or forest"


def test_kaizhou_targets_sharing_a_measurement_are_measured_once(qgis_app):
    layers = sample("kaizhou")
    catalogue = bundled_catalogue("kaizhou")
    result = pc.check_plan(catalogue, layers, options={"name_field": "name"})
    rows = rows_by_id(result)
    builtup_runs = [m for m in result.measurements if m.kind == "builtup_area"]
    assert len(builtup_runs) == 1 and [t.id for t in builtup_runs[0].targets] == ["builtup_2025", "builtup_2035"]
    for target_id in ("builtup_2025", "builtup_2035"):
        same(rows[target_id], check_builtup(layers["builtup"], layers["townships"], name_field="name",
                                            catalogue=catalogue, target_id=target_id).verdict)
    assert (rows["builtup_2025"].status, rows["builtup_2035"].status) == (pc.MET, pc.NOT_MET)
    population_runs = [m for m in result.measurements if m.kind == "population"]
    assert len(population_runs) == 1
    places = measure_population(layers["townships"], PopulationInput(raster=layers["population"]), name_field="name",
                                catalogue=catalogue)
    approximate = []
    for target_row in places.detail.targets:
        row = rows[target_row.target.id]
        if target_row.result is None:
            assert row.status == pc.NOT_MEASURED and row.reason == target_row.reason
        elif target_row.target.comparison == "about":
            approximate.append(row)
        else:
            same(row, target_row.result)
    assert result.counts()[pc.MEASURED_COUNT] >= 30
    # 约0.8万人 … (l.163–168): measured, the deviation given, no verdict
    assert {r.target_id for r in approximate} >= {"pop_2035_dajin", "pop_2035_wenquan", "pop_2035_zhonghe"}
    for row in approximate:
        single = next(t.result for t in places.detail.targets if t.target.id == row.target_id)
        assert row.status == pc.APPROXIMATE and row.passed is None and row.target.startswith("≈ ")
        assert row.measured == pytest.approx(single.measured) and row.gap == pytest.approx(single.gap)
        value = catalogue.target(row.target_id).value
        assert row.deviation_pct == pytest.approx(100.0 * (single.measured - value) / value)
        assert f"{row.deviation_pct:+.1f} %" in row.verdict
    assert result.counts()[pc.APPROXIMATE_COUNT] == len(approximate)


def test_a_tolerance_turns_approximate_figures_into_verdicts(qgis_app):
    """With tolerance_pct the rows of 约 figures are met or not within ±tolerance of the plan's figure."""
    layers = {"townships": layer("kaizhou", "townships"), "population": population("kaizhou")}
    catalogue = bundled_catalogue("kaizhou")
    free = rows_by_id(pc.check_plan(catalogue, layers, options={"name_field": "name"}))
    dajin = free["pop_2035_dajin"]
    assert dajin.status == pc.APPROXIMATE and dajin.measured is not None
    deviation = abs(dajin.deviation_pct)
    for tolerance, status in ((deviation + 1.0, pc.MET), (max(deviation - 1.0, 0.0), pc.NOT_MET)):
        if status == pc.NOT_MET and deviation < 1.0:
            continue
        result = pc.check_plan(catalogue, layers, options={"name_field": "name", "tolerance_pct": tolerance})
        row = rows_by_id(result)["pop_2035_dajin"]
        assert (row.status, row.measured, row.deviation_pct) == (status, dajin.measured, dajin.deviation_pct)
        assert row.target == f"≈ 0.8 ± {tolerance:g} %"
        assert result.counts()[pc.APPROXIMATE_COUNT] == 0
    # a floor is not touched by the tolerance
    assert rows_by_id(result)["pop_city_2025"].target == free["pop_city_2025"].target
    with pytest.raises(ValueError):
        pc.check_plan(catalogue, layers, options={"tolerance_pct": -5})


def test_a_layer_of_the_wrong_geometry_is_its_targets_row(qgis_app):
    layers = sample("jiangjin", population_too=False)
    layers["builtup"] = (layer("jiangjin", "bus_stops"), "bus_stops")   # points given as the built-up area
    result = pc.check_plan(bundled_catalogue("jiangjin"), layers, options={"name_field": "name"})
    rows = rows_by_id(result)
    for target_id in ("builtup_2025", "green_space_ratio_2025"):
        assert rows[target_id].status == pc.FAILED and rows[target_id].measured is None
        assert rows[target_id].reason == (
            "could not be measured: Layer 'bus_stops', given as builtup (BUILTUP), holds points, not polygons. "
            "Choose a layer of polygons for BUILTUP.")
    assert rows["builtup_city_2025"].status == pc.NOT_MET and rows["forest_cover_2025"].status == pc.NOT_MET
    assert result.counts()[pc.MEASURED_COUNT] >= 2


def test_the_algorithm_measures_the_others_beside_a_wrong_layer(cq_provider, tmp_path):
    import processing

    gpkg = LAYERS / "jiangjin.gpkg"
    report = tmp_path / "plan.html"
    results = processing.run(CheckPlanAlgorithm().create(), {
        "CATALOGUE": "jiangjin", "TOWNSHIPS": f"{gpkg}|layername=townships", "TOWNSHIP_NAME_FIELD": "name",
        "BUILTUP": f"{gpkg}|layername=bus_stops", "LANDUSE": f"{gpkg}|layername=landuse",
        "SUMMARY": str(tmp_path / "summary.gpkg"), "REPORT": str(report)})
    layers = {"townships": layer("jiangjin", "townships"), "builtup": layer("jiangjin", "bus_stops"),
              "landuse": layer("jiangjin", "landuse")}
    counts = pc.check_plan(bundled_catalogue("jiangjin"), layers, options={"name_field": "name"}).counts()
    assert {key: results[key] for key in pc.COUNT_KEYS} == counts and counts[pc.MEASURED_COUNT] >= 2
    summary = QgsVectorLayer(str(tmp_path / "summary.gpkg"), "summary", "ogr")
    by_id = {f["target_id"]: f for f in summary.getFeatures()}
    assert by_id["builtup_2025"]["status"] == pc.FAILED and "holds points" in by_id["builtup_2025"]["reason"]
    assert by_id["forest_cover_2025"]["status"] == pc.NOT_MET
    text = report.read_text(encoding="utf-8")
    assert "holds points" in text and "household register" in text and "needs layer: green" in text
    # A percentage with one decimal in the report's tables (forest cover, the land share measured).
    forest = by_id["forest_cover_2025"]["measured"]
    assert f"<td>{forest:,.1f}</td>" in text and f"<td>{forest:,.3f}</td>" not in text


@pytest.mark.slow
def test_one_run_through_qgis_process(installed_plugin, tmp_path):
    gpkg = LAYERS / "jiangjin.gpkg"
    report = tmp_path / "plan.html"
    args = ["run", "cq_urban:check_plan", "--json", "--", "CATALOGUE=jiangjin",
            f"TOWNSHIPS={gpkg}|layername=townships", "TOWNSHIP_NAME_FIELD=name",
            f"BUILTUP={gpkg}|layername=builtup", f"LANDUSE={gpkg}|layername=landuse",
            f"STOPS={gpkg}|layername=bus_stops", f"POPULATION={LAYERS / 'jiangjin_population.tif'}",
            f"SUMMARY={tmp_path / 'summary.gpkg'}", f"REPORT={report}"]
    run = installed_plugin(*args)
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    layers = {"townships": layer("jiangjin", "townships"), "builtup": layer("jiangjin", "builtup"),
              "landuse": layer("jiangjin", "landuse"), "stops": layer("jiangjin", "bus_stops"),
              "population": population("jiangjin")}
    in_process = pc.check_plan(bundled_catalogue("jiangjin"), layers, options={"name_field": "name"})
    assert {key: results[key] for key in pc.COUNT_KEYS} == in_process.counts()
    assert results["TARGETS"] == len(bundled_catalogue("jiangjin").targets) and results["MEASURED_COUNT"] >= 4
    summary = QgsVectorLayer(str(tmp_path / "summary.gpkg"), "summary", "ogr")
    by_id = {f["target_id"]: f for f in summary.getFeatures()}
    assert by_id["builtup_2025"]["measured"] == pytest.approx(138.40, abs=0.005)
    assert by_id["builtup_2025"]["citation"] == "000_5c0b1797e2e1b3c4.txt:55"
    assert "two years" in by_id["main_city_population_growth"]["reason"]
    assert by_id["chemical_plants_1km"]["reason"] == "needs layer: plants, river"
    assert "城镇建成区" in report.read_text(encoding="utf-8")
    help_text = installed_plugin("help", "cq_urban:check_plan").stdout
    for name in ("MEASURED_COUNT", "MET_COUNT", "NOT_MET_COUNT", "NOT_MEASURED_COUNT", "APPROXIMATE_COUNT",
                 "TOLERANCE_PCT", "POPULATION", "PLANTS"):
        assert name in help_text
