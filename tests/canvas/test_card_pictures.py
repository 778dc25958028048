"""Pictures on cards through the real viewport: drop an image file, paste an image, remove
it; stored once by content; decoded once across edits, undo and redo; drawn on the card."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from canvas_helpers import snapshot, undo_redo_check
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from journeycanvas.canvas import pictures
from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.render import render_png
from journeycanvas.document import Document
from journeycanvas.document.commands import RemoveCardsCommand, SetCardPictureCommand
from journeycanvas.layout import layout_journey
from journeycanvas.layout.card_faces import PICTURE_MAX_HEIGHT_MM
from journeycanvas.model.integrity import find_problems


def ad_picture(width: int = 400, height: int = 240, color: str = "#e53935") -> QImage:
    """A screenshot-like picture: a coloured banner with a white block and a dark bar."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    painter = QPainter(image)
    painter.fillRect(width // 10, height // 5, width // 2, height // 3, QColor("#ffffff"))
    painter.fillRect(0, height - height // 6, width, height // 6, QColor("#263238"))
    painter.end()
    return image


def picture_file(tmp_path: Path, name: str = "ad.png", **kwargs: object) -> Path:
    path = tmp_path / name
    assert ad_picture(**kwargs).save(str(path))  # type: ignore[arg-type]
    return path


def send_drop(view: MapEditorView, mime: QMimeData, scene_pos: QPointF) -> bool:
    """Drag `mime` into the viewport and drop it at a scene point; whether it was taken."""
    viewport = view.viewport()
    point = view.mapFromScene(scene_pos)
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, copy, mime, left, keys)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(point, copy, mime, left, keys)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(QPointF(point), copy, mime, left, keys)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def file_mime(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def card_point(view: MapEditorView, card_id: str) -> QPointF:
    rect = view.map_scene.layout.cards[card_id].rect
    return QPointF(rect.x + 4, rect.y + 3)


def test_an_image_file_dropped_on_a_card_shows_on_it_in_one_undo_step(
    view: MapEditorView, document: Document, tmp_path: Path
) -> None:
    card_id = document.journey.cards[3].id
    height_before = view.map_scene.layout.cards[card_id].rect.h
    before = snapshot(document.journey)
    steps = document.undo_stack.count()

    assert send_drop(view, file_mime(picture_file(tmp_path)), card_point(view, card_id))

    card = document.card(card_id)
    assert card.image is not None and card.image in document.journey.assets
    assert document.journey.assets[card.image].media_type in ("image/png", "image/jpeg")
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Set card picture"
    assert find_problems(document.journey) == []
    # The card grew to hold the picture (as wide as the card's inside, or 40 mm tall at most).
    face = view.map_scene.layout.cards[card_id].face
    assert face.picture is not None and face.picture.asset_id == card.image
    assert face.picture.rect.h == pytest.approx(min(face.picture.rect.w * 0.6, 40), rel=0.01)
    height = view.map_scene.layout.cards[card_id].rect.h
    assert height > height_before and height >= face.picture.rect.bottom + 1
    undo_redo_check(document, before, snapshot(document.journey))


def test_a_drop_off_the_cards_or_of_a_file_that_is_no_picture_sets_nothing(
    view: MapEditorView, document: Document, tmp_path: Path
) -> None:
    before = snapshot(document.journey)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a picture")
    card_id = document.journey.cards[0].id
    assert not send_drop(view, file_mime(text_file), card_point(view, card_id))
    assert not send_drop(view, file_mime(picture_file(tmp_path)), QPointF(2, 2))
    assert snapshot(document.journey) == before


def test_a_picture_too_large_to_decode_is_refused_with_a_message(
    view: MapEditorView, document: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: messages.append(text))
    monkeypatch.setattr(
        pictures, "picture_size_problem", lambda w, h: "too big" if w > 300 else None
    )
    before = snapshot(document.journey)
    card_id = document.journey.cards[0].id
    assert not send_drop(view, file_mime(picture_file(tmp_path)), card_point(view, card_id))
    assert snapshot(document.journey) == before
    assert messages and "400×240 pixels" in messages[0]


def test_dropped_image_data_is_scaled_down_to_the_cap(
    view: MapEditorView, document: Document
) -> None:
    mime = QMimeData()
    mime.setImageData(ad_picture(3000, 1500))
    card_id = document.journey.cards[1].id
    assert send_drop(view, mime, card_point(view, card_id))
    asset = document.journey.assets[document.card(card_id).image or ""]
    stored = QImage.fromData(base64.b64decode(asset.data))
    assert (stored.width(), stored.height()) == (1024, 512)


def test_paste_with_an_image_on_the_clipboard_sets_the_selected_cards_picture(
    view: MapEditorView, document: Document
) -> None:
    card_id = document.journey.cards[2].id
    view.select_ids([card_id])
    before = snapshot(document.journey)
    cards_before = len(document.journey.cards)
    QApplication.clipboard().setImage(ad_picture(color="#1e88e5"))
    assert view.can_paste()
    view.paste()

    assert document.card(card_id).image is not None
    assert len(document.journey.cards) == cards_before
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, snapshot(document.journey))

    # With two cards selected, an image alone is nothing to paste.
    view.select_ids([c.id for c in document.journey.cards[4:6]])
    assert not view.can_paste()


def test_remove_and_dedupe_keep_one_asset_while_a_card_shows_it(
    view: MapEditorView, document: Document, tmp_path: Path
) -> None:
    before = snapshot(document.journey)
    first, second = (c.id for c in document.journey.cards[:2])
    path = picture_file(tmp_path)
    assert send_drop(view, file_mime(path), card_point(view, first))
    assert send_drop(view, file_mime(path), card_point(view, second))
    image = document.card(first).image
    assert image is not None and document.card(second).image == image
    assert list(document.journey.assets) == [image]

    document.push(SetCardPictureCommand(document, first, None))
    assert document.undo_stack.undoText() == "Remove card picture"
    assert document.card(first).image is None and image in document.journey.assets
    document.push(RemoveCardsCommand(document, [second]))
    assert document.journey.assets == {}, "the last card showing it took the picture along"
    after = snapshot(document.journey)
    document.undo_stack.undo()
    assert document.journey.assets and document.card(second).image == image
    document.undo_stack.redo()
    undo_redo_check(document, before, after)


def test_copied_cards_paste_with_their_picture_into_another_map(
    view: MapEditorView, document: Document, tmp_path: Path, qtbot: QtBot
) -> None:
    card_id = document.journey.cards[0].id
    assert send_drop(view, file_mime(picture_file(tmp_path)), card_point(view, card_id))
    view.select_ids([card_id])
    view.copy()

    blank = {"assets": {}, "cards": [], "connectors": []}
    other = Document(document.journey.model_copy(update=blank, deep=True))
    other_view = MapEditorView(other)
    qtbot.addWidget(other_view)
    other_view.paste()
    (pasted,) = other.journey.cards
    original = document.journey.assets[document.card(card_id).image or ""]
    assert pasted.image is not None and other.journey.assets[pasted.image] == original
    assert find_problems(other.journey) == []
    other.undo_stack.undo()
    assert other.journey.assets == {} and other.journey.cards == []


def test_pictures_decode_once_across_edits_undo_and_redo(
    view: MapEditorView, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[int] = []
    real_decode = pictures.decode_image

    def counting_decode(raw: bytes) -> QImage:
        decoded.append(len(raw))
        return real_decode(raw)

    monkeypatch.setattr(pictures, "decode_image", counting_decode)
    pictures.embedded_image.cache_clear()
    picture = pictures.picture_from_image(ad_picture(), pictures.CARD_PICTURE)
    cards = [c.id for c in document.journey.cards[:6]]
    for card_id in cards:
        document.push(SetCardPictureCommand(document, card_id, picture))
    assert len(document.journey.assets) == 1

    def paint() -> None:
        view.viewport().repaint()
        QApplication.processEvents()

    paint()
    document.push(RemoveCardsCommand(document, cards[:1]))
    paint()
    for _ in range(3):
        document.undo_stack.undo()
        paint()
        document.undo_stack.redo()
        paint()
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    while document.undo_stack.canRedo():
        document.undo_stack.redo()
    paint()
    assert len(decoded) == 1


def test_the_canvas_draws_the_picture_inside_the_card(document: Document, tmp_path: Path) -> None:
    card = document.journey.cards[0]
    picture = pictures.picture_from_image(ad_picture(), pictures.CARD_PICTURE)
    document.push(SetCardPictureCommand(document, card.id, picture))
    tall = pictures.picture_from_image(ad_picture(200, 900, "#43a047"), pictures.CARD_PICTURE)
    document.push(SetCardPictureCommand(document, document.journey.cards[5].id, tall))
    out = tmp_path / "canvas.png"
    render_png(document.journey, out, dpi=150)
    image = QImage(str(out))
    assert not image.isNull()
    layout = layout_journey(document.journey)
    face = layout.cards[card.id].face
    assert face.picture is not None
    rect = layout.cards[card.id].rect
    px_per_mm = 150 / 25.4
    left = layout.cards[card.id].rect.x + face.picture.rect.x + 1
    top = rect.y + face.picture.rect.y + 1
    # The picture's red corner sits where the layout put the picture (the image's origin is
    # the map's corner, as render_png draws the map from (0, 0)).
    pixel = image.pixelColor(round(left * px_per_mm), round(top * px_per_mm))
    assert pixel.red() > 180 and pixel.green() < 110, pixel.name()
    tall_face = layout.cards[document.journey.cards[5].id].face
    assert tall_face.picture is not None
    assert tall_face.picture.rect.h == pytest.approx(PICTURE_MAX_HEIGHT_MM)
    image.save(str(Path("/tmp") / "jc_pictures_canvas.png"))
