#!/usr/bin/env bash
# huixi build and test driver. `make serve` / `make test` call this; it can also be run as
#   bash scripts/huixi.sh setup|build|shell|serve|test|lint|test-native|test-wasm|test-e2e|bench|eval
#
# It installs what is missing (apt packages, wasm-bindgen-cli at Cargo.lock's version, npm
# packages) and reuses whatever is already there at the right version.
#
# Two ways to compile to wasm32:
#  * plain: rustup's toolchain has the wasm32-unknown-unknown target installed -> use it.
#  * Debian: otherwise, Debian's rustc-web (/usr/bin/rustc, 1.96) builds std from source
#    (rust-web-src) with -Z build-std. That needs RUSTC_BOOTSTRAP=1, which is set ONLY on wasm
#    commands: in a native build it makes proc-macro2's build script rerun and everything rebuild.
# Wasm settings live in environment variables set by wasm_env (never in .cargo/config.toml,
# which native builds would read too). Wasm artefacts go to target-wasm/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

TOOLS=$ROOT/tools                      # project-local `cargo install --root`
PKG=$ROOT/www/pkg                      # wasm-bindgen output, served with www/
WASM_TARGET_DIR=$ROOT/target-wasm
PORT=${PORT:-8080}
export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"   # npm wasm-opt before any system one

# ------------------------------------------------------------------ output helpers
STEP_NAME=""; STEP_T0=0
TIMINGS=()
step() { STEP_NAME=$*; STEP_T0=$(date +%s); printf '\n\033[1m=== %s ===\033[0m\n' "$*"; }
step_done() { local dt=$(( $(date +%s) - STEP_T0 )); TIMINGS+=("$(printf '%4ds  %s' "$dt" "$STEP_NAME")"); echo "[time] ${dt}s  $STEP_NAME"; }
die() { echo "huixi: $*" >&2; exit 1; }

# ------------------------------------------------------------------ which wasm toolchain
plain_wasm() {
  command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

# Environment for a wasm cargo command (printed as `env` arguments).
wasm_env() {
  # opt-level "s" for the wasm only (native stays at 3): measured 4.94 → 4.41 MB raw, 1.47 →
  # 1.35 MB brotli, with the same analyze times in Chromium; +simd128 was measured and not kept:
  # the same analyze times (docs/perf-history.md, "Wasm build settings").
  local e=(CARGO_TARGET_DIR="$WASM_TARGET_DIR" CARGO_PROFILE_RELEASE_OPT_LEVEL=s
           # minicov (under wasm-bindgen-test) compiles C for wasm32.
           CC_wasm32_unknown_unknown="$(wasm_cc)" AR_wasm32_unknown_unknown="$(wasm_ar)"
           CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner)
  if ! plain_wasm; then
    # rustdoc too, or doctests meet a std built by another rustc (E0514).
    e+=(RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1)
  fi
  printf '%s\n' "${e[@]}"
}
wasm_cc() { command -v clang-22 >/dev/null 2>&1 && echo clang-22 || echo clang; }
wasm_ar() { command -v llvm-ar-22 >/dev/null 2>&1 && echo llvm-ar-22 || echo llvm-ar; }
wasm_zflags() { plain_wasm || echo "-Zbuild-std=std,panic_abort"; }

wasm_cargo() {   # wasm_cargo <cargo subcommand> [args…]
  local sub=$1; shift
  local envs; mapfile -t envs < <(wasm_env)
  # shellcheck disable=SC2046
  env -u RUSTFLAGS "${envs[@]}" cargo "$sub" $(wasm_zflags) --target wasm32-unknown-unknown "$@"
}

native_cargo() { env -u RUSTC -u RUSTDOC -u RUSTC_BOOTSTRAP cargo "$@"; }

# ------------------------------------------------------------------ setup
need_apt_packages() {
  local pkgs=(chromium chromium-driver fonts-wqy-microhei fontconfig python3)
  if ! plain_wasm; then
    pkgs+=(rustc-web rust-web-src rust-web-llvm rust-web-clippy lld-22 clang-22 llvm-22)
  elif ! { command -v clang-22 || command -v clang; } >/dev/null 2>&1; then
    pkgs+=(clang llvm)   # any clang compiles minicov (under wasm-bindgen-test) for wasm32
  fi
  command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
  command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  local p missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] || printf '%s\n' "${missing[@]}"
}

