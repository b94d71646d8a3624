"""Measuring areas and distances that do not depend on the input's CRS.

Chongqing's official data are CGCS2000 (EPSG:4490). Overlays and buffers are
computed in a CGCS2000 3-degree Gauss-Krüger zone (EPSG:4534 + (CM - 75) / 3,
e.g. EPSG:4544 CM 105E for 江津, EPSG:4545 CM 108E for 开州) chosen from the
data's centre longitude, never in degrees. Areas are then either planar in that
zone, or on the CGCS2000 ellipsoid (``AreaMethod.ELLIPSOID``), which does not
depend on the zone at all. A jurisdiction straddling two zones, such as 巫溪
(108.9–109.9E across the 109.5E boundary), is overlaid in one zone, but its
planar areas are measured part by part, each in its own zone (``zone_strips``):
measured in one zone alone, its far edge would be off by ~0.08%.
"""
import re
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
)

from ...i18n import tr
from ..errors import PlanInputError
from . import transforms

CGCS2000 = transforms.crs(transforms.CGCS2000_ID)
GK_ZONE_WIDTH = 3.0
GK_FIRST_CM, GK_FIRST_EPSG = 75, 4534  # CGCS2000 / 3-degree GK CM 75E
GK_LAST_CM = 135
EARTH_RADIUS_KM = 6371.0


class AreaMethod:
    GK_ZONE = "gk_zone"
    ELLIPSOID = "ellipsoid"
    ALL = (GK_ZONE, ELLIPSOID)


def gk_central_meridian(longitude: float) -> int:
    """The central meridian of the CGCS2000 3-degree zone holding ``longitude``."""
    cm = int(round(longitude / GK_ZONE_WIDTH) * GK_ZONE_WIDTH)
    return min(max(cm, GK_FIRST_CM), GK_LAST_CM)


def gk_zone_crs(longitude: float) -> QgsCoordinateReferenceSystem:
    cm = gk_central_meridian(longitude)
    # A copy of the CRS built on the main thread: one first built in a worker thread dies with it.
    return transforms.crs(f"EPSG:{GK_FIRST_EPSG + (cm - GK_FIRST_CM) // 3}")


