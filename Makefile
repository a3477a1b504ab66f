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

.PHONY: deps build run test install uninstall bench accuracy fuzz lint clean catalog-files

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

# libFuzzer with AddressSanitizer on each parser of untrusted input and on the detector
# (Fuzz/README.md): FUZZ_SECONDS per target, FUZZ_TARGETS="config rules" to choose. A package
# of its own (Fuzz/) in its own scratch folder: `make test` never builds it.
FUZZ_SECONDS ?= 120
FUZZ_TARGETS ?= config baseline rules staged-diff pre-push detector
# --sanitize fuzzer links libFuzzer's main into every executable, the catalog plugin's build
# tool too: --allow-multiple-definition lets that link succeed (see Sources/catalog-embed).
fuzz: deps catalog-files
	$(SWIFT) build --package-path Fuzz --scratch-path .build-fuzz -c release --sanitize fuzzer --sanitize address \
	  -Xlinker --allow-multiple-definition
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" bash Fuzz/run.sh

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
	$(SWIFT) format lint --strict -r Sources Tests Plugins Package.swift Fuzz/Package.swift Fuzz/Sources
	python3 scripts/lint-architecture.py
	@echo "lint: ok"

clean:
	rm -rf .build .build-fuzz
