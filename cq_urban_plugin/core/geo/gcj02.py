"""Web-map coordinates (GCJ-02, BD-09) to and from WGS84 / CGCS2000.

Points scraped from Chinese web maps are not in WGS84: Amap (高德) and Tencent
use GCJ-02, Baidu uses BD-09 (GCJ-02 with a further offset). In Chongqing the
GCJ-02 shift is several hundred metres, as large as the 500 m bus-stop radius
being checked, so such points must be converted before any measuring.

The formulas
------------
* WGS84 -> GCJ-02 is the published obfuscation formula (Krasovsky semi-major
  axis a = 6378245 m, e² = 0.00669342162296594323), as in the widely used
  reference implementations eviltransform and coordtransform. It is only
  applied inside the box 72.004–137.8347°E, 0.8293–55.8271°N; points outside
  are returned unchanged, as the web maps do.
* GCJ-02 -> WGS84 has no closed form. It is solved here by fixed-point
  iteration on the forward formula until the forward transform of the result
  reproduces the input to better than ``TOLERANCE`` (1e-9 degree, about 0.1 mm;
  the iteration converges in 3–5 steps). So the inverse is sub-centimetre
  against the forward transform, far better than the 1–2 m of the common
  one-step approximation.
* GCJ-02 -> BD-09 is Baidu's published formula; BD-09 -> GCJ-02 is solved by
  the same iteration (the common closed-form reverse is only accurate to about
  a metre).

What this module cannot vouch for is the forward formula itself against what
a web map really applies today: the formula is the one the reference
implementations publish and test against, and the conversion is only as good
as that agreement, which cannot be checked offline. CGCS2000 (EPSG:4490) and WGS84 (EPSG:4326)
agree to centimetres for this purpose, so the result is used as either.

Functions take scalars or numpy arrays of longitude and latitude (in that
order, as in QGIS) and return the same kind; ``geometry_to_wgs84`` and
``geometry_from_wgs84`` convert every vertex of a QgsGeometry (``geometries_…``
many at once).
"""
import math

import numpy as np
from qgis.core import QgsAbstractGeometryTransformer, QgsGeometry

from ...resources import DATA_DIR

GCJ02 = 0
BD09 = 1

# Semi-major axis and squared eccentricity of the Krasovsky ellipsoid used by the formula.
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = math.pi * 3000.0 / 180.0

# The box inside which the web maps apply the offset.
CHINA_BOX = (72.004, 0.8293, 137.8347, 55.8271)  # lon_min, lat_min, lon_max, lat_max

TOLERANCE = 1e-9  # degrees, for the iterative inverses
MAX_ITERATIONS = 30


def _arrays(lon, lat):
    scalar = np.ndim(lon) == 0 and np.ndim(lat) == 0
    return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float), scalar


def _out(lon, lat, scalar):
    if scalar:
        return float(lon), float(lat)
    return lon, lat


def in_china(lon, lat):
    """True where the web maps apply the offset (scalars or arrays)."""
    lon, lat, scalar = _arrays(lon, lat)
    inside = (lon >= CHINA_BOX[0]) & (lon <= CHINA_BOX[2]) & (lat >= CHINA_BOX[1]) & (lat <= CHINA_BOX[3])
    return bool(inside) if scalar else inside


def _offset(lon, lat):
    """The GCJ-02 offset (dlon, dlat) in degrees at a WGS84 position (arrays)."""
    x = lon - 105.0
    y = lat - 35.0
    common = (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x)) + common
            + (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
            + (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0)
    dlon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x)) + common
            + (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
            + (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0)
    rad_lat = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * np.cos(rad_lat) * np.pi)
    return dlon, dlat


def _wgs_to_gcj(lon, lat):
    inside = in_china(lon, lat)
    dlon, dlat = _offset(lon, lat)
    return np.where(inside, lon + dlon, lon), np.where(inside, lat + dlat, lat)


def _gcj_to_bd(lon, lat):
    z = np.hypot(lon, lat) + 0.00002 * np.sin(lat * _X_PI)
    theta = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * _X_PI)
    inside = in_china(lon, lat)
    return (np.where(inside, z * np.cos(theta) + 0.0065, lon),
            np.where(inside, z * np.sin(theta) + 0.006, lat))


