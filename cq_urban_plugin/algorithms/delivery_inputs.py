"""The DELIVERY parameter the checks share: a survey or planning delivery (a .gdb, a .gpkg, a
folder of Shapefiles) whose standard layers fill the layer parameters no layer was given for.

An algorithm declares ``DELIVERY_ROLES`` ({role of core/geo/delivery.py: parameter, or (parameter,
parameters that stand for the role when given)}) and calls ``add_delivery_parameters`` in its
initAlgorithm; CqAlgorithm.processAlgorithm then calls ``fill_from_delivery`` before anything reads
the parameters: each recognised layer, opened as it came (GBK read as GBK, the CRS its coordinates
prove set in memory), is put in the run's temporary layer store and its id given to its parameter,
so the algorithm reads it as any other input. Every explicit layer parameter wins over the
delivery's choice; the log says what was recognised, from what, and which layers were not used.
"""
from qgis.core import QgsProcessingParameterCrs, QgsProcessingParameterFile

from ..compat import ProcessingFileParameterBehavior, ProcessingParameterFlag
from ..core.geo import delivery as deliveries
from ..i18n import tr

DELIVERY = "DELIVERY"
DELIVERY_CRS = "DELIVERY_CRS"
# Built-up land read from a delivery's 地类图斑 (core/geo/delivery.py builtup_parcels)
BUILTUP_FROM_LANDUSE = "builtup_from_landuse"


def add_delivery_parameters(algorithm):
    algorithm.addParameter(QgsProcessingParameterFile(
        DELIVERY, tr("Survey or planning delivery (.gdb folder, .gpkg, or folder of Shapefiles)"),
        behavior=ProcessingFileParameterBehavior.Folder, optional=True))
    add_delivery_crs_parameter(algorithm)


def add_delivery_crs_parameter(algorithm):
    crs = QgsProcessingParameterCrs(
        DELIVERY_CRS, tr("CRS of the delivery's layers that have none (empty: from their coordinates)"),
        optional=True)
    crs.setFlags(crs.flags() | ProcessingParameterFlag.Advanced)
    algorithm.addParameter(crs)


def delivery_crs(algorithm, parameters, context):
    """The CRS given for the delivery's layers that have none, or None."""
    return algorithm.parameterAsCrs(parameters, DELIVERY_CRS, context) if parameters.get(DELIVERY_CRS) else None


def _given(parameters, names) -> bool:
    return any(parameters.get(name) not in (None, "") for name in names)


def fill_from_delivery(algorithm, parameters, context, feedback) -> dict:
    """Fill ``parameters`` (in place) from the delivery; returns {role: (layer, label, notes)} of the layers
    used. The layers are owned by the context's temporary store, and kept on ``algorithm`` too."""
    path = algorithm.parameterAsFile(parameters, DELIVERY, context) if DELIVERY in parameters else ""
    if not path:
        return {}
    found = deliveries.recognise(path, feedback, crs=delivery_crs(algorithm, parameters, context))
    algorithm._delivery_notes = []
    roles = {}
    for role, names in algorithm.DELIVERY_ROLES.items():
        names = (names,) if isinstance(names, str) else tuple(names)
        source_role = "landuse" if role == BUILTUP_FROM_LANDUSE else role
        if source_role not in deliveries.ROLES:
            continue  # a role no standard layer fills (stops, roads …)
        if _given(parameters, names):
            if found.layer(source_role) is not None:
                feedback.pushInfo(tr("{role}: parameter {parameter} was given; the delivery's {layer} is not "
                                     "used.").format(role=deliveries.role_name(source_role), parameter=names[0],
                                                     layer=found.layer(source_role).name))
            continue
        roles[role] = names[0]
    wanted = {"landuse" if r == BUILTUP_FROM_LANDUSE else r for r in roles}
    opened = deliveries.open_layers(found, tuple(wanted))
    used = {}
    for role, parameter in roles.items():
        shown = deliveries.role_name("builtup" if role == BUILTUP_FROM_LANDUSE else role)
        if role == BUILTUP_FROM_LANDUSE and "landuse" in opened:
            layer, label, notes = opened["landuse"]
            parcels = deliveries.builtup_parcels(layer, label, feedback)
            if parcels is None:
                continue
            used[role] = (parcels[0], parcels[0].name(), notes + [parcels[1]])
        elif role in opened:
            used[role] = opened[role]
        elif role == "townships" and getattr(algorithm, "DELIVERY_DERIVES_TOWNSHIPS", False) and "landuse" in opened:
            derived, note = deliveries.derived_townships(*opened["landuse"][:2], feedback=feedback)
            used[role] = (derived, derived.name(), [])
            feedback.pushWarning(note)
            algorithm._delivery_notes.append(note)
        else:
            feedback.pushInfo(tr("No layer for {role} in the delivery (parameter {parameter}).").format(
                role=shown, parameter=parameter))
            continue
        layer, label, notes = used[role]
        context.temporaryLayerStore().addMapLayer(layer)
        parameters[parameter] = layer.id()
        said = [f"{shown}: {note}" for note in notes] + [
            tr("Parameter {parameter}: {layer} from the delivery {path}.").format(parameter=parameter, layer=label,
                                                                                 path=path)]
        for line in said:
            feedback.pushInfo(line)
        algorithm._delivery_notes.extend(said)
    algorithm._delivery_layers = used  # the layers must outlive the run that reads them
    return used


def delivery_notes(algorithm) -> list:
    """What the last run read from its delivery, for the report (empty without a delivery)."""
    return list(getattr(algorithm, "_delivery_notes", []))
