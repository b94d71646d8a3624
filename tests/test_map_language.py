"""Maps and reports in one language (issue #16): with the Chinese translator installed, an
exported map and a check's report hold no English word outside proper names, codes and
units; in English they hold no Chinese interface text, only the plan's own names. The
coverage map of the 巫溪 sample draws the township boundaries and the served area, and takes
its title from the catalogue; a report names each input (and each data note) by its layer,
not by its GeoPackage file.

The sample runs as the demo runs it (batch/recipes/wuxi.json): cq_urban:tag_townships,
cq_urban:check_coverage, cq_urban:export_map on the check's service area with the uncovered
land on top, through real Processing. Text is read back with poppler (pdftotext), images
with pdftoppm and QImage.
"""
import ast
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from cq_urban_plugin import i18n
from cq_urban_plugin.core.checks import report
from cq_urban_plugin.core.maps import content
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "cq_urban_plugin"
WUXI = REPO / "layers" / "wuxi.gpkg"
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils is installed by `make setup`")

CJK = re.compile("[\u2e80-\u2fdf\u3400-\u9fff\uf900-\ufaff]")  # ideographs, not punctuation
# Words that are names or units in any language: the coordinate system's code, units,
# the plugin's own name is a code (cq_urban_plugin: it has an underscore).
ALLOWED_WORDS = {"EPSG", "km", "km²", "m²", "N"}


def english_words(text: str, also_allowed=()) -> list:
    """Words of Latin letters in ``text`` that are neither a code (with a digit, an underscore
    or a dot: 004_de8bb285974af80e.txt, wuxi.gpkg, CGCS2000) nor in the allow-list."""
    allowed = ALLOWED_WORDS | set(also_allowed)
    words = re.findall(r"[A-Za-z0-9_.²\-]+", text)
    return sorted({w for w in words if re.search("[A-Za-z]{2,}", w) and not re.search(r"[0-9_.]", w)
                   and w.strip("-") not in allowed})


def plan_names(catalogue, *layers) -> list:
    """Every name the plan (and the data) gives: these stay Chinese in the English interface."""
    names = {catalogue.name}
    names.update(d.title for d in catalogue.documents.values())
    for structure in catalogue.structures:
        names.add(structure.name)
        for plan_class in structure.classes:
            names.update({plan_class.value, plan_class.label, *(m.name for m in plan_class.members)})
    names.update(t.label for t in catalogue.targets)
    for township in catalogue.townships:
        names.update({township.name, *township.aliases})
    for layer in layers:
        for field_name in content.TOWNSHIP_NAME_FIELDS:
            index = layer.fields().indexOf(field_name)
            if index >= 0:
                names.update(str(v) for v in layer.uniqueValues(index) if v)
    return sorted((n for n in names if n), key=len, reverse=True)


def without(text: str, names) -> str:
    squeezed = "".join(text.split())
    for name in names:
        squeezed = squeezed.replace("".join(name.split()), "")
    return squeezed


def data_words(*layers) -> set:
    """The words of what the layers say of their own provenance (the sample data's English
    'schematic township: seeded Voronoi cell …'): the data's words, not the interface's."""
    words = set()
    for layer in layers:
        for field_name in content.PROVENANCE_FIELDS:
            index = layer.fields().indexOf(field_name)
            if index >= 0:
                for value in layer.uniqueValues(index):
                    words.update(re.findall(r"[A-Za-z]+", str(value)))
    return words


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def html_text(path) -> str:
    page = Path(path).read_text(encoding="utf-8")
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def html_section(path, heading: str) -> str:
    """The text under an <h2> of a report, up to the next heading."""
    page = Path(path).read_text(encoding="utf-8")
    match = re.search(rf"<h2>{re.escape(html.escape(heading))}</h2>(.*?)(?=<h2>|</body>)", page, re.S)
    assert match, heading
    return html.unescape(re.sub(r"<[^>]+>", "\n", match.group(1)))


# --- the root of the English in Chinese reports ---------------------------------

def _tr_in_fstrings(path: Path) -> list:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and getattr(inner.func, "id", None) == "tr":
                    found.append(f"{path.relative_to(PACKAGE)}:{inner.lineno}")
    return found


