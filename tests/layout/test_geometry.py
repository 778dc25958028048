"""Where things go: stacking, spans, growth, reordering, and text that fits its card."""

from hypothesis import given, settings
from maps import bakery_map
from strategies import journey_maps

from journeycanvas.i18n import number_symbols
from journeycanvas.layout import (
    DEFAULT_STYLE,
    STICKY_NOTE_MM,
    STICKY_NOTE_STYLE,
    JourneyLayout,
    LayoutEngine,
    Rect,
    TextBlock,
    format_metric,
    layout_journey,
)
from journeycanvas.model import Card, CardKind, JourneyMap, Metric
from journeycanvas.model.edits import card_by_id, move_cards, move_stage, set_fields
from journeycanvas.text import width

MM_PER_PT = 25.4 / 72


def _span_rect(layout: JourneyLayout, stage_id: str, lane_id: str, span: int) -> Rect:
    first = layout.cell(stage_id, lane_id).rect
    last_index = layout.stage_index[stage_id] + span - 1
    last = layout.cell(layout.stages[last_index].id, lane_id).rect
    return Rect(first.x, first.y, last.right - first.x, first.h)


def _block_fits(block: TextBlock) -> bool:
    return all(
        x >= block.box.x - 1e-6
        and x + width(line, block.font_size_pt, block.bold) * MM_PER_PT <= block.box.right + 1e-6
        for line, x in zip(block.lines, block.xs, strict=True)
    )


def test_the_grid_starts_at_the_origin_with_headers_on_top_and_left() -> None:
    layout = layout_journey(bakery_map())
    assert layout.stages[0].rect.x == DEFAULT_STYLE.lane_header_width_mm
    assert layout.stages[0].rect.y == 0
    assert layout.lanes[0].rect.x == 0
    assert layout.lanes[0].rect.y == layout.header_height
    assert [s.rect.w for s in layout.stages] == [90, 80, 100]
    assert layout.width == DEFAULT_STYLE.lane_header_width_mm + 270
    assert layout.height == layout.lanes[-1].rect.bottom


def test_cards_stack_in_order_inside_their_cell() -> None:
    layout = layout_journey(bakery_map())
    a, b = layout.cards["a"], layout.cards["b"]
    cell = layout.cell("s1", "l1").rect
    assert a.rect.y == cell.y + DEFAULT_STYLE.cell_padding_mm
    assert b.rect.y == a.rect.bottom + DEFAULT_STYLE.card_gap_mm
    assert layout.cell_cards[("s1", "l1")] == ("a", "b")


def test_a_spanning_card_widens_over_the_following_stages() -> None:
    layout = layout_journey(bakery_map())
    c = layout.cards["c"]
    pad = DEFAULT_STYLE.cell_padding_mm
    assert c.span == 2
    assert c.rect.x == layout.stages[1].rect.x + pad
    assert c.rect.right == layout.stages[2].rect.right - pad
    assert _span_rect(layout, "s2", "l1", 2).contains_rect(c.rect)


def test_a_spanning_card_takes_its_slot_in_the_cells_it_covers() -> None:
    layout = layout_journey(bakery_map())
    assert layout.cards["d"].rect.y >= layout.cards["c"].rect.bottom


def test_a_long_text_grows_the_card_and_its_row() -> None:
    journey = bakery_map()
    short = layout_journey(journey)
    set_fields(journey.cards[1], {"text": "A very long flyer text " * 30})
    grown = layout_journey(journey)
    assert grown.cards["b"].rect.h > short.cards["b"].rect.h
    assert grown.lanes[0].rect.h > short.lanes[0].rect.h
    assert grown.cards["f"].rect.y > short.cards["f"].rect.y
    assert grown.cards["b"].face.text.truncated
    assert len(grown.cards["b"].face.text.lines) == DEFAULT_STYLE.card_max_lines


def test_a_lane_height_set_by_the_user_is_a_minimum_the_cards_can_exceed() -> None:
    journey = bakery_map()
    natural = layout_journey(journey).lanes[0].rect.h
    set_fields(journey.lanes[0], {"height_mm": natural + 50})
    taller = layout_journey(journey)
    assert taller.lanes[0].rect.h == natural + 50
    assert taller.lanes[1].rect.y == taller.lanes[0].rect.bottom
    set_fields(journey.lanes[0], {"height_mm": 10})
    assert layout_journey(journey).lanes[0].rect.h == natural


def test_empty_rows_keep_the_minimum_height() -> None:
    journey = bakery_map()
    journey.cards = [c for c in journey.cards if c.lane != "l3"]
    layout = layout_journey(journey)
    assert layout.lanes[2].rect.h == DEFAULT_STYLE.row_min_height_mm


def test_reordering_stages_carries_the_cards_along() -> None:
    journey = bakery_map()
    before = layout_journey(journey)
    move_stage(journey, "s1", 2)
    after = layout_journey(journey)
    assert after.stages[2].id == "s1"
    assert after.cards["a"].rect.x == after.stages[2].rect.x + DEFAULT_STYLE.cell_padding_mm
    assert after.cards["a"].rect.x > before.cards["a"].rect.x
    assert after.cards["f"].rect.x < before.cards["f"].rect.x


def test_the_card_face_shows_kind_colour_metric_votes_and_personas() -> None:
    layout = layout_journey(bakery_map())
    face = layout.cards["a"].face
    assert face.fill == "#c8e6c9"
    assert face.metric is not None
    assert face.metric.text.lines == ("1,200 / 5,000 views",)
    assert face.metric.progress == 0.24
    assert len(face.vote_dots) == 2
    assert [dot.color for dot in face.persona_dots] == ["#7e57c2"]
    assert layout.cards["b"].face.metric is None


