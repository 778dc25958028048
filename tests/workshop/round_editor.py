"""A workshop with a voting round open, for the crash test: ``python round_editor.py MAP``
starts a workshop on MAP on 127.0.0.1, opens a named round (2 votes each) over the map's
first three cards with text, prints ``Join: URL`` and runs until it is killed."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from journeycanvas.document.document import Document
from journeycanvas.ui.workshop_host import WorkshopHost

VOTES_EACH = 2


def round_cards(document: Document) -> list[str]:
    """The cards the round is over: the first three with text."""
    return [card.id for card in document.journey.cards if card.text][:3]


def main(path: str) -> int:
    """Run the workshop until the process is killed."""
    app = QApplication([])
    document = Document()
    document.load(Path(path))
    host = WorkshopHost(document)
    host.start("127.0.0.1")
    host.start_round("Worst pain", round_cards(document), VOTES_EACH, anonymous=False)
    print(f"Join: {host.url}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
