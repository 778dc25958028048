"""The base of every mouse gesture of the editor: pressed, moved, released (or cancelled)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView


class Gesture:
    """One gesture in progress. The view creates it on a press and forwards moves and the
    release; it pushes at most one command, on release. `cancel` undoes its preview."""

    def __init__(self, view: MapEditorView, press: QPointF) -> None:
        self.view = view
        self.scene = view.map_scene
        self.document = view.document
        self.press = press

    def move(self, scene_pos: QPointF) -> None:
        """Follow the pointer (scene coordinates, mm)."""

    def release(self, scene_pos: QPointF) -> None:
        """Finish the gesture where the pointer was released."""
        self.cancel()

    def cancel(self) -> None:
        """Take back whatever the gesture shows; the model is unchanged."""
