"""The one prelude of every check: where the work is done and how it is measured.

Every check starts the same way: the combined extent of its input layers (each
layer's CRS and coordinates checked on the way), a refusal when there is nothing
to measure, the working projection (the CGCS2000 Gauss-Krüger zone of the data,
``measure.choose_projection``), the check that the data lie in China, the area
meter, and then its layers read into the working CRS with a tally of what was
repaired, skipped or reprojected. ``Workspace.open`` does all of it once, with
the transform context of the run, and the workspace's readers keep the notes.

How to use it::

    from ..geo.workspace import Workspace

    workspace = Workspace.open([(served, served_label), (stops, stops_label)],
                               method=AreaMethod.GK_ZONE,        # or AreaMethod.ELLIPSOID
                               feedback=feedback,
                               transform_context=None,           # None: the running algorithm's
                               not_empty=[(served, served_label)])  # refused at once when it has no feature
    polygons = workspace.read_polygons(served, served_label, fields=["pop"])   # [ReadFeature]
    points = workspace.read_points(stops, stops_label, allow_empty=True)
    lines = workspace.read_lines(roads, roads_label)
    workspace.note("a note of the check's own")     # kept in order with the readers' notes
    workspace.crs, workspace.projection.describe(), workspace.meter.km2(geometry)
    workspace.notes                                  # every note so far, in the order they arose
    with workspace.transforms():                     # other transforms of the check: same context
        ...

The sources are Processing feature sources or vector layers (anything with
``sourceCrs``, ``sourceExtent``, ``featureCount`` and ``getFeatures``); a source
given as None is left out, except that a first source of None cannot be opened.
Errors are ``PlanInputError``, with the layer's label in the message.
"""
import contextlib
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from qgis.core import QgsCoordinateTransformContext

from ...i18n import tr
from ..errors import PlanInputError
from . import transforms
from .inputs import ReadFeature, ReadTally, combined_extent, read_lines, read_points, read_polygons
from .measure import AreaMeter, AreaMethod, Projection, check_in_china, choose_projection


def empty_layer(label: str) -> PlanInputError:
    return PlanInputError(tr("Layer '{layer}' is empty.").format(layer=label),
                          tr("Choose a layer with features, or check its filter (subset string)."))


def unopened_layer(label: str) -> PlanInputError:
    return PlanInputError(tr("Layer '{layer}' could not be opened.").format(layer=label),
                          tr("Check that the file or database is reachable."))


def remembered(store: Optional[dict], key, make, keep=()):
    """``make()``, kept in ``store`` under ``key`` for the next caller sharing it (the facility types
    of one coverage run); with no store, made each time. ``keep``: the objects whose ``id`` is in
    ``key``, held with the value so that no other object takes that id while it is kept."""
    if store is None:
        return make()
    if key not in store:
        store[key] = (make(), keep)
    return store[key][0]


@dataclass
class Workspace:
    """The working projection, the area meter and the readers of one check run."""

    projection: Projection
    meter: AreaMeter
    sources: List[Tuple[object, str]]                  # (source, label) of every layer given, None left out
    transform_context: QgsCoordinateTransformContext
    feedback: object = None
    notes: List[str] = field(default_factory=list)     # the readers' notes and the check's own, in order
    tallies: List[ReadTally] = field(default_factory=list)
    # Layers already read, shared by the workspaces of one run of several checks over the same layers
    # (the facility types of one coverage): {key: (features, tally)}; None: every layer is read.
    reads: Optional[dict] = None

    @classmethod
    def open(cls, sources_and_labels: Sequence[Tuple[object, str]], *, method: str = AreaMethod.GK_ZONE,
             feedback=None, transform_context: Optional[QgsCoordinateTransformContext] = None,
             not_empty: Sequence[Tuple[object, str]] = ()) -> "Workspace":
        """The workspace of layers ``sources_and_labels`` ((source, label), the main layer first).

        ``not_empty``: layers refused at once when they hold no feature, before any other check.
        A combined extent of nothing is refused too: the first layer could not be opened (None)
        or is empty. ``transform_context``: the datum-transform choices every transform of the run
        uses (a Processing run's ``context.transformContext()``); None: the running algorithm's,
        else the project's."""
        for source, label in not_empty:
            if source is not None and source.featureCount() == 0:
                raise empty_layer(label)
        context = QgsCoordinateTransformContext(transform_context if transform_context is not None
                                                else transforms.current_context())
        given = list(sources_and_labels)
        sources = [(source, label) for source, label in given if source is not None]
        with transforms.run_context(context):
            extent = combined_extent(sources)
            if extent is None:
                first_source, first_label = given[0] if given else (None, tr("input layer"))
                raise unopened_layer(first_label) if first_source is None else empty_layer(first_label)
            projection = choose_projection(extent[0], extent[1], method)
            # Degrees outside China: a layer's CRS is set wrong (metres declared as EPSG:4490, …).
            check_in_china(projection, ", ".join(f"'{label}'" for _, label in sources))
            meter = AreaMeter(projection)
        return cls(projection, meter, sources, context, feedback)

    @property
    def crs(self):
        """The working CRS: every geometry the readers give is in it."""
        return self.projection.crs

    def inputs(self) -> List[str]:
        """The layers, as a report lists them: label, CRS, feature count."""
        return [f"{label}: {source.sourceCrs().authid() or source.sourceCrs().description()}, "
                f"{source.featureCount()} " + tr("features") for source, label in self.sources]

    @contextlib.contextmanager
    def transforms(self):
        """Within it, transforms made on this thread use the workspace's transform context."""
        with transforms.run_context(self.transform_context):
            yield

    def note(self, text: str) -> None:
        self.notes.append(text)

    def once(self, key, make, keep=()):
        """``make()``, or what it gave for ``key`` before in a run sharing ``reads`` (``remembered``)."""
        return remembered(self.reads, key, make, keep)

    def _read(self, reader, source, label, fields, allow_empty, keep=None) -> List[ReadFeature]:
        key = (id(source), reader.__name__, label, tuple(fields), allow_empty, self.crs.toWkt(),
               None if keep is None else frozenset(keep))
        if self.reads is not None and key in self.reads:
            features, tally = self.reads[key]  # the same features and tally as reading it again
        else:
            with transforms.run_context(self.transform_context):
                extra = {} if keep is None else {"keep": keep}
                features, tally = reader(source, self.crs, label, tuple(fields), self.feedback, allow_empty, **extra)
            if self.reads is not None:
                self.reads[key] = (features, tally)
        self.tallies.append(tally)
        self.notes.extend(tally.notes())
        return features

    def read_polygons(self, source, label: str = "", fields=(), allow_empty: bool = False,
                      keep=None) -> List[ReadFeature]:
        """The polygons of ``source`` in the working CRS, repaired (``inputs.read_polygons``; only the
        feature ids in ``keep``, when given); their tally's notes are added to ``notes``."""
        return self._read(read_polygons, source, label, fields, allow_empty, keep)

    def read_points(self, source, label: str = "", fields=(), allow_empty: bool = False) -> List[ReadFeature]:
        return self._read(read_points, source, label, fields, allow_empty)

    def read_lines(self, source, label: str = "", fields=(), allow_empty: bool = False) -> List[ReadFeature]:
        return self._read(read_lines, source, label, fields, allow_empty)
