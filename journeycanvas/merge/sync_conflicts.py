"""The conflict copies that sync tools leave beside a map, found by their names. No Qt.

When two laptops change the same file before their sync service has carried one change
across, the service keeps both: the file, and a copy named after the file. For
``Bakery.journey`` these are:

- Dropbox: ``Bakery (conflicted copy 2026-12-07).journey`` and
  ``Bakery (Anna's conflicted copy 2026-12-07).journey`` (a " (1)" may follow);
- Nextcloud: ``Bakery (conflicted copy 2026-12-07 104233).journey``;
- Syncthing: ``Bakery.sync-conflict-20261207-104233-ABCDEF1.journey``;
- OneDrive: ``Bakery-LAPTOP42.journey`` (the other computer's name).

The OneDrive pattern also fits an ordinary name ("Bakery-v2"): the editor keeps only the
copies that hold the same map (the same map id) as the file itself.

How a copy is merged back (the rule the editor states): three-way, with the ``.bak``
beside the map as the base when it holds the same map and was saved no later than
either side — the last version both sides may have started from; otherwise two-way, with
an empty map as the base, so that nothing is deleted and every difference the two sides
disagree on is kept as a conflict with both values.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from journeycanvas.model.entities import JourneyMap

_DATE = r"\d{4}-\d{2}-\d{2}"


@dataclass(frozen=True, slots=True)
class ConflictCopy:
    """A sync tool's conflict copy of a map: its file and the tool that left it."""

    path: Path
    tool: str
    """"Dropbox", "Nextcloud", "Syncthing" or "OneDrive"."""


def _patterns(stem: str, suffix: str) -> list[tuple[str, re.Pattern[str]]]:
    name, ext = re.escape(stem), re.escape(suffix)
    copy_number = r"(?: \(\d+\))?"
    return [
        (
            "Nextcloud",
            re.compile(rf"{name} \(conflicted copy {_DATE} \d{{6}}\){copy_number}{ext}", re.I),
        ),
        (
            "Dropbox",
            re.compile(
                rf"{name} \((?:[^()/]+'s )?conflicted copy {_DATE}\){copy_number}{ext}", re.I
            ),
        ),
        (
            "Syncthing",
            re.compile(rf"{name}\.sync-conflict-\d{{8}}-\d{{6}}-[A-Z0-9]{{7}}{ext}", re.I),
        ),
        ("OneDrive", re.compile(rf"{name}-[A-Za-z0-9][A-Za-z0-9_-]{{0,62}}{ext}", re.I)),
    ]


def conflict_copy_names(
    map_path: str | os.PathLike[str], names: Iterable[str]
) -> list[ConflictCopy]:
    """Which of `names` (file names in the map's folder) are conflict copies of the map at
    `map_path`, by name alone, sorted by name."""
    target = Path(map_path)
    patterns = _patterns(target.stem, target.suffix)
    found: list[ConflictCopy] = []
    for name in sorted(names):
        if name == target.name:
            continue
        for tool, pattern in patterns:
            if pattern.fullmatch(name):
                found.append(ConflictCopy(target.with_name(name), tool))
                break
    return found


def find_conflict_copies(map_path: str | os.PathLike[str]) -> list[ConflictCopy]:
    """The conflict copies of the map at `map_path` in its folder, by name (an unreadable
    folder has none)."""
    folder = Path(map_path).parent
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file()]
    except OSError:
        return []
    return conflict_copy_names(map_path, names)


def copy_base(journey: JourneyMap, copy: JourneyMap, backup: JourneyMap | None) -> JourneyMap:
    """The base to merge a conflict copy with (see the module's rule): the `backup` when it
    is the same map saved no later than either side, else an empty map with the same id."""
    if backup is not None and backup.id == journey.id:
        stamps = [stamp for stamp in (journey.modified, copy.modified) if stamp]
        if backup.modified and all(backup.modified <= stamp for stamp in stamps):
            return backup
    return JourneyMap(id=journey.id)
