"""The indicator checks' result layers arrive styled, named after the run, with Chinese field aliases and map
tips, when Processing's own loader (processing.gui.Postprocessing.handleAlgorithmResults) loads them into the
project after processing.run, real QGIS: land share, land per person, population, the distance rule, the
whole-plan summary."""
import re

import factory
import pytest
import test_distance_rule as distance
import test_land_share as share
import test_per_capita as per_capita
import test_population_places as population
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsSingleSymbolRenderer,
)

from cq_urban_plugin import i18n
from cq_urban_plugin.algorithms.check_distance_rule import CheckDistanceRuleAlgorithm
from cq_urban_plugin.algorithms.check_land_share import CheckLandShareAlgorithm
from cq_urban_plugin.algorithms.check_per_capita import CheckPerCapitaAlgorithm
from cq_urban_plugin.algorithms.check_plan import CheckPlanAlgorithm
from cq_urban_plugin.algorithms.measure_population import MeasurePopulationAlgorithm
from cq_urban_plugin.compat import GeometryType
from cq_urban_plugin.core.maps import result_styles
from cq_urban_plugin.definitions import RESULT_KIND_PROPERTY
from cq_urban_plugin.i18n import tr

CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture
def project(qgis_processing):
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


@pytest.fixture
def chinese():
    if not i18n.install_translator("zh_Hans"):
        pytest.skip("no compiled Chinese translation (make qm)")
    try:
        yield
    finally:
        i18n.remove_translator()


def run_and_load(algorithm, parameters, outputs, project):
    """processing.run with the outputs as layers to load into ``project``, then QGIS's loader."""
    import processing
    from processing.gui.Postprocessing import handleAlgorithmResults

    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    parameters = {**parameters, **{key: QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", project)
                                   for key in outputs}}
    results = processing.run(algorithm, parameters, context=context, feedback=feedback,
                             onFinish=lambda alg, ctx, fb: handleAlgorithmResults(alg, ctx, fb, parameters=parameters))
    layers = {key: project.mapLayer(results[key]) for key in outputs}
    assert all(layer is not None for layer in layers.values()), layers
    return results, layers


def alias(layer, name):
    return layer.attributeAlias(layer.fields().indexOf(name))


def group_of(project, layer):
    return project.layerTreeRoot().findLayer(layer.id()).parent()


def test_land_share_in_green_classes_named_after_the_run(project):
    results, layers = run_and_load(CheckLandShareAlgorithm().create(), {
        "INDICATOR": "green_space_ratio", "INPUT": share.landuse(), "CLASS_FIELD": "DLBM", "CLASS_PRESET": 1,
        "EXTENT": share.builtup(), "TOWNSHIPS": factory.townships(), "TOWNSHIP_NAME_FIELD": "name",
        "TARGET_VALUE": 35}, ("OUTPUT", "TABLE"), project)
    layer, table = layers["OUTPUT"], layers["TABLE"]
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "share"
    assert len(renderer.ranges()) == len(result_styles.LAND_SHARE_CLASSES) == 5
    assert [r.label() for r in renderer.ranges()][:2] == ["0–10 %", "10–20 %"]
    assert all(r.symbol().opacity() < 1 for r in renderer.ranges())  # the base map shows through
    assert layer.customProperty(RESULT_KIND_PROPERTY) == result_styles.LAND_SHARE_TOWNSHIPS
    assert layer.name().startswith(tr("Land share by township")) and "35" in layer.name()
    assert alias(layer, "share") == tr("Share of the extent (%)") and alias(layer, "cls_km2")
    assert '"share"' in layer.mapTipTemplate() and '"township"' in layer.mapTipTemplate()
    assert layer.labelsEnabled()
    assert table.name().startswith(tr("Land share table")) and alias(table, "level") == tr("Level")
    group = group_of(project, layer)
    assert group is group_of(project, table) and tr("Land share check") in group.name()
    assert tr("not met") in group.name()  # 30.25 % of 35


def test_per_capita_in_classes_with_the_verdict_as_outline(project):
    results, layers = run_and_load(CheckPerCapitaAlgorithm().create(), {
        "LANDUSE": per_capita.landuse(), "TOWNSHIPS": per_capita.townships(), "TOWNSHIP_NAME_FIELD": "name",
        "POPULATION_FIELD": "pop", "CATALOGUE": "chongqing", "TARGET_ID": "urban_land_per_capita_2035"},
        ("OUTPUT", "TABLE"), project)
    layer = layers["OUTPUT"]
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "m2_per_cap"
    values = [f["m2_per_cap"] for f in layer.getFeatures()]
    assert 3 <= len(renderer.ranges()) <= 7
    ranges = renderer.ranges()
    assert ranges[0].lowerValue() <= min(values) and ranges[-1].upperValue() >= max(values)
    assert all(r.label().endswith(tr("m² per person")) for r in renderer.ranges())
    for item in renderer.ranges():  # the verdict: red outline not met, green met
        stroke = item.symbol().symbolLayer(0).dataDefinedProperties().property(result_styles.STROKE_COLOR)
        assert stroke.isActive() and '"passed" = 0' in stroke.expressionString()
        assert result_styles.RED in stroke.expressionString()
    assert '"passed"' in layer.mapTipTemplate() and tr("not met") in layer.mapTipTemplate()
    assert layer.name().startswith(tr("Land per person by township"))
    assert "urban_land_per_capita_2035" in layer.name()
    assert alias(layer, "m2_per_cap") == tr("Land per person (m²)") and alias(layer, "passed") == tr("Target met")
    group = group_of(project, layer)
    assert tr("Per-capita check") in group.name() and tr("met") in group.name()
    assert layers["TABLE"].name().startswith(tr("Land per person table"))


