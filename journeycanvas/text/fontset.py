"""A chain of fonts with per-character fallback, and text measurement through it."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from journeycanvas.text.direction import is_rtl, levels, visual_order
from journeycanvas.text.fonts import (
    FontFile,
    bundled_bold,
    bundled_regular,
    find_fallback_fonts,
    system_fallback,
)
from journeycanvas.text.shaping import RTL, Glyph, needs_shaping, shape, shaped_width
from journeycanvas.text.wrap import WrappedText, wrap_units

ELLIPSIS = "…"
_WRAP_CACHE_LIMIT = 200_000
_TOKEN_CACHE_LIMIT = 200_000

# A loaded font: file, character map, widths (thousandths of an em), default width.
_Face = tuple[FontFile, dict[int, int], dict[int, float], float]


@dataclass(frozen=True, slots=True)
class PlacedRun:
    """A piece of a line in one font and one direction, placed for drawing: `x` points from
    the line's left end, `width` points wide. `glyphs` are its shaped glyphs (visual
    order), or None when its characters are drawn one by one; `rtl` when it reads right
    to left (`text` stays in logical order)."""

    font: str
    text: str
    x: float
    width: float
    rtl: bool
    glyphs: tuple[Glyph, ...] | None


class _Chain:
    """One style (regular or bold) of a font set: which font draws a character, how wide.

    Widths are in thousandths of an em, so a string is ``sum(widths) * size / 1000`` points
    wide. Both tables fill themselves on first look-up of a character. A character none of
    the chain's fonts has brings in the system's best font for it (unless the chain's
    fallbacks were given); characters no font has are kept in `missing`.
    """

    def __init__(self, primary: FontFile, fallbacks: Sequence[FontFile] | None, bold: bool) -> None:
        self.primary = primary
        self.bold = bold
        self.missing: set[str] = set()
        self._fixed_fallbacks = fallbacks
        self._faces: list[_Face] = []
        self.files: dict[str, FontFile] = {}
        self._add_face(primary)
        self._fallbacks_loaded = False
        chain = self

        class Widths(dict[str, float]):
            def __missing__(self, char: str) -> float:
                return chain._resolve(char)[1]

        class Owners(dict[str, str]):
            def __missing__(self, char: str) -> str:
                return chain._resolve(char)[0]

        class TokenWidths(dict[str, float]):
            def __missing__(self, token: str) -> float:
                if len(self) >= _TOKEN_CACHE_LIMIT:
                    self.clear()
                if needs_shaping(token):
                    width = chain.shaped_width(token)
                else:
                    width = sum(map(chain.widths.__getitem__, token))
                self[token] = width
                return width

        self.widths: dict[str, float] = Widths()
        self.owners: dict[str, str] = Owners()
        self.token_widths: dict[str, float] = TokenWidths()

    def _add_face(self, font: FontFile) -> None:
        face = font.load().face
        self.files.setdefault(font.name, font)
        self._faces.append((font, face.charToGlyph, face.charWidths, face.defaultWidth))

    def fonts(self) -> tuple[FontFile, ...]:
        """Every font of the chain, primary first (loads the fallbacks)."""
        self._load_fallbacks()
        return tuple(font for font, *_ in self._faces)

    def _load_fallbacks(self) -> None:
        if not self._fallbacks_loaded:
            self._fallbacks_loaded = True
            fallbacks = self._fixed_fallbacks
            for font in find_fallback_fonts(self.bold) if fallbacks is None else fallbacks:
                self._add_face(font)

    def _resolve(self, char: str) -> tuple[str, float]:
        code = ord(char)
        face = self._find(code)
        if face is None and not self._fallbacks_loaded:
            self._load_fallbacks()
            face = self._find(code)
        if face is None and self._fixed_fallbacks is None:
            face = self._from_system(code)
        if face is None and not _ignorable(char):
            self.missing.add(char)
        font, _, widths, default = face if face is not None else self._faces[0]
        width = widths.get(code, default)
        self.widths[char] = width
        self.owners[char] = font.name
        return font.name, width

    def _find(self, code: int) -> _Face | None:
        if code < 32:
            return self._faces[0]
        for face in self._faces:
            if code in face[1]:
                return face
        return None

    def _from_system(self, code: int) -> _Face | None:
        font = system_fallback(code, self.bold)
        if font is None:
            return None
        if font.name not in self.files:
            self._add_face(font)
        return self._find(code)

    def has(self, name: str, char: str) -> bool:
        """Whether the chain's font `name` has a glyph for `char`."""
        return any(font.name == name and ord(char) in cmap for font, cmap, *_ in self._faces)

    def runs(self, text: str) -> list[tuple[str, str]]:
        """`text` cut into (font name, substring) runs, one per change of font; a mark or
        a joiner stays with the character before it when that font has it."""
        if not text:
            return []
        if text.isascii():
            return [(self.primary.name, text)]
        owners = self.owners
        result: list[tuple[str, str]] = []
        start = 0
        current = owners[text[0]]
        for index in range(1, len(text)):
            char = text[index]
            owner = owners[char]
            if owner != current and not self._stays(char, current):
                result.append((current, text[start:index]))
                start, current = index, owner
        result.append((current, text[start:]))
        return result

    def _stays(self, char: str, font: str) -> bool:
        category = unicodedata.category(char)
        return category == "Cf" or (category[0] == "M" and self.has(font, char))

    def shaped_width(self, text: str) -> float:
        """The width of `text` in thousandths of an em, runs that need it shaped."""
        total = 0.0
        for name, part in self.runs(text):
            if needs_shaping(part):
                total += shaped_width(self.files[name], part, RTL.search(part) is not None)
            else:
                total += sum(map(self.widths.__getitem__, part))
        return total


