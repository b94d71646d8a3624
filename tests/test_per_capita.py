"""cq_urban:check_per_capita: land per person (人均城镇建设用地 ≤ 120 m², 人均公园绿地面积 13 m²).

Hand-built layers with known answers: the 3 × 3 grid of 2 km townships of tests/factory.py (EPSG:4544),
land-use squares of known area inside and across them, a population per township. Every figure is
written out here by hand (or by numpy over the raster's cells) and compared within 0.1 %.
"""
import html
import json

import factory
import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsRasterLayer, QgsVectorLayer

from cq_urban_plugin.algorithms.check_per_capita import CheckPerCapitaAlgorithm
from cq_urban_plugin.core.checks.per_capita import PARK_GREEN, URBAN_LAND, check_per_capita, land_selection
from cq_urban_plugin.core.checks.population_places import PopulationInput
from cq_urban_plugin.core.checks.targets import choose_target
from cq_urban_plugin.core.errors import PlanInputError

REL = 1e-3  # 0.1 %
X0, Y0 = factory.X0, factory.Y0
# Persons per township, in factory.TOWNSHIP_NAMES order (几江, 德感, 双福, 圣泉, 鼎山, 支坪, 珞璜, 白沙, 四面山).
PEOPLE = [5200.0, 10000.0, 1000.0, 400.0, 1000.0, 1000.0, 1000.0, 1000.0, 1000.0]


def rect(x0, y0, x1, y1):
    return factory.QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def townships(population=True, crs=factory.CRS):
    rows = []
    for i, name in enumerate(factory.TOWNSHIP_NAMES):
        row, col = divmod(i, 3)
        geometry = factory.square(X0 + col * factory.SIDE, Y0 + row * factory.SIDE, factory.SIDE)
        rows.append((geometry, [name, PEOPLE[i]] if population else [name]))
    fields = [("name", str), ("pop", float)] if population else [("name", str)]
    return factory.memory_layer("Polygon", fields, rows, crs=crs, name="townships")


def landuse(dx=0.0):
    """三调 地类图斑 with 城镇村属性码 and 地类编码. Urban land (201/202): 几江 1.04 km², 德感 1.00 km² (C lies
    inside B), 圣泉 0.04 km²; park green (0810, not 0810A): 德感 1.00 km², 双福 0.25 km²."""
    rows = [
        (rect(X0 + 500 + dx, Y0 + 500, X0 + 1500 + dx, Y0 + 1500), ["201", "0701"]),    # A: 几江 1 km²
        (rect(X0 + 2500 + dx, Y0 + 500, X0 + 3500 + dx, Y0 + 1500), ["202A", "0810"]),  # B: 德感 1 km²
        (rect(X0 + 3000 + dx, Y0 + 1000, X0 + 3500 + dx, Y0 + 1500), ["201", "0810"]),  # C: inside B
        (rect(X0 + 200 + dx, Y0 + 1800, X0 + 400 + dx, Y0 + 2200), ["201", "0810A"]),   # D: 几江 / 圣泉
        (rect(X0 + 4500 + dx, Y0 + 500, X0 + 5000 + dx, Y0 + 1000), ["203", "0810"]),   # E: village park, 双福
    ]
    return factory.memory_layer("Polygon", [("CZCSXM", str), ("DLBM", str)], rows, name="landuse")


URBAN_M2 = {"几江街道": 1.04e6, "德感街道": 1.0e6, "圣泉街道": 0.04e6}
PARK_M2 = {"德感街道": 1.0e6, "双福街道": 0.25e6}


def expected(per_township_m2):
    people = dict(zip(factory.TOWNSHIP_NAMES, PEOPLE))
    rows = {name: per_township_m2.get(name, 0.0) / people[name] for name in factory.TOWNSHIP_NAMES}
    return rows, sum(per_township_m2.values()) / sum(PEOPLE)


def close(a, b, rel=REL):
    return abs(a - b) <= rel * max(abs(b), 1e-9)


def run_alg(parameters, tmp_path):
    import processing

    tmp_path.mkdir(parents=True, exist_ok=True)
    parameters = {"OUTPUT": str(tmp_path / "by_township.gpkg"), "TABLE": str(tmp_path / "table.gpkg"), **parameters}
    return processing.run(CheckPerCapitaAlgorithm().create(), parameters)


def table(path):
    layer = QgsVectorLayer(str(path), "table", "ogr")
    assert layer.isValid()
    return {f["township"]: {n.name(): f[n.name()] for n in layer.fields()} for f in layer.getFeatures()}


# --- the core entry point, against hand-computed figures -----------------------------------------

