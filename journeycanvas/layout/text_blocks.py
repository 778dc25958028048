"""Turning text into `TextBlock`s: wrapped through the font set, placed line by line."""

from __future__ import annotations

from journeycanvas.layout.boxes import TextBlock
from journeycanvas.layout.geometry import MM_PER_PT, Rect
from journeycanvas.text import FontSet


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
    """`text` wrapped to the width of `box`, lines from its top, left-aligned or centred.

    At most `max_lines` lines (the last one ellipsised); the height of `box` is ignored:
    the block's own `box` gets the height its lines take (one line's when empty).
    """
    wrapped = fonts.wrap(text, box.w / MM_PER_PT, size_pt, max_lines, bold)
    line_height = size_pt * line_spacing * MM_PER_PT
    first = box.y + first_baseline(fonts, size_pt, line_spacing)
    lines = wrapped.lines
    if centered:
        xs = tuple(
            box.x + (box.w - fonts.width(line, size_pt, bold) * MM_PER_PT) / 2 for line in lines
        )
    else:
        xs = (box.x,) * len(lines)
    baselines = tuple(first + i * line_height for i in range(len(lines)))
    fitted = Rect(box.x, box.y, box.w, max(1, len(lines)) * line_height)
    return TextBlock(lines, xs, baselines, size_pt, bold, line_height, fitted, wrapped.truncated)


def first_baseline(fonts: FontSet, size_pt: float, line_spacing: float) -> float:
    """How far below a line's top its baseline sits, in mm: the glyphs centred in the line."""
    glyphs = fonts.ascent + fonts.descent
    return (size_pt * ((line_spacing - glyphs) / 2 + fonts.ascent)) * MM_PER_PT


def block_height(block: TextBlock) -> float:
    """The height the block's lines take, in mm (one line's worth when it is empty)."""
    return block.box.h
