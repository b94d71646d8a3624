"""What a worker computes for one jurisdiction: built-up area and bus-stop coverage per township.

``measure(job)`` takes a plain dict (it crosses to a worker process by pickle) and returns a plain
dict; the figures are the kernels' (``core.kernels``), on the same geometries the single checks
give them, so they equal ``check_builtup`` / ``check_coverage`` run on that jurisdiction alone:

- ``townships``: WKB of the township polygons, ``names`` and ``fids`` beside them;
- ``builtup``: WKB of the built-up polygons; ``served``: WKB of the served area (None: the built-up);
- ``stops``: an n × 2 array of stop coordinates (every point of every stop feature, repeats kept);
- ``radius`` (m), ``segments`` per quarter circle, ``tolerance`` (m) under which two stops are one;
- a piece of a split jurisdiction (``core.batch.split``) has ``piece``: it gives its townships' rows
  only; its ``outside`` piece gives only the row of what lies outside every township, and the counts
  of stops.

Areas are planar in the coordinates' units (metres): km² = m² / 1e6, as the checks give them where
the jurisdiction lies in one Gauss-Krüger zone.
"""
import numpy as np
import shapely

from ..kernels.builtup import builtup_by_zone, outside_of_zones
from ..kernels.coverage import BUFFER_SEGMENTS, cover_zones, unique_points

# The columns of a per-township row, in order (≤ 10 characters: shapefile- and CSV-safe names).
COLUMNS = ("juris", "township", "twp_fid", "twp_km2", "bu_km2", "share", "served_km2", "cover_km2",
           "cover_pct")
OUTSIDE = "(outside every township)"  # the row of what lies outside every township (built-up only)


def _geometries(values):
    return shapely.from_wkb(np.array([v if v else None for v in values], dtype=object))


def measure(job: dict) -> dict:
    """One jurisdiction's figures (or a piece's): {"id", "piece", "rows": [dict per township, then the
    outside row], "stops", "duplicates"}."""
    zones = _geometries(job["townships"])
    builtup = _geometries(job["builtup"])
    xy = np.asarray(job.get("stops", np.zeros((0, 2))), dtype=float).reshape(-1, 2)
    keep, repeats = unique_points(xy, float(job.get("tolerance", 0.01)))
    counts = {"id": job["id"], "piece": job.get("piece"), "stops": int(len(keep)), "duplicates": int(len(repeats))}
    if job.get("piece") == "outside":
        return dict(counts, rows=[_outside_row(job["id"], outside_of_zones(builtup, zones).outside_area)])
    served = builtup if job.get("served") is None else _geometries(job["served"])
    segments = int(job.get("segments", BUFFER_SEGMENTS))
    xy = xy[keep]

    # Zone by zone, as the checks measure it (builtup_by_zone's each=): the same sum of the same areas, so
    # the same floats, whatever GEOS sums a multipolygon's area in; the pieces themselves are not needed.
    built = builtup_by_zone(builtup, zones, each=lambda zone, polygons, planar: None)
    cover = cover_zones(served, zones, xy, float(job["radius"]), with_service=False, segments=segments)
    served_km2 = np.zeros(len(zones))
    covered_km2 = np.zeros(len(zones))
    served_km2[cover.zone] = cover.served_area / 1e6
    covered_km2[cover.zone] = cover.covered_area / 1e6
    township_km2 = np.nan_to_num(shapely.area(zones), nan=0.0) / 1e6

    rows = []
    for i, (name, fid) in enumerate(zip(job["names"], job["fids"])):
        bu, twp, srv, cov = float(built.inside_area[i]) / 1e6, float(township_km2[i]), float(served_km2[i]), \
            float(covered_km2[i])
        rows.append({"juris": job["id"], "township": name, "twp_fid": int(fid), "twp_km2": twp, "bu_km2": bu,
                     "share": 100.0 * bu / twp if twp > 0 else None, "served_km2": srv, "cover_km2": cov,
                     "cover_pct": 100.0 * cov / srv if srv > 0 else None})
    if job.get("piece") is None:
        rows.append(_outside_row(job["id"], built.outside_area))
    return dict(counts, rows=rows)


def _outside_row(juris, area_m2: float) -> dict:
    return {"juris": juris, "township": OUTSIDE, "twp_fid": None, "twp_km2": None, "bu_km2": area_m2 / 1e6,
            "share": None, "served_km2": None, "cover_km2": None, "cover_pct": None}
