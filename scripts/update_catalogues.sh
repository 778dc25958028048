#!/usr/bin/env bash
# Extract strings, update every catalogue, check they compile (see update_catalogues.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
PYTHONPATH="$PWD" "$PYTHON" scripts/update_catalogues.py "$@"
