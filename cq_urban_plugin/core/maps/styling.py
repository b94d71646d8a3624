"""Styles of the plan structures: one categorized renderer per structure, built
from the catalogue, so that a map of 开州's tiers or 江津's roles shows the
plan's classes in the plan's order with the plan's Chinese terms.

- ``structure_renderer`` builds the renderer of one structure;
- ``apply_structure_styles`` gives a tagged layer one named style per
  structure (Layer Properties > Styles switches between them), the first
  structure's current, and value-map editor widgets on the structure fields so
  that hand edits offer the plan's values;
- ``write_catalogue_styles`` writes ``<catalogue>_<field>.qml`` for every
  bundled catalogue into ``styles/`` (``make styles``).

No GUI code: works in qgis_process and headless tests.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsEditorWidgetSetup,
    QgsFillSymbol,
    QgsMapLayer,
    QgsPalLayerSettings,
    QgsReadWriteContext,
    QgsRendererCategory,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...i18n import tr
from ..files.atomic import atomic_write_text
from ..plan.tagging import SEPARATOR

# Palettes per structure kind. Ranked kinds (role, tier) run from strong to
# pale so that rank reads at a glance; the others are qualitative.
PALETTES: Dict[str, List[str]] = {
    "role": ["#b2182b", "#ef8a62", "#fddbc7", "#f7f7c9", "#d1e5f0", "#92c5de"],
    "tier": ["#54278f", "#807dba", "#bcbddc", "#efedf5", "#f2f0f7"],
    "zone": ["#e6550d", "#fdd049", "#31a354", "#9ecae1", "#bdbdbd"],
    "function_type": ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#ffff33", "#a65628", "#f781bf",
                      "#999999"],
    "region": ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69"],
    "band": ["#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928"],
    "group": ["#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99", "#1f78b4", "#33a02c",
              "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928"],
}
# Zones by what they are, whatever their order in the plan: urban orange,
# agricultural yellow, ecological green.
ZONE_KEYWORDS = (("生态", "#31a354"), ("农", "#fdd049"), ("城", "#e6550d"))
OTHER_COLOUR = "#e0e0e0"
CONFLICT_COLOUR = "#ff00ff"
# Legend texts are the plan's own (Chinese) terms, like the class labels.
OTHER_LABEL = "未列入该规划结构"
CONFLICT_LABEL = "{values}（规划表述矛盾）"
# A class whose membership the catalogue infers (derived), wholly or for some of its members.
INFERRED_LABEL = "{label}（推定）"
PARTLY_INFERRED_LABEL = "{label}（部分推定）"
LABEL_FIELD = "plan_name"
LABEL_FONT = "Noto Sans CJK SC"
# QGIS's own marker for NULL in a value map.
VALUE_MAP_NULL = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"


def class_colour(structure, index: int, plan_class) -> str:
    if structure.kind == "zone":
        for keyword, colour in ZONE_KEYWORDS:
            if keyword in plan_class.value or keyword in plan_class.label:
                return colour
    palette = PALETTES.get(structure.kind, PALETTES["group"])
    return palette[index % len(palette)]


def legend_label(plan_class) -> str:
    """'第一级 中心城区': the value the field holds, then the plan's label when it says more."""
    if plan_class.label and plan_class.label != plan_class.value:
        return f"{plan_class.value} {plan_class.label}"
    return plan_class.value


def class_legend_label(plan_class) -> str:
    """The legend's text of a class: legend_label, marked （推定） when its membership is inferred,
    （部分推定） when some of its members are."""
    label = legend_label(plan_class)
    if plan_class.derived:
        return INFERRED_LABEL.format(label=label)
    if any(m.derived for m in plan_class.members):
        return PARTLY_INFERRED_LABEL.format(label=label)
    return label


def other_label() -> str:
    """OTHER_LABEL in the interface's language (maps; the stored styles keep the Chinese)."""
    return tr("Not in this plan structure")


