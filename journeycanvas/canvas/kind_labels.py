"""Translated, human names of the model's kinds, for menus, lists and the inspector.

The names themselves live once, in the kind registry (`model.kinds`), marked there for
lupdate; these functions translate them. A kind this version does not know (from a
newer file) is shown by its raw id. The canvas's menus use them, and so do the main
window's palette, inspector and find bar (the shell may import the canvas, never the
reverse).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from journeycanvas.model.kinds import (
    TRANSLATION_CONTEXT,
    card_kind_spec,
    connector_kind_spec,
    lane_kind_spec,
)


def _translated(name: str, known: bool) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, name) if known else name


def card_kind_label(kind: str) -> str:
    """The name a user sees for a card kind, e.g. "Pain point"."""
    spec = card_kind_spec(kind)
    return _translated(spec.name, spec.known)


def lane_kind_label(kind: str) -> str:
    """The name a user sees for a lane kind, e.g. "Pain points"."""
    spec = lane_kind_spec(kind)
    return _translated(spec.name, spec.known)


def connector_kind_label(kind: str) -> str:
    """The name a user sees for a connector kind, e.g. "Breakpoint"."""
    spec = connector_kind_spec(kind)
    return _translated(spec.name, spec.known)
