"""The batch recipe runner (processing/run_recipe.py) with the packaged plugin."""
import json
import subprocess
import sys

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow
RUNNER = REPO / "processing" / "run_recipe.py"


def _run(recipe_path, installed_plugin, tmp_path):
    return subprocess.run(
        [sys.executable, str(RUNNER), str(recipe_path), "--plugin-path", str(installed_plugin.plugins_dir),
         "--profile-dir", str(tmp_path / "profile"), "--log", str(tmp_path / "log.txt")],
        capture_output=True, text=True, timeout=600)


def test_steps_chain_and_summary(installed_plugin, tmp_path):
    recipe = {
        "name": "recipe test", "jurisdiction": "巫溪县", "output_dir": str(tmp_path / "out"),
        "variables": {"catalogue": "wuxi"},
        "steps": [
            {"id": "all", "algorithm": "cq_urban:list_targets",
             "params": {"CATALOGUE": "{catalogue}", "OUTPUT": "{out}/all.gpkg"}},
            {"id": "bus", "algorithm": "cq_urban:list_targets", "files": ["OUTPUT"],
             "params": {"CATALOGUE": "{catalogue}", "INDICATOR": "bus_stop_coverage", "OUTPUT": "{out}/bus.gpkg"},
             "summary": [{"label": "targets listed", "measured": "TARGET_COUNT"}]},
        ],
    }
    path = tmp_path / "recipe.json"
    path.write_text(json.dumps(recipe, ensure_ascii=False), encoding="utf-8")
    result = _run(path, installed_plugin, tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "all.gpkg").exists() and (tmp_path / "out" / "bus.gpkg").exists()
    summary = result.stdout[result.stdout.index("Summary"):]
    assert "巫溪县" in summary and "targets listed" in summary
    assert str(tmp_path / "out" / "bus.gpkg") in result.stdout


def test_a_failing_step_stops_with_its_message(installed_plugin, tmp_path):
    recipe = {"name": "bad", "output_dir": str(tmp_path / "out"), "steps": [
        {"id": "bad", "algorithm": "cq_urban:list_targets",
         "params": {"CATALOGUE_FILE": str(tmp_path / "missing.yaml"), "OUTPUT": "{out}/x.gpkg"}},
        {"id": "never", "algorithm": "cq_urban:list_targets", "params": {"OUTPUT": "{bad.OUTPUT}"}},
    ]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(recipe), encoding="utf-8")
    result = _run(path, installed_plugin, tmp_path)
    assert result.returncode == 1
    assert "step 'bad'" in result.stderr and "missing.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    assert "[2/2]" not in result.stdout
