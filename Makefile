# The two commands of the README:
#   make demo   install everything, then map, validate, load and serve the bundled sample reports
#   make test   install everything, then run the whole test suite
# Everything is installed into .venv (and node_modules for the query UI); nothing global but
# Debian's chromium, which the browser tests drive.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= kg-data
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: demo test install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .
	scripts/install-query-ui

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	scripts/install-system-deps
	scripts/install-query-ui

# The sample reports (examples/<slug>.<lang>.md) go through the whole pipeline: extraction (with
# the source spans kept as provenance), mapping, validation, loading; their hand-written records
# (examples/<slug>.yaml) are what `kg eval` compares the extraction with.
REPORTS = $(wildcard examples/*.*.md)

demo: install
	mkdir -p build
	$(BIN)/kg map $(REPORTS) -o build/examples.trig
	$(BIN)/kg validate build/examples.trig
	$(BIN)/kg eval --gold-dir examples $(REPORTS)
	$(BIN)/kg load $(REPORTS) --store $(STORE)
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/pytest

clean:
	rm -rf build $(STORE) .pytest_cache node_modules server/static/vendor
