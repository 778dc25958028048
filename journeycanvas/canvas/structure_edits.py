"""Editing stages and lanes from the canvas: add (one, or a stage set), delete (after
asking), recolour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMessageBox

from journeycanvas.canvas.kind_labels import lane_kind_label
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import (
    AddLaneCommand,
    AddStageCommand,
    EditCommand,
    RemoveLaneCommand,
    RemoveStageCommand,
)
from journeycanvas.io.stage_sets import StageSet
from journeycanvas.model.entities import Lane, Stage
from journeycanvas.model.ids import all_ids, new_id
from journeycanvas.model.kinds import LaneKind, stage_color

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView


def stage_insert_index(view: MapEditorView) -> int:
    """Where a stage inserted from the keyboard or a menu goes: after the last selected
    stage, else after the stage of the last selected card, else at the end."""
    stages = [stage.id for stage in view.document.journey.stages]
    selected = view.selected_ids()
    chosen = [s for s in selected if s in stages]
    chosen += [view.document.card(c).stage for c in view.selected_card_ids()]
    return max((stages.index(s) + 1 for s in chosen), default=len(stages))


def lane_insert_index(view: MapEditorView) -> int:
    """Where a lane inserted from the keyboard or a menu goes: below the last selected lane,
    else below the lane of the last selected card, else at the bottom."""
    lanes = [lane.id for lane in view.document.journey.lanes]
    chosen = [i for i in view.selected_ids() if i in lanes]
    chosen += [view.document.card(c).lane for c in view.selected_card_ids()]
    return max((lanes.index(lane) + 1 for lane in chosen), default=len(lanes))


def add_stage(view: MapEditorView, index: int | None = None) -> str:
    """Insert a new stage at column `index` (default: `stage_insert_index`) and type its
    name; adding and naming it are one undo step."""
    view.editor.finish(commit=True)
    document = view.document
    stages = document.journey.stages
    stage = Stage(
        id=new_id("s", all_ids(document.journey)),
        name=QCoreApplication.translate("MapEditor", "New stage"),
        color=stage_color(len(stages)),
    )
    command = AddStageCommand(
        document, stage, stage_insert_index(view) if index is None else index, typing=True,
        selection_before=view.selected_ids(), selection_after=[stage.id],
    )  # fmt: skip
    document.push(command)
    view.editor.edit_added_name(command)
    return stage.id


def add_lane(view: MapEditorView, index: int | None = None, kind: str = LaneKind.NOTES) -> str:
    """Insert a new lane of `kind`, titled by its kind, at row `index` (default:
    `lane_insert_index`) and type its title; adding and naming it are one undo step."""
    view.editor.finish(commit=True)
    document = view.document
    lane = Lane(id=new_id("l", all_ids(document.journey)), kind=kind, title=lane_kind_label(kind))
    command = AddLaneCommand(
        document, lane, lane_insert_index(view) if index is None else index, typing=True,
        selection_before=view.selected_ids(), selection_after=[lane.id],
    )  # fmt: skip
    document.push(command)
    view.editor.edit_added_name(command)
    return lane.id


def add_stage_set(view: MapEditorView, stage_set: StageSet, index: int | None = None) -> list[str]:
    """Insert all the stages of `stage_set`, with their goals, at column `index` (default:
    `stage_insert_index`), in one undo step; they end up selected."""
    view.editor.finish(commit=True)
    document = view.document
    stages = stage_set.new_stages(all_ids(document.journey))
    first = stage_insert_index(view) if index is None else index
    new_ids = [stage.id for stage in stages]
    stack = document.undo_stack
    stack.beginMacro(
        QCoreApplication.translate("MapEditor", "Add stages “{name}”").format(name=stage_set.title)
    )
    for offset, stage in enumerate(stages):
        document.push(
            AddStageCommand(
                document, stage, first + offset,
                selection_before=view.selected_ids() if offset == 0 else None,
                selection_after=new_ids if offset == len(stages) - 1 else None,
            )
        )  # fmt: skip
    stack.endMacro()
    return new_ids


def confirm_delete(view: MapEditorView, stage_ids: list[str], lane_ids: list[str]) -> bool:
    """Ask before deleting stages and lanes; the question says how many cards go with them."""
    document = view.document
    doomed = {c for s in stage_ids for c in document.cards_in_stage(s)}
    doomed |= {c for lane in lane_ids for c in document.cards_in_lane(lane)}
    names = [document.stage(s).name for s in stage_ids] + [
        document.lane(lane).title for lane in lane_ids
    ]
    if len(names) == 1:
        kind = (
            QCoreApplication.translate("MapEditor", "stage")
            if stage_ids
            else QCoreApplication.translate("MapEditor", "lane")
        )
        what = QCoreApplication.translate("MapEditor", "the {kind} “{name}”").format(
            kind=kind, name=names[0]
        )
    else:
        what = QCoreApplication.translate("MapEditor", "{count} stages and lanes").format(
            count=len(names)
        )
    if doomed:
        text = QCoreApplication.translate(
            "MapEditor", "Delete {what} and the %n card(s) in it?", None, len(doomed)
        ).format(what=what)
    else:
        text = QCoreApplication.translate("MapEditor", "Delete {what}? It holds no cards.").format(
            what=what
        )
    answer = QMessageBox.question(
        view,
        QCoreApplication.translate("MapEditor", "Delete"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def delete_stages_and_lanes(view: MapEditorView, stage_ids: list[str], lane_ids: list[str]) -> None:
    """Remove stages and lanes with their cards, in one undo step."""
    document = view.document
    stack = document.undo_stack
    before = view.selected_ids()
    single = len(stage_ids) + len(lane_ids) == 1
    if not single:
        stack.beginMacro(QCoreApplication.translate("MapEditor", "Delete stages and lanes"))
    for stage_id in stage_ids:
        document.push(RemoveStageCommand(document, stage_id, selection_before=before,
                                         selection_after=[]))  # fmt: skip
    for lane_id in lane_ids:
        document.push(RemoveLaneCommand(document, lane_id, selection_before=before,
                                        selection_after=[]))  # fmt: skip
    if not single:
        stack.endMacro()


def recolour_stage(view: MapEditorView, stage_id: str) -> None:
    """Let the user pick a stage's colour (one undo step)."""
    document = view.document
    current = QColor(document.stage(stage_id).color)
    color = QColorDialog.getColor(
        current, view, QCoreApplication.translate("MapEditor", "Stage colour")
    )
    if color.isValid() and color != current:
        document.push(EditCommand(document, Entity.STAGE, stage_id, {"color": color.name()}))
