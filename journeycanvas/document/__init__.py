"""One open map: the Document (model, undo stack, path, signals), its commands, the clipboard."""

from journeycanvas.document.document import Document

__all__ = ["Document"]
