"""Text measurement and line breaking with per-character font fallback. No Qt.

The module-level functions use the process-wide `default_font_set()`::

    from journeycanvas.text import wrap, width, runs
    wrap("Zażółć gęślą jaźń 你好世界", width_pt=80, size_pt=9, max_lines=3).lines
"""

from journeycanvas.text.direction import is_rtl
from journeycanvas.text.fonts import FONTS_DIR, FontFile, find_fallback_fonts
from journeycanvas.text.fontset import ELLIPSIS, FontSet, PlacedRun, default_font_set
from journeycanvas.text.glyph_font import GlyphFont
from journeycanvas.text.wrap import WrappedText, words


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """`text` cut into (ReportLab font name, substring) runs by per-character fallback."""
    return default_font_set().runs(text, bold)


def placed_runs(text: str, size_pt: float, bold: bool = False) -> list[tuple[str, str, float]]:
    """(font name, substring, x offset in points) for each fallback run of a line."""
    return default_font_set().placed_runs(text, size_pt, bold)


def width(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of `text` in points at `size_pt`, each character in its own font."""
    return default_font_set().width(text, size_pt, bold)


def wrap(
    text: str,
    width_pt: float,
    size_pt: float,
    max_lines: int | None = None,
    bold: bool = False,
) -> WrappedText:
    """`text` broken into lines no wider than `width_pt`, ellipsised past `max_lines`."""
    return default_font_set().wrap(text, width_pt, size_pt, max_lines, bold)


__all__ = [
    "ELLIPSIS",
    "FONTS_DIR",
    "FontFile",
    "FontSet",
    "GlyphFont",
    "PlacedRun",
    "WrappedText",
    "default_font_set",
    "find_fallback_fonts",
    "is_rtl",
    "placed_runs",
    "runs",
    "width",
    "words",
    "wrap",
]
