"""CSV cells that a spreadsheet would evaluate as a formula.

A township name such as ``=HYPERLINK("http://…","x")``, ``+1+2``, ``-2+3`` or
``@SUM(A1)`` written raw into a CSV cell is run by Excel, LibreOffice Calc or
WPS when the table is opened: formula injection (CSV injection). As OWASP
recommends (https://owasp.org/www-community/attacks/CSV_Injection), every text
cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
written with a leading ``'``, which spreadsheets show as text and do not
evaluate. Only CSV (and other delimited text) outputs are changed: GeoPackage,
Shapefile and spreadsheet formats (XLSX, ODS store text cells as text) keep
the values as they are.
"""
from pathlib import Path

from qgis.core import QgsFeature

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DELIMITED_SUFFIXES = (".csv", ".tsv", ".txt")  # not .tab: MapInfo's


def neutralise(value):
    """``value`` with a leading ``'`` if it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def writes_delimited_text(destination) -> bool:
    """Whether a sink's destination (a path, perhaps with ``|layername=``) is a CSV file."""
    if not isinstance(destination, str) or not destination:
        return False
    path = destination.split("|")[0]
    if path.startswith("ogr:"):
        return False
    return Path(path).suffix.lower() in DELIMITED_SUFFIXES


def _safe(feature):
    attributes = feature.attributes()
    neutral = [neutralise(a) for a in attributes]
    if neutral == attributes:
        return feature
    copy = QgsFeature(feature)
    copy.setAttributes(neutral)
    return copy


class CsvSafeSink:
    """A feature sink writing to CSV whose text cells are neutralised; everything
    else is the wrapped sink's."""

    def __init__(self, sink):
        self._sink = sink

    def addFeature(self, feature, *args):  # noqa: N802 (QGIS's name)
        return self._sink.addFeature(_safe(feature), *args)

    def addFeatures(self, features, *args):  # noqa: N802 (QGIS's name)
        return self._sink.addFeatures([_safe(f) for f in features], *args)

    def __getattr__(self, name):
        return getattr(self._sink, name)


def csv_safe_sink(sink, destination):
    """``sink`` itself, or a CsvSafeSink around it when it writes a CSV file."""
    if sink is None or not writes_delimited_text(destination):
        return sink
    return CsvSafeSink(sink)
