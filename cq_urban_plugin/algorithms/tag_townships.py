"""Algorithm: tag township polygons with the plan's roles, tiers, zones … from a catalogue."""
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsVectorLayer,
)

from .. import definitions
from ..compat import (
    FieldType,
    ProcessingFeatureSourceFlag,
    ProcessingFieldParameterDataType,
    ProcessingSourceType,
    WkbType,
    is_null,
)
from ..core.checks.builtup import default_name_field
from ..core.errors import PlanInputError, check_cancel
from ..core.geo.inputs import check_fields, check_read_complete, layer_label
from ..core.maps.result_styles import set_field_aliases
from ..core.maps.styling import apply_structure_styles, store_styles_in_database
from ..core.plan.tagging import CITE_FIELD, INFER_FIELD, REPORT_FIELDS, FeatureName, tag_field_names, tag_townships
from ..i18n import tr
from .base import CqAlgorithm
from .delivery_inputs import DELIVERY, add_delivery_parameters
from .params import add_catalogue_parameters, catalogue_from_parameters

# Long texts: a Shapefile's default text width (80) would cut them, so they get
# 254, the most a Shapefile holds; longer values end in "…" (the full text is in
# the match report and the catalogue) rather than make a provider refuse the feature.
_LONG_FIELDS = ("plan_note", CITE_FIELD, INFER_FIELD)
_LONG = 254
_TYPES = {str: FieldType.String, int: FieldType.Int}

# Post-processors must outlive the algorithm instance until QGIS has loaded the
# layer; QGIS does not own them. The last few are kept here.
_POST_PROCESSORS = []



# Fields every tagging writes: a layer holding them all was tagged before.
_TAGGING_MARKERS = ("plan_name", "match", "plan_cite")


def _free_name(name: str, taken) -> str:
    candidate, number = name, 2
    while candidate.lower() in taken:
        candidate, number = f"{name}{number}", number + 1
    return candidate

class TaggedLayerStyler(QgsProcessingLayerPostProcessorInterface):
    """When the desktop loads the tagged layer: one style per structure and value maps."""

    def __init__(self, catalogue):
        super().__init__()
        self.catalogue = catalogue

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS's name)
        # Aliases first: 规划名称, the plan's structure names … in the attribute table (setting an alias
        # afterwards would drop the value-map editors on 3.22).
        set_field_aliases(layer, self.catalogue)
        apply_structure_styles(layer, self.catalogue)


def _plain(value):
    """A Python value, None for QGIS's NULL (a null QVariant that str() turns into 'NULL')."""
    if is_null(value):
        return None
    return value


def _fit(value, name):
    if name in _LONG_FIELDS and isinstance(value, str) and len(value) > _LONG:
        return value[:_LONG - 1] + "…"
    return value


def _text_field(name, length=0):
    field = QgsField(name, FieldType.String)
    if length:
        field.setLength(length)
    return field


