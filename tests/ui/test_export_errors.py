"""What the editor tells the user when an export or a save cannot be written: a message
box naming the user's file (never the hidden temporary one), and the previous file kept.
Also: a format registered by a plug-in shows up in the Export dialog with its options."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from conftest import Dialogs
from full_disk import fill_the_disk
from pytestqt.qtbot import QtBot

from journeycanvas.io.export_formats import PERSONA, ExportFormat, register, unregister
from journeycanvas.io.templates import load_template
from journeycanvas.ui.export_choice import ExportChoice
from journeycanvas.ui.export_dialog import ExportDialog
from journeycanvas.ui.main_window import MainWindow

KINDS = {
    "poster": "poster.pdf",
    "tiled": "tiles.pdf",
    "blank": "blank.pdf",
    "handouts_stage": "handouts.pdf",
    "png": "map.png",
    "svg": "map.svg",
    "csv": "cards.csv",
    "md": "report.md",
}


def assert_warned_about(dialogs: Dialogs, target: Path, words: str) -> None:
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Export failed")
    assert text.startswith(f"{target.name} could not be exported: ") and words in text, text
    assert ".tmp" not in text and "\n" not in text


@pytest.mark.parametrize("kind", KINDS)
def test_a_full_disk_is_reported_and_the_previous_export_kept(
    kind: str,
    window: MainWindow,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.set_map(load_template("hourglass"), None)
    target = tmp_path / KINDS[kind]
    target.write_bytes(b"a good previous export")
    fill_the_disk(monkeypatch)
    choice = ExportChoice(kind=kind, paper=None if kind == "blank" else "A3", dpi=40)
    assert not window.export_to(target, choice)
    assert_warned_about(dialogs, target, "No space left on device")
    assert target.read_bytes() == b"a good previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("kind", ["poster", "csv", "svg"])
def test_an_output_that_is_a_folder_is_named(
    kind: str, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window.set_map(load_template("hourglass"), None)
    target = tmp_path / KINDS[kind]
    target.mkdir()
    assert not window.export_to(target, ExportChoice(kind=kind))
    assert_warned_about(dialogs, target, "is a folder")


def test_a_save_on_a_full_disk_names_the_map_and_keeps_it(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.journey"
    target.write_bytes(b"the previous map")
    window.set_map(load_template("hourglass"), None)
    fill_the_disk(monkeypatch)
    real_open = os.open

    def no_backup_either(path: str | os.PathLike[str], flags: int, *args: object) -> int:
        if flags & os.O_CREAT and "bak" in os.fspath(path):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", no_backup_either)
    assert not window._write(target)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("critical", "Cannot save map")
    assert str(target) in text and ".tmp" not in text
    assert target.read_bytes() == b"the previous map"


def plain_text_list(journey, path, options, progress=None, cancel=None):  # type: ignore[no-untyped-def]
    path.write_text("\n".join(card.text for card in journey.cards), encoding="utf-8")
    return 0, f"{len(journey.cards)} lines"


def test_a_registered_format_is_listed_with_its_options(qtbot: QtBot, tmp_path: Path) -> None:
    entry = ExportFormat(
        "cardlist", "Plain-text list of cards", "txt", (".txt",), plain_text_list,
        frozenset({PERSONA}),
    )  # fmt: skip
    register(entry)
    try:
        journey = load_template("hourglass")
        dialog = ExportDialog(journey, "A4", tmp_path / "m")
        qtbot.addWidget(dialog)
        index = dialog.kind.findData("cardlist")
        assert dialog.kind.itemText(index) == "Plain-text list of cards"
        dialog.kind.setCurrentIndex(index)
        assert dialog.choice().suffix == ".txt"
        assert dialog.persona.isEnabled()
        assert not dialog.paper_box.isEnabled() and not dialog.tiles_box.isEnabled()
        assert not dialog.files_box.isEnabled()
        qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.choice.kind == "cardlist")
        assert dialog.plan is not None and journey.cards[0].text in dialog.plan.text
        dialog.done(0)
    finally:
        unregister("cardlist")
    after = ExportDialog(journey, "A4", tmp_path / "m")
    qtbot.addWidget(after)
    assert after.kind.findData("cardlist") == -1
    after.done(0)
