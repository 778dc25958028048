"""Maps in Arabic, Hebrew, Hindi and Thai print shaped, in visual order, and extract as
their logical text; characters no font has are named in a warning, and the map exports."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import uharfbuzz as hb
from pdf_helpers import page_texts, squash
from pypdf import PdfReader
from text.script_samples import SAMPLES, needs_fonts_for

from journeycanvas.cli import main
from journeycanvas.io.export import export_map
from journeycanvas.io.jsonfile import save_map
from journeycanvas.model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage
from journeycanvas.text import FontFile, GlyphFont, default_font_set

TITLES = {
    "arabic": "رحلة العميل",
    "hebrew": "מסע הלקוח",
    "hindi": "ग्राहक यात्रा",
    "thai": "เส้นทางลูกค้า",
}


def _map(title: str, *texts: str) -> JourneyMap:
    cards = [
        Card(id=f"c{i}", stage="s1", lane="l1", order=i, kind=CardKind.TOUCHPOINT, text=text)
        for i, text in enumerate(texts)
    ]
    return JourneyMap(
        id="m",
        title=title,
        stages=[Stage(id="s1", name=title, color="#4f81bd")],
        lanes=[Lane(id="l1", kind=LaneKind.TOUCHPOINTS, title=title)],
        cards=cards,
    )


def _harfbuzz(font: FontFile, text: str, rtl: bool) -> list[int]:
    face = hb.Face(hb.Blob.from_file_path(str(font.path)), font.subfont_index)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    hb.shape(hb.Font(face), buffer, {})
    return [info.codepoint for info in buffer.glyph_infos]


def _contains(sequence: list[int], part: list[int]) -> bool:
    return any(sequence[i : i + len(part)] == part for i in range(len(sequence) - len(part) + 1))


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_a_map_prints_the_glyphs_harfbuzz_chooses_and_extracts_as_its_text(
    script: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, title = SAMPLES[script], TITLES[script]
    needs_fonts_for(text + title)
    drawn: dict[str, list[int]] = {}
    original = GlyphFont.glyph_text

    def spy(font: GlyphFont, glyph: int, glyph_text: str, width: float) -> str:
        drawn.setdefault(font.fontName, []).append(glyph)
        return original(font, glyph, glyph_text, width)

    monkeypatch.setattr(GlyphFont, "glyph_text", spy)
    out = tmp_path / f"{script}.pdf"
    export_map(_map(title, text), out)

    fonts = default_font_set()
    rtl = script in ("arabic", "hebrew")
    for word in text.split():
        font = fonts.font_for(word[0])
        glyphs = _harfbuzz(_file(font), word, rtl)
        assert _contains(drawn[font], glyphs), word
    extracted = unicodedata.normalize("NFKC", "".join(page_texts(out)))
    assert squash(text) in squash(extracted)
    assert squash(title) in squash(extracted)


def _file(name: str) -> FontFile:
    return next(font for font in default_font_set().all_font_files() if font.name == name)


def test_bold_chinese_headings_are_emboldened_when_no_bold_face_exists(tmp_path: Path) -> None:
    fonts = default_font_set()
    needs_fonts_for("顾客旅程")
    cjk = fonts.runs("顾客旅程", bold=True)[0][0]
    if not fonts.is_synthetic_bold(cjk):
        pytest.skip("this system has a bold CJK TrueType face")
    out = tmp_path / "zh.pdf"
    export_map(_map("顾客旅程", "看到面包店的视频"), out)
    content = PdfReader(out).pages[0].get_contents()
    assert content is not None
    ops = content.get_data().decode("latin-1")
    assert " 2 Tr" in ops and "0 Tr" in ops


def test_characters_no_font_has_are_named_and_the_map_still_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unicorn = "\U0001f984"
    if not default_font_set().missing(unicorn):
        pytest.skip("this system has a font with emoji")
    source = tmp_path / "m.journey"
    save_map(_map("Emoji", f"Unicorn {unicorn} bread"), source, backup=False)
    out = tmp_path / "m.pdf"
    assert main(["export", str(source), "-o", str(out)]) == 0
    assert out.is_file()
    assert "Unicorn" in page_texts(out)[0] and "bread" in page_texts(out)[0]
    err = capsys.readouterr().err
    (warning,) = [line for line in err.splitlines() if line.startswith("warning:")]
    assert unicorn in warning and "Emoji" in warning
    assert "fonts-symbola" in warning and "Windows" in warning and "macOS" in warning
