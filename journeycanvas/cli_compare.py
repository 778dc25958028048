"""The ``compare`` command: two maps compared in a printable PDF report, without Qt."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from journeycanvas.i18n import _, format_number, ngettext


def register(subparsers: Any) -> None:
    """Add the ``compare`` command."""
    compare = subparsers.add_parser(
        "compare",
        help=_("compare two maps in a PDF report"),
        description=_(
            "Compare map A (before: the as-is, last quarter's) with map B (after: the to-be, "
            "this quarter's) and write a PDF report in map B's language: the two emotion "
            "curves on one chart and every change in words, grouped by stage."
        ),
    )
    compare.add_argument("before", metavar="A", help=_("the older map"))
    compare.add_argument("after", metavar="B", help=_("the newer map"))
    compare.add_argument("-o", "--output", required=True, metavar="PDF", help=_("report to write"))
    compare.set_defaults(handler=_compare)


def _compare(args: argparse.Namespace) -> int:
    from journeycanvas.i18n import current_language
    from journeycanvas.io.errors import printable
    from journeycanvas.io.jsonfile import load_map
    from journeycanvas.merge.compare import compare_maps
    from journeycanvas.merge.compare_report import write_comparison_pdf

    # Unreadable maps and an unwritable report are the command line's to report (one line).
    before, after = load_map(args.before), load_map(args.after)
    comparison = compare_maps(before, after)
    pages = write_comparison_pdf(
        comparison, args.output, Path(args.before).name, Path(args.after).name
    )
    count, language = len(comparison.lines), current_language()
    # Translators: {changes} is e.g. "3 changes", {pages} e.g. "2 pages".
    print(
        _("{file}: {changes} on {pages}").format(
            file=printable(args.output),
            changes=ngettext("{count} change", "{count} changes", count).format(
                count=format_number(count, language)
            ),
            pages=ngettext("{count} page", "{count} pages", pages).format(
                count=format_number(pages, language)
            ),
        )
    )
    return 0
