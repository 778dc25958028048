"""Persona pictures are decoded once, and pictures too large to decode quickly are refused."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from journeycanvas.canvas import pictures
from journeycanvas.document import Document
from journeycanvas.document.commands import EditPersonaCommand, RemovePersonaCommand
from journeycanvas.model import Asset, JourneyMap, Persona
from journeycanvas.ui.avatars import AvatarError, avatar_from_bytes
from journeycanvas.ui.personas_panel import PersonasPanel


def png_bytes(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#7e57c2"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def test_twenty_personas_sharing_a_picture_decode_it_once_across_edits_undo_and_redo(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = Asset(media_type="image/png", data=base64.b64encode(png_bytes(300, 200)).decode())
    journey = JourneyMap(
        id="m1",
        personas=[Persona(id=f"p{i}", name=f"Persona {i}", avatar="a1") for i in range(20)],
        assets={"a1": picture},
    )
    decoded: list[int] = []
    real_decode = pictures.decode_image

    def counting_decode(raw: bytes) -> QImage:
        decoded.append(len(raw))
        return real_decode(raw)

    monkeypatch.setattr(pictures, "decode_image", counting_decode)
    pictures.embedded_image.cache_clear()
    pictures.thumbnail.cache_clear()
    document = Document(journey)
    panel = PersonasPanel(document)
    qtbot.addWidget(panel)
    assert panel.list.count() == 20 and not panel.list.item(0).icon().isNull()
    assert len(decoded) == 1

    document.push(EditPersonaCommand(document, "p3", {"name": "Anna"}))
    document.push(RemovePersonaCommand(document, "p4"))
    for _ in range(3):
        document.undo_stack.undo()
        document.undo_stack.redo()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert panel.list.count() == 20 and panel.list.item(3).text() == "Persona 3"
    assert len(decoded) == 1


def test_a_picture_with_too_many_pixels_is_refused_before_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        pictures, "picture_size_problem", lambda w, h: "too big" if w > 100 else None
    )
    with pytest.raises(AvatarError, match="200×50 pixels"):
        avatar_from_bytes(png_bytes(200, 50))
    assert avatar_from_bytes(png_bytes(100, 50)).media_type == "image/png"
