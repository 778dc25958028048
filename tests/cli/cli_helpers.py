"""Running the journeycanvas command and Python code as a shell does, for the CLI tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
"""The checkout under test: the child runs its code, not whatever the venv has installed."""
ENV = {
    "PATH": "/usr/bin:/bin",
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHONUTF8": "1",
    "PYTHONPATH": str(PROJECT),
    "LANG": "C",  # messages in English, whatever the machine's locale
}


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m journeycanvas ARGS`` without a display (`env` adds variables)."""
    return subprocess.run(
        [sys.executable, "-m", "journeycanvas", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**ENV, **(env or {})},
        timeout=120,
    )


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh Python interpreter."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def assert_user_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    """The command failed with exit code 1 and one line on stderr that says `words`."""
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