def test_population_in_classes_of_persons(project):
    results, layers = run_and_load(MeasurePopulationAlgorithm().create(), {
        "TOWNSHIPS": population.townships(), "TOWNSHIP_NAME_FIELD": "name", "POPULATION_FIELD": "pop",
        "CATALOGUE": "kaizhou", "TARGET_ID": "pop_city_2025"}, ("OUTPUT", "TABLE", "TARGETS"), project)
    layer = layers["OUTPUT"]
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "population"
    assert len(renderer.ranges()) == 6  # round breaks of 1,500 to 300,000 persons
    assert renderer.ranges()[-1].upperValue() >= 300000 and renderer.ranges()[0].lowerValue() <= 1500
    assert "300,000" in renderer.ranges()[-1].label()  # persons, with thousands separated
    assert '"population"' in layer.mapTipTemplate()
    assert layer.name().startswith(tr("Population by township")) and "pop_city_2025" in layer.name()
    assert alias(layer, "population") == tr("Population (persons)")
    assert layers["TARGETS"].name().startswith(tr("Population targets"))
    assert alias(layers["TARGETS"], "target_id") == tr("Target id")
    assert tr("Population in places") in group_of(project, layer).name()


def test_distance_rule_violations_as_red_markers_labelled_with_the_distance(project):
    results, layers = run_and_load(CheckDistanceRuleAlgorithm().create(), {
        "INPUT": distance.plants(), "NEAR": distance.rivers(), "NEAR_NAME_FIELD": "name", "DISTANCE": 1000,
        "TOWNSHIPS": factory.townships()}, ("OUTPUT", "TABLE"), project)
    layer = layers["OUTPUT"]
    assert layer.featureCount() == 3 and layer.geometryType() == GeometryType.Point
    renderer = layer.renderer()
    assert isinstance(renderer, QgsSingleSymbolRenderer)
    assert renderer.symbol().color().name() == result_styles.RED
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    assert settings.isExpression and '"dist_m"' in settings.fieldName
    assert '"near_name"' in layer.mapTipTemplate() and '"dist_m"' in layer.mapTipTemplate()
    assert layer.name().startswith(tr("Features within the distance"))
    assert alias(layer, "dist_m") == tr("Distance (m)") and alias(layer, "near_name") == tr("Nearest feature")
    group = group_of(project, layer)
    assert group is group_of(project, layers["TABLE"]) and tr("Distance rule check") in group.name()


def test_distance_rule_polygons_drawn_as_red_outlines(project):
    plants = factory.memory_layer("Polygon", [("plant", str)], [(distance.rect(900, 2300, 1100, 2500), ["p1"])],
                                  name="plants")
    _, layers = run_and_load(CheckDistanceRuleAlgorithm().create(), {
        "INPUT": plants, "NEAR": distance.rivers(), "DISTANCE": 1000}, ("OUTPUT", "TABLE"), project)
    symbol = layers["OUTPUT"].renderer().symbol()
    assert symbol.symbolLayer(0).strokeColor().name() == result_styles.RED
    assert symbol.symbolLayer(0).color().alpha() < 100  # an outline, the land under it seen


def test_plan_summary_named_after_the_run(project):
    results, layers = run_and_load(CheckPlanAlgorithm().create(), {
        "CATALOGUE": "kaizhou", "TOWNSHIPS": population.townships(), "TOWNSHIP_NAME_FIELD": "name",
        "POPULATION_FIELD": "pop"}, ("SUMMARY",), project)
    summary = layers["SUMMARY"]
    assert not summary.isSpatial()
    assert summary.name().startswith(tr("Plan check summary"))
    assert alias(summary, "verdict") == tr("Result") and alias(summary, "target_id") == tr("Target id")
    assert tr("Plan check") in group_of(project, summary).name()
    assert tr("{met} of {measured} targets met").format(
        met=results["MET_COUNT"], measured=results["MEASURED_COUNT"]) in group_of(project, summary).name()


