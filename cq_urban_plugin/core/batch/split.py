"""A large jurisdiction measured in pieces, by township (issue #21): one job becomes several, each
with a group of neighbouring townships and only what those townships need, and one more for what
lies outside every township. The pieces' figures, put together, are the unsplit job's, float for
float (tests/test_batch.py):

- a township's built-up land is made of the built-up polygons that meet it: a piece carries every
  polygon meeting one of its townships (so also the parts reaching into the next township);
- its bus-stop coverage is cut by the stops within the radius of its served land: a piece carries
  every stop within the radius (the margin, plus a metre for two stops counted as one) of its
  townships, so a 500 m circle from a stop in the next township is there;
- the kernels pair geometries in the order of the input (``coverage._sorted_pairs``, ``zone_parts``),
  and a piece keeps the jurisdiction's order, so every township sees the same shapes in the same
  order as in the whole;
- the row of what lies outside every township is a union across the whole jurisdiction: the
  ``outside`` piece measures it (``kernels.builtup.outside_of_zones``) with every township, and
  counts the stops.

Pure numpy and shapely, like the work: nothing of QGIS.
"""
import math
from typing import Dict, List

import numpy as np
import shapely

# m beyond the radius: the stops a piece carries reach past it (two stops closer than the tolerance are one)
MARGIN = 1.0


def _array(values) -> np.ndarray:
    return shapely.from_wkb(np.array([v if v else None for v in values], dtype=object))


def _groups(zones: np.ndarray, size: int) -> List[np.ndarray]:
    """The townships' positions in groups of ``size`` neighbours (rows of a grid over their centres,
    each row from west to east), each group in the jurisdiction's order."""
    valid = ~shapely.is_missing(zones)
    box = shapely.bounds(zones)
    cx = np.where(valid, (box[:, 0] + box[:, 2]) / 2, 0.0)
    cy = np.where(valid, (box[:, 1] + box[:, 3]) / 2, 0.0)
    pieces = math.ceil(len(zones) / size)
    extent = max(float(np.ptp(cx)) * float(np.ptp(cy)), 1.0)
    cell = max(math.sqrt(extent / pieces), 1e-9)
    order = np.lexsort((cx, np.floor((cy - cy.min()) / cell)))
    return [np.sort(order[start:start + size]) for start in range(0, len(order), size)]


def _near(tree, zones, **query) -> np.ndarray:
    """Positions, in order, of the tree's geometries found by ``query`` for any of ``zones``."""
    zones = zones[~shapely.is_missing(zones)]
    if tree is None or not len(zones):
        return np.zeros(0, np.int64)
    return np.unique(tree.query(zones, **query)[1])


def split(job: dict, townships_per_piece: int) -> List[dict]:
    """``[job]`` when it has no more townships than ``townships_per_piece`` (or that is 0); else its
    pieces, each a job of its own (``piece``: its number, ``index``: its townships' positions in the
    job), then the ``outside`` piece."""
    count = len(job["townships"])
    if townships_per_piece <= 0 or count <= townships_per_piece:
        return [job]
    zones = _array(job["townships"])
    builtup = _array(job["builtup"])
    served = None if job.get("served") is None else _array(job["served"])
    xy = np.asarray(job.get("stops", np.zeros((0, 2))), dtype=float).reshape(-1, 2)
    trees = {"builtup": shapely.STRtree(builtup) if len(builtup) else None,
             "served": shapely.STRtree(served) if served is not None and len(served) else None,
             "stops": shapely.STRtree(shapely.points(xy)) if len(xy) else None}
    reach = float(job["radius"]) + MARGIN
    pieces = []
    for number, index in enumerate(_groups(zones, townships_per_piece)):
        mine = zones[index]
        near_builtup = _near(trees["builtup"], mine, predicate="intersects")
        piece = dict(job, piece=number, index=index.tolist(),
                     townships=[job["townships"][i] for i in index], names=[job["names"][i] for i in index],
                     fids=[job["fids"][i] for i in index], builtup=[job["builtup"][i] for i in near_builtup],
                     stops=xy[_near(trees["stops"], mine, predicate="dwithin", distance=reach)])
        if served is not None:
            piece["served"] = [job["served"][i] for i in _near(trees["served"], mine, predicate="intersects")]
        pieces.append(piece)
    pieces.append(dict(job, piece="outside", index=[], served=None))
    return pieces


def merge(indices: Dict[object, List[int]], results: Dict[object, dict]) -> dict:
    """One jurisdiction's result from its pieces' (``indices``: piece -> its townships' positions, as
    ``split`` gave them; ``results``: piece -> its result): the townships' rows in the jurisdiction's
    order, then the outside row, and the outside piece's counts of stops."""
    rows = [None] * sum(len(index) for index in indices.values())
    for piece, index in indices.items():
        for position, row in zip(index, results[piece]["rows"] if piece != "outside" else ()):
            rows[position] = row
    outside = results["outside"]
    return {"id": outside["id"], "piece": None, "rows": rows + outside["rows"], "stops": outside["stops"],
            "duplicates": outside["duplicates"]}
