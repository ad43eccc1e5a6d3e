#!/usr/bin/env bash
# End to end in the real app: the desktop binary under Xvfb, driven through tauri-driver and
# WebKitWebDriver by app.test.mjs. Needs the UI built (ui/dist) and the Debian packages
# webkit2gtk-driver and xvfb; installs tauri-driver from crates.io if it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --locked
cargo build -p flightplan -p flightplan-cli

work=$(mktemp -d)
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
cleanup() {
  kill "$driver" "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "${FLIGHTPLAN_E2E_KEEP:-}" ] && cp "$work"/*.png "$work"/*.pdf "$FLIGHTPLAN_E2E_KEEP"/ 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
sleep 1

export DISPLAY="$display"
export FLIGHTPLAN_LIBRARY="$work/library.sqlite3"
# The webview's storage (saved import mappings) and the window state live under the XDG folders:
# each run starts from none, as on a fresh machine.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export FLIGHTPLAN_E2E_DIR="$work"
# The shell's native dialogs, scripted in this debug build: each takes the next line of this file.
export FLIGHTPLAN_DIALOG_ANSWERS="$work/dialog-answers.txt"
: >"$FLIGHTPLAN_DIALOG_ANSWERS"
export WEBKIT_DISABLE_COMPOSITING_MODE=1
# tauri-driver and the WebKitWebDriver behind it each need a port; on a machine where another
# run holds 4444/4445, the next free pair is taken (FLIGHTPLAN_E2E_PORT picks one).
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port="${FLIGHTPLAN_E2E_PORT:-}"
if [ -z "$port" ]; then
  for p in $(seq 4444 2 4598); do
    if ! listening "$p" && ! listening "$((p + 1))"; then port=$p; break; fi
  done
fi
[ -n "$port" ] || { echo "no free port pair for tauri-driver between 4444 and 4599" >&2; exit 1; }
export FLIGHTPLAN_E2E_DRIVER="http://127.0.0.1:$port"
tauri-driver --port "$port" --native-port "$((port + 1))" --native-driver /usr/bin/WebKitWebDriver >"$work/driver.log" 2>&1 &
driver=$!
for _ in $(seq 50); do
  curl -fsS "$FLIGHTPLAN_E2E_DRIVER/status" >/dev/null 2>&1 && break
  sleep 0.2
done
kill -0 "$driver" 2>/dev/null || { echo "tauri-driver did not start on port $port:" >&2; cat "$work/driver.log" >&2; exit 1; }

node --test tests/e2e/shell.test.mjs
node --test tests/e2e/app.test.mjs
