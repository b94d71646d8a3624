"""Command line of the batch over many jurisdictions (the same run as cq_urban:check_batch)::

    python3 -m cq_urban_plugin.batch jurisdictions.json --out results/ [--workers 2]
                                     [--scheduler tcp://host:8786] [--radius 500]
                                     [--split 200] [--postgis "host=… dbname=…"]
    python3 -m cq_urban_plugin.batch jurisdictions.json --out results/ --plan [--no-dossier]
                                     [--plugin-path DIR] [--workers 2] [--scheduler …]

Starts a QGIS without interface to read the layers; the workers (a local dask cluster, or the
scheduler's) need no QGIS. With --plan, each jurisdiction's whole-plan check and dossier run on the
workers through qgis_process (core.checks.batch_plan): those workers need QGIS.
Prints a counter over jurisdictions; exits 0 when every jurisdiction
was measured or skipped, 2 when some failed (listed in failed.csv), 1 on a bad list or folder.
Nothing of QGIS is imported at the top: dask's worker processes import this module as their main.
"""
import argparse
import sys


def parse(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m cq_urban_plugin.batch",
                                     description="Built-up area and bus-stop coverage per township of many "
                                                 "jurisdictions at once, on a dask cluster.")
    parser.add_argument("jurisdictions", help="list of jurisdictions, JSON or CSV (id, catalogue, townships, "
                                              "builtup, stops, optional served and name_field)")
    parser.add_argument("--out", required=True, help="output folder (jurisdictions/<id>.gpkg, merged.gpkg, "
                                                     "merged.csv, failed.csv)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster (default 2)")
    parser.add_argument("--scheduler", default="", help="address of a running dask scheduler instead")
    parser.add_argument("--radius", type=float, default=500.0, help="stop service radius in m (default 500)")
    parser.add_argument("--split", type=int, default=0, help="measure a jurisdiction of more townships than this "
                                                                 "in pieces of so many (default 0: never)")
    parser.add_argument("--postgis", default="", help="keep the results in PostGIS (tables cq_batch_townships, "
                                                      "cq_batch_meta) of this libpq connection")
    parser.add_argument("--plan", action="store_true", help="plan mode: each jurisdiction's whole-plan check "
                        "(cq_urban:check_plan) and dossier, into plans/<id>/, then merged_plan.gpkg and .csv")
    parser.add_argument("--no-dossier", action="store_true", help="plan mode: no dossier PDF (faster)")
    parser.add_argument("--plugin-path", default="", help="plan mode: folder holding cq_urban_plugin/ for the "
                                                          "workers' qgis_process (default: this plugin's)")
    return parser.parse_args(argv)


class _Printed:
    """A feedback that prints: the counter over jurisdictions and the errors."""

    def pushInfo(self, text):  # noqa: N802 (QGIS's name)
        print(text, flush=True)

    def reportError(self, text, fatalError=False):  # noqa: N802, N803 (QGIS's names)
        print(text, file=sys.stderr, flush=True)

    def setProgress(self, percent):  # noqa: N802
        pass

    def isCanceled(self):  # noqa: N802
        return False


def main(argv=None) -> int:
    arguments = parse(argv)
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    try:
        from .core.checks.batch import read_list, run_batch
        from .core.errors import PlanInputError

        try:
            if arguments.plan:
                from .core.checks.batch_plan import run_plan_batch

                summary = run_plan_batch(read_list(arguments.jurisdictions), arguments.out,
                                         workers=arguments.workers, address=arguments.scheduler,
                                         dossier=not arguments.no_dossier, feedback=_Printed(),
                                         plugin_path=arguments.plugin_path)
            else:
                summary = run_batch(read_list(arguments.jurisdictions), arguments.out, radius=arguments.radius,
                                    workers=arguments.workers, address=arguments.scheduler, feedback=_Printed(),
                                    split_size=arguments.split, postgis=arguments.postgis)
        except PlanInputError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"measured {len(summary.done)}, skipped {len(summary.skipped)}, failed {len(summary.failed)}; "
              f"merged: {summary.merged_gpkg}, {summary.merged_csv}", flush=True)
        return 2 if summary.failed else 0
    finally:
        application.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
