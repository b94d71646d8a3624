"""Where the plugin's files are, in the source tree and in the installed plugin.

In the repository, styles live at the top level (``styles/``) beside the
package; ``make package`` and ``make deploy`` copy them into the plugin folder
(``cq_urban_plugin/styles/``). Looking in both places lets the same code run
from a checkout (tests, ``qgis_process`` with QGIS_PLUGINPATH) and installed.
"""
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
CATALOGUE_DIR = PLUGIN_DIR / "catalogues"
ICON_PATH = PLUGIN_DIR / "icons" / "icon.svg"


def styles_dir() -> Path:
    for candidate in (PLUGIN_DIR / "styles", PLUGIN_DIR.parent / "styles"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"No styles folder in {PLUGIN_DIR} or {PLUGIN_DIR.parent}: reinstall the plugin."
    )


def style_path(name: str) -> Path:
    return styles_dir() / name
