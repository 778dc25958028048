"""The command line speaks the environment's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
among the shipped ones, English otherwise; exit codes do not change with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run

from journeycanvas.cli import environment_language
from journeycanvas.io.templates import template_path


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


SWEDISH = {"LANG": "sv_SE.UTF-8"}


def test_export_says_what_it_wrote_in_swedish(tmp_path: Path) -> None:
    hourglass = str(template_path("hourglass"))
    poster = run("export", hourglass, "-o", "map.pdf", cwd=tmp_path, env=SWEDISH)
    assert poster.returncode == 0, poster.stderr
    assert poster.stdout.startswith("map.pdf: 1 sida, A1 liggande, kartan i ")
    handouts = run(
        "export", hourglass, "-o", "h.pdf", "--handouts", "persona", cwd=tmp_path, env=SWEDISH
    )
    assert handouts.returncode == 0, handouts.stderr
    assert "2 A4-sidor med arbetsblad för 2 personor" in handouts.stdout


def test_export_refusals_and_load_errors_are_in_swedish(tmp_path: Path) -> None:
    hourglass = str(template_path("hourglass"))
    result = run("export", hourglass, "-o", "x.pdf", "--paper", "B7", cwd=tmp_path, env=SWEDISH)
    assert result.returncode == 1
    assert result.stderr.startswith("journeycanvas: okänt papper 'B7': använd ett av A0")
    (tmp_path / "future.journey").write_text(
        '{"format": "journeycanvas", "version": "9.0"}', encoding="utf-8"
    )
    result = run("validate", "future.journey", cwd=tmp_path, env=SWEDISH)
    assert result.stdout.startswith("future.journey: version: skapad av en nyare JourneyCanvas")


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ([], "Redigera kundresekartor"),
        (["new"], "Skapa en ny .journey-fil från en medföljande mall"),
        (["export"], "Exportera en .journey-karta"),
        (["export"], "kolumnavgränsare för CSV"),
        (["import-csv"], "Gör en ny .journey-karta"),
        (["workshop"], "port att lyssna på"),
    ],
)
def test_help_is_in_swedish(command: list[str], words: str) -> None:
    shown = run(*command, "--help", env=SWEDISH)
    assert shown.returncode == 0, shown.stderr
    assert words in " ".join(shown.stdout.split())


def test_argparse_speaks_swedish_too(tmp_path: Path) -> None:
    shown = run("export", "--help", env=SWEDISH)
    assert shown.stdout.startswith("användning: journeycanvas export")
    assert "flaggor:" in shown.stdout and "visa den här hjälptexten och avsluta" in shown.stdout
    missing = run("export", "map.journey", cwd=tmp_path, env=SWEDISH)
    assert missing.returncode == 1
    assert "följande argument krävs: -o/--output" in missing.stderr
    assert "usage" not in missing.stderr + shown.stdout
