"""A user's files are never lost: the holes a hostile test found (issue #19, data loss).

Each case runs as the user meets it, through ``qgis_process`` with the packaged
plugin, and checks the outcome: a clear message naming the parameter and the
fix, the input's and the previous output's checksums unchanged, and no stray
files; or the correct result.
"""
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import factory
import pytest
from qgis.core import QgsVectorLayer

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "layers" / "jiangjin.gpkg"


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def layer_names(path: Path):
    from osgeo import gdal

    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]


def feature_count(path: Path, layer=None) -> int:
    from osgeo import gdal

    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    found = dataset.GetLayerByName(layer) if layer else dataset.GetLayer(0)
    return found.GetFeatureCount(True)


@pytest.fixture
def known(tmp_path):
    """A copy of the 江津 sample GeoPackage standing for the user's own data."""
    path = tmp_path / "known.gpkg"
    shutil.copy(SAMPLE, path)
    return path


def refused(result, *words):
    text = result.stdout + result.stderr
    assert result.returncode != 0, text[-2000:]
    assert "Traceback" not in text, text[-3000:]
    for word in words:
        assert word in text, (word, text[-2000:])
    return text


def stray(folder: Path, *expected):
    return sorted(p.name for p in folder.iterdir() if p.name not in expected)


@pytest.mark.slow
def test_a_report_path_that_is_an_input_file_is_refused(installed_plugin, known):
    before = digest(known)
    result = installed_plugin("run", "cq_urban:check_builtup", "--", f"BUILTUP={known}|layername=builtup",
                              "TARGET_VALUE=100", "OUTPUT=TEMPORARY_OUTPUT", "TABLE=TEMPORARY_OUTPUT",
                              f"REPORT={known}", check=False)
    refused(result, "REPORT", "Choose another file")
    assert digest(known) == before
    assert layer_names(known)[:2] == ["district", "townships"]


@pytest.mark.slow
def test_an_output_uri_naming_an_input_is_refused(installed_plugin, known):
    before = digest(known)
    result = installed_plugin("run", "cq_urban:tag_townships", "--", f"INPUT={known}|layername=townships",
                              "NAME_FIELD=name", "CATALOGUE=jiangjin", "MATCH_REPORT=TEMPORARY_OUTPUT",
                              f"OUTPUT=ogr:dbname='{known}' table=\"townships\" (geom)", check=False)
    refused(result, "OUTPUT", "Choose another file")
    assert digest(known) == before


@pytest.mark.slow
def test_two_outputs_into_one_file_are_refused(installed_plugin, known, tmp_path):
    target = tmp_path / "x.gpkg"
    result = installed_plugin("run", "cq_urban:check_builtup", "--", f"BUILTUP={known}|layername=builtup",
                              "TARGET_VALUE=100", f"OUTPUT={target}", f"TABLE={target}", check=False)
    refused(result, "OUTPUT", "TABLE", "same file")
    assert not target.exists()
    assert stray(tmp_path, "known.gpkg") == []


