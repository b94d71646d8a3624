"""Builds cq_urban_plugin/data/gcj02_area.wkt: where Chinese web maps shift
coordinates into GCJ-02 (mainland China with Hainan and its islands; not Hong
Kong, Macau or Taiwan, which the web maps leave in WGS84).

Source: the `countries` layer of QGIS's own world_map.gpkg
(/usr/share/qgis/resources/data/world_map.gpkg, shipped with QGIS 3.22+), which
is Natural Earth 1:10m Admin 0 – Countries v4.1.0 (public domain,
https://www.naturalearthdata.com/downloads/10m-cultural-vectors/), generalised
by QGIS (see README_world_map.md beside it). In Natural Earth, Hong Kong (HKG),
Macau (MAC) and Taiwan (TWN) are countries of their own, as the published
GCJ-02 rule (eviltransform, coordtransform) treats them.

The area is China (CHN) widened by SEA_DEG at sea (so that coastal points,
piers and small islands the generalised coast misses are still shifted), less
every other country's land within that band and, within NEIGHBOUR_DEG of it,
all that is not Chinese land (reclaimed land the outline misses, such as Hong
Kong's airport and Macau's Cotai); then simplified to TOLERANCE_DEG
and rounded to GRID_DEG. It is coarse (a few km at land borders): the algorithm
reports points near its edge (gcj02.NEAR_EDGE_DEG).

Run: .venv/bin/python tests/tools/make_gcj02_area.py
"""
import re
from pathlib import Path

from osgeo import ogr

WORLD = "/usr/share/qgis/resources/data/world_map.gpkg"
OUT = Path(__file__).resolve().parents[2] / "cq_urban_plugin" / "data" / "gcj02_area.wkt"
SEA_DEG = 0.25
NEIGHBOUR_DEG = 0.05
TOLERANCE_DEG = 0.01
GRID_DEG = 0.001
MIN_PART_DEG2 = 0.0005


def main():
    dataset = ogr.Open(WORLD)  # kept: its layer dies with it
    layer = dataset.GetLayerByName("countries")
    china, others = None, []
    for feature in layer:
        geometry = feature.GetGeometryRef().Clone()
        if feature["ISO_A3"] == "CHN":
            china = geometry
        else:
            others.append(geometry)
    band = china.Buffer(SEA_DEG, 8)
    area = band
    for other in others:
        if other.Intersects(band):
            # the neighbour's land and, near it, whatever is not Chinese land: reclaimed land and
            # islands the generalised outline misses (Hong Kong's airport, Macau's Cotai, Kinmen)
            area = area.Difference(other.Buffer(NEIGHBOUR_DEG, 8).Difference(china).Union(other))
    area = area.SimplifyPreserveTopology(TOLERANCE_DEG)
    digits = len(str(GRID_DEG).split(".")[1])
    area = ogr.CreateGeometryFromWkt(re.sub(r"-?\d+\.\d+", lambda m: f"{float(m.group()):.{digits}f}".rstrip("0"),
                                            area.ExportToWkt()))
    if not area.IsValid():
        area = area.Buffer(0)
    parts = [area.GetGeometryRef(i).Clone() for i in range(area.GetGeometryCount())] \
        if area.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection) else [area]
    result = ogr.Geometry(ogr.wkbMultiPolygon)
    for part in parts:
        if part.GetGeometryType() == ogr.wkbPolygon and part.GetArea() >= MIN_PART_DEG2:
            result.AddGeometry(part)
    assert result.IsValid()
    header = ("# Where Chinese web maps shift coordinates into GCJ-02, lon/lat (WGS84). Built by "
              "tests/tools/make_gcj02_area.py from Natural Earth 1:10m Admin 0 v4.1.0 (public domain) as "
              "generalised in QGIS's world_map.gpkg: China widened 0.25 degree at sea, less Hong Kong, Macau, "
              "Taiwan and every other country (and 0.05 degree of sea around them); coarse (a few km).\n")
    OUT.write_text(header + result.ExportToWkt() + "\n", encoding="ascii")
    print(OUT, OUT.stat().st_size, "bytes,", result.GetGeometryCount(), "parts")


if __name__ == "__main__":
    main()
