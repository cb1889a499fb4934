# Two commands on a fresh machine: `make site` and `make test`.
# Everything they need is installed here, into .venv, from PyPI.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
BASE_URL ?= /
SOURCE ?= minutes
OUT    ?= site
BENCH_ARGS ?=

.PHONY: all install site check test lint typecheck bench fuzz accuracy serve clean

all: site

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

site: $(STAMP)
	$(BIN)/mlr-minutes build --source $(SOURCE) --out $(OUT) --base-url $(BASE_URL)

check: $(STAMP)
	$(BIN)/mlr-minutes check $(SOURCE)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/bench.py --shapes

# 200,000 generated inputs (tests/grammar.py) against the parser and the config reader;
# prints crashes per strategy, exits 1 on any.  FUZZ_N=… for more or fewer.
fuzz: $(STAMP)
	$(BIN)/python benchmarks/fuzz.py $(FUZZ_N)

accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py all

serve: $(STAMP)
	$(BIN)/mlr-minutes serve

clean:
	rm -rf $(OUT) .cache/mlr-minutes .pytest_cache .mypy_cache .ruff_cache
