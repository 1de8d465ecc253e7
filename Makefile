# Two entry points on a machine with only python3, git and make:
#   make site   build and check the published site from this repository's radar
#   make test   run the whole test suite (what CI runs)
# Everything else is installed into ./.tools (uv) and ./.venv (the locked environment).

PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
RUN := $(UV) run --locked --all-extras --no-progress
BENCH := $(UV) run --locked --all-extras --group bench --no-progress

.PHONY: site test check lint bench schema clean browser

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --all-extras --no-progress --compile-bytecode
	touch $@

check: $(VENV)/.synced
	$(RUN) radar check

site: check
	NO_MKDOCS_2_WARNING=1 $(RUN) mkdocs build --strict

lint: $(VENV)/.synced
	$(RUN) ruff check tools tests bench
	$(RUN) mypy

test: $(VENV)/.synced lint
	$(RUN) pytest

schema: $(VENV)/.synced
	$(RUN) radar schema --write docs/schema
	$(RUN) python -m radar_as_code.core.spec tools/radar_as_code/core/model_schema.py

bench: $(VENV)/.synced
	$(BENCH) python bench/run.py

clean:
	rm -rf .tools $(VENV) site test-artifacts
