"""Townships against the control lines: per township the union of each line's polygons inside it,
the overlaps between any two lines there, and the built-up land inside it and outside one line
(the development boundary). Pure functions on arrays (numpy, shapely 2); the QGIS edge
(``core.checks.control_lines``) converts as WKB. Areas are planar."""
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

import numpy as np
import shapely

from .arrays import areas, clip_union, geometries, polygonal


@dataclass
class LinesByZone:
    """Per zone (arrays in the zones' order, None: nothing): ``pieces[line]``, ``overlaps[(a, b)]``
    for the pairs of lines in the order given, ``builtup`` and ``builtup_outside`` (None arrays
    without built-up), with their planar areas in ``area``, keyed alike."""

    pieces: Dict[str, np.ndarray]
    overlaps: Dict[Tuple[str, str], np.ndarray]
    builtup: Optional[np.ndarray] = None
    builtup_outside: Optional[np.ndarray] = None
    area: Dict[object, np.ndarray] = field(default_factory=dict)


def _minus(values, cut):
    """``values`` less ``cut``, element by element (None in ``cut``: nothing taken)."""
    out = values.copy()
    both = np.array([v is not None and c is not None for v, c in zip(values, cut)], dtype=bool)
    if both.any():
        out[both] = polygonal(shapely.difference(values[both], cut[both]))
    return out


def lines_by_zone(zones, lines: Dict[str, object], builtup=None, outside_of: str = "",
                  progress=None) -> LinesByZone:
    """``lines``: line name -> its polygons, in the order the pairs are formed; ``builtup``: polygons
    or None; ``outside_of``: the line whose outside the built-up land is measured in (its piece
    taken from each township's built-up), "" for none. ``progress(share)`` may raise to stop."""
    zones = geometries(zones)
    names = list(lines)
    pieces = {}
    for position, name in enumerate(names):
        pieces[name] = clip_union(lines[name], zones)
        if progress is not None:
            progress((position + 1) / (len(names) + 2))
    overlaps = {}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            both = np.array([p is not None and q is not None for p, q in zip(pieces[a], pieces[b])], dtype=bool)
            overlap = np.full(len(zones), None, dtype=object)
            if both.any():
                overlap[both] = polygonal(shapely.intersection(pieces[a][both], pieces[b][both]))
            overlaps[(a, b)] = overlap
    result = LinesByZone(pieces, overlaps)
    if builtup is not None:
        result.builtup = clip_union(builtup, zones)
        if outside_of:
            result.builtup_outside = _minus(result.builtup, pieces[outside_of])
    result.area = {key: areas(values) for key, values in list(pieces.items()) + list(overlaps.items())
                   + [("builtup", result.builtup), ("builtup_outside", result.builtup_outside)]
                   if values is not None}
    return result
