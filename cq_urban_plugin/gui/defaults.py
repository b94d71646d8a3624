"""The panel's default layer choices, and the choices remembered per project (issue 22).

- The township layer: a polygon layer whose names are the catalogue's townships (the share of its
  features whose name field matches a plan township), helped by its name (townships, 乡镇, 街道, xzq);
  never a layer named like built-up land, land use or a control line.
- The checks' layers (and the Whole plan tab's, one per role): for each picker, a layer of its geometry
  whose name says what it is (builtup, bus_stops, farmland, 公交, 河, DLTB …) and whose extent overlaps the
  township layer: 江津's checks do not default to 开州's layers when both are loaded.
- What the user chose is written into the project (``QgsProject.writeEntry``, scope ``cq_urban_plugin``)
  per catalogue, and wins over the suggestion when the project is opened again.
"""
from typing import Iterable, Optional

from qgis.core import QgsCoordinateTransform, QgsProject, QgsRectangle, QgsVectorLayer

from ..compat import FieldType
from ..core.plan.names import name_key

SCOPE = "cq_urban_plugin"
SAMPLE = 3000  # features read per layer to recognise township names

TOWNSHIP_HINTS = ("township", "乡镇", "街道", "镇街", "xzq", "town", "行政区")
NOT_TOWNSHIPS = ("builtup", "built_up", "built-up", "建成", "landuse", "用地", "现状", "redline", "红线",
                 "farmland", "农田", "development", "开发边界", "boundary", "district", "区县", "messy",
                 "stop", "站", "road", "道路", "uncovered", "service", "覆盖", "overlap")
# Per picker (the combo's objectName): name hints, first the strongest.
HINTS = {
    "builtup": ("builtup", "built_up", "built-up", "建成区", "建成"),
    "control_builtup": ("builtup", "built_up", "built-up", "建成区", "建成"),
    "stops": ("bus_stop", "busstop", "stops", "公交站", "站点", "stop"),
    "served_area": ("builtup", "城区", "建成区", "served", "urban"),
    "roads": ("road", "路网", "道路", "footpath", "street"),
    "population": ("population", "pop", "人口"),
    "ecology": ("ecology", "redline", "red_line", "生态保护红线", "红线", "生态"),
    "farmland": ("farmland", "永久基本农田", "基本农田", "农田"),
    "development": ("development", "开发边界", "urban_boundary", "czkfbj"),
}
# The Whole plan tab's pickers (gui/plan_tab.py), one per role of cq_urban:check_plan: the checks' hints
# where the role is the same, and the roles of its own (only hints: the user chooses).
HINTS.update({f"plan_{role}": HINTS[role] for role in ("builtup", "roads", "population", "ecology",
                                                       "farmland", "development")})
HINTS.update({
    "plan_stops": ("bus_stop", "busstop", "stops", "公交站", "站点", "公交", "stop"),
    "plan_landuse": ("landuse", "land_use", "dltb", "地类图斑", "地类", "用地用海", "土地利用"),
    "plan_facilities": ("facilities", "facility", "公共服务设施", "设施", "poi"),
    "plan_green": ("green", "park", "绿地", "公园", "绿化"),
    "plan_forest": ("forest", "林地", "森林"),
    "plan_river": ("river", "河流", "水系", "河道", "water", "水域", "河"),
    "plan_plants": ("chemical", "化工", "plant", "工厂", "企业"),
})
# Outputs of the plugin's own checks are never suggested as inputs.
OUTPUT_HINTS = ("uncovered", "service area", "overlap", "outside", "by township", "table", " #", "未覆盖",
                "服务范围", "重叠", "按乡镇", "plan roles", "规划角色")


def _text(layer) -> str:
    source = (layer.source() or "").lower()
    table = ""
    for part in source.split("|")[1:]:
        if part.startswith("layername="):
            table = part.split("=", 1)[1]
    return f"{layer.name().lower()} {table}"


def township_score(layer, catalogue) -> float:
    """How much ``layer`` looks like the catalogue's township layer (0: not at all)."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return 0.0
    text = _text(layer)
    if any(h in text for h in OUTPUT_HINTS):
        return 0.0  # the plugin's own outputs (a tagged copy, a check's layer)
    if any(word in text for word in NOT_TOWNSHIPS) and not any(h in text for h in TOWNSHIP_HINTS[:4]):
        return 0.0
    if any(word in text for word in ("builtup", "built_up", "建成", "landuse", "messy")):
        return 0.0
    score = 0.5 if any(h in text for h in TOWNSHIP_HINTS) else 0.0
    if catalogue is not None:
        score += 2.0 * name_share(layer, catalogue)
    return score


def name_share(layer, catalogue) -> float:
    """The share of the catalogue's townships found in one of the layer's text fields."""
    keys = set()
    for township in catalogue.townships:
        keys.add(name_key(township.name))
        keys.update(name_key(alias) for alias in township.aliases)
    if not keys:
        return 0.0
    fields = [f.name() for f in layer.fields() if f.type() == FieldType.String]
    best = 0.0
    for field in fields[:6]:
        found = set()
        for count, feature in enumerate(layer.getFeatures()):
            if count >= SAMPLE:
                break
            key = name_key(feature[field])
            if key in keys:
                found.add(key)
        best = max(best, len(found) / len(catalogue.townships))
    return best


def extent_in(layer, crs, project=None) -> Optional[QgsRectangle]:
    project = project or QgsProject.instance()
    extent = layer.extent()
    if extent.isNull() or extent.isEmpty() and extent.width() == 0:
        return None
    if layer.crs().isValid() and crs.isValid() and layer.crs() != crs:
        try:
            extent = QgsCoordinateTransform(layer.crs(), crs, project).transformBoundingBox(extent)
        except Exception:  # noqa: BLE001 (a transform that fails: no overlap known)
            return None
    return extent


def overlap(layer, townships, project=None) -> float:
    """The share of ``layer``'s extent inside the township layer's extent (1 when there is no township layer)."""
    if townships is None:
        return 1.0
    mine, theirs = extent_in(layer, townships.crs(), project), extent_in(townships, townships.crs(), project)
    if mine is None or theirs is None:
        return 0.0
    common = mine.intersect(theirs)
    if common.isEmpty():
        return 0.0
    area = mine.width() * mine.height()
    return 1.0 if area <= 0 else common.width() * common.height() / area


def pick_layer(name: str, candidates: Iterable, townships, project=None):
    """The best layer for the picker ``name`` among ``candidates``, or None."""
    hints = HINTS.get(name, ())
    best, best_score = None, 0.0
    for layer in candidates:
        if layer is None or (townships is not None and layer.id() == townships.id()):
            continue
        text = _text(layer)
        if any(h in text for h in OUTPUT_HINTS):
            continue
        rank = next((len(hints) - i for i, h in enumerate(hints) if h in text), 0)
        if not rank:
            continue
        share = overlap(layer, townships, project)
        if share <= 0.05:
            continue  # another jurisdiction's layer
        score = rank + share
        if score > best_score:
            best, best_score = layer, score
    return best


def remembered(key: str, project=None) -> Optional[str]:
    """The value stored under ``key`` ('' for a picker the user emptied), None when nothing is stored."""
    value, ok = (project or QgsProject.instance()).readEntry(SCOPE, key, "")
    return value if ok else None


def remember(key: str, value: str, project=None) -> None:
    (project or QgsProject.instance()).writeEntry(SCOPE, key, value or "")
