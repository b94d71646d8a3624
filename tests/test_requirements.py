"""The geometry kernels' shapely 2 (issue #20): there for QGIS's own Python after `make setup`,
and, where it is missing or too old, the plugin refuses with one message naming the fix."""
import subprocess
import sys

import pytest

from cq_urban_plugin import requirements
from cq_urban_plugin.core import kernels


def test_shapely_2_is_there_for_this_qgis_python():
    assert not kernels.shapely_missing(), kernels.shapely_version()
    assert requirements.missing_message() is None


def test_qgis_own_python_imports_shapely_2():
    """What `make setup` installs must reach /usr/bin/python3, whose site QGIS and qgis_process use."""
    from conftest import REPO

    code = ("import shapely; from cq_urban_plugin.core import kernels; "
            "print(kernels.shapely_missing(), shapely.__file__)")
    found = subprocess.run(["/usr/bin/python3", "-c", code], cwd=REPO, capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("False "), found.stdout


@pytest.mark.parametrize("version, missing", [("1.8.5", True), ("2.0.6", False), ("2.1.0rc1", False),
                                              ("1.9", True), ("10.0", False),
                                              ("0+unknown", False)])  # Debian sid's 2.2.0: its API says 2
def test_versions_older_than_2_are_missing(version, missing, monkeypatch):
    monkeypatch.setattr(kernels, "shapely_version", lambda: version)
    assert kernels.shapely_missing() is missing
    message = requirements.missing_message()
    assert (message is not None) is missing
    if missing:
        assert version in message and requirements.install_command() in message


def test_a_build_without_its_version_and_without_the_api_is_missing(tmp_path):
    """A "0+unknown" that is not shapely 2 (no from_wkb, union_all …) is refused."""
    fake = tmp_path / "shapely"
    fake.mkdir()
    (fake / "__init__.py").write_text('__version__ = "0+unknown"\n', encoding="utf-8")
    from conftest import REPO

    code = "from cq_urban_plugin.core import kernels; print(kernels.shapely_missing())"
    found = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                           env={"PYTHONPATH": f"{tmp_path}:{REPO}", "PATH": "/usr/bin:/bin"})
    assert found.returncode == 0 and found.stdout.strip() == "True", found.stderr


def test_a_check_refuses_with_the_fix_when_shapely_is_old(installed_plugin, tmp_path):
    """qgis_process with a shapely 1.8 first on its path (as Debian 12's python3-shapely is):
    the check stops before writing anything, with the message and the command."""
    fake = tmp_path / "old" / "shapely"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('__version__ = "1.8.5"\n', encoding="utf-8")
    env = dict(installed_plugin.env, PYTHONPATH=str(fake.parent))
    out = tmp_path / "out.gpkg"
    from conftest import REPO

    gpkg = REPO / "layers" / "kaizhou.gpkg"
    result = subprocess.run([installed_plugin.command, "run", "cq_urban:check_builtup", "--json", "--",
                             f"BUILTUP={gpkg}|layername=builtup", f"TOWNSHIPS={gpkg}|layername=townships",
                             "CATALOGUE=kaizhou", f"OUTPUT={out}"],
                            env=env, cwd=installed_plugin.root, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "shapely 2.0 or newer" in said and "1.8.5" in said, said[-2000:]
    assert requirements.install_command().split()[0] in said
    assert not out.exists()
    assert "Traceback" not in said


def test_the_kernels_package_imports_without_shapely():
    """The plugin must load (and say what is missing) where shapely is absent."""
    code = ("import sys; sys.modules['shapely'] = None; "
            "from cq_urban_plugin.core import kernels; print(kernels.shapely_missing())")
    from conftest import REPO

    found = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert found.returncode == 0 and found.stdout.strip() == "True", found.stderr
