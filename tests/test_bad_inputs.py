"""Bad input across every algorithm: each case gets a clear message or a correct
result, never a traceback, never a silently different number, and the input
file is left byte for byte as it was.

Each algorithm has a baseline run on the known layers of tests/factory.py;
each case changes one input and runs it again through processing.run.
"""
import hashlib
import math

import factory
import processing
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from cq_urban_plugin.algorithms import ALGORITHMS
from cq_urban_plugin.compat import FieldType, GeometryType

# Per algorithm: the parameters of the baseline run (layer roles of factory.sample_gpkg
# in braces), the parameter holding the polygon/point input that cases change, and
# the result key compared with the baseline where a case must give the same number.
BASELINES = {
    "tag_townships": ({"INPUT": "{TOWNSHIPS}", "NAME_FIELD": "name", "CATALOGUE": "jiangjin",
                       "OUTPUT": "TEMPORARY_OUTPUT", "MATCH_REPORT": "TEMPORARY_OUTPUT"}, "INPUT", "MATCHED"),
    "check_builtup": ({"BUILTUP": "{BUILTUP}", "TOWNSHIPS": "{TOWNSHIPS}", "TOWNSHIP_NAME_FIELD": "name",
                       "CATALOGUE": "jiangjin", "TARGET_VALUE": 5, "OUTPUT": "TEMPORARY_OUTPUT",
                       "TABLE": "TEMPORARY_OUTPUT"}, "BUILTUP", "MEASURED"),
    "check_coverage": ({"STOPS": "{STOPS}", "SERVED_AREA": "{BUILTUP}", "TOWNSHIPS": "{TOWNSHIPS}",
                        "TOWNSHIP_NAME_FIELD": "name", "RADIUS": 500, "CATALOGUE": "wuxi", "TARGET_VALUE": 90,
                        "SERVICE_AREA": "TEMPORARY_OUTPUT", "UNCOVERED": "TEMPORARY_OUTPUT",
                        "TABLE": "TEMPORARY_OUTPUT"}, "SERVED_AREA", "MEASURED"),
    "check_control_lines": ({"TOWNSHIPS": "{TOWNSHIPS}", "TOWNSHIP_NAME_FIELD": "name", "ECOLOGY": "{ECOLOGY}",
                             "FARMLAND": "{FARMLAND}", "DEVELOPMENT": "{DEVELOPMENT}", "BUILTUP": "{BUILTUP}",
                             "OUTPUT": "TEMPORARY_OUTPUT", "OVERLAPS": "TEMPORARY_OUTPUT",
                             "BUILTUP_OUTSIDE": "TEMPORARY_OUTPUT", "SUMMARY": "TEMPORARY_OUTPUT"},
                            "TOWNSHIPS", "MEASURED"),
    "convert_web_coordinates": ({"INPUT": "{STOPS_GCJ}", "SOURCE_SYSTEM": 0, "OUTPUT": "TEMPORARY_OUTPUT"},
                                "INPUT", None),
    "export_map": ({"INPUT": "{TOWNSHIPS}", "FIELD": "name", "PAPER": 1, "DPI": 50, "OUTPUT": "{tmp}/map.png"},
                   "INPUT", None),
    "check_per_capita": ({"LANDUSE": "{LANDUSE}", "TOWNSHIPS": "{TOWNSHIPS_POP}", "TOWNSHIP_NAME_FIELD": "name",
                          "POPULATION_FIELD": "pop", "TARGET_VALUE": 120, "OUTPUT": "TEMPORARY_OUTPUT",
                          "TABLE": "TEMPORARY_OUTPUT"}, "LANDUSE", "MEASURED"),
    "measure_population": ({"TOWNSHIPS": "{TOWNSHIPS_POP}", "TOWNSHIP_NAME_FIELD": "name", "POPULATION_FIELD": "pop",
                            "CATALOGUE": "jiangjin", "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT",
                            "TARGETS": "TEMPORARY_OUTPUT"}, "TOWNSHIPS", "MEASURED"),
    "check_land_share": ({"INDICATOR": "green_space_ratio", "INPUT": "{LANDUSE}", "CLASS_PRESET": 1,
                          "EXTENT": "{BUILTUP}", "TOWNSHIPS": "{TOWNSHIPS}", "TOWNSHIP_NAME_FIELD": "name",
                          "TARGET_VALUE": 30, "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"},
                         "EXTENT", "MEASURED"),
    "check_distance_rule": ({"INPUT": "{PLANTS}", "NEAR": "{RIVER}", "NEAR_NAME_FIELD": "name", "DISTANCE": 1000,
                             "TOWNSHIPS": "{TOWNSHIPS}", "TOWNSHIP_NAME_FIELD": "name", "TARGET_VALUE": 0,
                             "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"}, "INPUT", "MEASURED"),
    "list_targets": None,  # no layer input
    "read_delivery": None,  # a folder or file, not a layer (its bad inputs: tests/test_delivery.py)
    "check_delivery": None,  # the same: tests/test_delivery_quality.py
    "check_facility_coverage": ({"FACILITIES": "{STOPS}", "SERVED_AREA": "{BUILTUP}", "TOWNSHIPS": "{TOWNSHIPS}",
                                 "TOWNSHIP_NAME_FIELD": "name", "PRESET": "bus_stop_500m", "CATALOGUE": "wuxi",
                                 "TARGET_VALUE": 90, "SERVICE_AREA": "TEMPORARY_OUTPUT",
                                 "UNCOVERED": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"},
                                "SERVED_AREA", "MEASURED"),
    "check_plan": None,  # a bad layer is its targets' row, not the run's end (tests/test_plan_check.py)
    "export_dossier": None,  # check_plan's inputs, run inside (its bad inputs there); tests/test_dossier.py
}
# The other layer inputs of an algorithm, each changed in turn by the cases that change a layer (the
# name field and the cancelled run do not depend on which); their numbers are held to the same rules.
OTHER_INPUTS = {"check_per_capita": ("TOWNSHIPS",), "check_land_share": ("INPUT", "TOWNSHIPS"),
                "check_distance_rule": ("NEAR", "TOWNSHIPS")}
CHANGED_INPUT_CASES = ("empty", "geographic", "invalid_and_null", "no_crs", "shapefile_without_prj", "multipart")
NAME_FIELD_PARAMS = ("NAME_FIELD", "TOWNSHIP_NAME_FIELD")
# Reads coordinates as GCJ-02/BD-09 degrees whatever CRS the layer declares (web
# scrapes declare anything or nothing): a missing CRS must give the same result.
IGNORES_DECLARED_CRS = {"convert_web_coordinates": "CONVERTED",
                        # tagging writes attributes and copies geometries as they are
                        "tag_townships": "MATCHED"}
# Checks whose figure is a union: one multipart feature must give the same number.
SAME_NUMBER_WHEN_MERGED = {"check_builtup", "check_coverage", "check_land_share",
                           # (algorithm, other input): the jurisdiction's figure does not depend on the townships
                           ("check_land_share", "TOWNSHIPS"), ("check_distance_rule", "TOWNSHIPS")}


@pytest.fixture
def provider(cq_provider):
    return cq_provider


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad_inputs")
    sources = factory.sample_gpkg(folder / "known.gpkg")
    gcj = factory.memory_layer("Point", [("stop", str)], [
        (QgsGeometry.fromWkt("POINT(106.26 29.29)"), ["a"]), (QgsGeometry.fromWkt("POINT(106.27 29.30)"), ["b"])],
        crs="EPSG:4326", name="stops_gcj")
    sources["STOPS_GCJ"] = factory.write(gcj, folder / "known.gpkg", "stops_gcj")
    sources["folder"] = folder
    return sources


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _params(name, data, tmp_path):
    params, _, _ = BASELINES[name]
    filled = {}
    for key, value in params.items():
        if isinstance(value, str) and value.startswith("{"):
            value = value.replace("{tmp}", str(tmp_path))
            if value.startswith("{"):
                value = data[value.strip("{}")]
        filled[key] = value
    return filled


def _run(name, params):
    return processing.run(f"cq_urban:{name}", params)


def _assert_clear(message, *names):
    assert "unexpected error" not in message and "Traceback" not in message, message
    assert any(n in message for n in names), f"the message names none of {names}: {message}"


def _layer_from(source):
    path, _, layer_name = source.partition("|layername=")
    return QgsVectorLayer(source, layer_name or "layer", "ogr")


def _variant(data, source, tmp_path, label, edit, crs="same", driver="GPKG", suffix=".gpkg"):
    """A copy of ``source`` changed by ``edit(layer)`` written to a file of its own."""
    original = _layer_from(source)
    copy = factory.memory_layer(
        _geometry_name(original), [(f.name(), _pytype(f)) for f in original.fields() if f.name() != "fid"],
        [(f.geometry(), [f[n.name()] for n in original.fields() if n.name() != "fid"])
         for f in original.getFeatures()],
        crs=original.crs().authid() if crs == "same" else crs, name=label)
    edit(copy)
    if driver == "GPKG":
        return factory.write(copy, tmp_path / f"{label}{suffix}", label)
    return factory.write(copy, tmp_path / f"{label}{suffix}", driver=driver)


def _geometry_name(layer):
    return {GeometryType.Point: "Point", GeometryType.Line: "LineString",
            GeometryType.Polygon: "Polygon"}[layer.geometryType()]


def _pytype(field):
    return {FieldType.Int: int, FieldType.LongLong: int, FieldType.Double: float}.get(field.type(), str)


def _algorithms():
    return [cls.NAME for cls in ALGORITHMS]


def test_every_algorithm_has_a_baseline():
    assert set(_algorithms()) <= set(BASELINES), set(_algorithms()) - set(BASELINES)


def _cases():
    return [(name, case) for name in sorted(BASELINES) if BASELINES[name]
            for case in ("empty", "geographic", "invalid_and_null", "no_crs", "shapefile_without_prj",
                         "missing_field", "multipart", "cancelled")]


def _other_cases():
    return [(name, key, case) for name in sorted(OTHER_INPUTS) for key in OTHER_INPUTS[name]
            for case in CHANGED_INPUT_CASES]


@pytest.mark.parametrize("name,case", _cases())
def test_bad_input(name, case, provider, data, tmp_path):
    _check(name, BASELINES[name][1], case, data, tmp_path)


@pytest.mark.parametrize("name,key,case", _other_cases())
def test_bad_other_input(name, key, case, provider, data, tmp_path):
    _check(name, key, case, data, tmp_path)


def _check(name, key, case, data, tmp_path):
    if name not in _algorithms():
        pytest.fail(f"{name} is listed here but not registered")
    params = _params(name, data, tmp_path)
    result_key = BASELINES[name][2]
    gpkg = data["folder"] / "known.gpkg"
    before = _digest(gpkg)
    baseline = _run(name, dict(params))
    layer_label = case

    if case == "empty":
        params[key] = _variant(data, params[key], tmp_path, "empty_layer",
                               lambda layer: layer.dataProvider().truncate())
        layer_label = "empty_layer"
    elif case == "geographic":
        params[key] = processing.run("native:reprojectlayer", {
            "INPUT": params[key], "TARGET_CRS": "EPSG:4490", "OUTPUT": str(tmp_path / "geographic.gpkg")})["OUTPUT"]
    elif case == "invalid_and_null":
        def edit(layer):
            provider = layer.dataProvider()
            geometry_type = layer.geometryType()
            changes = {}
            ids = [f.id() for f in layer.getFeatures()]
            changes[ids[0]] = QgsGeometry()  # a null geometry
            provider.changeGeometryValues(changes)
            if geometry_type == 2 and len(ids) > 1:  # a self-intersecting bow-tie of the same area extent
                first = layer.getFeature(ids[1]).geometry().boundingBox()
                x0, y0, x1, y1 = first.xMinimum(), first.yMinimum(), first.xMaximum(), first.yMaximum()
                provider.changeGeometryValues({ids[1]: QgsGeometry.fromWkt(
                    f"POLYGON(({x0} {y0},{x1} {y1},{x1} {y0},{x0} {y1},{x0} {y0}))")})
        params[key] = _variant(data, params[key], tmp_path, "broken_geometries", edit)
        layer_label = "broken_geometries"
    elif case == "no_crs":  # a GeoPackage written without one says "Undefined geographic SRS"
        params[key] = _variant(data, params[key], tmp_path, "no_crs", lambda layer: None, crs=None)
        layer_label = "no_crs"
    elif case == "shapefile_without_prj":
        params[key] = _variant(data, params[key], tmp_path, "no_prj", lambda layer: None,
                               driver="ESRI Shapefile", suffix=".shp")
        (tmp_path / "no_prj.prj").unlink()
        layer_label = "no_prj"
    elif case == "multipart":  # every feature merged into one multipart feature with the first's attributes
        original = _layer_from(params[key])
        if original.geometryType() != GeometryType.Polygon:
            pytest.skip("the multipart case is for polygon inputs")
        merged = QgsGeometry.collectGeometry([f.geometry() for f in original.getFeatures()])
        first = next(original.getFeatures())
        fields = [f for f in original.fields() if f.name() != "fid"]
        params[key] = factory.write(factory.memory_layer(
            "MultiPolygon", [(f.name(), _pytype(f)) for f in fields], [(merged, [first[f.name()] for f in fields])],
            crs=original.crs().authid(), name="multipart"), tmp_path / "multipart.gpkg", "multipart")
        layer_label = "multipart"
    elif case == "cancelled":
        feedback = QgsProcessingFeedback()
        feedback.cancel()
        with pytest.raises(QgsProcessingException) as raised:
            processing.run(f"cq_urban:{name}", params, feedback=feedback)
        _assert_clear(str(raised.value), "ancel")
        assert _digest(gpkg) == before
        return
    elif case == "missing_field":
        field_params = [p for p in NAME_FIELD_PARAMS if p in params]
        if not field_params:
            pytest.skip(f"{name} takes no field parameter")
        params[field_params[0]] = "no_such_field"
        layer_label = "no_such_field"

    try:
        results = _run(name, params)
    except QgsProcessingException as error:
        message = str(error)
        _assert_clear(message, layer_label, key, "no_such_field")
        if case in ("no_crs", "shapefile_without_prj"):
            assert "coordinate reference system" in message, message
        if case == "geographic":
            pytest.fail(f"a geographic CRS must be handled, not refused: {message}")
    else:
        merged_same = (name in SAME_NUMBER_WHEN_MERGED and key == BASELINES[name][1]) or (
            (name, key) in SAME_NUMBER_WHEN_MERGED)
        if result_key and (case == "geographic" or case == "multipart" and merged_same):
            assert math.isclose(results[result_key], baseline[result_key], rel_tol=1e-4), (results, baseline)
        if case in ("no_crs", "shapefile_without_prj") and name in IGNORES_DECLARED_CRS:
            key = IGNORES_DECLARED_CRS[name]
            assert results[key] == baseline[key], (results, baseline)
        elif case in ("no_crs", "shapefile_without_prj", "missing_field"):
            pytest.fail(f"{name} ran on {case} instead of saying what to fix: {results}")
        if case == "empty" and result_key == "MEASURED":
            pytest.fail(f"{name} gave a number for an empty layer: {results}")
    assert _digest(gpkg) == before


class _Notes(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802 (QGIS's name)
        self.infos.append(info)
        super().pushInfo(info)


def test_land_outside_the_townships_is_said(provider, data, tmp_path):
    """check_per_capita measures the land inside the townships: what lies outside them is said with its
    area, as check_builtup and check_land_share say it, not left out in silence."""
    def drop_first(layer):
        layer.dataProvider().deleteFeatures([next(layer.getFeatures()).id()])  # 几江街道: 1.09 km² of the land

    params = _params("check_per_capita", data, tmp_path)
    baseline = _run("check_per_capita", dict(params))
    params["TOWNSHIPS"] = _variant(data, params["TOWNSHIPS"], tmp_path, "eight_townships", drop_first)
    feedback = _Notes()
    results = processing.run("cq_urban:check_per_capita", params, feedback=feedback)
    missing = baseline["LAND_KM2"] - results["LAND_KM2"]
    assert missing > 0.5, (baseline, results)
    said = [i for i in feedback.infos if "lies outside every township" in i]
    assert said and f"{missing:.3f} km²" in said[0], feedback.infos


@pytest.mark.parametrize("name", ["check_per_capita", "measure_population"])
def test_a_township_given_twice_is_said(name, provider, data, tmp_path):
    """A township layer holding one township twice (two exports appended) counts its land and persons
    twice: the run says which townships overlap, as check_builtup and check_land_share say it."""
    def twice(layer):
        layer.dataProvider().addFeatures([QgsFeature(next(layer.getFeatures()))])  # 几江街道 again

    params = _params(name, data, tmp_path)
    params["TOWNSHIPS"] = _variant(data, params["TOWNSHIPS"], tmp_path, "townships_twice", twice)
    feedback = _Notes()
    processing.run(f"cq_urban:{name}", params, feedback=feedback)
    assert any("Townships overlap" in i and "几江街道 / 几江街道 (4.0000 km²)" in i for i in feedback.infos), \
        feedback.infos
