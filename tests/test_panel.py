"""The "Plan checks" dock panel with a real QGIS, a real iface and real algorithms.

Every figure the panel shows is compared with a direct ``processing.run`` of
the same algorithm on the same layers (and the built-up total also with QGIS's
own dissolve and area); the zoom is checked against the township's bounding
box transformed by QGIS; cancelling is checked through the task's status. The
screenshot test renders the panel under Xvfb in Chinese.
"""
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import processing
import pytest
from qgis.core import (
    NULL,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt
from qgis.PyQt.QtTest import QTest

import cq_urban_plugin
from cq_urban_plugin.compat import QAction
from cq_urban_plugin.core.files.fields import make_fields
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue
from cq_urban_plugin.i18n import tr

REPO = Path(__file__).resolve().parents[1]
# Every run photographs the panel into build/screenshots, to look at; `make screenshots` writes the
# README's own (tests/screenshots), so that a test run leaves the checkout as it was.
SCREENSHOTS = Path(os.environ.get("CQ_URBAN_SCREENSHOTS") or REPO / "build" / "screenshots")
CRS = "EPSG:4545"  # CGCS2000 3-degree GK, CM 108E: 开州's zone
X0, Y0, SIDE = 530000.0, 3450000.0, 2000.0
# 开州 townships as a real layer writes them: suffix dropped (文峰), 乡 written 镇 (关面镇),
# and one name no plan knows (a typo of 五通乡).
TOWNSHIP_NAMES = ["汉丰街道", "文峰", "岳溪镇", "大进镇", "关面镇", "五同乡"]
TAG_ID, BUILTUP_ID, CONTROL_ID, COVERAGE_ID = (
    "cq_urban:tag_townships", "cq_urban:check_builtup", "cq_urban:check_control_lines", "cq_urban:check_coverage")


# ---------------------------------------------------------------- test data
def square(x, y, side):
    return QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + side} {y},{x + side} {y + side},{x} {y + side},{x} {y}))")


