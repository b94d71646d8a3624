"""What a worker does for one jurisdiction in plan mode: its whole-plan check and its dossier.

``check_plan(job)`` runs ``qgis_process run cq_urban:check_plan`` (and ``cq_urban:export_dossier``)
as subprocesses, so the worker needs QGIS installed, and the plugin on ``job["plugin_path"]``
(given to qgis_process as QGIS_PLUGINPATH, with the profile ``job["profile"]`` where it is
enabled). The outputs (plan_check.csv, plan_check.html, dossier.pdf) are written into a staged
folder beside the jurisdiction's, moved into place when all are there: a folder at its place is a
whole result. Returns {"id", "rows"} (the summary's rows) or {"id", "error"} when qgis_process
refused the jurisdiction (a task that raises would be tried again: a refusal is final). A worker
killed midway leaves only a staged folder, and dask gives the task to another worker.

Nothing of QGIS is imported here: the worker's Python needs none.
"""
import csv
import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

NOISE = ("XDG_RUNTIME_DIR", "DeprecationWarning", "QStandardPaths")  # qgis_process's chatter, not the message
SUMMARY, REPORT, DOSSIER, DONE = "plan_check.csv", "plan_check.html", "dossier.pdf", "done.json"


def _arguments(parameters: dict) -> list:
    found = []
    for key, value in parameters.items():
        if value is None or value == "":
            continue
        found.append(f"{key}={'true' if value is True else 'false' if value is False else value}")
    return found


def _run(job: dict, algorithm: str, parameters: dict) -> str:
    """qgis_process's message when it failed, else ''."""
    env = dict(os.environ, QGIS_PLUGINPATH=job["plugin_path"], QGIS_CUSTOM_CONFIG_PATH=job["profile"])
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONPATH", None)
    command = job["qgis_process"]
    if not os.path.isfile(command):  # a worker on another machine: its own qgis_process
        command = shutil.which("qgis_process.bin") or shutil.which("qgis_process") or command
    args = [command, "run", algorithm, "--json", "--"] + _arguments(parameters)
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=job.get("timeout", 3600))
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{algorithm}: {error}"
    if done.returncode == 0:
        return ""
    lines = [line.strip() for line in (done.stdout + "\n" + done.stderr).splitlines()
             if line.strip() and not any(noise in line for noise in NOISE)]
    start = next((i for i, line in enumerate(lines) if line.startswith("ERROR")), max(len(lines) - 6, 0))
    return f"{algorithm}: " + " ".join(lines[start:start + 8])[-1500:]


def read_summary(path) -> list:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def check_plan(job: dict) -> dict:
    final = Path(job["folder"])
    staged = final.with_name(f".{final.name}.staged-{uuid.uuid4().hex[:8]}")
    staged.mkdir(parents=True)
    try:
        parameters = dict(job["parameters"], SUMMARY=str(staged / SUMMARY), REPORT=str(staged / REPORT))
        message = _run(job, "cq_urban:check_plan", parameters)
        if not message and job.get("dossier"):
            message = _run(job, "cq_urban:export_dossier", dict(job["parameters"], OUTPUT=str(staged / DOSSIER),
                                                                LANGUAGE=job.get("language")))
        if message:
            return {"id": job["id"], "error": message}
        rows = read_summary(staged / SUMMARY)
        (staged / DONE).write_text(json.dumps(job["meta"], ensure_ascii=False), encoding="utf-8")
        old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
        if final.exists():
            final.rename(old)
        staged.rename(final)
        shutil.rmtree(old, ignore_errors=True)
        return {"id": job["id"], "rows": rows}
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)
