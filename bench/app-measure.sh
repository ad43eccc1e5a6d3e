#!/usr/bin/env bash
# Measure the desktop app (a script, not a test): cold start to the library's first paint,
# edit → recompute → repaint on 200- and 1,000-line plans, the CPU used while a plan sits open
# and untouched, and resident memory. Runs the real app under
# Xvfb through tauri-driver, like tests/e2e. Prints a JSON summary.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --locked
# The app as it ships: the release build the installers carry (the Tauri CLI's build, with the
# UI embedded and served through the custom protocol). The CLI only writes the test plans.
command -v cargo-tauri >/dev/null 2>&1 || cargo install tauri-cli --version "^2" --locked
cargo tauri build --no-bundle
cargo build -p flightplan-cli

work=$(mktemp -d)
display=":$((80 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $driver $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
export DISPLAY="$display" FLIGHTPLAN_E2E_DIR="$work" FLIGHTPLAN_LIBRARY="$work/library.sqlite3" FLIGHTPLAN_BIN_DIR="$PWD/target/release" FLIGHTPLAN_CLI="$PWD/target/debug/flightplan"
tauri-driver --port 4446 --native-port 4447 --native-driver /usr/bin/WebKitWebDriver >/dev/null 2>&1 &
driver=$!
for _ in $(seq 50); do curl -fsS http://127.0.0.1:4446/status >/dev/null 2>&1 && break; sleep 0.2; done
node bench/app-measure.mjs "${1:-5}"
