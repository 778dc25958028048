"""The journey-map model: Pydantic models and pure functions on them. No Qt, no I/O."""

from journeycanvas.model.entities import (
    FORMAT_TAG,
    FORMAT_VERSION,
    Asset,
    Card,
    Connector,
    JourneyMap,
    Lane,
    Metric,
    Persona,
    Stage,
)
from journeycanvas.model.ids import new_id
from journeycanvas.model.integrity import Problem, find_problems, normalise_orders
from journeycanvas.model.kinds import CardKind, ConnectorKind, LaneKind, default_card_kind

__all__ = [
    "FORMAT_TAG",
    "FORMAT_VERSION",
    "Asset",
    "Card",
    "CardKind",
    "Connector",
    "ConnectorKind",
    "JourneyMap",
    "Lane",
    "LaneKind",
    "Metric",
    "Persona",
    "Problem",
    "Stage",
    "default_card_kind",
    "find_problems",
    "new_id",
    "normalise_orders",
]
