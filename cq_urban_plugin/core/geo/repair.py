"""Repairing polygons as read: invalid ones made valid without losing land, and the parts of one
geometry type taken out of a geometry collection (``inputs`` reads every layer through these)."""
from typing import Optional

from qgis.core import QgsGeometry, QgsWkbTypes

from ...compat import GeometryType, WkbType
from ...i18n import tr


def collection_parts(geometry: QgsGeometry, geometry_type) -> Optional[QgsGeometry]:
    """The parts of ``geometry_type`` of a geometry collection, as one geometry, or None."""
    parts = [QgsGeometry(part.clone()) for part in geometry.constParts()]
    wanted = [p for p in parts if not p.isEmpty() and p.type() == geometry_type]
    if not wanted:
        return None
    collected = QgsGeometry.collectGeometry(wanted)
    return collected if not collected.isEmpty() else None


def repair_polygon(geometry: QgsGeometry) -> QgsGeometry:
    """A valid polygonal geometry covering what the feature draws."""
    return repair_polygon_explained(geometry)[0]


def repair_polygon_explained(geometry: QgsGeometry):
    """(a valid polygonal geometry covering what the feature draws, what was done).

    Parts of a multipolygon are repaired one by one and then unioned: GEOS's
    makeValid on the whole reads overlapping parts even-odd, so land covered by
    two parts would become a hole and the area silently shrink. Within a part,
    the land is its outer ring less its holes: a hole lying outside its outer
    ring removes nothing (makeValid would make it land), and a hole touching
    the outer ring along an edge stays a hole (makeValid may fill it)."""
    if not QgsWkbTypes.isSingleType(geometry.wkbType()) and geometry.constGet().partCount() > 1:
        repaired = [_repair_single(QgsGeometry(part.clone())) for part in geometry.constParts()]
        parts = [part for part, _ in repaired if not part.isEmpty()]
        what = sorted({w for _, w in repaired if w})
        what = [tr("overlapping or touching parts merged")] + what
        return (QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()), "; ".join(what)
    return _repair_single(geometry)


def _repair_single(geometry: QgsGeometry):
    """(the valid polygonal land of one polygon, what was done): its outer ring made
    valid, less its holes made valid."""
    if geometry.isGeosValid():
        return geometry, ""
    polygon = geometry.constGet()
    if QgsWkbTypes.isMultiType(geometry.wkbType()) and polygon.partCount() == 1:
        polygon = polygon.geometryN(0)
    rings = polygon.numInteriorRings() if hasattr(polygon, "numInteriorRings") else 0
    if not rings:
        return _make_valid(geometry), tr("self-intersections resolved")
    shell = _make_valid(_ring_polygon(polygon.exteriorRing()))
    holes = [_make_valid(_ring_polygon(polygon.interiorRing(i))) for i in range(rings)]
    holes = [h for h in holes if not h.isEmpty()]
    what = []
    outside = [h for h in holes if not h.intersects(shell) or h.intersection(shell).area() <= 0]
    partly = [h for h in holes if not any(h is o for o in outside)
              and h.difference(shell).area() > 1e-9 * max(h.area(), 1e-30)]
    if outside:
        what.append(tr("{n} hole(s) lying outside its outer ring ignored (they cover none of its land; "
                       "a plain repair would have made them land)").format(n=len(outside)))
    if partly:
        what.append(tr("{n} hole(s) reaching beyond its outer ring cut to the ring").format(n=len(partly)))
    inside = [h for h in holes if not any(h is o for o in outside)]
    land = shell
    if inside:
        land = _polygonal(shell.difference(QgsGeometry.unaryUnion(inside)))
    if not what:
        what.append(tr("holes touching or crossing its outer ring or each other resolved, each hole kept as a hole"))
    return land, "; ".join(what)


def _ring_polygon(ring) -> QgsGeometry:
    from qgis.core import QgsPolygon

    polygon = QgsPolygon()
    polygon.setExteriorRing(ring.clone())
    return QgsGeometry(polygon)


def _polygonal(geometry: QgsGeometry) -> QgsGeometry:
    if geometry is None or geometry.isEmpty():
        return QgsGeometry()
    collection = QgsWkbTypes.flatType(geometry.wkbType()) == WkbType.GeometryCollection
    if geometry.type() == GeometryType.Polygon and not collection:
        return geometry
    polygons = [QgsGeometry(p.clone()) for p in geometry.constParts()]
    polygons = [p for p in polygons if p.type() == GeometryType.Polygon]
    return QgsGeometry.unaryUnion(polygons) if polygons else QgsGeometry()


def _make_valid(geometry: QgsGeometry) -> QgsGeometry:
    """makeValid, keeping only the polygonal parts (it may return lines and points too)."""
    if geometry.isGeosValid():
        return geometry
    fixed = geometry.makeValid()
    if fixed.type() == GeometryType.Polygon and not QgsWkbTypes.isSingleType(fixed.wkbType()):
        return fixed
    if fixed.wkbType() == WkbType.GeometryCollection or fixed.type() != GeometryType.Polygon:
        parts = [QgsGeometry(part.clone()) for part in fixed.constParts()]
        polygons = [p for p in parts if p.type() == GeometryType.Polygon]
        return QgsGeometry.unaryUnion(polygons) if polygons else QgsGeometry()
    return fixed
