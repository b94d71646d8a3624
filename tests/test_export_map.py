"""Thematic maps (issue 7): the exported PDF names the plan, the legend's classes
and every township in Chinese; its page is drawn; the atlas has one page per
township; PNG and SVG are real; the batch tool runs it.

Every layer is built here, in CGCS2000 (EPSG:4490) around 江津 (106.2E), with
real 江津 township names taken from the bundled catalogue. Expected texts come
from the catalogue itself, expected colours from core.maps.styling, expected pages
and classes from the layer's own features; text is read back with poppler
(pdftotext, pdfinfo, pdftoppm, pdffonts), independently of QGIS.
"""
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QImage

from cq_urban_plugin.compat import FieldType, font_database
from cq_urban_plugin.core.errors import PlanInputError
from cq_urban_plugin.core.maps import content, fonts, layout, styling
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdftoppm", "pdffonts"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils is installed by `make setup`")


# --- test data -----------------------------------------------------------------

@pytest.fixture(scope="module")
def jiangjin():
    return bundled_catalogue("jiangjin")


@pytest.fixture(scope="module")
def role_structure(jiangjin):
    return next(s for s in jiangjin.structures if s.field == "role")


def township_rows(role_structure):
    """One township per role class (its first member), and one the structure does not name."""
    rows = [(plan_class.members[0].name, plan_class.value)
            for plan_class in sorted(role_structure.classes, key=lambda c: c.order) if plan_class.members]
    named = {name for name, _ in rows}
    members = {m.name for c in role_structure.classes for m in c.members}
    other = next((t.name for t in bundled_catalogue("jiangjin").townships if t.name not in members), None)
    if other is not None and other not in named:
        rows.append((other, None))
    return rows


def grid_layer(rows, juris="江津区", share=None):
    """Townships as 0.08° × 0.07° cells, three a row, with name, plan_name, role, juris, share."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4490", "townships", "memory")
    layer.dataProvider().addAttributes([
        QgsField("name", FieldType.String), QgsField("plan_name", FieldType.String),
        QgsField("role", FieldType.String), QgsField("juris", FieldType.String), QgsField("share", FieldType.Double)])
    layer.updateFields()
    features = []
    for index, (name, role) in enumerate(rows):
        x0, y0 = 106.10 + (index % 3) * 0.08, 29.10 + (index // 3) * 0.07
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x0, y0, x0 + 0.08, y0 + 0.07)))
        feature.setAttributes([name, name, role, juris, share[index] if share else None])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def write_gpkg(layer, path):
    import factory

    return factory.write(layer, path)


# --- reading the outputs back ------------------------------------------------

def pdf_text(path, page=None) -> str:
    """pdftotext's text without white space, exactly as a search or a copy gets it (no
    normalisation: an ideograph coming back as a look-alike radical, 一 as ⼀, fails)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    return "".join(text.split())


def squeeze(text: str) -> str:
    return "".join(text.split())


def contains(text: str, expected: str) -> bool:
    """``expected``, character for character, in pdftotext's ``text``."""
    return squeeze(expected) in text


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def colour_count(image: QImage, colour: str, tolerance: int = 6) -> int:
    """Pixels within ``tolerance`` of ``colour`` (each channel)."""
    import numpy

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    buffer = image.constBits()
    buffer.setsize(image.bytesPerLine() * height)
    rows = numpy.frombuffer(buffer, numpy.uint8).reshape(height, image.bytesPerLine())
    pixels = rows[:, :width * 3].reshape(height, width, 3).astype(int)
    target = QColor(colour)
    wanted = numpy.array([target.red(), target.green(), target.blue()])
    return int((numpy.abs(pixels - wanted).max(axis=2) <= tolerance).sum())


def non_white_share(image: QImage) -> float:
    import numpy

    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    buffer = image.constBits()
    buffer.setsize(image.bytesPerLine() * image.height())
    rows = numpy.frombuffer(buffer, numpy.uint8).reshape(image.height(), image.bytesPerLine())[:, :image.width()]
    return float((rows < 245).mean())


# --- the PDF -----------------------------------------------------------------

