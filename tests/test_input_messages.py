"""Untidy and unclear cases a hostile test found (issue #19): each now gets a message
that names the parameter, the layer and the fix, or the right result."""
import os
import shutil
import subprocess
from pathlib import Path

import factory
import processing
import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "layers" / "jiangjin.gpkg"


def _text(result):
    return result.stdout + result.stderr


@pytest.mark.slow
def test_points_given_as_townships_are_refused_by_name(installed_plugin):
    result = installed_plugin("run", "cq_urban:check_builtup", "--", f"BUILTUP={SAMPLE}|layername=builtup",
                              f"TOWNSHIPS={SAMPLE}|layername=bus_stops", "TOWNSHIP_NAME_FIELD=name",
                              "TARGET_VALUE=100", "OUTPUT=TEMPORARY_OUTPUT", "TABLE=TEMPORARY_OUTPUT", check=False)
    assert result.returncode != 0
    assert "Parameter TOWNSHIPS: layer 'jiangjin (bus_stops)' holds points" in _text(result), _text(result)
    assert "Traceback" not in _text(result)


@pytest.mark.slow
def test_polygons_given_as_stops_are_refused_by_name(installed_plugin):
    result = installed_plugin("run", "cq_urban:check_coverage", "--", f"STOPS={SAMPLE}|layername=builtup",
                              f"SERVED_AREA={SAMPLE}|layername=builtup", "RADIUS=500", "TARGET_VALUE=90",
                              "SERVICE_AREA=TEMPORARY_OUTPUT", "UNCOVERED=TEMPORARY_OUTPUT",
                              "TABLE=TEMPORARY_OUTPUT", check=False)
    assert result.returncode != 0
    assert "Parameter STOPS: layer 'jiangjin (builtup)' holds polygons" in _text(result), _text(result)


@pytest.mark.slow
def test_a_geopackage_of_several_layers_says_which_layer_is_read(installed_plugin, tmp_path):
    result = installed_plugin("run", "cq_urban:convert_web_coordinates", "--", f"INPUT={SAMPLE}",
                              f"OUTPUT={tmp_path / 'out.gpkg'}", check=False)
    from osgeo import ogr

    layers = ogr.Open(str(SAMPLE)).GetLayerCount()
    assert f"holds {layers} layers" in _text(result) and "the first, 'district', is read" in _text(result), \
        _text(result)


@pytest.mark.slow
def test_a_geometry_collection_layer_is_told_what_it_is_not_that_it_lacks_a_crs(installed_plugin, tmp_path):
    collection = tmp_path / "collection.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(collection), str(SAMPLE), "builtup", "-nlt", "GEOMETRYCOLLECTION"],
                   check=True, capture_output=True)
    result = installed_plugin("run", "cq_urban:check_builtup", "--", f"BUILTUP={collection}", "TARGET_VALUE=100",
                              "OUTPUT=TEMPORARY_OUTPUT", "TABLE=TEMPORARY_OUTPUT", check=False)
    text = _text(result)
    assert result.returncode != 0
    assert "GEOMETRYCOLLECTION" in text and "declares EPSG:4490" in text and "no coordinate" not in text, text


