"""The panel's Maps tab offers the indicator checks' themes too (land_share, per_capita: issue #16),
and exports a check's output in them through cq_urban:export_map with the right THEME number."""
import factory
import processing
from qgis.core import QgsProject, QgsVectorLayer
from test_panel import panel, plugin  # noqa: F401 (fixtures)
from test_panel_maps import pdf_text, themes

from cq_urban_plugin import definitions
from cq_urban_plugin.i18n import tr


def test_land_share_and_per_capita_themes_are_offered_and_export(panel, tmp_path):  # noqa: F811 (fixture)
    keys = [data[0] for data in themes(panel)]
    assert keys[-2:] == ["land_share", "per_capita"]
    sample = factory.sample_gpkg(tmp_path / "sample.gpkg")
    output = processing.run("cq_urban:check_land_share", {
        "INDICATOR": "green_space_ratio", "INPUT": sample["LANDUSE"], "CLASS_PRESET": 1, "EXTENT": sample["BUILTUP"],
        "TOWNSHIPS": sample["TOWNSHIPS"], "TOWNSHIP_NAME_FIELD": "name", "TARGET_VALUE": 30,
        "OUTPUT": str(tmp_path / "share.gpkg"), "TABLE": "TEMPORARY_OUTPUT"})["OUTPUT"]
    layer = QgsVectorLayer(output, "share", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        assert panel.maps.select_theme("land_share")
        panel.maps.export_layer_combo.setLayer(layer)
        panel.maps.export_file.setFilePath(str(tmp_path / "share.pdf"))
        parameters = panel.maps.export_parameters()
        assert parameters["THEME"] == definitions.THEME_KEYS.index("land_share")
        result = processing.run("cq_urban:export_map", dict(parameters, DPI=50))
        assert tr("Share of the extent (%)") in pdf_text(result["OUTPUT"])
        assert panel.maps.select_theme("per_capita")
        assert panel.maps.export_parameters()["THEME"] == definitions.THEME_KEYS.index("per_capita")
    finally:
        QgsProject.instance().removeAllMapLayers()
