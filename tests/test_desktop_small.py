"""The smaller desktop points of issue 22, each on the real QGIS: Processing › History, the network note's
menu path, the layout-designer entry on a table, routine notes logged as information, smooth progress,
the coverage dialog's title, the targets offered as a list in the Toolbox, Chinese aliases of the plan
fields, a help link for every algorithm."""
import processing
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from test_panel import (  # noqa: F401 (fixtures)
    add_layers,
    builtup_layer,
    panel,
    plugin,
    stops_layer,
    townships_layer,
    wait_for,
)

from cq_urban_plugin.compat import QAction
from cq_urban_plugin.i18n import tr

COVERAGE_ID, BUILTUP_ID = "cq_urban:check_coverage", "cq_urban:check_builtup"


def test_panel_runs_appear_in_processing_history(panel):  # noqa: F811 (fixture)
    townships, builtup = add_layers(townships_layer(), builtup_layer())
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    panel.checks.builtup_combo.setLayer(builtup)
    assert panel.checks.run_builtup()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    from qgis.gui import QgsGui

    if hasattr(QgsGui, "historyProviderRegistry"):  # QGIS 3.24+
        entries = QgsGui.historyProviderRegistry().queryEntries()
        commands = [e.entry.get("python_command", "") for e in entries]
    else:  # 3.22: what Processing › History reads
        from processing.core.ProcessingLog import ProcessingLog

        commands = [e.text for e in ProcessingLog.getLogEntries()]
    assert any(BUILTUP_ID in c and "builtup" in c for c in commands[-5:]), commands[-5:]
    assert QgsGui.instance().processingRecentAlgorithmLog().recentAlgorithmIds()[0] == BUILTUP_ID


def test_the_network_note_names_menu_paths_qgis_has(qgis_processing):
    from cq_urban_plugin.core.geo.network import NetworkDiagnosis

    note = NetworkDiagnosis(components=2, largest_share=0.9, components_without_stop=1).notes("roads")[0]
    registry = QgsApplication.processingRegistry()
    for algorithm_id in ("native:splitwithlines", "native:snapgeometries"):
        algorithm = registry.algorithmById(algorithm_id)
        assert f"Processing Toolbox > {algorithm.group()} > {algorithm.displayName()}" in note, algorithm_id


