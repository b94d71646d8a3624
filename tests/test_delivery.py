"""Survey and planning deliveries read as they come (issue #17, first part): the standard
layers found by code, alias or fields, the CRS of a layer without a .prj inferred from the
zone number in front of X, and never guessed where the coordinates do not tell.

The deliveries are built here with GDAL to the standard's schema: a File Geodatabase
with Chinese layer aliases, and GBK Shapefiles without .prj in a zone-prefixed
Gauss-Krüger CRS (CGCS2000 zone 35, CM 105°E, where 江津 lies).
"""
import pytest
from deliveries import X0, Y0, delivery_of_jiangjin
from deliveries import square as _square
from osgeo import ogr, osr
from qgis.core import QgsRectangle

from cq_urban_plugin.core.errors import PlanInputError
from cq_urban_plugin.core.geo import delivery as dl

LAYERS = {
    # code: (alias, fields, rows of (values, wkt))
    "XZQ": ("行政区", [("XZQDM", "500116100000"), ("XZQMC", "几江街道")], _square(X0, Y0, 4000)),
    "DLTB": ("地类图斑", [("DLBM", "0701"), ("DLMC", "城镇住宅用地"), ("TBMJ", 10000.0), ("ZLDWDM", "500116100001"),
                      ("CZCSXM", "201")], _square(X0 + 100, Y0 + 100, 100)),
    "CZKFBJ": ("城镇开发边界", [("BSM", "1")], _square(X0, Y0, 2000)),
    "STBHHX": ("生态保护红线", [("BSM", "1")], _square(X0 + 3000, Y0 + 3000, 500)),
    "TEMP": ("", [("NOTE", "草稿")], _square(X0, Y0, 10)),
}


def _add_layer(dataset, name, alias, fields, wkt, srs, options=()):
    opts = list(options) + ([f"LAYER_ALIAS={alias}"] if alias and dataset.GetDriver().GetName() == "OpenFileGDB"
                            else [])
    layer = dataset.CreateLayer(name, srs, ogr.wkbPolygon, options=opts)
    for field_name, value in fields:
        kind = ogr.OFTReal if isinstance(value, float) else ogr.OFTString
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    feature = ogr.Feature(layer.GetLayerDefn())
    for field_name, value in fields:
        feature.SetField(field_name, value)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    layer.CreateFeature(feature)


