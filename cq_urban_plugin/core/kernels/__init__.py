"""Geometry kernels: the checks' computational core as pure functions on arrays of
geometries and coordinates (shapely 2 and numpy), with no QGIS and no Qt, so that
they also run outside QGIS (a worker of the scale-out, a notebook).

The checks convert QGIS features to arrays at the edge (as WKB) and call these.
This module only says whether the shapely they need is there: importing it never
fails, so the plugin loads and says what is missing instead of failing with a traceback.
"""
from typing import Optional

SHAPELY_MIN = (2, 0)


def shapely_version() -> Optional[str]:
    """The version of the shapely this Python imports, or None when there is none."""
    try:
        import shapely
    except Exception:  # noqa: BLE001 (a broken install is as good as none)
        return None
    return str(getattr(shapely, "__version__", "0"))


# What shapely 2 has and 1.8 has not, at the package's top: asked where the version says nothing.
SHAPELY_2_API = ("from_wkb", "to_wkb", "union_all", "STRtree")


def _release(version: str):
    """(major, minor) of a version string, or None when it holds no release number ("0+unknown")."""
    parts = []
    for part in version.split("+")[0].split(".")[:2]:
        digits = "".join(c for c in part if c.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts) if any(parts) else None


def shapely_missing() -> bool:
    """True when the kernels cannot run: no shapely, or one older than SHAPELY_MIN. A build that does
    not know its own version (Debian sid's python3-shapely 2.2.0 says "0+unknown") is judged by its API."""
    try:
        import shapely
    except Exception:  # noqa: BLE001 (a broken install is as good as none)
        return True
    release = _release(shapely_version() or "")
    if release is not None:
        return release < SHAPELY_MIN
    return not all(hasattr(shapely, name) for name in SHAPELY_2_API)
