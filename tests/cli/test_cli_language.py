"""The command line speaks the environment's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
among the shipped ones, English otherwise; exit codes do not change with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run

from journeycanvas.cli import environment_language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "pl_PL.UTF-8"}, "pl"),
        ({"LANG": "sv_SE.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "sv_SE.UTF-8", "LANGUAGE": "de:id:sv"}, "id"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C", "LANGUAGE": "sv"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "pl_PL.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_is_the_first_shipped_one_the_environment_names(
    environ: dict[str, str], language: str
) -> None:
    assert environment_language(environ) == language


def test_validate_speaks_swedish_under_a_swedish_locale(tmp_path: Path) -> None:
    broken = tmp_path / "broken.journey"
    broken.write_text("", encoding="utf-8")
    result = run(
        "validate", "broken.journey", "missing.journey", cwd=tmp_path, env={"LANG": "sv_SE.UTF-8"}
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "broken.journey: filen är tom",
        "missing.journey: filen finns inte",
    ]


def test_errors_speak_polish_and_keep_the_exit_code(tmp_path: Path) -> None:
    (tmp_path / "taken.journey").write_text("{}", encoding="utf-8")
    result = run("new", "-o", "taken.journey", cwd=tmp_path, env={"LANG": "pl_PL.UTF-8"})
    assert result.returncode == 1
    assert result.stderr == (
        "journeycanvas: taken.journey: już istnieje; dodaj --force, aby go zastąpić\n"
    )


def test_counts_take_the_languages_plural_forms(tmp_path: Path) -> None:
    csv = tmp_path / "cards.csv"
    csv.write_text(
        "stage,lane,kind,text\nA,Steps,action,one\nA,Steps,action,two\nB,Steps,action,three\n",
        encoding="utf-8",
    )
    result = run(
        "import-csv", "cards.csv", "-o", "map.journey", cwd=tmp_path, env={"LANG": "pl_PL.UTF-8"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "map.journey: 3 karty w 2 etapach\n"
