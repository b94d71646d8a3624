"""Reading users' layers safely: reprojected, repaired, counted, never modified.

Every check reads its layers through ``read_polygons`` / ``read_points``. They
bring geometries into the working CRS, repair invalid ones (``makeValid``),
skip null and empty ones, and keep a tally that the reports print, so that no
number is silently wrong. The input layer itself is only read.
"""
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (
    QgsCsException,
    QgsExpression,
    QgsExpressionContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeatureSource,
    QgsRectangle,
    QgsWkbTypes,
)

from ...compat import GeometryType, InvalidGeometryCheck, ProcessingFeatureSourceFlag, WkbType
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from . import transforms


def _source_uri(source) -> str:
    """The data source of a layer, or of the layer behind a Processing feature source (its expression scope)."""
    try:
        if callable(getattr(source, "source", None)):
            return source.source() or ""
        context = QgsExpressionContext()
        context.appendScope(source.createExpressionContextScope())
        value = QgsExpression("layer_property(@layer, 'source')").evaluate(context)
        return value if isinstance(value, str) else ""
    except (AttributeError, RuntimeError, TypeError):
        return ""


def layer_label(source, name: str = "") -> str:
    """What reports and messages call a layer: ``name``, else its name, except a name that is only its
    file's: Processing names ``wuxi.gpkg|layername=bus_stops`` 'wuxi', so that one is 'bus_stops'."""
    if name:
        return name
    label = ""
    for attr in ("sourceName", "name"):
        if hasattr(source, attr):
            value = getattr(source, attr)()
            if value:
                label = value
                break
    parts = _source_uri(source).split("|")
    in_file = next((p.split("=", 1)[1] for p in parts[1:] if p.lower().startswith("layername=")), "")
    if in_file and (not label or label == Path(parts[0]).stem):
        return in_file
    return label or tr("input layer")


@dataclass
class ReadTally:
    """What happened to a layer's features on the way in."""

    layer: str
    read: int = 0
    repaired: List[int] = field(default_factory=list)
    null_or_empty: List[int] = field(default_factory=list)
    wrong_type: List[int] = field(default_factory=list)
    reprojected_from: str = ""
    # (feature id, km² as drawn, km² after repair, what the repair did) per repaired feature
    repairs: List[tuple] = field(default_factory=list)
    from_collection: List[int] = field(default_factory=list)
    collection_kind: str = ""

    def notes(self) -> List[str]:
        notes = []

        def ids(values):
            shown = ", ".join(str(v) for v in values[:10])
            return shown + (" …" if len(values) > 10 else "")

        if self.reprojected_from:
            notes.append(tr("{layer}: reprojected from {crs}.").format(layer=self.layer, crs=self.reprojected_from))
        if self.repaired:
            notes.append(tr("{layer}: {n} invalid geometries repaired (feature ids {ids}).").format(
                layer=self.layer, n=len(self.repaired), ids=ids(self.repaired)))
            for fid, before, after, what in self.repairs[:REPAIRS_SHOWN]:
                change = "" if before is None else tr(
                    "area {before:.4f} km² before (outer rings less holes), {after:.4f} km² once repaired").format(
                    before=before, after=after)
                notes.append(tr("{layer}, feature {fid}: {what}{sep}{change}.").format(
                    layer=self.layer, fid=fid, what=what, sep="; " if change else "", change=change))
            if len(self.repairs) > REPAIRS_SHOWN:
                notes.append(tr("{layer}: {n} more repaired features not listed.").format(
                    layer=self.layer, n=len(self.repairs) - REPAIRS_SHOWN))
        if self.from_collection:
            notes.append(tr("{layer}: {n} geometry collections read as their {kind} parts, other parts ignored "
                            "(feature ids {ids}).").format(layer=self.layer, n=len(self.from_collection),
                                                            kind=self.collection_kind, ids=ids(self.from_collection)))
        if self.null_or_empty:
            notes.append(tr("{layer}: {n} features without geometry skipped (feature ids {ids}).").format(
                layer=self.layer, n=len(self.null_or_empty), ids=ids(self.null_or_empty)))
        if self.wrong_type:
            notes.append(tr("{layer}: {n} features of another geometry type skipped (feature ids {ids}).").format(
                layer=self.layer, n=len(self.wrong_type), ids=ids(self.wrong_type)))
        return notes


REPAIRS_SHOWN = 20  # repaired features described one by one in the notes


@dataclass
class ReadFeature:
    fid: int
    geometry: QgsGeometry
    attributes: Dict[str, object]


