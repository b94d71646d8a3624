"""The desktop side of the plugin: the "Plan checks" dock panel and its helpers.

Nothing here computes a plan figure: the panel runs the provider's Processing
algorithms (by id, in a QGIS task) and shows what they return.
"""
