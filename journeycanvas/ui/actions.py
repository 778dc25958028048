"""The action table: every user command of the main window, defined once.

Each ActionSpec says what a command is called, its keys, its icon, when it is enabled, whether
it is checked, and what it does (a handler on the main window, which calls the canvas
editor's operations). The menus and the toolbar (`MainActions`), the canvas's context menus
(ui/context_menus.py) and the shortcut sheet (ui/help_dialogs.py) are all built from it; the
keys the canvas handles itself while a gesture runs are listed in canvas/keys.py.

Keys are portable strings ("Ctrl+D") or platform standard keys (`Std`), which Qt expands
differently per platform. A platform's extra sequence for a standard key never takes a
sequence another action names: on KDE and GNOME, Qt's Delete includes Ctrl+D, which is
Duplicate's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStyle, QToolBar, QToolButton

from journeycanvas.canvas.keyboard_nav import Direction
from journeycanvas.canvas.kind_labels import lane_kind_label
from journeycanvas.canvas.palette_drop import EntryKind, PaletteEntry, insert_entry
from journeycanvas.canvas.picture_drop import (
    can_remove_picture,
    can_set_picture,
    choose_picture,
    remove_picture,
)
from journeycanvas.document.changes import Entity
from journeycanvas.document.multi_edit import set_for_all
from journeycanvas.io.stage_sets import stage_sets
from journeycanvas.model.kinds import LaneKind

if TYPE_CHECKING:
    from journeycanvas.ui.main_window import MainWindow

_Key = QKeySequence.StandardKey
_Theme = QIcon.ThemeIcon
_Pixmap = QStyle.StandardPixmap
_Role = QAction.MenuRole

SEPARATOR = "-"
RECENT_MENU = "@recent"
DOCK_TOGGLES = "@docks"
LANE_KINDS_MENU = "@lane_kinds"
STAGE_SETS_MENU = "@stage_sets"


@dataclass(frozen=True, slots=True)
class Std:
    """A platform standard key, and the sequence to use where the platform has none."""

    key: QKeySequence.StandardKey
    fallback: str = ""


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One user command: its one definition, read by menus, toolbar, context menus and the
    shortcut sheet."""

    id: str
    text: str
    run: Callable[[MainWindow], object]
    keys: tuple[Std | str, ...] = ()
    tip: str = ""
    icon: _Theme | None = None
    fallback_icon: _Pixmap | None = None
    enabled: Callable[[MainWindow], bool] | None = None
    """When the command can run (re-checked whenever the window's state changes)."""
    checked: Callable[[MainWindow], bool] | None = None
    """For a checkable command: whether it is on."""
    live_text: Callable[[MainWindow], str] | None = None
    """A text that follows the state (Undo names the step), instead of `text`."""
    toolbar_text: str = ""
    """A fixed short label for the toolbar, whatever `live_text` says."""
    canvas: bool = False
    """Its keys work while the canvas has the focus only (Delete must not delete cards
    while the user is in a list of the inspector)."""
    role: _Role = _Role.NoRole


translate = QCoreApplication.translate
"""Under this name lupdate finds the table's strings (context "Actions")."""


def _cards_selected(w: MainWindow) -> bool:
    return bool(w.view.selected_card_ids())


def _anything_selected(w: MainWindow) -> bool:
    return bool(w.view.selected_ids())


def _edit_text_label(w: MainWindow) -> str:
    """ "Rename" for a stage or lane, "Edit Label" for a connector, else "Edit Text"."""
    view = w.view
    selected = view.selected_ids()
    if view.selected_card_ids() or not selected:
        return translate("Actions", "&Edit Text")
    scene = view.map_scene
    if selected[0] in scene.card_layout.connectors:
        return translate("Actions", "&Edit Label")
    return translate("Actions", "&Rename")


def _undo_label(w: MainWindow) -> str:
    step = w.document.undo_stack.undoText()
    return (
        translate("Actions", "&Undo {step}").format(step=step).strip()
        if step
        else translate("Actions", "&Undo")
    )