def test_no_tr_call_inside_an_f_string():
    """pylupdate5 reads an f-string as one string token: a tr('Generated') inside one never
    reaches the translation file, so the report said 'Generated', 'Method', 'Inputs' and
    'Data notes' in English in the Chinese interface."""
    found = [hit for path in sorted(PACKAGE.rglob("*.py")) for hit in _tr_in_fstrings(path)]
    assert found == []


def test_report_headings_units_scopes_and_yes_no_follow_the_language(qgis_app):
    from cq_urban_plugin.core.checks.targets import TargetResult

    rows = [TargetResult("城区公交站点500米覆盖率", "jurisdiction", 90.0, 68.4, "percent", year=2025)]
    tables = [("t", ["a", "b", "c"], [("上磺镇", "no", True), ("古路镇", "yes", False)])]
    assert i18n.install_translator("zh_Hans"), "cq_urban_zh_Hans.qm missing: run `make qm`"
    try:
        chinese = report.render_report("公交站点覆盖率", rows, tables=tables, notes=["n"], method="m",
                                       inputs=["bus_stops"])
    finally:
        i18n.remove_translator()
    english = report.render_report("Bus-stop coverage", rows, tables=tables, notes=["n"], method="m",
                                   inputs=["bus_stops"])
    chinese_text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", chinese, flags=re.S)))
    for word in ("生成于", "指标", "方法", "输入数据", "数据说明", "全域", "是", "否", "%"):
        assert word in chinese_text, word
    assert english_words(chinese_text, {"bus_stops"}) == []
    assert "lang='zh-CN'" in chinese and "lang='en'" in english
    for word in ("Generated", "Targets", "Method", "Inputs", "Data notes", "jurisdiction", ">yes<", ">no<", ">%<"):
        assert word in english, word
    assert "percent" not in english


def test_report_tables_write_percentages_with_one_decimal_and_persons_whole(qgis_app):
    from cq_urban_plugin.i18n import tr

    for chinese in (False, True):
        if chinese:
            assert i18n.install_translator("zh_Hans"), "cq_urban_zh_Hans.qm missing: run `make qm`"
        try:
            headers = [tr(h) for h in ("Township", "Served area (km²)", "Coverage by area (%)", "Population served",
                                       "m² per person")]
            rows = [("上磺镇", 1.23456, 68.4321, 12345.6, 81.25)]
            page = report.render_report("t", [], tables=[("t", headers, rows)])
        finally:
            i18n.remove_translator()
        for cell in ("1.235", "68.4", "12,346", "81.250"):
            assert f"<td>{cell}</td>" in page, (cell, headers)


# --- the 巫溪 sample as the demo runs it ----------------------------------------------

def run_wuxi(folder: Path, language: str):
    """tag_townships, check_coverage and export_map (PDF and PNG) on the 巫溪 sample, in ``language``."""
    import processing

    folder.mkdir(parents=True, exist_ok=True)
    if language == "zh":
        assert i18n.install_translator("zh_Hans"), "cq_urban_zh_Hans.qm missing: run `make qm`"
    try:
        tagged = processing.run("cq_urban:tag_townships", {
            "INPUT": f"{WUXI}|layername=townships", "NAME_FIELD": "name", "CATALOGUE": "wuxi",
            "OUTPUT": str(folder / "wuxi_townships_tagged.gpkg"), "MATCH_REPORT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        coverage = processing.run("cq_urban:check_coverage", {
            "STOPS": f"{WUXI}|layername=bus_stops", "SERVED_AREA": f"{WUXI}|layername=builtup",
            "TOWNSHIPS": tagged, "TOWNSHIP_NAME_FIELD": "name", "RADIUS": 500, "CATALOGUE": "wuxi",
            "SERVICE_AREA": str(folder / "wuxi_bus_service_area.gpkg"),
            "UNCOVERED": str(folder / "wuxi_bus_uncovered.gpkg"),
            "REPORT": str(folder / "wuxi_bus_coverage.html"), "TARGET_ID": "bus_stop_500m_2025"})
        maps = {}
        for name, townships in (("wuxi_map_coverage", tagged), ("wuxi_map_coverage_alone", None)):
            for extension in (".pdf", ".png"):
                parameters = {"INPUT": coverage["SERVICE_AREA"], "THEME": 6, "EXTRA_LAYERS": [coverage["UNCOVERED"]],
                              "PAPER": 0, "DPI": 100, "OUTPUT": str(folder / f"{name}{extension}")}
                if townships is not None:
                    parameters["TOWNSHIPS"] = townships
                maps[name + extension] = processing.run("cq_urban:export_map", parameters)["OUTPUT"]
    finally:
        i18n.remove_translator()
    return {"tagged": tagged, "report": coverage["REPORT"], **maps}


