"""Synthetic community services of the sample data (a part of build_sample_data.py): one layer
``facilities`` of points whose ``kind`` names the facility — 养老服务中心, 社区综合服务站, 文化活动中心,
体育健身点, 菜市场, 综合广场, 农产品交易市场, 品牌超市 — for the whole-plan check's facility targets,
its type field being ``kind``.

江津's plan wants a 镇(街)养老服务中心 in each of its 30 units (001_c0dc96b9baef37ce.txt l.1761) and a
community service facility in every urban community (000_5c0b1797e2e1b3c4.txt l.192). The sample
gives an elderly-care centre to every township but one in seven (by position, so that the check has
townships to list), and a community service station to four townships in five, each in the
township's built-up patch; the other kinds stand one or two to a patch.
"""
import numpy as np
from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes

KINDS = (("养老服务中心", 1.0), ("社区综合服务站", 0.8), ("文化活动中心", 0.7), ("体育健身点", 0.9), ("菜市场", 0.8),
         ("综合广场", 0.9), ("农产品交易市场", 0.6), ("品牌超市", 0.7))
WITHOUT_ELDERLY_EVERY = 7   # every seventh township (by position) has no elderly-care centre


def service_features(key, spec, patches, synthetic):
    """{"facilities": (wkb type, fields, rows)} in the GK zone (``patches`` as in facility_features)."""
    rng = np.random.default_rng(spec["seed"] + 1761)
    rows = []
    townships = list(dict.fromkeys(t for t, _a, _p in patches))
    for township_position, township in enumerate(townships):
        patch = max((p for t, _a, p in patches if t == township), key=lambda g: g.area())
        box = patch.boundingBox()
        for kind, chance in KINDS:
            if kind == "养老服务中心":
                wanted = 0 if (township_position + 1) % WITHOUT_ELDERLY_EVERY == 0 else 1
            else:
                wanted = int(rng.uniform() < chance) + int(rng.uniform() < chance / 3)
            placed, tries = 0, 0
            while placed < wanted and tries < 500:
                tries += 1
                x, y = rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum())
                here = QgsGeometry.fromPointXY(QgsPointXY(x, y))
                if patch.contains(here):
                    placed += 1
                    rows.append(([f"{township}{kind}{len(rows) + 1:03d}（示意）", kind, township, synthetic], here))
    return {"facilities": (QgsWkbTypes.Point, [("name", str), ("kind", str), ("township", str),
                                                ("provenance", str)], rows)}
