"""Building QgsFields from (name, python type) pairs, written once."""
from qgis.core import QgsField, QgsFields
from qgis.PyQt.QtCore import QVariant

_TYPES = {str: QVariant.String, int: QVariant.Int, float: QVariant.Double, bool: QVariant.Bool}


def make_fields(spec) -> QgsFields:
    fields = QgsFields()
    for name, python_type in spec:
        fields.append(QgsField(name, _TYPES[python_type]))
    return fields
