"""Upgrading older files: small registered steps, chained up to the current version."""

from __future__ import annotations

from typing import Any

import pytest

from journeycanvas.io import migrations
from journeycanvas.io.migrations import (
    MIGRATIONS,
    MigrationError,
    Version,
    columns_became_stages,
    migrate,
    migration,
    parse_version,
)


def test_versions_parse_and_compare_numerically() -> None:
    assert parse_version("1.10") == Version(1, 10)
    assert parse_version("1.10") > parse_version("1.9")
    assert str(parse_version("0.9")) == "0.9"


@pytest.mark.parametrize("bad", ["1", "1.0.0", "v1.0", "01.0", 1.0, None, ""])
def test_anything_but_major_dot_minor_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="such as"):
        parse_version(bad)


def test_the_0_9_step_renames_columns_to_stages_and_keeps_everything_else() -> None:
    old = {
        "version": "0.9",
        "id": "m",
        "columns": [{"id": "s1"}],
        "cards": [{"id": "c1", "column": "s1", "x_mine": 1}, "not a card"],
        "x_other": True,
    }
    new = columns_became_stages(old)
    assert list(new) == ["version", "id", "stages", "cards", "x_other"]
    assert new["stages"] == [{"id": "s1"}]
    assert new["cards"] == [{"id": "c1", "stage": "s1", "x_mine": 1}, "not a card"]
    assert "columns" in old and "column" in old["cards"][0]


def test_the_0_9_step_is_registered_and_leads_to_1_0() -> None:
    assert MIGRATIONS["0.9"].to_version == "1.0"
    upgraded = migrate({"version": "0.9", "columns": [], "cards": []})
    assert upgraded == {"version": "1.0", "stages": [], "cards": []}


def test_current_and_newer_minor_data_pass_through_unchanged() -> None:
    data = {"version": "1.3", "stages": []}
    assert migrate(data) is data


def test_steps_are_chained_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", dict(MIGRATIONS))

    @migration("0.8", to="0.9")
    def lanes_were_rows(data: dict[str, Any]) -> dict[str, Any]:
        upgraded = dict(data)
        upgraded["lanes"] = upgraded.pop("rows")
        return upgraded

    upgraded = migrate({"version": "0.8", "rows": [{"id": "l1"}], "columns": []})
    assert upgraded == {"version": "1.0", "lanes": [{"id": "l1"}], "stages": []}


def test_a_version_with_no_path_is_refused() -> None:
    with pytest.raises(MigrationError, match=r"version 0\.5 .* reads 0\.9, 1\.x"):
        migrate({"version": "0.5"})


def test_a_step_that_cannot_cope_with_the_data_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", dict(MIGRATIONS))

    @migration("0.7", to="0.9")
    def needs_rows(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "lanes": data["rows"]}

    with pytest.raises(MigrationError, match=r"cannot upgrade from version 0\.7 to 0\.9"):
        migrate({"version": "0.7"})


def test_a_step_must_go_forward() -> None:
    with pytest.raises(ValueError, match="forward"):
        migration("1.0", to="0.9")
