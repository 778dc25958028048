"""CSV export and import of cards: round trips, spreadsheet files, and rejected files."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeycanvas.io.csv_cards import (
    COLUMNS,
    CsvImportError,
    CsvProblem,
    export_cards_csv,
    import_cards_csv,
)
from journeycanvas.io.templates import load_template, template_names
from journeycanvas.model import (
    Card,
    CardKind,
    JourneyMap,
    Lane,
    LaneKind,
    Metric,
    Persona,
    Stage,
    find_problems,
)
from journeycanvas.model.limits import clean_text

FIXTURES = Path(__file__).parent / "fixtures" / "csv"

TRICKY_TEXTS = [
    "Kön är för lång på lördagar, säger Åsa",
    "Zażółć gęślą jaźń; klient czeka",
    "顾客在收银台排队太久",
    "Pelanggan menunggu terlalu lama di kasir",
    'She said "too expensive", then left',
    "Line one\nline two; three, four",
    "Windows line\r\nend",
    "  leading and trailing spaces  ",
    "=SUM(A1:A2) stays text",
]


def sample_map() -> JourneyMap:
    """A map with every CSV column in use, unicode everywhere and awkward punctuation."""
    stages = [
        Stage(id="s1", name="Känna"),
        Stage(id="s2", name="Zakup"),
        Stage(id="s3", name="购买, 再来"),
    ]
    lanes = [
        Lane(id="l1", kind=LaneKind.TOUCHPOINTS, title="Touchpoints"),
        Lane(id="l2", kind=LaneKind.PAIN_POINTS, title="Punkty bólu"),
        Lane(id="l3", kind=LaneKind.EMOTIONS, title="Emosi"),
        Lane(id="l4", kind=LaneKind.NOTES, title="Notes; misc"),
    ]
    personas = [
        Persona(id="p1", name="Åsa"),
        Persona(id="p2", name="Bartłomiej"),
        Persona(id="p3", name="小王"),
    ]
    cards = [
        Card(
            id="c1",
            stage="s1",
            lane="l1",
            kind=CardKind.TOUCHPOINT,
            text=TRICKY_TEXTS[0],
            notes="Anteckning, med komma",
            tags=["social", "video"],
            personas=["p1", "p3"],
            votes=3,
            metric=Metric(name="räckvidd", value=1200.5, target=5000, unit="visningar"),
        ),
        Card(
            id="c2",
            stage="s2",
            lane="l2",
            kind=CardKind.PAIN_POINT,
            text=TRICKY_TEXTS[1],
            personas=["p2"],
            votes=8,
        ),
        Card(id="c3", stage="s3", lane="l2", kind=CardKind.PAIN_POINT, text=TRICKY_TEXTS[2]),
        Card(
            id="c4", stage="s3", lane="l3", kind=CardKind.EMOTION, text=TRICKY_TEXTS[3], emotion=-3
        ),
        Card(id="c5", stage="s1", lane="l4", text=TRICKY_TEXTS[4], notes="multi\nline notes"),
        Card(id="c6", stage="s1", lane="l4", order=1, text=TRICKY_TEXTS[5], tags=["a b"]),
        Card(id="c7", stage="s2", lane="l4", kind=CardKind.MILESTONE, text=TRICKY_TEXTS[6]),
        Card(
            id="c8",
            stage="s2",
            lane="l1",
            kind=CardKind.METRIC,
            text=TRICKY_TEXTS[7],
            metric=Metric(name="NPS", value=-12.25, target=None, unit=""),
        ),
        Card(id="c9", stage="s2", lane="l1", order=1, kind=CardKind.THOUGHT, text=TRICKY_TEXTS[8]),
        Card(id="c10", stage="s1", lane="l3", kind=CardKind.EMOTION, text="Glad", emotion=2),
    ]
    return JourneyMap(
        id="m1", title="Round trip", stages=stages, lanes=lanes, personas=personas, cards=cards
    )


def card_facts(journey: JourneyMap) -> list[dict[str, Any]]:
    """Every card as the CSV carries it, by names, in stage, lane-title and cell order.

    Lanes are ordered by title because an import creates them in first-seen order.
    """
    stages = {s.id: (i, s.name) for i, s in enumerate(journey.stages)}
    lanes = {lane.id: (lane.title, lane.kind) for lane in journey.lanes}
    personas = {p.id: p.name for p in journey.personas}
    ordered = sorted(journey.cards, key=lambda c: (stages[c.stage][0], lanes[c.lane][0], c.order))
    return [
        {
            "stage": stages[c.stage][1],
            "lane": lanes[c.lane][0],
            "lane_kind": lanes[c.lane][1],
            "kind": c.kind,
            "text": c.text,
            "notes": c.notes,
            "tags": c.tags,
            "personas": [personas[p] for p in c.personas],
            "votes": c.votes,
            "emotion": c.emotion,
            "metric": c.metric.model_dump() if c.metric else None,
        }
        for c in ordered
    ]


def write(tmp_path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    path = tmp_path / "cards.csv"
    path.write_bytes(text.encode(encoding))
    return path


def problems_of(path: Path) -> list[CsvProblem]:
    with pytest.raises(CsvImportError) as caught:
        import_cards_csv(path)
    return caught.value.problems


# ---------------------------------------------------------------- round trip


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_round_trip_keeps_every_card(tmp_path: Path, bom: bool, delimiter: str) -> None:
    original = sample_map()
    path = tmp_path / "cards.csv"
    export_cards_csv(original, path, bom=bom, delimiter=delimiter)

    imported = import_cards_csv(path, title="Back again")

    assert card_facts(imported) == card_facts(original)
    assert [s.name for s in imported.stages] == [s.name for s in original.stages]
    assert [p.name for p in imported.personas] == ["Åsa", "小王", "Bartłomiej"]
    assert imported.title == "Back again"
    assert find_problems(imported) == []


@pytest.mark.parametrize("name", template_names())
def test_every_template_survives_a_round_trip(tmp_path: Path, name: str) -> None:
    original = load_template(name)
    path = tmp_path / f"{name}.csv"
    export_cards_csv(original, path)

    assert card_facts(import_cards_csv(path)) == card_facts(original)


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(
        st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(
            lambda text: clean_text(text).strip()
        ),
        min_size=1,
        max_size=5,
    ),
    notes=st.text(st.characters(blacklist_categories=("Cs",))),
    delimiter=st.sampled_from([",", ";"]),
)
def test_any_text_and_notes_survive_a_round_trip(
    texts: list[str], notes: str, delimiter: str
) -> None:
    original = JourneyMap(
        id="m1",
        stages=[Stage(id="s1", name="Know")],
        lanes=[Lane(id="l1", kind=LaneKind.NOTES, title="Notes")],
        cards=[
            Card(id=f"c{i}", stage="s1", lane="l1", order=i, text=text, notes=notes)
            for i, text in enumerate(texts)
        ],
    )
    stream = io.StringIO(newline="")
    export_cards_csv(original, stream, delimiter=delimiter)

    imported = import_cards_csv(io.BytesIO(stream.getvalue().encode("utf-8")))

    # Control characters are removed, as the map loader removes them; nothing else changes.
    assert [(c.text, c.notes) for c in imported.cards] == [
        (clean_text(t), clean_text(notes)) for t in texts
    ]


# ---------------------------------------------------------------- export


def test_export_writes_header_and_cards_in_stage_lane_and_cell_order(tmp_path: Path) -> None:
    journey = JourneyMap(
        id="m1",
        stages=[Stage(id="s1", name="Know"), Stage(id="s2", name="Buy")],
        lanes=[Lane(id="l1", title="First"), Lane(id="l2", title="Second")],
        cards=[
            Card(id="c1", stage="s2", lane="l1", text="buy-first"),
            Card(id="c2", stage="s1", lane="l2", order=1, text="know-second-1"),
            Card(id="c3", stage="s1", lane="l2", order=0, text="know-second-0"),
            Card(id="c4", stage="s1", lane="l1", text="know-first"),
        ],
    )
    stream = io.StringIO(newline="")
    export_cards_csv(journey, stream, bom=False)

    lines = stream.getvalue().splitlines()
    assert lines[0] == ",".join(COLUMNS)
    texts = [line.split(",")[4] for line in lines[1:]]
    assert texts == ["know-first", "know-second-0", "know-second-1", "buy-first"]


def test_export_marks_utf8_with_a_bom_by_default_for_excel(tmp_path: Path) -> None:
    with_bom, without = tmp_path / "a.csv", tmp_path / "b.csv"
    export_cards_csv(sample_map(), with_bom)
    export_cards_csv(sample_map(), without, bom=False)

    assert with_bom.read_bytes().startswith(codecs.BOM_UTF8)
    assert without.read_bytes().startswith(b"stage,lane,")
    assert "小王" in without.read_text(encoding="utf-8")


def test_semicolon_export_writes_decimal_commas(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    export_cards_csv(sample_map(), path, delimiter=";", bom=False)

    with path.open(encoding="utf-8", newline="") as stream:
        first_card = list(csv.reader(stream, delimiter=";"))[1]
    assert first_card[COLUMNS.index("metric_value")] == "1200,5"
    assert first_card[COLUMNS.index("metric_target")] == "5000"


# ---------------------------------------------------------------- spreadsheet files


def test_swedish_semicolon_bom_spreadsheet_imports() -> None:
    journey = import_cards_csv(FIXTURES / "spreadsheet_sv_semicolon_bom.csv")

    assert journey.title == "spreadsheet_sv_semicolon_bom"
    assert [s.name for s in journey.stages] == ["Känna", "Köpa"]
    assert [(lane.title, lane.kind) for lane in journey.lanes] == [
        ("Kontaktpunkter", LaneKind.TOUCHPOINTS),
        ("Smärtpunkter", LaneKind.PAIN_POINTS),
        ("Känslor", LaneKind.EMOTIONS),
        ("Innehållsidéer", LaneKind.CONTENT_IDEAS),
    ]
    assert [p.name for p in journey.personas] == ["Anna", "Örjan"]
    reel, sign, queue, annoyed, film = journey.cards
    assert reel.kind == CardKind.TOUCHPOINT
    assert reel.metric == Metric(name="räckvidd", value=1200.5, target=5000, unit="visningar")
    assert reel.tags == ["sociala medier"]
    assert sign.text == "Vet inte att bageriet finns; ingen skylt"
    assert queue.kind == CardKind.PAIN_POINT
    assert queue.text == "Kön är för lång\r\npå lördagar"
    assert queue.votes == 8
    assert len(queue.personas) == 2
    assert annoyed.emotion == -2
    assert film.text == 'Film: "så bakar vi" på 30 s'
    assert film.kind == CardKind.CONTENT_IDEA
    assert find_problems(journey) == []


def test_polish_semicolon_bom_spreadsheet_with_no_break_space_groups_imports() -> None:
    journey = import_cards_csv(FIXTURES / "spreadsheet_pl_semicolon_bom.csv", title="Sklep")

    assert journey.title == "Sklep"
    ad, queue, anger = journey.cards
    assert ad.metric is not None
    assert (ad.metric.value, ad.metric.target) == (2345.75, 10000)
    assert queue.text == "Zażółć gęślą jaźń – za długa kolejka"
    assert queue.notes == "Klient czeka, aż 20 min"
    assert anger.emotion == -3
    assert [lane.title for lane in journey.lanes] == ["Punkty styku", "Punkty bólu", "Emocje"]


def test_tab_separated_utf16_from_excel_unicode_text_imports(tmp_path: Path) -> None:
    text = "stage\tlane\ttext\r\nKnow\tTouchpoints\t广告\r\n"
    path = tmp_path / "cards.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))

    journey = import_cards_csv(path)

    assert [c.text for c in journey.cards] == ["广告"]
    assert journey.cards[0].kind == CardKind.TOUCHPOINT


def test_comma_file_reads_quoted_thousands_and_decimal_commas(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "stage,lane,text,metric_value,metric_target\n"
        'Know,Touchpoints,grouped,"1,200","1,234,567.5"\n'
        'Know,Touchpoints,decimal,"1,5",2.5\n',
    )
    grouped, decimal = import_cards_csv(path).cards
    assert grouped.metric is not None and decimal.metric is not None
    assert (grouped.metric.value, grouped.metric.target) == (1200, 1234567.5)
    assert (decimal.metric.value, decimal.metric.target) == (1.5, 2.5)


def test_only_required_columns_and_lane_kind_guessed_from_lane_name(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Text,Stage,Lane\n"
        "Too slow,Try,Pain points\n"
        "Ad,Know,touchpoint\n"
        "Remember,Know,Backstage and owners\n"
        "Also slow,try,PAIN POINTS\n",
    )
    journey = import_cards_csv(path)

    assert [(lane.title, lane.kind) for lane in journey.lanes] == [
        ("Pain points", LaneKind.PAIN_POINTS),
        ("touchpoint", LaneKind.TOUCHPOINTS),
        ("Backstage and owners", LaneKind.NOTES),
    ]
    assert [s.name for s in journey.stages] == ["Try", "Know"]
    kinds = [c.kind for c in journey.cards]
    assert kinds == [CardKind.PAIN_POINT, CardKind.TOUCHPOINT, CardKind.NOTE, CardKind.PAIN_POINT]
    assert [c.order for c in journey.cards] == [0, 0, 0, 1]


def test_imported_personas_get_colours_that_tell_them_apart(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "stage,lane,text,personas\nKnow,Actions,Sees the reel,Anna;小王\nTry,Actions,Tastes,Sari\n",
    )
    journey = import_cards_csv(path)

    assert [p.name for p in journey.personas] == ["Anna", "小王", "Sari"]
    assert len({p.color for p in journey.personas}) == 3


# ---------------------------------------------------------------- rejected files


def test_every_bad_row_is_reported_by_the_line_it_starts_on() -> None:
    problems = problems_of(FIXTURES / "bad_rows.csv")

    assert [(p.line, p.column) for p in problems] == [
        (3, "kind"),
        (4, "emotion"),
        (6, "votes"),
        (7, "stage"),
        (8, "text"),
        (9, "metric_value"),
        (10, "emotion"),
    ]
    assert "wish" in problems[0].message
    assert "-3 to 3" in problems[1].message
    assert "only emotion cards" in problems[6].message


def test_error_message_lists_lines_for_the_user(tmp_path: Path) -> None:
    path = write(tmp_path, "stage,lane,text,votes\nKnow,Notes,ok,-1\n")
    with pytest.raises(CsvImportError) as caught:
        import_cards_csv(path)
    assert (
        str(caught.value)
        == "1 problem in the CSV file:\nline 2, votes: votes cannot be negative: -1"
    )


def test_header_problems_are_all_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "\n\nstage,colour,text,Text,priority\nKnow,red,a,b,high\n")

    problems = problems_of(path)

    assert problems == [
        CsvProblem(3, "colour", problems[0].message),
        CsvProblem(3, "text", "column appears twice"),
        CsvProblem(3, "priority", problems[2].message),
        CsvProblem(3, "lane", "required column is missing"),
    ]
    assert "unknown column" in problems[0].message


def test_lane_given_two_kinds_is_a_problem(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "stage,lane,lane_kind,text\nKnow,Mixed,touchpoints,a\nBuy,mixed,emotions,b\n",
    )
    assert problems_of(path) == [
        CsvProblem(3, "lane_kind", "lane 'mixed' is touchpoints since line 2, not emotions")
    ]


def test_values_in_unnamed_columns_are_not_dropped_silently(tmp_path: Path) -> None:
    path = write(tmp_path, "stage;lane;text;\nKnow;Notes;a;\nKnow;Notes;b;forgotten\n")
    assert [(p.line, p.column) for p in problems_of(path)] == [(3, "column 4")]


def test_non_utf8_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = write(tmp_path, "stage;lane;text\nKnow;Notes;ok\nKöpa;Notes;kö\n", encoding="cp1252")
    (problem,) = problems_of(path)
    assert problem.line == 3
    assert "UTF-8" in problem.message


def test_unclosed_quote_is_reported_where_its_row_starts(tmp_path: Path) -> None:
    path = write(tmp_path, 'stage,lane,text\nKnow,Notes,ok\nKnow,Notes,"never closed\nmore\n')
    (problem,) = problems_of(path)
    assert problem.line == 3
    assert "closing quote" in problem.message


def test_empty_file_is_refused(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "\ufeff\n\n")) == [
        CsvProblem(1, "", "the file has no header")
    ]