def _bd_to_gcj_approx(lon, lat):
    x = lon - 0.0065
    y = lat - 0.006
    z = np.hypot(x, y) - 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta), z * np.sin(theta)


def _invert(forward, lon, lat, first_guess):
    """Solve forward(x) = (lon, lat) by fixed-point iteration x += target - forward(x).

    Converges because each forward formula is the identity plus a slowly varying
    offset (its derivative is of order 1e-3)."""
    x, y = first_guess
    for _ in range(MAX_ITERATIONS):
        fx, fy = forward(x, y)
        ex, ey = lon - fx, lat - fy
        x, y = x + ex, y + ey
        if np.all(np.abs(ex) < TOLERANCE) and np.all(np.abs(ey) < TOLERANCE):
            break
    return x, y


def wgs84_to_gcj02(lon, lat):
    """WGS84 / CGCS2000 lon, lat -> GCJ-02 (the published forward formula)."""
    lon, lat, scalar = _arrays(lon, lat)
    return _out(*_wgs_to_gcj(lon, lat), scalar)


def gcj02_to_wgs84(lon, lat):
    """GCJ-02 lon, lat -> WGS84 / CGCS2000, iterated until the forward formula
    gives back the input within 1e-9 degree. Outside China: unchanged."""
    lon, lat, scalar = _arrays(lon, lat)
    inside = in_china(lon, lat)
    dlon, dlat = _offset(lon, lat)
    x, y = _invert(_wgs_to_gcj, lon, lat, (lon - dlon, lat - dlat))
    return _out(np.where(inside, x, lon), np.where(inside, y, lat), scalar)


def gcj02_to_bd09(lon, lat):
    """GCJ-02 lon, lat -> BD-09 (Baidu's published formula)."""
    lon, lat, scalar = _arrays(lon, lat)
    return _out(*_gcj_to_bd(lon, lat), scalar)


def bd09_to_gcj02(lon, lat):
    """BD-09 lon, lat -> GCJ-02, iterated on the forward formula to 1e-9 degree."""
    lon, lat, scalar = _arrays(lon, lat)
    inside = in_china(lon, lat)
    x, y = _invert(_gcj_to_bd, lon, lat, _bd_to_gcj_approx(lon, lat))
    return _out(np.where(inside, x, lon), np.where(inside, y, lat), scalar)


def wgs84_to_bd09(lon, lat):
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon, lat):
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


_TO_WGS84 = {GCJ02: gcj02_to_wgs84, BD09: bd09_to_wgs84}
_FROM_WGS84 = {GCJ02: wgs84_to_gcj02, BD09: wgs84_to_bd09}


def to_wgs84(lon, lat, system=GCJ02):
    """Web-map lon, lat in ``system`` (GCJ02 or BD09) -> WGS84 / CGCS2000."""
    return _TO_WGS84[system](lon, lat)


def from_wgs84(lon, lat, system=GCJ02):
    """WGS84 / CGCS2000 lon, lat -> web-map ``system`` (GCJ02 or BD09)."""
    return _FROM_WGS84[system](lon, lat)


def shift_vector(lon, lat, system=GCJ02):
    """How far a web map moves a true (WGS84/CGCS2000) position, as (east, north) in
    metres: what to expect between scraped points and true ones. Local scale of the
    GRS80 ellipsoid; good to a few centimetres over these few hundred metres."""
    lon_arr, lat_arr, scalar = _arrays(lon, lat)
    web_lon, web_lat = from_wgs84(lon_arr, lat_arr, system)
    phi = np.radians(lat_arr)
    a, e2 = 6378137.0, 0.00669438002290  # GRS80
    w = np.sqrt(1.0 - e2 * np.sin(phi) ** 2)
    east = np.radians(np.asarray(web_lon) - lon_arr) * a * np.cos(phi) / w
    north = np.radians(np.asarray(web_lat) - lat_arr) * a * (1.0 - e2) / w ** 3
    return _out(east, north, scalar)


class _Collect(QgsAbstractGeometryTransformer):
    """First pass: record every vertex in the order QGIS visits them."""

    def __init__(self):
        super().__init__()
        self.x, self.y = [], []

    def transformPoint(self, x, y, z, m):  # noqa: N802 (QGIS's name)
        self.x.append(x)
        self.y.append(y)
        return True, x, y, z, m


