"""Quick constructors for the boxes made by the thousand when cards move.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; setting
the slots through their descriptors directly builds the very same objects in about half
the time, which matters when a lane that grew pushes ten thousand cards down. The
objects are equal to (and hash like) those the classes' own constructors make; a test
checks that every field is set.
"""

from __future__ import annotations

from journeycanvas.layout.boxes import CardFace, CardLayout, ConnectorLayout, TextBlock
from journeycanvas.layout.geometry import Point, Rect
from journeycanvas.model.kinds import ConnectorKind

_new = object.__new__
_point_x, _point_y = Point.x.__set__, Point.y.__set__
_rect_x, _rect_y = Rect.x.__set__, Rect.y.__set__
_rect_w, _rect_h = Rect.w.__set__, Rect.h.__set__
_card_id = CardLayout.id.__set__
_card_stage = CardLayout.stage_id.__set__
_card_lane = CardLayout.lane_id.__set__
_card_order = CardLayout.order.__set__
_card_span = CardLayout.span.__set__
_card_rect = CardLayout.rect.__set__
_card_face = CardLayout.face.__set__
_path_id = ConnectorLayout.id.__set__
_path_kind = ConnectorLayout.kind.__set__
_path_source = ConnectorLayout.source.__set__
_path_target = ConnectorLayout.target.__set__
_path_points = ConnectorLayout.points.__set__
_path_mid = ConnectorLayout.mid.__set__
_path_direction = ConnectorLayout.mid_direction.__set__
_path_label_rect = ConnectorLayout.label_rect.__set__
_path_label = ConnectorLayout.label.__set__
_path_break_mark = ConnectorLayout.break_mark.__set__


def make_point(x: float, y: float) -> Point:
    """``Point(x, y)``."""
    point = _new(Point)
    _point_x(point, x)
    _point_y(point, y)
    return point


def make_rect(x: float, y: float, w: float, h: float) -> Rect:
    """``Rect(x, y, w, h)``."""
    rect = _new(Rect)
    _rect_x(rect, x)
    _rect_y(rect, y)
    _rect_w(rect, w)
    _rect_h(rect, h)
    return rect


def make_card_layout(
    card_id: str, stage_id: str, lane_id: str, order: int, span: int, rect: Rect, face: CardFace
) -> CardLayout:
    """``CardLayout(card_id, stage_id, lane_id, order, span, rect, face)``."""
    card = _new(CardLayout)
    _card_id(card, card_id)
    _card_stage(card, stage_id)
    _card_lane(card, lane_id)
    _card_order(card, order)
    _card_span(card, span)
    _card_rect(card, rect)
    _card_face(card, face)
    return card


def make_connector_layout(
    connector_id: str,
    kind: ConnectorKind,
    source: str,
    target: str,
    points: tuple[Point, ...],
    mid: Point,
    mid_direction: Point,
    label_rect: Rect | None,
    label: TextBlock | None,
    break_mark: Point | None,
) -> ConnectorLayout:
    """``ConnectorLayout(connector_id, kind, source, target, points, mid, mid_direction,
    label_rect, label, break_mark)``."""
    path = _new(ConnectorLayout)
    _path_id(path, connector_id)
    _path_kind(path, kind)
    _path_source(path, source)
    _path_target(path, target)
    _path_points(path, points)
    _path_mid(path, mid)
    _path_direction(path, mid_direction)
    _path_label_rect(path, label_rect)
    _path_label(path, label)
    _path_break_mark(path, break_mark)
    return path
