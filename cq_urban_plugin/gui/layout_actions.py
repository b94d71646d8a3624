"""Desktop: build a thematic map's layout in the current project and open it in
QGIS's layout designer, to edit before exporting (issue 7).

The computation is ``core.maps.content`` and ``core.maps.layout``; this module
only puts its result into the project the user has open. The styled copies of
the layers go into a group of their own at the top of the layer tree (memory
layers: save them to files if the project is to keep them); the user's layers
are not changed.
"""
from qgis.core import QgsProject

from ..core.maps import layout as core_layout
from ..core.maps.content import prepare_thematic_map
from ..i18n import tr


def add_thematic_layout(layer, theme_key: str = "role", field_name: str = "", extra_layers=(),
                        paper: str = "a3_landscape", title: str = "", atlas: bool = False,
                        project: QgsProject = None):
    """Build the layout of ``layer``'s thematic map in ``project`` (default: the
    current one) and register it with the project's layout manager; returns it."""
    project = project or QgsProject.instance()
    thematic_map = prepare_thematic_map(layer, theme_key, field_name, extra_layers, title, project=project)
    group = project.layerTreeRoot().insertGroup(0, tr("Thematic map: {title}").format(title=thematic_map.title))
    for copy in thematic_map.layers:
        group.addLayer(copy)
    manager = project.layoutManager()
    name, number = thematic_map.title, 1
    while manager.layoutByName(name) is not None:  # layout names are unique in a project
        number += 1
        name = f"{thematic_map.title} ({number})"
    built = core_layout.build_layout(thematic_map, paper, atlas, name=name)
    manager.addLayout(built)
    return built


def open_layout_in_designer(iface, layer, theme_key: str = "role", field_name: str = "", extra_layers=(),
                            paper: str = "a3_landscape", title: str = "", atlas: bool = False):
    """The menu action: the thematic map of ``layer`` in the layout designer.

    Returns the designer interface (None if QGIS could not open one)."""
    built = add_thematic_layout(layer, theme_key, field_name, extra_layers, paper, title, atlas)
    return iface.openLayoutDesigner(built)
