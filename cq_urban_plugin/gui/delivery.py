"""The panel's "From a delivery…" button: a survey or planning delivery (a .gdb, a .gpkg, a folder of
Shapefiles) read as core/geo/delivery.py recognises it, its layers added to the project in a group of
their own (opened as they came: GBK read as GBK, the CRS their coordinates prove set on the layer, the
files untouched), and the panel's layer pickers set from them: the township layer (XZQ, its XZQMC as
the name field), the land use (DLTB), the three control lines, and the built-up land (the DLTB parcels
of 城镇村属性码 201/202, in memory). The status line says what was recognised and from what; every picker
can be changed afterwards as before.
"""
from pathlib import Path

from qgis.core import Qgis, QgsMessageLog, QgsProject
from qgis.PyQt.QtWidgets import QFileDialog

from ..core.checks.builtup import default_name_field
from ..core.errors import PlanInputError
from ..core.geo import delivery as deliveries
from ..i18n import tr

# role → the pickers it fills (their objectName; townships: the session's own picker)
PICKERS = {
    "landuse": ("plan_landuse",),
    "ecology": ("ecology", "plan_ecology"),
    "farmland": ("farmland", "plan_farmland"),
    "development": ("development", "plan_development"),
    "builtup": ("builtup", "control_builtup"),
}


def choose_delivery(session) -> bool:
    """Ask for the delivery's folder (a .gdb is a folder too) and fill the pickers from it."""
    path = QFileDialog.getExistingDirectory(session.dock, tr("Survey or planning delivery (.gdb folder, or folder "
                                                             "of Shapefiles)"))
    return bool(path) and fill_from_delivery(session, path) is not None


def fill_from_delivery(session, path):
    """Add the delivery's recognised layers to the project and set the pickers; returns {role: layer}, or
    None (the reason in the status line) when the delivery cannot be read."""
    try:
        found = deliveries.recognise(path)
        opened = {}
        for role in deliveries.ROLES:
            try:
                opened.update(deliveries.open_layers(found, [role]))
            except PlanInputError as error:  # this layer's CRS is not known: said, the others still read
                QgsMessageLog.logMessage(str(error), "cq_urban", Qgis.MessageLevel.Warning)
    except PlanInputError as error:
        session.status_label.setText(str(error))
        return None
    said = []
    if "landuse" in opened:
        layer, label, notes = opened["landuse"]
        parcels = deliveries.builtup_parcels(layer, label)
        if parcels is not None:
            opened["builtup"] = (parcels[0], parcels[0].name(), [parcels[1]])
    project = QgsProject.instance()
    group = project.layerTreeRoot().insertGroup(0, Path(str(path)).name)
    for role, (layer, label, notes) in opened.items():
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        said.append(f"{deliveries.role_name(role)}: {label}")
        for note in notes:
            QgsMessageLog.logMessage(f"{deliveries.role_name(role)}: {note}", "cq_urban", Qgis.MessageLevel.Info)
    if "townships" in opened:
        townships = opened["townships"][0]
        session.township_combo.setLayer(townships)
        field = default_name_field(townships.fields().names())
        if field:
            session.name_field_combo.setField(field)
    pickers = session.layer_pickers()
    for role, names in PICKERS.items():
        if role in opened:
            for name in names:
                if name in pickers:
                    pickers[name].setLayer(opened[role][0])
    missing = [deliveries.role_name(r) for r in ("townships", "landuse", "ecology", "farmland", "development")
               if r not in opened]
    text = tr("From the delivery {name}: {layers}.").format(name=Path(str(path)).name, layers="; ".join(said))
    if missing:
        text += " " + tr("Not in it (or its CRS unknown, see the log): {roles}.").format(roles=", ".join(missing))
    session.status_label.setText(text)
    session.delivery_layers = opened  # the layers the pickers show, for the tests and the status
    return {role: layer for role, (layer, _, _) in opened.items()}
