"""`make bench`: the plugin's checks against the tools a skilled engineer would pick instead.

At each of ``--scales`` (default 0.1, 0.4 and 1: 5,000 / 20,000 / 50,000 bus stops) the generator
writes synthetic data into a temporary folder: 1,000 × scale townships (a grid of 9 km squares; at
scale 1 a 40 × 25 grid, about Chongqing's 82,000 km²), 50 bus stops a township around its centre,
plus 1% of them entered twice (the same point under a new id, all written), 20 built-up blocks a
township (on a jittered 200 m grid around the centre, not overlapping) and a 10 m population raster
of one district (30 km × 30 km × scale). The same files then go through, each in a fresh process:

- the plugin, through Processing only (``cq_urban:check_coverage``, ``cq_urban:check_builtup``);
- the best QGIS native chain (buffer with DISSOLVE, single parts, intersection; for built-up:
  intersection with the townships, then dissolve by township);
- shapely 2, local: STRtree queries, buffers and unions only near each township, array operations;
- geopandas: ``overlay``, ``sjoin`` by distance, ``dissolve``;
- PostGIS SQL on a local server (tests/conftest.py's LocalPostgis): per township, ``ST_DWithin`` and
  ``&&`` on GiST indexes, ``ST_Union(ST_Buffer(...))``, ``ST_Intersection``.

Cases: coverage, straight line, 500 m (the whole-area percentage and every township's covered
km²), built-up area per township, and coverage by population (plugin and native chain only). Each
run reports wall time, CPU time and peak resident memory; every peer's figures must agree with the
plugin's (whole area within 0.1%, each township within 0.1% or 1 m², the distinct stops counted
equal): the script exits 1 otherwise. Prints the tables, fits time ∝ stops^b per peer, and writes
tests/benchmarks/RESULTS.md.
"""
import argparse
import datetime
import json
import math
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import facility_cases

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CRS = "EPSG:4545"  # CGCS2000 3-degree GK CM 108E
X0, Y0 = 300000.0, 3250000.0
TOWNSHIP_SIZE = 9000.0
RADIUS = 500.0
SEGMENTS = 16  # = core.checks.coverage.BUFFER_SEGMENTS, checked in the child


def _system_proj_data():
    """Where the venv has no pyproj of its own, Debian's python3-pyproj is used (geopandas on Debian 13
    takes it), and it looks for PROJ's data beside sys.prefix, which in a venv is not /usr: point it
    at the system's. The peers' children inherit it."""
    import importlib.util

    if "PROJ_DATA" in os.environ or "PROJ_LIB" in os.environ:
        return
    spec = importlib.util.find_spec("pyproj")
    if spec is not None and (spec.origin or "").startswith("/usr/lib/python3/dist-packages/") \
            and Path("/usr/share/proj/proj.db").exists():
        os.environ["PROJ_DATA"] = "/usr/share/proj"


_system_proj_data()


# --- QGIS in a process --------------------------------------------------------------

def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    plugin_root = os.environ.get("CQ_BENCH_PLUGIN_ROOT") or str(REPO)  # --plugin-root
    for path in (plugin_root, "/usr/share/qgis/python/plugins"):
        if path not in sys.path:
            sys.path.insert(0, path)
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from cq_urban_plugin.provider import CqUrbanProvider

    provider = CqUrbanProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    app.cq_provider = provider  # the registry does not keep the Python object alive
    return app


def peak_mb():
    """This process's peak resident memory (MB): VmHWM, not ru_maxrss, which Linux carries across
    exec, so that a child started from the (large) parent would report the parent's peak."""
    peak = _proc_usage(os.getpid())["peak_mb"]
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# --- data ---------------------------------------------------------------------------