def test_card_figures_follow_the_map_language() -> None:
    journey = bakery_map()
    engine = LayoutEngine()
    engine.update(journey, structure_changed=True)
    assert engine.layout.cards["a"].face.metric.text.lines == ("1,200 / 5,000 views",)
    journey.locale = "sv"
    engine.update(journey, structure_changed=True)
    # Swedish groups thousands with a no-break space.
    assert engine.layout.cards["a"].face.metric.text.lines == ("1\u00a0200 / 5\u00a0000 views",)
    assert format_metric(Metric(value=1200.5, unit="zł"), number_symbols("pl")) == "1\u00a0200,5 zł"


def test_many_votes_show_one_dot_and_the_count() -> None:
    journey = bakery_map()
    journey.cards[1].votes = 42
    face = layout_journey(journey).cards["b"].face
    assert len(face.vote_dots) == 1
    assert face.votes_label is not None
    assert face.votes_label.lines == ("42",)


def test_metric_badge_texts() -> None:
    assert format_metric(Metric(value=1200, target=5000, unit="views")) == "1,200 / 5,000 views"
    assert format_metric(Metric(value=1200.5, unit="zł")) == "1,200.5 zł"
    assert format_metric(Metric(target=25, unit="%")) == "– / 25 %"
    assert format_metric(Metric(name="reach")) == "reach"


def test_chinese_card_text_wraps_inside_the_card() -> None:
    layout = layout_journey(bakery_map())
    f = layout.cards["f"]
    assert len(f.face.text.lines) > 1
    assert _block_fits(f.face.text)
    assert f.face.text.box.right <= f.rect.w


def test_the_emotion_curve_averages_each_stage_and_maps_plus_three_to_the_top() -> None:
    layout = layout_journey(bakery_map())
    (curve,) = layout.emotion_curves
    assert [p.stage_id for p in curve.points] == ["s1", "s3"]
    assert curve.points[0].score == 0.5
    half = (curve.bottom_y - curve.top_y) / 2
    assert curve.points[0].point.y == curve.zero_y - 0.5 / 3 * half
    assert curve.points[1].point.y == curve.bottom_y
    assert curve.points[0].point.x == layout.stages[0].rect.center.x
    row = layout.lanes[layout.lane_index["l2"]].row
    assert row.y < curve.top_y < curve.bottom_y < row.bottom


def test_an_emotion_card_outside_the_emotions_lane_is_on_the_curve() -> None:
    journey = bakery_map()
    journey.cards.append(
        Card(id="e4", stage="s2", lane="l3", kind=CardKind.EMOTION, emotion=3, order=1)
    )
    engine = LayoutEngine()
    engine.update(journey)
    (curve,) = engine.layout.emotion_curves
    assert [(p.stage_id, p.score) for p in curve.points] == [("s1", 0.5), ("s2", 3), ("s3", -3)]
    # Moving it or changing its score follows incrementally, as a full layout would.
    move_cards(journey, ["e4"], "s3", "l1", 0)
    engine.update(journey, changed_cards=["e4"])
    (curve,) = engine.layout.emotion_curves
    assert [(p.stage_id, p.score) for p in curve.points] == [("s1", 0.5), ("s3", 0)]
    assert engine.layout == layout_journey(journey)
    set_fields(card_by_id(journey, "e4"), {"emotion": -3})
    engine.update(journey, changed_cards=["e4"])
    assert engine.layout.emotion_curves[0].points[-1].score == -3
    assert engine.layout == layout_journey(journey)


def test_sticky_note_cells_hold_a_76_mm_note() -> None:
    journey = bakery_map()
    journey.cards = []
    layout = layout_journey(journey, STICKY_NOTE_STYLE)
    for cell in layout.cells:
        assert cell.rect.w >= STICKY_NOTE_MM
        assert cell.rect.h >= STICKY_NOTE_MM
    assert [cell.shaded for cell in layout.cells[::3]] == [False, True, False]


def _assert_sound(layout: JourneyLayout, journey: JourneyMap) -> None:
    by_id: dict[str, Card] = {card.id: card for card in journey.cards}
    assert set(layout.cards) == set(by_id)
    for card_id, placed in layout.cards.items():
        card = by_id[card_id]
        assert (placed.stage_id, placed.lane_id, placed.order) == (
            card.stage,
            card.lane,
            card.order,
        )
        assert _span_rect(layout, card.stage, card.lane, placed.span).contains_rect(placed.rect)
        face = placed.face
        assert (face.width, face.height) == (placed.rect.w, placed.rect.h)
        assert _block_fits(face.text)
        assert face.text.box.x >= 0
        assert face.text.box.right <= face.width + 1e-6
        if face.text.lines:
            assert face.text.baselines[-1] <= face.height
        if face.metric is not None:
            assert _block_fits(face.metric.text)
    for lane_id in {c.lane for c in journey.cards}:
        placed = [c for c in layout.cards.values() if c.lane_id == lane_id]
        for i, a in enumerate(placed):
            for b in placed[i + 1 :]:
                disjoint = (
                    a.rect.right <= b.rect.x
                    or b.rect.right <= a.rect.x
                    or a.rect.bottom <= b.rect.y
                    or b.rect.bottom <= a.rect.y
                )
                assert disjoint, (a.id, b.id)
    for connector in layout.connectors.values():
        assert len(connector.points) >= 2
        if connector.label is not None:
            assert connector.label_rect is not None
            assert _block_fits(connector.label)


@settings(max_examples=60, deadline=None)
@given(journey_maps(max_cards=25, unknown=False))
def test_every_card_lies_in_its_cells_and_its_text_fits(journey: JourneyMap) -> None:
    _assert_sound(layout_journey(journey), journey)
