"""The panel reads a delivery (issue #17): "From a delivery…" adds its standard layers to the project in a
group of their own and sets the pickers from them; the whole-plan tab then measures what the delivery holds."""
import deliveries
import pytest
from deliveries import delivery_of_jiangjin
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication
from test_panel import panel, plugin, wait_for  # noqa: F401 (fixtures)

from cq_urban_plugin.gui.delivery import fill_from_delivery


@pytest.mark.parametrize("driver", ["OpenFileGDB", "ESRI Shapefile"])
def test_the_pickers_are_filled_from_a_delivery(driver, panel, tmp_path):  # noqa: F811 (fixtures of test_panel)
    session = panel.session
    assert session.select_catalogue("jiangjin")
    path = delivery_of_jiangjin(tmp_path, driver)
    layers = fill_from_delivery(session, path)
    QCoreApplication.processEvents()
    assert set(layers) == {"townships", "landuse", "ecology", "farmland", "development", "builtup"}
    group = QgsProject.instance().layerTreeRoot().findGroup(path.name)
    assert group is not None and len(group.findLayers()) == 6
    assert session.township_combo.currentLayer() is layers["townships"] and session.name_field() == "XZQMC"
    pickers = session.layer_pickers()
    assert pickers["plan_landuse"].currentLayer() is layers["landuse"]
    for role, names in (("ecology", ("ecology", "plan_ecology")), ("development", ("development", "plan_development")),
                        ("builtup", ("builtup", "control_builtup"))):
        assert all(pickers[name].currentLayer() is layers[role] for name in names), role
    assert layers["builtup"].featureCount() == 2  # the parcels of 城镇村属性码 201 and 202A, not the village
    if driver == "ESRI Shapefile":
        assert layers["townships"].crs().authid() == "EPSG:4523"  # the zone its X carries, no .prj
        assert {f["XZQMC"] for f in layers["townships"].getFeatures()} == {"几江街道", "德感街道"}  # GBK read
    assert "From the delivery" in session.status_label.text() and "DLTB" in session.status_label.text()

    # the whole plan on what the pickers now hold; only the built-up polygons of the checks tab are not its own
    tab = panel.plan
    tab.pickers["BUILTUP"].setLayer(None)
    assert tab.run_plan()
    wait_for(session.last_run)
    measured = {row["target_id"]: row["measured"] for row in tab.plan_rows}
    assert measured["builtup_2025"] is not None, [(r["target_id"], r["reason"]) for r in tab.plan_rows][:6]
    assert measured["builtup_2025"] == pytest.approx(deliveries.BUILTUP_KM2, rel=1e-3)


def test_an_unreadable_delivery_is_said(panel, tmp_path):  # noqa: F811 (fixtures of test_panel)
    assert fill_from_delivery(panel.session, tmp_path) is None
    assert "No vector layer" in panel.session.status_label.text()
