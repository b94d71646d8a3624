"""Structure styles: the QML files in styles/ follow the catalogues, paint each
class in its own colour, and a tagged layer gets one style per structure and
drop-down lists of the plan's values."""
import pytest
from conftest import REPO
from qgis.core import (
    Qgis,
    QgsFeature,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from cq_urban_plugin.core.maps.styling import apply_structure_styles, structure_qml, write_catalogue_styles
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue, bundled_catalogue_paths, load_catalogue

STYLES = REPO / "styles"


def catalogues():
    return [load_catalogue(p) for p in bundled_catalogue_paths()]


def ordered_values(structure):
    return [c.value for c in sorted(structure.classes, key=lambda c: c.order)]


def layer_with(field, values):
    """One 1×1 square per value, side by side, in EPSG:4490."""
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4490&field=plan_name:string&field={field}:string", "t", "memory")
    features = []
    for i, value in enumerate(values):
        feature = QgsFeature(layer.fields())
        x = i * 2
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x} 0,{x + 1} 0,{x + 1} 1,{x} 1,{x} 0))"))
        feature[field] = value
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def colours_at_centres(layer, count):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(QgsRectangle(0, 0, count * 2 - 1, 1))
    settings.setOutputSize(QSize(100 * (count * 2 - 1), 100))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    # sample a 5×5 block left of each square's centre (labels sit on the centre)
    colours = []
    for i in range(count):
        x, y = i * 200 + 25, 50
        colours.append(QColor(image.pixel(x, y)).name())
    return colours


def style_meaning(layer):
    """What a structure style says, read through QGIS's API rather than its file format
    (each QGIS writes its own dialect: 3.40 adds colour spaces, random ids, new label
    settings with their own defaults): the renderer's classes with their labels and
    symbols, the labels, and each field's editor widget and alias."""
    def value(enum):
        return int(getattr(enum, "value", enum))

    def symbol(sym):
        if sym is None:
            return None
        return (value(sym.type()), round(sym.opacity(), 3), [
            (sl.layerType(), sl.enabled(), sl.color().name(QColor.NameFormat.HexArgb),
             sl.strokeColor().name(QColor.NameFormat.HexArgb),
             round(getattr(sl, "strokeWidth", lambda: 0)(), 4), value(getattr(sl, "brushStyle", lambda: 0)()))
            for sl in sym.symbolLayers()])

    renderer = layer.renderer()
    classes = [(c.value(), c.label(), c.renderState(), symbol(c.symbol())) for c in renderer.categories()]
    labels = None
    if layer.labeling() is not None:
        settings = layer.labeling().settings()
        text = settings.format()
        buffer = text.buffer()
        labels = (layer.labelsEnabled(), settings.fieldName, settings.isExpression, value(settings.placement),
                  text.font().family(), round(text.size(), 3), value(text.sizeUnit()),
                  text.color().name(QColor.NameFormat.HexArgb),
                  buffer.enabled(), round(buffer.size(), 3), buffer.color().name(QColor.NameFormat.HexArgb))
    fields = [(f.name(), layer.editorWidgetSetup(i).type(), layer.editorWidgetSetup(i).config(),
               layer.attributeAlias(i))
              for i, f in enumerate(layer.fields())]
    return renderer.type(), renderer.classAttribute(), classes, symbol(renderer.sourceSymbol()), labels, fields


def loaded(field, qml_path):
    layer = layer_with(field, [])
    message, ok = layer.loadNamedStyle(str(qml_path))
    assert ok, message
    return layer


@pytest.mark.parametrize("catalogue_id", [p.stem for p in bundled_catalogue_paths()])
def test_every_structure_has_its_current_qml(qgis_app, tmp_path, catalogue_id):
    catalogue = bundled_catalogue(catalogue_id)
    assert catalogue.structures or catalogue_id == "chongqing"
    for structure in catalogue.structures:
        path = STYLES / f"{catalogue.id}_{structure.field}.qml"
        assert path.exists(), f"{path.name} missing: run `make styles`"
        layer = layer_with(structure.field, [])
        message, ok = layer.loadNamedStyle(str(path))
        assert ok, message
        # The committed file says what the catalogue gives now: byte for byte on the QGIS
        # version that wrote it (`make styles`), and in meaning on every version (the same
        # classes, symbols, labels and value maps once read by this QGIS).
        fresh = structure_qml(catalogue, structure)
        committed = path.read_text(encoding="utf-8")
        stale = f"{path.name} is older than {catalogue.path.name}: run `make styles` and commit styles/"
        if f'version="{Qgis.version()}"' in committed:
            assert committed == fresh, stale
        written = tmp_path / path.name
        written.write_text(fresh, encoding="utf-8")
        assert style_meaning(layer) == style_meaning(loaded(structure.field, written)), stale
        renderer = layer.renderer()
        assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == structure.field
        categories = renderer.categories()
        values = [c.value() for c in categories]
        conflicts = ["|".join(dict.fromkeys(r.value for r in c.readings)) for c in structure.conflicts]
        assert values == ordered_values(structure) + list(dict.fromkeys(conflicts)) + [""]
        for category, plan_class in zip(categories, sorted(structure.classes, key=lambda c: c.order)):
            assert plan_class.label in category.label() and plan_class.value in category.label()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in categories[-1].label())  # Chinese legend
        setup = layer.editorWidgetSetup(layer.fields().indexOf(structure.field))
        assert setup.type() == "ValueMap"
        assert set(ordered_values(structure)) <= {v for e in setup.config()["map"] for v in e.values()}


