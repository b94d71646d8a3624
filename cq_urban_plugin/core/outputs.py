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
import uuid
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
)

from ..i18n import tr
from .errors import PlanInputError

# A shapefile is several files; each one moves with it.
_SIDECARS = {
    ".shp": (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd"),
}
_FILE_SUFFIXES = (".gpkg", ".shp", ".geojson", ".json", ".csv", ".xlsx", ".ods", ".kml", ".gml", ".fgb",
                  ".sqlite", ".tab", ".dxf")


def _file_path(value) -> Optional[Path]:
    """The plain file a sink value names, or None (memory, database, URI with options)."""
    if not isinstance(value, str) or not value or "|" in value or value.startswith(("memory:", "ogr:", "postgres:",
                                                                                   "postgis:", "spatialite:")):
        return None
    if value == "TEMPORARY_OUTPUT" or "dbname=" in value:
        return None
    path = Path(value)
    if path.suffix.lower() not in _FILE_SUFFIXES:
        return None
    return path


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

    def __init__(self, parameters: Dict, sink_names: List[str], input_paths: List[Tuple[str, Path]]):
        self.parameters = dict(parameters)
        self.moves: List[Tuple[Path, Path]] = []
        for name in sink_names:
            definition, text = _sink_value(parameters.get(name))
            final = _file_path(text)
            if final is None:
                continue
            for input_name, input_path in input_paths:
                if _same_file(final, input_path) or final.resolve() == input_path.resolve():
                    raise PlanInputError(
                        tr("The output '{output}' is the input layer '{input}' ({path}).").format(
                            output=name, input=input_name, path=final),
                        tr("Choose another file for the output: the input is never overwritten."))
            if not final.parent.is_dir():
                raise PlanInputError(
                    tr("The folder of output '{output}' does not exist: {folder}.").format(
                        output=name, folder=final.parent),
                    tr("Create the folder or choose another file."))
            staged = final.with_name(f".{final.stem}.partial-{uuid.uuid4().hex[:8]}{final.suffix}")
            if definition is not None:
                copy = QgsProcessingOutputLayerDefinition(definition)
                copy.sink = QgsProperty.fromValue(str(staged))
                self.parameters[name] = copy
            else:
                self.parameters[name] = str(staged)
            self.moves.append((staged, final))

    def _pairs(self, staged: Path, final: Path):
        for suffix in _SIDECARS.get(final.suffix.lower(), (final.suffix,)):
            yield staged.with_suffix(suffix), final.with_suffix(suffix)

    def commit(self, results: Dict, context) -> Dict:
        """Move every staged file into place and rename it in the results and in
        the layers QGIS loads on completion."""
        gc.collect()  # the sinks' writers close their files when collected
        renamed = {}
        for staged, final in self.moves:
            if not staged.exists():
                continue
            for source, target in self._pairs(staged, final):
                if source.exists():
                    os.replace(source, target)
                elif target.exists() and target.suffix.lower() != final.suffix.lower():
                    target.unlink()  # a stale sidecar of the previous file (an old index, say)
            renamed[str(staged)] = str(final)
        if not renamed:
            return results

        def rename(value):
            if isinstance(value, str):
                for old, new in renamed.items():
                    if value.startswith(old):
                        return new + value[len(old):]
            return value

        to_load = context.layersToLoadOnCompletion()
        if any(rename(key) != key for key in to_load):
            context.setLayersToLoadOnCompletion({rename(key): details for key, details in to_load.items()})
        return {key: rename(value) for key, value in results.items()}

    def discard(self):
        gc.collect()
        for staged, final in self.moves:
            for source, _ in self._pairs(staged, final):
                if source.exists():
                    try:
                        source.unlink()
                    except OSError:
                        pass
