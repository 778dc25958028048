"""Workshop mode in the main window: the menu, the panel, arrivals on the canvas, the
presentation."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from pathlib import Path

import aiohttp
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsRectItem
from workshop_helpers import join

from journeycanvas.io.jsonfile import load_map, save_map
from journeycanvas.io.templates import load_template
from journeycanvas.ui.autosave import AutosaveStore
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.settings import AppSettings
from journeycanvas.ui.workshop_dialogs import CloseOpenRoundDialog
from journeycanvas.ui.workshop_highlight import GLOW
from journeycanvas.workshop.candidates import Scope


@pytest.fixture
def window(tmp_path: Path, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "bakery.journey"
    save_map(load_template("hourglass", title="Bakery"), path)
    main = MainWindow(AppSettings(), AutosaveStore(tmp_path / "autosave"))
    main.show()
    assert main.open_path(path)
    yield main
    if main.workshop.presentation is not None:
        main.workshop.presentation.close()
    if main.workshop.running:
        main.workshop.host.stop_without_saving()
    main.document.undo_stack.setClean()
    main.close()
    main.deleteLater()


def _phone_posts(url: str, texts: list[str]) -> None:
    async def phone() -> None:
        async with aiohttp.ClientSession() as http:
            person = await join(http, url, "Åsa")
            for n, text in enumerate(texts):
                await person.send(type="note", id=f"editor-note-{n}", text=text)
                await person.until("saved")

    thread = threading.Thread(target=lambda: asyncio.run(phone()))
    thread.start()
    thread.join(10)


def test_the_workshop_menu_follows_the_workshop(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    actions = window.action_table.by_id
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Workshop" in menus
    assert actions["workshop_start"].isEnabled() and not actions["workshop_end"].isEnabled()
    assert window.workshop.start("127.0.0.1")
    assert window.workshop.dock.isVisible()
    assert not actions["workshop_start"].isEnabled() and actions["workshop_end"].isEnabled()
    actions["workshop_end"].trigger()
    assert not window.workshop.running
    assert actions["workshop_start"].isEnabled()


def test_arriving_notes_glow_on_the_canvas_and_land_in_the_open_cell(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    panel = window.workshop.dock.panel
    assert window.workshop.start("127.0.0.1")
    panel.stage.setCurrentIndex(panel.stage.findText("Buy"))
    panel.lane.setCurrentIndex(panel.lane.findText("Pain points"))
    panel.prompt.setText("What made buying hard?")
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert "Buy · Pain points" in panel.status.text()
    _phone_posts(window.workshop.host.url, ["Kassan var stängd", "付款太慢", "Ingen parkering"])
    qtbot.waitUntil(lambda: len(window.workshop.host.arrival_times) == 3, timeout=5000)
    glows = [
        item
        for item in window.view.map_scene.items()
        if isinstance(item, QGraphicsRectItem) and item.pen().color() == GLOW
    ]
    assert len(glows) == 3
    card = window.document.card(next(iter(window.workshop.host.arrival_times)))
    assert card.author == "Åsa" and card.kind == "pain_point"

    # Vote over the lane, close: ranked badges on the canvas.
    assert window.workshop.start_round(
        "Worst", Scope.LANE, stage=None, lane=card.lane, kind=None, votes=3, anonymous=True
    )
    window.workshop.close_round()
    assert panel.results.count() >= 3
    if os.environ.get("JC_SCREENSHOTS"):
        window.resize(1400, 880)
        window.view.center_on(card.id)
        qtbot.wait(50)
        window.grab().save(str(Path(os.environ["JC_SCREENSHOTS"]) / "editor.png"))

    path = window.document.path
    assert window.workshop.end()
    assert {c.text for c in load_map(path).cards if c.author == "Åsa"} == {  # type: ignore[arg-type]
        "Kassan var stängd",
        "付款太慢",
        "Ingen parkering",
    }


def test_the_presentation_goes_stage_by_stage_and_esc_leaves(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.workshop.start("127.0.0.1")
    started = time.time()
    window.workshop.host.set_timer(300)
    window.workshop.present()
    presentation = window.workshop.presentation
    assert presentation is not None
    presentation.resize(1280, 720)
    qtbot.waitExposed(presentation)
    stages = window.document.journey.stages
    qtbot.keyClick(presentation, Qt.Key.Key_PageDown)
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    assert presentation.index == 2
    layout = window.view.map_scene.layout
    assert presentation.view.focus_rect.left() == pytest.approx(layout.stages[2].column.x)
    qtbot.keyClick(presentation, Qt.Key.Key_PageUp)
    assert presentation.index == 1
    qtbot.keyClick(presentation, Qt.Key.Key_End)
    assert presentation.index == len(stages) - 1
    qtbot.keyClick(presentation, Qt.Key.Key_PageDown)
    assert presentation.index == len(stages) - 1
    assert presentation.corner.isVisible() and presentation.timer_label.isVisible()
    # The countdown from 5:00, however long a slow machine took to get here.
    minutes, seconds = presentation.timer_label.text().split(":")
    shown = 60 * int(minutes) + int(seconds)
    assert 300 - (time.time() - started) - 1 <= shown <= 300
    assert presentation.code_label.pixmap() is not None
    if os.environ.get("JC_SCREENSHOTS"):
        qtbot.keyClick(presentation, Qt.Key.Key_Home)
        qtbot.keyClick(presentation, Qt.Key.Key_PageDown)
        qtbot.wait(50)
        presentation.grab().save(str(Path(os.environ["JC_SCREENSHOTS"]) / "projector.png"))
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.workshop.presentation is None, timeout=2000)


def _answer_round_question(qtbot, button: str, asked: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click `button` ("close_button" or "cancel_button") of the question once it shows."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CloseOpenRoundDialog)
        asked.append(dialog.text())
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_starting_a_round_while_one_is_open_asks_before_closing_it(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    panel, host = window.workshop.dock.panel, window.workshop.host
    assert window.workshop.start("127.0.0.1")
    panel.scope.setCurrentIndex(panel.scope.findData(Scope.STAGE))
    panel.stage.setCurrentIndex(panel.stage.findText("Buy"))
    panel.round_title.setText("Worst pain")
    qtbot.mouseClick(panel.round_start, Qt.MouseButton.LeftButton)
    assert host.session is not None and host.session.round is not None
    first = host.session.round
    card_id = first.candidates[0][0]

    async def phone() -> None:
        async with aiohttp.ClientSession() as http:
            person = await join(http, host.url, "Åsa")
            await person.send(type="vote", card=card_id)
            await person.until("state")

    thread = threading.Thread(target=lambda: asyncio.run(phone()))
    thread.start()
    thread.join(10)
    qtbot.waitUntil(lambda: sum(host.room.counts.values()) == 1, timeout=5000)

    # Cancel: nothing changes, the room goes on voting in the open round.
    asked: list[str] = []
    panel.round_title.setText("Best idea")
    _answer_round_question(qtbot, "cancel_button", asked)
    qtbot.mouseClick(panel.round_start, Qt.MouseButton.LeftButton)
    assert asked == ["The voting round “Worst pain” is still open."]
    assert host.session.round is first and first.counts()[card_id] == 1
    assert window.document.journey.workshop_rounds == []

    # Close and keep: the first round's results are in the map, the new round is open.
    _answer_round_question(qtbot, "close_button", asked)
    qtbot.mouseClick(panel.round_start, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    kept = window.document.journey.workshop_rounds
    assert [(r.title, r.results[0].card, r.results[0].votes) for r in kept] == [
        ("Worst pain", card_id, 1)
    ]
    assert host.session.round is not None and host.session.round.title == "Best idea"
    assert panel.results.count() == len(first.candidates)
