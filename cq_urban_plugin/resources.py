"""Where the plugin's files are, in the source tree and in the installed plugin.

In the repository, styles live at the top level (``styles/``) beside the
package; ``make package`` and ``make deploy`` copy them into the plugin folder
(``cq_urban_plugin/styles/``). Looking in both places lets the same code run
from a checkout (tests, ``qgis_process`` with QGIS_PLUGINPATH) and installed.
"""
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
CATALOGUE_DIR = PLUGIN_DIR / "catalogues"
DATA_DIR = PLUGIN_DIR / "data"  # reference geometry the checks read (the GCJ-02 shift area)
ICON_PATH = PLUGIN_DIR / "icons" / "icon.svg"

# The project's home (metadata.txt's homepage), the one place help links are built from; its README
# documents every algorithm in the section below (a GitHub heading anchor).
PROJECT_URL = "https://github.com/cq-urban/cq_urban_plugin"
ALGORITHMS_SECTION = "processing-algorithms-provider-cq_urban-重庆城镇规划校核"


def help_url(algorithm_name: str = "") -> str:
    """The README section on the provider's algorithms (the table row of ``algorithm_name``)."""
    return f"{PROJECT_URL}/blob/main/README.md#{ALGORITHMS_SECTION}"


def styles_dir() -> Path:
    for candidate in (PLUGIN_DIR / "styles", PLUGIN_DIR.parent / "styles"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"No styles folder in {PLUGIN_DIR} or {PLUGIN_DIR.parent}: reinstall the plugin."
    )


def style_path(name: str) -> Path:
    return styles_dir() / name
