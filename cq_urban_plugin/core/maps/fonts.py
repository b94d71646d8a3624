"""The fonts of a thematic map: a CJK family that draws Chinese, and fonts set up
so that the PDF keeps every character as text — the very characters.

Noto Sans CJK gives one glyph to an ideograph and to the radical that looks
like it (一 U+4E00 and ⼀ U+2F00, 长 and ⻓ U+2ED3 …). Qt's PDF writer writes
each glyph's text as the first code point the font's character map gives it,
and the radicals (U+2E80–U+2FDF) come first: text copied, searched or
extracted from the PDF then reads ⼀, ⽯, ⼭ where the map shows 一, 石, 山, and
a search for 石蟆镇 finds nothing. ``prepare_searchable_font`` therefore
registers a copy of the installed Noto Sans CJK SC whose character map leaves
the radical blocks out (nothing else changes: same outlines, same metrics),
under its own family name, built once into the QGIS profile. The plan's texts
hold no radicals, so nothing drawn is lost.
"""
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Optional

from qgis.PyQt.QtGui import QFont, QFontDatabase

from ...compat import font_database
from ...i18n import tr
from ..errors import PlanInputError

PREFERRED_CJK_FONT = "Noto Sans CJK SC"  # Debian/Ubuntu: fonts-noto-cjk
# Other families that carry Simplified Chinese, best first (Windows, macOS, other Linux packages).
CJK_FALLBACKS = ("Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "微软雅黑", "PingFang SC",
                 "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans SC", "SimHei", "黑体", "Noto Serif CJK SC",
                 "SimSun", "宋体")


# The searchable copy: the SIL Open Font License lets a modified font be used under another
# name (Noto Sans CJK is Adobe's Source Han Sans, Reserved Font Name "Source").
SEARCHABLE_FAMILY = "CQ Urban Sans SC"
RADICAL_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))  # CJK Radicals Supplement, Kangxi Radicals
# Code points that share a glyph with one a plan's text uses and come before it, so the PDF's text would
# give them instead: figure dash for the en dash (2021–2035), em space for the ideographic space,
# U+2329/U+232A for 〈 〉, division slash for ／, reversed prime for ｀. Out of the character map too.
ALIASES_OUT = ((0x2003, 0x2003), (0x2012, 0x2012), (0x2035, 0x2035), (0x2215, 0x2215), (0x2329, 0x232A))
# The version of what is left out, kept beside the copy (<copy>.build): a profile's older copy is rebuilt.
_BUILD = "2"
_NOTO_FILES = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
_NOTO_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/share/fonts/google-noto-cjk",
              "/Library/Fonts", os.path.expanduser("~/.local/share/fonts"), os.path.expanduser("~/Library/Fonts"),
              os.path.join(os.environ.get("WINDIR", "C:/Windows"), "Fonts"))
_prepared = {"family": None, "reason": ""}
_lock = threading.Lock()


def _noto_file(style: str) -> Optional[Path]:
    """The installed Noto Sans CJK collection of ``style`` (fontconfig first, then the usual folders)."""
    if shutil.which("fc-match"):
        query = f"{PREFERRED_CJK_FONT}:style={style}"
        found = subprocess.run(["fc-match", query, "--format=%{file}"], capture_output=True, text=True,
                               timeout=20).stdout.strip()
        if found.endswith(_NOTO_FILES[style]) and Path(found).exists():
            return Path(found)
    for folder in _NOTO_DIRS:
        candidate = Path(folder) / _NOTO_FILES[style]
        if candidate.exists():
            return candidate
    return None


def _without_radicals(collection: Path, target: Path):
    """``target``: the Simplified Chinese face of ``collection`` with the radical blocks out of
    its character map and its family renamed; its outlines (CFF) are copied as they are."""
    from fontTools.ttLib import TTFont, TTLibError

    for number in range(12):
        try:
            font = TTFont(str(collection), fontNumber=number, lazy=True, recalcBBoxes=False,
                          recalcTimestamp=False)
        except (TTLibError, IndexError):
            break
        if font["name"].getDebugName(1) != PREFERRED_CJK_FONT:
            continue
        for table in font["cmap"].tables:
            for code in [c for c in table.cmap if any(low <= c <= high for low, high in RADICAL_BLOCKS + ALIASES_OUT)]:
                del table.cmap[code]
        font.getGlyphOrder()
        font.tables.pop("CFF ", None)  # read only for the glyph order: written back byte for byte
        for record in font["name"].names:
            if record.nameID in (1, 3, 4, 6, 16, 17, 21):
                record.string = (record.toUnicode().replace(PREFERRED_CJK_FONT, SEARCHABLE_FAMILY)
                                 .replace("NotoSansCJKsc", "CQUrbanSansSC"))
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        font.save(str(partial), reorderTables=False)
        os.replace(partial, target)
        return
    raise ValueError(f"{collection} holds no {PREFERRED_CJK_FONT}")


