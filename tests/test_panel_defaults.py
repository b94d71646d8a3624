"""The panel's defaults (issue 22): the township picker by names, geometry and never a built-up layer;
the checks' pickers re-suggested by jurisdiction when the catalogue changes; choices remembered in the
project across a save and reopen; control-line rows showing the figure their verdict is about.
Real QGIS, the bundled sample data of 江津 and 开州 loaded side by side under the same layer names."""
from pathlib import Path

from qgis.core import QgsProject, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
from test_panel import panel, plugin, wait_for  # noqa: F401 (fixtures)

REPO = Path(__file__).resolve().parents[1]
NAMES = ("townships", "builtup", "bus_stops", "roads", "ecology_redline", "farmland", "development_boundary")


def sample(place, name):
    return QgsVectorLayer(f"{REPO / 'layers' / (place + '.gpkg')}|layername={name}", name, "ogr")


def load(places=("kaizhou", "jiangjin")):
    layers = {}
    # a built-up layer first: QgsMapLayerComboBox alone would take it as the township layer
    for place in places:
        layers[place] = {name: sample(place, name) for name in ("builtup",) + NAMES[:1] + NAMES[2:]}
    QgsProject.instance().addMapLayers([layer for place in places for layer in layers[place].values()])
    QCoreApplication.processEvents()
    return layers


def place_of(layer):
    return None if layer is None else Path(layer.source().split("|")[0]).stem


def test_a_builtup_layer_is_never_the_township_layer(panel):  # noqa: F811 (fixtures of test_panel)
    QgsProject.instance().addMapLayer(sample("kaizhou", "builtup"))
    QCoreApplication.processEvents()
    assert panel.session.township_combo.currentLayer() is None


def test_pickers_follow_the_catalogue(panel):  # noqa: F811 (fixtures of test_panel)
    layers = load()
    for place in ("kaizhou", "jiangjin", "kaizhou"):
        assert panel.session.select_catalogue(place)
        QCoreApplication.processEvents()
        assert panel.session.township_combo.currentLayer() is layers[place]["townships"], place
        assert panel.session.name_field() == "name"
        checks = panel.checks
        for combo in (checks.builtup_combo, checks.stops_combo, checks.served_combo, checks.roads_combo,
                      checks.ecology_combo, checks.farmland_combo, checks.development_combo,
                      checks.control_builtup_combo):
            assert place_of(combo.currentLayer()) == place, (place, combo.objectName())
        assert panel.checks.builtup_combo.currentLayer() is layers[place]["builtup"]
        assert panel.checks.stops_combo.currentLayer() is layers[place]["bus_stops"]
        assert panel.checks.farmland_combo.currentLayer() is layers[place]["farmland"]
        assert panel.checks.development_combo.currentLayer() is layers[place]["development_boundary"]


def test_choices_are_remembered_in_the_project(plugin, panel, tmp_path):  # noqa: F811 (fixtures of test_panel)
    layers = load()
    assert panel.session.select_catalogue("jiangjin")
    # the user's own choices for 江津: the roads off, the served area = the townships' built-up layer
    panel.checks.roads_combo.setLayer(None)
    panel.checks.served_combo.setLayer(layers["jiangjin"]["builtup"])
    panel.checks.farmland_combo.setLayer(None)
    chosen_ids = {"builtup": layers["jiangjin"]["builtup"].id()}
    path = tmp_path / "plan.qgz"
    assert QgsProject.instance().write(str(path))
    QgsProject.instance().clear()
    QCoreApplication.processEvents()
    assert QgsProject.instance().read(str(path))  # the panel hears readProject
    QCoreApplication.processEvents()
    assert panel.session.catalogue_id() == "jiangjin"
    assert panel.checks.roads_combo.currentLayer() is None and panel.checks.farmland_combo.currentLayer() is None
    assert panel.checks.builtup_combo.currentLayer().id() == chosen_ids["builtup"]
    assert place_of(panel.session.township_combo.currentLayer()) == "jiangjin"
    # and a panel built afresh (QGIS restarted) reads them too
    from cq_urban_plugin.gui.panel import PlanChecksDock

    again = PlanChecksDock(None, None)
    try:
        assert again.session.catalogue_id() == "jiangjin"
        assert again.checks.roads_combo.currentLayer() is None and again.checks.farmland_combo.currentLayer() is None
        assert again.checks.builtup_combo.currentLayer().id() == chosen_ids["builtup"]
    finally:
        again.deleteLater()


def test_control_line_rows_show_the_figure_of_the_verdict(panel):  # noqa: F811 (fixtures of test_panel)
    from cq_urban_plugin.core.checks import control_lines as cl

    layers = load(("jiangjin",))  # 江津: 13 townships inconsistent with their plan zone
    assert panel.session.select_catalogue("jiangjin")
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run, 300)
    assert panel.checks.run_control_lines()
    wait_for(panel.session.last_run, 300)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    output = QgsProject.instance().mapLayer(panel.session.last_run.results["OUTPUT"])
    features = {f.id(): f for f in output.getFeatures()}
    rows = [r for r in panel.results.result_rows if r.fid is not None]
    assert rows and any(r.passed is False for r in rows)
    for row in rows:
        feature = features[row.fid]
        assert row.reason == feature["reason"]
        line = next(k for k, v in cl.LINE_NAMES.items() if v == row.figure)
        assert row.measured == feature[f"{cl.LINE_PREFIX[line]}_pct"]
        if row.passed is False:  # the figure is that of the line the failing rule names first
            named = sorted((feature["reason"].find(v), k) for k, v in cl.LINE_NAMES.items() if v in feature["reason"])
            assert line == named[0][1]
        table_row = panel.results.table_row(panel.results.result_rows.index(row))
        item = panel.results.results_table.item(table_row, 1)
        assert row.figure in item.text() and feature["reason"] in item.toolTip()
    # a 农产品主产区 town flagged on its farmland share shows that share, not the development boundary's
    farm_flags = [r for r in rows if r.passed is False and r.figure == cl.LINE_NAMES[cl.FARMLAND]]
    assert farm_flags
    assert all(r.measured == features[r.fid]["farm_pct"] != features[r.fid]["dev_pct"] for r in farm_flags)
    del layers