@needs_poppler
def test_pdf_names_plan_legend_classes_and_every_township(qgis_app, tmp_path, jiangjin, role_structure):
    rows = township_rows(role_structure)
    layer = grid_layer(rows)
    output = tmp_path / "roles.pdf"
    files, thematic_map = layout.export_thematic_map(layer, "role", output, dpi=150)
    assert files == [str(output)]
    text = pdf_text(output)
    # Title: the plan document citing the structure, and the structure's name (Chinese, from the catalogue).
    document = jiangjin.documents[role_structure.cite.doc]
    assert contains(text, role_structure.name)
    assert contains(text, document.title)
    # Legend: every class of the plan in the plan's terms, and the entry for townships it does not name.
    for plan_class in role_structure.classes:
        assert contains(text, plan_class.value), plan_class.value
        if plan_class.label:
            assert contains(text, plan_class.label), plan_class.label
    assert contains(text, styling.other_label())  # in the interface's language (#16)
    # The plan line the structure comes from, and the coordinate system (digits after letters included).
    assert contains(text, f"{role_structure.cite.file}:{role_structure.cite.line}")
    assert "EPSG:4544" in text
    # Every township is labelled on the map.
    for name, _ in rows:
        assert contains(text, name), name
    fonts = subprocess.run(["pdffonts", str(output)], check=True, capture_output=True, text=True).stdout
    cjk = [line for line in fonts.splitlines() if "CQUrbanSansSC" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts  # embedded, so no label prints as boxes
    assert not re.search("[\u2e80-\u2fdf]", text), "radicals in place of ideographs"


@needs_poppler
def test_pdf_page_renders_the_plan_colours(qgis_app, tmp_path, role_structure):
    rows = township_rows(role_structure)
    output = tmp_path / "roles_a4.pdf"
    layout.export_thematic_map(grid_layer(rows), "role", output, paper="a4_portrait", dpi=100)
    assert pdf_pages(output) == 1
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(output), str(tmp_path / "page")], check=True)
    image = QImage(str(tmp_path / "page.png"))
    assert not image.isNull()
    # A4 portrait at 40 dpi: 210 × 297 mm.
    assert abs(image.width() - round(210 / 25.4 * 40)) <= 1 and abs(image.height() - round(297 / 25.4 * 40)) <= 1
    assert non_white_share(image) > 0.2, "the page is (nearly) blank"
    # Each role present is filled with the colour core.maps.styling gives its class, over a sizeable area.
    classes = sorted(role_structure.classes, key=lambda c: c.order)
    cell_pixels = image.width() * image.height() * 0.01
    for index, plan_class in enumerate(classes):
        if not any(role == plan_class.value for _, role in rows):
            continue
        colour = styling.class_colour(role_structure, index, plan_class)
        assert colour_count(image, colour) > cell_pixels, (plan_class.value, colour)


@needs_poppler
def test_atlas_has_one_page_per_township_named_in_its_title(qgis_app, tmp_path, role_structure):
    rows = township_rows(role_structure)
    layer = grid_layer(rows)
    output = tmp_path / "atlas.pdf"
    files, _ = layout.export_thematic_map(layer, "role", output, atlas=True, dpi=72)
    assert files == [str(output)]
    assert pdf_pages(output) == layer.featureCount() == len(rows)
    # Pages are sorted by name; each page's title names its township.
    for page, name in enumerate(sorted(name for name, _ in rows), start=1):
        assert contains(pdf_text(output, page), f"—{name}"), (page, name)


def test_png_at_the_chosen_resolution_and_svg_with_text(qgis_app, tmp_path, role_structure):
    rows = township_rows(role_structure)
    layer = grid_layer(rows)
    png = tmp_path / "roles.png"
    layout.export_thematic_map(layer, "role", png, dpi=60)
    image = QImage(str(png))
    assert not image.isNull()
    assert abs(image.width() - round(420 / 25.4 * 60)) <= 1 and abs(image.height() - round(297 / 25.4 * 60)) <= 1
    assert non_white_share(image) > 0.2
    svg = tmp_path / "roles.svg"
    layout.export_thematic_map(layer, "role", svg, dpi=96)
    texts = "".join(t.text or "" for t in ElementTree.parse(svg).iter() if t.tag.endswith("text") or
                    t.tag.endswith("tspan"))
    for name, _ in rows:
        assert name in texts
    assert "km" in texts  # the scale bar's unit
    assert "EPSG:4544" in texts  # 江津 (106.1–106.34E) is drawn in the CGCS2000 GK zone CM 105E


