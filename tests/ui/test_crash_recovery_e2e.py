"""End to end: the editor runs in its own process, the user types, autosave runs, the process
is killed with SIGKILL; the next start restores everything typed before the autosave."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from journeycanvas.io import load_map, save_map
from journeycanvas.io.templates import load_template
from journeycanvas.ui import main_window as main_window_module
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.recovery import RecoveryChoice

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

# The user's session: the real editor, started as the program starts it, with a short
# autosave interval. It types a new title (finished with Return) and a card's notes (still
# being typed), then reports each autosave on stdout and waits to be killed.
DRIVER = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from journeycanvas.ui.app import start_gui

path, title, notes = sys.argv[1:4]
window = start_gui(path, autosave_interval_ms=300)

def type_like_a_user():
    field = window.inspector.map_page.title
    field.selectAll()
    QTest.keyClicks(field, title)
    QTest.keyClick(field, Qt.Key.Key_Return)
    card = window.document.journey.cards[0]
    window.view.select_ids([card.id])
    field = window.inspector.card_page.notes
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, notes)

window.autosaver.written.connect(lambda path: print("autosaved", path, flush=True))
QTimer.singleShot(0, type_like_a_user)
QApplication.instance().exec()
"""

TITLE = "Workshop map, morning session"
NOTES = "Ask the owner about delivery times"


def wait_for_line(process: subprocess.Popen[str], prefix: str, timeout: float = 60) -> str:
    """The first line the process prints that starts with `prefix`."""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if selector.select(timeout=1):
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith(prefix):
                return line
    process.kill()
    raise AssertionError(f"the editor never printed {prefix!r}: {process.stderr.read()}")


def test_killed_editor_loses_nothing_typed_before_the_autosave(
    tmp_path: Path,
    started: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "bakery.journey"
    save_map(load_template("hourglass"), path)
    original = path.read_bytes()
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],  # set per test in conftest
        "XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"],
    }
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(path), TITLE, NOTES],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Wait for an autosave that holds both the title and the notes.
        while True:
            autosaved = Path(wait_for_line(process, "autosaved").split(" ", 1)[1].strip())
            journey = load_map(autosaved)
            if journey.cards[0].notes == NOTES:
                break
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    assert path.read_bytes() == original  # the user never saved

    offered: list[str] = []
    monkeypatch.setattr(
        main_window_module,
        "ask_restore",
        lambda _parent, entry: offered.append(entry.title) or RecoveryChoice.RESTORE,
    )
    window = started(None)
    assert offered == [TITLE]
    journey = window.document.journey
    assert journey.title == TITLE
    assert journey.cards[0].notes == NOTES
    assert window.document.path == path
    assert window.document.modified

    window.action_table.save.trigger()
    saved = load_map(path)
    assert (saved.title, saved.cards[0].notes) == (journey.title, journey.cards[0].notes)