def generate(folder: Path, scale: float, seed: int = 20251123) -> dict:
    import numpy as np
    from osgeo import gdal, osr
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsGeometry,
        QgsPointXY,
        QgsProject,
        QgsRectangle,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    from cq_urban_plugin.compat import FieldType, WkbType

    rng = random.Random(seed)
    towns = max(4, round(1000 * scale))
    columns = max(2, round(math.sqrt(towns * 40 / 25)))
    crs = QgsCoordinateReferenceSystem(CRS)
    path = folder / "bench.gpkg"

    def write(name, kind, fields, records):
        layer_fields = QgsFields()
        for field_name, field_type in fields:
            layer_fields.append(QgsField(field_name, field_type))
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer if path.exists()
                                        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
        writer = QgsVectorFileWriter.create(str(path), layer_fields, kind, crs,
                                            QgsProject.instance().transformContext(), options)
        for geometry, attributes in records:
            feature = QgsFeature(layer_fields)
            feature.setGeometry(geometry)
            feature.setAttributes(attributes)
            writer.addFeature(feature)
        del writer
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        assert layer.isValid() and layer.featureCount() == len(records), name
        return f"{path}|layername={name}"

    townships, stops, blocks = [], [], []
    centres = []
    for index in range(towns):
        row, column = divmod(index, columns)
        x, y = X0 + column * TOWNSHIP_SIZE, Y0 + row * TOWNSHIP_SIZE
        townships.append((QgsGeometry.fromRect(QgsRectangle(x, y, x + TOWNSHIP_SIZE, y + TOWNSHIP_SIZE)),
                          [f"乡镇{index:04d}"]))
        cx = x + TOWNSHIP_SIZE / 2 + rng.uniform(-1500, 1500)
        cy = y + TOWNSHIP_SIZE / 2 + rng.uniform(-1500, 1500)
        centres.append((cx, cy))
        # 20 blocks on a jittered 200 m grid within 1.6 km of the centre (cells never reused: no overlap)
        cells = set()
        while len(cells) < 20:
            cells.add((int(rng.gauss(0, 3.0)), int(rng.gauss(0, 3.0))))
        for i, j in sorted(cells):
            bx, by = cx + i * 200.0 + rng.uniform(0, 40), cy + j * 200.0 + rng.uniform(0, 40)
            w, h = rng.uniform(60, 160), rng.uniform(60, 160)
            # a slanted quadrilateral, not just a rectangle
            ring = [QgsPointXY(bx, by), QgsPointXY(bx + w, by + rng.uniform(-15, 15)),
                    QgsPointXY(bx + w + rng.uniform(-15, 15), by + h), QgsPointXY(bx, by + h), QgsPointXY(bx, by)]
            blocks.append((QgsGeometry.fromPolygonXY([ring]), [len(blocks)]))
        for _ in range(50):
            stops.append((QgsGeometry.fromPointXY(QgsPointXY(cx + rng.gauss(0, 1500), cy + rng.gauss(0, 1500))),
                          [len(stops)]))
    # 1% of the stops entered twice: the same point again under a new id, at a random place in the
    # layer (all of them written: the layer has 1% more features than distinct stops)
    unique = len(stops)
    for position in sorted(rng.sample(range(unique), max(1, unique // 100)), reverse=True):
        stops.insert(rng.randrange(position, len(stops) + 1), (QgsGeometry(stops[position][0]), [0]))
    stops = [(geometry, [number]) for number, (geometry, _) in enumerate(stops)]
    facilities = facility_cases.facility_records(centres, random.Random(seed + 14),
                                                 lambda x, y: QgsGeometry.fromPointXY(QgsPointXY(x, y)))
    data = {
        "townships": write("townships", WkbType.Polygon, [("name", FieldType.String)], townships),
        "facilities": write("facilities", WkbType.Point, [("id", FieldType.Int), ("type", FieldType.String)],
                            facilities),
        "stops": write("bus_stops", WkbType.Point, [("id", FieldType.Int)], stops),
        "builtup": write("builtup", WkbType.Polygon, [("id", FieldType.Int)], blocks),
        "counts": {"townships": len(townships), "stops": unique, "stop_features": len(stops),
                   "duplicates": len(stops) - unique, "builtup": len(blocks), "facilities": len(facilities)},
    }
    # the population raster of one district: 30 km × 30 km at 10 m, at the grid's corner
    side = max(300, int(round(3000 * math.sqrt(scale))))
    raster = folder / "population.tif"
    generator = np.random.default_rng(seed)
    dataset = gdal.GetDriverByName("GTiff").Create(str(raster), side, side, 1, gdal.GDT_Float32,
                                                   ["COMPRESS=DEFLATE", "TILED=YES"])
    # at the grid's corner; a small raster (tiny scale) is centred on the first township instead
    rx = X0 if side * 10.0 >= TOWNSHIP_SIZE else X0 + TOWNSHIP_SIZE / 2 - side * 5.0
    ry = Y0 if side * 10.0 >= TOWNSHIP_SIZE else Y0 + TOWNSHIP_SIZE / 2 - side * 5.0
    dataset.SetGeoTransform((rx, 10.0, 0.0, ry + side * 10.0, 0.0, -10.0))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4545)
    dataset.SetProjection(reference.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(-1)
    for row in range(0, side, 500):
        height = min(500, side - row)
        band.WriteArray(generator.gamma(1.5, 2.0, size=(height, side)).astype(np.float32), 0, row)
    dataset = None
    data["raster"] = str(raster)
    data["raster_cells"] = side * side
    data["district"] = [rx, ry, rx + side * 10.0, ry + side * 10.0]
    # the district's stops and blocks, for the population case
    district = QgsRectangle(*data["district"])
    data["district_stops"] = write("district_stops", WkbType.Point, [("id", FieldType.Int)],
                                   [s for s in stops if district.contains(s[0].asPoint())])
    data["district_builtup"] = write("district_builtup", WkbType.Polygon, [("id", FieldType.Int)],
                                     [b for b in blocks if district.contains(b[0].boundingBox())])
    return data


# --- reading the data outside QGIS -------------------------------------------------

def _path_layer(uri):
    path, _, layer = uri.partition("|layername=")
    return path, layer


def _read_shapely(uri, field=None):
    """Geometries (a shapely array) and optionally one attribute, read with pyogrio."""
    import pyogrio.raw
    import shapely

    path, layer = _path_layer(uri)
    _meta, _fids, wkb, values = pyogrio.raw.read(path, layer=layer, columns=[field] if field else [])
    return shapely.from_wkb(wkb), (values[0] if field else None)


def _read_geopandas(uri):
    import geopandas

    path, layer = _path_layer(uri)
    return geopandas.read_file(path, layer=layer, engine="pyogrio")


def _stop_points(uri):
    """The distinct stops (a skilled engineer drops the ones entered twice first)."""
    import numpy as np
    import shapely

    stops, _ = _read_shapely(uri)
    _, first = np.unique(shapely.get_coordinates(stops), axis=0, return_index=True)
    return stops[np.sort(first)]


# --- the cases (each run in a child process) ---------------------------------------
# Each returns {"value": the whole-area figure, "per": {township: km²}, "stops": distinct stops}
# where it has them. Coverage: value = covered ÷ served built-up area in %, per = covered km²;
# built-up: value = built-up km² inside the townships, per = built-up km² of each township.

def case_coverage_plugin(data, folder):
    import processing

    table = str(folder / "plugin_table.gpkg")
    result = processing.run("cq_urban:check_coverage", {
        "STOPS": data["stops"], "SERVED_AREA": data["builtup"], "TOWNSHIPS": data["townships"],
        "TOWNSHIP_NAME_FIELD": "name", "RADIUS": RADIUS, "CATALOGUE": "wuxi", "TABLE": table})

    def after():  # read once the clock has stopped
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(result["TABLE"] if isinstance(result["TABLE"], str) else table, "t", "ogr")
        names = _township_names(data)  # not the table's summary row
        return {"per": {f["township"]: f["cover_km2"] for f in layer.getFeatures()
                        if f["township"] in names and f["cover_km2"] is not None}}

    return {"value": result["MEASURED"], "stops": result["STOPS"], "duplicates": result["DUPLICATE_STOPS"],
            "after": after}


def _township_names(data):
    from qgis.core import QgsVectorLayer

    return {f["name"] for f in QgsVectorLayer(data["townships"], "t", "ogr").getFeatures()}


def _sum_by_name(layer, field="name"):
    from qgis.core import QgsProcessingUtils, QgsVectorLayer

    if isinstance(layer, str):
        layer = QgsProcessingUtils.mapLayerFromString(layer, None) or QgsVectorLayer(layer, "l", "ogr")
    sums = {}
    for feature in layer.getFeatures():
        sums[feature[field]] = sums.get(feature[field], 0.0) + feature.geometry().area() / 1e6
    return sums


def _native_served(stops, radius=RADIUS):
    """The best native chain for the service area: one buffer with DISSOLVE, then single parts
    (small polygons the intersection can index, not one multipolygon of a million vertices)."""
    import processing

    served = processing.run("native:buffer", {"INPUT": stops, "DISTANCE": radius, "SEGMENTS": SEGMENTS,
                                              "DISSOLVE": True, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return processing.run("native:multiparttosingleparts", {"INPUT": served, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]


def case_coverage_native(data, folder):
    import processing

    parts = _native_served(data["stops"])
    pieces = processing.run("native:intersection", {  # built-up cut by township, keeping its name
        "INPUT": data["builtup"], "OVERLAY": data["townships"], "INPUT_FIELDS": ["id"], "OVERLAY_FIELDS": ["name"],
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    covered = processing.run("native:intersection", {
        "INPUT": pieces, "OVERLAY": parts, "OVERLAY_FIELDS": ["fid"], "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    served, per = _sum_by_name(pieces), _sum_by_name(covered)
    return {"value": 100.0 * sum(per.values()) / sum(served.values()), "per": per}


def case_coverage_shapely(data, folder):
    import numpy as np
    import shapely

    stops = _stop_points(data["stops"])
    names, pieces = _township_builtup_shapely(data)
    served = _served_unions(stops, pieces, RADIUS)
    covered = shapely.area(shapely.intersection(pieces, served))
    covered = np.nan_to_num(covered) / 1e6
    return {"value": 100.0 * covered.sum() / (shapely.area(pieces).sum() / 1e6),
            "per": dict(zip(names, covered.tolist())), "stops": len(stops)}


def _served_unions(stops, pieces, radius):
    """Per township piece, the union of the buffers of the stops within ``radius`` of it (None: none)."""
    import numpy as np
    import shapely

    town, stop = shapely.STRtree(stops).query(pieces, predicate="dwithin", distance=radius)  # only those that reach
    buffers = np.empty(len(stops), dtype=object)
    needed = np.unique(stop)
    buffers[needed] = shapely.buffer(stops[needed], radius, quad_segs=SEGMENTS)
    served = np.full(len(pieces), None, dtype=object)
    for group, members in _groups(town):
        served[group] = shapely.union_all(buffers[stop[members]])
    return served


def _groups(keys):
    """(key, indices) of a sorted array of int keys."""
    import numpy as np

    if len(keys) == 0:
        return []
    starts = np.flatnonzero(np.diff(keys)) + 1
    return zip(keys[np.r_[0, starts]].tolist(), np.split(np.arange(len(keys)), starts))


def _township_builtup_shapely(data):
    """Township names and the union of the built-up inside each (an STRtree query, the cut only
    for a polygon that crosses the boundary)."""
    import numpy as np
    import shapely

    townships, names = _read_shapely(data["townships"], "name")
    builtup, _ = _read_shapely(data["builtup"])
    town, block = shapely.STRtree(builtup).query(townships, predicate="intersects")
    order = np.lexsort((block, town))
    town, block = town[order], block[order]
    inside = shapely.contains_properly(townships[town], builtup[block])
    parts = builtup[block].copy()
    parts[~inside] = shapely.intersection(builtup[block][~inside], townships[town][~inside])
    keep, pieces = [], []
    for group, members in _groups(town):
        keep.append(group)
        pieces.append(shapely.union_all(parts[members]))
    return names[keep].tolist(), np.array(pieces, dtype=object)


def case_builtup_shapely(data, folder):
    import shapely

    names, pieces = _township_builtup_shapely(data)
    areas = shapely.area(pieces) / 1e6
    return {"value": float(areas.sum()), "per": dict(zip(names, areas.tolist()))}


def case_coverage_geopandas(data, folder):
    import geopandas

    stops = _read_geopandas(data["stops"])
    stops = stops[~stops.get_coordinates().duplicated().to_numpy()]
    pieces = _township_builtup_geopandas(data)
    near = geopandas.sjoin(stops, pieces, predicate="dwithin", distance=RADIUS)[["name", "geometry"]]
    near = near.set_geometry(near.buffer(RADIUS, resolution=SEGMENTS))
    served = near.dissolve(by="name")
    covered = pieces.set_index("name").geometry.intersection(served.geometry, align=True).area.fillna(0) / 1e6
    return {"value": 100.0 * covered.sum() / (pieces.area.sum() / 1e6), "per": covered.to_dict(),
            "stops": len(stops)}


def _township_builtup_geopandas(data):
    townships, builtup = _read_geopandas(data["townships"]), _read_geopandas(data["builtup"])
    pieces = _overlay(builtup, townships[["name", "geometry"]])
    return pieces.dissolve(by="name").reset_index()[["name", "geometry"]]


def _overlay(left, right):
    import geopandas

    return geopandas.overlay(left, right, how="intersection", keep_geom_type=True)


def case_builtup_geopandas(data, folder):
    pieces = _township_builtup_geopandas(data)
    areas = pieces.set_index("name").area / 1e6
    return {"value": float(areas.sum()), "per": areas.to_dict()}


POSTGIS_SQL = {
    # the built-up of each township (the cut only where a polygon crosses the boundary), unioned
    "pieces": """
        CREATE TEMPORARY TABLE pieces AS
        SELECT t.name, ST_Union(CASE WHEN ST_CoveredBy(b.geom, t.geom) THEN b.geom
                                     ELSE ST_Intersection(b.geom, t.geom) END) AS geom
        FROM {schema}.townships t JOIN {schema}.builtup b ON b.geom && t.geom AND ST_Intersects(b.geom, t.geom)
        GROUP BY t.name""",
    "coverage": """
        WITH served AS (
            SELECT p.name, ST_Union(ST_Buffer(s.geom, {radius}, 'quad_segs={segments}')) AS geom
            FROM pieces p JOIN {schema}.bus_stops s ON ST_DWithin(s.geom, p.geom, {radius})
            GROUP BY p.name)
        SELECT p.name, ST_Area(p.geom) / 1e6, COALESCE(ST_Area(ST_Intersection(p.geom, s.geom)) / 1e6, 0),
               (SELECT count(DISTINCT geom) FROM {schema}.bus_stops)
        FROM pieces p LEFT JOIN served s USING (name)""",
    "builtup": "SELECT name, ST_Area(geom) / 1e6 FROM pieces",
}


def _postgis(data, case):
    """The local SQL on the server the benchmark started; CPU and peak memory are the backend's."""
    import psycopg2

    connection = psycopg2.connect(data["postgis"]["connection"])
    cursor = connection.cursor()
    cursor.execute("SET max_parallel_workers_per_gather = 0")  # one process, measurable as one
    cursor.execute("SELECT pg_backend_pid()")
    backend = cursor.fetchone()[0]
    before = _proc_usage(backend)
    start = time.perf_counter()
    values = {"schema": data["postgis"]["schema"], "radius": RADIUS, "segments": SEGMENTS}
    cursor.execute(POSTGIS_SQL["pieces"].format(**values))
    cursor.execute(POSTGIS_SQL[case].format(**values))
    rows = cursor.fetchall()
    seconds = time.perf_counter() - start
    after = _proc_usage(backend)
    connection.close()
    result = {"seconds": seconds, "cpu": after["cpu"] - before["cpu"], "peak_mb": after["peak_mb"],
              "baseline_mb": before["peak_mb"]}
    if case == "coverage":
        per = {name: covered for name, _, covered, _ in rows}
        result.update(value=100.0 * sum(per.values()) / sum(r[1] for r in rows), per=per,
                      stops=rows[0][3] if rows else 0)
    else:
        per = dict(rows)
        result.update(value=sum(per.values()), per=per)
    return result


def case_coverage_postgis(data, folder):
    return _postgis(data, "coverage")


def case_builtup_postgis(data, folder):
    return _postgis(data, "builtup")


def case_population_plugin(data, folder):
    import processing

    result = processing.run("cq_urban:check_coverage", {
        "STOPS": data["district_stops"], "SERVED_AREA": data["district_builtup"], "RADIUS": RADIUS,
        "MEASURE": 1, "POPULATION_RASTER": data["raster"], "CATALOGUE": "wuxi",
        "UNCOVERED": str(folder / "plugin_pop_uncovered.gpkg")})
    return {"value": result["MEASURED"]}


def case_population_native(data, folder):
    import processing
    from qgis.core import QgsVectorLayer

    parts = _native_served(data["district_stops"])
    covered = processing.run("native:intersection", {"INPUT": data["district_builtup"], "OVERLAY": parts,
                                                     "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    sums = []
    for layer in (covered, data["district_builtup"]):
        dissolved = processing.run("native:dissolve", {"INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        stats = processing.run("native:zonalstatisticsfb", {
            "INPUT": dissolved, "INPUT_RASTER": data["raster"], "RASTER_BAND": 1, "STATISTICS": [1],
            "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        stats = QgsVectorLayer(stats, "s", "ogr") if isinstance(stats, str) else stats
        sums.append(sum(f["_sum"] or 0.0 for f in stats.getFeatures()))
    return {"value": 100.0 * sums[0] / sums[1]}


def case_builtup_plugin(data, folder):
    import processing

    output = str(folder / "plugin_builtup.gpkg")
    result = processing.run("cq_urban:check_builtup", {
        "BUILTUP": data["builtup"], "TOWNSHIPS": data["townships"], "TOWNSHIP_NAME_FIELD": "name",
        "TARGET_VALUE": 100.0, "OUTPUT": output, "TABLE": str(folder / "plugin_builtup_table.gpkg")})

    def after():
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(result["OUTPUT"] if isinstance(result["OUTPUT"], str) else output, "o", "ogr")
        names = _township_names(data)
        return {"per": {f["name"]: f["bu_km2"] for f in layer.getFeatures()
                        if f["name"] in names and f["bu_km2"] is not None and f["bu_km2"] == f["bu_km2"]}}

    return {"value": result["MEASURED"], "after": after}


def case_builtup_native(data, folder):
    import processing

    pieces = processing.run("native:intersection", {
        "INPUT": data["builtup"], "OVERLAY": data["townships"], "INPUT_FIELDS": ["id"], "OVERLAY_FIELDS": ["name"],
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    dissolved = processing.run("native:dissolve", {"INPUT": pieces, "FIELD": ["name"],
                                                   "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    per = _sum_by_name(dissolved)
    return {"value": sum(per.values()), "per": per}


def case_facility_plugin(data, folder):
    return facility_cases.plugin(data, folder, sys.modules[__name__])


def case_facility_native(data, folder):
    return facility_cases.native(data, folder, sys.modules[__name__])


def case_facility_shapely(data, folder):
    return facility_cases.shapely_local(data, folder, sys.modules[__name__])


PEERS = ("plugin", "native", "shapely", "geopandas", "postgis")
CASES = {name[len("case_"):]: function for name, function in globals().items() if name.startswith("case_")}
QGIS_PEERS = ("plugin", "native")
PEER_LABELS = {
    "plugin": "plugin (cq_urban via processing.run)",
    "native": "QGIS native chain",
    "shapely": "shapely 2 local",
    "geopandas": "geopandas",
    "postgis": "PostGIS SQL",
}


def _proc_usage(pid):
    """CPU seconds (user + system) and peak resident memory (MB) of a process, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        peak = next(int(line.split()[1]) / 1024.0 for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                    if line.startswith("VmHWM:"))
        return {"cpu": cpu, "peak_mb": peak}
    except (OSError, StopIteration, IndexError, ValueError):
        return {"cpu": 0.0, "peak_mb": None}


def _cpu_self():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(case, data_file, folder):
    peer = case.rsplit("_", 1)[1]
    if peer in QGIS_PEERS:
        app = start_qgis()  # noqa: F841 (kept alive)
        try:
            from cq_urban_plugin.core.checks.coverage import BUFFER_SEGMENTS
        except ImportError:  # the package moves; the segment count is then not checked
            BUFFER_SEGMENTS = SEGMENTS
        assert BUFFER_SEGMENTS == SEGMENTS, "the benchmark's buffers must use the plugin's segment count"
        import shapely  # noqa: F401 (imported before the work, as for the shapely and geopandas peers)
    elif peer in ("shapely", "geopandas"):
        import shapely  # noqa: F401 (the import is not part of the work)

        if peer == "geopandas":
            import geopandas  # noqa: F401
    data = json.loads(Path(data_file).read_text(encoding="utf-8"))
    # Twice on the same files, each run into its own folder: the first pays each library's first use
    # in the process (QGIS: the PROJ database, the GeoPackage driver; a desktop session pays it once),
    # the second is the work itself. Both are reported; the ratios are taken on the second.
    first = _timed(case, data, Path(folder) / "first")
    first.pop("after", None)
    result = _timed(case, data, Path(folder) / "second")
    result.update(first_seconds=first["seconds"], first_cpu=first["cpu"])
    after = result.pop("after", None)
    if after:
        result.update(after())
    print("RESULT " + json.dumps(result), flush=True)


def _timed(case, data, folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    baseline, cpu = peak_mb(), _cpu_self()
    start = time.perf_counter()
    result = CASES[case](data, folder)
    if "seconds" not in result:  # PostGIS measures its backend itself
        result.update(seconds=time.perf_counter() - start, cpu=_cpu_self() - cpu, peak_mb=peak_mb(),
                      baseline_mb=baseline)
    return result


def run_child(case, data_file, folder, timeout):
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, "--child", case, "--data", str(data_file),
                                "--workdir", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        peak = _proc_usage(process.pid)["peak_mb"]
        process.kill()
        process.communicate()
        return {"timeout": True, "seconds": time.perf_counter() - start, "peak_mb": peak}
    for line in stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise RuntimeError(f"{case} failed ({process.returncode}):\n{stdout[-2000:]}\n{stderr[-4000:]}")


def _best(results):
    """One run's figures with the least wall time, CPU time and peak memory of several runs."""
    done = [r for r in results if not r.get("timeout")]
    if not done:
        return results[0]
    best = dict(done[0])
    for key in ("seconds", "cpu", "peak_mb", "first_seconds", "first_cpu"):
        values = [r[key] for r in done if r.get(key) is not None]
        if values:
            best[key] = min(values)
    return best


# --- agreement ------------------------------------------------------------------------
# The plugin measures each part's area in its own Gauss-Krüger zone (the data straddle the
# 105E/108E zones), the peers in the layer's plane (EPSG:4545): areas differ by up to about
# 0.06%, so figures agree when within 0.1% of each other; a township's figure when within 0.1%
# or 1 m² (0.000001 km²).
RELATIVE = 1e-3
ABSOLUTE_KM2 = 1e-6


def _close(a, b):
    return abs(a - b) <= RELATIVE * max(abs(a), abs(b)) + ABSOLUTE_KM2


def agreement(plugin, peer):
    """(agrees, text) of a peer's figures against the plugin's."""
    if peer.get("timeout") or "value" not in peer:
        return None, "—"
    notes, ok = [], abs(plugin["value"] - peer["value"]) <= RELATIVE * abs(plugin["value"])
    if plugin.get("per") and peer.get("per"):
        names = {n for n in set(plugin["per"]) | set(peer["per"])
                 if abs(plugin["per"].get(n, 0.0)) > ABSOLUTE_KM2 or abs(peer["per"].get(n, 0.0)) > ABSOLUTE_KM2}
        worse = [n for n in names if not _close(plugin["per"].get(n, 0.0), peer["per"].get(n, 0.0))]
        ok = ok and not worse
        notes.append(f"{len(names) - len(worse)}/{len(names)} townships")
    if plugin.get("stops") is not None and peer.get("stops") is not None:
        ok = ok and plugin["stops"] == peer["stops"]
        notes.append(f"{peer['stops']:,} stops" + ("" if plugin["stops"] == peer["stops"] else " **≠**"))
    return ok, ("yes" if ok else "**NO**") + (f" ({', '.join(notes)})" if notes else "")


# --- PostGIS -------------------------------------------------------------------------

class Postgis:
    """The local server the test suite starts (tests/conftest.py LocalPostgis), loaded per scale."""

    def __init__(self):
        sys.path.insert(0, str(REPO / "tests"))
        from conftest import LocalPostgis, postgresql_bindir

        self.server = LocalPostgis() if postgresql_bindir() else None

    def load(self, data, schema):
        """ogr2ogr the three layers into ``schema`` (GiST indexes, ANALYZE); returns the seconds it took."""
        start = time.perf_counter()
        self.server.psql("-c", f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
        path = _path_layer(data["stops"])[0]
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{self.server.connection}", path,
                        "townships", "builtup", "bus_stops", "-lco", "GEOMETRY_NAME=geom", "-lco", f"SCHEMA={schema}",
                        "-lco", "SPATIAL_INDEX=GIST", "-lco", "OVERWRITE=YES"], check=True, capture_output=True)
        self.server.psql("-c", f"ANALYZE {schema}.townships; ANALYZE {schema}.builtup; ANALYZE {schema}.bus_stops")
        data["postgis"] = {"connection": self.server.connection, "schema": schema}
        return time.perf_counter() - start

    def remove(self):
        if self.server:
            self.server.remove()


# --- main ---------------------------------------------------------------------------

def _fit(points):
    """The exponent b of time = a · stops^b, least squares on the logs."""
    if len(points) < 2:
        return None
    xs, ys = [math.log(x) for x, _ in points], [math.log(max(y, 1e-3)) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    denominator = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / denominator if denominator else None


def case_table(case, runs, peers):
    lines = ["| stops | peer | wall time (s) | CPU (s) | CPU, first run in the process (s) | peak memory (MB) | result "
             "| plugin speed-up: peer CPU ÷ plugin CPU (wall ÷ wall; first runs' CPU) | agrees with the plugin |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    for run in runs:
        rows = run["results"].get(case, {})
        plugin = rows.get("plugin")
        for peer in peers:
            result = rows.get(peer)
            if result is None:
                continue
            stops = f"{run['counts']['stops']:,}"
            if result.get("timeout"):
                lines.append(f"| {stops} | {PEER_LABELS[peer]} | > {result['seconds']:.0f} (stopped) | — | — | "
                             f"{result['peak_mb'] or 0:.0f} | — | — | — |")
                continue
            ratio, agreed = "—", "(reference)"
            if peer != "plugin" and plugin and not plugin.get("timeout"):
                by_cpu = result["cpu"] / max(plugin["cpu"], 1e-3)
                by_wall = result["seconds"] / max(plugin["seconds"], 1e-3)
                first = ""
                if result.get("first_cpu") is not None and plugin.get("first_cpu") is not None:
                    first = f"; {result['first_cpu'] / max(plugin['first_cpu'], 1e-3):.2f}×"
                ratio = f"{by_cpu:.2f}× ({by_wall:.2f}×{first}) vs {PEER_LABELS[peer]}" + (
                    " — **plugin slower**" if by_cpu < 1 else "")
                agreed = agreement(plugin, result)[1]
            first_cpu = f"{result['first_cpu']:.2f}" if result.get("first_cpu") is not None else "—"
            lines.append(f"| {stops} | {PEER_LABELS[peer]} | {result['seconds']:.2f} | {result.get('cpu', 0):.2f} | "
                         f"{first_cpu} | {result['peak_mb'] or 0:.0f} | {result['value']:.4f} | {ratio} | {agreed} |")
    exponents = []
    for peer in peers:
        points = [(run["counts"]["stops"], run["results"][case][peer]["cpu"]) for run in runs
                  if peer in run["results"].get(case, {}) and not run["results"][case][peer].get("timeout")]
        exponent = _fit(points)
        if exponent is not None:
            exponents.append(f"{PEER_LABELS[peer]} {exponent:.2f}")
    if exponents:
        lines += ["", "CPU time fitted as (number of stops)^b over the scales (fixed costs, such as a check's "
                  "start, pull b below 1 at small scales): " + "; ".join(exponents) + "."]
    return "\n".join(lines)


def per_facility(runs):
    """The plugin's CPU time per facility of the facility coverage beside its time per stop of the
    bus-stop coverage, at each scale."""
    parts = []
    for run in runs:
        facility, stops = (run["results"].get(case, {}).get("plugin") for case in ("facility", "coverage"))
        if not facility or facility.get("timeout"):
            continue
        text = (f"{run['counts']['facilities']:,} facilities: {1e6 * facility['cpu'] / run['counts']['facilities']:.0f}"
                " µs of CPU a facility")
        if stops and not stops.get("timeout"):
            text += f" (bus-stop coverage: {1e6 * stops['cpu'] / run['counts']['stops']:.0f} µs a stop)"
        parts.append(text)
    return ("The plugin per facility, 5 types at 300–900 m (the bus stops: one type at 500 m): "
            + "; ".join(parts) + ".") if parts else ""


CASE_TITLES = {
    "coverage": "500 m bus-stop coverage, straight line (cq_urban:check_coverage), whole area in % and every "
                "township's covered km²",
    "builtup": "Built-up area per township (cq_urban:check_builtup), km² inside the townships and every township's",
    "population": "Coverage by population (cq_urban:check_coverage with a 10 m raster), one district, %",
    "facility": "Facility coverage, 5 types of the 15-minute life circle (cq_urban:check_facility_coverage, "
                "preset life_circle_15min), the share reached by every type in % and each type's and the every-type "
                "covered km² of every township",
}

METHODS = """Peers, each in a fresh process of its own on the same files, run twice there (times from reading
the layers to the figures, after QGIS or Python has started and shapely, and geopandas for its peer, are
imported; the plugin also writes its township table, and for built-up its township layer). The first run
also pays each library's first use in the process (for QGIS the PROJ database, the GeoPackage driver, the
expression context: a desktop session pays them once), the second is the work: the CPU, wall time and ratio
columns are the second run's, the first run's CPU and the ratio of the first runs are beside them; peak
memory is the process's over both runs. PostGIS opens a new backend for each run:

- **plugin**: `processing.run("cq_urban:check_coverage" / "cq_urban:check_builtup")` in a QGIS process.
- **QGIS native chain** (the best one, linear): coverage = `native:buffer` (500 m, 16 segments, DISSOLVE)
  → `native:multiparttosingleparts` → `native:intersection` of the built-up with the townships →
  `native:intersection` of those pieces with the single parts → areas summed by township; built-up =
  `native:intersection` of the built-up with the townships → `native:dissolve` by township → areas;
  population = the served parts → `native:intersection` → `native:dissolve` → `native:zonalstatisticsfb`
  on the covered and the served area; facility coverage = per type `native:extractbyattribute` → the served
  parts at that type's distance → `native:intersection` with the built-up pieces, and the every-type share
  by intersecting the pieces with each type's parts in turn.
- **shapely 2 local**: layers read by pyogrio as WKB; stops entered twice dropped (numpy.unique on the
  coordinates); an STRtree of the built-up queried by the townships (`intersects`), `shapely.intersection`
  only for a polygon that crosses a boundary, `shapely.union_all` per township; an STRtree of the stops
  queried by those unions (`dwithin` 500 m), buffers (16 segments) only of the stops that reach the built-up,
  unioned per township, then `shapely.intersection` and `shapely.area` on the arrays; facility coverage
  the same per type at its distance, the every-type share by `shapely.intersection` of the types' unions.
- **geopandas**: `read_file` (pyogrio); `overlay` (intersection) of the built-up with the townships,
  `dissolve` by township; `sjoin(predicate="dwithin", distance=500)` of the distinct stops with those pieces,
  `buffer` then `dissolve` by township, aligned `intersection` and `area`.
- **PostGIS SQL** on the local server the test suite starts (tests/conftest.py LocalPostgis), layers loaded
  by ogr2ogr with GiST indexes and ANALYZE beforehand (load time given per scale, not counted): per township
  `ST_Union` of the built-up joined by `&&`/`ST_Intersects` (`ST_Intersection` only across a boundary), then
  `ST_Union(ST_Buffer(stop, 500, 'quad_segs=16'))` of the stops joined by `ST_DWithin` (the index; a stop
  entered twice is unioned twice), then
  `ST_Area(ST_Intersection(...))`. One backend, parallel workers off; its time is the queries' wall time, its
  CPU and peak memory the backend's (`/proc/<pid>`, which counts the shared buffers it touched).

CPU is user + system time of the process (`getrusage`, for PostGIS the backend's); peak memory is its maximum
resident set (VmHWM in `/proc`; not `ru_maxrss`, which Linux carries over from the parent across exec),
everything it loaded included: a QGIS process starts at about
{qgis_base} MB, a shapely/geopandas one at about {py_base} MB, before any work.

Agreement: every peer's whole-area figure within 0.1% of the plugin's, and every township's figure within
0.1% (or 1 m²); for coverage the distinct stops counted must equal the plugin's STOPS (after its deduplication).
The plugin measures each part's area in its own Gauss-Krüger zone (the data straddle the 105E/108E zones),
the peers in EPSG:4545's plane: their areas differ by up to about 0.06%, hence 0.1%.
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="0.1,0.4,1",
                        help="fractions of the Chongqing-scale counts (1 = 50,000 stops), comma-separated")
    parser.add_argument("--scale", type=float, default=None, help="a single scale (instead of --scales)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds after which a run is stopped")
    parser.add_argument("--output", default=str(HERE / "RESULTS.md"), help="markdown results file")
    parser.add_argument("--workdir", default="")
    parser.add_argument("--child", default="")
    parser.add_argument("--data", default="")
    parser.add_argument("--cases", default="coverage,builtup,population,facility")
    parser.add_argument("--peers", default=",".join(PEERS))
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each peer: the least wall time, CPU time and memory are kept")
    parser.add_argument("--plugin-root", default="",
                        help="the folder holding the cq_urban_plugin package to measure (default: this checkout)")
    args = parser.parse_args(argv)
    if args.plugin_root:
        os.environ["CQ_BENCH_PLUGIN_ROOT"] = str(Path(args.plugin_root).resolve())  # the children inherit it
    if args.child:
        child(args.child, args.data, args.workdir)
        return 0

    scales = [args.scale] if args.scale is not None else [float(s) for s in args.scales.split(",") if s.strip()]
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    folder = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="cq_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    app = start_qgis()  # noqa: F841
    began = time.perf_counter()
    postgis = Postgis() if "postgis" in peers else None
    if postgis and postgis.server is None:
        print("PostgreSQL is not installed (make setup): the PostGIS peer is left out", flush=True)
        peers.remove("postgis")
        postgis = None
    runs = []
    try:
        for scale in scales:
            sub = folder / f"scale_{scale:g}"
            sub.mkdir(parents=True, exist_ok=True)
            start = time.perf_counter()
            data = generate(sub, scale)
            counts = data["counts"]
            print(f"Scale {scale:g}: {counts['townships']:,} townships, {counts['stops']:,} stops "
                  f"(+{counts['duplicates']} entered twice), {counts['builtup']:,} built-up polygons, "
                  f"{data['raster_cells']:,} raster cells ({time.perf_counter() - start:.0f} s)", flush=True)
            run = {"scale": scale, "counts": counts, "raster_cells": data["raster_cells"], "results": {}}
            if postgis:
                run["postgis_load"] = postgis.load(data, "s" + f"{scale:g}".replace(".", "_"))
            data_file = sub / "data.json"
            data_file.write_text(json.dumps(data), encoding="utf-8")
            for case in cases:
                results = run["results"].setdefault(case, {})
                for peer in peers:
                    if f"{case}_{peer}" not in CASES:
                        continue
                    print(f"  {case} / {peer} …", end=" ", flush=True)
                    results[peer] = _best([run_child(f"{case}_{peer}", data_file, sub, args.timeout)
                                           for _ in range(args.repeat)])
                    shown = results[peer]
                    if shown.get("timeout"):
                        print(f"stopped after {shown['seconds']:.0f} s", flush=True)
                        continue
                    verdict = "" if peer == "plugin" or "plugin" not in results else \
                        "  agrees: " + agreement(results["plugin"], shown)[1]
                    print(f"{shown['seconds']:.2f} s, CPU {shown.get('cpu', 0):.2f} s, {shown['peak_mb'] or 0:.0f} MB, "
                          f"{shown['value']:.4f}{verdict}", flush=True)
            runs.append(run)
    finally:
        if postgis:
            postgis.remove()
    total = time.perf_counter() - began

    def base(kinds):
        values = [r["baseline_mb"] for run in runs for case in run["results"].values()
                  for peer, r in case.items() if peer in kinds and r.get("baseline_mb")]
        return f"{sum(values) / len(values):.0f}" if values else "—"

    repeat = args.repeat
    sections = []
    for case in cases:
        sections += [f"## {CASE_TITLES[case]}", "", case_table(case, runs, peers), ""]
        if case == "facility":
            sections += [per_facility(runs), ""]
    scales_text = "; ".join(
        f"{run['counts']['stops']:,} stops (+{run['counts']['duplicates']} entered twice), "
        f"{run['counts']['builtup']:,} built-up polygons, {run['counts']['townships']:,} townships, "
        f"{run['raster_cells']:,} raster cells"
        + (f"; PostGIS load {run['postgis_load']:.1f} s" if run.get("postgis_load") else "")
        for run in runs)
    text = "\n".join([
        "# Benchmark: the plugin against the tools a skilled engineer would pick instead",
        "",
        f"Run {datetime.datetime.now():%Y-%m-%d %H:%M} by `make bench` (tests/benchmarks/run_benchmarks.py, "
        f"scales {', '.join(f'{s:g}' for s in scales)}; {total / 60:.1f} min in all) on "
        f"{platform.node() or 'this machine'}: {os.cpu_count()} CPUs, {platform.platform()}, "
        f"Python {platform.python_version()}, QGIS {_qgis_version()}, {_versions()}; the plugin measured: "
        f"{_plugin_source()}.",
        "",
        f"Synthetic data from the generator (1 township a 9 km square, 50 stops, 20 built-up blocks, 1% of the "
        f"stops entered twice, all written): {scales_text}.",
        "",
        "A speed-up above 1 means the plugin is faster than that peer, below 1 that the peer is faster. It is "
        "taken on CPU time (the wall-time ratio in brackets): the machine is shared, and wall times of the same "
        f"run vary with its load; each figure is the least of {repeat} run(s).",
        "",
        *sections,
        METHODS.format(qgis_base=base(QGIS_PEERS), py_base=base(("shapely", "geopandas"))),
    ])
    from cq_urban_plugin.core.files.atomic import atomic_write_text

    atomic_write_text(args.output, text)
    print()
    print("\n".join(sections))
    print(f"Written to {args.output} ({total / 60:.1f} min)")
    failed = [(run["scale"], case, peer) for run in runs for case, rows in run["results"].items()
              for peer, result in rows.items()
              if peer != "plugin" and "plugin" in rows and agreement(rows["plugin"], result)[0] is False]
    for scale, case, peer in failed:
        print(f"DISAGREE: {case} at scale {scale:g}: {peer} against the plugin", file=sys.stderr)
    return 1 if failed else 0


def _versions():
    found = []
    for module in ("shapely", "geopandas", "psycopg2"):
        try:
            found.append(f"{module} {__import__(module).__version__.split()[0]}")
        except ImportError:
            pass
    try:
        import shapely

        found.append("shapely's GEOS " + ".".join(map(str, shapely.geos_version)))
    except ImportError:
        pass
    try:
        from qgis.core import Qgis

        found.append(f"QGIS's GEOS {Qgis.geosVersion()}")
    except (ImportError, AttributeError):
        pass
    return ", ".join(found)


def _plugin_source():
    root = Path(os.environ.get("CQ_BENCH_PLUGIN_ROOT") or REPO)
    if root != REPO:
        return f"the package in {root} (--plugin-root)"
    try:
        described = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True,
                                   text=True).stdout.strip()
    except OSError:  # no git (a chroot, an exported tree)
        described = ""
    return f"this checkout, commit {described or 'unknown'}"


def _qgis_version():
    from qgis.core import Qgis

    return Qgis.QGIS_VERSION


if __name__ == "__main__":
    sys.exit(main())
