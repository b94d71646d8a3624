"""Ready for QGIS 4 (Qt 6): no Qt 5-only usage comes back, and compat picks the right names here.

The scan reads the plugin, batch/ and the tests (and the Python scripts
they embed as strings) with ``ast`` and asks the running QGIS what each
``Class.Name`` is, so it knows an enum member from a class or a constant:

- ``unscoped``: an enum member without its enum class (``Qt.AlignLeft``,
  ``QgsTask.Complete``: PyQt6 knows only ``Qt.AlignmentFlag.AlignLeft``,
  ``QgsTask.TaskStatus.Complete``);
- ``moved``: an enum that QGIS moved to ``Qgis`` after 3.22, used under its
  3.22 name (``QgsWkbTypes.GeometryType.PolygonGeometry``) instead of through
  ``cq_urban_plugin.compat`` (``GeometryType.Polygon``);
- ``raw-int``: an integer where Qt wants an enum (``addDockWidget(0x2, …)``,
  ``setHAlign(4)``, ``int(Qt.AlignmentFlag.AlignRight)`` as an argument);
- ``qvariant-null``: ``QVariant()`` compared with a value (a NULL test;
  ``compat.is_null`` is one), ``QVariant.typeToName`` / ``nameToType``;
- ``qt5-only``: ``exec_()``/``print_()``, classes gone from Qt 6 (``QRegExp``,
  ``QDesktopWidget``, …), ``QAction`` & co. from QtWidgets (QtGui in Qt 6),
  ``QFontDatabase()`` instances (static in Qt 6).

``cq_urban_plugin/compat.py`` is where the version-dependent fallbacks live, so
``moved`` and the QtWidgets/QFontDatabase rules do not apply to it.
"""
import ast
import enum
import json
import os
import subprocess
from pathlib import Path

import pytest
from qgis import analysis as qgis_analysis
from qgis import core as qgis_core
from qgis import gui as qgis_gui
from qgis.core import (
    NULL,
    Qgis,
    QgsFeatureRequest,
    QgsField,
    QgsLegendStyle,
    QgsMapLayerProxyModel,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt import QtCore, QtGui, QtTest, QtWidgets
from qgis.PyQt.QtCore import QDate, QVariant

from cq_urban_plugin import compat

REPO = Path(__file__).resolve().parents[1]
SCANNED = [REPO / "cq_urban_plugin", REPO / "batch", REPO / "tests"]
COMPAT_FILE = REPO / "cq_urban_plugin" / "compat.py"
THIS_FILE = Path(__file__).resolve()

MODULES = (QtCore, QtGui, QtWidgets, QtTest, qgis_core, qgis_gui, qgis_analysis)
# Methods that take a Qt or QGIS enum or flags: an integer there is a Qt 5 habit PyQt6 refuses.
ENUM_METHODS = {
    "addDockWidget", "setHAlign", "setVAlign", "setAlignment", "setTextAlignment", "setTextInteractionFlags",
    "setFilters", "setStorageMode", "setSectionResizeMode", "setSelectionMode", "setSelectionBehavior",
    "setEditTriggers", "setWindowFlags", "setFlags", "setStyleStrategy", "setUnits", "setSegmentSizeMode",
    "setAtlasScalingMode", "setInvalidGeometryCheck", "setStandardButtons", "setFrameShape", "setFocusPolicy",
    "setContextMenuPolicy", "setOrientation", "setCheckState", "setWindowModality", "setAttribute",
    "setFieldNameMode", "setPlacement", "setTextRenderFormat",
}
GONE_IN_QT6 = {"QRegExp", "QRegExpValidator", "QDesktopWidget", "QGLWidget", "QGLFormat", "QSound", "QMatrix",
               "QStringRef", "QTextCodec", "QWebView", "QtWebKit", "QtWebKitWidgets", "MidButton"}
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoGroup", "QUndoStack",
                  "QFileSystemModel"}
MOVED_ENUMS = {e.old_name for e in compat.ENUMS.values()}


def _class(name):
    if not (name in ("Qt", "Qgis") or name.startswith("Q")):
        return None
    for module in MODULES:
        value = getattr(module, name, None)
        if isinstance(value, type):
            return value
    return None


