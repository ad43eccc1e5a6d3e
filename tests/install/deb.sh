#!/usr/bin/env bash
# The .deb as a planner gets it: installed with apt-get on this machine, the installed app
# started under Xvfb and driven through tauri-driver until it shows the library with the bundled
# sample plan, a screenshot kept, the .flightplan file type registered; then removed again.
# Run by .ci/bundle, and by .ci/test when a bundle exists.
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=$(ls target/release/bundle/deb/*.deb | head -n 1)
SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --locked
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "./$deb" xdg-utils shared-mime-info libglib2.0-bin imagemagick >/dev/null
package=$(dpkg-deb -f "$deb" Package)
trap '$SUDO apt-get remove -y -qq "$package" >/dev/null 2>&1 || true' EXIT
app=$(dpkg -L "$package" | grep -E '^/usr/bin/' | head -n 1)
desktop=$(dpkg -L "$package" | grep -E '\.desktop$' | head -n 1)
echo "installed $package: $app, $desktop"
grep -q '^MimeType=.*application/x-flightplan+json' "$desktop" || { echo "the .desktop file does not claim .flightplan files" >&2; exit 1; }
# A plan file as the app writes it (an empty file is "inode/x-empty" whatever its name).
printf '{ "format": "flightplan/1" }\n' >/tmp/flightplan-type-check.flightplan
# As a file manager sees it: GIO reads the shared MIME database the package's type was added to
# (xdg-mime falls back to `file`, which sniffs the content and knows no extensions).
filetype=$(XDG_DATA_DIRS=/usr/share gio info -a standard::content-type /tmp/flightplan-type-check.flightplan 2>/dev/null | sed -n 's/^ *standard::content-type: //p' || true)
rm -f /tmp/flightplan-type-check.flightplan
[ "$filetype" = "application/x-flightplan+json" ] || { echo "a .flightplan file is seen as \"$filetype\"" >&2; exit 1; }

work=$(mktemp -d)
display=":$((60 + RANDOM % 9))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$driver" "$xvfb" 2>/dev/null || true; $SUDO apt-get remove -y -qq "$package" >/dev/null 2>&1 || true' EXIT
sleep 1
export DISPLAY="$display" FLIGHTPLAN_LIBRARY="$work/library.sqlite3" WEBKIT_DISABLE_COMPOSITING_MODE=1
tauri-driver --port 4450 --native-port 4451 --native-driver /usr/bin/WebKitWebDriver >"$work/driver.log" 2>&1 &
driver=$!
for _ in $(seq 50); do curl -fsS http://127.0.0.1:4450/status >/dev/null 2>&1 && break; sleep 0.2; done
FLIGHTPLAN_INSTALLED_APP="$app" FLIGHTPLAN_SHOT="${FLIGHTPLAN_INSTALL_SHOT:-$work/installed.png}" node tests/install/installed.mjs
echo "the installed app shows the library; screenshot: ${FLIGHTPLAN_INSTALL_SHOT:-$work/installed.png}"
