"""Find and replace: a bar under the canvas that finds cards by text, tag or kind, steps
through them, and replaces words in the cards' texts, notes and tags (one undo step)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from journeycanvas.canvas.kind_labels import card_kind_label
from journeycanvas.document import Document
from journeycanvas.document.find_replace import Query, replace_all
from journeycanvas.model import JourneyMap


class FindTarget(Protocol):
    """What the find bar needs from the canvas view."""

    def set_highlighted(self, card_ids: list[str]) -> None:
        """Highlight these cards (an empty list clears the highlight)."""

    def center_on(self, item_id: str) -> None:
        """Scroll so that the item is in the middle of the view."""

    def select_ids(self, ids: list[str]) -> None:
        """Select exactly these items."""


def find_cards(journey: JourneyMap, query: str | Query) -> list[str]:
    """Ids of the cards whose text, notes, a tag or kind matches `query`, in reading order.

    A plain string ignores case and matches inside words. Reading order is stage by stage
    (left to right), then lane by lane (top to bottom), then the order inside the cell.
    """
    pattern = (query if isinstance(query, Query) else Query(query)).pattern()
    if pattern is None:
        return []
    columns = {stage.id: i for i, stage in enumerate(journey.stages)}
    rows = {lane.id: i for i, lane in enumerate(journey.lanes)}
    hits = []
    for card in journey.cards:
        haystacks = [card.text, card.notes, str(card.kind), card_kind_label(card.kind), *card.tags]
        if any(pattern.search(text) for text in haystacks):
            hits.append(card)
    hits.sort(key=lambda c: (columns.get(c.stage, 0), rows.get(c.lane, 0), c.order))
    return [card.id for card in hits]


class FindBar(QWidget):
    """Find field with a match counter and previous/next buttons; Esc closes it. Below it,
    a replace field with "Replace all", and the "Match case" and "Whole words" options.

    Enter and F3 step to the next match, Shift+Enter and Shift+F3 to the previous one; each
    match is selected and centred, and all matches are highlighted. Replace all changes
    every match in the cards' texts, notes and tags as one undo step.
    """

    closed = Signal()

    def __init__(
        self,
        document: Callable[[], Document],
        target: Callable[[], FindTarget | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._target = target
        self.matches: list[str] = []
        self.current = -1

        self.field = QLineEdit(self)
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.refresh)
        self.field.installEventFilter(self)
        self.counter = QLabel(self)
        self.counter.setMinimumWidth(90)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.clicked.connect(self.find_next)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.close_bar)
        self.match_case = QCheckBox(self)
        self.match_case.toggled.connect(self.refresh)
        self.whole_words = QCheckBox(self)
        self.whole_words.toggled.connect(self.refresh)
        self.replacement = QLineEdit(self)
        self.replacement.returnPressed.connect(self.replace_all)
        self.replace_button = QPushButton(self)
        self.replace_button.clicked.connect(self.replace_all)
        self.find_label = QLabel(self)
        self.replace_label = QLabel(self)

        layout = QGridLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.find_label, 0, 0)
        layout.addWidget(self.field, 0, 1)
        layout.addWidget(self.counter, 0, 2)
        layout.addWidget(self.previous_button, 0, 3)
        layout.addWidget(self.next_button, 0, 4)
        layout.addWidget(self.close_button, 0, 5)
        layout.addWidget(self.replace_label, 1, 0)
        layout.addWidget(self.replacement, 1, 1)
        layout.addWidget(self.replace_button, 1, 2)
        layout.addWidget(self.match_case, 2, 1)
        layout.addWidget(self.whole_words, 2, 2, 1, 4)
        layout.setColumnStretch(1, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Write the bar's labels, hints and match count in the current interface language."""
        self.field.setPlaceholderText(self.tr("Find cards by text, tag or kind"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.match_case.setText(self.tr("Match case"))
        self.whole_words.setText(self.tr("Whole words"))
        self.replacement.setPlaceholderText(self.tr("Replace with"))
        self.replace_button.setText(self.tr("Replace all"))
        self.find_label.setText(self.tr("Find:"))
        self.replace_label.setText(self.tr("Replace:"))
        self._show_count()

    def query(self) -> Query:
        """What the bar looks for, with its options."""
        return Query(self.field.text(), self.match_case.isChecked(), self.whole_words.isChecked())

    def replace_all(self) -> int:
        """Replace every match in the cards' texts, notes and tags (one undo step); says
        how many cards changed and returns that number."""
        count = replace_all(self._document(), self.query(), self.replacement.text())
        self.counter.setText(self.tr("Replaced in %n cards", None, count))
        return count

    def open_bar(self) -> None:
        """Show the bar, focus the field with its text selected, and highlight the matches."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        """Hide the bar and clear the highlight."""
        self.hide()
        target = self._target()
        if target is not None:
            target.set_highlighted([])
        self.closed.emit()

    def refresh(self) -> None:
        """Search again (the query or the map changed), keeping the current match if it stays."""
        if self.isHidden():
            return
        previous = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.matches = find_cards(self._document().journey, self.query())
        self.current = self.matches.index(previous) if previous in self.matches else -1
        target = self._target()
        if target is not None:
            target.set_highlighted(self.matches)
        self._show_count()

    def find_next(self) -> None:
        """Go to the next match, wrapping round at the end."""
        self._step(+1)

    def find_previous(self) -> None:
        """Go to the previous match, wrapping round at the start."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.isHidden():
            self.open_bar()
        if not self.matches:
            return
        if self.current < 0:
            self.current = 0 if delta > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + delta) % len(self.matches)
        card_id = self.matches[self.current]
        target = self._target()
        if target is not None:
            target.select_ids([card_id])
            target.center_on(card_id)
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text().strip():
            self.counter.setText("")
        elif not self.matches:
            self.counter.setText(self.tr("No matches"))
        elif self.current < 0:
            self.counter.setText(self.tr("{count} matches").format(count=len(self.matches)))
        else:
            self.counter.setText(
                self.tr("{current} of {total}").format(
                    current=self.current + 1, total=len(self.matches)
                )
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter/Shift+Enter, F3/Shift+F3 and Esc in the field step or close."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._step(-1 if backwards else +1)
                return True
            if event.matches(QKeySequence.StandardKey.FindNext):
                self.find_next()
                return True
            if event.matches(QKeySequence.StandardKey.FindPrevious):
                self.find_previous()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
