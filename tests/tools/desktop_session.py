"""Run inside the real QGIS desktop (``qgis --code desktop_session.py``) by tests/test_desktop.py.

As a technician's session goes: the 江津 sample layers in the project and on the
canvas (which renders them in its own threads), then, cycle after cycle, the
built-up and coverage checks run as the dock panel runs them (QGIS tasks, the
plugin's AlgorithmRun), a pause longer than the 30 s after which QGIS's task pool
ends an idle thread (the moment QGIS 3.22 lost the Gauss-Krüger CRS), and a map
exported as the panel exports it. The figures and whether each step worked go
to the JSON file named by CQ_DESKTOP_OUT; QGIS is then closed.

Environment: CQ_DESKTOP_OUT (result file), CQ_DESKTOP_SAMPLE (jiangjin.gpkg),
CQ_DESKTOP_CYCLES, CQ_DESKTOP_PAUSE (seconds between cycles).
"""
import json
import os
import time
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.utils import iface, plugins

OUT = Path(os.environ["CQ_DESKTOP_OUT"])
SAMPLE = os.environ["CQ_DESKTOP_SAMPLE"]
CYCLES = int(os.environ.get("CQ_DESKTOP_CYCLES", "3"))
PAUSE = float(os.environ.get("CQ_DESKTOP_PAUSE", "31"))
report = {"plugin_loaded": "cq_urban_plugin" in plugins, "cycles": [], "error": ""}


def wait(seconds):
    end = time.time() + seconds
    while time.time() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def run_as_task(algorithm_id, parameters):
    from cq_urban_plugin.gui.tasks import AlgorithmRun

    run = AlgorithmRun(algorithm_id, parameters)
    outcome = {}
    run.finished.connect(lambda ok, results: outcome.update(ok=ok, results=dict(results)))
    run.start()
    deadline = time.time() + 300
    while "ok" not in outcome and time.time() < deadline:
        wait(0.05)
    results = outcome.get("results", {})
    return {"ok": outcome.get("ok", False), "errors": [run.error] if run.error else [],
            **{k: results[k] for k in ("MEASURED", "STOPS", "DUPLICATE_STOPS", "SERVED_KM2") if k in results}}


def session():
    layers = {name: QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
              for name in ("townships", "builtup", "bus_stops")}
    QgsProject.instance().addMapLayers(list(layers.values()))
    iface.mapCanvas().setExtent(layers["townships"].extent())
    iface.mapCanvas().refresh()
    wait(2)
    tagged = str(OUT.with_name("tagged.gpkg"))
    report["tag"] = run_as_task("cq_urban:tag_townships", {
        "INPUT": layers["townships"].id(), "NAME_FIELD": "name", "CATALOGUE": "jiangjin", "OUTPUT": tagged,
        "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    for cycle in range(CYCLES):
        runs = {
            "builtup": run_as_task("cq_urban:check_builtup", {
                "BUILTUP": layers["builtup"].id(), "TOWNSHIPS": layers["townships"].id(),
                "TOWNSHIP_NAME_FIELD": "name", "CATALOGUE": "jiangjin", "TARGET_ID": "builtup_2025",
                "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"}),
            "coverage": run_as_task("cq_urban:check_coverage", {
                "STOPS": layers["bus_stops"].id(), "SERVED_AREA": layers["builtup"].id(),
                "TOWNSHIPS": layers["townships"].id(), "TOWNSHIP_NAME_FIELD": "name", "RADIUS": 500,
                "CATALOGUE": "jiangjin", "SERVICE_AREA": "TEMPORARY_OUTPUT", "UNCOVERED": "TEMPORARY_OUTPUT",
                "TABLE": "TEMPORARY_OUTPUT"}),
        }
        iface.mapCanvas().refresh()  # the render threads use the layers' transforms meanwhile
        map_path = OUT.with_name(f"map_{cycle}.pdf")
        runs["map"] = run_as_task("cq_urban:export_map", {"INPUT": tagged, "THEME": 0, "OUTPUT": str(map_path)})
        runs["map_bytes"] = map_path.stat().st_size if map_path.exists() else 0
        report["cycles"].append(runs)
        OUT.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        if cycle < CYCLES - 1:
            wait(PAUSE)  # past the pool's 30 s: its idle worker thread would end here
    report["alive"] = True


def main():
    try:
        session()
    except Exception:  # noqa: BLE001 (reported to the test)
        report["error"] = traceback.format_exc()
    OUT.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    # QGIS 3.40+: quit as a user does (File > Exit, nothing to save), since QgsApplication.exit() with
    # layers still in the project crashes it at exit, plugin or not. 3.22 quits by QgsApplication.exit().
    # Either way, a QGIS still running 30 s later is told to exit.
    from qgis.core import Qgis

    QTimer.singleShot(30000, lambda: QgsApplication.exit(0))
    if Qgis.QGIS_VERSION_INT >= 34000:
        QgsProject.instance().setDirty(False)
        iface.actionExit().trigger()
    else:
        QgsApplication.exit(0)


QTimer.singleShot(1000, main)  # once the main window and the plugins are up
