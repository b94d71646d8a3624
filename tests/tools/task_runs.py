"""Runs the plugin's checks the way the desktop does, in a process of its own, and prints the figures.

    python3 task_runs.py REPO MODE CYCLES OUT.json

MODE ``tasks`` (and ``tasks-expiring``, where the pool's threads are made to end
even after the plugin asked to keep them): each check runs as a QgsProcessingAlgRunnerTask in QGIS's task
pool, as the dock panel and the Processing dialog run it; after the first cycle
a thread standing for the map canvas's render thread keeps using the layers'
transforms, and between cycles the pool's idle worker thread is left to expire
(shortened from QGIS's 30 s to a fraction of a second), which is what made
QGIS 3.22 lose the Gauss-Krüger CRS's PROJ object mid-session. Each cycle also
exports a map on the main thread, as the desktop does. MODE ``main``: the same
checks once with processing.run on the main thread, the headless reference.

A fresh process matters: a CRS built on the main thread earlier in the same
process would hide the defect.
"""
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(sys.argv[1]).resolve()
MODE, CYCLES, OUT = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
sys.path[:0] = ["/usr/share/qgis/python/plugins", str(REPO)]

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread, QThreadPool  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
# QGIS's pool ends an idle thread after 30 s: the same, sooner (the plugin, once loaded, keeps them).
QThreadPool.globalInstance().setExpiryTimeout(300)
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
import processing  # noqa: E402

from cq_urban_plugin.provider import CqUrbanProvider  # noqa: E402

provider = CqUrbanProvider()
QgsApplication.processingRegistry().addProvider(provider)
if MODE == "tasks-expiring":  # threads end anyway: what the plugin does besides keeping them must hold
    QThreadPool.globalInstance().setExpiryTimeout(300)

sample = REPO / "layers" / "jiangjin.gpkg"
layers = {name: QgsVectorLayer(f"{sample}|layername={name}", name, "ogr")
          for name in ("townships", "builtup", "bus_stops")}
QgsProject.instance().addMapLayers(list(layers.values()))
CHECKS = {
    "builtup": ("cq_urban:check_builtup", dict(
        BUILTUP=layers["builtup"].id(), TOWNSHIPS=layers["townships"].id(), TOWNSHIP_NAME_FIELD="name",
        CATALOGUE="jiangjin", TARGET_ID="builtup_2025", OUTPUT="TEMPORARY_OUTPUT", TABLE="TEMPORARY_OUTPUT")),
    "coverage": ("cq_urban:check_coverage", dict(
        STOPS=layers["bus_stops"].id(), SERVED_AREA=layers["builtup"].id(), TOWNSHIPS=layers["townships"].id(),
        TOWNSHIP_NAME_FIELD="name", RADIUS=500, CATALOGUE="jiangjin", SERVICE_AREA="TEMPORARY_OUTPUT",
        UNCOVERED="TEMPORARY_OUTPUT", TABLE="TEMPORARY_OUTPUT")),
}
KEYS = ("MEASURED", "STOPS", "DUPLICATE_STOPS", "SERVED_KM2")


def figures(results):
    return {key: results[key] for key in KEYS if key in results}


def wait(seconds):
    end = time.time() + seconds
    while time.time() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def as_task(algorithm_id, parameters):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    errors = []
    feedback.reportError = lambda error, fatal=False: errors.append(error)
    outcome = {}
    task = QgsProcessingAlgRunnerTask(QgsApplication.processingRegistry().algorithmById(algorithm_id),
                                      parameters, context, feedback)
    task.executed.connect(lambda ok, results: outcome.update(ok=ok, results=dict(results)))
    QgsApplication.taskManager().addTask(task)
    while "ok" not in outcome:
        wait(0.02)
    return {"ok": outcome["ok"], "errors": errors, **figures(outcome["results"])}


class RenderThread(QThread):
    """Stands for the canvas's render thread: transforms of the project's layers, all the time."""

    stop = False

    def run(self):
        working = QgsCoordinateReferenceSystem("EPSG:4544")
        while not self.stop:
            for layer in layers.values():
                QgsCoordinateTransform(layer.crs(), working, QgsProject.instance()).transform(
                    QgsPointXY(106.3, 29.0))
            time.sleep(0.01)


def export_map(tagged, path):
    result = processing.run("cq_urban:export_map", {"INPUT": tagged, "THEME": 0, "OUTPUT": str(path)})
    return Path(result["OUTPUT"]).stat().st_size


report = {"mode": MODE, "cycles": []}
if MODE == "main":
    report["cycles"].append({name: {"ok": True, **figures(processing.run(algorithm, dict(parameters)))}
                             for name, (algorithm, parameters) in CHECKS.items()})
else:
    render = RenderThread()
    tagged = str(OUT.with_name("tagged.gpkg"))
    as_task("cq_urban:tag_townships", dict(INPUT=layers["townships"].id(), NAME_FIELD="name", CATALOGUE="jiangjin",
                                           OUTPUT=tagged, MATCH_REPORT="TEMPORARY_OUTPUT"))
    for cycle in range(CYCLES):
        runs = {name: as_task(algorithm, dict(parameters)) for name, (algorithm, parameters) in CHECKS.items()}
        if cycle == 0:
            render.start()
        if MODE == "tasks-expiring":
            pass  # QGIS itself crashes reading a layout once a PROJ context has died: not the plugin's to survive
        else:
            runs["map_bytes"] = export_map(tagged, OUT.with_name(f"map_{cycle}.pdf"))
        report["cycles"].append(runs)
        wait(1.0)  # the pool's idle thread ends here
    render.stop = True
    render.wait()
OUT.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
print("done", flush=True)
os._exit(0)  # PyQGIS may crash tearing the application down; the figures are written
