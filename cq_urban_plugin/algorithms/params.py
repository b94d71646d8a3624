"""Parameters several algorithms share, defined once (names, texts and types)."""
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..compat import ProcessingSourceType
from ..core.plan.catalogue import bundled_catalogue, bundled_catalogue_paths, load_catalogue
from ..i18n import tr

CATALOGUE = "CATALOGUE"
CATALOGUE_FILE = "CATALOGUE_FILE"
TOWNSHIPS = "TOWNSHIPS"
TOWNSHIP_NAME_FIELD = "TOWNSHIP_NAME_FIELD"
TARGET_ID = "TARGET_ID"
AREA_METHOD = "AREA_METHOD"
TARGET_VALUE = "TARGET_VALUE"
OUTPUT, TABLE, REPORT = "OUTPUT", "TABLE", "REPORT"


class CheckParameterNames:
    """The names of the parameters the checks share, spelt once (the panel, models and qgis_process use them)."""
    TOWNSHIPS, TOWNSHIP_NAME_FIELD = TOWNSHIPS, TOWNSHIP_NAME_FIELD
    TARGET_ID, TARGET_VALUE, AREA_METHOD = TARGET_ID, TARGET_VALUE, AREA_METHOD
    OUTPUT, TABLE, REPORT = OUTPUT, TABLE, REPORT


def add_township_parameters(algorithm, optional=True):
    """The township layer a check writes a row per township of, and its name field."""
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        TOWNSHIPS, tr("Townships (乡镇街道)"), [ProcessingSourceType.VectorPolygon], optional=optional))
    algorithm.addParameter(QgsProcessingParameterField(
        TOWNSHIP_NAME_FIELD, tr("Township name field (empty: plan_name, name or XZQMC)"),
        parentLayerParameterName=TOWNSHIPS, optional=True))


def add_target_id_parameter(algorithm, description, *indicators):
    """The catalogue target's id, offered as a drop-down of the bundled targets of ``indicators``."""
    algorithm.addParameter(offer_targets(QgsProcessingParameterString(TARGET_ID, description, optional=True),
                                         *indicators))


def add_area_method_parameter(algorithm):
    algorithm.addParameter(QgsProcessingParameterEnum(
        AREA_METHOD, tr("Area"), options=[tr("Planar in the CGCS2000 Gauss-Krüger zone"),
                                          tr("On the CGCS2000 ellipsoid")], defaultValue=0))


def add_report_parameter(algorithm):
    algorithm.addParameter(QgsProcessingParameterFileDestination(
        REPORT, tr("Report"), tr("HTML files (*.html)"), optional=True, createByDefault=False))


def add_check_outputs(algorithm, layer_description, table_description,
                      layer_type=ProcessingSourceType.VectorPolygon):
    """A check's three outputs: its layer (townships with the figures), its table and its HTML report."""
    algorithm.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, layer_description, layer_type))
    algorithm.addParameter(QgsProcessingParameterFeatureSink(TABLE, table_description, ProcessingSourceType.Vector))
    add_report_parameter(algorithm)


def bundled_ids():
    return [p.stem for p in bundled_catalogue_paths()]


def add_catalogue_parameters(algorithm, default="jiangjin"):
    """A bundled catalogue by id (static strings, so qgis_process takes `jiangjin`),
    or a catalogue file of the user's own, which wins when given."""
    ids = bundled_ids()
    algorithm.addParameter(QgsProcessingParameterEnum(
        CATALOGUE, tr("Plan catalogue"), options=ids,
        defaultValue=default if default in ids else (ids[0] if ids else None),
        usesStaticStrings=True, optional=True))
    algorithm.addParameter(QgsProcessingParameterFile(
        CATALOGUE_FILE, tr("Or a catalogue file of your own (YAML)"),
        extension="yaml", optional=True))


def catalogue_from_parameters(algorithm, parameters, context):
    path = algorithm.parameterAsFile(parameters, CATALOGUE_FILE, context)
    if path:
        return load_catalogue(path)
    catalogue_id = algorithm.parameterAsEnumString(parameters, CATALOGUE, context)
    return bundled_catalogue(catalogue_id or "jiangjin")


def target_ids(*indicators: str):
    """The ids of the bundled catalogues' targets of ``indicators``, in catalogue order, once each."""
    from ..core.errors import CatalogueError

    ids = []
    for indicator in indicators:
        for path in bundled_catalogue_paths():
            try:
                catalogue = load_catalogue(path)
            except CatalogueError:
                continue  # a broken bundled file is reported where it is used
            ids += [t.id for t in catalogue.targets_for(indicator) if t.id not in ids]
    return ids


def offer_targets(parameter, *indicators: str):
    """A string parameter the Toolbox shows as a drop-down of the catalogues' targets (empty first), which
    still takes any id typed, in qgis_process or a model (QGIS's value hints for string parameters)."""
    metadata = dict(parameter.metadata())
    metadata["widget_wrapper"] = {**metadata.get("widget_wrapper", {}),
                                  "value_hints": [""] + target_ids(*indicators)}
    parameter.setMetadata(metadata)
    return parameter
