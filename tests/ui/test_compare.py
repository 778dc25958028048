"""Compare with another version: panel, canvas marks, PDF report; to-be maps and snapshots."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import Dialogs
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from journeycanvas.io import load_map, save_map
from journeycanvas.io.templates import load_template
from journeycanvas.merge.compare import CardMark
from journeycanvas.model.entities import Card
from journeycanvas.model.integrity import normalise_orders
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.map_versions import snapshot_folder

MOVED_LINE = "card 'Slow checkout' moved from Try to Buy"


@pytest.fixture
def quarters(tmp_path: Path) -> tuple[Path, Path, str, str]:
    """Last quarter's map and this quarter's: a card moved from Try to Buy, one added."""
    before = load_template("hourglass")
    moved = next(card for card in before.cards if card.stage == "s4")
    moved.text = "Slow checkout"
    last = tmp_path / "last quarter.journey"
    save_map(before, last, backup=False)
    after = load_map(last)
    next(card for card in after.cards if card.id == moved.id).stage = "s5"
    after.cards.append(Card(id="cnew", stage="s2", lane=after.lanes[0].id, order=99,
                            text="Loyalty card"))  # fmt: skip
    normalise_orders(after)
    now = tmp_path / "this quarter.journey"
    save_map(after, now, backup=False)
    return last, now, moved.id, "cnew"


def test_compare_lists_the_changes_marks_the_cards_and_prints_a_report(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: Dialogs,
    quarters: tuple[Path, Path, str, str],
    tmp_path: Path,
) -> None:
    last, now, moved, added = quarters
    assert window.open_path(now)
    dialogs.open_paths.append(str(last))
    window.action_table.compare_with.trigger()

    panel = window.versions.panel
    assert window.versions.dock.isVisible()
    assert MOVED_LINE in panel.lines()
    assert any(line.startswith("note added in Like") for line in panel.lines())
    marks = panel.marks.marks
    assert marks[moved].badge == "← Try" and marks[added].color == "#2e7d32"
    assert panel.comparison is not None and panel.comparison.marks[moved] == CardMark.MOVED

    row = next(
        r for r in range(panel.changes.count()) if panel.changes.item(r).text() == MOVED_LINE
    )
    item = panel.changes.item(row)
    panel.changes.itemClicked.emit(item)
    assert window.view.selected_ids() == [moved]

    report = tmp_path / "report.pdf"
    dialogs.save_paths.append(str(report))
    window.action_table.export_comparison.trigger()
    text = "".join(page.extract_text() for page in PdfReader(report).pages)
    assert MOVED_LINE in " ".join(text.split())
    assert "Emotion curve per stage" in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(report), str(tmp_path / "page")],
                       check=True)  # fmt: skip
        assert (tmp_path / "page-1.png").stat().st_size > 1000

    window.view.zoom_to_fit()
    window.grab().save(str(tmp_path / "compare.png"))


def test_save_as_to_be_links_the_new_map_to_its_as_is(
    window: MainWindow, dialogs: Dialogs, quarters: tuple[Path, Path, str, str]
) -> None:
    last, _, _, _ = quarters
    assert "as_is" not in json.loads(last.read_text())  # written only when set
    assert window.open_path(last)
    to_be = last.with_name("next year.journey")
    dialogs.save_paths.append(str(to_be))
    window.action_table.save_as_to_be.trigger()

    assert window.document.path == to_be
    link = load_map(to_be).as_is
    assert link is not None
    assert (link.path, link.id) == ("last quarter.journey", load_map(last).id)
    assert load_map(to_be).id != load_map(last).id


def test_a_snapshot_is_kept_beside_the_map_and_can_be_compared(
    window: MainWindow, dialogs: Dialogs, quarters: tuple[Path, Path, str, str]
) -> None:
    _, now, _, _ = quarters
    assert window.open_path(now)
    window.action_table.take_snapshot.trigger()
    snapshots = list(snapshot_folder(now).glob("*.journey"))
    assert len(snapshots) == 1 and snapshots[0].parent.name == "this quarter.snapshots"
    dialogs.open_paths.append(str(snapshots[0]))
    window.action_table.compare_with.trigger()
    assert window.versions.panel.lines() == []
    assert window.versions.panel.heading.text().startswith("0 changes")
