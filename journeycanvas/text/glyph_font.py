"""A ReportLab TrueType font that can also embed shaped glyphs, with text that extracts.

ReportLab's dynamic TrueType fonts encode *characters*: each character gets a byte in a
256-slot subset and the subset's ToUnicode map names the character back. A shaper's
output is *glyphs* (Arabic joining forms, Devanagari conjuncts) and several of them may
stand for one cluster of characters. `GlyphFont.glyph_text` gives each (glyph, text) pair a
code point of its own in Supplementary Private Use Area-B, which the subsets then encode
like any character; the ToUnicode map names the pair's text instead of the code point, so
a PDF reader extracts the characters the glyphs were shaped from.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

# Code points standing for shaped glyphs: Supplementary Private Use Area-B.
GLYPH_CODES_START = 0x100000
GLYPH_CODES_END = 0x10FFFD


class GlyphFont(TTFont):
    """A `TTFont` whose subsets may hold shaped glyphs as well as characters."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0) -> None:
        super().__init__(name, filename, subfontIndex=subfontIndex)
        self._codes: dict[tuple[int, str], int] = {}
        self._texts: dict[int, str] = {}

    def glyph_text(self, glyph: int, text: str, width: float) -> str:
        """The one-character string that draws `glyph` (advance `width`, in thousandths
        of an em) through `splitString`, and extracts as `text` ("" for none)."""
        key = (glyph, text)
        code = self._codes.get(key)
        if code is None:
            code = GLYPH_CODES_START + len(self._codes)
            if code > GLYPH_CODES_END:
                code = GLYPH_CODES_START  # more distinct glyphs than codes: reuse the first
            else:
                self._codes[key] = code
                self._texts[code] = text
                self.face.charToGlyph[code] = glyph
                self.face.charWidths[code] = width
        return chr(code)

    def addObjects(self, doc: Any) -> None:
        """Add the subsets to `doc` as ReportLab does, then rewrite their ToUnicode maps
        so that shaped glyphs (and characters beyond the BMP) extract as their text."""
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for index, subset in enumerate(subsets):
            pdf_font = fonts.get(f"{doc.fontMapping[self.fontName][1:]}+{index}")
            if pdf_font is None:
                continue
            stream = doc.idToObject[pdf_font.ToUnicode.name]
            stream.content = to_unicode_cmap(pdf_font.BaseFont, subset, self._texts)


def to_unicode_cmap(font_name: str, subset: list[int], texts: dict[int, str]) -> str:
    """A ToUnicode CMap naming, for each byte of a subset, the text it stands for."""
    entries = []
    for byte, code in enumerate(subset):
        text = texts.get(code, chr(code))
        entries.append(f"<{byte:02X}> <{text.encode('utf-16-be', 'surrogatepass').hex().upper()}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({font_name}) /Ordering ({font_name})",
            "/Supplement 0 >> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{max(len(subset) - 1, 0):02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )
