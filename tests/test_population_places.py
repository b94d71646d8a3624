"""cq_urban:measure_population: population per township, per class of the plan, beside the population targets.

Hand-built layers with known answers: nine townships of 开州 (names from the kaizhou catalogue) on the 3 × 3
grid of tests/factory.py, each with a known population; the class sums and the targets' figures are written
out here by hand and compared within 0.1 %.
"""
import html

import factory
import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsRasterLayer, QgsVectorLayer

from cq_urban_plugin.algorithms.measure_population import MeasurePopulationAlgorithm
from cq_urban_plugin.core.checks.population_places import PopulationInput, measure_population, target_passed
from cq_urban_plugin.core.errors import PlanInputError
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

REL = 1e-3
X0, Y0 = factory.X0, factory.Y0
# (name, persons): 第一级 汉丰 文峰 岳溪 镇东, 第二级 温泉 大进, 第三级 大德 厚坝 麻柳 (and 岳溪, see below).
PLACES = [("汉丰街道", 300000.0), ("文峰街道", 250000.0), ("岳溪镇", 12000.0), ("温泉镇", 20000.0),
          ("大进镇", 26000.0), ("大德镇", 4000.0), ("厚坝镇", 1500.0), ("麻柳乡", 3000.0), ("镇东街道", 80000.0)]
TOTAL = sum(p for _, p in PLACES)                               # 696,500
TIER1 = 300000 + 250000 + 12000 + 80000                         # 642,000
TIER3 = 4000 + 1500 + 3000 + 12000                              # 岳溪镇 has both readings (kz l.135 / l.168)


def townships(with_population=True, tagged=False):
    rows = []
    for i, (name, persons) in enumerate(PLACES):
        row, col = divmod(i, 3)
        attributes = [name] + ([persons] if with_population else []) + (["第一级"] if tagged else [])
        rows.append((factory.square(X0 + col * factory.SIDE, Y0 + row * factory.SIDE, factory.SIDE), attributes))
    fields = [("name", str)] + ([("pop", float)] if with_population else []) + ([("tier", str)] if tagged else [])
    return factory.memory_layer("Polygon", fields, rows, name="townships")


def close(a, b, rel=REL):
    return abs(a - b) <= rel * max(abs(b), 1e-9)


def by_id(result):
    return {t.target.id: t for t in result.detail.targets}


def test_population_by_class_and_the_kaizhou_targets(qgis_app):
    result = measure_population(townships(), PopulationInput(field="pop"), name_field="name",
                                catalogue=bundled_catalogue("kaizhou"))
    detail = result.detail
    classes = {(c.structure, c.value): c.population for c in detail.classes}
    assert close(classes[("town_tier", "第一级")], TIER1)
    assert close(classes[("town_tier", "第二级")], 46000)
    assert close(classes[("town_tier", "第三级")], TIER3)
    assert close(classes[("region", "东里文旅融合示范区域")], 46000)
    assert any("岳溪镇" in note for note in result.notes)        # counted in both of its readings
    targets = by_id(result)
    assert close(targets["pop_city_2025"].result.measured, TIER1 / 1e4) and target_passed(targets["pop_city_2025"])
    assert target_passed(targets["pop_city_2035"]) is False     # 64.2 < 100 万人
    assert close(targets["pop_city_share_2025"].result.measured, 100.0 * TIER1 / TOTAL)
    # 约1.8万人 (003 l.164) is an approximate figure, not a floor: its deviation, no verdict
    wenquan = targets["pop_2035_wenquan"].result
    assert close(wenquan.measured, 2.0) and wenquan.comparison == "about"
    assert target_passed(targets["pop_2035_wenquan"]) is None
    assert close(wenquan.deviation_pct, 100.0 * (2.0 - 1.8) / 1.8)
    assert target_passed(targets["pop_2035_dade"]) is True      # 0.4 ≤ 0.5 万人
    assert close(targets["pop_tier3_total_2035"].result.measured, TIER3 / 1e4)
    # （每镇）: each 区域重点镇 at most 2.5 万: 大进 has 2.6 and fails the class
    tier2 = targets["pop_tier2_2025"]
    assert target_passed(tier2) is False and {m.scope: m.passed for m in tier2.members} == {"温泉镇": True,
                                                                                             "大进镇": False}
    assert close(tier2.result.measured, 2.6)
    assert targets["pop_2035_guojia"].result is None and "not in the layer" in targets["pop_2035_guojia"].reason
    outputs = result.outputs()
    assert outputs["POPULATION"] == TOTAL and close(outputs["MEASURED"], TOTAL / 1e4) and outputs["TARGET"] is None
    assert outputs["TARGETS_MEASURED"] == sum(1 for t in detail.targets if t.result is not None)
    approximate = sum(1 for t in detail.targets if t.result is not None and target_passed(t) is None)
    assert approximate >= 1  # the 约 figures: measured, no verdict
    assert outputs["TARGETS_MET"] + outputs["TARGETS_NOT_MET"] + approximate == outputs["TARGETS_MEASURED"]


