"""Plan mode of the batch: every jurisdiction's whole-plan check (cq_urban:check_plan) and dossier
(cq_urban:export_dossier) on the dask workers, then the merged plan table across all of them.

Each jurisdiction of the list gives its catalogue and its layers by role (``batch.PLAN_LAYERS``:
townships, builtup, landuse, stops, facilities, roads, …, population) and check_plan's options
(``batch.PLAN_OPTIONS``). A worker runs ``qgis_process`` on them (``core.batch.plan_work``): it needs
QGIS, and finds the plugin on ``plugin_path`` (default: the folder holding this plugin). Each
jurisdiction's folder ``plans/<id>/`` (plan_check.csv, plan_check.html, dossier.pdf) is moved
into place whole; a rerun skips those there made with the same parameters (and a dossier when one
is asked for). A layer whose file is missing fails its jurisdiction here, before any worker; one
check_plan refuses fails on the worker; both are listed in failed.csv with their message, and the others finish.
"""
import json
import os
import shutil
from pathlib import Path
from typing import List

from ...i18n import tr
from ..errors import PlanInputError
from ..files import batch_store
from .batch import PLAN_LAYERS, BatchSummary, Jurisdiction, _postgres, _say, require_dask

PLAN_COLUMNS = ("juris", "target_id", "measured", "target", "gap", "verdict", "citation")
PLAN_FOLDER, MERGED_PLAN = "plans", "merged_plan"
PLUGIN_PATH = Path(__file__).resolve().parents[3]  # the folder holding cq_urban_plugin/


def qgis_process_command() -> str:
    """qgis_process.bin where Debian's wrapper (broken on 3.22 by --noversioncheck) would be first."""
    for name in ("qgis_process.bin", "qgis_process"):
        found = shutil.which(name)
        if found:
            return found
    raise PlanInputError(tr("qgis_process is not found: the plan mode runs the whole-plan check with it."),
                         tr("Install QGIS on the machine of the batch and of its workers."))


def jurisdiction_folder(folder, jurisdiction_id: str) -> Path:
    return Path(folder) / PLAN_FOLDER / batch_store.check_id(jurisdiction_id)


