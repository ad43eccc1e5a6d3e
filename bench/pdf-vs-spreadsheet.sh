#!/usr/bin/env bash
# Times two whole processes over several runs in the same run and prints the median ratio:
#   1. `flightplan export` of the sample plan to PDF (our one-page plan), and
#   2. `libreoffice --headless --convert-to pdf` of our own XLSX export of the same plan.
# Usage: bench/pdf-vs-spreadsheet.sh [RUNS]   (default 7; needs Debian's libreoffice-calc)
# FLIGHTPLAN=/path/to/flightplan overrides the binary (default: a release build of the CLI).
set -euo pipefail
runs="${1:-7}"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${FLIGHTPLAN:-$root/target/release/flightplan}"
if [ ! -x "$bin" ]; then
  (cd "$root" && cargo build --release -q -p flightplan-cli)
fi
office="$(command -v libreoffice || command -v soffice || true)"
[ -n "$office" ] || { echo "libreoffice is not installed (apt-get install libreoffice-calc)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" demo > "$work/plan.json"
"$bin" export "$work/plan.json" -o "$work/plan.xlsx" > /dev/null
profile="file://$work/lo-profile"   # a private profile, so a running office is not disturbed
# Warm both once (first LibreOffice start creates its profile).
"$bin" export "$work/plan.json" -o "$work/warm.pdf" > /dev/null
"$office" -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/plan.xlsx" > /dev/null 2>&1

now() { date +%s%N; }
ours=(); theirs=()
for _ in $(seq "$runs"); do
  t0=$(now); "$bin" export "$work/plan.json" -o "$work/plan.pdf" > /dev/null; t1=$(now)
  ours+=($((t1 - t0)))
  t0=$(now); "$office" -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/plan.xlsx" > /dev/null 2>&1; t1=$(now)
  theirs+=($((t1 - t0)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m_ours=$(median "${ours[@]}"); m_theirs=$(median "${theirs[@]}")
awk -v o="$m_ours" -v t="$m_theirs" -v n="$runs" 'BEGIN {
  printf "runs: %d\nflightplan export (PDF):            median %8.1f ms\nlibreoffice --convert-to pdf (XLSX): median %8.1f ms\nratio (median): %.1fx faster\n", n, o / 1e6, t / 1e6, t / o
}'
