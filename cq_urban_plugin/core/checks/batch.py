"""Many jurisdictions at once (cq_urban:check_batch, ``python -m cq_urban_plugin.batch``): the QGIS edge.

The list of jurisdictions (a JSON or CSV file: id, catalogue, and each one's layers; or one
municipal layer set and the field naming each feature's jurisdiction) is read here; each
jurisdiction's layers are opened and read with QGIS exactly as the single checks read them
(``Workspace``: the Gauss-Krüger zone of the data, repaired polygons, every stop point), and handed
as WKB and coordinates to a dask worker (``core.batch.work.measure``), which computes with the same
kernels the checks call. So a township's figures equal those of ``check_builtup`` and
``check_coverage`` (straight line, by area) on that jurisdiction alone. Reading is done here, one
jurisdiction after the other, while the workers compute the ones already read. A large one may be
sent in pieces by township (``core.batch.split``), put together when all have arrived.

Each jurisdiction's table is written when its figures arrive, into a file of its own moved into
place when complete (``core.files.batch_store``), or in one transaction into PostGIS
(``core.files.batch_postgis``); a jurisdiction whose table is there is skipped
on a rerun; a bad one (a missing layer) is reported and the others go on; the merged table is
written at the end from every complete one.

Measured here: built-up km² per township and outside every township, and the served, covered km²
and percent of the bus-stop coverage. The whole-plan check of every jurisdiction (check_plan and its
dossier, run by qgis_process on the workers) is the plan mode, ``core.checks.batch_plan``.
"""
import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import QgsExpression, QgsVectorLayer

from ...compat import is_null
from ...i18n import tr
from ..batch.work import COLUMNS, OUTSIDE
from ..errors import PlanInputError, check_cancel
from ..files import batch_store
from ..geo.network import point_xy
from ..geo.service_area import BUFFER_SEGMENTS, DUPLICATE_TOLERANCE
from ..geo.workspace import Workspace
from .builtup import default_name_field
from .coverage import DEFAULT_RADIUS

LAYER_KEYS = ("townships", "builtup", "stops")  # each jurisdiction's layers; "served" optional (default: built-up)
# Plan mode (core.checks.batch_plan): the layers by role of cq_urban:check_plan, and its options.
PLAN_LAYERS = ("townships", "builtup", "landuse", "stops", "facilities", "roads", "green", "forest", "ecology",
               "farmland", "development", "river", "plants", "population")
PLAN_OPTIONS = ("township_name_field", "facility_type_field", "landuse_field", "population_field", "tolerance_pct",
                "walk_speed")


@dataclass
class Jurisdiction:
    id: str
    catalogue: str = ""
    layers: Dict[str, str] = field(default_factory=dict)  # key -> layer source (path, path|layername=…)
    name_field: str = ""
    where: Optional[tuple] = None  # (field, value): this jurisdiction's features of a municipal layer set
    options: Dict[str, object] = field(default_factory=dict)  # plan mode: check_plan's options (PLAN_OPTIONS)


def _postgres(source: str) -> bool:
    """A PostGIS layer's source: a QGIS URI (dbname=… table=…, or postgres://dbname=…)."""
    return str(source).startswith(("postgres://", "dbname=", "service=", "host=")) or " table=" in str(source)


def _resolve(source: str, base: Path) -> str:
    path, bar, rest = str(source).partition("|")
    if path and not Path(path).is_absolute() and "://" not in path and not _postgres(source):
        path = str((base / path).resolve())
    return path + bar + rest


