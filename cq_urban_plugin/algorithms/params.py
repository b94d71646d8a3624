"""Parameters several algorithms share, defined once."""
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from ..core.plan.catalogue import bundled_catalogue, bundled_catalogue_paths, load_catalogue
from ..i18n import tr

CATALOGUE = "CATALOGUE"
CATALOGUE_FILE = "CATALOGUE_FILE"


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


def target_ids(indicator: str):
    """The ids of the bundled catalogues' targets of ``indicator``, in catalogue order, once each."""
    from ..core.errors import CatalogueError

    ids = []
    for path in bundled_catalogue_paths():
        try:
            catalogue = load_catalogue(path)
        except CatalogueError:
            continue  # a broken bundled file is reported where it is used
        ids += [t.id for t in catalogue.targets_for(indicator) if t.id not in ids]
    return ids


def offer_targets(parameter, indicator: str):
    """A string parameter the Toolbox shows as a drop-down of the catalogues' targets (empty first), which
    still takes any id typed, in qgis_process or a model (QGIS's value hints for string parameters)."""
    metadata = dict(parameter.metadata())
    metadata["widget_wrapper"] = {**metadata.get("widget_wrapper", {}), "value_hints": [""] + target_ids(indicator)}
    parameter.setMetadata(metadata)
    return parameter
