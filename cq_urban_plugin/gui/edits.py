"""Edits the panel makes to a user's layer, only when the user asks, always undoable."""
from ..core.errors import PlanInputError
from ..i18n import tr


def set_attribute(layer, fid: int, field_name: str, value, description: str = "") -> None:
    """Change one attribute as one undoable command in the layer's edit session.

    Starts an edit session when the layer is not being edited, and leaves it
    open: the change shows in the layer at once (and in what the algorithms
    read), can be undone with Ctrl+Z, and is written to the data source when
    the user saves the layer's edits.
    """
    index = layer.fields().indexOf(field_name)
    if index < 0:
        raise PlanInputError(tr("Layer '{layer}' has no field '{field}'.").format(layer=layer.name(), field=field_name),
                             tr("Choose the layer's name field in the panel."))
    if not layer.getFeature(fid).isValid():
        raise PlanInputError(tr("Layer '{layer}' has no feature {fid}.").format(layer=layer.name(), fid=fid),
                             tr("Run tagging again: the layer changed since the match report was made."))
    if not layer.isEditable() and not layer.startEditing():
        raise PlanInputError(tr("Layer '{layer}' cannot be edited.").format(layer=layer.name()),
                             tr("Save a copy of it in a GeoPackage (Export > Save Features As…) and use the copy."))
    layer.beginEditCommand(description or tr("Fix township name"))
    if layer.changeAttributeValue(fid, index, value):
        layer.endEditCommand()
    else:
        layer.destroyEditCommand()
        raise PlanInputError(
            tr("Layer '{layer}': feature {fid} could not be changed.").format(layer=layer.name(), fid=fid),
            tr("Check that the layer is not read-only."))
    layer.triggerRepaint()
