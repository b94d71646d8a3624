"""Shapefiles whose attributes are GBK text.

Chinese Shapefiles written by older ArcGIS or CAD exports store their text in
GBK and often come without a ``.cpg`` file. QGIS then reads the bytes as UTF-8
and every Chinese name turns into U+FFFD replacement characters, which no
later step can undo. The check opens such a file again with GBK and uses that
copy when it reads cleanly; it never writes to the user's file.
"""
from pathlib import Path
from typing import Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ..compat import FeatureRequestFlag, FieldType

REPLACEMENT = "\ufffd"
_SAMPLE = 200  # features looked at: enough to catch GBK names, cheap on big layers


def _has_replacement(layer: QgsVectorLayer) -> bool:
    text_fields = [i for i, f in enumerate(layer.fields()) if f.type() == FieldType.String]
    if not text_fields:
        return False
    request = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry).setSubsetOfAttributes(text_fields)
    request.setLimit(_SAMPLE)
    for feature in layer.getFeatures(request):
        for index in text_fields:
            value = feature.attribute(index)
            if isinstance(value, str) and REPLACEMENT in value:
                return True
    return False


def shapefile_path(source: str) -> Optional[Path]:
    if not isinstance(source, str):
        return None
    path = Path(source.split("|")[0])
    return path if path.suffix.lower() == ".shp" and path.exists() else None


def reopen_gbk_shapefile(path: Path, name: str) -> Tuple[Optional[QgsVectorLayer], str]:
    """(a GBK-decoded layer, a note) when the file's text is not UTF-8 but reads as
    GBK; (None, "") when the file is fine or is something else."""
    if path.with_suffix(".cpg").exists() or path.with_suffix(".CPG").exists():
        return None, ""  # the file says its encoding; QGIS honours it
    as_is = QgsVectorLayer(str(path), name, "ogr")
    if not as_is.isValid() or not _has_replacement(as_is):
        return None, ""
    # GDAL's open option, not setProviderEncoding(): that one changes a process-wide
    # GDAL setting (SHAPE_ENCODING) and garbles every Shapefile opened afterwards.
    gbk = QgsVectorLayer(f"{path}|option:ENCODING=GBK", name, "ogr")
    if _has_replacement(gbk):
        return None, ""
    return gbk, path.name
