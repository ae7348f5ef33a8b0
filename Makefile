# Standards repository: every target sets up what it needs on first use (scripts/setup.sh).
# The README's two commands are `make publish` and `make test`.

VENV  := .venv
STD   := $(VENV)/bin/std
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.test-installed
FROM  ?= HEAD~1
TO    ?= HEAD

.PHONY: publish test setup html pdf lint ids preview diff translations clean help

publish: $(STAMP)      ## build every standard's official outputs into build/publish/
	$(STD) publish

test: $(STAMP) $(TEST_STAMP) ## check the code (ruff), then run the test suite
	$(VENV)/bin/ruff check --quiet tooling tests benchmarks
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# What only the tests need (the browser of tests/test_browser.py: Debian's chromium and chromium-driver),
# set up again after the main set-up changed, or when the browser has gone since the stamp was written.
$(TEST_STAMP): $(STAMP)
	scripts/setup.sh --test
ifneq ($(words $(wildcard /usr/bin/chromium /usr/bin/chromedriver)),2)
.PHONY: $(TEST_STAMP)
endif

setup: $(STAMP)        ## create .venv with the pinned stack and install Debian packages when missing

$(STAMP): requirements.lock pyproject.toml scripts/setup.sh
	scripts/setup.sh

html: $(STAMP)         ## build the HTML preview site into build/html/
	$(STD) build --format html

pdf: $(STAMP)          ## build every standard's PDF into build/pdf/
	$(STD) build --format pdf

lint: $(STAMP)         ## drafting-rule findings
	$(STD) lint

ids: $(STAMP)          ## add missing stable IDs to the sources
	$(STD) ids

preview: $(STAMP)      ## live preview of the HTML site while editing
	$(STD) preview

diff: $(STAMP)         ## redline between two revisions: make diff FROM=<rev> TO=<rev>
	@if [ -z "$(strip $(FROM))" ] || [ -z "$(strip $(TO))" ]; then \
	  echo "make diff: FROM and TO are required (git refs, folders or Markdown files): make diff FROM=<rev> TO=<rev>" >&2; \
	  exit 2; fi
	$(STD) diff --from '$(FROM)' --to '$(TO)' --format html --format pdf

translations: $(STAMP) ## update the translation catalogs
	$(STD) translate update

clean:                 ## remove build outputs (keeps .venv)
	rm -rf build

help:
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'