def _redo_label(w: MainWindow) -> str:
    step = w.document.undo_stack.redoText()
    return (
        translate("Actions", "&Redo {step}").format(step=step).strip()
        if step
        else translate("Actions", "&Redo")
    )


def _lane_action_id(kind: str) -> str:
    return f"insert_lane_{kind}"


def _stage_set_action_id(name: str) -> str:
    return "insert_stage_set_" + name.replace("-", "_")


def _insert_spec(action_id: str, entry: PaletteEntry, text: str, tip: str) -> ActionSpec:
    return ActionSpec(action_id, text, lambda w: insert_entry(w.view, entry), (), tip)


def _palette_insert_specs() -> list[ActionSpec]:
    """Insert → Lane of Kind and Insert → Stage Set: the palette's entries, inserted where
    the selection says (canvas/palette_drop.insert_entry)."""
    lane_tip = translate("Actions", "Add a lane of this kind below the selected one")
    specs = [
        _insert_spec(
            _lane_action_id(kind),
            PaletteEntry(EntryKind.LANE, kind),
            lane_kind_label(kind),
            lane_tip,
        )
        for kind in LaneKind
    ]
    for found in stage_sets():
        names = ", ".join(stage.name for stage in found.stages)
        tip = translate(
            "Actions",
            "Add these %n stages after the selected one: {names}",
            None,
            len(found.stages),
        ).format(names=names)
        entry = PaletteEntry(EntryKind.STAGE_SET, found.name)
        specs.append(_insert_spec(_stage_set_action_id(found.name), entry, found.title, tip))
    return specs


def submenus() -> dict[str, tuple[str, list[str]]]:
    """The submenus `menu_layout()` names: title and action ids of each."""
    return {
        LANE_KINDS_MENU: (
            translate("Actions", "Lane of &Kind"),
            [_lane_action_id(kind) for kind in LaneKind],
        ),
        STAGE_SETS_MENU: (
            translate("Actions", "Stage S&et"),
            [_stage_set_action_id(found.name) for found in stage_sets()],
        ),
    }


def conflicted_cards(window: MainWindow) -> list[str]:
    """The selected cards a merge flagged as conflicting."""
    document = window.document
    return [i for i in window.view.selected_card_ids() if document.card(i).conflict]


def resolve_conflicts(window: MainWindow) -> None:
    """Clear the merge-conflict flag of the selected cards (one undo step); what the merge
    kept of the other side stays in their notes."""
    ids = conflicted_cards(window)
    text = translate("Actions", "Mark conflict resolved")
    set_for_all(window.document, Entity.CARD, ids, {"conflict": False}, text, selection=ids)