def test_designer_entry_on_a_table_asks_for_a_polygon_layer(plugin, qgis_iface):  # noqa: F811 (fixture)
    table = QgsVectorLayer("None?field=name:string", "match report", "memory")
    feature = QgsFeature(table.fields())
    feature.setAttributes(["x"])
    table.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(table)
    qgis_iface.setActiveLayer(table)
    qgis_iface.messageBar().clear_messages()
    action = next(a for a in qgis_iface.mainWindow().findChildren(QAction) if a.objectName() == "cq_urban_open_layout")
    action.trigger()
    from qgis.core import Qgis

    messages = " ".join(qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    assert "polygon" in messages and "CRS" not in messages
    assert not QgsProject.instance().layoutManager().printLayouts()


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802 (QGIS's name)
        self.infos.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS's name)
        self.warnings.append(warning)
        super().pushWarning(warning)


def test_reprojected_notes_are_information_not_warnings(qgis_processing, plugin):  # noqa: F811 (fixture)
    townships, stops = townships_layer(), stops_layer()
    served = processing.run("native:reprojectlayer", {"INPUT": builtup_layer(), "TARGET_CRS": "EPSG:4490",
                                                      "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    feedback = Recorder()
    processing.run(COVERAGE_ID, {"STOPS": stops, "SERVED_AREA": served, "TOWNSHIPS": townships,
                                 "TOWNSHIP_NAME_FIELD": "name", "CATALOGUE": "wuxi"}, feedback=feedback)
    reprojected = tr("{layer}: reprojected from {crs}.").split("{crs}")[0].replace("{layer}", "")
    assert any(reprojected in i for i in feedback.infos)
    assert not any(reprojected in w for w in feedback.warnings), feedback.warnings


def test_progress_moves_forward_smoothly(panel):  # noqa: F811 (fixture)
    townships, stops = add_layers(townships_layer(), stops_layer())
    served = builtup_layer()
    add_layers(served)
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    panel.checks.stops_combo.setLayer(stops)
    panel.checks.served_combo.setLayer(served)
    panel.checks.roads_combo.setLayer(None)
    seen = []
    panel.session.progress_bar.valueChanged.connect(seen.append)
    assert panel.checks.run_coverage()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    values = [v for v in seen if v > 0]
    assert values and values[-1] == 100
    assert values == sorted(values), values  # never back, as the result loader's 0–33–66 % did
    assert len(set(values)) >= 4, values


def test_the_coverage_dialog_title_keeps_its_units(plugin, qgis_iface, monkeypatch):  # noqa: F811 (fixture)
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model)  # pytest-qgis's iface has none
    dialog = processing.createAlgorithmDialog(COVERAGE_ID, {})
    try:
        algorithm = QgsApplication.processingRegistry().algorithmById(COVERAGE_ID)
        assert algorithm.displayName() == tr("Bus-stop coverage (500 m)")
        # 3.22 titles the dialog with the name alone, 3.40 and later put the group before it.
        assert dialog.windowTitle() in (algorithm.displayName(), f"{algorithm.group()} - {algorithm.displayName()}")
        assert "500 M" not in dialog.windowTitle()
    finally:
        dialog.deleteLater()
        QCoreApplication.processEvents()


def test_the_toolbox_offers_the_catalogues_targets(plugin):  # noqa: F811 (fixture)
    from qgis.core import QgsProcessingContext
    from qgis.gui import QgsGui, QgsProcessingGui
    from qgis.PyQt.QtWidgets import QComboBox

    from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

    registry = QgsApplication.processingRegistry()
    for algorithm_id, indicator, expected in ((BUILTUP_ID, "builtup_area", "builtup_2025"),
                                             (COVERAGE_ID, "bus_stop_coverage", None)):
        parameter = registry.algorithmById(algorithm_id).parameterDefinition("TARGET_ID")
        wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(parameter,
                                                                              QgsProcessingGui.WidgetType.Standard)
        widget = wrapper.createWrappedWidget(QgsProcessingContext())
        assert isinstance(widget, QComboBox), type(widget)  # a drop-down in the algorithm dialog
        offered = [widget.itemText(i) for i in range(widget.count())]
        ids = [t.id for c in ("jiangjin", "kaizhou", "wuxi", "chongqing")
               for t in bundled_catalogue(c).targets_for(indicator)]
        assert set(ids) <= set(offered) and offered[0] == ""
        if expected:
            assert expected in offered
    # and an id typed (qgis_process, models) is still taken
    townships, builtup = townships_layer(), builtup_layer()
    result = processing.run(BUILTUP_ID, {"BUILTUP": builtup, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
                                         "CATALOGUE": "kaizhou", "TARGET_ID": "builtup_2035",
                                         "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})
    assert result["TARGET"] == 100.0


def test_plan_fields_get_aliases(panel):  # noqa: F811 (fixture)
    from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

    (townships,) = add_layers(townships_layer())
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run)
    tagged = panel.session.tagged_layer()
    alias = {f.name(): tagged.attributeAlias(i) for i, f in enumerate(tagged.fields())}
    assert alias["plan_name"] == tr("Plan name") and alias["plan_cite"] == tr("Plan citation")
    tier = bundled_catalogue("kaizhou").structure("town_tier")
    assert alias["tier"] == tier.name and any("\u4e00" <= ch <= "\u9fff" for ch in alias["tier"])


def test_every_algorithm_links_to_its_readme_section(plugin):  # noqa: F811 (fixture)
    import re
    import unicodedata
    from pathlib import Path

    from cq_urban_plugin.resources import PROJECT_URL

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

    def slug(heading):  # GitHub's heading anchors
        text = unicodedata.normalize("NFC", heading.strip().lower())
        text = re.sub(r"[^\w\- ]", "", text)
        return text.replace(" ", "-")

    anchors = {slug(line.lstrip("#")) for line in readme.splitlines() if line.startswith("#")}
    provider = QgsApplication.processingRegistry().providerById("cq_urban")
    for algorithm in provider.algorithms():
        url = algorithm.helpUrl()
        assert url.startswith(PROJECT_URL + "/") and "README.md#" in url, algorithm.id()
        assert url.split("#", 1)[1] in anchors, url
        assert f"`{algorithm.id()}`" in readme  # the section's table has its row
