"""Shapefiles whose attributes are GBK text.

Chinese Shapefiles written by older ArcGIS or CAD exports store their text in
GBK and often come without a ``.cpg`` file. QGIS then reads the bytes as UTF-8
and every Chinese name turns into U+FFFD replacement characters, which no
later step can undo. The same happens when a ``.cpg`` wrongly says UTF-8 (a
file re-saved by one tool, its .cpg by another): then the .dbf's bytes are not
valid UTF-8 but are valid GBK. The check opens such a file again with GBK and
uses that copy when it reads cleanly, and says which file is wrong; it never
writes to the user's file. Text that is Big5 (traditional-Chinese exports) is
structurally valid GBK too, but decodes to rare characters outside GB 2312: such
text is read as Big5 when it decodes so. Text that is none of these is said to
be unreadable, with the fix, rather than passed on as replacement characters.
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


def _dbf_records(path: Path) -> bytes:
    dbf = _sidecar(path, ".dbf")
    if dbf is None:
        return b""
    try:
        with open(dbf, "rb") as handle:
            header = handle.read(32)
            if len(header) < 32:
                return b""
            handle.seek(int.from_bytes(header[8:10], "little"))
            return handle.read(_DBF_SAMPLE)
    except OSError:
        return b""


def _gb2312_share(data: bytes) -> float:
    """Of the two-byte GBK characters in ``data``, the share inside GB 2312's hanzi
    rows (lead 0xB0–0xF7, trail 0xA1–0xFE): near 1 for real GBK text, about a half
    for Big5 bytes read as GBK."""
    inside = total = 0
    position = 0
    while position < len(data) - 1:
        lead = data[position]
        if lead < 0x81:
            position += 1
            continue
        trail = data[position + 1]
        total += 1
        inside += 0xB0 <= lead <= 0xF7 and 0xA1 <= trail <= 0xFE
        position += 2
    return inside / total if total else 1.0


def _decodes(data: bytes, codec: str) -> bool:
    try:
        codecs.getincrementaldecoder(codec)().decode(data, final=False)
        return True
    except UnicodeDecodeError:
        return False


def _reopened(path: Path, name: str, encoding: str) -> Optional[QgsVectorLayer]:
    # GDAL's open option, not setProviderEncoding(): that one changes a process-wide
    # GDAL setting (SHAPE_ENCODING) and garbles every Shapefile opened afterwards.
    layer = QgsVectorLayer(f"{path}|option:ENCODING={encoding}", name, "ogr")
    return layer if layer.isValid() and not _has_replacement(layer) else None


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
    records = _dbf_records(path)
    if cpg is not None and _decodes(records, "utf-8"):
        return None, ""  # valid UTF-8 as its .cpg says: the replacement characters are the file's own
    big5 = _gb2312_share(records) < 0.8 and _decodes(records, "big5")
    encoding = "CP950" if big5 else "GBK"
    layer = _reopened(path, name, encoding) if big5 or _decodes(records, "gbk") else None
    if layer is None:
        return None, tr(
            "The text of {file} is neither UTF-8, GBK nor Big5{said}: its names cannot be read and would come out "
            "as replacement characters. Find out the encoding the file was written in and save a file "
            "{stem}.cpg beside it naming it (for example CP936, BIG5 or UTF-8), or export the layer again as "
            "UTF-8.").format(file=path.name, stem=path.stem,
                             said=tr(" (its .cpg says UTF-8)") if cpg is not None else "")
    word = "BIG5" if big5 else "GBK"
    if cpg is not None:
        return layer, tr(
            "{cpg} says the text of {file} is UTF-8, but it is not: its bytes are {encoding}, so it was read as "
            "{encoding}. To make this permanent, replace the content of {cpg} with the word {encoding}."
        ).format(cpg=cpg.name, file=path.name, encoding=word)
    return layer, tr(
        "{file} has no .cpg file and its text is not UTF-8: it was read as {encoding}. To make this permanent, "
        "save a file {stem}.cpg containing the word {encoding} beside it.").format(
            file=path.name, stem=path.stem, encoding=word)