def localize_legend(renderer) -> None:
    """The two legend texts of a structure's renderer that are the plugin's, not the plan's
    (OTHER_LABEL, CONFLICT_LABEL: Chinese in the stored styles), in the interface's language."""
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    conflict_suffix = CONFLICT_LABEL.format(values="")
    marks = ((PARTLY_INFERRED_LABEL.format(label=""), lambda text: tr("{label} (partly inferred)").format(label=text)),
             (INFERRED_LABEL.format(label=""), lambda text: tr("{label} (inferred)").format(label=text)))
    for index, category in enumerate(renderer.categories()):
        label = category.label()
        mark = next(((suffix, say) for suffix, say in marks if label.endswith(suffix) and label != suffix), None)
        if mark is not None:
            renderer.updateCategoryLabel(index, mark[1](label[:-len(mark[0])]))
        elif label == OTHER_LABEL:
            renderer.updateCategoryLabel(index, other_label())
        elif label.endswith(conflict_suffix) and label != conflict_suffix:
            renderer.updateCategoryLabel(index, tr("{values} (the plan contradicts itself)").format(
                values=label[:-len(conflict_suffix)]))


def _fill(colour: str, outline: str = "#4d4d4d", width: str = "0.26", style: str = "solid") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": width,
                                       "outline_width_unit": "MM", "style": style})


def structure_renderer(structure) -> QgsCategorizedSymbolRenderer:
    """Categories of ``structure.field``: the classes in the plan's order, then each
    contradiction the catalogue records ("第一级|第三级"), then everything else."""
    categories = []
    for index, plan_class in enumerate(sorted(structure.classes, key=lambda c: c.order)):
        categories.append(QgsRendererCategory(plan_class.value, _fill(class_colour(structure, index, plan_class)),
                                              class_legend_label(plan_class), True))
    seen = set()
    for conflict in structure.conflicts:
        value = SEPARATOR.join(dict.fromkeys(r.value for r in conflict.readings))
        if value in seen:
            continue
        seen.add(value)
        categories.append(QgsRendererCategory(
            value, _fill(CONFLICT_COLOUR, outline="#000000", width="0.6", style="b_diagonal"),
            CONFLICT_LABEL.format(values=value), True))
    # An empty value is QGIS's "all other values": townships the structure
    # does not name (NULL) and anything typed by hand.
    categories.append(QgsRendererCategory("", _fill(OTHER_COLOUR, outline="#9e9e9e"), OTHER_LABEL, True))
    return QgsCategorizedSymbolRenderer(structure.field, categories)


def name_labeling(field_name: str = LABEL_FIELD) -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = field_name
    settings.isExpression = False
    text_format = QgsTextFormat()
    text_format.setFont(QFont(LABEL_FONT))
    text_format.setSize(9)
    text_format.setColor(QColor("#222222"))
    buffer = text_format.buffer()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text_format.setBuffer(buffer)
    settings.setFormat(text_format)
    return QgsVectorLayerSimpleLabeling(settings)


def value_map_setup(structure) -> QgsEditorWidgetSetup:
    """A drop-down of the plan's values (legend label → value), NULL allowed."""
    entries = [{legend_label(c): c.value} for c in sorted(structure.classes, key=lambda c: c.order)]
    entries.append({"<NULL>": VALUE_MAP_NULL})
    return QgsEditorWidgetSetup("ValueMap", {"map": entries})


def set_value_maps(layer: QgsVectorLayer, catalogue) -> List[str]:
    """Value-map widgets on every structure field the layer has; returns those fields."""
    done = []
    for structure in catalogue.structures:
        index = layer.fields().indexOf(structure.field)
        if index >= 0:
            layer.setEditorWidgetSetup(index, value_map_setup(structure))
            done.append(structure.field)
    return done


def style_name(structure) -> str:
    """Unique per layer (the field is), and at most 30 characters: the longest
    name a GeoPackage's layer_styles table keeps."""
    suffix = f" ({structure.field})"
    return structure.name[: 30 - len(suffix)] + suffix


def apply_structure_style(layer: QgsVectorLayer, structure, label_field: Optional[str] = LABEL_FIELD):
    """The structure's renderer (and township labels, where the layer has the field) on ``layer``."""
    layer.setRenderer(structure_renderer(structure))
    if label_field and layer.fields().indexOf(label_field) >= 0:
        layer.setLabeling(name_labeling(label_field))
        layer.setLabelsEnabled(True)
    layer.triggerRepaint()


