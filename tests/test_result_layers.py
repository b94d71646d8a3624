"""Result layers arrive styled, named after the run and grouped (issue 22), from the panel and from the
Processing toolbox's own loader (processing.gui.Postprocessing.handleAlgorithmResults), real QGIS."""
from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
)
from test_panel import (  # noqa: F401 (fixtures)
    BUILTUP_ID,
    CONTROL_ID,
    COVERAGE_ID,
    add_layers,
    builtup_layer,
    development_layer,
    ecology_layer,
    panel,
    plugin,
    stops_layer,
    townships_layer,
    wait_for,
)

from cq_urban_plugin.i18n import tr


def run_group(layer):
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    assert node is not None
    return node.parent()


def rule_labels(layer):
    return [r.label() for r in layer.renderer().rootRule().children()]


def test_builtup_outputs_styled_named_grouped_and_reruns_apart(panel):  # noqa: F811 (fixtures of test_panel)
    townships, builtup = add_layers(townships_layer(), builtup_layer())
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    panel.checks.builtup_combo.setLayer(builtup)
    panel.checks.builtup_target_combo.setCurrentIndex(panel.checks.builtup_target_combo.findData("builtup_2025"))
    groups, names = [], []
    for _ in range(2):
        assert panel.checks.run_builtup()
        wait_for(panel.session.last_run)
        results = panel.session.last_run.results
        layer = QgsProject.instance().mapLayer(results["OUTPUT"])
        table = QgsProject.instance().mapLayer(results["TABLE"])
        assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
        labels = rule_labels(layer)
        assert tr("Outside the target's scope") in labels
        assert any(label.startswith(tr("Built-up share {low:g}–{high:g} %").split("{")[0]) for label in labels)
        # not an opaque fill hiding the map
        assert all(r.symbol() is None or r.symbol().opacity() < 1 for r in layer.renderer().rootRule().children())
        assert "builtup_2025" in layer.name()
        group = run_group(layer)
        assert group is run_group(table) and group.parent() is QgsProject.instance().layerTreeRoot()
        assert "builtup_2025" in group.name() and tr("not met") in group.name()
        groups.append(group.name())
        names.append(layer.name())
    assert groups[0] != groups[1]  # a rerun gets a group of its own
    assert len(set(names)) == 2  # and its layers names of their own


def test_control_line_outputs_styled_with_the_reason(panel):  # noqa: F811 (fixtures of test_panel)
    townships, development, ecology = add_layers(townships_layer(), development_layer(), ecology_layer())
    panel.session.select_catalogue("kaizhou")
    panel.session.township_combo.setLayer(townships)
    panel.session.name_field_combo.setField("name")
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run)
    panel.checks.development_combo.setLayer(development)
    panel.checks.ecology_combo.setLayer(ecology)
    assert panel.checks.run_control_lines()
    wait_for(panel.session.last_run)
    results = panel.session.last_run.results
    layer = QgsProject.instance().mapLayer(results["OUTPUT"])
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
    assert tr("Consistent with its plan zone") in rule_labels(layer)
    assert "reason" in layer.mapTipTemplate()
    overlaps = QgsProject.instance().mapLayer(results["OVERLAPS"])
    assert isinstance(overlaps.renderer(), QgsCategorizedSymbolRenderer)
    assert [c.value() for c in overlaps.renderer().categories()] == ["ef", "ed", "fd"]
    group = run_group(layer)
    assert group is run_group(overlaps) and tr("Control-line check") in group.name()


def test_toolbox_loader_styles_coverage_outputs(plugin):  # noqa: F811 (fixtures of test_panel)
    """The Processing toolbox's loader (handleAlgorithmResults), as the dialog calls it on the main thread."""
    from processing.gui.Postprocessing import handleAlgorithmResults

    townships, stops = add_layers(townships_layer(), stops_layer())
    served = builtup_layer()
    add_layers(served)
    algorithm = QgsApplication.processingRegistry().algorithmById(COVERAGE_ID)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    outputs = {key: QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", QgsProject.instance())
               for key in ("SERVICE_AREA", "UNCOVERED", "TABLE")}
    parameters = {"STOPS": stops, "SERVED_AREA": served, "TOWNSHIPS": townships, "TOWNSHIP_NAME_FIELD": "name",
                  "CATALOGUE": "wuxi", **outputs}
    results, ok = algorithm.run(parameters, context, feedback)
    assert ok
    handleAlgorithmResults(algorithm, context, feedback=feedback, parameters=parameters)
    service = QgsProject.instance().mapLayer(results["SERVICE_AREA"])
    uncovered = QgsProject.instance().mapLayer(results["UNCOVERED"])
    for layer in (service, uncovered):
        assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
        assert layer.renderer().symbol().opacity() < 1
    assert run_group(service) is run_group(uncovered)
    assert tr("Coverage check") in run_group(service).name()
    assert tr("Uncovered areas (bus stops)") in uncovered.name()
