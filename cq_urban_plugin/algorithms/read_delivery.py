"""Algorithm: find the standard layers of a survey or planning delivery (DLTB, XZQ, CZKFBJ …)."""
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
)

from .. import definitions
from ..compat import ProcessingFileParameterBehavior, ProcessingSourceType, WkbType
from ..core.files.fields import make_fields
from ..core.geo.delivery import ROLES, STANDARD_LAYERS, recognise, role_name
from ..i18n import tr
from .base import CqAlgorithm
from .delivery_inputs import add_delivery_crs_parameter, delivery_crs

LAYER_FIELDS = [("role", str), ("code", str), ("layer", str), ("source", str), ("found_by", str),
                ("features", int), ("crs", str), ("crs_note", str), ("missing", str)]


class ReadDeliveryAlgorithm(CqAlgorithm):
    NAME = definitions.READ_DELIVERY
    GROUP = "data"
    DELIVERY = "DELIVERY"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Read a survey or planning delivery")

    def shortHelpString(self):  # noqa: N802
        codes = ", ".join(f"{s.code} ({s.aliases[0]}) → {s.role}" for s in STANDARD_LAYERS)
        return tr(
            "Finds the layers of the national standards in a delivery as it came: a File Geodatabase "
            "(.gdb), a GeoPackage, or a folder of Shapefiles. A layer is "
            "recognised by its code, by its Chinese alias, or by the standard's fields, in that order, "
            "and the table says which. Layers: {codes}.\n\n"
            "Coordinates: a layer without a CRS, or whose CRS does not fit its coordinates, is read in the "
            "CRS its coordinates prove — a zone number in front of X (e.g. 35xxxxxx: CGCS2000 3-degree "
            "Gauss-Krüger zone 35), or degrees (CGCS2000) — and the table says so; plain Gauss-Krüger metres "
            "without the zone are refused with the candidate zones, never guessed. Nothing in the delivery "
            "is changed.\n\n"
            "Outputs: a table of the layers found (role, code, layer, source, how, CRS, missing fields), "
            "and each role's layer as an output a model can pass on to the checks."
        ).format(codes=codes)

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            # A folder parameter: a .gdb and a folder of Shapefiles are folders (a .gpkg path is accepted too).
            self.DELIVERY, tr("Delivery (.gdb folder, .gpkg, or folder of Shapefiles)"),
            behavior=ProcessingFileParameterBehavior.Folder))
        add_delivery_crs_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Layers found"), ProcessingSourceType.Vector))
        for role in ROLES:
            self.addOutput(QgsProcessingOutputVectorLayer(
                role.upper(), tr("Layer for {role}").format(role=role_name(role))))
        self.addOutput(QgsProcessingOutputString("NOTES", tr("What was recognised, and from what")))

    def compute(self, parameters, context, feedback):
        path = Path(self.parameterAsFile(parameters, self.DELIVERY, context))
        if path.suffix.lower() == ".gdbtable":  # a table picked inside a .gdb folder: the database itself
            path = next((p for p in path.parents if p.suffix.lower() == ".gdb"), path.parent)
        elif path.suffix.lower() == ".shp":  # one Shapefile picked: the delivery is its folder
            path = path.parent
        delivery = recognise(path, feedback, crs=delivery_crs(self, parameters, context))
        fields = make_fields(LAYER_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.NoGeometry)
        notes = []
        for layer in delivery.layers:
            feature = QgsFeature(fields)
            if layer.crs_error is not None:  # plain Gauss-Krüger metres: said, refused where a check reads it
                layer.crs_note = str(layer.crs_error)
            feature.setAttributes([layer.role, layer.code, layer.name, layer.uri, layer.how, layer.features,
                                   layer.crs.authid() if layer.crs is not None and layer.crs_error is None else "",
                                   layer.crs_note, ", ".join(layer.missing_fields)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            notes.append(f"{role_name(layer.role)}: {layer.name} ({layer.how})")
            if layer.crs_note:
                feedback.pushWarning(layer.crs_note)
                notes.append(layer.crs_note)
            if layer.missing_fields:
                feedback.pushWarning(tr("{layer} lacks the standard's fields {fields}.").format(
                    layer=layer.name, fields=", ".join(layer.missing_fields)))
        for role in ROLES:
            if delivery.layer(role) is None:
                feedback.pushInfo(tr("No layer for {role} in the delivery.").format(role=role_name(role)))
        if delivery.unrecognised:
            feedback.pushInfo(tr("Not recognised: {names}.").format(names=", ".join(delivery.unrecognised)))
        results = {self.OUTPUT: dest_id, "NOTES": "\n".join(notes)}
        results.update({role.upper(): (delivery.layer(role).uri if delivery.layer(role) else None) for role in ROLES})
        return results
