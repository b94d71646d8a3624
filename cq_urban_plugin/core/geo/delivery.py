"""National survey and planning deliveries, read as they come.

A technician receives a File Geodatabase, a GeoPackage or a folder of
Shapefiles holding the layers of the national standards by their codes — 地类图斑
``DLTB``, 行政区 ``XZQ``, 城镇开发边界 ``CZKFBJ`` … — often with Chinese aliases,
sometimes in a Gauss-Krüger zone whose X carries the zone number in front, and
sometimes with no ``.prj``. ``recognise`` finds the layer each role of the checks
needs (by code, by alias, or by the standard's fields, in that order) and says
what it recognised and from what; ``infer_crs`` works out the CRS of a layer
whose CRS is missing or does not fit its coordinates, and says how, or refuses
to guess. Nothing here writes to the delivery.

Layer codes and fields: 《国土调查数据库标准》TD/T 1057-2020 (DLTB, XZQ, CZCDYD)
and 《市级国土空间总体规划数据库规范（试行）》自然资源部 2019 (CZKFBJ, STBHHX,
YJJBNTTB, GHFQ).
"""
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence

from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle, QgsVectorLayer

from ...i18n import tr
from ..errors import PlanInputError
from . import transforms


@dataclass(frozen=True)
class StandardLayer:
    code: str                 # the standard's layer code
    role: str                 # the input of the checks it fills
    aliases: tuple            # Chinese names it is delivered under
    fields: tuple = ()        # fields that identify it when neither code nor alias does
    expected: tuple = ()      # fields the checks read from it (missing ones are reported)


# In the order a role is filled: a role takes the first layer recognised for it.
STANDARD_LAYERS = (
    StandardLayer("XZQ", "townships", ("行政区", "乡级行政区", "乡镇行政区", "乡镇"), ("XZQDM", "XZQMC"),
                  ("XZQDM", "XZQMC")),
    StandardLayer("DLTB", "landuse", ("地类图斑",), ("DLBM", "DLMC", "TBMJ", "ZLDWDM"),
                  ("DLBM", "DLMC", "CZCSXM", "TBMJ", "ZLDWDM")),
    StandardLayer("CZCDYD", "builtup", ("城镇村等用地",), (), ("CZCLX",)),
    StandardLayer("CZKFBJ", "development", ("城镇开发边界",)),
    StandardLayer("STBHHX", "ecology", ("生态保护红线",)),
    StandardLayer("YJJBNTTB", "farmland", ("永久基本农田图斑", "永久基本农田保护图斑", "永久基本农田")),
    StandardLayer("GHFQ", "zones", ("规划分区",)),
)
ROLES = tuple(s.role for s in STANDARD_LAYERS)


def role_name(role: str) -> str:
    """A role in the interface's language."""
    return {
        "townships": tr("township boundaries"), "landuse": tr("land use"), "builtup": tr("built-up land"),
        "development": tr("urban development boundary"), "ecology": tr("ecological protection red line"),
        "farmland": tr("permanent basic farmland"), "zones": tr("planning zones"),
    }[role]

BY_CODE, BY_ALIAS, BY_FIELDS = "code", "alias", "fields"

# Gauss-Krüger 3-degree zones: zone n has its central meridian at 3n degrees east.
GK_FIRST_ZONE, GK_LAST_ZONE = 25, 45
PREFIXED_FIRST_EPSG = 4513   # CGCS2000 / 3-degree Gauss-Kruger zone 25, X with the zone in front
PLAIN_FIRST_EPSG = 4534      # CGCS2000 / 3-degree Gauss-Kruger CM 75E, X without it
FALSE_EASTING = 500_000.0
HALF_ZONE_M = 400_000.0      # beyond this from the central meridian a point is not in the zone (≈1.5° at 25°N)


@dataclass
class DeliveryLayer:
    role: str
    code: str
    name: str                 # the layer's name in the delivery
    uri: str                  # what QgsVectorLayer(uri, name, "ogr") opens
    recognised_by: str        # BY_CODE | BY_ALIAS | BY_FIELDS
    alias: str = ""
    crs: Optional[QgsCoordinateReferenceSystem] = None
    crs_note: str = ""        # how the CRS was inferred, when it was
    crs_error: Optional[PlanInputError] = None  # why no CRS could be inferred (raised when the layer is opened)
    missing_fields: List[str] = field(default_factory=list)
    features: int = 0

    @property
    def how(self) -> str:
        """What it was recognised from, in words for the report."""
        return {
            BY_CODE: tr("layer name {name} is the standard's code {code}"),
            BY_ALIAS: tr("alias {alias} is the standard's name of {code}"),
            BY_FIELDS: tr("its fields are those of {code}"),
        }[self.recognised_by].format(name=self.name, code=self.code, alias=self.alias)