def memory_layer(geometry_type, fields, rows, name):
    layer = QgsVectorLayer(f"{geometry_type}?crs={CRS}", name, "memory")
    layer.dataProvider().addAttributes(make_fields(fields))
    layer.updateFields()
    features = []
    for geometry, attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes(list(attributes))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def townships_layer():
    rows = [(square(X0 + (i % 3) * SIDE, Y0 + (i // 3) * SIDE, SIDE), [name]) for i, name in enumerate(TOWNSHIP_NAMES)]
    return memory_layer("Polygon", [("name", str)], rows, "townships")


def builtup_layer():
    # Overlapping patches crossing township boundaries.
    rows = [(square(X0 + 500, Y0 + 500, 1000), [1]), (square(X0 + 1000, Y0 + 1000, 1500), [2]),
            (square(X0 + 4300, Y0 + 2300, 900), [3])]
    return memory_layer("Polygon", [("id", int)], rows, "builtup")


def many_patches_layer(count=40000):
    side = 10.0
    per_row = 400
    rows = [(square(X0 + (i % per_row) * 15.0, Y0 + (i // per_row) * 15.0, side), [i]) for i in range(count)]
    return memory_layer("Polygon", [("id", int)], rows, "many patches")


def development_layer():
    return memory_layer("Polygon", [("id", int)], [(square(X0, Y0, 3000), [1])], "development boundary")


def ecology_layer():
    return memory_layer("Polygon", [("id", int)], [(square(X0 + 3000, Y0 + 2000, 3000), [1])], "ecology red line")


# ------------------------------------------------------------------ helpers
def registered(algorithm_id):
    return QgsApplication.processingRegistry().algorithmById(algorithm_id) is not None


def require(*algorithm_ids):
    missing = [a for a in algorithm_ids if not registered(a)]
    if missing:
        pytest.skip(f"not in the provider yet: {', '.join(missing)}")


def wait_for(run, timeout=180):
    """Let the task manager and the event loop work until the run has reported back."""
    deadline = time.time() + timeout
    while not run.done and time.time() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()
    assert run.done, f"{run.algorithm_id} did not finish in {timeout} s"


def add_layers(*layers):
    QgsProject.instance().addMapLayers(list(layers))
    return layers


def first_value(results, key):
    return results[key]


def approx(value):
    return pytest.approx(value, rel=1e-9, abs=1e-9)


@pytest.fixture
def plugin(qgis_iface, without_cq_provider, qgis_new_project):
    plugin = cq_urban_plugin.classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    if plugin.panel is not None and plugin.panel.session.run is not None:
        plugin.panel.session.cancel()
        wait_for(plugin.panel.session.run)
    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture
def panel(plugin, qgis_iface):
    action = next(a for a in qgis_iface.mainWindow().findChildren(QAction)
                  if a.objectName() == "cq_urban_plan_checks")
    action.trigger()
    dock = plugin.panel
    dock.setFloating(True)
    dock.resize(520, 760)
    dock.show()
    QCoreApplication.processEvents()
    return dock


def table_column(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


# -------------------------------------------------------------------- tests
def test_panel_opens_from_the_menu_action(plugin, qgis_iface):
    from cq_urban_plugin.gui.panel import PlanChecksDock

    action = next(a for a in qgis_iface.mainWindow().findChildren(QAction)
                  if a.objectName() == "cq_urban_plan_checks")
    assert plugin.panel is None  # built on first use only
    action.trigger()
    assert isinstance(plugin.panel, PlanChecksDock)
    assert plugin.panel.windowTitle() == tr("Plan checks")
    assert action.isChecked() and not plugin.panel.isHidden()
    # the catalogue list: every bundled catalogue, then "Browse…"
    combo = plugin.panel.session.catalogue_combo
    ids = [Path(combo.itemData(i)).stem for i in range(combo.count() - 1)]
    assert "kaizhou" in ids and combo.itemText(combo.count() - 1) == tr("Browse…")
    # the targets offered for the built-up check are the catalogue's own
    assert plugin.panel.session.select_catalogue("kaizhou")
    targets = plugin.panel.checks.builtup_target_combo
    offered = [targets.itemData(i) for i in range(targets.count())]
    assert offered == [t.id for t in bundled_catalogue("kaizhou").targets_for("builtup_area")] + [""]
    # each written as the reports write it: a floor with ≥, an approximate figure with ≈ (not "about")
    texts = [targets.itemText(i) for i in range(targets.count() - 1)]
    for text, target in zip(texts, bundled_catalogue("kaizhou").targets_for("builtup_area")):
        sign = {">=": "≥", "<=": "≤", "about": "≈", "=": "="}.get(target.comparison, "")
        assert f"{sign} {target.value:g}" in text and "about" not in text, text
    action.trigger()  # toggles it off again
    assert plugin.panel.isHidden()


def test_layer_pickers_filter_by_geometry(panel):
    townships, builtup = add_layers(townships_layer(), builtup_layer())
    stops = memory_layer("Point", [("id", int)], [(QgsGeometry.fromWkt(f"POINT({X0} {Y0})"), [1])], "stops")
    add_layers(stops)
    # the first polygon layer added is selected by the combo itself; its fields show at once
    assert panel.session.township_combo.currentLayer() is not None
    assert panel.session.name_field_combo.layer() is panel.session.township_combo.currentLayer()
    panel.session.township_combo.setLayer(townships)
    assert panel.session.name_field() == "name"
    polygon_choices = {panel.session.township_combo.layer(i) for i in range(panel.session.township_combo.count())}
    assert townships in polygon_choices and builtup in polygon_choices and stops not in polygon_choices
    point_choices = {panel.checks.stops_combo.layer(i) for i in range(panel.checks.stops_combo.count())}
    assert point_choices - {None} == {stops}


def test_builtup_check_fills_the_table_and_zooms(panel, qgis_iface):
    require(BUILTUP_ID)
    townships, builtup = add_layers(townships_layer(), builtup_layer())
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    panel.checks.builtup_combo.setLayer(builtup)
    target_index = panel.checks.builtup_target_combo.findData("builtup_2025")
    assert target_index >= 0
    panel.checks.builtup_target_combo.setCurrentIndex(target_index)

    QTest.mouseClick(panel.checks.builtup_button, Qt.MouseButton.LeftButton)
    run = panel.session.last_run
    assert run is not None and run.algorithm_id == BUILTUP_ID
    assert not panel.checks.builtup_button.isEnabled() and panel.session.cancel_button.isEnabled()  # busy, not frozen
    wait_for(run)
    assert run.status() == QgsTask.TaskStatus.Complete, run.error
    assert panel.session.progress_bar.value() == 100 and not panel.session.cancel_button.isEnabled()

    direct = processing.run(BUILTUP_ID, {
        "BUILTUP": builtup, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name", "CATALOGUE": "kaizhou",
        "TARGET_ID": "builtup_2025", "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})
    # The target's scope is 开州's first tier (中心城区): 汉丰街道 is in it, 大进镇 (second tier) is not.
    in_scope = {f["name"] for f in direct["OUTPUT"].getFeatures() if f["in_scope"]}
    assert "汉丰街道" in in_scope and "大进镇" not in in_scope
    # Independently: QGIS's dissolve and clip to those townships, area in the layers' own
    # GK CRS (EPSG:4545), m² → km².
    scope_layer = processing.run("native:extractbyexpression", {
        "INPUT": townships, "EXPRESSION": "name IN ({})".format(",".join(f"'{n}'" for n in in_scope)),
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    dissolved = processing.run("native:dissolve", {"INPUT": builtup, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    clipped = processing.run("native:clip", {"INPUT": dissolved, "OVERLAY": scope_layer,
                                             "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    native_km2 = sum(f.geometry().area() for f in clipped.getFeatures()) / 1e6
    assert direct["MEASURED"] == pytest.approx(native_km2, rel=1e-4)

    summary = panel.results.result_rows[0]
    assert summary.measured == approx(direct["MEASURED"])
    assert summary.target == approx(direct["TARGET"]) and direct["TARGET"] == 60.0
    assert summary.gap == approx(direct["GAP"])
    assert summary.passed is direct["PASSED"] is False
    table = panel.results.results_table
    assert table.item(0, 0).text() == tr("{check}: target {value}").format(check=tr("Built-up area"),
                                                                          value="60 km²")  # the check's heading
    first = panel.results.table_row(0)
    assert first == 1
    assert table.item(first, 1).text() == f"{direct['MEASURED']:,.2f} km²"
    assert table.item(first, 2).text() == tr("not met")
    tooltip = table.item(first, 2).toolTip()  # the target and the gap are in the tooltip
    assert f"{direct['GAP']:,.2f}" in tooltip and f"{direct['TARGET']:,.2f}" in tooltip
    colour = table.item(first, 2).background().color()
    assert colour.red() > colour.green()  # red

    # One row per township with the algorithm's own per-township figure.
    per_township = {f["name"]: f["bu_km2"] for f in direct["OUTPUT"].getFeatures()}
    shown = {row.scope: row.measured for row in panel.results.result_rows[1:]}
    assert shown == pytest.approx(per_township)
    assert sum(v for k, v in shown.items() if k in in_scope) == pytest.approx(direct["MEASURED"], rel=1e-6)

    # Clicking a township's row zooms the canvas to it (canvas in another CRS: the box is transformed).
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    canvas.setExtent(QgsRectangle(100, 20, 101, 21))
    panel.tabs.setCurrentIndex(2)
    QCoreApplication.processEvents()
    row = next(i for i, r in enumerate(panel.results.result_rows) if r.scope == "岳溪镇")
    rect = table.visualItemRect(table.item(panel.results.table_row(row), 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    township = next(f for f in townships.getFeatures() if f["name"] == "岳溪镇")
    expected = QgsCoordinateTransform(townships.crs(), canvas.mapSettings().destinationCrs(),
                                      QgsProject.instance()).transformBoundingBox(township.geometry().boundingBox())
    extent = canvas.extent()
    assert extent.contains(expected)
    assert extent.width() < 3 * expected.width() or extent.height() < 3 * expected.height()


def test_control_lines_check_fills_the_table(panel):
    require(CONTROL_ID)
    townships, development, ecology = add_layers(townships_layer(), development_layer(), ecology_layer())
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    panel.checks.development_combo.setLayer(development)
    panel.checks.ecology_combo.setLayer(ecology)
    assert panel.checks.run_control_lines()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    direct = processing.run(CONTROL_ID, {
        "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name", "DEVELOPMENT": development, "ECOLOGY": ecology,
        "OUTPUT": "TEMPORARY_OUTPUT", "OVERLAPS": "TEMPORARY_OUTPUT", "BUILTUP_OUTSIDE": "TEMPORARY_OUTPUT",
        "SUMMARY": "TEMPORARY_OUTPUT"})
    assert panel.results.result_rows[0].measured == approx(direct["MEASURED"])
    expected = {f["township"] or f["name"]: f["dev_pct"] for f in direct["OUTPUT"].getFeatures()}
    shown = {row.scope: row.measured for row in panel.results.result_rows[1:]}
    assert shown == pytest.approx(expected)
    # 汉丰街道 (0–2 km) lies wholly inside the 3 km development boundary square.
    assert shown["汉丰街道"] == pytest.approx(100.0)


def test_checks_run_on_the_tagged_layer(panel):
    require(TAG_ID, CONTROL_ID)
    townships, development = add_layers(townships_layer(), development_layer())
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run)
    tagged = panel.session.tagged_layer()
    assert tagged is not None and tagged.fields().indexOf("zone") >= 0
    panel.checks.development_combo.setLayer(development)
    assert panel.checks.run_control_lines()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    used = panel.session.last_run.parameters
    assert used["TOWNSHIPS"] is tagged and used["ZONE_FIELD"] == "zone"  # the plan zones tagging wrote
    direct = processing.run(CONTROL_ID, {
        "TOWNSHIPS": tagged, "TOWNSHIP_NAME_FIELD": "name", "ZONE_FIELD": "zone", "DEVELOPMENT": development,
        "OUTPUT": "TEMPORARY_OUTPUT", "OVERLAPS": "TEMPORARY_OUTPUT", "BUILTUP_OUTSIDE": "TEMPORARY_OUTPUT",
        "SUMMARY": "TEMPORARY_OUTPUT"})
    assert panel.results.result_rows[0].measured == approx(direct["MEASURED"])
    flags = {f["name"]: (None if f["zone_ok"] in (None, NULL) else bool(f["zone_ok"]))
             for f in direct["OUTPUT"].getFeatures()}
    assert {row.scope: row.passed for row in panel.results.result_rows[1:]} == flags
    assert True in flags.values() and False in flags.values()  # both colours are exercised
    # a row's colour follows its flag: green consistent, red flagged
    table = panel.results.results_table
    for index, row in enumerate(panel.results.result_rows):
        colour = table.item(panel.results.table_row(index), 2).background().color()
        if row.passed is True:
            assert colour.green() > colour.red()
        elif row.passed is False:
            assert colour.red() > colour.green()
    # choosing another township layer: the checks use it, not the old tagging output
    other = townships_layer()
    add_layers(other)
    panel.session.township_combo.setLayer(other)
    assert panel.session.check_townships() is other


def stops_layer():
    # Stops in 汉丰街道 and 岳溪镇 only; one duplicate.
    points = [(X0 + 1000, Y0 + 1000), (X0 + 4200, Y0 + 800), (X0 + 1000, Y0 + 1000)]
    rows = [(QgsGeometry.fromWkt(f"POINT({x} {y})"), [i]) for i, (x, y) in enumerate(points)]
    return memory_layer("Point", [("id", int)], rows, "bus stops")


def test_coverage_check_fills_the_table(panel, qgis_iface):
    require(COVERAGE_ID)
    townships, stops = add_layers(townships_layer(), stops_layer())
    served = builtup_layer()
    add_layers(served)
    panel.session.select_catalogue("wuxi")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    panel.checks.stops_combo.setLayer(stops)
    panel.checks.served_combo.setLayer(served)
    target_id = bundled_catalogue("wuxi").targets_for("bus_stop_coverage")[0].id  # 90% by 2025
    target_index = panel.checks.coverage_target_combo.findData(target_id)
    assert target_index >= 0
    panel.checks.coverage_target_combo.setCurrentIndex(target_index)
    assert panel.checks.run_coverage()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error

    direct = processing.run(COVERAGE_ID, {
        "STOPS": stops, "SERVED_AREA": served, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
        "RADIUS": 500, "CATALOGUE": "wuxi", "TARGET_ID": target_id,
        "SERVICE_AREA": "TEMPORARY_OUTPUT", "UNCOVERED": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})
    summary = panel.results.result_rows[0]
    assert summary.measured == approx(direct["MEASURED"]) and 0 < direct["MEASURED"] < 100
    assert summary.target == approx(direct["TARGET"]) and direct["TARGET"] == 90.0
    assert summary.gap == approx(direct["GAP"])
    assert summary.passed is direct["PASSED"] is False
    per_township = {f["township"]: f["measured"] for f in direct["TABLE"].getFeatures()
                    if f["township"] in TOWNSHIP_NAMES}
    shown = {row.scope: row.measured for row in panel.results.result_rows[1:]}
    assert shown == pytest.approx(per_township) and "汉丰街道" in shown
    # the uncovered areas are in the project and go onto the coverage map as an extra layer
    uncovered = QgsProject.instance().mapLayer(panel.maps.export_extras[0])
    assert uncovered is not None and uncovered.featureCount() > 0
    assert panel.maps.theme_combo.currentData()[0] == "coverage"
    assert panel.maps.export_layer_combo.currentLayer() == townships


def test_tagging_match_report_fix_in_place_and_value_maps(panel):
    require(TAG_ID)
    (townships,) = add_layers(townships_layer())
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    results = panel.session.last_run.results

    direct = processing.run(TAG_ID, {"INPUT": townships, "NAME_FIELD": "name", "CATALOGUE": "kaizhou",
                                     "OUTPUT": "TEMPORARY_OUTPUT", "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    for key in ("MATCHED", "UNMATCHED", "AMBIGUOUS", "MISSING"):
        assert results[key] == direct[key]
    assert direct["MATCHED"] == 5 and direct["UNMATCHED"] == 1
    # the match report table shows the algorithm's report, row for row
    report_rows = [(f["name"], f["status"]) for f in direct["MATCH_REPORT"].getFeatures()]
    assert [(r["name"], r["problem"]) for r in panel.tagging.match_rows] == report_rows
    assert panel.tagging.match_table.rowCount() == len(report_rows)
    from cq_urban_plugin.gui.tag_tab import status_text

    assert table_column(panel.tagging.match_table, 1) == [status_text(status) for _name, status in report_rows]
    assert table_column(panel.tagging.match_table, 0) == [name or "" for name, _status in report_rows]

    # the tagged output is in the project, with the plan's values
    tagged = panel.session.tagged_layer()
    assert tagged is not None and tagged.featureCount() == townships.featureCount()
    direct_tiers = {f["name"]: f["tier"] for f in direct["OUTPUT"].getFeatures()}
    assert {f["name"]: f["tier"] for f in tagged.getFeatures()} == direct_tiers
    assert direct_tiers["大进镇"] == "第二级"
    # hand edits: the tier field offers the catalogue's values
    setup = tagged.editorWidgetSetup(tagged.fields().indexOf("tier"))
    assert setup.type() == "ValueMap"
    offered = {value for entry in setup.config()["map"] for value in entry.values()}
    tiers = {c.value for c in bundled_catalogue("kaizhou").structure("town_tier").classes}
    assert tiers <= offered

    # fix the unmatched name in place: one undoable edit in the layer's edit session
    row = next(i for i, r in enumerate(panel.tagging.match_rows) if r["name"] == "五同乡")
    fid = panel.tagging.match_rows[row]["fid"]
    assert fid is not None
    panel.tagging.fix_township_name(fid, "五通乡")
    assert townships.isEditable()
    assert townships.getFeature(fid)["name"] == "五通乡"
    assert townships.undoStack().count() == 1
    townships.undoStack().undo()
    assert townships.getFeature(fid)["name"] == "五同乡"
    townships.undoStack().redo()
    assert townships.getFeature(fid)["name"] == "五通乡"

    # run again: now everything matches, and the old output is replaced, not duplicated
    old_id = tagged.id()
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.results["UNMATCHED"] == 0
    assert panel.session.last_run.results["MATCHED"] == 6
    assert QgsProject.instance().mapLayer(old_id) is None
    assert panel.session.tagged_layer().featureCount() == 6


def test_export_the_thematic_map(panel, tmp_path):
    require(TAG_ID, "cq_urban:export_map")
    (townships,) = add_layers(townships_layer())
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run)
    tagged = panel.session.tagged_layer()
    assert panel.maps.export_layer_combo.currentLayer() == tagged
    assert panel.maps.select_theme("tier")
    panel.maps.paper_combo.setCurrentIndex(1)  # A4 portrait
    panel.maps.title_edit.setText("开州区城镇体系校核图")
    target = tmp_path / "tiers.pdf"
    panel.maps.export_file.setFilePath(str(target))
    QTest.mouseClick(panel.maps.export_button, Qt.MouseButton.LeftButton)
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    assert panel.maps.export_path == str(target) and target.stat().st_size > 0

    direct_pdf = tmp_path / "direct.pdf"
    direct = processing.run("cq_urban:export_map", {"INPUT": tagged, "THEME": 1, "PAPER": 1,
                                                    "TITLE": "开州区城镇体系校核图", "OUTPUT": str(direct_pdf)})
    assert panel.session.last_run.results["PAGES"] == direct["PAGES"] == 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
        assert "开州区城镇体系校核图" in text
        assert "汉丰街道" in text or "汉丰" in text


def test_fix_a_name_from_the_match_report_and_run_again(panel, qgis_iface):
    require(TAG_ID)
    (townships,) = add_layers(townships_layer())
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run)
    first_run = panel.session.last_run
    assert first_run.results["UNMATCHED"] == 1
    row = next(i for i, r in enumerate(panel.tagging.match_rows) if r["name"] == "五同乡")
    fid = panel.tagging.match_rows[row]["fid"]

    # double-clicking the row shows the feature on the map
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(townships.crs())
    canvas.setExtent(QgsRectangle(0, 0, 10, 10))
    panel.tabs.setCurrentIndex(0)
    QCoreApplication.processEvents()
    rect = panel.tagging.match_table.visualItemRect(panel.tagging.match_table.item(row, 0))
    # Qt's item views take a double-click on the row pressed just before, as a real user does.
    left, no_modifier = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(panel.tagging.match_table.viewport(), left, no_modifier, rect.center())
    QTest.mouseDClick(panel.tagging.match_table.viewport(), left, no_modifier, rect.center())
    assert canvas.extent().contains(townships.getFeature(fid).geometry().boundingBox())
    assert canvas.extent().width() < 3 * SIDE or canvas.extent().height() < 3 * SIDE

    # "Fix the selected name…": the dialog offers the matcher's suggestion first; accept it
    offered = []

    def answer():
        from qgis.PyQt.QtWidgets import QApplication, QInputDialog

        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        offered.extend(dialog.comboBoxItems())
        dialog.setTextValue("五通乡")
        dialog.accept()

    from qgis.PyQt.QtCore import QTimer

    QTimer.singleShot(200, answer)
    QTest.mouseClick(panel.tagging.fix_button, Qt.MouseButton.LeftButton)
    assert offered[0] == "五通乡" and "汉丰街道" in offered
    assert townships.getFeature(fid)["name"] == "五通乡" and townships.undoStack().count() == 1
    # …and tagging runs again by itself
    assert panel.session.last_run is not first_run and panel.session.last_run.algorithm_id == TAG_ID
    wait_for(panel.session.last_run)
    assert panel.session.last_run.results["UNMATCHED"] == 0
    assert all(r["name"] != "五同乡" for r in panel.tagging.match_rows)


def test_hand_edits_of_roles_are_kept_in_the_saved_layer(panel, tmp_path):
    require(TAG_ID)
    (townships,) = add_layers(townships_layer())
    names_before = [f["name"] for f in townships.getFeatures()]
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    target = tmp_path / "tagged.gpkg"
    panel.tagging.tagged_file.setFilePath(str(target))
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    tagged = panel.session.tagged_layer()
    assert tagged.dataProvider().name() == "ogr" and tagged.source().startswith(str(target))
    assert [f["name"] for f in townships.getFeatures()] == names_before and not townships.isEditable()

    # the form's value map offers the plan's tiers; pick another one for 大进镇 and save
    index = tagged.fields().indexOf("tier")
    setup = tagged.editorWidgetSetup(index)
    assert setup.type() == "ValueMap"
    offered = [value for entry in setup.config()["map"] for value in entry.values()]
    assert "第三级" in offered
    feature = next(f for f in tagged.getFeatures() if f["name"] == "大进镇")
    assert feature["tier"] == "第二级"
    assert tagged.startEditing()
    assert tagged.changeAttributeValue(feature.id(), index, "第三级")
    assert tagged.commitChanges()
    reopened = QgsVectorLayer(tagged.source(), "reopened", "ogr")
    assert {f["name"]: f["tier"] for f in reopened.getFeatures()}["大进镇"] == "第三级"


def test_a_catalogue_file_of_ones_own(panel, tmp_path):
    own = tmp_path / "my_district.yaml"
    own.write_text((REPO / "cq_urban_plugin" / "catalogues" / "kaizhou.yaml").read_text(encoding="utf-8"),
                   encoding="utf-8")
    assert panel.session.add_catalogue_file(own)
    assert panel.session.catalogue_parameters() == {"CATALOGUE_FILE": str(own)}
    assert panel.session.catalogue_combo.itemText(panel.session.catalogue_combo.count() - 1) == tr("Browse…")
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\njurisdiction: [\n", encoding="utf-8")
    assert not panel.session.add_catalogue_file(broken)
    assert "broken.yaml" in panel.session.status_label.text() and "line" in panel.session.status_label.text()
    assert panel.session.catalogue_parameters() == {"CATALOGUE_FILE": str(own)}  # the choice before stays
    assert panel.session.select_catalogue("kaizhou")
    assert panel.session.catalogue_parameters() == {"CATALOGUE": "kaizhou"}


SAMPLE = REPO / "layers" / "kaizhou.gpkg"


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample data (layers/kaizhou.gpkg) not built")
def test_sample_data_tag_and_check_builtup(panel, qgis_iface):
    """The daily workflow on 开州's sample layers: tag the (messy) townships, check the built-up area."""
    require(TAG_ID, BUILTUP_ID)
    townships = QgsVectorLayer(f"{SAMPLE}|layername=townships_messy", "乡镇（样例）", "ogr")
    builtup = QgsVectorLayer(f"{SAMPLE}|layername=builtup", "建成区（样例）", "ogr")
    assert townships.isValid() and builtup.isValid()
    add_layers(townships, builtup)
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    assert panel.tagging.run_tagging(), panel.session.status_label.text()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    direct_tag = processing.run(TAG_ID, {"INPUT": townships, "NAME_FIELD": "name", "CATALOGUE": "kaizhou",
                                         "OUTPUT": "TEMPORARY_OUTPUT", "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    for key in ("MATCHED", "UNMATCHED", "AMBIGUOUS", "MISSING"):
        assert panel.session.last_run.results[key] == direct_tag[key]
    assert panel.tagging.match_table.rowCount() == direct_tag["MATCH_REPORT"].featureCount()
    tagged = panel.session.tagged_layer()

    panel.checks.builtup_combo.setLayer(builtup)
    panel.checks.builtup_target_combo.setCurrentIndex(panel.checks.builtup_target_combo.findData("builtup_2025"))
    assert panel.checks.run_builtup()
    wait_for(panel.session.last_run)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    assert panel.session.last_run.parameters["TOWNSHIPS"] is tagged
    direct = processing.run(BUILTUP_ID, {
        "BUILTUP": builtup, "TOWNSHIPS": tagged, "TOWNSHIP_NAME_FIELD": "name", "CATALOGUE": "kaizhou",
        "TARGET_ID": "builtup_2025", "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})
    summary = panel.results.result_rows[0]
    assert (summary.measured, summary.target, summary.gap, summary.passed) == (
        approx(direct["MEASURED"]), approx(direct["TARGET"]), approx(direct["GAP"]), direct["PASSED"])
    assert len(panel.results.result_rows) == 1 + direct["OUTPUT"].featureCount()
    # a township row zooms the (geographic) canvas to that township
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    canvas.setExtent(QgsRectangle(100, 20, 101, 21))
    row = panel.results.result_rows[1]
    assert panel.results.zoom_to_row(1)
    layer = QgsProject.instance().mapLayer(row.layer_id)
    box = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(),
                                 QgsProject.instance()).transformBoundingBox(
        layer.getFeature(row.fid).geometry().boundingBox())
    assert canvas.extent().contains(box)


def test_cancel_stops_a_running_task(panel):
    require(BUILTUP_ID)
    townships, patches = add_layers(townships_layer(), many_patches_layer())
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    panel.checks.builtup_combo.setLayer(patches)
    panel.checks.builtup_target_combo.setCurrentIndex(panel.checks.builtup_target_combo.count() - 1)  # no target
    layers_before = set(QgsProject.instance().mapLayers())
    assert panel.checks.run_builtup()
    run = panel.session.last_run
    deadline = time.time() + 60
    while run.status() != QgsTask.TaskStatus.Running and not run.done and time.time() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    assert run.status() == QgsTask.TaskStatus.Running, "the run ended before it could be cancelled"
    QTest.mouseClick(panel.session.cancel_button, Qt.MouseButton.LeftButton)
    wait_for(run, timeout=60)
    assert run.status() == QgsTask.TaskStatus.Terminated
    assert run.cancelled and run.feedback.isCanceled() and run.results == {}
    assert set(QgsProject.instance().mapLayers()) == layers_before  # nothing half-made was added
    assert panel.results.result_rows == []
    assert panel.checks.builtup_button.isEnabled() and not panel.session.cancel_button.isEnabled()
    assert panel.session.status_label.text() == tr("{task}: cancelled; nothing was added to the project.").format(
        task=tr("Built-up area"))


def test_a_failed_run_shows_the_algorithms_message(panel):
    require(BUILTUP_ID)
    townships = townships_layer()
    far_away = memory_layer("Polygon", [("id", int)], [(square(X0 + 90000, Y0 + 90000, 500), [1])], "far away")
    add_layers(townships, far_away)
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    panel.checks.builtup_combo.setLayer(far_away)
    panel.checks.builtup_target_combo.setCurrentIndex(panel.checks.builtup_target_combo.count() - 1)
    assert panel.checks.run_builtup()
    wait_for(panel.session.last_run)
    run = panel.session.last_run
    assert run.status() == QgsTask.TaskStatus.Terminated and not run.cancelled
    direct_error = None
    try:
        processing.run(BUILTUP_ID, {"BUILTUP": far_away, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
                                    "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})
    except Exception as error:  # QgsProcessingException: the algorithm's own message
        direct_error = str(error)
    assert direct_error, "the built-up check accepted townships that do not overlap the built-up layer"
    assert run.error.strip() and run.error.strip() in direct_error
    assert panel.session.status_label.text().startswith(tr("{task} failed: {error}").split("{error}")[0].format(
        task=tr("Built-up area")))
    assert "Traceback" not in panel.session.status_label.text()
    assert panel.results.result_rows == [] and panel.checks.builtup_button.isEnabled()


def test_missing_choices_give_a_message_not_a_traceback(panel):
    panel.session.township_combo.setLayer(None)
    assert panel.tagging.run_tagging() is False
    assert panel.session.status_label.text() == tr("Choose the township layer and its name field first.")
    assert panel.checks.run_builtup() is False
    assert panel.maps.run_export() is False


# ----------------------------------------------------------- screenshot (zh)
SCREENSHOT_SCRIPT = r'''
import json, sys, time
from pathlib import Path
repo, qm_dir, gpkg, out_dir = sys.argv[1:5]
sys.path.insert(0, repo)
sys.path.insert(0, "/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QSettings
app = QgsApplication([], True)
app.initQgis()
settings = QSettings()
settings.setValue("locale/userLocale", "zh_CN")
settings.setValue("locale/overrideFlag", True)
from cq_urban_plugin import i18n
i18n.I18N_DIR = Path(qm_dir)  # the translation built from the repository's sources for this test
assert i18n.qgis_locale() == "zh_CN"
assert i18n.install_translator(), "no translator for zh_CN"
from processing.core.Processing import Processing
Processing.initialize()
from cq_urban_plugin.provider import CqUrbanProvider
provider = CqUrbanProvider()
QgsApplication.processingRegistry().addProvider(provider)
from qgis.PyQt.QtWidgets import QLabel, QPushButton, QGroupBox
from cq_urban_plugin.gui.panel import PlanChecksDock

townships = QgsVectorLayer(gpkg + "|layername=townships", "乡镇", "ogr")
builtup = QgsVectorLayer(gpkg + "|layername=builtup", "建成区", "ogr")
QgsProject.instance().addMapLayers([townships, builtup])
dock = PlanChecksDock(None, None)
dock.session.select_catalogue("kaizhou")
dock.session.township_combo.setLayer(townships)
dock.session.name_field_combo.setField("name")
dock.checks.builtup_combo.setLayer(builtup)
dock.checks.builtup_target_combo.setCurrentIndex(dock.checks.builtup_target_combo.findData("builtup_2025"))
dock.resize(480, 800)
dock.show()

def wait():
    deadline = time.time() + 120
    while not dock.session.last_run.done and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()

texts = {"title": dock.windowTitle(), "tabs": [dock.tabs.tabText(i) for i in range(dock.tabs.count())]}
ran = {}
if QgsApplication.processingRegistry().algorithmById("cq_urban:tag_townships"):
    dock.tagging.run_tagging()
    wait()
    ran["tagging"] = dock.session.last_run.status()
dock.tabs.setCurrentIndex(0)
app.processEvents()
dock.grab().save(str(Path(out_dir) / "panel_zh_CN.png"))
texts["buttons"] = [b.text() for b in dock.findChildren(QPushButton) if b.text()]
texts["labels"] = [l.text() for l in dock.findChildren(QLabel) if l.text()]
texts["groups"] = [g.title() for g in dock.findChildren(QGroupBox)]
texts["match"] = [[dock.tagging.match_table.item(r, c).text() for c in range(dock.tagging.match_table.columnCount())]
                  for r in range(dock.tagging.match_table.rowCount())]
dock.tabs.setCurrentIndex(1)
app.processEvents()
dock.grab().save(str(Path(out_dir) / "panel_checks_zh_CN.png"))
if QgsApplication.processingRegistry().algorithmById("cq_urban:check_builtup"):
    dock.checks.run_builtup()
    wait()
    ran["builtup"] = dock.session.last_run.status()
dock.tabs.setCurrentIndex(2)
app.processEvents()
dock.grab().save(str(Path(out_dir) / "panel_results_zh_CN.png"))
table = dock.results.results_table
texts["results_header"] = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
texts["results"] = [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
                    for r in range(table.rowCount())]
texts["ran"] = ran
print(json.dumps(texts, ensure_ascii=False))
QgsProject.instance().removeAllMapLayers()
app.exitQgis()
'''


def build_translation(folder: Path) -> Path:
    """pylupdate5 + the YAML translations + lrelease, as `make ts qm` does, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    ts = folder / "cq_urban_zh_Hans.ts"
    sources = sorted(str(p) for p in (REPO / "cq_urban_plugin").rglob("*.py"))
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(ts)], check=True, capture_output=True)
    yamls = sorted(str(p) for p in (REPO / "cq_urban_plugin" / "i18n" / "zh_Hans").glob("*.yaml"))
    filled = subprocess.run(["/usr/bin/python3", str(REPO / "tests" / "tools" / "fill_ts.py"), str(ts), *yamls],
                            capture_output=True, text=True)
    assert filled.returncode == 0, filled.stderr[-2000:]
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(folder / "cq_urban_zh_Hans.qm")], check=True)
    return folder


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("pylupdate5") and shutil.which("lrelease")),
                    reason="xvfb-run and the Qt tools come with `make setup`")
def test_screenshot_in_chinese_under_xvfb(tmp_path, qgis_app):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter
    from qgis.PyQt.QtGui import QImage

    qm_dir = build_translation(tmp_path / "qm")
    gpkg = tmp_path / "data.gpkg"
    for layer in (townships_layer(), builtup_layer()):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName, options.layerName = "GPKG", layer.name()
        if gpkg.exists():
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(gpkg), QgsCoordinateTransformContext(), options)
        assert error == QgsVectorFileWriter.WriterError.NoError, message
    script = tmp_path / "render_panel.py"
    script.write_text(SCREENSHOT_SCRIPT, encoding="utf-8")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp_path / "config"),
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, str(script),
                             str(REPO), str(qm_dir), str(gpkg), str(SCREENSHOTS)],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    texts = json.loads(result.stdout.strip().splitlines()[-1])
    assert texts["title"] == "规划校核"
    assert texts["tabs"] == ["标注", "校核", "结果", "导出", "整体校核"]
    assert all(has_cjk(t) for t in texts["buttons"]), texts["buttons"]
    assert all(has_cjk(t) for t in texts["groups"]), texts["groups"]
    assert sum(has_cjk(t) for t in texts["labels"]) >= 10, texts["labels"]
    assert texts["results_header"] == ["范围", "实测值", "结论"]
    if registered(TAG_ID):
        assert texts["ran"]["tagging"] == QgsTask.TaskStatus.Complete
        assert ["五同乡", "未匹配"] in [row[:2] for row in texts["match"]], texts["match"]
    if registered(BUILTUP_ID):
        assert texts["ran"]["builtup"] == QgsTask.TaskStatus.Complete
        assert texts["results"][1][2] == "未达标" and "60" in texts["results"][0][0]

    for name in ("panel_zh_CN.png", "panel_checks_zh_CN.png", "panel_results_zh_CN.png"):
        png = SCREENSHOTS / name
        image = QImage(str(png))
        assert image.width() >= 400 and image.height() >= 700, name
        assert png.stat().st_size < 300 * 1024, name
        # Pixels that differ from the background (the most common colour): text, frames,
        # widgets. An empty or failed render has next to none.
        counts = {}
        for y in range(0, image.height(), 2):
            for x in range(0, image.width(), 2):
                rgb = image.pixel(x, y)
                counts[rgb] = counts.get(rgb, 0) + 1
        sampled = sum(counts.values())
        assert sampled - max(counts.values()) > 0.05 * sampled, name
