"""Outputs never lose a user's data: a failed run leaves the previous file as it
was, no partial file stays behind, and an output cannot overwrite an input."""
import hashlib

import pytest
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from cq_urban_plugin.algorithms.base import CqAlgorithm
from cq_urban_plugin.compat import ProcessingSourceType
from cq_urban_plugin.core.errors import PlanInputError
from cq_urban_plugin.core.files.fields import make_fields


class CopyThenMaybeFail(CqAlgorithm):
    """Copies its input feature by feature, and fails after FAIL_AFTER features."""

    NAME = "copy_then_fail"
    GROUP = "data"

    def displayName(self):  # noqa: N802
        return "copy then fail"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", "input"))
        self.addParameter(QgsProcessingParameterNumber("FAIL_AFTER", "fail after", defaultValue=-1))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "output", ProcessingSourceType.VectorPoint))

    def compute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, "INPUT", context)
        fail_after = self.parameterAsInt(parameters, "FAIL_AFTER", context)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, source.fields(), source.wkbType(),
                                          source.sourceCrs())
        for count, feature in enumerate(source.getFeatures()):
            if count == fail_after:
                raise PlanInputError("stopped on purpose half-way")
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return {"OUTPUT": dest}


def _points_gpkg(path, count, label):
    layer = QgsVectorLayer("Point?crs=EPSG:4544", "pts", "memory")
    layer.dataProvider().addAttributes(make_fields([("label", str)]))
    layer.updateFields()
    features = []
    for i in range(count):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(500000 + i, 3200000)))
        feature.setAttributes([f"{label}{i}"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(parameters):
    algorithm = CopyThenMaybeFail()
    algorithm.initAlgorithm()
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    ok_params = algorithm.checkParameterValues(parameters, context)
    assert ok_params[0], ok_params
    return algorithm.processAlgorithm(parameters, context, feedback)


def test_failed_run_leaves_previous_output_intact(qgis_app, tmp_path):
    source = _points_gpkg(tmp_path / "input.gpkg", 50, "new")
    previous = _points_gpkg(tmp_path / "result.gpkg", 3, "old")
    before = _digest(previous)
    with pytest.raises(QgsProcessingException, match="half-way"):
        _run({"INPUT": str(source), "FAIL_AFTER": 20, "OUTPUT": str(previous)})
    assert _digest(previous) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.gpkg", "result.gpkg"]


def test_successful_run_replaces_the_file_and_reports_its_real_path(qgis_app, tmp_path):
    source = _points_gpkg(tmp_path / "input.gpkg", 7, "new")
    previous = _points_gpkg(tmp_path / "result.gpkg", 3, "old")
    results = _run({"INPUT": str(source), "OUTPUT": str(previous)})
    assert results["OUTPUT"].split("|")[0] == str(previous)
    layer = QgsVectorLayer(str(previous), "result", "ogr")
    assert sorted(f["label"] for f in layer.getFeatures()) == sorted(f"new{i}" for i in range(7))
    assert not [p for p in tmp_path.iterdir() if "partial" in p.name]


def test_shapefile_moves_with_its_sidecars(qgis_app, tmp_path):
    source = _points_gpkg(tmp_path / "input.gpkg", 4, "new")
    results = _run({"INPUT": str(source), "OUTPUT": str(tmp_path / "out.shp")})
    assert results["OUTPUT"].split("|")[0] == str(tmp_path / "out.shp")
    names = {p.name for p in tmp_path.iterdir()}
    assert {"out.shp", "out.shx", "out.dbf"} <= names
    assert not [n for n in names if "partial" in n]
    assert QgsVectorLayer(str(tmp_path / "out.shp"), "out", "ogr").featureCount() == 4


def test_output_over_its_own_input_is_refused(qgis_app, tmp_path):
    source = _points_gpkg(tmp_path / "input.gpkg", 5, "mine")
    before = _digest(source)
    with pytest.raises(QgsProcessingException, match="is the input layer 'INPUT'"):
        _run({"INPUT": str(source), "OUTPUT": str(source)})
    assert _digest(source) == before


def test_reports_are_written_whole_and_readable_like_any_file(tmp_path):
    import os
    import stat

    from cq_urban_plugin.core.files.atomic import atomic_write_text

    path = tmp_path / "report.html"
    path.write_text("previous", encoding="utf-8")
    mask = os.umask(0o022)
    try:
        atomic_write_text(path, "<html>新</html>")
    finally:
        os.umask(mask)
    assert path.read_text(encoding="utf-8") == "<html>新</html>"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
