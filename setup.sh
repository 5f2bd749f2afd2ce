#!/usr/bin/env bash
# Stagefit's one script for newcomers and CI. It installs everything the project needs on a fresh
# machine (skipping what is already there at the right version), then does what you ask:
#
#   ./setup.sh serve   set up, then serve the app on http://127.0.0.1:8080/ (PORT=... to change)
#   ./setup.sh test    set up, then run every check and test (this is what CI runs)
#   ./setup.sh bench   set up, then measure sizes, link lengths, a long fuzz run of the decoders,
#                      browser timings and Lighthouse scores, next to the previous release's
#                      (built from BASELINE_REF; installs brotli, and Lighthouse into tests/bench/)
#   ./setup.sh         set up only
#
# Only package registries are used (apt, crates.io, npm): nothing is downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root=$(pwd)

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen CLI must be exactly the version Cargo.lock uses, or Trunk tries to download
# its own copy (which this network refuses).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_browser() {
  if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then return; fi
  say "Installing Chromium and chromedriver from Debian"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
}

ensure_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
}

ensure_cargo_tools() {
  if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    say "Installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wb
  wb=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wb"; then
    # Not --locked: one of its locked dependency versions is missing from the registry.
    say "Installing wasm-bindgen-cli $wb (about 5 minutes, once)"
    cargo install wasm-bindgen-cli --version "$wb" --force
  fi
}

ensure_npm_tools() {
  # wasm-opt from npm: Debian's binaryen is too old and produces a wasm that crashes at start.
  if ! "$root/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    say "Installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
    mkdir -p .tools
    npm install --prefix .tools --no-save --no-package-lock --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >&2
  fi
  # The end-to-end tests' packages, exactly as package-lock.json records them.
  if [ ! -f tests/e2e/node_modules/.installed ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.installed ]; then
    say "Installing the end-to-end tests' npm packages"
    (cd tests/e2e && npm ci --no-audit --no-fund >&2 && touch node_modules/.installed)
  fi
}

# Lighthouse for the benchmarks only, exactly as tests/bench/package-lock.json records it; `test`
# and `serve` never need it.
ensure_bench_tools() {
  if ! command -v brotli >/dev/null; then
    say "Installing brotli from Debian (the bench sizes files as a host would compress them)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q brotli
  fi
  if [ ! -f tests/bench/node_modules/.installed ] || [ tests/bench/package-lock.json -nt tests/bench/node_modules/.installed ]; then
    say "Installing the benchmarks' npm packages (Lighthouse 12)"
    (cd tests/bench && npm ci --no-audit --no-fund >&2 && touch node_modules/.installed)
  fi
}

setup() {
  ensure_browser
  ensure_rust
  ensure_cargo_tools
  ensure_npm_tools
  export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  say "Fetching crates (Trunk builds offline afterwards)"
  cargo fetch --locked -q
}

build_release() {
  say "Building the release app into dist/"
  trunk build --release
}

run_tests() {
  # A CI run builds everything once: incremental caches would only double what it writes to disk.
  if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi
  say "Free disk before the tests: $(df -h --output=avail . | tail -1 | tr -d ' ')"
  say "Formatting"
  cargo fmt --all -- --check
  say "Clippy, native and wasm32"
  cargo clippy --locked --workspace --all-targets -- -D warnings
  cargo clippy --locked --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
  say "Native tests of the core crate (and the app's native build)"
  cargo test --locked --workspace
  say "Component and platform tests in headless Chromium"
  CHROMEDRIVER="$CHROMEDRIVER" cargo test --locked --target wasm32-unknown-unknown --test browser --test takeover
  build_release
  say "End-to-end journeys against the release build"
  CHROMIUM="$CHROMIUM" node --test --test-concurrency=1 tests/e2e/
  if [ -x ../shared/checks/run-journey.sh ]; then
    say "The shared journey check (company=min, platform=max)"
    ../shared/checks/run-journey.sh --pattern company=min,platform=max
    echo >&2
  fi
  say "Build output on disk: $(du -sh "$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')" | cut -f1)"
}

run_bench() {
  build_release
  say "Sizes of every file of dist/ (bytes: raw, gzip -9, brotli -q 11)"
  total=0
  total_gz=0
  total_br=0
  # Every file, the strings under i18n/ included; not the build's own gzip copies (FILE.gz), which
  # are the same files compressed.
  for f in $(find dist -type f ! -name '*.gz' | sort); do
    raw=$(wc -c < "$f")
    gz=$(gzip -9c "$f" | wc -c)
    br=$(brotli -q 11 -c "$f" | wc -c)
    printf '%-48s %8d %8d %8d\n' "${f#dist/}" "$raw" "$gz" "$br"
    total=$((total + raw))
    total_gz=$((total_gz + gz))
    total_br=$((total_br + br))
  done
  printf '%-48s %8d %8d %8d   (tests/e2e/budget.test.mjs holds the first visit to a ceiling)\n' "total" "$total" "$total_gz" "$total_br"
  say "Share links"
  cargo run --locked --release --quiet -p stagefit-core --bin bench
  say "Long property run of the link, snapshot and workshop decoders (100,000 cases each)"
  STAGEFIT_FUZZ_CASES=100000 cargo test --locked --release -p stagefit-core --lib -- link snapshot workshop
  build_baseline
  say "In the browser: cold loads, results, a 300-person workshop, and Lighthouse 12, with issue 16's figures next to the previous release's"
  CHROMIUM="$CHROMIUM" node tests/bench/browser.mjs --baseline "$baseline_dist"
  say "In the browser: a history of 1,000 assessments, imports of 2,000 and 20,000 (issue 18)"
  CHROMIUM="$CHROMIUM" node tests/bench/history.mjs
  say "In the browser: a workshop of 300 and of 2,000 participants (adding, removing one, longest task)"
  CHROMIUM="$CHROMIUM" node tests/bench/workshop.mjs
}

# The previous release, built from its own commit (BASELINE_REF, by default the last release
# before issue 16) in a temporary git worktree with its own Cargo target directory, so the bench
# measures both in one run on one machine. Sets baseline_dist.
build_baseline() {
  local ref=${BASELINE_REF:-2078300} tmp
  tmp=$(mktemp -d)
  baseline_dist="$tmp/dist"
  say "Building the previous release ($ref) into $baseline_dist"
  git worktree add --quiet --detach "$tmp/src" "$ref"
  (cd "$tmp/src" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}-baseline" trunk build --release --dist "$baseline_dist" >&2)
  git worktree remove --force "$tmp/src"
}

case "${1:-}" in
  "") setup ;;
  serve)
    setup
    port=${PORT:-8080}
    say "Serving Stagefit on http://127.0.0.1:$port/ (Ctrl-C stops it)"
    # No autoreload: its injected inline script would be refused by the Content Security Policy.
    trunk serve --release --no-autoreload --address 127.0.0.1 --port "$port"
    ;;
  test)
    setup
    run_tests
    ;;
  bench)
    setup
    ensure_bench_tools
    run_bench
    ;;
  *)
    echo "usage: ./setup.sh [serve|test|bench]" >&2
    exit 2
    ;;
esac
