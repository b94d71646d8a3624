"""Walking distance along a road or footpath layer: a multi-source shortest-path
search from every bus stop at once, and the reachable parts of the network.

The graph is built from the lines' own vertices (no QgsGraphBuilder: it is
rebuilt per start point by the native algorithm, which is what makes the native
service area slow with thousands of stops):

- every segment between two consecutive vertices is an edge, walkable both ways,
  with its planar length in the working (Gauss-Krüger) CRS as cost;
- two vertices are the same node when they lie within ``NODE_TOLERANCE`` (1 cm)
  of each other, as for QGIS's network director with its topology tolerance:
  lines that cross without a shared vertex are NOT connected (no topology),
  which ``RoadNetwork.diagnose`` reports instead of silently under-counting;
- a stop is tied to the nearest point of the nearest segment if that lies
  within ``SNAP_TOLERANCE`` (100 m), like the native algorithm's start points;
  the segment is split there and the stop walks off from that point at cost 0.
  Stops farther than that are not used and are reported.

``reachable_lines`` then keeps every point of the network whose distance to the
nearest stop is at most the radius, including the parts of edges reached from
one end only or from both ends.
"""
import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Tuple

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsSpatialIndex

from ...compat import GeometryType
from ...i18n import tr
from ..errors import check_cancel

NODE_TOLERANCE = 0.01  # m: vertices this close are one node
SNAP_TOLERANCE = 100.0  # m: a stop farther than this from every road is not on the network
GAP_TOLERANCE = 5.0  # m: a dead end this close to another road, but not joined to it, looks like a gap
ISOLATED_LENGTH = 250.0  # m: a stop tied to a piece of network this short, not joined to the rest, is isolated


def _line_parts(geometry: QgsGeometry):
    """The vertex lists of every part of a (multi)line."""
    if geometry.isMultipart():
        return [[QgsPointXY(p) for p in part] for part in geometry.asMultiPolyline()]
    return [[QgsPointXY(p) for p in geometry.asPolyline()]]


@dataclass
class Tie:
    """Where a stop joins the network."""

    stop: int
    edge: int
    along: float  # distance from the edge's first node
    point: QgsPointXY
    distance: float  # from the stop to the network


@dataclass
class NetworkDiagnosis:
    components: int = 0
    largest_share: float = 1.0
    components_without_stop: int = 0
    length_without_stop_km: float = 0.0
    gaps: int = 0
    stops_far: List[int] = field(default_factory=list)
    stops_used: int = 0
    stops_isolated: List[int] = field(default_factory=list)  # tied to a short piece not joined to the network

    def notes(self, label: str) -> List[str]:
        notes = []
        if self.components > 1:
            notes.append(tr(
                "{layer}: the network falls into {n} disconnected parts (the largest holds {share:.1%} of the "
                "length); {m} parts ({km:.2f} km) have no stop and are not reachable. If roads that cross are "
                "not split at the crossing (no topology), split them (Processing Toolbox > Vector overlay > "
                "Split with lines) and snap their ends (Processing Toolbox > Vector geometry > Snap geometries "
                "to layer).").format(layer=label, n=self.components, share=self.largest_share,
                                               m=self.components_without_stop, km=self.length_without_stop_km))
        if self.gaps:
            notes.append(tr(
                "{layer}: {n} dead ends lie within {tol:g} m of another road without being joined to it "
                "(gaps in the network); walking distance stops there. Snap the line ends to close them.").format(
                layer=label, n=self.gaps, tol=GAP_TOLERANCE))
        if self.stops_far:
            shown = ", ".join(str(s) for s in self.stops_far[:10]) + (" …" if len(self.stops_far) > 10 else "")
            notes.append(tr(
                "{n} stops are more than {tol:g} m from every road and were not used for the walking-distance "
                "coverage (stop feature ids {ids}). Add the missing roads or check the stops' coordinates.").format(
                n=len(self.stops_far), tol=SNAP_TOLERANCE, ids=shown))
        isolated = [s for s in self.stops_isolated if s >= 0]  # (negative: a polygon's boundary points)
        if isolated:
            shown = ", ".join(str(s) for s in isolated[:10]) + (" …" if len(isolated) > 10 else "")
            notes.append(tr(
                "{layer}: {n} stops are tied to short pieces of network ({tol:g} m or less) not joined to the rest "
                "(platforms or paths mapped as ways of their own), so their walk ends there (stop feature ids "
                "{ids}). Join those pieces to the street network, or move the stops onto the street.").format(
                layer=label, n=len(isolated), tol=ISOLATED_LENGTH, ids=shown))
        return notes


