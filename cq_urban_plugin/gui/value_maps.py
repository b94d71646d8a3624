"""Hand edits after tagging: the tagged layer's form offers the plan's values.

Each structure field the tagging algorithm writes (role, tier, zone, …) gets a
Value Map widget listing the catalogue's classes, so a technician correcting a
role picks one of the plan's own values instead of typing it. The widget setup
is kept with the layer (and in the project), and edits go through the layer's
edit buffer like any attribute edit.
"""
from qgis.core import QgsEditorWidgetSetup

# The key QGIS's Value Map widget uses for NULL ("no value in this structure").
VALUE_MAP_NULL = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"


def structure_value_map(structure):
    """[(description, value)] for a structure's classes, in the plan's order."""
    entries = []
    for plan_class in sorted(structure.classes, key=lambda c: c.order):
        label = plan_class.label if plan_class.label and plan_class.label != plan_class.value else ""
        entries.append((f"{plan_class.value}（{label}）" if label else plan_class.value, plan_class.value))
    return entries


def apply_value_maps(layer, catalogue) -> list:
    """Set a Value Map widget on every field of ``layer`` that a structure of ``catalogue`` writes.

    Returns the names of the fields that got one. Fields the layer lacks are
    skipped (a structure the user's layer was not tagged with).
    """
    done = []
    for structure in catalogue.structures:
        index = layer.fields().indexOf(structure.field)
        if index < 0:
            continue
        value_map = [{description: value} for description, value in structure_value_map(structure)]
        value_map.insert(0, {"<NULL>": VALUE_MAP_NULL})
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": value_map}))
        done.append(structure.field)
    return done