def test_atlas_png_gives_one_file_per_township(qgis_app, tmp_path, role_structure):
    rows = township_rows(role_structure)[:3]
    files, _ = layout.export_thematic_map(grid_layer(rows), "role", tmp_path / "town.png", atlas=True, dpi=30)
    assert [Path(f).name for f in files] == [f"town_{n}.png" for n in range(1, len(rows) + 1)]
    assert all(not QImage(f).isNull() for f in files)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(Path(f).name for f in files)  # no temporaries


def test_builtup_theme_classes_cover_every_share(qgis_app, tmp_path, role_structure):
    rows = township_rows(role_structure)
    shares = [0.05 + 0.13 * i for i in range(len(rows))]
    svg = tmp_path / "builtup.svg"
    _, thematic_map = layout.export_thematic_map(grid_layer(rows, share=shares), "builtup", svg, dpi=96)
    assert thematic_map.field == "share"
    texts = [t.text.strip() for t in ElementTree.parse(svg).iter() if t.text and " - " in t.text]
    ranges = [tuple(float(v) for v in t.split(" - ")) for t in texts]
    assert len(ranges) >= 3, texts
    assert ranges[0][0] <= min(shares) and ranges[-1][1] >= max(shares)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))  # contiguous classes
    # The built-up target and its plan line are cited (江津 builtup_2025).
    target = bundled_catalogue("jiangjin").target("builtup_2025")
    source = "".join(t.text or "" for t in ElementTree.parse(svg).iter())
    assert f"{target.cite.file}:{target.cite.line}".replace("_", "") in source.replace("_", "")


def test_coverage_draws_uncovered_areas_in_red(qgis_app, tmp_path, role_structure):
    rows = township_rows(role_structure)
    served = grid_layer(rows)
    uncovered = QgsVectorLayer("Polygon?crs=EPSG:4490", "uncovered", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(106.12, 29.11, 106.16, 29.15)))
    uncovered.dataProvider().addFeatures([feature])
    png = tmp_path / "coverage.png"
    _, thematic_map = layout.export_thematic_map(served, "coverage", png, extra_layers=[uncovered], dpi=60)
    assert [e.name() for e in thematic_map.extras] == [layout.tr("Uncovered areas")]
    image = QImage(str(png))
    # Red (#e31a1c at 2/3 opacity over the pale served-area fill) where the uncovered square lies:
    # 0.04° × 0.04° of the map's ~0.24° × 0.14° cells — at least a few hundred pixels at 60 dpi.
    reddish = colour_count(image, "#ec6660", tolerance=20)
    assert reddish > 300, reddish
    # The served area itself is not red.
    assert colour_count(image, "#f7f4ea", tolerance=3) > reddish


def test_input_layer_is_left_as_it_was(qgis_app, tmp_path, role_structure):
    layer = grid_layer(township_rows(role_structure))
    renderer, labels = layer.renderer().type(), layer.labelsEnabled()
    before = [f.attributes() for f in layer.getFeatures()]
    layout.export_thematic_map(layer, "role", tmp_path / "m.pdf", dpi=50)
    assert layer.renderer().type() == renderer and layer.labelsEnabled() == labels
    assert [f.attributes() for f in layer.getFeatures()] == before


def test_bad_input_is_a_message_and_the_previous_file_stays(qgis_app, tmp_path, role_structure):
    output = tmp_path / "roles.pdf"
    output.write_bytes(b"%PDF previous")
    untagged = grid_layer(township_rows(role_structure))
    untagged.dataProvider().deleteAttributes([untagged.fields().indexOf("role")])
    untagged.updateFields()
    with pytest.raises(PlanInputError) as error:
        layout.export_thematic_map(untagged, "tier", output)
    message = str(error.value)
    assert "townships" in message and "tag_townships" in message and "FIELD" in message
    with pytest.raises(PlanInputError, match=r"\.pdf, \.png or \.svg"):
        layout.export_thematic_map(grid_layer(township_rows(role_structure)), "role", tmp_path / "roles.jpg")
    assert output.read_bytes() == b"%PDF previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roles.pdf"]  # no temporaries left


