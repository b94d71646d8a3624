"""The QGIS and Qt names that moved between QGIS 3.22 and QGIS 3.44 / QGIS 4 (Qt 6), in one place.

QGIS keeps moving enums out of their classes into the ``Qgis`` namespace,
renaming their members on the way (``QgsWkbTypes.PolygonGeometry`` became
``Qgis.GeometryType.Polygon`` in 3.30, ``QgsProcessing.TypeVectorPolygon``
``Qgis.ProcessingSourceType.VectorPolygon`` in 3.36, …), and leaves the old
names behind as deprecated aliases, some of which resolve wrongly (on 3.40
``QgsPalLayerSettings.OverPoint`` is not a ``Qgis.LabelPlacement`` and
raises a TypeError when assigned) and none of which Qt 6 builds promise.

Each enum here is a small namespace whose members carry today's names
(``GeometryType.Polygon``, ``ProcessingSourceType.VectorPolygon``): each
member is the ``Qgis`` enum's own where the running QGIS has it, else the
3.22 one (always written with its enum class, as PyQt6 wants). ``source``
says which was taken, ``enum`` is the enum class itself. Enums whose names
did not change (``QgsTask.TaskStatus``, ``Qgis.MessageLevel``, Qt's own)
are written in full where they are used, not here.

Also: field types (``QMetaType.Type`` from QGIS 3.38, ``QVariant.Type``
before), a NULL test, a field's type name, ``QAction`` (QtGui in Qt 6,
QtWidgets in Qt 5) and the font database (static in Qt 6).
"""
from qgis import core as qgis_core
from qgis.core import Qgis
from qgis.PyQt import QtCore
from qgis.PyQt.QtCore import QT_VERSION, QMetaType, QVariant
from qgis.PyQt.QtGui import QFontDatabase

try:  # Qt 6 (QGIS 4): QAction lives in QtGui
    from qgis.PyQt.QtGui import QAction
except ImportError:  # Qt 5
    from qgis.PyQt.QtWidgets import QAction

try:  # QGIS 3.28+
    from qgis.core import QgsVariantUtils
except ImportError:  # QGIS 3.22
    QgsVariantUtils = None

QGIS_VERSION_INT = Qgis.versionInt()
QT6 = QT_VERSION >= 0x060000

__all__ = [
    "QAction", "QGIS_VERSION_INT", "QT6", "DistanceUnit", "FeatureRequestFlag", "FieldType", "GeometryType",
    "InvalidGeometryCheck", "LabelPlacement", "LayerFilter", "LayerType", "LegendComponent",
    "ProcessingAlgorithmFlag", "ProcessingFeatureSourceFlag", "ProcessingFieldParameterDataType",
    "ProcessingNumberParameterType", "ProcessingParameterFlag", "ProcessingSourceType", "ScaleBarSegmentSizeMode",
    "WkbType", "ENUMS", "field_type_name", "font_database", "is_null",
]


def resolve(path: str, namespace=qgis_core):
    """``"QgsWkbTypes.GeometryType"`` -> that object of qgis.core, or None where the running QGIS has none."""
    value = namespace
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


class CompatEnum:
    """Today's member names of one enum, bound to the running QGIS's members."""

    def __init__(self, new_name: str, new_enum, old_name: str, members: dict, old_namespace=qgis_core,
                 new_names=None):
        self.new_name, self.old_name = new_name, old_name
        self.members = dict(members)  # today's name -> the 3.22 name
        self.new_names = dict(new_names or {})  # today's name -> the member's name in new_enum, where they differ
        self.enum = new_enum if new_enum is not None else resolve(old_name, old_namespace)
        self.source = new_name if new_enum is not None else old_name
        for new, old in self.members.items():
            value = getattr(new_enum, self.new_names.get(new, new), None) if new_enum is not None else None
            if value is None:  # not (yet) in the new enum: the 3.22 member, taken through its enum class
                value = getattr(resolve(old_name, old_namespace), old)
            setattr(self, new, value)

    def __repr__(self):
        return f"<compat {self.source}: {', '.join(self.members)}>"


def _enum(new_name: str, old_name: str, members) -> CompatEnum:
    """``new_name`` and ``old_name`` are paths in qgis.core (``Qgis.GeometryType``, ``QgsWkbTypes.GeometryType``);
    ``members`` are today's names, ``new=old`` where 3.22 named the member otherwise."""
    mapping = {}
    for member in members:
        new, _, old = member.partition("=")
        mapping[new] = old or new
    return CompatEnum(new_name, resolve(new_name), old_name, mapping)


# QGIS 3.30
GeometryType = _enum("Qgis.GeometryType", "QgsWkbTypes.GeometryType", [
    "Point=PointGeometry", "Line=LineGeometry", "Polygon=PolygonGeometry", "Unknown=UnknownGeometry",
    "Null=NullGeometry"])
WkbType = _enum("Qgis.WkbType", "QgsWkbTypes.Type", [
    "Unknown", "NoGeometry", "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
    "GeometryCollection"])
DistanceUnit = _enum("Qgis.DistanceUnit", "QgsUnitTypes.DistanceUnit", [
    "Meters=DistanceMeters", "Kilometers=DistanceKilometers", "Degrees=DistanceDegrees",
    "Unknown=DistanceUnknownUnit"])
LayerType = _enum("Qgis.LayerType", "QgsMapLayerType", [
    "Vector=VectorLayer", "Raster=RasterLayer", "Mesh=MeshLayer"])
