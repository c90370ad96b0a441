# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench bench-check golden clean

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

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

bench-check: $(STAMP)
	$(BIN)/python benchmarks/check_bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