def test_a_csv_output_over_a_delimited_text_input_is_refused(cq_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    table = tmp_path / "stops.csv"
    table.write_text("name,lon,lat\n站A,106.26,29.29\n站B,106.27,29.30\n", encoding="utf-8")
    before = digest(table)
    layer = QgsVectorLayer(f"file://{table}?type=csv&xField=lon&yField=lat&crs=EPSG:4326", "stops", "delimitedtext")
    assert layer.isValid() and layer.featureCount() == 2
    with pytest.raises(QgsProcessingException, match="OUTPUT"):
        processing.run("cq_urban:convert_web_coordinates", {"INPUT": layer, "OUTPUT": str(table)})
    assert digest(table) == before


@pytest.mark.slow
def test_a_layer_named_after_the_output_in_every_geopackage(installed_plugin, known, tmp_path):
    tagged = tmp_path / "tagged.gpkg"
    installed_plugin("run", "cq_urban:tag_townships", "--", f"INPUT={known}|layername=townships",
                     "NAME_FIELD=name", "CATALOGUE=jiangjin", "MATCH_REPORT=TEMPORARY_OUTPUT", f"OUTPUT={tagged}")
    assert [n for n in layer_names(tagged) if n != "layer_styles"] == ["tagged"]  # styles live beside it
    info = subprocess.run(["ogrinfo", "-so", str(tagged), "tagged"], capture_output=True, text=True)
    assert info.returncode == 0 and "Feature Count: 30" in info.stdout, info.stdout + info.stderr


@pytest.mark.slow
def test_a_layer_name_given_with_the_output_is_used_not_put_in_the_file_name(installed_plugin, known, tmp_path):
    target = tmp_path / "result.gpkg"
    installed_plugin("run", "cq_urban:tag_townships", "--", f"INPUT={known}|layername=townships",
                     "NAME_FIELD=name", "CATALOGUE=jiangjin", "MATCH_REPORT=TEMPORARY_OUTPUT",
                     f"OUTPUT={target}|layername=roles")
    assert stray(tmp_path, "known.gpkg", "result.gpkg") == []
    assert [n for n in layer_names(target) if n != "layer_styles"] == ["roles"]
    assert feature_count(target, "roles") == 30


@pytest.mark.slow
def test_repeated_fid_values_keep_every_feature(installed_plugin, tmp_path):
    """A Shapefile whose integer fid repeats (GeoPackages exported and merged): all 9 kept."""
    rows = [(factory.square(factory.X0 + (i % 3) * factory.SIDE, factory.Y0 + (i // 3) * factory.SIDE,
                            factory.SIDE), [1, name]) for i, name in enumerate(factory.TOWNSHIP_NAMES)]
    layer = factory.memory_layer("Polygon", [("fid", int), ("name", str)], rows)
    shapefile = tmp_path / "merged.shp"
    factory.write(layer, shapefile, driver="ESRI Shapefile")
    target = tmp_path / "tagged.gpkg"
    result = installed_plugin("run", "cq_urban:tag_townships", "--json", "--", f"INPUT={shapefile}",
                              "NAME_FIELD=name", "CATALOGUE=jiangjin", "MATCH_REPORT=TEMPORARY_OUTPUT",
                              f"OUTPUT={target}")
    assert feature_count(target) == 9
    tagged = QgsVectorLayer(f"{target}|layername=tagged", "t", "ogr")
    assert sorted(f["name"] for f in tagged.getFeatures()) == sorted(factory.TOWNSHIP_NAMES)
    assert {f["fid"] for f in tagged.getFeatures()} == {1}  # the user's own values, kept as they were
    assert '"MATCHED": 9' in result.stdout


@pytest.mark.slow
def test_abandoned_staging_left_by_a_killed_run_is_cleared(installed_plugin, known, tmp_path):
    abandoned = tmp_path / ".cq_urban_partial-999999999-deadbeef"
    abandoned.mkdir()
    (abandoned / "tagged.gpkg").write_bytes(b"half a file")
    installed_plugin("run", "cq_urban:tag_townships", "--", f"INPUT={known}|layername=townships",
                     "NAME_FIELD=name", "CATALOGUE=jiangjin", "MATCH_REPORT=TEMPORARY_OUTPUT",
                     f"OUTPUT={tmp_path / 'tagged.gpkg'}")
    assert stray(tmp_path, "known.gpkg", "tagged.gpkg") == []


@pytest.fixture
def small_disk(tmp_path):
    """A real file system of 3 MB (tmpfs), so that a disk really fills up."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def _fill(folder: Path, leave: int):
    """Fill the file system of ``folder`` until ``leave`` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "filler.bin", "wb") as filler:
        filler.write(b"\0" * max(free - leave, 0))


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".gpkg", ".csv"])
def test_a_full_disk_fails_the_run_and_keeps_the_previous_output(installed_plugin, known, small_disk, suffix):
    target = small_disk / f"tagged{suffix}"
    arguments = ["run", "cq_urban:tag_townships", "--", f"INPUT={known}|layername=townships", "NAME_FIELD=name",
                 "CATALOGUE=jiangjin", "MATCH_REPORT=TEMPORARY_OUTPUT", f"OUTPUT={target}"]
    installed_plugin(*arguments)
    before, input_before = digest(target), digest(known)
    _fill(small_disk, 8 * 1024)
    result = installed_plugin(*arguments, check=False)
    text = refused(result, "OUTPUT", "The previous", "free space")
    # The sink refusing a feature (GeoPackage), or the file read back holding fewer than were written (CSV).
    assert "could not be written" in text or "was not written completely" in text, text[-2000:]
    assert digest(target) == before
    assert digest(known) == input_before
    assert stray(small_disk, target.name, "filler.bin") == []


def test_a_layer_written_into_an_existing_geopackage_keeps_its_other_layers(cq_provider, known):
    """OUTPUT naming one layer of an existing GeoPackage adds (or replaces) that layer only."""
    import processing

    before = layer_names(known)
    processing.run("cq_urban:list_targets", {"CATALOGUE": "wuxi",
                                             "OUTPUT": f"ogr:dbname='{known}' table=\"targets\" (geom)"})
    processing.run("cq_urban:list_targets", {"CATALOGUE": "wuxi", "OUTPUT": f"{known}|layername=targets_too"})
    after = layer_names(known)
    assert [n for n in after if n not in before] == ["targets", "targets_too"]
    assert all(n in after for n in before)
    assert feature_count(known, "townships") == 30 and feature_count(known, "targets") >= 15
    assert stray(known.parent, "known.gpkg") == []


@pytest.mark.slow
def test_a_text_fid_field_is_written_as_a_field(installed_plugin, tmp_path):
    """A Shapefile whose fid field holds text (an export from another system): QGIS's writer
    would take it for the GeoPackage key and fail on a staged file's name; it stays a field."""
    rows = [(factory.square(factory.X0 + i * factory.SIDE, factory.Y0, factory.SIDE), [f"JJ-{i:03d}", name])
            for i, name in enumerate(factory.TOWNSHIP_NAMES[:4])]
    shapefile = tmp_path / "coded.shp"
    factory.write(factory.memory_layer("Polygon", [("fid", str), ("name", str)], rows), shapefile,
                  driver="ESRI Shapefile")
    target = tmp_path / "tagged.gpkg"
    result = installed_plugin("run", "cq_urban:tag_townships", "--", f"INPUT={shapefile}", "NAME_FIELD=name",
                              "CATALOGUE=jiangjin", "MATCH_REPORT=TEMPORARY_OUTPUT", f"OUTPUT={target}", check=False)
    assert result.returncode == 0, _text_of(result)
    assert ".cq_urban_partial" not in _text_of(result)
    tagged = QgsVectorLayer(f"{target}|layername=tagged", "t", "ogr")
    assert sorted(f["fid"] for f in tagged.getFeatures()) == ["JJ-000", "JJ-001", "JJ-002", "JJ-003"]


def _text_of(result):
    return result.stdout[-2000:] + result.stderr[-2000:]
