"""Synthetic river and plant layers of the sample data (a part of build_sample_data.py).

Each jurisdiction gets one river line (示意), named after the river that crosses it — 长江 in 江津,
澎溪河 in 开州, 大宁河 in 巫溪 — but drawn, not surveyed: a smooth curve across the outline through
the main 城区 patch. And eight chemical projects (化工项目, 示意) in the countryside, two of them
closer to the river than the 1 km of 江津's rule (001_c0dc96b9baef37ce.txt l.1615: 长江干流及主要支流
岸线1公里范围内 no new chemical projects), at 400 m and 800 m, the others 1.5–8 km away, for
``cq_urban:check_distance_rule`` and the whole-plan check.
"""
import math

import numpy as np
from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes

RIVERS = {"jiangjin": "长江（示意）", "kaizhou": "澎溪河（示意）", "wuxi": "大宁河（示意）"}
NEAR_M = (400.0, 800.0)          # the two plants inside the rule's 1 km
FAR_M = (1500.0, 8000.0)         # the others, between these distances
PLANTS = 8


def river_line(outline, through, rng):
    """A curve across ``outline`` (GK metres) through the point ``through``: west to east, with a
    slow meander of a few kilometres, clipped to the outline."""
    box = outline.boundingBox()
    phase, amplitude = rng.uniform(0, 2 * math.pi), rng.uniform(2500.0, 4500.0)
    wavelength = rng.uniform(14000.0, 22000.0)
    tilt = rng.uniform(-0.25, 0.25)
    x0, y0 = through
    points = []
    x = box.xMinimum() - 1000.0
    while x <= box.xMaximum() + 1000.0:
        offset = amplitude * (math.sin(2 * math.pi * (x - x0) / wavelength + phase) - math.sin(phase))
        points.append(QgsPointXY(x, y0 + tilt * (x - x0) + offset))
        x += 250.0
    line = QgsGeometry.fromPolylineXY(points).intersection(outline)
    return line if not line.isEmpty() else QgsGeometry.fromPolylineXY(points)


def river_features(key, spec, outline, patches, synthetic):
    """{layer: (wkb type, fields, rows)} of the river and the plants of one jurisdiction, in the GK
    zone (``outline`` and ``patches`` as in facility_features); ``synthetic`` is the provenance text."""
    rng = np.random.default_rng(spec["seed"] + 1615)
    city = [p for p in patches if p[1] == "城区"] or patches
    main = max(city, key=lambda p: p[2].area())[2]
    centre = main.centroid().asPoint()
    river = river_line(outline, (centre.x(), centre.y()), rng)
    built = QgsGeometry.unaryUnion([p[2] for p in patches])
    box = outline.boundingBox()
    plants, tries = [], 0
    wanted = list(NEAR_M) + [None] * (PLANTS - len(NEAR_M))
    while wanted and tries < 20000:
        tries += 1
        distance = wanted[0]
        x, y = rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum())
        if distance is not None:
            # Put the plant at exactly ``distance`` from the river, to one side of its nearest point.
            nearest = river.nearestPoint(QgsGeometry.fromPointXY(QgsPointXY(x, y))).asPoint()
            dx, dy = x - nearest.x(), y - nearest.y()
            norm = math.hypot(dx, dy) or 1.0
            x, y = nearest.x() + dx / norm * distance, nearest.y() + dy / norm * distance
        here = QgsGeometry.fromPointXY(QgsPointXY(x, y))
        gap = here.distance(river)
        if not outline.contains(here) or built.distance(here) < 300.0:
            continue
        if distance is None and not FAR_M[0] <= gap <= FAR_M[1]:
            continue
        if distance is not None and abs(gap - distance) > 1.0:
            continue
        wanted.pop(0)
        status = "新建" if len(plants) % 2 == 0 else "扩建"
        plants.append(([f"化工项目{len(plants) + 1:02d}（示意）", status, round(gap, 1), synthetic], here))
    river_rows = [([RIVERS.get(key, "河流（示意）"), "干流", synthetic], river)]
    return {
        "river": (QgsWkbTypes.MultiLineString, [("name", str), ("kind", str), ("provenance", str)], river_rows),
        "plants": (QgsWkbTypes.Point, [("name", str), ("status", str), ("river_m", float), ("provenance", str)],
                   plants),
    }
