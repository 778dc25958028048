"""Upgrading files written in older versions of the format, one small step at a time.

Each step is a function from the raw JSON object of one version to that of the next,
registered with `migration`. `migrate` chains them until the data is at the current
version. Steps work on plain dicts, before any validation, and keep every field they
do not rename, so that nothing a user wrote is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from journeycanvas.i18n import _
from journeycanvas.model.entities import FORMAT_VERSION

Step = Callable[[dict[str, Any]], dict[str, Any]]

_VERSION = re.compile(r"^(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})$")


class Version(NamedTuple):
    """A format version, ``MAJOR.MINOR``; compares in version order."""

    major: int
    minor: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"


class Migration(NamedTuple):
    """One registered step: the version it produces and the function that does it."""

    to_version: str
    step: Step


def parse_version(text: object) -> Version:
    """Parse ``"1.0"``; ValueError for anything that is not MAJOR.MINOR."""
    if not isinstance(text, str) or not (match := _VERSION.match(text)):
        raise ValueError(
            _('must be a string such as "{version}", not {value}').format(
                version=FORMAT_VERSION, value=repr(text)
            )
        )
    return Version(int(match[1]), int(match[2]))


CURRENT = parse_version(FORMAT_VERSION)

MIGRATIONS: dict[str, Migration] = {}


def migration(from_version: str, to: str) -> Callable[[Step], Step]:
    """Register the decorated function as the step from `from_version` to `to`."""
    if parse_version(to) <= parse_version(from_version):
        raise ValueError(f"a migration must go forward, not {from_version} → {to}")

    def register(step: Step) -> Step:
        MIGRATIONS[from_version] = Migration(to, step)
        return step

    return register


class MigrationError(Exception):
    """A file whose version has no upgrade path, or whose data a step cannot upgrade."""


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Upgrade `data` (a file's JSON object) step by step to the current major version.

    Data already at the current version, or at a newer minor one, comes back as it is.
    The input is not changed.
    """
    version = parse_version(data.get("version"))
    while version < CURRENT:
        found = MIGRATIONS.get(str(version))
        if found is None:
            raise MigrationError(
                _(
                    "version {version} is not one this JourneyCanvas can upgrade (it reads {known})"
                ).format(version=version, known=_readable_versions())
            )
        try:
            data = found.step(data)
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise MigrationError(
                _("cannot upgrade from version {version} to {to}: {reason}").format(
                    version=version, to=found.to_version, reason=exc
                )
            ) from exc
        data["version"] = found.to_version
        version = parse_version(found.to_version)
    return data


def _readable_versions() -> str:
    older = sorted(parse_version(v) for v in MIGRATIONS)
    return ", ".join([*(str(v) for v in older), f"{CURRENT.major}.x"])


def _renamed(obj: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """A copy of `obj` with key `old` called `new`, in the same place among the keys."""
    if old not in obj or new in obj:
        return dict(obj)
    return {(new if key == old else key): value for key, value in obj.items()}


@migration("0.9", to="1.0")
def columns_became_stages(data: dict[str, Any]) -> dict[str, Any]:
    """0.9 → 1.0: the map's ``columns`` became ``stages``, a card's ``column`` its ``stage``.

    Version 0.9 never shipped; this step documents how migrations are written and keeps
    the mechanism tested.
    """
    upgraded = _renamed(data, "columns", "stages")
    cards = upgraded.get("cards")
    if isinstance(cards, list):
        upgraded["cards"] = [
            _renamed(card, "column", "stage") if isinstance(card, dict) else card for card in cards
        ]
    return upgraded
