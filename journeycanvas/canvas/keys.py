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
    translate = QCoreApplication.translate  # under this name lupdate finds the strings

    return [
        CanvasGesture(
            translate("Help", "Add a card in an empty cell"), translate("Help", "Double-click")
        ),
        CanvasGesture(
            translate("Help", "Edit the selected card's text"), "Enter", ("Return", "Enter")
        ),
        CanvasGesture(
            translate("Help", "Finish a card and start the next one"),
            translate("Help", "Enter while typing"),
        ),
        CanvasGesture(
            translate("Help", "Finish typing (a new card keeps its text)"),
            translate("Help", "Esc while typing"),
        ),
        CanvasGesture(translate("Help", "Cancel a drag, or the selection"), "Esc", ("Esc",)),
        CanvasGesture(
            translate("Help", "Select the neighbouring card"),
            translate("Help", "Arrow keys"),
            ("Up", "Down", "Left", "Right"),
        ),
        CanvasGesture(
            translate("Help", "Go to the next or previous cell"),
            translate("Help", "Tab, Shift+Tab"),
            ("Tab", "Shift+Tab"),
        ),
        CanvasGesture(translate("Help", "Zoom"), translate("Help", "Ctrl+mouse wheel")),
        CanvasGesture(
            translate("Help", "Pan"),
            translate("Help", "Space+drag, middle button drag"),
            ("Space",),
        ),
        CanvasGesture(
            translate("Help", "Add a card of a kind"), translate("Help", "Drag from Card kinds")
        ),
    ]
