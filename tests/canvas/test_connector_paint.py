"""Connectors on screen: after an edit only what changed is repainted, yet the screen
shows exactly what a fresh paint would (a rerouted connector on its new path, nothing
left on its old one); in the overview a click on a connector's line selects it, and
dimmed cards keep their kind stripe."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from canvas_helpers import center, click, shown_editor
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.connector_item import connector_near
from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.spatial_index import card_at
from journeycanvas.document import Document
from journeycanvas.document.commands import AddConnectorCommand, MoveCardsCommand
from journeycanvas.layout import ConnectorLayout
from journeycanvas.model import Connector, ConnectorKind
from journeycanvas.model.kinds import CARD_KINDS, CONNECTOR_KINDS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map

_FLOW = QColor(CONNECTOR_KINDS[ConnectorKind.FLOW].color)
_REACH_PX = 4
"""How near a click in the overview selects a connector (the editor's reach)."""
_STRAY_PIXELS = 8


def _on_screen(view: MapEditorView) -> QImage:
    """What the viewport shows now: the window's stored pixels, as the last (partial)
    repaints left them, not a fresh paint."""
    QApplication.processEvents()
    window = view.screen().grabWindow(view.winId()).toImage()
    corner = view.viewport().mapTo(view.window(), QPoint(0, 0))
    return window.copy(QRect(corner, view.viewport().size()))


def _fresh(view: MapEditorView, like: QImage) -> QImage:
    """The viewport painted afresh, in the format of `like`."""
    return view.viewport().grab().toImage().convertToFormat(like.format())


def _same_picture(a: QImage, b: QImage) -> bool:
    """Whether two images show the same, give or take a few pixels on a card's edge that
    its antialiasing leaves a shade off when a partial repaint's edge cuts through the
    card (a stale piece of a connector line is dozens of pixels far off the background)."""
    assert a.size() == b.size() and a.format() == b.format()
    width = a.width()
    off = 0
    for y in range(a.height()):
        row_a = bytes(a.constScanLine(y))[: 4 * width]
        row_b = bytes(b.constScanLine(y))[: 4 * width]
        if row_a != row_b:
            off += sum(
                max(abs(row_a[i + k] - row_b[i + k]) for k in range(3)) > 48
                for i in range(0, 4 * width, 4)
            )
    return off <= _STRAY_PIXELS


def _near(pixel: QColor, color: QColor, tolerance: int = 60) -> bool:
    return (
        abs(pixel.red() - color.red())
        + abs(pixel.green() - color.green())
        + abs(pixel.blue() - color.blue())
        <= tolerance
    )


def _drawn_at(view: MapEditorView, image: QImage, x: float, y: float, color: QColor) -> bool:
    """Whether a pixel at or next to a scene point has about `color` (lines are thin)."""
    at = view.mapFromScene(QPointF(x, y))
    return any(
        _near(image.pixelColor(at.x() + dx, at.y() + dy), color)
        for dx in (-1, 0, 1)
        for dy in (-1, 0, 1)
    )


def _along(connector: ConnectorLayout, step: float = 4.0) -> list[tuple[float, float]]:
    """Points every `step` mm along the connector's segments (ends left out)."""
    points = []
    for a, b in zip(connector.points, connector.points[1:], strict=False):
        length = abs(b.x - a.x) + abs(b.y - a.y)
        for i in range(1, int(length / step)):
            t = i * step / length
            points.append((a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
    return points


def test_a_rerouted_connector_shows_on_its_new_path_and_leaves_its_old_one_clean(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    first = layout.cards_in(layout.stages[0].id, layout.lanes[0].id)[0]
    last = layout.cards_in(layout.stages[-1].id, layout.lanes[-1].id)[0]
    connector = Connector(id="long", source=first.id, target=last.id, kind=ConnectorKind.FLOW)
    document.push(AddConnectorCommand(document, connector))
    view.map_scene.settle()  # connectors are routed in slices after the edit's frame
    before = _on_screen(view)
    old = view.map_scene.layout.connectors["long"]
    assert sum(_drawn_at(view, before, x, y, _FLOW) for x, y in _along(old)) > 20

    moved_to = layout.stages[1].id
    document.push(MoveCardsCommand(document, [last.id], moved_to, document.card(last.id).lane, 0))
    view.map_scene.settle()
    after = _on_screen(view)
    new = view.map_scene.layout.connectors["long"]
    assert new.points != old.points
    # The new path is drawn along its length (where no other label lies over it) ...
    labels = [c.label_rect for c in view.map_scene.layout.connectors.values() if c.label_rect]
    uncovered = [
        (x, y)
        for x, y in _along(new)
        if not any(r.x - 1 <= x <= r.x + r.w + 1 and r.y - 1 <= y <= r.y + r.h + 1 for r in labels)
    ]
    assert len(uncovered) > 20
    assert all(_drawn_at(view, after, x, y, _FLOW) for x, y in uncovered)
    # ... the old one is gone where the new one does not run: the screen is what a
    # fresh paint of the map shows, pixel for pixel.
    gone = [
        (x, y)
        for x, y in _along(old)
        if not any(abs(x - nx) + abs(y - ny) < 3 for nx, ny in _along(new, 1.0))
    ]
    assert len(gone) > 20
    assert _same_picture(after, _fresh(view, after))


def _editor(qtbot: QtBot, document: Document) -> MapEditorView:
    """An editor on `document`, at 100 %, scrolled to the top left."""
    return shown_editor(qtbot, document, (1000, 700), 1.0)


def test_after_edits_moving_many_connectors_the_screen_is_what_a_new_editor_shows(
    qtbot: QtBot,
) -> None:
    editor = _editor(qtbot, Document(generate_map(1500, seed=7)))
    scene = editor.map_scene
    document = editor.document
    stages = [stage.id for stage in document.journey.stages]
    for card in [c for c in document.journey.cards if c.id in scene.cards][:3]:
        shown = {i: item.layout for i, item in scene.connectors.items()}
        target = stages[(stages.index(card.stage) + 1) % len(stages)]
        document.push(MoveCardsCommand(document, [card.id], target, card.lane, 0))
        scene.settle()  # connectors are routed in slices after the edit's frame
        assert any(shown.get(i) not in (None, item.layout) for i, item in scene.connectors.items())
        # Repainted in part (only what changed), the screen is what a full paint shows.
        after = _on_screen(editor)
        assert _same_picture(after, _fresh(editor, after))
    # Cards piled into the first lane push every lane below down: the connectors in
    # view, further down, move (most without changing shape).
    bar = editor.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    lanes = document.journey.lanes
    movers = [c.id for c in document.journey.cards if c.lane == lanes[-1].id][:12]
    before = {i: item.layout for i, item in scene.connectors.items()}
    document.push(MoveCardsCommand(document, movers, stages[0], lanes[0].id, 0))
    scene.settle()
    moved = [i for i, item in scene.connectors.items() if before.get(i) not in (None, item.layout)]
    assert len(moved) > 10
    for step in (lambda: None, document.undo_stack.undo):
        step()
        scene.settle()
        editor.select_ids([])
        after = _on_screen(editor)
        assert _same_picture(after, _fresh(editor, after))
        # ... and what an editor opened on the map now shows (its drawings made anew).
        other = _editor(qtbot, document)
        other.verticalScrollBar().setValue(bar.value())
        assert _same_picture(after, _on_screen(other))


@pytest.fixture
def far(qtbot: QtBot) -> Iterator[MapEditorView]:
    """The editor on a generated map, zoomed to fit (the overview: no items)."""
    editor = MapEditorView(Document(generate_map(1500, seed=7)))
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.show()
    qtbot.waitExposed(editor)
    editor.zoom_to_fit()
    assert editor.map_scene.overview
    yield editor


def _lone_line_point(view: MapEditorView) -> tuple[str, QPointF, QPointF]:
    """A connector, a point in the middle of one of its long segments away from cards
    and from every other connector's line, and a step across the segment there."""
    layout = view.map_scene.layout
    reach = _REACH_PX / view.transform().m11()
    clear = 3 * reach
    connectors = list(layout.connectors.values())
    for connector in sorted(connectors, key=lambda c: c.id):
        for a, b in zip(connector.points, connector.points[1:], strict=False):
            if abs(b.x - a.x) + abs(b.y - a.y) < 4 * clear:
                continue
            x, y = (a.x + b.x) / 2, (a.y + b.y) / 2
            others = [c for c in connectors if c.id != connector.id]
            if card_at(layout, x, y) is None and connector_near(others, x, y, clear) is None:
                across = QPointF(0, 1.8 * reach) if a.y == b.y else QPointF(1.8 * reach, 0)
                return connector.id, QPointF(x, y), across
    raise AssertionError("no connector line stands alone")


def test_clicking_a_connector_line_in_the_overview_selects_it(far: MapEditorView) -> None:
    connector_id, point, across = _lone_line_point(far)
    before = _on_screen(far)
    click(far, point)
    assert far.selected_ids() == [connector_id]
    after = _on_screen(far)
    assert after != before  # its halo shows
    click(far, point, Qt.KeyboardModifier.ControlModifier)
    assert far.selected_ids() == []
    beside = point + across  # a few pixels off the line: nothing there
    assert card_at(far.map_scene.layout, beside.x(), beside.y()) is None
    click(far, beside)
    assert far.selected_ids() == []
    click(far, point + across * 0.4)  # a pixel or so off: still the line
    assert far.selected_ids() == [connector_id]


def test_dimmed_cards_keep_their_kind_stripe_in_the_overview(far: MapEditorView) -> None:
    scene = far.map_scene
    far.set_zoom(0.13)  # stripes are drawn (about a pixel wide), cards are still boxes
    assert scene.overview
    layout = scene.layout
    visible = far.mapToScene(far.viewport().rect()).boundingRect()
    shown = [c for c in layout.cards.values() if visible.contains(center(c.rect))]
    plain = _on_screen(far)
    stripes = []  # (a pixel of a card's stripe, a pixel of its body)
    for card in shown:
        middle = card.rect.y + card.rect.h / 2
        body = far.mapFromScene(center(card.rect))
        for dx in (-1, 0, 1):
            at = far.mapFromScene(QPointF(card.rect.x, middle)) + QPoint(dx, 0)
            accent = QColor(CARD_KINDS[card.face.kind].accent)
            if _near(plain.pixelColor(at), accent, 30):
                stripes.append((card.id, at, body))
                break
    assert len(stripes) > 10
    scene.set_persona_filter(far.document.journey.personas[0].id)
    dimmed = scene.dimmed_ids()
    faded = _on_screen(far)
    checked = [(at, body) for card_id, at, body in stripes if card_id in dimmed]
    assert len(checked) > 5
    # A dimmed card's stripe is faded like its box, not left out.
    assert all(faded.pixelColor(at) != faded.pixelColor(body) for at, body in checked)
    assert all(faded.pixelColor(at) != plain.pixelColor(at) for at, _ in checked)
