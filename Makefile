# Two commands do everything on a fresh machine:
#   make run    install into .venv, then run the main job on the sample corpus (data/raw)
#   make test   install into .venv, then run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXTRAS ?= themes,dask,notebooks,dev

.PHONY: install run test lint typecheck bench evaluate clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel
	# torch is pinned to the CPU build in pyproject's `themes` extra
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/evidence run

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src flows tests bench scripts
	$(BIN)/ruff format --check src flows tests bench scripts

typecheck: install
	$(BIN)/mypy

evaluate: install
	$(BIN)/evidence evaluate tests/devset --split heldout

bench: install
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_themes.py

clean:
	rm -rf data/processed/*.duckdb data/processed/*.wal data/processed/.prefect
