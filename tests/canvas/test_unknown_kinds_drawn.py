"""Kinds from a newer file are drawn as neutral cards and named by their raw ids."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor

from journeycanvas.canvas.kind_labels import card_kind_label, connector_kind_label, lane_kind_label
from journeycanvas.canvas.render import render_image
from journeycanvas.canvas.scene import MapScene
from journeycanvas.document import Document
from journeycanvas.io.jsonfile import load_map
from journeycanvas.model.kinds import UNKNOWN_FILL, CardKind

NEW_KINDS = Path(__file__).parents[1] / "io" / "fixtures" / "v1.1" / "new-kinds.journey"


def test_the_scene_builds_and_the_unknown_card_is_grey() -> None:
    journey = load_map(NEW_KINDS)
    dpi = 100.0
    image = render_image(journey, dpi)
    card = MapScene(Document(journey)).layout.cards["c1"]
    scale = dpi / 25.4
    # Inside the card, below its text, left of its icon: the card's own fill.
    x, y = (card.rect.x + card.rect.w * 0.5) * scale, (card.rect.bottom - 1.0) * scale
    assert image.pixelColor(round(x), round(y)) == QColor(UNKNOWN_FILL)


def test_names_fall_back_to_the_raw_kind() -> None:
    assert card_kind_label("quote") == "quote"
    assert lane_kind_label("quotes") == "quotes"
    assert connector_kind_label("echo") == "echo"
    assert card_kind_label(CardKind.PAIN_POINT) == "Pain point"
