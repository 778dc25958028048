"""The inspector names a kind from a newer file by its raw id and shows the fields kinds use."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPoint

from journeycanvas.canvas.context_menu import ContextRequest, MenuTarget
from journeycanvas.model import CardKind
from journeycanvas.ui.context_menus import build_context_menu
from journeycanvas.ui.main_window import MainWindow

NEW_KINDS = Path(__file__).parents[1] / "io" / "fixtures" / "v1.1" / "new-kinds.journey"


def test_unknown_kinds_show_their_raw_names_and_known_kinds_stay_choosable(
    window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "quotes.journey"
    shutil.copy(NEW_KINDS, path)
    assert window.open_path(path)
    window.view.select_ids(["c1"])
    page = window.inspector.card_page
    assert page.kind.currentText() == "quote"
    assert page.kind.count() == len(CardKind) + 1
    assert page.emotion.isEnabled()  # an unknown kind may carry a score: it is kept
    window.view.select_ids(["c2"])
    assert page.kind.currentText() == "Emotion"
    assert page.kind.count() == len(CardKind)
    assert page.emotion.isEnabled() and page.metric_box.isHidden()
    window.view.select_ids(["l1"])
    assert window.inspector.lane_page.kind.currentText() == "quotes"
    window.view.select_ids(["k1"])
    assert window.inspector.connector_page.kind.currentText() == "echo"


def test_the_kind_menu_lists_an_unknown_kind_first_checked_and_disabled(
    window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "quotes.journey"
    shutil.copy(NEW_KINDS, path)
    assert window.open_path(path)
    window.view.select_ids(["c1"])
    menu = build_context_menu(window, ContextRequest(MenuTarget.CARD, "c1", QPoint()))
    kinds = next(a.menu() for a in menu.actions() if a.menu() is not None)
    first = kinds.actions()[0]
    assert (first.text(), first.isChecked(), first.isEnabled()) == ("quote", True, False)
    assert len(kinds.actions()) == len(CardKind) + 1