class TagTownshipsAlgorithm(CqAlgorithm):
    NAME = definitions.TAG_TOWNSHIPS
    _catalogue = None
    GROUP = "plan"
    INPUT = "INPUT"
    NAME_FIELD = "NAME_FIELD"
    CODE_FIELD = "CODE_FIELD"
    OUTPUT = "OUTPUT"
    MATCH_REPORT = "MATCH_REPORT"
    DELIVERY = DELIVERY
    DELIVERY_ROLES = {"townships": "INPUT"}  # the delivery's XZQ; units derived from codes have no names to tag

    def displayName(self):  # noqa: N802
        return tr("Tag townships with plan roles")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Writes the plan's structures onto township polygons: for each township, its role, tier, zone, "
            "function type, region or group in every structure of the plan catalogue (for example 开州's "
            "three-tier town system, 003_19d1efc2983d1444.txt l.135–137; 江津's 一主两副六节点多特色, "
            "000_5c0b1797e2e1b3c4.txt l.234 and l.274, and its function zones, 001_c0dc96b9baef37ce.txt "
            "l.1375), with the document and line of each value in plan_cite.\n\n"
            "Inputs: a township polygon layer, its name field, optionally a township code field (features "
            "of another jurisdiction are then left out, and features sharing name and code are parts of one "
            "township), and a catalogue.\n"
            "Names match when they are equal, or equal once suffixes (镇, 乡, 街道, 街道办事处, 办事处), "
            "spaces, full-width characters and a 乡 that became a 镇 are ignored, or through the "
            "catalogue's aliases. Nothing is guessed: unmatched names, names fitting several townships, "
            "several features for one township and plan townships missing from the layer are left untagged "
            "and listed in the match report with the fix and the closest plan names. Where the plan "
            "contradicts itself the field holds every reading (第一级|第三级) and plan_note gives the lines. "
            "A value the catalogue infers rather than reads (the class \"其他14个一般建制镇\", a township tagged "
            "after the 商圈 or 片区 bearing its name) is marked: plan_infer names the field, the value and the "
            "class's own line, plan_note says how it is inferred, the legend marks the class (inferred) and the "
            "match report has an 'inferred' row.\n"
            "Outputs: the layer with plan_name, match, juris, plan_note, one field per structure, "
            "plan_cite and plan_infer (styled by structure and with drop-down lists of the plan's values when "
            "loaded in QGIS), and the match report table."
        ) + "\n\n" + tr(
            "A survey delivery (DELIVERY: a .gdb, a .gpkg or a folder of Shapefiles) may be given instead of the "
            "township layer: its 行政区 XZQ is tagged, by its XZQMC unless a name field is given.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Township polygons"), [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, tr("Township name field (empty: plan_name, name or XZQMC)"),
            parentLayerParameterName=self.INPUT, type=ProcessingFieldParameterDataType.String, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("Township code field (optional)"), parentLayerParameterName=self.INPUT,
            type=ProcessingFieldParameterDataType.Any, optional=True))
        add_catalogue_parameters(self)
        add_delivery_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Tagged townships"), ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.MATCH_REPORT, tr("Match report"), ProcessingSourceType.Vector))
        for key, label in (("MATCHED", tr("Townships tagged")), ("UNMATCHED", tr("Names not matched")),
                           ("AMBIGUOUS", tr("Ambiguous names")), ("MISSING", tr("Plan townships missing"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        results = super().processAlgorithm(parameters, context, feedback)
        # The post-processor is attached only now, after the base class has moved
        # staged files into place: renaming the layers to load (setLayersToLoadOnCompletion)
        # invalidates post-processors set before, and QGIS would crash calling one.
        dest_id = results.get(self.OUTPUT)
        if isinstance(dest_id, str) and dest_id.split("|")[0].lower().endswith(".gpkg"):
            self._store_styles(dest_id, feedback)
        if dest_id and context.willLoadLayerOnCompletion(dest_id):
            styler = TaggedLayerStyler(self._catalogue)
            _POST_PROCESSORS[:] = _POST_PROCESSORS[-9:] + [styler]
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)
        return results

    def _store_styles(self, dest_id, feedback):
        """A GeoPackage output keeps its styles and value maps (batch runs, other projects)."""
        layer = QgsVectorLayer(dest_id, "tagged", "ogr")
        problems = store_styles_in_database(layer, self._catalogue) if layer.isValid() else [dest_id]
        del layer  # release the file before QGIS loads it
        if problems:
            feedback.pushWarning(tr("The styles could not be saved in the GeoPackage ({problems}); the tagged "
                                    "layer is complete, style it from styles/ if needed.").format(
                problems="; ".join(problems)))

    def compute(self, parameters, context, feedback):
        catalogue = catalogue_from_parameters(self, parameters, context)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None and parameters.get(self.INPUT) in (None, ""):
            raise PlanInputError(
                tr("Parameter INPUT: no township layer was given, and no DELIVERY with a 行政区 (XZQ) layer."),
                tr("Choose the township polygons, or give the survey delivery holding its XZQ."))
        if source is None:
            raise PlanInputError(tr("The township layer could not be opened."),
                                 tr("Check that the file or database is reachable."))
        label = layer_label(source)  # no CRS needed: tagging copies geometries as they are
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or default_name_field(
            source.fields().names())
        if not name_field:
            raise PlanInputError(
                tr("Parameter NAME_FIELD: layer '{layer}' has no plan_name, name or XZQMC field.").format(layer=label),
                tr("Choose the field holding the township names."))
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or ""
        check_fields(source, label, [name_field, code_field])
        added = tag_field_names(catalogue)
        added_lower = {n.lower() for n in added}
        for chosen in (name_field, code_field):
            if chosen and chosen.lower() in added_lower:
                raise PlanInputError(
                    tr("Layer '{layer}': the field {field} is one tagging writes itself.").format(
                        layer=label, field=chosen),
                    tr("Choose the field holding the township's own name (or code), not a field of an earlier "
                       "tagging."))

        # Fields of an earlier tagging are replaced, not duplicated (a re-run on a tagged layer). A layer
        # that was never tagged keeps its own fields of the same names, renamed (a 'role' of the user's own).
        names_lower = {f.name().lower() for f in source.fields()}
        tagged_before = all(marker in names_lower for marker in _TAGGING_MARKERS)
        clashing = [i for i, f in enumerate(source.fields()) if f.name().lower() in added_lower]
        fields = QgsFields()
        renamed = []
        for index, field in enumerate(source.fields()):
            if index not in clashing:
                fields.append(field)
            elif not tagged_before:
                own = QgsField(field)
                own.setName(_free_name(f"{field.name()}_own", names_lower | added_lower))
                names_lower.add(own.name().lower())
                fields.append(own)
                renamed.append(f"{field.name()} → {own.name()}")
        kept = [i for i in range(source.fields().count()) if i not in clashing or not tagged_before]
        if tagged_before and clashing:
            feedback.pushWarning(tr("{layer}: fields {fields} of an earlier tagging are replaced.").format(
                layer=label, fields=", ".join(source.fields().at(i).name() for i in clashing)))
        if renamed:
            feedback.pushWarning(tr("{layer}: its own fields with the names tagging writes are kept under new "
                                    "names ({fields}); the plan's values are written under the names.").format(
                layer=label, fields=", ".join(renamed)))
        for name in added:
            fields.append(_text_field(name, _LONG if name in _LONG_FIELDS else 0))

        request = QgsFeatureRequest()
        features = list(source.getFeatures(request, ProcessingFeatureSourceFlag.SkipGeometryValidityChecks))
        check_read_complete(source, label, len(features))
        if not features:
            raise PlanInputError(tr("Layer '{layer}' is empty.").format(layer=label),
                                 tr("Choose a layer with features, or check its filter (subset string)."))
        check_cancel(feedback)
        names = [FeatureName(f.id(), _plain(f[name_field]), _plain(f[code_field]) if code_field else None)
                 for f in features]
        result = tag_townships(names, catalogue, label, use_codes=bool(code_field))

        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                             source.sourceCrs())
        for count, feature in enumerate(features):
            if count % 500 == 0:
                check_cancel(feedback)
                feedback.setProgress(100.0 * count / len(features))
            out = QgsFeature(fields)
            if feature.hasGeometry():
                out.setGeometry(feature.geometry())
            attributes = feature.attributes()
            tags = result.tags[feature.id()].attributes(catalogue)
            out.setAttributes([attributes[i] for i in kept] + [_fit(v, f) for v, f in zip(tags, added)])
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)

        report_fields = QgsFields()
        for name, python_type in REPORT_FIELDS:
            report_fields.append(QgsField(name, _TYPES[python_type]))
        report, report_id = self.parameterAsSink(parameters, self.MATCH_REPORT, context, report_fields,
                                                 WkbType.NoGeometry)
        for row in result.rows:
            feature = QgsFeature(report_fields)
            feature.setAttributes(row.attributes())
            report.addFeature(feature, QgsFeatureSink.Flag.FastInsert)

        self._catalogue = catalogue
        counts = {"MATCHED": result.matched, "UNMATCHED": result.unmatched, "AMBIGUOUS": result.ambiguous,
                  "MISSING": result.missing}
        feedback.pushInfo(tr("{file}: {MATCHED} townships tagged, {UNMATCHED} names not matched, {AMBIGUOUS} "
                             "ambiguous, {MISSING} plan townships missing from the layer.").format(
            file=catalogue.path.name, **counts))
        if counts["UNMATCHED"] or counts["AMBIGUOUS"] or counts["MISSING"]:
            feedback.pushWarning(tr("Some names were not tagged: see the match report for each one and its fix."))
        return {self.OUTPUT: dest_id, self.MATCH_REPORT: report_id, **counts}
