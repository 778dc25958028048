"""The participant page's files, shipped in the package and served from memory: the only
things the server ever sends besides its WebSocket messages (no path reaches the disk)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from journeycanvas.i18n import current_language


@dataclass(frozen=True, slots=True)
class PageFile:
    """One file of the page: its bytes and content type."""

    body: bytes
    content_type: str


_FILES = {
    "": ("index.html", "text/html"),
    "app.js": ("app.js", "text/javascript"),
    "style.css": ("style.css", "text/css"),
}


_FACILITATOR = b'data-facilitator=""'
"""Where the page learns the facilitator's language: it shows its words in that one if it
has them, else in the phone's."""


def page_files(language: str | None = None) -> dict[str, PageFile]:
    """The page's files by their name in the join URL ("" is the page itself), the page
    marked with the facilitator's `language` (default: the interface language)."""
    folder = files("journeycanvas").joinpath("resources", "workshop")
    found = {
        route: PageFile(folder.joinpath(name).read_bytes(), content_type)
        for route, (name, content_type) in _FILES.items()
    }
    tag = (language or current_language()).replace("_", "-")
    page = found[""]
    marked = page.body.replace(_FACILITATOR, b'data-facilitator="%s"' % tag.encode("ascii"))
    found[""] = PageFile(marked, page.content_type)
    return found
