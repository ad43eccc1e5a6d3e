# Shared set-up for .ci/app and .ci/test: install only what is missing on Debian/Ubuntu.
# Sourced, not run.

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

apt_updated=""
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing: ${missing[*]}"
    if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    echo "==> installing Rust (rustup)"
    ensure_apt curl ca-certificates
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    . "$HOME/.cargo/env"
  fi
}

# rustfmt, for the formatting check: rustup's minimal profile leaves it out. Fails (status 1)
# when it is not there and rustup cannot add it (a machine that reaches no Rust mirror).
ensure_rustfmt() {
  cargo fmt --version >/dev/null 2>&1 && return 0
  if command -v rustup >/dev/null 2>&1; then
    rustup component add rustfmt >/dev/null 2>&1 || true
  fi
  cargo fmt --version >/dev/null 2>&1
}

ensure_node() {
  if ! command -v npm >/dev/null 2>&1; then
    ensure_apt nodejs npm
  fi
}

# Build libraries the desktop shell links against (WebKitGTK pulls in GTK and libsoup).
DESKTOP_APT=(build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev)

build_ui() {
  (cd ui && npm ci --no-audit --no-fund && npm run build)
}