def test_a_chosen_target_is_the_verdict_and_a_tagged_field_is_read(qgis_app):
    result = measure_population(townships(tagged=True), PopulationInput(field="pop"), name_field="name",
                                catalogue=bundled_catalogue("kaizhou"), target_id="pop_city_2035")
    # every township is tagged 第一级 in its own field, which wins over the catalogue's membership
    assert close(result.verdict.measured, TOTAL / 1e4) and result.verdict.passed is False
    assert result.verdict.target == 100 and close(result.outputs()["GAP"], TOTAL / 1e4 - 100)


def test_raster_and_points_give_the_field_figures(qgis_app, tmp_path):
    from osgeo import gdal, osr

    values = np.zeros((30, 30), dtype=np.float64)
    for i, (_, persons) in enumerate(PLACES):
        row, col = divmod(i, 3)
        values[30 - 10 * (row + 1):30 - 10 * row, 10 * col:10 * (col + 1)] = persons / 100.0
    path = tmp_path / "people.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 30, 30, 1, gdal.GDT_Float64)
    dataset.SetGeoTransform((X0, 200.0, 0.0, Y0 + 6000, 0.0, -200.0))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4544)
    dataset.SetProjection(reference.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(values)
    dataset = None
    catalogue = bundled_catalogue("kaizhou")
    raster = measure_population(townships(False), PopulationInput(raster=QgsRasterLayer(str(path), "people")),
                                name_field="name", catalogue=catalogue)
    assert close(raster.detail.total, TOTAL)
    assert all(close(r.population, p) for r, (_, p) in zip(raster.detail.townships, PLACES))
    points = [(factory.QgsGeometry.fromPointXY(factory.QgsPointXY(X0 + (i % 3) * 2000 + 700, Y0 + (i // 3) * 2000
                                                                    + 900)), [p]) for i, (_, p) in enumerate(PLACES)]
    layer = factory.memory_layer("Point", [("persons", float)], points, name="people")
    by_points = measure_population(townships(False), PopulationInput(points=layer, persons_field="persons"),
                                   name_field="name", catalogue=catalogue)
    assert [r.population for r in by_points.detail.townships] == [p for _, p in PLACES]
    assert close(by_id(by_points)["pop_city_2025"].result.measured, TIER1 / 1e4)


def test_processing_run_equals_the_core_entry_point(qgis_processing, tmp_path):
    import processing

    layer = townships()
    core = measure_population(layer, PopulationInput(field="pop"), name_field="name",
                              catalogue=bundled_catalogue("kaizhou"), target_id="pop_city_2025")
    report = tmp_path / "report.html"
    results = processing.run(MeasurePopulationAlgorithm().create(), {
        "TOWNSHIPS": layer, "TOWNSHIP_NAME_FIELD": "name", "POPULATION_FIELD": "pop", "CATALOGUE": "kaizhou",
        "TARGET_ID": "pop_city_2025", "OUTPUT": str(tmp_path / "out.gpkg"), "TABLE": str(tmp_path / "table.gpkg"),
        "TARGETS": str(tmp_path / "targets.gpkg"), "REPORT": str(report)})
    for key, value in core.outputs().items():
        assert results[key] == (pytest.approx(value, rel=1e-9) if isinstance(value, float) else value), key
    assert results["PASSED"] is True
    targets = QgsVectorLayer(results["TARGETS"], "targets", "ogr")
    rows = {(f["target_id"], f["scope"]): f for f in targets.getFeatures()}
    assert rows[("pop_tier2_2025", "大进镇")]["passed"] == 0 and rows[("pop_tier2_2025", "温泉镇")]["passed"] == 1
    table = QgsVectorLayer(results["TABLE"], "table", "ogr")
    classes = {f["name"]: f["population"] for f in table.getFeatures() if f["level"] == "class"}
    assert close(classes["第一级"], TIER1)
    text = html.unescape(report.read_text(encoding="utf-8"))
    assert "到2025年基本形成城区60平方公里60万人口的中等城市规模" in text and "'pop'" in text


def test_bad_input_is_a_message(qgis_processing, tmp_path):
    import processing

    catalogue = bundled_catalogue("kaizhou")

    def refused(layer, source, **kwargs):
        with pytest.raises(PlanInputError) as error:
            measure_population(layer, source, name_field="name", catalogue=catalogue, **kwargs)
        return str(error.value)

    assert "typed" in refused(townships(), PopulationInput(typed=1000, typed_source="x"))
    assert "not 0" in refused(townships(), PopulationInput())
    points = factory.memory_layer("Point", [("name", str)], [(factory.QgsGeometry.fromPointXY(
        factory.QgsPointXY(X0, Y0)), ["x"])], name="points_as_townships")
    message = refused(points, PopulationInput(field="name"))
    assert "TOWNSHIPS" in message and "points_as_townships" in message and "polygons" in message
    assert "urban_land_per_capita_2035" not in refused(townships(), PopulationInput(field="pop"),
                                                       target_id="builtup_2025")
    assert "cannot be measured" in refused(townships(), PopulationInput(field="pop"), target_id="pop_2035_guojia")
    with pytest.raises(QgsProcessingException) as error:
        processing.run(MeasurePopulationAlgorithm().create(), {
            "TOWNSHIPS": townships(), "POPULATION_FIELD": "name", "CATALOGUE": "kaizhou",
            "OUTPUT": "memory:", "TABLE": "memory:"})
    assert "not a number" in str(error.value) and "Traceback" not in str(error.value)


def test_a_raster_in_another_crs_agrees_with_native_zonal_statistics(qgis_processing, tmp_path):
    """Cells in CGCS2000 degrees, townships in metres (EPSG:4544): the townships are projected onto the grid,
    as QGIS's zonal statistics of the reprojected townships count it."""
    import processing
    from osgeo import gdal, osr
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    layer = townships(False)
    to_degrees = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance())
    box = to_degrees.transformBoundingBox(layer.extent())
    size = 0.0004
    columns, rows = int(box.width() / size) + 10, int(box.height() / size) + 10
    values = np.random.default_rng(7).uniform(0, 20, size=(rows, columns))
    path = tmp_path / "people_4490.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), columns, rows, 1, gdal.GDT_Float64)
    dataset.SetGeoTransform((box.xMinimum() - 5 * size, size, 0.0, box.yMaximum() + 5 * size, 0.0, -size))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4490)
    dataset.SetProjection(reference.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(values)
    dataset = None
    raster = QgsRasterLayer(str(path), "people_4490")
    result = measure_population(layer, PopulationInput(raster=raster), name_field="name")
    assert any("EPSG:4490" in note and "not resampled" in note for note in result.notes)
    projected = processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": "EPSG:4490",
                                                         "OUTPUT": "memory:"})["OUTPUT"]
    stats = processing.run("native:zonalstatisticsfb", {"INPUT": projected, "INPUT_RASTER": raster, "RASTER_BAND": 1,
                                                        "STATISTICS": [1], "OUTPUT": "memory:"})["OUTPUT"]
    expected = {f["name"]: f["_sum"] for f in stats.getFeatures()}
    for row in result.detail.townships:
        assert close(row.population, expected[row.name]), row.name


@pytest.mark.slow
def test_population_targets_through_qgis_process(installed_plugin, tmp_path):
    import json

    source = factory.write(townships(), tmp_path / "kaizhou.gpkg", "townships")
    output = installed_plugin("run", "cq_urban:measure_population", "--json", "--", f"TOWNSHIPS={source}",
                              "TOWNSHIP_NAME_FIELD=name", "POPULATION_FIELD=pop", "CATALOGUE=kaizhou",
                              "TARGET_ID=pop_tier2_2025", f"OUTPUT={tmp_path / 'out.gpkg'}",
                              f"TABLE={tmp_path / 'table.gpkg'}").stdout
    results = json.loads(output[output.index("{"):])["results"]
    assert results["PASSED"] is False and results["MEASURED"] == pytest.approx(2.6)    # 大进镇 2.6 > 2.5 万
    assert results["POPULATION"] == pytest.approx(TOTAL) and results["TARGETS_MEASURED"] >= 10
