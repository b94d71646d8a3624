"""Population inside polygons, from a population raster or a population field.

Raster rule: a cell counts for a polygon when the cell's centre lies inside it
(GDAL's rasterisation rule without ALL_TOUCHED, the same rule as QGIS's zonal
statistics). The polygons of all zones are burned at once as zone numbers into
an integer grid aligned with the raster, block by block (bounded memory for a
whole district at 10 m), and the cell values are summed per zone number with
numpy. Nodata cells count as 0; a cell of the served area that is negative,
NaN or infinite (and not the raster's nodata value) is an error naming the
raster, and so is a raster with no data over the served area. ``stats`` tells
the caller which share of the served area lies on cells with data.

Field rule: a polygon carrying a population figure contributes it in proportion
to the share of its area that lies in the zone (area-weighted).

Point rule: a point (building, address point) counts where it stands.

``add_raster_population``, ``add_field_population`` and ``add_point_population``
apply these rules to the zones of a coverage (``service_area.cover_zones``).
"""
import math
from typing import Dict, List, Optional, Sequence

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsRectangle

from ...compat import is_null
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from . import transforms
from .overlay import GeometryIndex, polygonal

BLOCK_ROWS = 1024


def _open_raster(path: str, label: str):
    from osgeo import gdal

    gdal.UseExceptions()
    try:
        dataset = gdal.Open(path)
    except RuntimeError:
        dataset = None
    if dataset is None:
        raise PlanInputError(tr("The population raster '{layer}' could not be opened.").format(layer=label),
                             tr("Choose a GDAL-readable raster (GeoTIFF) of persons per cell."))
    if dataset.GetGeoTransform()[2] != 0 or dataset.GetGeoTransform()[4] != 0:
        raise PlanInputError(tr("The population raster '{layer}' is rotated.").format(layer=label),
                             tr("Warp it to a north-up grid first (Raster > Projections > Warp)."))
    return dataset


def raster_sums(path: str, raster_crs: QgsCoordinateReferenceSystem, groups: Sequence[Sequence[QgsGeometry]],
                geometry_crs: QgsCoordinateReferenceSystem, label: str = "", feedback=None,
                stats: Optional[dict] = None) -> List[float]:
    """Sum of the raster's cell values whose centres fall in each group of polygons.

    ``groups[i]`` is a list of polygons (in ``geometry_crs``) that must not overlap
    each other across groups (each cell goes to one group). ``stats``, if given, gets
    ``share_with_data``: the share of the polygons' area on cells holding data."""
    import numpy as np
    from osgeo import gdal, ogr, osr

    dataset = _open_raster(path, label or path)
    if not raster_crs.isValid():
        raise PlanInputError(tr("The population raster '{layer}' has no coordinate reference system.").format(
            layer=label or path), tr("Assign its CRS (Raster > Projections > Assign Projection)."))
    transform = None
    if raster_crs != geometry_crs:
        transform = transforms.transform(geometry_crs, raster_crs)
    spatial_reference = osr.SpatialReference()
    spatial_reference.ImportFromWkt(raster_crs.toWkt())
    driver = ogr.GetDriverByName("Memory")
    source = driver.CreateDataSource("zones")
    layer = source.CreateLayer("zones", spatial_reference, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("zone", ogr.OFTInteger))
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    columns, rows = dataset.RasterXSize, dataset.RasterYSize
    raster_extent = QgsGeometry.fromRect(QgsRectangle(x0, y0 + rows * dy, x0 + columns * dx, y0))
    total_area = inside_area = 0.0
    for number, group in enumerate(groups, start=1):
        for geometry in group:
            if geometry is None or geometry.isEmpty():
                continue
            if transform is not None:
                geometry = QgsGeometry(geometry)
                geometry.transform(transform)
            total_area += geometry.area()
            inside_area += geometry.intersection(raster_extent).area()
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("zone", number)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(geometry.asWkb())))
            layer.CreateFeature(feature)
    band = dataset.GetRasterBand(1)
    nodata = band.GetNoDataValue()
    sums = np.zeros(len(groups) + 1, dtype=np.float64)
    memory = gdal.GetDriverByName("MEM")
    cells = data_cells = 0
    bad = {"negative": 0, "NaN": 0, "infinite": 0}
    for row in range(0, rows, BLOCK_ROWS):
        check_cancel(feedback)
        height = min(BLOCK_ROWS, rows - row)
        values = band.ReadAsArray(0, row, columns, height).astype(np.float64)
        mask = memory.Create("", columns, height, 1, gdal.GDT_Int32)
        mask.SetGeoTransform((x0, dx, 0.0, y0 + row * dy, 0.0, dy))
        mask.SetProjection(spatial_reference.ExportToWkt())
        gdal.RasterizeLayer(mask, [1], layer, options=["ATTRIBUTE=zone"])
        zones = mask.GetRasterBand(1).ReadAsArray()
        mask = None
        inside = zones > 0
        if nodata is None:
            no_data = np.zeros(values.shape, dtype=bool)
        elif np.isnan(nodata):
            no_data = np.isnan(values)
        else:
            no_data = values == nodata
        counted = inside & ~no_data
        cells += int(inside.sum())
        data_cells += int(counted.sum())
        bad["NaN"] += int((counted & np.isnan(values)).sum())
        bad["infinite"] += int((counted & np.isinf(values)).sum())
        bad["negative"] += int((counted & (values < 0) & np.isfinite(values)).sum())
        values[no_data | ~np.isfinite(values)] = 0.0
        sums += np.bincount(zones.ravel(), weights=values.ravel(), minlength=len(groups) + 1)[:len(groups) + 1]
    name = label or path
    wrong = ", ".join(tr("{n} {kind}").format(n=n, kind=kind) for kind, n in bad.items() if n)
    if wrong:
        raise PlanInputError(
            tr("The population raster '{layer}' (POPULATION_RASTER) holds cells in the served area that are no "
               "population: {wrong} (nodata value: {nodata}).").format(
                layer=name, wrong=wrong, nodata=tr("none") if nodata is None else f"{nodata:g}"),
            tr("Correct those cells (Raster Calculator), or, if they mean 'no data', declare that value as the "
               "raster's nodata value (Layer Properties > Transparency, or gdal_edit.py -a_nodata)."))
    share = 0.0
    if total_area > 0:
        share = (inside_area / total_area) * (data_cells / cells if cells else 0.0)
    if total_area > 0 and share == 0.0:
        where = (tr("only nodata cells lie under it") if inside_area > 0 and cells
                 else tr("the raster lies elsewhere or its cells are too coarse to have a centre in it"))
        raise PlanInputError(
            tr("The population raster '{layer}' (POPULATION_RASTER) does not cover the served area: {where}, "
               "so every population figure would be 0.").format(layer=name, where=where),
            tr("Choose a population raster of this place (check its extent and CRS), or measure by area."))
    if stats is not None:
        stats["share_with_data"] = share if total_area > 0 else 1.0
    return [float(s) for s in sums[1:]]


