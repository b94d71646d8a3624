"""cq_urban:check_batch (issue #21): many jurisdictions at once on a real dask.distributed cluster
(worker processes), against each jurisdiction's single run of the plugin's own checks.

A synthetic municipality of 6 jurisdictions (the benchmark's generator, a seed each, 4 townships of
9 km, 200 stops, 80 built-up blocks each), and the issue's 38 of them; one local cluster of 2 worker
processes for the module, given to the algorithm by its scheduler address (the default, a cluster of its
own, is what the qgis_process test runs)."""
import json
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "benchmarks"))
distributed = pytest.importorskip("distributed")

from cq_urban_plugin.core.checks.builtup import check_builtup  # noqa: E402
from cq_urban_plugin.core.checks.coverage import check_coverage  # noqa: E402
from cq_urban_plugin.core.files.batch_store import read_table  # noqa: E402

COUNT, SCALE = 6, 0.004


@pytest.fixture(scope="module")
def municipality(tmp_path_factory, qgis_app):
    from municipality import municipality as generate

    return generate(tmp_path_factory.mktemp("municipality"), COUNT, SCALE)


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    from cq_urban_plugin.core.batch.engine import _python_for_workers

    _python_for_workers()
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as running:
        yield running


def _layers(entry):
    return (QgsVectorLayer(entry["townships"], "townships", "ogr"), QgsVectorLayer(entry["builtup"], "builtup", "ogr"),
            QgsVectorLayer(entry["stops"], "stops", "ogr"))


def _single_runs(listing):
    """Each jurisdiction through the plugin's own checks: {id: ({fid: (name, bu, twp, served, covered)}, outside)}."""
    runs = {}
    for entry in json.loads(listing.read_text(encoding="utf-8"))["jurisdictions"]:
        townships, builtup, stops = _layers(entry)
        built = check_builtup(builtup, townships, name_field="name")
        cover = check_coverage(stops, builtup, townships, name_field="name")
        zones = {z.key: z for z in cover.detail.zones}
        rows = {r.fid: (r.name, r.geometric_km2, r.township_km2, zones[r.fid].served_km2 if r.fid in zones else 0.0,
                        zones[r.fid].covered_km2 if r.fid in zones else 0.0) for r in built.townships}
        runs[entry["id"]] = (rows, built.detail.outside_geometric_km2)
    return runs


@pytest.fixture(scope="module")
def single_runs(municipality):
    return _single_runs(municipality)


def _batch(folder, listing, cluster=None, **extra):
    import processing

    parameters = {"JURISDICTIONS": str(listing), "OUTPUT_FOLDER": str(folder), "WORKERS": 2,
                  "SCHEDULER": cluster.scheduler_address if cluster is not None else "", **extra}
    return processing.run("cq_urban:check_batch", parameters)


def _assert_equal_to_single_runs(rows, single_runs, ids):
    by_juris = {}
    for row in rows:
        by_juris.setdefault(row["juris"], []).append(row)
    assert sorted(by_juris) == sorted(ids)
    for juris in ids:
        expected, outside = single_runs[juris]
        townships = [r for r in by_juris[juris] if r["twp_fid"] is not None]
        assert sorted(r["twp_fid"] for r in townships) == sorted(expected)
        for row in townships:
            name, builtup, township, served, covered = expected[row["twp_fid"]]
            assert row["township"] == name
            assert row["bu_km2"] == builtup, (juris, name)  # the same floats, not merely close
            assert row["served_km2"] == served and row["cover_km2"] == covered, (juris, name)
            assert row["twp_km2"] == pytest.approx(township, rel=1e-9)
            assert row["cover_pct"] == pytest.approx(100.0 * covered / served, rel=1e-12)
        assert [r["bu_km2"] for r in by_juris[juris] if r["twp_fid"] is None] == [outside]  # outside every township
    assert any(r["cover_pct"] and 0 < r["cover_pct"] < 100 for r in rows)  # a figure worth comparing