def action_specs() -> tuple[ActionSpec, ...]:
    """The action table, translated into the interface language."""
    return (
        # File
        ActionSpec(
            "new",
            translate("Actions", "&New…"),
            lambda w: w.new_map(),
            (Std(_Key.New),),
            translate("Actions", "Start a new map from a template"),
            _Theme.DocumentNew,
            _Pixmap.SP_FileIcon,
        ),
        ActionSpec(
            "open",
            translate("Actions", "&Open…"),
            lambda w: w.open_dialog(),
            (Std(_Key.Open),),
            translate("Actions", "Open a map file"),
            _Theme.DocumentOpen,
            _Pixmap.SP_DialogOpenButton,
        ),
        ActionSpec(
            "save",
            translate("Actions", "&Save"),
            lambda w: w.save(),
            (Std(_Key.Save),),
            translate("Actions", "Save the map"),
            _Theme.DocumentSave,
            _Pixmap.SP_DialogSaveButton,
        ),
        ActionSpec(
            "save_as",
            translate("Actions", "Save &As…"),
            lambda w: w.save_as(),
            (Std(_Key.SaveAs, "Ctrl+Shift+S"),),
            translate("Actions", "Save the map under a new name"),
            _Theme.DocumentSaveAs,
        ),
        ActionSpec(
            "revert",
            translate("Actions", "&Revert"),
            lambda w: w.revert(),
            (),
            translate("Actions", "Throw away the changes since the last save"),
            _Theme.DocumentRevert,
            enabled=lambda w: w.document.modified and w.document.path is not None,
        ),
        ActionSpec(
            "export",
            translate("Actions", "&Export…"),
            lambda w: w.export_dialog(),
            ("Ctrl+E",),
            translate(
                "Actions",
                "Export a PDF poster, tiles, blank canvas or handouts, a picture, CSV or Markdown",
            ),
            _Theme.DocumentSend,
        ),
        ActionSpec(
            "print_preview",
            translate("Actions", "Print Pre&view…"),
            lambda w: w.print_preview(),
            (),
            translate("Actions", "See the printed pages before printing"),
            _Theme.DocumentPrintPreview,
        ),
        ActionSpec(
            "print_map",
            translate("Actions", "&Print…"),
            lambda w: w.print_map(),
            (Std(_Key.Print, "Ctrl+P"),),
            translate("Actions", "Print the map on one page or at true size over several"),
            _Theme.DocumentPrint,
        ),
        ActionSpec(
            "close_map",
            translate("Actions", "&Close"),
            lambda w: w.close_map(),
            (Std(_Key.Close, "Ctrl+W"),),
            translate("Actions", "Close the map"),
        ),
        ActionSpec(
            "preferences",
            translate("Actions", "Pr&eferences…"),
            lambda w: w.edit_preferences(),
            (Std(_Key.Preferences, "Ctrl+,"),),
            translate("Actions", "Autosave, paper size, language and grid"),
            role=_Role.PreferencesRole,
        ),
        ActionSpec(
            "quit",
            translate("Actions", "&Quit"),
            lambda w: w.close(),
            (Std(_Key.Quit, "Ctrl+Q"),),
            translate("Actions", "Quit JourneyCanvas"),
            _Theme.ApplicationExit,
            role=_Role.QuitRole,
        ),
        # Edit
        ActionSpec(
            "undo",
            translate("Actions", "&Undo"),
            lambda w: w.document.undo_stack.undo(),
            (Std(_Key.Undo),),
            translate("Actions", "Undo the last change"),
            _Theme.EditUndo,
            _Pixmap.SP_ArrowBack,
            enabled=lambda w: w.document.undo_stack.canUndo(),
            live_text=_undo_label,
            toolbar_text=translate("Actions", "Undo"),
        ),
        ActionSpec(
            "redo",
            translate("Actions", "&Redo"),
            lambda w: w.document.undo_stack.redo(),
            (Std(_Key.Redo), "Ctrl+Shift+Z"),
            translate("Actions", "Redo the change undone last"),
            _Theme.EditRedo,
            _Pixmap.SP_ArrowForward,
            enabled=lambda w: w.document.undo_stack.canRedo(),
            live_text=_redo_label,
            toolbar_text=translate("Actions", "Redo"),
        ),
        ActionSpec(
            "cut",
            translate("Actions", "Cu&t"),
            lambda w: w.view.cut(),
            (Std(_Key.Cut),),
            translate("Actions", "Move the selected cards to the clipboard"),
            _Theme.EditCut,
            enabled=_cards_selected,
            canvas=True,
        ),
        ActionSpec(
            "copy",
            translate("Actions", "&Copy"),
            lambda w: w.view.copy(),
            (Std(_Key.Copy),),
            translate("Actions", "Copy the selected cards"),
            _Theme.EditCopy,
            enabled=_cards_selected,
            canvas=True,
        ),
        ActionSpec(
            "paste",
            translate("Actions", "&Paste"),
            lambda w: w.view.paste(),
            (Std(_Key.Paste),),
            translate(
                "Actions", "Paste cards after the selected card, or into the cell clicked last"
            ),
            _Theme.EditPaste,
            enabled=lambda w: w.view.can_paste(),
            canvas=True,
        ),
        ActionSpec(
            "duplicate",
            translate("Actions", "D&uplicate"),
            lambda w: w.view.duplicate_selection(),
            ("Ctrl+D",),
            translate("Actions", "Duplicate the selection"),
            enabled=_cards_selected,
            canvas=True,
        ),
        # Pictures on cards
        ActionSpec(
            "set_picture",
            translate("Actions", "Set &Picture…"),
            lambda w: choose_picture(w.view),
            (),
            translate("Actions", "Show a picture on the selected card (or drop or paste one)"),
            enabled=lambda w: can_set_picture(w.view),
        ),
        ActionSpec(
            "remove_picture",
            translate("Actions", "Remove Pic&ture"),
            lambda w: remove_picture(w.view),
            (),
            translate("Actions", "Take the picture off the selected card"),
            enabled=lambda w: can_remove_picture(w.view),
        ),
        ActionSpec(
            "resolve_conflict",
            translate("Actions", "Mark Conflict &Resolved"),
            resolve_conflicts,
            (),
            translate("Actions", "Clear the merge-conflict flag of the selected cards"),
            enabled=lambda w: bool(conflicted_cards(w)),
        ),
        ActionSpec(
            "delete",
            translate("Actions", "&Delete"),
            lambda w: w.view.delete_selection(),
            (Std(_Key.Delete), "Backspace"),
            translate("Actions", "Delete the selection"),
            _Theme.EditDelete,
            _Pixmap.SP_TrashIcon,
            enabled=_anything_selected,
            canvas=True,
        ),
        ActionSpec(
            "select_all",
            translate("Actions", "Select &All"),
            lambda w: w.view.select_all(),
            (Std(_Key.SelectAll),),
            translate("Actions", "Select every card"),
            _Theme.EditSelectAll,
            canvas=True,
        ),
        ActionSpec(
            "edit_text",
            translate("Actions", "&Edit Text"),
            lambda w: w.view.edit_selected_text(),
            ("F2",),
            translate("Actions", "Edit the text of the selection in place"),
            enabled=_anything_selected,
            live_text=_edit_text_label,
            canvas=True,
        ),
        ActionSpec(
            "find",
            translate("Actions", "&Find…"),
            lambda w: w.find_bar.open_bar(),
            (Std(_Key.Find),),
            translate("Actions", "Find cards by text, tag or kind"),
            _Theme.EditFind,
        ),
        ActionSpec(
            "find_next",
            translate("Actions", "Find &Next"),
            lambda w: w.find_bar.find_next(),
            (Std(_Key.FindNext, "F3"),),
            translate("Actions", "Show the next card found"),
        ),
        ActionSpec(
            "find_previous",
            translate("Actions", "Find Pre&vious"),
            lambda w: w.find_bar.find_previous(),
            (Std(_Key.FindPrevious, "Shift+F3"),),
            translate("Actions", "Show the previous card found"),
        ),
        # View
        ActionSpec(
            "zoom_in",
            translate("Actions", "Zoom &In"),
            lambda w: w.view.zoom_in(),
            (Std(_Key.ZoomIn), "Ctrl+="),
            translate("Actions", "Zoom in"),
            _Theme.ZoomIn,
        ),
        ActionSpec(
            "zoom_out",
            translate("Actions", "Zoom &Out"),
            lambda w: w.view.zoom_out(),
            (Std(_Key.ZoomOut),),
            translate("Actions", "Zoom out"),
            _Theme.ZoomOut,
        ),
        ActionSpec(
            "zoom_fit",
            translate("Actions", "&Fit Map"),
            lambda w: w.view.zoom_to_fit(),
            ("Ctrl+0",),
            translate("Actions", "Show the whole map"),
            _Theme.ZoomFitBest,
        ),
        ActionSpec(
            "zoom_reset",
            translate("Actions", "&Actual Size"),
            lambda w: w.view.zoom_reset(),
            ("Ctrl+1",),
            translate("Actions", "Zoom to 100 %"),
        ),
        ActionSpec(
            "full_screen",
            translate("Actions", "F&ull Screen"),
            lambda w: w.toggle_full_screen(),
            (Std(_Key.FullScreen, "F11"),),
            translate("Actions", "Use the whole screen"),
            _Theme.ViewFullscreen,
            checked=lambda w: w.isFullScreen(),
        ),
        # Insert
        ActionSpec(
            "add_stage",
            translate("Actions", "Add &Stage"),
            lambda w: w.view.add_stage(),
            ("Ctrl+Shift+T",),
            translate("Actions", "Add a stage (column) after the selected one"),
            toolbar_text=translate("Actions", "Stage"),
        ),
        ActionSpec(
            "insert_stage_before",
            translate("Actions", "Insert Stage &Before"),
            lambda w: w.view.add_stage(before=True),
            (),
            translate("Actions", "Add a stage before the selected one"),
            enabled=lambda w: w.view.selected_stage_id() is not None,
        ),
        ActionSpec(
            "add_lane",
            translate("Actions", "Add &Lane"),
            lambda w: w.view.add_lane(),
            ("Ctrl+Shift+L",),
            translate("Actions", "Add a lane (row) below the selected one"),
            toolbar_text=translate("Actions", "Lane"),
        ),
        ActionSpec(
            "insert_lane_above",
            translate("Actions", "Insert Lane A&bove"),
            lambda w: w.view.add_lane(above=True),
            (),
            translate("Actions", "Add a lane above the selected one"),
            enabled=lambda w: w.view.selected_lane_id() is not None,
        ),
        # Insert: after / below the selected header, a lane of each kind, the stage sets
        ActionSpec(
            "insert_stage_after",
            translate("Actions", "Insert Stage &After"),
            lambda w: w.view.add_stage(),
            (),
            translate("Actions", "Add a stage after the selected one"),
            enabled=lambda w: w.view.selected_stage_id() is not None,
        ),
        ActionSpec(
            "insert_lane_below",
            translate("Actions", "Insert Lane Be&low"),
            lambda w: w.view.add_lane(),
            (),
            translate("Actions", "Add a lane below the selected one"),
            enabled=lambda w: w.view.selected_lane_id() is not None,
        ),
        *_palette_insert_specs(),
        ActionSpec(
            "add_card_here",
            translate("Actions", "Add &Card Here"),
            lambda w: w.view.add_card_in_last_cell(),
            ("N", "Ins"),
            translate("Actions", "Add a card after the selected one, or to the current cell"),
            enabled=lambda w: w.view.has_last_cell(),
            canvas=True,
        ),
        # Moving cards from the keyboard
        ActionSpec(
            "move_cards_up",
            translate("Actions", "Move Card &Up"),
            lambda w: w.view.move_selected_cards(Direction.UP),
            ("Alt+Up",),
            translate("Actions", "Move the selected cards up one slot, or into the lane above"),
            enabled=_cards_selected,
            canvas=True,
        ),
        ActionSpec(
            "move_cards_down",
            translate("Actions", "Move Card &Down"),
            lambda w: w.view.move_selected_cards(Direction.DOWN),
            ("Alt+Down",),
            translate("Actions", "Move the selected cards down one slot, or into the lane below"),
            enabled=_cards_selected,
            canvas=True,
        ),
        ActionSpec(
            "move_cards_left",
            translate("Actions", "Move Card &Left"),
            lambda w: w.view.move_selected_cards(Direction.LEFT),
            ("Alt+Left",),
            translate("Actions", "Move the selected cards into the stage before"),
            enabled=_cards_selected,
            canvas=True,
        ),
        ActionSpec(
            "move_cards_right",
            translate("Actions", "Move Card &Right"),
            lambda w: w.view.move_selected_cards(Direction.RIGHT),
            ("Alt+Right",),
            translate("Actions", "Move the selected cards into the stage after"),
            enabled=_cards_selected,
            canvas=True,
        ),
        ActionSpec(
            "add_persona",
            translate("Actions", "&Persona…"),
            lambda w: w.add_persona(),
            (),
            translate("Actions", "Add a persona or customer segment"),
        ),
        # Map
        ActionSpec(
            "map_details",
            translate("Actions", "Map &Details"),
            lambda w: w.show_map_details(),
            ("Ctrl+I",),
            translate("Actions", "Edit the map's title, scenario, owner and language"),
            _Theme.DocumentProperties,
        ),
        ActionSpec(
            "recolour_stage",
            translate("Actions", "Stage &Colour…"),
            lambda w: w.view.recolour_selected_stage(),
            (),
            translate("Actions", "Choose the colour of the selected stage"),
            enabled=lambda w: w.view.selected_stage_id() is not None,
        ),
        ActionSpec(
            "personas",
            translate("Actions", "&Personas"),
            lambda w: w.show_personas(),
            (),
            translate("Actions", "Show the personas panel"),
        ),
        # Workshop
        ActionSpec(
            "workshop_start",
            translate("Actions", "&Start Workshop…"),
            lambda w: w.workshop.start_dialog(),
            (),
            translate("Actions", "Let the room add notes and vote from their phones"),
            enabled=lambda w: not w.workshop.running,
        ),
        ActionSpec(
            "workshop_end",
            translate("Actions", "&End Workshop"),
            lambda w: w.workshop.end(),
            (),
            translate("Actions", "Stop taking notes from phones and save the map"),
            enabled=lambda w: w.workshop.running,
        ),
        ActionSpec(
            "workshop_join_code",
            translate("Actions", "Show &Join Code"),
            lambda w: w.workshop.show_join_code(),
            (),
            translate("Actions", "The address and QR code participants open"),
            enabled=lambda w: w.workshop.running,
        ),
        ActionSpec(
            "workshop_present",
            translate("Actions", "&Presentation"),
            lambda w: w.workshop.present(),
            ("F5",),
            translate("Actions", "Full screen, stage by stage; Esc leaves"),
        ),
        # Versions: changed on disk, compare, to-be, snapshots (issue 14)
        ActionSpec(
            "compare_with",
            translate("Actions", "Compare &With…"),
            lambda w: w.versions.choose_and_compare(),
            (),
            translate(
                "Actions", "Compare the map with another version: a map, its backup or a snapshot"
            ),
        ),
        ActionSpec(
            "export_comparison",
            translate("Actions", "Export Co&mparison…"),
            lambda w: w.versions.export_comparison(),
            (),
            translate("Actions", "Print the comparison as a PDF report"),
        ),
        ActionSpec(
            "save_as_to_be",
            translate("Actions", "Save as &To-Be…"),
            lambda w: w.versions.save_as_to_be(),
            (),
            translate("Actions", "Duplicate the map into a new file linked to it as its as-is"),
            enabled=lambda w: w.document.path is not None,
        ),
        ActionSpec(
            "take_snapshot",
            translate("Actions", "Take &Snapshot"),
            lambda w: w.versions.take_snapshot(),
            (),
            translate("Actions", "Keep a dated copy of the map beside its file, to compare later"),
            enabled=lambda w: w.document.path is not None,
        ),
        # Help
        ActionSpec(
            "shortcut_sheet",
            translate("Actions", "&Keyboard Shortcuts"),
            lambda w: w.show_shortcuts(),
            (Std(_Key.HelpContents, "F1"),),
            translate("Actions", "List every shortcut"),
            _Theme.HelpFaq,
        ),
        ActionSpec(
            "about",
            translate("Actions", "&About JourneyCanvas"),
            lambda w: w.show_about(),
            (),
            translate("Actions", "Version, licence and file format"),
            _Theme.HelpAbout,
            role=_Role.AboutRole,
        ),
        ActionSpec(
            "about_qt",
            translate("Actions", "About &Qt"),
            lambda w: QApplication.aboutQt(),
            (),
            translate("Actions", "The version of Qt"),
            role=_Role.AboutQtRole,
        ),
    )