@dataclass
class Delivery:
    path: str
    layers: List[DeliveryLayer] = field(default_factory=list)
    unrecognised: List[str] = field(default_factory=list)   # layer names no role took

    def layer(self, role: str) -> Optional[DeliveryLayer]:
        return next((lyr for lyr in self.layers if lyr.role == role), None)


def _bare(name: str) -> str:
    """A layer name without district codes, years, separators: 'DLTB_500116_2022' → 'DLTB'."""
    return re.sub(r"[\d_\-\s.()（）]+", "", name).upper()


def _by_name(name: str, alias: str) -> Optional[tuple]:
    bare = _bare(name)
    for standard in STANDARD_LAYERS:
        if bare == standard.code:
            return standard, BY_CODE, alias
    for text in (alias, name):
        cleaned = re.sub(r"[\d_\-\s.()（）]+", "", text or "")
        for standard in STANDARD_LAYERS:
            if cleaned and cleaned in standard.aliases:
                return standard, BY_ALIAS, text
    return None


def _by_fields(names: Sequence[str]) -> Optional[StandardLayer]:
    upper = {n.upper() for n in names}
    for standard in STANDARD_LAYERS:
        if standard.fields and set(standard.fields) <= upper:
            return standard
    return None


def _geodatabase_aliases(path: str) -> dict:
    """Layer name → alias of a File Geodatabase (GDAL 3.6 does not expose layer aliases:
    read them from its GDB_Items table)."""
    from osgeo import gdal

    aliases = {}
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=["LIST_ALL_TABLES=YES"])
    items = dataset.GetLayerByName("GDB_Items") if dataset is not None else None
    if items is None:
        return aliases
    for item in items:
        definition = item.GetField("Definition") or ""
        own = re.sub(r"<GPFieldInfoExs.*?</GPFieldInfoExs>|<Fields.*?</Fields>", "", definition, flags=re.S)
        match = re.search(r"<AliasName>(.*?)</AliasName>", own, flags=re.S)
        if match and item.GetField("Name"):
            aliases[item.GetField("Name").split("\\")[-1]] = match.group(1).strip()
    return aliases


def _sources(path: Path) -> List[tuple]:
    """(layer name, uri, alias) of every vector layer under ``path``."""
    from osgeo import gdal

    if path.is_dir() and path.suffix.lower() != ".gdb":
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".shp", ".gpkg", ".geojson")
                       or (p.is_dir() and p.suffix.lower() == ".gdb"))
        found = []
        for file in files:
            found.extend(_sources(file))
        return found
    if path.suffix.lower() == ".shp":
        return [(path.stem, str(path), "")]
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    if dataset is None:
        return []
    aliases = _geodatabase_aliases(str(path)) if path.suffix.lower() == ".gdb" else {}
    names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
    return [(name, f"{path}|layername={name}", aliases.get(name, "")) for name in names]