def test_the_users_own_role_field_is_kept_under_a_new_name(cq_provider):
    rows = [(factory.square(factory.X0 + i * factory.SIDE, factory.Y0, factory.SIDE), [name, "我们自己的分类"])
            for i, name in enumerate(factory.TOWNSHIP_NAMES[:3])]
    layer = factory.memory_layer("Polygon", [("name", str), ("role", str)], rows)
    result = processing.run("cq_urban:tag_townships", {"INPUT": layer, "NAME_FIELD": "name", "CATALOGUE": "jiangjin",
                                                       "OUTPUT": "TEMPORARY_OUTPUT",
                                                       "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    tagged = result["OUTPUT"]
    names = tagged.fields().names()
    assert "role_own" in names and "role" in names
    values = {f["name"]: (f["role_own"], f["role"]) for f in tagged.getFeatures()}
    assert all(own == "我们自己的分类" for own, _ in values.values())
    assert values["几江街道"][1] and values["几江街道"][1] != "我们自己的分类"  # the plan's role


def test_a_retagged_layer_replaces_its_earlier_tags(cq_provider):
    rows = [(factory.square(factory.X0 + i * factory.SIDE, factory.Y0, factory.SIDE), [name])
            for i, name in enumerate(factory.TOWNSHIP_NAMES[:3])]
    layer = factory.memory_layer("Polygon", [("name", str)], rows)
    once = processing.run("cq_urban:tag_townships", {"INPUT": layer, "NAME_FIELD": "name", "CATALOGUE": "jiangjin",
                                                     "OUTPUT": "TEMPORARY_OUTPUT", "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    twice = processing.run("cq_urban:tag_townships", {"INPUT": once["OUTPUT"], "NAME_FIELD": "name",
                                                      "CATALOGUE": "jiangjin", "OUTPUT": "TEMPORARY_OUTPUT",
                                                      "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    assert twice["OUTPUT"].fields().names() == once["OUTPUT"].fields().names()


def test_served_polygons_without_population_are_named(cq_provider):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    served = factory.memory_layer("Polygon", [("pop", int)], [
        (factory.square(factory.X0, factory.Y0, 1000), [1000]),
        (factory.square(factory.X0 + 1000, factory.Y0, 1000), [None])])
    stops = factory.memory_layer("Point", [("id", int)], [
        (factory.QgsGeometry.fromPointXY(factory.QgsPointXY(factory.X0 + 500, factory.Y0 + 500)), [1])])
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802 (QGIS's name)
            warnings.append(text)
            super().pushWarning(text)

    processing.run("cq_urban:check_coverage", {
        "STOPS": stops, "SERVED_AREA": served, "RADIUS": 500, "MEASURE": 1, "POPULATION_FIELD": "pop",
        "TARGET_VALUE": 90, "SERVICE_AREA": "TEMPORARY_OUTPUT", "UNCOVERED": "TEMPORARY_OUTPUT",
        "TABLE": "TEMPORARY_OUTPUT"}, context=QgsProcessingContext(), feedback=Feedback())
    assert any("have no population in field 'pop'" in w and "feature ids 2" in w for w in warnings), warnings


@pytest.fixture
def read_only_folder(tmp_path):
    """A real read-only file system (root writes anywhere else)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True).returncode == 0
    if not mounted:
        folder.chmod(0o555)
        if os.access(folder, os.W_OK):
            pytest.skip("cannot make a folder read-only here")
    else:
        (folder / "previous.html").write_text("<p>previous</p>", encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
    try:
        yield folder
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        else:
            folder.chmod(0o755)


@pytest.mark.slow
def test_a_report_into_a_read_only_folder_names_the_parameter_and_folder(installed_plugin, read_only_folder):
    result = installed_plugin("run", "cq_urban:check_builtup", "--", f"BUILTUP={SAMPLE}|layername=builtup",
                              "TARGET_VALUE=100", "OUTPUT=TEMPORARY_OUTPUT", "TABLE=TEMPORARY_OUTPUT",
                              f"REPORT={read_only_folder / 'report.html'}", check=False)
    text = _text(result)
    assert result.returncode != 0
    assert "REPORT" in text and str(read_only_folder) in text and "cannot be written to" in text, text
    assert "Traceback" not in text and ".partial" not in text and "tmp" not in text.split(str(read_only_folder))[0][-5:]


def test_a_report_that_cannot_be_written_is_said_with_its_own_name(qgis_app, tmp_path):
    from cq_urban_plugin.core.errors import PlanInputError
    from cq_urban_plugin.core.files.atomic import atomic_write_text

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    with pytest.raises(PlanInputError, match="report.html could not be written"):
        atomic_write_text(blocked / "report.html", "<p>x</p>")
    assert shutil.disk_usage(tmp_path) and sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]
