# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint readme compiled bench bench-check bench-linear bench-report bench-grouping screenshot fuzz golden accuracy train train-paraphrase train-speaker clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dask]'
	touch $(STAMP)

# The sample articles only: samples/newsroom/ is the example repository for `quotetrack check`.
run: $(STAMP)
	$(BIN)/quotetrack scan samples/*.txt samples/*.md

test: lint
	$(BIN)/python -m pytest -q

# ruff (the rule set is in pyproject.toml, complexity at most 20 included) and mypy on the package;
# then the most complex functions, so that the figure is in every CI log.
lint: $(STAMP)
	$(BIN)/ruff check quotetrack tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/python tools/complexity.py

# Rewrite the example output blocks in README.md (marked <!-- example -->) from the commands they show;
# tests/test_readme.py fails when they drift.
readme: $(STAMP)
	$(BIN)/python tools/readme_examples.py

# The hot modules compiled with mypyc into build/compiled/ (a whole copy of the package; use it with
# PYTHONPATH=build/compiled). Needs a C compiler; `make run` and `make test` never do. Rebuilt when any
# file of the package changes; the checkout itself never holds a compiled module.
COMPILED := build/compiled/SOURCES
compiled: $(COMPILED)

$(COMPILED): $(STAMP) tools/build_compiled.py $(shell find quotetrack -type f -not -path '*/__pycache__/*')
	$(BIN)/python tools/build_compiled.py

golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

# Throughput on a generated news corpus, timing on hostile inputs of growing size, the paraphrase
# judge's pairs/s, grouping 10k/100k/1M generated quotes (GROUPING_MAX=100000 stops earlier), scale
# (articles/s on one core and all, the cache's re-scan of 20,000 articles with 10 changed, peak memory
# at 1k and 16k articles: make bench SCALE=--large adds 64k), the sources against the compiled
# build when a current one exists (make compiled; PolNeAR train too with POLNEAR=...), then the
# HTML report. Each figure is printed with its command.
GROUPING_MAX ?= 1000000
bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/linear_time.py
	$(BIN)/python benchmarks/paraphrase_bench.py
	$(BIN)/python benchmarks/grouping_bench.py --max $(GROUPING_MAX)
	$(BIN)/python benchmarks/scale.py $(SCALE)
	$(BIN)/python benchmarks/compiled_bench.py
	$(MAKE) bench-report

bench-grouping: $(STAMP)
	$(BIN)/python benchmarks/grouping_bench.py --max $(GROUPING_MAX)

# The HTML report of 2,000 generated articles: its size and the time headless Chromium takes to open it.
bench-report: $(STAMP)
	$(BIN)/python benchmarks/report_bench.py

# PNGs of the HTML report on samples/ at a desktop and a phone width (docs/), in headless Chromium.
screenshot: $(STAMP)
	$(BIN)/python tools/screenshot.py --out docs

bench-linear: $(STAMP)
	$(BIN)/python benchmarks/linear_time.py

# The property tests with 20,000 examples each (the "fuzz" Hypothesis profile, tests/conftest.py).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_properties.py

bench-check: $(STAMP)
	$(BIN)/python benchmarks/check_bench.py

# The learned weights, in their own environment (scikit-learn is a training-only extra):
# make train POLNEAR=/path/to/PolNeAR rebuilds the paraphrase judge, then the speaker ranker.
TRAIN_VENV  := .venv-train
TRAIN_STAMP := $(TRAIN_VENV)/.installed

$(TRAIN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/pip install --quiet --upgrade pip
	$(TRAIN_VENV)/bin/pip install --quiet -e '.[train]'
	touch $@

train: train-paraphrase train-speaker

train-speaker: accuracy-need-polnear $(TRAIN_STAMP)
	$(TRAIN_VENV)/bin/python benchmarks/train_speaker.py --polnear "$(POLNEAR)"

# The paraphrase judge's weights (quotetrack/data/paraphrase_judge.json and its word table
# quotetrack/data/word_weights.tsv), from MRPC's training
# file (never its test file; see BENCHMARKS.md, "Paraphrase judge", to get it) and the dev split of
# benchmarks/pairs.jsonl: make train-paraphrase [MRPC=path/to/msr_paraphrase_train.txt].
MRPC ?= .cache/msr_paraphrase_train.txt
train-paraphrase: $(TRAIN_STAMP)
	$(TRAIN_VENV)/bin/python benchmarks/train_paraphrase.py --mrpc "$(MRPC)"

# Accuracy on PolNeAR beside textacy: make accuracy POLNEAR=/path/to/PolNeAR [SPLIT=train].
include benchmarks/accuracy.mk

clean:
	rm -rf $(VENV) .venv-bench $(TRAIN_VENV) build *.egg-info .pytest_cache
