"""Features as the readers give them (``inputs``): an id, attributes, and the geometry in the working
CRS, held as a QgsGeometry or, where the layer was read as WKB (``ogr_read``), as a shapely 2 geometry
from which the QgsGeometry is made only when something asks for it. The kernels take the shapely
geometries as they are (``shapes_of``, ``FeatureGeometries``): no QgsGeometry is built, nor converted
back, for a feature only the kernels look at."""
from typing import Dict, Sequence


class ReadFeature:
    """One feature read: ``fid``, ``geometry`` (QgsGeometry, built on first use from ``shape``),
    ``attributes`` ({field: value}) and ``shape`` (its shapely geometry, None when read by QGIS)."""

    __slots__ = ("fid", "_geometry", "attributes", "shape")

    def __init__(self, fid: int, geometry, attributes: Dict[str, object], shape=None):
        self.fid, self._geometry, self.attributes, self.shape = fid, geometry, attributes, shape

    @property
    def geometry(self):
        if self._geometry is None and self.shape is not None:
            from .overlay import as_qgis

            self._geometry = as_qgis([self.shape])[0]
        return self._geometry

    @geometry.setter
    def geometry(self, value):
        self._geometry, self.shape = value, None

    def __repr__(self):
        return f"ReadFeature({self.fid}, {self.attributes})"


def shapes_of(features: Sequence[ReadFeature]):
    """The features' geometries as a numpy array of shapely 2 geometries: those read as WKB as they
    are, the others converted (``overlay.as_shapely``)."""
    import numpy as np

    from .overlay import as_shapely

    out = np.empty(len(features), dtype=object)
    missing = []
    for position, feature in enumerate(features):
        if feature.shape is not None:
            out[position] = feature.shape
        else:
            missing.append(position)
    if missing:
        out[missing] = as_shapely([features[i].geometry for i in missing])
    return out


def materialize(features: Sequence[ReadFeature]) -> None:
    """Makes the QgsGeometry of every feature read as WKB that has none yet, all in one go
    (``overlay.as_qgis``: quicker than one at a time)."""
    from .overlay import as_qgis

    missing = [f for f in features if f._geometry is None and f.shape is not None]
    for feature, geometry in zip(missing, as_qgis([f.shape for f in missing])):
        feature._geometry = geometry


class FeatureGeometries(Sequence):
    """The geometries of features as a sequence of QgsGeometry (each built when asked for), which
    ``overlay.as_shapely`` and ``GeometryIndex`` take as shapely geometries without building any."""

    CHUNK = 1000  # geometries made together when one is asked for: a pass over all is made in chunks,
    # a look at the first few does not make them all (a 1 GB layer would be held twice)

    def __init__(self, features: Sequence[ReadFeature]):
        self.features = list(features)
        self._shapes = None

    def __len__(self):
        return len(self.features)

    def __getitem__(self, position):
        if isinstance(position, slice):
            chosen = self.features[position]
            materialize(chosen)
            return [f.geometry for f in chosen]
        feature = self.features[position]
        if feature._geometry is None and feature.shape is not None:
            start = position if position >= 0 else len(self.features) + position
            materialize(self.features[start:start + self.CHUNK])
        return feature.geometry

    def shapes(self):
        """The shapely 2 geometries (``shapes_of``), made once."""
        if self._shapes is None:
            self._shapes = shapes_of(self.features)
        return self._shapes
