"""The participant page's files, shipped in the package and served from memory: the only
things the server ever sends besides its WebSocket messages (no path reaches the disk)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files


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


def page_files() -> dict[str, PageFile]:
    """The page's files by their name in the join URL ("" is the page itself)."""
    folder = files("journeycanvas").joinpath("resources", "workshop")
    return {
        route: PageFile(folder.joinpath(name).read_bytes(), content_type)
        for route, (name, content_type) in _FILES.items()
    }
