#!/usr/bin/env bash
# Set up the project with its test tools and run the whole test suite,
# browser tests in real Chromium included (Debian's `chromium` package).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

chromium="${PRAKTIJKBANK_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium ontbreekt; installeren met apt-get …"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium ontbreekt. Installeer het met: sudo apt-get install chromium" >&2
    echo "(of zet PRAKTIJKBANK_CHROMIUM op het pad van een Chromium-browser)" >&2
    exit 2
  fi
fi

# Firefox (Debian's firefox-esr): the offline bundle is opened in it too (tests/test_offline_bundle.py).
firefox="${PRAKTIJKBANK_FIREFOX:-firefox-esr}"
if ! command -v "$firefox" >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Firefox ontbreekt; installeren met apt-get …"
    apt-get update -qq && apt-get install -y -qq firefox-esr >/dev/null
  else
    echo "Firefox ontbreekt. Installeer het met: sudo apt-get install firefox-esr" >&2
    echo "(of zet PRAKTIJKBANK_FIREFOX op het pad van een Firefox)" >&2
    exit 2
  fi
fi

# Pinned npm packages (tools/axe/package-lock.json, from the npm registry): axe-core for the
# accessibility tests, iframe-worker for the offline bundle's vendored shim check.
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "npm ontbreekt; installeren met apt-get …"
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "npm ontbreekt. Installeer het met: sudo apt-get install nodejs npm" >&2
    exit 2
  fi
fi
# Only when the lock file is newer than the last install (npm ci writes node_modules/.package-lock.json).
if [ ! tools/axe/node_modules/.package-lock.json -nt tools/axe/package-lock.json ]; then
  npm ci --prefix tools/axe --no-audit --no-fund --loglevel=error
fi

export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