def test_merged_table_equals_every_single_run(cq_provider, municipality, single_runs, cluster, tmp_path):
    results = _batch(tmp_path, municipality, cluster)
    assert (results["DONE_COUNT"], results["SKIPPED_COUNT"], results["FAILED_COUNT"]) == (COUNT, 0, 0)
    ids = [f"j{n:02d}" for n in range(COUNT)]
    merged = read_table(results["MERGED"])
    _assert_equal_to_single_runs(merged, single_runs, ids)
    assert [r["juris"] for r in merged] == sorted(r["juris"] for r in merged)  # in the list's order
    for juris in ids:  # each jurisdiction's own table holds its rows of the merged one
        assert read_table(tmp_path / "jurisdictions" / f"{juris}.gpkg") == [r for r in merged if r["juris"] == juris]
    lines = Path(results["MERGED_CSV"]).read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",")[:3] == ["juris", "township", "twp_fid"] and len(lines) == len(merged) + 1
    assert not (tmp_path / "failed.csv").exists()
    assert not [p for p in (tmp_path / "jurisdictions").iterdir() if p.name.startswith(".")]  # nothing staged left

    # (d) a rerun skips every complete jurisdiction and rewrites none of them
    stamps = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "jurisdictions").iterdir()}
    again = _batch(tmp_path, municipality, cluster)
    assert (again["DONE_COUNT"], again["SKIPPED_COUNT"], again["FAILED_COUNT"]) == (0, COUNT, 0)
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "jurisdictions").iterdir()} == stamps
    assert read_table(again["MERGED"]) == merged
    # one lost: only that one is measured again; another radius measures all again
    (tmp_path / "jurisdictions" / "j03.gpkg").unlink()
    third = _batch(tmp_path, municipality, cluster)
    assert (third["DONE_COUNT"], third["SKIPPED_COUNT"]) == (1, COUNT - 1)
    assert read_table(third["MERGED"]) == merged
    other = _batch(tmp_path, municipality, cluster, RADIUS=300)
    assert other["DONE_COUNT"] == COUNT
    assert sum(r["cover_km2"] or 0 for r in read_table(other["MERGED"])) < sum(r["cover_km2"] or 0 for r in merged)


def test_a_split_run_equals_the_unsplit_run(cq_provider, municipality, single_runs, cluster, tmp_path):
    """Each jurisdiction split by township (one a piece, and two a piece): the merged table is the unsplit
    one, float for float, and a piece carries the stops of the next township whose circles reach into it."""
    import shapely

    from cq_urban_plugin.core.batch.split import split
    from cq_urban_plugin.core.checks.batch import read_job, read_list

    whole = read_table(_batch(tmp_path / "whole", municipality, cluster)["MERGED"])
    for size in (1, 2):
        results = _batch(tmp_path / f"split{size}", municipality, cluster, SPLIT=size)
        assert (results["DONE_COUNT"], results["FAILED_COUNT"]) == (COUNT, 0)
        assert read_table(results["MERGED"]) == whole
    _assert_equal_to_single_runs(whole, single_runs, [f"j{n:02d}" for n in range(COUNT)])

    job = read_job(read_list(municipality)[0])
    pieces = split(job, 1)
    assert len(pieces) == len(job["townships"]) + 1 and pieces[-1]["piece"] == "outside"
    crossing = 0
    for piece in pieces[:-1]:
        township = shapely.from_wkb(piece["townships"][0])
        stops = shapely.points(piece["stops"])
        outside = ~shapely.contains(township, stops)
        crossing += int(outside.sum())
        assert shapely.distance(township, stops[outside]).max(initial=0) <= 501.0  # the margin, no farther
        assert len(piece["builtup"]) < len(job["builtup"])  # only what the township needs
    assert crossing > 0  # stops of the next township are there


class _Recorded:
    def __init__(self):
        self.lines, self.percents = [], []

    def pushInfo(self, text):  # noqa: N802 (QGIS's names)
        self.lines.append(text)

    def reportError(self, text, fatalError=False):  # noqa: N802, N803
        self.lines.append(text)

    def setProgress(self, percent):  # noqa: N802
        self.percents.append(percent)

    def isCanceled(self):  # noqa: N802
        return False