def apply_structure_styles(layer: QgsVectorLayer, catalogue, current: Optional[str] = None) -> List[str]:
    """One named style per structure the layer has a field for, ``current`` (a
    structure id; default the catalogue's first) shown; value maps on the fields.

    Returns the style names added.
    """
    structures = [s for s in catalogue.structures if layer.fields().indexOf(s.field) >= 0]
    set_value_maps(layer, catalogue)
    if not structures:
        return []
    manager = layer.styleManager()
    names = []
    for structure in structures:
        apply_structure_style(layer, structure)
        name = style_name(structure)
        if name in manager.styles():
            manager.removeStyle(name)
        manager.addStyleFromLayer(name)
        names.append(name)
    chosen = next((s for s in structures if s.id == current), structures[0])
    # The style shown before (QGIS's "default") would keep the last structure's
    # renderer; it becomes the chosen structure's too.
    apply_structure_style(layer, chosen)
    manager.setCurrentStyle(style_name(chosen))
    apply_structure_style(layer, chosen)
    return names


def store_styles_in_database(layer: QgsVectorLayer, catalogue) -> List[str]:
    """Save one style per structure into the layer's own database (a GeoPackage's
    ``layer_styles`` table), the first as default, value maps included: the file
    then opens styled, with the plan's drop-down lists, in any project or QGIS.

    Returns the problems met (empty when every style was saved)."""
    structures = [s for s in catalogue.structures if layer.fields().indexOf(s.field) >= 0]
    set_value_maps(layer, catalogue)
    problems = []
    for index, structure in enumerate(structures):
        apply_structure_style(layer, structure)
        error = layer.saveStyleToDatabase(style_name(structure), f"{catalogue.path.name}: {structure.name_en}",
                                          index == 0, "")
        if error:
            problems.append(f"{style_name(structure)}: {error}")
    return problems


def style_file_name(catalogue, structure) -> str:
    return f"{catalogue.id}_{structure.field}.qml"


def structure_qml(catalogue, structure) -> str:
    """The QML text of one structure: renderer, labels on plan_name, value map on the field."""
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4490&field={LABEL_FIELD}:string(254)&field={structure.field}:string(254)",
                           structure.field, "memory")
    apply_structure_style(layer, structure)
    layer.setEditorWidgetSetup(layer.fields().indexOf(structure.field), value_map_setup(structure))
    document = QDomDocument("qgis")
    # Fields: aliases and constraints; Forms: the value-map widget (QGIS writes it there).
    category = QgsMapLayer.StyleCategory
    categories = category.Symbology | category.Labeling | category.Fields | category.Forms
    error = layer.exportNamedStyle(document, QgsReadWriteContext(), categories)
    if error:
        raise RuntimeError(f"{catalogue.path.name} {structure.id}: {error}")
    return canonical_xml(document.toString(1))


def canonical_xml(text: str) -> str:
    """Attributes sorted: Qt writes them in a random (hash) order, which would
    make every `make styles` rewrite every file."""
    import xml.etree.ElementTree as ElementTree

    def sort(root):
        for element in root.iter():
            element.attrib = {key: nested(value) for key, value in sorted(element.attrib.items())}
        return root

    def nested(value):  # a symbol stored as XML text inside an attribute (label callouts)
        if value.startswith("<"):
            try:
                return ElementTree.tostring(sort(ElementTree.fromstring(value)), encoding="unicode")
            except ElementTree.ParseError:
                return value
        return value

    root = sort(ElementTree.fromstring(text))
    ElementTree.indent(root, space=" ")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + \
        ElementTree.tostring(root, encoding="unicode") + "\n"


def write_catalogue_styles(folder, catalogues=None) -> List[Path]:
    """Write ``<catalogue>_<field>.qml`` for every structure of ``catalogues``
    (default: every bundled catalogue) into ``folder``; returns the files."""
    from qgis.core import QgsApplication

    from ..plan.catalogue import bundled_catalogue_paths, load_catalogue

    app = None
    if QgsApplication.instance() is None:  # `make styles` runs outside QGIS
        app = QgsApplication([], False)
        app.initQgis()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if catalogues is None:
        catalogues = [load_catalogue(p) for p in bundled_catalogue_paths()]
    written = []
    for catalogue in catalogues:
        for structure in catalogue.structures:
            path = folder / style_file_name(catalogue, structure)
            atomic_write_text(path, structure_qml(catalogue, structure))
            written.append(path)
    if app is not None:
        app.exitQgis()
    return written
