"""The batch's plan mode (issue #21): each jurisdiction's whole-plan check (and dossier) on a real dask
local cluster, through the real qgis_process of the installed plugin, equals the single check_plan runs."""
import csv
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

DISTRICTS = ("jiangjin", "kaizhou", "wuxi")
COMPARED = ("target_id", "measured", "target", "gap", "verdict", "citation")


def _plan_parameters(district):
    """The layers by role and options of the recipe's check_plan step (the bundled sample data)."""
    recipe = json.loads((REPO / "batch" / "recipes" / f"{district}.json").read_text(encoding="utf-8"))
    step = next(s for s in recipe["steps"] if s["algorithm"] == "cq_urban:check_plan")
    parameters = {k: v.replace("{repo}", str(REPO)) if isinstance(v, str) else v for k, v in step["params"].items()
                  if k not in ("SUMMARY", "REPORT")}
    parameters["TOWNSHIPS"] = f"{REPO}/layers/{district}.gpkg|layername=townships"  # untagged: the same in both
    return parameters


def _entry(district):
    parameters = _plan_parameters(district)
    entry = {"id": district}
    for key, value in parameters.items():
        entry[key.lower()] = value
    return entry


@pytest.fixture(scope="module")
def listing(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan_list") / "list.json"
    path.write_text(json.dumps([_entry(d) for d in DISTRICTS], ensure_ascii=False), encoding="utf-8")
    return path


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text):
    return None if text in (None, "") else float(text)


def _key(row):
    return (row["target_id"], _number(row["measured"]), row["target"] or None, _number(row["gap"]),
            row["verdict"] or None, row["citation"] or None)


