"""The merge's words in the user's languages, and a merge that fails without harm.

Conflict notes written into a map follow the map's language (its ``locale``); the lines the
``merge`` and ``diff`` commands print follow the environment's language.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from test_merge_cli import ENV, journeycanvas, three_files
from test_merge_rules import bakery, card

from journeycanvas.cli import main
from journeycanvas.i18n import set_language
from journeycanvas.io.jsonfile import load_map, save_map
from journeycanvas.merge import describe_changes, describe_conflict, merge_maps, render_text
from journeycanvas.merge.three_way import MergeError
from journeycanvas.merge.wording import Wording
from journeycanvas.model import JourneyMap, edits


@pytest.fixture(autouse=True)
def english_interface() -> Iterator[None]:
    """Each test starts, and leaves the process, in English."""
    set_language("")
    yield
    set_language("")


def swedish_clash() -> tuple[JourneyMap, JourneyMap, JourneyMap]:
    base, ours, theirs = bakery(), bakery(), bakery()
    for journey in (base, ours, theirs):
        journey.locale = "sv"
    card(ours, "c1").text = "Vår text"
    card(theirs, "c1").text = "Deras text"
    edits.remove_stage(ours, "s3")
    theirs.stages[2].goal = "Rekommendera oss"
    return base, ours, theirs


def test_a_swedish_map_gets_its_conflict_notes_in_swedish() -> None:
    base, ours, theirs = swedish_clash()
    merged = merge_maps(base, ours, theirs).journey
    assert card(merged, "c1").notes == "⚠ Sammanslagningskonflikt — deras text: Deras text"
    goal = merged.stages[2].goal
    assert goal.endswith(
        "⚠ Sammanslagningskonflikt — borttagen på vår sida, behållen eftersom deras sida "
        "ändrade den"
    )
    assert "Merge conflict" not in goal


def test_an_english_map_keeps_english_notes_whatever_the_interface_speaks() -> None:
    base, ours, theirs = swedish_clash()
    for journey in (base, ours, theirs):
        journey.locale = ""
    set_language("sv")
    result = merge_maps(base, ours, theirs)
    assert card(result.journey, "c1").notes == "⚠ Merge conflict — their text: Deras text"
    # ... while the list of conflicts on screen speaks the interface's language.
    assert [describe_conflict(conflict) for conflict in result.conflicts] == [
        "fas 'Refer': borttagen på vår sida men ändrad på deras sida; behållen",
        "kort 'Vår text': text ändrad på båda sidor; behöll vår ('Vår text'), deras var "
        "'Deras text'",
    ]


def test_changes_and_the_text_rendering_follow_the_wording_given() -> None:
    before, after = bakery(), bakery()
    edits.move_cards(after, ["c1"], "s2", "l1", 0)
    after.stages[0].name = "Prova"
    polish = Wording.for_locale("pl")
    assert describe_changes(before, after, polish) == [
        "zmieniono nazwę: etap 'Try' → 'Prova'",
        "karta 'Slow checkout' przeniesiona z Try do Buy",
    ]
    text = render_text(after, Wording.for_locale("sv"))
    assert "\nfas 1 'Prova' [s1]\n" in text
    assert "\nkort i Buy / Touchpoints, plats 1 [c1]: anteckning 'Slow checkout'\n" in text


@pytest.mark.parametrize("variable", ["LC_ALL", "LANGUAGE"])
def test_the_merge_command_speaks_the_environments_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    base, ours, theirs = three_files(tmp_path, clash=True)
    out = tmp_path / "out.journey"
    environment = {"LANG": "sv_SE.UTF-8"} if variable == "LANGUAGE" else {}
    monkeypatch.setattr("test_merge_cli.ENV", {**ENV, **environment, variable: "sv_SE.UTF-8"})
    result = journeycanvas("merge", str(base), str(ours), str(theirs), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr == (
        f"{out}: konflikt: kort 'Ours': text ändrad på båda sidor; behöll vår ('Ours'), deras "
        "var 'Theirs'\n"
    )
    # The map names no language: the note in it stays English.
    assert "⚠ Merge conflict — their text: Theirs" in edits.card_by_id(load_map(out), "c1").notes


def test_a_map_from_a_newer_version_is_refused_in_one_line_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    base, ours, theirs = three_files(tmp_path, clash=False)
    theirs.write_text(
        theirs.read_text(encoding="utf-8").replace('"version": "1.', '"version": "9.'),
        encoding="utf-8",
    )
    before = ours.read_bytes()
    result = journeycanvas("merge", str(base), str(ours), str(theirs), "-o", str(ours))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "theirs.journey: version: made by a newer JourneyCanvas" in result.stderr
    assert ours.read_bytes() == before


def test_a_map_that_fails_its_checks_is_refused_in_one_line(tmp_path: Path) -> None:
    base, ours, theirs = three_files(tmp_path, clash=False)
    text = theirs.read_text(encoding="utf-8")
    theirs.write_text(text.replace('"stage": "s1"', '"stage": "s404"', 1), encoding="utf-8")
    out = tmp_path / "out.journey"
    result = journeycanvas("merge", str(base), str(ours), str(theirs), "-o", str(out))
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "theirs.journey: cards[" in result.stderr and "s404" in result.stderr
    assert not out.exists()


def test_a_merge_that_fails_says_so_and_leaves_every_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, ours, theirs = three_files(tmp_path, clash=True)
    before = {path: path.read_bytes() for path in (base, ours, theirs)}

    def broken_merge(*_: object) -> None:
        raise MergeError("cards[0].stage: no stage with id 's9'")

    monkeypatch.setattr("journeycanvas.merge.merge_maps", broken_merge)
    errors = io.StringIO()
    with redirect_stderr(errors):
        code = main(["merge", str(base), str(ours), str(theirs), "-o", str(ours), "--name", "m"])
    assert code == 2
    assert errors.getvalue() == (
        "journeycanvas: m: the maps could not be merged, nothing was written (please report "
        "this): cards[0].stage: no stage with id 's9'\n"
    )
    assert {path: path.read_bytes() for path in before} == before
    assert not list(tmp_path.glob("*.bak")) and not list(tmp_path.glob(".*tmp*"))


def test_the_comparison_summary_counts_in_the_environments_language(tmp_path: Path) -> None:
    before, after = bakery(), bakery()
    edits.move_cards(after, ["c1"], "s2", "l1", 0)
    paths = tmp_path / "a.journey", tmp_path / "b.journey"
    save_map(before, paths[0])
    save_map(after, paths[1])
    pdf = tmp_path / "report.pdf"
    output = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(output):
        patch.setenv("LC_ALL", "pl_PL.UTF-8")
        code = main(["compare", str(paths[0]), str(paths[1]), "-o", str(pdf)])
    assert code == 0 and pdf.stat().st_size > 0
    assert output.getvalue() == f"{pdf}: 1 zmiana na 1 stronie\n"
