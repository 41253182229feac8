# Barrièrewijzer: the only entry point.
#   make site   build the handbook into site/ (installs what it needs first)
#   make test   code checks and every test, browser tests included
# Other targets: edities, check, docs, serve, schemas, lint, bench, clean.
# Options: GEMEENTE=groningen  EDITIE=publiek|intern  BASIS_URL=https://…  STRIKT=1 (warnings fail)

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
GEMEENTE ?= landelijk
EDITIE   ?= publiek
SITE_STAMP := $(VENV)/.site-geinstalleerd
TEST_STAMP := $(VENV)/.test-geinstalleerd
SUDO     := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
GEN      := $(BIN)/python -m generator
PIP      := $(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt
OPTIONS  := --gemeente $(GEMEENTE) --editie $(EDITIE) $(if $(BASIS_URL),--basis-url $(BASIS_URL)) $(if $(STRIKT),--strikt)

# graphviz draws the diagrams; pango and harfbuzz are what WeasyPrint needs for the card PDFs.
SITE_PACKAGES := graphviz fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_PACKAGES := $(SITE_PACKAGES) chromium

.PHONY: site edities test check docs serve schemas lint bench clean system-site system-test

$(SITE_STAMP): requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	touch $(SITE_STAMP)

$(TEST_STAMP): $(SITE_STAMP) requirements-test.txt
	$(PIP) -r requirements-test.txt
	touch $(TEST_STAMP)

# Debian packages, installed only when missing.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Debian-pakketten installeren:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

system-site:
	$(call apt_install,$(SITE_PACKAGES))

system-test:
	$(call apt_install,$(TEST_PACKAGES))

check: $(SITE_STAMP)
	$(GEN) check $(if $(STRIKT),--strikt)

site: $(SITE_STAMP) system-site
	$(GEN) site $(OPTIONS)

# Every gemeente × publiek/intern into dist/<gemeente>/<editie>/ plus a zip each; unchanged editions are skipped.
# GEMEENTEN=groningen,breda chooses some; TAKEN=2 how many at once (default: the number of cores).
edities: $(SITE_STAMP) system-site
	$(GEN) edities $(if $(GEMEENTEN),--gemeenten $(GEMEENTEN)) $(if $(TAKEN),--taken $(TAKEN)) $(if $(BASIS_URL),--basis-url $(BASIS_URL))

# Markdown and this edition's MkDocs config into build/docs/ (no PDFs), for reading or `make serve`.
docs: $(SITE_STAMP) system-site
	$(GEN) docs $(OPTIONS)

serve: docs
	cd build/docs && NO_MKDOCS_2_WARNING=1 ../../$(BIN)/mkdocs serve -f mkdocs.yml

schemas: $(SITE_STAMP)
	$(GEN) schemas

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy

bench: $(SITE_STAMP) system-site
	$(BIN)/python tests/bench.py
	$(BIN)/python tests/bench_edities.py $(BENCH_GEMEENTEN)

# The shipped content is checked strictly: a warning (an unverified legal basis) fails the tests too.
test: $(TEST_STAMP) system-test lint
	$(GEN) check --strikt
	$(BIN)/python -m pytest -q tests

clean:
	rm -rf build site .site.* dist
