"""Charts of a check, drawn with Qt (QPainter into a QImage for PNG, QSvgGenerator for SVG): no
matplotlib, no widget. Texts are the caller's (in the report's language) and this module's own few
words through ``tr()``; the font is the maps' CJK family, so Chinese names draw as characters.

Two kinds:
- ``BarChart``: one bar per township (or per target) beside the target: bars sorted by their gap
  (the furthest from the target first), green where the target is met, red where not, blue without
  a target; the target a dashed line.
- ``SplitChart``: the covered / uncovered split of each township's served area, stacked.
"""
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from ...i18n import tr
from ..files.atomic import atomic_write, atomic_write_bytes

MET, NOT_MET, NEUTRAL = "#1a9641", "#d7191c", "#4575b4"
COVERED, UNCOVERED = "#1a9641", "#d7191c"
TARGET_LINE = "#222222"
WIDTH, ROW, TOP, BOTTOM = 900, 24, 64, 46


@dataclass
class Bar:
    label: str
    value: Optional[float]
    target: Optional[float] = None      # the bar's own target (else the chart's)
    passed: Optional[bool] = None


@dataclass
class BarChart:
    title: str
    unit: str
    bars: List[Bar]
    target: Optional[float] = None
    at_most: bool = False               # a ≤ target: less is better
    label_size: float = 10.0            # points of the names and figures (a dossier's page shrinks the image)
    decimals: Optional[int] = None      # of the figures written (0: counts, persons); None: by their size

    def sorted_bars(self) -> List[Bar]:
        """The furthest from its target first (without a target: the largest first)."""
        def shortfall(bar):
            target = bar.target if bar.target is not None else self.target
            if bar.value is None:
                return float("-inf")
            if target is None:
                return bar.value
            return bar.value - target if self.at_most else target - bar.value
        return sorted(self.bars, key=shortfall, reverse=True)

    def colour(self, bar: Bar) -> str:
        passed = bar.passed
        target = bar.target if bar.target is not None else self.target
        if passed is None and target is not None and bar.value is not None:
            passed = bar.value <= target if self.at_most else bar.value >= target
        return {True: MET, False: NOT_MET, None: NEUTRAL}[passed]


@dataclass
class SplitChart:
    title: str
    unit: str
    rows: List[Tuple[str, float, float]] = field(default_factory=list)   # (label, covered, uncovered)
    label_size: float = 10.0

    def sorted_rows(self):
        """The largest uncovered share first."""
        def share(row):
            whole = row[1] + row[2]
            return -(row[2] / whole) if whole > 0 else 0.0
        return sorted(self.rows, key=share)



def _text_flags(*members) -> int:
    """Alignment and text flags for QPainter.drawText, whose flags are an int in Qt 5 and 6 alike
    (Qt 6's enums do not combine across their types: AlignmentFlag | TextFlag)."""
    combined = 0
    for member in members:
        combined |= getattr(member, "value", member)
    return combined

def chart_height(chart) -> int:
    count = len(chart.bars) if isinstance(chart, BarChart) else len(chart.rows)
    return TOP + BOTTOM + ROW * max(count, 1)


