"""Maps from the panel (issue 22): themes follow the catalogue (巫溪's 田园综合体 has one, every theme
offered exports), a theme the layer lacks gives the panel's own message, and a check's map shows the check:
its target, measured value and verdict, the stops and service area on the coverage map, the control lines
on the control-line map. Real QGIS, the bundled sample data, the PDF read back with pdftotext."""
import shutil
import subprocess
from pathlib import Path

import processing
import pytest
from qgis.core import QgsProject, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
from test_panel import panel, plugin, wait_for  # noqa: F401 (fixtures)

from cq_urban_plugin.core.plan.catalogue import bundled_catalogue
from cq_urban_plugin.i18n import tr

REPO = Path(__file__).resolve().parents[1]


def sample(place, name):
    return QgsVectorLayer(f"{REPO / 'layers' / (place + '.gpkg')}|layername={name}", name, "ogr")


def load(place, *names):
    layers = {name: sample(place, name) for name in names}
    QgsProject.instance().addMapLayers(list(layers.values()))
    QCoreApplication.processEvents()
    return layers


def pdf_text(path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext comes with `make setup` (poppler-utils)")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    # exactly as a search gets it: the maps' font gives ideographs back, not look-alike radicals
    return text.replace("\n", " ")


def tag(panel, place):  # noqa: F811 (the panel fixture's object)
    assert panel.session.select_catalogue(place)
    assert panel.tagging.run_tagging()
    wait_for(panel.session.last_run, 300)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    return panel.session.tagged_layer()


def themes(panel):  # noqa: F811 (the panel fixture's object)
    return [panel.maps.theme_combo.itemData(i) for i in range(panel.maps.theme_combo.count())]


def test_themes_follow_the_catalogue_and_all_export(panel, tmp_path):  # noqa: F811 (fixture)
    for place in ("wuxi", "kaizhou"):
        load(place, "townships")
        tagged = tag(panel, place)
        offered = themes(panel)
        structures = bundled_catalogue(place).structures
        assert [d[1] for d in offered if d[1]] == [s.field for s in structures]
        if place == "wuxi":
            combo = panel.maps.theme_combo
            assert "田园综合体" in [combo.itemText(i) for i in range(combo.count())] or \
                any(s.name_en and s.name_en in combo.itemText(0) for s in structures)
        for index, (_key, field, name) in enumerate(offered):
            if not field:
                continue
            panel.maps.theme_combo.setCurrentIndex(index)
            panel.maps.export_layer_combo.setLayer(tagged)
            panel.maps.export_file.setFilePath(str(tmp_path / f"{place}_{field}.pdf"))
            parameters = dict(panel.maps.export_parameters(), DPI=50)
            result = processing.run("cq_urban:export_map", parameters)
            text = pdf_text(result["OUTPUT"])
            assert name in text, (place, field)
        QgsProject.instance().removeAllMapLayers()


def test_a_theme_the_layer_lacks_gets_the_panels_message(panel, tmp_path):  # noqa: F811 (fixture)
    layers = load("kaizhou", "townships")
    assert panel.session.select_catalogue("kaizhou")
    panel.maps.export_layer_combo.setLayer(layers["townships"])  # not tagged
    panel.maps.export_file.setFilePath(str(tmp_path / "tiers.pdf"))
    assert panel.maps.select_theme("tier")
    assert not panel.maps.run_export()
    message = panel.session.status_label.text()
    assert "tier" in message and "FIELD" not in message and "cq_urban:" not in message


def test_coverage_map_shows_the_check_stops_and_service_area(panel, tmp_path):  # noqa: F811 (fixture)
    load("wuxi", "townships", "builtup", "bus_stops")
    assert panel.session.select_catalogue("wuxi")
    assert panel.checks.stops_combo.currentLayer() is not None and panel.checks.served_combo.currentLayer() is not None
    panel.checks.roads_combo.setLayer(None)
    assert panel.checks.run_coverage()
    wait_for(panel.session.last_run, 300)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    results = panel.session.last_run.results
    assert panel.maps.theme_combo.currentData()[0] == "coverage"
    panel.maps.export_file.setFilePath(str(tmp_path / "coverage.pdf"))
    assert panel.maps.run_export()
    wait_for(panel.session.last_run, 300)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    text = pdf_text(panel.maps.export_path)
    assert tr("Bus stops") in text and tr("Served area (within the radius)") in text
    assert tr("Uncovered areas") in text
    assert f"{results['MEASURED']:.2f}" in text and f"{results['TARGET']:g}" in text
    assert (tr("met") if results["PASSED"] else tr("not met")) in text


def test_control_line_map_shows_the_lines_and_the_verdict(panel, tmp_path):  # noqa: F811 (fixture)
    load("jiangjin", "townships", "ecology_redline", "farmland", "development_boundary")
    tag(panel, "jiangjin")
    assert panel.checks.run_control_lines()
    wait_for(panel.session.last_run, 300)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    results = panel.session.last_run.results
    assert panel.maps.theme_combo.currentData()[0] == "control_lines"
    panel.maps.export_file.setFilePath(str(tmp_path / "lines.pdf"))
    assert panel.maps.run_export()
    wait_for(panel.session.last_run, 300)
    assert panel.session.last_run.status() == QgsTask.TaskStatus.Complete, panel.session.last_run.error
    text = pdf_text(panel.maps.export_path)
    for legend in (tr("Ecological protection red line"), tr("Permanent basic farmland"),
                   tr("Urban development boundary"), tr("Consistent with its plan zone")):
        assert legend in text, legend
    assert tr("{flagged} of {checked} flagged").format(flagged=results["FLAGGED"], checked=results["CHECKED"]) in text
