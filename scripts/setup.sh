#!/usr/bin/env bash
# Set up doclint on a fresh machine: system packages (OCR, Korean fonts; with --dev also the
# browser for the HTML report test), a virtual environment in .venv, and doclint itself.
#   bash scripts/setup.sh         # to use doclint
#   bash scripts/setup.sh --dev   # also the test tools and the sentence-transformers backend
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
[ "${1:-}" = "--dev" ] && DEV=1
PY=${PYTHON:-python3}

apt_packages=(tesseract-ocr tesseract-ocr-kor tesseract-ocr-eng fonts-nanum poppler-utils)
[ "$DEV" = 1 ] && apt_packages+=(chromium chromium-driver)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
    echo "setup: installing system packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: cannot install ${missing[*]} (not root, no sudo): OCR/fonts/browser features will be limited" >&2
  fi
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
VPY=.venv/bin/python
stamp=".venv/.doclint-setup-$DEV-$(cat pyproject.toml scripts/setup.sh | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  "$VPY" -m pip install -q --upgrade pip
  if [ "$DEV" = 1 ]; then
    # The CPU build of torch lies on this machine's disk; an unpinned torch would pull CUDA.
    "$VPY" -m pip install -q "torch==2.13.0"
    "$VPY" -m pip install -q -e ".[dev,transformers]"
  else
    "$VPY" -m pip install -q -e .
  fi
  rm -f .venv/.doclint-setup-*
  touch "$stamp"
fi
echo "setup: ready (.venv/bin/doclint)" >&2