def test_urban_land_per_person_by_township_and_jurisdiction(qgis_app):
    result = check_per_capita(landuse(), townships(), indicator=URBAN_LAND, class_field="CZCSXM",
                              codes=("201", "202"), name_field="name", population=PopulationInput(field="pop"),
                              target_value=120)
    rows, total = expected(URBAN_M2)
    assert close(result.verdict.measured, total)                     # 2.08e6 / 21600 = 96.3 m²/person
    by_name = {r.name: r for r in result.townships}
    for name, value in rows.items():
        assert close(by_name[name].per_capita, value) if value else by_name[name].per_capita == 0.0
    # the cap: 几江 has 200 m² a person and fails, 德感 100 and 圣泉 100 pass, and so does the jurisdiction
    assert by_name["几江街道"].passed is False and by_name["德感街道"].passed is True
    assert by_name["圣泉街道"].passed is True and result.verdict.passed is True
    assert result.verdict.comparison == "<=" and result.verdict.target_text == "≤ 120"
    outputs = result.outputs()
    assert outputs["UNIT"] == "m2_per_person" and close(outputs["LAND_KM2"], 2.08)
    assert outputs["POPULATION"] == sum(PEOPLE) and outputs["TOWNSHIPS_NOT_MET"] == 1
    assert close(outputs["GAP"], total - 120)
    assert any("4 of 5 land-use features" in note for note in result.notes)
    assert "field 'pop'" in result.method and "CZCSXM" in result.method


def test_park_green_per_person_leaves_squares_out(qgis_app):
    selection = land_selection(PARK_GREEN, "auto", ["CZCSXM", "DLBM"], label="landuse")
    assert selection.class_field == "DLBM" and selection.codes == ("0810",) and selection.exclude == ("0810A",)
    assert "GB/T 21010-2017" in selection.definition
    result = check_per_capita(landuse(), townships(), indicator=PARK_GREEN, class_field=selection.class_field,
                              codes=selection.codes, exclude=selection.exclude, name_field="name",
                              area_definition=selection.definition, population=PopulationInput(field="pop"),
                              target_value=13)
    rows, total = expected(PARK_M2)
    assert close(result.verdict.measured, total)
    assert result.verdict.comparison == ">=" and result.verdict.passed is True    # 57.9 m² ≥ 13
    by_name = {r.name: r for r in result.townships}
    assert close(by_name["双福街道"].per_capita, rows["双福街道"]) and by_name["几江街道"].per_capita == 0.0
    assert by_name["几江街道"].passed is False
    assert any("0810A" in note for note in result.notes)
    assert "GB/T 21010-2017" in result.method


def test_a_typed_population_with_its_source_and_no_township_layer(qgis_app):
    result = check_per_capita(landuse(), None, indicator=URBAN_LAND, class_field="CZCSXM", codes=("201", "202"),
                              population=PopulationInput(typed=20000, typed_source="第七次全国人口普查 2020"),
                              target_value=100)
    assert close(result.verdict.measured, 2.08e6 / 20000) and result.verdict.passed is False   # 104 > 100
    assert "第七次全国人口普查 2020" in result.method and not result.townships


