"""What a screen reader hears about the canvas.

Qt offers no accessibility interface for QGraphicsItems (PySide6 cannot implement
QAccessibleInterface for them either), so the view itself carries it: its accessible name
says what it is, and its accessible description names the selected card, header or
connector, updated (with an accessibility event) whenever the selection changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget

from journeycanvas.canvas.kind_labels import card_kind_label, connector_kind_label
from journeycanvas.document import Document


def _tr(text: str) -> str:
    return QCoreApplication.translate("Accessible", text)


def describe(document: Document, ids: list[str]) -> str:
    """A sentence naming the selected objects, for a screen reader."""
    if not ids:
        return _tr("Nothing selected")
    if len(ids) > 1:
        return _tr("{count} objects selected").format(count=len(ids))
    object_id = ids[0]
    journey = document.journey
    stages = {stage.id: stage for stage in journey.stages}
    lanes = {lane.id: lane for lane in journey.lanes}
    try:
        card = document.card(object_id)
    except KeyError:
        card = None
    if card is not None:
        return _tr("{kind} card in {stage}, {lane}: {text}").format(
            kind=card_kind_label(card.kind),
            stage=stages[card.stage].name,
            lane=lanes[card.lane].title,
            text=card.text or _tr("(no text)"),
        )
    if object_id in stages:
        stage = stages[object_id]
        count = len(document.cards_in_stage(object_id))
        return _tr("Stage {name}, {count} cards").format(name=stage.name, count=count)
    if object_id in lanes:
        lane = lanes[object_id]
        count = len(document.cards_in_lane(object_id))
        return _tr("Lane {title}, {count} cards").format(title=lane.title, count=count)
    try:
        connector = document.connector(object_id)
    except KeyError:  # selected while the map is still being changed (a macro in progress)
        return _tr("Nothing selected")
    return (
        _tr("{kind} from “{source}” to “{target}” {label}")
        .format(
            kind=connector_kind_label(connector.kind),
            source=document.card(connector.source).text,
            target=document.card(connector.target).text,
            label=connector.label,
        )
        .strip()
    )


def announce(view: QWidget, document: Document, ids: list[str]) -> None:
    """Put the description of the selection on the view and tell assistive technology."""
    view.setAccessibleDescription(describe(document, ids))
    QAccessible.updateAccessibility(QAccessibleEvent(view, QAccessible.Event.DescriptionChanged))