setup_apt() {
  step "system packages (apt)"
  local missing; mapfile -t missing < <(need_apt_packages)
  if [ ${#missing[@]} -eq 0 ]; then
    echo "all present"
  else
    # rustc-web: rustc 1.96 for wasm; rust-web-src: std sources for -Zbuild-std; rust-web-llvm:
    # /usr/bin/rust-lld, which points at lld-22; rust-web-clippy: clippy for that rustc (the
    # wasm crates' lint step); clang-22/llvm-22: C for wasm32 (minicov, under wasm-bindgen-test);
    # chromium + chromium-driver: browser tests; fonts-wqy-microhei (+ fontconfig, only a
    # Recommends): Chinese glyphs.
    echo "installing: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to install: ${missing[*]}"
      sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q -o DPkg::Lock::Timeout=600
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o DPkg::Lock::Timeout=600 "${missing[@]}"
  fi
  command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
  if plain_wasm; then echo "wasm: rustup target wasm32-unknown-unknown"; else
    echo "wasm: Debian $(/usr/bin/rustc --version) with -Zbuild-std"
    rust-lld -flavor wasm --version >/dev/null || die "rust-lld does not run (is lld-22 installed?)"
  fi
  step_done
}

lock_version() {  # version of a package in Cargo.lock
  awk -v n="$1" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_wasm_bindgen() {
  step "wasm-bindgen-cli"
  local want; want=$(lock_version wasm-bindgen)
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $want" ] &&
     [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" = "wasm-bindgen-test-runner $want" ]; then
    echo "reusing $(command -v wasm-bindgen) ($want)"
  else
    echo "installing wasm-bindgen-cli $want into tools/ (takes ~3-5 min)"
    # Not --locked: the tool's own lock pins crates (webpki-roots) some registries lack.
    native_cargo install wasm-bindgen-cli --version "=$want" --root "$TOOLS"
    [ "$(wasm-bindgen --version)" = "wasm-bindgen $want" ] || die "wasm-bindgen on PATH is not $want"
  fi
  step_done
}

setup_npm() {
  step "npm packages (playwright-core, binaryen)"
  local node_major; node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  [ "$node_major" -ge 20 ] || echo "warning: playwright-core wants Node >= 20, this is $(node --version 2>/dev/null)" >&2
  if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] &&
     [ node_modules/.package-lock.json -nt package-lock.json ]; then
    echo "node_modules up to date"
  else
    npm ci --no-audit --no-fund
  fi
  step_done
}

setup() { setup_apt; setup_wasm_bindgen; setup_npm; }

# ------------------------------------------------------------------ build
# One wasm shell crate built as a cdylib (crates/engine, crates/ui, crates/reader): prints the
# path of its .wasm. Each crate's cdylib has a name of its own, so the three never overwrite
# each other's artefact.
cargo_cdylib() {   # cargo_cdylib <package> [cargo args…]
  local package=$1; shift
  wasm_cargo rustc -p "$package" --lib --release --crate-type cdylib "$@" --message-format=json-render-diagnostics |
    node -e '
      const path = require("path"), fs = require("fs");
      let out = "";
      require("readline").createInterface({ input: process.stdin }).on("line", (l) => {
        try {
          const m = JSON.parse(l);
          if (m.reason !== "compiler-artifact" || !m.target.kind.includes("cdylib")) return;
          const f = m.filenames.find((f) => f.endsWith(".wasm"));
          const d = f && path.join(path.dirname(f), "deps", path.basename(f));
          out = d && fs.existsSync(d) ? d : f;
        } catch {}
      }).on("close", () => { if (!out) process.exit(1); console.log(out); });' || {
    echo "no .wasm artefact from cargo for $package" >&2; return 1; }
}

# wasm-bindgen + wasm-opt for one module into www/pkg.
bindgen_module() {   # bindgen_module <wasm> <out-name> <a function its JS glue must export>
  local wasm=$1 name=$2 export=$3
  wasm-bindgen --target web --no-typescript --out-dir "$PKG" --out-name "$name" "$wasm" || return 1
  grep -q "export function $export" "$PKG/$name.js" || { echo "$wasm is not the $name module" >&2; return 1; }
  # npm binaryen: Debian's wasm-opt (108) cannot read wasm-bindgen's output.
  # -ocimfs 200: a function with one caller is inlined into it only when small. By default
  # wasm-opt inlines every such function, so a start-up path called once became one big function
  # (the dictionary's loading: 8.8 kB of wasm) whose loops made V8 optimise all of it with
  # TurboFan, 9-13 ms of compiling in Node and ~30 ms in the browser while the page starts, for
  # code that never runs again. Measured: the same sizes, the same analysis times, ready 172 → 159
  # ms on a quiet machine (docs/perf-history.md, "wasm-opt inlining limit").
  wasm-opt -Oz -ocimfs 200 "$PKG/${name}_bg.wasm" -o "$PKG/${name}_bg.wasm" || return 1
}

build_wasm() {
  step "wasm release build (first run builds std from source: minutes)"
  # Three modules, one crate each (ARCHITECTURE.md): the analysis engine with the JS API
  # (huixi.js, crates/engine) for the worker and embedding sites, the page's user interface
  # (huixi_ui.js, crates/ui), which has no engine inside, and the file reader (huixi_read.js,
  # crates/reader): files → text, which the page loads when the user first opens a file.
  # (`|| return`: this also runs inside `if`, where set -e is off.)
  local engine ui read
  engine=$(cargo_cdylib huixi-engine) || return 1
  ui=$(cargo_cdylib huixi-ui) || return 1
  read=$(cargo_cdylib huixi-reader) || return 1
  echo "built $engine, $ui and $read"
  step_done
  step "wasm-bindgen + wasm-opt"
  local stamp; stamp="$(stat -c '%n %Y' "$engine" "$ui" "$read") $(wasm-bindgen --version)"
  if [ "$(cat "$PKG/.stamp" 2>/dev/null)" = "$stamp" ] && [ -f "$PKG/huixi_bg.wasm" ] && [ -f "$PKG/huixi_ui_bg.wasm" ] &&
     [ -f "$PKG/huixi_read_bg.wasm" ]; then
    echo "www/pkg is up to date"; step_done; return 0
  fi
  # All modules together, so no snippet of an older build stays behind.
  rm -rf "$PKG"
  bindgen_module "$engine" huixi analyze || return 1
  bindgen_module "$ui" huixi_ui run_app || return 1
  bindgen_module "$read" huixi_read read_file || return 1
  echo "$stamp" > "$PKG/.stamp"
  ls -l "$PKG"
  step_done
}

# The offline service worker's precache list (www/pkg/precache.js, read by www/sw.js): the app
# shell, the embed files and the wasm, each with its SHA-256 (sw.js fetches it with that
# integrity, so a half-finished deployment is never cached), and a hash of them all as the cache
# version: a new build (or any edited page file) gets a cache of its own. The benchmark page
# (bench.html, bench.js) is not part of the app and is left out.
write_precache() {
  [ -f "$PKG/huixi_bg.wasm" ] || return 0
  node -e '
    const fs = require("fs"), path = require("path"), crypto = require("crypto");
    const www = process.argv[1];
    const top = fs.readdirSync(www).filter((f) => /\.(html|css|js)$/.test(f) && !/^(sw\.js|bench\.(html|js))$/.test(f)).sort();
    const pkg = ["pkg/huixi.js", "pkg/huixi_bg.wasm", "pkg/huixi_ui.js", "pkg/huixi_ui_bg.wasm", "pkg/huixi_read.js", "pkg/huixi_read_bg.wasm"];
    const snippets = [];
    const walk = (d) => { for (const e of fs.readdirSync(path.join(www, d), { withFileTypes: true })) {
      const rel = d + "/" + e.name;
      if (e.isDirectory()) walk(rel); else if (e.name.endsWith(".js")) snippets.push(rel);
    } };
    if (fs.existsSync(path.join(www, "pkg/snippets"))) walk("pkg/snippets");
    const files = [...top, ...pkg.filter((f) => fs.existsSync(path.join(www, f))), ...snippets.sort()];
    const sri = (f) => "sha256-" + crypto.createHash("sha256").update(fs.readFileSync(path.join(www, f))).digest("base64");
    // "./" is the page itself (index.html), as the browser asks for it.
    const entries = [["./", sri("index.html")], ...files.map((f) => [f, sri(f)])];
    const version = crypto.createHash("sha256").update(JSON.stringify(entries)).digest("hex").slice(0, 16);
    const list = entries.map(([f, h]) => `\n    [${JSON.stringify(f)}, ${JSON.stringify(h)}]`).join(",");
    fs.writeFileSync(path.join(www, "pkg/precache.js"),
      "// Written by scripts/huixi.sh: what www/sw.js precaches, each file with its SHA-256, and the cache\n" +
      "// version (a hash of them all).\n" +
      `self.HUIXI_PRECACHE = {\n  version: "${version}",\n  files: [${list}\n  ],\n};\n`);
    console.log(`precache: ${entries.length} files, version ${version}`);
  ' "$ROOT/www"
}

# The app's first view into www/index.html (the shell) and the values the shell shares with the
# app into www/boot.js: rendered natively by Yew's server-side renderer (crates/ui/tests/shell.rs,
# which fails in `make test` when they are stale). Before the precache list, which hashes them.
write_shell() {
  step "first view (index.html's shell and boot.js's constants, from the app)"
  HUIXI_WRITE_SHELL=1 native_cargo test -q -p huixi-ui --test shell || return 1
  git -C "$ROOT" diff --stat -- www/index.html www/boot.js 2>/dev/null || true
  step_done
}

build() { setup; write_shell; build_wasm; write_precache; }

serve() {
  build
  echo
  echo "huixi is served on http://127.0.0.1:$PORT/  (Ctrl-C stops it)"
  exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/www"
}

# ------------------------------------------------------------------ tests
RESULTS=()
FAILED=0
run_test() {   # run_test <name> <function>
  local name=$1; shift
  step "$name"
  if "$@"; then RESULTS+=("PASS  $name"); else RESULTS+=("FAIL  $name"); FAILED=1; fi
  step_done
}

# Every crate of the workspace, the vendored jieba-rs included.
t_native() { native_cargo test --workspace; }
# The code as rustfmt.toml writes it, and no clippy warning, natively and for the wasm crates
# (whose code natively compiles to nothing).
t_lint() {
  native_cargo fmt --all --check && (cd fuzz && native_cargo fmt --check) &&
    native_cargo clippy --workspace --all-targets -- -D warnings && wasm_clippy
}
wasm_clippy() {
  local pkgs=(-p huixi-web -p huixi-engine -p huixi-ui -p huixi-reader --features huixi-ui/engine --all-targets)
  if plain_wasm; then
    cargo clippy --release --target wasm32-unknown-unknown "${pkgs[@]}" -- -D warnings
  else
    # Debian's clippy, the one that matches Debian's rustc-web (rustup's clippy is another rustc).
    local envs; mapfile -t envs < <(wasm_env)
    # shellcheck disable=SC2046
    env -u RUSTFLAGS "${envs[@]}" /usr/bin/cargo-clippy clippy $(wasm_zflags) --release \
      --target wasm32-unknown-unknown "${pkgs[@]}" -- -D warnings
  fi
}
t_wasm() {
  # Only the browser test target: the lib's and bin's unit tests are native.
  CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120} \
    wasm_cargo test --release -p huixi-ui --features engine --test browser
}
# Both suites run; either failing fails the step.
t_e2e() {
  write_precache || return 1
  local rc=0
  node tests/e2e/e2e.mjs || rc=1
  node tests/e2e/embed-fetch.mjs || rc=1
  return "$rc"
}

summary() {
  echo
  echo "=================== summary ==================="
  printf '%s\n' "${TIMINGS[@]}"
  echo "-----------------------------------------------"
  printf '%s\n' "${RESULTS[@]}"
  if [ "$FAILED" = 0 ]; then echo "ALL TESTS PASSED"; else echo "SOME TESTS FAILED"; fi
}

test_all() {
  local T0; T0=$(date +%s)
  setup
  run_test "format and lints (cargo fmt --check, clippy -D warnings)" t_lint
  run_test "native tests (cargo test --workspace)" t_native
  if build_wasm && write_precache; then RESULTS+=("PASS  wasm build"); else RESULTS+=("FAIL  wasm build"); FAILED=1; fi
  run_test "wasm tests in headless Chromium (wasm-bindgen-test)" t_wasm
  if [ -f "$PKG/huixi_bg.wasm" ]; then
    run_test "end-to-end (playwright-core + Chromium)" t_e2e
  else
    RESULTS+=("SKIP  end-to-end (no wasm build)"); FAILED=1
  fi
  TIMINGS+=("$(printf '%4ds  total' $(( $(date +%s) - T0 )))")
  summary
  return "$FAILED"
}

# Accuracy on the evaluation set beside the checkout (../shared/eval: real reports with hand-made
# gold, outside the repository), scored by the set's own score.py on a release CLI. The ratchet
# in `cargo test` (crates/cli/tests/eval.rs) holds the same figures against its eval-baseline.json.
eval_sets() {
  local ev=$ROOT/../shared/eval
  if [ ! -f "$ev/score.py" ] || [ ! -d "$ev/dev" ]; then
    echo "eval skipped: no ../shared/eval (score.py and dev/) beside the checkout"; return 0
  fi
  native_cargo build --release -p huixi-cli
  echo "--- dev set ($(ls "$ev/dev"/*.json | wc -l) documents)"
  python3 "$ev/score.py" "$ev/dev" "$ev/dev"
  if [ -d "$ev/seeds-gold" ]; then
    echo "--- seeds"
    python3 "$ev/score.py" "$ev/seeds-gold" "$ROOT/seeds"
  fi
}

# Browser benchmark (huixi vs jieba-wasm) on whatever build www/pkg holds; numbers, no pass/fail.
bench() { setup_npm; [ -f "$PKG/huixi_bg.wasm" ] || build; node tests/bench/browser-bench.mjs "$@"; }

case "${1:-}" in
  setup) setup ;;
  build) build ;;
  shell) write_shell ;;
  serve) serve ;;
  test) test_all ;;
  lint) t_lint ;;
  test-native) t_native ;;
  test-wasm) setup; t_wasm ;;
  test-e2e) t_e2e ;;
  bench) shift; bench "$@" ;;
  eval) eval_sets ;;
  *) echo "usage: $0 setup|build|shell|serve|test|lint|test-native|test-wasm|test-e2e|bench|eval" >&2; exit 2 ;;
esac
