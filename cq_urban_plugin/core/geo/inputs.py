"""Reading users' layers safely: reprojected, repaired, counted, never modified.

Every check reads its layers through ``read_polygons`` / ``read_points``. They
bring geometries into the working CRS, repair invalid ones (``makeValid``),
skip null and empty ones, and keep a tally that the reports print, so that no
number is silently wrong. The input layer itself is only read.
"""
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

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

from ...compat import FeatureRequestFlag, GeometryType, InvalidGeometryCheck, ProcessingFeatureSourceFlag, WkbType
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from . import ogr_read, transforms
from .features import ReadFeature
from .repair import collection_parts, repair_polygon, repair_polygon_explained  # noqa: F401 (read from here)


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
    the features that hold them. Returns the layer's extent (read once: about 10 ms a layer)."""
    crs = crs or source_crs_checked(source, label)
    rect = source.sourceExtent()
    if rect.isNull():
        return rect
    transform = _to_cgcs2000(crs)
    problem = _rectangle_problem(rect, crs, transform)
    if not problem:
        return rect
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
        return rect  # metres declared as degrees: the in-China check says the CRS is wrong
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


class _Reading:
    """One layer's reading: the checks, repairs and transform every feature's geometry goes through."""

    def __init__(self, label, crs, geometry_type, target_crs, transform, tally):
        self.label, self.crs, self.geometry_type, self.target_crs = label, crs, geometry_type, target_crs
        self.transform, self.tally = transform, tally
        self.unprojected_check = transform is not None and crs.isGeographic() and not target_crs.isGeographic()
        self.limit = _MAX_DEGREES if crs.isGeographic() else (_MAX_PROJECTED, _MAX_PROJECTED)

    def take(self, fid, geometry, attributes) -> Optional[ReadFeature]:
        """The feature as read (in the working CRS, repaired), or None when it is skipped (tallied)."""
        label, crs, geometry_type, transform, tally = self.label, self.crs, self.geometry_type, self.transform, \
            self.tally
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            tally.null_or_empty.append(fid)
            return None
        box = geometry.boundingBox()
        x0, y0, x1, y1 = box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()
        if not (abs(x0) <= self.limit[0] and abs(x1) <= self.limit[0] and abs(y0) <= self.limit[1]
                and abs(y1) <= self.limit[1]):  # not finite, or absurd: why, in words
            problem = _rectangle_problem(box, crs, None)
            if problem and (not crs.isGeographic() or not math.isfinite(box.width() + box.height())):
                raise bad_coordinates(label, crs, problem, [fid])
        if geometry_type == GeometryType.Line and not math.isfinite(geometry.length()):
            # a bounding box skips a NaN vertex; the length does not (polygons: GEOS finds it invalid)
            raise bad_coordinates(label, crs, tr("a coordinate is not a finite number"), [fid])
        if geometry.type() != geometry_type and QgsWkbTypes.flatType(geometry.wkbType()) == WkbType.GeometryCollection:
            parts = collection_parts(geometry, geometry_type)
            if parts is not None:
                geometry = parts
                tally.from_collection.append(fid)
                tally.collection_kind = {GeometryType.Polygon: tr("polygon"), GeometryType.Line: tr("line"),
                                         GeometryType.Point: tr("point")}.get(geometry_type, "")
        if geometry.type() != geometry_type:
            tally.wrong_type.append(fid)
            return None
        drawn, repair = None, ""
        if geometry_type == GeometryType.Polygon and not geometry.isGeosValid():
            if not all(math.isfinite(v.x()) and math.isfinite(v.y()) for v in geometry.vertices()):
                raise bad_coordinates(label, crs, tr("a coordinate is not a finite number"), [fid])
            drawn = geometry
            geometry, repair = repair_polygon_explained(geometry)
            tally.repaired.append(fid)
            if geometry.isEmpty():
                tally.repairs.append((fid, None, None, repair + tr(": nothing of it is left")))
                tally.null_or_empty.append(fid)
                return None
        if transform is not None:
            geometry = QgsGeometry(geometry)
            try:
                geometry.transform(transform)
            except QgsCsException:
                raise crs_mismatch(label, crs, fid) from None
            if self.unprojected_check:
                # Degrees into metres: a vertex left at degree values means the transform broke mid-run.
                vertex = geometry.vertexAt(0)
                if transforms.looks_unprojected(vertex.x(), vertex.y(), self.target_crs):
                    raise transforms.broken_transform(crs, self.target_crs, tr(
                        "feature {fid} of layer '{layer}' was left in degrees").format(fid=fid, layer=label))
        if drawn is not None:
            tally.repairs.append((fid, *_areas_km2(drawn, geometry, transform, self.target_crs), repair))
        return ReadFeature(fid, geometry, attributes)