def _is_enum_member(value) -> bool:
    if isinstance(value, type):
        return False
    return isinstance(value, enum.Enum) or type(type(value)).__name__ == "enumtype"  # sip enums (PyQt5)


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return ".".join([node.id, *reversed(parts)])
    return None


def _mentions_qt(node) -> bool:
    return any(isinstance(n, ast.Name) and _class(n.id) is not None for n in ast.walk(node))


def scan_source(text: str, path=None) -> list:
    """Findings ``(rule, line, text)`` for one module's source."""
    path = Path(path).resolve() if path else None
    in_compat = path == COMPAT_FILE
    tree = ast.parse(text)
    found = []

    def flag(rule, node, message):
        found.append((rule, getattr(node, "lineno", 0), message))

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            dotted = _dotted(node)
            if isinstance(node.value, ast.Name):
                cls = _class(node.value.id)
                value = getattr(cls, node.attr, None) if cls is not None else None
                if value is not None and _is_enum_member(value) and type(value) is not cls:
                    member = value.name if isinstance(value, enum.Enum) else node.attr
                    flag("unscoped", node, f"{dotted}: write {type(value).__qualname__}.{member}")
                if node.value.id in ("QVariant",) and node.attr in ("typeToName", "nameToType"):
                    flag("qvariant-null", node, f"{dotted}: use field.typeName() / compat.field_type_name")
                if node.value.id == "QtWidgets" and node.attr in MOVED_TO_QTGUI and not in_compat:
                    flag("qt5-only", node, f"{dotted}: QtGui in Qt 6, take it from compat")
            if dotted in MOVED_ENUMS and not in_compat:
                flag("moved", node, f"{dotted}: use cq_urban_plugin.compat")
            if node.attr in ("exec_", "print_"):
                flag("qt5-only", node, f".{node.attr}(): write .{node.attr[:-1]}()")
            if node.attr in GONE_IN_QT6:
                flag("qt5-only", node, f"{dotted or node.attr}: gone in Qt 6")
        elif isinstance(node, ast.Name):
            if node.id in GONE_IN_QT6:
                flag("qt5-only", node, f"{node.id}: gone in Qt 6")
            if node.id in MOVED_ENUMS and not in_compat:
                flag("moved", node, f"{node.id}: use cq_urban_plugin.compat")
        elif isinstance(node, ast.ImportFrom):
            names = {a.name for a in node.names}
            if (node.module or "").endswith("QtWidgets") and names & MOVED_TO_QTGUI and not in_compat:
                flag("qt5-only", node, f"{sorted(names & MOVED_TO_QTGUI)} from QtWidgets: QtGui in Qt 6, take it "
                                       "from compat")
            if names & GONE_IN_QT6 or (node.module or "").split(".")[-1] in GONE_IN_QT6:
                flag("qt5-only", node, f"import of {sorted(names & GONE_IN_QT6) or node.module}: gone in Qt 6")
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id == "QFontDatabase" and not in_compat:
                flag("qt5-only", node, "QFontDatabase(): its methods are static in Qt 6, use compat.font_database()")
            if isinstance(node.func, ast.Attribute):
                args = list(node.args) + [k.value for k in node.keywords]
                for arg in args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, int) and not isinstance(arg.value, bool):
                        literal = ast.get_source_segment(text, arg) or ""
                        hexadecimal = literal.lower().startswith("0x")
                        enum_position = node.func.attr in ENUM_METHODS and (
                            len(node.args) == 1 or node.func.attr == "addDockWidget" and arg is node.args[0])
                        if hexadecimal or enum_position:
                            flag("raw-int", node, f".{node.func.attr}({literal}, …): pass the enum member")
                    if (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id == "int"
                            and arg.args and _mentions_qt(arg.args[0])):
                        flag("raw-int", node, f".{node.func.attr}(int(…)): pass the enum or flags themselves")
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            operands += [e for o in operands if isinstance(o, (ast.Tuple, ast.List, ast.Set)) for e in o.elts]
            if any(isinstance(o, ast.Call) and isinstance(o.func, ast.Name) and o.func.id == "QVariant"
                   and not o.args for o in operands):
                flag("qvariant-null", node, "comparison with QVariant(): use `is None` / compat.is_null")
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and path != THIS_FILE
                and ("\nimport " in node.value or "\nfrom qgis" in node.value)):
            try:  # a Python script the code writes out and runs
                embedded = scan_source(node.value)
            except SyntaxError:
                embedded = []
            found += [(rule, node.lineno + line - 1, f"(embedded script) {message}")
                      for rule, line, message in embedded]
    return found


