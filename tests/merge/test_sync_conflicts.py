"""Conflict copies of sync tools are found by name, one test per naming pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeycanvas.merge.sync_conflicts import (
    conflict_copy_names,
    copy_base,
    find_conflict_copies,
)
from journeycanvas.model.entities import JourneyMap

MAP = Path("/maps/Bakery plan.journey")


@pytest.mark.parametrize(
    ("name", "tool"),
    [
        ("Bakery plan (conflicted copy 2026-12-07).journey", "Dropbox"),
        ("Bakery plan (Anna's conflicted copy 2026-12-07).journey", "Dropbox"),
        ("Bakery plan (Anna's conflicted copy 2026-12-07) (1).journey", "Dropbox"),
        ("Bakery plan (conflicted copy 2026-12-07 104233).journey", "Nextcloud"),
        ("Bakery plan.sync-conflict-20261207-104233-ABCDEF1.journey", "Syncthing"),
        ("Bakery plan-LAPTOP42.journey", "OneDrive"),
    ],
)
def test_each_tools_copy_is_found(name: str, tool: str) -> None:
    found = conflict_copy_names(MAP, ["Bakery plan.journey", name, "Other.journey"])
    assert [(copy.path, copy.tool) for copy in found] == [(MAP.with_name(name), tool)]


@pytest.mark.parametrize(
    "name",
    [
        "Bakery plan.journey",  # the map itself
        "Bakery plan.journey.bak",
        "Bakery plan (conflicted copy 2026-12-07).csv",
        "Bakery plan (conflicted copy yesterday).journey",
        "Bakery plan.sync-conflict-2026-ABCDEF1.journey",
        "Other (conflicted copy 2026-12-07).journey",
        "Bakery (conflicted copy 2026-12-07).journey",  # another map's copy
        ".~lock.Bakery plan.journey#",
    ],
)
def test_other_files_are_not_copies(name: str) -> None:
    assert conflict_copy_names(MAP, [name]) == []


def test_copies_are_found_in_the_maps_folder(tmp_path: Path) -> None:
    target = tmp_path / "Bakery plan.journey"
    target.write_text("{}")
    copy = tmp_path / "Bakery plan.sync-conflict-20261207-104233-ABCDEF1.journey"
    copy.write_text("{}")
    (tmp_path / "notes.txt").write_text("")
    assert [c.path for c in find_conflict_copies(target)] == [copy]
    assert find_conflict_copies(tmp_path / "missing" / "x.journey") == []


def test_the_backup_is_the_base_only_when_it_can_be_the_common_version() -> None:
    ours = JourneyMap(id="m1", modified="2026-12-07T10:00:00Z")
    theirs = JourneyMap(id="m1", modified="2026-12-07T09:00:00Z")
    older = JourneyMap(id="m1", modified="2026-12-06T10:00:00Z")
    newer = JourneyMap(id="m1", modified="2026-12-07T09:30:00Z")
    other_map = JourneyMap(id="m2", modified="2026-12-01T10:00:00Z")
    assert copy_base(ours, theirs, older) is older
    for unfit in (newer, other_map, None):
        base = copy_base(ours, theirs, unfit)
        assert base is not unfit
        assert base.id == "m1" and not base.cards and not base.stages
