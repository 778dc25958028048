"""Dropping a persona (dragged from the personas panel) on a card tags the card, or every
selected card when it is one of them, with that persona: one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF

from journeycanvas.document import multi_edit

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView

PERSONA_MIME = "application/x-journeycanvas-persona"


def persona_mime(persona_id: str) -> QMimeData:
    """What a persona dragged from the personas panel carries."""
    mime = QMimeData()
    mime.setData(PERSONA_MIME, persona_id.encode("utf-8"))
    return mime


def dropped_persona(mime: QMimeData | None) -> str | None:
    """The persona id a drag carries, or None."""
    if mime is None or not mime.hasFormat(PERSONA_MIME):
        return None
    try:
        return bytes(mime.data(PERSONA_MIME).data()).decode("utf-8").strip() or None
    except UnicodeDecodeError:
        return None


def cards_for_drop(view: MapEditorView, scene_pos: QPointF) -> list[str]:
    """The cards a drop at `scene_pos` applies to: the selection when the card under the
    pointer is selected, else that card alone; none off the cards."""
    item = view.card_at_scene(scene_pos)
    if item is None:
        return []
    if item.isSelected():
        return view.selected_card_ids()
    return [item.card_id]


def tag_with_persona(view: MapEditorView, persona_id: str, scene_pos: QPointF) -> bool:
    """Tag the cards under a drop with `persona_id` (one undo step); False when the drop
    was not on a card or the cards already had it (or the persona is gone)."""
    cards = cards_for_drop(view, scene_pos)
    document = view.document
    if not cards or persona_id not in {p.id for p in document.journey.personas}:
        return False
    text = QCoreApplication.translate("Command", "Tag %n cards with a persona", None, len(cards))
    return multi_edit.add_to_lists(
        document, "personas", cards, [persona_id], [], text, view.selected_ids()
    )
