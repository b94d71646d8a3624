"""The engine: a dask.distributed cluster that runs ``work.measure`` for every jurisdiction.

A local cluster of worker processes (one thread each) by default, or any running dask scheduler
given by its address (``tcp://host:8786``). dask does the scheduling, the retries and the restart
of a worker that dies: nothing of that is written here. A task whose worker is killed is given to
another (the scheduler's ``allowed-failures``); one that raises is tried again ``RETRIES`` times.

Nothing of QGIS: the client side that reads the layers is ``core.checks.batch``.
"""
import multiprocessing.spawn
import os
import sys
import tempfile
import uuid
import zipfile
from pathlib import Path

from .work import measure

RETRIES = 2
PACKAGE = Path(__file__).resolve().parents[2]  # cq_urban_plugin/
# What a worker imports: the package's own __init__ files, the work and the kernels (no QGIS in any).
SHIPPED = ("__init__.py", "core/__init__.py", "core/kernels", "core/batch")


def work_zip(folder) -> str:
    """A zip of what the workers import (``SHIPPED``), for a scheduler's workers that do not have the
    plugin: dask's UploadFile worker plugin puts it on their path, and on that of every worker joining later."""
    # A name of its own each time: a worker keeps the zips it was sent on its path, and one rewritten in
    # place under Python's zip importer would break it.
    path = Path(folder) / f"cq_urban_batch_work_{uuid.uuid4().hex[:12]}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in SHIPPED:
            source = PACKAGE / item
            for file in sorted(source.rglob("*.py")) if source.is_dir() else [source]:
                archive.write(file, f"{PACKAGE.name}/{file.relative_to(PACKAGE).as_posix()}")
    return str(path)


def _python_for_workers() -> None:
    """Worker processes are started by running a Python: inside QGIS (qgis_process, the desktop)
    ``sys.executable`` can be QGIS itself, which would start another QGIS. Then the Python of this
    same installation (``sys.exec_prefix``: /usr/bin/python3.11, OSGeo4W's python.exe) is used, never
    another one first on the path, whose standard library would not match."""
    current = os.fsdecode(multiprocessing.spawn.get_executable() or "")
    prefixes = {os.path.join(os.path.abspath(sys.exec_prefix), ""), os.path.join(os.path.realpath(sys.exec_prefix), "")}
    if os.path.basename(current).lower().startswith("python") and any(
            path.startswith(prefix) for path in (os.path.abspath(current), os.path.realpath(current))
            for prefix in prefixes):
        return  # a Python of this installation (a venv's own, too)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (os.path.join(sys.exec_prefix, "bin", version), os.path.join(sys.exec_prefix, "bin", "python3"),
                      os.path.join(sys.exec_prefix, "python.exe")):
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            multiprocessing.spawn.set_executable(candidate)
            return


def dask_missing() -> str:
    """'' when dask.distributed imports, else why not."""
    try:
        import distributed  # noqa: F401
    except Exception as error:  # noqa: BLE001 (any broken install is as good as none)
        return str(error) or type(error).__name__
    return ""


class Engine:
    """``with Engine(address=None, workers=2) as engine``: ``engine.submit(job)`` gives a future,
    ``engine.completed(futures)`` yields them as they finish. Without an address a local cluster of
    ``workers`` processes is started, and closed at the end; with one, the scheduler there is used, and
    its workers are sent the code they run (``work_zip``): they need shapely 2 and numpy, not the plugin."""

    def __init__(self, address: str = "", workers: int = 2):
        self.address, self.workers = (address or "").strip(), max(1, int(workers))
        self.client = self.cluster = None

    def __enter__(self):
        from distributed import Client, LocalCluster

        if self.address:
            self.client = Client(self.address, timeout="20s")
            with tempfile.TemporaryDirectory() as folder:
                self._send_to_workers(work_zip(folder))
        else:
            _python_for_workers()
            self.cluster = LocalCluster(n_workers=self.workers, processes=True, threads_per_worker=1,
                                        dashboard_address=None, scheduler_port=0)
            self.client = Client(self.cluster)
        return self

    def _send_to_workers(self, path: str):
        """The zip to the workers only, and to those joining later. Not ``Client.upload_file``: from
        distributed 2023 on it loads the zip on the scheduler too, which may be this very process (a
        scheduler started here), whose ``cq_urban_plugin`` would then be the zip's few modules."""
        from distributed.diagnostics.plugin import UploadFile

        register = getattr(self.client, "register_plugin", None) or self.client.register_worker_plugin
        register(UploadFile(path))

    def __exit__(self, *exc):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False

    def submit(self, job: dict, function=measure):
        """``function`` (default ``work.measure``; ``plan_work.check_plan`` in plan mode) of the job on a worker."""
        # A key of its own per run: a rerun of the same jurisdiction is a new task, never an old result.
        key = f"cq-batch-{job['id']}-{job.get('piece', '')}-{uuid.uuid4().hex[:8]}"
        return self.client.submit(function, job, key=key, pure=False, retries=RETRIES)

    def completed(self, futures):
        from distributed import as_completed

        return as_completed(list(futures))