def source_crs_checked(source, label):
    crs = source.sourceCrs()
    # A GeoPackage written without a CRS says "Undefined geographic SRS": valid to
    # QGIS, meaningless to us. Treat it as missing rather than as degrees.
    if not crs.isValid() or (not crs.authid() and crs.description().lower().startswith("undefined")):
        raise PlanInputError(
            tr("Layer '{layer}' has no coordinate reference system.").format(layer=label),
            tr("Set it in Layer Properties > Source (Chongqing data are usually EPSG:4490 CGCS2000, "
               "or a CGCS2000 3-degree Gauss-Krüger zone such as EPSG:4544/4545/4546)."))
    return crs


def crs_mismatch(label, crs, fid=None) -> PlanInputError:
    """The layer's coordinates do not fit the CRS it declares (a transform failed on them)."""
    where = (tr("Layer '{layer}', feature {fid}").format(layer=label, fid=fid) if fid is not None
             else tr("Layer '{layer}'").format(layer=label))
    return PlanInputError(
        tr("{where}: the coordinates are not valid in the layer's coordinate reference system {crs}.").format(
            where=where, crs=crs.authid() or crs.description()),
        tr("The layer's CRS is probably set wrong: in Layer Properties > Source, set the CRS its coordinates "
           "are really in (metres in Chongqing are usually CGCS2000 Gauss-Krüger, EPSG:4544/4545/4546; "
           "degrees EPSG:4490) instead of reprojecting it."))


# Beyond these a coordinate is no place on Earth in any CRS Chongqing's data use
# (GK zones with their zone prefix reach 4.6e7 m; degrees ±180/±90).
_MAX_PROJECTED = 1e8
_MAX_DEGREES = (540.0, 90.0)
_CGCS2000 = transforms.crs(transforms.CGCS2000_ID)


def _rectangle_problem(rect: QgsRectangle, crs, transform) -> str:
    """Why ``rect`` (in ``crs``) cannot hold real coordinates, or "" when it can:
    non-finite or absurd values, or a corner or edge point that does not convert
    to CGCS2000 (a bounding box transform would silently drop that point)."""
    values = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
    if not all(math.isfinite(v) for v in values):
        return tr("a coordinate is not a finite number")
    limit_x, limit_y = _MAX_DEGREES if crs.isGeographic() else (_MAX_PROJECTED, _MAX_PROJECTED)
    if max(abs(values[0]), abs(values[2])) > limit_x or max(abs(values[1]), abs(values[3])) > limit_y:
        return tr("a coordinate is absurdly far from the CRS's origin ({x:g}, {y:g})").format(
            x=max(values[0], values[2], key=abs), y=max(values[1], values[3], key=abs))
    if transform is None:
        return ""
    steps = 4
    for i in range(steps + 1):
        for x, y in ((values[0] + (values[2] - values[0]) * i / steps, values[1]),
                     (values[0] + (values[2] - values[0]) * i / steps, values[3]),
                     (values[0], values[1] + (values[3] - values[1]) * i / steps),
                     (values[2], values[1] + (values[3] - values[1]) * i / steps)):
            try:
                point = transform.transform(QgsPointXY(x, y))
            except QgsCsException:
                return tr("the point ({x:g}, {y:g}) cannot be converted to longitude/latitude").format(x=x, y=y)
            if not (math.isfinite(point.x()) and math.isfinite(point.y())):
                return tr("the point ({x:g}, {y:g}) cannot be converted to longitude/latitude").format(x=x, y=y)
    return ""


def _to_cgcs2000(crs):
    return None if crs == _CGCS2000 else transforms.transform(crs, _CGCS2000)


def bad_coordinates(label, crs, problem, fids) -> PlanInputError:
    shown = ", ".join(str(f) for f in fids[:10]) + (" …" if len(fids) > 10 else "")
    where = (tr("Layer '{layer}', feature {fids}").format(layer=label, fids=shown) if len(fids) == 1 else
             tr("Layer '{layer}', features {fids}").format(layer=label, fids=shown) if fids else
             tr("Layer '{layer}'").format(layer=label))
    return PlanInputError(
        tr("{where}: {problem} in the layer's coordinate reference system {crs}: such coordinates are no place "
           "on Earth, and every area and share would be wrong.").format(
            where=where, problem=problem, crs=crs.authid() or crs.description()),
        tr("Correct or delete the vertex (Vertex Tool, or Processing > Check validity), or set the CRS the "
           "coordinates are really in (Layer Properties > Source)."))


