# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench bench-check bench-linear fuzz golden accuracy clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/quotetrack scan samples/

test: $(STAMP)
	$(BIN)/python -m pytest -q

golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

# Throughput on a generated news corpus, then timing on hostile inputs of growing size.
bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/linear_time.py

bench-linear: $(STAMP)
	$(BIN)/python benchmarks/linear_time.py

# The property tests with 20,000 examples each (the "fuzz" Hypothesis profile, tests/conftest.py).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_properties.py

bench-check: $(STAMP)
	$(BIN)/python benchmarks/check_bench.py

# Accuracy on PolNeAR beside textacy: make accuracy POLNEAR=/path/to/PolNeAR (train/dev only).
ACCVENV := .venv-accuracy

$(ACCVENV)/.installed: benchmarks/requirements-accuracy.txt
	$(PYTHON) -m venv $(ACCVENV)
	$(ACCVENV)/bin/pip install --quiet --upgrade pip
	$(ACCVENV)/bin/pip install --quiet -r benchmarks/requirements-accuracy.txt
	touch $@

accuracy: $(STAMP) $(ACCVENV)/.installed
	@test -n "$(POLNEAR)" || { echo "usage: make accuracy POLNEAR=/path/to/PolNeAR [SPLIT=dev]"; exit 2; }
	$(BIN)/python benchmarks/accuracy.py --polnear "$(POLNEAR)" --split $(or $(SPLIT),dev) --textacy-python $(ACCVENV)/bin/python

clean:
	rm -rf $(VENV) $(ACCVENV) build *.egg-info .pytest_cache
