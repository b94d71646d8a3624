#!/usr/bin/env python3
"""Run a batch recipe of cq_urban algorithms through qgis_process, and print a summary.

A recipe (JSON, see batch/recipes/) lists steps, each an algorithm id and
its parameters. Values may refer to recipe variables as ``{name}`` and to the
results of earlier steps as ``{step_id.RESULT_KEY}``. A step may declare a
``summary`` row: which of its results are the measured value, the target, the
gap and pass/fail; a step of cq_urban:check_plan may say ``"plan_summary": true``
to have its counts (targets measured, met, not met, not measured) printed after
the summary. Technicians copy a recipe, point it at their own layers and
run:

    python3 batch/run_recipe.py my_recipe.json [more.json …]

The runner only needs Python 3 and qgis_process; it uses ``qgis_process.bin``
where Debian's broken wrapper would be first (see README), and exits non-zero
as soon as a step fails.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The counts cq_urban:check_plan declares, printed per jurisdiction after the summary.
PLAN_COUNTS = ("TARGETS", "MEASURED_COUNT", "MET_COUNT", "NOT_MET_COUNT", "APPROXIMATE_COUNT", "NOT_MEASURED_COUNT")
_REFERENCE = re.compile(r"\{([A-Za-z_][\w]*)(?:\.([A-Za-z_][\w]*))?\}")


def qgis_process_command():
    for name in ("qgis_process.bin", "qgis_process"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("qgis_process not found: install QGIS (make setup).")


class StepFailed(Exception):
    pass


def expand(value, variables, results):
    """Replace {var} and {step.KEY} in a string (recursively in lists)."""
    if isinstance(value, list):
        return [expand(v, variables, results) for v in value]
    if not isinstance(value, str):
        return value

    def substitute(match):
        name, key = match.group(1), match.group(2)
        if key is None:
            if name not in variables:
                raise StepFailed(f"unknown variable {{{name}}}")
            return str(variables[name])
        if name not in results or key not in results[name]:
            raise StepFailed(f"{{{name}.{key}}}: step '{name}' has no result '{key}'")
        return str(results[name][key])

    return _REFERENCE.sub(substitute, value)


def run_step(command, env, algorithm, params, log):
    args = [command, "run", algorithm, "--json", "--"]
    for key, value in params.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, bool):
                item = "true" if item else "false"
            args.append(f"{key}={item}")
    started = time.time()
    completed = subprocess.run(args, env=env, capture_output=True, text=True)
    log.write(f"$ {' '.join(args)}\n{completed.stdout}\n{completed.stderr}\n")
    text = completed.stdout
    payload = None
    if "{" in text:
        try:
            payload = json.loads(text[text.index("{"):])
        except json.JSONDecodeError:
            payload = None
    if completed.returncode != 0 or payload is None:
        message = (completed.stderr or completed.stdout).strip().splitlines()
        # qgis_process prints the algorithm's message last; show the end only.
        raise StepFailed("\n".join(message[-8:]) or f"exit code {completed.returncode}")
    return payload.get("results", {}), time.time() - started


def fmt(value):
    if isinstance(value, float):
        return f"{value:,.2f}"
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "met" if value else "NOT MET"
    return str(value)


def run_recipe(path, command, env, log):
    recipe = json.loads(Path(path).read_text(encoding="utf-8"))
    base = Path(path).resolve().parent
    variables = {"repo": str(REPO), "recipe_dir": str(base)}
    variables.update({k: expand(v, variables, {}) for k, v in recipe.get("variables", {}).items()})
    out = Path(expand(recipe.get("output_dir", "output"), variables, {}))
    if not out.is_absolute():
        out = REPO / out
    out.mkdir(parents=True, exist_ok=True)
    variables["out"] = str(out)
    results, summary, files, plans = {}, [], [], []
    steps = recipe["steps"]
    print(f"== {recipe.get('name', path)}  ({len(steps)} steps, outputs in {out})", flush=True)
    for number, step in enumerate(steps, start=1):
        params = {k: expand(v, variables, results) for k, v in step["params"].items()}
        label = step.get("label", step["algorithm"])
        print(f"  [{number}/{len(steps)}] {label} … ", end="", flush=True)
        try:
            step_results, seconds = run_step(command, env, step["algorithm"], params, log)
        except StepFailed as error:
            print("FAILED")
            where = f"{recipe.get('name', path)}, step '{step['id']}' ({step['algorithm']})"
            raise StepFailed(f"{where}:\n{error}") from None
        print(f"done ({seconds:.1f} s)", flush=True)
        results[step["id"]] = step_results
        for key in step.get("files", []):
            if step_results.get(key):
                files.append((label, str(step_results[key])))
        for row in step.get("summary", []):
            summary.append({
                "jurisdiction": recipe.get("jurisdiction", ""),
                "indicator": row["label"],
                "target": step_results.get(row.get("target", ""), None),
                "measured": step_results.get(row["measured"]),
                "unit": row.get("unit", ""),
                "gap": step_results.get(row.get("gap", ""), None),
                "passed": step_results.get(row.get("passed", ""), None),
            })
        if step.get("plan_summary"):
            plans.append({"jurisdiction": recipe.get("jurisdiction", ""), "catalogue": params.get("CATALOGUE", ""),
                          **{key: step_results.get(key) for key in PLAN_COUNTS}})
    return summary, files, plans


def print_summary(summary, files, plans=()):
    headers = ["jurisdiction", "indicator", "target", "measured", "unit", "gap", "result"]
    rows = [[r["jurisdiction"], r["indicator"], fmt(r["target"]), fmt(r["measured"]), r["unit"], fmt(r["gap"]),
             fmt(r["passed"]) if r["passed"] is not None else "—"] for r in summary]
    widths = [max(_width(str(x)) for x in column) for column in zip(headers, *rows)] if rows else []
    print("\nSummary")
    for row in [headers] + rows:
        print("  " + "  ".join(_pad(str(cell), width) for cell, width in zip(row, widths)))
    if plans:
        print("\nWhole-plan check: the catalogue's targets measured")
        width = max(_width(p["jurisdiction"]) for p in plans)
        for plan in plans:
            counts = {key: _count(plan[key]) for key in PLAN_COUNTS}
            print(f"  {_pad(plan['jurisdiction'], width)}  {counts['MEASURED_COUNT']} of {counts['TARGETS']} "
                  f"targets measured ({plan['catalogue']}), {counts['MET_COUNT']} met, {counts['NOT_MET_COUNT']} "
                  f"not met" + (f", {counts['APPROXIMATE_COUNT']} approximate (约: a deviation, no verdict)"
                                if counts["APPROXIMATE_COUNT"] not in ("0", "—") else "")
                  + f"; {counts['NOT_MEASURED_COUNT']} not measured")
    if files:
        print("\nMaps and reports")
        for label, path in files:
            print(f"  {label}: {path}")


def _count(value):
    return "—" if value is None else f"{int(value)}"


def _width(text):
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text, width):
    return text + " " * (width - _width(text))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("recipes", nargs="+", help="recipe JSON files")
    parser.add_argument("--plugin-path", help="folder holding cq_urban_plugin/ (sets QGIS_PLUGINPATH)")
    parser.add_argument("--profile-dir", help="a QGIS settings folder of its own (QGIS_CUSTOM_CONFIG_PATH), "
                                              "so your own profile is left as it is")
    parser.add_argument("--log", default=None, help="where to write qgis_process's full output")
    args = parser.parse_args(argv)
    command = qgis_process_command()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.plugin_path:
        env["QGIS_PLUGINPATH"] = str(Path(args.plugin_path).resolve())
    if args.profile_dir:
        Path(args.profile_dir).mkdir(parents=True, exist_ok=True)
        env["QGIS_CUSTOM_CONFIG_PATH"] = str(Path(args.profile_dir).resolve())
    enabled = subprocess.run([command, "plugins", "enable", "cq_urban_plugin"], env=env,
                             capture_output=True, text=True)
    # qgis_process exits non-zero for a plugin that is enabled already: that is fine.
    if enabled.returncode != 0 and "already enabled" not in enabled.stdout + enabled.stderr:
        sys.exit("qgis_process could not enable cq_urban_plugin; is it on the plugin path?\n"
                 + enabled.stderr[-2000:])
    log_path = Path(args.log or (REPO / "output" / "qgis_process.log"))
    log_path.parent.mkdir(parents=True, exist_ok=True)
    summary, files, plans = [], [], []
    with open(log_path, "w", encoding="utf-8") as log:
        try:
            for recipe in args.recipes:
                recipe_summary, recipe_files, recipe_plans = run_recipe(recipe, command, env, log)
                summary += recipe_summary
                files += recipe_files
                plans += recipe_plans
        except StepFailed as error:
            print(f"\nFAILED: {error}\n(full log: {log_path})", file=sys.stderr)
            return 1
    print_summary(summary, files, plans)
    print(f"\nFull qgis_process log: {log_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
