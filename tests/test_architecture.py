"""The tag → check → map flow stays readable from the folders (issue #13).

Read from the source, not imported: which part of the package may import which.
Bottom to top inside core: plan/, geo/ and files/ stand on nothing of the
package but core/errors.py and the top-level plain modules; checks/ and maps/
stand on them (maps may draw what checks measured, never the reverse);
core imports neither the algorithms nor the gui, and has no widget code; the
algorithms and the gui never import each other.
"""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cq_urban_plugin"
# Top-level modules every layer may use: plain constants, translation, file locations, QGIS/Qt names.
BASE = {"definitions", "i18n", "resources", "compat"}
ALLOWED = {
    "core.plan": {"core.errors", "core.plan"},
    "core.geo": {"core.errors", "core.geo"},
    "core.files": {"core.errors", "core.files"},
    "core.checks": {"core.errors", "core.plan", "core.geo", "core.files", "core.checks"},
    "core.maps": {"core.errors", "core.plan", "core.geo", "core.files", "core.checks", "core.maps"},
    "core.errors": set(),
}
MAX_LINES = 500


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str = None):
    """(line, imported package module) for every import of the package in ``path`` (the
    package module ``module``, by default the one at that place)."""
    module = _module(path) if module is None else module
    here = module.split(".") if module else []
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.startswith("cq_urban_plugin"):
                target = node.module.split(".")[1:]
            else:
                continue
            names = [alias.name for alias in node.names]
            for name in names:  # `from ..core import errors` imports the module core.errors
                candidate = target + [name]
                if (PACKAGE.joinpath(*candidate).with_suffix(".py").exists()
                        or (PACKAGE.joinpath(*candidate) / "__init__.py").exists()):
                    yield node.lineno, ".".join(candidate)
                else:
                    yield node.lineno, ".".join(target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("cq_urban_plugin."):
                    yield node.lineno, alias.name.split(".", 1)[1]


def _layer(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "core" and len(parts) > 1:
        return ".".join(parts[:2])
    return parts[0]


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", [p for p in SOURCES if _module(p).startswith("core")],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_layers_import_only_what_stands_below_them(path):
    layer = _layer(_module(path))
    allowed = ALLOWED.get(layer, set())
    wrong = [f"line {line}: {target}" for line, target in _imports(path)
             if _layer(target) not in allowed | BASE and _layer(target) != layer and target != "core"]
    assert not wrong, f"{path.relative_to(PACKAGE)} ({layer}) imports {wrong}"
    text = path.read_text(encoding="utf-8")
    assert "QtWidgets" not in text and "qgis.gui" not in text, "core has no widget code"


@pytest.mark.parametrize("path", [p for p in SOURCES if _layer(_module(p)) in ("algorithms", "gui")],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_algorithms_and_gui_never_import_each_other(path):
    layer = _layer(_module(path))
    other = {"algorithms": "gui", "gui": "algorithms"}[layer]
    wrong = [f"line {line}: {target}" for line, target in _imports(path) if _layer(target) == other]
    assert not wrong, f"{path.relative_to(PACKAGE)} imports {wrong}"


def test_no_file_of_the_package_is_over_about_500_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in SOURCES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these by what they do: {long}"


def test_the_checker_sees_a_wrong_import(tmp_path):
    """The rule above is not vacuous: an upward import in a plan module is found."""
    probe = tmp_path / "probe.py"
    probe.write_text("from ..checks.targets import target_met\nfrom ..errors import PlanInputError\n",
                     encoding="utf-8")
    found = [target for _, target in _imports(probe, "core.plan.probe")]
    assert found == ["core.checks.targets", "core.errors"]
    assert _layer(found[0]) not in ALLOWED["core.plan"] | BASE
