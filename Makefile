# Tasks for the guidebook site. Every target installs what it needs first.
#   make serve   install and serve the site at http://127.0.0.1:8000/
#   make test    install everything (Debian chromium, poppler-utils) and run every test
#   make build   build the deployable site into site/
#   make bench   print the progress benchmark figures (never a pass/fail test)
#   make budget  print the performance budget figures, Lighthouse included
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
PIP    := $(BIN)/pip install --quiet --disable-pip-version-check
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

install: $(VENV)/.site-installed

install-test: $(VENV)/.test-installed
	bash scripts/install-system-packages.sh

serve: install
	@echo "Serving the guidebook at http://$(HOST):$(PORT)/ (press Ctrl+C to stop)"
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

build: install
	$(BIN)/mkdocs build --strict --clean

test: install-test
	$(BIN)/python -m pytest

bench: install-test
	$(BIN)/python bench/progress.py

budget: install-test
	cd bench && npm ci --no-audit --no-fund --ignore-scripts
	$(BIN)/python bench/budget.py

clean:
	rm -rf site $(VENV) .pytest_cache