@pytest.fixture(scope="module")
def wuxi_runs(tmp_path_factory):
    return {}


@pytest.fixture
def wuxi(cq_provider, tmp_path_factory, wuxi_runs):
    """The runs, once a language in the module."""
    def get(language):
        if language not in wuxi_runs:
            wuxi_runs[language] = run_wuxi(tmp_path_factory.mktemp(f"wuxi_{language}"), language)
        return wuxi_runs[language]
    return get


@pytest.fixture(scope="module")
def wuxi_catalogue():
    return bundled_catalogue("wuxi")


def coverage_title(catalogue) -> str:
    target = catalogue.target("bus_stop_500m_2025")
    document = catalogue.documents[target.cite.doc]
    return f"{document.title}：{target.label}"


@needs_poppler
def test_chinese_coverage_map_has_no_english_and_its_title_is_the_catalogues(wuxi, wuxi_catalogue):
    run = wuxi("zh")
    tagged = QgsVectorLayer(run["tagged"], "tagged", "ogr")
    text = pdf_text(run["wuxi_map_coverage.pdf"])
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # The title is the plan and the indicator, from the catalogue; never the layer's or the file's name.
    assert lines[0] == coverage_title(wuxi_catalogue), lines[:3]
    assert "wuxi_bus_service_area" not in lines[0] + lines[1]
    assert lines[1].startswith(f"{wuxi_catalogue.name} · 公交站点覆盖率校核"), lines[1]
    for legend in ("乡镇", "未覆盖区域", "服务范围（半径以内）"):
        assert legend in text, legend
    assert "CGCS2000 / 3度带高斯-克吕格投影" in text and "EPSG:4545" in text  # a code is not broken at its colon
    assert english_words(text, data_words(tagged)) == []


@needs_poppler
def test_english_coverage_map_holds_no_chinese_interface_text(wuxi, wuxi_catalogue):
    run = wuxi("en")
    tagged = QgsVectorLayer(run["tagged"], "tagged", "ogr")
    text = pdf_text(run["wuxi_map_coverage.pdf"])
    assert text.splitlines()[0].strip() == coverage_title(wuxi_catalogue)
    for legend in ("Townships", "Uncovered areas", "Served area (within the radius)", "Legend"):
        assert legend in text, legend
    left = without(text, plan_names(wuxi_catalogue, tagged))
    assert CJK.findall(left) == [], left


@needs_poppler
def test_coverage_map_draws_the_township_boundaries_and_the_served_area(wuxi):
    """巫溪's coverage map drew the uncovered patches and the labels but no township
    boundaries and no served area (issue #16): the boundaries are drawn now, from TOWNSHIPS."""
    from test_export_map import colour_count

    run = wuxi("en")
    drawn = QImage(run["wuxi_map_coverage.png"])
    alone = QImage(run["wuxi_map_coverage_alone.png"])
    assert not drawn.isNull() and not alone.isNull()
    boundary = colour_count(drawn, content.OUTLINE["outline_color"], tolerance=24)
    without_townships = colour_count(alone, content.OUTLINE["outline_color"], tolerance=24)  # the labels' edges
    # 28 townships' outlines, 0.3 mm wide, some 1.5 m of them at 100 dpi: thousands of pixels more.
    assert boundary - without_townships > 3000, (boundary, without_townships)
    # The townships are filled (pale), and the served area is green (#33a02c at 2/3 over that fill).
    assert colour_count(drawn, "#f7f4ea", tolerance=3) > 0.1 * drawn.width() * drawn.height()
    assert colour_count(drawn, "#71bb61", tolerance=30) > 200
    # The PDF, rasterised by poppler, has the boundaries too.
    counts = []
    for name in ("wuxi_map_coverage.pdf", "wuxi_map_coverage_alone.pdf"):
        out = Path(run[name]).with_suffix("")
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", run[name], str(out)], check=True)
        counts.append(colour_count(QImage(str(out) + ".png"), content.OUTLINE["outline_color"], tolerance=24))
    assert counts[0] - counts[1] > 3000, counts


