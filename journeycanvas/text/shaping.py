"""Shaping with HarfBuzz: the glyphs and advances a font's own rules choose for a run.

Only text that needs it is shaped: right-to-left scripts (Arabic joins its letters,
Hebrew mirrors brackets) and complex scripts (Devanagari conjuncts and reordered vowels,
Thai marks). Latin, Cyrillic, Greek, CJK and digits are drawn character by character with
the font's own advances, as the layout measured them. Kerning stays off, as on the canvas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import uharfbuzz as hb  # type: ignore[import-untyped]

from journeycanvas.text.fonts import FontFile

# Right-to-left scripts and the bidi controls that make a line right to left.
_RTL_RANGES = (
    "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff"
    "\u200f\u202b\u202e\u2067"
)
# Scripts whose glyphs depend on their neighbours (Indic, Southeast Asian, Tibetan,
# Mongolian …), with the joiners and the bidi controls.
_COMPLEX_RANGES = (
    "\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1700-\u18af\u1900-\u1aff\u1b00-\u1c4f"
    "\ua800-\ua8ff\ua900-\uaaff\uabc0-\uabff\U00011000-\U00011fff"
    "\u200c-\u200f\u202a-\u202e\u2066-\u2069"
)
RTL = re.compile(f"[{_RTL_RANGES}]")
"""Matches a character of a right-to-left script."""
NEEDS_SHAPING = re.compile(f"[{_RTL_RANGES}{_COMPLEX_RANGES}]")
"""Matches a character that is drawn through the shaper (and, if RTL, reordered)."""

_FEATURES = {"kern": False}
_SHAPE_CACHE = 50_000


@dataclass(frozen=True, slots=True)
class Glyph:
    """One shaped glyph: its id in the font, its advance and offsets in thousandths of an
    em, and the characters it stands for ("" for the further glyphs of a cluster)."""

    gid: int
    advance: float
    x_offset: float
    y_offset: float
    text: str


def needs_shaping(text: str) -> bool:
    """Whether `text` holds characters drawn through the shaper."""
    return not text.isascii() and NEEDS_SHAPING.search(text) is not None


@cache
def _hb_font(font: FontFile) -> tuple[hb.Font, float]:
    face = hb.Face(hb.Blob.from_file_path(str(font.path)), font.subfont_index)
    return hb.Font(face), 1000 / face.upem


@lru_cache(maxsize=_SHAPE_CACHE)
def shape(font: FontFile, text: str, rtl: bool) -> tuple[Glyph, ...]:
    """`text` (in logical order) shaped with `font`, glyphs in visual order, left to right.

    Each cluster's characters go to the first glyph drawn for it, so that a PDF reader
    extracts every character once.
    """
    hb_font, scale = _hb_font(font)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    hb.shape(hb_font, buffer, _FEATURES)
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    seen: set[int] = set()
    glyphs = []
    for info, position in zip(infos, positions, strict=True):
        cluster = info.cluster
        cluster_text = "" if cluster in seen else text[cluster : ends[cluster]]
        seen.add(cluster)
        glyphs.append(
            Glyph(
                info.codepoint,
                position.x_advance * scale,
                position.x_offset * scale,
                position.y_offset * scale,
                cluster_text,
            )
        )
    return tuple(glyphs)


def shaped_width(font: FontFile, text: str, rtl: bool) -> float:
    """The advance of `text` shaped with `font`, in thousandths of an em."""
    return sum(glyph.advance for glyph in shape(font, text, rtl))
