"""What every algorithm of the provider shares: naming, help, and turning bad
input into a clear message instead of a traceback."""
import traceback
from pathlib import Path

from qgis.core import (
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QIcon

from .. import definitions
from ..core.errors import PlanInputError
from ..core.files.csvsafe import csv_safe_sink
from ..core.files.outputs import CheckedSink, StagedOutputs, database_table, destination_file
from ..core.geo import transforms
from ..core.geo.encoding import reopen_gbk_shapefile, shapefile_path
from ..core.geo.inputs import layer_label
from ..i18n import tr
from ..requirements import missing_message
from ..resources import ICON_PATH, help_url
from . import run_outputs
from .delivery_inputs import fill_from_delivery

# Group ids and their (translatable) names.
GROUPS = {
    "plan": lambda: tr("Plan structure"),
    "checks": lambda: tr("Target checks"),
    "data": lambda: tr("Data preparation"),
    "maps": lambda: tr("Thematic maps"),
}


def _files(inputs):
    return [(name, where) for name, where in inputs if isinstance(where, Path)]


def _tables(inputs):
    return [(name, where) for name, where in inputs if isinstance(where, tuple)]


# The key column of a GeoPackage output whose fields already hold one named fid.
GEOPACKAGE_KEY = "cq_fid"


def _writes_geopackage(value) -> bool:
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue() if isinstance(value.sink, QgsProperty) else value.sink
    path, _ = destination_file(value)
    return path is not None and path.suffix.lower() in (".gpkg", ".sqlite")


class CqAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``NAME``, ``GROUP``, implement ``displayName``,
    ``shortHelpString``, ``initAlgorithm`` and ``compute`` (not processAlgorithm, not run)."""

    NAME = ""
    GROUP = "checks"
    # Refuses to run, with requirements.missing_message(), when the geometry kernels' shapely 2 is missing.
    NEEDS_KERNELS = True
    # {delivery role: layer parameter} an algorithm with a DELIVERY parameter fills (algorithms/delivery_inputs.py)
    DELIVERY_ROLES = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # `run` is QgsProcessingAlgorithm.run, which processing.run() calls: a
        # subclass overriding it would break the toolbox. The work goes in compute().
        if "run" in cls.__dict__:
            raise TypeError(f"{cls.__name__} overrides run(); implement compute() instead")
        own = cls.__dict__.get("initAlgorithm")
        if own is not None and cls.GROUP == "checks":
            # Every check also offers its tables as one Excel workbook: declared here, once, after its own.
            def init_algorithm(self, config=None, _own=own):
                _own(self, config)
                run_outputs.add_workbook_parameters(self)

            cls.initAlgorithm = init_algorithm

    def name(self):
        return self.NAME

    def group(self):
        return GROUPS[self.GROUP]()

    def groupId(self):  # noqa: N802 (QGIS's name)
        return self.GROUP

    def icon(self):
        return QIcon(str(ICON_PATH))

    def helpUrl(self):  # noqa: N802 (QGIS's name)
        """The README's row of the algorithm (one section lists them all)."""
        return help_url(self.NAME)

    def createInstance(self):  # noqa: N802 (QGIS's name)
        return type(self)()

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        """Runs on the thread that starts the run (the interface's, for a task): the CRSs of
        the input layers are pinned there, so that none of them is first built in the task's
        worker thread, whose end would leave it unusable (see core/geo/transforms.py)."""
        transforms.build_own_crs()
        for layer_crs in self._input_crs(parameters, context):
            transforms.pin(layer_crs)
        return True

    def _input_crs(self, parameters, context):
        found = []
        for definition in self.parameterDefinitions():
            if not isinstance(definition, self._INPUT_TYPES) or parameters.get(definition.name()) is None:
                continue
            try:
                if isinstance(definition, QgsProcessingParameterFeatureSource):
                    source = self.parameterAsSource(parameters, definition.name(), context)
                    found.append(source.sourceCrs() if source is not None else None)
                elif isinstance(definition, QgsProcessingParameterMultipleLayers):
                    found.extend(layer.crs() for layer in self.parameterAsLayerList(parameters, definition.name(),
                                                                                      context))
                else:
                    layer = self.parameterAsLayer(parameters, definition.name(), context)
                    found.append(layer.crs() if layer is not None else None)
            except Exception:  # noqa: BLE001 (a bad input is reported by processAlgorithm, with its message)
                continue
        return [c for c in found if c is not None and c.isValid()]

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):  # noqa: N802 (QGIS's name)
        """QGIS's sink; one writing a CSV file neutralises the text cells a spreadsheet
        would evaluate as formulas (core/files/csvsafe.py)."""
        fields = args[0] if args else kwargs.get("fields")
        if fields is not None and "layerOptions" not in kwargs and len(args) < 7 \
                and any(f.name().lower() == "fid" for f in fields) and _writes_geopackage(parameters.get(name)):
            # A field named fid would become the GeoPackage's key, and a layer whose fid values repeat
            # (a Shapefile exported from GeoPackages and merged) would lose every feature but one.
            kwargs["layerOptions"] = [o for o in QgsVectorFileWriter.defaultLayerOptions("GPKG")
                                      if not o.startswith("FID=")] + [f"FID={GEOPACKAGE_KEY}"]
        sink, destination = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        if sink is None:
            return sink, destination
        # Every feature is counted, and one the sink refuses (full disk, lost database) stops the run:
        # the staged file is then checked against the count before it replaces the previous one.
        self.__dict__.setdefault("_sinks", []).append(sink)  # closed before the staged files are checked
        checked = CheckedSink(csv_safe_sink(sink, destination), name, self.__dict__.setdefault("_sink_counts", {}))
        geometry_type = args[1] if len(args) > 1 else kwargs.get("geometryType")
        return run_outputs.record_table(self, name, checked, fields, geometry_type), destination

    def add_result_outputs(self, *extra):
        """Declare a check's results, so that the model designer can wire them and
        `qgis_process help` lists them: the target verdict every check gives, then
        ``extra`` (name, description) numbers of its own."""
        from qgis.core import QgsProcessingOutputBoolean, QgsProcessingOutputNumber, QgsProcessingOutputString

        self.addOutput(QgsProcessingOutputNumber(definitions.MEASURED, tr("Measured value")))
        self.addOutput(QgsProcessingOutputString(definitions.UNIT, tr("Unit of the measured value")))
        self.addOutput(QgsProcessingOutputNumber(definitions.TARGET, tr("Target value (none without a target)")))
        self.addOutput(QgsProcessingOutputNumber(definitions.GAP, tr("Gap: measured minus target")))
        self.addOutput(QgsProcessingOutputBoolean(definitions.PASSED, tr("Target met")))
        for name, description in extra:
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def _enum_names(self, parameters):
        """``parameters`` with every option number given to an enum of static strings replaced by the
        option's name: `qgis_process help` offers "Number of selected option, e.g. '1'" for them too,
        which QGIS itself refuses ("Incorrect parameter value")."""
        normalised = dict(parameters)
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterEnum) or not definition.usesStaticStrings():
                continue
            value, options = parameters.get(definition.name()), definition.options()
            if isinstance(value, str) and value.strip().isdigit() and value not in options:
                value = int(value.strip())
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(options):
                normalised[definition.name()] = options[value]
        return normalised

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS's name)
        return super().checkParameterValues(self._enum_names(parameters), context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        missing = missing_message() if self.NEEDS_KERNELS else None
        if missing:  # the same words the plugin said when it loaded, before anything is staged
            raise QgsProcessingException(missing)
        staged = None
        parameters = self._enum_names(parameters)
        try:
            if self.DELIVERY_ROLES:
                fill_from_delivery(self, parameters, context, feedback)
            sinks = [d.name() for d in self.parameterDefinitions() if isinstance(d, QgsProcessingParameterFeatureSink)]
            destinations = [d.name() for d in self.destinationParameterDefinitions() if d.name() not in sinks]
            inputs = self._input_sources(parameters, context)
            parameters, workbook, unasked = run_outputs.prepare_workbook(self, parameters, context)
            staged = StagedOutputs(parameters, sinks, _files(inputs), destinations, _tables(inputs))
            self._read_gbk_shapefiles(staged.parameters, context, feedback)
            self._check_input_geometry_types(staged.parameters, context, feedback)
            self._sink_counts, self._sinks = {}, []
            with transforms.run_context(context.transformContext()):
                results = self.compute(staged.parameters, context, feedback)
            results = run_outputs.write_workbook(self, results, workbook, unasked)
            return staged.commit(results, context, self._sink_counts, closed=self._close_sinks())
        except PlanInputError as error:
            if staged is not None:
                staged.discard()
            raise QgsProcessingException(str(error)) from None
        except QgsProcessingException:
            if staged is not None:
                staged.discard()
            raise
        except Exception as error:  # the user gets a message, the details go to the log
            if staged is not None:
                staged.discard()
            feedback.pushDebugInfo(traceback.format_exc())
            raise QgsProcessingException(
                tr("{name} stopped on an unexpected error: {error}. The input layers were not changed. "
                   "Please report this with the log (Processing > History) to the plugin's tracker.").format(
                    name=self.displayName(), error=error)
            ) from None

    def _close_sinks(self) -> bool:
        """Deletes the sinks QGIS gave this run, which closes their files (a GeoPackage's last pages
        are written on close), so that the staged files can be checked without a full garbage
        collection. True when every one could be closed."""
        from qgis.PyQt import sip

        sinks, self._sinks = self.__dict__.get("_sinks", []), []
        try:
            for sink in sinks:
                if not sip.isdeleted(sink):
                    sip.delete(sink)
        except (TypeError, RuntimeError):  # not a sip object, or not ours to delete: collected instead
            return False
        return True

    def compute(self, parameters, context, feedback):
        """The algorithm's work. Not ``run``: that is QgsProcessingAlgorithm's own
        method, which processing.run() calls, and overriding it breaks the toolbox."""
        raise NotImplementedError

    _INPUT_TYPES = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                    QgsProcessingParameterRasterLayer, QgsProcessingParameterMapLayer,
                    QgsProcessingParameterMultipleLayers)

    def _check_input_geometry_types(self, parameters, context, feedback):
        """Points given as townships, polygons as stops: refused by name, before any reading.
        And a GeoPackage of several layers given without a layer name: say which one is read."""
        from ..compat import GeometryType, ProcessingSourceType

        wanted_by_type = {ProcessingSourceType.VectorPoint: GeometryType.Point,
                          ProcessingSourceType.VectorLine: GeometryType.Line,
                          ProcessingSourceType.VectorPolygon: GeometryType.Polygon}
        words = {GeometryType.Point: tr("points"), GeometryType.Line: tr("lines"),
                 GeometryType.Polygon: tr("polygons")}
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterFeatureSource) or \
                    parameters.get(definition.name()) in (None, ""):
                continue
            self._say_which_layer(definition.name(), parameters.get(definition.name()), feedback)
            self._refuse_collection_layer(definition.name(), parameters.get(definition.name()), context, feedback)
            allowed = [wanted_by_type[t] for t in definition.dataTypes() if t in wanted_by_type]
            if not allowed or len(allowed) != len(definition.dataTypes()):
                continue  # any geometry, or a table
            source = self.parameterAsSource(parameters, definition.name(), context)
            if source is None:
                continue
            found = QgsWkbTypes.geometryType(source.wkbType())
            if found in words and found not in allowed:
                raise PlanInputError(
                    tr("Parameter {parameter}: layer '{layer}' holds {found}, but {description} must be "
                       "{wanted}.").format(
                        parameter=definition.name(), layer=self.parameter_layer_label(parameters, definition.name(),
                                                                                      context) or layer_label(source),
                        found=words[found],
                        description=definition.description(), wanted=tr(" or ").join(words[a] for a in allowed)),
                    tr("Choose a layer of {wanted} for {parameter}.").format(
                        wanted=tr(" or ").join(words[a] for a in allowed), parameter=definition.name()))

    def _refuse_collection_layer(self, name, value, context, feedback):
        """QGIS 3.22 reads neither the CRS nor the extent of a GeoPackage layer stored as
        GEOMETRYCOLLECTION, though the file has both: say that, not "no CRS"."""
        if not isinstance(value, str) or not value:
            return
        layer = QgsProcessingUtils.mapLayerFromString(value, context)
        if not isinstance(layer, QgsMapLayer) or layer.crs().isValid() or layer.providerType() != "ogr":
            return
        from osgeo import gdal, ogr

        decoded = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        try:
            dataset = gdal.OpenEx(decoded.get("path", ""), gdal.OF_VECTOR | gdal.OF_READONLY)
        except RuntimeError:
            return
        if dataset is None:
            return
        found = dataset.GetLayerByName(decoded["layerName"]) if decoded.get("layerName") else dataset.GetLayer(0)
        reference = found.GetSpatialRef() if found is not None else None
        collection = found is not None and ogr.GT_Flatten(found.GetGeomType()) == ogr.wkbGeometryCollection
        declared = ""
        if reference is not None:
            reference.AutoIdentifyEPSG()
            code = reference.GetAuthorityCode(None)
            declared = f"EPSG:{code}" if code else reference.GetName() or ""
        dataset = None
        if collection and declared:
            raise PlanInputError(
                tr("Parameter {parameter}: layer '{layer}' is stored as geometry collections (GEOMETRYCOLLECTION). "
                   "Its file declares {crs}, but QGIS reads neither the coordinate system nor the extent of such a "
                   "layer, so it cannot be measured.").format(parameter=name, layer=layer.name(), crs=declared),
                tr("Save it with a single geometry type first, e.g. `ogr2ogr -nlt PROMOTE_TO_MULTI "
                   "-explodecollections out.gpkg in.gpkg`, or Vector > Geometry Tools > Multipart to Singleparts "
                   "and save the result as a GeoPackage."))

    def parameter_layer_label(self, parameters, name, context) -> str:
        """The input layer's name, with its table when several come from one file
        (wuxi.gpkg|layername=townships): messages must tell the built-up layer from the township layer."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None:
            return ""
        table = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("layerName")
        if table and table not in layer.name():
            return f"{layer.name()} ({table})"
        return layer.name()

    def _say_which_layer(self, name, value, feedback):
        if not isinstance(value, str) or "|" in value or not value.lower().endswith((".gpkg", ".sqlite")):
            return
        from osgeo import gdal

        try:
            dataset = gdal.OpenEx(value, gdal.OF_VECTOR | gdal.OF_READONLY)
        except RuntimeError:
            return
        if dataset is None:
            return
        layers = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
        layers = [n for n in layers if n != "layer_styles"]
        dataset = None
        if len(layers) > 1:
            feedback.pushWarning(tr(
                "Parameter {parameter}: {path} holds {n} layers ({layers}) and none was named; the first, '{first}', "
                "is read. To read another, name it: {path}|layername=…").format(
                parameter=name, path=value, n=len(layers), layers=", ".join(layers[:8]), first=layers[0]))

    def _read_gbk_shapefiles(self, parameters, context, feedback):
        """Swap a Shapefile whose text is GBK (no .cpg, or one wrongly saying UTF-8) for a copy opened as GBK."""
        for definition in self.parameterDefinitions():
            if not isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
                continue
            value = parameters.get(definition.name())
            path = shapefile_path(value.source() if isinstance(value, QgsMapLayer) else value)
            if path is None:
                continue
            layer, warning = reopen_gbk_shapefile(path, path.stem)
            if layer is None:
                if warning:
                    feedback.pushWarning(warning)
                continue
            if isinstance(value, QgsMapLayer) and value.crs().isValid() and value.crs() != layer.crs():
                layer.setCrs(value.crs())  # the CRS set on the layer in QGIS (none in the file: no .prj)
            context.temporaryLayerStore().addMapLayer(layer)
            parameters[definition.name()] = layer.id()
            feedback.pushWarning(warning)

    def _input_sources(self, parameters, context):
        """(parameter name, file Path or database table tuple) of every input layer, so
        that no output is written over one."""
        paths = []
        for definition in self.parameterDefinitions():
            if not isinstance(definition, self._INPUT_TYPES):
                continue
            values = parameters.get(definition.name())
            for value in values if isinstance(values, (list, tuple)) else [values]:
                if isinstance(value, QgsProcessingFeatureSourceDefinition):
                    value = value.source
                if isinstance(value, QgsProperty):
                    value = value.staticValue()
                if isinstance(value, str) and value:
                    value = QgsProcessingUtils.mapLayerFromString(value, context) or value
                source = value.source() if isinstance(value, QgsMapLayer) else value
                table = database_table(source) if isinstance(value, QgsMapLayer) and \
                    value.providerType() == "postgres" else None
                if table is not None:
                    paths.append((definition.name(), table))
                    continue
                if isinstance(value, QgsMapLayer):
                    # The provider's own reading of its URI: ogr:, delimitedtext's file:///…?…, a raster.
                    decoded = QgsProviderRegistry.instance().decodeUri(value.providerType(), source)
                    if decoded.get("path"):
                        source = decoded["path"]
                if isinstance(source, str) and source:
                    path = Path(source.split("|")[0])
                    if path.suffix:
                        paths.append((definition.name(), path))
        return paths
