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
    assert panel.township_combo.currentLayer() is None


def test_pickers_follow_the_catalogue(panel):  # noqa: F811 (fixtures of test_panel)
    layers = load()
    for place in ("kaizhou", "jiangjin", "kaizhou"):
        assert panel.select_catalogue(place)
        QCoreApplication.processEvents()
        assert panel.township_combo.currentLayer() is layers[place]["townships"], place
        assert panel.name_field() == "name"
        for combo in (panel.builtup_combo, panel.stops_combo, panel.served_combo, panel.roads_combo,
                      panel.ecology_combo, panel.farmland_combo, panel.development_combo,
                      panel.control_builtup_combo):
            assert place_of(combo.currentLayer()) == place, (place, combo.objectName())
        assert panel.builtup_combo.currentLayer() is layers[place]["builtup"]
        assert panel.stops_combo.currentLayer() is layers[place]["bus_stops"]
        assert panel.farmland_combo.currentLayer() is layers[place]["farmland"]
        assert panel.development_combo.currentLayer() is layers[place]["development_boundary"]


def test_choices_are_remembered_in_the_project(plugin, panel, tmp_path):  # noqa: F811 (fixtures of test_panel)
    layers = load()
    assert panel.select_catalogue("jiangjin")
    # the user's own choices for 江津: the roads off, the served area = the townships' built-up layer
    panel.roads_combo.setLayer(None)
    panel.served_combo.setLayer(layers["jiangjin"]["builtup"])
    panel.farmland_combo.setLayer(None)
    chosen_ids = {"builtup": layers["jiangjin"]["builtup"].id()}
    path = tmp_path / "plan.qgz"
    assert QgsProject.instance().write(str(path))
    QgsProject.instance().clear()
    QCoreApplication.processEvents()
    assert QgsProject.instance().read(str(path))  # the panel hears readProject
    QCoreApplication.processEvents()
    assert panel.catalogue_id() == "jiangjin"
    assert panel.roads_combo.currentLayer() is None and panel.farmland_combo.currentLayer() is None
    assert panel.builtup_combo.currentLayer().id() == chosen_ids["builtup"]
    assert place_of(panel.township_combo.currentLayer()) == "jiangjin"
    # and a panel built afresh (QGIS restarted) reads them too
    from cq_urban_plugin.gui.panel import PlanChecksDock

    again = PlanChecksDock(None, None)
    try:
        assert again.catalogue_id() == "jiangjin"
        assert again.roads_combo.currentLayer() is None and again.farmland_combo.currentLayer() is None
        assert again.builtup_combo.currentLayer().id() == chosen_ids["builtup"]
    finally:
        again.deleteLater()


def test_control_line_rows_show_the_figure_of_the_verdict(panel):  # noqa: F811 (fixtures of test_panel)
    from cq_urban_plugin.core.checks import control_lines as cl

    layers = load(("jiangjin",))  # 江津: 13 townships inconsistent with their plan zone
    assert panel.select_catalogue("jiangjin")
    assert panel.run_tagging()
    wait_for(panel.last_run, 300)
    assert panel.run_control_lines()
    wait_for(panel.last_run, 300)
    assert panel.last_run.status() == QgsTask.TaskStatus.Complete, panel.last_run.error
    output = QgsProject.instance().mapLayer(panel.last_run.results["OUTPUT"])
    features = {f.id(): f for f in output.getFeatures()}
    rows = [r for r in panel.result_rows if r.fid is not None]
    assert rows and any(r.passed is False for r in rows)
    for row in rows:
        feature = features[row.fid]
        assert row.reason == feature["reason"]
        line = next(k for k, v in cl.LINE_NAMES.items() if v == row.figure)
        assert row.measured == feature[f"{cl.LINE_PREFIX[line]}_pct"]
        if row.passed is False:  # the figure is that of the line the failing rule names first
            named = sorted((feature["reason"].find(v), k) for k, v in cl.LINE_NAMES.items() if v in feature["reason"])
            assert line == named[0][1]
        table_row = panel.table_row(panel.result_rows.index(row))
        item = panel.results_table.item(table_row, 1)
        assert row.figure in item.text() and feature["reason"] in item.toolTip()
    # a 农产品主产区 town flagged on its farmland share shows that share, not the development boundary's
    farm_flags = [r for r in rows if r.passed is False and r.figure == cl.LINE_NAMES[cl.FARMLAND]]
    assert farm_flags
    assert all(r.measured == features[r.fid]["farm_pct"] != features[r.fid]["dev_pct"] for r in farm_flags)
    del layers
