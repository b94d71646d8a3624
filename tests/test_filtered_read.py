"""Reading only the land-use polygons whose code is kept (issue #20): the built-up check reads the
codes first, without geometries, and makes geometries of the kept polygons only (through OGR's
stream for a GeoPackage or a shapefile, through QGIS for anything else). The figures are those of
reading every polygon and selecting afterwards, for a code field of text or of whole numbers, with
NULL codes and Chinese values among them."""
import pytest
from factory import CRS, memory_layer, square, write
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

from cq_urban_plugin.core.checks.builtup import measure_builtup
from cq_urban_plugin.core.geo import ogr_read
from cq_urban_plugin.core.geo.inputs import read_polygons

X, Y = 500000.0, 3300000.0
TEXT_CODES = ["201", "203", None, "202", "城镇", "201A", "203", "城镇村", None, "0701"]
NUMBER_CODES = [201, 203, None, 202, 204, 201, 203, 205, None, 701]


def _layer(codes, kind):
    # squares of different sides, so that a wrong selection gives a wrong figure
    rows = [(square(X + 1000 * i, Y, 100 + 10 * i), [code, i]) for i, code in enumerate(codes)]
    rows.append((None, [codes[0], len(codes)]))  # a kept code without a geometry
    return memory_layer("Polygon", [("CZCSXM", kind), ("n", int)], rows)


def _exact_km2(codes, wanted):
    return sum((100 + 10 * i) ** 2 for i, code in enumerate(codes) if code is not None and wanted(code)) / 1e6


def _sources(tmp_path, codes, kind):
    memory = _layer(codes, kind)
    gpkg = QgsVectorLayer(write(memory, tmp_path / f"l_{kind.__name__}.gpkg"), "g", "ogr")
    shp = QgsVectorLayer(write(memory, tmp_path / f"l_{kind.__name__}.shp", driver="ESRI Shapefile"), "s", "ogr")
    assert ogr_read.ogr_location(gpkg) is not None and ogr_read.ogr_location(shp) is not None
    assert ogr_read.ogr_location(memory) is None  # read through QGIS
    return {"memory": memory, "gpkg": gpkg, "shp": shp}


@pytest.mark.parametrize("kind", [str, int])
def test_a_filtered_read_gives_the_kept_features_as_an_unfiltered_one(qgis_app, tmp_path, kind):
    codes = TEXT_CODES if kind is str else NUMBER_CODES
    crs = QgsCoordinateReferenceSystem(CRS)
    for name, source in _sources(tmp_path, codes, kind).items():
        whole, whole_tally = read_polygons(source, crs, name, ("CZCSXM",))
        keep = {f.fid for f in whole if f.attributes["CZCSXM"] in (codes[0], codes[3])}
        assert 2 <= len(keep) < len(whole), name
        kept, tally = read_polygons(source, crs, name, ("CZCSXM",), keep=keep)
        assert [(f.fid, f.attributes, f.geometry.asWkb().data()) for f in kept] == \
            [(f.fid, f.attributes, f.geometry.asWkb().data()) for f in whole if f.fid in keep], name
        assert tally.read == whole_tally.read == len(codes) + 1, name  # the layer was read whole


def test_the_stream_makes_geometries_of_the_kept_features_only(qgis_app, tmp_path):
    source = _sources(tmp_path, TEXT_CODES, str)["gpkg"]
    fids, shapes, count = ogr_read.read_shapes(source, keep={1, 4})
    assert fids.tolist() == [1, 4] and len(shapes) == 2 and count == len(TEXT_CODES) + 1


@pytest.mark.parametrize("kind, codes, wanted", [
    (str, ("201", "202"), lambda code: code[:3] in ("201", "202")),
    (str, ("城镇",), lambda code: code.startswith("城镇")),
    (int, ("201", "202"), lambda code: code in (201, 202)),
    (int, ("07",), lambda code: code == 701),  # 0701 stored as the number 701
])
def test_the_built_up_figure_is_exact_on_every_kind_of_source(qgis_app, tmp_path, kind, codes, wanted):
    layer_codes = TEXT_CODES if kind is str else NUMBER_CODES
    exact = _exact_km2(layer_codes, wanted)
    assert exact > 0
    for name, source in _sources(tmp_path, layer_codes, kind).items():
        measurement = measure_builtup(source, builtup_label=name, class_field="CZCSXM", codes=codes)
        assert measurement.total_km2 == pytest.approx(exact, rel=1e-9), name
        assert source.featureCount() == len(layer_codes) + 1  # the input as it was


@pytest.mark.parametrize("z", [False, True])
def test_a_township_piece_made_straight_into_qgis_is_the_multipolygon_of_its_polygons(qgis_app, z):
    import shapely

    from cq_urban_plugin.core.geo.overlay import as_qgis, qgis_multipolygon

    polygons = shapely.box(range(0, 5000, 1000), 0, range(100, 5100, 1000), 100)
    if z:
        polygons = shapely.force_3d(polygons, 5.0)
    for count in (1, 2, 5):
        made = qgis_multipolygon(polygons[:count], budget=8)  # several chunks of WKB
        expected = as_qgis([polygons[0] if count == 1 else shapely.multipolygons(polygons[:count])])[0]
        assert made.asWkb().data() == expected.asWkb().data() and not made.isEmpty()
