"""Where a batch over many jurisdictions keeps its results: one GeoPackage per jurisdiction, then
the merged table across all of them (GeoPackage and CSV).

Each jurisdiction's table is written into a staged file beside its place and moved there when
complete (``atomic.atomic_write``): a file at its place is a whole result, so a rerun skips it, and
a run stopped midway leaves none half-written. The file also records what the figures were
measured with (``meta``), and a rerun with other settings measures the jurisdiction again.
Tables without geometry (the jurisdictions' coordinate systems differ); written with GDAL.
``FolderStore`` is this folder as a store; ``batch_postgis.PostgisStore`` is the PostGIS one.
"""
import csv
import json
import os
import re
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from ...i18n import tr
from ..errors import PlanInputError
from .atomic import atomic_write
from .csvsafe import neutralise

TABLE, META = "townships", "batch_meta"
FOLDER = "jurisdictions"
MERGED = "merged"
FAILED = "failed.csv"
_SAFE_ID = re.compile(r"^[\w.\-]+$")  # letters (汉字 too), digits, _ . -


def check_id(jurisdiction_id: str) -> str:
    text = str(jurisdiction_id or "").strip()
    if not text or not _SAFE_ID.match(text) or text.startswith("."):
        raise PlanInputError(
            tr("Jurisdiction id '{id}' cannot name a file.").format(id=text),
            tr("Use letters, digits, '_', '-' or '.' only (e.g. 500116 or 江津区)."))
    return text


def jurisdiction_path(folder, jurisdiction_id: str) -> Path:
    return Path(folder) / FOLDER / f"{check_id(jurisdiction_id)}.gpkg"


def _ogr_type(ogr, values):
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {int}:
        return ogr.OFTInteger64
    if kinds and kinds <= {int, float}:
        return ogr.OFTReal
    return ogr.OFTString


def _write_table(path: str, rows: Sequence[dict], columns: Sequence[str], meta: Optional[dict] = None) -> None:
    from osgeo import ogr

    if os.path.exists(path) and not os.path.getsize(path):
        os.unlink(path)  # the empty staged file atomic_write made: GDAL creates its own
    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.CreateDataSource(path)
    if dataset is None:
        raise OSError(f"GDAL could not create {path}")
    layer = dataset.CreateLayer(TABLE, geom_type=ogr.wkbNone, options=["FID=cq_fid"])
    for column in columns:
        field = ogr.FieldDefn(column, _ogr_type(ogr, [r.get(column) for r in rows]))
        layer.CreateField(field)
    layer.StartTransaction()
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for column in columns:
            value = row.get(column)
            if value is None:
                feature.SetFieldNull(column)
            else:
                feature.SetField(column, value)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    if meta is not None:
        table = dataset.CreateLayer(META, geom_type=ogr.wkbNone)
        table.CreateField(ogr.FieldDefn("key", ogr.OFTString))
        table.CreateField(ogr.FieldDefn("value", ogr.OFTString))
        for key, value in meta.items():
            feature = ogr.Feature(table.GetLayerDefn())
            feature.SetField("key", key)
            feature.SetField("value", json.dumps(value, ensure_ascii=False))
            table.CreateFeature(feature)
    dataset = None


def read_table(path) -> List[dict]:
    """The rows of a batch GeoPackage's township table, as dicts (None for nulls)."""
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    if dataset is None or dataset.GetLayerByName(TABLE) is None:
        return []
    layer = dataset.GetLayerByName(TABLE)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = [{n: (f.GetField(n) if f.IsFieldSetAndNotNull(n) else None) for n in names} for f in layer]
    dataset = None
    return rows


def read_meta(path) -> Dict[str, object]:
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(META) if dataset is not None else None
    meta = {f.GetField("key"): json.loads(f.GetField("value")) for f in layer} if layer is not None else {}
    dataset = None
    return meta


def is_complete(folder, jurisdiction_id: str, meta: dict) -> bool:
    """A whole result of this jurisdiction, measured with ``meta``, is already at its place."""
    path = jurisdiction_path(folder, jurisdiction_id)
    return path.exists() and read_meta(path) == json.loads(json.dumps(meta, ensure_ascii=False))


def write_jurisdiction(folder, jurisdiction_id: str, rows: Sequence[dict], columns: Sequence[str],
                       meta: dict) -> str:
    """One jurisdiction's table, staged and moved into place when complete."""
    return atomic_write(jurisdiction_path(folder, jurisdiction_id),
                        lambda staged: _write_table(staged, rows, columns, meta))


def _write_csv(path: str, rows: Sequence[dict], columns: Sequence[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else neutralise(row.get(c)) if isinstance(row.get(c), str)
                             else repr(row.get(c)) if isinstance(row.get(c), float) else row.get(c)
                             for c in columns])


class FolderStore:
    """The folder of GeoPackages as a store, with the methods of ``batch_postgis.PostgisStore``."""

    def __init__(self, folder, columns: Sequence[str]):
        self.folder, self.columns = Path(folder), tuple(columns)
        (self.folder / FOLDER).mkdir(parents=True, exist_ok=True)

    def close(self):
        pass

    def is_complete(self, jurisdiction_id: str, meta: dict) -> bool:
        return is_complete(self.folder, jurisdiction_id, meta)

    def write_jurisdiction(self, jurisdiction_id: str, rows: Sequence[dict], meta: dict) -> str:
        return write_jurisdiction(self.folder, jurisdiction_id, rows, self.columns, meta)

    def rows(self, jurisdiction_ids: Sequence[str]) -> List[dict]:
        """Every complete jurisdiction's rows, in the order given."""
        rows = []
        for jurisdiction_id in jurisdiction_ids:
            path = jurisdiction_path(self.folder, jurisdiction_id)
            if path.exists():
                rows.extend(read_table(path))
        return rows


def write_merged(folder, jurisdiction_ids: Sequence[str], columns: Sequence[str], store=None):
    """(merged GeoPackage, merged CSV, rows): every complete jurisdiction's rows in ``store`` (default:
    the folder's GeoPackages), in the order given."""
    rows = (store or FolderStore(folder, columns)).rows(jurisdiction_ids)
    folder = Path(folder)
    gpkg = atomic_write(folder / f"{MERGED}.gpkg", lambda staged: _write_table(staged, rows, columns))
    table = atomic_write(folder / f"{MERGED}.csv", lambda staged: _write_csv(staged, rows, columns))
    return gpkg, table, rows


def write_rows(folder, name: str, rows: Sequence[dict], columns: Sequence[str]):
    """(GeoPackage, CSV): ``rows`` as ``name``.gpkg (no geometry) and ``name``.csv in ``folder``, each staged."""
    folder = Path(folder)
    gpkg = atomic_write(folder / f"{name}.gpkg", lambda staged: _write_table(staged, rows, columns))
    return gpkg, atomic_write(folder / f"{name}.csv", lambda staged: _write_csv(staged, rows, columns))


def write_failed(folder, failed: Dict[str, str]) -> Optional[str]:
    """failed.csv (jurisdiction, message) when some failed; an old one is removed when none did."""
    path = Path(folder) / FAILED
    if not failed:
        if path.exists():
            path.unlink()
        return None
    return atomic_write(path, lambda staged: _write_csv(
        staged, [{"juris": k, "message": v} for k, v in failed.items()], ("juris", "message")))
