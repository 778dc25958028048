"""Card pictures through the window: Ctrl+V, Set Picture…/Remove Picture in the card's
context menu, and the inspector's picture row; one undo step each."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QRadialGradient
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from journeycanvas.canvas.context_menu import ContextRequest, MenuTarget
from journeycanvas.io.templates import load_template
from journeycanvas.model.entities import JourneyMap
from journeycanvas.ui.context_menus import build_context_menu
from journeycanvas.ui.main_window import MainWindow


def snapshot(journey: JourneyMap) -> dict:
    return journey.model_dump(mode="json")


def photo(tmp_path: Path, color: str = "#8e24aa") -> Path:
    """A photo-like picture (smooth shading, which JPEG stores smaller than PNG)."""
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    gradient = QRadialGradient(120, 80, 260)
    gradient.setColorAt(0, QColor(color))
    gradient.setColorAt(1, QColor("#fff8e1"))
    painter = QPainter(image)
    painter.fillRect(image.rect(), gradient)
    painter.end()
    path = tmp_path / f"photo-{color[1:]}.jpg"
    assert image.save(str(path))
    return path


def select_card(window: MainWindow, index: int = 0) -> str:
    window.set_map(load_template("hourglass"), None)
    card_id = window.document.journey.cards[index].id
    window.view.select_ids([card_id])
    window.action_table.refresh()
    return card_id


def test_ctrl_v_puts_the_clipboard_picture_on_the_selected_card(window: MainWindow) -> None:
    card_id = select_card(window)
    before = snapshot(window.document.journey)
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#00897b"))
    QApplication.clipboard().setImage(image)
    view = window.view
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    document = window.document
    assert document.card(card_id).image in document.journey.assets
    assert document.undo_stack.count() == 1
    after = snapshot(document.journey)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(document.journey) == before
    document.undo_stack.redo()
    assert snapshot(document.journey) == after


def test_context_menu_sets_and_removes_a_picture(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card_id = select_card(window, 2)
    document = window.document
    before = snapshot(document.journey)
    path = photo(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))
    request = ContextRequest(MenuTarget.CARD, card_id, QPoint(0, 0))
    menu = build_context_menu(window, request)
    actions = {a.text(): a for a in menu.actions()}
    assert actions["Set &Picture…"].isEnabled()
    assert not actions["Remove Pic&ture"].isEnabled()
    actions["Set &Picture…"].trigger()
    image = document.card(card_id).image
    assert image is not None and document.journey.assets[image].media_type == "image/jpeg"

    menu = build_context_menu(window, request)
    actions = {a.text(): a for a in menu.actions()}
    assert actions["Remove Pic&ture"].isEnabled()
    actions["Remove Pic&ture"].trigger()
    assert document.card(card_id).image is None and document.journey.assets == {}
    assert document.undo_stack.count() == 2
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert snapshot(document.journey) == before


def test_the_inspector_shows_a_thumbnail_and_sets_and_removes_the_picture(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card_id = select_card(window, 4)
    document = window.document
    page = window.inspector.card_page
    assert page.picture.pixmap().isNull() and not page.remove_picture.isEnabled()
    path = photo(tmp_path, "#fb8c00")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))
    page.set_picture.click()
    assert document.card(card_id).image is not None
    thumbnail = page.picture.pixmap()
    assert not thumbnail.isNull() and max(thumbnail.width(), thumbnail.height()) == 48
    assert page.remove_picture.isEnabled()
    page.remove_picture.click()
    assert document.card(card_id).image is None and page.picture.pixmap().isNull()
    document.undo_stack.undo()
    assert not page.picture.pixmap().isNull()
    assert document.undo_stack.count() == 2