def menu_layout() -> list[tuple[str, list[str]]]:
    """The menu bar: each menu's title and its entries (action ids, SEPARATOR, RECENT_MENU,
    DOCK_TOGGLES)."""
    s = SEPARATOR
    return [
        (
            translate("Actions", "&File"),
            [
                "new",
                "open",
                RECENT_MENU,
                s,
                "save",
                "save_as",
                "revert",
                "save_as_to_be",
                s,
                "compare_with",
                "export_comparison",
                s,
                "export",
                "print_preview",
                "print_map",
                s,
                "close_map",
                s,
                "preferences",
                s,
                "quit",
            ],
        ),
        (
            translate("Actions", "&Edit"),
            [
                "undo",
                "redo",
                s,
                "cut",
                "copy",
                "paste",
                "duplicate",
                "delete",
                s,
                "select_all",
                "edit_text",
                "set_picture",
                "remove_picture",
                "resolve_conflict",
                s,
                "move_cards_up",
                "move_cards_down",
                "move_cards_left",
                "move_cards_right",
                s,
                "find",
                "find_next",
                "find_previous",
            ],
        ),
        (
            translate("Actions", "&View"),
            ["zoom_in", "zoom_out", "zoom_fit", "zoom_reset", s, DOCK_TOGGLES, s, "full_screen"],
        ),
        (
            translate("Actions", "&Insert"),
            ["add_stage", STAGE_SETS_MENU, s, "add_lane", LANE_KINDS_MENU, s, "add_persona"],
        ),
        (translate("Actions", "&Map"), ["map_details", "personas", s, "take_snapshot"]),
        (
            translate("Actions", "&Workshop"),
            ["workshop_start", "workshop_end", s, "workshop_join_code", "workshop_present"],
        ),
        (translate("Actions", "&Help"), ["shortcut_sheet", s, "about", "about_qt"]),
    ]


