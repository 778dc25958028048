"""Where a line may break, by Unicode's line-breaking rules (UAX #14) from ICU.

ICU breaks Thai, Lao, Khmer and Burmese between words (by dictionary) and keeps the strict
Japanese rules (kinsoku: no line starts with a small kana, a prolonged sound mark or a
closing bracket). Korean is written with spaces between words, so breaks between two Hangul
syllables are dropped and words stay whole. Text in scripts that break only at spaces
never reaches ICU (see ``wrap``), which keeps plain text fast.
"""

from __future__ import annotations

import re

from icu4py.breakers import LineBreaker

_LOCALE = "ja@lb=strict"
_SURROGATES = re.compile("[\ud800-\udfff]")  # ICU takes UTF-8: lone surrogates cannot go
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")

NEEDS_RULES = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u2e80-\u2fff\u3000-\u9fff"
    "\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003ffff]"
)
"""Matches a character whose script breaks lines by more than spaces (CJK, Hangul, Thai …)."""


def line_segments(text: str) -> list[str]:
    """`text` cut at every place a line may break: each piece ends where a break is allowed
    (spaces after a word stay with it)."""
    pieces: list[str] = []
    start = 0
    for found in LineBreaker(_SURROGATES.sub("\ufffd", text), _LOCALE):
        piece = text[start : start + len(found)]
        start += len(found)
        if pieces and _HANGUL.match(piece) and _HANGUL.match(pieces[-1][-1]):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces
