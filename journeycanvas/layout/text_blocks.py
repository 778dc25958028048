"""Turning text into `TextBlock`s: wrapped through the font set, placed line by line."""

from __future__ import annotations

from functools import lru_cache

from journeycanvas.layout.boxes import TextBlock
from journeycanvas.layout.geometry import MM_PER_PT, Rect
from journeycanvas.text import FontSet, is_rtl


def text_block(
    fonts: FontSet,
    text: str,
    box: Rect,
    size_pt: float,
    line_spacing: float,
    max_lines: int | None = None,
    bold: bool = False,
    centered: bool = False,
) -> TextBlock:
    """`text` wrapped to the width of `box`, lines from its top, centred or aligned to
    the side the text starts from (right for Arabic and Hebrew, left otherwise).

    At most `max_lines` lines (the last one ellipsised); the height of `box` is ignored:
    the block's own `box` gets the height its lines take (one line's when empty).
    """
    wrapped = fonts.wrap(text, box.w / MM_PER_PT, size_pt, max_lines, bold)
    lines = wrapped.lines
    line_height, fitted, baselines = _frame(
        box.x, box.y, box.w, len(lines), size_pt, line_spacing, fonts
    )
    rtl = is_rtl(text)
    if centered or rtl:
        share = 0.5 if centered else 1.0
        xs = tuple(
            box.x + (box.w - fonts.width(line, size_pt, bold) * MM_PER_PT) * share for line in lines
        )
    else:
        xs = _repeat(box.x, len(lines))
    return TextBlock(
        lines, xs, baselines, size_pt, bold, line_height, fitted, wrapped.truncated, rtl
    )


@lru_cache(maxsize=4096)
def _frame(
    x: float, y: float, w: float, count: int, size_pt: float, line_spacing: float, fonts: FontSet
) -> tuple[float, Rect, tuple[float, ...]]:
    """Line height, fitted box and baselines of `count` lines; shared between blocks."""
    line_height = size_pt * line_spacing * MM_PER_PT
    first = y + first_baseline(fonts, size_pt, line_spacing)
    baselines = tuple(first + i * line_height for i in range(count))
    return line_height, Rect(x, y, w, max(1, count) * line_height), baselines


@lru_cache(maxsize=256)
def _repeat(x: float, count: int) -> tuple[float, ...]:
    return (x,) * count


def first_baseline(fonts: FontSet, size_pt: float, line_spacing: float) -> float:
    """How far below a line's top its baseline sits, in mm: the glyphs centred in the line."""
    glyphs = fonts.ascent + fonts.descent
    return (size_pt * ((line_spacing - glyphs) / 2 + fonts.ascent)) * MM_PER_PT


def block_height(block: TextBlock) -> float:
    """The height the block's lines take, in mm (one line's worth when it is empty)."""
    return block.box.h
