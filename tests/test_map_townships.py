"""Exported maps of the demo's jurisdictions give back, through pdftotext, every township label and the
title exactly as written (issue #16): all 30 江津 townships, all 40 开州 units and the 33 townships of
the 巫溪 sample, each tagged by cq_urban:tag_townships and mapped by cq_urban:export_map in the plan's
first structure, in Chinese and in English (LANGUAGE). The Chinese map holds no English word outside
names and units, the English one no Chinese interface text (the helpers of test_map_language)."""
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer
from test_map_language import CJK, data_words, english_words, plan_names, without

from cq_urban_plugin.core.maps import content
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

REPO = Path(__file__).resolve().parents[1]
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm"))
pytestmark = pytest.mark.skipif(not POPPLER, reason="poppler-utils is installed by `make setup`")
TOWNSHIPS = {"jiangjin": 30, "kaizhou": 40, "wuxi": 33}
THEME_STRUCTURE = 8  # the THEME enum of cq_urban:export_map: any structure of the catalogue, its FIELD given


def label_names(tagged: str) -> list:
    """The name each township is labelled with: its plan name where tagging gave one, else its own."""
    layer = QgsVectorLayer(tagged, "t", "ogr")
    names = []
    for feature in layer.getFeatures():
        plan_name = feature["plan_name"]
        names.append(str(plan_name) if plan_name and str(plan_name) != "NULL" else str(feature["name"]))
    return names


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    return {}


@pytest.fixture
def exported(cq_provider, tmp_path_factory, maps):
    """(tagged layer, PDF) of a place's map in a language, made once a module."""
    import processing

    def get(place, language):
        if (place, language) not in maps:
            folder = tmp_path_factory.mktemp(f"{place}_{language}")
            tagged = processing.run("cq_urban:tag_townships", {
                "INPUT": f"{REPO / 'layers' / place}.gpkg|layername=townships", "NAME_FIELD": "name",
                "CATALOGUE": place, "OUTPUT": str(folder / "tagged.gpkg"),
                "MATCH_REPORT": "TEMPORARY_OUTPUT"})["OUTPUT"]
            structure = bundled_catalogue(place).structures[0]
            pdf = processing.run("cq_urban:export_map", {
                "INPUT": tagged, "THEME": THEME_STRUCTURE, "FIELD": structure.field, "PAPER": 0, "DPI": 60,
                "LANGUAGE": {"zh": 1, "en": 2}[language], "OUTPUT": str(folder / "map.pdf")})["OUTPUT"]
            maps[place, language] = tagged, pdf
        return maps[place, language]
    return get


def words(lines) -> set:
    """The texts of the page between spaces: two labels at one height come back on one line, side by side."""
    return set(" ".join(lines).split())


def pdf_lines(pdf: str) -> list:
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("place", sorted(TOWNSHIPS))
def test_every_township_label_and_the_title_come_back_exactly(exported, place):
    from cq_urban_plugin import i18n

    tagged, pdf = exported(place, "zh")
    lines = pdf_lines(pdf)
    names = label_names(tagged)
    assert len(names) == len(set(names)) == TOWNSHIPS[place]
    catalogue = bundled_catalogue(place)
    if place != "wuxi":  # the sample of 巫溪 names 5 of its townships in the plan; 江津 and 开州 all of theirs
        assert {t.name for t in catalogue.townships} <= set(names)
    # A label comes back whole, exactly the name (never split, never a character replaced).
    missing = [n for n in names if n not in words(lines)]
    assert not missing, (missing, lines)
    # The title and the subtitle exactly as the map was given them.
    structure = catalogue.structures[0]
    assert i18n.install_translator("zh_Hans"), "cq_urban_zh_Hans.qm missing: run `make qm`"
    try:
        thematic = content.prepare_thematic_map(QgsVectorLayer(tagged, "t", "ogr"), "structure",
                                                field_name=structure.field)
        title, subtitle = thematic.title, thematic.subtitle
    finally:
        i18n.remove_translator()
    text = "".join(lines)
    assert lines[0] == title or "".join(title.split()) in "".join(text.split()), (title, lines[:3])
    assert "".join(subtitle.split()) in "".join(text.split()), (subtitle, lines[:3])
    layer = QgsVectorLayer(tagged, "t", "ogr")
    assert english_words("\n".join(lines), data_words(layer)) == []


@pytest.mark.parametrize("place", sorted(TOWNSHIPS))
def test_english_map_names_every_township_and_holds_no_chinese_interface_text(exported, place):
    tagged, pdf = exported(place, "en")
    lines = pdf_lines(pdf)
    missing = [n for n in label_names(tagged) if n not in words(lines)]
    assert not missing, missing
    assert "Legend" in lines
    left = without("\n".join(lines), plan_names(bundled_catalogue(place), QgsVectorLayer(tagged, "t", "ogr")))
    assert CJK.findall(left) == [], left
