# Accuracy of quote extraction and attribution on PolNeAR, beside textacy.
# Included by the top-level Makefile:
#
#     make accuracy POLNEAR=/path/to/PolNeAR                     # dev split
#     make accuracy POLNEAR=... SPLIT=train
#     make accuracy POLNEAR=... ACCURACY_ARGS="--limit 14 --errors accuracy-errors.jsonl"
#
# POLNEAR is a checkout of the PolNeAR repository (github.com/networkdynamics/PolNeAR);
# it is never copied into this repository. textacy, spaCy and the spaCy model live in
# their own environment, .venv-bench, built from benchmarks/requirements-bench.txt;
# they are not dependencies of quotetrack. See benchmarks/accuracy.py and BENCHMARKS.md.

POLNEAR       ?=
SPLIT         ?= dev
ACCURACY_ARGS ?=
BENCH_VENV    := .venv-bench
BENCH_STAMP   := $(BENCH_VENV)/.installed
# The quotetrack environment of the top-level Makefile (literal fallbacks if included before it is defined).
ACC_QT_STAMP  := $(or $(STAMP),.venv/.installed)
ACC_QT_BIN    := $(or $(BIN),.venv/bin)

.PHONY: accuracy accuracy-venv accuracy-need-polnear house-styles

$(BENCH_STAMP): benchmarks/requirements-bench.txt
	$(or $(PYTHON),python3) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/pip install --quiet -r benchmarks/requirements-bench.txt
	touch $@

accuracy-venv: $(BENCH_STAMP)

accuracy-need-polnear:
	@if [ -z "$(POLNEAR)" ]; then \
	  echo "make accuracy: POLNEAR is not set. Check out github.com/networkdynamics/PolNeAR outside this" >&2; \
	  echo "repository and run: make accuracy POLNEAR=/path/to/PolNeAR" >&2; \
	  exit 2; \
	fi
	@if [ ! -f "$(POLNEAR)/data/metadata.tsv" ]; then \
	  echo "make accuracy: $(POLNEAR)/data/metadata.tsv not found; POLNEAR must be a PolNeAR checkout" >&2; \
	  exit 2; \
	fi

accuracy: accuracy-need-polnear $(ACC_QT_STAMP) $(BENCH_STAMP)
	$(ACC_QT_BIN)/python benchmarks/accuracy.py --polnear "$(POLNEAR)" --split $(SPLIT) \
	  --quotetrack $(ACC_QT_BIN)/quotetrack --bench-python $(BENCH_VENV)/bin/python $(ACCURACY_ARGS)
	$(ACC_QT_BIN)/python benchmarks/house_styles.py --polnear "$(POLNEAR)" --split $(SPLIT) --quotetrack $(ACC_QT_BIN)/quotetrack

# The same corpus in other house styles (British marks, hard-wrapped at 72 columns) beside the original.
house-styles: accuracy-need-polnear $(ACC_QT_STAMP)
	$(ACC_QT_BIN)/python benchmarks/house_styles.py --polnear "$(POLNEAR)" --split $(SPLIT) --quotetrack $(ACC_QT_BIN)/quotetrack
