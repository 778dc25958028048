"""Cards on the clipboard: JSON that JourneyCanvas pastes back, plain text for other programs.

The JSON payload is ``{"format": "journeycanvas-cards", "version": "1.0", "cards": [...],
"connectors": [...], "assets": {...}}`` with cards, connectors and the pictures the cards
show as in a .journey file ("assets" left out when there are none). Reading it never
raises: anything that is not a sound payload gives None; a picture the loader would
refuse is left out (its cards paste without it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError
from PySide6.QtCore import QMimeData

from journeycanvas.io.jsonfile import asset_problems
from journeycanvas.model.entities import Asset, Card, Connector, JourneyMap

MIME_TYPE = "application/x-journeycanvas-cards+json"
PAYLOAD_FORMAT = "journeycanvas-cards"
PAYLOAD_VERSION = "1.0"


@dataclass
class CardsPayload:
    """Cards in reading order, the connectors that join two of them, and the pictures the
    cards show (by asset id)."""

    cards: list[Card]
    connectors: list[Connector]
    assets: dict[str, Asset] = field(default_factory=dict)


def copied_cards(journey: JourneyMap, card_ids: Iterable[str]) -> CardsPayload:
    """The cards named in `card_ids`, stage by stage, lane by lane, top to bottom, with the
    connectors between them."""
    wanted = set(card_ids)
    columns = {stage.id: i for i, stage in enumerate(journey.stages)}
    rows = {lane.id: i for i, lane in enumerate(journey.lanes)}
    cards = sorted(
        (card for card in journey.cards if card.id in wanted),
        key=lambda card: (columns.get(card.stage, 0), rows.get(card.lane, 0), card.order),
    )
    chosen = {card.id for card in cards}
    connectors = [k for k in journey.connectors if k.source in chosen and k.target in chosen]
    assets = {
        card.image: journey.assets[card.image].model_copy()
        for card in cards
        if card.image is not None and card.image in journey.assets
    }
    return CardsPayload(
        [c.model_copy(deep=True) for c in cards], [k.model_copy() for k in connectors], assets
    )


def payload_to_json(payload: CardsPayload) -> bytes:
    """The payload as UTF-8 JSON."""
    content: dict[str, object] = {
        "format": PAYLOAD_FORMAT,
        "version": PAYLOAD_VERSION,
        "cards": [card.model_dump(mode="json") for card in payload.cards],
        "connectors": [connector.model_dump(mode="json") for connector in payload.connectors],
    }
    if payload.assets:
        content["assets"] = {key: a.model_dump(mode="json") for key, a in payload.assets.items()}
    return json.dumps(content, ensure_ascii=False).encode("utf-8")


def payload_from_json(data: bytes) -> CardsPayload | None:
    """The payload in `data`, or None when it is not a sound cards payload of version 1."""
    try:
        content = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(content, dict) or content.get("format") != PAYLOAD_FORMAT:
        return None
    version = content.get("version")
    if not isinstance(version, str) or version.split(".")[0] != PAYLOAD_VERSION.split(".")[0]:
        return None
    raw_cards = content.get("cards")
    raw_connectors = content.get("connectors", [])
    raw_assets = content.get("assets", {})
    if not isinstance(raw_cards, list) or not raw_cards or not isinstance(raw_connectors, list):
        return None
    if not isinstance(raw_assets, dict):
        return None
    try:
        cards = [Card.model_validate(raw) for raw in raw_cards]
        connectors = [Connector.model_validate(raw) for raw in raw_connectors]
        assets = {str(key): Asset.model_validate(raw) for key, raw in raw_assets.items()}
    except (ValidationError, RecursionError):
        return None
    ids = {card.id for card in cards}
    if len(ids) != len(cards):
        return None
    connectors = [k for k in connectors if k.source in ids and k.target in ids]
    return CardsPayload(cards, connectors, _sound_assets(assets))


def _sound_assets(assets: dict[str, Asset]) -> dict[str, Asset]:
    """`assets` without the pictures the loader would refuse (type, size, content)."""
    return {
        key: asset
        for key, asset in assets.items()
        if not asset_problems(JourneyMap(id="clipboard", assets={key: asset}))
    }


def payload_text(payload: CardsPayload) -> str:
    """One card text per line, for pasting into other programs."""
    return "\n".join(" ".join(card.text.split()) for card in payload.cards)


def mime_data_for(journey: JourneyMap, card_ids: Iterable[str]) -> QMimeData:
    """Clipboard data for copying the cards `card_ids` of `journey`."""
    payload = copied_cards(journey, card_ids)
    mime = QMimeData()
    mime.setData(MIME_TYPE, payload_to_json(payload))
    mime.setText(payload_text(payload))
    return mime


def payload_from_mime(mime: QMimeData | None) -> CardsPayload | None:
    """The cards on the clipboard, or None when it holds no JourneyCanvas cards."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    return payload_from_json(bytes(mime.data(MIME_TYPE).data()))