def check_coordinates(source, label, crs=None):
    """Refuse a layer whose extent holds coordinates that are no place on Earth
    (x = 1e12 m, inf, NaN) or that do not convert to longitude/latitude, naming
    the features that hold them."""
    crs = crs or source_crs_checked(source, label)
    rect = source.sourceExtent()
    if rect.isNull():
        return
    transform = _to_cgcs2000(crs)
    problem = _rectangle_problem(rect, crs, transform)
    if not problem:
        return
    fids, good = [], 0
    request = QgsFeatureRequest().setNoAttributes()
    for feature in _features(source, request):
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            continue
        feature_problem = _rectangle_problem(geometry.boundingBox(), crs, transform)
        if feature_problem:
            problem = problem if fids else feature_problem
            fids.append(feature.id())
        else:
            good += 1
    if crs.isGeographic() and not good and all(math.isfinite(v) for v in (
            rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())):
        return  # metres declared as degrees: the in-China check says the CRS is wrong
    raise bad_coordinates(label, crs, problem, fids)


def source_extent(source, label) -> QgsRectangle:
    source_crs_checked(source, label)
    return source.sourceExtent()


def check_fields(source, label, names):
    missing = [n for n in names if n and source.fields().indexOf(n) < 0]
    if missing:
        available = ", ".join(source.fields().names()) or tr("(none)")
        raise PlanInputError(
            tr("Layer '{layer}' has no field {fields}.").format(layer=label, fields=", ".join(missing)),
            tr("Choose one of its fields: {available}.").format(available=available))


def _features(source, request):
    if isinstance(source, QgsProcessingFeatureSource):
        # Repair invalid geometries here rather than let Processing stop or drop them.
        return source.getFeatures(request, ProcessingFeatureSourceFlag.SkipGeometryValidityChecks)
    request.setInvalidGeometryCheck(InvalidGeometryCheck.NoCheck)
    return source.getFeatures(request)


def _read(source, label, geometry_type, target_crs, fields, feedback, allow_empty) -> (List[ReadFeature], ReadTally):
    if source is None:
        raise PlanInputError(tr("Layer '{layer}' could not be opened.").format(layer=label),
                             tr("Check that the file or database is reachable."))
    crs = source_crs_checked(source, label)
    check_fields(source, label, fields)
    tally = ReadTally(label)
    transform = None
    if crs != target_crs:
        extent = source.sourceExtent()
        transform = transforms.transform(crs, target_crs, probe=None if extent.isNull() else extent.center())
        tally.reprojected_from = crs.authid() or crs.description()
    unprojected_check = transform is not None and crs.isGeographic() and not target_crs.isGeographic()
    request = QgsFeatureRequest()
    if fields:
        request.setSubsetOfAttributes([n for n in fields if n], source.fields())
    else:
        request.setNoAttributes()
    total = source.featureCount() or 0
    features = []
    for index, feature in enumerate(_features(source, request)):
        if index % 1000 == 0:
            check_cancel(feedback)
        tally.read += 1
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            tally.null_or_empty.append(feature.id())
            continue
        box = geometry.boundingBox()
        problem = _rectangle_problem(box, crs, None)
        if problem and (not crs.isGeographic() or not math.isfinite(box.width() + box.height())):
            raise bad_coordinates(label, crs, problem, [feature.id()])
        if geometry_type == GeometryType.Line and not math.isfinite(geometry.length()):
            # a bounding box skips a NaN vertex; the length does not (polygons: GEOS finds it invalid)
            raise bad_coordinates(label, crs, tr("a coordinate is not a finite number"), [feature.id()])
        if geometry.type() != geometry_type and QgsWkbTypes.flatType(geometry.wkbType()) == WkbType.GeometryCollection:
            parts = collection_parts(geometry, geometry_type)
            if parts is not None:
                geometry = parts
                tally.from_collection.append(feature.id())
                tally.collection_kind = {GeometryType.Polygon: tr("polygon"), GeometryType.Line: tr("line"),
                                         GeometryType.Point: tr("point")}.get(geometry_type, "")
        if geometry.type() != geometry_type:
            tally.wrong_type.append(feature.id())
            continue
        drawn, repair = None, ""
        if geometry_type == GeometryType.Polygon and not geometry.isGeosValid():
            if not all(math.isfinite(v.x()) and math.isfinite(v.y()) for v in geometry.vertices()):
                raise bad_coordinates(label, crs, tr("a coordinate is not a finite number"), [feature.id()])
            drawn = geometry
            geometry, repair = repair_polygon_explained(geometry)
            tally.repaired.append(feature.id())
            if geometry.isEmpty():
                tally.repairs.append((feature.id(), None, None, repair + tr(": nothing of it is left")))
                tally.null_or_empty.append(feature.id())
                continue
        if transform is not None:
            geometry = QgsGeometry(geometry)
            try:
                geometry.transform(transform)
            except QgsCsException:
                raise crs_mismatch(label, crs, feature.id()) from None
            if unprojected_check:
                # Degrees into metres: a vertex left at degree values means the transform broke mid-run.
                vertex = geometry.vertexAt(0)
                if transforms.looks_unprojected(vertex.x(), vertex.y(), target_crs):
                    raise transforms.broken_transform(crs, target_crs, tr("feature {fid} of layer '{layer}' was "
                                                      "left in degrees").format(fid=feature.id(), layer=label))
        if drawn is not None:
            tally.repairs.append((feature.id(), *_areas_km2(drawn, geometry, transform, target_crs), repair))
        features.append(ReadFeature(feature.id(), geometry, {n: feature[n] for n in fields if n}))
        if feedback is not None and total and index % 5000 == 0:
            feedback.setProgressText(tr("Reading {layer}: {i}/{n}").format(layer=label, i=index, n=total))
    check_read_complete(source, label, tally.read)
    if not features and not allow_empty:
        if tally.read == 0:
            raise PlanInputError(tr("Layer '{layer}' is empty.").format(layer=label),
                                 tr("Choose a layer with features, or check its filter (subset string)."))
        raise PlanInputError(
            tr("Layer '{layer}' has {n} features but none with a usable geometry.").format(layer=label, n=tally.read),
            tr("Check its geometry type and that its geometries are not empty."))
    return features, tally


