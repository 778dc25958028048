"""A stand-in for the canvas (journeycanvas.canvas.editor.MapEditorView) until it lands.

It draws the map as a thumbnail and keeps a selection, implementing the view contract of
notes/CANVAS_API.md with no editing of its own, so the shell can be built and tested.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from journeycanvas.document import Document
from journeycanvas.ui.thumbnail import render_thumbnail


class CanvasPlaceholder(QWidget):
    """Shows the map read-only and honours the selection and navigation calls of the view."""

    selection_changed = Signal(list)
    zoom_changed = Signal(float)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._selected: list[str] = []
        self.highlighted: list[str] = []
        self.persona_filter: str | None = None
        self.centered: str | None = None
        self.zoom = 1.0
        self.setMinimumSize(QSize(400, 300))
        document.changed.connect(self.update)
        document.reset.connect(lambda: self.select_ids([]))
        document.selection_requested.connect(self.select_ids)

    def selected_ids(self) -> list[str]:
        """The ids selected now."""
        return list(self._selected)

    def select_ids(self, ids: list[str]) -> None:
        """Select exactly `ids`."""
        if list(ids) != self._selected:
            self._selected = list(ids)
            self.selection_changed.emit(list(ids))

    def center_on(self, item_id: str) -> None:
        """Remember the item to centre (nothing to scroll here)."""
        self.centered = item_id

    def zoom_in(self) -> None:
        """Zoom in one step."""
        self._set_zoom(self.zoom * 1.25)

    def zoom_out(self) -> None:
        """Zoom out one step."""
        self._set_zoom(self.zoom / 1.25)

    def zoom_to_fit(self) -> None:
        """Show the whole map (it always is)."""
        self._set_zoom(1.0)

    def zoom_reset(self) -> None:
        """Back to 100 %."""
        self._set_zoom(1.0)

    def _set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.zoom_changed.emit(zoom)

    def set_persona_filter(self, persona_id: str | None) -> None:
        """Remember whose journey to show."""
        self.persona_filter = persona_id

    def set_highlighted(self, card_ids: list[str]) -> None:
        """Remember the find matches."""
        self.highlighted = list(card_ids)

    def select_all(self) -> None:
        """Select every card."""
        self.select_ids([card.id for card in self.document.journey.cards])

    def delete_selection(self) -> None:
        """Not available in the placeholder."""

    def cut(self) -> None:
        """Not available in the placeholder."""

    def copy(self) -> None:
        """Not available in the placeholder."""

    def paste(self) -> None:
        """Not available in the placeholder."""

    def duplicate_selection(self) -> None:
        """Not available in the placeholder."""

    def edit_selected_text(self) -> None:
        """Not available in the placeholder."""

    def add_stage(self) -> None:
        """Not available in the placeholder."""

    def add_lane(self) -> None:
        """Not available in the placeholder."""

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the map scaled to the widget."""
        painter = QPainter(self)
        size = self.size()
        painter.drawImage(
            QRect(0, 0, size.width(), size.height()), render_thumbnail(self.document.journey, size)
        )
        painter.end()
