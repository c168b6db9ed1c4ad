# Briefing — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SAMPLE := run/Sample.briefing

.PHONY: run test test-lowest lint typecheck bench bytecode fuzz setup clean package screenshots

# (Re)install only when pyproject.toml is newer than the last install.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

# Byte-compile our package as an installer would (pip compiles site-packages; an editable
# install does not, and PYTHONDONTWRITEBYTECODE would keep Python from caching it), so the
# editor does not recompile every module at each start.  Only changed files are compiled.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q briefing benchmarks

# Open the editor on a copy of the bundled sample (the shipped sample stays pristine).
run: $(STAMP) bytecode
	@mkdir -p run
	@test -f $(SAMPLE) || $(BIN)/briefing new $(SAMPLE) --template sample
	$(BIN)/briefing $(SAMPLE)

lint: $(STAMP)
	$(BIN)/ruff check briefing tests benchmarks
	$(BIN)/lint-imports

# mypy: strict on core, store, export, checks and ingest, basic on gui (pyproject.toml).
typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	BRIEFING_HYPOTHESIS=ci QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The suite against the lowest versions pyproject.toml allows for each direct dependency
# (runtime and test), in a separate .venv-lowest, so the floors stay honest.  uv (a
# resolver, not a project dependency) resolves them: --resolution lowest-direct.
LOWEST := .venv-lowest
test-lowest:
	@test -x $(LOWEST)/bin/python || $(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet 'uv==0.13.8'
	$(LOWEST)/bin/uv pip install --quiet --python $(LOWEST)/bin/python \
		--resolution lowest-direct --reinstall-package briefing -e '.[test]'
	$(LOWEST)/bin/uv pip list --python $(LOWEST)/bin/python | grep -iE \
		'^(pyside6-essentials|python-docx|markdown|jsonschema|fastjsonschema|charset-normalizer|pypdf|bibtexparser|pylatexenc|lxml|rapidfuzz) '
	BRIEFING_HYPOTHESIS=ci QT_QPA_PLATFORM=offscreen $(LOWEST)/bin/python -m pytest -p no:cacheprovider

bench: $(STAMP) bytecode
	$(BIN)/python -m benchmarks

fuzz: $(STAMP)
	BRIEFING_FUZZ=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m fuzz -p no:cacheprovider

# Desktop bundle for this OS in dist/Briefing, its size, and a smoke test of the bundled
# CLI with an empty environment (packaging/README.md).  PyInstaller is a packaging tool,
# not a runtime or test dependency, so only this target installs it.
package: $(STAMP)
	$(BIN)/python -m pip install --quiet 'pyinstaller==6.22.3'
	$(BIN)/python packaging/build.py

# Screenshots of the editor on the bundled sample, for the guide (offscreen, no screen needed).
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m briefing.gui.screenshots docs/images --input resources/samples/sample.json --size 1366x768
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m briefing.gui.layout_shots docs/images

clean:
	rm -rf $(VENV) $(LOWEST) run build dist .pytest_cache .ruff_cache .hypothesis .mypy_cache