def _sources():
    for root in SCANNED:
        yield from sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def test_the_scan_reads_the_whole_code():
    files = list(_sources())
    assert COMPAT_FILE in files and THIS_FILE in files
    assert len(files) > 50, files
    assert REPO / "cq_urban_plugin" / "core" / "maps" / "layout.py" in files


def test_no_qt5_only_usage_in_the_code():
    findings = []
    for path in _sources():
        for rule, line, message in scan_source(path.read_text(encoding="utf-8"), path):
            findings.append(f"{path.relative_to(REPO)}:{line}: [{rule}] {message}")
    assert not findings, "Qt 5-only usage (see tests/test_qt6_ready.py):\n" + "\n".join(findings)


# Each rule once, as it was written in this code before the conversion.
PLANTED = '''
from qgis.core import Qgis, QgsPalLayerSettings, QgsTask, QgsWkbTypes, QgsProcessing, QgsMapLayerType
from qgis.PyQt.QtCore import Qt, QVariant, QRegExp
from qgis.PyQt.QtGui import QFontDatabase
from qgis.PyQt.QtWidgets import QAction, QHeaderView, QDialog

settings.placement = QgsPalLayerSettings.OverPoint
bar.pushMessage("t", "x", Qgis.Warning, 8)
done = status == QgsTask.Complete
header.setSectionResizeMode(QHeaderView.Stretch)
label.setAlignment(Qt.AlignHCenter | Qt.AlignVCenter)
polygons = layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
types = [QgsProcessing.SourceType.TypeVectorPolygon]
vector = layer.type() == QgsMapLayerType.VectorLayer
iface.addDockWidget(0x2, panel)
text.setHAlign(0x0004)
item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight))
values = [v for v in values if v != QVariant()]
name = QVariant.typeToName(field.type())
QDialog().exec_()
pattern = QRegExp("[0-9]+")
families = QFontDatabase().families()
script = """
import sys
from qgis.core import QgsTask
print(QgsTask.Running)
"""
'''
PLANTED_FINDINGS = {
    "QgsPalLayerSettings.OverPoint": "unscoped", "Qgis.Warning": "unscoped", "QgsTask.Complete": "unscoped",
    "QHeaderView.Stretch": "unscoped", "Qt.AlignHCenter": "unscoped", "Qt.AlignVCenter": "unscoped",
    "QgsWkbTypes.GeometryType": "moved", "QgsProcessing.SourceType": "moved", "QgsMapLayerType": "moved",
    ".addDockWidget(0x2": "raw-int", ".setHAlign(0x0004": "raw-int", ".setTextAlignment(int(": "raw-int",
    "comparison with QVariant()": "qvariant-null", "QVariant.typeToName": "qvariant-null",
    ".exec_()": "qt5-only", "QRegExp": "qt5-only", "['QAction'] from QtWidgets": "qt5-only",
    "QFontDatabase()": "qt5-only", "(embedded script) QgsTask.Running": "unscoped",
}


def test_the_scan_flags_each_kind_of_qt5_usage():
    findings = scan_source(PLANTED)
    for needle, rule in PLANTED_FINDINGS.items():
        assert any(r == rule and needle in message for r, _, message in findings), (needle, rule, findings)
    suggestions = {message for _, _, message in findings}
    assert "QgsTask.Complete: write QgsTask.TaskStatus.Complete" in suggestions
    assert "Qt.AlignHCenter: write Qt.AlignmentFlag.AlignHCenter" in suggestions


def test_the_scan_passes_todays_names():
    clean = '''
from qgis.core import Qgis, QgsTask
from qgis.PyQt.QtCore import Qt, QT_VERSION
from cq_urban_plugin.compat import GeometryType, LabelPlacement, QAction, font_database, is_null

settings.placement = LabelPlacement.OverPoint
bar.pushMessage("t", "x", Qgis.MessageLevel.Warning, 8)
done = status == QgsTask.TaskStatus.Complete
label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
polygons = layer.geometryType() == GeometryType.Polygon
header.setSectionResizeMode(0, header.sectionResizeMode(1))
values = [v for v in values if not is_null(v)]
version = Qgis.QGIS_VERSION_INT, Qgis.QGIS_VERSION, QT_VERSION
dialog.exec()
'''
    assert scan_source(clean) == []