def test_progress_over_jurisdictions_and_townships(cq_provider, municipality, cluster, tmp_path):
    """Two jurisdictions of 4 townships, one a piece: the bar moves piece by piece (not only twice), never
    back, to 100; a line a jurisdiction with the townships counted."""
    from cq_urban_plugin.core.checks.batch import read_list, run_batch

    feedback = _Recorded()
    summary = run_batch(read_list(municipality)[:2], tmp_path, address=cluster.scheduler_address,
                        feedback=feedback, split_size=1)
    assert summary.done and not summary.failed
    assert feedback.percents == sorted(feedback.percents) and feedback.percents[-1] == 100.0
    assert len({p for p in feedback.percents if 0 < p < 100}) >= 4  # pieces moved it between jurisdictions
    counters = [line for line in feedback.lines if line.startswith("[")]
    assert [c.split("]")[0] for c in counters] == ["[1/2", "[2/2"] and counters[-1].endswith("townships 8/8")
    assert sum("measured in 4 pieces" in line for line in feedback.lines) == 2


def test_a_jurisdiction_failing_on_the_workers_is_reported_and_the_others_written(
        cq_provider, municipality, single_runs, cluster, tmp_path, monkeypatch):
    """A jurisdiction whose work raises on the worker (its townships' WKB broken after reading): tried again,
    then reported failed, with no table; the others are written, equal to their single runs. Split, the same
    jurisdiction fails in the client's split, alone too."""
    from cq_urban_plugin.core.checks import batch

    read = batch.read_job

    def broken(jurisdiction, *args):
        job = read(jurisdiction, *args)
        if jurisdiction.id == "j01":
            job["townships"][-1] = b"not a geometry"
        return job

    monkeypatch.setattr(batch, "read_job", broken)
    for size, message in ((0, "could not measure"), (2, "could not be split")):  # on the workers; in the client
        feedback = _Recorded()
        summary = batch.run_batch(batch.read_list(municipality)[:3], tmp_path / str(size),
                                  address=cluster.scheduler_address, feedback=feedback, split_size=size)
        assert summary.done == ["j00", "j02"] and list(summary.failed) == ["j01"]
        assert message in summary.failed["j01"] and any("j01" in line for line in feedback.lines)
        assert not (tmp_path / str(size) / "jurisdictions" / "j01.gpkg").exists()
        assert "j01" in (tmp_path / str(size) / "failed.csv").read_text(encoding="utf-8")
        _assert_equal_to_single_runs(summary.rows, single_runs, ["j00", "j02"])


def _municipal_set(listing, folder, field="county"):
    """The jurisdictions' layers appended into one GeoPackage, each feature with its jurisdiction's id in
    ``field``: one municipal layer set."""
    import subprocess

    from osgeo import ogr

    target = Path(folder) / "municipal.gpkg"
    for entry in json.loads(listing.read_text(encoding="utf-8"))["jurisdictions"]:
        for key in ("townships", "builtup", "stops"):
            source, _, layer = entry[key].partition("|layername=")
            opened = ogr.Open(source)
            srs = opened.GetLayerByName(layer).GetSpatialRef().ExportToWkt()
            opened = None
            subprocess.run(["ogr2ogr", "-f", "GPKG", "-append", "-nln", key, "-a_srs", srs, "-dialect", "SQLite",
                            "-sql", f"SELECT *, '{entry['id']}' AS {field} FROM \"{layer}\"", str(target), source],
                           check=True, capture_output=True)
    return target


def _without_fids(rows):
    return [{k: v for k, v in r.items() if k != "twp_fid"} for r in rows]


def test_one_municipal_layer_set_split_by_a_jurisdiction_field(cq_provider, municipality, cluster, tmp_path):
    """One layer set for the whole municipality, a field naming each feature's jurisdiction: the same figures
    as one layer set per jurisdiction (the fids are the municipal layer's), split by township too."""
    whole = read_table(_batch(tmp_path / "each", municipality, cluster)["MERGED"])
    layers = _municipal_set(municipality, tmp_path)
    listing = tmp_path / "municipal.json"
    listing.write_text(json.dumps({"field": "county", **{k: f"{layers}|layername={k}" for k in (
        "townships", "builtup", "stops")}}), encoding="utf-8")
    for size in (0, 2):
        results = _batch(tmp_path / f"municipal{size}", listing, cluster, SPLIT=size)
        assert (results["DONE_COUNT"], results["FAILED_COUNT"]) == (COUNT, 0)
        merged = read_table(results["MERGED"])
        assert _without_fids(merged) == _without_fids(whole)
        assert len({r["twp_fid"] for r in merged if r["twp_fid"] is not None}) == len(whole) - COUNT  # one layer's
    # a layer of the set without the field is refused by name
    subprocess = __import__("subprocess")
    bare = tmp_path / "bare.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(bare), str(layers), "builtup", "-sql",
                    "SELECT fid, geom FROM builtup", "-nln", "builtup"], check=True, capture_output=True)
    listing.write_text(json.dumps({"field": "county", "townships": f"{layers}|layername=townships",
                                   "builtup": str(bare), "stops": f"{layers}|layername=stops"}), encoding="utf-8")
    results = _batch(tmp_path / "bare", listing, cluster)
    assert results["FAILED_COUNT"] == COUNT
    assert "county" in (tmp_path / "bare" / "failed.csv").read_text(encoding="utf-8")


