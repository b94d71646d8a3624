"""Computations of the plugin: QGIS core API and numpy only, no GUI code.

Every function here can be called from a Processing algorithm, from the dock
panel, from a script, or from a test, with a real QGIS but no interface.
"""