# --- compat on the running QGIS ----------------------------------------------------

@pytest.mark.parametrize("name", sorted(compat.ENUMS))
def test_compat_takes_the_qgis_enum_where_this_qgis_has_it(name):
    entry = compat.ENUMS[name]
    if entry is compat.FieldType:  # QgsField speaks QMetaType from 3.38
        new_enum = QtCore.QMetaType.Type if compat.QGIS_VERSION_INT >= 33800 else None
        old_enum = QtCore.QVariant.Type
    else:
        new_enum, old_enum = compat.resolve(entry.new_name), compat.resolve(entry.old_name)
    if new_enum is not None:
        assert entry.source == entry.new_name and entry.enum is new_enum
        for member in entry.members:  # each by today's name in today's enum, none left on a deprecated alias
            assert getattr(entry, member) == getattr(new_enum, entry.new_names.get(member, member)), member
            assert isinstance(getattr(entry, member), new_enum), member
    else:
        assert entry.source == entry.old_name and entry.enum is old_enum
        for member, old_member in entry.members.items():
            assert getattr(entry, member) == getattr(old_enum, old_member), member


def test_compat_names_on_this_qgis():
    """The version each name moved in (QGIS's own docs): the right one is picked here."""
    version = Qgis.versionInt()
    expected = {
        "GeometryType": 33000, "WkbType": 33000, "DistanceUnit": 33000, "LayerType": 33000, "LabelPlacement": 32600,
        "LayerFilter": 33400, "ProcessingSourceType": 33600, "ProcessingNumberParameterType": 33600,
        "ProcessingFieldParameterDataType": 33600, "ProcessingAlgorithmFlag": 33600, "ProcessingParameterFlag": 33600,
        "ProcessingFeatureSourceFlag": 33600, "FeatureRequestFlag": 33600, "InvalidGeometryCheck": 33600,
        "FieldType": 33800,
    }
    for name, since in expected.items():
        entry = compat.ENUMS[name]
        assert entry.source == (entry.new_name if version >= since else entry.old_name), (name, entry.source)
    if version < 32600:  # Debian 12's QGIS 3.22: every one of them is the 3.22 name (as strings: the scan
        # rightly refuses them written out)
        for value, cls, old in ((compat.GeometryType.Polygon, QgsWkbTypes, "PolygonGeometry"),
                                (compat.WkbType.MultiPolygon, QgsWkbTypes, "MultiPolygon"),
                                (compat.ProcessingSourceType.VectorPolygon, QgsProcessing, "TypeVectorPolygon"),
                                (compat.LabelPlacement.OverPoint, QgsPalLayerSettings, "OverPoint"),
                                (compat.DistanceUnit.Kilometers, QgsUnitTypes, "DistanceKilometers"),
                                (compat.LayerFilter.PolygonLayer, QgsMapLayerProxyModel, "PolygonLayer"),
                                (compat.InvalidGeometryCheck.NoCheck, QgsFeatureRequest, "GeometryNoCheck"),
                                (compat.LegendComponent.Title, QgsLegendStyle, "Title"),
                                (compat.FieldType.String, QVariant, "String")):
            assert value == getattr(cls, old), (cls.__name__, old)


