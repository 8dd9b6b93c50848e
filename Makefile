# Tasks for the guidebook site. Every target installs what it needs first; `make help` lists them.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
PIP    := $(BIN)/pip install --quiet --disable-pip-version-check
SITE_DIR ?= site
OFFLINE_DIR ?= build/guidebook-offline
OFFLINE_ZIP ?= build/guidebook-offline.zip
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install install-test check serve build offline lint format test-fast test bench budget clean

help: ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 20

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(PIP) -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.site-installed
	$(PIP) -r requirements-test.txt
	touch $@

# npm packages (package-lock.json pins them exactly): esbuild, which bundles and minifies our
# script at every build, and the Web Worker shim of the offline edition.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# npm packages for the performance budget (Lighthouse), installed again only when bench/'s lock changes.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

install: $(VENV)/.site-installed node_modules/.installed ## install what the site needs (.venv, esbuild from npm, Debian's Pango for the PDF packet)
	bash scripts/install-system-packages.sh site

install-test: install $(VENV)/.test-installed ## install what the tests need, Debian chromium, poppler-utils and zbar-tools included
	bash scripts/install-system-packages.sh

check: $(VENV)/.site-installed ## check every data file in a few seconds, without building (file:line: field: what to fix)
	@$(BIN)/python -m macros.guidebook

serve: install ## serve the site at http://127.0.0.1:8000/
	@echo "Serving the guidebook at http://$(HOST):$(PORT)/ (press Ctrl+C to stop)"
	$(BIN)/mkdocs serve --strict --watch-theme --watch data --watch macros --dev-addr $(HOST):$(PORT)

build: install ## build the deployable site into site/ (SITE_URL=its public address; without it the build stops)
	$(BIN)/mkdocs build --strict --clean --site-dir $(abspath $(SITE_DIR))

offline: install ## build the offline edition, build/guidebook-offline.zip (opens from disk; needs SITE_URL too)
	OFFLINE=true $(BIN)/mkdocs build --strict --clean --site-dir $(abspath $(OFFLINE_DIR))
	mkdir -p $(dir $(OFFLINE_ZIP))
	rm -f $(OFFLINE_ZIP)
	cd $(dir $(abspath $(OFFLINE_DIR))) && $(abspath $(BIN))/python -m zipfile -c $(abspath $(OFFLINE_ZIP)) $(notdir $(OFFLINE_DIR))
	@echo "Offline edition: $(OFFLINE_ZIP) ($$(du -h $(OFFLINE_ZIP) | cut -f1)). Unzip it and open guidebook-offline/index.html."

lint: install-test ## ruff and mypy, configured in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/mypy

format: install-test ## reformat the Python code with ruff
	$(BIN)/ruff format .

test-fast: install-test ## the fast layer: unit, in-process data and one real build (no browser, no extra builds)
	$(BIN)/python -m pytest -m "not browser and not build"

test: install-test lint ## lint, then every test (what CI runs)
	$(BIN)/python -m pytest

bench: install-test ## print the benchmark figures: progress, search index, record, long tasks (never a pass/fail test)
	$(BIN)/python bench/progress.py
	$(BIN)/python bench/search_index.py
	$(BIN)/python bench/record.py
	$(BIN)/python bench/long_tasks.py

budget: install-test bench/node_modules/.installed ## print the performance budget figures: bytes, Lighthouse, builds, the slow phone, the service worker
	$(BIN)/python bench/budget.py
	$(BIN)/python bench/slowphone.py
	$(BIN)/python bench/offline.py

clean: ## remove everything the tasks made or installed
	rm -rf site build node_modules bench/node_modules $(VENV) .pytest_cache .mypy_cache .ruff_cache
