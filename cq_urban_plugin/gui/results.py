"""Rows of the panel's results table, made from what a check algorithm returned.

Every number comes from the algorithm's results (MEASURED, TARGET, GAP,
PASSED, UNIT) or from its output layer; the panel computes none itself.
"""
from dataclasses import dataclass
from typing import List, Optional

from qgis.core import NULL, QgsCoordinateTransform, QgsProject, QgsRectangle

from ..i18n import tr


@dataclass
class ResultRow:
    check: str
    scope: str
    target: Optional[float]
    measured: Optional[float]
    unit: str
    gap: Optional[float]
    passed: Optional[bool]
    layer_id: str = ""      # the layer to zoom to
    fid: Optional[int] = None  # the township's feature in it; None: the whole layer
    reason: str = ""        # why the verdict is what it is (the control-line zone check's reason)
    figure: str = ""        # what the measured figure is of, when the unit does not say (e.g. 永久基本农田)

    @property
    def status(self) -> str:
        return {True: tr("met"), False: tr("not met"), None: tr("no target")}[self.passed]


def _number(value) -> Optional[float]:
    if value is None or value == NULL or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _flag(value) -> Optional[bool]:
    if value is None or value == NULL:
        return None
    if isinstance(value, str):
        return {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}.get(
            value.strip().lower())
    return bool(value)


def summary_row(check: str, scope: str, results: dict, layer=None) -> ResultRow:
    """The scope's figure beside its target, as the algorithm returned it."""
    return ResultRow(
        check=check, scope=scope,
        target=_number(results.get("TARGET")), measured=_number(results.get("MEASURED")),
        unit=str(results.get("UNIT") or ""), gap=_number(results.get("GAP")),
        passed=_flag(results.get("PASSED")), layer_id=layer.id() if layer is not None else "",
    )


def township_rows(check: str, layer, name_field: str, measured_field: str, unit: str,
                  target_field: str = "", passed_field: str = "") -> List[ResultRow]:
    """One row per township of a check's output layer (its own per-township figure)."""
    if layer is None or layer.fields().indexOf(measured_field) < 0:
        return []
    has = layer.fields().indexOf
    rows = []
    for feature in layer.getFeatures():
        measured = _number(feature[measured_field])
        target = _number(feature[target_field]) if target_field and has(target_field) >= 0 else None
        passed = _flag(feature[passed_field]) if passed_field and has(passed_field) >= 0 else None
        name = feature[name_field] if name_field and has(name_field) >= 0 else feature.id()
        rows.append(ResultRow(
            check=check, scope=str(name), target=target, measured=measured, unit=unit,
            gap=None if target is None or measured is None else measured - target,
            passed=passed, layer_id=layer.id(), fid=feature.id(),
        ))
    return rows


def table_rows(check: str, table, name_field: str, measured_field: str, unit: str, townships,
               townships_name_field: str, target_field: str = "", passed_field: str = "") -> List[ResultRow]:
    """One row per township of a check's table without geometry (the coverage table).

    The township is found by name in the township layer the check ran on, for
    the zoom; table rows naming no township (the whole-area total) are left
    out, since the summary row shows them.
    """
    if table is None or table.fields().indexOf(measured_field) < 0 or townships is None:
        return []
    fids = {}
    if townships.fields().indexOf(townships_name_field) >= 0:
        for feature in townships.getFeatures():
            fids.setdefault(str(feature[townships_name_field]), feature.id())
    has = table.fields().indexOf
    rows = []
    for feature in table.getFeatures():
        name = str(feature[name_field]) if has(name_field) >= 0 else ""
        if name not in fids:
            continue
        measured = _number(feature[measured_field])
        target = _number(feature[target_field]) if target_field and has(target_field) >= 0 else None
        rows.append(ResultRow(
            check=check, scope=name, target=target, measured=measured, unit=unit,
            gap=None if target is None or measured is None else measured - target,
            passed=_flag(feature[passed_field]) if passed_field and has(passed_field) >= 0 else None,
            layer_id=townships.id(), fid=fids[name],
        ))
    return rows


def row_extent(row: ResultRow, canvas_crs, project=None) -> Optional[QgsRectangle]:
    """The row's township (or layer) bounding box in the canvas's CRS, slightly padded."""
    project = project or QgsProject.instance()
    layer = project.mapLayer(row.layer_id) if row.layer_id else None
    return feature_extent(layer, row.fid, canvas_crs, project)


def feature_extent(layer, fid: Optional[int], canvas_crs, project=None) -> Optional[QgsRectangle]:
    """A feature's (fid None: the layer's) bounding box in the canvas's CRS, slightly padded."""
    project = project or QgsProject.instance()
    if layer is None:
        return None
    if fid is None:
        extent = layer.extent()
    else:
        feature = layer.getFeature(fid)
        if not feature.isValid() or not feature.hasGeometry():
            return None
        extent = feature.geometry().boundingBox()
    if extent.isNull() or extent.isEmpty() and extent.width() == 0 and extent.height() == 0:
        return None
    if layer.crs().isValid() and canvas_crs.isValid() and layer.crs() != canvas_crs:
        extent = QgsCoordinateTransform(layer.crs(), canvas_crs, project).transformBoundingBox(extent)
    extent.scale(1.1)
    return extent


def control_rows(check: str, layer, name_field: str) -> List[ResultRow]:
    """One row per township of the control-line check, showing the figure its verdict is about.

    The zone check of a 农产品主产区 town may fail on its farmland share, that of the other zones on the
    share inside the development boundary: the row shows the share of the line the reason names first
    (the failing one), with the reason itself, instead of always the development boundary's share."""
    from ..core.checks import control_lines as cl

    if layer is None or layer.fields().indexOf("zone_ok") < 0:
        return []
    has = layer.fields().indexOf
    rows = []
    for feature in layer.getFeatures():
        reason = feature["reason"] if has("reason") >= 0 and feature["reason"] not in (None, NULL) else ""
        kind = cl.zone_kind(feature["plan_zone"]) if has("plan_zone") >= 0 else None
        named = [(str(reason).find(cl.LINE_NAMES[line]), line) for line in cl.LINES
                 if cl.LINE_NAMES[line] in str(reason)]
        if named:
            line = min(named)[1]
        else:
            line = cl.FARMLAND if kind == cl.AGRICULTURE else cl.DEVELOPMENT
        field = f"{cl.LINE_PREFIX[line]}_pct"
        measured = _number(feature[field]) if has(field) >= 0 else None
        name = feature[name_field] if name_field and has(name_field) >= 0 else feature.id()
        rows.append(ResultRow(
            check=check, scope=str(name), target=None, measured=measured, unit="%", gap=None,
            passed=_flag(feature["zone_ok"]), layer_id=layer.id(), fid=feature.id(), reason=str(reason or ""),
            figure=cl.LINE_NAMES[line]))
    return rows
