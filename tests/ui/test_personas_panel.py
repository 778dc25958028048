"""Personas: add with a picture, edit, recolour, delete, each undoable; the journey filter."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from conftest import Button, Dialogs
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QColorDialog, QDialog, QFileDialog

from journeycanvas.io.templates import load_template
from journeycanvas.model.entities import JourneyMap
from journeycanvas.ui.avatars import (
    AVATAR_PIXELS,
    MAX_AVATAR_BYTES,
    AvatarError,
    avatar_from_bytes,
    avatar_from_file,
)
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.personas_panel import PersonaDialog


def picture(path: Path, width: int, height: int, fmt: str = "PNG") -> Path:
    """A noisy picture file, so that it does not compress to nothing."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    for y in range(height):
        for x in range(width):
            image.setPixelColor(x, y, QColor((x * 7) % 256, (y * 13) % 256, (x * y) % 256))
    assert image.save(str(path), fmt)
    return path


def fill_dialog(
    monkeypatch: pytest.MonkeyPatch, name: str, description: str = "", picture_path: str = ""
) -> None:
    """Make the persona dialog type these values (and pick a picture) and press OK."""

    def run(dialog: PersonaDialog) -> QDialog.DialogCode:
        dialog.name.setText(name)
        dialog.description.setPlainText(description)
        if picture_path:
            monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (picture_path, ""))
            dialog.choose_picture()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PersonaDialog, "exec", run)


def test_add_a_persona_with_a_picture_embeds_a_small_png(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    photo = picture(tmp_path / "anna.jpg", 640, 400, "JPEG")
    fill_dialog(monkeypatch, "Anna", "Buys bread on the way to work", str(photo))
    panel = window.personas
    panel.add_button.click()

    journey = window.document.journey
    assert [p.name for p in journey.personas] == ["Anna"]
    persona = journey.personas[0]
    assert persona.description == "Buys bread on the way to work"
    asset = journey.assets[persona.avatar]
    assert asset.media_type == "image/png"
    image = QImage.fromData(base64.b64decode(asset.data))
    assert max(image.width(), image.height()) == AVATAR_PIXELS
    assert image.width() / image.height() == pytest.approx(640 / 400, rel=0.02)
    assert panel.list.count() == 1
    assert panel.current_id() == persona.id

    window.undo_action.trigger()
    assert journey.personas == []
    assert journey.assets == {}
    assert panel.list.count() == 0


def test_edit_recolour_and_delete_are_undoable(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs
) -> None:
    fill_dialog(monkeypatch, "Erik")
    panel = window.personas
    panel.add_button.click()
    persona_id = panel.current_id()
    journey = window.document.journey

    fill_dialog(monkeypatch, "Erik, weekend family", "Comes with children")
    panel.edit_button.click()
    assert window.document.persona(persona_id).name == "Erik, weekend family"

    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#00897b"))
    panel.colour_button.click()
    assert window.document.persona(persona_id).color == "#00897b"

    dialogs.answers.append(Button.Yes)
    panel.delete_button.click()
    assert journey.personas == []

    window.undo_action.trigger()
    assert window.document.persona(persona_id).color == "#00897b"
    window.undo_action.trigger()
    assert window.document.persona(persona_id).color != "#00897b"
    window.undo_action.trigger()
    assert window.document.persona(persona_id).name == "Erik"


def test_deleting_asks_first_and_no_keeps_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs
) -> None:
    fill_dialog(monkeypatch, "Clara")
    window.personas.add_button.click()
    dialogs.answers.append(Button.No)
    window.personas.delete_button.click()
    assert [p.name for p in window.document.journey.personas] == ["Clara"]


def test_a_broken_picture_is_refused_with_a_message(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs, tmp_path: Path
) -> None:
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really a picture" * 10)
    fill_dialog(monkeypatch, "Broken", picture_path=str(fake))
    window.personas.add_button.click()
    assert dialogs.kinds() == ["warning"]
    persona = window.document.journey.personas[0]
    assert persona.avatar is None
    assert window.document.journey.assets == {}


def test_show_journey_for_sets_the_view_filter(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_dialog(monkeypatch, "Anna")
    window.personas.add_button.click()
    persona_id = window.personas.current_id()
    calls: list[str | None] = []
    monkeypatch.setattr(window.view, "set_persona_filter", calls.append)
    combo = window.personas.filter
    combo.setCurrentIndex(combo.findData(persona_id))
    combo.activated.emit(combo.currentIndex())
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert calls == [persona_id, None]


def test_avatar_scaling_keeps_small_pictures_and_checks_formats(tmp_path: Path) -> None:
    small = avatar_from_file(picture(tmp_path / "small.png", 40, 30))
    image = QImage.fromData(base64.b64decode(small.data))
    assert (image.width(), image.height()) == (40, 30)
    assert len(base64.b64decode(small.data)) <= MAX_AVATAR_BYTES

    gif = QImage(10, 10, QImage.Format.Format_RGB32)
    gif.fill(QColor("red"))
    bmp_path = tmp_path / "x.bmp"
    gif.save(str(bmp_path), "BMP")
    with pytest.raises(AvatarError):
        avatar_from_file(bmp_path)
    with pytest.raises(AvatarError):
        avatar_from_bytes(b"")
    with pytest.raises(AvatarError):
        avatar_from_file(tmp_path / "missing.png")


def snapshot(journey: JourneyMap) -> dict:
    """The map as plain data."""
    return journey.model_dump(mode="json")


def _drop_on_viewport(window: MainWindow, mime: QMimeData, scene_pos: QPointF) -> bool:
    """Drag `mime` into the canvas and drop it at a scene point; whether it was taken."""
    viewport = window.view.viewport()
    point = QPointF(window.view.mapFromScene(scene_pos))
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    no_keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), copy, mime, left, no_keys)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(point.toPoint(), copy, mime, left, no_keys)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(point, copy, mime, left, no_keys)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_a_persona_dropped_on_a_selected_card_tags_the_whole_selection(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.document.set_map(load_template("hourglass"))
    fill_dialog(monkeypatch, "Anna")
    window.personas.add_button.click()
    persona_id = window.personas.current_id()
    before = snapshot(window.document.journey)
    view = window.view
    layout = view.map_scene.layout
    chosen = [c.id for c in window.document.journey.cards[:5]]
    view.select_ids(chosen)
    persona_list = window.personas.list
    mime = persona_list.mimeData([persona_list.currentItem()])
    card = layout.cards[chosen[2]].rect
    assert _drop_on_viewport(window, mime, QPointF(card.x + 3, card.y + 3))
    assert all(persona_id in window.document.card(i).personas for i in chosen)
    assert window.document.undo_stack.count() == 2  # the new persona, then one tagging step
    after = snapshot(window.document.journey)

    # A card outside the selection is tagged alone.
    other = window.document.journey.cards[8].id
    rect = layout.cards[other].rect
    assert _drop_on_viewport(window, mime, QPointF(rect.x + 3, rect.y + 3))
    assert persona_id in window.document.card(other).personas
    assert sum(persona_id in c.personas for c in window.document.journey.cards) == 6
    window.document.undo_stack.undo()
    assert snapshot(window.document.journey) == after
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert snapshot(window.document.journey)["cards"] == before["cards"]
    window.document.undo_stack.redo()
    window.document.undo_stack.redo()
    assert snapshot(window.document.journey) == after