TOOLBAR = ("new", "open", "save", SEPARATOR, "undo", "redo", SEPARATOR, "add_stage",
           "add_lane", SEPARATOR, "zoom_out", "zoom_in", "zoom_fit", SEPARATOR, "find")  # fmt: skip


def _portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def resolve_keys(specs: Sequence[ActionSpec]) -> dict[str, list[QKeySequence]]:
    """Each action's key sequences on this platform, first the one menus show.

    A standard key's first sequence (or its fallback) and every plain string are the
    action's own; a standard key's further platform sequences are added unless another
    action names them.
    """
    own: dict[str, list[QKeySequence]] = {}
    extras: dict[str, list[QKeySequence]] = {}
    for spec in specs:
        own[spec.id], extras[spec.id] = [], []
        for key in spec.keys:
            if isinstance(key, str):
                own[spec.id].append(QKeySequence(key))
                continue
            bindings = QKeySequence.keyBindings(key.key)
            if bindings:
                own[spec.id].append(bindings[0])
                extras[spec.id].extend(bindings[1:])
            elif key.fallback:
                own[spec.id].append(QKeySequence(key.fallback))
    named = {_portable(k): action for action, keys in own.items() for k in keys}
    resolved: dict[str, list[QKeySequence]] = {}
    for spec in specs:
        keys: list[QKeySequence] = []
        seen: set[str] = set()
        for sequence in own[spec.id] + extras[spec.id]:
            text = _portable(sequence)
            if text in seen or named.get(text, spec.id) != spec.id:
                continue
            seen.add(text)
            keys.append(sequence)
        resolved[spec.id] = keys
    return resolved


