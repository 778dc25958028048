"""The pseudo-language: every string about 40 % longer, its letters accented and the whole
in ⟦markers⟧, so that an untranslated string (no markers) or a clipped label (a marker cut
off) shows on a screenshot. Placeholders, mnemonics and file-dialog patterns stay intact."""

from __future__ import annotations

import math
import re

OPEN, CLOSE = "⟦", "⟧"
GROWTH = 0.4
_PAD = "·"
_ACCENTS = str.maketrans("aceinorsuyzACEINORSUYZ", "áçéîñöŕšûýžÁÇÉÎÑÖŔŠÛÝŽ")
# Kept as they are: {placeholders}, Qt's %n and %1, HTML tags, &-mnemonics, "&&".
_KEEP = re.compile(r"\{[^{}]*\}|%n|%\d|<[^<>]+>|&&|&(?=\w)")
# A file-dialog filter's pattern, "(*.journey)", ends its label.
_FILTER = re.compile(r"^(.*?)(\s*\([^()]*\*[^()]*\))$", re.DOTALL)


def _accented(text: str) -> str:
    parts: list[str] = []
    position = 0
    for kept in _KEEP.finditer(text):
        parts.append(text[position : kept.start()].translate(_ACCENTS))
        parts.append(kept.group())
        position = kept.end()
    parts.append(text[position:].translate(_ACCENTS))
    return "".join(parts)


def _pseudo_part(text: str) -> str:
    if not text.strip():
        return text
    filter_match = _FILTER.match(text)
    label, pattern = filter_match.groups() if filter_match else (text, "")
    visible = len(_KEEP.sub("", label))
    padding = _PAD * max(1, math.ceil(visible * GROWTH) - 2)
    return f"{OPEN}{_accented(label)}{padding}{CLOSE}{pattern}"


def pseudo(text: str) -> str:
    """`text` in the pseudo-language (each ";;"-separated file filter on its own)."""
    return ";;".join(_pseudo_part(part) for part in text.split(";;"))
