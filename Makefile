# The two set-up commands of the README: `make demo` and `make test`. Both create the virtual
# environment and install the pinned, hash-checked dependencies first (nothing else is fetched).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast install clean bench

install: $(STAMP)

$(STAMP): requirements-pip.lock requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Ingests the bundled example articles into the default store (warwire.db here) and lists its
# events. Re-running it is harmless: the articles are already known and nothing changes.
demo: $(STAMP)
	$(BIN)/warwire ingest src/warwire/examples --no-progress
	$(BIN)/warwire events

test: $(STAMP)
	$(BIN)/python -m pytest -q tests

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" tests

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) .pytest_cache
