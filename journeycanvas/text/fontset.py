"""A chain of fonts with per-character fallback, and text measurement through it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from journeycanvas.text.fonts import FontFile, bundled_bold, bundled_regular, find_fallback_fonts
from journeycanvas.text.wrap import WrappedText, wrap_units

ELLIPSIS = "…"
_WRAP_CACHE_LIMIT = 200_000
_TOKEN_CACHE_LIMIT = 200_000

# A loaded font: file, character map, widths (thousandths of an em), default width.
_Face = tuple[FontFile, dict[int, int], dict[int, float], float]


class _Chain:
    """One style (regular or bold) of a font set: which font draws a character, how wide.

    Widths are in thousandths of an em, so a string is ``sum(widths) * size / 1000`` points
    wide. Both tables fill themselves on first look-up of a character.
    """

    def __init__(self, primary: FontFile, fallbacks: Sequence[FontFile] | None) -> None:
        self.primary = primary
        self._fixed_fallbacks = fallbacks
        self._faces: list[_Face] = []
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
                width = sum(map(chain.widths.__getitem__, token))
                self[token] = width
                return width

        self.widths: dict[str, float] = Widths()
        self.owners: dict[str, str] = Owners()
        self.token_widths: dict[str, float] = TokenWidths()

    def _add_face(self, font: FontFile) -> None:
        face = font.load().face
        self._faces.append((font, face.charToGlyph, face.charWidths, face.defaultWidth))

    def fonts(self) -> tuple[FontFile, ...]:
        """Every font of the chain, primary first (loads the fallbacks)."""
        self._load_fallbacks()
        return tuple(font for font, *_ in self._faces)

    def _load_fallbacks(self) -> None:
        if not self._fallbacks_loaded:
            self._fallbacks_loaded = True
            fallbacks = self._fixed_fallbacks
            for font in find_fallback_fonts() if fallbacks is None else fallbacks:
                self._add_face(font)

    def _resolve(self, char: str) -> tuple[str, float]:
        code = ord(char)
        face = self._find(code)
        if face is None and not self._fallbacks_loaded:
            self._load_fallbacks()
            face = self._find(code)
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
        self._regular = _Chain(regular or bundled_regular(), fallbacks)
        self._bold = _Chain(bold or bundled_bold(), fallbacks)
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

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """`text` cut into (font name, substring) runs, one per change of font."""
        chain = self._chain(bold)
        if not text:
            return []
        if text.isascii():
            return [(chain.primary.name, text)]
        owners = chain.owners
        result: list[tuple[str, str]] = []
        start = 0
        current = owners[text[0]]
        for index in range(1, len(text)):
            owner = owners[text[index]]
            if owner != current:
                result.append((current, text[start:index]))
                start, current = index, owner
        result.append((current, text[start:]))
        return result

    def placed_runs(
        self, text: str, size_pt: float, bold: bool = False
    ) -> list[tuple[str, str, float]]:
        """(font name, substring, x offset in points from the line's start) for each run.

        Drawing each run at its offset makes every backend put every glyph run exactly
        where the layout measured it, whatever its own text shaping would do.
        """
        placed = []
        x = 0.0
        for name, part in self.runs(text, bold):
            placed.append((name, part, x))
            x += self.width(part, size_pt, bold)
        return placed

    def width(self, text: str, size_pt: float, bold: bool = False) -> float:
        """How wide `text` is in points at `size_pt`, each character in its own font."""
        return sum(map(self._chain(bold).widths.__getitem__, text)) * size_pt / 1000

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
