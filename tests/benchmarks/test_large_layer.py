"""The large-layer benchmark at a few megabytes, so that it cannot rot: the built-up
check on the generated land use gives the exact area and leaves the file as it was."""
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent / "large_layer.py"


@pytest.mark.slow
def test_large_layer_benchmark_at_a_few_megabytes(tmp_path):
    output = tmp_path / "LARGE.md"
    completed = subprocess.run([sys.executable, str(SCRIPT), "--size-mb", "8", "--per-edge", "60",
                                "--workdir", str(tmp_path / "work"), "--output", str(output)],
                               capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    row = next(line for line in output.read_text(encoding="utf-8").splitlines() if line.startswith("| 三调"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    measured, exact = float(cells[6].replace(",", "")), float(cells[7].replace(",", ""))
    assert exact > 0 and abs(measured - exact) <= 0.01
    assert cells[8] == "yes" and cells[9] == "yes"
