"""What the plugin needs beside QGIS, and the one message that says what is missing.

The checks' kernels need shapely 2 (core/kernels). QGIS's Windows and macOS installers
ship it; Debian 13 ships it as python3-shapely; Debian 12 ships shapely 1.8, so there
it comes from PyPI into the user's site-packages, which QGIS's Python reads. The
plugin says so when it loads, and every algorithm refuses with the same message.
"""
import sys
from typing import Optional

from .core import kernels
from .i18n import tr


def install_command() -> str:
    """The one command that installs what is missing, for this platform's QGIS."""
    need = ".".join(str(n) for n in kernels.SHAPELY_MIN)
    if sys.platform.startswith("win"):
        return f'python -m pip install "shapely>={need}"  (in the OSGeo4W Shell)'
    if sys.platform == "darwin":
        return f'/Applications/QGIS.app/Contents/MacOS/bin/pip3 install "shapely>={need}"'
    return f'python3 -m pip install --user --break-system-packages "shapely>={need}"'


def missing_message() -> Optional[str]:
    """None when everything is there; else what is missing and how to install it."""
    if not kernels.shapely_missing():
        return None
    found = kernels.shapely_version()
    need = ".".join(str(n) for n in kernels.SHAPELY_MIN)
    return tr("The Chongqing plan checks need shapely {need} or newer for their geometry work; this QGIS's "
              "Python has {found}. Install it with: {command} — then restart QGIS.").format(
        need=need, found=found if found else tr("none"), command=install_command())
