"""What a designer reading a print relies on: the emotion curve, connector labels and lane
titles never sit on card text, and lane titles break between words."""

import pytest

from journeycanvas.io.templates import load_template, template_names
from journeycanvas.layout import DEFAULT_STYLE, CardLayout, JourneyLayout, Rect, layout_journey
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


def _breaks_inside_a_word(lines: tuple[str, ...], text: str) -> bool:
    return " ".join(line.strip() for line in lines) != " ".join(text.split())


@pytest.mark.parametrize(
    "title", ["Berøringspunkter", "Kundeopplevelse og følelser", "Touchpoints", "Data and systems"]
)
def test_a_lane_title_shrinks_rather_than_break_a_word(title: str) -> None:
    journey = load_template("blank")
    journey.lanes[0].title = title
    layout = layout_journey(journey)
    block = layout.lanes[0].title
    assert not _breaks_inside_a_word(block.lines, title)
    assert block.font_size_pt >= layout.style.lane_title_min_pt
    assert not block.truncated


def test_a_short_lane_title_keeps_the_full_size() -> None:
    layout = _layout("hourglass")
    for lane in layout.lanes:
        assert lane.title.font_size_pt == layout.style.lane_title_pt


def test_a_word_too_long_even_when_shrunk_is_broken_at_the_smallest_size() -> None:
    journey = load_template("blank")
    journey.lanes[0].title = "Kundenberührungspunktverantwortlichkeiten"
    block = layout_journey(journey).lanes[0].title
    assert block.font_size_pt == DEFAULT_STYLE.lane_title_min_pt
    assert len(block.lines) > 1


def _text_box(card: CardLayout) -> Rect:
    return card.face.text.box.translated(card.rect.x, card.rect.y)


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_connector_label_covers_card_text_or_a_break_mark(name: str) -> None:
    layout = _layout(name)
    for connector in layout.connectors.values():
        rect = connector.label_rect
        if rect is None:
            continue
        for card in layout.cards.values():
            assert not _overlaps(rect, _text_box(card)), (connector.id, card.id)
        if connector.break_mark is not None:
            assert not rect.contains(connector.break_mark.x, connector.break_mark.y)


def test_branch_labels_between_stacked_lanes_sit_in_the_gap_touching_no_card() -> None:
    layout = _layout("hourglass")
    labelled = [c for c in layout.connectors.values() if c.label_rect is not None]
    assert labelled
    for connector in labelled:
        assert connector.label_rect is not None
        for card in layout.cards.values():
            assert not _overlaps(connector.label_rect, card.rect), (connector.id, card.id)


def test_breakpoint_labels_move_off_the_break_mark_and_off_every_card() -> None:
    layout = _layout("channel-breakpoints")
    broken = [c for c in layout.connectors.values() if c.break_mark and c.label_rect]
    assert broken
    for connector in broken:
        assert connector.label_rect is not None
        for card in layout.cards.values():
            assert not _overlaps(connector.label_rect, card.rect), (connector.id, card.id)
