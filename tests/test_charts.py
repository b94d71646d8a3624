"""Charts drawn with Qt (core/maps/charts.py, issue #16): bars per township sorted by their gap to
the target, in the verdict's colours; the covered / uncovered split; and a check's report with its
charts as PNG and SVG files beside it and inline in the page. Checked by their pixels."""
import re
from pathlib import Path

import factory
import processing
from qgis.PyQt.QtGui import QColor, QImage

from cq_urban_plugin.core.maps import charts, fonts
from cq_urban_plugin.core.maps.charts import Bar, BarChart, SplitChart


def colour_runs(picture: QImage, x: int, colour: str) -> int:
    """How many separate vertical runs of ``colour`` the column ``x`` crosses (one per bar)."""
    wanted, runs, inside = QColor(colour).rgb() & 0xFFFFFF, 0, False
    for y in range(picture.height()):
        hit = (picture.pixel(x, y) & 0xFFFFFF) == wanted
        if hit and not inside:
            runs += 1
        inside = hit
    return runs


def first_row_of(picture: QImage, colour: str, x: int) -> int:
    wanted = QColor(colour).rgb() & 0xFFFFFF
    return next(y for y in range(picture.height()) if (picture.pixel(x, y) & 0xFFFFFF) == wanted)


def test_bars_sorted_by_gap_in_the_verdicts_colours(qgis_app, tmp_path):
    chart = BarChart("公交站点覆盖率：按乡镇", "%", [Bar("上磺镇", 95.0), Bar("古路镇", 40.0), Bar("峰灵镇", 70.0),
                                                    Bar("文峰镇", 99.0)], target=90.0)
    assert [b.label for b in chart.sorted_bars()] == ["古路镇", "峰灵镇", "上磺镇", "文峰镇"]
    picture = charts.image(chart, fonts.cjk_font_family())
    left = 300  # inside every bar, past the labels
    assert colour_runs(picture, left, charts.NOT_MET) == 2
    assert colour_runs(picture, left, charts.MET) == 2
    # The furthest from the target on top: the red bars above the green ones.
    assert first_row_of(picture, charts.NOT_MET, left) < first_row_of(picture, charts.MET, left)
    path = charts.write_png(chart, tmp_path / "bars.png", fonts.cjk_font_family())
    assert QImage(path).size() == picture.size()
    svg = Path(charts.write_svg(chart, tmp_path / "bars.svg", fonts.cjk_font_family())).read_text(encoding="utf-8")
    assert "<svg" in svg and svg.count(charts.NOT_MET) >= 2


def test_less_is_better_and_the_split(qgis_app):
    chart = BarChart("d", "features", [Bar("a", 0.0), Bar("b", 3.0), Bar("c", 1.0)], target=0.0, at_most=True)
    assert [b.label for b in chart.sorted_bars()] == ["b", "c", "a"]
    assert chart.colour(chart.bars[0]) == charts.MET and chart.colour(chart.bars[1]) == charts.NOT_MET
    split = SplitChart("s", "km²", [("上磺镇", 3.0, 1.0), ("古路镇", 1.0, 3.0)])
    assert [r[0] for r in split.sorted_rows()] == ["古路镇", "上磺镇"]
    picture = charts.image(split, fonts.cjk_font_family())
    assert colour_runs(picture, 150, charts.COVERED) == 2  # every row starts covered
    assert colour_runs(picture, 400, charts.UNCOVERED) == 1  # 古路镇's uncovered three quarters
    assert colour_runs(picture, 700, charts.UNCOVERED) == 2


def test_coverage_report_has_its_charts_beside_and_inside(cq_provider, tmp_path):
    sample = factory.sample_gpkg(tmp_path / "sample.gpkg")
    report = tmp_path / "coverage.html"
    results = processing.run("cq_urban:check_coverage", {
        "STOPS": sample["STOPS"], "SERVED_AREA": sample["BUILTUP"], "TOWNSHIPS": sample["TOWNSHIPS"],
        "TOWNSHIP_NAME_FIELD": "name", "RADIUS": 500, "TARGET_VALUE": 90, "REPORT": str(report)})
    files = results["CHARTS"].split(";")
    assert [Path(f).name for f in files] == ["coverage_chart1.png", "coverage_chart2.png"]
    for png in files:
        picture = QImage(png)
        assert not picture.isNull() and picture.width() == charts.WIDTH
        assert Path(png).with_suffix(".svg").is_file()
        colours = {picture.pixel(x, y) & 0xFFFFFF for x in range(0, picture.width(), 7)
                   for y in range(0, picture.height(), 5)}
        assert len(colours) > 3  # not blank
    page = report.read_text(encoding="utf-8")
    assert len(re.findall(r"<img [^>]*src='data:image/png;base64,", page)) == 2
    assert "coverage_chart1.png" in page and "<h2>Charts</h2>" in page
    assert results.get("TABLE") is None  # the table drawn from was not asked for


def test_the_searchable_font_gives_back_dashes_spaces_and_brackets_as_written(qgis_app, tmp_path):
    """Noto Sans CJK gives the en dash the figure dash's glyph (and the ideographic space the em space's,
    〈〉 those of U+2329/U+232A): the PDF's text gave 2021‒2035 for 2021–2035. The plugin's copy leaves
    the look-alikes out of its character map, so the text extracts as written."""
    import shutil
    import subprocess

    import pytest
    from fontTools.ttLib import TTFont
    from qgis.PyQt.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is installed by `make setup`")
    assert fonts.prepare_searchable_font() == fonts.SEARCHABLE_FAMILY
    cmap = TTFont(str(fonts.fonts_dir() / "CQUrbanSansSC-Regular.otf"), lazy=True).getBestCmap()
    assert 0x2013 in cmap and 0x2012 not in cmap and 0x3000 in cmap and 0x2003 not in cmap
    words = "2021–2035年 城乡　融合 〈规划〉"
    path = tmp_path / "dash.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    font = QFont(fonts.SEARCHABLE_FAMILY)
    font.setPointSize(24)
    painter.setFont(fonts.plain_font(font))
    painter.drawText(200, 800, words)
    painter.end()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    assert "2021–2035" in text and "‒" not in text
    assert "〈规划〉" in text
