# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test check setup browser system clean

demo: setup  ## set up, start the sandbox, run register_check on samples/debtors.xlsx, print where the report is
	PY=$(PY) scripts/demo.sh

test: setup check  ## set up, the code checks, then every test (unit and end-to-end in real Chromium)
	$(PY) -m pytest

check: $(STAMP)  ## formatter, linter, strict types, and imports that only point down
	$(VENV)/bin/ruff format --check --quiet .
	$(VENV)/bin/ruff check --quiet .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

setup: $(STAMP) browser system

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

browser: $(STAMP)
	scripts/install-browser.sh $(PY)

system:
	scripts/install-system.sh

clean:
	rm -rf $(VENV) var .pytest_cache