def test_replacing_a_map_writes_the_new_one_whole(qgis_app, tmp_path, role_structure):
    output = tmp_path / "roles.png"
    output.write_bytes(b"old")
    layout.export_thematic_map(grid_layer(township_rows(role_structure)), "role", output, dpi=30)
    assert output.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roles.png"]


def test_no_catalogue_values_become_the_legend(qgis_app, tmp_path):
    layer = grid_layer([("甲镇", "东片"), ("乙镇", "西片"), ("丙乡", None)], juris="")
    svg = tmp_path / "plain.svg"
    _, thematic_map = layout.export_thematic_map(layer, "role", svg, dpi=72, title="自定义标题")
    texts = "".join(t.text or "" for t in ElementTree.parse(svg).iter())
    for expected in ("自定义标题", "东片", "西片", "甲镇", "乙镇", "丙乡"):
        assert expected in texts


def test_cjk_font_is_found(qgis_app):
    family = fonts.cjk_font_family()
    from qgis.PyQt.QtGui import QFontDatabase

    assert QFontDatabase.WritingSystem.SimplifiedChinese in font_database().writingSystems(family)


@needs_poppler
def test_the_searchable_font_gives_back_the_ideographs_the_installed_one_turns_into_radicals(qgis_app, tmp_path):
    """The root of the PDF-text defect (issue #16): with the installed Noto Sans CJK SC, Qt's
    PDF writer writes 一 石 山 门 龙 as the radicals ⼀ ⽯ ⼭ ⻔ ⻰; the plugin's copy of it,
    whose character map leaves the radical blocks out, writes the ideographs."""
    from fontTools.ttLib import TTFont
    from qgis.PyQt.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    assert fonts.prepare_searchable_font() == fonts.SEARCHABLE_FAMILY == fonts.cjk_font_family()
    built = sorted(p.name for p in fonts.fonts_dir().glob("CQUrbanSansSC-*.otf"))
    assert built == ["CQUrbanSansSC-Bold.otf", "CQUrbanSansSC-Regular.otf"]
    cmap = TTFont(str(fonts.fonts_dir() / built[1]), lazy=True).getBestCmap()
    assert 0x4E00 in cmap and 0x2F00 not in cmap and 0x2ED3 not in cmap  # 一 kept, ⼀ and ⻓ out
    words = "一石山门龙 石蟆镇 四面山镇 几江街道 长寿"

    def extracted(family):
        path = tmp_path / f"{family}.pdf"
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(writer)
        font = QFont(family)
        font.setPointSize(24)
        painter.setFont(fonts.plain_font(font))
        painter.drawText(200, 800, words)
        painter.end()
        return pdf_text(path)

    assert extracted(fonts.SEARCHABLE_FAMILY) == words.replace(" ", "")
    installed = extracted(fonts.PREFERRED_CJK_FONT)
    assert installed != words.replace(" ", "") and re.search("[\u2e80-\u2fdf]", installed), installed


def test_desktop_layout_goes_into_the_project_and_the_designer(qgis_app, qgis_iface, qgis_new_project, role_structure):
    from cq_urban_plugin.gui.layout_actions import add_thematic_layout, open_layout_in_designer

    project = QgsProject.instance()
    layer = grid_layer(township_rows(role_structure))
    project.addMapLayer(layer)
    renderer = layer.renderer().type()
    first = add_thematic_layout(layer, "role")
    open_layout_in_designer(qgis_iface, layer, "role", paper="a4_portrait")
    # pytest-qgis's stand-in for the QGIS window records the call; the layout is a real one.
    second = qgis_iface.openLayoutDesigner.call_args[0][0]
    manager = project.layoutManager()
    assert manager.layoutByName(first.name()) is first and manager.layoutByName(second.name()) is second
    assert first.name() != second.name()
    assert round(second.pageCollection().page(0).pageSize().width()) == 210
    # The styled copies sit in a group of their own; the user's layer keeps its style.
    map_layers = second.itemById("map").layers()
    assert map_layers[0].renderer().classAttribute() == "role"
    group = project.layerTreeRoot().children()[0]  # the latest map's group comes first
    assert {node.layer() for node in group.findLayers()} == set(map_layers)
    assert layer.renderer().type() == renderer
    for built in (first, second):
        manager.removeLayout(built)
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()


