"""The ``compare`` command: two maps compared in a printable PDF report, without Qt."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``compare`` command."""
    compare = subparsers.add_parser(
        "compare",
        help="compare two maps in a PDF report",
        description="Compare map A (before: the as-is, last quarter's) with map B (after: "
        "the to-be, this quarter's) and write a PDF report: the two emotion curves on one "
        "chart and every change in words, grouped by stage.",
    )
    compare.add_argument("before", metavar="A", help="the older map")
    compare.add_argument("after", metavar="B", help="the newer map")
    compare.add_argument("-o", "--output", required=True, metavar="PDF", help="report to write")
    compare.set_defaults(handler=_compare)


def _compare(args: argparse.Namespace) -> int:
    from journeycanvas.io.jsonfile import load_map
    from journeycanvas.merge.compare import compare_maps
    from journeycanvas.merge.compare_report import write_comparison_pdf

    before, after = load_map(args.before), load_map(args.after)
    comparison = compare_maps(before, after)
    pages = write_comparison_pdf(
        comparison, args.output, Path(args.before).name, Path(args.after).name
    )
    print(f"{args.output}: {len(comparison.lines)} changes on {pages} page(s)")
    return 0
