#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine with Python 3.11:
#   bash scripts/dev.sh run [FILE]   install what is missing, then start the editor
#   bash scripts/dev.sh test         install what is missing, then run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages Qt (offscreen and xcb), PDF checks and fonts need.
DEB_PACKAGES=(
  python3-venv xvfb xauth poppler-utils fonts-dejavu-core fonts-wqy-microhei fonts-noto-core
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1 libxcb-glx0
  libxcb-shm0 libxcb-sync1
  chromium chromium-driver
)

install_debian_packages() {
  command -v dpkg-query >/dev/null || return 0
  local missing=()
  for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  # python3-venv is only needed when the interpreter lacks a working venv module.
  if python3 -c "import ensurepip, venv" 2>/dev/null; then
    missing=("${missing[@]/python3-venv/}")
  fi
  local wanted=()
  for pkg in "${missing[@]}"; do [ -n "$pkg" ] && wanted+=("$pkg"); done
  [ ${#wanted[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing Debian packages: ${wanted[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${wanted[@]}" >/dev/null
}

install_python_packages() {
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[test]"
}

install_debian_packages
install_python_packages

case "${1:-run}" in
  run)
    shift || true
    if [ $# -eq 0 ]; then
      # Open a copy of the bundled sample, so that saving never touches the template itself.
      sample="${HOME}/JourneyCanvas/hourglass-sample.journey"
      mkdir -p "$(dirname "$sample")"
      [ -f "$sample" ] || .venv/bin/journeycanvas new --template hourglass -o "$sample"
      set -- "$sample"
    fi
    exec .venv/bin/journeycanvas "$@"
    ;;
  test)
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/lint-imports
    .venv/bin/mypy
    exec .venv/bin/python -m pytest -q -p no:cacheprovider
    ;;
  *)
    echo "usage: bash scripts/dev.sh [run [FILE] | test]" >&2
    exit 2
    ;;
esac
