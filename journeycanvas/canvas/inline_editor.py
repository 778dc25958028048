"""Editing text in place: a card's text, a new card, a stage's name, a lane's title, a label.

A text box is laid over the object on the viewport. Enter commits (one undo step); on a
card it then starts the next card in the same cell, for fast capture in a workshop.
Shift+Enter breaks the line, Esc cancels, except on a new card, whose typed text Esc
keeps, as on a whiteboard (Ctrl+Z takes the card back). A new card is put into its cell
at once, so that the cards below make room for it; left empty, it is not kept, whether
it was started by a double-click, a key or a palette drop. `commit_pending` puts the text
typed so far into the map without closing the box (for autosave); what follows merges
into the same undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from journeycanvas.canvas.units import qrect
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import (
    AddCardCommand,
    AddLaneCommand,
    AddStageCommand,
    DocumentCommand,
    EditCommand,
)
from journeycanvas.layout import MM_PER_PT
from journeycanvas.model.entities import Lane, Stage
from journeycanvas.model.kinds import card_kind_spec

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView


class EditKind(Enum):
    """What the text box edits."""

    CARD = "card"
    STAGE = "stage"
    LANE = "lane"
    CONNECTOR = "connector"


@dataclass(frozen=True)
class EditTarget:
    """The object under edit; a new card is named by its cell, slot and kind."""

    kind: EditKind
    object_id: str = ""
    stage_id: str = ""
    lane_id: str = ""
    order: int = 0
    card_kind: str | None = None


@dataclass
class _Session:
    """One edit in place: its target, the text it started from, the commands it pushed so
    far (they absorb its later typing) and, for a card it added, the adding command."""

    target: EditTarget
    original: str
    pushed: list[DocumentCommand] = field(default_factory=list)
    added: AddCardCommand | None = None


class _TextBox(QPlainTextEdit):
    """The text box: hands Enter, Esc and leaving over to its `InlineEditor`."""

    def __init__(self, editor: InlineEditor, parent: QWidget) -> None:
        super().__init__(parent)
        self._editor = editor

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter commits, Shift+Enter breaks the line (cards), Esc cancels."""
        if not self._editor.key_pressed(event):
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the box commits the edit."""
        super().focusOutEvent(event)
        self._editor.finish(commit=True)


class InlineEditor(QObject):
    """The in-place text box of a view; at most one edit at a time."""

    def __init__(self, view: MapEditorView) -> None:
        super().__init__(view)
        self.view = view
        self.widget = _TextBox(self, view.viewport())
        self.widget.setFrameShape(QFrame.Shape.NoFrame)
        self.widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.widget.setTabChangesFocus(True)
        self.widget.hide()
        self._session: _Session | None = None
        self._finishing = False

    @property
    def active(self) -> bool:
        """Whether an edit is open."""
        return self._session is not None

    @property
    def target(self) -> EditTarget | None:
        """What the open edit changes, or None."""
        return None if self._session is None else self._session.target

    # ------------------------------------------------------------ starting

    def edit_card(self, card_id: str) -> None:
        """Edit the text of an existing card."""
        card = self.view.document.card(card_id)
        target = EditTarget(EditKind.CARD, card_id, card.stage, card.lane, card.order, card.kind)
        self._open(target, card.text)

    def new_card(self, stage_id: str, lane_id: str, order: int, kind: str | None = None) -> None:
        """Add an empty card at a slot of a cell and type its text (one undo step; the card
        goes again if its edit ends with it empty)."""
        self.finish(commit=True)
        document = self.view.document
        card = document.new_card(stage_id, lane_id, order, kind)
        command = AddCardCommand(
            document, card, typing=True, selection_before=self.view.selected_ids()
        )
        document.push(command)
        self.edit_added_card(command)

    def edit_added_card(self, command: AddCardCommand) -> None:
        """Type the text of a card a gesture has just added with `command` (a palette drop,
        built with ``typing=True``): adding and typing are one undo step, and a card whose
        edit ends with it still empty goes again, leaving no undo step."""
        card = command.card
        target = EditTarget(EditKind.CARD, card.id, card.stage, card.lane, card.order, card.kind)
        session = self._open(target, card.text)
        session.added = command
        session.pushed.append(command)

    def edit_added_name(self, command: AddLaneCommand | AddStageCommand) -> None:
        """Type the name of a stage or lane just added with `command` (built with
        ``typing=True``): adding it and naming it are one undo step."""
        item = command.item
        if isinstance(item, Stage):
            session = self._open(EditTarget(EditKind.STAGE, item.id), item.name)
        elif isinstance(item, Lane):
            session = self._open(EditTarget(EditKind.LANE, item.id), item.title)
        else:
            return
        session.pushed.append(command)

    def edit_stage(self, stage_id: str) -> None:
        """Rename a stage."""
        self._open(EditTarget(EditKind.STAGE, stage_id), self.view.document.stage(stage_id).name)

    def edit_lane(self, lane_id: str) -> None:
        """Rename a lane."""
        self._open(EditTarget(EditKind.LANE, lane_id), self.view.document.lane(lane_id).title)

    def edit_connector(self, connector_id: str) -> None:
        """Edit a connector's label (a branch's condition)."""
        label = self.view.document.connector(connector_id).label
        self._open(EditTarget(EditKind.CONNECTOR, connector_id), label)

    def _open(self, target: EditTarget, text: str) -> _Session:
        self.finish(commit=True)
        self._session = session = _Session(target, text)
        widget = self.widget
        widget.setPlainText(text)
        widget.selectAll()
        self._style()
        self.reposition()
        widget.show()
        widget.raise_()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return session

    # ------------------------------------------------------------ geometry

    def _scene_rect(self) -> QRectF | None:
        """Where the text box goes, in scene millimetres; None when the object is gone."""
        target = self.target
        if target is None:
            return None
        scene = self.view.map_scene
        try:
            if target.kind == EditKind.CONNECTOR:
                # A label's place needs the connectors routed; the others do not.
                connector = scene.layout.connectors[target.object_id]
            else:
                layout = scene.card_layout
                if target.kind == EditKind.CARD:
                    return qrect(layout.cards[target.object_id].rect)
                if target.kind == EditKind.STAGE:
                    return qrect(layout.stages[layout.stage_index[target.object_id]].rect)
                return qrect(layout.lanes[layout.lane_index[target.object_id]].rect)
        except KeyError:
            return None
        if connector.label_rect is not None:
            return qrect(connector.label_rect).adjusted(-6, -1, 6, 1)
        return QRectF(connector.mid.x - 18, connector.mid.y - 3.5, 36, 7)

    def reposition(self) -> None:
        """Keep the text box over its object (after scrolling, zooming or a layout change)."""
        target = self.target
        if target is None:
            return
        rect = self._scene_rect()
        if rect is None:
            self.finish(commit=False)
            return
        view = self.view
        self.widget.setGeometry(view.mapFromScene(rect).boundingRect().adjusted(0, 0, 1, 1))
        style = view.map_scene.engine.style
        size_pt = style.card_text_pt
        if target.kind == EditKind.STAGE:
            size_pt = style.stage_name_pt
        elif target.kind == EditKind.LANE:
            size_pt = style.lane_title_pt
        elif target.kind == EditKind.CONNECTOR:
            size_pt = style.connector_label_pt
        font = QFont(view.map_scene.qt_fonts.font(view.map_scene.engine.fonts.font_files()[0].name))
        font.setPixelSize(max(6, round(size_pt * MM_PER_PT * view.pixels_per_mm())))
        font.setBold(target.kind in (EditKind.STAGE, EditKind.LANE))
        self.widget.setFont(font)

    def _style(self) -> None:
        target = self.target
        if target is None:
            return
        fill = "#ffffff"
        if target.kind == EditKind.CARD and target.card_kind is not None:
            fill = card_kind_spec(target.card_kind).fill
            fill = self.view.document.card(target.object_id).color or fill
        text = "#1f2a30" if QColor(fill).lightnessF() > 0.5 else "#ffffff"
        self.widget.setStyleSheet(
            f"QPlainTextEdit {{ background: {fill}; color: {text};"
            " border: 2px solid #1565c0; border-radius: 3px; padding: 2px; }"
        )

    # ------------------------------------------------------------ finishing

    def commit_pending(self) -> None:
        """Put the text typed so far into the map, leaving the edit open (autosave).

        The typing that follows merges into the same undo step; a new card is added now,
        and then goes again if its edit ends with it empty.
        """
        if self._session is not None and not self._finishing:
            self._push_text(self._session, self.widget.toPlainText())

    def finish(self, commit: bool, next_card: bool = False) -> None:
        """Close the edit: keep its text when `commit` (one undo step in all), or give it up.

        Giving up takes back what autosave already put into the map, and a card the edit
        added goes again; so does one left empty when the edit is committed.
        """
        session = self._session
        if session is None or self._finishing:
            return
        self._finishing = True
        text = self.widget.toPlainText()
        self._close_box()
        try:
            self._settle(session, text, commit)
        finally:
            for command in session.pushed:
                command.end_typing()
            self._finishing = False
        if next_card:
            self._start_next(session.target)

    def abandon(self) -> None:
        """Close the edit without touching the map (the map itself was replaced)."""
        if self._session is not None and not self._finishing:
            self._close_box()

    def _close_box(self) -> None:
        self._session = None
        had_focus = self.widget.hasFocus()
        self.widget.hide()
        if had_focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _settle(self, session: _Session, text: str, commit: bool) -> None:
        """Leave the map as the finished edit says."""
        added = session.added
        if (
            added is not None
            and not (commit and text.strip())
            and self.view.document.withdraw(added)
        ):
            return
        if commit:
            self._push_text(session, text)
        elif session.pushed:
            self._push_text(session, session.original)

    def _push_text(self, session: _Session, text: str) -> None:
        """Push the command that gives the target `text` (nothing when it has it already)."""
        target = session.target
        try:
            command = self._text_command(target, text)
        except KeyError:
            return  # the object is gone
        if command is not None:
            self._push(session, command)

    def _text_command(self, target: EditTarget, text: str) -> DocumentCommand | None:
        """The typing edit that gives the target `text`, or None when it has it already."""
        document = self.view.document
        object_id = target.object_id
        if target.kind == EditKind.CARD:
            if document.card(object_id).text == text:
                return None
            return EditCommand(document, Entity.CARD, object_id, {"text": text}, typing=True)
        if target.kind == EditKind.STAGE:
            if document.stage(object_id).name == text:
                return None
            return EditCommand(document, Entity.STAGE, object_id, {"name": text}, typing=True)
        if target.kind == EditKind.LANE:
            if document.lane(object_id).title == text:
                return None
            return EditCommand(document, Entity.LANE, object_id, {"title": text}, typing=True)
        if document.connector(object_id).label == text:
            return None
        return EditCommand(document, Entity.CONNECTOR, object_id, {"label": text}, typing=True)

    def _push(self, session: _Session, command: DocumentCommand) -> None:
        self.view.document.push(command)
        session.pushed.append(command)

    def _start_next(self, target: EditTarget) -> None:
        """Open a new card right below the card just committed, in the same cell."""
        if target.kind != EditKind.CARD:
            return
        try:
            card = self.view.document.card(target.object_id)
        except KeyError:
            return
        self.new_card(card.stage, card.lane, card.order + 1, target.card_kind)

    # ------------------------------------------------------------ keys

    def key_pressed(self, event: QKeyEvent) -> bool:
        """Handle Enter and Esc in the text box; False for keys the box should type."""
        target = self.target
        if target is None:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if shift and target.kind == EditKind.CARD:
                return False
            self.finish(commit=True, next_card=True)
            return True
        if key == Qt.Key.Key_Escape:
            # A new card keeps what was typed (whiteboard tools do; Ctrl+Z removes it).
            self.finish(commit=self._session is not None and self._session.added is not None)
            return True
        return False