def is_complete(folder, jurisdiction_id: str, meta: dict) -> bool:
    """A whole result of this jurisdiction is in place, checked with the same parameters (layers, catalogue,
    options), and with a dossier when one is asked for."""
    from ..batch.plan_work import DONE, DOSSIER

    place = jurisdiction_folder(folder, jurisdiction_id)
    try:
        made = json.loads((place / DONE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if made.get("parameters") != json.loads(json.dumps(meta["parameters"], ensure_ascii=False)):
        return False
    return not meta.get("dossier") or (place / DOSSIER).is_file()


def parameters(jurisdiction: Jurisdiction) -> dict:
    """check_plan's parameters of one jurisdiction; a missing layer file is refused by name."""
    found = {}
    catalogue = jurisdiction.catalogue
    if not catalogue:
        raise PlanInputError(tr("Jurisdiction '{id}' has no catalogue.").format(id=jurisdiction.id),
                             tr("Give its catalogue (a bundled one's name, or a YAML file) in the list."))
    if catalogue.lower().endswith((".yaml", ".yml")):
        found["CATALOGUE_FILE"] = catalogue
    else:
        found["CATALOGUE"] = catalogue
    for role in PLAN_LAYERS:
        source = jurisdiction.layers.get(role)
        if not source:
            continue
        path = source.partition("|")[0]
        if not _postgres(source) and "://" not in path and not Path(path).exists():
            raise PlanInputError(tr("Jurisdiction '{id}': its {key} layer {source} does not exist.").format(
                id=jurisdiction.id, key=role, source=source), tr("Check the path in the list of jurisdictions."))
        found[role.upper()] = source
    if "TOWNSHIPS" not in found:
        raise PlanInputError(tr("Jurisdiction '{id}' has no {key} layer.").format(id=jurisdiction.id, key="townships"),
                             tr("Add its '{key}' to the list of jurisdictions.").format(key="townships"))
    if jurisdiction.name_field:
        found["TOWNSHIP_NAME_FIELD"] = jurisdiction.name_field
    found.update({key.upper(): value for key, value in jurisdiction.options.items()})
    return found


def _number(value):
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def plan_rows(jurisdiction_id: str, summary: list) -> list:
    return [{"juris": jurisdiction_id, "target_id": row.get("target_id"), "measured": _number(row.get("measured")),
             "target": row.get("target") or None, "gap": _number(row.get("gap")),
             "verdict": row.get("verdict") or None, "citation": row.get("citation") or None} for row in summary]


def run_plan_batch(jurisdictions: List[Jurisdiction], folder, *, workers: int = 2, address: str = "",
                   dossier: bool = True, feedback=None, plugin_path: str = "") -> BatchSummary:
    """Every jurisdiction's whole-plan check (and dossier) on the cluster, each one's folder written
    whole when it arrives, then merged_plan.gpkg and merged_plan.csv across all of them."""
    import subprocess

    from ..batch.engine import Engine
    from ..batch.plan_work import SUMMARY, check_plan, read_summary

    require_dask()
    folder = Path(folder)
    (folder / PLAN_FOLDER).mkdir(parents=True, exist_ok=True)
    command = qgis_process_command()
    plugin_path = str(Path(plugin_path or PLUGIN_PATH).resolve())
    if not (Path(plugin_path) / "cq_urban_plugin" / "metadata.txt").is_file():
        raise PlanInputError(tr("{path} holds no installed cq_urban_plugin (cq_urban_plugin/metadata.txt) for the "
                                "workers' qgis_process.").format(path=plugin_path),
                             tr("Give the plugin folder of QGIS where it is installed, or the BUILD folder of "
                                "`make package`."))
    for stale in (folder / PLAN_FOLDER).glob(".*.staged-*"):  # left by a worker killed in an earlier run
        shutil.rmtree(stale, ignore_errors=True)
    profile = folder / PLAN_FOLDER / ".qgis_profile"
    profile.mkdir(exist_ok=True)
    env = dict(os.environ, QGIS_PLUGINPATH=plugin_path, QGIS_CUSTOM_CONFIG_PATH=str(profile),
               QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    # Enabled once, here (exits non-zero when it is already): the workers' qgis_process share the profile.
    subprocess.run([command, "plugins", "enable", "cq_urban_plugin"], env=env, capture_output=True, text=True)
    total = len(jurisdictions)
    done, failed, skipped, jobs = [], {}, [], []

    def fail(jurisdiction_id, message):
        failed[jurisdiction_id] = message
        _say(feedback, tr("Jurisdiction '{id}' failed: {error}").format(id=jurisdiction_id, error=message), error=True)

    for jurisdiction in jurisdictions:
        try:
            given = parameters(jurisdiction)
        except PlanInputError as error:
            fail(jurisdiction.id, str(error))
            continue
        meta = {"dossier": bool(dossier), "parameters": given}
        if is_complete(folder, jurisdiction.id, meta):
            skipped.append(jurisdiction.id)
            continue
        jobs.append({"id": jurisdiction.id, "parameters": given, "dossier": bool(dossier),
                     "folder": str(jurisdiction_folder(folder, jurisdiction.id)), "meta": meta,
                     "qgis_process": command, "plugin_path": plugin_path, "profile": str(profile)})
    if skipped:
        _say(feedback, tr("{n} of {total} jurisdictions already measured, skipped: {ids}.").format(
            n=len(skipped), total=total, ids=", ".join(skipped)))
    with Engine(address=address, workers=workers) as engine:
        futures = {engine.submit(job, check_plan): job["id"] for job in jobs}
        for future in engine.completed(futures):
            jurisdiction_id = futures[future]
            try:
                result = future.result()
            except Exception as error:  # noqa: BLE001 (a worker's failure is this jurisdiction's, not the run's)
                fail(jurisdiction_id, tr("the workers could not measure it ({error}).").format(error=error))
                continue
            if result.get("error"):
                fail(jurisdiction_id, result["error"])
                continue
            done.append(jurisdiction_id)
            if feedback is not None:
                feedback.setProgress(100.0 * (len(done) + len(skipped) + len(failed)) / max(total, 1))
            _say(feedback, tr("{id}: {n} targets").format(id=jurisdiction_id, n=len(result["rows"])))
    rows = []
    for jurisdiction in jurisdictions:
        if jurisdiction.id in done or jurisdiction.id in skipped:
            rows += plan_rows(jurisdiction.id, read_summary(jurisdiction_folder(folder, jurisdiction.id) / SUMMARY))
    gpkg, table = batch_store.write_rows(folder, MERGED_PLAN, rows, PLAN_COLUMNS)
    failed_csv = batch_store.write_failed(folder, failed)
    if feedback is not None:
        feedback.setProgress(100.0)
    return BatchSummary(gpkg, table, rows, done, skipped, failed, failed_csv)
