"""Stacking the cards of one lane, and re-stacking only what an edit moves.

The rule: cards are placed in order of their key (slot, stage column, id); each goes
directly below everything already placed in every column it covers. So a card's y is
decided by its *predecessors*: in each column it covers, the card covering that column
just before it in key order (or the cell's padding when there is none).

`LaneStack` keeps, for every column, the cards covering it in key order. After an edit
it re-places a card only when its predecessors changed (another card, or a new bottom),
in key order, so a move costs the cards it really moves, not the whole lane. A spanning
card couples the columns it covers: when it moves, its successors in all of them do.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from heapq import heapify, heappop, heappush
from operator import attrgetter

from journeycanvas.layout.boxes import CardFace
from journeycanvas.model.entities import Card

# Makes a card's face at a width (mm).
FaceMaker = Callable[[Card, float], CardFace]

_MISSING = object()


class Slot:
    """A card stacked in a lane: its slot number, the columns it covers, x, face, y and
    bottom. y and bottom are relative to the lane's top; `last` is the last column covered.
    """

    __slots__ = ("bottom", "card", "column", "face", "last", "order", "x", "y")

    def __init__(
        self,
        card: Card,
        order: int,
        column: int,
        last: int,
        x: float,
        face: CardFace,
        y: float,
        bottom: float,
    ) -> None:
        self.card = card
        self.order = order
        self.column = column
        self.last = last
        self.x = x
        self.face = face
        self.y = y
        self.bottom = bottom


_by_key = attrgetter("order", "column", "card.id")


class LaneStack:
    """The stacked cards of one lane, updated in place by `remove`, `add` and `restack`.

    `cells[c]` holds the cards sitting in column c in slot order; `slots` every card by id.
    """

    def __init__(self, lefts: list[float], rights: list[float], pad: float, gap: float) -> None:
        self._lefts = lefts
        self._rights = rights
        self._pad = pad
        self._gap = gap
        count = len(lefts)
        self.slots: dict[str, Slot] = {}
        self.cells: list[list[Slot]] = [[] for _ in range(count)]
        self._covers: list[list[Slot]] = [[] for _ in range(count)]
        self.content_height = 0.0
        # Pending edits: the cover lists as they were before them, the columns whose
        # cells changed, and the slots added.
        self._before: dict[int, list[Slot]] = {}
        self._touched: set[int] = set()
        self._added: list[Slot] = []
        # Stacking begun by `begin`: the cards in key order, how many are placed, each
        # column's next free y and how many cards left start in it.
        self._entries: list[tuple[int, int, str, Card]] = []
        self._next = 0
        self._bottoms: list[float] = []
        self._remaining: list[int] = []
        self._face_maker: FaceMaker | None = None

    def _last_column(self, column: int, span: int) -> int:
        return column if span <= 1 else min(column + span, len(self._lefts)) - 1

    def build(self, cards: Iterable[Card], columns: Mapping[str, int], face: FaceMaker) -> None:
        """Stack `cards` (all in known stages) into this empty stack."""
        self.begin(cards, columns, face)
        for _ in self.build_steps(0):
            pass

    def begin(self, cards: Iterable[Card], columns: Mapping[str, int], face: FaceMaker) -> None:
        """Take `cards` (all in known stages) to stack into this empty stack, by
        `build_steps` (which may stop and go on later)."""
        # Ids are unique, so the tuples never compare the cards themselves.
        self._entries = sorted((card.order, columns[card.stage], card.id, card) for card in cards)
        self._next = 0
        self._bottoms = [self._pad] * len(self._lefts)
        # Per column, the cards still to place that start in it.
        self._remaining = [0] * len(self._lefts)
        for entry in self._entries:
            self._remaining[entry[1]] += 1
        self._face_maker = face

    @property
    def building(self) -> bool:
        """Whether cards taken by `begin` are still to be placed."""
        return self._next < len(self._entries)

    def build_steps(self, every: int, until: float | None = None) -> Iterator[None]:
        """Place the cards taken by `begin`, in key order, pausing (yielding) after every
        `every` cards (0: never): making the faces of a big lane's cards takes long, and a
        first frame should not wait for it. With `until` (mm below the lane's top), stop
        once every card left would go below that line: those placed are final, and the
        rest are placed by a later `build_steps`. Safe to abandon at a pause."""
        gap = self._gap
        lefts, rights = self._lefts, self._rights
        covers, cells, slots = self._covers, self.cells, self.slots
        bottoms, remaining, face = self._bottoms, self._remaining, self._face_maker
        entries = self._entries
        if face is None:
            return
        count = len(lefts)
        done = 0
        while self._next < len(entries):
            if (
                until is not None
                and not done % _LOOK_EVERY
                and _all_below(bottoms, remaining, until)
            ):
                break
            done += 1
            if every and not done % every:
                yield
            order, column, card_id, card = entries[self._next]
            self._next += 1
            remaining[column] -= 1
            span = card.span
            last = column if span <= 1 else min(column + span, count) - 1
            x = lefts[column]
            card_face = face(card, rights[last] - x)
            if last == column:
                y = bottoms[column]
                bottom = y + card_face.height
                bottoms[column] = bottom + gap
                slot = Slot(card, order, column, last, x, card_face, y, bottom)
                covers[column].append(slot)
            else:
                y = max(bottoms[column : last + 1])
                bottom = y + card_face.height
                bottoms[column : last + 1] = [bottom + gap] * (last + 1 - column)
                slot = Slot(card, order, column, last, x, card_face, y, bottom)
                for covered in range(column, last + 1):
                    covers[covered].append(slot)
            cells[column].append(slot)
            slots[card_id] = slot
        if not self.building:
            self._entries, self._bottoms, self._remaining = [], [], []
        self._update_height()

    def covering(self, column: int) -> list[Slot]:
        """The cards covering `column` (spanning ones too), top to bottom."""
        return self._covers[column]

    def _remember(self, column: int) -> None:
        if column not in self._before:
            self._before[column] = list(self._covers[column])

    def remove(self, card_id: str) -> Slot | None:
        """Take a card out (placed again by `restack`); its slot, or None if not here."""
        slot = self.slots.pop(card_id, None)
        if slot is None:
            return None
        self._touched.add(slot.column)
        self.cells[slot.column].remove(slot)
        for covered in range(slot.column, slot.last + 1):
            self._remember(covered)
            self._covers[covered].remove(slot)
        return slot

    def add(self, card: Card, column: int, face: FaceMaker) -> None:
        """Put a card in at `column` (placed by `restack`)."""
        last = self._last_column(column, card.span)
        x = self._lefts[column]
        card_face = face(card, self._rights[last] - x)
        slot = Slot(card, card.order, column, last, x, card_face, -1.0, -1.0)
        self.slots[card.id] = slot
        self.cells[column].append(slot)
        self._touched.add(column)
        for covered in range(column, last + 1):
            self._remember(covered)
            self._covers[covered].append(slot)
        self._added.append(slot)

    def keep(self, card: Card, column: int, face: FaceMaker) -> bool:
        """Whether the card stays where it is stacked but for its slot number: the same
        card object, column, span and face. If so `restack` renumbers its cell; if not,
        nothing changes (take it out and add it again)."""
        slot = self.slots.get(card.id)
        if slot is None or slot.card is not card or slot.column != column:
            return False
        last = self._last_column(column, card.span)
        if last != slot.last or face(card, self._rights[last] - slot.x) is not slot.face:
            return False
        self._touched.add(column)
        return True

    def restack(self) -> tuple[list[Slot], set[int]]:
        """Place what the pending edits moved; returns the slots that may have changed
        (moved, added or renumbered) and the columns whose cells changed."""
        renumbered = self._renumber()
        for column in self._touched:
            self.cells[column].sort(key=_by_key)
        for column in self._before:
            self._covers[column].sort(key=_by_key)
        # A renumbered card whose predecessors are the same cards, where they were, stays
        # where it is; one whose predecessors changed is a new successor below.
        seeds = set(self._added)
        for column, before in self._before.items():
            seeds.update(_new_successors(before, self._covers[column]))
        moved = self._propagate(seeds)
        moved.extend(self._added)
        moved.extend(renumbered)
        moved = list(dict.fromkeys(moved))
        touched = self._touched
        self._before, self._touched, self._added = {}, set(), []
        self._update_height()
        return moved, touched

    def _renumber(self) -> list[Slot]:
        """New keys for cell mates whose slot number changed (a card left or came in)."""
        renumbered = []
        for column in self._touched:
            for slot in self.cells[column]:
                order = slot.card.order
                if order != slot.order:
                    slot.order = order
                    renumbered.append(slot)
                    for covered in range(column, slot.last + 1):
                        self._remember(covered)
        return renumbered

    def _propagate(self, seeds: set[Slot]) -> list[Slot]:
        """Re-place the seeds, and in key order every card below one whose bottom moved."""
        pad, gap = self._pad, self._gap
        covers = self._covers
        heap = [(_by_key(slot), slot) for slot in seeds]
        heapify(heap)
        queued = seeds
        moved: list[Slot] = []
        while heap:
            key, slot = heappop(heap)
            column, last = slot.column, slot.last
            if column == last:
                # Down a column: a card of span 1 has one predecessor, final once placed,
                # so the run goes on without the heap.
                stack = covers[column]
                index = bisect_left(stack, key, key=_by_key)
                while True:
                    y = stack[index - 1].bottom + gap if index else pad
                    bottom = y + slot.face.height
                    if y == slot.y and bottom == slot.bottom:
                        break
                    slot.y, slot.bottom = y, bottom
                    moved.append(slot)
                    index += 1
                    if index == len(stack):
                        break
                    slot = stack[index]
                    if slot in queued:
                        break
                    queued.add(slot)
                    if slot.column != slot.last:
                        heappush(heap, (_by_key(slot), slot))
                        break
                continue
            indexes = [bisect_left(covers[c], key, key=_by_key) for c in range(column, last + 1)]
            y = max(
                covers[c][i - 1].bottom + gap if i else pad
                for c, i in zip(range(column, last + 1), indexes, strict=True)
            )
            bottom = y + slot.face.height
            if y == slot.y and bottom == slot.bottom:
                continue
            slot.y, slot.bottom = y, bottom
            moved.append(slot)
            for c, i in zip(range(column, last + 1), indexes, strict=True):
                if i + 1 < len(covers[c]):
                    successor = covers[c][i + 1]
                    if successor not in queued:
                        queued.add(successor)
                        heappush(heap, (_by_key(successor), successor))
        return moved

    def _update_height(self) -> None:
        bottoms = [stack[-1].bottom for stack in self._covers if stack]
        self.content_height = max(bottoms) + self._pad if bottoms else 0.0


# How many cards `build_steps` places between two looks at whether it may stop.
_LOOK_EVERY = 8


def _all_below(bottoms: list[float], remaining: list[int], line: float) -> bool:
    """Whether every card left to stack goes below `line`: each column where one starts
    is filled down to it (a card goes below everything placed in the columns it covers)."""
    return all(bottom >= line for bottom, left in zip(bottoms, remaining, strict=True) if left)


def _new_successors(before: list[Slot], after: list[Slot]) -> Iterable[Slot]:
    """The slots of `after` whose predecessor is not the one they had in `before`."""
    previous = dict(zip(before, [None, *before], strict=False))
    predecessor = None
    for slot in after:
        if previous.get(slot, _MISSING) is not predecessor:
            yield slot
        predecessor = slot
