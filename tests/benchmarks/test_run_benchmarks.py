"""`make bench` at a tiny scale, so that the benchmark cannot rot: it generates its
data, runs the plugin and the native chains in subprocesses, finds them in agreement
and writes its markdown table."""
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent / "run_benchmarks.py"


@pytest.mark.slow
def test_benchmark_runs_at_tiny_scale(tmp_path):
    output = tmp_path / "RESULTS.md"
    completed = subprocess.run([sys.executable, str(SCRIPT), "--scale", "0.005", "--workdir", str(tmp_path / "work"),
                                "--output", str(output), "--cases", "coverage,population"],
                               capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    text = output.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| 500 m") or line.startswith("| coverage by")]
    assert len(rows) == 2
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[-1] == "yes", row
        plugin, native = float(cells[6]), float(cells[7])
        assert 0 < plugin <= 100 and abs(plugin - native) <= 1e-3 * native
    assert "townships" in text and "peak memory" in text
