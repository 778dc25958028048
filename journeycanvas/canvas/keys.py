"""The keys and mouse gestures the canvas handles itself, listed for the shortcut sheet.

Commands such as Delete, Duplicate or Zoom In are actions of the main window's action table
(ui/actions.py); the canvas binds none of their keys. What stays here are gestures that only
mean something inside the canvas: keys while dragging or typing, and mouse moves.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True, slots=True)
class CanvasGesture:
    """One gesture: what it does, how the user does it, and the key sequences it takes."""

    what: str
    how: str
    sequences: tuple[str, ...] = ()
    """The key sequences (portable text) the canvas handles for it; none for mouse moves."""


def canvas_gestures() -> list[CanvasGesture]:
    """Every key and mouse gesture the canvas handles itself, in the words of the user."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("Help", text)

    return [
        CanvasGesture(tr("Add a card in an empty cell"), tr("Double-click")),
        CanvasGesture(tr("Edit the selected card's text"), "Enter", ("Return", "Enter")),
        CanvasGesture(tr("Finish a card and start the next one"), tr("Enter while typing")),
        CanvasGesture(tr("Cancel editing, a drag, or the selection"), "Esc", ("Esc",)),
        CanvasGesture(tr("Zoom"), tr("Ctrl+mouse wheel")),
        CanvasGesture(tr("Pan"), tr("Space+drag, middle button drag"), ("Space",)),
        CanvasGesture(tr("Add a card of a kind"), tr("Drag from Card kinds")),
    ]
