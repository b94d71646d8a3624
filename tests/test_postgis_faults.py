"""A PostGIS server that goes away in the middle of a run (issue #19).

A real server of the module's own is stopped ("immediate": connections cut, no
goodbye) while the plugin reads from it and while it writes into it. The run
must fail with a message, and the previous output, file or table, must be as it
was; and an output table that is the input table is refused.
"""
import hashlib
import subprocess
import threading
import time

import processing
import pytest
from qgis.core import QgsDataSourceUri, QgsProcessingException, QgsVectorLayer

POINTS = 200_000  # enough for a read and a write of a few seconds, long enough to cut in the middle


def _uri(connection, table, geometry="geom"):
    uri = QgsDataSourceUri(connection)
    uri.setDataSource("public", table, geometry)
    return uri.uri(False)


def _layer(connection, table):
    layer = QgsVectorLayer(_uri(connection, table), table, "postgres")
    assert layer.isValid(), table
    return layer


@pytest.fixture(scope="module")
def stops_table(postgis_server):
    """Bus stops in lon/lat (as a web map gives them) over 江津, in a table of POINTS rows."""
    postgis_server.psql("-c", f"""
        CREATE TABLE stops AS SELECT i AS id, 'stop ' || i AS name,
            ST_SetSRID(ST_MakePoint(106.0 + (i % 1000) * 0.0005, 29.0 + (i / 1000) * 0.0005), 4490)::geometry(Point,
            4490) AS geom
        FROM generate_series(1, {POINTS}) AS i;
        ALTER TABLE stops ADD PRIMARY KEY (id);""")
    return "stops"


# What a backend of QGIS's last ran while it is in the middle of a read (a cursor being
# fetched, between fetches too) or of a write (features being inserted into the staged table).
READING = "state IN ('active', 'idle in transaction') AND query ILIKE 'FETCH%'"  # a cursor open: mid-read
WRITING = ("(query ILIKE 'EXECUTE addfeatures%' OR query ILIKE 'INSERT INTO%cq_partial%' "
           "OR query ILIKE 'COPY%cq_partial%')")


class CutWhen(threading.Thread):
    """Stops the server the moment a backend other than its own is in the state ``condition`` says."""

    def __init__(self, server, condition):
        super().__init__(daemon=True)
        self.server, self.condition, self.cut = server, condition, False

    def start(self):
        # Only what runs from now on: QGIS keeps earlier connections open, their last query shown.
        self.since = self.server.psql("-c", "SELECT now()").stdout.strip()
        super().start()

    def run(self):
        deadline = time.time() + 120
        while time.time() < deadline:
            found = self.server.psql("-c", "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                                     f"AND datname = 'plans' AND query_start > '{self.since}' AND {self.condition}",
                                     check=False)
            if found.returncode == 0 and found.stdout.strip() not in ("", "0"):
                self.server.stop("immediate")
                self.cut = True
                return
            time.sleep(0.01)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_server_lost_in_the_middle_of_a_read_fails_and_keeps_the_previous_output(
        cq_provider, postgis_server, stops_table, tmp_path):
    connection = postgis_server.connection
    previous = tmp_path / "stops_cgcs2000.gpkg"
    processing.run("cq_urban:convert_web_coordinates", {"INPUT": _layer(connection, stops_table),
                                                        "OUTPUT": str(previous)})
    before = _digest(previous)
    layer = _layer(connection, stops_table)
    assert layer.featureCount() == POINTS
    cutter = CutWhen(postgis_server, READING)
    cutter.start()
    try:
        with pytest.raises(QgsProcessingException) as raised:
            processing.run("cq_urban:convert_web_coordinates", {"INPUT": layer, "OUTPUT": str(previous)})
        cutter.join()
        assert cutter.cut, "the read ended before the server could be stopped"
        assert "could be read" in str(raised.value) or "connection" in str(raised.value).lower(), raised.value
    finally:
        cutter.join()
        postgis_server.start()
    assert _digest(previous) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [previous.name]


def test_server_lost_in_the_middle_of_a_write_keeps_the_previous_table(
        cq_provider, postgis_server, stops_table, tmp_path):
    connection = postgis_server.connection
    source = tmp_path / "stops.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(source), f"PG:{connection}", stops_table], check=True,
                   capture_output=True)
    destination = "postgres://" + _uri(connection, "stops_cgcs2000_db")
    processing.run("cq_urban:convert_web_coordinates", {"INPUT": str(source), "OUTPUT": destination})
    assert _layer(connection, "stops_cgcs2000_db").featureCount() == POINTS
    postgis_server.psql("-c", "UPDATE stops_cgcs2000_db SET name = 'previous run'")
    cutter = CutWhen(postgis_server, WRITING)
    cutter.start()
    try:
        with pytest.raises(QgsProcessingException):
            processing.run("cq_urban:convert_web_coordinates", {"INPUT": str(source), "OUTPUT": destination})
        cutter.join()
        assert cutter.cut, "the write ended before the server could be stopped"
    finally:
        cutter.join()
        postgis_server.start()
    kept = postgis_server.psql("-c", "SELECT count(*), count(*) FILTER (WHERE name = 'previous run') "
                                     "FROM stops_cgcs2000_db").stdout.strip()
    assert kept == f"{POINTS}|{POINTS}"


def test_an_output_table_that_is_the_input_table_is_refused(cq_provider, postgis_server, stops_table):
    connection = postgis_server.connection
    content = f"SELECT count(*), md5(string_agg(ST_AsText(geom), ',' ORDER BY id)) FROM {stops_table}"
    before = postgis_server.psql("-c", content).stdout
    with pytest.raises(QgsProcessingException, match="OUTPUT"):
        processing.run("cq_urban:convert_web_coordinates", {
            "INPUT": _layer(connection, stops_table), "OUTPUT": "postgres://" + _uri(connection, stops_table)})
    assert postgis_server.psql("-c", content).stdout == before
