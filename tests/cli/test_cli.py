"""The journeycanvas command, run as a user runs it: exit codes, output, one-line errors."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from cli_helpers import assert_user_error, run, run_python

from journeycanvas import cli
from journeycanvas.io.jsonfile import load_map
from journeycanvas.io.schema import schema_resource
from journeycanvas.io.templates import list_templates

FIXTURES = Path(__file__).parents[1] / "io" / "fixtures"


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("journeycanvas ") and "file format 1.0" in result.stdout


@pytest.mark.parametrize("command", ["", "new", "templates", "validate", "schema", "open"])
def test_every_command_has_help(command: str) -> None:
    result = run(*([command] if command else []), "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: journeycanvas {command}".rstrip())


def test_templates_prints_name_tab_title_and_nothing_else() -> None:
    result = run("templates")
    assert result.returncode == 0 and result.stderr == ""
    expected = "".join(f"{info.name}\t{info.title}\n" for info in list_templates())
    assert result.stdout == expected
    assert result.stdout.startswith("hourglass\tMarketing hourglass")


def test_new_creates_a_map_from_a_template(tmp_path: Path) -> None:
    result = run(
        "new",
        "--template",
        "hourglass",
        "--title",
        "Bageriet på hörnet",
        "-o",
        "a.journey",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    journey = load_map(tmp_path / "a.journey")
    assert journey.title == "Bageriet på hörnet"
    assert journey.stages[0].name == "Know"


def test_new_without_a_template_makes_a_blank_map(tmp_path: Path) -> None:
    assert run("new", "-o", "b.journey", cwd=tmp_path).returncode == 0
    assert load_map(tmp_path / "b.journey").cards == []


def test_new_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    existing = tmp_path / "mine.journey"
    existing.write_text("my precious work", encoding="utf-8")
    assert_user_error(run("new", "-o", "mine.journey", cwd=tmp_path), "already exists")
    assert existing.read_text(encoding="utf-8") == "my precious work"
    assert run("new", "-o", "mine.journey", "--force", cwd=tmp_path).returncode == 0
    assert load_map(existing).title == "Untitled journey map"
    assert (tmp_path / "mine.journey.bak").read_text(encoding="utf-8") == "my precious work"


def test_new_with_an_unknown_template_lists_the_real_ones(tmp_path: Path) -> None:
    result = run("new", "--template", "funnel", "-o", "x.journey", cwd=tmp_path)
    assert_user_error(result, "no template called 'funnel'; choose from: hourglass")
    assert not (tmp_path / "x.journey").exists()


def test_new_into_a_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    assert_user_error(run("new", "-o", "no/such/x.journey", cwd=tmp_path), "does not exist")


def test_usage_errors_are_one_line_with_exit_1() -> None:
    assert_user_error(run("new"), "the following arguments are required: -o/--output")
    assert_user_error(run("validate"), "required: FILE")


def test_validate_reports_each_file(tmp_path: Path) -> None:
    good = FIXTURES / "v1.0" / "example.journey"
    bad = tmp_path / "bad.journey"
    data = json.loads(good.read_text(encoding="utf-8"))
    data["cards"][1]["stage"] = "s9"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run("validate", str(good), str(bad), "missing.journey", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{good}: ok",
        f"{bad}: cards[1].stage: no stage with id 's9'",
        "missing.journey: no such file",
    ]
    assert "Traceback" not in result.stderr


def test_validate_passes_the_templates_and_fixtures() -> None:
    files = [str(info.path) for info in list_templates()]
    files += [
        str(FIXTURES / v / name)
        for v, name in [("v0.9", "example.journey"), ("v1.1", "newer-minor.journey")]
    ]
    result = run("validate", *files)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [f"{file}: ok" for file in files]


def test_validate_never_prints_a_traceback_for_garbage(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.journey"
    garbage.write_bytes(bytes(range(256)) * 10)
    result = run("validate", str(garbage), str(tmp_path))
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout.splitlines() == [
        f"{garbage}: not UTF-8 text: byte 0x80 at offset 128 (line 2) is not valid UTF-8",
        f"{tmp_path}: is a folder, not a file",
    ]


def test_schema_prints_the_bundled_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert result.stdout == schema_resource().read_text(encoding="utf-8")


def test_opening_a_missing_file_is_a_user_error() -> None:
    assert_user_error(run("bakery.journey"), "bakery.journey: no such file")


@pytest.mark.parametrize(
    "command",
    [["templates"], ["schema"], ["validate", str(FIXTURES / "v1.0" / "example.journey")]],
)
def test_headless_commands_do_not_import_qt(command: list[str]) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from journeycanvas import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = cli.main({command!r})\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules, 'PySide6 was imported'\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


def test_new_does_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from journeycanvas import cli\n"
        f"assert cli.main(['new', '-o', {str(tmp_path / 'n.journey')!r}]) == 0\n"
        "assert 'PySide6' not in sys.modules\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------- in-process: the editor and the hook


def test_a_file_argument_starts_the_editor_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str | None] = []
    fake = types.ModuleType("journeycanvas.ui.app")
    fake.run_gui = lambda path: opened.append(path) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "journeycanvas.ui.app", fake)
    example = str(FIXTURES / "v1.0" / "example.journey")
    assert cli.main([example]) == 0
    assert cli.main([]) == 0
    assert opened == [example, None]


def test_without_the_editor_module_the_command_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "journeycanvas.ui.app", None)
    assert cli.main([]) == 1
    error = capsys.readouterr().err
    assert error.startswith("journeycanvas: cannot start the editor") and error.count("\n") == 1


def test_other_modules_can_add_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plugin = types.ModuleType("fake_export_commands")

    def register(subparsers: object) -> None:
        parser = subparsers.add_parser("export", help="export a map")  # type: ignore[attr-defined]
        parser.add_argument("file")
        parser.set_defaults(handler=lambda args: print(f"exported {args.file}") or 0)

    plugin.register = register  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_export_commands", plugin)
    monkeypatch.setattr(cli, "COMMAND_MODULES", ["fake_export_commands"])
    assert cli.main(["export", "x.journey"]) == 0
    assert capsys.readouterr().out == "exported x.journey\n"
    assert "export" in cli.build_parser().format_help()
