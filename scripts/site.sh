#!/usr/bin/env bash
# Set up the project once (a virtual environment in .venv) and run the site locally.
# The site is then at http://127.0.0.1:8000 and rebuilds when a card changes.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .

export NO_MKDOCS_2_WARNING=1  # Material's end-of-life banner says nothing a reader of our site needs
exec .venv/bin/mkdocs serve "$@"
