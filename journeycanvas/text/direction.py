"""Writing direction: a text's base direction and the visual order of a line's runs.

Lines are wrapped in logical order; each line is then reordered on its own (Unicode's
bidirectional algorithm, UAX #9, from python-bidi) into runs of one embedding level. A run
at an odd level is right to left: it is drawn through the shaper in that direction, which
joins and mirrors it; digits and Latin inside right-to-left text stay left to right.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, TypeVar

from bidi.algorithm import (  # type: ignore[import-untyped]
    explicit_embed_and_overrides,
    get_embedding_levels,
    get_empty_storage,
    resolve_implicit_levels,
    resolve_neutral_types,
    resolve_weak_types,
)

from journeycanvas.text.shaping import RTL

_UNCLASSIFIED = frozenset({"", "LRI", "RLI", "FSI", "PDI"})

# A logical run of a line: (start, end, embedding level, anything else …).
LevelRun = TypeVar("LevelRun", bound=tuple[Any, ...])


def is_rtl(text: str) -> bool:
    """Whether `text` reads right to left: its first strong character is (UAX #9, P2)."""
    if text.isascii() or RTL.search(text) is None:
        return False
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of each character of `text` in a paragraph that is
    right to left (`rtl`) or left to right."""
    storage = get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    get_embedding_levels(_classified(text), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    explicit_embed_and_overrides(storage, False)
    resolve_weak_types(storage, False)
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    # Explicit controls are removed by the algorithm (X9): they take their neighbour's level.
    result = [storage["base_level"]] * len(text)
    previous = storage["base_level"]
    resolved = {char["index"]: char["level"] for char in storage["chars"]}
    for index in range(len(text)):
        previous = result[index] = resolved.get(index, previous)
    return _trailing_spaces_at_base(text, result, storage["base_level"])


def _classified(text: str) -> str:
    """`text` with the characters python-bidi's algorithm cannot classify (unassigned code
    points, lone surrogates, and the isolates of Unicode 6.3, which it predates) replaced
    by U+FFFD, an "other neutral", one for one."""
    kinds = set(map(unicodedata.bidirectional, text))
    if kinds.isdisjoint(_UNCLASSIFIED):
        return text
    return "".join(
        "\ufffd" if unicodedata.bidirectional(char) in _UNCLASSIFIED else char for char in text
    )


def _trailing_spaces_at_base(text: str, result: list[int], base: int) -> list[int]:
    """UAX #9 rule L1: whitespace at the end of a line goes back to the paragraph level."""
    index = len(text)
    while index > 0 and unicodedata.bidirectional(text[index - 1]) in ("WS", "BN", "S"):
        index -= 1
        result[index] = base
    return result


def visual_order(runs: Sequence[LevelRun]) -> list[LevelRun]:
    """Logical runs (start, end, level, …) in visual order, left to right (UAX #9, L2)."""
    ordered = list(runs)
    if not ordered:
        return ordered
    highest = max(run[2] for run in ordered)
    lowest_odd = min(run[2] for run in ordered) | 1
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(ordered):
            if ordered[index][2] >= level:
                end = index
                while end < len(ordered) and ordered[end][2] >= level:
                    end += 1
                ordered[index:end] = ordered[index:end][::-1]
                index = end
            else:
                index += 1
    return ordered
