"""The facilitator's workshop panel: start and end, open a cell for notes, lock, the timer,
voting rounds with their results, and the people in the room."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.canvas.kind_labels import card_kind_label
from journeycanvas.model.kinds import CARD_KINDS
from journeycanvas.workshop.candidates import Scope
from journeycanvas.workshop.session import RoomChanged

if TYPE_CHECKING:
    from journeycanvas.ui.workshop_controller import WorkshopController


def _tr(text: str) -> str:
    return QCoreApplication.translate("Workshop", text)


def format_countdown(seconds: float) -> str:
    """Seconds left as m:ss."""
    left = max(0, round(seconds))
    return f"{left // 60}:{left % 60:02d}"


class WorkshopPanel(QWidget):
    """The controls of a workshop, enabled while one runs."""

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        host = controller.host
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.start_button = QPushButton(_tr("Start workshop…"), self)
        self.end_button = QPushButton(_tr("End workshop"), self)
        self.code_button = QPushButton(_tr("Join code"), self)
        self.start_button.clicked.connect(controller.start_dialog)
        self.end_button.clicked.connect(controller.end)
        self.code_button.clicked.connect(controller.show_join_code)

        # Input
        self.stage = QComboBox(self)
        self.lane = QComboBox(self)
        self.kind = QComboBox(self)
        self.prompt = QLineEdit(self)
        self.prompt.setPlaceholderText(_tr("What should people write about?"))
        self.open_button = QPushButton(_tr("Open for notes"), self)
        self.close_button = QPushButton(_tr("Close"), self)
        self.lock = QCheckBox(_tr("Lock notes (no adding, editing or deleting)"), self)
        self.open_button.clicked.connect(self._open_input)
        self.close_button.clicked.connect(lambda: controller.host.close_input())
        self.lock.toggled.connect(lambda on: controller.host.set_locked(on))
        input_box = QGroupBox(_tr("Notes from phones"), self)
        input_form = QFormLayout(input_box)
        input_form.addRow(_tr("Stage:"), self.stage)
        input_form.addRow(_tr("Lane:"), self.lane)
        input_form.addRow(_tr("Kind:"), self.kind)
        input_form.addRow(_tr("Prompt:"), self.prompt)
        input_form.addRow(_row(self.open_button, self.close_button))
        input_form.addRow(self.lock)

        # Timer
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 120)
        self.minutes.setValue(5)
        self.minutes.setSuffix(_tr(" min"))
        self.timer_start = QPushButton(_tr("Start timer"), self)
        self.timer_stop = QPushButton(_tr("Stop"), self)
        self.countdown = QLabel("", self)
        self.timer_start.clicked.connect(
            lambda: controller.host.set_timer(self.minutes.value() * 60)
        )
        self.timer_stop.clicked.connect(lambda: controller.host.set_timer(None))
        timer_box = QGroupBox(_tr("Timer"), self)
        timer_layout = QHBoxLayout(timer_box)
        for widget in (self.minutes, self.timer_start, self.timer_stop, self.countdown):
            timer_layout.addWidget(widget)

        # Voting
        self.scope = QComboBox(self)
        for scope, label in (
            (Scope.LANE, _tr("Cards of the lane above")),
            (Scope.STAGE, _tr("Cards of the stage above")),
            (Scope.KIND, _tr("Cards of the kind above")),
            (Scope.SELECTION, _tr("Selected cards")),
        ):
            self.scope.addItem(label, scope)
        self.round_title = QLineEdit(self)
        self.round_title.setPlaceholderText(_tr("What are we voting on?"))
        self.votes = QSpinBox(self)
        self.votes.setRange(1, 20)
        self.votes.setValue(3)
        self.anonymous = QCheckBox(_tr("Anonymous"), self)
        self.anonymous.setChecked(True)
        self.round_start = QPushButton(_tr("Start voting"), self)
        self.round_close = QPushButton(_tr("Close voting"), self)
        self.round_start.clicked.connect(self._start_round)
        self.round_close.clicked.connect(controller.close_round)
        self.handout_button = QPushButton(_tr("Results handout…"), self)
        self.handout_button.clicked.connect(controller.results_handout)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(160)
        vote_box = QGroupBox(_tr("Dot voting"), self)
        vote_form = QFormLayout(vote_box)
        vote_form.addRow(_tr("Vote on:"), self.scope)
        vote_form.addRow(_tr("Title:"), self.round_title)
        vote_form.addRow(_tr("Votes each:"), self.votes)
        vote_form.addRow(self.anonymous)
        vote_form.addRow(_row(self.round_start, self.round_close))
        vote_form.addRow(self.results)
        vote_form.addRow(self.handout_button)

        # People
        self.people = QListWidget(self)
        self.people.setMaximumHeight(140)
        self.remove_button = QPushButton(_tr("Remove participant"), self)
        self.remove_button.clicked.connect(self._remove_participant)
        people_box = QGroupBox(_tr("Participants"), self)
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people)
        people_layout.addWidget(self.remove_button)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self.status)
        layout.addLayout(_row(self.start_button, self.end_button, self.code_button))
        for box in (input_box, timer_box, vote_box, people_box):
            layout.addWidget(box)
        layout.addStretch(1)
        self.running_widgets = [
            input_box,
            timer_box,
            vote_box,
            people_box,
            self.end_button,
            self.code_button,
        ]
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._ticker = QTimer(self)
        self._ticker.setInterval(500)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        host.running_changed.connect(lambda _on: self.refresh())
        host.room_changed.connect(self._room_changed)
        host.state_changed.connect(self.refresh)
        host.document.changed.connect(self._fill_cells)
        self._fill_cells()
        self.refresh()

    # ------------------------------------------------------------ filling

    def _fill_cells(self) -> None:
        journey = self.controller.host.document.journey
        for combo, items in (
            (self.stage, [(s.name or s.id, s.id) for s in journey.stages]),
            (self.lane, [(la.title or la.id, la.id) for la in journey.lanes]),
        ):
            current = combo.currentData()
            if [combo.itemData(i) for i in range(combo.count())] == [i for _, i in items] and all(
                combo.itemText(i) == t for i, (t, _) in enumerate(items)
            ):
                continue
            combo.blockSignals(True)
            combo.clear()
            for text, item_id in items:
                combo.addItem(text, item_id)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        if self.kind.count() == 0:
            self.kind.addItem(_tr("The lane's kind"), None)
            for kind in CARD_KINDS:
                self.kind.addItem(card_kind_label(kind), str(kind))

    def refresh(self) -> None:
        """Show whether a workshop runs and what is open."""
        host = self.controller.host
        running = host.running
        for widget in self.running_widgets:
            widget.setEnabled(running)
        self.start_button.setEnabled(not running)
        session = host.session
        if not running or session is None:
            self.status.setText(_tr("No workshop is running."))
            return
        cell = session.input
        if cell is None:
            open_text = _tr("Nothing is open for notes.")
        else:
            open_text = _tr("Open for notes: {stage} · {lane}").format(
                stage=cell.stage_name, lane=cell.lane_title
            )
        self.status.setText(f"{host.url}\n{open_text}")
        self.round_close.setEnabled(session.round is not None)
        self.lock.blockSignals(True)
        self.lock.setChecked(session.locked)
        self.lock.blockSignals(False)

    def _room_changed(self, room: RoomChanged) -> None:
        self.people.clear()
        for participant_id, name in room.participants:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, participant_id)
            self.people.addItem(item)
        if room.counts:
            self.show_results(sorted(room.counts.items(), key=lambda entry: -entry[1]), live=True)

    def show_results(self, ranked: list[tuple[str, int]], live: bool = False) -> None:
        """List a round's cards with their votes, most first."""
        document = self.controller.host.document
        self.results.clear()
        for rank, (card_id, votes) in enumerate(ranked, start=1):
            try:
                text = document.card(card_id).text
            except KeyError:
                text = card_id
            prefix = "" if live else f"{rank}. "
            self.results.addItem(f"{prefix}{votes} · {' '.join(text.split())[:80]}")

    def _tick(self) -> None:
        session = self.controller.host.session
        end = session.timer_end if session is not None else None
        self.countdown.setText("" if end is None else format_countdown(end - time.time()))

    # ------------------------------------------------------------ actions

    def _open_input(self) -> None:
        stage, lane = self.stage.currentData(), self.lane.currentData()
        if stage is None or lane is None:
            return
        self.controller.host.open_input(stage, lane, self.prompt.text(), self.kind.currentData())

    def _start_round(self) -> None:
        scope = self.scope.currentData()
        self.controller.start_round(
            self.round_title.text(),
            scope,
            stage=self.stage.currentData(),
            lane=self.lane.currentData(),
            kind=self.kind.currentData(),
            votes=self.votes.value(),
            anonymous=self.anonymous.isChecked(),
        )

    def _remove_participant(self) -> None:
        item = self.people.currentItem()
        if item is not None:
            self.controller.host.remove_participant(item.data(Qt.ItemDataRole.UserRole))


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row


class WorkshopDock(QDockWidget):
    """The dock holding the workshop panel."""

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Workshop"), parent)
        self.setObjectName("WorkshopDock")
        self.panel = WorkshopPanel(controller)
        self.setWidget(self.panel)