def _srs(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs


@pytest.fixture
def geodatabase(tmp_path):
    path = tmp_path / "500116_三调.gdb"
    dataset = ogr.GetDriverByName("OpenFileGDB").CreateDataSource(str(path))
    for code, (alias, fields, wkt) in LAYERS.items():
        # the planning layers come under their Chinese names, their codes only in the alias's place
        name = {"CZKFBJ": "KFBJ_2035", "STBHHX": "HX"}.get(code, code)
        _add_layer(dataset, name, alias, fields, wkt, _srs(4523))
    dataset = None
    return path


@pytest.fixture
def shapefiles(tmp_path):
    """GBK Shapefiles with no .prj: XZQ by its code with the district in front, DLTB only by
    its fields (a file named by its year), 生态保护红线 by its Chinese file name."""
    folder = tmp_path / "交付"
    folder.mkdir()
    driver = ogr.GetDriverByName("ESRI Shapefile")
    for file_name, code in (("500116XZQ", "XZQ"), ("tb2022", "DLTB"), ("生态保护红线", "STBHHX")):
        dataset = driver.CreateDataSource(str(folder / f"{file_name}.shp"))
        _, fields, wkt = LAYERS[code]
        _add_layer(dataset, file_name, "", fields, wkt, None, options=["ENCODING=CP936"])
        dataset = None
    assert not list(folder.glob("*.prj"))
    return folder


def test_a_geodatabase_is_read_by_code_and_alias(geodatabase):
    delivery = dl.recognise(geodatabase)
    found = {layer.role: (layer.code, layer.name, layer.recognised_by) for layer in delivery.layers}
    assert found == {
        "townships": ("XZQ", "XZQ", dl.BY_CODE),
        "landuse": ("DLTB", "DLTB", dl.BY_CODE),
        "development": ("CZKFBJ", "KFBJ_2035", dl.BY_ALIAS),
        "ecology": ("STBHHX", "HX", dl.BY_ALIAS),
    }
    assert delivery.unrecognised == ["TEMP"]
    assert "城镇开发边界" in delivery.layer("development").how
    assert all(layer.crs.authid() == "EPSG:4523" and not layer.crs_note for layer in delivery.layers)
    # the check reads CZCSXM from DLTB: present; XZQ has its two fields
    assert delivery.layer("landuse").missing_fields == [] and delivery.layer("townships").missing_fields == []


def test_shapefiles_without_prj_get_the_zone_their_x_carries(shapefiles):
    delivery = dl.recognise(shapefiles)
    by_role = {layer.role: layer for layer in delivery.layers}
    assert set(by_role) == {"townships", "landuse", "ecology"}
    assert by_role["townships"].recognised_by == dl.BY_CODE
    assert by_role["landuse"].recognised_by == dl.BY_FIELDS and by_role["landuse"].name == "tb2022"
    assert by_role["ecology"].recognised_by == dl.BY_ALIAS
    for layer in delivery.layers:
        assert layer.crs.authid() == "EPSG:4523", layer.name
        assert "zone number 35" in layer.crs_note and "no CRS" in layer.crs_note


def test_a_wrong_crs_is_corrected_and_said_and_a_fitting_one_kept(qgis_app):
    from cq_urban_plugin.core.geo import transforms

    prefixed = QgsRectangle(X0, Y0, X0 + 4000, Y0 + 4000)
    crs, note = dl.infer_crs(transforms.crs("EPSG:4545"), prefixed, "DLTB")
    assert crs.authid() == "EPSG:4523" and "EPSG:4545 does not fit" in note
    crs, note = dl.infer_crs(transforms.crs("EPSG:4523"), prefixed, "DLTB")
    assert crs.authid() == "EPSG:4523" and note == ""
    degrees = QgsRectangle(106.2, 29.2, 106.4, 29.4)
    crs, note = dl.infer_crs(None, degrees, "XZQ")
    assert crs.authid() == "EPSG:4490" and "degrees" in note


def test_plain_gauss_kruger_metres_are_not_guessed(qgis_app):
    plain = QgsRectangle(626_000, 3_243_000, 630_000, 3_247_000)
    with pytest.raises(PlanInputError) as raised:
        dl.infer_crs(None, plain, "DLTB")
    message = str(raised.value)
    assert "DLTB" in message and "EPSG:4544" in message and "EPSG:4545" in message
    from cq_urban_plugin.core.geo import transforms

    assert dl.infer_crs(transforms.crs("EPSG:4544"), plain, "DLTB")[0].authid() == "EPSG:4544"


def test_read_delivery_through_processing(geodatabase, qgis_processing, cq_provider, tmp_path):
    import processing

    result = processing.run("cq_urban:read_delivery", {"DELIVERY": str(geodatabase),
                                                       "OUTPUT": str(tmp_path / "found.csv")})
    assert result["TOWNSHIPS"] == f"{geodatabase}|layername=XZQ"
    assert result["DEVELOPMENT"] == f"{geodatabase}|layername=KFBJ_2035"
    assert result["FARMLAND"] is None
    rows = (tmp_path / "found.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("role,code,layer") and len(rows) == 1 + 4
    assert any(r.startswith("development,CZKFBJ,KFBJ_2035") for r in rows)


def test_an_empty_folder_is_told_what_to_give(tmp_path, qgis_app):
    with pytest.raises(PlanInputError) as raised:
        dl.recognise(tmp_path)
    assert "No vector layer" in str(raised.value) and ".gdb" in str(raised.value)


def test_read_delivery_through_qgis_process(shapefiles, installed_plugin, tmp_path):
    """As a batch user runs it: the folder of Shapefiles in, the layers and the zone said."""
    import json

    result = installed_plugin("run", "cq_urban:read_delivery", "--json", "--",
                              f"DELIVERY={shapefiles}", f"OUTPUT={tmp_path / 'found.gpkg'}")
    payload = json.loads(result.stdout[result.stdout.index("{"):])["results"]
    assert payload["TOWNSHIPS"].endswith("500116XZQ.shp") and payload["LANDUSE"].endswith("tb2022.shp")
    assert payload["DEVELOPMENT"] is None
    assert "zone number 35" in payload["NOTES"] and "EPSG:4523" in payload["NOTES"]


@pytest.mark.parametrize("driver", ["OpenFileGDB", "ESRI Shapefile"])
def test_the_whole_plan_check_reads_a_delivery_with_no_other_layer(driver, tmp_path, qgis_processing, cq_provider):
    """Only the delivery's path and the catalogue: the same rows as the same layers given one by one with
    their CRS (a tidy GeoPackage in EPSG:4523), and the built-up land read from DLTB's 城镇村属性码."""
    import processing
    from qgis.core import QgsVectorLayer

    (tmp_path / "delivery").mkdir()
    source = delivery_of_jiangjin(tmp_path / "delivery", driver)
    by_delivery = processing.run("cq_urban:check_plan", {"CATALOGUE": "jiangjin", "DELIVERY": str(source),
                                                          "SUMMARY": "TEMPORARY_OUTPUT"})
    tidy = {}
    (tmp_path / "tidy").mkdir()
    for role, code in (("TOWNSHIPS", "XZQ"), ("LANDUSE", "DLTB"), ("DEVELOPMENT", "CZKFBJ"), ("ECOLOGY", "STBHHX")):
        uri = f"{source}|layername={code}" if driver == "OpenFileGDB" else str(source / f"{code}.shp")
        layer = QgsVectorLayer(uri, code, "ogr")
        copy = processing.run("native:assignprojection", {"INPUT": layer, "CRS": "EPSG:4523",
                                                          "OUTPUT": str(tmp_path / "tidy" / f"{code}.gpkg")})["OUTPUT"]
        tidy[role] = copy
    by_layers = processing.run("cq_urban:check_plan", {"CATALOGUE": "jiangjin", **tidy,
                                                       "SUMMARY": "TEMPORARY_OUTPUT"})

    def rows(result):
        return {f["target_id"]: (f["measured"], f["verdict"], f["reason"]) for f in result["SUMMARY"].getFeatures()}

    assert rows(by_delivery) == rows(by_layers)
    measured = {key: value for key, value in rows(by_delivery).items() if value[0] is not None}
    # 城镇建成区: 201 (1 km²) + 202 (0.4 km²), not the village (203); 城市建成区: 201 only.
    assert measured["builtup_2025"][0] == pytest.approx(1.4, rel=1e-3)
    assert measured["builtup_city_2025"][0] == pytest.approx(1.0, rel=1e-3)
    assert by_delivery["MEASURED_COUNT"] == by_layers["MEASURED_COUNT"] >= 2


def test_without_a_township_layer_the_townships_come_from_the_parcels_codes(tmp_path, qgis_processing, cq_provider):
    """No XZQ: township units are the parcels of one 9-digit 坐落单位代码 each, said so; the
    jurisdiction's figures stay those of the full delivery."""
    import processing

    from cq_urban_plugin.core.geo import delivery as dl

    (tmp_path / "full").mkdir()
    (tmp_path / "no_xzq").mkdir()
    full = delivery_of_jiangjin(tmp_path / "full", "OpenFileGDB")
    partial = delivery_of_jiangjin(tmp_path / "no_xzq", "OpenFileGDB", without=("XZQ",))
    found = dl.recognise(partial)
    landuse, label, _ = dl.open_layers(found)["landuse"]
    townships, note = dl.derived_townships(landuse, label)
    units = {f["XZQDM"]: round(f.geometry().area()) for f in townships.getFeatures()}
    assert units == {"500116001000": 1_000_000, "500116002000": 250_000 + 400_000}
    assert "ZLDWDM" in note and "2" in note and townships.crs().authid() == "EPSG:4523"
    results = [processing.run("cq_urban:check_plan", {"CATALOGUE": "jiangjin", "DELIVERY": str(path),
                                                      "SUMMARY": "TEMPORARY_OUTPUT"}) for path in (full, partial)]
    measured = [{f["target_id"]: f["measured"] for f in r["SUMMARY"].getFeatures() if f["target_id"].startswith(
        "builtup")} for r in results]
    assert measured[0] == measured[1] and measured[0]["builtup_2025"] == pytest.approx(1.4, rel=1e-3)


def _plain_delivery(folder, prj_for=()):
    """XZQ and DLTB as Shapefiles in plain zone-35 metres (no zone in front of X); a .prj (EPSG:4544) only
    for the layers ``prj_for``."""
    folder.mkdir()
    driver = ogr.GetDriverByName("ESRI Shapefile")
    plain_x = X0 - 35_000_000
    for code in ("XZQ", "DLTB"):
        _, fields, _ = LAYERS[code]
        dataset = driver.CreateDataSource(str(folder / f"{code}.shp"))
        _add_layer(dataset, code, "", fields, _square(plain_x, Y0, 4000 if code == "XZQ" else 100),
                   _srs(4544) if code in prj_for else None)
        dataset = None
    return folder


def test_a_plain_layer_takes_the_zone_its_sibling_declares(tmp_path, qgis_app):
    delivery = dl.recognise(_plain_delivery(tmp_path / "d", prj_for=("XZQ",)))
    landuse = delivery.layer("landuse")
    assert landuse.crs.authid() == "EPSG:4544" and landuse.crs_error is None
    assert "layer XZQ of the same delivery declares EPSG:4544" in landuse.crs_note
    assert dl.open_layers(delivery, ["landuse"])["landuse"][0].crs().authid() == "EPSG:4544"


def test_a_plain_layer_is_refused_when_used_unless_its_crs_is_given(tmp_path, qgis_app):
    from cq_urban_plugin.core.geo import transforms

    path = _plain_delivery(tmp_path / "d")
    delivery = dl.recognise(path)  # recognised: the refusal waits until a check needs the layer
    with pytest.raises(PlanInputError) as raised:
        dl.open_layers(delivery, ["landuse"])
    assert "Layer 'DLTB'" in str(raised.value) and "DELIVERY_CRS" in str(raised.value)
    given = dl.recognise(path, crs=transforms.crs("EPSG:4545"))
    assert given.layer("landuse").crs.authid() == "EPSG:4545" and "given for the delivery" in \
        given.layer("landuse").crs_note
    with pytest.raises(PlanInputError) as raised:  # a CRS the coordinates cannot be in is not taken either
        dl.open_layers(dl.recognise(path, crs=transforms.crs("EPSG:4523")), ["landuse"])
    assert "EPSG:4523" in str(raised.value) and "does not fit" in str(raised.value)


def test_the_delivery_crs_parameter_through_processing(tmp_path, qgis_processing, cq_provider):
    import processing
    from qgis.core import QgsProcessingException

    path = _plain_delivery(tmp_path / "d")
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("cq_urban:check_builtup", {"DELIVERY": str(path), "OUTPUT": "memory:", "TABLE": "memory:"})
    assert "DLTB" in str(raised.value) and "zone" in str(raised.value) and "Traceback" not in str(raised.value)
    result = processing.run("cq_urban:check_builtup", {"DELIVERY": str(path), "DELIVERY_CRS": "EPSG:4544",
                                                       "OUTPUT": "memory:", "TABLE": "memory:"})
    assert result["MEASURED"] == pytest.approx(0.01, rel=1e-3)  # the 100 m parcel of 城镇村属性码 201
    assert result["OUTPUT"].crs().authid() == "EPSG:4544"


def test_read_delivery_says_which_layer_needs_its_crs(tmp_path, qgis_processing, cq_provider):
    import processing

    path = _plain_delivery(tmp_path / "d")
    result = processing.run("cq_urban:read_delivery", {"DELIVERY": str(path), "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = {f["code"]: (f["crs"], f["crs_note"]) for f in result["OUTPUT"].getFeatures()}
    assert rows["DLTB"][0] == "" and "Layer 'DLTB'" in rows["DLTB"][1] and "DELIVERY_CRS" in rows["DLTB"][1]
    given = processing.run("cq_urban:read_delivery", {"DELIVERY": str(path), "DELIVERY_CRS": "EPSG:4544",
                                                      "OUTPUT": "TEMPORARY_OUTPUT"})
    assert {f["crs"] for f in given["OUTPUT"].getFeatures()} == {"EPSG:4544"}
