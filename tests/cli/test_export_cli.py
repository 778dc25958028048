"""``journeycanvas export`` and ``journeycanvas import-csv``, run as a user runs them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_helpers import assert_user_error, run, run_python
from pypdf import PdfReader

from journeycanvas.io.jsonfile import load_map, save_map
from journeycanvas.io.templates import template_path
from journeycanvas.model import Card, JourneyMap, Lane, LaneKind, Stage

PT_PER_MM = 72 / 25.4
HOURGLASS = str(template_path("hourglass"))


def test_export_writes_an_a1_poster_by_default(tmp_path: Path) -> None:
    result = run("export", HOURGLASS, "-o", "map.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "map.pdf: 1 page, A1 landscape, map at 198%\n"
    (page,) = PdfReader(tmp_path / "map.pdf").pages
    assert float(page.mediabox.width) == pytest.approx(841 * PT_PER_MM, abs=0.5)
    assert "hourglass.journey" in page.extract_text()


def test_paper_orientation_and_scale(tmp_path: Path) -> None:
    args = ["--paper", "a3", "--orientation", "portrait", "--scale", "0.3"]
    result = run("export", HOURGLASS, "-o", "a3.pdf", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (page,) = PdfReader(tmp_path / "a3.pdf").pages
    assert float(page.mediabox.width) == pytest.approx(297 * PT_PER_MM, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(420 * PT_PER_MM, abs=0.5)
    assert "map at 30%" in result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--tile", "A4"], "sheets of A4"),
        (["--tile", "letter", "--paper", "A2", "--overlap", "5"], "sheets of letter"),
        (["--blank"], "blank canvas at true size"),
        (["--blank", "--tile", "a4"], "blank canvas at true size"),
        (["--handouts", "stage"], "handouts for 7 stages"),
        (["--handouts", "persona", "--persona", "commuter clara"], "handouts for 1 persona"),
        (["--persona", "Weekend family Erik", "--fit"], "1 page"),
    ],
)
def test_every_kind_of_pdf(args: list[str], words: str, tmp_path: Path) -> None:
    result = run("export", HOURGLASS, "-o", "out.pdf", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert words in result.stdout
    assert len(PdfReader(tmp_path / "out.pdf").pages) >= 1


def test_csv_and_markdown_by_extension_or_format(tmp_path: Path) -> None:
    assert run("export", HOURGLASS, "-o", "cards.csv", cwd=tmp_path).returncode == 0
    assert (tmp_path / "cards.csv").read_text(encoding="utf-8-sig").startswith("stage,lane,")
    result = run("export", HOURGLASS, "-o", "cards.txt", "--format", "csv", "--delimiter",
                 "semicolon", cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cards.txt").read_text(encoding="utf-8-sig").startswith("stage;lane;")
    assert run("export", HOURGLASS, "-o", "report.md", cwd=tmp_path).returncode == 0
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize(("name", "magic"), [("map.png", b"\x89PNG"), ("map.svg", b"<?xml")])
def test_images_are_drawn_offscreen_without_a_display(
    name: str, magic: bytes, tmp_path: Path
) -> None:
    result = run("export", HOURGLASS, "-o", name, "--dpi", "40", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_bytes().startswith(magic)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--paper", "B5"], "unknown paper 'B5'"),
        (["--persona", "Nobody"], "no persona 'Nobody'"),
        (["--handouts", "stage", "--tile", "a4"], "cannot be blank or tiled"),
        (["--fit", "--scale", "2"], "not allowed with argument"),
        (["--scale", "zero"], "not a number"),
        (["--blank", "--paper", "A4"], "does not fit A4"),
        (["--blank", "--paper", "A4"], "or tile it with --tile a4"),
        (["--tile", "a4", "--overlap", "300"], "overlap"),
    ],
)
def test_user_errors_are_one_line(args: list[str], words: str, tmp_path: Path) -> None:
    assert_user_error(run("export", HOURGLASS, "-o", "x.pdf", *args, cwd=tmp_path), words)
    assert not (tmp_path / "x.pdf").exists()


def test_every_export_hint_has_the_commands_wording() -> None:
    from journeycanvas.cli_export import hint_text
    from journeycanvas.io.pdf import ExportHint

    assert all("--" in hint_text(hint.value) for hint in ExportHint)


def test_an_unknown_extension_or_a_missing_map_is_a_user_error(tmp_path: Path) -> None:
    assert_user_error(run("export", HOURGLASS, "-o", "x.docx", cwd=tmp_path), "cannot tell")
    assert_user_error(run("export", "missing.journey", "-o", "x.pdf", cwd=tmp_path), "missing")


def test_export_as_pdf_does_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from journeycanvas import cli\n"
        f"assert cli.main(['export', {HOURGLASS!r}, '-o', {str(tmp_path / 'a.pdf')!r},"
        " '--tile', 'a4']) == 0\n"
        "assert 'PySide6' not in sys.modules, 'PySide6 was imported'\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


def test_export_has_help() -> None:
    result = run("export", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: journeycanvas export")
    for option in ("--paper", "--tile", "--blank", "--handouts", "--persona", "--scale"):
        assert option in result.stdout


# ---------------------------------------------------------------- import-csv


def write_csv(path: Path, rows: list[str], encoding: str = "utf-8") -> None:
    header = (
        "stage;lane;lane_kind;kind;text;notes;tags;personas;votes;emotion;"
        "metric_name;metric_value;metric_target;metric_unit"
    )
    path.write_text("\n".join([header, *rows]) + "\n", encoding=encoding)


def test_import_csv_builds_a_map_from_a_spreadsheet_export(tmp_path: Path) -> None:
    write_csv(
        tmp_path / "cards.csv",
        [
            "Köpa;Kontaktpunkter;touchpoints;;Kassan;;;Anna;2;;reach;1 200,5;5 000;besök",
            "Köpa;Känslor;emotions;;Glad;;;;;3;;;;",
            "Använda;Kontaktpunkter;touchpoints;;Appen;;tag;;;;;;;",
        ],
        encoding="utf-8-sig",
    )
    result = run("import-csv", "cards.csv", "-o", "map.journey", "--title", "Från Excel",
                 cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == "map.journey: 3 cards in 2 stages\n"
    journey = load_map(tmp_path / "map.journey")
    assert journey.title == "Från Excel"
    assert [stage.name for stage in journey.stages] == ["Köpa", "Använda"]


def test_import_csv_reports_bad_rows_by_line_and_writes_nothing(tmp_path: Path) -> None:
    write_csv(
        tmp_path / "bad.csv",
        ["Köpa;Kontaktpunkter;touchpoints;;Kassan;;;;many;;;;;", "Köpa;X;nonsense;;Y;;;;;;;;;"],
    )
    result = run("import-csv", "bad.csv", "-o", "map.journey", cwd=tmp_path)
    assert_user_error(result, "nothing imported")
    assert "line 2" in result.stderr and "line 3" in result.stderr
    assert not (tmp_path / "map.journey").exists()


def test_import_csv_does_not_overwrite_unless_forced(tmp_path: Path) -> None:
    write_csv(tmp_path / "ok.csv", ["A;Notes;notes;;Hello;;;;;;;;;"])
    (tmp_path / "map.journey").write_text("keep me", encoding="utf-8")
    assert_user_error(run("import-csv", "ok.csv", "-o", "map.journey", cwd=tmp_path), "--force")
    assert (tmp_path / "map.journey").read_text(encoding="utf-8") == "keep me"
    assert run("import-csv", "ok.csv", "-o", "map.journey", "--force", cwd=tmp_path).returncode == 0
    assert load_map(tmp_path / "map.journey").cards[0].text == "Hello"


@pytest.mark.parametrize("output", ["map.journey", "./map.journey", "link.md"])
def test_export_never_writes_over_the_map_it_reads(output: str, tmp_path: Path) -> None:
    source = tmp_path / "map.journey"
    source.write_bytes(Path(HOURGLASS).read_bytes())
    (tmp_path / "link.md").symlink_to(source)
    result = run("export", "map.journey", "-o", output, "--format", "md", cwd=tmp_path)
    assert_user_error(result, "is the map being exported")
    assert source.read_bytes() == Path(HOURGLASS).read_bytes()


def test_import_csv_never_writes_over_the_csv_it_reads(tmp_path: Path) -> None:
    sheet = tmp_path / "cards.csv"
    sheet.write_text("stage,lane,text\nArrive,Actions,Park\n", encoding="utf-8")
    before = sheet.read_bytes()
    result = run("import-csv", "cards.csv", "-o", "cards.csv", "--force", cwd=tmp_path)
    assert_user_error(result, "is the CSV being imported")
    assert sheet.read_bytes() == before


def test_palette_flag_prints_in_greys(tmp_path: Path) -> None:
    result = run("export", HOURGLASS, "-o", "grey.pdf", "--palette", "GreyScale", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = PdfReader(tmp_path / "grey.pdf").pages[0].get_contents().get_data()  # type: ignore[union-attr]
    colours = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) rg\b", data)
    assert colours and all(red == green == blue for red, green, blue in colours)
    assert "CC" in PdfReader(tmp_path / "grey.pdf").pages[0].extract_text()  # Commuter Clara


def test_unknown_palette_is_a_usage_error(tmp_path: Path) -> None:
    result = run("export", HOURGLASS, "-o", "x.pdf", "--palette", "sepia", cwd=tmp_path)
    assert_user_error(result, "--palette: invalid choice: 'sepia'")
    assert "okabe-ito" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def crowded_map(count: int = 300) -> JourneyMap:
    """Two stages and a lane; `count` cards in one cell."""
    return JourneyMap(
        id="crowded",
        title="Crowded",
        stages=[Stage(id="s1", name="One"), Stage(id="s2", name="Two")],
        lanes=[Lane(id="l1", kind=LaneKind.TOUCHPOINTS, title="Touchpoints")],
        cards=[
            Card(id=f"c{i}", stage="s1", lane="l1", text=f"Card number {i}", order=i)
            for i in range(count)
        ],
    )


def test_legibility_warnings_speak_the_users_language(tmp_path: Path) -> None:
    save_map(crowded_map(), tmp_path / "crowded.journey")
    english = run("export", "crowded.journey", "-o", "en.pdf", cwd=tmp_path)
    assert english.returncode == 0, english.stderr
    pages = len(PdfReader(tmp_path / "en.pdf").pages)
    assert re.fullmatch(
        r"warning: 1 cell had more cards than the map can show legibly: (\d+) cards print in "
        f"full on pages 2–{pages}, each cell ending in a “\\+N more” note.\n",
        english.stderr,
    )
    swedish = run(
        "export", "crowded.journey", "-o", "sv.pdf", cwd=tmp_path, env={"LANG": "sv_SE.UTF-8"}
    )
    assert swedish.returncode == 0, swedish.stderr
    assert re.search(
        r"1 cell: fler kort än kartan kan visa läsbart\. \d+ kort skrivs ut", swedish.stderr
    )
    assert f"2–{pages}" in swedish.stderr and "warning" not in swedish.stderr


def test_handouts_take_the_paper_asked_for(tmp_path: Path) -> None:
    result = run(
        "export", HOURGLASS, "-o", "h.pdf", "--handouts", "stage", "--paper", "A5", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "A5 pages of handouts for 7 stages" in result.stdout
    first = PdfReader(tmp_path / "h.pdf").pages[0]
    assert float(first.mediabox.width) == pytest.approx(148 * PT_PER_MM, abs=0.5)
