"""The emotion curve of an emotions lane: average score per stage, in a band below the
lane's cards, so that the curve never crosses card text."""

from __future__ import annotations

from collections.abc import Iterable

from journeycanvas.layout.boxes import EmotionCurve, EmotionPoint, StageHeader
from journeycanvas.layout.geometry import Point, Rect
from journeycanvas.model.entities import Card

MAX_SCORE = 3


class EmotionScores:
    """The scores of one lane's cards, totalled per stage, kept up to date card by card.

    A card counts for the stage it starts in. Cards are edited in place, so the score and
    stage each card was counted with are remembered, to take it out again.
    """

    def __init__(self, cards: Iterable[Card] = ()) -> None:
        self._counted: dict[str, tuple[str, int]] = {}
        self._totals: dict[str, list[int]] = {}
        for card in cards:
            self.add(card)

    def add(self, card: Card) -> None:
        """Count the card's score (if it has one)."""
        if card.emotion is None:
            return
        self._counted[card.id] = (card.stage, card.emotion)
        total = self._totals.setdefault(card.stage, [0, 0])
        total[0] += card.emotion
        total[1] += 1

    def remove(self, card_id: str) -> None:
        """Stop counting a card (nothing if it was not counted)."""
        counted = self._counted.pop(card_id, None)
        if counted is None:
            return
        stage_id, score = counted
        total = self._totals[stage_id]
        total[0] -= score
        total[1] -= 1
        if not total[1]:
            del self._totals[stage_id]

    def tally(self) -> tuple[tuple[str, int, int], ...]:
        """(stage id, total score, cards counted) per scored stage: the curve's input."""
        return tuple((stage_id, total, count) for stage_id, (total, count) in self._totals.items())

    def curve(
        self, lane_id: str, band: Rect, stages: Iterable[StageHeader], padding: float
    ) -> EmotionCurve:
        """One point per stage with scored cards, at the stage's centre line.

        The average score maps linearly from +3 (top of the `band`, the part of the lane
        below its cards, less `padding`) to -3 (its bottom).
        """
        top = band.y + padding
        bottom = band.bottom - padding
        half = (bottom - top) / 2
        zero = top + half
        points = []
        for stage in stages:
            total = self._totals.get(stage.id)
            if total:
                average = total[0] / total[1]
                y = zero - average / MAX_SCORE * half
                points.append(EmotionPoint(stage.id, average, Point(stage.rect.center.x, y)))
        return EmotionCurve(lane_id, tuple(points), zero, top, bottom)