def read_list(path) -> List[Jurisdiction]:
    """The jurisdictions of a JSON file (a list of objects, or {"jurisdictions": [...]}) or a CSV file
    (a header row), each with id, catalogue, townships, builtup, stops, optionally served and
    name_field. Relative paths are relative to the list's folder."""
    path = Path(path)
    if not path.is_file():
        raise PlanInputError(tr("The list of jurisdictions {path} does not exist.").format(path=path),
                             tr("Give a JSON or CSV file with one jurisdiction a row (id, catalogue, townships, "
                                "builtup, stops)."))
    text = path.read_bytes()
    try:
        text = text.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = text.decode("gbk")
    try:
        if path.suffix.lower() == ".json":
            entries = json.loads(text)
            if isinstance(entries, dict) and not entries.get("field"):
                entries = entries.get("jurisdictions", [])
        else:
            entries = list(csv.DictReader(text.splitlines()))
    except (ValueError, csv.Error) as error:
        raise PlanInputError(tr("The list of jurisdictions {path} cannot be read: {error}.").format(
            path=path, error=error), tr("Write it as JSON (a list of objects) or as CSV with a header row.")) from None
    if isinstance(entries, dict) and entries.get("field"):
        return _split_by_field(entries, path)
    found, seen = [], set()
    for number, entry in enumerate(entries or [], start=1):
        if not isinstance(entry, dict):
            raise PlanInputError(tr("Entry {n} of {path} is not an object with id and layers.").format(
                n=number, path=path), tr("Write each jurisdiction as {\"id\": …, \"townships\": …, …}."))
        jurisdiction_id = batch_store.check_id(entry.get("id", ""))
        if jurisdiction_id in seen:
            raise PlanInputError(tr("Jurisdiction '{id}' is listed twice in {path}.").format(
                id=jurisdiction_id, path=path), tr("Give every jurisdiction an id of its own."))
        seen.add(jurisdiction_id)
        layers = {key: _resolve(entry[key], path.parent) for key in LAYER_KEYS + ("served",) + PLAN_LAYERS
                  if entry.get(key)}
        options = {key: entry[key] for key in PLAN_OPTIONS if entry.get(key) not in (None, "")}
        catalogue = str(entry.get("catalogue") or "")
        if catalogue.lower().endswith((".yaml", ".yml")):
            catalogue = _resolve(catalogue, path.parent)  # a catalogue file, beside the list
        found.append(Jurisdiction(jurisdiction_id, catalogue, layers, str(entry.get("name_field") or ""),
                                  options=options))
    if not found:
        raise PlanInputError(tr("The list of jurisdictions {path} names none.").format(path=path),
                             tr("Give one jurisdiction a row (id, catalogue, townships, builtup, stops)."))
    return found


def _split_by_field(entry: dict, path: Path) -> List[Jurisdiction]:
    """One municipal layer set ({"field": …, "townships": …, "builtup": …, "stops": …}) split by the
    jurisdiction field: a jurisdiction per distinct value in the townships layer, each reading only its
    own features of every layer (which must all hold the field)."""
    field_name = str(entry["field"])
    municipal = Jurisdiction("municipal", str(entry.get("catalogue") or ""),
                             {key: _resolve(entry[key], path.parent) for key in LAYER_KEYS + ("served",)
                              if entry.get(key)}, str(entry.get("name_field") or ""))
    townships = _open(municipal, "townships")
    index = townships.fields().lookupField(field_name)
    if index < 0:
        raise PlanInputError(tr("The townships layer {source} has no field '{field}' to split the jurisdictions "
                                "by.").format(source=municipal.layers["townships"], field=field_name),
                             tr("Give the field that holds each township's jurisdiction (e.g. its county code)."))
    values = sorted((v for v in townships.uniqueValues(index) if not is_null(v)), key=str)
    return [Jurisdiction(batch_store.check_id(str(value)), municipal.catalogue, dict(municipal.layers),
                         municipal.name_field, (field_name, value)) for value in values]


def _open(jurisdiction: Jurisdiction, key: str) -> QgsVectorLayer:
    source = jurisdiction.layers.get(key)
    if not source:
        raise PlanInputError(tr("Jurisdiction '{id}' has no {key} layer.").format(id=jurisdiction.id, key=key),
                             tr("Add its '{key}' to the list of jurisdictions.").format(key=key))
    provider = "postgres" if _postgres(source) else "ogr"
    uri = source.removeprefix("postgres://")
    layer = QgsVectorLayer(uri, f"{jurisdiction.id} {key}", provider)
    if not layer.isValid():
        raise PlanInputError(tr("Jurisdiction '{id}': its {key} layer {source} could not be opened.").format(
            id=jurisdiction.id, key=key, source=source), tr("Check the path in the list of jurisdictions."))
    if jurisdiction.where is not None:
        field_name, value = jurisdiction.where
        if layer.fields().lookupField(field_name) < 0:
            raise PlanInputError(tr("Jurisdiction '{id}': its {key} layer {source} has no field '{field}' to pick "
                                    "its features by.").format(id=jurisdiction.id, key=key, source=source,
                                                               field=field_name),
                                 tr("Give every layer of the municipal set the jurisdiction field."))
        # Picked at opening, in the source: a subset set on 3.22's open GeoPackage layer lost the CRS of a third one.
        subset = QgsExpression.createFieldEqualityExpression(field_name, value)
        layer = QgsVectorLayer(_with_subset(uri, provider, subset), f"{jurisdiction.id} {key}", provider)
    return layer


def _with_subset(uri: str, provider: str, subset: str) -> str:
    if provider == "postgres":
        from qgis.core import QgsDataSourceUri

        parsed = QgsDataSourceUri(uri)
        parsed.setSql(subset)
        return parsed.uri(False)
    return f"{uri}|subset={subset}"


def _wkb(geometries) -> list:
    return [bytes(g.asWkb()) if g is not None and not g.isEmpty() else None for g in geometries]


