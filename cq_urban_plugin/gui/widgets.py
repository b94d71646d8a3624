"""The narrow-dock building blocks every tab of the panel uses.

The panel fits a dock ``DOCK_WIDTH`` pixels wide, in Chinese and in English:
forms put their labels above their fields, combo boxes do not grow with their
longest item, tables share their width between columns and wrap their texts.
"""
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QHeaderView, QLabel, QSizePolicy, QTableWidget

# The panel fits a dock this wide (pixels), in Chinese and in English.
DOCK_WIDTH = 300
COMBO_CHARACTERS = 12  # a combo box is this many characters wide at least, whatever its longest item


def compact_table(table: QTableWidget) -> QTableWidget:
    """Columns sharing the table's width, texts wrapped rather than cut, no sideways scroll."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(24)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setMinimumWidth(0)
    table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    return table


def narrow_form(parent=None) -> QFormLayout:
    """A form whose labels sit above their fields, so that it fits a narrow dock."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def add_row(form: QFormLayout, text: str, widget) -> QLabel:
    """A form row with a word-wrapped label (a long label never widens the panel)."""
    label = QLabel(text)
    label.setWordWrap(True)
    # The whole row's width, not the narrow width a word-wrapped label asks for.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setBuddy(widget)
    # Label and field each on a row of their own, the form's whole width (a word-wrapped label put in
    # the label column would get the narrow width it asks for).
    form.addRow(label)
    form.addRow(widget)
    return label


def narrow_combo(combo):
    """A combo box that does not grow with its longest item (the popup still shows it whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARACTERS)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    view = combo.view()
    if view is not None:
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
    return combo


def layer_combo(name, filters, optional=False):
    """A narrow layer picker named ``name`` (its objectName), of the layers ``filters`` lets through;
    ``optional``: it may be left empty, and starts empty."""
    combo = narrow_combo(QgsMapLayerComboBox())
    combo.setObjectName(name)
    combo.setFilters(filters)
    if optional:
        combo.setAllowEmptyLayer(True)
        combo.setLayer(None)
    return combo