# QGIS 3.26
LabelPlacement = _enum("Qgis.LabelPlacement", "QgsPalLayerSettings.Placement", [
    "AroundPoint", "OverPoint", "Line", "Curved", "Horizontal", "Free", "OrderedPositionsAroundPoint",
    "PerimeterCurved"])
# QGIS 3.34
LayerFilter = _enum("Qgis.LayerFilter", "QgsMapLayerProxyModel.Filter", [
    "RasterLayer", "NoGeometry", "PointLayer", "LineLayer", "PolygonLayer", "HasGeometry", "VectorLayer",
    "All"])
# QGIS 3.36
ProcessingSourceType = _enum("Qgis.ProcessingSourceType", "QgsProcessing.SourceType", [
    "MapLayer=TypeMapLayer", "VectorAnyGeometry=TypeVectorAnyGeometry", "VectorPoint=TypeVectorPoint",
    "VectorLine=TypeVectorLine", "VectorPolygon=TypeVectorPolygon", "Raster=TypeRaster", "File=TypeFile",
    "Vector=TypeVector"])
ProcessingNumberParameterType = _enum(
    "Qgis.ProcessingNumberParameterType", "QgsProcessingParameterNumber.Type", ["Integer", "Double"])
ProcessingFieldParameterDataType = _enum(
    "Qgis.ProcessingFieldParameterDataType", "QgsProcessingParameterField.DataType",
    ["Any", "Numeric", "String", "DateTime"])
ProcessingAlgorithmFlag = _enum("Qgis.ProcessingAlgorithmFlag", "QgsProcessingAlgorithm.Flag", [
    "NoThreading=FlagNoThreading", "HideFromToolbox=FlagHideFromToolbox", "CanCancel=FlagCanCancel",
    "RequiresMatchingCrs=FlagRequiresMatchingCrs", "DisplayNameIsLiteral=FlagDisplayNameIsLiteral"])
ProcessingParameterFlag = _enum("Qgis.ProcessingParameterFlag", "QgsProcessingParameterDefinition.Flag", [
    "Advanced=FlagAdvanced", "Hidden=FlagHidden", "Optional=FlagOptional"])
ProcessingFeatureSourceFlag = _enum(
    "Qgis.ProcessingFeatureSourceFlag", "QgsProcessingFeatureSource.Flag",
    ["SkipGeometryValidityChecks=FlagSkipGeometryValidityChecks"])
ProcessingFileParameterBehavior = _enum(
    "Qgis.ProcessingFileParameterBehavior", "QgsProcessingParameterFile.Behavior", ["File", "Folder"])
FeatureRequestFlag = _enum("Qgis.FeatureRequestFlag", "QgsFeatureRequest.Flag", [
    "NoFlags", "NoGeometry", "SubsetOfAttributes", "ExactIntersect"])
InvalidGeometryCheck = _enum(
    "Qgis.InvalidGeometryCheck", "QgsFeatureRequest.InvalidGeometryCheck",
    ["NoCheck=GeometryNoCheck", "SkipInvalid=GeometrySkipInvalid", "AbortOnInvalid=GeometryAbortOnInvalid"])
# After 3.40 (in 3.44 QgsLegendStyle.Style is an alias of it)
LegendComponent = _enum("Qgis.LegendComponent", "QgsLegendStyle.Style", [
    "Title", "Group", "Subgroup", "Symbol", "SymbolLabel"])
# QgsScaleBarSettings.SegmentSizeMode up to 3.40 at least; taken from Qgis where QGIS moves it there.
ScaleBarSegmentSizeMode = _enum(
    "Qgis.ScaleBarSegmentSizeMode", "QgsScaleBarSettings.SegmentSizeMode",
    ["Fixed=SegmentSizeFixed", "FitWidth=SegmentSizeFitWidth"])

# Field types: QgsField takes and gives QMetaType.Type from QGIS 3.38 (QVariant.Type before, deprecated since).
_METATYPE_FIELDS = QGIS_VERSION_INT >= 33800
FieldType = CompatEnum("QMetaType.Type", QMetaType.Type if _METATYPE_FIELDS else None, "QVariant.Type", {
    "String": "String", "Int": "Int", "UInt": "UInt", "LongLong": "LongLong", "ULongLong": "ULongLong",
    "Double": "Double", "Bool": "Bool", "Date": "Date", "Time": "Time", "DateTime": "DateTime",
    "ByteArray": "ByteArray"}, old_namespace=QtCore,
    new_names={"String": "QString", "Date": "QDate", "Time": "QTime", "DateTime": "QDateTime",
               "ByteArray": "QByteArray"})

ENUMS = {name: value for name, value in globals().items() if isinstance(value, CompatEnum)}


def is_null(value) -> bool:
    """True for QGIS's NULL attribute value (None, or a null QVariant), not for '' or 0."""
    if value is None:
        return True
    if QgsVariantUtils is not None:
        return QgsVariantUtils.isNull(value)
    return isinstance(value, QVariant) and value.isNull()


def attribute_text(value) -> str:
    """An attribute value as stripped text; '' for NULL (so a NULL name never reads "NULL")."""
    return "" if is_null(value) else str(value).strip()


def field_type_name(field) -> str:
    """The field's type as the data source names it, else Qt's name for it (QString, double, …)."""
    name = field.typeName()
    if name:
        return name
    if QgsVariantUtils is not None and hasattr(QgsVariantUtils, "typeToDisplayString"):  # 3.24+
        return QgsVariantUtils.typeToDisplayString(field.type())
    return QMetaType.typeName(int(field.type())) or ""


def font_database():
    """QFontDatabase's queries: static methods in Qt 6, methods of an instance in Qt 5."""
    return QFontDatabase if QT6 else QFontDatabase()
