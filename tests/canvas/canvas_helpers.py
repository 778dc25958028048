"""Mouse and keyboard helpers that drive the real editor view, and map comparisons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.document import Document
from journeycanvas.layout import Rect
from journeycanvas.model.entities import JourneyMap


def snapshot(journey: JourneyMap) -> dict:
    """The map as plain data, to compare maps exactly."""
    return journey.model_dump(mode="json")


def center(rect: Rect) -> QPointF:
    """The middle of a layout rectangle, as a scene point."""
    return QPointF(rect.x + rect.w / 2, rect.y + rect.h / 2)


def view_point(view: MapEditorView, scene_pos: QPointF) -> QPoint:
    """A scene point on the viewport."""
    return view.mapFromScene(scene_pos)


def drag(
    view: MapEditorView,
    start: QPointF,
    end: QPointF,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    steps: int = 6,
) -> None:
    """Press at `start`, move in steps, release at `end` (scene points) on the viewport."""
    viewport = view.viewport()
    a, b = view_point(view, start), view_point(view, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, a)
    for i in range(1, steps + 1):
        point = a + (b - a) * (i / steps)
        QTest.mouseMove(viewport, point)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, b)


def click(
    view: MapEditorView,
    at: QPointF,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Click at a scene point (press and release, no move)."""
    viewport = view.viewport()
    point = view_point(view, at)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, point)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, point)
    QTest.qWait(QApplication.doubleClickInterval() + 20)


def type_text(widget: object, text: str) -> None:
    """Type `text`, any script, into the widget under edit, one key event per character."""
    for char in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        )


def undo_redo_check(document: Document, before: dict, after: dict) -> None:
    """Undo all gives `before` exactly, redo all gives `after` exactly."""
    stack = document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert snapshot(document.journey) == before
    while stack.canRedo():
        stack.redo()
    assert snapshot(document.journey) == after


def journey_from(data: dict) -> JourneyMap:
    """A map from a snapshot."""
    return JourneyMap.model_validate(data)


def shown_editor(
    qtbot: QtBot, document: Document, size: tuple[int, int], zoom: float
) -> MapEditorView:
    """An editor on `document`, shown at `size` and `zoom`, scrolled to the top left."""
    editor = MapEditorView(document)
    qtbot.addWidget(editor)
    editor.resize(*size)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_zoom(zoom)
    editor.horizontalScrollBar().setValue(editor.horizontalScrollBar().minimum())
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().minimum())
    return editor
