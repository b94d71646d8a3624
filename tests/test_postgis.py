"""PostGIS layers in and out, as on GeoPackage: a real PostgreSQL + PostGIS
(Debian's packages) started by the `postgis` fixture on a local port."""
import processing
import pytest
from qgis.core import QgsDataSourceUri, QgsVectorLayer

from cq_urban_plugin.core.catalogue import bundled_catalogue


@pytest.fixture
def provider(cq_provider):
    return cq_provider


def _table(connection, name):
    uri = QgsDataSourceUri(connection)
    uri.setDataSource("public", name, None)
    return uri.uri(False)


def test_table_output_written_into_postgis(postgis, provider):
    destination = "postgres://" + _table(postgis, "wuxi_targets")
    results = processing.run("cq_urban:list_targets", {"CATALOGUE": "wuxi", "OUTPUT": destination})
    layer = QgsVectorLayer(_table(postgis, "wuxi_targets"), "targets", "postgres")
    assert layer.isValid()
    catalogue = bundled_catalogue("wuxi")
    assert results["TARGET_COUNT"] == len(catalogue.targets) == layer.featureCount()
    assert {f["target_id"] for f in layer.getFeatures()} == {t.id for t in catalogue.targets}