def _font(family: str, size: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _number(value: float, decimals: Optional[int] = None) -> str:
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    return f"{value:,.1f}" if abs(value) >= 10 else f"{value:,.2f}"


def draw(chart, painter: QPainter, width: int, height: int, family: str):
    """Draw ``chart`` on ``painter`` over a white ``width`` × ``height`` area."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
    painter.setPen(QColor("#222222"))
    painter.setFont(_font(family, 13 if width >= 700 else 11, bold=True))
    painter.drawText(QRectF(12, 4, width - 24, 36),  # a narrow chart's title on two lines
                     _text_flags(Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignVCenter, Qt.TextFlag.TextWordWrap),
                     chart.title)
    label_font = _font(family, chart.label_size)
    metrics = QFontMetricsF(label_font)
    labels = [b.label for b in chart.bars] if isinstance(chart, BarChart) else [r[0] for r in chart.rows]
    left = 16 + min(max([metrics.horizontalAdvance(t) for t in labels] + [40]), width * 0.3)
    right = width - 90
    if isinstance(chart, BarChart):
        _draw_bars(chart, painter, left, right, height, label_font)
    else:
        _draw_split(chart, painter, left, right, height, label_font)


def _legend(painter, items, y, font):
    painter.setFont(font)
    x = 16.0
    metrics = QFontMetricsF(font)
    for colour, text in items:
        painter.fillRect(QRectF(x, y - 9, 12, 12), QColor(colour))
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(x + 16, y - 12, metrics.horizontalAdvance(text) + 4, 18),
                         _text_flags(Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignVCenter), text)
        x += 30 + metrics.horizontalAdvance(text)


def _draw_bars(chart: BarChart, painter, left, right, height, font):
    bars = chart.sorted_bars()
    values = [b.value for b in bars if b.value is not None]
    targets = [t for t in [chart.target] + [b.target for b in bars] if t is not None]
    top_value = max(values + targets + [0.0]) or 1.0
    low_value = min(values + targets + [0.0])
    span = (top_value - low_value) or 1.0

    def x_of(value):
        return left + (right - left) * (value - low_value) / span

    painter.setFont(font)
    for index, bar in enumerate(bars):
        y = TOP + index * ROW
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(8, y, left - 14, ROW),
                         _text_flags(Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignVCenter), bar.label)
        if bar.value is None:
            painter.drawText(QRectF(left + 4, y, 120, ROW), _text_flags(Qt.AlignmentFlag.AlignVCenter), "—")
            continue
        start, end = sorted((x_of(0.0), x_of(bar.value)))
        painter.fillRect(QRectF(start, y + 4, max(end - start, 1.0), ROW - 8), QColor(chart.colour(bar)))
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(end + 4, y, 86, ROW), _text_flags(Qt.AlignmentFlag.AlignVCenter),
                         _number(bar.value, chart.decimals))
        if bar.target is not None and chart.target is None:
            pen = QPen(QColor(TARGET_LINE), 2)
            painter.setPen(pen)
            painter.drawLine(int(x_of(bar.target)), int(y + 2), int(x_of(bar.target)), int(y + ROW - 2))
    bottom = TOP + ROW * max(len(bars), 1)
    painter.setPen(QPen(QColor("#777777"), 1))
    painter.drawLine(int(x_of(0.0)), TOP - 4, int(x_of(0.0)), int(bottom))
    items = [(MET, tr("target met")), (NOT_MET, tr("target not met"))] if targets else []
    if chart.target is not None:
        pen = QPen(QColor(TARGET_LINE), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        x = x_of(chart.target)
        painter.drawLine(int(x), TOP - 6, int(x), int(bottom + 4))
        painter.setPen(QColor(TARGET_LINE))
        figure = f"{_number(chart.target, chart.decimals)} {chart.unit}".strip()
        painter.drawText(QRectF(x - 100, TOP - 26, 200, 18), _text_flags(Qt.AlignmentFlag.AlignCenter),
                         tr("target {value}").format(value=figure))
    painter.setPen(QColor("#555555"))
    painter.drawText(QRectF(right - 200, bottom + 6, 280, 18), _text_flags(Qt.AlignmentFlag.AlignRight), chart.unit)
    _legend(painter, items, bottom + 26, font)


def _draw_split(chart: SplitChart, painter, left, right, height, font):
    rows = chart.sorted_rows()
    top_value = max([c + u for _, c, u in rows] + [0.0]) or 1.0
    painter.setFont(font)
    for index, (label, covered, uncovered) in enumerate(rows):
        y = TOP + index * ROW
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(8, y, left - 14, ROW),
                         _text_flags(Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignVCenter), label)
        scale = (right - left) / top_value
        painter.fillRect(QRectF(left, y + 4, max(covered * scale, 0.0), ROW - 8), QColor(COVERED))
        painter.fillRect(QRectF(left + covered * scale, y + 4, max(uncovered * scale, 0.0), ROW - 8),
                         QColor(UNCOVERED))
        whole = covered + uncovered
        share = f"{100.0 * covered / whole:.1f}%" if whole > 0 else "—"
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(left + whole * scale + 4, y, 86, ROW), _text_flags(Qt.AlignmentFlag.AlignVCenter),
                         share)
    bottom = TOP + ROW * max(len(rows), 1)
    painter.setPen(QColor("#555555"))
    painter.drawText(QRectF(right - 200, bottom + 6, 280, 18), _text_flags(Qt.AlignmentFlag.AlignRight), chart.unit)
    _legend(painter, [(COVERED, tr("covered")), (UNCOVERED, tr("uncovered"))], bottom + 26, font)


def image(chart, family: str, width: int = WIDTH) -> QImage:
    height = chart_height(chart)
    picture = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    picture.fill(QColor("white"))
    painter = QPainter(picture)
    try:
        draw(chart, painter, width, height, family)
    finally:
        painter.end()
    return picture


def png_bytes(chart, family: str, width: int = WIDTH) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image(chart, family, width).save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def write_png(chart, path, family: str, width: int = WIDTH) -> str:
    content = png_bytes(chart, family, width)
    return atomic_write_bytes(path, content)


def write_svg(chart, path, family: str, width: int = WIDTH) -> str:
    from qgis.PyQt.QtSvg import QSvgGenerator

    height = chart_height(chart)

    def write(temporary):
        generator = QSvgGenerator()
        generator.setFileName(str(temporary))
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setTitle(chart.title)
        painter = QPainter(generator)
        try:
            draw(chart, painter, width, height, family)
        finally:
            painter.end()

    return atomic_write(path, write)

