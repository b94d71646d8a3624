"""The plugin as QGIS loads it: classFactory, menu and toolbar, provider, unload."""
import pathlib

import processing as qgis_processing_module
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent

import cq_urban_plugin
from cq_urban_plugin.algorithms import ALGORITHMS
from cq_urban_plugin.compat import QAction


def _plugin_actions(iface):
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [a for a in iface.mainWindow().findChildren(QAction) if a.objectName().startswith("cq_urban_")]


def test_processing_is_qgis_own_module():
    # The batch side (recipes, models) lives in batch/, so nothing in the repository is named like
    # QGIS's own `processing` module, which a checkout on sys.path would otherwise shadow.
    assert hasattr(qgis_processing_module, "run"), qgis_processing_module.__file__
    assert "plugins/processing" in qgis_processing_module.__file__.replace("\\", "/")
    repo = pathlib.Path(__file__).resolve().parents[1]
    assert not (repo / "processing").exists() and not (repo / "processing.py").exists()


def test_load_register_unload_reload(qgis_iface, without_cq_provider):
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("cq_urban") is None

    plugin = cq_urban_plugin.classFactory(qgis_iface)
    plugin.initGui()
    provider = registry.providerById("cq_urban")
    assert provider is not None
    ids = {alg.id() for alg in provider.algorithms()}
    assert ids == {f"cq_urban:{cls.NAME}" for cls in ALGORITHMS}
    actions = _plugin_actions(qgis_iface)
    # the panel action, one menu entry per algorithm, the layout-designer action
    assert len(actions) == 2 + len(ALGORITHMS)
    assert len({a.objectName() for a in actions}) == len(actions)

    plugin.unload()
    assert registry.providerById("cq_urban") is None
    assert _plugin_actions(qgis_iface) == []

    # Loading again gives one provider and one set of actions, not two.
    plugin = cq_urban_plugin.classFactory(qgis_iface)
    plugin.initGui()
    plugin.initProcessing()  # QGIS may call it again; it must not add a second provider
    assert [p.id() for p in registry.providers()].count("cq_urban") == 1
    assert len(_plugin_actions(qgis_iface)) == 2 + len(ALGORITHMS)
    plugin.unload()
    assert registry.providerById("cq_urban") is None


def test_every_algorithm_is_documented(qgis_processing):
    for cls in ALGORITHMS:
        algorithm = cls()
        algorithm.initAlgorithm()
        assert algorithm.name() == cls.NAME
        assert algorithm.displayName() and algorithm.group() and algorithm.groupId()
        help_text = algorithm.shortHelpString()
        assert len(help_text) > 120, f"{cls.NAME}: shortHelpString too thin"
        assert algorithm.parameterDefinitions(), cls.NAME


def test_layout_designer_action_opens_the_active_layers_map(qgis_iface, without_cq_provider, qgis_new_project,
                                                            tmp_path):
    """The menu action builds the thematic map of the active layer (its plan field
    found by itself) as a layout of the project and opens it in the designer."""
    import factory
    from qgis.core import QgsProject, QgsVectorLayer

    plugin = cq_urban_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        layer = factory.townships()
        layer.dataProvider().addAttributes(factory.make_fields([("zone", str)]))
        layer.updateFields()
        zones = ["城市化发展区", "农产品主产区", "生态功能区"]
        index = layer.fields().indexOf("zone")
        layer.dataProvider().changeAttributeValues(
            {f.id(): {index: zones[i % 3]} for i, f in enumerate(layer.getFeatures())})
        QgsProject.instance().addMapLayer(layer)
        qgis_iface.setActiveLayer(layer)
        action = next(a for a in _plugin_actions(qgis_iface) if a.objectName() == "cq_urban_open_layout")
        action.trigger()
        layouts = QgsProject.instance().layoutManager().printLayouts()
        assert len(layouts) == 1
        legend_layers = [lyr for lyr in QgsProject.instance().mapLayers().values()
                         if isinstance(lyr, QgsVectorLayer) and lyr is not layer]
        categories = {c.value() for lyr in legend_layers if hasattr(lyr.renderer(), "categories")
                      for c in lyr.renderer().categories()}
        assert set(zones) <= categories
    finally:
        plugin.unload()
