#!/usr/bin/env bash
# Allocator quality and speed against scipy's SLSQP on the same generated problems.
# Installs numpy + scipy from PyPI into bench/.venv (once), builds the solver in release mode,
# and prints the quality gap and the speed ratio. Usage: bench/allocator-vs-scipy.sh [PROBLEMS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy scipy
fi
cargo build --quiet --release -p flightplan-core --example allocate_problems --manifest-path "$root/Cargo.toml"
target="${CARGO_TARGET_DIR:-$root/target}"
"$venv/bin/python" "$here/allocator_vs_scipy.py" "$target/release/examples/allocate_problems" "${1:-200}" "${@:2}"
