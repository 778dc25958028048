"""Every sentence the diff and the merge write, through the shared catalogues.

A `Wording` speaks one language: the terminal's and the editor's (`Wording.interface`, for
the ``diff`` and ``merge`` commands' lines and the conflict list on screen) or a map's own
(`Wording.of_map`, for the conflict notes written into the merged map and the comparison
report). Each sentence is whole, with named placeholders; an object is named by one phrase
per kind of object ("stage {name}"), and "our"/"their" side are never glued in but spelled
out in two sentences, so that a translation can agree in gender and case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from journeycanvas.i18n import (
    Translations,
    current_language,
    current_translations,
    format_number,
    translator_for,
)
from journeycanvas.model.entities import JourneyMap
from journeycanvas.model.kinds import CARD_KINDS, TRANSLATION_CONTEXT


@dataclass(frozen=True, slots=True)
class Wording:
    """The sentences of the diff and the merge in one language."""

    t: Translations
    locale: str

    @classmethod
    def interface(cls) -> Wording:
        """The interface language (the environment's, for the command line)."""
        return cls(current_translations(), current_language())

    @classmethod
    def of_map(cls, journey: JourneyMap) -> Wording:
        """`journey`'s own language (English when it names none): for text written into it."""
        return cls.for_locale(journey.locale)

    @classmethod
    def for_locale(cls, locale: str) -> Wording:
        """The language of `locale` ("" = English)."""
        return cls(translator_for(locale), locale)

    def number(self, value: int) -> str:
        """A count or position the language's way."""
        return format_number(value, self.locale)

    # ------------------------------------------------------------ names

    def object(self, collection: str, name: str) -> str:
        """An object named in a sentence: "stage 'Buy'", "connector from 'A' to 'B'"."""
        t = self.t
        phrases: dict[str, Callable[[], str]] = {
            # Translators: {name} is the map's quoted title.
            "map": lambda: t.pgettext("merge object", "map {name}"),
            "personas": lambda: t.pgettext("merge object", "persona {name}"),
            "stages": lambda: t.pgettext("merge object", "stage {name}"),
            "lanes": lambda: t.pgettext("merge object", "lane {name}"),
            "cards": lambda: t.pgettext("merge object", "card {name}"),
            # Translators: {name} reads "from 'card A' to 'card B'".
            "connectors": lambda: t.pgettext("merge object", "connector {name}"),
            # Translators: {name} is the picture's id in the file.
            "assets": lambda: t.pgettext("merge object", "picture {name}"),
        }
        return phrases[collection]().format(name=name)

    def connector_name(self, source: str, target: str) -> str:
        """A connector named by the texts of its two cards."""
        return self.t.gettext("from {source} to {target}").format(source=source, target=target)

    def cell(self, stage: str, lane: str) -> str:
        """A cell named by its stage and lane."""
        # Translators: a cell of the map: its stage's name, then its lane's.
        return self.t.gettext("{stage} / {lane}").format(stage=stage, lane=lane)

    def nothing(self) -> str:
        """What an empty value is called."""
        # Translators: a field's value when it has none ("changed from nothing to 'Buy'").
        return self.t.pgettext("merge value", "nothing")

    def kind(self, kind: str) -> str:
        """A card kind's name inside a sentence ("pain point"); an unknown kind as written."""
        spec = CARD_KINDS.get(kind)
        if spec is None:
            return str(kind).replace("_", " ")
        name = self.t.pgettext(TRANSLATION_CONTEXT, spec.name)
        # Kind names are labels ("Pain point"); every shipped language writes them in lower
        # case inside a sentence.
        return name[:1].lower() + name[1:]

    def field(self, field: str) -> str:
        """A field named for people; a field this version does not know, as in the file."""
        t = self.t
        names: dict[str, Callable[[], str]] = {
            "name": lambda: t.pgettext("merge field", "name"),
            "description": lambda: t.pgettext("merge field", "description"),
            "color": lambda: t.pgettext("merge field", "colour"),
            "avatar": lambda: t.pgettext("merge field", "picture"),
            "goal": lambda: t.pgettext("merge field", "goal"),
            "width_mm": lambda: t.pgettext("merge field", "width"),
            "height_mm": lambda: t.pgettext("merge field", "height"),
            "kind": lambda: t.pgettext("merge field", "kind"),
            "title": lambda: t.pgettext("merge field", "title"),
            "text": lambda: t.pgettext("merge field", "text"),
            "notes": lambda: t.pgettext("merge field", "notes"),
            "tags": lambda: t.pgettext("merge field", "tags"),
            "personas": lambda: t.pgettext("merge field", "personas"),
            "votes": lambda: t.pgettext("merge field", "votes"),
            "emotion": lambda: t.pgettext("merge field", "emotion"),
            "metric": lambda: t.pgettext("merge field", "metric"),
            "value": lambda: t.pgettext("merge field", "value"),
            "target": lambda: t.pgettext("merge field", "target"),
            "unit": lambda: t.pgettext("merge field", "unit"),
            "span": lambda: t.pgettext("merge field", "span"),
            "image": lambda: t.pgettext("merge field", "picture"),
            "label": lambda: t.pgettext("merge field", "label"),
            "cell": lambda: t.pgettext("merge field", "place"),
            "media_type": lambda: t.pgettext("merge field", "picture type"),
            "data": lambda: t.pgettext("merge field", "picture"),
            "scenario": lambda: t.pgettext("merge field", "scenario"),
            "owner": lambda: t.pgettext("merge field", "owner"),
            "locale": lambda: t.pgettext("merge field", "language"),
            "export_settings": lambda: t.pgettext("merge field", "export settings"),
            "workshop_rounds": lambda: t.pgettext("merge field", "voting rounds"),
        }
        # A dotted path (metric.value) names each part.
        return ".".join(
            names[part]() if part in names else part.replace("_", " ") for part in field.split(".")
        )

    # ------------------------------------------------------------ changes between two maps

    def map_field(self, field: str, old: str, new: str) -> str:
        """One of the map's own fields changed."""
        return self.t.gettext("map {field} changed from {old} to {new}").format(
            field=field, old=old, new=new
        )

    def added(self, thing: str) -> str:
        """An object added (`thing` from `object`)."""
        # Translators: {object} is e.g. "stage 'Repeat'".
        return self.t.gettext("{object} added").format(object=thing)

    def removed(self, thing: str) -> str:
        """An object removed."""
        return self.t.gettext("{object} removed").format(object=thing)

    def renamed(self, thing: str, new: str) -> str:
        """An object renamed (named by its old name)."""
        return self.t.gettext("{object} renamed to {new}").format(object=thing, new=new)

    def field_changed(self, thing: str, field: str, old: str, new: str) -> str:
        """A field of an object changed."""
        return self.t.gettext("{object}: {field} changed from {old} to {new}").format(
            object=thing, field=field, old=old, new=new
        )

    def reordered(self, thing: str, old: int, new: int) -> str:
        """An object moved in its list (1-based positions)."""
        return self.t.gettext("{object} moved from position {old} to {new}").format(
            object=thing, old=self.number(old), new=self.number(new)
        )

    def card_added(self, kind: str, stage: str, text: str) -> str:
        """A card added, by its kind, stage and text."""
        # Translators: e.g. "pain point added in Buy: 'No parking'".
        return self.t.gettext("{kind} added in {stage}: {text}").format(
            kind=kind, stage=stage, text=text
        )

    def card_removed(self, kind: str, stage: str, text: str) -> str:
        """A card removed."""
        return self.t.gettext("{kind} removed from {stage}: {text}").format(
            kind=kind, stage=stage, text=text
        )

    def card_moved(self, name: str, old: str, new: str) -> str:
        """A card put in another cell."""
        return self.t.gettext("card {name} moved from {old} to {new}").format(
            name=name, old=old, new=new
        )

    def card_reordered(self, name: str, old: int, new: int, cell: str) -> str:
        """A card moved inside its cell (1-based places)."""
        return self.t.gettext("card {name} moved from place {old} to {new} in {cell}").format(
            name=name, old=self.number(old), new=self.number(new), cell=cell
        )

    def card_text(self, old: str, new: str) -> str:
        """A card's text changed."""
        return self.t.gettext("card {old} now reads {new}").format(old=old, new=new)

    def card_flagged(self, name: str, flagged: bool) -> str:
        """A card's merge-conflict flag set or cleared."""
        if flagged:
            return self.t.gettext("card {name} marked as a merge conflict").format(name=name)
        return self.t.gettext("card {name}: merge conflict resolved").format(name=name)

    # ------------------------------------------------------------ conflicts, one line each

    def conflict_changed(self, thing: str, field: str, ours: str, theirs: str) -> str:
        """Both sides changed one field: ours kept."""
        return self.t.gettext(
            "{object}: {field} changed on both sides; kept ours ({ours}), theirs was {theirs}"
        ).format(object=thing, field=field, ours=ours, theirs=theirs)

    def conflict_kept(self, thing: str, deleted_by_us: bool) -> str:
        """One side deleted an object the other changed: kept."""
        if deleted_by_us:
            text = self.t.gettext("{object}: deleted on our side but changed on their side; kept")
        else:
            text = self.t.gettext("{object}: deleted on their side but changed on our side; kept")
        return text.format(object=thing)

    def conflict_same_id(self, thing: str, other: str, ours_moved: bool, new_id: str) -> str:
        """Two kinds of object under one id: both kept, `thing` under `new_id`."""
        if ours_moved:
            # Translators: {other} is e.g. "card 'Queue outside'"; {id} the new id.
            text = self.t.gettext(
                "{object}: added on our side with the id of their {other}; kept both, ours "
                "now has id {id}"
            )
        else:
            text = self.t.gettext(
                "{object}: added on their side with the id of our {other}; kept both, theirs "
                "now has id {id}"
            )
        return text.format(object=thing, other=other, id=new_id)

    # ------------------------------------------------------------ notes written into the map

    def marker_field(self, field: str, value: str, thing: str | None) -> str:
        """Their value of a field, kept in the object's notes (or, naming it, the map's)."""
        if thing is None:
            # Translators: written into a card's notes; {value} is their text, whole.
            text = self.t.gettext("⚠ Merge conflict — their {field}: {value}")
        else:
            text = self.t.gettext("⚠ Merge conflict — {object}, their {field}: {value}")
        return text.format(object=thing, field=field, value=value)

    def marker_kept(self, thing: str | None, deleted_by_us: bool) -> str:
        """An object kept although one side deleted it."""
        t = self.t
        if thing is None:
            if deleted_by_us:
                return t.gettext(
                    "⚠ Merge conflict — deleted on our side, kept because their side changed it"
                )
            return t.gettext(
                "⚠ Merge conflict — deleted on their side, kept because our side changed it"
            )
        if deleted_by_us:
            text = t.gettext(
                "⚠ Merge conflict — {object} was deleted on our side, kept because their side "
                "changed it or something in it"
            )
        else:
            text = t.gettext(
                "⚠ Merge conflict — {object} was deleted on their side, kept because our side "
                "changed it or something in it"
            )
        return text.format(object=thing)

    def marker_same_id(
        self, thing: str | None, other: str, ours_moved: bool, old_id: str, new_id: str
    ) -> str:
        """An object that got a new id because the other side used its id for another."""
        t = self.t
        if thing is None:
            if ours_moved:
                text = t.gettext(
                    "⚠ Merge conflict — added on our side with the same id as their {other} "
                    "({old}); kept both, this one now has id {id}"
                )
            else:
                text = t.gettext(
                    "⚠ Merge conflict — added on their side with the same id as our {other} "
                    "({old}); kept both, this one now has id {id}"
                )
        elif ours_moved:
            text = t.gettext(
                "⚠ Merge conflict — {object} was added on our side with the same id as their "
                "{other} ({old}); kept both, it now has id {id}"
            )
        else:
            text = t.gettext(
                "⚠ Merge conflict — {object} was added on their side with the same id as our "
                "{other} ({old}); kept both, it now has id {id}"
            )
        return text.format(object=thing, other=other, old=old_id, id=new_id)