def test_each_class_is_painted_in_its_own_colour_and_zones_by_meaning(qgis_app):
    jiangjin = bundled_catalogue("jiangjin")
    zone = jiangjin.structure(next(s.id for s in jiangjin.structures if s.field == "zone"))
    values = ordered_values(zone) + [None]
    layer = layer_with("zone", values)
    layer.loadNamedStyle(str(STYLES / "jiangjin_zone.qml"))
    colours = dict(zip(values, colours_at_centres(layer, len(values))))
    assert len(set(colours.values())) == len(values), colours
    assert "#ffffff" not in colours.values()
    for value, colour in colours.items():
        c = QColor(colour)
        if value and "生态" in value:
            assert c.green() > c.red() and c.green() > c.blue(), (value, colour)
        elif value and "城市化" in value:
            assert c.red() > c.green() > c.blue(), (value, colour)
    grey = QColor(colours[None])
    assert abs(grey.red() - grey.green()) < 10 and abs(grey.green() - grey.blue()) < 10  # untagged: grey


def test_tiers_fade_with_rank_and_a_contradiction_stands_out(qgis_app):
    kaizhou = bundled_catalogue("kaizhou")
    tier = kaizhou.structure("town_tier")
    contradiction = "|".join(r.value for r in tier.conflicts[0].readings)
    values = ordered_values(tier) + [contradiction]
    layer = layer_with("tier", values)
    layer.loadNamedStyle(str(STYLES / "kaizhou_tier.qml"))
    colours = [QColor(c) for c in colours_at_centres(layer, len(values))]
    lightness = [c.lightness() for c in colours[:len(tier.classes)]]
    assert lightness == sorted(lightness) and len(set(lightness)) == len(lightness)  # 第一级 darkest
    assert colours[-1].name() not in {c.name() for c in colours[:-1]}


def test_a_tagged_layer_gets_a_style_per_structure_and_value_maps(qgis_app):
    catalogue = bundled_catalogue("kaizhou")
    fields = "".join(f"&field={s.field}:string" for s in catalogue.structures)
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4490&field=plan_name:string{fields}", "tagged", "memory")
    names = apply_structure_styles(layer, catalogue)
    assert len(names) == len(catalogue.structures)
    manager = layer.styleManager()
    assert set(names) <= set(manager.styles())
    assert layer.renderer().classAttribute() == catalogue.structures[0].field
    for name, structure in zip(names, catalogue.structures):
        assert manager.setCurrentStyle(name)
        assert layer.renderer().classAttribute() == structure.field
        assert [c.value() for c in layer.renderer().categories()][:len(structure.classes)] == ordered_values(structure)
    for structure in catalogue.structures:
        setup = layer.editorWidgetSetup(layer.fields().indexOf(structure.field))
        offered = [v for e in setup.config()["map"] for v in e.values()]
        assert setup.type() == "ValueMap" and set(ordered_values(structure)) <= set(offered)
    # a layer holding only some structure fields: the others are skipped, not an error
    partial = QgsVectorLayer("Polygon?crs=EPSG:4490&field=zone:string", "partial", "memory")
    assert len(apply_structure_styles(partial, catalogue)) == 1


def test_write_catalogue_styles_writes_one_file_per_structure(qgis_app, tmp_path):
    written = write_catalogue_styles(tmp_path, [bundled_catalogue("wuxi"), bundled_catalogue("kaizhou")])
    expected = {f"{c.id}_{s.field}.qml" for c in (bundled_catalogue("wuxi"), bundled_catalogue("kaizhou"))
                for s in c.structures}
    assert {p.name for p in written} == expected == {p.name for p in tmp_path.iterdir()}


@pytest.mark.parametrize("figures", [(0.0, 0.0, None), (12.5, 12.5), (0.0, 3.0, 7.25)])
def test_every_township_with_a_figure_is_in_a_class_even_when_all_are_equal(qgis_app, figures):
    """A coverage of 0 % in every township (the 15分钟健身圈 on the sample): pretty breaks make no class of
    equal figures, and the map would have drawn them as townships without one."""
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsRenderContext, QgsVectorLayer

    from cq_urban_plugin.core.maps.content import graduated_renderer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4544&field=share:double", "townships", "memory")
    features = []
    for position, figure in enumerate(figures):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(position, 0, position + 1, 1)))
        feature["share"] = figure
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    renderer = graduated_renderer(layer, "share")
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    drawn = [renderer.symbolForFeature(f, context) is not None for f in layer.getFeatures()]
    renderer.stopRender(context)
    assert drawn == [figure is not None for figure in figures]
    if len({f for f in figures if f is not None}) == 1:
        assert len(renderer.ranges()) == 1 and f"{figures[0]:g}" in renderer.ranges()[0].label()
