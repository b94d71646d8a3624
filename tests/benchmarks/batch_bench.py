"""Time of cq_urban:check_batch's run (core.checks.batch.run_batch) over a synthetic municipality, for
1, 2 … worker processes of a local dask cluster (cluster start included, generation not)::

    python tests/benchmarks/batch_bench.py --count 38 --scale 0.02 --workers 1,2

Prints one line per worker count: wall time, the client's CPU time (reading the layers, writing the
tables) and the townships measured; the figures of every run must be the same (exit 1 otherwise)."""
import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=38)
    parser.add_argument("--scale", type=float, default=0.02)
    parser.add_argument("--workers", default="1,2")
    arguments = parser.parse_args(argv)
    from run_benchmarks import start_qgis

    start_qgis()
    from municipality import municipality

    from cq_urban_plugin.core.checks.batch import read_list, run_batch

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        listing = municipality(Path(folder) / "data", arguments.count, arguments.scale)
        print(f"generated {arguments.count} jurisdictions at scale {arguments.scale} in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        figures = None
        for workers in [int(w) for w in arguments.workers.split(",")]:
            cpu, started = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
            summary = run_batch(read_list(listing), Path(folder) / f"out{workers}", workers=workers)
            wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF)
            rows = [(r["juris"], r["township"], r["bu_km2"], r["cover_km2"]) for r in summary.rows]
            used = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
            print(f"workers {workers}: {wall:.1f} s wall, client CPU {used:.1f} s, {len(summary.done)} "
                  f"jurisdictions, {len(rows) - len(summary.done)} townships, failed: {sorted(summary.failed)}",
                  flush=True)
            if figures is not None and rows != figures:
                print("the figures differ between worker counts", file=sys.stderr)
                return 1
            figures = rows
    return 0


if __name__ == "__main__":
    sys.exit(main())
