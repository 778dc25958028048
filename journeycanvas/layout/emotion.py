"""The emotion curve of an emotions lane: average score per stage, across the lane."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from journeycanvas.layout.boxes import EmotionCurve, EmotionPoint, StageHeader
from journeycanvas.layout.geometry import Point, Rect
from journeycanvas.model.entities import Card

MAX_SCORE = 3


def emotion_curve(
    lane_id: str,
    row: Rect,
    cards: Iterable[Card],
    stages: Iterable[StageHeader],
    padding: float,
) -> EmotionCurve:
    """One point per stage with scored cards in the lane, at the stage's centre line.

    The average score maps linearly from +3 (top of the lane, less `padding`) to -3
    (bottom). A card counts for the stage it starts in.
    """
    scores: dict[str, list[int]] = defaultdict(list)
    for card in cards:
        if card.emotion is not None:
            scores[card.stage].append(card.emotion)
    top = row.y + padding
    bottom = row.bottom - padding
    half = (bottom - top) / 2
    zero = top + half
    points = []
    for stage in stages:
        stage_scores = scores.get(stage.id)
        if stage_scores:
            average = sum(stage_scores) / len(stage_scores)
            y = zero - average / MAX_SCORE * half
            points.append(EmotionPoint(stage.id, average, Point(stage.rect.center.x, y)))
    return EmotionCurve(lane_id, tuple(points), zero, top, bottom)
