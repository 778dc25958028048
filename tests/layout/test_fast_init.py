"""Boxes built through the quicker __init__ behave as frozen dataclasses do."""

import dataclasses

import pytest
from maps import bakery_map

from journeycanvas.layout import CardLayout, Point, Rect, layout_journey
from journeycanvas.layout.fast_init import fast_init


def test_boxes_are_built_whole_equal_hashable_and_frozen() -> None:
    rect = Rect(1.0, y=2.0, w=3.0, h=4.0)
    assert (rect.x, rect.y, rect.w, rect.h) == (1.0, 2.0, 3.0, 4.0)
    assert rect == Rect(1.0, 2.0, 3.0, 4.0)
    assert hash(rect) == hash(Rect(1.0, 2.0, 3.0, 4.0))
    assert dataclasses.replace(rect, y=5.0) == Rect(1.0, 5.0, 3.0, 4.0)
    assert repr(Point(1.0, 2.0)) == "Point(x=1.0, y=2.0)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        rect.x = 0.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        Rect(1.0, 2.0, 3.0)  # type: ignore[call-arg]


def test_every_field_of_a_laid_out_card_is_set() -> None:
    card = layout_journey(bakery_map()).cards["a"]
    values = {f.name: getattr(card, f.name) for f in dataclasses.fields(CardLayout)}
    assert CardLayout(**values) == card


def test_only_classes_without_defaults_get_it() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithDefault:
        size: float = 1.0

    with pytest.raises(TypeError):
        fast_init(WithDefault)
