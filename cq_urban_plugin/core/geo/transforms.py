"""Coordinate reference systems and transforms that stay valid for a whole QGIS session.

QGIS 3.x keeps, for each CRS, one PROJ object owned by the thread that first built
that CRS, and shares it through its CRS cache with every later
``QgsCoordinateReferenceSystem("EPSG:4544")`` in any thread. When that thread ends
(a task-pool thread expires after 30 s idle) the PROJ object is destroyed: the CRS
still says it is valid, but a transform built from it in a new thread is invalid
and passes coordinates through unchanged (a coverage check then reports 100 %,
a built-up check 0 km²), and a print layout using it crashes QGIS in
``QgsCoordinateReferenceSystem::operation()``. Built on the main thread, which
lives as long as QGIS, the PROJ object is never destroyed.

So every CRS the plugin itself names is built once on the main thread (this
module is imported there, when the plugin loads) and handed out as copies, which
share the main thread's PROJ object; the CRSs of a run's input layers are pinned
on the main thread too, in ``CqAlgorithm.prepareAlgorithm`` (QGIS prepares an
algorithm on the thread that starts it). And every transform is made by
``transform()``, which refuses one that cannot be working — built from a CRS that
lost its PROJ object, or moving a probe point by nothing where it must move it —
rather than let it produce a figure that is not true.
"""
import contextlib
import math
import threading
from typing import Dict, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsPointXY,
    QgsProject,
)

from ...i18n import tr
from ..errors import PlanInputError

CGCS2000_ID = "EPSG:4490"
WGS84_ID = "EPSG:4326"
# CGCS2000 3-degree Gauss-Krüger zones, CM 75E … 135E (no zone number in front of X).
GK_ZONE_IDS = tuple(f"EPSG:{code}" for code in range(4534, 4555))
# … and the same zones with the zone number in front of X (e.g. 36xxxxxx), as surveys deliver them.
GK_PREFIXED_ZONE_IDS = tuple(f"EPSG:{code}" for code in range(4513, 4534))

_lock = threading.Lock()
_pinned: Dict[str, QgsCoordinateReferenceSystem] = {}
_PINNED_MAX = 256  # layers' own CRSs kept alive; a session rarely sees more than a handful


def on_main_thread() -> bool:
    """True on the thread the QGIS application runs on (or when there is none yet)."""
    from qgis.PyQt.QtCore import QCoreApplication, QThread

    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() == app.thread()


def _key(crs: QgsCoordinateReferenceSystem) -> str:
    return crs.authid() or crs.toWkt()


def _usable(crs: QgsCoordinateReferenceSystem) -> bool:
    """A CRS whose PROJ object is still there: its WKT comes from it."""
    return crs.isValid() and bool(crs.toWkt())


def pin(crs: QgsCoordinateReferenceSystem) -> QgsCoordinateReferenceSystem:
    """Keep ``crs`` alive from the main thread, so that its PROJ object lives as long as QGIS.

    Off the main thread it is only looked up: pinning there would keep a PROJ
    object owned by a thread that ends."""
    if crs is None or not crs.isValid():
        return crs
    key = _key(crs)
    with _lock:
        kept = _pinned.get(key)
    if kept is not None and kept == crs and _usable(kept):
        return QgsCoordinateReferenceSystem(kept)
    if on_main_thread() and _usable(crs):
        with _lock:
            if len(_pinned) >= _PINNED_MAX:
                # The plugin's own CRSs stay; a layer's CRS pinned long ago makes room.
                for old in [k for k in _pinned if k not in _OWN][: len(_pinned) - _PINNED_MAX + 1]:
                    del _pinned[old]
            _pinned[key] = QgsCoordinateReferenceSystem(crs)
    return crs


def crs(authid: str) -> QgsCoordinateReferenceSystem:
    """The CRS ``authid`` (``"EPSG:4544"``), a copy of the one built on the main thread."""
    with _lock:
        kept = _pinned.get(authid)
    if kept is not None:
        return QgsCoordinateReferenceSystem(kept)
    return pin(QgsCoordinateReferenceSystem(authid))


def _repaired(layer_crs: QgsCoordinateReferenceSystem) -> Optional[QgsCoordinateReferenceSystem]:
    """``layer_crs`` itself when usable, else the copy pinned under its id, else None."""
    if _usable(layer_crs):
        return pin(layer_crs)
    with _lock:
        kept = _pinned.get(layer_crs.authid()) if layer_crs.authid() else None
    if kept is not None and _usable(kept):
        return QgsCoordinateReferenceSystem(kept)
    return None


def broken_transform(source, destination, why: str) -> PlanInputError:
    return PlanInputError(
        tr("QGIS could not set up the coordinate transformation from {source} to {destination} in this session "
           "({why}): the run was stopped rather than report a figure computed in the wrong coordinates.").format(
            source=source.authid() or source.description(), destination=destination.authid()
            or destination.description(), why=why),
        tr("Run it again; if this message comes back, save the project and restart QGIS. Please report it with the "
           "Processing log, naming your QGIS version."))


_run = threading.local()


@contextlib.contextmanager
def run_context(context: QgsCoordinateTransformContext):
    """Within it, transforms made on this thread use ``context`` (a Processing run's
    ``context.transformContext()``: the project's datum-transform choices, not the
    project singleton's)."""
    previous = getattr(_run, "context", None)
    _run.context = QgsCoordinateTransformContext(context)
    try:
        yield
    finally:
        _run.context = previous