@pytest.fixture(scope="module")
def single_runs(installed_plugin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("single_plans")
    found = {}
    for district in DISTRICTS:
        summary = folder / f"{district}.csv"
        args = [f"{k}={v}" for k, v in _plan_parameters(district).items()]
        installed_plugin("run", "cq_urban:check_plan", "--", *args, f"SUMMARY={summary}")
        found[district] = [_key(row) for row in _read_csv(summary)]
        assert found[district], district
    return found


def _run(listing, out, plugin, *extra):
    return subprocess.run([sys.executable, "-m", "cq_urban_plugin.batch", str(listing), "--out", str(out), "--plan",
                           "--workers", "2", "--plugin-path", str(plugin), *extra], cwd=REPO, capture_output=True,
                          text=True, timeout=1200,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8", PYTHONPATH=str(REPO)))


def test_plan_mode_equals_the_single_check_plan_runs_and_a_rerun_skips_them(installed_plugin, listing, single_runs,
                                                                              tmp_path):
    out = tmp_path / "out"
    done = _run(listing, out, installed_plugin.plugins_dir, "--no-dossier")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "measured 3, skipped 0, failed 0" in done.stdout
    merged = _read_csv(out / "merged_plan.csv")
    assert list(merged[0]) == ["juris", "target_id", "measured", "target", "gap", "verdict", "citation"]
    for district in DISTRICTS:
        assert [_key(r) for r in merged if r["juris"] == district] == single_runs[district], district
        place = out / "plans" / district
        assert (place / "plan_check.csv").is_file() and (place / "plan_check.html").is_file()
        assert not (place / "dossier.pdf").exists()
    assert not list((out / "plans").glob(".*staged*"))  # nothing half-written left
    from osgeo import ogr

    dataset = ogr.Open(str(out / "merged_plan.gpkg"))
    layer = dataset.GetLayer(0)
    assert layer.GetFeatureCount() == len(merged) and layer.GetGeomType() == ogr.wkbNone
    dataset = None
    stamp = (out / "plans" / "jiangjin" / "plan_check.csv").stat().st_mtime_ns
    again = _run(listing, out, installed_plugin.plugins_dir, "--no-dossier")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "measured 0, skipped 3, failed 0" in again.stdout
    assert (out / "plans" / "jiangjin" / "plan_check.csv").stat().st_mtime_ns == stamp
    assert _read_csv(out / "merged_plan.csv") == merged
    entries = json.loads(listing.read_text(encoding="utf-8"))
    entries[2]["tolerance_pct"] = 5  # wuxi checked with another option: checked again, the others skipped
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    third = _run(changed, out, installed_plugin.plugins_dir, "--no-dossier")
    assert "measured 1, skipped 2, failed 0" in third.stdout, third.stdout[-2000:] + third.stderr[-2000:]
    assert json.loads((out / "plans" / "wuxi" / "done.json").read_text(encoding="utf-8"))["parameters"][
        "TOLERANCE_PCT"] == 5


def test_a_jurisdiction_with_a_missing_layer_is_reported_and_the_others_finish(installed_plugin, listing,
                                                                               single_runs, tmp_path):
    entries = json.loads(listing.read_text(encoding="utf-8"))
    entries[0]["builtup"] = str(tmp_path / "gone.gpkg|layername=builtup")
    entries[1]["catalogue"] = "no_such_catalogue"  # check_plan itself refuses it, on the worker
    bad = tmp_path / "list.json"
    bad.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    done = _run(bad, out, installed_plugin.plugins_dir, "--no-dossier")
    assert done.returncode == 2, done.stdout[-3000:] + done.stderr[-3000:]
    failed = {row["juris"]: row["message"] for row in _read_csv(out / "failed.csv")}
    assert set(failed) == {"jiangjin", "kaizhou"}
    assert "gone.gpkg" in failed["jiangjin"] and "builtup" in failed["jiangjin"]
    assert "CATALOGUE" in failed["kaizhou"], failed["kaizhou"]
    assert not (out / "plans" / "jiangjin").exists() and not (out / "plans" / "kaizhou").exists()
    merged = _read_csv(out / "merged_plan.csv")
    assert {r["juris"] for r in merged} == {"wuxi"}
    assert [_key(r) for r in merged] == single_runs["wuxi"]


def test_each_jurisdiction_has_its_dossier(installed_plugin, listing, tmp_path):
    out = tmp_path / "out"
    done = _run(listing, out, installed_plugin.plugins_dir)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for district in DISTRICTS:
        pdf = out / "plans" / district / "dossier.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert pages > 1, (district, pages)


def test_qgis_process_runs_check_batch_in_plan_mode(installed_plugin, listing, single_runs, tmp_path):
    """cq_urban:check_batch of the installed plugin, PLAN=true: its workers find that same plugin by default."""
    entries = [e for e in json.loads(listing.read_text(encoding="utf-8")) if e["id"] == "wuxi"]
    one = tmp_path / "list.json"
    one.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    result = installed_plugin("run", "cq_urban:check_batch", "--json", "--", f"JURISDICTIONS={one}", "WORKERS=1",
                              "PLAN=true", "DOSSIER=false", f"OUTPUT_FOLDER={tmp_path / 'out'}", timeout=900)
    payload = json.loads(result.stdout[result.stdout.index("{"):])["results"]
    assert (payload["DONE_COUNT"], payload["FAILED_COUNT"]) == (1, 0)
    assert payload["MERGED_CSV"].endswith("merged_plan.csv")
    assert [_key(r) for r in _read_csv(payload["MERGED_CSV"])] == single_runs["wuxi"]


def test_a_worker_killed_during_the_run_changes_no_target(qgis_app, installed_plugin, listing, single_runs,
                                                          tmp_path):
    """A worker process killed (SIGKILL) while it checks a jurisdiction: dask gives the task to another, and
    every jurisdiction's targets are still the single runs'."""
    import threading
    import time

    from distributed import LocalCluster

    from cq_urban_plugin.core.checks.batch import read_list
    from cq_urban_plugin.core.checks.batch_plan import run_plan_batch
    from tests.test_batch import _killer

    stop, killed = threading.Event(), []
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        thread = threading.Thread(target=_killer, args=(cluster.scheduler_address, stop, killed), daemon=True)
        thread.start()
        time.sleep(1.0)
        summary = run_plan_batch(read_list(listing), tmp_path / "out", address=cluster.scheduler_address,
                                 dossier=False, plugin_path=str(installed_plugin.plugins_dir))
        stop.set()
        thread.join(30)
    assert killed, "no worker was seen running a task"
    assert (sorted(summary.done), summary.failed) == (sorted(DISTRICTS), {})
    merged = _read_csv(tmp_path / "out" / "merged_plan.csv")
    for district in DISTRICTS:
        assert [_key(r) for r in merged if r["juris"] == district] == single_runs[district], district
