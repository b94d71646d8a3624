"""A 1 GB land-use layer through the built-up check (issue #10), run by `make bench`.

Real 三调 land-use layers of a district run to hundreds of megabytes. This
writes a GeoPackage of about ``--size-mb`` megabytes whose answer is known
exactly: a grid of 200 m squares in CGCS2000 GK zone CM 108E (EPSG:4545), each
edge densified so that every polygon is large, every other square coded 201
(城镇村属性码: built-up), the rest 203. The built-up area is then
(number of 201 squares) × 0.04 km² exactly, whatever the vertex count. The
check runs in a child process through processing.run, which reports its time,
peak memory and figure; the GeoPackage is read only (its checksum is compared
before and after). Writes tests/benchmarks/LARGE.md.
"""
import argparse
import datetime
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run_benchmarks import peak_mb, start_qgis  # noqa: E402

SIDE, STEP = 200.0, 250.0
X0, Y0 = 450000.0, 3450000.0  # inside zone CM 108E, so the GK area is the planar one


def square_wkt(x, y, per_edge):
    points = []
    for k in range(per_edge):
        points.append((x + SIDE * k / per_edge, y))
    for k in range(per_edge):
        points.append((x + SIDE, y + SIDE * k / per_edge))
    for k in range(per_edge):
        points.append((x + SIDE - SIDE * k / per_edge, y + SIDE))
    for k in range(per_edge):
        points.append((x, y + SIDE - SIDE * k / per_edge))
    points.append(points[0])
    return "POLYGON((" + ",".join(f"{px:.3f} {py:.3f}" for px, py in points) + "))"


def generate(path: Path, size_mb: float, per_edge: int):
    from osgeo import ogr, osr

    bytes_per_polygon = (4 * per_edge + 1) * 16 + 120
    count = int(size_mb * 1024 * 1024 / bytes_per_polygon)
    columns = int(count ** 0.5) + 1
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4545)
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = data.CreateLayer("landuse", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("czcsxm", ogr.OFTString))
    built = 0
    layer.StartTransaction()
    for i in range(count):
        row, col = divmod(i, columns)
        feature = ogr.Feature(layer.GetLayerDefn())
        code = "201" if (row + col) % 2 == 0 else "203"
        built += code == "201"
        feature.SetField("czcsxm", code)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(square_wkt(X0 + col * STEP, Y0 + row * STEP, per_edge)))
        layer.CreateFeature(feature)
        if i % 5000 == 4999:
            layer.CommitTransaction()
            layer.StartTransaction()
    layer.CommitTransaction()
    rows = (count - 1) // columns + 1
    # Four townships covering the grid, cutting through squares: the split is exercised too.
    towns = data.CreateLayer("townships", srs, ogr.wkbPolygon)
    towns.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    width, height = columns * STEP + 200, rows * STEP + 200  # a 100 m margin all round
    for k, name in enumerate(["汉丰街道", "文峰街道", "云枫街道", "镇东街道"]):
        qx, qy = k % 2, k // 2
        x0, y0 = X0 - 100 + qx * width / 2, Y0 - 100 + qy * height / 2
        x1, y1 = x0 + width / 2, y0 + height / 2
        feature = ogr.Feature(towns.GetLayerDefn())
        feature.SetField("name", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        towns.CreateFeature(feature)
    data = None
    return {"features": count, "built": built, "vertices_per_polygon": 4 * per_edge + 1}


def child(path):
    app = start_qgis()  # noqa: F841 (kept alive for the run)
    import processing

    started = time.time()
    result = processing.run("cq_urban:check_builtup", {
        "LANDUSE": f"{path}|layername=landuse", "LANDUSE_FIELD": "czcsxm", "LANDUSE_CODES": "201",
        "TOWNSHIPS": f"{path}|layername=townships", "TOWNSHIP_NAME_FIELD": "name", "TARGET_VALUE": 1,
        "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})
    print(json.dumps({"seconds": time.time() - started, "peak_mb": peak_mb(), "measured": result["MEASURED"]}))


def digest(path):
    sha = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=1024)
    parser.add_argument("--per-edge", type=int, default=250, help="vertices per square edge")
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--output", default=str(HERE / "LARGE.md"))
    parser.add_argument("--child", default=None)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="cq_urban_large_"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "landuse_large.gpkg"
    if path.exists():
        path.unlink()
    print(f"Writing about {args.size_mb:.0f} MB of land use to {path} …", flush=True)
    started = time.time()
    made = generate(path, args.size_mb, args.per_edge)
    size_mb = path.stat().st_size / 1024 / 1024
    print(f"  {made['features']:,} polygons of {made['vertices_per_polygon']} vertices, {size_mb:,.0f} MB "
          f"({time.time() - started:.0f} s)", flush=True)
    before = digest(path)
    completed = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True)
    if completed.returncode != 0:
        print(completed.stderr[-3000:], file=sys.stderr)
        return 1
    run = json.loads(completed.stdout.strip().splitlines()[-1])
    expected = made["built"] * SIDE * SIDE / 1e6
    unchanged = digest(path) == before
    agree = abs(run["measured"] - expected) <= 0.01 + 1e-4 * expected  # the report rounds to 0.01 km²
    table = (
        "| layer | polygons | vertices each | size (MB) | time (s) | peak memory (MB) | measured (km²) "
        "| exact (km²) | agree | input unchanged |\n|---|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|\n"
        f"| 三调-like land use, built-up = 201 | {made['features']:,} | {made['vertices_per_polygon']} | "
        f"{size_mb:,.0f} | {run['seconds']:.0f} | {run['peak_mb']:,.0f} | {run['measured']:,.2f} | "
        f"{expected:,.2f} | {'yes' if agree else 'NO'} | {'yes' if unchanged else 'NO'} |\n")
    text = (f"# A large land-use layer through the built-up check\n\nRun {datetime.datetime.now():%Y-%m-%d %H:%M} "
            f"by `make bench` (tests/benchmarks/large_layer.py).\n\n{table}")
    Path(args.output).write_text(text, encoding="utf-8")
    print(table)
    return 0 if agree and unchanged else 1


if __name__ == "__main__":
    sys.exit(main())