def read_job(jurisdiction: Jurisdiction, radius: float = DEFAULT_RADIUS, transform_context=None) -> dict:
    """The job a worker measures (``core.batch.work.measure``): the jurisdiction's layers read in its
    working CRS, as the single checks read them."""
    layers = {key: _open(jurisdiction, key) for key in LAYER_KEYS}
    served = _open(jurisdiction, "served") if jurisdiction.layers.get("served") else None
    labels = {key: layer.name() for key, layer in layers.items()}
    workspace = Workspace.open([(layers["builtup"], labels["builtup"]), (layers["townships"], labels["townships"]),
                                (layers["stops"], labels["stops"])] + ([(served, served.name())] if served else []),
                               transform_context=transform_context,
                               not_empty=[(layers["builtup"], labels["builtup"]),
                                          (layers["townships"], labels["townships"])])
    if not workspace.meter.planar:
        raise PlanInputError(
            tr("Jurisdiction '{id}' spans more than one Gauss-Krüger zone ({projection}); the batch does not yet "
               "split it by zone.").format(id=jurisdiction.id, projection=workspace.projection.describe()),
            tr("Check this jurisdiction alone with cq_urban:check_builtup and cq_urban:check_coverage."))
    name_field = jurisdiction.name_field or default_name_field(layers["townships"].fields().names())
    townships = workspace.read_polygons(layers["townships"], labels["townships"], [name_field] if name_field else [])
    names = []
    for f in townships:
        name = f.attributes.get(name_field) if name_field else None
        null = name is None or name == "" or is_null(name)
        names.append(f"fid {f.fid}" if null else str(name))
    builtup = workspace.read_polygons(layers["builtup"], labels["builtup"])
    stops = workspace.read_points(layers["stops"], labels["stops"], (), allow_empty=True)
    xy = [(p.x(), p.y()) for f in stops for p in point_xy(f.geometry)]
    return {"id": jurisdiction.id, "catalogue": jurisdiction.catalogue, "crs": workspace.crs.authid(),
            "townships": _wkb(f.geometry for f in townships), "names": names,
            "fids": [f.fid for f in townships], "builtup": _wkb(f.geometry for f in builtup),
            "served": _wkb(f.geometry for f in workspace.read_polygons(served, served.name())) if served else None,
            "stops": xy, "radius": float(radius), "segments": BUFFER_SEGMENTS, "tolerance": DUPLICATE_TOLERANCE,
            "notes": list(workspace.notes)}


@dataclass
class BatchSummary:
    merged_gpkg: str
    merged_csv: str
    rows: List[dict]
    done: List[str]
    skipped: List[str]
    failed: Dict[str, str]
    failed_csv: Optional[str] = None


def _say(feedback, text, error=False):
    if feedback is None:
        return
    if error:
        feedback.reportError(text, fatalError=False)
    else:
        feedback.pushInfo(text)


def _put_together(results: dict, outside_text: str) -> list:
    for row in results["rows"]:
        if row["twp_fid"] is None and row["township"] == OUTSIDE:
            row["township"] = outside_text
    return results["rows"]


def require_dask() -> None:
    """PlanInputError, with the command that installs it, when dask.distributed cannot be imported."""
    from ..batch.engine import dask_missing

    missing = dask_missing()
    if missing:
        raise PlanInputError(tr("dask.distributed cannot be imported ({error}).").format(error=missing),
                             tr("Install it: sudo apt install python3-distributed (Debian, Ubuntu), or "
                                "python3 -m pip install distributed."))


def run_batch(jurisdictions: List[Jurisdiction], folder, *, radius: float = DEFAULT_RADIUS, workers: int = 2,
              address: str = "", feedback=None, transform_context=None, engine=None,
              split_size: int = 0, postgis: str = "") -> BatchSummary:
    """Every jurisdiction measured on the cluster (``core.batch.engine.Engine``; ``engine``: one already
    entered), each one's table written when its figures arrive, then the merged table. A jurisdiction
    of more than ``split_size`` townships (0: none) is measured in pieces of that many
    (``core.batch.split``), with the same figures. ``postgis``: a connection (libpq) whose tables
    cq_batch_townships and cq_batch_meta are the store, instead of the folder's GeoPackages (the
    merged table and failed.csv are written in the folder either way). ``feedback``: a Processing feedback (or anything
    with pushInfo, reportError, setProgress, isCanceled)."""
    require_dask()
    folder = Path(folder)
    if postgis:
        from ..files.batch_postgis import PostgisStore

        store = PostgisStore(postgis, columns=COLUMNS)
    else:
        store = batch_store.FolderStore(folder, COLUMNS)
    try:
        return _run(jurisdictions, folder, store, radius, workers, address, feedback, transform_context, engine,
                    split_size)
    finally:
        store.close()


