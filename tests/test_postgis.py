"""PostGIS layers in and out, as on GeoPackage: a real PostgreSQL + PostGIS
(Debian's packages) started by the `postgis` fixture on a local port."""
import processing
import pytest
from conftest import REPO
from qgis.core import QgsDataSourceUri, QgsVectorLayer

from cq_urban_plugin.core.plan.catalogue import bundled_catalogue


@pytest.fixture
def provider(cq_provider):
    return cq_provider


def _table(connection, name, geometry_column=None):
    """A table's URI; a spatial table's destination must name its geometry column,
    or QGIS's exporter writes the attributes only."""
    uri = QgsDataSourceUri(connection)
    uri.setDataSource("public", name, geometry_column)
    return uri.uri(False)


def test_table_output_written_into_postgis(postgis, provider):
    destination = "postgres://" + _table(postgis, "wuxi_targets")
    results = processing.run("cq_urban:list_targets", {"CATALOGUE": "wuxi", "OUTPUT": destination})
    layer = QgsVectorLayer(_table(postgis, "wuxi_targets"), "targets", "postgres")
    assert layer.isValid()
    catalogue = bundled_catalogue("wuxi")
    assert results["TARGET_COUNT"] == len(catalogue.targets) == layer.featureCount()
    assert {f["target_id"] for f in layer.getFeatures()} == {t.id for t in catalogue.targets}


GPKG = REPO / "layers" / "kaizhou.gpkg"


@pytest.fixture
def kaizhou_in_postgis(postgis):
    import subprocess

    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{postgis}", str(GPKG), "townships", "builtup",
                    "-lco", "GEOMETRY_NAME=geom", "-lco", "OVERWRITE=YES"], check=True, capture_output=True)

    def layer(name):
        uri = QgsDataSourceUri(postgis)
        uri.setDataSource("public", name, "geom")
        found = QgsVectorLayer(uri.uri(False), name, "postgres")
        assert found.isValid(), name
        return found

    return layer


def test_tag_and_builtup_on_postgis_equal_geopackage(postgis, provider, kaizhou_in_postgis, tmp_path):
    """Inputs read from PostGIS and the tagged output written back into it give the
    same tags and the same built-up figure as the GeoPackage layers."""
    destination = "postgres://" + _table(postgis, "kaizhou_tagged", "geom")
    from_db = processing.run("cq_urban:tag_townships", {
        "INPUT": kaizhou_in_postgis("townships"), "NAME_FIELD": "name", "CATALOGUE": "kaizhou",
        "OUTPUT": destination, "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    from_file = processing.run("cq_urban:tag_townships", {
        "INPUT": f"{GPKG}|layername=townships", "NAME_FIELD": "name", "CATALOGUE": "kaizhou",
        "OUTPUT": "TEMPORARY_OUTPUT", "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    assert from_db["MATCHED"] == from_file["MATCHED"] == 40
    tagged_db = QgsVectorLayer(_table(postgis, "kaizhou_tagged", "geom"), "tagged", "postgres")
    assert tagged_db.isValid() and tagged_db.featureCount() == 40
    tiers_db = {f["plan_name"]: f["tier"] for f in tagged_db.getFeatures()}
    tiers_file = {f["plan_name"]: f["tier"] for f in from_file["OUTPUT"].getFeatures()}
    assert tiers_db == tiers_file

    measured = {}
    for label, townships, builtup in (
            ("db", tagged_db, kaizhou_in_postgis("builtup")),
            ("file", from_file["OUTPUT"], f"{GPKG}|layername=builtup")):
        measured[label] = processing.run("cq_urban:check_builtup", {
            "BUILTUP": builtup, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
            "CATALOGUE": "kaizhou", "TARGET_ID": "builtup_2025",
            "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})["MEASURED"]
    assert measured["db"] == pytest.approx(measured["file"], rel=1e-9)
    assert kaizhou_in_postgis("townships").featureCount() == 40  # the source table is untouched
