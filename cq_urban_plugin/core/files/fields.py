"""Building QgsFields from (name, python type) pairs, written once."""
from qgis.core import QgsField, QgsFields

from ...compat import FieldType

_TYPES = {str: FieldType.String, int: FieldType.Int, float: FieldType.Double, bool: FieldType.Bool}


def make_fields(spec) -> QgsFields:
    fields = QgsFields()
    for name, python_type in spec:
        fields.append(QgsField(name, _TYPES[python_type]))
    return fields
