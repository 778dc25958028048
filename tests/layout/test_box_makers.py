"""The quick box constructors build exactly what the classes' own constructors build."""

from dataclasses import fields

from maps import bakery_map

from journeycanvas.layout import CardLayout, ConnectorLayout, Point, Rect, layout_journey
from journeycanvas.layout.box_makers import (
    make_card_layout,
    make_connector_layout,
    make_point,
    make_rect,
)
from journeycanvas.model.kinds import ConnectorKind


def _values(box: object) -> dict[str, object]:
    # Reading every field fails for one the quick constructor forgot to set.
    return {f.name: getattr(box, f.name) for f in fields(box)}  # type: ignore[arg-type]


def test_quick_constructors_set_every_field_like_the_classes_do() -> None:
    face = next(iter(layout_journey(bakery_map()).cards.values())).face
    point, rect = Point(1.5, 2.5), Rect(1.0, 2.0, 3.0, 4.0)
    pairs = [
        (make_point(1.5, 2.5), point),
        (make_rect(1.0, 2.0, 3.0, 4.0), rect),
        (
            make_card_layout("c", "s1", "l1", 2, 1, rect, face),
            CardLayout("c", "s1", "l1", 2, 1, rect, face),
        ),
        (
            make_connector_layout(
                "k", ConnectorKind.BREAKPOINT, "a", "b", (point, point), point, point, rect,
                None, point,
            ),
            ConnectorLayout(
                "k", ConnectorKind.BREAKPOINT, "a", "b", (point, point), point, point, rect,
                None, point,
            ),
        ),
    ]  # fmt: skip
    for quick, regular in pairs:
        assert type(quick) is type(regular)
        assert _values(quick) == _values(regular)
        assert quick == regular
        assert hash(quick) == hash(regular)
