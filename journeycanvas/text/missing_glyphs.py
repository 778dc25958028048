"""Warnings for characters no font on this computer can draw: which script, which
characters, and which font to install (Debian/Ubuntu package, Windows and macOS fonts).

A printout needs TrueType-outline fonts (ReportLab embeds no others), so the hints name
such fonts: WenQuanYi rather than Noto Sans CJK, Symbola rather than Noto Color Emoji.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from journeycanvas.i18n import _

_SHOWN = 8  # characters quoted per script


@dataclass(frozen=True, slots=True)
class FontHint:
    """Where to get a font for one script on each system."""

    debian: str
    windows: str
    macos: str


# (first, last, script) for the scripts whose names Unicode's character names do not give.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x1100, 0x11FF, "Korean"),
    (0x2600, 0x27BF, "Emoji and symbols"),
    (0x2E80, 0x2FFF, "Chinese"),
    (0x3040, 0x30FF, "Japanese"),
    (0x3130, 0x318F, "Korean"),
    (0x3400, 0x9FFF, "Chinese"),
    (0xAC00, 0xD7FF, "Korean"),
    (0xF900, 0xFAFF, "Chinese"),
    (0x1F000, 0x1FAFF, "Emoji and symbols"),
    (0x20000, 0x3FFFF, "Chinese"),
)

_HINTS: dict[str, FontHint] = {
    "Chinese": FontHint("fonts-wqy-microhei", "Microsoft YaHei or SimSun", "Arial Unicode MS"),
    "Japanese": FontHint("fonts-ipafont-gothic", "MS Gothic", "Arial Unicode MS"),
    "Korean": FontHint("fonts-nanum", "Malgun Gothic", "Arial Unicode MS"),
    "Emoji and symbols": FontHint("fonts-symbola", "Segoe UI Symbol", "Apple Symbols"),
    "Arabic": FontHint("fonts-noto-core", "Segoe UI or Arial", "Geeza Pro"),
    "Hebrew": FontHint("fonts-noto-core", "Segoe UI or Arial", "Arial Hebrew"),
    "Devanagari": FontHint("fonts-noto-core", "Nirmala UI", "Kohinoor Devanagari"),
    "Thai": FontHint("fonts-noto-core", "Leelawadee UI", "Thonburi"),
}

# Words in a character's Unicode name that end its script's name ("DEVANAGARI LETTER KA").
_NAME_ENDS = (
    "LETTER",
    "SIGN",
    "DIGIT",
    "VOWEL",
    "CHARACTER",
    "SYLLABLE",
    "MARK",
    "SYMBOL",
    "NUMBER",
    "PUNCTUATION",
    "LIGATURE",
    "CONSONANT",
    "INDEPENDENT",
    "DEPENDENT",
    "SMALL",
    "CAPITAL",
)


def script_of(char: str) -> str:
    """The name of the script (or kind of symbol) `char` belongs to, in English."""
    code = ord(char)
    for first, last, script in _RANGES:
        if first <= code <= last:
            return script
    words = unicodedata.name(char, "").split()
    for index, word in enumerate(words):
        if word in _NAME_ENDS and index:
            return " ".join(words[:index]).title()
    return "Other"


def hint_for(script: str) -> FontHint:
    """Where to get a TrueType font for `script`."""
    return _HINTS.get(
        script,
        FontHint(
            "fonts-noto-core or fonts-noto-extra",
            f"Noto Sans {script} (notofonts.github.io)",
            f"Noto Sans {script} (notofonts.github.io)",
        ),
    )


def missing_glyph_warnings(missing: str) -> tuple[str, ...]:
    """One warning per script for characters no font has (`missing`, distinct characters
    in order), e.g. "No font on this computer has Devanagari characters (क ख); they print
    as empty boxes. Install one: Debian/Ubuntu fonts-noto-core, Windows Nirmala UI, macOS
    Kohinoor Devanagari." Empty when nothing is missing."""
    by_script: dict[str, list[str]] = {}
    for char in missing:
        by_script.setdefault(script_of(char), []).append(char)
    warnings = []
    for script, chars in by_script.items():
        shown = " ".join(chars[:_SHOWN]) + (" …" if len(chars) > _SHOWN else "")
        hint = hint_for(script)
        message = _(
            "No font on this computer has {script} characters ({shown}); they print as "
            "empty boxes. Install one: Debian/Ubuntu {debian}, Windows {windows}, "
            "macOS {macos}."
        )
        warnings.append(
            message.format(
                script=script,
                shown=shown,
                debian=hint.debian,
                windows=hint.windows,
                macos=hint.macos,
            )
        )
    return tuple(warnings)
