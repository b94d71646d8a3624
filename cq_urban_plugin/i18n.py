"""Qt translation for the plugin: one context, one translator, QGIS's locale.

Every user-facing string goes through ``tr()``. ``pylupdate5`` files calls of a
module-level ``tr("…")`` under the ``@default`` context, so that is the context
used here; ``make ts`` collects the strings into ``i18n/cq_urban_zh_Hans.ts``
and ``make qm`` compiles them.
"""
from contextlib import contextmanager
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"
_translator = None


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


def language() -> str:
    """The language texts are written in now: 'zh' while the Chinese translation is installed, else 'en'."""
    return "zh" if _translator is not None else "en"


def qgis_locale() -> str:
    """The locale QGIS shows its interface in ('zh_Hans', 'en_US', …)."""
    settings = QSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = QLocale.system().name()
    return name or "en_US"


def qm_for_locale(locale: str):
    """The compiled translation for a locale, or None for English."""
    lang = locale.replace("-", "_")
    if lang.startswith("zh"):
        # QGIS writes Simplified Chinese as zh-Hans (3.22+) or zh_CN / zh (older).
        candidate = I18N_DIR / "cq_urban_zh_Hans.qm"
        return candidate if candidate.exists() else None
    return None


def install_translator(locale: str = None) -> bool:
    """Load the translation for ``locale`` (default: QGIS's) once per process."""
    global _translator
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    qm = qm_for_locale(locale or qgis_locale())
    if qm is None:
        return False
    translator = QTranslator()
    if not translator.load(str(qm)):
        return False
    app.installTranslator(translator)
    _translator = translator
    return True


def remove_translator():
    global _translator
    app = QCoreApplication.instance()
    if app is not None and _translator is not None:
        app.removeTranslator(_translator)
    _translator = None


LANGUAGES = ("", "zh", "en")  # the LANGUAGE enum of cq_urban:export_map: the interface's, Chinese, English


@contextmanager
def texts_in(wanted: str = ""):
    """Texts built inside the block in ``wanted`` ('zh' or 'en'; '' leaves the interface's),
    the interface's translation put back after. The translator is the whole application's:
    meant for work on the main thread (a map export), not for a background task."""
    before = language()
    if not wanted or wanted == before:
        yield
        return
    if wanted == "zh":
        install_translator("zh_Hans")
    else:
        remove_translator()
    try:
        yield
    finally:
        if before == "zh":
            install_translator("zh_Hans")
        else:
            remove_translator()
