"""The panel fits a 300 px dock, in Chinese and in English (issue 22).

Under Xvfb (a real X server, real fonts), the panel is shown 300 px wide with the bundled 开州 sample
layers loaded (and a layer with a long name), after tagging, a built-up check, a control-line check and
the whole plan's check;
each tab is photographed into build/screenshots/ (``panel_300_<tab>_<lang>.png``; `make screenshots`
writes the README's copies into tests/screenshots/), and the widgets'
geometry is checked: nothing needs more than the dock's width, no sideways scroll bar, every label and
button text whole (not elided or clipped), every table column's header and cells whole.
"""
import json
import os
import shutil
import subprocess
import sys

import pytest
from test_panel import REPO, SCREENSHOTS, build_translation

FIT_SCRIPT = r'''
import json, sys, time
from pathlib import Path
repo, qm_dir, lang, out_dir, width = sys.argv[1:6]
width = int(width)
sys.path.insert(0, repo)
sys.path.insert(0, "/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer, QgsRasterLayer
from qgis.PyQt.QtCore import QSettings, QRect, Qt
from qgis.PyQt.QtWidgets import QLabel, QPushButton, QGroupBox, QTableWidget, QScrollArea
app = QgsApplication([], True)
app.initQgis()
settings = QSettings()
settings.setValue("locale/userLocale", "zh_CN" if lang == "zh" else "en_US")
settings.setValue("locale/overrideFlag", True)
from cq_urban_plugin import i18n
i18n.I18N_DIR = Path(qm_dir)
if lang == "zh":
    assert i18n.install_translator(), "no translator for zh_CN"
from processing.core.Processing import Processing
Processing.initialize()
from cq_urban_plugin.provider import CqUrbanProvider
provider = CqUrbanProvider()
QgsApplication.processingRegistry().addProvider(provider)
from cq_urban_plugin.gui.panel import PlanChecksDock

gpkg = Path(repo) / "layers" / "kaizhou.gpkg"
layers = [QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in (
    "townships", "builtup", "bus_stops", "roads", "ecology_redline", "farmland", "development_boundary")]
long_name = QgsVectorLayer(f"{gpkg}|layername=builtup", "开州区2025年城镇建成区（三调城镇村属性码201、202）built-up",
                           "ogr")
QgsProject.instance().addMapLayers(layers + [long_name])
dock = PlanChecksDock(None, None)
dock.session.select_catalogue("kaizhou")
dock.session.township_combo.setLayer(layers[0])
dock.session.name_field_combo.setField("name")
dock.checks.builtup_combo.setLayer(long_name)
dock.checks.builtup_target_combo.setCurrentIndex(dock.checks.builtup_target_combo.findData("builtup_2025"))
dock.checks.farmland_combo.setLayer(layers[5])
dock.checks.development_combo.setLayer(layers[6])
dock.checks.ecology_combo.setLayer(layers[4])
dock.show()
dock.resize(width, 900)
app.processEvents()

def wait():
    deadline = time.time() + 300
    while not dock.session.last_run.done and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()

ran = {}
for name, start in (("tagging", dock.tagging.run_tagging), ("builtup", dock.checks.run_builtup),
                    ("control", dock.checks.run_control_lines), ("plan", dock.plan.run_plan)):
    if not start():
        ran[name] = (-1, dock.session.status_label.text())
        continue
    wait()
    ran[name] = (dock.session.last_run.status(), dock.session.last_run.error)
dock.resize(width, 900)
app.processEvents()

problems = []
def problem(where, what):
    problems.append(f"{where}: {what}")

def check_table(table, where):
    table.resizeRowsToContents()
    app.processEvents()
    if table.horizontalScrollBar().isVisible() and table.horizontalScrollBar().maximum() > 0:
        problem(where, "sideways scroll bar")
    header = table.horizontalHeader()
    if header.length() > table.viewport().width() + 1:
        problem(where, f"columns {header.length()} px in a {table.viewport().width()} px view")
    metrics = table.fontMetrics()
    for column in range(table.columnCount()):
        size = header.sectionSize(column)
        text = table.horizontalHeaderItem(column).text()
        needed = header.fontMetrics().horizontalAdvance(text) + 6
        if needed > size:
            problem(where, f"header '{text}' needs {needed} px, has {size}")
        for row in range(table.rowCount()):
            item = table.item(row, column)
            if item is None or not item.text():
                continue
            cell = table.viewport().width() if table.columnSpan(row, column) > 1 else size
            # the item delegate's text margins: 3 px a side (QStyle.PM_FocusFrameHMargin + 1)
            rect = metrics.boundingRect(QRect(0, 0, cell - 6, 100000), Qt.TextFlag.TextWordWrap, item.text())
            if rect.width() > cell - 6 or rect.height() > table.rowHeight(row):
                problem(where, f"cell ({row},{column}) '{item.text()}' needs {rect.width()}x{rect.height()}, "
                               f"has {cell}x{table.rowHeight(row)}")

tabs = ["tagging", "checks", "results", "export", "plan"]
report = {"ran": ran, "min_width": dock.minimumSizeHint().width(), "width": dock.width(), "tabs": {}}
for index, tab in enumerate(tabs):
    dock.tabs.setCurrentIndex(index)
    app.processEvents()
    page = dock.tabs.currentWidget()
    bar = dock.tabs.tabBar()
    for t in range(bar.count()):
        rect = bar.tabRect(t)
        if rect.right() > bar.width() or bar.fontMetrics().horizontalAdvance(bar.tabText(t)) > rect.width():
            problem(tab, f"tab '{bar.tabText(t)}' not whole ({rect.x()}–{rect.right()} of {bar.width()})")
    if dock.width() > width:
        problem(tab, f"dock {dock.width()} px wide")
    for scroll in ([page] if isinstance(page, QScrollArea) else []) + page.findChildren(QScrollArea):
        inner = scroll.widget()
        if inner is not None and inner.minimumSizeHint().width() > scroll.viewport().width() + 1:
            problem(tab, f"scrolled content needs {inner.minimumSizeHint().width()} px, "
                         f"has {scroll.viewport().width()}")
        if scroll.horizontalScrollBar().isVisible():
            problem(tab, "sideways scroll bar")
    shown = [w for w in dock.findChildren(QLabel) if w.isVisible()]
    for label in shown:
        if label.width() <= 0 or not label.text():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                problem(tab, f"label '{label.text()[:40]}' needs {label.heightForWidth(label.width())} px high, "
                             f"has {label.height()}")
        elif label.sizeHint().width() > label.width() + 1:
            problem(tab, f"label '{label.text()[:40]}' needs {label.sizeHint().width()} px, has {label.width()}")
    for button in [b for b in dock.findChildren(QPushButton) if b.isVisible() and b.text()]:
        if button.sizeHint().width() > button.width() + 1:
            problem(tab, f"button '{button.text()}' needs {button.sizeHint().width()} px, has {button.width()}")
    for box in [b for b in dock.findChildren(QGroupBox) if b.isVisible()]:
        if box.fontMetrics().horizontalAdvance(box.title()) + 20 > box.width():
            problem(tab, f"group '{box.title()}' cut")
    for table in [t for t in dock.findChildren(QTableWidget) if t.isVisible()]:
        check_table(table, f"{tab} table {table.objectName()}")
    path = Path(out_dir) / f"panel_300_{tab}_{lang}.png"
    dock.grab().save(str(path))
    report["tabs"][tab] = str(path)
report["problems"] = problems
report["results_rows"] = dock.results.results_table.rowCount()
report["match_rows"] = dock.tagging.match_table.rowCount()
report["plan_rows"] = dock.plan.table.rowCount()
print(json.dumps(report, ensure_ascii=False))
QgsProject.instance().removeAllMapLayers()
app.exitQgis()
'''


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("pylupdate5") and shutil.which("lrelease")),
                    reason="xvfb-run and the Qt tools come with `make setup`")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_panel_fits_300_px(lang, tmp_path, qgis_app):
    from qgis.core import QgsTask
    from qgis.PyQt.QtGui import QImage

    qm_dir = build_translation(tmp_path / "qm")
    script = tmp_path / "fit_panel.py"
    script.write_text(FIT_SCRIPT, encoding="utf-8")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp_path / "config"),
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, str(script),
                             str(REPO), str(qm_dir), lang, str(SCREENSHOTS), "300"],
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    for name, (status, error) in report["ran"].items():
        assert status == QgsTask.TaskStatus.Complete, (name, error)
    # the tables had something to fit
    assert report["results_rows"] > 10 and report["match_rows"] > 0 and report["plan_rows"] > 10
    assert report["min_width"] <= 300 and report["width"] == 300, report
    assert report["problems"] == [], "\n".join(report["problems"])
    for path in report["tabs"].values():
        image = QImage(path)
        assert image.width() == 300 and image.height() >= 600, path