def test_population_from_points_and_from_a_raster(qgis_app, tmp_path):
    from osgeo import gdal, osr

    points = []
    for i, persons in enumerate(PEOPLE):
        row, col = divmod(i, 3)
        x, y = X0 + col * 2000 + 1000, Y0 + row * 2000 + 1000
        points += [(factory.QgsGeometry.fromPointXY(factory.QgsPointXY(x, y)), [persons / 2]),
                   (factory.QgsGeometry.fromPointXY(factory.QgsPointXY(x + 300, y - 300)), [persons / 2])]
    points.append((factory.QgsGeometry.fromPointXY(factory.QgsPointXY(X0 - 500, Y0 - 500)), [777.0]))  # outside
    layer = factory.memory_layer("Point", [("persons", float)], points, name="people")
    result = check_per_capita(landuse(), townships(False), class_field="CZCSXM", codes=("201", "202"),
                              name_field="name", population=PopulationInput(points=layer, persons_field="persons"))
    assert close(result.verdict.measured, expected(URBAN_M2)[1])
    assert any("777" in note for note in result.notes)
    # A 100 m raster over the grid, each township's cells worth a different number of persons.
    values = np.zeros((60, 60), dtype=np.float32)
    for i in range(9):
        row, col = divmod(i, 3)
        values[60 - 20 * (row + 1):60 - 20 * row, 20 * col:20 * (col + 1)] = i + 1.5
    path = tmp_path / "people.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 60, 60, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((X0, 100.0, 0.0, Y0 + 6000, 0.0, -100.0))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4544)
    dataset.SetProjection(reference.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(values)
    dataset = None
    raster = QgsRasterLayer(str(path), "people")
    result = check_per_capita(landuse(), townships(False), class_field="CZCSXM", codes=("201", "202"),
                              name_field="name", population=PopulationInput(raster=raster))
    persons = {name: 400 * (i + 1.5) for i, name in enumerate(factory.TOWNSHIP_NAMES)}
    assert close(result.verdict.measured, sum(URBAN_M2.values()) / float(values.sum()))
    by_name = {r.name: r for r in result.townships}
    for name, people in persons.items():
        assert close(by_name[name].population, people)
    assert "people" in result.method


# --- choose_target: the typed comparison ------------------------------------------------------------

def test_a_typed_target_takes_its_comparison_and_old_callers_keep_a_floor():
    assert choose_target(None, "", 120, URBAN_LAND, "m2_per_person", "x").comparison == ">="
    assert choose_target(None, "", 120, URBAN_LAND, "m2_per_person", "x", typed_comparison="<=").comparison == "<="
    with pytest.raises(ValueError):
        choose_target(None, "", 120, URBAN_LAND, "m2_per_person", "x", typed_comparison="range")


# --- Processing: the same figures, the catalogue's cap ------------------------------------------------

def test_processing_run_equals_the_core_entry_point(qgis_processing, tmp_path):
    lu, twp = landuse(), townships()
    core = check_per_capita(lu, twp, class_field="CZCSXM", codes=("201", "202"), name_field="name",
                            population=PopulationInput(field="pop"), target_value=120)
    report = tmp_path / "report.html"
    results = run_alg({"LANDUSE": lu, "TOWNSHIPS": twp, "TOWNSHIP_NAME_FIELD": "name", "POPULATION_FIELD": "pop",
                       "CATALOGUE": "chongqing", "TARGET_ID": "urban_land_per_capita_2035", "REPORT": str(report)},
                      tmp_path)
    for key, value in core.outputs().items():
        assert results[key] == (pytest.approx(value, rel=1e-9) if isinstance(value, float) else value), key
    assert results["TARGET"] == 120 and results["PASSED"] is True and results["UNIT"] == "m2_per_person"
    rows = table(results["TABLE"])
    assert rows["几江街道"]["passed"] == 0 and rows["德感街道"]["passed"] == 1
    assert rows["几江街道"]["m2_per_cap"] == pytest.approx(200.0, rel=REL)
    text = html.unescape(report.read_text(encoding="utf-8"))
    assert "人均城镇建设用地面积控制在 120 平方米以内" in text and "CZCSXM" in text and "'pop'" in text
    by_township = QgsVectorLayer(results["OUTPUT"], "out", "ogr")
    assert by_township.featureCount() == 9


def test_the_park_target_sets_the_indicator(qgis_processing, tmp_path):
    results = run_alg({"LANDUSE": landuse(), "TOWNSHIPS": townships(), "POPULATION_FIELD": "pop",
                       "CATALOGUE": "chongqing", "TARGET_ID": "park_green_per_capita_2025"}, tmp_path)
    assert results["MEASURED"] == pytest.approx(expected(PARK_M2)[1], rel=REL)
    assert results["TARGET"] == 13 and results["PASSED"] is True


@pytest.mark.slow
def test_the_cap_through_qgis_process(installed_plugin, tmp_path):
    path = tmp_path / "data.gpkg"
    land = factory.write(landuse(), path, "landuse")
    twp = factory.write(townships(), path, "townships")

    def run(*extra):
        output = installed_plugin("run", "cq_urban:check_per_capita", "--json", "--", f"LANDUSE={land}",
                                  f"TOWNSHIPS={twp}", "POPULATION_FIELD=pop", f"TABLE={tmp_path / 'table.gpkg'}",
                                  f"OUTPUT={tmp_path / 'out.gpkg'}", *extra).stdout
        return json.loads(output[output.index("{"):])["results"]

    results = run("CATALOGUE=chongqing", "TARGET_ID=urban_land_per_capita_2035")
    assert results["PASSED"] is True and results["MEASURED"] == pytest.approx(2.08e6 / sum(PEOPLE), rel=REL)
    rows = table(tmp_path / "table.gpkg")
    assert rows["几江街道"]["passed"] == 0 and rows["德感街道"]["passed"] == 1   # 200 m² fails, 100 m² passes
    typed = run("TARGET_VALUE=90")            # typed: the indicator's comparison, a cap
    assert typed["PASSED"] is False and typed["TARGET"] == 90
    floor = run("TARGET_VALUE=90", "TARGET_COMPARISON=1")
    assert floor["PASSED"] is True


# --- bad input: a message naming the parameter, the layer and the fix -------------------------------

def _raster(tmp_path, name, epsg=4544, x0=X0, with_crs=True):
    from osgeo import gdal, osr

    path = tmp_path / f"{name}.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 10, 10, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((x0, 600.0, 0.0, Y0 + 6000, 0.0, -600.0))
    if with_crs:
        reference = osr.SpatialReference()
        reference.ImportFromEPSG(epsg)
        dataset.SetProjection(reference.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(np.ones((10, 10), dtype=np.float32) * 10)
    dataset = None
    return QgsRasterLayer(str(path), name)


def test_bad_population_inputs_are_refused_with_the_fix(qgis_app, tmp_path):
    def refused(**kwargs):
        arguments = dict(class_field="CZCSXM", codes=("201", "202"), name_field="name")
        arguments.update(kwargs)
        land = arguments.pop("land", landuse())
        twp = arguments.pop("twp", townships())
        with pytest.raises(PlanInputError) as error:
            check_per_capita(land, twp, **arguments)
        return str(error.value)

    far = refused(population=PopulationInput(raster=_raster(tmp_path, "far", x0=X0 + 200000)))
    assert "POPULATION_RASTER" in far and "far" in far and "does not overlap" in far and "Assign" in far
    # cells in metres declared as degrees: the raster lies nowhere near the townships
    wrong = refused(population=PopulationInput(raster=_raster(tmp_path, "wrong_crs", epsg=4490)))
    assert "POPULATION_RASTER" in wrong and "wrong_crs" in wrong and "EPSG:4490" in wrong
    assert "no coordinate reference system" in refused(population=PopulationInput(
        raster=_raster(tmp_path, "no_crs", with_crs=False)))
    zero = factory.memory_layer("Polygon", [("name", str), ("pop", float)],
                                [(f.geometry(), [f["name"], 0.0]) for f in townships().getFeatures()])
    message = refused(twp=zero, population=PopulationInput(field="pop"))
    assert "no population to measure" in message and "POPULATION_FIELD" in message
    far_points = factory.memory_layer("Point", [("persons", float)], [
        (factory.QgsGeometry.fromPointXY(factory.QgsPointXY(X0 + 90000, Y0)), [100.0])], name="far_people")
    message = refused(population=PopulationInput(points=far_points, persons_field="persons"))
    assert "POPULATION_POINTS" in message and "far_people" in message
    assert "POPULATION_SOURCE" in refused(twp=None, population=PopulationInput(typed=1000))
    assert "TOWNSHIPS" in refused(twp=None, population=PopulationInput(field="pop"))
    assert "not 2" in refused(population=PopulationInput(field="pop", typed=5, typed_source="x"))
    polygons_as_points = refused(population=PopulationInput(points=townships(), persons_field="pop"))
    assert "POPULATION_POINTS" in polygons_as_points and "polygons" in polygons_as_points
    away = refused(land=landuse(dx=300000), population=PopulationInput(field="pop"))
    assert "lies inside any township" in away


def test_bad_input_through_processing_is_a_message(qgis_processing, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        run_alg({"LANDUSE": landuse(), "TOWNSHIPS": townships(), "POPULATION_POINTS": townships(),
                 "POPULATION_POINTS_FIELD": "pop"}, tmp_path)
    assert "POPULATION_POINTS" in str(error.value) and "Traceback" not in str(error.value)
    with pytest.raises(QgsProcessingException) as error:
        run_alg({"LANDUSE": landuse(), "TOWNSHIPS": townships(), "POPULATION_FIELD": "pop",
                 "CATALOGUE": "chongqing", "TARGET_ID": "urbanization_rate_2025"}, tmp_path)
    assert "urbanization_rate_2025" in str(error.value)


def test_the_catalogue_reader_refuses_an_unknown_indicator(tmp_path):
    from conftest import REPO

    from cq_urban_plugin.core.errors import CatalogueError
    from cq_urban_plugin.core.plan.catalogue import load_catalogue

    text = (REPO / "cq_urban_plugin" / "catalogues" / "_template.yaml").read_text(encoding="utf-8")
    assert "indicator: builtup_area" in text
    path = tmp_path / "mine.yaml"
    path.write_text(text.replace("indicator: builtup_area", "indicator: builtup_aera", 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path)
    assert "builtup_aera" in str(error.value) and "urban_land_per_capita" in str(error.value)
    assert {t.indicator for t in load_catalogue(REPO / "cq_urban_plugin" / "catalogues" / "chongqing.yaml").targets
            if t.id.endswith("per_capita_2035") or t.id.endswith("per_capita_2025")} == {URBAN_LAND, PARK_GREEN}
