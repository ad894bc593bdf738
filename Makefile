# Crowdline: `make run` serves the app with demo data; `make test` runs every check.
# Works on a fresh machine with only Python 3.11: everything else is installed into .venv/.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app wsgi
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run test install install-dev translations compile-translations vendor lint bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Crowdline needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed compile-translations

install-dev: $(VENV)/.installed-dev compile-translations

compile-translations: $(VENV)/.installed
	@for dir in app/translations */translations; do \
	  if ls $$dir/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then $(BIN)/pybabel compile -d $$dir >/dev/null || exit 1; fi; \
	done

## run: install, migrate, load demo data, serve on http://$(HOST):$(PORT) with a worker beside it
run: install
	$(FLASK) db upgrade
	$(FLASK) seed-demo
	$(FLASK) serve --host $(HOST) --port $(PORT)

## test: lint, layering, and the whole test suite (PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set)
test: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

## translations: extract messages, update the catalogs, compile them
translations: $(VENV)/.installed
	@for pkg in app academy certification marketplace telephony quality payouts ledger; do \
	  [ -d $$pkg ] || continue; mkdir -p $$pkg/translations; \
	  $(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
	    -o $$pkg/translations/messages.pot $$pkg || exit 1; \
	  if [ -f $$pkg/translations/zh/LC_MESSAGES/messages.po ]; then \
	    $(BIN)/pybabel update -i $$pkg/translations/messages.pot -d $$pkg/translations --no-fuzzy-matching; \
	  else $(BIN)/pybabel init -i $$pkg/translations/messages.pot -d $$pkg/translations -l zh; fi; \
	done
	$(MAKE) compile-translations

## vendor: refresh app/static/vendor/ from the npm registry (versions pinned in package.json)
vendor:
	npm ci --no-audit --no-fund
	bash tools/vendor.sh

bench: install-dev
	@for script in bench/*.py; do [ -e "$$script" ] || continue; echo "== $$script"; $(BIN)/python "$$script"; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