def _areas_km2(drawn, repaired, transform, target_crs):
    """(km² as drawn, km² once repaired) in the working CRS; (None, None) in degrees."""
    if target_crs.isGeographic():
        return None, None
    if transform is not None:
        drawn = QgsGeometry(drawn)
        try:
            drawn.transform(transform)
        except QgsCsException:
            return None, None
    return drawn.area() / 1e6, repaired.area() / 1e6  # as drawn: outer rings minus holes, as QGIS sums them


def collection_parts(geometry: QgsGeometry, geometry_type) -> Optional[QgsGeometry]:
    """The parts of ``geometry_type`` of a geometry collection, as one geometry, or None."""
    parts = [QgsGeometry(part.clone()) for part in geometry.constParts()]
    wanted = [p for p in parts if not p.isEmpty() and p.type() == geometry_type]
    if not wanted:
        return None
    collected = QgsGeometry.collectGeometry(wanted)
    return collected if not collected.isEmpty() else None


def check_read_complete(source, label: str, read: int):
    """Refuse a read that ended before the layer's own feature count: a database whose
    server went away, or a file cut short, ends the iteration without an error, and every
    figure computed from the part read would be wrong."""
    try:
        expected = source.featureCount()
    except Exception:  # noqa: BLE001 (no count to hold the read to)
        return
    if expected is not None and expected >= 0 and read < expected:
        raise PlanInputError(
            tr("Layer '{layer}': only {read} of its {total} features could be read; the reading stopped early "
               "(the database connection was lost, or the file is damaged). Nothing was computed from the part "
               "read, and no output was replaced.").format(layer=label, read=read, total=expected),
            tr("Check the database server or the file, then run again."))


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


def read_polygons(source, target_crs, label: str = "", fields=(), feedback=None, allow_empty=False):
    """Polygons of ``source`` in ``target_crs``, repaired; returns (features, tally)."""
    return _read(source, layer_label(source, label), GeometryType.Polygon, target_crs, tuple(fields),
                 feedback, allow_empty)


def read_points(source, target_crs, label: str = "", fields=(), feedback=None, allow_empty=False):
    return _read(source, layer_label(source, label), GeometryType.Point, target_crs, tuple(fields),
                 feedback, allow_empty)


def read_lines(source, target_crs, label: str = "", fields=(), feedback=None, allow_empty=False):
    return _read(source, layer_label(source, label), GeometryType.Line, target_crs, tuple(fields),
                 feedback, allow_empty)


def combined_extent(sources_and_labels) -> Optional[tuple]:
    """(extent, crs) covering every source, in the first source's CRS."""
    extent, crs = None, None
    for source, label in sources_and_labels:
        if source is None:
            continue
        source_crs = source_crs_checked(source, label)
        check_coordinates(source, label, source_crs)
        rect = source.sourceExtent()
        if rect.isNull() or rect.isEmpty() and rect.width() == 0 and rect.height() == 0 and source.featureCount() == 0:
            continue
        if crs is None:
            extent, crs = QgsRectangle(rect), source_crs
        else:
            if source_crs != crs:
                try:
                    rect = transforms.transform(source_crs, crs, probe=rect.center()).transformBoundingBox(rect)
                except QgsCsException:
                    raise crs_mismatch(label, source_crs) from None
            extent.combineExtentWith(rect)
    return (extent, crs) if crs is not None else None