def _ignorable(char: str) -> bool:
    """Characters drawn as nothing (joiners, marks of direction, variation selectors)."""
    return unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or (
        "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"
    )


class FontSet:
    """The fonts JourneyCanvas draws text with, primary first, with per-character fallback.

    A character is drawn with the first font of the chain whose character map has it;
    characters no font has fall to the primary font (which draws its missing-glyph box).
    Canvas and PDF both measure, wrap and draw through this, so they agree.
    """

    def __init__(
        self,
        regular: FontFile | None = None,
        bold: FontFile | None = None,
        fallbacks: Sequence[FontFile] | None = None,
    ) -> None:
        self._regular = _Chain(regular or bundled_regular(), fallbacks, bold=False)
        self._bold = _Chain(bold or bundled_bold(), fallbacks, bold=True)
        self._wrap_cache: dict[tuple[str, float, float, int | None, bool], WrappedText] = {}
        ascent, descent = self._ascent_descent()
        self.ascent: float = ascent
        """Ascent of the primary font, as a fraction of the font size."""
        self.descent: float = descent
        """Descent of the primary font below the baseline, as a positive fraction of the size."""

    def _ascent_descent(self) -> tuple[float, float]:
        face = self._regular.primary.load().face
        return face.ascent / 1000, -face.descent / 1000

    def _chain(self, bold: bool) -> _Chain:
        return self._bold if bold else self._regular

    def font_files(self, bold: bool = False) -> tuple[FontFile, ...]:
        """The fonts of the regular (or bold) chain, primary first, with their file paths."""
        return self._chain(bold).fonts()

    def all_font_files(self) -> tuple[FontFile, ...]:
        """Every distinct font file either chain uses (for QFontDatabase and PDF set-up)."""
        seen: dict[str, FontFile] = {}
        for font in (*self.font_files(False), *self.font_files(True)):
            seen.setdefault(font.name, font)
        return tuple(seen.values())

    def font_for(self, char: str, bold: bool = False) -> str:
        """The registered ReportLab name of the font that draws `char`."""
        return self._chain(bold).owners[char]

    def is_synthetic_bold(self, name: str) -> bool:
        """Whether bold text in font `name` needs emboldening: the system has no bold face
        for its script (CJK fonts, mostly), so the regular one is drawn thicker."""
        self._bold.fonts()
        font = self._bold.files.get(name)
        return font is not None and not font.bold

    def missing(self, text: str) -> str:
        """The distinct characters of `text` that no font on this system can draw, in order
        of appearance (joiners and other invisible characters are never missing)."""
        if text.isascii():
            return ""
        chain = self._regular
        owners = chain.owners  # looking a character up finds its font or marks it missing
        found = dict.fromkeys(char for char in text if owners[char] and char in chain.missing)
        return "".join(found)

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """`text` cut into (font name, substring) runs, one per change of font."""
        return self._chain(bold).runs(text)

    def placed_runs(
        self, text: str, size_pt: float, bold: bool = False
    ) -> list[tuple[str, str, float]]:
        """(font name, substring, x offset in points from the line's start) for each run,
        in visual order (see `visual_runs`)."""
        return [(run.font, run.text, run.x) for run in self.visual_runs(text, size_pt, bold)]

    def visual_runs(
        self, line: str, size_pt: float, bold: bool = False, rtl: bool | None = None
    ) -> list[PlacedRun]:
        """One line cut into runs of one font and one direction, in visual order from the
        left, each placed where the layout measured it.

        `rtl` is the direction of the paragraph the line belongs to (None: the line's own,
        from its first strong character). Right-to-left runs and complex scripts come with
        their shaped glyphs; drawing each run at its offset makes every backend put every
        glyph run exactly where the layout measured it.
        """
        chain = self._chain(bold)
        scale = size_pt / 1000
        if rtl is None:
            rtl = is_rtl(line)
        if not rtl and not needs_shaping(line):
            placed = []
            x = 0.0
            for name, part in chain.runs(line):
                width = sum(map(chain.widths.__getitem__, part)) * scale
                placed.append(PlacedRun(name, part, x, width, False, None))
                x += width
            return placed
        resolved = levels(line, rtl) if rtl or RTL.search(line) else [0] * len(line)
        pieces: list[tuple[int, int, int, str]] = []
        position = 0
        for name, part in chain.runs(line):
            start = position
            for index in range(position + 1, position + len(part)):
                if resolved[index] != resolved[index - 1]:
                    pieces.append((start, index, resolved[start], name))
                    start = index
            position += len(part)
            pieces.append((start, position, resolved[start], name))
        placed = []
        x = 0.0
        for start, end, level, name in visual_order(pieces):
            part = line[start:end]
            odd = level % 2 == 1
            glyphs = shape(chain.files[name], part, odd) if odd or needs_shaping(part) else None
            if glyphs is None:
                width = sum(map(chain.widths.__getitem__, part)) * scale
            else:
                width = sum(glyph.advance for glyph in glyphs) * scale
            placed.append(PlacedRun(name, part, x, width, odd, glyphs))
            x += width
        return placed

    def width(self, text: str, size_pt: float, bold: bool = False) -> float:
        """How wide `text` is in points at `size_pt`, each character in its own font (and
        shaped, where its script needs it)."""
        chain = self._chain(bold)
        if text.isascii() or not needs_shaping(text):
            return sum(map(chain.widths.__getitem__, text)) * size_pt / 1000
        return chain.shaped_width(text) * size_pt / 1000

    def wrap(
        self,
        text: str,
        width_pt: float,
        size_pt: float,
        max_lines: int | None = None,
        bold: bool = False,
    ) -> WrappedText:
        """`text` broken into lines no wider than `width_pt` (see `wrap_units`); cached."""
        key = (text, width_pt, size_pt, max_lines, bold)
        cached = self._wrap_cache.get(key)
        if cached is None:
            if len(self._wrap_cache) >= _WRAP_CACHE_LIMIT:
                self._wrap_cache.clear()
            chain = self._chain(bold)
            cached = wrap_units(
                text,
                width_pt * 1000 / size_pt,
                chain.widths,
                chain.token_widths,
                max_lines,
                ELLIPSIS,
            )
            self._wrap_cache[key] = cached
        return cached


@cache
def default_font_set() -> FontSet:
    """The process-wide font set: bundled DejaVu Sans, then the system's CJK font."""
    return FontSet()
