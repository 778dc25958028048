"""The merge and diff commands, alone and as git's merge driver, textconv and external diff."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_merge_rules import bakery

from journeycanvas.io.jsonfile import load_map, save_map
from journeycanvas.model import Card, JourneyMap, Persona, Stage, edits

PROJECT = Path(__file__).resolve().parents[2]
ENV = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT), "PYTHONUTF8": "1", "HOME": "/tmp"}


def journeycanvas(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m journeycanvas ARGS``, with a check that Qt is never loaded."""
    code = (
        "import sys; from journeycanvas.cli import main; code = main(sys.argv[1:]); "
        "assert 'PySide6' not in sys.modules, 'PySide6 was imported'; sys.exit(code)"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True, text=True, encoding="utf-8", env=ENV, cwd=cwd, timeout=120,
    )  # fmt: skip


def three_files(tmp_path: Path, *, clash: bool) -> tuple[Path, Path, Path]:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.card_by_id(ours, "c1").text = "Ours"
    edits.move_cards(theirs, ["c2"], "s2", "l1", 0)
    if clash:
        edits.card_by_id(theirs, "c1").text = "Theirs"
    paths = tmp_path / "base.journey", tmp_path / "ours.journey", tmp_path / "theirs.journey"
    for journey, path in zip((base, ours, theirs), paths, strict=True):
        save_map(journey, path)
    return paths


def test_a_clean_merge_exits_0_and_writes_both_sides(tmp_path: Path) -> None:
    base, ours, theirs = three_files(tmp_path, clash=False)
    result = journeycanvas("merge", str(base), str(ours), str(theirs), "-o", str(ours))
    assert (result.returncode, result.stderr) == (0, "")
    merged = load_map(ours)
    assert edits.card_by_id(merged, "c1").text == "Ours"
    assert edits.card_by_id(merged, "c2").stage == "s2"
    assert not (tmp_path / "ours.journey.bak").exists()


def test_a_merge_with_conflicts_exits_1_marks_the_card_and_says_why(tmp_path: Path) -> None:
    base, ours, theirs = three_files(tmp_path, clash=True)
    out = tmp_path / "out.journey"
    result = journeycanvas("merge", str(base), str(ours), str(theirs), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr == (
        f"{out}: conflict: card 'Ours': text changed on both sides; kept ours ('Ours'), "
        "theirs was 'Theirs'\n"
    )
    card = edits.card_by_id(load_map(out), "c1")
    assert card.conflict and "their text: Theirs" in card.notes


def test_an_unreadable_input_exits_2_with_one_line(tmp_path: Path) -> None:
    base, ours, theirs = three_files(tmp_path, clash=False)
    ours.write_text('{"format": "journeycanvas", "version": "1.0", "id": ', encoding="utf-8")
    before = ours.read_bytes()
    result = journeycanvas("merge", str(base), str(ours), str(theirs), "-o", str(ours))
    assert result.returncode == 2
    assert (
        result.stderr.count("\n") == 1 and "ours.journey: the file ends too early" in result.stderr
    )
    assert ours.read_bytes() == before


def test_diff_lists_changes_in_words_and_textconv_prints_lines(tmp_path: Path) -> None:
    base, _, theirs = three_files(tmp_path, clash=False)
    result = journeycanvas("diff", str(base), str(theirs))
    assert (result.returncode, result.stdout) == (0, "card 'Free sample' moved from Try to Buy\n")
    shown = journeycanvas("diff", "--textconv", str(base))
    assert shown.returncode == 0 and "stage 2 'Buy' [s2]\n" in shown.stdout
    missing = journeycanvas("diff", str(base), str(tmp_path / "nope.journey"))
    assert missing.returncode == 2 and "nope.journey: no such file" in missing.stderr


def test_diff_takes_gits_external_diff_arguments(tmp_path: Path) -> None:
    base, _, theirs = three_files(tmp_path, clash=False)
    hexes = ("0" * 40, "100644")
    result = journeycanvas("diff", "map.journey", str(base), *hexes, str(theirs), *hexes)
    assert result.stdout == "map.journey:\ncard 'Free sample' moved from Try to Buy\n"
    added = journeycanvas("diff", "map.journey", "/dev/null", *hexes, str(theirs), *hexes)
    assert "stage 'Try' added" in added.stdout and added.returncode == 0


# ---------------------------------------------------------------- a real git repository


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **ENV,
        "GIT_AUTHOR_NAME": "Ann", "GIT_AUTHOR_EMAIL": "ann@example.com",
        "GIT_COMMITTER_NAME": "Ann", "GIT_COMMITTER_EMAIL": "ann@example.com",
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
    }  # fmt: skip
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check, timeout=120
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose .journey files merge and diff through journeycanvas."""
    git(tmp_path, "init", "-q", "-b", "main")
    command = f"env PYTHONPATH={PROJECT} {sys.executable} -m journeycanvas"
    git(tmp_path, "config", "merge.journeycanvas.name", "JourneyCanvas map merge")
    git(
        tmp_path,
        "config",
        "merge.journeycanvas.driver",
        f"{command} merge %O %A %B -o %A --name %P",
    )
    git(tmp_path, "config", "diff.journeycanvas.textconv", f"{command} diff --textconv")
    (tmp_path / ".gitattributes").write_text("*.journey merge=journeycanvas diff=journeycanvas\n")
    save_map(bakery(), tmp_path / "map.journey", backup=False)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    return tmp_path


def commit_on(repo: Path, branch: str, change: object, *, new: bool = True) -> None:
    git(repo, "checkout", "-q", *(["-b"] if new else []), branch)
    journey = load_map(repo / "map.journey")
    change(journey)  # type: ignore[operator]
    save_map(journey, repo / "map.journey", backup=False)
    git(repo, "commit", "-qam", branch)


def test_git_merges_two_branches_edits_of_one_map(repo: Path) -> None:
    def edit_text(journey: object) -> None:
        edits.card_by_id(journey, "c1").text = "Checkout takes five minutes"  # type: ignore[arg-type]

    def move_and_add(journey: object) -> None:
        edits.move_cards(journey, ["c2"], "s2", "l1", 0)  # type: ignore[arg-type]
        edits.add_stage(journey, Stage(id="s9", name="Repeat"))  # type: ignore[arg-type]

    commit_on(repo, "text", edit_text)
    git(repo, "checkout", "-q", "main")
    commit_on(repo, "moves", move_and_add)
    merged = git(repo, "merge", "-q", "--no-edit", "text", check=False)
    assert merged.returncode == 0, merged.stderr
    journey = load_map(repo / "map.journey")
    assert edits.card_by_id(journey, "c1").text == "Checkout takes five minutes"
    assert edits.card_by_id(journey, "c2").stage == "s2"
    assert [stage.name for stage in journey.stages] == ["Try", "Buy", "Refer", "Repeat"]
    shown = git(repo, "show", "HEAD~1", "--", "map.journey").stdout
    assert "+stage 4 'Repeat' [s9]" in shown  # the textconv: a diff of lines in words


def test_git_reports_a_conflict_and_the_card_keeps_both_texts(repo: Path) -> None:
    def ours(journey: object) -> None:
        edits.card_by_id(journey, "c1").text = "Ours"  # type: ignore[arg-type]

    def theirs(journey: object) -> None:
        edits.card_by_id(journey, "c1").text = "Theirs"  # type: ignore[arg-type]

    commit_on(repo, "theirs", theirs)
    git(repo, "checkout", "-q", "main")
    commit_on(repo, "ours", ours)
    merged = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert merged.returncode != 0
    assert (
        "map.journey: conflict: card 'Ours': text changed on both sides"
        in merged.stdout + merged.stderr
    )
    card = edits.card_by_id(load_map(repo / "map.journey"), "c1")
    assert card.text == "Ours" and card.conflict and "their text: Theirs" in card.notes


Edit = tuple[str, Callable[[object], None]]


def merge_branches(
    repo: Path, ours: Edit, theirs: Edit
) -> tuple[subprocess.CompletedProcess[str], JourneyMap]:
    """Commit each (branch, change) on a branch of main, merge theirs into ours with
    conflicts expected; git's answer and the merged map."""
    commit_on(repo, *theirs)
    git(repo, "checkout", "-q", "main")
    commit_on(repo, *ours)
    merged = git(repo, "merge", "--no-edit", theirs[0], check=False)
    assert merged.returncode != 0
    return merged, load_map(repo / "map.journey")