def test_compat_values_work_in_the_qgis_api(qgis_app):
    """Each kind of compat value where QGIS takes it, on the real QGIS."""
    settings = QgsPalLayerSettings()
    settings.placement = compat.LabelPlacement.OverPoint  # the assignment that failed on 3.40
    assert settings.placement == compat.LabelPlacement.OverPoint

    field = QgsField("name", compat.FieldType.String)
    assert field.type() == compat.FieldType.String
    assert compat.field_type_name(field)  # "QString" (3.22) or "Text (string)" (3.24+)
    layer = QgsVectorLayer("Polygon?crs=EPSG:4546&field=name:string(20)&field=n:integer", "t", "memory")
    assert layer.geometryType() == compat.GeometryType.Polygon
    assert layer.wkbType() == compat.WkbType.Polygon
    assert layer.type() == compat.LayerType.Vector
    assert [f.type() for f in layer.fields()] == [compat.FieldType.String, compat.FieldType.Int]
    assert compat.field_type_name(layer.fields()[0]) == "string"
    assert layer.crs().mapUnits() == compat.DistanceUnit.Meters

    source = QgsProcessingParameterFeatureSource("IN", "in", [compat.ProcessingSourceType.VectorPolygon])
    assert source.dataTypes() == [compat.ProcessingSourceType.VectorPolygon]
    number = QgsProcessingParameterNumber("N", "n", compat.ProcessingNumberParameterType.Double)
    assert number.dataType() == compat.ProcessingNumberParameterType.Double
    number.setFlags(number.flags() | compat.ProcessingParameterFlag.Advanced)
    assert number.flags() & compat.ProcessingParameterFlag.Advanced
    text = QgsProcessingParameterField("F", "f", type=compat.ProcessingFieldParameterDataType.String)
    assert text.dataType() == compat.ProcessingFieldParameterDataType.String

    request = QgsFeatureRequest().setFlags(compat.FeatureRequestFlag.NoGeometry)
    request.setInvalidGeometryCheck(compat.InvalidGeometryCheck.NoCheck)
    assert request.flags() & compat.FeatureRequestFlag.NoGeometry
    assert request.invalidGeometryCheck() == compat.InvalidGeometryCheck.NoCheck

    from cq_urban_plugin.algorithms.export_map import ExportMapAlgorithm
    assert ExportMapAlgorithm().flags() & compat.ProcessingAlgorithmFlag.NoThreading


def test_compat_null_test_and_qt_classes(qgis_app):
    assert compat.is_null(None) and compat.is_null(NULL) and compat.is_null(QVariant())
    assert not any(compat.is_null(v) for v in ("", 0, 0.0, False, "NULL", QDate(2025, 1, 1)))
    assert compat.QAction is getattr(QtGui if compat.QT6 else QtWidgets, "QAction")  # noqa: B009 (the scan's rule)
    assert compat.QT6 == (QtCore.QT_VERSION >= 0x060000)
    families = compat.font_database().families(QtGui.QFontDatabase.WritingSystem.Latin)
    assert families  # the same call works on the instance (Qt 5) and on the class (Qt 6)


# --- the Qt side against PyQt6 itself (optional: QGIS 4 is not packaged here) -------------

PYQT6_CHECK = """
import importlib, json, sys
missing = []
for module, dotted in json.loads(sys.stdin.read()):
    value = importlib.import_module("PyQt6." + module)
    for part in dotted.split("."):
        value = getattr(value, part, None)
        if value is None:
            missing.append(module + ": " + dotted)
            break
print(json.dumps(missing))
"""


def qt_names_used():
    """(module, name) for every class imported from qgis.PyQt.* and every Class.Enum.Member written with one."""
    used = set()
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qgis.PyQt."):
                module = node.module.split(".")[-1]
                for alias in node.names:
                    imported[alias.asname or alias.name] = module
                    if not (path == COMPAT_FILE and module == "QtWidgets" and alias.name == "QAction"):  # Qt 5 fallback
                        used.add((module, alias.name))
        for node in ast.walk(tree):
            dotted = _dotted(node) if isinstance(node, ast.Attribute) else None
            parts = dotted.split(".") if dotted else []
            if len(parts) >= 3 and parts[0] in imported and parts[1][:1].isupper() and parts[2][:1].isupper():
                used.add((imported[parts[0]], ".".join(parts[:3])))
    return sorted(used - {("Qsci", n) for _, n in used})


@pytest.mark.skipif(not os.environ.get("CQ_PYQT6_PYTHON"),
                    reason="set CQ_PYQT6_PYTHON to a Python that has PyQt6 (pip install PyQt6 in a venv of its own)")
def test_qt_names_exist_in_pyqt6():
    used = qt_names_used()
    assert ("QtCore", "Qt.AlignmentFlag.AlignHCenter") in used and ("QtGui", "QFont") in used
    result = subprocess.run([os.environ["CQ_PYQT6_PYTHON"], "-c", PYQT6_CHECK], input=json.dumps(used),
                            capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