def area_weighted(pieces: Sequence[tuple]) -> float:
    """Sum of population × (piece area / polygon area) over (population, polygon area, piece area)."""
    total = 0.0
    for population, polygon_area, piece_area in pieces:
        if population is None or polygon_area <= 0:
            continue
        total += float(population) * min(piece_area / polygon_area, 1.0)
    return total


def population_value(value, layer: str, fid: int, field: str) -> Optional[float]:
    """A population attribute as a number; a clear error if it is not one."""
    if value is None or value == "" or is_null(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise PlanInputError(
            tr("Layer '{layer}', feature {fid}: population field '{field}' holds '{value}', not a number.").format(
                layer=layer, fid=fid, field=field, value=value),
            tr("Choose a numeric population field, or correct the value.")) from None
    if not math.isfinite(number):
        raise PlanInputError(
            tr("Layer '{layer}', feature {fid}: population field '{field}' is {value}, not a number of "
               "persons.").format(layer=layer, fid=fid, field=field, value=value),
            tr("Correct the value (a count of persons), or leave it empty where it is unknown."))
    if number < 0:
        raise PlanInputError(
            tr("Layer '{layer}', feature {fid}: population field '{field}' is negative ({value}).").format(
                layer=layer, fid=fid, field=field, value=value),
            tr("Correct the value; a population cannot be negative."))
    return number


# --- population per zone of a coverage (``service_area.ZoneCoverage``: key, served, covered, uncovered) ---

def add_field_population(results: Sequence, served_polygons: Sequence[tuple],
                         zones: Dict[object, QgsGeometry], meter) -> None:
    """Area-weighted population per zone from (polygon, population) pairs of the served layer."""
    index = GeometryIndex([g for g, _ in served_polygons])
    areas = [meter.km2(g) for g, _ in served_polygons]
    for result in results:
        zone = zones[result.key]
        served_pieces, covered_pieces = [], []
        for position in index.positions(zone.boundingBox()):
            polygon, population = served_polygons[position]
            piece = polygonal(polygon.intersection(zone))
            if piece.isEmpty():
                continue
            piece_km2 = meter.km2(piece)
            served_pieces.append((population, areas[position], piece_km2))
            if not result.covered.isEmpty():
                covered = polygonal(piece.intersection(result.covered))
                covered_pieces.append((population, areas[position], meter.km2(covered)))
        result.pop_served = area_weighted(served_pieces)
        result.pop_covered = area_weighted(covered_pieces)


def add_point_population(results: Sequence, points: Sequence[tuple]) -> None:
    """Population per zone from (point, persons) pairs (buildings, address points):
    a point counts where it stands, in the zone's served area and, if covered, in
    its covered area. Points outside the served area count for nothing."""
    index = GeometryIndex([QgsGeometry.fromPointXY(point) for point, _ in points])
    for result in results:
        served_engine = QgsGeometry.createGeometryEngine(result.served.constGet())
        served_engine.prepareGeometry()
        covered_engine = None
        if not result.covered.isEmpty():
            covered_engine = QgsGeometry.createGeometryEngine(result.covered.constGet())
            covered_engine.prepareGeometry()
        served_sum = covered_sum = 0.0
        for position in index.positions(result.served.boundingBox()):
            point = index.geometries[position].constGet()
            if not served_engine.intersects(point):
                continue
            persons = points[position][1] or 0.0
            served_sum += persons
            if covered_engine is not None and covered_engine.intersects(point):
                covered_sum += persons
        result.pop_served, result.pop_covered = served_sum, covered_sum


def add_raster_population(results: Sequence, raster_path: str,
                          raster_crs: QgsCoordinateReferenceSystem, working_crs: QgsCoordinateReferenceSystem,
                          label: str = "", feedback=None) -> float:
    """Population per zone from a raster: cells whose centre is in the covered / uncovered parts.
    Returns the share of the served area lying on cells with data (0–1)."""
    groups = []
    for result in results:
        groups.append([result.covered])
        groups.append([result.uncovered])
    stats = {}
    sums = raster_sums(raster_path, raster_crs, groups, working_crs, label, feedback, stats)
    for position, result in enumerate(results):
        covered, uncovered = sums[2 * position], sums[2 * position + 1]
        result.pop_covered = covered
        result.pop_served = covered + uncovered
    return stats.get("share_with_data", 1.0)
