"""PostGIS as the shared store of a batch over many jurisdictions (issue #21), beside the folder of
GeoPackages (``batch_store``): every jurisdiction's rows in one table, ``<table>_townships`` (with
``cq_row``, their order), and what they were measured with in ``<table>_meta``.

Each jurisdiction is written in one transaction: its old rows and meta deleted, the new ones
inserted, committed together; a run stopped or cut anywhere before the commit leaves the
jurisdiction as it was (no half-written one), and the meta row says it is whole. A rerun skips the
jurisdictions whose meta row matches (it resumes where the last run stopped). psycopg2 (Debian's
python3-psycopg2, QGIS's own installers ship it) on the client side only: the workers never
touch the store.
"""
import json
import re
from typing import List, Sequence

from ...i18n import tr
from ..errors import PlanInputError

TEXT = {"juris", "township"}
INTEGER = {"twp_fid"}
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def _connect(connection: str):
    try:
        import psycopg2
    except ImportError as error:
        raise PlanInputError(tr("PostGIS as the batch's store needs psycopg2 ({error}).").format(error=error),
                             tr("Install it: sudo apt install python3-psycopg2, or python3 -m pip install "
                                "psycopg2-binary.")) from None
    try:
        return psycopg2.connect(connection.removeprefix("postgres://"))
    except psycopg2.Error as error:
        raise PlanInputError(tr("The PostGIS store {connection} cannot be reached: {error}").format(
            connection=connection, error=str(error).strip()),
            tr("Give a libpq connection (host=… port=… dbname=… user=…) of a running PostgreSQL.")) from None


class PostgisStore:
    """``PostgisStore(connection, table="cq_batch", columns=…)``: the tables are made when missing."""

    def __init__(self, connection: str, table: str = "cq_batch", columns: Sequence[str] = ()):
        if not _NAME.match(table or ""):
            raise PlanInputError(tr("'{table}' cannot name the batch's PostGIS tables.").format(table=table),
                                 tr("Use lower-case letters, digits and '_' (e.g. cq_batch)."))
        self.connection, self.columns = connection, tuple(columns)
        self.rows_table, self.meta_table = f"{table}_townships", f"{table}_meta"
        self.db = _connect(connection)
        kinds = ", ".join(f"{c} {'text' if c in TEXT else 'bigint' if c in INTEGER else 'double precision'}"
                          for c in self.columns)
        with self.db, self.db.cursor() as cursor:
            cursor.execute(f"CREATE TABLE IF NOT EXISTS {self.rows_table} (cq_row integer NOT NULL, {kinds})")
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {self.rows_table}_juris ON {self.rows_table} (juris, cq_row)")
            cursor.execute(f"CREATE TABLE IF NOT EXISTS {self.meta_table} (juris text PRIMARY KEY, meta text NOT NULL)")

    def close(self):
        self.db.close()

    def describe(self) -> str:
        return f"PostGIS {self.rows_table}"

    def is_complete(self, jurisdiction_id: str, meta: dict) -> bool:
        with self.db, self.db.cursor() as cursor:
            cursor.execute(f"SELECT meta FROM {self.meta_table} WHERE juris = %s", (jurisdiction_id,))
            found = cursor.fetchone()
        return found is not None and json.loads(found[0]) == json.loads(json.dumps(meta, ensure_ascii=False))

    def write_jurisdiction(self, jurisdiction_id: str, rows: Sequence[dict], meta: dict) -> str:
        """Its rows and meta replaced in one transaction (all or nothing)."""
        import psycopg2

        names = ", ".join(("cq_row",) + self.columns)
        marks = ", ".join(["%s"] * (len(self.columns) + 1))
        try:
            with self.db, self.db.cursor() as cursor:  # commits at the end, rolls back on any error
                cursor.execute(f"DELETE FROM {self.meta_table} WHERE juris = %s", (jurisdiction_id,))
                cursor.execute(f"DELETE FROM {self.rows_table} WHERE juris = %s", (jurisdiction_id,))
                cursor.executemany(f"INSERT INTO {self.rows_table} ({names}) VALUES ({marks})",
                                   [(number,) + tuple(row.get(c) for c in self.columns)
                                    for number, row in enumerate(rows)])
                cursor.execute(f"INSERT INTO {self.meta_table} (juris, meta) VALUES (%s, %s)",
                               (jurisdiction_id, json.dumps(meta, ensure_ascii=False)))
        except psycopg2.Error as error:
            raise PlanInputError(
                tr("Jurisdiction '{id}' could not be written into the PostGIS store {table}: {error}. Nothing of it "
                   "was written.").format(id=jurisdiction_id, table=self.rows_table, error=str(error).strip()),
                tr("Check the database, then run the batch again: it resumes with the jurisdictions not yet "
                   "written.")) from None
        return f"{self.rows_table} juris={jurisdiction_id}"

    def rows(self, jurisdiction_ids: Sequence[str]) -> List[dict]:
        """The rows of the complete ones of ``jurisdiction_ids``, in that order."""
        import psycopg2

        out = []
        try:
            with self.db, self.db.cursor() as cursor:
                for jurisdiction_id in jurisdiction_ids:
                    cursor.execute(f"SELECT {', '.join(self.columns)} FROM {self.rows_table} WHERE juris = %s AND "
                                   f"EXISTS (SELECT 1 FROM {self.meta_table} m WHERE m.juris = %s) ORDER BY cq_row",
                                   (jurisdiction_id, jurisdiction_id))
                    out.extend(dict(zip(self.columns, found)) for found in cursor.fetchall())
        except psycopg2.Error as error:
            raise PlanInputError(tr("The PostGIS store {table} could not be read: {error}").format(
                table=self.rows_table, error=str(error).strip()),
                tr("Check the database, then run the batch again: it resumes with the jurisdictions not yet "
                   "written.")) from None
        return out