def current_context() -> QgsCoordinateTransformContext:
    """The running algorithm's transform context, else the project's."""
    found = getattr(_run, "context", None)
    return found if found is not None else QgsProject.instance().transformContext()


def transform(source: QgsCoordinateReferenceSystem, destination: QgsCoordinateReferenceSystem,
              context: Optional[QgsCoordinateTransformContext] = None,
              probe: Optional[QgsPointXY] = None) -> QgsCoordinateTransform:
    """A working transform from ``source`` to ``destination``.

    ``context``: the transform context; by default the running algorithm's (``run_context``),
    else the project's.
    ``probe`` is a point of the data in ``source``: between a geographic and a
    projected CRS it must move, and land on finite coordinates. Raises
    PlanInputError when the transform cannot be right."""
    fixed_source, fixed_destination = _repaired(source), _repaired(destination)
    if fixed_source is None or fixed_destination is None:
        raise broken_transform(source, destination, tr("its coordinate system lost its PROJ definition"))
    if context is None:
        context = current_context()
    result = QgsCoordinateTransform(fixed_source, fixed_destination, context)
    if not result.isValid():
        raise broken_transform(source, destination, tr("QGIS reports the transformation as invalid"))
    if probe is not None and fixed_source != fixed_destination:
        _check_probe(result, fixed_source, fixed_destination, probe)
    return result


def _check_probe(result: QgsCoordinateTransform, source, destination, probe: QgsPointXY):
    if not (math.isfinite(probe.x()) and math.isfinite(probe.y())):
        return  # the caller's own data check names such a point
    try:
        moved = result.transform(probe)
    except QgsCsException:
        return  # a point outside the CRS's area: the caller's data check says so, with the feature
    if not (math.isfinite(moved.x()) and math.isfinite(moved.y())):
        return
    if source.isGeographic() != destination.isGeographic():
        # Degrees become metres (or back): any working transform moves the point by far more than 1 unit.
        if abs(moved.x() - probe.x()) < 1 and abs(moved.y() - probe.y()) < 1:
            raise broken_transform(source, destination, tr("it leaves coordinates unchanged"))


def looks_unprojected(x: float, y: float, crs: QgsCoordinateReferenceSystem) -> bool:
    """A point of a projected CRS that still has degree-sized coordinates: Gauss-Krüger
    northings in China are millions of metres, never below 90."""
    return not crs.isGeographic() and abs(x) <= 180 and abs(y) <= 90


_OWN = frozenset((CGCS2000_ID, WGS84_ID, *GK_ZONE_IDS, *GK_PREFIXED_ZONE_IDS))


def build_own_crs():
    """Build the plugin's own CRSs on the main thread (once; later calls only check)."""
    if not on_main_thread():
        return
    for authid in _OWN:
        with _lock:
            kept = _pinned.get(authid)
        if kept is not None and _usable(kept):
            continue
        built = QgsCoordinateReferenceSystem(authid)
        built.toWkt()  # builds its PROJ object now, on this thread
        with _lock:
            _pinned[authid] = built


def keep_worker_threads():
    """Keep the idle threads of QGIS's task pool instead of ending them after 30 s.

    The root of the defect: a PROJ object dies with the thread that built it, and
    QGIS's CRS cache keeps handing out the CRS that held it. A pool whose threads
    never end mid-session loses none (the cost: the pool's few idle threads stay). Qt's global pool
    only (QGIS 3.22's tasks): keeping the task manager's own pool (later versions') made QGIS 3.40
    crash while quitting, and there the CRSs built on the main thread keep the figures right."""
    from qgis.PyQt.QtCore import QCoreApplication, QThreadPool

    global _kept
    QThreadPool.globalInstance().setExpiryTimeout(-1)
    app = QCoreApplication.instance()
    if app is not None and not _kept:
        # The kept threads end while QGIS is still whole, not in the pool's own teardown after it.
        app.aboutToQuit.connect(release_worker_threads)
        _kept = True


_kept = False


def release_worker_threads(wait_ms: int = 10000):
    """Give QGIS's pool back its 30 s expiry and end the idle threads of every pool that runs
    QGIS's tasks now, while QGIS is still whole (plugin unload, quit).

    QGIS 3.22 runs tasks in Qt's global pool; later versions in the task manager's own
    (``QgsTaskManager.threadPool()``), which QGIS joins only in QgsApplication's destructor,
    after the authentication manager is gone. There, a pool thread that has once expired and
    was started again for a task (a check run after a pause of 30 s) still has a QThread::finished
    connection from the authentication database (QGIS 3.40's QgsAuthConfigurationStorageDb,
    made when that thread first opened it) that the manager's destructor no longer removes: that
    thread's end then calls into the deleted manager and QGIS crashes while quitting. Joined here,
    every pool thread ends while the manager is alive, and its QThread, with that connection, is
    deleted."""
    for pool in _task_pools():
        pool.setExpiryTimeout(30000)
        pool.waitForDone(wait_ms)  # once no task runs in it, Qt joins and deletes every thread of the pool


def _task_pools():
    """Qt's global pool, and the task manager's own where QGIS has one (after 3.22)."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QThreadPool

    pools = [QThreadPool.globalInstance()]
    manager = QgsApplication.taskManager()
    task_pool = manager.threadPool() if manager is not None and hasattr(manager, "threadPool") else None
    if task_pool is not None:
        pools.append(task_pool)
    return pools


# The package is imported on the main thread when the plugin (or a script) loads it.
build_own_crs()
