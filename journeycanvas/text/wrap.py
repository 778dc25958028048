"""Line breaking: at spaces, between CJK characters, inside over-long words; with ellipsis."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# Ideographs, kana, hangul, CJK punctuation and full-width forms: a line may break
# before or after each of them, as Chinese and Japanese are written without spaces.
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff"
    "\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003ffff"
)
# Closing punctuation never starts a line, opening punctuation never ends one.
_NO_START = "、。，．：；？！）」』】〕〉》〙〗・ー～％"
_NO_END = "（「『【〔〈《〘〖"
_SPACE = " \t\u2000-\u200b"
_TOKENS = re.compile(
    f"[{_SPACE}]+|[{_NO_END}]*[{_CJK}][{_NO_START}]*|[^{_SPACE}{_CJK}]+[{_NO_START}]*"
)
_SPACES = frozenset(" \t\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b")
_STRIP = "".join(sorted(_SPACES))


@dataclass(frozen=True, slots=True)
class WrappedText:
    """Lines of text that each fit the width asked for; `truncated` when text was cut."""

    lines: tuple[str, ...]
    truncated: bool = False


def wrap_units(
    text: str,
    max_units: float,
    widths: Mapping[str, float],
    max_lines: int | None = None,
    ellipsis: str = "…",
) -> WrappedText:
    """Break `text` into lines whose summed character `widths` stay within `max_units`.

    Breaks at spaces (which are dropped at the break) and between CJK characters; keeps
    explicit newlines; breaks a word longer than a line between characters. When
    `max_lines` cuts the text, the last line ends with `ellipsis`, shortened until it
    fits. A character wider than a whole line ends the text there (truncated), so no
    line is ever wider than `max_units`.
    """
    if max_lines is not None and max_lines < 1:
        return WrappedText((), bool(text))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    measure = widths.__getitem__
    if "\n" not in text:
        stripped = text.strip(_STRIP)
        if sum(map(measure, stripped)) <= max_units:
            return WrappedText((stripped,))
    limit = None if max_lines is None else max_lines + 1
    lines: list[str] = []
    complete = True
    for paragraph in text.split("\n"):
        complete = _break_paragraph(paragraph, max_units, measure, lines, limit)
        if not complete or (limit is not None and len(lines) >= limit):
            break
    truncated = not complete or (max_lines is not None and len(lines) > max_lines)
    if not truncated:
        return WrappedText(tuple(lines))
    if max_lines is not None:
        del lines[max_lines:]
    if lines:
        lines[-1] = _with_ellipsis(lines[-1], max_units, measure, ellipsis)
    return WrappedText(tuple(lines), True)


def _break_paragraph(
    paragraph: str,
    max_units: float,
    width_of: Callable[[str], float],
    lines: list[str],
    limit: int | None,
) -> bool:
    """Append the lines of one paragraph; False when a character cannot fit at all."""
    line: list[str] = []
    line_width = 0.0
    space = ""
    space_width = 0.0
    for token in _TOKENS.findall(paragraph):
        if token[0] in _SPACES:
            space, space_width = token, sum(map(width_of, token))
            continue
        token_width = sum(map(width_of, token))
        if line and line_width + space_width + token_width <= max_units:
            line.append(space)
            line.append(token)
            line_width += space_width + token_width
        else:
            if line:
                lines.append("".join(line))
                if limit is not None and len(lines) >= limit:
                    return True
            if token_width <= max_units:
                line, line_width = [token], token_width
            else:
                line, line_width = [], 0.0
                for char in token:
                    char_width = width_of(char)
                    if line_width + char_width > max_units:
                        if not line:
                            return False
                        lines.append("".join(line))
                        if limit is not None and len(lines) >= limit:
                            return True
                        line, line_width = [], 0.0
                        if char_width > max_units:
                            return False
                    line.append(char)
                    line_width += char_width
        space, space_width = "", 0.0
    lines.append("".join(line))
    return True


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