def recognise(path, feedback=None, crs: Optional[QgsCoordinateReferenceSystem] = None) -> Delivery:
    """The standard layers of a delivery (a .gdb, a .gpkg, a folder, a .shp), by role. ``crs``: the CRS
    the user gives the layers whose own CRS is missing or does not fit (None: inferred, see infer_crs)."""
    path = Path(str(path))
    if not path.exists():
        raise PlanInputError(tr("The delivery {path} does not exist.").format(path=path),
                             tr("Give the folder, .gdb or .gpkg the data came in."))
    delivery = Delivery(str(path))
    sources = _sources(path)
    if not sources:
        raise PlanInputError(tr("No vector layer was found in the delivery {path}.").format(path=path),
                             tr("Give the File Geodatabase (.gdb), GeoPackage or folder of Shapefiles itself."))
    extents = {}
    for name, uri, alias in sources:
        layer = QgsVectorLayer(uri, name, "ogr")
        if not layer.isValid():
            delivery.unrecognised.append(name)
            continue
        field_names = [f.name() for f in layer.fields()]
        match = _by_name(name, alias)
        if match is None and (standard := _by_fields(field_names)) is not None:
            match = standard, BY_FIELDS, alias
        if match is None or delivery.layer(match[0].role) is not None:
            delivery.unrecognised.append(name)
            continue
        standard, how, alias_used = match
        upper = {n.upper() for n in field_names}
        layer_crs, note, error = layer.crs(), "", None
        try:
            layer_crs, note = infer_crs(layer.crs(), layer.extent(), name, given=crs)
        except PlanInputError as refused:
            error = refused
        delivery.layers.append(DeliveryLayer(
            role=standard.role, code=standard.code, name=name, uri=uri, recognised_by=how,
            alias=alias_used or "", crs=layer_crs, crs_note=note, crs_error=error,
            missing_fields=[f for f in standard.expected if f not in upper], features=layer.featureCount()))
        extents[name] = layer.extent()
        if feedback is not None:
            feedback.pushInfo(tr("{role}: {name} ({how}).").format(
                role=role_name(standard.role), name=name, how=delivery.layers[-1].how))
    _crs_from_siblings(delivery, extents)
    return delivery


def _crs_from_siblings(delivery: Delivery, extents: dict):
    """A layer whose plain Gauss-Krüger metres do not tell the zone takes the zone another layer of the same
    delivery declares, when its coordinates fit that zone: one delivery is in one CRS. Said in its note."""
    declared = [(lyr.name, lyr.crs) for lyr in delivery.layers
                if lyr.crs_error is None and not lyr.crs_note and lyr.crs is not None
                and lyr.crs.authid() in transforms.GK_ZONE_IDS]
    zones = {crs.authid() for _, crs in declared}
    for found in delivery.layers:
        if found.crs_error is None or len(zones) != 1 or not _fits_gk(extents[found.name]):
            continue
        sibling, crs = declared[0]
        found.crs, found.crs_error = crs, None
        found.crs_note = tr("{layer}: it has no CRS, and its Gauss-Krüger metres carry no zone number; layer {sibling} "
                            "of the same delivery declares {crs}, whose zone its coordinates fit, so it is read in "
                            "that CRS.").format(layer=found.name, sibling=sibling, crs=crs.authid())


def _zone_crs(zone: int, prefixed: bool) -> QgsCoordinateReferenceSystem:
    first = PREFIXED_FIRST_EPSG if prefixed else PLAIN_FIRST_EPSG
    return transforms.crs(f"EPSG:{first + zone - GK_FIRST_ZONE}")


def _fits_gk(extent: QgsRectangle) -> bool:
    """Coordinates that can be a plain (unprefixed) Gauss-Krüger zone in China."""
    return (FALSE_EASTING - HALF_ZONE_M <= extent.xMinimum() and extent.xMaximum() <= FALSE_EASTING + HALF_ZONE_M
            and 300_000 <= extent.yMinimum() and extent.yMaximum() <= 6_000_000)


