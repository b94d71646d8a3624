"""Time and peak memory of cq_urban:check_batch's run (core.checks.batch.run_batch) on a local dask cluster
(cluster start included, generation not)::

    python tests/benchmarks/batch_bench.py --count 38 --scale 0.01 --workers 1,2,4 \
        --townships 10000,20000,40000 --split 2000 [--results tests/benchmarks/BATCH_RESULTS.md]

1. a synthetic municipality of ``count`` jurisdictions (the benchmark's generator, a seed each) for each
   worker count;
2. one jurisdiction of each number of ``townships`` (small ones: a 250 m square, one built-up block, two
   stops each, ``municipality.tiny_jurisdiction``), split into pieces of ``split`` townships, on 2 workers;
   the largest once more unsplit on 1 worker.

Prints a line a run: wall time, the client's CPU time (reading the layers, writing the tables), the
client's peak memory and that of the cluster's processes together (sampled every 50 ms), the townships
measured. The figures of the runs of one data set must be the same (exit 1 otherwise)."""
import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]


class PeakMemory(threading.Thread):
    """The peak resident memory of this process and, apart, of all its descendants together (the local
    cluster's scheduler is this process; its nannies and workers are children)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop, self.client, self.cluster = threading.Event(), 0, 0

    def run(self):
        import psutil

        me = psutil.Process(os.getpid())
        while not self.stop.is_set():
            total = 0
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            self.client = max(self.client, me.memory_info().rss)
            self.cluster = max(self.cluster, total)
            self.stop.wait(0.05)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.join()


def _run(label, jurisdictions, folder, workers, split_size=0):
    from cq_urban_plugin.core.checks.batch import run_batch

    cpu, started = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    with PeakMemory() as memory:
        summary = run_batch(jurisdictions, folder, workers=workers, split_size=split_size)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF)
    used = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    rows = [(r["juris"], r["township"], r["bu_km2"], r["cover_km2"]) for r in summary.rows]
    line = (f"| {label} | {workers} | {split_size or '-'} | {len(rows) - len(summary.done):,} | {wall:.1f} s | "
            f"{used:.1f} s | {memory.client / 2**20:,.0f} MB | {memory.cluster / 2**20:,.0f} MB |")
    print(line, flush=True)
    if summary.failed:
        print(f"failed: {summary.failed}", file=sys.stderr)
    return rows, line


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=38)
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--townships", default="10000,20000,40000")
    parser.add_argument("--split", type=int, default=2000)
    parser.add_argument("--results", default="", help="also write the table into this Markdown file")
    arguments = parser.parse_args(argv)
    from run_benchmarks import start_qgis

    start_qgis()
    from municipality import municipality, tiny_jurisdiction

    from cq_urban_plugin.core.checks.batch import Jurisdiction, read_list

    header = ["| data | workers | split | townships | wall | client CPU | client peak | cluster peak |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    print("\n".join(header), flush=True)
    lines, status = list(header), 0
    with tempfile.TemporaryDirectory() as folder:
        listing = municipality(Path(folder) / "data", arguments.count, arguments.scale)
        figures = None
        for workers in [int(w) for w in arguments.workers.split(",") if w]:
            rows, line = _run(f"{arguments.count} jurisdictions", read_list(listing), Path(folder) / f"m{workers}",
                              workers)
            lines.append(line)
            if figures is not None and rows != figures:
                print("the figures differ between worker counts", file=sys.stderr)
                status = 1
            figures = rows
        sizes = [int(n) for n in arguments.townships.split(",") if n]
        for count in sizes:
            entry = tiny_jurisdiction(Path(folder) / f"tiny{count}", count)
            tiny = [Jurisdiction("tiny", "", {k: entry[k] for k in ("townships", "builtup", "stops")}, "name")]
            rows, line = _run("1 jurisdiction", tiny, Path(folder) / f"t{count}", 2, arguments.split)
            lines.append(line)
            if count == max(sizes):
                whole, line = _run("1 jurisdiction", tiny, Path(folder) / f"w{count}", 1)
                lines.append(line)
                if whole != rows:
                    print("the split run's figures differ from the unsplit run's", file=sys.stderr)
                    status = 1
    if arguments.results:
        Path(arguments.results).write_text(
            f"# Batch over many jurisdictions (make bench-batch)\n\n{os.cpu_count()} CPU cores; "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Wall time includes starting the cluster; "
            "peaks sampled every 50 ms.\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
