"""A check's tables as an Excel workbook (.xlsx), written by GDAL's XLSX driver: no new dependency.

One sheet per table, the columns headed in the interface's words, areas in the unit the user chose
(km², 公顷 or 亩), percentages with one decimal, and a total row (合计) where a total makes sense:
areas, counts and populations are summed over the township rows (a table with a ``level`` column
sums its ``township`` rows only); percentages, ratios, targets and flags are left empty there, since
a sum of them means nothing.
"""
import os
import re
from dataclasses import dataclass, field
from typing import List, Sequence

from ...compat import is_null
from ...i18n import tr
from ..errors import PlanInputError
from .atomic import atomic_write

# Areas the checks write are in km² (fields named *_km2); what one km² is in each unit offered.
AREA_UNITS = ("km2", "ha", "mu")
UNIT_FACTORS = {"km2": 1.0, "ha": 100.0, "mu": 1500.0}
# Fields that are not summed, though numbers: flags, ids, years, targets and their gaps, ratios.
NOT_ADDITIVE = {"passed", "in_scope", "zone_ok", "year", "feature", "near_fid", "measured", "target", "gap",
                "nearest_m", "m2_per_cap", "dist_m"}


def unit_label(unit: str) -> str:
    return {"km2": "km²", "ha": tr("ha"), "mu": tr("mu")}[unit]


def column_kind(name: str, is_text: bool, is_integer: bool) -> str:
    """'text', 'area', 'percent', 'count', 'population' or 'number', from the field's name and type."""
    lowered = name.lower()
    if is_text:
        return "text"
    if lowered.endswith("_km2"):
        return "area"
    if lowered.endswith("_pct") or lowered in ("share", "pct", "percent"):
        return "percent"
    if lowered in NOT_ADDITIVE:
        return "number"
    if is_integer:
        return "count"
    if lowered.startswith("pop") or lowered == "population":
        return "population"
    return "number"


@dataclass
class Sheet:
    """One table: its sheet name, the field names and their kinds, the headers shown, the rows."""
    name: str
    fields: List[str]
    kinds: List[str]
    headers: List[str]
    rows: List[list] = field(default_factory=list)
    whole_rows: tuple = ()   # labels of rows that are already a whole (the coverage table's whole served area)


def township_rows(names: Sequence[str], rows: Sequence[list], whole_rows=()) -> List[list]:
    """The rows of one township each: a table with a ``level`` column keeps its ``township`` rows, and
    a row labelled as a whole (``whole_rows``) is left out."""
    level = names.index("level") if "level" in names else None
    return [r for r in rows if (level is None or r[level] == "township")
            and not any(isinstance(v, str) and v in whole_rows for v in r)]


def _words():
    """The codes the checks write in their tables (level, yes/no), in the interface's words."""
    return {"township": tr("township"), "group": tr("group"), "scope": tr("scope"),
            "outside": tr("outside every township"), "yes": tr("yes"), "no": tr("no")}


def _cell(value, kind: str, factor: float):
    if is_null(value):
        return None
    if kind == "text":
        return _words().get(str(value), str(value))
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if kind == "area":
        return round(number * factor, 4)
    if kind == "percent":
        return round(number, 1)
    if kind == "count":
        return int(round(number))
    return round(number, 3)


def total_row(sheet: Sheet, factor: float = 1.0):
    """The 合计 row of ``sheet`` (its values already in the sheet's unit), or None when no column adds up."""
    additive = [i for i, k in enumerate(sheet.kinds) if k in ("area", "count", "population")]
    if not additive or not sheet.rows:
        return None
    level = sheet.fields.index("level") if "level" in sheet.fields else None
    rows = township_rows(sheet.fields, sheet.rows, sheet.whole_rows)
    if not rows:
        return None
    total = [None] * len(sheet.fields)
    for i in additive:
        values = [_cell(r[i], sheet.kinds[i], factor) for r in rows]
        values = [v for v in values if isinstance(v, (int, float))]
        if values:
            total[i] = round(sum(values), 4) if sheet.kinds[i] != "count" else sum(values)
    texts = [i for i, k in enumerate(sheet.kinds) if k == "text"]
    label_at = next((i for i in texts if i != level), texts[0] if texts else None)
    if label_at is None:
        return None
    total[label_at] = tr("Total")
    if level is not None:
        total[level] = tr("Total")
    return total


def _headers(sheet: Sheet, unit: str) -> List[str]:
    """Headers with the area unit written in them, each unique (a sheet's columns are named by them)."""
    seen, out = set(), []
    for header, kind in zip(sheet.headers, sheet.kinds):
        text = str(header)
        if kind == "area":
            text = text.replace("km²", unit_label(unit)) if "km²" in text else f"{text} ({unit_label(unit)})"
        base, number = text, 2
        while text in seen:
            text, number = f"{base} ({number})", number + 1
        seen.add(text)
        out.append(text)
    return out


def _sheet_name(name: str, taken: set) -> str:
    text = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:31] or "Sheet"
    base, number = text, 2
    while text in taken:
        text, number = f"{base[:28]} {number}", number + 1
    taken.add(text)
    return text


def write_xlsx(path, sheets: Sequence[Sheet], unit: str = "km2") -> str:
    """Write ``sheets`` into the workbook ``path`` (replaced whole once it is complete)."""
    from osgeo import ogr

    if unit not in UNIT_FACTORS:
        raise ValueError(unit)
    factor = UNIT_FACTORS[unit]

    def write(temporary):
        driver = ogr.GetDriverByName("XLSX")
        if driver is None:
            raise PlanInputError(tr("This GDAL has no XLSX driver, so no .xlsx table can be written."),
                                 tr("Leave the Excel table output empty, or use a QGIS whose GDAL has it."))
        os.unlink(temporary)  # GDAL creates the workbook itself
        dataset = driver.CreateDataSource(str(temporary))
        taken = set()
        for sheet in sheets:
            layer = dataset.CreateLayer(_sheet_name(sheet.name, taken), geom_type=ogr.wkbNone)
            headers = _headers(sheet, unit)
            for header, kind in zip(headers, sheet.kinds):
                kind_type = {"text": ogr.OFTString, "count": ogr.OFTInteger64}.get(kind, ogr.OFTReal)
                layer.CreateField(ogr.FieldDefn(header, kind_type))
            total = total_row(sheet, factor)
            rows = [[_cell(v, k, factor) for v, k in zip(row, sheet.kinds)] for row in sheet.rows]
            for values in rows + ([total] if total is not None else []):
                feature = ogr.Feature(layer.GetLayerDefn())
                for index, value in enumerate(values):
                    if value is None:
                        continue
                    if isinstance(value, str) and sheet.kinds[index] != "text":
                        continue  # a word in a column of numbers: left empty, not read as 0
                    feature.SetField(index, value)
                layer.CreateFeature(feature)
        dataset = None

    return atomic_write(path, write)
