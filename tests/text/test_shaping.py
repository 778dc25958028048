"""Shaping and visual order: the glyphs HarfBuzz chooses, runs ordered as UAX #9 says."""

from __future__ import annotations

import itertools

import pytest
import uharfbuzz as hb
from script_samples import SAMPLES, needs_fonts_for

from journeycanvas.layout.geometry import MM_PER_PT, Rect
from journeycanvas.layout.text_blocks import text_block
from journeycanvas.text import FontFile, default_font_set, is_rtl, width


def _harfbuzz(font: FontFile, text: str) -> list[int]:
    """Glyph ids of `text` as HarfBuzz itself shapes it with `font` (its own direction)."""
    blob = hb.Blob.from_file_path(str(font.path))
    hb_font = hb.Font(hb.Face(blob, font.subfont_index))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(hb_font, buffer, {})
    return [info.codepoint for info in buffer.glyph_infos]


def _files() -> dict[str, FontFile]:
    return {font.name: font for font in default_font_set().all_font_files()}


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_each_word_is_drawn_with_the_glyphs_harfbuzz_chooses(script: str) -> None:
    text = SAMPLES[script]
    needs_fonts_for(text)
    fonts = default_font_set()
    runs = fonts.visual_runs(text, 10)
    files = _files()
    shaped = [run for run in runs if run.glyphs is not None]
    assert shaped, "a complex or right-to-left script is drawn through the shaper"
    for run in shaped:
        assert run.glyphs is not None
        assert [glyph.gid for glyph in run.glyphs] == _harfbuzz(files[run.font], run.text)


def test_arabic_letters_join_into_other_glyphs_than_their_isolated_forms() -> None:
    word = "المخبز"
    needs_fonts_for(word)
    (run,) = default_font_set().visual_runs(word, 10)
    assert run.glyphs is not None and run.rtl
    isolated = default_font_set().font_files()[0].load().face.charToGlyph
    assert [glyph.gid for glyph in run.glyphs] != [isolated[ord(c)] for c in reversed(word)]


def test_hindi_reorders_the_i_matra_before_its_consonant() -> None:
    needs_fonts_for("कि")
    (run,) = default_font_set().visual_runs("कि", 10)
    assert run.glyphs is not None
    first, second = run.glyphs
    assert (first.text, second.text) == ("कि", "")  # extracts once, in logical order
    cmap = _files()[run.font].load().face.charToGlyph
    assert second.gid == cmap[ord("क")] and first.gid != cmap[ord("क")]


def test_a_right_to_left_line_runs_right_to_left_with_numbers_and_latin_left_to_right() -> None:
    line = "שלום, עולם 123 (טוב) CRM"
    needs_fonts_for(line)
    runs = default_font_set().visual_runs(line, 10)
    assert [run.text for run in runs] == [
        "CRM",
        " (טוב) ",
        "123",
        "שלום, עולם ",
    ]
    assert [run.rtl for run in runs] == [False, True, False, True]
    assert [run.glyphs is None for run in runs] == [True, False, True, False]
    for previous, run in itertools.pairwise(runs):
        assert run.x == pytest.approx(previous.x + previous.width)
    assert runs[-1].x + runs[-1].width == pytest.approx(width(line, 10))


def test_brackets_in_right_to_left_text_are_mirrored() -> None:
    needs_fonts_for("(טוב)")
    (run,) = default_font_set().visual_runs("(טוב)", 10)
    cmap = _files()[run.font].load().face.charToGlyph
    assert run.glyphs is not None
    assert run.glyphs[0].gid == cmap[ord("(")] and run.glyphs[-1].gid == cmap[ord(")")]
    assert run.glyphs[0].text == ")"  # the closing bracket of the logical text is drawn first


def test_direction_comes_from_the_first_strong_character() -> None:
    assert is_rtl("«مرحبا» Hello")
    assert is_rtl("123 שלום")
    assert not is_rtl("Hello مرحبا")
    assert not is_rtl("123 — ?")


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_right_to_left_blocks_are_right_aligned_and_others_left(script: str) -> None:
    text = SAMPLES[script]
    needs_fonts_for(text)
    fonts = default_font_set()
    box = Rect(10, 20, 40, 30)
    block = text_block(fonts, text, box, 9, 1.3)
    assert len(block.lines) > 1
    assert block.rtl == (script in ("arabic", "hebrew"))
    for line, x in zip(block.lines, block.xs, strict=True):
        right = x + fonts.width(line, 9) * MM_PER_PT
        if block.rtl:
            assert right == pytest.approx(box.x + box.w)
        else:
            assert x == box.x
        assert right <= box.x + box.w + 1e-6


def test_unassigned_code_points_and_lone_surrogates_in_right_to_left_text_are_drawn() -> None:
    line = "\u0600\ud80e\udc00 \U000e0fff \u05d0"
    runs = default_font_set().visual_runs(line, 10)
    assert sorted("".join(run.text for run in runs)) == sorted(line)