def _icon(spec: ActionSpec) -> QIcon | None:
    fallback = (
        QApplication.style().standardIcon(spec.fallback_icon)
        if spec.fallback_icon is not None
        else QIcon()
    )
    if spec.icon is None:
        return fallback if not fallback.isNull() else None
    return QIcon.fromTheme(spec.icon, fallback)


class MainActions(QObject):
    """The QActions of the action table, one each, owned by the main window.

    `refresh()` brings their enabled, checked and text states up to date with the window;
    the window calls it whenever its state changes. An action is also reachable as an
    attribute named by its id (``actions.duplicate``).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.specs = {spec.id: spec for spec in action_specs()}
        self.keys = resolve_keys(list(self.specs.values()))
        self.by_id: dict[str, QAction] = {}
        for spec in self.specs.values():
            self.by_id[spec.id] = self._make(spec)
        self.recent_menu = QMenu(translate("Actions", "Open &Recent"), window)
        self.recent_menu.setIcon(QIcon.fromTheme(_Theme.DocumentOpenRecent))

    def _make(self, spec: ActionSpec) -> QAction:
        window = self.window
        action = QAction(spec.text, window)
        action.setObjectName(spec.id)
        keys = self.keys[spec.id]
        if keys:
            action.setShortcuts(keys)
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        icon = _icon(spec)
        if icon is not None:
            action.setIcon(icon)
        if spec.toolbar_text:
            action.setIconText(spec.toolbar_text)
        action.setCheckable(spec.checked is not None)
        action.setMenuRole(spec.role)
        if spec.canvas:
            # The canvas owns these keys while it has the focus; the menus still work.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            window.view.addAction(action)
        else:
            window.addAction(action)  # shortcuts work even when the menu bar is hidden
        action.triggered.connect(lambda _checked=False, s=spec: self._run(s))
        return action

    def _run(self, spec: ActionSpec) -> None:
        spec.run(self.window)
        self.refresh()

    def __getattr__(self, name: str) -> QAction:
        """The action whose id is `name`."""
        by_id = self.__dict__.get("by_id")
        if by_id is not None and name in by_id:
            return by_id[name]
        raise AttributeError(name)

    @Slot()
    def state_changed(self) -> None:
        """The window's state changed (a slot for the undo stack and the clipboard)."""
        self.refresh()

    def refresh(self) -> None:
        """Re-check every action's enabled-when, checked state and live text."""
        window = self.window
        for spec_id, action in self.by_id.items():
            spec = self.specs[spec_id]
            if spec.enabled is not None:
                action.setEnabled(spec.enabled(window))
            if spec.checked is not None:
                action.setChecked(spec.checked(window))
            if spec.live_text is not None:
                text = spec.live_text(window)
                action.setText(text)
                if spec.toolbar_text:
                    action.setToolTip(text.replace("&", ""))


