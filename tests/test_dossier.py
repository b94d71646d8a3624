"""cq_urban:export_dossier (issue #16): one PDF per jurisdiction from the whole-plan check, on
the demo's data of 江津, 开州 and 巫溪 as `make demo` runs it (batch/recipes/*.json: tag, then the
plan check's layers). Text read back with pdftotext: every township name, every title and the
plan's name exactly, no English word in the Chinese dossier; pages rendered with pdftoppm: none
blank, and every map page draws the township boundaries (their outline colour)."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.PyQt.QtGui import QColor, QImage
from test_map_language import english_words, pdf_text, plan_names, without
from test_map_townships import TOWNSHIPS, label_names

from cq_urban_plugin import i18n
from cq_urban_plugin.core.maps import content
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

REPO = Path(__file__).resolve().parents[1]
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm", "pdftocairo"))
pytestmark = pytest.mark.skipif(not POPPLER, reason="poppler-utils is installed by `make setup`")
PLACES = ("jiangjin", "kaizhou", "wuxi")
BOUNDARY = QColor(content.OUTLINE["outline_color"])


def plan_parameters(place: str, folder: Path) -> dict:
    """The recipe's tag step run, then its plan step's parameters (without the plan's own outputs)."""
    import processing

    recipe = json.loads((REPO / "batch" / "recipes" / f"{place}.json").read_text(encoding="utf-8"))
    steps = {s["id"]: s["params"] for s in recipe["steps"]}

    def filled(value):
        return value.replace("{repo}", str(REPO)).replace("{out}", str(folder)) if isinstance(value, str) else value

    tag = {k: filled(v) for k, v in steps["tag"].items()}
    tag["MATCH_REPORT"] = "TEMPORARY_OUTPUT"
    tagged = processing.run("cq_urban:tag_townships", tag)["OUTPUT"]
    plan = {k: filled(v) for k, v in steps["plan"].items() if k not in ("SUMMARY", "REPORT")}
    plan["TOWNSHIPS"] = tagged
    return plan


def export(place: str, folder: Path, language: str, paper: int = 0) -> dict:
    import processing

    folder.mkdir(parents=True, exist_ok=True)
    parameters = plan_parameters(place, folder)
    parameters.update({"PAPER": paper, "LANGUAGE": {"zh": 1, "en": 2}[language],
                       "OUTPUT": str(folder / f"{place}_dossier_{language}.pdf")})
    results = processing.run("cq_urban:export_dossier", parameters)
    return {"results": results, "tagged": parameters["TOWNSHIPS"], "pdf": results["OUTPUT"]}


@pytest.fixture(scope="module")
def runs():
    return {}


@pytest.fixture
def dossier(cq_provider, tmp_path_factory, runs):
    def get(place, language="zh"):
        if (place, language) not in runs:
            runs[place, language] = export(place, tmp_path_factory.mktemp(f"{place}_{language}"), language)
        return runs[place, language]
    return get


# Standards' and functions' codes the Chinese texts cite as they are (GB/T 50563, CJJ/T 85, HJ 633, JTG B01,
# makeValid, native:buffer: a QGIS algorithm id).
STANDARD_CODES = {"GB", "CJJ", "TD", "HJ", "JTG", "makeValid", "native", "buffer"}


@pytest.mark.parametrize("place", PLACES + ("chongqing",))
def test_every_measure_text_of_the_catalogue_has_its_chinese(place):
    """A Chinese dossier says the catalogue's conventions and reasons in Chinese: each measure block that
    writes one in English gives its Chinese (convention_zh, reason_zh), and said() picks it by language."""
    catalogue = bundled_catalogue(place)
    missing = [(t.id, key) for t in catalogue.targets if t.measure is not None
               for key in ("convention", "reason") if getattr(t.measure, key) and not getattr(t.measure, f"{key}_zh")]
    assert not missing, missing
    for target in catalogue.targets:
        measure = target.measure
        for key in ("convention", "reason"):
            if getattr(measure, key):
                assert english_words(measure.said(key, "zh"), STANDARD_CODES) == [], (target.id, key)
                assert measure.said(key, "en") == " ".join(getattr(measure, key).split())


def data_layer_names(place: str) -> set:
    """The names the demo's layers and fields have in their GeoPackages (builtup, bus_stops, the facilities'
    type field kind …): the data's names, which the dossier cites as the data's own."""
    recipe = (REPO / "batch" / "recipes" / f"{place}.json").read_text(encoding="utf-8")
    fields = re.findall(r'"[A-Z_]*FIELD": "([A-Za-z_]+)"', recipe)
    return set(re.findall(r"layername=([A-Za-z_]+)", recipe)) | set(fields) | {place}


def raw_text(pdf: str) -> str:
    """The PDF's text in the order it was drawn: a table cell's lines together, not interleaved with the
    next cell's as pdftotext's layout reading does."""
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def township_names(tagged: str) -> list:
    """Every township's label (its plan name, else its own): all 30 of 江津, 40 of 开州, the 33 of 巫溪's sample."""
    return sorted(label_names(tagged))


def pages(pdf: str, folder: Path) -> list:
    subprocess.run(["pdftoppm", "-r", "40", "-png", pdf, str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


def has_colour(picture: QImage, colour: QColor, tolerance: int = 12, at_least: int = 40) -> bool:
    found = 0
    for y in range(0, picture.height()):
        for x in range(0, picture.width()):
            pixel = QColor(picture.pixel(x, y))
            if abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green()) + \
                    abs(pixel.blue() - colour.blue()) <= tolerance:
                found += 1
                if found >= at_least:
                    return True
    return False


def blank(picture: QImage) -> bool:
    colours = {picture.pixel(x, y) for x in range(0, picture.width(), 3) for y in range(0, picture.height(), 3)}
    return len(colours) < 3


@pytest.mark.parametrize("place", PLACES)
def test_chinese_dossier_text_names_every_township_and_title(dossier, place):
    run = dossier(place)
    results = run["results"]
    text = raw_text(run["pdf"])
    squeezed = "".join(text.split())
    catalogue = bundled_catalogue(place)
    assert results["INDICATORS"] == results["MEASURED_COUNT"] > 0
    assert results["PAGES"] >= 2 + results["INDICATORS"] + 1
    assert f"规划实施校核档案：{catalogue.name}" in squeezed
    for document in catalogue.documents.values():
        assert "".join(f"《{document.title}》".split()) in squeezed, document.title
    names = township_names(run["tagged"])
    assert len(set(names)) == TOWNSHIPS[place]
    missing = [n for n in names if n not in squeezed]
    assert not missing, missing
    # Every map page labels every township, each label whole (two at one height come back side by side).
    map_pages = [page for page in text.split("\f") if "图例" in page]
    assert len(map_pages) == results["INDICATORS"]
    for page in map_pages:
        missing = [n for n in names if n not in page.split()]
        assert not missing, (page.splitlines()[0], missing)
    # How a target was measured begins with its kind's name, not its code (builtup_area).
    from cq_urban_plugin.core.plan.model import MEASURE_KINDS

    assert not [k for k in MEASURE_KINDS if f"定义：{k}" in squeezed]
    # A layer is named once: 公交站点（点）, not 公交站点（公交站点（点））.
    assert not re.findall(r"([^（）：，。]{2,})（\1", squeezed)
    # Counts as integers (26 个, never 26.00 个), percentages with one decimal (86.7 %).
    assert not re.findall(r".{12}\d\.\d+个", squeezed)
    assert not re.findall(r".{12}\d\.\d{2,}%", squeezed)
    # Every measured target's page title, exactly; and every target not measured listed.
    for target in catalogue.targets:
        assert "".join(target.label.split()) in squeezed, target.label
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(run["tagged"], "t", "ogr")
    # No English word at all: the catalogue's conventions and reasons are in its Chinese too; what is left
    # is the plan's own names (GDP in 人均GDP), the data's layer and field names and the standards' codes.
    found = english_words(without(text, plan_names(catalogue, layer)), STANDARD_CODES | data_layer_names(place))
    assert not found, found


@pytest.mark.parametrize("place", PLACES)
def test_dossier_pages_are_drawn_and_map_pages_show_boundaries(dossier, place, tmp_path):
    run = dossier(place)
    images = pages(run["pdf"], tmp_path)
    assert len(images) == run["results"]["PAGES"]
    indicators = run["results"]["INDICATORS"]
    text_pages = subprocess.run(["pdftotext", "-enc", "UTF-8", run["pdf"], "-"], check=True,
                                capture_output=True).stdout.decode("utf-8").split("\f")
    map_pages = [i for i, page in enumerate(text_pages) if re.search("图例", page)]
    assert len(map_pages) == indicators
    for index, path in enumerate(images):
        picture = QImage(str(path))
        assert not blank(picture), path.name
        if index in map_pages:
            assert has_colour(picture, BOUNDARY, tolerance=40), path.name
            # The picture's dark grey could be text's edges too: the page's drawing itself (poppler's SVG of
            # it) strokes one path in the boundaries' colour for each township, at least.
            assert boundary_strokes(run["pdf"], index, tmp_path) >= TOWNSHIPS[place], path.name


def boundary_strokes(pdf: str, index: int, folder: Path) -> int:
    """Paths of page ``index`` (0-based) stroked in the township boundaries' colour."""
    svg = folder / f"page{index}.svg"
    subprocess.run(["pdftocairo", "-svg", "-f", str(index + 1), "-l", str(index + 1), pdf, str(svg)], check=True)
    # cairo ≤ 1.16 writes style="stroke:rgb(25%,25%,25%)", 1.18 (Debian 13+) stroke="rgb(25%, 25%, 25%)"
    strokes = re.findall(r'stroke[:=]"?rgb\(\s*([\d.]+)%,\s*([\d.]+)%,\s*([\d.]+)%\)',
                         svg.read_text(encoding="utf-8"))
    wanted = [BOUNDARY.red(), BOUNDARY.green(), BOUNDARY.blue()]
    return sum(1 for rgb in strokes if all(abs(float(c) * 2.55 - w) < 1.5 for c, w in zip(rgb, wanted)))


def test_english_dossier_has_no_chinese_interface_text(dossier):
    run = dossier("wuxi", "en")
    text = pdf_text(run["pdf"])
    assert "Plan check dossier" in text
    catalogue = bundled_catalogue("wuxi")
    from qgis.core import QgsVectorLayer

    rest = without(text, plan_names(catalogue, QgsVectorLayer(run["tagged"], "t", "ogr")))
    for word in ("校核", "图例", "目标", "实测", "达标", "数据来源", "合计"):
        assert word not in rest, word
    assert i18n.language() == "en"  # the interface's language put back


def test_a3_dossier(cq_provider, tmp_path):
    run = export("wuxi", tmp_path, "zh", paper=1)
    info = subprocess.run(["pdfinfo", run["pdf"]], check=True, capture_output=True).stdout.decode("utf-8")
    assert re.search(r"Page size:\s+84[12](\.\d+)? x 119[01](\.\d+)? pts \(A3\)", info), info
    squeezed = "".join(raw_text(run["pdf"]).split())
    assert all(name in squeezed for name in township_names(run["tagged"]))


def test_figures_are_written_by_their_unit():
    from cq_urban_plugin.core.checks.targets import figure_text

    assert figure_text(26.0, "count") == "26"
    assert figure_text(12345.4, "persons") == "12,345"
    assert figure_text(86.6667, "percent") == "86.7"
    assert figure_text(145.123456, "km2") == "145.12"
    assert figure_text(145.123456, "km2", 3) == "145.123"
    assert figure_text(None, "count") == "—"


def test_facility_presence_pages_draw_the_facilities_and_colour_the_townships(dossier, tmp_path):
    """A facility in every township (江津's 镇(街)养老服务中心, 综合广场, 农产品交易市场 …): its page colours the
    townships with a facility of the kind and those without, and draws the facilities themselves."""
    from test_export_map import colour_count

    from cq_urban_plugin.core.maps import result_styles

    run = dossier("jiangjin")
    text_pages = subprocess.run(["pdftotext", "-enc", "UTF-8", run["pdf"], "-"], check=True,
                                capture_output=True).stdout.decode("utf-8").split("\f")
    presence = [i for i, page in enumerate(text_pages) if "有该类设施" in page]
    assert len(presence) >= 5, [page.splitlines()[:1] for page in text_pages]
    for index in presence:
        out = tmp_path / f"page{index}"
        subprocess.run(["pdftoppm", "-r", "72", "-png", "-f", str(index + 1), "-l", str(index + 1), "-singlefile",
                        run["pdf"], str(out)], check=True)
        picture = QImage(f"{out}.png")
        page = text_pages[index]
        holding = re.search(r"该类设施（(\d+) 处）", page)
        assert holding and int(holding.group(1)) > 0, page
        with_one = colour_count(picture, result_styles.PRESENCE_COLOURS[1], 20)
        without = colour_count(picture, result_styles.PRESENCE_COLOURS[0], 20)
        points = colour_count(picture, result_styles.FACILITY_COLOUR, 20)
        if "不计入" in page:
            # A target counting some kinds only (每个镇: the 镇; 城市社区: the 街道): the others drawn in grey,
            # the small urban 街道 alone may be the ones counted.
            grey = colour_count(picture, result_styles.PRESENCE_COLOURS[result_styles.NOT_COUNTED], 20)
            assert grey > 1000 and with_one > 300 and with_one + without > 600, (index, with_one, without, grey)
        else:
            # Townships of both kinds filled (江津's targets are all short of 30 镇(街)), beyond the legend's swatches.
            assert with_one > 3000 and without > 1000, (index, with_one, without)
        assert points > 100, (index, points)
    # Without the facilities' layer the same pages would be the boundaries alone: none of those colours.
    others = [i for i in range(len(text_pages)) if i not in presence and "图例" in text_pages[i]]
    out = tmp_path / "other"
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-f", str(others[0] + 1), "-l", str(others[0] + 1),
                    "-singlefile", run["pdf"], str(out)], check=True)
    assert colour_count(QImage(f"{out}.png"), result_styles.FACILITY_COLOUR, 20) < 20
