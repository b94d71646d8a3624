"""The batch recipe runner (batch/run_recipe.py) with the packaged plugin."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow
RUNNER = REPO / "batch" / "run_recipe.py"


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


def test_the_main_job_recipes_run_end_to_end(installed_plugin, tmp_path):
    """`make demo`'s recipes on the bundled sample data: every step runs, every file
    it names exists, and each verdict agrees with its measured value and target."""
    recipes = sorted((REPO / "batch" / "recipes").glob("*.json"))
    assert {p.stem for p in recipes} >= {"jiangjin", "kaizhou", "wuxi"}
    copies = []
    for path in recipes:
        recipe = json.loads(path.read_text(encoding="utf-8"))
        recipe["output_dir"] = str(tmp_path / "out" / path.stem)
        copy = tmp_path / path.name
        copy.write_text(json.dumps(recipe, ensure_ascii=False), encoding="utf-8")
        copies.append(copy)
    result = subprocess.run(
        [sys.executable, str(RUNNER), *map(str, copies), "--plugin-path", str(installed_plugin.plugins_dir),
         "--profile-dir", str(tmp_path / "profile"), "--log", str(tmp_path / "log.txt")],
        capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]
    listed = result.stdout.split("Maps and reports")[1].split("Full qgis_process log")[0]
    paths = [line.rsplit(": ", 1)[1].strip() for line in listed.strip().splitlines()]
    assert len(paths) >= 15 and all(Path(p).exists() and Path(p).stat().st_size > 0 for p in paths), paths
    assert sum(p.endswith(".pdf") for p in paths) >= 6
    verdicts = 0
    for line in result.stdout.split("Summary")[1].split("Maps and reports")[0].splitlines()[2:]:
        text = line.rstrip()
        if not text.endswith(" met") and not text.endswith("NOT MET"):
            continue
        passed = not text.endswith("NOT MET")
        cells = text[: -len("NOT MET") if not passed else -len("met")].split()
        target, measured = float(cells[-4].replace(",", "")), float(cells[-3].replace(",", ""))
        assert passed == (measured >= target), line
        verdicts += 1
    assert verdicts >= 5  # 江津 ×2, 开州 ×2, 巫溪 coverage
