# cq_urban_plugin — every task a developer or a technician runs.
#   make demo   the main job on the bundled sample data (sets everything up first)
#   make test   the test suite against the system's QGIS (Debian 12: 3.22), headless
#   make test-all-qgis   the suite on this QGIS and in Debian 13 / sid chroots
# Both start with `setup`, which installs Debian's QGIS and a virtual
# environment when they are missing, so they work on a fresh Debian 12 or 13.

SHELL := /bin/bash
PLUGIN := cq_urban_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
VENV ?= .venv
PY := $(VENV)/bin/python
BUILD ?= build
DIST ?= dist
ZIP := $(DIST)/$(PLUGIN)-$(VERSION).zip
TS := $(PLUGIN)/i18n/cq_urban_zh_Hans.ts
QM := $(TS:.ts=.qm)
# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which qgis_process 3.22
# rejects; the binary behind it takes the same arguments. Use it where it exists.
QGIS_PROCESS = $(shell command -v qgis_process.bin 2>/dev/null || command -v qgis_process 2>/dev/null)
QGIS_PROFILE ?= default
QGIS_PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/$(QGIS_PROFILE)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN_PACKAGES := qgis python3-qgis qgis-providers gdal-bin python3-venv python3-yaml \
	fonts-noto-cjk python3-fonttools qttools5-dev-tools pyqt5-dev-tools poppler-utils xvfb xauth \
	postgresql-postgis postgresql-client python3-distributed python3-psycopg2
# The numpy the system's GDAL and QGIS bindings are built against (read when a
# recipe needs it, after debian-packages): the venv keeps exactly that one, with
# the pins of constraints-numpy<major>.txt.
SYSTEM_NUMPY = $(shell /usr/bin/python3 -c 'import numpy; print(numpy.__version__)' 2>/dev/null)
CONSTRAINTS = constraints-numpy$(firstword $(subst ., ,$(SYSTEM_NUMPY))).txt
# Debian releases whose QGIS `make test-all-qgis` also tests, each in a chroot
# (tests/tools/qgis_chroot.sh): trixie = Debian 13, QGIS 3.40; sid = QGIS 3.44.
CHROOT_SUITES ?= trixie sid
PYTEST_CACHE ?= .pytest_cache
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: screenshots setup debian-packages venv qgis-shapely test test-all-qgis demo package deploy bench bench-batch lint ts qm styles clean

setup: debian-packages venv qgis-shapely qm

debian-packages:
	@if ! dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1; then \
		echo "== installing Debian packages (Debian's QGIS, CJK fonts, Qt tools, PostGIS)"; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(DEBIAN_PACKAGES); \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.txt constraints-numpy1.txt constraints-numpy2.txt | debian-packages
	@[ -n "$(SYSTEM_NUMPY)" ] || { echo "/usr/bin/python3 has no numpy: run make debian-packages" >&2; exit 1; }
	@[ -f "$(CONSTRAINTS)" ] || { echo "no $(CONSTRAINTS) for the system's numpy $(SYSTEM_NUMPY)" >&2; exit 1; }
	/usr/bin/python3 -m venv --system-site-packages $(VENV)
	{ cat $(CONSTRAINTS); echo "numpy==$(SYSTEM_NUMPY)"; } > $(VENV)/constraints.txt
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt -c $(VENV)/constraints.txt
	touch $@

# The geometry kernels' shapely 2 for the system's QGIS, whose Python is /usr/bin/python3 (not the
# venv): Debian 13 and later ship it as python3-shapely; Debian 12 ships 1.8, so there it goes from
# PyPI into the user's site-packages, which QGIS's Python reads before the system's. (The plugin
# says the same at load, with the command for the user's platform: cq_urban_plugin/requirements.py.)
qgis-shapely: | debian-packages venv
	@if ! /usr/bin/python3 -c 'import shapely, sys; sys.exit(not hasattr(shapely, "union_all"))' 2>/dev/null; then \
		if apt-cache policy python3-shapely 2>/dev/null | grep -q 'Candidate: [2-9]'; then \
			echo "== installing Debian's python3-shapely (shapely 2, for QGIS's Python)"; \
			DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends python3-shapely; \
		else \
			site=$$(/usr/bin/python3 -m site --user-site) && mkdir -p "$$site" && \
			echo "== installing shapely 2 from PyPI into $$site (for QGIS's Python)" && \
			$(PY) -m pip install -q --disable-pip-version-check --no-deps --upgrade --target "$$site" \
				"shapely>=2.0.6,<2.2"; \
		fi; \
	fi