def _run(jurisdictions, folder, store, radius, workers, address, feedback, transform_context, engine,
         split_size) -> BatchSummary:
    from ..batch.engine import Engine
    from ..batch.split import merge, split

    folder.mkdir(parents=True, exist_ok=True)
    meta = {"radius": float(radius), "segments": BUFFER_SEGMENTS, "tolerance": DUPLICATE_TOLERANCE}
    total = len(jurisdictions)
    skipped = [j.id for j in jurisdictions if store.is_complete(j.id, meta)]
    done, failed = [], {}
    counter = {"jurisdictions": len(skipped), "townships": 0, "of": 0}
    if skipped:
        _say(feedback, tr("{n} of {total} jurisdictions already measured, skipped: {ids}.").format(
            n=len(skipped), total=total, ids=", ".join(skipped)))

    def bar():
        """Over jurisdictions, and within those measured here over their townships (a split one moves it
        piece by piece)."""
        if feedback is None:
            return
        share = counter["jurisdictions"] / max(total, 1)
        if counter["of"]:
            share = max(share, (len(skipped) + (total - len(skipped)) * counter["townships"] / counter["of"])
                        / max(total, 1))
        feedback.setProgress(100.0 * min(share, 1.0))

    def progress(what):
        bar()
        _say(feedback, tr("[{k}/{total}] {what}; townships {t}/{of}").format(
            k=counter["jurisdictions"], total=total, what=what, t=counter["townships"], of=counter["of"]))

    def fail(jurisdiction_id, message):
        failed[jurisdiction_id] = message
        counter["jurisdictions"] += 1
        _say(feedback, tr("Jurisdiction '{id}' failed: {error}").format(id=jurisdiction_id, error=message), True)
        progress(tr("{id} failed").format(id=jurisdiction_id))

    todo = [j for j in jurisdictions if j.id not in skipped]
    if todo:
        with (engine if engine is not None else Engine(address, workers)) as running:
            futures, pieces = {}, {}  # future -> (jurisdiction id, piece); id -> {"indices", "results"}
            for jurisdiction in todo:
                check_cancel(feedback)
                try:
                    job = read_job(jurisdiction, radius, transform_context)
                except PlanInputError as error:
                    fail(jurisdiction.id, str(error))  # the message names the jurisdiction
                    continue
                for note in job.pop("notes"):
                    _say(feedback, f"{jurisdiction.id}: {note}")
                counter["of"] += len(job["townships"])
                try:
                    parts = split(job, split_size)
                except Exception as error:  # noqa: BLE001 (shapely's: this jurisdiction fails, not the run)
                    fail(jurisdiction.id, tr("it could not be split by township ({error}).").format(error=error))
                    continue
                if len(parts) > 1:
                    pieces[jurisdiction.id] = {"indices": {p["piece"]: p["index"] for p in parts}, "results": {}}
                    _say(feedback, tr("{id}: {n} townships, measured in {k} pieces.").format(
                        id=jurisdiction.id, n=len(job["townships"]), k=len(parts) - 1))
                for part in parts:
                    futures[running.submit(part)] = (jurisdiction.id, part.get("piece"))
                del job, parts
            for future in running.completed(futures):
                jurisdiction_id, piece = futures.pop(future)
                if feedback is not None and feedback.isCanceled():
                    for other in futures:
                        other.cancel()
                    check_cancel(feedback)
                if jurisdiction_id in failed:
                    continue  # another piece of it failed already
                try:
                    result = future.result()
                except Exception as error:  # noqa: BLE001 (a worker's error: this jurisdiction fails, not the run)
                    fail(jurisdiction_id, tr("the workers could not measure it ({error}).").format(error=error))
                    continue
                if piece is not None:
                    counter["townships"] += len(pieces[jurisdiction_id]["indices"].get(piece, ()))
                    pieces[jurisdiction_id]["results"][piece] = result
                    if len(pieces[jurisdiction_id]["results"]) < len(pieces[jurisdiction_id]["indices"]):
                        bar()
                        continue
                    found = pieces.pop(jurisdiction_id)
                    result = merge(found["indices"], found["results"])
                else:
                    counter["townships"] += len(result["rows"]) - 1
                rows = _put_together(result, tr("(outside every township)"))
                try:
                    store.write_jurisdiction(jurisdiction_id, rows, meta)
                except PlanInputError as error:  # the store refused it (whole or nothing): this one fails
                    fail(jurisdiction_id, str(error))
                    continue
                done.append(jurisdiction_id)
                counter["jurisdictions"] += 1
                progress(tr("{id}: {n} townships").format(id=jurisdiction_id, n=len(rows) - 1))
    order = [j.id for j in jurisdictions if j.id in done or j.id in skipped]  # never a stale one
    gpkg, table, rows = batch_store.write_merged(folder, order, COLUMNS, store)
    failed_csv = batch_store.write_failed(folder, failed)
    if feedback is not None:
        feedback.setProgress(100.0)
    return BatchSummary(gpkg, table, rows, done, skipped, failed, failed_csv)
