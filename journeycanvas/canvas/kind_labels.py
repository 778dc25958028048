"""Translated, human names of the model's kinds, for menus, lists and the inspector.

The one home of these names: the canvas's menus use them, and so do the main window's
palette, inspector and find bar (the shell may import the canvas, never the reverse).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journeycanvas.model.kinds import CardKind, ConnectorKind, LaneKind

_CONTEXT = "Kinds"

# QT_TRANSLATE_NOOP marks each name for lupdate; translate() looks it up at run time.
_CARD_KINDS: dict[CardKind, str] = {
    CardKind.ACTION: QT_TRANSLATE_NOOP("Kinds", "Action"),
    CardKind.TOUCHPOINT: QT_TRANSLATE_NOOP("Kinds", "Touchpoint"),
    CardKind.CHANNEL: QT_TRANSLATE_NOOP("Kinds", "Channel"),
    CardKind.THOUGHT: QT_TRANSLATE_NOOP("Kinds", "Thought"),
    CardKind.EMOTION: QT_TRANSLATE_NOOP("Kinds", "Emotion"),
    CardKind.PAIN_POINT: QT_TRANSLATE_NOOP("Kinds", "Pain point"),
    CardKind.OPPORTUNITY: QT_TRANSLATE_NOOP("Kinds", "Opportunity"),
    CardKind.CONTENT_IDEA: QT_TRANSLATE_NOOP("Kinds", "Content idea"),
    CardKind.METRIC: QT_TRANSLATE_NOOP("Kinds", "Metric"),
    CardKind.MILESTONE: QT_TRANSLATE_NOOP("Kinds", "Milestone"),
    CardKind.NOTE: QT_TRANSLATE_NOOP("Kinds", "Note"),
}

_LANE_KINDS: dict[LaneKind, str] = {
    LaneKind.ACTIONS: QT_TRANSLATE_NOOP("Kinds", "Actions"),
    LaneKind.TOUCHPOINTS: QT_TRANSLATE_NOOP("Kinds", "Touchpoints"),
    LaneKind.CHANNELS: QT_TRANSLATE_NOOP("Kinds", "Channels"),
    LaneKind.THOUGHTS: QT_TRANSLATE_NOOP("Kinds", "Thoughts"),
    LaneKind.EMOTIONS: QT_TRANSLATE_NOOP("Kinds", "Emotions"),
    LaneKind.PAIN_POINTS: QT_TRANSLATE_NOOP("Kinds", "Pain points"),
    LaneKind.OPPORTUNITIES: QT_TRANSLATE_NOOP("Kinds", "Opportunities"),
    LaneKind.CONTENT_IDEAS: QT_TRANSLATE_NOOP("Kinds", "Content ideas"),
    LaneKind.METRICS: QT_TRANSLATE_NOOP("Kinds", "Metrics"),
    LaneKind.BACKSTAGE: QT_TRANSLATE_NOOP("Kinds", "Backstage / owners"),
    LaneKind.NOTES: QT_TRANSLATE_NOOP("Kinds", "Notes"),
}

_CONNECTOR_KINDS: dict[ConnectorKind, str] = {
    ConnectorKind.FLOW: QT_TRANSLATE_NOOP("Kinds", "Flow"),
    ConnectorKind.BRANCH: QT_TRANSLATE_NOOP("Kinds", "Branch (if / then)"),
    ConnectorKind.BREAKPOINT: QT_TRANSLATE_NOOP("Kinds", "Breakpoint"),
}


def card_kind_label(kind: CardKind) -> str:
    """The name a user sees for a card kind, e.g. "Pain point"."""
    return QCoreApplication.translate(_CONTEXT, _CARD_KINDS[kind])


def lane_kind_label(kind: LaneKind) -> str:
    """The name a user sees for a lane kind, e.g. "Pain points"."""
    return QCoreApplication.translate(_CONTEXT, _LANE_KINDS[kind])


def connector_kind_label(kind: ConnectorKind) -> str:
    """The name a user sees for a connector kind, e.g. "Breakpoint"."""
    return QCoreApplication.translate(_CONTEXT, _CONNECTOR_KINDS[kind])
