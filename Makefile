# Hush: the README's commands. `make run` and `make test` set up what is missing first.
PREFIX ?= /usr/local
SWIFT ?= swift
ARGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/hush
# The Swift runtime and Foundation linked in: `hush` runs without a Swift toolchain beside it,
# and starts faster (no dynamic symbol binding of a dozen libraries: 21 -> 15 ms for the
# pre-commit hook, see BENCHMARKS.md).
SWIFT_RELEASE := $(SWIFT) build -c release --static-swift-stdlib

.PHONY: deps build run test install uninstall bench accuracy train lint clean catalog-files

# libpcre2-dev (headers and pkg-config file of PCRE2) is the only system dependency.
# A fresh machine's package lists may be empty: update them before installing.
deps:
	@if ! dpkg-query -W -f='$${Status}' libpcre2-dev 2>/dev/null | grep -q 'install ok installed'; then \
	  echo "make: installing libpcre2-dev and pkg-config"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y libpcre2-dev pkg-config; \
	fi

build: deps catalog-files
	$(SWIFT_RELEASE) --product hush

# Runs Hush on the current repository, or `make run ARGS="scan --format json src"`.
run: build
	$(RELEASE_BIN) $(ARGS)

# A hung test must fail the run, not stall CI: the suite takes seconds.
test: deps lint catalog-files
	$(SWIFT) build --build-tests
	timeout 600 $(SWIFT) test --skip-build

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/hush"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/hush"

# Recall per rule on secrets planted in a dozen file formats, and false positives on the
# negative corpus (lockfiles, hashes, minified code, docs) in Tests/Accuracy; ARGS="--all"
# lists every rule, ARGS="--misses" every missed planting.
accuracy: deps catalog-files
	$(SWIFT_RELEASE) --product hush-accuracy
	.build/release/hush-accuracy $(ARGS)

# The learned scorer (issue 15; training/README.md): the candidates of the credata-dev corpus
# (Hush 0.1.0 with patterns/candidates.toml), the cross-validated training, the exported model,
# then the fixture the Swift port is tested against. Seeded: the same candidates give the same
# training/model.json byte for byte. About 40 minutes on two cores.
PYTHON ?= python3
HUSH_BASE ?= /tmp/hush-base
train:
	$(PYTHON) training/collect.py --hush $(HUSH_BASE)
	$(PYTHON) training/train.py --model lgbm --export training/model.json
	$(PYTHON) training/export_fixture.py

# Side by side with ripgrep on a generated ~200 MB corpus; see BENCHMARKS.md.
bench: build
	bash bench/run.sh $(RELEASE_BIN)

# SwiftPM re-runs the catalog plugin when a rule file changes, but not when one is added or
# removed: a changed list of rule files re-evaluates the manifest (and so the plugin).
catalog-files:
	@mkdir -p .build
	@ls patterns/*.toml > .build/patterns.list.new
	@cmp -s .build/patterns.list.new .build/patterns.list || { mv .build/patterns.list.new .build/patterns.list; touch Package.swift; }

# The formatter's rules (.swift-format: layout, no force unwraps, a `///` on every public
# declaration) and the architecture rules of docs/ARCHITECTURE.md (which folder may reference
# which, who may import CPCRE2 or start processes, a CLI without logic).
lint:
	$(SWIFT) format lint --strict -r Sources Tests Plugins Package.swift
	python3 scripts/lint-architecture.py
	@echo "lint: ok"

clean:
	rm -rf .build
