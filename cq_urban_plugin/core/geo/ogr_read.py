"""Reading a GeoPackage or shapefile layer's geometries as WKB through OGR's columnar (Arrow) stream:
the quick path of ``inputs``. QGIS reads such a layer through OGR feature by feature (about 8 µs a
feature, with a QgsGeometry made for each); OGR's stream gives the same geometries, in the same order
and under the same feature ids, as one array of WKB per batch.

Taken only where it reads what QGIS would: an OGR layer of a GeoPackage or a shapefile, as a whole
(no subset filter, no geometry-type filter in its source, not being edited, and a Processing source
counting as many features as its layer: no "selected features only", no feature limit), in GDAL 3.6
or later; anything else returns None and the layer is read by QGIS."""
import warnings
from typing import Optional

from qgis.core import QgsExpression, QgsExpressionContext, QgsProviderRegistry, QgsVectorLayer

from ..errors import check_cancel

STORAGE = ("GPKG", "ESRI Shapefile")
BATCH = 2000  # features a batch: the WKB of one batch at a time beside the geometries already made


def _layer_facts(source) -> Optional[dict]:
    """{uri, storage, editable, count} of the layer behind ``source`` (a vector layer or a Processing
    feature source), or None."""
    if isinstance(source, QgsVectorLayer):
        if source.providerType() != "ogr":
            return None
        return {"uri": source.source(), "storage": source.storageType(), "editable": source.isEditable(),
                "count": source.featureCount()}
    try:
        context = QgsExpressionContext()
        context.appendScope(source.createExpressionContextScope())
        facts = {key: QgsExpression(f"layer_property(@layer, '{name}')").evaluate(context) for key, name in (
            ("uri", "source"), ("storage", "storage_type"), ("editable", "is_editable"), ("count", "feature_count"))}
    except (AttributeError, RuntimeError, TypeError):
        return None
    return facts if isinstance(facts["uri"], str) else None


def ogr_location(source):
    """(path, layer name or None, layer index or None) where the quick path may read ``source``, or None."""
    facts = _layer_facts(source)
    if not facts or facts["storage"] not in STORAGE or facts["editable"] is not False:
        return None
    try:
        if int(facts["count"]) != int(source.featureCount()) or int(source.featureCount()) < 0:
            return None  # selected features only, a feature limit, or a count unknown
    except (TypeError, ValueError):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", facts["uri"])
    if parts.get("subset") or parts.get("geometryType") or not parts.get("path") or "|subset=" in facts["uri"]:
        return None
    return parts["path"], parts.get("layerName"), parts.get("layerId")


def _as_multi(shapes):
    """Single points, lines and polygons made multi, as QGIS gives them from a layer of a multi type
    (a shapefile's polygons are MultiPolygon to QGIS)."""
    import numpy as np
    import shapely

    kinds = shapely.get_type_id(shapes)
    for single, make in ((0, shapely.multipoints), (1, shapely.multilinestrings), (3, shapely.multipolygons)):
        chosen = np.flatnonzero(kinds == single)
        if len(chosen):
            shapes[chosen] = make(shapes[chosen], indices=np.arange(len(chosen)))
    return shapes


def read_shapes(source, feedback=None, multi=False, keep=None):
    """(feature ids, shapely 2 geometries, None where a feature has none, features read) of the whole
    layer behind ``source``, through OGR's Arrow stream, single geometries made multi with ``multi``
    (the layer's type is); None when the quick path does not apply (see the module). With ``keep`` (a
    set of feature ids), only those features' WKB becomes a geometry, batch by batch: the others are
    counted in the features read and dropped with their batch, so the memory held is that of the
    features kept and of one batch."""
    location = ogr_location(source)
    if location is None:
        return None
    try:
        import numpy as np
        import shapely
        from osgeo import gdal
    except ImportError:
        return None
    if int(gdal.VersionInfo()) < 3060000:
        return None
    path, name, index = location
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None:
        return None
    layer = dataset.GetLayerByName(name) if name else dataset.GetLayer(int(index or 0))
    if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
        return None
    definition = layer.GetLayerDefn()
    layer.SetIgnoredFields([definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())])
    layer.SetAttributeFilter(None)
    layer.SetSpatialFilter(None)
    fids, shapes, count = [], [], 0
    kept = None if keep is None else np.fromiter(keep, dtype=np.int64, count=len(keep))
    fid_key, fields = layer.GetFIDColumn() or "OGC_FID", _field_names(definition)
    try:
        stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES", f"MAX_FEATURES_IN_BATCH={BATCH}"])
        for batch in stream:
            check_cancel(feedback)
            wkb = batch[next(k for k in batch if k != fid_key and k not in fields)]
            batch_fids = np.asarray(batch[fid_key], dtype=np.int64)
            count += len(batch_fids)
            if kept is not None:
                chosen = np.isin(batch_fids, kept)
                batch_fids, wkb = batch_fids[chosen], wkb[chosen]
            fids.append(batch_fids)
            with warnings.catch_warnings():  # a NaN vertex: taken through QGIS's checks, which name it
                warnings.simplefilter("ignore", RuntimeWarning)
                batch_shapes = shapely.from_wkb(wkb.tolist() if wkb.dtype.kind == "V" else wkb)
            shapes.append(_as_multi(batch_shapes) if multi else batch_shapes)
    except (RuntimeError, StopIteration, KeyError, shapely.errors.GEOSException, shapely.errors.ShapelyError):
        return None  # a curve, or a geometry shapely cannot read: QGIS reads the layer
    finally:
        layer, dataset = None, None  # noqa: F841 (closes the file)
    if not fids:
        return np.zeros(0, np.int64), np.empty(0, dtype=object), count
    return np.concatenate(fids), np.concatenate(shapes), count


def _field_names(definition):
    return {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
