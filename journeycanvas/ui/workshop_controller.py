"""The main window's side of workshop mode: the Workshop menu's commands, the panel, the
join code, the presentation and the marks on the canvas, around one `WorkshopHost`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from journeycanvas.io.errors import printable
from journeycanvas.io.pdf.workshop_results import write_round_results
from journeycanvas.ui.workshop_dialogs import (
    CloseOpenRoundDialog,
    JoinCodeDialog,
    StartWorkshopDialog,
)
from journeycanvas.ui.workshop_highlight import RankBadges, flash_card
from journeycanvas.ui.workshop_host import WorkshopError, WorkshopHost, existing_journal
from journeycanvas.ui.workshop_panel import WorkshopDock
from journeycanvas.workshop.candidates import Scope, candidate_cards

if TYPE_CHECKING:
    from journeycanvas.ui.main_window import MainWindow
    from journeycanvas.ui.presentation import Presentation


def _tr(text: str) -> str:
    return QCoreApplication.translate("Workshop", text)


class WorkshopController(QObject):
    """Workshop mode of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.host = WorkshopHost(window.document, self)
        self.dock = WorkshopDock(self, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.badges = RankBadges(window.view)
        self.presentation: Presentation | None = None
        self.host.card_arrived.connect(lambda card_id: flash_card(window.view, card_id))
        self.host.running_changed.connect(lambda _on: self._refresh_actions())
        window.document.reset.connect(self._map_replaced)

    @property
    def running(self) -> bool:
        """Whether a workshop runs."""
        return self.host.running

    # ------------------------------------------------------------ start and end

    def start_dialog(self) -> bool:
        """Ask for the address, then start. True when the workshop runs."""
        if self.running:
            return True
        if self.window.document.path is None and not self.window.save():
            return False
        dialog = StartWorkshopDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        bind, port = dialog.chosen()
        return self.start(bind, port)

    def start(self, bind: str, port: int = 0) -> bool:
        """Start on `bind`:`port`, merge an earlier run's journal, show the join code."""
        try:
            recovered = self.host.start(bind, port)
        except WorkshopError as exc:
            QMessageBox.warning(self.window, _tr("Cannot start the workshop"), str(exc))
            return False
        self.dock.show()
        self.dock.raise_()
        if recovered.notes or recovered.rounds:
            self.window.statusBar().showMessage(
                _tr(
                    "Took back {notes} notes and {rounds} voting rounds from the workshop journal."
                ).format(notes=recovered.notes, rounds=recovered.rounds)
            )
        return True

    def end(self) -> bool:
        """End the workshop: the server stops and the map is saved with everything."""
        if not self.running:
            return True
        self.window.view.finish_editing()
        self.badges.clear()
        if self.presentation is not None:
            self.presentation.close()
        try:
            self.host.end()
        except WorkshopError as exc:
            QMessageBox.critical(self.window, _tr("Workshop ended, map not saved"), str(exc))
            return False
        self.window.statusBar().showMessage(_tr("Workshop ended; the map is saved."), 8000)
        return True

    def may_close(self) -> bool:
        """Before the window closes: end a running workshop (after asking). False: stay."""
        if not self.running:
            return True
        answer = QMessageBox.question(
            self.window,
            _tr("Workshop running"),
            _tr("A workshop is running. End it and save the map?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes and self.end()

    def _map_replaced(self) -> None:
        # Another map was opened: the workshop belonged to the one before; its journal
        # stays beside it, and is merged the next time a workshop starts on it.
        if self.running:
            self.host.stop_without_saving()
            self.window.statusBar().showMessage(
                _tr("The workshop stopped because another map was opened."), 8000
            )

    def _refresh_actions(self) -> None:
        self.window.action_table.refresh()
        self.dock.panel.refresh()

    # ------------------------------------------------------------ rounds

    def start_round(
        self,
        title: str,
        scope: Scope,
        *,
        stage: str | None,
        lane: str | None,
        kind: str | None,
        votes: int,
        anonymous: bool,
    ) -> bool:
        """Open a voting round over the cards `scope` picks. False when it picks none, or
        when a round is open and the facilitator chose not to close it."""
        journey = self.window.document.journey
        cards = candidate_cards(
            journey,
            scope,
            stage=stage,
            lane=lane,
            kind=kind,
            selection=self.window.view.selected_card_ids(),
        )
        if not cards:
            QMessageBox.information(
                self.window, _tr("Dot voting"), _tr("There are no cards with text to vote on.")
            )
            return False
        session = self.host.session
        if session is not None and session.round is not None:
            if not CloseOpenRoundDialog(session.round.title, self.window).ask():
                return False
            self.close_round()
        self.badges.clear()
        self.host.start_round(title or _tr("Vote"), cards, votes, anonymous)
        return True

    def close_round(self) -> None:
        """Close the round: results ranked on the canvas and in the panel, votes written."""
        result = self.host.close_round()
        if result is None:
            return
        ranked = [(r.card, r.votes) for r in result.results]
        self.badges.show(ranked)
        self.dock.panel.show_results(ranked)

    def results_handout(self) -> bool:
        """Save the voting rounds' results as a PDF handout (asks where). True when written."""
        document = self.window.document
        if not document.journey.workshop_rounds:
            QMessageBox.information(self.window, _tr("Dot voting"), _tr("No voting round yet."))
            return False
        suggested = (document.path or Path.home() / "map").with_suffix("")
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            _tr("Save voting results"),
            f"{suggested}-votes.pdf",
            _tr("PDF files (*.pdf)"),
        )
        if not path:
            return False
        try:
            pages = write_round_results(document.journey, Path(path))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self.window, _tr("Export failed"), printable(str(exc)))
            return False
        self.window.statusBar().showMessage(
            _tr("Wrote {pages} pages of voting results to {path}").format(
                pages=pages, path=printable(path)
            ),
            8000,
        )
        return True

    # ------------------------------------------------------------ showing

    def show_join_code(self) -> None:
        """The join URL and its QR code, for the projector."""
        if self.running:
            JoinCodeDialog(self.host.url, self.window).exec()

    def present(self) -> None:
        """Full-screen presentation, stage by stage."""
        from journeycanvas.ui.presentation import Presentation

        if self.presentation is None:
            self.presentation = Presentation(self.window.view, self.host)
            self.presentation.destroyed.connect(lambda: setattr(self, "presentation", None))
        self.presentation.showFullScreen()
        self.presentation.activateWindow()

    def leftover_journal_message(self) -> str:
        """A status line when the open map has a journal of a workshop that did not end."""
        journal = existing_journal(self.window.document.path)
        if journal is None:
            return ""
        return _tr(
            "{name} has notes of an unfinished workshop: start the workshop to merge them."
        ).format(name=printable(journal.name))