# --- Processing and batch ----------------------------------------------------

@pytest.fixture
def provider(cq_provider):
    return cq_provider




def test_processing_algorithm(provider, tmp_path, role_structure):
    import processing

    rows = township_rows(role_structure)
    source = write_gpkg(grid_layer(rows), tmp_path / "tagged.gpkg")
    result = processing.run("cq_urban:export_map", {
        "INPUT": source, "THEME": 0, "PAPER": 1, "ATLAS": True, "DPI": 50,
        "OUTPUT": str(tmp_path / "atlas.pdf")})
    assert result["PAGES"] == len(rows)
    assert Path(result["OUTPUT"]).exists()


@pytest.mark.slow
@needs_poppler
def test_qgis_process_exports_the_map(installed_plugin, tmp_path, role_structure):
    rows = township_rows(role_structure)
    source = write_gpkg(grid_layer(rows), tmp_path / "tagged.gpkg")
    uncovered = QgsVectorLayer("Polygon?crs=EPSG:4490", "uncovered", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(106.12, 29.11, 106.16, 29.15)))
    uncovered.dataProvider().addFeatures([feature])
    extra = write_gpkg(uncovered, tmp_path / "uncovered.gpkg")
    output = tmp_path / "map.pdf"
    result = installed_plugin("run", "cq_urban:export_map", "--json", "--", f"INPUT={source}", "THEME=0",
                              f"EXTRA_LAYERS={extra}", "PAPER=0", "DPI=80", f"OUTPUT={output}")
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["results"]["PAGES"] == 1
    text = pdf_text(output)
    for name, _ in rows:
        assert contains(text, name)
    assert contains(text, role_structure.name)


@needs_poppler
def test_map_of_a_layer_tagged_by_tag_townships(provider, tmp_path, role_structure):
    """The whole path: untagged names → cq_urban:tag_townships → cq_urban:export_map."""
    import processing

    rows = township_rows(role_structure)
    untagged = grid_layer([(name, None) for name, _ in rows], juris=None)
    for field in ("plan_name", "role", "juris", "share"):
        untagged.dataProvider().deleteAttributes([untagged.fields().indexOf(field)])
        untagged.updateFields()
    source = write_gpkg(untagged, tmp_path / "townships.gpkg")
    tagged = processing.run("cq_urban:tag_townships", {
        "INPUT": source, "NAME_FIELD": "name", "CATALOGUE": "jiangjin",
        "OUTPUT": str(tmp_path / "tagged.gpkg"), "MATCH_REPORT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    result = processing.run("cq_urban:export_map", {
        "INPUT": tagged, "THEME": 0, "OUTPUT": str(tmp_path / "roles.pdf"), "DPI": 72})
    text = pdf_text(result["OUTPUT"])
    assert contains(text, role_structure.name)
    for name, role in rows:
        assert contains(text, name)
        if role:
            plan_class = role_structure.class_of(role)
            assert contains(text, plan_class.label)


def test_result_layers_from_a_geopackage_are_named_by_their_layer(qgis_app, tmp_path, role_structure):
    """Processing names 'results.gpkg|layername=uncovered' after the file; the legend
    must still say what the layer is."""
    uncovered = QgsVectorLayer("Polygon?crs=EPSG:4490", "uncovered", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(106.12, 29.11, 106.16, 29.15)))
    uncovered.dataProvider().addFeatures([feature])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "uncovered"
    QgsVectorFileWriter.writeAsVectorFormatV3(uncovered, str(tmp_path / "results.gpkg"),
                                              QgsCoordinateTransformContext(), options)
    from_file = QgsVectorLayer(f"{tmp_path / 'results.gpkg'}|layername=uncovered", "results", "ogr")
    assert from_file.isValid()
    thematic_map = content.prepare_thematic_map(grid_layer(township_rows(role_structure)), "coverage",
                                                extra_layers=[from_file])
    assert [e.name() for e in thematic_map.extras] == [layout.tr("Uncovered areas")]
    assert thematic_map.extras[0].featureCount() == 1


