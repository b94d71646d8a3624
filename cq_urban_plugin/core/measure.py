"""Measuring areas and distances that do not depend on the input's CRS.

Chongqing's official data are CGCS2000 (EPSG:4490). Overlays and buffers are
computed in a CGCS2000 3-degree Gauss-Krüger zone (EPSG:4534 + (CM - 75) / 3,
e.g. EPSG:4544 CM 105E for 江津, EPSG:4545 CM 108E for 开州) chosen from the
data's centre longitude, never in degrees. Areas are then either planar in that
zone, or on the CGCS2000 ellipsoid (``AreaMethod.ELLIPSOID``), which does not
depend on the zone at all: that is the choice for a jurisdiction straddling two
zones, such as 巫溪 (108.9–109.9E across the 109.5E boundary), whose edge lies
up to ~1.9° from the central meridian (planar area off by ~0.08% there).
"""
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
)

CGCS2000 = QgsCoordinateReferenceSystem("EPSG:4490")
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
    return QgsCoordinateReferenceSystem(f"EPSG:{GK_FIRST_EPSG + (cm - GK_FIRST_CM) // 3}")


def extent_in_cgcs2000(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem) -> QgsRectangle:
    if crs == CGCS2000:
        return QgsRectangle(extent)
    transform = QgsCoordinateTransform(crs, CGCS2000, QgsProject.instance())
    return transform.transformBoundingBox(extent)


@dataclass
class Projection:
    """The working CRS of one computation and how areas are measured in it."""

    crs: QgsCoordinateReferenceSystem
    method: str
    lon_min: float
    lon_max: float

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
        zone = f"{self.crs.authid()} ({self.crs.description()})"
        if self.method == AreaMethod.ELLIPSOID:
            return (f"Areas on the CGCS2000 ellipsoid (GRS80); overlays computed in {zone}.")
        text = f"Planar areas in {zone}, chosen from the data's longitude {self.lon_min:.2f}–{self.lon_max:.2f}E."
        if self.straddles_zones:
            text += (f" The data straddle two 3-degree zones; planar areas at the far edge are off by up to "
                     f"{self.max_scale_error:.3%}. Choose the ellipsoid method for exact areas.")
        return text


def choose_projection(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem,
                      method: str = AreaMethod.GK_ZONE) -> Projection:
    """The GK zone for data covering ``extent`` (given in ``crs``)."""
    geographic = extent_in_cgcs2000(extent, crs)
    centre = (geographic.xMinimum() + geographic.xMaximum()) / 2
    return Projection(gk_zone_crs(centre), method, geographic.xMinimum(), geographic.xMaximum())


class AreaMeter:
    """Area of geometries in the working CRS, in km², by the projection's method."""

    def __init__(self, projection: Projection):
        self.projection = projection
        self._distance_area = None
        if projection.method == AreaMethod.ELLIPSOID:
            self._distance_area = QgsDistanceArea()
            self._distance_area.setSourceCrs(projection.crs, QgsProject.instance().transformContext())
            self._distance_area.setEllipsoid("GRS80")

    def km2(self, geometry: QgsGeometry) -> float:
        if geometry is None or geometry.isEmpty():
            return 0.0
        if self._distance_area is not None:
            return self._distance_area.measureArea(geometry) / 1e6
        return geometry.area() / 1e6
