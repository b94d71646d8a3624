"""Algorithm: export a thematic map (PDF, PNG or SVG; one page per township with the atlas)."""
from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from .. import definitions
from ..compat import (
    ProcessingAlgorithmFlag,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
)
from ..core.maps import content, layout
from ..core.maps.themes import THEMES
from ..i18n import LANGUAGES, texts_in, tr
from .base import CqAlgorithm


class ExportMapAlgorithm(CqAlgorithm):
    NAME = definitions.EXPORT_MAP
    GROUP = "maps"
    INPUT = "INPUT"
    THEME = "THEME"
    FIELD = "FIELD"
    EXTRA_LAYERS = "EXTRA_LAYERS"
    PAPER = "PAPER"
    TITLE = "TITLE"
    ATLAS = "ATLAS"
    OUTPUT = "OUTPUT"
    DPI = "DPI"
    LABEL_FIELD = "LABEL_FIELD"
    CATALOGUE_FILE = "CATALOGUE_FILE"
    CHECK_SUMMARY = "CHECK_SUMMARY"
    TOWNSHIPS = "TOWNSHIPS"
    LANGUAGE = "LANGUAGE"

    def displayName(self):  # noqa: N802
        return tr("Export thematic map")

    def shortHelpString(self):  # noqa: N802
        themes = ", ".join(f"{i} {t.name}" for i, t in enumerate(THEMES))
        return tr(
            "Exports a thematic map for a plan revision document as PDF, PNG or SVG (by the output file's "
            "extension): title (the plan and the structure), the jurisdiction with every township named in "
            "Chinese, legend in the plan's own terms, scale bar in km, north arrow, coordinate system, data "
            "sources and the plan text shown (document and line, e.g. 江津 “一主两副六节点多特色” "
            "000_5c0b1797e2e1b3c4.txt l.234, 开州 “十四五”城镇体系 003_19d1efc2983d1444.txt l.133), date.\n\n"
            "Inputs: a township layer tagged by “Tag townships” (the plan is recognised from its juris field) or "
            "a check's output layer; the theme ({themes}); optionally the field to show, result layers to draw on "
            "top (uncovered areas and control-line conflicts in red), paper (A3 landscape or A4 portrait, "
            "templates styles/layout_*.qpt, editable in the layout designer), title, resolution.\n"
            "Structures are coloured by the plan's classes (styles/<catalogue>_<field>.qml); the built-up check "
            "by share in classes.\n\n"
            "Atlas: one page per feature of the input layer (township or district); a PDF holds all pages, "
            "PNG and SVG give one file per page named <file>_<n>. An existing file is replaced only once the "
            "new one is complete. Needs a Chinese font (Debian/Ubuntu: fonts-noto-cjk)."
        ).format(themes=themes) + "\n\n" + tr(
            "Every map draws the township boundaries: when the input is not a township layer (the coverage "
            "check's service area), give the township layer (TOWNSHIPS), e.g. the tagged townships; the input is "
            "drawn over them. The title is the plan's and the indicator's (the structure's name or the target's "
            "label), never a layer's or a file's name; every text follows the interface's language, or LANGUAGE "
            "(advanced): Chinese or English.")

    def flags(self):
        # Layouts and fonts are drawn in the main thread, as QGIS's own layout export does.
        return super().flags() | ProcessingAlgorithmFlag.NoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INPUT, tr("Tagged township layer or a check's output layer"), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterEnum(
            self.THEME, tr("Theme"), options=[t.name for t in THEMES], defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.FIELD, tr("Field to show (empty: the theme's field)"), parentLayerParameterName=self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.EXTRA_LAYERS, tr("Result layers to draw on top (e.g. uncovered areas, conflicts)"),
            ProcessingSourceType.VectorAnyGeometry, optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.TOWNSHIPS, tr("Township boundaries, when the input is not a township layer (e.g. the coverage "
                               "check's service area; empty: a tagged township layer among the result layers)"),
            [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PAPER, tr("Paper"), options=[tr("A3 landscape"), tr("A4 portrait")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, tr("Title (empty: the plan and the structure)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ATLAS, tr("Atlas: one page per feature"), defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, tr("Resolution (dpi)"), ProcessingNumberParameterType.Integer, 300, minValue=50,
            maxValue=1200))
        self.addParameter(QgsProcessingParameterField(
            self.LABEL_FIELD, tr("Township name field for labels (empty: plan_name, else the name field)"),
            parentLayerParameterName=self.INPUT, type=ProcessingFieldParameterDataType.String, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CATALOGUE_FILE, tr("Plan catalogue file, when the layer was tagged with one of your own (YAML)"),
            extension="yaml", optional=True))
        summary = QgsProcessingParameterString(
            self.CHECK_SUMMARY, tr("Check result shown under the title (empty: the one the check's output layer "
                                   "carries)"), optional=True)
        summary.setFlags(summary.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(summary)
        language = QgsProcessingParameterEnum(
            self.LANGUAGE, tr("Language of the map's texts"),
            options=[tr("The interface's"), "中文", "English"], defaultValue=0)
        language.setFlags(language.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(language)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Map file"), tr("PDF files (*.pdf);;PNG images (*.png);;SVG drawings (*.svg)")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))

    def compute(self, parameters, context, feedback):
        # Every text of the map is built and laid out in the language asked for (main thread: NoThreading).
        with texts_in(LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]):
            return self._export(parameters, context, feedback)

    def _export(self, parameters, context, feedback):
        source = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        chosen = THEMES[self.parameterAsEnum(parameters, self.THEME, context)]
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        thematic_map = content.prepare_thematic_map(
            source, chosen.key,
            field_name=self.parameterAsString(parameters, self.FIELD, context) or "",
            extra_layers=self.parameterAsLayerList(parameters, self.EXTRA_LAYERS, context),
            title=(self.parameterAsString(parameters, self.TITLE, context) or "").strip(),
            catalogue_file=self.parameterAsFile(parameters, self.CATALOGUE_FILE, context) or "",
            label_field=self.parameterAsString(parameters, self.LABEL_FIELD, context) or "",
            feedback=feedback,
            check_summary=(self.parameterAsString(parameters, self.CHECK_SUMMARY, context) or "").strip(),
            townships=self.parameterAsVectorLayer(parameters, self.TOWNSHIPS, context))
        for note in thematic_map.notes:
            feedback.pushWarning(note)
        paper = layout.PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)]
        atlas = self.parameterAsBoolean(parameters, self.ATLAS, context)
        built = layout.build_layout(thematic_map, paper, atlas)
        pages = layout.atlas_page_count(built)
        feedback.pushInfo(tr("{title}: {pages} page(s), {paper}").format(
            title=thematic_map.title, pages=pages, paper=paper))
        files = layout.export_layout(built, output, self.parameterAsInt(parameters, self.DPI, context), feedback)
        for path in files:
            feedback.pushInfo(tr("Written: {path}").format(path=path))
        # An atlas in PNG or SVG is one file a page: OUTPUT is the first, FILES all of them.
        return {self.OUTPUT: files[0], "PAGES": pages, "FILES": ";".join(files)}
