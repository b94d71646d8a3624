"""The panel's Whole plan tab (整体校核): cq_urban:check_plan in one run, on the bundled 江津 sample.

Real QGIS, real algorithms: the tab's counts, rows, colours and tooltips are compared with a direct
``processing.run`` of cq_urban:check_plan on the same layers; the layer pickers' defaults are the
sample's layers by name; cancelling is checked through the task's status.
"""
import time
from pathlib import Path

import processing
from qgis.core import QgsProject, QgsRasterLayer, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtTest import QTest
from test_panel import many_patches_layer, panel, plugin, townships_layer, wait_for  # noqa: F401 (fixtures)

from cq_urban_plugin.core.checks.targets import figure_text
from cq_urban_plugin.gui import plan_tab
from cq_urban_plugin.i18n import tr

REPO = Path(__file__).resolve().parents[1]
PLAN_ID = "cq_urban:check_plan"
# The sample's layer for each role the tab offers (parks: the green land the park walk needs).
SAMPLE_ROLES = {"BUILTUP": "builtup", "LANDUSE": "landuse", "STOPS": "bus_stops", "ROADS": "roads",
                "GREEN": "parks", "ECOLOGY": "ecology_redline", "FARMLAND": "farmland",
                "DEVELOPMENT": "development_boundary"}


def load_sample(place):
    gpkg = REPO / "layers" / f"{place}.gpkg"
    names = ("townships",) + tuple(SAMPLE_ROLES.values()) + ("schools",)
    layers = {name: QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in names}
    layers["population"] = QgsRasterLayer(str(REPO / "layers" / f"{place}_population.tif"), f"{place}_population")
    assert all(layer.isValid() for layer in layers.values())
    QgsProject.instance().addMapLayers(list(layers.values()))
    QCoreApplication.processEvents()
    return layers


