# Tasks for the guidebook site. Every target installs what it needs first.
#   make serve   install and serve the site at http://127.0.0.1:8000/
#   make test    install everything (Debian chromium, poppler-utils) and run every test
#   make build   build the deployable site into site/ (set SITE_URL to its public address)
#   make offline build the offline edition, build/guidebook-offline.zip (opens from disk)
#   make bench   print the progress benchmark figures (never a pass/fail test)
#   make budget  print the performance budget figures, Lighthouse included
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
PIP    := $(BIN)/pip install --quiet --disable-pip-version-check
OFFLINE_DIR ?= build/guidebook-offline
OFFLINE_ZIP ?= build/guidebook-offline.zip
export NO_MKDOCS_2_WARNING := 1

.PHONY: install install-test serve build test bench budget clean

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

install: $(VENV)/.site-installed node_modules/.installed

install-test: $(VENV)/.test-installed
	bash scripts/install-system-packages.sh

serve: install
	@echo "Serving the guidebook at http://$(HOST):$(PORT)/ (press Ctrl+C to stop)"
	$(BIN)/mkdocs serve --strict --watch-theme --watch data --watch macros --dev-addr $(HOST):$(PORT)

build: install
	@[ -n "$$SITE_URL" ] || echo "Note: SITE_URL is not set; canonical links and the sitemap name http://127.0.0.1:8000/"
	$(BIN)/mkdocs build --strict --clean

offline: install
	OFFLINE=true $(BIN)/mkdocs build --strict --clean --site-dir $(abspath $(OFFLINE_DIR))
	mkdir -p $(dir $(OFFLINE_ZIP))
	rm -f $(OFFLINE_ZIP)
	cd $(dir $(abspath $(OFFLINE_DIR))) && $(abspath $(BIN))/python -m zipfile -c $(abspath $(OFFLINE_ZIP)) $(notdir $(OFFLINE_DIR))
	@echo "Offline edition: $(OFFLINE_ZIP) ($$(du -h $(OFFLINE_ZIP) | cut -f1)). Unzip it and open guidebook-offline/index.html."

test: install-test
	$(BIN)/python -m pytest

bench: install-test
	$(BIN)/python bench/progress.py

budget: install-test
	cd bench && npm ci --no-audit --no-fund --ignore-scripts
	$(BIN)/python bench/budget.py

clean:
	rm -rf site build node_modules $(VENV) .pytest_cache
