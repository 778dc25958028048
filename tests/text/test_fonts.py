"""Fonts and per-character fallback: each character goes to a font that has it."""

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from journeycanvas.text import FONTS_DIR, default_font_set, find_fallback_fonts, runs, width
from journeycanvas.text.fonts import EXTRA_FONTS_ENV


def _cjk_font_name() -> str:
    fallbacks = find_fallback_fonts()
    if not fallbacks:
        pytest.skip("no TrueType CJK font on this system")
    return fallbacks[-1].name


def test_the_package_ships_dejavu_with_its_licence() -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        assert (FONTS_DIR / name).is_file()


def test_polish_and_swedish_letters_are_drawn_by_dejavu() -> None:
    fonts = default_font_set()
    primary = fonts.font_files()[0].name
    for char in "żźćńółęąśŻÅÄÖåäöΩЖ":
        assert fonts.font_for(char) == primary


def test_a_chinese_character_falls_back_to_the_cjk_font() -> None:
    cjk = _cjk_font_name()
    fonts = default_font_set()
    assert fonts.font_for("中") == cjk
    assert fonts.font_for("中", bold=True) == cjk


def test_runs_split_mixed_text_by_font_and_lose_nothing() -> None:
    cjk = _cjk_font_name()
    text = "Zażółć 你好 Привет"
    result = runs(text)
    assert "".join(part for _, part in result) == text
    assert [name for name, _ in result] == ["JourneyCanvas-Sans", cjk, "JourneyCanvas-Sans"]
    assert runs("Bold 中", bold=True)[0] == ("JourneyCanvas-Sans-Bold", "Bold ")


def test_every_run_is_drawn_by_a_font_that_has_its_glyphs() -> None:
    fonts = default_font_set()
    files = {font.name: font for font in fonts.all_font_files()}
    for name, part in runs("Åsa köper 面包 och bröd, Пётр — Ελένη 。"):
        cmap = files[name].load().face.charToGlyph
        assert all(ord(char) in cmap for char in part), (name, part)


def test_width_agrees_with_reportlab_measuring_each_run() -> None:
    text = "Klient szuka opinii 顾客在网上 Покупатель"
    expected = sum(pdfmetrics.stringWidth(part, name, 9) for name, part in runs(text))
    assert width(text, 9) == pytest.approx(expected)
    bold = sum(pdfmetrics.stringWidth(part, name, 9) for name, part in runs(text, bold=True))
    assert width(text, 9, bold=True) == pytest.approx(bold)
    assert width(text, 9, bold=True) > width(text, 9)


def test_font_files_exist_for_the_canvas_to_load() -> None:
    for font in default_font_set().all_font_files():
        assert font.path.is_file()
        assert pdfmetrics.getFont(font.name) is font.load()


def test_placed_runs_start_where_the_previous_run_ends() -> None:
    _cjk_font_name()
    placed = default_font_set().placed_runs("Åsa 买 bröd", 10)
    assert [part for _, part, _ in placed] == ["Åsa ", "买", " bröd"]
    assert placed[0][2] == 0
    assert placed[1][2] == pytest.approx(width("Åsa ", 10))
    assert placed[2][2] == pytest.approx(width("Åsa 买", 10))


def test_fonts_reportlab_cannot_embed_are_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    cff = Path("/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf")
    if not cff.is_file():
        pytest.skip("no CFF font on this system to try")
    monkeypatch.setenv(EXTRA_FONTS_ENV, str(cff))
    find_fallback_fonts.cache_clear()
    try:
        assert all(font.path != cff for font in find_fallback_fonts())
    finally:
        find_fallback_fonts.cache_clear()
