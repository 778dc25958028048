"""The whole map replaced as one undo step: a merge with another version, a reload."""

from __future__ import annotations

from collections.abc import Sequence

from journeycanvas.document.commands import DocumentCommand
from journeycanvas.document.document import Document
from journeycanvas.model.entities import JourneyMap


class ReplaceMapCommand(DocumentCommand):
    """Put another map in place of the document's; undo brings the old one back, the same
    objects, so that the commands before it still undo exactly."""

    def __init__(
        self,
        document: Document,
        journey: JourneyMap,
        text: str,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        super().__init__(document, text, None, selection_after)
        self._other = journey

    def _redo(self) -> None:
        self._other = self.document.replace_map(self._other)

    def _undo(self) -> None:
        self._other = self.document.replace_map(self._other)
