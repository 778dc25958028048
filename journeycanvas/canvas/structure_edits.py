"""Editing stages and lanes from the canvas: add, delete (after asking), recolour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMessageBox

from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import (
    AddLaneCommand,
    AddStageCommand,
    EditCommand,
    RemoveLaneCommand,
    RemoveStageCommand,
)
from journeycanvas.model.entities import Lane, Stage
from journeycanvas.model.ids import all_ids, new_id
from journeycanvas.model.kinds import LaneKind, stage_color

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView


def add_stage(view: MapEditorView, index: int | None = None) -> str:
    """Insert a new stage (default: after the selected stage, else last) and rename it."""
    document = view.document
    stages = document.journey.stages
    if index is None:
        positions = [i for i, s in enumerate(stages) if s.id in set(view.selected_ids())]
        index = positions[-1] + 1 if positions else len(stages)
    stage = Stage(
        id=new_id("s", all_ids(document.journey)),
        name=QCoreApplication.translate("MapEditor", "New stage"),
        color=stage_color(len(stages)),
    )
    document.push(
        AddStageCommand(
            document, stage, index,
            selection_before=view.selected_ids(), selection_after=[stage.id],
        )
    )  # fmt: skip
    view.editor.edit_stage(stage.id)
    return stage.id


def add_lane(view: MapEditorView, index: int | None = None) -> str:
    """Insert a new lane of notes (default: below the selected lane, else last) and rename it."""
    document = view.document
    lanes = document.journey.lanes
    if index is None:
        positions = [i for i, lane in enumerate(lanes) if lane.id in set(view.selected_ids())]
        index = positions[-1] + 1 if positions else len(lanes)
    lane = Lane(id=new_id("l", all_ids(document.journey)), kind=LaneKind.NOTES,
                title=QCoreApplication.translate("MapEditor", "New lane"))  # fmt: skip
    document.push(
        AddLaneCommand(
            document, lane, index,
            selection_before=view.selected_ids(), selection_after=[lane.id],
        )
    )  # fmt: skip
    view.editor.edit_lane(lane.id)
    return lane.id


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