def test_the_whole_plan_on_the_jiangjin_sample(panel, monkeypatch):  # noqa: F811 (fixtures of test_panel)
    layers = load_sample("jiangjin")
    assert panel.session.select_catalogue("jiangjin")
    QCoreApplication.processEvents()
    assert panel.session.township_combo.currentLayer() is layers["townships"]
    assert panel.session.name_field() == "name"
    tab = panel.plan
    # the defaults: the sample's layers by their names (bus_stops, landuse, parks, …), the population raster
    for parameter, name in SAMPLE_ROLES.items():
        assert tab.pickers[parameter].currentLayer() is layers[name], parameter
    assert tab.pickers["POPULATION"].currentLayer() is layers["population"]
    for parameter in ("FACILITIES", "FOREST", "RIVER", "PLANTS"):  # no layer named for them: left empty
        assert tab.pickers[parameter].currentLayer() is None, parameter
    # pickers filter by geometry: no points among the built-up's choices, no polygons among the stops'
    choices = {tab.pickers["BUILTUP"].layer(i) for i in range(tab.pickers["BUILTUP"].count())}
    assert layers["builtup"] in choices and layers["bus_stops"] not in choices and layers["schools"] not in choices
    choices = {tab.pickers["STOPS"].layer(i) for i in range(tab.pickers["STOPS"].count())} - {None}
    assert layers["bus_stops"] in choices and layers["builtup"] not in choices

    panel.tabs.setCurrentWidget(tab)
    QTest.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    run = panel.session.last_run
    assert run is not None and run.algorithm_id == PLAN_ID
    assert not tab.run_button.isEnabled() and not panel.checks.builtup_button.isEnabled()  # one run at a time
    assert panel.session.start(PLAN_ID, {}, "again", lambda _r: None) is False
    wait_for(run, 300)
    assert run.status() == QgsTask.TaskStatus.Complete, run.error
    assert tab.run_button.isEnabled() and not panel.session.cancel_button.isEnabled()
    used = run.parameters
    assert used["TOWNSHIPS"] is layers["townships"] and used["TOWNSHIP_NAME_FIELD"] == "name"
    assert used["CATALOGUE"] == "jiangjin" and used["POPULATION"] is layers["population"]

    direct = processing.run(PLAN_ID, {
        "CATALOGUE": "jiangjin", "TOWNSHIPS": layers["townships"], "TOWNSHIP_NAME_FIELD": "name",
        "POPULATION": layers["population"], "SUMMARY": "TEMPORARY_OUTPUT",
        **{parameter: layers[name] for parameter, name in SAMPLE_ROLES.items()}})
    counts = {key: direct[key] for key in plan_tab.COUNT_KEYS}
    assert tab.counts == counts
    assert counts["MEASURED_COUNT"] >= 5 and counts["NOT_MEASURED_COUNT"] > 0
    assert panel.session.status_label.text() == tr(
        "{measured} targets measured, {met} met, {not_met} not met, {not_measured} not measured").format(
        measured=counts["MEASURED_COUNT"], met=counts["MET_COUNT"], not_met=counts["NOT_MET_COUNT"],
        not_measured=counts["NOT_MEASURED_COUNT"])

    # one row per target, as the summary has them
    expected = list(direct["SUMMARY"].getFeatures())
    table = tab.table
    assert table.rowCount() == len(expected) == counts["TARGETS"]
    reasons = 0
    for row, feature in enumerate(expected):
        assert tab.plan_rows[row]["target_id"] == feature["target_id"]
        assert table.item(row, 0).text().startswith(feature["label"])
        assert table.item(row, 2).text() == feature["verdict"]
        tooltip = table.item(row, 2).toolTip()
        if feature["status"] in ("met", "not_met"):
            # By the unit: 26 个 (a count), 86.7 % (a percentage), 138.40 km².
            assert table.item(row, 1).text().startswith(figure_text(feature["measured"], feature["unit"]))
            colour = table.item(row, 2).background().color()
            if feature["status"] == "met":
                assert colour.green() > colour.red()
            else:
                assert colour.red() > colour.green()
        else:  # not measured: no figure, and why in the tooltip
            assert table.item(row, 1).text() == "—"
            assert feature["reason"] and feature["reason"] in tooltip
            assert tr("Reason: {reason}").format(reason=feature["reason"]) in table.item(row, 0).toolTip()
            reasons += 1
    assert reasons == counts["NOT_MEASURED_COUNT"]
    park = next(i for i, f in enumerate(expected) if f["target_id"] == "park_walk_5min_2025")
    assert tab.plan_rows[park]["status"] in ("met", "not_met")  # the parks as green land measured it

    # the report: written, and the button opens it
    assert tab.report_button.isEnabled() and Path(tab.report_path).is_file()
    assert "<html" in Path(tab.report_path).read_text(encoding="utf-8").lower()
    opened = []
    monkeypatch.setattr(plan_tab.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    QTest.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [tab.report_path]


def test_cancel_stops_the_whole_plan(panel):  # noqa: F811 (fixtures of test_panel)
    townships, patches = townships_layer(), many_patches_layer()
    QgsProject.instance().addMapLayers([townships, patches])
    assert panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    tab = panel.plan
    tab.pickers["BUILTUP"].setLayer(patches)
    layers_before = set(QgsProject.instance().mapLayers())
    assert tab.run_plan()
    run = panel.session.last_run
    deadline = time.time() + 60
    while run.status() != QgsTask.TaskStatus.Running and not run.done and time.time() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    assert run.status() == QgsTask.TaskStatus.Running, "the run ended before it could be cancelled"
    QTest.mouseClick(panel.session.cancel_button, Qt.MouseButton.LeftButton)
    wait_for(run, timeout=120)
    assert run.status() == QgsTask.TaskStatus.Terminated and run.cancelled and run.results == {}
    assert set(QgsProject.instance().mapLayers()) == layers_before  # no summary table added
    assert tab.table.rowCount() == 0 and not tab.report_button.isEnabled()
    assert tab.run_button.isEnabled() and not panel.session.cancel_button.isEnabled()
    assert panel.session.status_label.text() == tr("{task}: cancelled; nothing was added to the project.").format(
        task=tr("Whole plan"))


def test_nothing_to_measure_gives_a_message(panel):  # noqa: F811 (fixtures of test_panel)
    panel.session.township_combo.setLayer(None)
    for combo in panel.plan.pickers.values():
        combo.setLayer(None)
    assert panel.plan.run_plan() is False
    assert panel.session.status_label.text() == tr("Choose the township layer or a layer to measure.")
    assert panel.session.run is None


def test_the_dossier_from_the_tab(panel, tmp_path):  # noqa: F811 (fixtures of test_panel)
    """The tab's choices make the dossier through cq_urban:export_dossier (in the main thread, as its
    layouts must be): the PDF written where asked, its page count the algorithm's."""
    import subprocess

    load_sample("wuxi")
    assert panel.session.select_catalogue("wuxi")
    QCoreApplication.processEvents()
    tab = panel.plan
    assert tab.run_dossier() is False  # no file chosen: said, nothing run
    assert panel.session.status_label.text() == tr("Choose the file to save the dossier as.")
    assert panel.session.run is None
    tab.dossier_file.setFilePath(str(tmp_path / "wuxi_dossier"))
    tab.dossier_paper_combo.setCurrentIndex(1)  # A3
    QTest.mouseClick(tab.dossier_button, Qt.MouseButton.LeftButton)
    run = panel.session.last_run
    assert run is not None and run.algorithm_id == "cq_urban:export_dossier"
    assert run.parameters["PAPER"] == 1 and "SUMMARY" not in run.parameters
    wait_for(run, 300)
    assert run.status() == QgsTask.TaskStatus.Complete, run.error
    pdf = tmp_path / "wuxi_dossier.pdf"
    assert tab.dossier_path == str(pdf) and pdf.is_file()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages == tab.dossier_pages == run.results["PAGES"] and pages >= 3
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert "842 x 1191" in size  # A3 portrait, in points
    assert str(pdf) in panel.session.status_label.text()
    assert tab.run_button.isEnabled() and tab.dossier_button.isEnabled()
