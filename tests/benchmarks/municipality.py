"""A synthetic municipality: N jurisdictions, each the benchmark's generated data (run_benchmarks.generate:
a grid of 9 km townships, 50 bus stops and 20 built-up blocks a township) with a seed of its own, each in
its own folder, and the list of jurisdictions cq_urban:check_batch reads (jurisdictions.json)."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_benchmarks import generate  # noqa: E402


def municipality(folder, count: int, scale: float, seed: int = 2100) -> Path:
    """``count`` jurisdictions j00, j01 … at ``scale`` (1000 × scale townships each, at least 4) in
    ``folder``; returns the path of the list. A running QGIS is needed (the generator writes with it)."""
    folder = Path(folder)
    entries = []
    for number in range(count):
        place = folder / f"j{number:02d}"
        place.mkdir(parents=True, exist_ok=True)
        data = generate(place, scale, seed + number)
        entries.append({"id": f"j{number:02d}", "catalogue": "", "townships": data["townships"],
                        "builtup": data["builtup"], "stops": data["stops"]})
    listing = folder / "jurisdictions.json"
    listing.write_text(json.dumps({"jurisdictions": entries}, ensure_ascii=False, indent=1), encoding="utf-8")
    return listing


def tiny_jurisdiction(folder, townships: int, seed: int = 2140, size: float = 250.0) -> dict:
    """One jurisdiction of ``townships`` small square townships (``size`` m, a square grid around 108°E, in
    EPSG:4545), each with one built-up quadrilateral (a fifth reaching into the next township) and two bus
    stops, written with GDAL for speed: for a run of 40,000 townships on a small machine. Returns the entry
    of the list of jurisdictions (id "tiny")."""
    import math
    import random

    from osgeo import ogr, osr

    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tiny.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4545)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layers = {}
    for name, kind in (("townships", ogr.wkbPolygon), ("builtup", ogr.wkbPolygon), ("bus_stops", ogr.wkbPoint)):
        layers[name] = dataset.CreateLayer(name, srs, kind)
    layers["townships"].CreateField(ogr.FieldDefn("name", ogr.OFTString))
    columns = math.ceil(math.sqrt(townships))
    x0, y0 = 500000.0 - columns * size / 2, 3400000.0

    def add(name, wkt, township_name=None):
        feature = ogr.Feature(layers[name].GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        if township_name is not None:
            feature.SetField("name", township_name)
        layers[name].CreateFeature(feature)

    dataset.StartTransaction()
    for index in range(townships):
        row, column = divmod(index, columns)
        x, y = x0 + column * size, y0 + row * size
        add("townships", f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))",
            f"乡镇{index:05d}")
        reach = size * (0.95 if rng.random() < 0.2 else 0.55)  # a fifth cross into the next township
        bx, by = x + rng.uniform(0.1, 0.4) * size, y + rng.uniform(0.1, 0.4) * size
        w, h = rng.uniform(0.3, 1.0) * reach, rng.uniform(0.3, 0.6) * size
        add("builtup", f"POLYGON(({bx} {by},{bx + w} {by + rng.uniform(-5, 5)},{bx + w} {by + h},"
                       f"{bx + rng.uniform(-5, 5)} {by + h},{bx} {by}))")
        for _ in range(2):
            add("bus_stops", f"POINT({x + rng.uniform(0, size)} {y + rng.uniform(0, size)})")
    dataset.CommitTransaction()
    dataset = None
    return {"id": "tiny", "catalogue": "", "townships": f"{path}|layername=townships",
            "builtup": f"{path}|layername=builtup", "stops": f"{path}|layername=bus_stops"}
