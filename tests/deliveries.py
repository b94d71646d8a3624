"""Synthetic survey and planning deliveries built to the standard's schema (issue #17), and the tidy
layers they are built from.

Two 江津 townships as 三调 and the 国土空间规划 database deliver them: 行政区 XZQ, 地类图斑 DLTB (城镇村属性码
201, 203 and 202), 城镇开发边界 CZKFBJ, 生态保护红线 STBHHX and 永久基本农田 YJJBNTTB, in CGCS2000 3-degree
Gauss-Krüger zone 35 with the zone number in front of X (EPSG:4523), either as a File Geodatabase
with Chinese layer and field aliases, or as GBK Shapefiles with neither .prj nor .cpg (as older
ArcGIS exports come). ``tidy`` writes the same features as GeoPackages in EPSG:4523 under plain names.
"""
from osgeo import gdal, ogr, osr

# A township-sized square near 江津 (106.3°E, 29.3°N), in zone 35 with the zone in front of X.
X0, Y0 = 35_626_000.0, 3_243_000.0
EPSG = 4523


def square(x, y, size, height=None):
    top = y + (size if height is None else height)
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {top},{x} {top},{x} {y}))"


FIELD_ALIASES = {"XZQDM": "行政区代码", "XZQMC": "行政区名称", "DLBM": "地类编码", "DLMC": "地类名称",
                 "TBMJ": "图斑面积", "ZLDWDM": "坐落单位代码", "CZCSXM": "城镇村属性码", "BSM": "标识码"}
# code: (alias, rows of [(field, value)], polygons). 几江 x 0–3000, 德感 3000–6000, y 0–3000 (m from X0, Y0).
JIANGJIN = {
    "XZQ": ("行政区", [[("XZQDM", "500116001000"), ("XZQMC", "几江街道")],
                    [("XZQDM", "500116002000"), ("XZQMC", "德感街道")]],
            [square(X0, Y0, 3000), square(X0 + 3000, Y0, 3000)]),
    "DLTB": ("地类图斑", [[("DLBM", "0701"), ("DLMC", "城镇住宅用地"), ("TBMJ", 1.002e6), ("ZLDWDM", "500116001001"),
                       ("CZCSXM", "201")],
                      [("DLBM", "0702"), ("DLMC", "农村宅基地"), ("TBMJ", 2.5e5), ("ZLDWDM", "500116002001"),
                       ("CZCSXM", "203")],
                      [("DLBM", "0601"), ("DLMC", "工业用地"), ("TBMJ", 3.99e5), ("ZLDWDM", "500116002002"),
                       ("CZCSXM", "202A")]],
             [square(X0 + 500, Y0 + 500, 1000), square(X0 + 3500, Y0 + 500, 500),
              square(X0 + 4500, Y0 + 1500, 800, 500)]),
    "CZKFBJ": ("城镇开发边界", [[("BSM", "1")]], [square(X0, Y0, 2000)]),
    "STBHHX": ("生态保护红线", [[("BSM", "1")]], [square(X0 + 4000, Y0 + 2000, 800)]),
    "YJJBNTTB": ("永久基本农田图斑", [[("BSM", "1")]], [square(X0 + 3000, Y0 + 2000, 1000)]),
}
# By hand: built-up (城镇村属性码 201 + 202A) 1 + 0.4 km², 0.4 of it (the 202A parcel, in 德感) outside the
# development boundary (几江's 2 km square: 4 km²); red line 0.64 km² and farmland 1 km² in 德感, side by side.
BUILTUP_KM2, CITY_KM2, OUTSIDE_KM2 = 1.4, 1.0, 0.4
RECORDED_KM2 = (1.002e6 + 3.99e5) / 1e6   # their TBMJ: the survey's recorded figure
DEVELOPMENT_KM2 = {"几江街道": 4.0, "德感街道": 0.0}
ECOLOGY_KM2 = {"几江街道": 0.0, "德感街道": 0.64}
FARMLAND_KM2 = {"几江街道": 0.0, "德感街道": 1.0}


def _srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    return srs


def _fill(layer, rows, shapes, aliases=False):
    for name, value in rows[0]:
        definition = ogr.FieldDefn(name, ogr.OFTReal if isinstance(value, float) else ogr.OFTString)
        if aliases:
            definition.SetAlternativeName(FIELD_ALIASES.get(name, ""))
        layer.CreateField(definition)
    for row, wkt in zip(rows, shapes):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in row:
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)


def delivery_of_jiangjin(folder, driver, without=()):
    """The delivery in ``folder``: ``folder/500116.gdb`` (driver OpenFileGDB), or GBK Shapefiles named by
    their codes in ``folder`` (driver ESRI Shapefile), without the layers ``without``. Returns its path."""
    layers = {code: spec for code, spec in JIANGJIN.items() if code not in without}
    if driver == "OpenFileGDB":
        path = folder / "500116.gdb"
        dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
        for code, (alias, rows, shapes) in layers.items():
            _fill(dataset.CreateLayer(code, _srs(), ogr.wkbPolygon, options=[f"LAYER_ALIAS={alias}"]), rows, shapes,
                  aliases=True)
        dataset = None
        return path
    # QGIS's OGR provider sets GDAL's SHAPE_ENCODING to "" process-wide, which would make OGR write UTF-8
    # bytes under a GBK .cpg; GDAL's default is restored while writing.
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        for code, (_, rows, shapes) in layers.items():
            dataset = ogr.GetDriverByName(driver).CreateDataSource(str(folder / f"{code}.shp"))
            _fill(dataset.CreateLayer(code, None, ogr.wkbPolygon, options=["ENCODING=CP936"]), rows, shapes)
            dataset = None
            (folder / f"{code}.cpg").unlink()
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)
    assert not list(folder.glob("*.prj")) and not list(folder.glob("*.cpg"))
    if "XZQ" in layers:
        assert "几江街道".encode("gbk") in (folder / "XZQ.shp").with_suffix(".dbf").read_bytes()
    return folder


def tidy(folder) -> dict:
    """The same features as tidy GeoPackages in EPSG:4523, named by what they are; {role parameter: path},
    with BUILTUP the parcels of 城镇村属性码 201/202 (as the built-up land a delivery's DLTB gives)."""
    names = {"XZQ": "townships", "DLTB": "landuse", "CZKFBJ": "development", "STBHHX": "ecology",
             "YJJBNTTB": "farmland"}
    paths = {}
    driver = ogr.GetDriverByName("GPKG")
    for code, (_, rows, shapes) in JIANGJIN.items():
        paths[names[code].upper()] = str(folder / f"{names[code]}.gpkg")
        dataset = driver.CreateDataSource(paths[names[code].upper()])
        _fill(dataset.CreateLayer(names[code], _srs(), ogr.wkbPolygon), rows, shapes)
        dataset = None
    _, rows, shapes = JIANGJIN["DLTB"]
    kept = [(row, wkt) for row, wkt in zip(rows, shapes) if dict(row)["CZCSXM"][:3] in ("201", "202")]
    paths["BUILTUP"] = str(folder / "builtup.gpkg")
    dataset = driver.CreateDataSource(paths["BUILTUP"])
    _fill(dataset.CreateLayer("builtup", _srs(), ogr.wkbPolygon), [r for r, _ in kept], [w for _, w in kept])
    dataset = None
    return paths
