"""cq_urban:check_batch with PostGIS as the shared store (issue #21): the municipal layer set read from
PostGIS and the results written into it give the GeoPackage run's figures; each jurisdiction is written in
one transaction (a write that fails midway leaves it as it was); a rerun resumes where the last stopped.
A real PostgreSQL + PostGIS (the session's `postgis` fixture) and the module's local dask cluster."""
import json
import subprocess
import threading
import time

import pytest
from qgis.core import QgsDataSourceUri
from test_batch import COUNT, _batch, _killer, _municipal_set, _without_fids, cluster, municipality  # noqa: F401

from cq_urban_plugin.core.files.batch_store import read_table

pytest.importorskip("psycopg2")


def _rows(postgis, sql):
    import psycopg2

    with psycopg2.connect(postgis) as db, db.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


@pytest.fixture(scope="module")
def municipal_in_postgis(postgis, municipality, tmp_path_factory):  # noqa: F811
    layers = _municipal_set(municipality, tmp_path_factory.mktemp("municipal"))
    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{postgis}", str(layers), "townships", "builtup", "stops",
                    "-lco", "GEOMETRY_NAME=geom", "-lco", "OVERWRITE=YES", "-lco", "SCHEMA=public"],
                   check=True, capture_output=True)

    def uri(name):
        found = QgsDataSourceUri(postgis)
        found.setDataSource("public", name, "geom", "", "ogc_fid")
        return "postgres://" + found.uri(False)

    listing = layers.parent / "in_postgis.json"
    listing.write_text(json.dumps({"field": "county", **{k: uri(k) for k in ("townships", "builtup", "stops")}}),
                       encoding="utf-8")
    return listing


def test_postgis_in_and_out_gives_the_geopackage_figures_and_resumes(
        cq_provider, postgis, municipality, municipal_in_postgis, cluster, tmp_path):  # noqa: F811
    on_files = read_table(_batch(tmp_path / "files", municipality, cluster)["MERGED"])
    stop, killed = threading.Event(), []  # a worker killed during the run, too
    thread = threading.Thread(target=_killer, args=(cluster.scheduler_address, stop, killed), daemon=True)
    thread.start()
    time.sleep(1.0)
    results = _batch(tmp_path / "db", municipal_in_postgis, cluster, POSTGIS=postgis, SPLIT=2)
    stop.set()
    thread.join(30)
    assert killed
    assert (results["DONE_COUNT"], results["FAILED_COUNT"]) == (COUNT, 0)
    merged = read_table(results["MERGED"])
    assert _without_fids(merged) == _without_fids(on_files)  # the same floats
    stored = _rows(postgis, "SELECT juris, township, bu_km2, cover_km2 FROM cq_batch_townships ORDER BY juris, cq_row")
    assert stored == [(r["juris"], r["township"], r["bu_km2"], r["cover_km2"]) for r in merged]
    assert not (tmp_path / "db" / "jurisdictions").exists() or not list((tmp_path / "db" / "jurisdictions").iterdir())

    # a run stopped after four of them: two lost their commit (no meta), one even its rows
    _rows(postgis, "DELETE FROM cq_batch_meta WHERE juris IN ('j01', 'j04') RETURNING juris")
    _rows(postgis, "DELETE FROM cq_batch_townships WHERE juris = 'j04' RETURNING juris")
    again = _batch(tmp_path / "db", municipal_in_postgis, cluster, POSTGIS=postgis)
    assert (again["DONE_COUNT"], again["SKIPPED_COUNT"], again["FAILED_COUNT"]) == (2, COUNT - 2, 0)
    assert read_table(again["MERGED"]) == merged
    assert _rows(postgis, "SELECT count(*) FROM cq_batch_townships")[0][0] == len(merged)  # nothing twice

    # the database refuses j02's fourth row, midway through its transaction: j02 fails, nothing of it is
    # written (its previous rows stay, without their meta: not complete), the others are skipped
    before = _rows(postgis, "SELECT * FROM cq_batch_townships WHERE juris = 'j02' ORDER BY cq_row")
    _rows(postgis, "DELETE FROM cq_batch_meta WHERE juris = 'j02' RETURNING juris")
    _rows(postgis, "ALTER TABLE cq_batch_townships ADD CONSTRAINT refuse_j02 CHECK (juris <> 'j02' OR cq_row < 3) "
                   "NOT VALID; SELECT 1")
    try:
        third = _batch(tmp_path / "db", municipal_in_postgis, cluster, POSTGIS=postgis)
    finally:
        _rows(postgis, "ALTER TABLE cq_batch_townships DROP CONSTRAINT refuse_j02; SELECT 1")
    assert (third["DONE_COUNT"], third["SKIPPED_COUNT"], third["FAILED_COUNT"]) == (0, COUNT - 1, 1)
    assert "Nothing of it was written" in (tmp_path / "db" / "failed.csv").read_text(encoding="utf-8")
    assert _rows(postgis, "SELECT * FROM cq_batch_townships WHERE juris = 'j02' ORDER BY cq_row") == before
    assert [r["juris"] for r in read_table(third["MERGED"])] == [r["juris"] for r in merged if r["juris"] != "j02"]


def test_a_jurisdiction_is_written_in_one_transaction(postgis):
    from cq_urban_plugin.core.batch.work import COLUMNS
    from cq_urban_plugin.core.files.batch_postgis import PostgisStore

    store = PostgisStore(postgis, table="cq_atomic", columns=COLUMNS)
    try:
        rows = [{"juris": "a", "township": f"t{n}", "twp_fid": n, "bu_km2": float(n)} for n in range(50)]
        store.write_jurisdiction("a", rows, {"radius": 500.0})
        assert store.is_complete("a", {"radius": 500.0}) and not store.is_complete("a", {"radius": 300.0})
        broken = [dict(r, bu_km2=r["bu_km2"] + 1) for r in rows]
        broken[40]["twp_fid"] = "not a number"  # the 41st insert fails
        from cq_urban_plugin.core.errors import PlanInputError

        with pytest.raises(PlanInputError, match="Nothing of it was written"):
            store.write_jurisdiction("a", broken, {"radius": 300.0})
        assert store.rows(["a"]) == [dict({c: None for c in COLUMNS}, **r) for r in rows]  # as it was
        assert store.is_complete("a", {"radius": 500.0})
    finally:
        store.close()
