"""One undo command per user-level edit of a map.

Commands call only Document methods, never scene items; the scene follows the document's
signals. Every command checks its input when it is built (ValueError/KeyError there, never
inside redo), and may carry the selection before and after it, which the document requests
again on undo and redo. Edits built with ``typing=True`` merge with the previous typing edit
of the same object, so that typing is one undo step, until `end_typing` closes the step.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeycanvas.document.changes import Entity
from journeycanvas.document.document import Document
from journeycanvas.model import edits
from journeycanvas.model.edits import CardsRemoval, Placement
from journeycanvas.model.entities import Asset, Card, Connector, Lane, Persona, Stage
from journeycanvas.model.ids import new_id
from journeycanvas.model.kinds import kind_uses_emotion

_NAME_LENGTH = 30


def _label(with_name: str, without_name: str, name: str) -> str:
    """`with_name` with the object's (shortened) name filled in, or `without_name`."""
    name = " ".join(name.split())
    if not name:
        return without_name
    if len(name) > _NAME_LENGTH:
        name = name[: _NAME_LENGTH - 1] + "…"
    return with_name.format(name=name)


class DocumentCommand(QUndoCommand):
    """Base of every edit: subclasses implement `_redo` and `_undo` on the document.

    `selection_before` / `selection_after` (lists of ids, or None to leave the selection
    alone) are requested from the views after undo / redo. `typing` says whether the command
    still absorbs typing edits pushed after it (see `mergeWith` of the subclasses).
    """

    typing = False

    def __init__(
        self,
        document: Document,
        text: str,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.selection_before = None if selection_before is None else list(selection_before)
        self.selection_after = None if selection_after is None else list(selection_after)

    def redo(self) -> None:
        """Do the edit, then ask for the selection that goes with its result."""
        self._redo()
        if self.selection_after is not None:
            self.document.request_selection(self.selection_after)

    def undo(self) -> None:
        """Undo the edit, then ask for the selection that was there before."""
        self._undo()
        if self.selection_before is not None:
            self.document.request_selection(self.selection_before)

    def end_typing(self) -> None:
        """Absorb no more typing: the text edit this command records is finished, so the
        next one, even of the same field, is an undo step of its own."""
        self.typing = False

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


def _existing(known: Callable[[str], bool], ids: Iterable[str]) -> list[str]:
    """`ids` without repeats, in their order; KeyError for one that `known` denies."""
    unique = list(dict.fromkeys(ids))
    for item_id in unique:
        if not known(item_id):
            raise KeyError(item_id)
    return unique


class _NewIds(Container[str]):
    """Ids in use: the map's, and those handed out by `fresh` for objects not yet in it."""

    def __init__(self, document: Document) -> None:
        self._map = document.taken_ids()
        self._given: set[str] = set()

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._given or item_id in self._map

    def fresh(self, prefix: str) -> str:
        """A new id in use by nothing yet; it is taken from now on."""
        fresh = new_id(prefix, self)
        self._given.add(fresh)
        return fresh


def _check_new_id(document: Document, item_id: str) -> None:
    """ValueError when an object of the map already has `item_id`."""
    if item_id in document.taken_ids():
        raise ValueError(f"id {item_id!r} is already in the map")


# A picture taken out of the map: its id, its position in the table, itself.
_DroppedAsset = tuple[str, int, Asset]


def _drop_unused_asset(document: Document, asset_id: str | None) -> _DroppedAsset | None:
    """Take picture `asset_id` out of the map if no persona or card shows it any more; what
    undo needs."""
    if asset_id is None or asset_id not in document.journey.assets:
        return None
    if document.asset_in_use(asset_id):
        return None
    return (asset_id, *document.remove_asset(asset_id))


def _restore_asset(document: Document, dropped: _DroppedAsset | None) -> None:
    """Put back a picture that `_drop_unused_asset` took out, if it took one."""
    if dropped is not None:
        asset_id, index, asset = dropped
        document.add_asset(asset_id, asset, index)


def _drop_unused_assets(document: Document, asset_ids: Iterable[str | None]) -> list[_DroppedAsset]:
    """`_drop_unused_asset` for each of `asset_ids` (repeats and None ignored)."""
    dropped = (_drop_unused_asset(document, a) for a in dict.fromkeys(asset_ids) if a is not None)
    return [d for d in dropped if d is not None]


def _restore_assets(document: Document, dropped: list[_DroppedAsset]) -> None:
    """Put back what `_drop_unused_assets` took out, in reverse, so positions come back."""
    for one in reversed(dropped):
        _restore_asset(document, one)


def _card_pictures(document: Document) -> set[str]:
    """The pictures the map's cards show."""
    return {card.image for card in document.journey.cards if card.image is not None}


# ---------------------------------------------------------------- field edits


_FIELD_EDIT_MERGE_ID = 1
_Q = "Command"  # the translation context of every command's undo-menu text
# The undo-menu text of a field edit, per kind of object: rows of (the fields edited alone
# that have their own wording — None for any other change —, the wording with the object's
# "{name}", the wording for an object without a name). Qt's marker is typed as returning
# object, hence the str() where they are read.
_EDIT_LABELS: tuple[tuple[Entity, frozenset[str] | None, object, object], ...] = (
    (
        Entity.CARD,
        frozenset({"text"}),
        QT_TRANSLATE_NOOP("Command", "Edit card text"),
        QT_TRANSLATE_NOOP("Command", "Edit card text"),
    ),
    (
        Entity.CARD,
        None,
        QT_TRANSLATE_NOOP("Command", "Edit card"),
        QT_TRANSLATE_NOOP("Command", "Edit card"),
    ),
    (
        Entity.STAGE,
        frozenset({"name"}),
        QT_TRANSLATE_NOOP("Command", "Rename stage “{name}”"),
        QT_TRANSLATE_NOOP("Command", "Rename stage"),
    ),
    (
        Entity.STAGE,
        frozenset({"width_mm"}),
        QT_TRANSLATE_NOOP("Command", "Resize stage “{name}”"),
        QT_TRANSLATE_NOOP("Command", "Resize stage"),
    ),
    (
        Entity.STAGE,
        None,
        QT_TRANSLATE_NOOP("Command", "Edit stage “{name}”"),
        QT_TRANSLATE_NOOP("Command", "Edit stage"),
    ),
    (
        Entity.LANE,
        frozenset({"title"}),
        QT_TRANSLATE_NOOP("Command", "Rename lane “{name}”"),
        QT_TRANSLATE_NOOP("Command", "Rename lane"),
    ),
    (
        Entity.LANE,
        frozenset({"height_mm"}),
        QT_TRANSLATE_NOOP("Command", "Resize lane “{name}”"),
        QT_TRANSLATE_NOOP("Command", "Resize lane"),
    ),
    (
        Entity.LANE,
        None,
        QT_TRANSLATE_NOOP("Command", "Edit lane “{name}”"),
        QT_TRANSLATE_NOOP("Command", "Edit lane"),
    ),
    (
        Entity.CONNECTOR,
        None,
        QT_TRANSLATE_NOOP("Command", "Edit connector"),
        QT_TRANSLATE_NOOP("Command", "Edit connector"),
    ),
    (
        Entity.PERSONA,
        None,
        QT_TRANSLATE_NOOP("Command", "Edit persona “{name}”"),
        QT_TRANSLATE_NOOP("Command", "Edit persona"),
    ),
    (
        Entity.MAP,
        frozenset({"export_settings"}),
        QT_TRANSLATE_NOOP("Command", "Change export settings"),
        QT_TRANSLATE_NOOP("Command", "Change export settings"),
    ),
    (
        Entity.MAP,
        None,
        QT_TRANSLATE_NOOP("Command", "Edit map details"),
        QT_TRANSLATE_NOOP("Command", "Edit map details"),
    ),
)


def _edit_label(entity: Entity, fields: Iterable[str], name: str) -> str:
    """The undo-menu text for changing `fields` of an object called `name`."""
    edited = frozenset(fields)
    for row_entity, row_fields, named, unnamed in _EDIT_LABELS:
        if row_entity is entity and row_fields in (edited, None):
            translate = QCoreApplication.translate
            return _label(translate(_Q, str(named)), translate(_Q, str(unnamed)), name)
    raise KeyError(entity)


def _object_name(target: Any) -> str:
    return str(getattr(target, "name", None) or getattr(target, "title", "") or "")


class EditCommand(DocumentCommand):
    """Set fields of one object — a card, stage, lane, connector, persona or the map's header.

    Consecutive typing edits of the same fields of the same object merge into one undo step.
    Changing a card's kind to one without an emotion score clears the score too.
    """

    def __init__(
        self,
        document: Document,
        entity: Entity,
        target_id: str,
        changes: dict[str, Any],
        *,
        typing: bool = False,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        target = document.find(entity, target_id)
        changes = dict(changes)
        if entity is Entity.CARD:
            kind = changes.get("kind", target.kind)
            if not kind_uses_emotion(kind) and target.emotion is not None:
                changes.setdefault("emotion", None)
        text = _edit_label(entity, changes, _object_name(target))
        super().__init__(document, text, selection_before, selection_after)
        self.entity = entity
        self.target_id = target_id
        self.changes = changes
        self.typing = typing
        self.old: dict[str, Any] = {}
        document.check_changes(target, self.changes)

    def _target(self) -> Any:
        return self.document.find(self.entity, self.target_id)

    def _redo(self) -> None:
        self.old = self.document.edit(self.entity, self.target_id, self.changes)

    def _undo(self) -> None:
        self.document.edit(self.entity, self.target_id, self.old)

    def id(self) -> int:
        """Qt's merge id: the same for every field edit (`mergeWith` checks the rest)."""
        return _FIELD_EDIT_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb a typing edit of the same field(s) of the same object done just after this one.

        Typing in another field starts a new undo step, so that undo takes back one field's
        edit at a time.
        """
        if not (
            type(other) is type(self)
            and isinstance(other, EditCommand)
            and self.typing
            and other.typing
            and other.entity is self.entity
            and other.target_id == self.target_id
            and other.changes.keys() == self.changes.keys()
        ):
            return False
        for name, value in other.old.items():
            self.old.setdefault(name, value)
        self.changes.update(other.changes)
        self.selection_after = other.selection_after
        target = self._target()
        # Typed and then deleted again: nothing is left to undo.
        self.setObsolete(all(getattr(target, n) == v for n, v in self.old.items()))
        return True


class _PictureEditCommand(EditCommand):
    """A field edit that may also set or remove the object's picture (field `_field`).

    ``changes[_field]`` is the new picture as an Asset or None to remove it. A picture is
    embedded once: one the map already holds, byte for byte, is reused under its id; else
    it gets a fresh id. A picture nothing shows any more leaves the map's assets with the
    edit, and undo puts it back. Edits that change the picture never merge.
    """

    _entity: Entity
    _field: str

    def __init__(
        self,
        document: Document,
        target_id: str,
        changes: dict[str, Any],
        *,
        typing: bool = False,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        changes = dict(changes)
        self.new_asset: tuple[str, Asset] | None = None
        self.dropped_asset: _DroppedAsset | None = None
        self.sets_picture = self._field in changes
        picture = changes.pop(self._field, None)
        picture_id = None
        if picture is not None:
            asset = Asset.model_validate(picture)
            picture_id = document.asset_with_content(asset)
            if picture_id is None:
                picture_id = new_id("a", document.taken_ids())
                self.new_asset = (picture_id, asset.model_copy(deep=True))
        super().__init__(
            document,
            self._entity,
            target_id,
            changes,
            typing=typing and not self.sets_picture,
            selection_before=selection_before,
            selection_after=selection_after,
        )
        if self.sets_picture:
            self.changes[self._field] = picture_id

    def _redo(self) -> None:
        previous = getattr(self._target(), self._field)
        if self.new_asset is not None:
            self.document.add_asset(*self.new_asset)
        super()._redo()
        self.dropped_asset = _drop_unused_asset(
            self.document, previous if self.sets_picture else None
        )
        # The same picture set again: nothing to undo.
        self.setObsolete(self.sets_picture and self.old == self.changes)

    def _undo(self) -> None:
        _restore_asset(self.document, self.dropped_asset)
        super()._undo()
        if self.new_asset is not None:
            self.document.remove_asset(self.new_asset[0])


class EditPersonaCommand(_PictureEditCommand):
    """Change a persona's name, description, colour or picture (``changes["avatar"]``: an
    Asset, or None to drop it; see `_PictureEditCommand`)."""

    _entity = Entity.PERSONA
    _field = "avatar"


class SetCardPictureCommand(_PictureEditCommand):
    """Show `picture` on a card (an Asset, stored once however many cards show it), or
    remove the card's picture with None: one undo step."""

    _entity = Entity.CARD
    _field = "image"

    def __init__(
        self,
        document: Document,
        card_id: str,
        picture: Asset | None,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        super().__init__(
            document,
            card_id,
            {"image": picture},
            selection_before=selection_before,
            selection_after=selection_after,
        )
        translate = QCoreApplication.translate
        self.setText(
            translate(_Q, "Set card picture")
            if picture is not None
            else translate(_Q, "Remove card picture")
        )


# ---------------------------------------------------------------- cards


class AddCardCommand(DocumentCommand):
    """Put a new card into its cell at slot ``card.order`` (see Document.new_card).

    Built with ``typing=True`` (a card added to be typed into at once), it absorbs the typing
    edits of the card's text pushed after it, so that adding a card and typing its text are
    one undo step.
    """

    def __init__(
        self,
        document: Document,
        card: Card,
        *,
        typing: bool = False,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        super().__init__(
            document,
            QCoreApplication.translate("Command", "Add card"),
            selection_before,
            [card.id] if selection_after is None else selection_after,
        )
        document.stage(card.stage)
        document.lane(card.lane)
        _check_new_id(document, card.id)
        self.card = card.model_copy(deep=True)
        self.typing = typing

    def id(self) -> int:
        """Qt's merge id: that of card edits while the card's text is being typed."""
        return _FIELD_EDIT_MERGE_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb a typing edit of the text of the card this command added.

        Nothing needs copying: the map holds `self.card` itself, which the edit has just
        changed, so redoing the add puts the card back with its typed text.
        """
        return (
            self.typing
            and isinstance(other, EditCommand)
            and other.entity is Entity.CARD
            and other.typing
            and other.target_id == self.card.id
            and other.changes.keys() == {"text"}
        )

    def _redo(self) -> None:
        self.document.add_card(self.card)

    def _undo(self) -> None:
        self.document.remove_cards([self.card.id])


class RemoveCardsCommand(DocumentCommand):
    """Delete cards (with the connectors touching them) and any other selected connectors."""

    def __init__(
        self,
        document: Document,
        card_ids: Sequence[str],
        connector_ids: Sequence[str] = (),
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        if card_ids:
            count = len(card_ids)
            text = (
                QCoreApplication.translate("Command", "Delete card")
                if count == 1
                else QCoreApplication.translate("Command", "Delete %n cards", None, count)
            )
        else:
            count = len(connector_ids)
            text = (
                QCoreApplication.translate("Command", "Delete connector")
                if count == 1
                else QCoreApplication.translate("Command", "Delete %n connectors", None, count)
            )
        super().__init__(
            document,
            text,
            [*card_ids, *connector_ids] if selection_before is None else selection_before,
            [] if selection_after is None else selection_after,
        )
        self.card_ids = _existing(document.has_card, card_ids)
        self.connector_ids = _existing(document.has_connector, connector_ids)
        self.connectors: list[tuple[int, Connector]] = []
        self.removal = CardsRemoval()
        self.dropped_assets: list[_DroppedAsset] = []

    def _redo(self) -> None:
        pictures = [self.document.card(card_id).image for card_id in self.card_ids]
        self.connectors = [self.document.remove_connector(k) for k in self.connector_ids]
        self.removal = self.document.remove_cards(self.card_ids)
        self.dropped_assets = _drop_unused_assets(self.document, pictures)

    def _undo(self) -> None:
        _restore_assets(self.document, self.dropped_assets)
        self.document.restore_cards(self.removal)
        for index, connector in reversed(self.connectors):
            self.document.add_connector(connector, index)


class MoveCardsCommand(DocumentCommand):
    """Move cards, in the given sequence, into a cell at slot `order`: one command per drag.

    `order` counts the cell's cards that are not moving (the slot under the pointer once the
    dragged cards are lifted out). A drop that changes nothing is not put on the stack.
    """

    def __init__(
        self,
        document: Document,
        card_ids: Sequence[str],
        stage_id: str,
        lane_id: str,
        order: int,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        count = len(card_ids)
        text = (
            QCoreApplication.translate("Command", "Move card")
            if count == 1
            else QCoreApplication.translate("Command", "Move %n cards", None, count)
        )
        super().__init__(
            document,
            text,
            card_ids if selection_before is None else selection_before,
            card_ids if selection_after is None else selection_after,
        )
        document.stage(stage_id)
        document.lane(lane_id)
        self.card_ids = _existing(document.has_card, card_ids)
        self.stage_id, self.lane_id, self.order = stage_id, lane_id, order
        self.before: dict[str, Placement] = {}

    def _redo(self) -> None:
        self.before = self.document.move_cards(
            self.card_ids, self.stage_id, self.lane_id, self.order
        )
        self.setObsolete(not self.before)

    def _undo(self) -> None:
        self.document.apply_placements(self.before)


class SetCardSpanCommand(DocumentCommand):
    """Widen or narrow a card over following stages (dragging its right edge)."""

    def __init__(
        self,
        document: Document,
        card_id: str,
        span: int,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        super().__init__(
            document,
            QCoreApplication.translate("Command", "Resize card"),
            selection_before,
            selection_after,
        )
        document.card(card_id)
        self.card_id, self.span, self.old_span = card_id, span, 0

    def _redo(self) -> None:
        self.old_span = self.document.set_card_span(self.card_id, self.span)
        self.setObsolete(self.document.card(self.card_id).span == self.old_span)

    def _undo(self) -> None:
        self.document.set_card_span(self.card_id, self.old_span)


def _copies(
    document: Document, cards: Sequence[Card], connectors: Sequence[Connector]
) -> tuple[list[Card], list[Connector]]:
    """Copies of `cards` with fresh ids, and of the `connectors` that join two of them.

    Persona tags the map does not know are dropped, so pasting from another map stays sound.
    """
    persona_ids = {persona.id for persona in document.journey.personas}
    taken = _NewIds(document)
    new_card_id = {card.id: taken.fresh("c") for card in cards}
    card_copies = []
    for card in cards:
        copy = card.model_copy(deep=True, update={"id": new_card_id[card.id]})
        copy.personas = [p for p in copy.personas if p in persona_ids]
        if not kind_uses_emotion(copy.kind):
            copy.emotion = None
        card_copies.append(copy)
    connector_copies = [
        connector.model_copy(
            deep=True,
            update={
                "id": taken.fresh("k"),
                "source": new_card_id[connector.source],
                "target": new_card_id[connector.target],
            },
        )
        for connector in connectors
        if connector.source in new_card_id and connector.target in new_card_id
    ]
    return card_copies, connector_copies


def _pasted_pictures(
    document: Document, cards: Sequence[Card], assets: Mapping[str, Asset]
) -> list[tuple[str, Asset]]:
    """Point the pasted `cards` at pictures of this map; returns the pictures to embed.

    A picture from the clipboard (`assets`, by the copied map's ids) that this map already
    holds, byte for byte, is reused; another one is embedded under a fresh id. A card whose
    picture is neither on the clipboard nor in this map pastes without one.
    """
    taken = _NewIds(document)
    new: list[tuple[str, Asset]] = []
    by_content: dict[tuple[str, str], str] = {}
    for card in cards:
        if card.image is None:
            continue
        asset = assets.get(card.image)
        if asset is None:
            card.image = card.image if card.image in document.journey.assets else None
            continue
        content = (asset.media_type, asset.data)
        image = by_content.get(content) or document.asset_with_content(asset)
        if image is None:
            image = taken.fresh("a")
            new.append((image, asset.model_copy()))
        card.image = by_content[content] = image
    return new


class PasteCardsCommand(DocumentCommand):
    """Insert copies of `cards` (fresh ids) into one cell from slot `order` on, in sequence,
    with copies of the `connectors` that join two of them and the pictures (`assets`, by id)
    they show.

    `card_ids` holds the new cards' ids; they are selected after the paste.
    """

    def __init__(
        self,
        document: Document,
        cards: Sequence[Card],
        connectors: Sequence[Connector],
        stage_id: str,
        lane_id: str,
        order: int,
        *,
        assets: Mapping[str, Asset] | None = None,
        selection_before: Sequence[str] | None = None,
    ) -> None:
        document.stage(stage_id)
        document.lane(lane_id)
        self.cards, self.connectors = _copies(document, cards, connectors)
        self.assets = _pasted_pictures(document, self.cards, assets or {})
        self.card_ids = [card.id for card in self.cards]
        count = len(self.cards)
        text = (
            QCoreApplication.translate("Command", "Paste card")
            if count == 1
            else QCoreApplication.translate("Command", "Paste %n cards", None, count)
        )
        super().__init__(document, text, selection_before, self.card_ids)
        for slot, card in enumerate(self.cards, start=max(0, order)):
            card.stage, card.lane, card.order = stage_id, lane_id, slot

    def _redo(self) -> None:
        for asset_id, asset in self.assets:
            self.document.add_asset(asset_id, asset)
        for card in self.cards:
            self.document.add_card(card)
        for connector in self.connectors:
            self.document.add_connector(connector)

    def _undo(self) -> None:
        self.document.remove_cards(self.card_ids)
        for asset_id, _ in reversed(self.assets):
            self.document.remove_asset(asset_id)


class DuplicateCardsCommand(DocumentCommand):
    """Put a copy of each card right after it in its cell (Ctrl+D), with the connectors
    between the duplicated cards; the copies are selected afterwards (`card_ids`, in
    reading order).
    """

    def __init__(
        self,
        document: Document,
        card_ids: Sequence[str],
        *,
        selection_before: Sequence[str] | None = None,
    ) -> None:
        journey = document.journey
        columns = {stage.id: i for i, stage in enumerate(journey.stages)}
        rows = {lane.id: i for i, lane in enumerate(journey.lanes)}
        chosen = set(_existing(document.has_card, card_ids))
        originals = sorted(
            (card for card in journey.cards if card.id in chosen),
            key=lambda card: (columns[card.stage], rows[card.lane], card.order),
        )
        self.original_ids = [card.id for card in originals]
        connectors = [k for k in journey.connectors if k.source in chosen and k.target in chosen]
        self.cards, self.connectors = _copies(document, originals, connectors)
        self.card_ids = [card.id for card in self.cards]
        count = len(self.cards)
        text = (
            QCoreApplication.translate("Command", "Duplicate card")
            if count == 1
            else QCoreApplication.translate("Command", "Duplicate %n cards", None, count)
        )
        super().__init__(
            document,
            text,
            self.original_ids if selection_before is None else selection_before,
            self.card_ids,
        )

    def _redo(self) -> None:
        # Originals go in ascending slot order within each cell, so each one's live order
        # already counts the copies inserted before it.
        for original_id, copy in zip(self.original_ids, self.cards, strict=True):
            copy.order = self.document.card(original_id).order + 1
            self.document.add_card(copy)
        for connector in self.connectors:
            self.document.add_connector(connector)

    def _undo(self) -> None:
        self.document.remove_cards(self.card_ids)


# ---------------------------------------------------------------- connectors


class AddConnectorCommand(DocumentCommand):
    """Join two different cards of the map with a connector."""

    def __init__(
        self,
        document: Document,
        connector: Connector,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        super().__init__(
            document,
            QCoreApplication.translate("Command", "Connect cards"),
            selection_before,
            [connector.id] if selection_after is None else selection_after,
        )
        document.card(connector.source)
        document.card(connector.target)
        if connector.source == connector.target:
            raise ValueError("a connector joins two different cards")
        _check_new_id(document, connector.id)
        self.connector = connector.model_copy(deep=True)

    def _redo(self) -> None:
        self.document.add_connector(self.connector)

    def _undo(self) -> None:
        self.document.remove_connector(self.connector.id)


# ---------------------------------------------------------------- stages, lanes, personas


class _AddCommand(DocumentCommand):
    """Insert a copy of a new stage, lane or persona at position `index` (default: last).

    Subclasses name the Document methods that add and remove their kind of object. Built
    with ``typing=True`` (a stage or lane added to be named at once), it absorbs the typing
    edits of its name field pushed after it, as AddCardCommand does with a card's text.
    """

    _add: Callable[[Document, Any, int | None], None]
    _remove: Callable[[Document, str], Any]
    _entity: Entity | None = None
    _name_field = ""

    def __init__(
        self,
        document: Document,
        item: Stage | Lane | Persona,
        index: int | None,
        text: str,
        selection_before: Sequence[str] | None,
        selection_after: Sequence[str] | None,
        typing: bool = False,
    ) -> None:
        super().__init__(document, text, selection_before, selection_after)
        _check_new_id(document, item.id)
        self.item, self.index = item.model_copy(deep=True), index
        self.typing = typing and self._entity is not None

    def id(self) -> int:
        """Qt's merge id: that of field edits while the new object's name is being typed."""
        return _FIELD_EDIT_MERGE_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb a typing edit of the name of the object this command added (the map holds
        `self.item` itself, so redoing the add puts it back with the typed name)."""
        merged = (
            self.typing
            and isinstance(other, EditCommand)
            and other.entity is self._entity
            and other.typing
            and other.target_id == self.item.id
            and other.changes.keys() == {self._name_field}
        )
        if merged:
            self.setText(self._describe(self.item))
        return merged

    @staticmethod
    def _describe(item: Any) -> str:
        """The undo text for adding `item` (subclasses that absorb typing name it)."""
        raise NotImplementedError

    def _redo(self) -> None:
        self._add(self.document, self.item, self.index)

    def _undo(self) -> None:
        self._remove(self.document, self.item.id)


class _RemoveCommand(DocumentCommand):
    """Delete one stage, lane or persona; undo restores it from what the removal returned.

    Subclasses name the Document methods that remove and restore their kind of object.
    """

    _remove: Callable[[Document, str], Any]
    _restore: Callable[[Document, Any], None]

    def __init__(
        self,
        document: Document,
        target_id: str,
        text: str,
        selection_before: Sequence[str] | None,
        selection_after: Sequence[str] | None,
    ) -> None:
        super().__init__(document, text, selection_before, selection_after)
        self.target_id = target_id
        self.removal: Any = None
        self.dropped_card_pictures: list[_DroppedAsset] = []

    def _redo(self) -> None:
        # The pictures only the removed cards (of a stage or lane) showed go with them.
        before = _card_pictures(self.document)
        self.removal = self._remove(self.document, self.target_id)
        gone = before - _card_pictures(self.document)
        self.dropped_card_pictures = _drop_unused_assets(self.document, sorted(gone))

    def _undo(self) -> None:
        _restore_assets(self.document, self.dropped_card_pictures)
        self._restore(self.document, self.removal)


class _MoveCommand(DocumentCommand):
    """Move a stage or lane (with its cards) to position `new_index`, clamped to the list.

    A move that keeps the position is not put on the stack. Subclasses name the Document
    method that moves their kind of object.
    """

    _move: Callable[[Document, str, int], Any]

    def __init__(
        self,
        document: Document,
        target_id: str,
        old_index: int,
        new_index: int,
        count: int,
        text: str,
        selection_before: Sequence[str] | None,
        selection_after: Sequence[str] | None,
    ) -> None:
        super().__init__(document, text, selection_before, selection_after)
        self.target_id = target_id
        self.old_index = old_index
        self.new_index = max(0, min(new_index, count - 1))
        if self.new_index == self.old_index:
            self.setObsolete(True)

    def _redo(self) -> None:
        self._move(self.document, self.target_id, self.new_index)

    def _undo(self) -> None:
        self._move(self.document, self.target_id, self.old_index)


class AddStageCommand(_AddCommand):
    """Insert a stage at column `index` (default: last); ``typing=True``: see _AddCommand."""

    _add = staticmethod(Document.add_stage)
    _remove = staticmethod(Document.remove_stage)
    _entity = Entity.STAGE
    _name_field = "name"

    def __init__(
        self,
        document: Document,
        stage: Stage,
        index: int | None = None,
        *,
        typing: bool = False,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        text = self._describe(stage)
        super().__init__(document, stage, index, text, selection_before, selection_after, typing)

    @staticmethod
    def _describe(item: Any) -> str:
        return _label(
            QCoreApplication.translate("Command", "Add stage “{name}”"),
            QCoreApplication.translate("Command", "Add stage"),
            item.name,
        )

    def _undo(self) -> None:
        # Spans that reached over the new column reach over the old one again.
        removal = self.document.remove_stage(self.item.id)
        self.document.restore_spans(removal.spans)


class RemoveStageCommand(_RemoveCommand):
    """Delete a stage with its cards (Document.cards_in_stage says which go)."""

    _remove = staticmethod(Document.remove_stage)
    _restore = staticmethod(Document.restore_stage)

    def __init__(
        self,
        document: Document,
        stage_id: str,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        text = _label(
            QCoreApplication.translate("Command", "Delete stage “{name}”"),
            QCoreApplication.translate("Command", "Delete stage"),
            document.stage(stage_id).name,
        )
        super().__init__(document, stage_id, text, selection_before, selection_after)


class MoveStageCommand(_MoveCommand):
    """Move a stage (with its cards) so that it ends up in column `new_index`."""

    _move = staticmethod(Document.move_stage)

    def __init__(
        self,
        document: Document,
        stage_id: str,
        new_index: int,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        text = _label(
            QCoreApplication.translate("Command", "Move stage “{name}”"),
            QCoreApplication.translate("Command", "Move stage"),
            document.stage(stage_id).name,
        )
        journey = document.journey
        old_index = edits.stage_position(journey, stage_id)
        super().__init__(
            document,
            stage_id,
            old_index,
            new_index,
            len(journey.stages),
            text,
            selection_before,
            selection_after,
        )
        self.spans: dict[str, int] = {}

    def _redo(self) -> None:
        self.spans = self.document.move_stage(self.target_id, self.new_index)

    def _undo(self) -> None:
        super()._undo()
        self.document.restore_spans(self.spans)


class AddLaneCommand(_AddCommand):
    """Insert a lane at row `index` (default: last); ``typing=True``: see _AddCommand."""

    _add = staticmethod(Document.add_lane)
    _remove = staticmethod(Document.remove_lane)
    _entity = Entity.LANE
    _name_field = "title"

    def __init__(
        self,
        document: Document,
        lane: Lane,
        index: int | None = None,
        *,
        typing: bool = False,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        text = self._describe(lane)
        super().__init__(document, lane, index, text, selection_before, selection_after, typing)

    @staticmethod
    def _describe(item: Any) -> str:
        return _label(
            QCoreApplication.translate("Command", "Add lane “{name}”"),
            QCoreApplication.translate("Command", "Add lane"),
            item.title,
        )


class RemoveLaneCommand(_RemoveCommand):
    """Delete a lane with its cards (Document.cards_in_lane says which go)."""

    _remove = staticmethod(Document.remove_lane)
    _restore = staticmethod(Document.restore_lane)

    def __init__(
        self,
        document: Document,
        lane_id: str,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        text = _label(
            QCoreApplication.translate("Command", "Delete lane “{name}”"),
            QCoreApplication.translate("Command", "Delete lane"),
            document.lane(lane_id).title,
        )
        super().__init__(document, lane_id, text, selection_before, selection_after)


class MoveLaneCommand(_MoveCommand):
    """Move a lane (with its cards) so that it ends up in row `new_index`."""

    _move = staticmethod(Document.move_lane)

    def __init__(
        self,
        document: Document,
        lane_id: str,
        new_index: int,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        text = _label(
            QCoreApplication.translate("Command", "Move lane “{name}”"),
            QCoreApplication.translate("Command", "Move lane"),
            document.lane(lane_id).title,
        )
        journey = document.journey
        old_index = edits.lane_position(journey, lane_id)
        super().__init__(
            document,
            lane_id,
            old_index,
            new_index,
            len(journey.lanes),
            text,
            selection_before,
            selection_after,
        )


class AddPersonaCommand(_AddCommand):
    """Add a persona, with its picture (`avatar`) embedded under a fresh asset id."""

    _add = staticmethod(Document.add_persona)
    _remove = staticmethod(Document.remove_persona)
    item: Persona  # the copy _AddCommand makes of the `persona` passed in

    def __init__(
        self,
        document: Document,
        persona: Persona,
        avatar: Asset | None = None,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        text = _label(
            QCoreApplication.translate("Command", "Add persona “{name}”"),
            QCoreApplication.translate("Command", "Add persona"),
            persona.name,
        )
        super().__init__(document, persona, None, text, selection_before, selection_after)
        self.asset: tuple[str, Asset] | None = None
        if avatar is not None:
            self.asset = (new_id("a", document.taken_ids()), avatar.model_copy(deep=True))
            self.item.avatar = self.asset[0]
        elif self.item.avatar is not None and self.item.avatar not in document.journey.assets:
            raise ValueError(f"no asset with id {self.item.avatar!r}")

    def _redo(self) -> None:
        if self.asset is not None:
            self.document.add_asset(*self.asset)
        super()._redo()

    def _undo(self) -> None:
        super()._undo()
        if self.asset is not None:
            self.document.remove_asset(self.asset[0])


class RemovePersonaCommand(_RemoveCommand):
    """Delete a persona: untag it from every card and drop its picture if no one else shows it."""

    _remove = staticmethod(Document.remove_persona)
    _restore = staticmethod(Document.restore_persona)

    def __init__(
        self,
        document: Document,
        persona_id: str,
        *,
        selection_before: Sequence[str] | None = None,
        selection_after: Sequence[str] | None = None,
    ) -> None:
        text = _label(
            QCoreApplication.translate("Command", "Delete persona “{name}”"),
            QCoreApplication.translate("Command", "Delete persona"),
            document.persona(persona_id).name,
        )
        super().__init__(document, persona_id, text, selection_before, selection_after)
        self.dropped_asset: _DroppedAsset | None = None

    def _redo(self) -> None:
        super()._redo()
        self.dropped_asset = _drop_unused_asset(self.document, self.removal.persona.avatar)

    def _undo(self) -> None:
        _restore_asset(self.document, self.dropped_asset)
        super()._undo()
