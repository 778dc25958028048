"""One persona's journey: the map with only the cards tagged with that persona."""

from __future__ import annotations

from journeycanvas.i18n import _
from journeycanvas.io.pdf.options import ExportError
from journeycanvas.model.entities import JourneyMap, Persona


def find_persona(journey: JourneyMap, key: str) -> Persona:
    """The persona whose id is `key`, or whose name is `key` (ignoring case and spaces)."""
    wanted = " ".join(key.split()).casefold()
    for persona in journey.personas:
        if persona.id == key:
            return persona
    for persona in journey.personas:
        if " ".join(persona.name.split()).casefold() == wanted:
            return persona
    if not journey.personas:
        raise ExportError(_("no persona {name}: this map has no personas").format(name=repr(key)))
    names = ", ".join(repr(p.name) for p in journey.personas)
    raise ExportError(
        _("no persona {name} in this map; its personas are {names}").format(
            name=repr(key), names=names
        )
    )


def only_persona(journey: JourneyMap, persona: Persona) -> JourneyMap:
    """A copy of the map with only `persona`'s cards, and the connectors between them."""
    cards = [card for card in journey.cards if persona.id in card.personas]
    kept = {card.id for card in cards}
    connectors = [c for c in journey.connectors if c.source in kept and c.target in kept]
    return journey.model_copy(update={"cards": cards, "connectors": connectors})
