"""Switching the interface language while the editor runs.

Everything built from the action table (actions, menus, toolbar) is rebuilt in the new
language; the docks are rebuilt around the same document and put back where they were;
the find bar, the window's title and status bar are written again. The map, its undo history and the
selection stay as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from journeycanvas import i18n
from journeycanvas.ui.actions import action_specs, build_menus, translate
from journeycanvas.ui.inspector import InspectorDock
from journeycanvas.ui.palette import PaletteDock
from journeycanvas.ui.personas_panel import PersonasDock
from journeycanvas.ui.qt_translator import InterfaceLanguage

if TYPE_CHECKING:
    from journeycanvas.ui.main_window import MainWindow

_installed: InterfaceLanguage | None = None


def interface_language() -> InterfaceLanguage:
    """The application's translators (installed on first use)."""
    global _installed
    app = QApplication.instance()
    assert app is not None, "the interface language needs a QApplication"
    if _installed is None or _installed.app is not app:
        _installed = InterfaceLanguage(app)
    return _installed


def apply_language(code: str) -> str:
    """Make `code` ("" = the system's) the interface language; returns the language used."""
    return interface_language().apply(code)


def follow_language_setting(window: MainWindow) -> None:
    """After Preferences: show `window` in the language its settings now name, at once."""
    before = i18n.current_language()
    if apply_language(window.settings.language) != before:
        retranslate_window(window)


def retranslate_window(window: MainWindow) -> None:
    """Write `window`'s menus, toolbar, docks, title and status bar in the current language."""
    table = window.action_table
    table.specs = {spec.id: spec for spec in action_specs()}
    for spec_id, action in table.by_id.items():
        spec = table.specs.get(spec_id)
        if spec is None:
            continue
        action.setText(spec.text)
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip or spec.text.replace("&", ""))
        if spec.toolbar_text:
            action.setIconText(spec.toolbar_text)
    table.recent_menu.setTitle(translate("Actions", "Open &Recent"))
    window.toolbar.setWindowTitle(window.tr("Main toolbar"))
    window.find_bar.retranslate()

    state = window.saveState()
    palette = PaletteDock(window)
    palette.attach(window.view)
    _replace_dock(window, window.palette_dock, palette)
    window.palette_dock = palette
    personas = PersonasDock(window.document, window)
    personas.panel.filter_changed.connect(window.view.set_persona_filter)
    _replace_dock(window, window.personas_dock, personas)
    window.personas_dock, window.personas = personas, personas.panel
    window.view.set_persona_filter(None)
    inspector = InspectorDock(window.document, window)
    _replace_dock(window, window.inspector_dock, inspector)
    window.inspector_dock, window.inspector = inspector, inspector.inspector
    window.restoreState(state)
    window.inspector.set_selection(window.view.selected_ids())

    window.menuBar().clear()
    toggles = [window.toolbar.toggleViewAction()]
    toggles += [dock.toggleViewAction() for dock in (palette, inspector, personas)]
    build_menus(window, table, toggles)
    table.refresh()
    window._document_changed()
    window._show_zoom(window._zoom)


def _replace_dock(window: MainWindow, old: QDockWidget, new: QDockWidget) -> None:
    area = window.dockWidgetArea(old)
    window.removeDockWidget(old)
    old.deleteLater()
    window.addDockWidget(
        area
        if area != Qt.DockWidgetArea.NoDockWidgetArea
        else Qt.DockWidgetArea.LeftDockWidgetArea,
        new,
    )