def build_menus(window: QMainWindow, actions: MainActions, dock_toggles: list[QAction]) -> None:
    """Fill the window's menu bar from `menu_layout()`."""
    bar = window.menuBar()
    nested = submenus()
    for title, entries in menu_layout():
        menu = bar.addMenu(title)
        for entry in entries:
            if entry == SEPARATOR:
                menu.addSeparator()
            elif entry in nested:
                sub_title, sub_entries = nested[entry]
                menu.addMenu(sub_title).addActions([actions.by_id[i] for i in sub_entries])
            elif entry == RECENT_MENU:
                menu.addMenu(actions.recent_menu)
            elif entry == DOCK_TOGGLES:
                menu.addActions(dock_toggles)
            else:
                menu.addAction(actions.by_id[entry])


def build_toolbar(window: QMainWindow, actions: MainActions) -> QToolBar:
    """The main toolbar from `TOOLBAR`. Each button keeps its width whatever its action's
    text becomes (Undo's names the step), so that nothing moves under the pointer."""
    toolbar = window.addToolBar(window.tr("Main toolbar"))
    toolbar.setObjectName("MainToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for entry in TOOLBAR:
        if entry == SEPARATOR:
            toolbar.addSeparator()
            continue
        action = actions.by_id[entry]
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setFixedWidth(button.sizeHint().width())
    return toolbar
