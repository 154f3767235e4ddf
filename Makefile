# LureLens: the two commands of the README, and their parts.
#   make demo   build the scanner and run it on the bundled demo feed
#   make test   every test: Rust unit + integration + rule cases + quality floors, wasm bindings,
#               extension build and end-to-end browser tests
# Both install what they need (scripts/setup.sh) and are fast when it is installed.

SHELL := /bin/bash
CARGO ?= cargo
BIN := target/release/lurelens
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: demo test test-rust test-rules test-wasm test-fuzz test-extension bench fuzz clean

# Seconds per fuzz target in `make test` (FUZZ_SECONDS=600 make fuzz for a longer run).
FUZZ_SECONDS ?= 20

demo:
	@scripts/setup.sh --native
	$(CARGO) build --release --quiet
	$(BIN) scan tests/fixtures/demo-feed.jsonl

test: test-rust test-rules test-wasm test-fuzz test-extension
	@echo "all tests passed"

test-rust:
	@scripts/setup.sh --native
	$(CARGO) test --quiet

test-rules:
	$(CARGO) build --release --quiet
	$(BIN) rules check rules
	$(BIN) eval tests/corpus/*.jsonl

test-wasm:
	@scripts/setup.sh
	$(CARGO) build --release --quiet
	mkdir -p target && $(BIN) rules export rules --out target/lurelens-bundle.json
	wasm-pack test --node --release -- --lib

test-extension:
	@scripts/setup.sh
	bash scripts/build-extension.sh
	npm run --silent test:e2e

test-fuzz:
	@scripts/setup.sh
	set -o pipefail; cd fuzz && for t in scan load bundle; do cargo +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 2>&1 | tail -3 || exit 1; done

fuzz:
	$(MAKE) test-fuzz FUZZ_SECONDS=600

bench:
	$(CARGO) bench --bench scan

clean:
	$(CARGO) clean
