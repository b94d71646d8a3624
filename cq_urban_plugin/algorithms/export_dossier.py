"""Algorithm: a plan-check dossier of one jurisdiction as one PDF (cq_urban:export_dossier).

It takes the inputs of cq_urban:check_plan (the same parameters, the same layer roles), runs the
whole-plan check itself (CheckPlanAlgorithm.plan_result, without its summary table and report), and
lays out what it found (core.maps.dossier): cover, summary table,
one page per measured target with its map, chart and definition, the targets not measured.
"""
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
)

from .. import definitions
from ..compat import ProcessingAlgorithmFlag, ProcessingParameterFlag
from ..core.maps import dossier
from ..i18n import LANGUAGES, texts_in, tr
from .base import CqAlgorithm
from .check_plan import ROLE_PARAMETERS, CheckPlanAlgorithm
from .run_outputs import AREA_UNIT, TABLE_XLSX


class ExportDossierAlgorithm(CheckPlanAlgorithm):
    NAME = definitions.EXPORT_DOSSIER
    GROUP = "maps"
    PAPER = "PAPER"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"
    # check_plan's own outputs: written by the run inside, not offered here.
    _HIDDEN = (CheckPlanAlgorithm.SUMMARY, CheckPlanAlgorithm.REPORT, TABLE_XLSX, AREA_UNIT)

    def displayName(self):  # noqa: N802 (QGIS's name)
        return tr("Export a plan-check dossier (PDF)")

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return tr(
            "One PDF a planning bureau can hand over, for one jurisdiction: a cover (the plan's documents, the "
            "jurisdiction, the date, the data sources and the counts); the summary table of every measured target "
            "with its target, measured value, verdict and the plan's text (document and line); one page per "
            "measured target with its map (the townships in classes of the check's value, their boundaries and "
            "names drawn), its chart (each township against the target, sorted by the gap; the covered and "
            "uncovered split) and its definition; then the targets not measured and why.\n\n"
            "The inputs are those of cq_urban:check_plan (the catalogue and the layers by their role: townships, "
            "built-up, land use, stops, …), which runs inside; paper A4 or A3 (portrait); the language of the texts "
            "(advanced). Outputs: the PDF, PAGES and INDICATORS (the pages of measured targets).")

    def flags(self):
        # Layouts and fonts are drawn in the main thread, as QGIS's own layout export does.
        return super().flags() | ProcessingAlgorithmFlag.NoThreading

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        CheckPlanAlgorithm.initAlgorithm(self, config)
        for name in self._HIDDEN:
            definition = self.parameterDefinition(name)
            if definition is not None:
                definition.setFlags(definition.flags() | ProcessingParameterFlag.Hidden
                                    | ProcessingParameterFlag.Optional)
        self.addParameter(QgsProcessingParameterEnum(
            self.PAPER, tr("Paper"), options=[tr("A4 portrait"), tr("A3 portrait")], defaultValue=0))
        language = QgsProcessingParameterEnum(
            self.LANGUAGE, tr("Language of the dossier's texts"),
            options=[tr("The interface's"), "中文", "English"], defaultValue=0)
        language.setFlags(language.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(language)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Dossier"), tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))
        self.addOutput(QgsProcessingOutputNumber("INDICATORS", tr("Pages of measured targets")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        return CqAlgorithm.processAlgorithm(self, parameters, context, feedback)  # nothing to load

    def _townships(self, parameters, context):
        """The township layer the check read: TOWNSHIPS, or the delivery's (its XZQ, or one derived)."""
        source = self.parameterAsSource(parameters, "TOWNSHIPS", context)
        if source is None:
            found = getattr(self, "_delivery_layers", {}).get("townships")
            return found[0] if found else None
        layer = source.materialize(QgsFeatureRequest())
        layer.setName(self.parameter_layer_label(parameters, "TOWNSHIPS", context) or tr("Townships"))
        return layer

    def compute(self, parameters, context, feedback):
        with texts_in(LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]):
            result = self.plan_result(parameters, context, feedback)
            townships = self._townships(parameters, context)
            role_names = {role: label() for role, label in ROLE_PARAMETERS}
            role_names["population"] = tr("Population")
            sources = [tr("{role}: {label}").format(role=role_names.get(role, role), label=label)
                       for role, label in result.roles.items()]
            output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
            written = dossier.export_dossier(
                result, townships, output, dossier.PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)],
                name_field=self._field(parameters, self.TOWNSHIP_NAME_FIELD, context), sources=sources,
                role_names=role_names, feedback=feedback)
        feedback.pushInfo(tr("Dossier: {pages} pages, {indicators} measured targets.").format(**written))
        return {self.OUTPUT: output, "PAGES": written["pages"], "INDICATORS": written["indicators"],
                **result.counts()}