_SHAPELY_TYPES = {GeometryType.Point: (0, 4), GeometryType.Line: (1, 5), GeometryType.Polygon: (3, 6)}


def _read_quick(source, reading: _Reading, fields, feedback, keep=None) -> Optional[List[ReadFeature]]:
    """The features through OGR's stream (``ogr_read``), or None where it does not apply. A geometry of
    the wanted type, valid, with finite coordinates that are places on Earth, is taken as it is (a
    shapely geometry, its QgsGeometry made when asked for); every other one goes through
    ``_Reading.take`` as if QGIS had read it."""
    read = ogr_read.read_shapes(source, feedback, QgsWkbTypes.isMultiType(source.wkbType()), keep)
    if read is None:
        return None
    import numpy as np
    import shapely

    fids, shapes, count = read
    attributes = [{} for _ in range(len(fids))]
    if fields:
        attributes = _attributes(source, fields, fids, keep)
        if attributes is None:
            return None
    reading.tally.read = count
    kinds = shapely.get_type_id(shapes)
    empty = (kinds < 0) | shapely.is_empty(shapes)
    plain = ~empty & np.isin(kinds, _SHAPELY_TYPES.get(reading.geometry_type, ()))
    box = shapely.bounds(shapes[plain])
    with np.errstate(invalid="ignore"):
        plain[plain] = (np.abs(box[:, [0, 2]]) <= reading.limit[0]).all(axis=1) & \
            (np.abs(box[:, [1, 3]]) <= reading.limit[1]).all(axis=1)
    if reading.geometry_type == GeometryType.Polygon:
        plain[plain] = shapely.is_valid(shapes[plain])
    elif reading.geometry_type == GeometryType.Line:
        plain[plain] = np.isfinite(shapely.length(shapes[plain]))
    odd = {}
    for position in np.flatnonzero(~plain).tolist():
        geometry = QgsGeometry()
        if not empty[position]:
            geometry.fromWkb(shapely.to_wkb(shapes[position], output_dimension=3))  # GEOS < 3.12: not 4
        odd[position] = reading.take(int(fids[position]), geometry, attributes[position])
    features = []
    for position, (fid, shape, simple) in enumerate(zip(fids.tolist(), shapes, plain.tolist())):
        feature = ReadFeature(fid, None, attributes[position], shape) if simple else odd[position]
        if feature is not None:
            features.append(feature)
    return features


def read_values(source, fields) -> List[tuple]:
    """[(feature id, {field: value})] of every feature of ``source``, read by QGIS without geometries."""
    request = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry)
    request.setSubsetOfAttributes([n for n in fields if n], source.fields())
    return [(feature.id(), {n: feature[n] for n in fields if n}) for feature in _features(source, request)]


def _attributes(source, fields, fids, keep=None):
    """[{field: value}] of every feature (of those in ``keep``), read by QGIS without geometries, in
    the order of ``fids``; None when QGIS gives other features than OGR's stream did."""
    values = [(fid, value) for fid, value in read_values(source, fields) if keep is None or fid in keep]
    return [value for _, value in values] if [fid for fid, _ in values] == fids.tolist() else None


def _read(source, label, geometry_type, target_crs, fields, feedback, allow_empty,
          keep=None) -> (List[ReadFeature], ReadTally):
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
    reading = _Reading(label, crs, geometry_type, target_crs, transform, tally)
    features = _read_quick(source, reading, fields, feedback, keep) if transform is None else None
    if features is None:
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
            if keep is not None and feature.id() not in keep:
                continue  # counted as read (the layer was read whole), its geometry dropped at once
            kept = reading.take(feature.id(), feature.geometry(), {n: feature[n] for n in fields if n})
            if kept is not None:
                features.append(kept)
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


def read_polygons(source, target_crs, label: str = "", fields=(), feedback=None, allow_empty=False, keep=None):
    """Polygons of ``source`` in ``target_crs``, repaired; returns (features, tally). With ``keep`` (a set
    of feature ids) only those features are made geometries and returned; the others are read past
    (counted in the tally's features read, not checked or tallied)."""
    return _read(source, layer_label(source, label), GeometryType.Polygon, target_crs, tuple(fields),
                 feedback, allow_empty, keep)


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
        rect = check_coordinates(source, label, source_crs)
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