class _Replace(QgsAbstractGeometryTransformer):
    """Second pass: hand back the converted vertices in the same order."""

    def __init__(self, x, y):
        super().__init__()
        self.x, self.y, self.i = x, y, 0

    def transformPoint(self, x, y, z, m):  # noqa: N802 (QGIS's name)
        i = self.i
        self.i += 1
        return True, float(self.x[i]), float(self.y[i]), z, m


def _convert_many(geometries, function):
    """Copies of ``geometries`` with every vertex converted: one vectorised call for all of them."""
    copies, collect = [], _Collect()
    for geometry in geometries:
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            copies.append(QgsGeometry(geometry) if geometry is not None else QgsGeometry())
            continue
        copy = QgsGeometry(geometry)  # a copy: the input is never changed
        copy.get().transform(collect)
        copies.append(copy)
    if not collect.x:
        return copies
    x, y = function(np.array(collect.x, dtype=float), np.array(collect.y, dtype=float))
    replace = _Replace(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    for copy in copies:
        if not copy.isNull() and not copy.isEmpty():
            copy.get().transform(replace)  # same visiting order as the collecting pass
    return copies


def geometry_to_wgs84(geometry: QgsGeometry, system=GCJ02) -> QgsGeometry:
    """A copy of ``geometry`` (lon/lat in GCJ-02 or BD-09) with every vertex in WGS84 / CGCS2000."""
    return _convert_many([geometry], _TO_WGS84[system])[0]


def geometries_to_wgs84(geometries, system=GCJ02) -> list:
    """``geometry_to_wgs84`` for many geometries at once (much faster for many small ones)."""
    return _convert_many(list(geometries), _TO_WGS84[system])


def geometry_from_wgs84(geometry: QgsGeometry, system=GCJ02) -> QgsGeometry:
    """A copy of ``geometry`` (lon/lat in WGS84 / CGCS2000) with every vertex moved into GCJ-02 or BD-09."""
    return _convert_many([geometry], _FROM_WGS84[system])[0]


def geometries_from_wgs84(geometries, system=GCJ02) -> list:
    return _convert_many(list(geometries), _FROM_WGS84[system])


# --- where the web maps shift: mainland China, not a rectangle -------------------------
#
# The published formula's box (CHINA_BOX) also holds Seoul, Hanoi, New Delhi, Hong
# Kong, Macau and Taipei, which the web maps leave in WGS84. The area where they do
# shift is data/gcj02_area.wkt: mainland China with Hainan and its islands, widened
# 0.25° at sea, less Hong Kong, Macau, Taiwan and every other country, from Natural
# Earth 1:10m Admin 0 – Countries v4.1.0 (public domain, naturalearthdata.com) as
# generalised in QGIS's resources/data/world_map.gpkg; rebuilt by
# tests/tools/make_gcj02_area.py. It is coarse (a few km at land borders): vertices
# within NEAR_EDGE_DEG of its edge are reported so that the user can check them.

AREA_PATH = DATA_DIR / "gcj02_area.wkt"
NEAR_EDGE_DEG = 0.05  # about 5 km
_GRID_DEG = 0.05
_AREA = {}


def _shift_area():
    """(geometry, prepared engine, boundary engine, grid of cells inside, grid of cells near the edge)."""
    if _AREA:
        return _AREA["value"]
    from osgeo import gdal, ogr

    text = AREA_PATH.read_text(encoding="ascii")
    wkt = "".join(line for line in text.splitlines() if not line.startswith("#"))
    geometry = QgsGeometry.fromWkt(wkt)
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    boundary = QgsGeometry(geometry.constGet().boundary())
    boundary_engine = QgsGeometry.createGeometryEngine(boundary.constGet())
    boundary_engine.prepareGeometry()
    lon0, lat0, lon1, lat1 = CHINA_BOX
    columns, rows = int(math.ceil((lon1 - lon0) / _GRID_DEG)), int(math.ceil((lat1 - lat0) / _GRID_DEG))

    def burn(wkb, all_touched):
        source = ogr.GetDriverByName("Memory").CreateDataSource("area")
        layer = source.CreateLayer("area", None, ogr.wkbUnknown)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
        grid = gdal.GetDriverByName("MEM").Create("", columns, rows, 1, gdal.GDT_Byte)
        grid.SetGeoTransform((lon0, _GRID_DEG, 0.0, lat1, 0.0, -_GRID_DEG))
        gdal.RasterizeLayer(grid, [1], layer, burn_values=[1], options=["ALL_TOUCHED=TRUE"] if all_touched else [])
        return grid.GetRasterBand(1).ReadAsArray().astype(bool)

    inside = burn(bytes(geometry.asWkb()), False)  # cell centres inside
    near = burn(bytes(boundary.buffer(NEAR_EDGE_DEG, 4).asWkb()), True)  # cells touching the edge band
    _AREA["value"] = (geometry, engine, boundary_engine, inside, near)
    # Kept too: from QGIS 3.40 on, an engine uses the geometry it was made from, which
    # must outlive it (freed, boundary_engine.distance() crashed the process on 3.40 and 3.44).
    _AREA["boundary"] = boundary
    return _AREA["value"]


def in_shift_area(lon, lat):
    """(inside, near_edge) boolean arrays: where the web maps shift (mainland China) and
    which of those points lie within NEAR_EDGE_DEG of the coarse outline's edge."""
    from qgis.core import QgsPoint

    lon, lat, scalar = _arrays(lon, lat)
    lon, lat = np.atleast_1d(lon), np.atleast_1d(lat)
    inside = np.zeros(lon.shape, dtype=bool)
    near = np.zeros(lon.shape, dtype=bool)
    finite = np.isfinite(lon) & np.isfinite(lat)
    box = finite & in_china(np.where(finite, lon, 0.0), np.where(finite, lat, 0.0))
    if box.any():
        _, engine, boundary_engine, inside_grid, near_grid = _shift_area()
        lon0, _, _, lat1 = CHINA_BOX
        rows, columns = inside_grid.shape
        column = np.clip(((lon[box] - lon0) / _GRID_DEG).astype(int), 0, columns - 1)
        row = np.clip(((lat1 - lat[box]) / _GRID_DEG).astype(int), 0, rows - 1)
        box_inside = inside_grid[row, column]
        box_near = near_grid[row, column]
        box_lon, box_lat = lon[box], lat[box]
        exact_near = np.zeros(box_near.shape, dtype=bool)
        for i in np.flatnonzero(box_near):  # close to the edge: decide exactly
            point = QgsPoint(float(box_lon[i]), float(box_lat[i]))
            box_inside[i] = engine.intersects(point)
            exact_near[i] = boundary_engine.distance(point) < NEAR_EDGE_DEG
        inside[box] = box_inside
        near[box] = exact_near
    if scalar:
        return bool(inside[0]), bool(near[0])
    return inside, near


def convert_in_shift_area(geometries, system=GCJ02):
    """Copies of ``geometries`` (GCJ-02 or BD-09 lon/lat) in WGS84, where the web maps
    shift; vertices outside mainland China stay as they are. Returns (copies, per
    geometry: any vertex converted, any vertex near the outline's edge)."""
    function = _TO_WGS84[system]
    flags = []

    def masked(x, y):
        inside, near = in_shift_area(x, y)
        flags.append((inside, near))
        lon, lat = function(x, y)
        return np.where(inside, lon, x), np.where(inside, lat, y)

    geometries = list(geometries)
    counts = []
    for geometry in geometries:
        counts.append(0 if geometry is None or geometry.isNull() or geometry.isEmpty()
                      else geometry.constGet().nCoordinates())
    copies = _convert_many(geometries, masked)
    if not flags:
        return copies, [False] * len(copies), [False] * len(copies)
    inside, near = flags[0]
    if sum(counts) != len(inside):  # a geometry whose vertices QGIS visits otherwise: one at a time
        results = [convert_in_shift_area([g], system) for g in geometries]
        return [r[0][0] for r in results], [r[1][0] for r in results], [r[2][0] for r in results]
    ends = np.cumsum(counts)
    starts = ends - np.asarray(counts)
    converted = [bool(n and inside[a:b].any()) for a, b, n in zip(starts, ends, counts)]
    near_edge = [bool(n and near[a:b].any()) for a, b, n in zip(starts, ends, counts)]
    return copies, converted, near_edge


def looks_like_lonlat(xmin, ymin, xmax, ymax) -> bool:
    """Whether an extent can hold longitude/latitude degrees at all."""
    return -180.0 <= xmin <= xmax <= 180.0 and -90.0 <= ymin <= ymax <= 90.0
