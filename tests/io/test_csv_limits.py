"""CSV safety: formula cells neutralised and restored, and files refused by the limits."""

from __future__ import annotations

import codecs
import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeycanvas.io.csv_cards import (
    CsvImportError,
    export_cards_csv,
    guard_formula,
    import_cards_csv,
    unguard_formula,
)
from journeycanvas.model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage, limits


def one_lane_map(texts: list[str], **card_fields: object) -> JourneyMap:
    return JourneyMap(
        id="m1",
        stages=[Stage(id="s1", name="Know")],
        lanes=[Lane(id="l1", kind=LaneKind.NOTES, title="Notes")],
        cards=[
            Card(id=f"c{i}", stage="s1", lane="l1", order=i, text=text, **card_fields)  # type: ignore[arg-type]
            for i, text in enumerate(texts)
        ],
    )


def exported(journey: JourneyMap) -> str:
    stream = io.StringIO(newline="")
    export_cards_csv(journey, stream, bom=False)
    return stream.getvalue()


def refusal(source: Path | io.BytesIO) -> str:
    with pytest.raises(CsvImportError) as caught:
        import_cards_csv(source)
    message = caught.value.one_line()
    assert "\n" not in message
    return message


# ---------------------------------------------------------------- formula cells


def test_cells_a_spreadsheet_would_run_are_written_with_a_quote() -> None:
    journey = one_lane_map(['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "plain"])
    lines = exported(journey).splitlines()
    texts = [line.split(",", 4)[4] for line in lines[1:]]
    assert [text.split(",")[0] for text in texts] == [
        '"\'=HYPERLINK(""http://x"")"',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "plain",
    ]


def test_numbers_are_not_quoted_even_when_negative() -> None:
    journey = JourneyMap(
        id="m1",
        stages=[Stage(id="s1", name="Know")],
        lanes=[Lane(id="l1", kind=LaneKind.EMOTIONS, title="Feelings")],
        cards=[Card(id="c1", stage="s1", lane="l1", kind=CardKind.EMOTION, text="sad", emotion=-3)],
    )
    assert ",-3," in exported(journey).splitlines()[1]


def test_import_takes_off_only_the_quote_export_added() -> None:
    assert unguard_formula("'=1+1") == "=1+1"
    assert unguard_formula("''=1") == "'=1"
    assert unguard_formula("'quoted") == "'quoted"
    assert unguard_formula("'") == "'"
    assert guard_formula("'=1") == "''=1"
    assert guard_formula("'quoted") == "'quoted"


formula_texts = st.text(alphabet="'=+-@\t\r ab;,\"\n", min_size=1, max_size=12).filter(
    lambda text: text.strip()
)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(formula_texts, min_size=1, max_size=4), delimiter=st.sampled_from(",;"))
def test_formula_guards_round_trip_losslessly(texts: list[str], delimiter: str) -> None:
    journey = one_lane_map(
        texts, notes=texts[0], tags=[t.strip() for t in texts if ";" not in t and t.strip()]
    )
    stream = io.StringIO(newline="")
    export_cards_csv(journey, stream, delimiter=delimiter)
    imported = import_cards_csv(io.BytesIO(stream.getvalue().encode("utf-8")))
    assert [(c.text, c.notes, c.tags) for c in imported.cards] == [
        (c.text, c.notes, c.tags) for c in journey.cards
    ]


# ---------------------------------------------------------------- what import refuses


def test_our_own_export_of_a_card_longer_than_the_csv_module_default_imports(
    tmp_path: Path,
) -> None:
    long_text = "Zażółć " * 40_000  # 280,000 characters, over csv's 131,072
    path = tmp_path / "long.csv"
    export_cards_csv(one_lane_map([long_text]), path)
    assert import_cards_csv(path).cards[0].text == long_text


def test_a_field_over_the_text_cap_is_refused_with_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1000)
    path = tmp_path / "long.csv"
    path.write_text("stage,lane,text\nKnow,Notes," + "x" * 1001 + "\n", encoding="utf-8")
    assert "line 2: a field is longer than 1,000 characters" in refusal(path)


def test_more_rows_than_the_cap_are_refused_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_CSV_ROWS", 10)
    path = tmp_path / "rows.csv"
    path.write_text("stage,lane,text\n" + "Know,Notes,x\n" * 10, encoding="utf-8")
    assert len(import_cards_csv(path).cards) == 10
    path.write_text("stage,lane,text\n" + "Know,Notes,x\n" * 11, encoding="utf-8")
    assert "more than 10 rows" in refusal(path)


def test_a_file_over_the_size_cap_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_CSV_BYTES", 2 * limits.MB)
    path = tmp_path / "big.csv"
    with path.open("wb") as stream:
        stream.truncate(3 * limits.MB)  # sparse: no time spent writing
    assert (
        refusal(path)
        == "the file is 3.0 MB; JourneyCanvas imports CSV files of up to 2 MB; nothing imported"
    )


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert "not a regular file" in refusal(fifo)  # and does not hang
    assert "not a regular file" in refusal(Path("/dev/zero"))
    assert "is a folder" in refusal(tmp_path)
    assert "no such file" in refusal(tmp_path / "missing.csv")


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-32-le", b""),
    ],
)
def test_utf16_and_utf32_with_or_without_a_mark_import(encoding: str, bom: bytes) -> None:
    text = "stage,lane,text\nKöpa,Notes,Zażółć gęślą jaźń 顾客\nKöpa,Notes,second\n"
    journey = import_cards_csv(io.BytesIO(bom + text.encode(encoding)))
    assert [card.text for card in journey.cards] == ["Zażółć gęślą jaźń 顾客", "second"]
    assert journey.stages[0].name == "Köpa"


def test_control_characters_in_cells_are_removed_and_never_echoed(tmp_path: Path) -> None:
    path = tmp_path / "esc.csv"
    path.write_text("stage,lane,text\nKnow,Notes,red\x1b[31m text\x07\n", encoding="utf-8")
    assert import_cards_csv(path).cards[0].text == "red[31m text"
    path.write_text("stage,lane,text,\x1b[2J\u202eevil\nKnow,Notes,x,\n", encoding="utf-8")
    message = refusal(path)
    assert "\\x1b[2J\\u202eevil: unknown column" in message
    assert "\x1b" not in message and "\u202e" not in message
