"""Small, fully known layers for tests, written as GeoPackages.

A 3 × 3 grid of 2 km square townships in CGCS2000 / 3-degree GK zone 35
(EPSG:4544, 江津's zone), named after real 江津 townships, with built-up
patches, bus stops, a road grid, the three control lines, the townships with a
population field, 三调 land-use polygons, a river line and plant points. Every figure a
test expects is computed from these geometries independently of the plugin.
"""
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from cq_urban_plugin.core.files.fields import make_fields

CRS = "EPSG:4544"
X0, Y0, SIDE = 500000.0, 3250000.0, 2000.0
TOWNSHIP_NAMES = [
    "几江街道", "德感街道", "双福街道", "圣泉街道", "鼎山街道", "支坪街道", "珞璜镇", "白沙镇", "四面山镇",
]


def square(x, y, side):
    return QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + side} {y},{x + side} {y + side},{x} {y + side},{x} {y}))")


def memory_layer(geometry_type, fields, rows, crs=CRS, name="layer"):
    """rows: [(QgsGeometry or None, [attributes…]), …]"""
    layer = QgsVectorLayer(f"{geometry_type}?crs={crs}" if crs else geometry_type, name, "memory")
    if not crs:  # a memory layer made without one gets EPSG:4326: take it away
        layer.setCrs(QgsCoordinateReferenceSystem())
    layer.dataProvider().addAttributes(make_fields(fields))
    layer.updateFields()
    features = []
    for geometry, attributes in rows:
        feature = QgsFeature(layer.fields())
        if geometry is not None:
            feature.setGeometry(geometry)
        feature.setAttributes(list(attributes))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def write(layer, path: Path, layer_name=None, driver="GPKG") -> str:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.fileEncoding = "UTF-8"
    if layer_name:
        options.layerName = layer_name
        if Path(path).exists():
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsCoordinateTransformContext(), options)
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    return f"{path}|layername={layer_name}" if layer_name else str(path)


def townships():
    rows = []
    for i, name in enumerate(TOWNSHIP_NAMES):
        row, col = divmod(i, 3)
        rows.append((square(X0 + col * SIDE, Y0 + row * SIDE, SIDE), [name]))
    return memory_layer("Polygon", [("name", str)], rows, name="townships")


def builtup():
    """Patches that overlap each other and cross township boundaries."""
    rows = [
        (square(X0 + 500, Y0 + 500, 1000), [1]),
        (square(X0 + 1000, Y0 + 1000, 1500), [2]),  # overlaps the first, crosses into the next townships
        (square(X0 + 4500, Y0 + 4500, 800), [3]),
    ]
    return memory_layer("Polygon", [("id", int)], rows, name="builtup")


def stops():
    points = [(X0 + 700, Y0 + 700), (X0 + 2200, Y0 + 2200), (X0 + 4900, Y0 + 4900), (X0 + 700, Y0 + 700)]
    return memory_layer("Point", [("stop", str)], [(QgsGeometry.fromPointXY(QgsPointXY(x, y)), [f"s{i}"])
                                                    for i, (x, y) in enumerate(points)], name="stops")


def roads():
    rows = []
    for k in range(4):
        v = k * SIDE
        rows.append((QgsGeometry.fromWkt(f"LINESTRING({X0} {Y0 + v},{X0 + 3 * SIDE} {Y0 + v})"), [f"h{k}"]))
        rows.append((QgsGeometry.fromWkt(f"LINESTRING({X0 + v} {Y0},{X0 + v} {Y0 + 3 * SIDE})"), [f"v{k}"]))
    return memory_layer("LineString", [("road", str)], rows, name="roads")


def control_lines():
    return {
        "ECOLOGY": memory_layer("Polygon", [("kind", str)], [(square(X0 + 4000, Y0, 2000), ["生态保护红线"])],
                                name="ecology"),
        "FARMLAND": memory_layer("Polygon", [("kind", str)], [(square(X0 + 3000, Y0, 2000), ["永久基本农田"])],
                                 name="farmland"),
        "DEVELOPMENT": memory_layer("Polygon", [("kind", str)], [(square(X0, Y0, 3000), ["城镇开发边界"])],
                                    name="development"),
    }


# Persons per township, in TOWNSHIP_NAMES order.
PEOPLE = [5200.0, 10000.0, 1000.0, 400.0, 1000.0, 1000.0, 1000.0, 1000.0, 1000.0]


