"""What a designer reading a print relies on: the emotion curve, connector labels and lane
titles never sit on card text, and lane titles break between words."""

import pytest

from journeycanvas.io.templates import load_template, template_names
from journeycanvas.layout import JourneyLayout, Rect, layout_journey
from journeycanvas.model.kinds import LaneKind

TEMPLATES = template_names()


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _layout(name: str) -> JourneyLayout:
    return layout_journey(load_template(name))


@pytest.mark.parametrize("name", TEMPLATES)
def test_the_emotion_curve_has_a_band_no_card_occupies(name: str) -> None:
    layout = _layout(name)
    emotion_lanes = [lane for lane in layout.lanes if lane.kind == LaneKind.EMOTIONS]
    assert len(layout.emotion_curves) == len(emotion_lanes)
    for curve in layout.emotion_curves:
        row = layout.lanes[layout.lane_index[curve.lane_id]].row
        band = Rect(row.x, curve.top_y, row.w, curve.bottom_y - curve.top_y)
        assert row.y < curve.top_y < curve.zero_y < curve.bottom_y <= row.bottom
        assert curve.zero_y == pytest.approx((curve.top_y + curve.bottom_y) / 2)
        for point in curve.points:
            assert curve.top_y - 1e-9 <= point.point.y <= curve.bottom_y + 1e-9
        for card in layout.cards.values():
            assert not _overlaps(card.rect, band), (curve.lane_id, card.id)