def test_38_jurisdictions_equal_their_38_single_runs(cq_provider, tmp_path):
    """The issue's acceptance: a municipality of 38 jurisdictions (tiny ones) end to end through the batch's
    command line on a local cluster of its own, some split by township; the merged table equals the 38 single
    runs, and the counter went over jurisdictions and townships."""
    import subprocess

    from municipality import municipality as generate

    listing = generate(tmp_path / "data", 38, SCALE)
    env = dict(os.environ, PYTHONPATH=str(HERE.parent), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "cq_urban_plugin.batch", str(listing), "--out", str(tmp_path / "out"),
                          "--workers", "2", "--split", "3"], env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    merged = read_table(tmp_path / "out" / "merged.gpkg")
    townships = len([r for r in merged if r["twp_fid"] is not None])
    counters = [line for line in run.stdout.splitlines() if line.startswith("[")]
    assert len(counters) == 38 and counters[-1].startswith("[38/38]") and counters[0].startswith("[1/38]")
    assert counters[-1].endswith(f"townships {townships}/{townships}")
    assert "measured in 2 pieces" in run.stdout and "measured 38, skipped 0, failed 0" in run.stdout
    _assert_equal_to_single_runs(merged, _single_runs(listing), [f"j{n:02d}" for n in range(38)])


def _killer(address, stop, killed):
    """Kills (SIGKILL) the first worker process seen running a batch task."""
    from distributed import Client

    with Client(address) as client:
        pids = client.run(os.getpid)
        while not stop.is_set():
            busy = [w for w, tasks in client.processing().items() if any("cq-batch-" in str(t) for t in tasks)]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append((busy[0], pids[busy[0]]))
                return
            time.sleep(0.002)


def test_a_worker_killed_during_the_run_changes_no_figure(cq_provider, municipality, single_runs, cluster,
                                                          tmp_path):
    stop, killed = threading.Event(), []
    thread = threading.Thread(target=_killer, args=(cluster.scheduler_address, stop, killed), daemon=True)
    thread.start()
    time.sleep(1.0)  # the killer's client is connected and watching
    results = _batch(tmp_path, municipality, cluster, SPLIT=2)  # pieces of a jurisdiction as well
    stop.set()
    thread.join(30)
    assert killed, "no worker was seen running a task"
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0][1], 0)  # that process is gone: the nanny started another
    assert (results["DONE_COUNT"], results["FAILED_COUNT"]) == (COUNT, 0)
    _assert_equal_to_single_runs(read_table(results["MERGED"]), single_runs, [f"j{n:02d}" for n in range(COUNT)])


def test_a_bad_jurisdiction_is_reported_and_the_others_written(cq_provider, municipality, single_runs, cluster,
                                                               tmp_path):
    entries = json.loads(municipality.read_text(encoding="utf-8"))["jurisdictions"][:3]
    entries[1] = dict(entries[1], builtup=str(tmp_path / "missing.gpkg"))
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps(entries), encoding="utf-8")
    results = _batch(tmp_path / "out", listing, cluster)
    assert (results["DONE_COUNT"], results["FAILED_COUNT"]) == (2, 1)
    _assert_equal_to_single_runs(read_table(results["MERGED"]), single_runs, ["j00", "j02"])
    failed = (tmp_path / "out" / "failed.csv").read_text(encoding="utf-8")
    assert failed.startswith("juris,message") and "j01" in failed and "missing.gpkg" in failed
    assert not (tmp_path / "out" / "jurisdictions" / "j01.gpkg").exists()


