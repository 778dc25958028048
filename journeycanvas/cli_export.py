"""The ``export`` and ``import-csv`` commands of ``journeycanvas``.

PDF, CSV and Markdown are written without Qt and without a display. PNG and SVG are drawn
by the editor's canvas: the command loads it only for them, offscreen when there is no
display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeycanvas.cli import CommandError, refuse_existing
from journeycanvas.i18n import _, ngettext, pgettext
from journeycanvas.io.errors import printable

if TYPE_CHECKING:
    from journeycanvas.io.pdf.options import ExportError

DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def hint_text(hint: str) -> str:
    """The command's wording of an ExportHint (by its value: the exporter is imported only
    when a command runs)."""
    return {"tile": _("tile it with --tile a4")}[hint]


def register(subparsers: Any) -> None:
    """Add the ``export`` and ``import-csv`` commands."""
    from journeycanvas.io.export_formats import (
        TRANSLATION_CONTEXT,
        export_formats,
        extension_formats,
        file_formats,
    )
    from journeycanvas.io.pdf.options import PALETTES

    formats = file_formats()
    kinds = "; ".join(
        f"{entry.format}: {pgettext(TRANSLATION_CONTEXT, entry.label)}"
        for entry in export_formats()
    )
    export = subparsers.add_parser(
        "export",
        help=_("export a map as {formats}").format(
            formats=", ".join(name.upper() for name in formats)
        ),
        description=_(
            "Export a .journey map. The format comes from OUT's extension ({extensions}) "
            "unless --format is given. A PDF is a poster fitted to A1 unless told otherwise; "
            "--tile splits it over office sheets, --blank prints the empty grid for sticky "
            "notes, --handouts prints pages per stage or persona (A4 unless --paper says "
            "otherwise). The kinds of export: {kinds}."
        ).format(extensions=", ".join(extension_formats()), kinds=kinds),
    )
    export.add_argument("file", metavar="FILE", help=_("the .journey map to export"))
    export.add_argument("-o", "--output", required=True, metavar="OUT", help=_("file to write"))
    export.add_argument(
        "--format", choices=formats, type=str.lower, help=_("default: from OUT's extension")
    )
    export.add_argument(
        "--paper",
        metavar="SIZE",
        help=_(
            "A0, A1, A2, A3, A4, A5, letter, tabloid or WxHmm such as 500x700mm (default A1; "
            "A4 for handouts)"
        ),
    )
    export.add_argument(
        "--orientation",
        choices=("landscape", "portrait"),
        type=str.lower,
        help=_("default: best fit"),
    )
    size = export.add_mutually_exclusive_group()
    size.add_argument("--fit", action="store_true", help=_("fit the map to the paper (default)"))
    size.add_argument(
        "--scale",
        type=_positive_number,
        metavar="N",
        help=_("print 1 mm of the map as N mm of paper (1 = as on screen at 100 %%)"),
    )
    export.add_argument(
        "--tile", choices=("a4", "letter"), type=str.lower, help=_("split the poster over sheets")
    )
    export.add_argument(
        "--overlap",
        type=_positive_number,
        default=10.0,
        metavar="MM",
        help=_("what neighbouring tiles share, in mm (default 10)"),
    )
    export.add_argument(
        "--blank", action="store_true", help=_("the empty grid with 76 mm cells for sticky notes")
    )
    export.add_argument(
        "--handouts",
        choices=("stage", "persona"),
        type=str.lower,
        help=_("handouts on --paper (default A4)"),
    )
    export.add_argument("--persona", metavar="NAME", help=_("only this persona's cards"))
    export.add_argument(
        "--delimiter",
        choices=tuple(DELIMITERS),
        default="comma",
        help=_("CSV column separator (default comma; semicolon for Excel in Sweden or Poland)"),
    )
    export.add_argument(
        "--palette",
        choices=PALETTES,
        default="default",
        type=str.lower,
        help=_(
            "PDF colours: the map's own (default), okabe-ito (safe for colour blindness) or "
            "greyscale (greys, persona initials, hatched metric bars)"
        ),
    )
    export.add_argument(
        "--dpi", type=_positive_number, default=150.0, metavar="N", help=_("PNG resolution")
    )
    export.set_defaults(handler=_export)

    importer = subparsers.add_parser(
        "import-csv",
        help=_("build a map from a CSV of cards"),
        description=_(
            "Make a new .journey map from a CSV file with the columns stage, lane, "
            "lane_kind, kind, text, notes, tags, personas, votes, emotion, metric_name, "
            "metric_value, metric_target, metric_unit (UTF-8, comma or semicolon separated). "
            "Every bad row is reported by line number, and no map is written until all are right."
        ),
    )
    importer.add_argument("csv", metavar="CSV", help=_("the CSV file to read"))
    importer.add_argument("-o", "--output", required=True, metavar="FILE", help=_("map to create"))
    importer.add_argument(
        "--title", metavar="TEXT", help=_("title of the map (default: file name)")
    )
    importer.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    importer.set_defaults(handler=_import_csv)


def _positive_number(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a number: {text}").format(text=repr(text))
        ) from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(
            _("must be a number above 0, not {text}").format(text=repr(text))
        )
    return value


def _export(args: argparse.Namespace) -> int:
    from journeycanvas.io.export import export_map
    from journeycanvas.io.jsonfile import load_map
    from journeycanvas.io.pdf.options import ExportError, ExportOptions

    options = ExportOptions(
        format=args.format,
        paper=args.paper,
        orientation=args.orientation,
        scale=args.scale,
        tile=args.tile,
        overlap_mm=args.overlap,
        persona=args.persona,
        blank=args.blank,
        handouts=args.handouts,
        source_name=Path(args.file).name,
        csv_delimiter=DELIMITERS[args.delimiter],
        dpi=args.dpi,
        palette=args.palette,
    )
    _refuse_same_file(
        args.output, args.file, _("{file}: is the map being exported; choose another output file")
    )
    try:
        journey = load_map(args.file)
        result = export_map(journey, args.output, options)
    except ExportError as exc:
        raise CommandError(_with_hints(exc)) from exc
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    print(f"{printable(str(args.output))}: {result.summary}")
    for warning in result.warnings:
        print(_("warning: {message}").format(message=warning), file=sys.stderr)
    return 0


def not_written(output: object, reason: object) -> str:
    """The message for an output file that was not written, and why."""
    return _("{file}: not written: {reason}").format(file=output, reason=reason)


def _refuse_same_file(output: str | Path, source: str, message: str) -> None:
    """Raise CommandError(`message` about {file}) when `output` is `source` (by any name):
    writing it loses the input."""
    try:
        same = os.path.samefile(output, source)
    except OSError:
        return  # one of them does not exist (yet): they cannot be the same file
    if same:
        raise CommandError(message.format(file=output))


def _with_hints(error: ExportError) -> str:
    """An ExportError's sentence with its hints worded as this command's options."""
    text = str(error)
    for hint in error.hints:
        text = _("{message}, or {hint}").format(message=text, hint=hint_text(hint))
    return text


def _import_csv(args: argparse.Namespace) -> int:
    from journeycanvas.io.csv_cards import CsvImportError, import_cards_csv
    from journeycanvas.io.jsonfile import save_map

    output = Path(args.output)
    _refuse_same_file(
        output, args.csv, _("{file}: is the CSV being imported; choose another output file")
    )
    refuse_existing(output, args.force)
    try:
        journey = import_cards_csv(args.csv, title=args.title)
    except CsvImportError as exc:
        raise CommandError(f"{args.csv}: {exc.one_line()}") from exc
    try:
        save_map(journey, output)
    except ValueError as exc:  # a map the loader would refuse is not written
        raise CommandError(not_written(output, exc)) from exc
    cards = ngettext("{count} card", "{count} cards", len(journey.cards))
    # Translators: {cards} is "{count} card(s)"; the stages' case may follow "in".
    where = ngettext("{cards} in {count} stage", "{cards} in {count} stages", len(journey.stages))
    summary = where.format(cards=cards.format(count=len(journey.cards)), count=len(journey.stages))
    print(f"{printable(str(output))}: {summary}")
    return 0
