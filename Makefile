# Barrièrewijzer: the only entry point.
#   make site   build the handbook into site/ (installs what it needs first)
#   make test   run every test, browser tests included
# Other targets: check, docs, html, cards, serve, schemas, bench, clean.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
GEMEENTE ?= landelijk
STAMP    := $(VENV)/.geinstalleerd
SUDO     := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
GEN      := $(BIN)/python -m generator

# graphviz draws the diagrams; pango and harfbuzz are what WeasyPrint needs for the card PDFs.
SITE_PACKAGES := graphviz fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_PACKAGES := $(SITE_PACKAGES) chromium

.PHONY: site test check docs html cards serve schemas bench clean system-site system-test

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

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

check: $(STAMP)
	$(GEN) check

docs: $(STAMP) system-site
	$(GEN) docs --gemeente $(GEMEENTE)

# html runs MkDocs on what docs/cards wrote; the card pages link PDFs, so run cards first.
html: $(STAMP)
	$(GEN) html

cards: $(STAMP) system-site
	$(GEN) cards --gemeente $(GEMEENTE)

site: $(STAMP) system-site
	$(GEN) site --gemeente $(GEMEENTE)

serve: cards
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

schemas: $(STAMP)
	$(GEN) schemas

bench: $(STAMP) system-site
	$(BIN)/python tests/bench.py

test: $(STAMP) system-test
	$(BIN)/python -m pytest -q tests

clean:
	rm -rf build site site.nieuw site.oud
