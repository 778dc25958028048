"""The ``journeycanvas`` command: the editor, and headless commands for scripts and CI.

``journeycanvas [FILE]`` opens the editor; ``journeycanvas COMMAND ...`` runs a command
without a display. Headless commands never import Qt.

Adding a command from another module: write a module with
``register(subparsers: argparse._SubParsersAction) -> None`` that calls
``subparsers.add_parser(...)`` and ``parser.set_defaults(handler=fn)``, where
``fn(args: argparse.Namespace) -> int`` returns the exit code and raises `CommandError`
(or `JourneyFileError`, `OSError`) for a user error. Then append the module's name to
`COMMAND_MODULES`. Import heavy libraries inside the handler, not at module level, so
that ``journeycanvas --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from journeycanvas.i18n import SOURCE_LANGUAGE, _, normalise, set_language, shipped_language

COMMAND_MODULES: list[str] = [
    "journeycanvas.cli_export",
    "journeycanvas.cli_merge",
    "journeycanvas.cli_workshop",
    "journeycanvas.cli_compare",
]
"""Modules whose ``register(subparsers)`` adds commands, e.g. export and import-csv."""

Registrar = Callable[[Any], None]


class CommandError(Exception):
    """A user error: its message is printed on one line and the command exits with 1."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports usage errors on one line and exits with 1."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            1,
            _("{prog}: {message} (see {prog} --help)").format(prog=self.prog, message=message)
            + "\n",
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    from journeycanvas import __version__
    from journeycanvas.model.entities import FORMAT_VERSION

    parser = _Parser(
        prog="journeycanvas",
        usage="journeycanvas [-h] [--version] [FILE | COMMAND ...]",
        description=_(
            "Edit customer-journey maps. With a FILE (or nothing), open the editor; "
            "with a COMMAND, work without a window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        help=_("show program's version number and exit"),
        version=_("journeycanvas {version} (file format {format})").format(
            version=__version__, format=FORMAT_VERSION
        ),
    )
    subparsers = parser.add_subparsers(
        title=_("commands"), metavar="COMMAND", dest="command", prog="journeycanvas"
    )
    for register in registrars():
        register(subparsers)
    return parser


def registrars() -> list[Registrar]:
    """The functions that add commands: the built-in ones, then each of `COMMAND_MODULES`."""
    return [
        register_builtin_commands,
        *(importlib.import_module(name).register for name in COMMAND_MODULES),
    ]


def register_builtin_commands(subparsers: Any) -> None:
    """Add open, new, templates, validate and schema."""
    opener = subparsers.add_parser(
        "open",
        help=_("open the editor (the same as journeycanvas FILE)"),
        description=_("Start the editor, with FILE open if one is given."),
    )
    opener.add_argument("file", nargs="?", metavar="FILE", help=_("a .journey file to open"))
    opener.set_defaults(handler=_open_editor)

    new = subparsers.add_parser(
        "new",
        help=_("create a map file from a template"),
        description=_("Create a new .journey file from a bundled template."),
    )
    new.add_argument(
        "--template", default="blank", metavar="NAME", help=_("template name (default: blank)")
    )
    new.add_argument("--title", metavar="TEXT", help=_("title of the new map"))
    new.add_argument(
        "--language",
        metavar="CODE",
        help=_(
            "the template's language where it is translated: en, sv, pl, zh_CN, id "
            "(default: English)"
        ),
    )
    new.add_argument("-o", "--output", required=True, metavar="FILE", help=_("file to create"))
    new.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    new.set_defaults(handler=_new_map)

    templates = subparsers.add_parser(
        "templates",
        help=_("list the bundled templates"),
        description=_("List the bundled templates, one a line: name, a tab, title."),
    )
    templates.set_defaults(handler=_list_templates)

    validate = subparsers.add_parser(
        "validate",
        help=_("check map files"),
        description=_(
            "Check .journey files. Prints 'FILE: ok' or 'FILE: what is wrong' for "
            "each; exits with 1 if any file is wrong."
        ),
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help=_("a .journey file"))
    validate.set_defaults(handler=_validate)

    schema = subparsers.add_parser(
        "schema",
        help=_("print the JSON Schema of the file format"),
        description=_("Print the JSON Schema of the .journey file format."),
    )
    schema.set_defaults(handler=_print_schema)


def _open_editor(args: argparse.Namespace) -> int:
    if args.file is not None and not Path(args.file).is_file():
        commands = ", ".join(sorted(_command_names(build_parser()) - {"open"}))
        raise CommandError(
            _("{file}: no such file (commands are: {commands})").format(
                file=args.file, commands=commands
            )
        )
    try:
        from journeycanvas.ui.app import run_gui
    except ImportError as exc:
        raise CommandError(cannot_start_editor(exc)) from exc
    return run_gui(args.file)


def _new_map(args: argparse.Namespace) -> int:
    from journeycanvas.i18n import available_languages
    from journeycanvas.io.jsonfile import save_map
    from journeycanvas.io.templates import UnknownTemplateError, load_template

    if args.language and shipped_language(args.language) is None:
        codes = ", ".join(language.code for language in available_languages())
        raise CommandError(
            _("no language called {code}; choose from: {codes}").format(
                code=repr(args.language), codes=codes
            )
        )
    output = Path(args.output)
    refuse_existing(output, args.force)
    try:
        journey = load_template(args.template, title=args.title, language=args.language)
    except UnknownTemplateError as exc:
        raise CommandError(str(exc)) from exc
    save_map(journey, output)
    return 0


def _list_templates(args: argparse.Namespace) -> int:
    from journeycanvas.io.templates import list_templates

    for info in list_templates():
        print(f"{info.name}\t{info.title}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from journeycanvas.io.errors import printable
    from journeycanvas.io.jsonfile import JourneyFileError, load_map

    failed = False
    for file in args.files:
        try:
            load_map(file)
        except JourneyFileError as exc:
            print(f"{printable(file)}: {exc.detail}")
            failed = True
        else:
            print(_("{file}: ok").format(file=printable(file)))
    return 1 if failed else 0


def _print_schema(args: argparse.Namespace) -> int:
    from journeycanvas.io.schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    # argparse keeps subcommands in a private action class; this is its documented shape.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def refuse_existing(output: Path, force: bool) -> None:
    """Raise CommandError when file `output` exists and --force was not given."""
    if output.exists() and not force:
        raise CommandError(
            _("{file}: already exists; add --force to replace it").format(file=output)
        )


def cannot_start_editor(reason: object) -> str:
    """The message for an editor that cannot start (Qt missing or broken)."""
    return _("cannot start the editor: {reason}").format(reason=reason)


def environment_language(environ: Mapping[str, str] = os.environ) -> str:
    """The shipped language the environment's locale asks for, as gettext reads it: the
    first of LC_ALL, LC_MESSAGES, LANG that is set names the locale (none, C or POSIX:
    English), then LANGUAGE's list and that locale are tried in turn; English otherwise."""
    locale_name = next(
        (environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), ""
    )
    if normalise(locale_name) in ("", "c", "posix"):
        return SOURCE_LANGUAGE  # gettext ignores LANGUAGE under the C locale
    for candidate in [*environ.get("LANGUAGE", "").split(":"), locale_name]:
        code = shipped_language(candidate) if candidate.strip() else None
        if code is not None:
            return code
    return SOURCE_LANGUAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 success, 1 user error).

    Messages are in the environment's language (`environment_language`)."""
    set_language(environment_language())
    from journeycanvas.cli_words import speak_through_our_catalogues

    speak_through_our_catalogues()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not arguments or (
        arguments[0] not in _command_names(parser) and not arguments[0].startswith("-")
    ):
        arguments.insert(0, "open")
    args = parser.parse_args(arguments)
    from journeycanvas.io.errors import JourneyFileError, printable

    try:
        return args.handler(args)
    except (CommandError, JourneyFileError) as exc:
        message = str(exc)
    except BrokenPipeError:
        # The reader went away (``journeycanvas templates | head -1``): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        message = f"{where}{exc.strerror or exc}"
    except KeyboardInterrupt:
        return 130
    # The message may quote file names, headers or card text: never echo control codes.
    print(f"journeycanvas: {printable(' '.join(message.split()))}", file=sys.stderr)
    return 1
