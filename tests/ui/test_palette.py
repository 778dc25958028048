"""The palette dock as a tool panel, and the Insert menu and header menus that do the same."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.context_menu import ContextRequest, MenuTarget
from journeycanvas.canvas.kind_labels import card_kind_label, lane_kind_label
from journeycanvas.canvas.palette_drop import EntryKind, PaletteEntry
from journeycanvas.io.stage_sets import stage_set, stage_sets
from journeycanvas.io.templates import load_template
from journeycanvas.model import JourneyMap
from journeycanvas.model.kinds import CardKind, LaneKind
from journeycanvas.ui.context_menus import build_context_menu
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.palette import PaletteTree


def _type(widget: object, text: str) -> None:
    for char in text:
        QTest.keyClick(widget, char)  # type: ignore[call-overload]


def _sections(tree: PaletteTree) -> dict[str, list[str]]:
    sections = {}
    for index in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(index)
        assert section is not None
        sections[section.text(0)] = [
            section.child(row).text(0)  # type: ignore[union-attr]
            for row in range(section.childCount())
            if not section.child(row).isHidden()  # type: ignore[union-attr]
        ]
    return sections


def test_the_palette_lists_structure_stage_sets_and_cards_with_icons_and_tips(
    window: MainWindow,
) -> None:
    tree = window.palette_dock.entries
    sections = _sections(tree)
    assert list(sections) == ["Structure", "Stage sets", "Cards"]
    assert sections["Structure"] == ["Stage"] + [f"Lane: {lane_kind_label(k)}" for k in LaneKind]
    assert sections["Stage sets"] == [found.title for found in stage_sets()]
    assert sections["Stage sets"][:3] == [
        "Marketing hourglass", "Decision journey", "Awareness to advocacy"
    ]  # fmt: skip
    assert sections["Cards"] == [card_kind_label(k) for k in CardKind]
    for item in tree.entry_items():
        assert not item.icon(0).isNull()
        assert "Drag" in item.toolTip(0) and "Enter" in item.toolTip(0)
    hourglass = tree.item_for(PaletteEntry(EntryKind.STAGE_SET, "hourglass"))
    assert "Know → Like → Trust → Try → Buy → Repeat → Refer" in hourglass.toolTip(0)


def test_the_search_field_filters_entries_and_hides_empty_sections(
    qtbot: QtBot, window: MainWindow
) -> None:
    dock = window.palette_dock
    dock.search.setFocus()
    _type(dock.search, "pain")
    assert _sections(dock.entries) == {
        "Structure": ["Lane: Pain points"],
        "Stage sets": [],
        "Cards": ["Pain point"],
    }
    assert dock.entries.topLevelItem(1).isHidden()  # type: ignore[union-attr]
    assert dock.entries.visible_entries() == [
        PaletteEntry(EntryKind.LANE, "pain_points"),
        PaletteEntry(EntryKind.CARD, "pain_point"),
    ]
    dock.search.clear()
    _type(dock.search, "REFER")  # a stage of the hourglass, in any case
    assert dock.entries.visible_entries() == [PaletteEntry(EntryKind.STAGE_SET, "hourglass")]
    dock.search.clear()
    assert len(dock.entries.visible_entries()) == 1 + len(LaneKind) + len(stage_sets()) + len(
        CardKind
    )


def test_enter_on_an_entry_inserts_it_at_the_selection_and_types_its_name(
    window: MainWindow,
) -> None:
    window.set_map(load_template("hourglass"), None)
    document, view, tree = window.document, window.view, window.palette_dock.entries
    view.select_ids(["s2"])
    tree.setFocus()
    tree.setCurrentItem(tree.item_for(PaletteEntry(EntryKind.STAGE)))
    QTest.keyClick(tree, Qt.Key.Key_Down)  # arrow keys move through the entries
    assert tree.entry_of(tree.currentItem()) == PaletteEntry(EntryKind.LANE, "actions")
    QTest.keyClick(tree, Qt.Key.Key_Up)
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert view.editor.active
    _type(view.editor.widget, "Compare")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    names = [s.name for s in document.journey.stages]
    assert names[:4] == ["Know", "Like", "Compare", "Trust"]
    assert document.undo_stack.count() == 1

    view.select_ids(["l3"])
    tree.setFocus()
    tree.setCurrentItem(tree.item_for(PaletteEntry(EntryKind.LANE, "backstage")))
    QTest.keyClick(tree, Qt.Key.Key_Enter)
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    lanes = document.journey.lanes
    assert (lanes[3].kind, lanes[3].title) == (LaneKind.BACKSTAGE, lane_kind_label("backstage"))
    assert lanes[2].id == "l3"

    card_id = document.journey.cards[0].id
    view.select_ids([card_id])
    tree.setFocus()
    tree.setCurrentItem(tree.item_for(PaletteEntry(EntryKind.CARD, "opportunity")))
    QTest.keyClick(tree, Qt.Key.Key_Return)
    _type(view.editor.widget, "Loyalty card")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)
    first = document.card(card_id)
    added = next(c for c in document.journey.cards if c.text == "Loyalty card")
    assert (added.stage, added.lane, added.order, added.kind) == (
        first.stage, first.lane, first.order + 1, CardKind.OPPORTUNITY
    )  # fmt: skip
    assert document.undo_stack.count() == 3


def test_enter_in_the_search_field_inserts_the_first_entry_found(window: MainWindow) -> None:
    window.set_map(JourneyMap(id="m1"), None)
    dock = window.palette_dock
    dock.search.setFocus()
    _type(dock.search, "decision")
    QTest.keyClick(dock.search, Qt.Key.Key_Return)
    assert [s.name for s in window.document.journey.stages] == [
        s.name for s in stage_set("decision-journey").stages
    ]


def test_an_entry_dragged_from_the_palette_drops_between_lanes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_map(load_template("hourglass"), None)
    tree, view = window.palette_dock.entries, window.view
    dragged: list[QMimeData] = []

    def exec_(drag: QDrag, *_args: object) -> Qt.DropAction:
        dragged.append(drag.mimeData())
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(QDrag, "exec", exec_)
    tree.setCurrentItem(tree.item_for(PaletteEntry(EntryKind.LANE, "channels")))
    tree.startDrag(Qt.DropAction.CopyAction)
    assert len(dragged) == 1
    layout = view.map_scene.layout
    view.center_on(layout.lanes[1].id)
    point = view.mapFromScene(QPointF(layout.stages[0].rect.x + 5, layout.lanes[1].rect.bottom))
    mime, action = dragged[0], Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(point, action, mime, buttons, mods),
        QDragMoveEvent(point, action, mime, buttons, mods),
        QDropEvent(QPointF(point), action, mime, buttons, mods),
    ):
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    lanes = window.document.journey.lanes
    assert [lane.kind for lane in lanes][1:3] == [LaneKind.THOUGHTS, LaneKind.CHANNELS]


def _insert_menu(window: MainWindow) -> QMenu:
    action = next(a for a in window.menuBar().actions() if a.text() == "&Insert")
    menu = action.menu()
    assert isinstance(menu, QMenu)
    return menu


def test_insert_menu_adds_a_lane_of_a_kind_and_a_stage_set_at_the_selection(
    window: MainWindow,
) -> None:
    window.set_map(load_template("hourglass"), None)
    document, view = window.document, window.view
    submenus = {a.text(): a.menu() for a in _insert_menu(window).actions() if a.menu()}
    assert set(submenus) == {"Lane of &Kind", "Stage S&et"}
    lane_menu, set_menu = submenus["Lane of &Kind"], submenus["Stage S&et"]
    assert isinstance(lane_menu, QMenu) and isinstance(set_menu, QMenu)
    assert [a.text() for a in lane_menu.actions()] == [lane_kind_label(k) for k in LaneKind]
    assert [a.text() for a in set_menu.actions()] == [found.title for found in stage_sets()]

    view.select_ids(["l1"])
    next(a for a in lane_menu.actions() if a.text() == "Opportunities").trigger()
    view.finish_editing()
    assert document.journey.lanes[1].kind == LaneKind.OPPORTUNITIES

    view.select_ids(["s7"])  # the last stage: the set goes after it
    next(a for a in set_menu.actions() if a.text() == "Awareness to advocacy").trigger()
    assert [s.name for s in document.journey.stages[7:]] == [
        "Awareness", "Consideration", "Purchase", "Retention", "Advocacy"
    ]  # fmt: skip
    assert document.undo_stack.count() == 2


def test_header_menus_insert_stages_before_and_after_and_lanes_above_and_below(
    window: MainWindow,
) -> None:
    window.set_map(load_template("hourglass"), None)
    document, view = window.document, window.view

    def pick(target: MenuTarget, object_id: str, action_id: str) -> None:
        view.select_ids([object_id])
        menu = build_context_menu(window, ContextRequest(target, object_id, view.pos()))
        action = next(a for a in menu.actions() if a.objectName() == action_id)
        assert action.isEnabled()
        action.trigger()
        view.finish_editing()
        menu.deleteLater()

    pick(MenuTarget.STAGE, "s3", "insert_stage_after")
    pick(MenuTarget.STAGE, "s3", "insert_stage_before")
    stage_ids = [s.id for s in document.journey.stages]
    position = stage_ids.index("s3")
    assert stage_ids[position - 1] not in {"s2"} and stage_ids[position + 1] not in {"s4"}
    pick(MenuTarget.LANE, "l2", "insert_lane_below")
    pick(MenuTarget.LANE, "l2", "insert_lane_above")
    lane_ids = [lane.id for lane in document.journey.lanes]
    position = lane_ids.index("l2")
    assert lane_ids[position - 1] != "l1" and lane_ids[position + 1] != "l3"
    assert len(lane_ids) == 8 and len(stage_ids) == 9
