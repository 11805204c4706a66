# One task runner. `make serve` and `make test` set everything up on first use.
# Needs: Python 3.11+ with venv (Debian: apt-get install python3-venv) and make.
# Optional: Node.js with npm (Debian: apt-get install nodejs npm), for Paged.js, with which
# the "Make a packet" page numbers any packet (without it, see README "Print and PDF").

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build validate schema test test-fast test-browser lint format bench clean

help:  ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,engines]'
	@touch $(STAMP)

# Paged.js, shipped with the site (package.json "dependencies"), when npm is there; the
# benchmarks' Lighthouse (devDependencies) only for `make bench-lighthouse`.
NPM := $(shell command -v npm 2>/dev/null)
PAGED := $(if $(NPM),node_modules/.pagedjs-installed)

node_modules/.pagedjs-installed: package.json package-lock.json
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund
	@touch $@

setup: $(STAMP) $(PAGED)  ## create .venv and install the project with its test tools (and Paged.js with npm)

serve: $(STAMP) $(PAGED)  ## preview the site at http://127.0.0.1:8000/playbook/ with live reload (PORT=8000)
	$(BIN)/playbook serve --port $(PORT)

build: $(STAMP) $(PAGED)  ## build the site into site/ (strict, all or nothing; ENGINE=zensical|properdocs)
	$(BIN)/playbook build --engine $(ENGINE)

validate: $(STAMP)  ## check the content and list every problem
	$(BIN)/playbook validate

schema: $(STAMP)  ## regenerate schemas/*.json (editors' schemas) from the content model
	$(BIN)/playbook schema

# On every core: each worker takes whole test files (a file's fixtures are made once).
XDIST := -n auto --dist loadfile --no-loadscope-reorder

test: $(STAMP) $(PAGED)  ## run the whole test suite (browser tests need /usr/bin/chromium; packet tests, npm)
	$(BIN)/pytest $(XDIST)

test-fast: $(STAMP)  ## run the tests without browser and full-build tests
	$(BIN)/pytest -m "not browser and not build"

test-browser: $(STAMP) $(PAGED)  ## run only the browser tests
	$(BIN)/pytest -m browser

lint: $(STAMP)  ## check code style with ruff
	$(BIN)/ruff check macros tests benchmarks
	$(BIN)/ruff format --check macros tests benchmarks

format: $(STAMP)  ## format the code with ruff
	$(BIN)/ruff format macros tests benchmarks
	$(BIN)/ruff check --fix macros tests benchmarks

bench: $(STAMP)  ## build benchmark, ours against plain MkDocs at 1x, 10x, 100x (BENCH_ARGS="--scales 1,10 --repeat 3")
	$(BIN)/python benchmarks/build.py $(BENCH_ARGS)

clean:  ## remove the built site and caches (keeps .venv)
	rm -rf site .playbook-build .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

.PHONY: pdf bench-pdf
pdf: $(STAMP) $(PAGED)  ## build the site with every PDF under site/downloads/ (needs Chromium)
	$(BIN)/playbook pdf

bench-pdf: $(STAMP)  ## time `playbook pdf`: the whole playbook (median of 5; < 4 s) and every PDF (< 10 s)
	$(BIN)/python benchmarks/pdf.py --all

.PHONY: bench-lighthouse
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@ node_modules/.pagedjs-installed

bench-lighthouse: $(STAMP) node_modules/.installed  ## Lighthouse of every page kind, desktop and mobile (needs Node 18+, Chromium; LIGHTHOUSE_ARGS="--runs 3")
	$(BIN)/python benchmarks/lighthouse.py $(LIGHTHOUSE_ARGS)
