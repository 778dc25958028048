"""Two versions of a map compared: what changed, card by card, in words, by stage; and the
two emotion curves. Read by the editor's compare panel and overlay and the PDF report.

"Before" is the older map (the as-is, last quarter's, a snapshot, the ``.bak``), "after"
the newer one (the to-be, the open map).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from journeycanvas.merge.describe import Describer
from journeycanvas.merge.diff import Change, ChangeKind, diff_tables
from journeycanvas.merge.tables import tables_of
from journeycanvas.merge.wording import Wording
from journeycanvas.model.entities import JourneyMap


class CardMark(StrEnum):
    """How a card of the newer map differs from the older one."""

    ADDED = "added"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One change in words, with the card it concerns (if any) and its stage's name."""

    text: str
    kind: ChangeKind
    card_id: str | None
    group: str


@dataclass(frozen=True, slots=True)
class EmotionPoint:
    """A stage's average emotion score in both maps (None: no scored card there)."""

    stage: str
    before: float | None
    after: float | None


@dataclass
class Comparison:
    """What changed from `before` to `after`."""

    before: JourneyMap
    after: JourneyMap
    lines: list[ChangeLine] = field(default_factory=list)
    marks: dict[str, CardMark] = field(default_factory=dict)
    """The cards of `after` to mark, by id."""
    moved_from: dict[str, str] = field(default_factory=dict)
    """For each moved card, the name of the stage (or lane) it came from."""
    map_group: str = ""
    """The heading of the changes that concern no one stage (map fields, lanes, personas …)."""
    emotions: list[EmotionPoint] = field(default_factory=list)

    def groups(self) -> list[tuple[str, list[ChangeLine]]]:
        """The lines grouped by stage, stages in map order, the map's own changes first."""
        grouped: dict[str, list[ChangeLine]] = defaultdict(list)
        for line in self.lines:
            grouped[line.group].append(line)
        order = [self.map_group, *(s.name for s in self.after.stages)]
        order += [s.name for s in self.before.stages if s.name not in order]
        ranked = {name: index for index, name in enumerate(order)}
        return sorted(grouped.items(), key=lambda item: ranked.get(item[0], len(ranked)))


def compare_maps(before: JourneyMap, after: JourneyMap, words: Wording | None = None) -> Comparison:
    """Compare two maps (neither is changed), in the words of `words` (by default the
    interface language's, for the screen)."""
    words = words or Wording.interface()
    old, new = tables_of(before), tables_of(after)
    describer = Describer(old, new, words)
    # Translators: the heading of the changes that concern no one stage.
    result = Comparison(before, after, map_group=words.t.gettext("The map"))
    stage_names = {s.id: s.name for s in before.stages} | {s.id: s.name for s in after.stages}
    for change in diff_tables(old, new):
        text = describer.line(change)
        card_id = change.id if change.collection == "cards" else None
        group = result.map_group
        if card_id is not None:
            side = old if change.kind == ChangeKind.REMOVED else new
            card = side.items["cards"].get(card_id) or old.items["cards"][card_id]
            group = stage_names.get(card["stage"], result.map_group)
            _mark(result, change, describer)
        result.lines.append(ChangeLine(text, change.kind, card_id, group))
    result.emotions = emotion_points(before, after)
    return result


def _mark(result: Comparison, change: Change, describer: Describer) -> None:
    card_id = change.id
    if change.kind == ChangeKind.ADDED:
        result.marks[card_id] = CardMark.ADDED
    elif change.kind == ChangeKind.MOVED:
        result.marks[card_id] = CardMark.MOVED
        old_cell, new_cell = change.old, change.new
        names = describer.cells_named(old_cell, new_cell)
        result.moved_from[card_id] = names[0]
    elif change.kind == ChangeKind.CHANGED and card_id not in result.marks:
        result.marks[card_id] = CardMark.CHANGED


def emotion_points(before: JourneyMap, after: JourneyMap) -> list[EmotionPoint]:
    """Average emotion per stage in both maps, stages in the newer map's order (then the
    older map's stages that are gone)."""
    stages = [(s.id, s.name) for s in after.stages]
    known = {stage_id for stage_id, _ in stages}
    stages += [(s.id, s.name) for s in before.stages if s.id not in known]
    before_scores, after_scores = _averages(before), _averages(after)
    return [
        EmotionPoint(name, before_scores.get(stage_id), after_scores.get(stage_id))
        for stage_id, name in stages
    ]


def _averages(journey: JourneyMap) -> dict[str, float]:
    totals: dict[str, list[int]] = defaultdict(list)
    for card in journey.cards:
        if card.emotion is not None:
            totals[card.stage].append(card.emotion)
    return {stage: sum(scores) / len(scores) for stage, scores in totals.items()}
