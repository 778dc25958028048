"""The one error a JourneyCanvas file can raise on load: what is wrong, and where."""

from __future__ import annotations


class JourneyFileError(Exception):
    """A file that cannot be opened as a journey map.

    ``source`` is the file (or ``"<string>"``), ``path`` the JSON path of the offending
    value such as ``cards[3].stage`` (empty when the problem is the whole file) and
    ``message`` what is wrong. ``str(error)`` joins them on one line, ready to show.
    """

    def __init__(self, source: str, path: str, message: str) -> None:
        super().__init__(source, path, message)
        self.source = source
        self.path = path
        self.message = message

    @property
    def detail(self) -> str:
        """The error without the file name: ``cards[3].stage: no stage with id 's9'``."""
        text = f"{self.path}: {self.message}" if self.path else self.message
        return " ".join(text.split("\n"))

    def __str__(self) -> str:
        return f"{self.source}: {self.detail}"
