"""The one error a JourneyCanvas file can raise on load, and the safe quoting of user text."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, and lone surrogates: in a
# message they could recolour a terminal, reorder what the user reads, or fail to print.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` safe to quote in a message: control, bidi-override and broken characters escaped.

    Each such character is shown as its escape (``\\x1b``, ``\\u202e``), so the user still
    sees that something is there. Use it wherever a message quotes a file name, a title,
    a card's text, a CSV header or any other text a user or a file supplied.
    """
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class JourneyFileError(Exception):
    """A file that cannot be opened as a journey map.

    ``source`` is the file (or ``"<string>"``), ``path`` the JSON path of the offending
    value such as ``cards[3].stage`` (empty when the problem is the whole file) and
    ``message`` what is wrong. ``str(error)`` joins them on one line, ready to show, with
    control and bidi-override characters escaped.
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
        return printable(" ".join(text.split("\n")))

    def __str__(self) -> str:
        return f"{printable(self.source)}: {self.detail}"
