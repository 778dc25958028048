"""Orders of ids: which items a side moved, and a deterministic three-way merge of orders.

Used for the order of stages, lanes, personas and the file's lists, and for the cards
inside each cell. An item is *unmoved* on a side when it belongs to a longest run of items
that kept their base order there; every other item the side has was moved or added by it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence


def unmoved(base_position: Mapping[str, int], sequence: Sequence[str]) -> set[str]:
    """The items of `sequence` that keep their base order: a longest increasing run.

    `base_position` maps each base item to its index; items not in it (added) are never
    unmoved. The run is the one found by patience sorting, so the answer is deterministic.
    """
    common = [item for item in sequence if item in base_position]
    tails: list[int] = []  # base index ending the best run of each length
    tail_at: list[int] = []  # where in `common` that run ends
    previous: list[int] = [-1] * len(common)
    for index, item in enumerate(common):
        rank = base_position[item]
        length = bisect_left(tails, rank)
        if length == len(tails):
            tails.append(rank)
            tail_at.append(index)
        else:
            tails[length] = rank
            tail_at[length] = index
        previous[index] = tail_at[length - 1] if length else -1
    still: set[str] = set()
    at = tail_at[-1] if tail_at else -1
    while at >= 0:
        still.add(common[at])
        at = previous[at]
    return still


def merge_orders(
    base: Sequence[str], ours: Sequence[str], theirs: Sequence[str], keep: Collection[str]
) -> list[str]:
    """The items of `keep` in an order that applies both sides' moves to the base order.

    Items neither side moved are anchors and keep their base order. Each moved or added
    item goes after the anchor it follows on the side that moved it, in that side's order;
    items both sides placed after the same anchor interleave by their index in their side's
    list, then by id. An item both sides moved goes to the earlier of the two places. The
    rule does not depend on which side is "ours", and merging with an unchanged side gives
    the other side.
    """
    keep = set(keep)
    base_position = {item: index for index, item in enumerate(base)}
    ours_still = unmoved(base_position, ours)
    theirs_still = unmoved(base_position, theirs)
    anchors = [
        item for item in base if item in keep and item in ours_still and item in theirs_still
    ]
    anchor_number = {item: number for number, item in enumerate(anchors, start=1)}
    ours_moved = {item for item in ours if item not in ours_still}
    theirs_moved = {item for item in theirs if item not in theirs_still}
    places: dict[str, tuple[int, int]] = {}
    for sequence, moved in ((ours, ours_moved), (theirs, theirs_moved)):
        anchor = 0
        # The place after an anchor is the index in the side's own list: it keeps that side's
        # order and does not depend on which other items are kept.
        for position, item in enumerate(sequence):
            if item in anchor_number:
                anchor = anchor_number[item]
                continue
            if item not in keep:
                continue
            # Unmoved on one side and gone from the other: placed where that side has it.
            if item in moved or (item not in ours_moved and item not in theirs_moved):
                place = (anchor, position)
                places[item] = min(places.get(item, place), place)
    after: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for item, (anchor, position) in places.items():
        after[anchor].append((position, item))
    result = [item for _, item in sorted(after[0])]
    for number, anchor_item in enumerate(anchors, start=1):
        result.append(anchor_item)
        result.extend(item for _, item in sorted(after[number]))
    placed = set(result)
    result.extend(sorted(item for item in keep if item not in placed))
    return result
