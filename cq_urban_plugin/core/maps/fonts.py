"""The fonts of a thematic map: a CJK family that draws Chinese, and fonts set up
so that the PDF keeps every character as text."""
from qgis.PyQt.QtGui import QFont, QFontDatabase

from ...compat import font_database
from ...i18n import tr
from ..errors import PlanInputError

PREFERRED_CJK_FONT = "Noto Sans CJK SC"  # Debian/Ubuntu: fonts-noto-cjk
# Other families that carry Simplified Chinese, best first (Windows, macOS, other Linux packages).
CJK_FALLBACKS = ("Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "微软雅黑", "PingFang SC",
                 "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans SC", "SimHei", "黑体", "Noto Serif CJK SC",
                 "SimSun", "宋体")


def cjk_font_family() -> str:
    """A font family that draws Chinese, so no label prints as boxes.

    Needs a running QGIS (QgsApplication). Raises PlanInputError telling the
    user to install fonts-noto-cjk when no such font is installed."""
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
