"""Writing outputs so that a user's files are never lost or corrupted.

Processing writes a feature sink straight into the file the user chose. If the
run stops half-way (cancel, crash, full disk) the previous file is gone and the
new one is broken. ``StagedOutputs`` points each file sink at a temporary file
beside the chosen one and moves it into place only when the algorithm has
finished: an interrupted run leaves the previous file as it was. It also
refuses an output that is one of the run's own input files.
"""
import gc
import os
import re
import shutil
import uuid
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
)

from ...i18n import tr
from ..errors import PlanInputError

# A shapefile is several files; each one moves with it.
_SIDECARS = {
    ".shp": (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd"),
}
_PARTIAL_PREFIX = ".cq_urban_partial-"
_NAMED_LAYERS = (".gpkg", ".sqlite")  # formats holding named layers
_FILE_SUFFIXES = (".gpkg", ".shp", ".geojson", ".json", ".csv", ".xlsx", ".ods", ".kml", ".gml", ".fgb",
                  ".sqlite", ".tab", ".dxf")


_OGR_URI = re.compile(
    r"""^ogr:dbname=(?P<q>['"]?)(?P<path>.+?)(?P=q)(?:\s+table=(?P<t>['"]?)(?P<table>[^'"]+)(?P=t))?""")


def destination_file(value, any_suffix: bool = False) -> Tuple[Optional[Path], Optional[str]]:
    """(the file, the layer or None) a destination names: a plain path, ``path|layername=x``
    or ``ogr:dbname='path' table="x" (geom)``; (None, None) for memory, databases and the rest."""
    if not isinstance(value, str) or not value or value == "TEMPORARY_OUTPUT":
        return None, None
    layer = None
    if value.startswith("ogr:"):
        match = _OGR_URI.match(value)
        if not match:
            return None, None
        value, layer = match.group("path"), match.group("table")
    elif value.startswith(("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:")) \
            or "dbname=" in value:
        return None, None
    elif "|" in value:
        value, _, options = value.partition("|")
        for option in options.split("|"):
            key, _, given = option.partition("=")
            if key.strip().lower() == "layername" and given:
                layer = given
    path = Path(value)
    if not path.suffix or (not any_suffix and path.suffix.lower() not in _FILE_SUFFIXES):
        return None, None
    return path, layer


def _sink_value(value):
    """(definition or None, the destination string) of a sink parameter value."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        sink = value.sink
        text = sink.staticValue() if isinstance(sink, QgsProperty) else sink
        return value, text if isinstance(text, str) else None
    return None, value if isinstance(value, str) else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


class StagedOutputs:
    """Redirect file sinks to temporary files; ``commit`` moves them into place."""

    def __init__(self, parameters: Dict, sink_names: List[str], input_paths: List[Tuple[str, Path]],
                 other_destinations: Iterable[str] = (), input_tables: Iterable[Tuple[str, tuple]] = ()):
        self.parameters = dict(parameters)
        self.moves: List[Tuple[Path, Path]] = []
        self.names: Dict[Path, str] = {}  # staged file -> its output parameter
        self.layers: Dict[Path, str] = {}  # staged file -> the layer written into it
        self.folders: List[Path] = []
        self.tables: List[tuple] = []  # (output, final table, staged table's URI)
        try:
            self._check_and_stage(parameters, sink_names, input_paths, other_destinations, input_tables)
        except Exception:
            self._remove_folders()  # nothing staged stays behind a refused run
            self._remove_tables()
            raise

    def _check_and_stage(self, parameters, sink_names, input_paths, other_destinations, input_tables):
        chosen: Dict[Path, str] = {}
        for name in [*sink_names, *other_destinations]:
            text = _sink_value(parameters.get(name))[1]
            table = database_table(text)
            if table is not None:
                self._refuse_input_tables(name, table, input_tables)
                if name in sink_names:
                    self._stage_table(name, text)
                continue
            final, layer = destination_file(text, any_suffix=name not in sink_names)  # reports, maps: any file
            if final is None:
                continue
            self._refuse_inputs(name, final, input_paths)
            key = final.resolve()
            if key in chosen:
                raise PlanInputError(
                    tr("The outputs '{first}' and '{second}' are the same file ({path}): the second would replace "
                       "the first.").format(first=chosen[key], second=name, path=final),
                    tr("Give each output a file of its own."))
            chosen[key] = name
            if not final.parent.is_dir():
                raise PlanInputError(
                    tr("The folder of output '{output}' does not exist: {folder}.").format(
                        output=name, folder=final.parent),
                    tr("Create the folder or choose another file."))
            if not os.access(final.parent, os.W_OK):
                raise PlanInputError(
                    tr("The folder of output '{output}' cannot be written to: {folder}.").format(
                        output=name, folder=final.parent),
                    tr("Choose a folder you may write to, or ask for write access to this one."))
            if name in sink_names:
                self._stage(name, final, layer)

    def _refuse_input_tables(self, name, table: tuple, input_tables):
        for input_name, input_table in input_tables:
            if table == input_table:
                raise PlanInputError(
                    tr("The output '{output}' is the input layer '{input}' (table {table}).").format(
                        output=name, input=input_name, table=".".join(table[-2:])),
                    tr("Choose another table for the output: the input is never overwritten."))

    def _stage_table(self, name, text: str):
        """A PostGIS output is written into a table of its own and renamed over the chosen
        one in a single transaction once it is complete: a lost server or a failed run
        leaves the previous table as it was."""
        prefix, _, rest = text.partition("://")
        uri = QgsDataSourceUri(rest)
        final = uri.table()
        staged = f"{final[:40]}_cq_partial_{uuid.uuid4().hex[:8]}"
        uri.setDataSource(uri.schema() or "public", staged, uri.geometryColumn(), uri.sql(), uri.keyColumn())
        self._redirect(name, f"{prefix}://{uri.uri(False)}")
        self.tables.append((name, final, uri))

    def _redirect(self, name, target: str):
        """Point output ``name`` at ``target``, keeping what else its definition says."""
        definition, _ = _sink_value(self.parameters.get(name))
        if definition is not None:
            copy = QgsProcessingOutputLayerDefinition(definition)
            copy.sink = QgsProperty.fromValue(target)
            self.parameters[name] = copy
        else:
            self.parameters[name] = target

    def _refuse_inputs(self, name, final: Path, input_paths):
        for input_name, input_path in input_paths:
            if _same_file(final, input_path) or final.resolve() == input_path.resolve():
                raise PlanInputError(
                    tr("The output '{output}' is the input layer '{input}' ({path}).").format(
                        output=name, input=input_name, path=final),
                    tr("Choose another file for the output: the input is never overwritten."))

    def _stage(self, name, final: Path, layer: Optional[str]):
        # Staged in a hidden folder beside the output, under the output's own name: the same file system
        # (the move is atomic), and the layer inside named after the output, not after a temporary file.
        folder = final.parent / f"{_PARTIAL_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
        _clear_abandoned(final.parent)
        folder.mkdir()
        self.folders.append(folder)
        staged = folder / final.name
        if layer and final.exists() and final.suffix.lower() in _NAMED_LAYERS:
            # One layer of an existing GeoPackage: the others are kept (written into a copy, moved back whole).
            shutil.copy2(final, staged)
        explicit = bool(layer)
        layer = layer or final.stem  # what QGIS names the layer of a file written without one
        # A layer name the user gave, in the form Processing's sink reads it from (with |layername= it
        # would become part of the file's name).
        target = (f"ogr:dbname='{staged}' table=\"{layer}\" (geom)"
                  if explicit and final.suffix.lower() in _NAMED_LAYERS else str(staged))
        self._redirect(name, target)
        self.moves.append((staged, final))
        self.names[staged] = name
        self.layers[staged] = layer

    def _pairs(self, staged: Path, final: Path):
        for suffix in _SIDECARS.get(final.suffix.lower(), (final.suffix,)):
            yield staged.with_suffix(suffix), final.with_suffix(suffix)

    def commit(self, results: Dict, context, counts: Optional[Dict[str, int]] = None, closed: bool = False) -> Dict:
        """Check every staged file, then move them all into place and rename them in the
        results and in the layers QGIS loads on completion.

        ``counts``: the features each output's sink accepted. A staged file holding fewer
        (a full disk, a writer that failed silently) fails the run, and no file is moved. ``closed``:
        the caller has closed every sink itself."""
        if (self.moves or self.tables) and not closed:
            gc.collect()  # the sinks' writers close their files when collected (a full collection: 30-50 ms)
        for staged, final in self.moves:
            if counts is not None and self.names[staged] in counts:
                self._verify(staged, final, counts[self.names[staged]])
        for name, final_table, uri in self.tables:
            if counts is not None and name in counts:
                written = _table_rows(uri)
                if written != counts[name]:
                    raise PlanInputError(
                        tr("Output '{output}' was not written completely: {expected} features were meant for table "
                           "{table}, the database holds {found}. The previous table was left as it was.").format(
                            output=name, expected=counts[name], table=final_table,
                            found=tr("nothing readable") if written is None else written),
                        tr("Check the database server and your rights on the schema, then run again."))
        renamed = {}
        for _, final_table, uri in self.tables:
            _swap_table(uri, final_table)
            renamed[f'"{uri.table()}"'] = f'"{final_table}"'
        self.tables = []
        for staged, final in self.moves:
            if not staged.exists():
                continue
            for source, target in self._pairs(staged, final):
                if source.exists():
                    os.replace(source, target)
                elif target.exists() and target.suffix.lower() != final.suffix.lower():
                    target.unlink()  # a stale sidecar of the previous file (an old index, say)
            renamed[str(staged)] = str(final)
        self._remove_folders()
        if not renamed:
            return results

        def rename(value):
            if isinstance(value, str):
                for old, new in renamed.items():
                    if value.startswith(old):
                        return new + value[len(old):]
                    if old.startswith('"') and old in value:  # a table inside a database URI
                        return value.replace(old, new)
            return value

        to_load = context.layersToLoadOnCompletion()
        if any(rename(key) != key for key in to_load):
            context.setLayersToLoadOnCompletion({rename(key): details for key, details in to_load.items()})
        return {key: rename(value) for key, value in results.items()}

    def _verify(self, staged: Path, final: Path, expected: int):
        name = self.names[staged]
        written = written_features(staged, self.layers.get(staged))
        if written is None or written != expected:
            found = tr("nothing readable") if written is None else str(written)
            raise PlanInputError(
                tr("Output '{output}' was not written completely: {expected} features were meant for {path}, the file "
                   "holds {found}. The previous file was left as it was.").format(
                    output=name, expected=expected, path=final, found=found),
                tr("Check the free space and that the folder {folder} can be written to, then run again.").format(
                    folder=final.parent))

    def discard(self):
        gc.collect()
        self._remove_folders()
        self._remove_tables()

    def _remove_tables(self):
        for _, _, uri in self.tables:
            try:
                _execute(uri, f"DROP TABLE IF EXISTS {_qualified(uri)}")
            except Exception:  # noqa: BLE001 (the server may be the reason the run failed)
                pass
        self.tables = []

    def _remove_folders(self):
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.folders = []


def _clear_abandoned(folder: Path):
    """Remove what a run killed outright (kill -9, power loss) left staged in ``folder``:
    a staging folder whose process is gone."""
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(_PARTIAL_PREFIX) and p.is_dir()]
    except OSError:
        return
    for candidate in candidates:
        pid = candidate.name[len(_PARTIAL_PREFIX):].split("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(candidate, ignore_errors=True)


def written_features(path: Path, layer: Optional[str] = None) -> Optional[int]:
    """Features in the file (its layer ``layer``, else its only layer) as GDAL reads it back, or
    None when it cannot be read: what the run is about to put in place of the previous file."""
    from osgeo import gdal

    if not path.exists():
        return None
    try:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError:
        return None
    if dataset is None:
        return None
    try:
        found = dataset.GetLayerByName(layer) if layer else None
        if found is None and dataset.GetLayerCount() == 1:
            found = dataset.GetLayer(0)
        return None if found is None else found.GetFeatureCount(True)
    except RuntimeError:  # a file cut short mid-record (GDAL 3.13: "unbalanced number of double-quotes")
        return None
    finally:
        dataset = None


class CheckedSink:
    """A feature sink that counts what it accepts into ``counts[name]`` and stops the run
    when the sink refuses a feature, instead of writing a file that lacks it."""

    def __init__(self, sink, name: str, counts: Dict[str, int]):
        self._sink, self._name, self._counts = sink, name, counts
        counts.setdefault(name, 0)

    def _refused(self):
        error = ""
        try:
            error = self._sink.lastError()
        except (AttributeError, TypeError):
            pass
        return PlanInputError(
            tr("Output '{output}': a feature could not be written ({error}). The previous output was left as it "
               "was.").format(output=self._name, error=error or tr("no reason given")),
            tr("Check the free space, the folder's permissions or the database connection, then run again."))

    def addFeature(self, feature, *args):  # noqa: N802 (QGIS's name)
        if not self._sink.addFeature(feature, *args):
            raise self._refused()
        self._counts[self._name] += 1
        return True

    def addFeatures(self, features, *args):  # noqa: N802 (QGIS's name)
        features = list(features)
        if not self._sink.addFeatures(features, *args):
            raise self._refused()
        self._counts[self._name] += len(features)
        return True

    def __getattr__(self, name):
        return getattr(self._sink, name)


_DATABASE_PREFIXES = ("postgres://", "postgis://")


def database_table(value) -> Optional[tuple]:
    """(host, port, database, schema, table) a PostGIS destination or layer source names, or None."""
    if not isinstance(value, str) or not value:
        return None
    text = value
    for prefix in _DATABASE_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    else:
        if not value.startswith(("dbname=", "service=", "host=")) or "table=" not in value:
            return None
    uri = QgsDataSourceUri(text)
    if not uri.table():
        return None
    return (uri.service() or uri.host(), uri.port(), uri.database(), uri.schema() or "public", uri.table())


def _connection(uri):
    from qgis.core import QgsProviderRegistry

    plain = QgsDataSourceUri(uri.connectionInfo(False))
    return QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(plain.uri(False), {})


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _qualified(uri) -> str:
    return f"{_quote(uri.schema() or 'public')}.{_quote(uri.table())}"


def _execute(uri, sql: str):
    return _connection(uri).executeSql(sql)


def _table_rows(uri) -> Optional[int]:
    try:
        rows = _execute(uri, f"SELECT count(*) FROM {_qualified(uri)}")
        return int(rows[0][0])
    except Exception:  # noqa: BLE001 (a lost server: nothing to compare)
        return None


def _swap_table(uri, final_table: str):
    """Replace ``final_table`` by the staged table of ``uri`` in one transaction."""
    schema = _quote(uri.schema() or "public")
    try:
        _execute(uri, f"BEGIN; DROP TABLE IF EXISTS {schema}.{_quote(final_table)}; "
                      f"ALTER TABLE {_qualified(uri)} RENAME TO {_quote(final_table)}; COMMIT;")
    except Exception as error:  # noqa: BLE001 (said with the table's name)
        raise PlanInputError(
            tr("The finished table could not replace {table} ({error}); the previous table was left as it was.").format(
                table=final_table, error=error),
            tr("Check the database server and your rights on the schema, then run again.")) from None
