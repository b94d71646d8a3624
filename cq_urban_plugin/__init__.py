"""cq_urban_plugin: Chongqing plan structures and spatial targets for QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import CqUrbanPlugin

    return CqUrbanPlugin(iface)
