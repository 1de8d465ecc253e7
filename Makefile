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

.PHONY: site test check lint bench schema clean browser vendor-mermaid axe

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

# axe-core for the accessibility tests (tests/test_a11y.py), from npm into a git-ignored
# folder: the tests inject it into the pages they check; it is never part of a site.
AXE_VERSION := 4.14.1
AXE := .tools/axe/node_modules/axe-core/axe.min.js
# Without npm the accessibility tests are skipped, except under CI, where .ci/run installs it.
$(AXE):
	@command -v npm >/dev/null 2>&1 || { echo "no npm: axe-core not installed"; exit 0; }; \
	npm install --prefix .tools/axe --no-save --no-package-lock --no-audit --no-fund \
		--silent "axe-core@$(AXE_VERSION)"
axe: $(AXE)

test: $(VENV)/.synced lint $(AXE)
	$(RUN) pytest

schema: $(VENV)/.synced
	$(RUN) radar schema --write docs/schema
	$(RUN) python -m radar_as_code.core.spec tools/radar_as_code/core/model_schema.py

bench: $(VENV)/.synced
	$(BENCH) python bench/run.py

# The site's Mermaid, vendored into the package (tools/decisions/0017): `npm pack` checks the
# registry's integrity; the file's SHA-256 is recorded beside it and checked by the tests.
MERMAID_VERSION := 11.17.2
MERMAID_DIR := tools/radar_as_code/site/assets/mermaid
vendor-mermaid:
	rm -rf build/mermaid && mkdir -p build/mermaid
	cd build/mermaid && npm pack --silent "mermaid@$(MERMAID_VERSION)" >/dev/null && \
		tar xzf "mermaid-$(MERMAID_VERSION).tgz"
	cp build/mermaid/package/dist/mermaid.min.js build/mermaid/package/LICENSE $(MERMAID_DIR)/
	printf 'package: mermaid@%s\nfile: dist/mermaid.min.js\nsha256: %s\n' "$(MERMAID_VERSION)" \
		"$$(sha256sum $(MERMAID_DIR)/mermaid.min.js | cut -d' ' -f1)" > $(MERMAID_DIR)/SOURCE

clean:
	rm -rf .tools $(VENV) site test-artifacts
