"""``journeycanvas workshop FILE``: the editor with a workshop started on FILE.

Prints one line, ``Join: URL``, on stdout once the server listens, so that a script (or the
facilitator's terminal) has the address the phones open. Ctrl+C (SIGINT) or SIGTERM ends
the workshop as Workshop → End does: the map is saved with every note and the journal goes.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import Any

from journeycanvas.cli import CommandError, cannot_start_editor
from journeycanvas.i18n import _


def register(subparsers: Any) -> None:
    """Add the ``workshop`` command."""
    parser = subparsers.add_parser(
        "workshop",
        help=_("open the editor with a workshop started on FILE"),
        description=_(
            "Open FILE in the editor and start a workshop: participants join from "
            "their phones over the local network. Prints 'Join: URL' on stdout."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=_("the .journey file of the workshop"))
    parser.add_argument(
        "--port", type=int, default=0, metavar="N", help=_("port to listen on (default: any free)")
    )
    parser.add_argument(
        "--bind",
        metavar="ADDRESS",
        help=_("address to listen on (default: this machine's first network address)"),
    )
    parser.add_argument(
        "--open",
        metavar="STAGE[:LANE]",
        help=_("open a stage (and lane; default the first) for notes at once, by name or id"),
    )
    parser.set_defaults(handler=_workshop)


def find_cell(journey: Any, wanted: str) -> tuple[str, str]:
    """The stage and lane ids that `wanted` ("Buy" or "Buy:Pain points", names or ids) names;
    CommandError when the map has no such stage or lane."""
    stage_name, _colon, lane_name = wanted.partition(":")

    def pick(items: list[Any], name: str, label: str, missing: str) -> str:
        for item in items:
            if (
                name in (item.id, getattr(item, label))
                or name.casefold() == getattr(item, label).casefold()
            ):
                return str(item.id)
        raise CommandError(missing.format(wanted=wanted, name=repr(name)))

    stage = pick(
        journey.stages,
        stage_name.strip(),
        "name",
        _("--open {wanted}: the map has no stage {name}"),
    )
    if not lane_name.strip():
        if not journey.lanes:
            raise CommandError(_("--open {wanted}: the map has no lanes").format(wanted=wanted))
        return stage, str(journey.lanes[0].id)
    return stage, pick(
        journey.lanes, lane_name.strip(), "title", _("--open {wanted}: the map has no lane {name}")
    )


def _workshop(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CommandError(_("{file}: no such file").format(file=args.file))
    if not 0 <= args.port <= 65535:
        raise CommandError(
            _("--port {port}: not a port number (0 to 65535)").format(port=args.port)
        )
    try:
        from journeycanvas.ui.app import application, run_event_loop, start_gui
        from journeycanvas.ui.settings import AppSettings
        from journeycanvas.ui.workshop_dialogs import machine_addresses
        from journeycanvas.ui.workshop_host import WorkshopError
    except ImportError as exc:
        raise CommandError(cannot_start_editor(exc)) from exc
    app = application()
    settings = AppSettings()
    window = start_gui(str(path), settings=settings)
    if window.document.path != path.absolute():
        window.close()
        raise CommandError(_("{file}: could not be opened").format(file=args.file))
    bind = args.bind or machine_addresses()[0]
    try:
        cell = find_cell(window.document.journey, args.open) if args.open else None
        window.workshop.host.start(bind, args.port)
    except (WorkshopError, CommandError) as exc:
        window.close()
        raise CommandError(str(exc)) from exc
    if cell is not None:
        window.workshop.host.open_input(*cell)
    window.workshop.dock.show()
    # Not translated: scripts read this line.
    print(f"Join: {window.workshop.host.url}", flush=True)

    def finish() -> None:
        try:
            window.workshop.host.end()
        except WorkshopError as exc:
            print(f"journeycanvas: {exc}", file=sys.stderr)
            app.exit(1)
            return
        window.close()
        app.quit()

    from PySide6.QtCore import QTimer

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_signal: QTimer.singleShot(0, finish))
    # Python runs signal handlers only when it has control: wake it now and then.
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(200)
    return run_event_loop(app, window)
