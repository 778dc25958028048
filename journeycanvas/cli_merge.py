"""The ``merge`` and ``diff`` commands of ``journeycanvas``: maps in git, without Qt.

``merge`` is a git merge driver (exit 0 merged cleanly, 1 merged with conflicts marked in
the map, 2 an input could not be read (missing, not a map, made by a newer version), the
maps could not be merged, or the result not written: then nothing is written, and git
keeps our version and reports the file as conflicted); ``diff`` lists the
changes between two maps in words, accepts git's external-diff arguments, and with
``--textconv`` prints one map as lines for ``git diff``.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from journeycanvas.cli import CommandError
from journeycanvas.cli_export import not_written
from journeycanvas.i18n import _

if TYPE_CHECKING:
    from journeycanvas.model.entities import JourneyMap

UNREADABLE = 2
"""The exit code for an input that cannot be read, maps that cannot be merged, or an output
that cannot be written: distinct from 1, which tells git that the merge has conflicts
marked in the written map. Nothing is written then."""

NO_FILE = "/dev/null"
"""What git's external diff passes for the missing side of an added or deleted file."""


def register(subparsers: Any) -> None:
    """Add the ``merge`` and ``diff`` commands."""
    merge = subparsers.add_parser(
        "merge",
        help=_("three-way merge of maps (a git merge driver)"),
        description=_(
            "Merge the changes that turned BASE into OURS and into THEIRS, object by object, "
            "and write the result to OUT. When both sides changed the same thing, ours is "
            "kept, theirs goes into the card's notes and the card is flagged. Exits 0 when "
            "the merge is clean, 1 when it has conflicts (OUT is still written) and 2 when a "
            "file cannot be read or written or the maps cannot be merged (OUT is not "
            "written). As a git merge driver: journeycanvas merge %O %A %B -o %A --name %P"
        ),
    )
    merge.add_argument("base", metavar="BASE", help=_("the common ancestor"))
    merge.add_argument("ours", metavar="OURS", help=_("our version"))
    merge.add_argument("theirs", metavar="THEIRS", help=_("their version"))
    merge.add_argument("-o", "--output", required=True, metavar="OUT", help=_("file to write"))
    merge.add_argument("--name", metavar="PATH", help=_("the map's name in messages (git's %%P)"))
    merge.set_defaults(handler=_merge)

    diff = subparsers.add_parser(
        "diff",
        help=_("list the changes between two maps in words"),
        description=_(
            "Print the changes from map A to map B, one a line (\"card 'Slow checkout' moved "
            "from Try to Buy\"). Also takes git's external-diff arguments (PATH OLD-FILE "
            "OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE). With --textconv, print one map as "
            "stable lines for git diff's textconv."
        ),
    )
    diff.add_argument("files", nargs="+", metavar="FILE", help=_("A and B, or git's arguments"))
    diff.add_argument(
        "--textconv", action="store_true", help=_("print the one FILE as lines of text")
    )
    diff.set_defaults(handler=_diff)


def _fail(message: str) -> int:
    from journeycanvas.io.errors import printable

    print(f"journeycanvas: {printable(' '.join(message.split()))}", file=sys.stderr)
    return UNREADABLE


def _merge(args: argparse.Namespace) -> int:
    from journeycanvas.io.errors import JourneyFileError, printable
    from journeycanvas.io.jsonfile import load_map, save_map
    from journeycanvas.merge import describe_conflict, merge_maps
    from journeycanvas.merge.three_way import MergeError

    inputs = (args.base, args.ours, args.theirs)
    try:
        base, ours, theirs = (load_map(path) for path in inputs)
    except JourneyFileError as exc:
        return _fail(str(exc))
    name = printable(args.name or args.output)
    try:
        result = merge_maps(base, ours, theirs)
    except MergeError as exc:
        # A bug, not the user's doing: say so, and leave every file as it was.
        return _fail(
            _(
                "{file}: the maps could not be merged, nothing was written (please report "
                "this): {reason}"
            ).format(file=name, reason=exc)
        )
    # git hands the driver temporary files: a backup beside them would litter the work tree.
    overwrites_input = any(_same_file(args.output, path) for path in inputs)
    try:
        save_map(result.journey, args.output, backup=not overwrites_input)
    except ValueError as exc:
        return _fail(not_written(args.output, exc))
    except OSError as exc:
        return _fail(not_written(args.output, exc.strerror or exc))
    for conflict in result.conflicts:
        print(
            _("{file}: conflict: {description}").format(
                file=name, description=describe_conflict(conflict)
            ),
            file=sys.stderr,
        )
    return 1 if result.conflicts else 0


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _diff(args: argparse.Namespace) -> int:
    from journeycanvas.io.errors import JourneyFileError, printable

    files: list[str] = args.files
    try:
        if args.textconv:
            if len(files) != 1:
                raise CommandError(_("diff --textconv takes one FILE"))
            from journeycanvas.merge import render_text

            sys.stdout.write(render_text(_load(files[0])))
            return 0
        if len(files) == 1:  # git passes only the path of a file that is not merged yet
            print(_("{file}: not merged yet").format(file=printable(files[0])))
            return 0
        if len(files) in (7, 9):  # git's external diff (9 with a rename)
            path, old, new = files[0], files[1], files[4]
            print(f"{printable(path)}:")
            _print_changes(old, new)
            return 0
        if len(files) != 2:
            raise CommandError(_("diff takes two maps A B, or git's seven external-diff arguments"))
        _print_changes(files[0], files[1])
    except JourneyFileError as exc:
        return _fail(str(exc))
    return 0


def _load(path: str, like: JourneyMap | None = None) -> JourneyMap:
    """The map at `path`; for git's /dev/null, an empty map (with `like`'s id)."""
    from journeycanvas.io.jsonfile import load_map
    from journeycanvas.model.entities import JourneyMap

    if path == NO_FILE:
        return JourneyMap(id=like.id if like is not None else "none")
    return load_map(path)


def _print_changes(old_path: str, new_path: str) -> None:
    from journeycanvas.merge import describe_changes

    old = _load(old_path) if old_path != NO_FILE else None
    new = _load(new_path, old)
    old = old if old is not None else _load(old_path, new)
    for line in describe_changes(old, new):
        print(line)
