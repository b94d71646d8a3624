"""Shapefiles whose attributes are GBK text.

Chinese Shapefiles written by older ArcGIS or CAD exports store their text in
GBK and often come without a ``.cpg`` file. QGIS then reads the bytes as UTF-8
and every Chinese name turns into U+FFFD replacement characters, which no
later step can undo. The same happens when a ``.cpg`` wrongly says UTF-8 (a
file re-saved by one tool, its .cpg by another): then the .dbf's bytes are not
valid UTF-8 but are valid GBK. The check opens such a file again with GBK and
uses that copy when it reads cleanly, and says which file is wrong; it never
writes to the user's file.
"""
import codecs
from pathlib import Path
from typing import Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ...compat import FeatureRequestFlag, FieldType
from ...i18n import tr

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


_DBF_SAMPLE = 16 * 1024 * 1024  # bytes of records decoded to tell UTF-8 from GBK


def _sidecar(path: Path, suffix: str) -> Optional[Path]:
    for candidate in (path.with_suffix(suffix.lower()), path.with_suffix(suffix.upper())):
        if candidate.exists():
            return candidate
    return None


def says_utf8(cpg: Path) -> bool:
    """Whether a .cpg names UTF-8 (UTF-8, utf8, 65001 as ArcGIS writes it)."""
    try:
        text = cpg.read_bytes()[:64].decode("ascii", "replace").strip().lower()
    except OSError:
        return False
    return text.replace("-", "").replace("_", "") in ("utf8", "65001", "cp65001")


def dbf_text_is_gbk(path: Path) -> bool:
    """Whether the records of the Shapefile's .dbf are not valid UTF-8 but are valid GBK."""
    dbf = _sidecar(path, ".dbf")
    if dbf is None:
        return False
    try:
        with open(dbf, "rb") as handle:
            header = handle.read(32)
            if len(header) < 32:
                return False
            handle.seek(int.from_bytes(header[8:10], "little"))
            data = handle.read(_DBF_SAMPLE)
    except OSError:
        return False
    try:  # incremental decoders: a character cut at the end of the sample is no error
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
        return False
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gbk")().decode(data, final=False)
        return True
    except UnicodeDecodeError:
        return False


def reopen_gbk_shapefile(path: Path, name: str) -> Tuple[Optional[QgsVectorLayer], str]:
    """(a GBK-decoded layer, the warning to give) when the file's text is not UTF-8
    but reads as GBK, and either no .cpg says its encoding or the .cpg wrongly says
    UTF-8 (the .dbf bytes are not UTF-8); (None, "") when the file is fine or is
    something else."""
    cpg = _sidecar(path, ".cpg")
    if cpg is not None and not says_utf8(cpg):
        return None, ""  # the file says its encoding; QGIS honours it
    as_is = QgsVectorLayer(str(path), name, "ogr")
    if not as_is.isValid() or not _has_replacement(as_is):
        return None, ""
    if cpg is not None and not dbf_text_is_gbk(path):
        return None, ""
    # GDAL's open option, not setProviderEncoding(): that one changes a process-wide
    # GDAL setting (SHAPE_ENCODING) and garbles every Shapefile opened afterwards.
    gbk = QgsVectorLayer(f"{path}|option:ENCODING=GBK", name, "ogr")
    if not gbk.isValid() or _has_replacement(gbk):
        return None, ""
    if cpg is not None:
        return gbk, tr(
            "{cpg} says the text of {file} is UTF-8, but it is not: its bytes are GBK (as older ArcGIS and CAD "
            "exports write them), so it was read as GBK. To make this permanent, replace the content of {cpg} "
            "with the word GBK.").format(cpg=cpg.name, file=path.name)
    return gbk, tr(
        "{file} has no .cpg file and its text is not UTF-8: it was read as GBK. To make this permanent, "
        "save a file {stem}.cpg containing the word GBK beside it.").format(file=path.name, stem=path.stem)
