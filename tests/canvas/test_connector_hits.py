"""A connector answers clicks on its line, arrow head and label only: never on the area
its path goes round, so the cards in there stay clickable."""

from __future__ import annotations

from canvas_helpers import center, click
from PySide6.QtCore import QPointF

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.document import Document
from journeycanvas.document.commands import AddConnectorCommand
from journeycanvas.model import Connector, ConnectorKind


def _long_connector(view: MapEditorView, document: Document) -> tuple[str, str]:
    """A connector from a card top-left to one bottom-right; returns it and a card in
    the area its path goes round."""
    layout = view.map_scene.layout
    first = layout.cards_in(layout.stages[0].id, layout.lanes[0].id)[0]
    last = layout.cards_in(layout.stages[-1].id, layout.lanes[-1].id)[0]
    connector = Connector(
        id="long", source=first.id, target=last.id, kind=ConnectorKind.FLOW, label="far away"
    )
    document.undo_stack.push(AddConnectorCommand(document, connector))
    view.map_scene.flush()
    middle_stage = layout.stages[len(layout.stages) // 2].id
    middle_lane = layout.lanes[len(layout.lanes) // 2].id
    inside = layout.cards_in(middle_stage, middle_lane)[0]
    return connector.id, inside.id


def test_clicking_a_card_under_a_long_connector_selects_the_card(
    view: MapEditorView, document: Document
) -> None:
    connector_id, card_id = _long_connector(view, document)
    layout = view.map_scene.layout
    path = layout.connectors[connector_id].points
    card = layout.cards[card_id].rect
    xs, ys = [p.x for p in path], [p.y for p in path]
    # The card lies inside the box the path spans: the old hit area covered it.
    assert min(xs) < card.x and card.right < max(xs)
    assert min(ys) < card.y and card.bottom < max(ys)
    view.centerOn(center(card))
    click(view, center(card))
    assert view.selected_ids() == [card_id]


def test_clicking_the_line_or_the_label_selects_the_connector(
    view: MapEditorView, document: Document
) -> None:
    connector_id, _ = _long_connector(view, document)
    connector = view.map_scene.layout.connectors[connector_id]
    a, b = connector.points[2], connector.points[3]
    on_line = QPointF((a.x + b.x) / 2, (a.y + b.y) / 2)
    view.centerOn(on_line)
    click(view, on_line)
    assert view.selected_ids() == [connector_id]
    assert connector.label_rect is not None
    label = center(connector.label_rect)
    view.centerOn(label)
    click(view, QPointF(label.x(), label.y()))
    assert view.selected_ids() == [connector_id]
