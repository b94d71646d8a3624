"""The tag → check → map flow stays readable from the folders (issue #13).

Read from the source, not imported: which part of the package may import which.
Bottom to top inside core: plan/, geo/ and files/ stand on nothing of the
package but core/errors.py and the top-level plain modules; checks/ and maps/
stand on them (maps may draw what checks measured, never the reverse);
core imports neither the algorithms nor the gui, and has no widget code; the
algorithms and the gui never import each other. core/kernels/ (issue #20) is the very
bottom: pure functions on arrays (shapely 2, numpy), importing nothing of the package
and neither QGIS nor Qt, so that they run in a Python where QGIS cannot be imported;
geo/ (at the QGIS edge, converting as WKB) and checks/ may call them. core/batch/ (issue #21), the
work a dask worker runs and the engine handing it out, stands on the kernels alone, under the
same rule (no QGIS, Qt or GDAL); checks/ reads the layers for it.
"""
import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cq_urban_plugin"
# Top-level modules every layer may use: plain constants, translation, file locations, QGIS/Qt names.
BASE = {"definitions", "i18n", "resources", "compat"}
ALLOWED = {
    "core.plan": {"core.errors", "core.plan"},
    "core.kernels": {"core.kernels"},
    "core.batch": {"core.batch", "core.kernels"},
    "core.geo": {"core.errors", "core.geo", "core.kernels"},
    "core.files": {"core.errors", "core.files"},
    "core.checks": {"core.errors", "core.plan", "core.geo", "core.files", "core.checks", "core.kernels",
                    "core.batch"},
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
    # the kernels and the batch's work: not even the plain modules (i18n needs Qt)
    base = set() if layer in ("core.kernels", "core.batch") else BASE
    wrong = [f"line {line}: {target}" for line, target in _imports(path)
             if _layer(target) not in allowed | base and _layer(target) != layer and target != "core"]
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


KERNELS = [p for p in SOURCES if _layer(_module(p)) in ("core.kernels", "core.batch")]
OUTSIDE_QGIS = {"qgis", "PyQt5", "PyQt6", "sip", "processing", "osgeo"}


def _third_party(path: Path):
    """(line, top-level name) of every absolute import in ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name.split(".")[0]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield node.lineno, node.module.split(".")[0]


@pytest.mark.parametrize("path", KERNELS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_kernels_import_neither_qgis_nor_qt(path):
    wrong = [f"line {line}: {name}" for line, name in _third_party(path)
             if name in OUTSIDE_QGIS or name == "cq_urban_plugin"]
    assert not wrong, f"{path.relative_to(PACKAGE)} is a kernel: no QGIS, Qt or GDAL, nothing of the package {wrong}"


def test_the_kernel_checker_sees_qgis(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import numpy\nfrom qgis.core import QgsGeometry\nimport PyQt5.QtCore\n", encoding="utf-8")
    assert [name for _, name in _third_party(probe) if name in OUTSIDE_QGIS] == ["qgis", "PyQt5"]


def _without_qgis() -> str:
    """The head of a script for an isolated Python (-I): only the package's, numpy's and shapely's folders
    on its path, and every import of qgis, PyQt or GDAL failing."""
    import numpy
    import shapely

    folders = sorted({str(Path(m.__file__).resolve().parents[1]) for m in (numpy, shapely)})
    return textwrap.dedent(f"""
        import sys
        sys.path[:0] = {[str(PACKAGE.parent)] + folders!r}

        class NoQgis:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {sorted(OUTSIDE_QGIS)!r}:
                    raise ImportError("no " + name + " here")

        sys.meta_path.insert(0, NoQgis())
    """)


def test_kernels_run_where_qgis_cannot_be_imported():
    """A kernel computes its figures in an isolated Python (-I: no user site, no PYTHONPATH) whose
    imports of qgis, PyQt and GDAL fail, with only shapely's and numpy's folders on the path."""
    script = _without_qgis() + textwrap.dedent(f"""
        try:
            import qgis.core  # noqa: F401
            sys.exit("qgis was importable")
        except ImportError:
            pass
        import shapely
        from cq_urban_plugin.core.kernels import coverage, builtup
        zones = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)]
        cover = coverage.cover_zones([shapely.box(0, 0, 200, 100)], zones, [(50, 50)], 10.0, with_service=False)
        pieces = builtup.builtup_by_zone([shapely.box(50, 0, 150, 100)], zones)
        print(round(cover.covered_area.sum(), 3), pieces.inside_area.tolist(),
              sorted(m.split(".")[0] for m in sys.modules if m.split(".")[0] in {sorted(OUTSIDE_QGIS)!r}))
    """)
    run = subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    disc = 4 * 16 * 0.5 * 10.0 ** 2 * __import__("math").sin(2 * __import__("math").pi / 64)  # a 64-gon
    covered, inside, loaded = run.stdout.split(" ", 1)[0], run.stdout.split("[")[1], run.stdout.rsplit("[", 1)[1]
    assert float(covered) == pytest.approx(disc, abs=1e-3)
    assert inside.startswith("5000.0, 5000.0]")
    assert loaded.strip() == "]"


def test_the_batch_work_runs_where_qgis_cannot_be_imported():
    """What a dask worker runs (core/batch/work.py, issue #21) measures a jurisdiction given as WKB and
    coordinates in a Python whose imports of qgis, PyQt and GDAL fail."""
    script = _without_qgis() + textwrap.dedent("""
        import shapely
        from cq_urban_plugin.core.batch import engine, work  # noqa: F401 (the engine's module imports too)
        zones = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)]
        job = dict(id="x", townships=[z.wkb for z in zones], names=["a", "b"], fids=[1, 2],
                   builtup=[shapely.box(50, 0, 150, 100).wkb, shapely.box(300, 0, 310, 10).wkb],
                   stops=[(50.0, 50.0), (50.0, 50.0)], radius=10.0)
        result = work.measure(job)
        print([round(r["bu_km2"] * 1e6, 6) for r in result["rows"]], result["stops"], result["duplicates"])
    """)
    run = subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["[5000.0,", "5000.0,", "100.0]", "1", "1"]