def extent_in_cgcs2000(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> QgsRectangle:
    if crs == CGCS2000:
        return QgsRectangle(extent)
    transform = transforms.transform(crs, CGCS2000, probe=extent.center())
    return transform.transformBoundingBox(extent)


@dataclass
class Projection:
    """The working CRS of one computation and how areas are measured in it."""

    crs: QgsCoordinateReferenceSystem
    method: str
    lon_min: float
    lon_max: float
    lat_min: float = 20.0
    lat_max: float = 35.0

    @property
    def central_meridian(self) -> float:
        return gk_central_meridian((self.lon_min + self.lon_max) / 2)

    @property
    def straddles_zones(self) -> bool:
        return gk_central_meridian(self.lon_min) != gk_central_meridian(self.lon_max)

    @property
    def max_scale_error(self) -> float:
        """Largest relative error of planar areas at the data's edge (GK scale factor² − 1)."""
        import math

        dlon = max(abs(self.lon_min - self.central_meridian), abs(self.lon_max - self.central_meridian))
        # distance from the central meridian at ~30°N (Chongqing), in Earth radii
        d = math.radians(dlon) * math.cos(math.radians(30.0))
        return (1 + d * d / 2) ** 2 - 1

    def describe(self) -> str:
        zone = f"{self.crs.authid()} ({crs_text(self.crs)})"
        if self.method == AreaMethod.ELLIPSOID:
            return tr("Areas on the CGCS2000 ellipsoid (GRS80); overlays computed in {zone}.").format(zone=zone)
        text = tr("Planar areas in {zone}, chosen from the data's longitude {low:.2f}–{high:.2f}°E.").format(
            zone=zone, low=self.lon_min, high=self.lon_max)
        if self.straddles_zones:
            zones = ", ".join(c.authid() for c, _ in zone_strips(self))
            text += " " + tr("The data straddle 3-degree zones: overlays are computed in {crs}, and each result is "
                             "cut at the zone boundary and every part measured in its own zone ({zones}).").format(
                crs=self.crs.authid(), zones=zones)
        return text


# PROJ's English names of China's own systems, as maps and reports write them in the interface's language.
_CGCS2000_NAMES = (
    (r"CGCS2000 / 3-degree Gauss-Kruger CM (\d+(?:\.\d+)?)E",
     lambda m: tr("CGCS2000 / 3-degree Gauss-Kruger, central meridian {cm}°E").format(cm=m.group(1))),
    (r"CGCS2000 / 3-degree Gauss-Kruger zone (\d+)",
     lambda m: tr("CGCS2000 / 3-degree Gauss-Kruger, zone {zone}").format(zone=m.group(1))),
    (r"CGCS2000 / Gauss-Kruger CM (\d+(?:\.\d+)?)E",
     lambda m: tr("CGCS2000 / 6-degree Gauss-Kruger, central meridian {cm}°E").format(cm=m.group(1))),
    (r"CGCS2000 / Gauss-Kruger zone (\d+)",
     lambda m: tr("CGCS2000 / 6-degree Gauss-Kruger, zone {zone}").format(zone=m.group(1))),
    (r"China Geodetic Coordinate System 2000", lambda m: tr("China Geodetic Coordinate System 2000")),
)


def crs_text(crs) -> str:
    """The CRS's name for a map or a report: CGCS2000 and its Gauss-Krüger zones in the
    interface's language (PROJ names them in English only), any other CRS by its own name."""
    description = crs.description()
    for pattern, name in _CGCS2000_NAMES:
        match = re.fullmatch(pattern, description)
        if match:
            return name(match)
    return description


def choose_projection(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem,
                      method: str = AreaMethod.GK_ZONE) -> Projection:
    """The GK zone for data covering ``extent`` (given in ``crs``)."""
    geographic = extent_in_cgcs2000(extent, crs)
    centre = (geographic.xMinimum() + geographic.xMaximum()) / 2
    working = gk_zone_crs(centre)
    # Refuses a CGCS2000 -> GK transform that would leave the data in degrees.
    transforms.transform(CGCS2000, working, probe=geographic.center())
    return Projection(working, method, geographic.xMinimum(), geographic.xMaximum(),
                      geographic.yMinimum(), geographic.yMaximum())


_STRIPS = {}  # zone_strips by projection: a whole-plan or every-type check asks for the same ones often


def zone_strips(projection: Projection) -> list:
    """[(zone CRS, the zone's strip as a polygon in the working CRS)] for every 3-degree zone
    the data touch. The strip's meridian edges are densified (0.01°) so that they stay on the
    meridian once projected, where they are curves. Made once per projection (a CGCS2000 to
    Gauss-Krüger projection, the same in every transform context); the caller must not change them."""
    key = (projection.crs.toWkt(), projection.lon_min, projection.lon_max, projection.lat_min, projection.lat_max)
    if key not in _STRIPS:
        if len(_STRIPS) > 32:
            _STRIPS.clear()
        _STRIPS[key] = _zone_strips(projection)
    return _STRIPS[key]


def _zone_strips(projection: Projection) -> list:
    first, last = gk_central_meridian(projection.lon_min), gk_central_meridian(projection.lon_max)
    south, north = projection.lat_min - 0.5, projection.lat_max + 0.5
    steps = max(int((north - south) / 0.01), 1)
    lats = [south + (north - south) * i / steps for i in range(steps + 1)]
    strips = []
    for cm in range(first, last + 1, int(GK_ZONE_WIDTH)):
        west, east = cm - GK_ZONE_WIDTH / 2, cm + GK_ZONE_WIDTH / 2
        ring = [QgsPointXY(west, lat) for lat in lats] + [QgsPointXY(east, lat) for lat in reversed(lats)]
        strip = QgsGeometry.fromPolygonXY([ring + [ring[0]]])
        if projection.crs != CGCS2000:
            strip.transform(transforms.transform(CGCS2000, projection.crs, probe=QgsPointXY(cm, lats[0])))
        strips.append((gk_zone_crs(cm), strip))
    return strips


class AreaMeter:
    """Area of geometries in the working CRS, in km², by the projection's method.

    Planar areas of data straddling zones (巫溪) are summed zone by zone: each part
    is measured in its own zone's projection, as the survey's own statistics are."""

    def __init__(self, projection: Projection):
        self.projection = projection
        self._distance_area = None
        self._strips = None
        self._strip_shapes = None  # the strips as shapely geometries, once km2_each needs them
        if projection.method == AreaMethod.GK_ZONE and projection.straddles_zones:
            self._strips = [(crs, strip, transforms.transform(projection.crs, crs))
                            for crs, strip in zone_strips(projection)]
        if projection.method == AreaMethod.ELLIPSOID:
            self._distance_area = QgsDistanceArea()
            self._distance_area.setSourceCrs(projection.crs, transforms.current_context())
            self._distance_area.setEllipsoid("GRS80")

    @property
    def planar(self) -> bool:
        """Areas are planar in the working CRS alone (one zone, no ellipsoid): a kernel's own figures."""
        return self._distance_area is None and self._strips is None

    def km2(self, geometry: QgsGeometry) -> float:
        if geometry is None or geometry.isEmpty():
            return 0.0
        if self._distance_area is not None:
            return self._distance_area.measureArea(geometry) / 1e6
        if self._strips is not None:
            return sum(self._zone_part_area(geometry, crs, strip, transform) for crs, strip, transform in self._strips)
        return geometry.area() / 1e6

    def km2_each(self, geometries, shapes=None, planar=None) -> list:
        """The km² of each of ``geometries`` (QgsGeometry), as ``km2`` gives it. With ``shapes`` (the
        same geometries as shapely 2, ``overlay.as_shapely``) and ``planar`` (their planar areas in
        CRS units², a kernel's): in one zone those figures; across zones, a geometry wholly inside one
        zone's strip is measured whole in that zone (no cut), only those across a strip's edge are cut."""
        if planar is not None and self.planar:
            return [float(a) / 1e6 for a in planar]
        figures = [None] * len(geometries)
        if self._strips is not None and shapes is not None:
            from ..kernels.arrays import areas, inside
            from .overlay import as_shapely

            planar = areas(shapes) if planar is None else planar
            if self._strip_shapes is None:
                self._strip_shapes = as_shapely([strip for _, strip, _ in self._strips])
            for (crs, _, transform), polygon in zip(self._strips, self._strip_shapes):
                for position in inside(polygon, shapes).nonzero()[0].tolist():
                    if figures[position] is not None:
                        continue
                    if crs != self.projection.crs:
                        part = QgsGeometry(geometries[position])
                        part.transform(transform)
                        figures[position] = part.area() / 1e6
                    else:
                        figures[position] = float(planar[position]) / 1e6
        return [self.km2(g) if f is None else f for g, f in zip(geometries, figures)]

    def _zone_part_area(self, geometry, crs, strip, transform) -> float:
        part = geometry.intersection(strip)
        if part is None or part.isEmpty():
            return 0.0
        if crs != self.projection.crs:
            part = QgsGeometry(part)
            part.transform(transform)
        return part.area() / 1e6  # lines and points left by the cut have no area


def check_in_china(projection: Projection, labels: str):
    """Degrees outside China mean a layer's CRS is wrong (projected metres declared as EPSG:4490, …)."""
    if not (70.0 <= projection.lon_min <= projection.lon_max <= 140.0
            and 0.0 <= projection.lat_min <= projection.lat_max <= 60.0):
        raise PlanInputError(
            tr("The layers {layers} lie at longitude {w:.2f}–{e:.2f}, latitude {s:.2f}–{n:.2f}, not in China.").format(
                layers=labels, w=projection.lon_min, e=projection.lon_max, s=projection.lat_min, n=projection.lat_max),
            tr("A layer's coordinate reference system is probably wrong: set the one its coordinates are in "
               "(Layer Properties > Source), e.g. a GK zone such as EPSG:4545 for metres, EPSG:4490 for degrees."))