@needs_poppler
def test_map_without_township_layer_says_so(wuxi):
    run = wuxi("en")
    text = pdf_text(run["wuxi_map_coverage_alone.pdf"])
    assert "Served area (within the radius)" in text  # the served area itself is drawn, green


def test_chinese_coverage_report_has_no_english_and_names_its_inputs_by_layer(wuxi, wuxi_catalogue):
    run = wuxi("zh")
    text = html_text(run["report"])
    for heading in ("生成于", "指标", "方法", "输入数据", "数据说明"):
        assert heading in text, heading
    inputs = [line.strip() for line in html_section(run["report"], "输入数据").splitlines() if line.strip()]
    assert inputs == ["bus_stops", "builtup", "wuxi_townships_tagged"], inputs
    notes = [line.strip() for line in html_section(run["report"], "数据说明").splitlines() if line.strip()]
    assert notes and all(n.split("：")[0] in inputs for n in notes if "重投影" in n), notes
    assert "wuxi：" not in text
    # Method text aside: its own test below.
    method = html_section(run["report"], "方法")
    left = sorted(set(english_words(text, inputs)) - set(english_words(method)))
    assert left == [], left


def test_chinese_report_method_has_no_english(wuxi):
    method = html_section(wuxi("zh")["report"], "方法")
    words = english_words(method, {"native", "buffer"})  # native:buffer, QGIS's algorithm
    assert words == [], words


def test_english_coverage_report_holds_no_chinese_interface_text(wuxi, wuxi_catalogue):
    run = wuxi("en")
    tagged = QgsVectorLayer(run["tagged"], "tagged", "ogr")
    text = html_text(run["report"])
    left = without(text, plan_names(wuxi_catalogue, tagged))
    assert CJK.findall(left) == [], left
    inputs = [line.strip() for line in html_section(run["report"], "Inputs").splitlines() if line.strip()]
    assert inputs == ["bus_stops", "builtup", "wuxi_townships_tagged"], inputs


@needs_poppler
def test_language_parameter_chooses_the_maps_language_and_puts_the_interfaces_back(wuxi, wuxi_catalogue, tmp_path):
    import processing

    run = wuxi("en")
    tagged = QgsVectorLayer(run["tagged"], "tagged", "ogr")
    structure = wuxi_catalogue.structures[0]
    parameters = {"INPUT": run["tagged"], "THEME": 8, "FIELD": structure.field, "DPI": 60}
    assert i18n.install_translator("zh_Hans"), "cq_urban_zh_Hans.qm missing: run `make qm`"
    try:
        english = processing.run("cq_urban:export_map", {**parameters, "LANGUAGE": 2,
                                                         "OUTPUT": str(tmp_path / "en.pdf")})["OUTPUT"]
        assert i18n.language() == "zh" and i18n.tr("Legend") == "图例"  # the interface's language is back
    finally:
        i18n.remove_translator()
    chinese = processing.run("cq_urban:export_map", {**parameters, "LANGUAGE": 1,
                                                     "OUTPUT": str(tmp_path / "zh.pdf")})["OUTPUT"]
    assert i18n.language() == "en"
    english_text, chinese_text = pdf_text(english), pdf_text(chinese)
    assert "Legend" in english_text and "图例" in chinese_text
    assert CJK.findall(without(english_text, plan_names(wuxi_catalogue, tagged))) == []
    assert english_words(chinese_text, data_words(tagged)) == []
