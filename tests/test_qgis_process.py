"""Batch use: the packaged zip, installed into a fresh plugin path and profile,
answers `qgis_process list` and runs its algorithms with --json."""
import json
import zipfile

import pytest
from conftest import REPO
from qgis.core import QgsVectorLayer

pytestmark = pytest.mark.slow


def test_zip_holds_the_plugin_and_no_development_files(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert all(n.startswith("cq_urban_plugin/") for n in names)
    catalogues = [f"catalogues/{p.name}" for p in (REPO / "cq_urban_plugin" / "catalogues").glob("*.yaml")]
    assert catalogues
    for required in ("metadata.txt", "__init__.py", "LICENSE", "icons/icon.svg", "styles/README.md",
                     "i18n/cq_urban_zh_Hans.qm", *catalogues):
        assert f"cq_urban_plugin/{required}" in names, required
    assert not [n for n in names if "/tests/" in n or n.endswith((".ts", ".pyc")) or "__pycache__" in n]


def test_provider_listed_by_qgis_process(installed_plugin):
    listing = installed_plugin("list").stdout
    assert "cq_urban:list_targets" in listing


def test_run_with_json_output(installed_plugin, tmp_path):
    output = tmp_path / "targets.gpkg"
    result = installed_plugin("run", "cq_urban:list_targets", "--json", "--",
                              "CATALOGUE=wuxi", "INDICATOR=bus_stop_coverage", f"OUTPUT={output}")
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["results"]["TARGET_COUNT"] >= 1
    layer = QgsVectorLayer(str(output), "targets", "ogr")
    assert layer.isValid()
    rows = [f.attributes() for f in layer.getFeatures()]
    assert rows and all("bus_stop_coverage" in row for row in rows)
    values = {f["value"] for f in layer.getFeatures()}
    assert 90.0 in values