# Collect the strings, then fill in the translations kept in i18n/zh_Hans/*.yaml.
ts:
	pylupdate5 -noobsolete $$(find $(PLUGIN) -name '*.py' | sort) -ts $(TS) 2>/dev/null
	/usr/bin/python3 tests/tools/fill_ts.py $(TS) $(sort $(wildcard $(PLUGIN)/i18n/zh_Hans/*.yaml))

qm: $(QM)

$(QM): $(TS) | debian-packages
	lrelease -silent $(TS) -qm $(QM)

test: setup
	$(PY) -m pytest tests -o cache_dir=$(PYTEST_CACHE) $(PYTEST_ARGS)

# The suite on this machine's QGIS, then in a chroot of each of CHROOT_SUITES
# (built on first use and cached; needs root or sudo). Runs them all, fails if any failed.
test-all-qgis:
	@failed=""; \
	$(MAKE) test || failed="$$failed host"; \
	for suite in $(CHROOT_SUITES); do \
		bash tests/tools/qgis_chroot.sh $$suite test PYTEST_ARGS="$(PYTEST_ARGS)" || failed="$$failed $$suite"; \
	done; \
	if [ -n "$$failed" ]; then echo "test-all-qgis: failed on:$$failed" >&2; exit 1; fi; \
	echo "test-all-qgis: passed on the host and on $(CHROOT_SUITES)"

# The main job: the packaged plugin on a plugin path of its own and a QGIS
# profile of its own (yours is left alone), the three sample recipes through
# qgis_process, and a summary table. Outputs go to output/.
RECIPES ?= batch/recipes/jiangjin.json batch/recipes/kaizhou.json batch/recipes/wuxi.json
demo: setup package
	$(PY) batch/run_recipe.py $(RECIPES) --plugin-path $(BUILD) --profile-dir $(BUILD)/qgis-profile

# The plugin against the QGIS native chain, shapely 2, geopandas and PostGIS (a local server of its
# own) at 5,000 and 20,000 stops (scales 0.1, 0.4), agreement checked; writes
# tests/benchmarks/RESULTS.md. 50,000 stops (scale 1) takes several minutes more:
#   make bench BENCH_SCALES=0.1,0.4,1
# BENCH_ARGS="--repeat 2" keeps the best of two runs of each; "--plugin-root DIR" measures the
# cq_urban_plugin package in DIR instead of this checkout's.
BENCH_SCALES ?= 0.1,0.4
BENCH_ARGS ?=
bench: setup
	$(PY) tests/benchmarks/run_benchmarks.py --scales $(BENCH_SCALES) $(BENCH_ARGS)
	$(PY) tests/benchmarks/large_layer.py

# The README's screenshots of the dock panel (a plain test run writes them to build/screenshots).
screenshots: setup
	CQ_URBAN_SCREENSHOTS=$(CURDIR)/tests/screenshots $(PY) -m pytest tests/test_panel.py tests/test_panel_fit.py \
		-o cache_dir=$(PYTEST_CACHE) -q -k "screenshot or fit"

# The batch over many jurisdictions (cq_urban:check_batch) on a local dask cluster: time and peak memory
# of 38 synthetic jurisdictions of 10 townships each for 1, 2 and 4 worker processes, and of one
# jurisdiction of 10,000, 20,000 and 40,000 small townships split into pieces of 2,000 on 2 workers
# (the largest unsplit on 1 as well); tests/benchmarks/BATCH_RESULTS.md (BATCH_BENCH_ARGS to change them).
BATCH_BENCH_ARGS ?= --count 38 --scale 0.01 --workers 1,2,4 --townships 10000,20000,40000 --split 2000 \
	--results tests/benchmarks/BATCH_RESULTS.md
bench-batch: setup
	$(PY) tests/benchmarks/batch_bench.py $(BATCH_BENCH_ARGS)

lint: venv
	$(PY) -m ruff check $(PLUGIN) tests batch layers

styles: setup
	$(PY) -c "from cq_urban_plugin.core.maps.styling import write_catalogue_styles; write_catalogue_styles('styles')"

# The installable plugin: the package, its metadata, styles and compiled
# translations; no tests, no sources of translations, no development files.
package: qm
	rm -rf $(BUILD)/$(PLUGIN) && mkdir -p $(BUILD) $(DIST)
	cp -r $(PLUGIN) $(BUILD)/$(PLUGIN)
	find $(BUILD)/$(PLUGIN) \( -name '__pycache__' -o -name '*.ts' -o -name zh_Hans \) -prune -exec rm -rf {} +
	cp -r metadata.txt LICENSE styles $(BUILD)/$(PLUGIN)/
	rm -f $(ZIP)
	cd $(BUILD) && /usr/bin/python3 -m zipfile -c $(abspath $(ZIP)) $(PLUGIN)
	@echo "$(ZIP)"

deploy: qgis-shapely package
	mkdir -p $(QGIS_PROFILE_DIR)/python/plugins
	rm -rf $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN)
	cp -r $(BUILD)/$(PLUGIN) $(QGIS_PROFILE_DIR)/python/plugins/
	@echo "Deployed to $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN); enable it in Plugins > Manage and Install Plugins."

clean:
	rm -rf $(BUILD) $(DIST) $(QM) .pytest_cache
