"""Line breaking by Unicode's rules (UAX #14, through ICU) where spaces are not enough."""

from __future__ import annotations

import pytest
from script_samples import SAMPLES, needs_fonts_for

from journeycanvas.text import default_font_set, wrap
from journeycanvas.text.wrap import tokens

SMALL_KANA = set(
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｯｬｭｮ"
)
CLOSING = set("、。，．）」』】〕〉》ー")
JAPANESE = (
    "ちょっと待ってください。ジャッキーさんは、「はい」と言った。"
    "お客様はショップでキャッシュレス決済を選びます。チェックアウトは簡単です。"
)
KOREAN = "고객은 온라인에서 빵집을 찾고 리뷰를 읽은 다음 매장을 방문합니다"


@pytest.mark.parametrize("width_pt", [30, 41, 55, 70, 96])
def test_japanese_lines_never_start_with_small_kana_or_closing_punctuation(
    width_pt: float,
) -> None:
    needs_fonts_for(JAPANESE)
    lines = wrap(JAPANESE, width_pt, 9).lines
    assert "".join(lines) == JAPANESE
    assert len(lines) > 2
    for line in lines[1:]:
        assert line[0] not in SMALL_KANA | CLOSING, lines


@pytest.mark.parametrize("width_pt", [50, 60, 90, 130])
def test_korean_breaks_between_words_only(width_pt: float) -> None:
    needs_fonts_for(KOREAN)
    lines = wrap(KOREAN, width_pt, 9).lines
    assert len(lines) > 1
    words = set(KOREAN.split())
    for line in lines:
        assert set(line.split()) <= words, lines


def test_thai_breaks_at_word_boundaries() -> None:
    text = SAMPLES["thai"]
    needs_fonts_for(text)
    pieces = tokens(text)
    assert pieces[:4] == ["ลูกค้า", "ค้น", "หา", "ร้าน"]
    lines = wrap(text, 60, 9).lines
    assert len(lines) > 2 and "".join(lines) == text
    boundaries = {sum(map(len, pieces[:index])) for index in range(len(pieces) + 1)}
    ends = {sum(map(len, lines[: index + 1])) for index in range(len(lines))}
    assert ends <= boundaries


def test_plain_text_still_breaks_only_at_spaces() -> None:
    assert tokens("Klient szuka opinii, well-known (test)") == [
        "Klient",
        " ",
        "szuka",
        " ",
        "opinii,",
        " ",
        "well-known",
        " ",
        "(test)",
    ]


def test_chinese_still_breaks_between_characters() -> None:
    text = "顾客在社交媒体上看到面包店的视频，然后访问网站。"
    needs_fonts_for(text)
    lines = default_font_set().wrap(text, 40, 9).lines
    assert len(lines) > 2 and "".join(lines) == text
    assert all(line[0] not in CLOSING for line in lines)
