"""Edits of several objects at once, each pushed as ONE undo step.

The inspector with several cards, stages or lanes selected, a persona dropped on a
selection and find-and-replace all change many objects in one gesture: each object's
change is an `EditCommand` (or a `MoveCardsCommand`), and the lot is one macro on the undo
stack, so that one Ctrl+Z takes the whole gesture back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import EditCommand, MoveCardsCommand
from journeycanvas.document.document import Document


def push_as_one_step(document: Document, text: str, commands: Sequence[QUndoCommand]) -> bool:
    """Push `commands` as one undo step called `text`; False (nothing pushed) when empty."""
    if not commands:
        return False
    stack = document.undo_stack
    stack.beginMacro(text)
    try:
        for command in commands:
            document.push(command)
    finally:
        stack.endMacro()
    return True


def edit_each(
    document: Document,
    entity: Entity,
    ids: Sequence[str],
    change: Callable[[Any], dict[str, Any]],
    text: str,
    selection: Sequence[str] | None = None,
) -> bool:
    """Give each object `ids` of kind `entity` the fields `change(object)` returns, as one
    undo step (objects whose fields would not change are left out). False when nothing
    changed. Raises ValueError/KeyError, before pushing anything, for a refused change."""
    commands: list[EditCommand] = []
    for object_id in ids:
        target = document.find(entity, object_id)
        changes = {
            name: value for name, value in change(target).items() if getattr(target, name) != value
        }
        if changes:
            commands.append(EditCommand(document, entity, object_id, changes))
    _carry_selection(commands, selection)
    return push_as_one_step(document, text, commands)


def set_for_all(
    document: Document,
    entity: Entity,
    ids: Sequence[str],
    changes: dict[str, Any],
    text: str,
    selection: Sequence[str] | None = None,
) -> bool:
    """Set the same `changes` on every object `ids` (one undo step)."""
    return edit_each(document, entity, ids, lambda _target: dict(changes), text, selection)


def add_to_lists(
    document: Document,
    field: str,
    card_ids: Sequence[str],
    added: Iterable[str],
    removed: Iterable[str],
    text: str,
    selection: Sequence[str] | None = None,
) -> bool:
    """Add `added` to and take `removed` out of the list field `field` ("tags", "personas")
    of every card (one undo step); each card keeps its own other entries and their order."""
    adding = list(dict.fromkeys(added))
    dropping = set(removed)

    def change(card: Any) -> dict[str, Any]:
        values = [value for value in getattr(card, field) if value not in dropping]
        values += [value for value in adding if value not in values]
        return {field: values}

    return edit_each(document, Entity.CARD, card_ids, change, text, selection)


def move_to_lane(
    document: Document,
    card_ids: Sequence[str],
    lane_id: str,
    text: str,
    selection: Sequence[str] | None = None,
) -> bool:
    """Move cards into lane `lane_id`, each staying in its stage, at the end of the cell
    (one undo step)."""
    document.lane(lane_id)
    by_stage: dict[str, list[str]] = {}
    for card_id in card_ids:
        card = document.card(card_id)
        if card.lane != lane_id:
            by_stage.setdefault(card.stage, []).append(card_id)
    commands = []
    for stage_id, moving in by_stage.items():
        staying = len(document.cell_cards(stage_id, lane_id))
        commands.append(
            MoveCardsCommand(
                document, moving, stage_id, lane_id, staying,
                selection_before=[], selection_after=[],
            )
        )  # fmt: skip
    _carry_selection(commands, selection)
    return push_as_one_step(document, text, commands)


def _carry_selection(commands: Sequence[Any], selection: Sequence[str] | None) -> None:
    """Ask for `selection` once on undo (the first command undone last) and once on redo
    (the last command done last), not once per object."""
    for command in commands:
        command.selection_before = command.selection_after = None
    if commands and selection is not None:
        commands[0].selection_before = list(selection)
        commands[-1].selection_after = list(selection)
