"""The plugin as QGIS loads it: classFactory, menu and toolbar, provider, unload."""
import processing as qgis_processing_module
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction

import cq_urban_plugin
from cq_urban_plugin.algorithms import ALGORITHMS


def _plugin_actions(iface):
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    return [a for a in iface.mainWindow().findChildren(QAction) if a.objectName().startswith("cq_urban_")]


def test_processing_is_qgis_own_module():
    # The repo's processing/ folder holds models and recipes; it must not shadow QGIS's module.
    assert hasattr(qgis_processing_module, "run"), qgis_processing_module.__file__
    assert "plugins/processing" in qgis_processing_module.__file__.replace("\\", "/")


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
    # the panel action plus one menu entry per algorithm
    assert len(actions) == 1 + len(ALGORITHMS)
    assert len({a.objectName() for a in actions}) == len(actions)

    plugin.unload()
    assert registry.providerById("cq_urban") is None
    assert _plugin_actions(qgis_iface) == []

    # Loading again gives one provider and one set of actions, not two.
    plugin = cq_urban_plugin.classFactory(qgis_iface)
    plugin.initGui()
    plugin.initProcessing()  # QGIS may call it again; it must not add a second provider
    assert [p.id() for p in registry.providers()].count("cq_urban") == 1
    assert len(_plugin_actions(qgis_iface)) == 1 + len(ALGORITHMS)
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