def test_chinese_aliases_names_and_legend(project, chinese):
    _, layers = run_and_load(CheckPerCapitaAlgorithm().create(), {
        "LANDUSE": per_capita.landuse(), "TOWNSHIPS": per_capita.townships(), "TOWNSHIP_NAME_FIELD": "name",
        "POPULATION_FIELD": "pop", "TARGET_VALUE": 120}, ("OUTPUT", "TABLE"), project)
    layer = layers["OUTPUT"]
    for name in ("land_km2", "population", "m2_per_cap", "passed", "township"):
        assert CJK.search(alias(layer, name)), (name, alias(layer, name))
    assert layer.name().startswith("各乡镇（街道）人均用地")
    assert all("平方米/人" in r.label() for r in layer.renderer().ranges())
    assert CJK.search(group_of(project, layer).name())
    _, layers = run_and_load(CheckDistanceRuleAlgorithm().create(), {
        "INPUT": distance.plants(), "NEAR": distance.rivers(), "NEAR_NAME_FIELD": "name", "DISTANCE": 1000},
        ("OUTPUT", "TABLE"), project)
    for name in ("dist_m", "near_fid", "near_name"):
        assert CJK.search(alias(layers["OUTPUT"], name)), name
    assert CJK.search(layers["OUTPUT"].mapTipTemplate()) and CJK.search(layers["TABLE"].name())


def test_a_township_layer_keeps_its_own_names():
    """The indicator aliases are for the indicator outputs: a tagged township layer's share stays the built-up's."""
    assert result_styles.field_aliases()["share"] == tr("Built-up share of the township (%)")
    assert "name" not in result_styles.field_aliases() and "level" not in result_styles.field_aliases()
    assert result_styles.field_aliases(kind=result_styles.LAND_SHARE_TABLE)["share"] == tr("Share of the extent (%)")


def test_map_themes_of_land_share_and_per_capita_come_last(project):
    """export_map's THEME gains the two at its end (the numbers before keep their themes) and draws the
    townships in the check's own classes."""
    from cq_urban_plugin.algorithms.export_map import ExportMapAlgorithm
    from cq_urban_plugin.core.maps.content import prepare_thematic_map
    from cq_urban_plugin.definitions import THEME_KEYS

    assert THEME_KEYS[:9] == ("role", "tier", "zone", "function_type", "region", "builtup", "coverage",
                              "control_lines", "structure")
    assert THEME_KEYS[9:] == ("land_share", "per_capita")
    algorithm = ExportMapAlgorithm().create()
    algorithm.initAlgorithm()
    options = algorithm.parameterDefinition("THEME").options()
    assert options[-2:] == [tr("Land share check"), tr("Per-capita check")] and len(options) == len(THEME_KEYS)
    _, layers = run_and_load(CheckLandShareAlgorithm().create(), {
        "INDICATOR": "green_space_ratio", "INPUT": share.landuse(), "CLASS_FIELD": "DLBM", "CLASS_PRESET": 1,
        "EXTENT": share.builtup(), "TOWNSHIPS": factory.townships(), "TOWNSHIP_NAME_FIELD": "name"},
        ("OUTPUT", "TABLE"), project)
    land_map = prepare_thematic_map(layers["OUTPUT"], "land_share")
    assert land_map.field == "share" and isinstance(land_map.main.renderer(), QgsGraduatedSymbolRenderer)
    assert len(land_map.main.renderer().ranges()) == 5 and land_map.main.name() == tr("Share of the extent (%)")
    _, layers = run_and_load(CheckPerCapitaAlgorithm().create(), {
        "LANDUSE": per_capita.landuse(), "TOWNSHIPS": per_capita.townships(), "TOWNSHIP_NAME_FIELD": "name",
        "POPULATION_FIELD": "pop", "TARGET_VALUE": 120}, ("OUTPUT", "TABLE"), project)
    capita_map = prepare_thematic_map(layers["OUTPUT"], "per_capita")
    assert capita_map.field == "m2_per_cap" and len(capita_map.main.renderer().ranges()) == 4
    assert capita_map.main.name() == tr("Land per person (m²)") and tr("Per-capita check") in capita_map.subtitle


def test_facility_coverage_outputs_named_by_their_facility(project):
    """Styled as the bus-stop check's (service area green, uncovered land red), named by the facility type."""
    from test_facility_coverage import park_and_served

    from cq_urban_plugin.algorithms.check_facility_coverage import CheckFacilityCoverageAlgorithm

    park, served = park_and_served()
    _, layers = run_and_load(CheckFacilityCoverageAlgorithm().create(), {
        "FACILITIES": park, "SERVED_AREA": served, "PRESET": "park_square_5min", "DISTANCE": 300,
        "DENOMINATOR": 1}, ("SERVICE_AREA", "UNCOVERED", "TABLE"), project)
    service, uncovered, table = layers["SERVICE_AREA"], layers["UNCOVERED"], layers["TABLE"]
    facility = next(service.getFeatures())["facility"]
    assert facility and result_styles.facility_of(service) == facility
    assert service.name().startswith(tr("Service area: {facility}").format(facility=facility))
    assert uncovered.name().startswith(tr("Uncovered areas: {facility}").format(facility=facility))
    assert table.name().startswith(tr("Coverage table: {facility}").format(facility=facility))
    assert tr("bus stops") not in service.name()
    for layer in (service, uncovered):
        assert isinstance(layer.renderer(), QgsSingleSymbolRenderer) and layer.renderer().symbol().opacity() < 1
    assert alias(service, "facility") == tr("Facility type") and alias(table, "facility") == tr("Facility type")
    assert result_styles.output_label(result_styles.SERVICE_AREA) == tr("Bus-stop service area")  # no facility
