"""Line breaking: at spaces, by Unicode's rules where a script needs more (CJK, Thai …, see
``line_breaks``), inside over-long words; with ellipsis."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import accumulate

from journeycanvas.text.line_breaks import NEEDS_RULES, line_segments

_SPACE = " \t\u2000-\u200b"
_TOKENS = re.compile(f"[{_SPACE}]+|[^{_SPACE}]+")
_TRAILING_SPACES = re.compile(f"[{_SPACE}]+$")
_SPACES = frozenset(" \t\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b")
_STRIP = "".join(sorted(_SPACES))


@dataclass(frozen=True, slots=True)
class WrappedText:
    """Lines of text that each fit the width asked for; `truncated` when text was cut."""

    lines: tuple[str, ...]
    truncated: bool = False


def words(text: str) -> list[str]:
    """The pieces of `text` a line never breaks inside unless one is wider than a line:
    words between spaces, and in CJK or Thai the pieces Unicode's rules keep together."""
    return [token for token in tokens(text) if token[0] not in _SPACES]


def tokens(paragraph: str) -> list[str]:
    """`paragraph` cut into pieces that never break and runs of spaces (where lines may
    break); plain text is cut at spaces alone, without asking ICU."""
    if paragraph.isascii() or NEEDS_RULES.search(paragraph) is None:
        return _TOKENS.findall(paragraph)
    result: list[str] = []
    for segment in line_segments(paragraph):
        # A segment is a piece and the spaces after it, or, at the paragraph's start,
        # spaces and a piece that may not stand apart from them (a closing "，"): the
        # spaces go apart either way, so that a piece is never taken for spaces.
        body = segment.lstrip(_STRIP)
        if len(body) < len(segment):
            result.append(segment[: len(segment) - len(body)])
        if not body:
            continue
        spaces = _TRAILING_SPACES.search(body)
        if spaces is None:
            result.append(body)
        else:
            if spaces.start():
                result.append(body[: spaces.start()])
            result.append(spaces.group())
    return result


def wrap_units(
    text: str,
    max_units: float,
    widths: Mapping[str, float],
    token_widths: Mapping[str, float],
    max_lines: int | None = None,
    ellipsis: str = "…",
) -> WrappedText:
    """Break `text` into lines whose summed character `widths` stay within `max_units`.

    `token_widths` gives the summed width of a word or run of spaces (a memo over
    `widths`). Breaks at spaces (which are dropped at the break) and between CJK
    characters; keeps explicit newlines; breaks a word longer than a line between
    characters. When `max_lines` cuts the text, the last line ends with `ellipsis`,
    shortened until it fits. A character wider than a whole line ends the text there
    (truncated), so no line is ever wider than `max_units`.
    """
    if max_lines is not None and max_lines < 1:
        return WrappedText((), bool(text))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    char_width = widths.__getitem__
    limit = None if max_lines is None else max_lines + 1
    lines: list[str] = []
    complete = True
    for paragraph in text.split("\n"):
        complete = _break_paragraph(
            tokens(paragraph), max_units, token_widths.__getitem__, char_width, lines, limit
        )
        if not complete or (limit is not None and len(lines) >= limit):
            break
    truncated = not complete or (max_lines is not None and len(lines) > max_lines)
    if not truncated:
        return WrappedText(tuple(lines))
    if max_lines is not None:
        del lines[max_lines:]
    if lines:
        lines[-1] = _with_ellipsis(lines[-1], max_units, char_width, ellipsis)
    return WrappedText(tuple(lines), True)


def _break_paragraph(
    tokens: list[str],
    max_units: float,
    token_width: Callable[[str], float],
    char_width: Callable[[str], float],
    lines: list[str],
    limit: int | None,
) -> bool:
    """Append the lines of one paragraph; False when a character cannot fit at all.

    Greedy, a line at a time: a binary search over the running widths of the tokens
    finds the last token that still fits, so the cost grows with lines, not tokens.
    """
    count = len(tokens)
    widths = list(map(token_width, tokens))
    ends = list(accumulate(widths))
    prefix, prefix_width = "", 0.0
    start = _skip_spaces(tokens, 0)
    if start == count:
        lines.append("")
        return True
    while start < count:
        room = ends[start] - widths[start] + max_units - prefix_width
        stop = bisect_right(ends, room, start)
        end = stop
        while end > start and tokens[end - 1][0] in _SPACES:
            end -= 1
        if end > start:
            line = prefix + "".join(tokens[start:end])
            prefix, prefix_width, start = "", 0.0, stop
        elif prefix:
            line, prefix, prefix_width = prefix, "", 0.0
        else:
            # A word wider than a line: full lines of its characters, the rest carries on.
            pieces, prefix, prefix_width = _break_word(tokens[start], max_units, char_width)
            if pieces is None:
                return False
            start += 1
            for piece in pieces:
                lines.append(piece)
                if limit is not None and len(lines) >= limit:
                    return True
            continue
        lines.append(line)
        if limit is not None and len(lines) >= limit:
            return True
        start = _skip_spaces(tokens, start)
    if prefix:
        lines.append(prefix)
    return True


def _skip_spaces(tokens: list[str], index: int) -> int:
    while index < len(tokens) and tokens[index][0] in _SPACES:
        index += 1
    return index


def _break_word(
    word: str, max_units: float, char_width: Callable[[str], float]
) -> tuple[list[str] | None, str, float]:
    """Full lines of `word`'s characters and the rest; None when a character cannot fit."""
    pieces: list[str] = []
    start = 0
    width = 0.0
    for index, char in enumerate(word):
        char_w = char_width(char)
        if char_w > max_units:
            return None, "", 0.0
        if width + char_w > max_units:
            pieces.append(word[start:index])
            start, width = index, 0.0
        width += char_w
    return pieces, word[start:], width


def _with_ellipsis(
    line: str, max_units: float, width_of: Callable[[str], float], ellipsis: str
) -> str:
    """`line` shortened from the end until it plus `ellipsis` fits; "" if not even that."""
    ellipsis_width = sum(map(width_of, ellipsis))
    if ellipsis_width > max_units:
        return ""
    budget = max_units - ellipsis_width
    kept = line.rstrip(_STRIP)
    total = sum(map(width_of, kept))
    while kept and total > budget:
        total -= width_of(kept[-1])
        kept = kept[:-1]
    return kept.rstrip(_STRIP) + ellipsis
