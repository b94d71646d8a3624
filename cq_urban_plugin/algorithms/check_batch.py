"""Algorithm: built-up area and bus-stop coverage of many jurisdictions at once, on a dask cluster
(cq_urban:check_batch). A thin shell over core.checks.batch.run_batch."""
from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import definitions
from ..compat import ProcessingNumberParameterType
from ..core.checks.batch import read_list, run_batch
from ..core.checks.batch_plan import run_plan_batch
from ..core.checks.coverage import DEFAULT_RADIUS
from ..i18n import tr
from .base import CqAlgorithm


class CheckBatchAlgorithm(CqAlgorithm):
    NAME = definitions.CHECK_BATCH
    GROUP = "checks"
    JURISDICTIONS = "JURISDICTIONS"
    RADIUS = "RADIUS"
    WORKERS = "WORKERS"
    SCHEDULER = "SCHEDULER"
    SPLIT = "SPLIT"
    POSTGIS = "POSTGIS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    PLAN = "PLAN"
    DOSSIER = "DOSSIER"

    def displayName(self):  # noqa: N802
        return tr("Check many jurisdictions at once (dask)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Measures built-up area and bus-stop coverage per township in many jurisdictions at once (all 38 "
            "districts and counties of 重庆), in parallel on a dask.distributed cluster: a local cluster of worker "
            "processes by default, or a running dask scheduler given by its address (tcp://host:8786). The figures "
            "are those of cq_urban:check_builtup and cq_urban:check_coverage (straight line, by area) run on each "
            "jurisdiction alone.\n\n"
            "Input: a list of jurisdictions, JSON (a list of objects) or CSV (a header row), each with id, "
            "catalogue, townships, builtup and stops (layer paths, path|layername=…; relative to the list's "
            "folder), optionally served (the served area; default the built-up) and name_field.\n\n"
            "Output folder: jurisdictions/<id>.gpkg, one table per jurisdiction (a row per township: twp_km2, "
            "bu_km2, share, served_km2, cover_km2, cover_pct, and one row for the built-up outside every "
            "township), each written whole or not at all; merged.gpkg and merged.csv across all; failed.csv "
            "with the jurisdictions that could not be measured and why. A rerun skips every jurisdiction whose "
            "table is already there.\n\n"
            "Split: a jurisdiction of more townships than this is measured in pieces of so many neighbouring "
            "townships, each with the built-up polygons meeting them and the stops within the radius of them "
            "(a stop's circle reaches into the next township), and one piece for the built-up outside every "
            "township; the figures are the same as unsplit.\n\n"
            "One municipal layer set instead of a list: a JSON object {\"field\": …, \"townships\": …, "
            "\"builtup\": …, \"stops\": …}, every layer with the field naming each feature's jurisdiction; a "
            "jurisdiction per value. Layers may be PostGIS tables (dbname=… table=…).\n\n"
            "PostGIS: with a connection, the results are kept in its tables cq_batch_townships and cq_batch_meta "
            "instead of jurisdictions/*.gpkg, each jurisdiction written in one transaction; a rerun skips those "
            "already there.\n\n"
            "Plan mode: each jurisdiction's whole-plan check (cq_urban:check_plan) and its dossier "
            "(cq_urban:export_dossier), run by qgis_process on the workers (which then need QGIS and this plugin): "
            "each entry gives its catalogue and its layers by role (townships, builtup, landuse, stops, facilities, "
            "roads, green, forest, ecology, farmland, development, river, plants, population) and check_plan's "
            "options (township_name_field, facility_type_field, landuse_field, population_field, tolerance_pct, "
            "walk_speed). Output: plans/<id>/ (plan_check.csv, plan_check.html, dossier.pdf), each written whole; "
            "merged_plan.gpkg and merged_plan.csv (juris, target_id, measured, target, gap, verdict, citation).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.JURISDICTIONS, tr("List of jurisdictions (JSON or CSV)"), extension="", fileFilter=tr(
                "Lists of jurisdictions (*.json *.csv)")))
        self.addParameter(QgsProcessingParameterNumber(
            self.RADIUS, tr("Stop service radius (m)"), ProcessingNumberParameterType.Double,
            defaultValue=DEFAULT_RADIUS, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.WORKERS, tr("Worker processes of the local cluster"), ProcessingNumberParameterType.Integer,
            defaultValue=2, minValue=1))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEDULER, tr("Or the address of a running dask scheduler (e.g. tcp://10.0.0.5:8786)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SPLIT, tr("Split a jurisdiction of more townships than this into pieces of so many (0: never)"),
            ProcessingNumberParameterType.Integer, defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.POSTGIS, tr("Or keep the results in PostGIS: a connection (host=… port=… dbname=… user=…)"),
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.PLAN, tr("Plan mode: each jurisdiction's whole-plan check and dossier (the workers need QGIS)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DOSSIER, tr("Plan mode: a dossier PDF per jurisdiction"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile("MERGED", tr("Merged table (GeoPackage)")))
        self.addOutput(QgsProcessingOutputFile("MERGED_CSV", tr("Merged table (CSV)")))
        for name, description in (("DONE_COUNT", tr("Jurisdictions measured")),
                                  ("SKIPPED_COUNT", tr("Jurisdictions already measured, skipped")),
                                  ("FAILED_COUNT", tr("Jurisdictions that failed"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def compute(self, parameters, context, feedback):
        jurisdictions = read_list(self.parameterAsFile(parameters, self.JURISDICTIONS, context))
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        workers = self.parameterAsInt(parameters, self.WORKERS, context)
        address = (self.parameterAsString(parameters, self.SCHEDULER, context) or "").strip()
        if self.parameterAsBool(parameters, self.PLAN, context):
            summary = run_plan_batch(jurisdictions, folder, workers=workers, address=address, feedback=feedback,
                                     dossier=self.parameterAsBool(parameters, self.DOSSIER, context))
        else:
            summary = run_batch(jurisdictions, folder, radius=self.parameterAsDouble(parameters, self.RADIUS, context),
                                workers=workers, address=address, feedback=feedback,
                                transform_context=context.transformContext(),
                                split_size=self.parameterAsInt(parameters, self.SPLIT, context),
                                postgis=(self.parameterAsString(parameters, self.POSTGIS, context) or "").strip())
        feedback.pushInfo(tr("{done} jurisdictions measured, {skipped} skipped (already measured), {failed} failed; "
                             "merged table: {path}").format(done=len(summary.done), skipped=len(summary.skipped),
                                                            failed=len(summary.failed), path=summary.merged_gpkg))
        return {self.OUTPUT_FOLDER: folder, "MERGED": summary.merged_gpkg, "MERGED_CSV": summary.merged_csv,
                "DONE_COUNT": len(summary.done), "SKIPPED_COUNT": len(summary.skipped),
                "FAILED_COUNT": len(summary.failed)}
