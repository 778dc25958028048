"""Voting rounds printed: a section of the Markdown report and a PDF handout."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from journeycanvas.io.jsonfile import dumps_map, loads_map
from journeycanvas.io.markdown_report import markdown_report
from journeycanvas.io.pdf.workshop_results import write_round_results
from journeycanvas.io.templates import load_template
from journeycanvas.model.entities import JourneyMap, RoundResult, WorkshopRound


def _with_rounds() -> JourneyMap:
    journey = load_template("hourglass", title="Bakery")
    first, second = journey.cards[:2]
    journey.workshop_rounds = [
        WorkshopRound(
            id="r1",
            date="2026-03-02T10:15:00Z",
            title="Worst <pain>",
            anonymous=False,
            votes_per_participant=2,
            participants=2,
            results=[
                RoundResult(card=second.id, text="付款太慢", votes=3, voters=["Åsa", "Åsa", "Li"]),
                RoundResult(card=first.id, text="Kön *var* lång", votes=1, voters=["Li"]),
            ],
        ),
        WorkshopRound(id="r2", date="2026-03-02T11:00:00Z", title="Second round"),
    ]
    return journey


def test_rounds_survive_a_save_and_load_and_are_left_out_when_there_are_none() -> None:
    journey = _with_rounds()
    again = loads_map(dumps_map(journey))
    assert again.workshop_rounds == journey.workshop_rounds
    assert '"workshop_rounds"' not in dumps_map(load_template("hourglass"))
    assert '"author"' not in dumps_map(load_template("hourglass"))


def test_the_markdown_report_ranks_each_round_with_its_date() -> None:
    report = markdown_report(_with_rounds())
    section = report[report.index("## Workshop voting rounds") :]
    assert "### Worst \\<pain\\> — 2026-03-02" in section
    assert "1. **付款太慢** — 3 votes (Åsa, Åsa, Li)" in section
    assert "2. **Kön \\*var\\* lång** — 1 vote (Li)" in section
    assert "### Second round — 2026-03-02" in section
    assert "## Workshop voting rounds" not in markdown_report(load_template("hourglass"))


def test_the_handout_prints_every_round(tmp_path: Path) -> None:
    path = tmp_path / "votes.pdf"
    assert write_round_results(_with_rounds(), path) == 2
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    for expected in ("Worst <pain>", "付款太慢", "Kön *var* lång", "Åsa, Åsa, Li", "Second round"):
        assert expected in text
