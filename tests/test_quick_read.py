"""Reading a GeoPackage or shapefile through OGR's Arrow stream (core/geo/ogr_read, issue #20) gives
what reading it through QGIS gives: the same features, ids, attributes, geometries, repairs and
tally; and it is taken only for a whole layer (no filter, no selection, not in edit mode)."""
import pytest
from factory import CRS, memory_layer, square, write
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

from cq_urban_plugin.core.geo import ogr_read
from cq_urban_plugin.core.geo.inputs import read_points, read_polygons


def _polygons():
    x, y = 500000.0, 3300000.0
    rows = [(square(x, y, 100), ["a", 1]), (None, ["none", 2]),
            (QgsGeometry.fromWkt(f"POLYGON(({x + 500} {y},{x + 600} {y + 100},{x + 600} {y},{x + 500} {y + 100},"
                                 f"{x + 500} {y}))"), ["bowtie", 3]),  # self-intersecting: repaired
            (QgsGeometry.fromWkt(f"MULTIPOLYGON((({x} {y + 300},{x + 50} {y + 300},{x + 50} {y + 350},{x} {y + 350},"
                                 f"{x} {y + 300})),(({x + 80} {y + 300},{x + 90} {y + 300},{x + 90} {y + 310},"
                                 f"{x + 80} {y + 300})))"), ["multi", 4]),
            (QgsGeometry.fromWkt("POLYGON EMPTY"), ["empty", 5])]
    return memory_layer("MultiPolygon", [("name", str), ("n", int)], rows)


def _read(layer, fields=("name",)):
    features, tally = read_polygons(layer, QgsCoordinateReferenceSystem(CRS), "l", fields)
    return [(f.fid, f.attributes, f.geometry.asWkb().data()) for f in features], \
        (tally.read, tally.repaired, tally.null_or_empty, tally.wrong_type), features


@pytest.mark.parametrize("driver", ["GPKG", "ESRI Shapefile"])
def test_the_stream_reads_what_qgis_reads(qgis_app, tmp_path, driver):
    path = write(_polygons(), tmp_path / ("p.gpkg" if driver == "GPKG" else "p.shp"), driver=driver)
    whole = QgsVectorLayer(path, "p", "ogr")
    assert ogr_read.ogr_location(whole) is not None
    filtered = QgsVectorLayer(path, "p", "ogr")
    filtered.setSubsetString('"n" > 0')  # every feature, but through QGIS
    assert ogr_read.ogr_location(filtered) is None
    quick, quick_tally, features = _read(whole)
    slow, slow_tally, _ = _read(filtered)
    assert quick == slow and quick_tally == slow_tally
    assert quick_tally[1] and quick_tally[2]  # the bowtie repaired, the null and the empty tallied
    assert any(f.shape is not None for f in features)  # the plain ones kept as read, as shapely
    assert [f.attributes["name"] for f in features] == ["a", "bowtie", "multi"]


def test_only_a_whole_layer_is_read_by_the_stream(qgis_processing, tmp_path):
    x, y = 500000.0, 3300000.0
    rows = [(QgsGeometry.fromWkt(f"POINT({x + i} {y})"), [i]) for i in range(5)]
    points = memory_layer("Point", [("n", int)], rows)
    assert ogr_read.ogr_location(points) is None  # a memory layer
    path = write(points, tmp_path / "s.gpkg", "stops")
    layer = QgsVectorLayer(path, "s", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        assert ogr_read.ogr_location(QgsProcessingFeatureSource(layer, context)) is not None
        layer.selectByIds([1, 2])
        from qgis.core import QgsApplication

        algorithm = QgsApplication.processingRegistry().algorithmById("native:centroids")
        selected = algorithm.parameterAsSource(
            {"INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True)}, "INPUT", context)
        assert selected.featureCount() == 2 and ogr_read.ogr_location(selected) is None
        features, tally = read_points(selected, QgsCoordinateReferenceSystem(CRS), "s")
        assert len(features) == 2 and tally.read == 2
        layer.startEditing()
        assert ogr_read.ogr_location(layer) is None  # edits not saved yet: QGIS reads them
        layer.rollBack()
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