def _prefixed_zone(extent: QgsRectangle) -> Optional[int]:
    zone = int(extent.xMinimum() // 1_000_000)
    if zone != int(extent.xMaximum() // 1_000_000) or not GK_FIRST_ZONE <= zone <= GK_LAST_ZONE:
        return None
    inside = QgsRectangle(extent.xMinimum() - zone * 1_000_000, extent.yMinimum(),
                          extent.xMaximum() - zone * 1_000_000, extent.yMaximum())
    return zone if _fits_gk(inside) else None


def _is_lonlat(extent: QgsRectangle) -> bool:
    return 73 <= extent.xMinimum() and extent.xMaximum() <= 136 and 3 <= extent.yMinimum() and extent.yMaximum() <= 54


def _fits(crs: QgsCoordinateReferenceSystem, extent: QgsRectangle) -> bool:
    if crs.isGeographic():
        return _is_lonlat(extent)
    authid = crs.authid()
    if authid in transforms.GK_PREFIXED_ZONE_IDS:
        return _prefixed_zone(extent) == GK_FIRST_ZONE + transforms.GK_PREFIXED_ZONE_IDS.index(authid)
    if authid in transforms.GK_ZONE_IDS:
        return _fits_gk(extent)
    return True  # another projected CRS: the checks' own coordinate checks judge it


def infer_crs(declared: QgsCoordinateReferenceSystem, extent: QgsRectangle, name: str,
              given: Optional[QgsCoordinateReferenceSystem] = None):
    """(CRS, note) of a delivery layer: its own CRS when its coordinates fit it; else the CRS the
    user ``given`` (when the coordinates fit it); else the CRS its coordinates prove (a zone
    number in front of X, or degrees: CGCS2000), with a note saying so. A plain Gauss-Krüger X
    (no zone in front) does not tell its zone: that is refused with the candidates rather than
    guessed."""
    if extent.isNull() or (extent.width() == 0 and extent.height() == 0 and extent.xMinimum() == 0):  # no features
        return declared, ""
    if declared is not None and declared.isValid() and _fits(declared, extent):
        return declared, ""
    problem = (tr("its CRS {crs} does not fit its coordinates").format(crs=declared.authid() or declared.description())
               if declared is not None and declared.isValid() else tr("it has no CRS (no .prj)"))
    if given is not None and given.isValid():
        if not _fits(given, extent):
            raise PlanInputError(
                tr("Layer '{layer}': {problem}, and the CRS given for the delivery, {crs}, does not fit its "
                   "coordinates ({extent}) either.").format(layer=name, problem=problem, crs=given.authid(),
                                                            extent=extent.toString(0)),
                tr("Give the CRS the delivery's documentation names (DELIVERY_CRS), or leave it empty to infer it."))
        return transforms.pin(given), tr("{layer}: {problem}; it is read in {crs}, the CRS given for the "
                                         "delivery.").format(layer=name, problem=problem, crs=given.authid())
    zone = _prefixed_zone(extent)
    if zone is not None:
        crs = _zone_crs(zone, True)
        return crs, tr("{layer}: {problem}; X carries the zone number {zone} in front, so it is read as {crs} "
                       "(CGCS2000 3-degree Gauss-Krüger zone {zone}, central meridian {cm}°E).").format(
            layer=name, problem=problem, zone=zone, crs=crs.authid(), cm=3 * zone)
    if _is_lonlat(extent):
        crs = transforms.crs(transforms.CGCS2000_ID)
        return crs, tr("{layer}: {problem}; its coordinates are degrees in China, so it is read as CGCS2000 "
                       "({crs}), the datum of national survey data.").format(layer=name, problem=problem,
                                                                             crs=crs.authid())
    if _fits_gk(extent):
        raise PlanInputError(
            tr("Layer '{layer}': {problem}, and its coordinates are Gauss-Krüger metres without a zone number "
               "in front of X, which do not tell the zone.").format(layer=name, problem=problem),
            tr("Give the delivery's CRS (DELIVERY_CRS; Chongqing: EPSG:4544 CM 105°E, EPSG:4545 CM 108°E, "
               "EPSG:4546 CM 111°E), or add the layer's .prj."))
    raise PlanInputError(
        tr("Layer '{layer}': {problem}, and its coordinates ({extent}) fit no CRS of a Chinese survey.").format(
            layer=name, problem=problem, extent=extent.toString(0)),
        tr("Set the layer's CRS as the delivery's documentation gives it."))


def open_layers(delivery: Delivery, roles: Sequence[str] = ROLES) -> dict:
    """{role: (layer, label, notes)} of the delivery's recognised layers, opened for reading as
    they came: a GBK Shapefile read as GBK, a layer whose CRS was inferred given that CRS in
    memory (the file and its .prj are not touched)."""
    from .encoding import reopen_gbk_shapefile, shapefile_path

    opened = {}
    for found in delivery.layers:
        if found.role not in roles:
            continue
        notes = [found.how]
        layer = None
        path = shapefile_path(found.uri)
        if path is not None:
            layer, warning = reopen_gbk_shapefile(path, found.name)
            if warning:
                notes.append(warning)
        if layer is None:
            layer = QgsVectorLayer(found.uri, found.name, "ogr")
        if found.crs_error is not None:
            raise found.crs_error
        if not layer.isValid():
            raise PlanInputError(tr("Layer '{layer}' of the delivery could not be opened.").format(layer=found.name),
                                 tr("Check that the delivery {path} is complete and readable.").format(
                                     path=delivery.path))
        if found.crs_note and found.crs is not None:
            layer.setCrs(transforms.pin(found.crs))
            notes.append(found.crs_note)
        opened[found.role] = (layer, found.name, notes)
    return opened


TOWNSHIP_CODE_DIGITS = 9  # 坐落/权属单位代码: 6 digits of the county, 3 of the 乡镇, 3 of the village
UNIT_CODE_FIELDS = ("ZLDWDM", "QSDWDM")


def derived_townships(landuse: QgsVectorLayer, label: str, feedback=None):
    """(township layer, note) derived from a 地类图斑 layer without a township layer: the union of
    the parcels whose 坐落单位代码 (else 权属单位代码) begins with the same 9 digits, one unit per
    乡镇 code (XZQDM = those 9 digits and 000, XZQMC = the code itself: a DLTB carries village
    names, not township names). In the layer's CRS, in memory."""
    from qgis.core import QgsFeature, QgsField, QgsFields

    from ...compat import FieldType
    from ..errors import check_cancel
    from .overlay import union_all

    names = [f.name() for f in landuse.fields()]
    field = next((n for n in names if n.upper() in UNIT_CODE_FIELDS), None)
    if field is None:
        raise PlanInputError(
            tr("No township layer was given, and layer '{layer}' has no ZLDWDM or QSDWDM to derive the townships "
               "from.").format(layer=label),
            tr("Give the township (XZQ) layer, or a 地类图斑 layer with its 坐落单位代码."))
    groups, skipped = {}, 0
    for feature in landuse.getFeatures():
        check_cancel(feedback)
        code = str(feature[field] or "").strip()
        if len(code) < TOWNSHIP_CODE_DIGITS or not code[:TOWNSHIP_CODE_DIGITS].isdigit() or not feature.hasGeometry():
            skipped += 1
            continue
        groups.setdefault(code[:TOWNSHIP_CODE_DIGITS], []).append(feature.geometry())
    fields = QgsFields()
    fields.append(QgsField("XZQDM", FieldType.String))
    fields.append(QgsField("XZQMC", FieldType.String))
    layer = QgsVectorLayer(f"MultiPolygon?crs={landuse.crs().authid()}", tr("townships from {field}").format(
        field=field), "memory")
    if not landuse.crs().authid():
        layer.setCrs(landuse.crs())
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for code in sorted(groups):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code + "000", code])
        union = union_all(groups[code], feedback)
        union.convertToMultiType()
        feature.setGeometry(union)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    note = tr("No township layer: {count} township units were derived from the first 9 digits of {field} of "
              "'{layer}' (named by their code; the delivery's XZQ layer would give their names).").format(
        count=len(features), field=field, layer=label)
    if skipped:
        note += " " + tr("{count} parcels without a usable code were left out of them.").format(count=skipped)
    return layer, note


