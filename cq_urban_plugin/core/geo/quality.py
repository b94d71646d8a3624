"""The quality pass a technician runs first on a survey delivery: what in it would make a
check wrong, each issue with its rule, its layer and feature, and the fix.

Rules (ids are stable: a bureau can filter and count them):
- Q01 a standard field the checks read is missing from its layer;
- Q02 a 地类编码 (DLBM) outside the 三调 classification;
- Q03 a 城镇村属性码 (CZCSXM) outside its code list;
- Q04 two 地类图斑 overlap (land counted twice);
- Q05 a gap between townships (land in no township);
- Q06 a parcel's recorded area (TBMJ) differs from its ellipsoidal area by more than the threshold;
- Q07 a 地类面积 (TBDLMJ) larger than its parcel's area (TBMJ), which the 田坎 deduction cannot give.

Codes: the tables of ``landcodes`` (三调 工作分类, TD/T 1055-2019 附录 A, its letter suffixes read as
their family; 城镇村属性码 201–205 with A).
"""
from dataclasses import dataclass
from typing import List, Optional

from qgis.core import QgsDistanceArea, QgsGeometry, QgsPolygon

from ...i18n import tr
from ..errors import check_cancel
from . import transforms
from .delivery import Delivery
from .landcodes import CZCSXM_CODES, sandiao_family
from .overlay import pairwise_overlaps, union_all

AREA_TOLERANCE = 0.01      # Q06: recorded and ellipsoidal areas this far apart (a share) are flagged
MIN_AREA_M2 = 1.0          # Q04, Q05: smaller overlaps and gaps are digitising noise


@dataclass
class Issue:
    rule: str
    layer: str
    fid: Optional[int]
    value: str
    message: str
    fix: str
    geometry: Optional[QgsGeometry] = None


def _field(layer, name):
    return next((f.name() for f in layer.fields() if f.name().upper() == name), None)


def _meter(layer):
    meter = QgsDistanceArea()
    meter.setSourceCrs(layer.crs(), transforms.current_context())
    meter.setEllipsoid("GRS80")  # CGCS2000's ellipsoid
    return meter


def check_quality(delivery: Delivery, layers: dict, *, area_tolerance: float = AREA_TOLERANCE,
                  feedback=None) -> List[Issue]:
    """The issues of a delivery's layers ({role: (layer, label, notes)} as delivery.open_layers gives)."""
    issues: List[Issue] = []
    for found in delivery.layers:
        for name in found.missing_fields:
            issues.append(Issue("Q01", found.name, None, name,
                                tr("Field {field} of the standard is missing.").format(field=name),
                                tr("Add it from the survey database, or tell the check which field holds it.")))
    if "landuse" in layers:
        issues.extend(_landuse_issues(*layers["landuse"][:2], area_tolerance, feedback))
    if "townships" in layers:
        issues.extend(_gaps(*layers["townships"][:2], feedback))
    return issues


def _landuse_issues(layer, label, area_tolerance, feedback) -> List[Issue]:
    issues = []
    dlbm, czcsxm, tbmj, tbdlmj = (_field(layer, n) for n in ("DLBM", "CZCSXM", "TBMJ", "TBDLMJ"))
    meter = _meter(layer) if tbmj else None
    geometries = []
    for position, feature in enumerate(layer.getFeatures()):
        if position % 1000 == 0:
            check_cancel(feedback)
        geometry = feature.geometry()
        fid = feature.id()
        if dlbm:
            code = str(feature[dlbm] or "").strip()
            if sandiao_family(code) is None:
                issues.append(Issue("Q02", label, fid, code,
                                    tr("地类编码 '{code}' is not a code of the 三调 classification.").format(code=code),
                                    tr("Correct it to a code of TD/T 1055-2019 附录 A (e.g. 0701, 0201K)."), geometry))
        if czcsxm:
            value = feature[czcsxm]
            code = "" if value is None or str(value) == "NULL" else str(value).strip().upper()
            if code and code not in CZCSXM_CODES:
                issues.append(Issue("Q03", label, fid, code,
                                    tr("城镇村属性码 '{code}' is not one of 201, 202, 203, 204, 205 (with A).").format(
                                        code=code),
                                    tr("Correct it, or leave it empty for land outside 城镇村."), geometry))
        recorded = _number(feature[tbmj]) if tbmj else None
        if meter is not None and recorded is not None and geometry is not None and not geometry.isEmpty():
            measured = meter.measureArea(geometry)
            if measured > 0 and abs(recorded - measured) / measured > area_tolerance:
                issues.append(Issue(
                    "Q06", label, fid, f"{recorded:.1f}",
                    tr("Recorded area TBMJ {recorded:,.1f} m² and the parcel's ellipsoidal area {measured:,.1f} m² "
                       "differ by {share:.1f} %.").format(recorded=recorded, measured=measured,
                                                          share=100 * abs(recorded - measured) / measured),
                    tr("Check the parcel's outline and its TBMJ; the survey's tables quote TBMJ."), geometry))
        if tbmj and tbdlmj:
            land = _number(feature[tbdlmj])
            if land is not None and recorded is not None and land > recorded + 0.01:
                issues.append(Issue("Q07", label, fid, f"{land:.1f}",
                                    tr("地类面积 TBDLMJ {land:,.1f} m² is larger than the parcel's TBMJ "
                                       "{recorded:,.1f} m².").format(land=land, recorded=recorded),
                                    tr("TBDLMJ is TBMJ less the 田坎 deduction: correct one of them."), geometry))
        geometries.append((fid, geometry))
    for fid_a, fid_b, overlap in pairwise_overlaps(geometries):
        if overlap.area() > MIN_AREA_M2 or layer.crs().isGeographic():
            issues.append(Issue("Q04", label, fid_a, str(fid_b),
                                tr("Parcels {a} and {b} overlap: their land would be counted twice.").format(
                                    a=fid_a, b=fid_b),
                                tr("Correct the outlines so that the parcels tile the land."), overlap))
    return issues


def _gaps(layer, label, feedback) -> List[Issue]:
    union = union_all([f.geometry() for f in layer.getFeatures() if f.hasGeometry()], feedback)
    issues = []
    for part in union.constParts():
        for ring in range(1, part.numInteriorRings() + 1):
            polygon = QgsPolygon()
            polygon.setExteriorRing(part.interiorRing(ring - 1).clone())
            hole = QgsGeometry(polygon)
            if hole.area() > MIN_AREA_M2 or layer.crs().isGeographic():
                issues.append(Issue("Q05", label, None, f"{hole.area():.1f}",
                                    tr("Land inside the townships belongs to none of them ({area:,.1f} square units "
                                       "of the layer's CRS).").format(area=hole.area()),
                                    tr("Close the gap between the township outlines, or add the missing unit."),
                                    hole))
    return issues


def _number(value) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number else None
