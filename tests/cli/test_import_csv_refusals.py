"""``journeycanvas import-csv`` on hostile files: exit 1, one line, no traceback, quickly.

Each run is timed and its peak memory read from the kernel (``VmHWM`` of the child's own
process, written as it exits), since "bounded memory" is part of what the user is promised.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from cli_helpers import ENV

SECONDS = 5
PEAK_MB = 200  # measured: 112 MB for the million rows, 32 MB for the others
# Runs the command as ``python -m journeycanvas`` does, then notes the peak memory of this
# process image (VmHWM: unlike ru_maxrss it does not count the forked test runner).
MEASURED = """
import atexit, runpy, sys
def note_peak():
    with open("/proc/self/status") as status, open("peak_kb.txt", "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM")).split()[1])
atexit.register(note_peak)
sys.argv = ["journeycanvas", *sys.argv[1:]]
runpy.run_module("journeycanvas", run_name="__main__", alter_sys=True)
"""


def run_measured(*args: str, cwd: Path) -> tuple[int, str, str, float, float]:
    """Exit code, stdout, stderr, seconds and peak memory (MB) of ``journeycanvas ARGS``."""
    out, err = cwd / "stdout.txt", cwd / "stderr.txt"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", MEASURED, *args],
            stdout=stdout,
            stderr=stderr,
            cwd=cwd,
            env=ENV,
        )
        timer = threading.Timer(SECONDS * 4, child.kill)  # a hang fails, it does not block
        timer.start()
        child.wait()
        timer.cancel()
    seconds = time.monotonic() - started
    peak_mb = int((cwd / "peak_kb.txt").read_text()) / 1024
    return (
        child.returncode,
        out.read_text(encoding="utf-8"),
        err.read_text(encoding="utf-8"),
        seconds,
        peak_mb,
    )


def make_rows(path: Path) -> str:
    path.write_text("stage,lane,text\n" + "Know,Notes,a card\n" * 1_000_000, encoding="utf-8")
    return "more than 100,000 rows"


def make_big(path: Path) -> str:
    with path.open("wb") as stream:
        stream.truncate(150 * 1024 * 1024)
    return "the file is 150.0 MB; JourneyCanvas imports CSV files of up to 50 MB"


def make_fifo(path: Path) -> str:
    os.mkfifo(path)
    return "not a regular file"


def make_folder(path: Path) -> str:
    path.mkdir()
    return "is a folder"


def make_long_field(path: Path) -> str:
    path.write_text("stage,lane,text\nKnow,Notes," + "x" * 1_000_001 + "\n", encoding="utf-8")
    return "line 2: a field is longer than 1,000,000 characters"


def make_escapes(path: Path) -> str:
    path.write_text("stage,lane,text,\x1b]0;owned\x07\x1b[2J\u202e\nKnow,Notes,x,\n")
    return "\\x1b]0;owned\\x07\\x1b[2J\\u202e: unknown column"


def make_cp1250(path: Path) -> str:
    path.write_bytes("stage;lane;text\nKnow;Notes;Łódź, żółw\n".encode("cp1250"))
    return "line 2: the file is not UTF-8"


@pytest.mark.parametrize(
    "make",
    [make_rows, make_big, make_fifo, make_folder, make_long_field, make_escapes, make_cp1250],
)
def test_each_unreadable_file_fails_in_one_line_quickly_and_in_bounded_memory(
    make: object, tmp_path: Path
) -> None:
    source = tmp_path / "cards.csv"
    words = make(source)  # type: ignore[operator]
    code, stdout, stderr, seconds, peak_mb = run_measured(
        "import-csv", "cards.csv", "-o", "map.journey", cwd=tmp_path
    )
    assert code == 1, stderr
    assert stdout == ""
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert stderr.startswith("journeycanvas: cards.csv: ") and words in stderr, stderr
    assert "\x1b" not in stderr and "\x07" not in stderr and "\u202e" not in stderr
    assert not (tmp_path / "map.journey").exists()
    assert seconds < SECONDS, f"{seconds:.1f} s"
    assert peak_mb < PEAK_MB, f"{peak_mb:.0f} MB"


def test_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    code, _, stderr, seconds, peak_mb = run_measured(
        "import-csv", "/dev/zero", "-o", "map.journey", cwd=tmp_path
    )
    assert (code, stderr.count("\n")) == (1, 1) and "not a regular file" in stderr, stderr
    assert seconds < SECONDS and peak_mb < 100


def test_utf16_without_a_mark_imports(tmp_path: Path) -> None:
    text = "stage\tlane\ttext\nKnow\tNotes\tZażółć 顾客\n"
    (tmp_path / "cards.csv").write_bytes(text.encode("utf-16-le"))
    code, stdout, stderr, _, _ = run_measured(
        "import-csv", "cards.csv", "-o", "map.journey", cwd=tmp_path
    )
    assert code == 0, stderr
    assert stdout == "map.journey: 1 card in 1 stage\n"