def test_a_csv_list_and_the_command_line(municipality, single_runs, cluster, tmp_path):
    """The same run from `python -m cq_urban_plugin.batch` on a CSV list (relative paths)."""
    import subprocess

    entries = json.loads(municipality.read_text(encoding="utf-8"))["jurisdictions"][:2]
    rows = ["id,catalogue,townships,builtup,stops"]
    for entry in entries:
        folder = tmp_path / entry["id"]
        shutil.copytree(Path(entry["townships"].split("|")[0]).parent, folder)
        rows.append(",".join([entry["id"], "wuxi"] + [f"{entry['id']}/bench.gpkg|layername={name}"
                                                      for name in ("townships", "builtup", "bus_stops")]))
    (tmp_path / "list.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(HERE.parent), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "cq_urban_plugin.batch", str(tmp_path / "list.csv"), "--out",
                          str(tmp_path / "out"), "--scheduler", cluster.scheduler_address], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "[2/2]" in run.stdout and "measured 2, skipped 0, failed 0" in run.stdout
    _assert_equal_to_single_runs(read_table(tmp_path / "out" / "merged.gpkg"), single_runs, ["j00", "j01"])


def test_a_bad_list_is_refused_by_name(cq_provider, tmp_path):
    from qgis.core import QgsProcessingException

    listing = tmp_path / "list.json"
    listing.write_text(json.dumps([{"id": "a/b", "townships": "x.gpkg"}]), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="a/b"):
        _batch(tmp_path / "out", listing)


@pytest.mark.slow
def test_qgis_process_runs_check_batch(installed_plugin, municipality, single_runs, tmp_path):
    """qgis_process, the installed plugin, its own local cluster of 2 worker processes."""
    entries = json.loads(municipality.read_text(encoding="utf-8"))["jurisdictions"][:2]
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps(entries), encoding="utf-8")
    result = installed_plugin("run", "cq_urban:check_batch", "--json", "--", f"JURISDICTIONS={listing}",
                              "WORKERS=2", f"OUTPUT_FOLDER={tmp_path / 'out'}", timeout=600)
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["results"]["DONE_COUNT"] == 2 and payload["results"]["FAILED_COUNT"] == 0
    _assert_equal_to_single_runs(read_table(payload["results"]["MERGED"]), single_runs, ["j00", "j01"])


def test_a_scheduler_whose_worker_has_no_plugin(cq_provider, municipality, single_runs, tmp_path):
    """A running scheduler and a `dask worker` started elsewhere (a folder of its own, no PYTHONPATH: it cannot
    import the plugin): the batch sends it the work's code, and the figures are the single runs'."""
    import subprocess

    from distributed import LocalCluster

    entries = json.loads(municipality.read_text(encoding="utf-8"))["jurisdictions"][:2]
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps(entries), encoding="utf-8")
    elsewhere = tmp_path / "worker"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    assert subprocess.run([sys.executable, "-c", "import cq_urban_plugin"], cwd=elsewhere, env=env,
                          capture_output=True).returncode != 0  # the worker's Python has no plugin
    with LocalCluster(n_workers=0, processes=True, dashboard_address=None) as scheduler:
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", scheduler.scheduler_address,
                                   "--nthreads", "1", "--no-nanny", "--no-dashboard"], cwd=elsewhere, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with distributed.Client(scheduler.scheduler_address) as client:
                client.wait_for_workers(1, timeout=60)
            results = _batch(tmp_path / "out", listing, scheduler)
        finally:
            worker.terminate()
            worker.wait(30)
    assert (results["DONE_COUNT"], results["FAILED_COUNT"]) == (2, 0)
    _assert_equal_to_single_runs(read_table(results["MERGED"]), single_runs, ["j00", "j01"])
    # The code went to the worker only: this process (where the scheduler ran) keeps its own plugin, whole.
    import importlib

    import cq_urban_plugin

    assert ".zip" not in cq_urban_plugin.__file__, cq_urban_plugin.__file__
    assert importlib.import_module("cq_urban_plugin.plugin").CqUrbanPlugin