def fonts_dir() -> Path:
    from qgis.core import QgsApplication

    return Path(QgsApplication.qgisSettingsDirPath()) / "cq_urban_plugin" / "fonts"


def prepare_searchable_font() -> Optional[str]:
    """Register the searchable copy of Noto Sans CJK SC (built into the profile once, about
    a second) and return its family; None, with the reason in ``searchable_font_note()``,
    where Noto Sans CJK or fontTools is missing. Call on the main thread (Qt's font database)."""
    with _lock:
        if _prepared["family"] or _prepared["reason"]:
            return _prepared["family"]
        try:
            import fontTools  # noqa: F401 (Debian: python3-fonttools; QGIS's Windows installer ships it)
        except ImportError:
            _prepared["reason"] = tr("fontTools is not installed")
            return None
        registered = False
        for style in _NOTO_FILES:
            source = _noto_file(style)
            if source is None:
                continue
            target = fonts_dir() / f"CQUrbanSansSC-{style}.otf"
            built = target.with_suffix(".build")
            try:
                if not target.exists() or target.stat().st_mtime < source.stat().st_mtime or \
                        not built.exists() or built.read_text(encoding="utf-8").strip() != _BUILD:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    _without_radicals(source, target)
                    built.write_text(_BUILD, encoding="utf-8")
            except Exception as error:  # noqa: BLE001 (any failure: the installed font is used as it is)
                _prepared["reason"] = str(error)
                continue
            registered |= QFontDatabase.addApplicationFont(str(target)) >= 0
        if registered:
            _prepared["family"] = SEARCHABLE_FAMILY
        elif not _prepared["reason"]:
            _prepared["reason"] = tr("Noto Sans CJK is not installed")
        return _prepared["family"]


def searchable_font_note() -> str:
    """Why the map's text may extract with radicals (empty when it will not)."""
    if _prepared["family"] or not _prepared["reason"]:
        return ""
    return tr("The PDF's text may copy some characters as look-alike radicals (一 as ⼀): {reason}. Install "
              "fonts-noto-cjk and python3-fonttools (or run `make setup`) for text that searches and copies "
              "exactly.").format(reason=_prepared["reason"])


def cjk_font_family() -> str:
    """A font family that draws Chinese, so no label prints as boxes: the searchable copy
    of Noto Sans CJK SC where it could be prepared, else an installed Chinese family.

    Needs a running QGIS (QgsApplication). Raises PlanInputError telling the
    user to install fonts-noto-cjk when no such font is installed."""
    from ..geo.transforms import on_main_thread

    if _prepared["family"] or (on_main_thread() and prepare_searchable_font()):
        return _prepared["family"]
    database = font_database()
    families = set(database.families())
    for name in (PREFERRED_CJK_FONT, *CJK_FALLBACKS):
        if name in families:
            return name
    chinese = [f for f in database.families(QFontDatabase.WritingSystem.SimplifiedChinese)
               if not database.isSymbolic(f) and "mono" not in f.lower()]
    sans = [f for f in chinese if "sans" in f.lower() or "hei" in f.lower()]
    if sans or chinese:
        return (sans or chinese)[0]
    raise PlanInputError(
        tr("No font with Chinese characters is installed, so the map's names would print as boxes."),
        tr("Install the Noto CJK fonts (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; or run `make setup`) "
           "or any Simplified Chinese font, then restart QGIS."))


def sized_font(family: str, size: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    return plain_font(font)


def plain_font(font: QFont) -> QFont:
    """No contextual glyph substitution: with it, Noto Sans CJK draws digits after
    letters (CGCS2000, 2021－2035) with glyphs Qt's PDF writer cannot map back to
    text, so they would be missing from the PDF's text (search, copy, pdftotext)."""
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font