class RoadNetwork:
    """An undirected graph of road segments in a projected CRS (metres)."""

    def __init__(self, lines: Sequence[QgsGeometry], node_tolerance: float = NODE_TOLERANCE, feedback=None):
        self.node_tolerance = node_tolerance
        self.xy: List[Tuple[float, float]] = []
        self._node_of: Dict[tuple, int] = {}
        self.edges: List[Tuple[int, int, float]] = []  # (node a, node b, length)
        for index, geometry in enumerate(lines):
            if index % 2000 == 0:
                check_cancel(feedback)
            if geometry is None or geometry.isEmpty() or geometry.type() != GeometryType.Line:
                continue
            for part in _line_parts(geometry):
                previous = None
                for point in part:
                    node = self._node(point.x(), point.y())
                    if previous is not None and node != previous:
                        ax, ay = self.xy[previous]
                        bx, by = self.xy[node]
                        self.edges.append((previous, node, math.hypot(bx - ax, by - ay)))
                    previous = node
        self._index = None

    def _node(self, x, y) -> int:
        key = (round(x / self.node_tolerance), round(y / self.node_tolerance))
        node = self._node_of.get(key)
        if node is None:
            node = len(self.xy)
            self._node_of[key] = node
            self.xy.append((x, y))
        return node

    @property
    def length(self) -> float:
        return sum(e[2] for e in self.edges)

    def edge_geometry(self, edge: int) -> QgsGeometry:
        a, b, _ = self.edges[edge]
        return QgsGeometry.fromPolylineXY([QgsPointXY(*self.xy[a]), QgsPointXY(*self.xy[b])])

    @property
    def index(self) -> QgsSpatialIndex:
        if self._index is None:
            self._index = QgsSpatialIndex(QgsSpatialIndex.Flag.FlagStoreFeatureGeometries)
            for edge in range(len(self.edges)):
                feature = QgsFeature(edge)
                feature.setGeometry(self.edge_geometry(edge))
                self._index.addFeature(feature)
        return self._index

    def _project(self, edge: int, x: float, y: float):
        """(distance along the edge, point, distance to it) of the point of ``edge`` nearest (x, y)."""
        a, b, length = self.edges[edge]
        ax, ay = self.xy[a]
        bx, by = self.xy[b]
        if length == 0:
            return 0.0, QgsPointXY(ax, ay), math.hypot(x - ax, y - ay)
        t = ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / (length * length)
        t = min(max(t, 0.0), 1.0)
        px, py = ax + t * (bx - ax), ay + t * (by - ay)
        return t * length, QgsPointXY(px, py), math.hypot(x - px, y - py)

    def tie(self, stops: Sequence[Tuple[int, QgsPointXY]], tolerance: float = SNAP_TOLERANCE):
        """(ties, far stop ids): each stop (id, point) tied to its nearest segment within ``tolerance``."""
        ties, far = [], []
        if not self.edges:
            return ties, [s for s, _ in stops]
        for stop, point in stops:
            best = None
            for edge in self.index.nearestNeighbor(point, 4, tolerance):
                along, snapped, distance = self._project(edge, point.x(), point.y())
                if best is None or distance < best.distance:
                    best = Tie(stop, edge, along, snapped, distance)
            if best is None or best.distance > tolerance:
                far.append(stop)
            else:
                ties.append(best)
        return ties, far

    def components(self) -> List[int]:
        """Component label of every node (union-find)."""
        parent = list(range(len(self.xy)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for a, b, _ in self.edges:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
        return [find(i) for i in range(len(self.xy))]

    def diagnose(self, ties: Sequence[Tie], far: Sequence[int]) -> NetworkDiagnosis:
        diagnosis = NetworkDiagnosis(stops_far=list(far), stops_used=len(ties))
        if not self.edges:
            return diagnosis
        labels = self.components()
        length_of = defaultdict(float)
        for a, _, length in self.edges:
            length_of[labels[a]] += length
        with_stop = {labels[self.edges[t.edge][0]] for t in ties}
        total = sum(length_of.values()) or 1.0
        diagnosis.components = len(length_of)
        diagnosis.largest_share = max(length_of.values()) / total
        largest = max(length_of, key=length_of.get)
        diagnosis.stops_isolated = [t.stop for t in ties if labels[self.edges[t.edge][0]] != largest
                                    and length_of[labels[self.edges[t.edge][0]]] <= ISOLATED_LENGTH]
        without = [c for c in length_of if c not in with_stop]
        diagnosis.components_without_stop = len(without)
        diagnosis.length_without_stop_km = sum(length_of[c] for c in without) / 1000.0
        degree = defaultdict(int)
        for a, b, _ in self.edges:
            degree[a] += 1
            degree[b] += 1
        for node, count in degree.items():
            if count != 1:
                continue
            x, y = self.xy[node]
            point = QgsPointXY(x, y)
            for edge in self.index.nearestNeighbor(point, 3, GAP_TOLERANCE):
                a, b, _ = self.edges[edge]
                if node in (a, b) or labels[a] == labels[node]:
                    continue  # joined, or a bend of the same connected road
                if self._project(edge, x, y)[2] <= GAP_TOLERANCE:
                    diagnosis.gaps += 1
                    break
        return diagnosis

    def distances(self, ties: Sequence[Tie], radius: float, feedback=None):
        """Multi-source Dijkstra, bounded by ``radius``.

        Returns (edges, distance per node): ``edges`` are the graph's edges with
        every tied segment split at its ties, as (node a, node b, length, (ax, ay),
        (bx, by)); nodes added for the ties come after the network's own."""
        xy = list(self.xy)
        by_edge = defaultdict(list)
        for tie in ties:
            by_edge[tie.edge].append(tie)
        sources = []
        edges = []
        for edge, (a, b, length) in enumerate(self.edges):
            if edge not in by_edge:
                edges.append((a, b, length))
                continue
            previous, previous_along = a, 0.0
            for tie in sorted(by_edge[edge], key=lambda t: t.along):
                if tie.along <= 0.0:
                    node = a
                elif tie.along >= length:
                    node = b
                else:
                    node = len(xy)
                    xy.append((tie.point.x(), tie.point.y()))
                sources.append(node)
                if node != previous:
                    edges.append((previous, node, tie.along - previous_along))
                previous, previous_along = node, tie.along
            if previous != b:
                edges.append((previous, b, length - previous_along))
        adjacency = [[] for _ in xy]
        for a, b, length in edges:
            adjacency[a].append((b, length))
            adjacency[b].append((a, length))
        distance = [math.inf] * len(xy)
        heap = []
        for node in set(sources):
            distance[node] = 0.0
            heap.append((0.0, node))
        heapq.heapify(heap)
        popped = 0
        while heap:
            d, node = heapq.heappop(heap)
            if d > distance[node]:
                continue
            popped += 1
            if popped % 20000 == 0:
                check_cancel(feedback)
            for other, length in adjacency[node]:
                candidate = d + length
                if candidate < distance[other] and candidate <= radius:
                    distance[other] = candidate
                    heapq.heappush(heap, (candidate, other))
        return [(a, b, length, xy[a], xy[b]) for a, b, length in edges], distance

    def reachable_lines(self, ties: Sequence[Tie], radius: float, feedback=None) -> List[QgsGeometry]:
        """Every part of the network within ``radius`` (network distance) of a tie, as segments."""
        edges, distance = self.distances(ties, radius, feedback)
        pieces = []

        def piece(start, end, length, ax, ay, bx, by):
            f0, f1 = start / length, end / length
            return QgsGeometry.fromPolylineXY([QgsPointXY(ax + f0 * (bx - ax), ay + f0 * (by - ay)),
                                               QgsPointXY(ax + f1 * (bx - ax), ay + f1 * (by - ay))])

        for a, b, length, (ax, ay), (bx, by) in edges:
            reach_a = radius - distance[a]
            reach_b = radius - distance[b]
            if reach_a < 0 and reach_b < 0 or length <= 0:
                continue
            if reach_a >= 0 and reach_b >= 0 and reach_a + reach_b >= length:
                pieces.append(QgsGeometry.fromPolylineXY([QgsPointXY(ax, ay), QgsPointXY(bx, by)]))
                continue
            if reach_a > 0:
                pieces.append(piece(0.0, min(reach_a, length), length, ax, ay, bx, by))
            if reach_b > 0:
                pieces.append(piece(length - min(reach_b, length), length, length, ax, ay, bx, by))
        return pieces


def network_from_lines(lines: Sequence[QgsGeometry], feedback=None) -> RoadNetwork:
    return RoadNetwork(lines, feedback=feedback)


def point_xy(geometry: QgsGeometry) -> List[QgsPointXY]:
    """Every point of a (multi)point geometry."""
    if geometry.isMultipart():
        return [QgsPointXY(p) for p in geometry.asMultiPoint()]
    return [QgsPointXY(geometry.asPoint())]


__all__ = ["RoadNetwork", "Tie", "NetworkDiagnosis", "NODE_TOLERANCE", "SNAP_TOLERANCE", "GAP_TOLERANCE",
           "ISOLATED_LENGTH", "point_xy"]
