"""Shared fixtures: real QGIS (pytest-qgis), the seeds folder, qgis_process."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def qgis_process_command():
    """Debian's /usr/bin/qgis_process wrapper fails on 3.22 (--noversioncheck); the binary works."""
    for name in ("qgis_process.bin", "qgis_process"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("qgis_process is not installed: run `make setup`.")


@pytest.fixture(scope="session")
def seeds_dir():
    if not SEEDS.is_dir():
        pytest.fail(f"The plan sources are expected in {SEEDS} (../shared/seeds beside the repo).")
    return SEEDS


@pytest.fixture(scope="session")
def plugin_zip(tmp_path_factory):
    """The zip `make package` builds, in a folder of its own."""
    dist = tmp_path_factory.mktemp("dist")
    build = tmp_path_factory.mktemp("build")
    subprocess.run(["make", "-s", "package", f"DIST={dist}", f"BUILD={build}"], cwd=REPO, check=True,
                   stdout=subprocess.PIPE)
    zips = list(dist.glob("cq_urban_plugin-*.zip"))
    assert len(zips) == 1, zips
    return zips[0]


@pytest.fixture(scope="session")
def installed_plugin(plugin_zip, tmp_path_factory):
    """The packaged plugin unzipped into a fresh plugin path and enabled in a fresh QGIS profile.

    Returns a function running qgis_process with that environment.
    """
    import zipfile

    root = tmp_path_factory.mktemp("qgis_home")
    plugins = root / "plugins"
    config = root / "config"
    plugins.mkdir()
    config.mkdir()
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    env = dict(os.environ, QGIS_PLUGINPATH=str(plugins), QGIS_CUSTOM_CONFIG_PATH=str(config),
               QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8")
    env.pop("PYTHONPATH", None)  # the installed copy, not the checkout, must answer
    command = qgis_process_command()

    def run(*args, check=True, timeout=600):
        result = subprocess.run([command, *args], env=env, cwd=root, capture_output=True, text=True,
                                timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"qgis_process {' '.join(args)} failed ({result.returncode}):\n"
                                 f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result

    run("plugins", "enable", "cq_urban_plugin")
    run.plugins_dir = plugins
    run.env, run.command, run.root = env, command, root
    return run


def postgresql_bindir():
    """The server binaries of the highest PostgreSQL installed (Debian 12: 15, Debian 13: 17)."""
    found = []
    for initdb in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        try:
            found.append((float(initdb.parents[1].name), initdb.parent))
        except ValueError:
            continue
    return max(found)[1] if found else None


def _free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalPostgis:
    """A real PostgreSQL with PostGIS (Debian's packages) on a free local port, in a
    throw-away data folder, that a test may also stop and start again."""

    def __init__(self):
        import tempfile

        self.bindir = postgresql_bindir()
        if self.bindir is None:
            pytest.fail("PostgreSQL is not installed: run `make setup` (postgresql-postgis).")
        # Not under pytest's folder: that one is private to root, and the server runs as postgres.
        self.root = Path(tempfile.mkdtemp(prefix="cq_urban_postgis_"))
        self.data, self.sockets = self.root / "data", self.root / "run"
        self.sockets.mkdir()
        self.as_user = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            import pwd

            account = pwd.getpwnam("postgres")
            for path in (self.root, self.sockets):
                os.chown(path, account.pw_uid, account.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.port = _free_port()
        subprocess.run([*self.as_user, str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A",
                        "trust", "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
        self.start()
        self.psql("-c", "CREATE DATABASE plans", database="postgres")
        self.psql("-c", "CREATE EXTENSION postgis")
        self.connection = f"host=127.0.0.1 port={self.port} dbname=plans user=postgres"

    def psql(self, *args, database="plans", check=True):
        return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database,
                               "-v", "ON_ERROR_STOP=1", "-q", "-At", *args], check=check, capture_output=True,
                              text=True)

    def start(self):
        running = subprocess.run([*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.data), "status"],
                                 capture_output=True)
        if running.returncode == 0:
            return  # still up (a test that meant to stop it did not get to)
        options = f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run([*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l",
                        str(self.root / "server.log"), "start"], check=True, capture_output=True)

    def stop(self, mode="fast"):
        """``mode`` "immediate" is a server that goes away: connections cut, no goodbye."""
        subprocess.run([*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"],
                       capture_output=True)

    def remove(self):
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgis():
    """A local PostGIS for the session; returns the connection as a libpq string
    ("host=… port=… dbname=… user=…")."""
    server = LocalPostgis()
    try:
        yield server.connection
    finally:
        server.remove()


@pytest.fixture(scope="module")
def postgis_server():
    """A local PostGIS of the module's own, as a LocalPostgis, for tests that stop it."""
    server = LocalPostgis()
    try:
        yield server
    finally:
        server.remove()


# pytest-qgis's stand-in iface answers layerTreeView() with a MagicMock; QGIS 3.44's
# Processing passes that view to C++ (when it loads results into the project), which
# raises a TypeError. Give the stand-in a real layer tree view over the project's tree.
_LAYER_TREE = []


@pytest.fixture(autouse=True, scope="session")
def _real_layer_tree_view(qgis_iface):
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    if qgis_iface is None:
        return
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    view = QgsLayerTreeView()
    view.setModel(model)
    _LAYER_TREE[:] = [model, view]
    qgis_iface.layerTreeView = lambda: view


# The plugin's provider, registered once and kept referenced: a provider whose
# Python object is collected loses its algorithms, and registering a second one
# with the same id makes QGIS delete it.
_PROVIDERS = []


@pytest.fixture
def cq_provider(qgis_processing):
    from qgis.core import QgsApplication

    from cq_urban_plugin.provider import CqUrbanProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("cq_urban")
    if provider is None:
        _PROVIDERS.append(CqUrbanProvider())
        registry.addProvider(_PROVIDERS[-1])
        provider = _PROVIDERS[-1]
    return provider


@pytest.fixture
def without_cq_provider(qgis_processing):
    """For tests that load the plugin itself: it registers its own provider."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    if registry.providerById("cq_urban") is not None:
        registry.removeProvider("cq_urban")
    yield
    if registry.providerById("cq_urban") is not None:
        registry.removeProvider("cq_urban")


# PyQGIS can crash while the interpreter tears down (C++ objects freed after
# QgsApplication.exitQgis(), in an order Python does not control): the tests have
# passed and reported by then, but the exit code would be 139. Leave as soon as
# pytest has written its report, with pytest's own exit status.
_EXIT_STATUS = []


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if _EXIT_STATUS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
