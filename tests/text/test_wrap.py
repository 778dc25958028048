"""Line breaking: every line fits, nothing is lost unless an ellipsis says so."""

import re

from hypothesis import given
from hypothesis import strategies as st
from strategies import texts

from journeycanvas.text import ELLIPSIS, width, wrap

SIZE = 9.0
# Where a line may break and the break swallows the character; also newlines.
_SPACES = re.compile("[ \t\u2000-\u200b\r\n]")


def _fits(lines: tuple[str, ...], width_pt: float, bold: bool = False) -> bool:
    return all(width(line, SIZE, bold) <= width_pt + 1e-9 for line in lines)


def test_short_text_stays_on_one_line() -> None:
    assert wrap("Buy bread", 200, SIZE).lines == ("Buy bread",)


def test_swedish_and_polish_break_at_spaces_keeping_words_whole() -> None:
    text = "Zażółć gęślą jaźń, formularz zamówienia jest zbyt długi. Åsa köper surdegsbröd."
    result = wrap(text, 90, SIZE)
    assert len(result.lines) > 1
    assert " ".join(result.lines) == text
    assert _fits(result.lines, 90)
    assert not result.truncated


def test_chinese_breaks_between_ideographs() -> None:
    text = "顾客在社交媒体上看到面包店的视频然后访问网站查看营业时间"
    result = wrap(text, 60, SIZE)
    assert len(result.lines) >= 4
    assert "".join(result.lines) == text
    assert _fits(result.lines, 60)


def test_chinese_punctuation_never_starts_a_line() -> None:
    text = "在线配置器的数据从未到达经销商，客户需要重新输入所有信息。" * 3
    for width_pt in range(30, 120, 7):
        result = wrap(text, width_pt, SIZE)
        assert "".join(result.lines) == text
        assert not any(line[0] in "，。" for line in result.lines)


def test_mixed_latin_and_chinese_break_between_scripts() -> None:
    result = wrap("使用Instagram广告推广面包店", 50, SIZE)
    assert "".join(result.lines) == "使用Instagram广告推广面包店"
    assert "Instagram" in "".join(line for line in result.lines if "Instagram" in line)
    assert _fits(result.lines, 50)


def test_a_word_longer_than_the_line_breaks_between_characters() -> None:
    word = "Donaudampfschifffahrtsgesellschaftskapitänsmütze"
    result = wrap(f"Der {word} ist da", 60, SIZE)
    assert _fits(result.lines, 60)
    assert "".join(result.lines[1:-1]).startswith(word[:5])
    assert "".join(result.lines).replace(" ", "") == f"Der{word}istda"


def test_explicit_newlines_are_kept() -> None:
    assert wrap("first\nsecond\n\nfourth", 200, SIZE).lines == ("first", "second", "", "fourth")
    assert wrap("a\r\nb", 200, SIZE).lines == ("a", "b")


def test_text_cut_by_max_lines_ends_with_an_ellipsis_that_fits() -> None:
    text = "Compares prices with the supermarket bakery on the way home every single day"
    result = wrap(text, 70, SIZE, max_lines=2)
    assert result.truncated
    assert len(result.lines) == 2
    assert result.lines[-1].endswith(ELLIPSIS)
    assert _fits(result.lines, 70)
    assert wrap(text, 70, SIZE, max_lines=20).truncated is False


def test_chinese_ellipsis_fits_too() -> None:
    result = wrap("顾客在社交媒体上看到面包店的视频然后访问网站查看营业时间", 40, SIZE, max_lines=2)
    assert result.lines[-1].endswith(ELLIPSIS)
    assert _fits(result.lines, 40)


def test_a_width_too_narrow_for_any_character_gives_no_lines() -> None:
    result = wrap("面包", 3, SIZE)
    assert result.truncated
    assert result.lines == () or _fits(result.lines, 3)


def test_bold_text_is_measured_bold() -> None:
    text = "Evaluation of alternatives"
    plain = wrap(text, width(text, SIZE) + 0.1, SIZE)
    bold = wrap(text, width(text, SIZE) + 0.1, SIZE, bold=True)
    assert plain.lines == (text,)
    assert len(bold.lines) == 2
    assert _fits(bold.lines, width(text, SIZE) + 0.1, bold=True)


def test_spaces_before_a_closing_mark_never_hide_it() -> None:
    # Unicode keeps a paragraph's leading spaces with the closing "，" after them: that
    # segment was once taken for spaces and dropped, the text reported complete.
    assert wrap(" ，", 4.0, SIZE) == wrap("，", 4.0, SIZE)
    assert wrap(" ，", 40.0, SIZE).lines == ("，",)
    assert wrap("  面包，", 400.0, SIZE).lines == ("面包，",)


@given(
    text=texts,
    width_pt=st.floats(4, 400),
    max_lines=st.none() | st.integers(1, 6),
    bold=st.booleans(),
)
def test_no_line_is_ever_wider_than_allowed(
    text: str, width_pt: float, max_lines: int | None, bold: bool
) -> None:
    result = wrap(text, width_pt, SIZE, max_lines, bold)
    assert _fits(result.lines, width_pt, bold)
    if max_lines is not None:
        assert len(result.lines) <= max_lines
    if not result.truncated:
        assert _SPACES.sub("", "".join(result.lines)) == _SPACES.sub("", text)