# Built-up land read from a delivery: the 地类图斑 of 城镇村属性码 城市 and 建制镇 (201, 202 and their 201A,
# 202A), as the 城镇建成区 statistics count it; not CZCDYD, which holds villages (203) too.
BUILTUP_FAMILIES = ("201", "202")


def builtup_parcels(landuse: QgsVectorLayer, label: str, feedback=None):
    """(layer, note): the 地类图斑 of 城镇村属性码 201/202 (with their A suffixes), in memory; None (and a
    warning) when the layer has no 城镇村属性码."""
    from qgis.core import QgsFeatureRequest

    from ..errors import check_cancel
    from .landcodes import czcsxm_family

    field = next((f.name() for f in landuse.fields() if f.name().upper() == "CZCSXM"), None)
    if field is None:
        if feedback is not None:
            feedback.pushWarning(tr("{layer} has no 城镇村属性码 (CZCSXM): no built-up land is read from it; give "
                                    "the built-up layer.").format(layer=label))
        return None
    ids, total = [], 0
    for feature in landuse.getFeatures(QgsFeatureRequest().setSubsetOfAttributes([field], landuse.fields())):
        total += 1
        if total % 1000 == 0:
            check_cancel(feedback)
        if czcsxm_family(feature[field]) in BUILTUP_FAMILIES:
            ids.append(feature.id())
    layer = landuse.materialize(QgsFeatureRequest().setFilterFids(ids))
    layer.setName(tr("{layer}: 城镇村属性码 201/202").format(layer=label))
    note = tr("built-up land: the {n} of {total} parcels of {layer} whose 城镇村属性码 is 201 城市 or 202 建制镇 "
              "(with 201A/202A), as the 城镇建成区 statistics count it.").format(n=len(ids), total=total, layer=label)
    return layer, note