def townships_with_population():
    """The townships above with their persons in a field 'pop' (21,600 in all)."""
    rows = []
    for i, (name, persons) in enumerate(zip(TOWNSHIP_NAMES, PEOPLE)):
        row, col = divmod(i, 3)
        rows.append((square(X0 + col * SIDE, Y0 + row * SIDE, SIDE), [name, persons]))
    return memory_layer("Polygon", [("name", str), ("pop", float)], rows, name="townships_pop")


def landuse():
    """三调 地类图斑 (城镇村属性码 CZCSXM, 地类编码 DLBM): 0701 城镇住宅用地, 0810 公园与绿地 (green; 0810A
    广场用地 not), 0301 乔木林地 (forest). The parks lie inside the built-up patches: 1.16 km² of green land
    in the 3.64 km² built-up area; 2.15 km² coded 201/202 once dissolved."""
    def rect(x0, y0, x1, y1):
        return QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")

    rows = [
        (rect(X0 + 500, Y0 + 500, X0 + 1500, Y0 + 1500), ["201", "0701"]),       # the first built-up patch
        (rect(X0 + 1200, Y0 + 1200, X0 + 2200, Y0 + 2200), ["201", "0810"]),     # 1 km² park across 4 townships
        (rect(X0 + 1800, Y0 + 1800, X0 + 2200, Y0 + 2200), ["201", "0810"]),     # inside the park above
        (rect(X0 + 200, Y0 + 1800, X0 + 400, Y0 + 2200), ["201", "0810A"]),      # a square across 几江 / 圣泉
        (rect(X0 + 4500, Y0 + 500, X0 + 5500, Y0 + 1500), ["203", "0301"]),      # 双福 1 km² forest
        (rect(X0 + 4600, Y0 + 4600, X0 + 5000, Y0 + 5000), ["202", "0810"]),     # a park in the third patch
    ]
    return memory_layer("Polygon", [("CZCSXM", str), ("DLBM", str)], rows, name="landuse")


def river():
    """A river line across the first row of townships, 600 m above its foot."""
    return memory_layer("LineString", [("name", str)], [
        (QgsGeometry.fromWkt(f"LINESTRING({X0} {Y0 + 600},{X0 + 3 * SIDE} {Y0 + 600})"), ["綦江"])], name="river")


def plants():
    """Plant points 100 m, 400 m, 1,400 m and 3,400 m from the river."""
    points = [(X0 + 300, Y0 + 700), (X0 + 2300, Y0 + 1000), (X0 + 4300, Y0 + 2000), (X0 + 1300, Y0 + 4000)]
    return memory_layer("Point", [("plant", str)], [(QgsGeometry.fromPointXY(QgsPointXY(x, y)), [f"p{i}"])
                                                    for i, (x, y) in enumerate(points)], name="plants")


def sample_gpkg(path: Path) -> dict:
    """Every layer above in one GeoPackage; returns {role: layer source string}."""
    sources = {
        "TOWNSHIPS": write(townships(), path, "townships"),
        "BUILTUP": write(builtup(), path, "builtup"),
        "STOPS": write(stops(), path, "stops"),
        "ROADS": write(roads(), path, "roads"),
    }
    for key, layer in control_lines().items():
        sources[key] = write(layer, path, key.lower())
    sources["TOWNSHIPS_POP"] = write(townships_with_population(), path, "townships_pop")
    sources["LANDUSE"] = write(landuse(), path, "landuse")
    sources["RIVER"] = write(river(), path, "river")
    sources["PLANTS"] = write(plants(), path, "plants")
    return sources


def crs(authid=CRS):
    return QgsCoordinateReferenceSystem(authid)


def gbk_shapefile(path: Path, wkts, names, field="name", with_cpg=True, encoding="GBK") -> Path:
    """A Shapefile whose text is GBK (as older ArcGIS exports write it), or another
    ``encoding``, with or without its .cpg; the DBF is checked to hold those bytes."""
    from osgeo import gdal, ogr, osr

    # QGIS's OGR provider sets GDAL's SHAPE_ENCODING to "" process-wide, which would
    # make OGR write UTF-8 bytes under a GBK .cpg; restore GDAL's default while writing.
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    data = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    geometries = [ogr.CreateGeometryFromWkt(w) for w in wkts]
    layer = data.CreateLayer(path.stem, srs, geometries[0].GetGeometryType(), options=[f"ENCODING={encoding}"])
    layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    for geometry, name in zip(geometries, names):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(field, name)
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    data = None
    gdal.SetConfigOption("SHAPE_ENCODING", previous)
    if not with_cpg:
        path.with_suffix(".cpg").unlink()
    assert names[0].encode(encoding) in path.with_suffix(".dbf").read_bytes()
    return path