def test_long_titles_fit_the_a4_page(qgis_app, role_structure):
    from qgis.core import QgsLayoutUtils

    thematic_map = content.prepare_thematic_map(grid_layer(township_rows(role_structure)), "role")
    built = layout.build_layout(thematic_map, "a4_portrait")
    title = built.itemById("title")
    assert title.text() == thematic_map.title
    width = QgsLayoutUtils.textWidthMM(title.font(), title.text())
    assert width <= title.sizeWithUnits().width()
    page = built.pageCollection().page(0).pageSize()
    assert (round(page.width()), round(page.height())) == (210, 297)
    # Every item the template promises is on the page.
    for item_id in ("title", "subtitle", "map", "legend", "scalebar", "north_arrow", "crs_note", "source_note",
                    "date_note"):
        item = built.itemById(item_id)
        assert item is not None, item_id
        box = item.sceneBoundingRect()
        assert 0 <= box.left() and box.right() <= page.width() + 0.5 and box.bottom() <= page.height() + 0.5, item_id


def test_data_note_says_what_the_layer_says_of_its_provenance(qgis_app, tmp_path, role_structure):
    layer = grid_layer(township_rows(role_structure))
    layer.dataProvider().addAttributes([QgsField("provenance", FieldType.String)])
    layer.updateFields()
    index = layer.fields().indexOf("provenance")
    layer.dataProvider().changeAttributeValues({f.id(): {index: "schematic township"} for f in layer.getFeatures()})
    svg = tmp_path / "m.svg"
    layout.export_thematic_map(layer, "role", svg, dpi=72)
    texts = "".join(t.text or "" for t in ElementTree.parse(svg).iter())
    assert "schematic township" in texts


def pdf_words(path):
    """pdftotext's words with their boxes in mm from the page's top left, and the page size in mm."""
    html = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    mm = 25.4 / 72
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    words = [(float(x0) * mm, float(y0) * mm, float(x1) * mm, float(y1) * mm, word)
             for x0, y0, x1, y1, word in re.findall(
                 r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]
    return words, (float(page.group(1)) * mm, float(page.group(2)) * mm)


@needs_poppler
@pytest.mark.parametrize("paper", ["a3_landscape", "a4_portrait"])
@pytest.mark.parametrize("theme", ["role", "builtup"])
def test_whole_citation_stays_on_the_page(qgis_app, tmp_path, role_structure, paper, theme):
    """The data source and every plan citation are in the exported PDF's text, each whole,
    and every word of the note lies inside its box on the page: the note is broken into
    lines by the plugin, since QGIS 3.40 and later wrap only at spaces and Chinese has none."""
    rows = township_rows(role_structure)
    layer = grid_layer(rows, share=[0.1 * (i + 1) for i in range(len(rows))])
    output = tmp_path / f"{theme}_{paper}.pdf"
    _, thematic_map = layout.export_thematic_map(layer, theme, output, paper=paper, dpi=72)
    assert thematic_map.citations, "the theme cites its plan"
    text = pdf_text(output)
    data_line = layout.tr("Data: {sources}").format(sources="; ".join(thematic_map.sources))
    plan_line = layout.tr("Plan text: {citations}").format(citations="; ".join(thematic_map.citations))
    assert contains(text, data_line), (data_line, text)
    assert contains(text, plan_line), (plan_line, text)
    for citation in thematic_map.citations:
        assert contains(text, citation), citation
    # Where the note is on the page, from the layout the export used.
    built = layout.build_layout(thematic_map, paper)  # kept: its items die with it
    note = built.itemById("source_note")
    position, size = note.positionWithUnits(), note.sizeWithUnits()
    left, top, right, bottom = position.x(), position.y(), position.x() + size.width(), position.y() + size.height()
    words, (page_width, page_height) = pdf_words(output)
    assert words
    tolerance = 0.6  # mm: glyph boxes against the layout's measure
    for x0, _y0, x1, y1, word in words:
        assert -tolerance <= x0 and x1 <= page_width + tolerance and y1 <= page_height + tolerance, word
    in_note = [w for w in words if w[0] >= left - tolerance and top - tolerance <= w[1] <= bottom]
    assert len(in_note) >= 2, words
    for _x0, _y0, x1, y1, word in in_note:
        assert x1 <= right + tolerance and y1 <= bottom + tolerance, (word, x1, right, y1, bottom)