def test_git_keeps_a_card_and_a_stage_two_branches_gave_one_id(repo: Path) -> None:
    def add_card(journey: object) -> None:
        card = Card(id="x1", stage="s1", lane="l2", order=0, text="Queue outside")
        edits.add_card(journey, card)  # type: ignore[arg-type]

    def add_stage(journey: object) -> None:
        edits.add_stage(journey, Stage(id="x1", name="Repeat"))  # type: ignore[arg-type]
        card = Card(id="t1", stage="x1", lane="l1", order=0, text="Loyalty card")
        edits.add_card(journey, card)  # type: ignore[arg-type]

    merged, journey = merge_branches(repo, ("card", add_card), ("stage", add_stage))
    repeat = journey.stages[-1]
    assert (repeat.name, edits.card_by_id(journey, "x1").text) == ("Repeat", "Queue outside")
    assert repeat.id != "x1" and edits.card_by_id(journey, "t1").stage == repeat.id
    words = (
        f"map.journey: conflict: stage 'Repeat': added on their side with the id of our card "
        f"'Queue outside'; kept both, theirs now has id {repeat.id}"
    )
    assert words in merged.stdout + merged.stderr


def test_git_keeps_a_persona_deleted_on_one_branch_and_tagged_on_the_other(repo: Path) -> None:
    def add_persona(journey: object) -> None:
        edits.add_persona(journey, Persona(id="p1", name="Ann"))  # type: ignore[arg-type]

    def remove_persona(journey: object) -> None:
        edits.remove_persona(journey, "p1")  # type: ignore[arg-type]

    def tag(journey: object) -> None:
        edits.card_by_id(journey, "c3").personas = ["p1"]  # type: ignore[arg-type]

    commit_on(repo, "main", add_persona, new=False)
    merged, journey = merge_branches(repo, ("remove", remove_persona), ("tag", tag))
    assert [p.name for p in journey.personas] == ["Ann"]
    assert edits.card_by_id(journey, "c3").personas == ["p1"]
    words = "persona 'Ann': deleted on our side but changed on their side; kept"
    assert words in merged.stdout + merged.stderr
