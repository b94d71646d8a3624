"""Shapefiles with GBK text and no .cpg: every algorithm reads them as GBK and
says so, instead of turning Chinese names into replacement characters."""
import factory
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSource,
    QgsVectorLayer,
)

from cq_urban_plugin.algorithms.base import CqAlgorithm

NAMES = ["几江街道", "德感街道", "白沙镇", "四面山镇"]


def write_gbk_shapefile(path, names, with_cpg, encoding="GBK"):
    return factory.gbk_shapefile(path, [f"POINT ({106.2 + i * 0.01} 29.2)" for i in range(len(names))], names,
                                 "name", with_cpg, encoding)


class ReadNames(CqAlgorithm):
    NAME = "read_names"
    GROUP = "data"

    def displayName(self):  # noqa: N802
        return "read names"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", "input"))

    def compute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, "INPUT", context)
        return {"NAMES": [f["name"] for f in source.getFeatures()]}


class Warnings(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)


def _read(path):
    algorithm = ReadNames()
    algorithm.initAlgorithm()
    feedback = Warnings()
    results = algorithm.processAlgorithm({"INPUT": str(path)}, QgsProcessingContext(), feedback)
    return results["NAMES"], feedback.warnings


def test_gbk_without_cpg_is_read_as_gbk_and_said(qgis_app, tmp_path):
    path = write_gbk_shapefile(tmp_path / "townships.shp", NAMES, with_cpg=False)
    # What QGIS itself makes of it: replacement characters.
    assert "\ufffd" in next(QgsVectorLayer(str(path), "t", "ogr").getFeatures())["name"]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    names, warnings = _read(path)
    assert names == NAMES
    assert len(warnings) == 1 and "townships.cpg" in warnings[0] and "GBK" in warnings[0]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # the user's files untouched


def test_gbk_with_cpg_and_utf8_files_are_left_alone(qgis_app, tmp_path):
    path = write_gbk_shapefile(tmp_path / "with_cpg.shp", NAMES, with_cpg=True)
    names, warnings = _read(path)
    assert names == NAMES and warnings == []


TRADITIONAL = ["幾江街道", "德感街道", "白沙鎮", "四面山鎮"]


def _say_utf8(path):
    path.with_suffix(".cpg").write_text("UTF-8")


def test_big5_text_is_read_as_big5_and_said(qgis_app, tmp_path):
    # Big5 bytes are structurally GBK too, but as GBK they give rare characters: the
    # names must come back as written, not as plausible-looking wrong hanzi.
    path = write_gbk_shapefile(tmp_path / "big5.shp", TRADITIONAL, with_cpg=False, encoding="BIG5")
    names, warnings = _read(path)
    assert names == TRADITIONAL
    assert len(warnings) == 1 and "BIG5" in warnings[0] and "big5.cpg" in warnings[0]


def test_gbk_under_a_cpg_saying_utf8_is_read_as_gbk(qgis_app, tmp_path):
    path = write_gbk_shapefile(tmp_path / "wrong_cpg.shp", NAMES, with_cpg=True)
    _say_utf8(path)
    names, warnings = _read(path)
    assert names == NAMES
    assert len(warnings) == 1 and "wrong_cpg.cpg" in warnings[0] and "GBK" in warnings[0]


def test_text_in_no_known_encoding_is_said_with_the_fix(qgis_app, tmp_path):
    # Windows-1252's ÿ is the byte 0xFF, valid in none of UTF-8, GBK or Big5: say so, name the file.
    latin = ["Hÿgge", "Ÿÿ"]
    path = write_gbk_shapefile(tmp_path / "unknown.shp", latin, with_cpg=True, encoding="CP1252")
    _say_utf8(path)
    names, warnings = _read(path)
    assert names != latin  # QGIS cannot read them: the point is that the user is told
    assert len(warnings) == 1 and "unknown.dbf" not in warnings[0] and "unknown.shp" in warnings[0]
    assert "unknown.cpg" in warnings[0] and "UTF-8" in warnings[0]
