"""The interface language: the first start follows the settings (or the system), Preferences
switch it at once, Qt's own buttons follow, and the map's language is picked from a list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QMenu

from journeycanvas.ui.language_switch import apply_language, follow_language_setting
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.settings import AppSettings


def menu_titles(window: MainWindow) -> list[str]:
    """The menu bar's titles, as shown."""
    return [action.text() for action in window.menuBar().actions()]


def test_a_polish_window_shows_polish_menus_docks_and_inspector(
    started: Callable[..., MainWindow], settings: AppSettings
) -> None:
    settings.language = "pl"
    window = started()
    assert menu_titles(window) == [
        "&Plik",
        "&Edycja",
        "&Widok",
        "W&staw",
        "&Mapa",
        "Wa&rsztat",
        "Pomo&c",
    ]
    assert window.palette_dock.windowTitle() == "Paleta"
    assert window.inspector_dock.windowTitle() == "Inspektor"
    assert window.action_table.by_id["save"].text() == "&Zapisz"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Anuluj"


def test_preferences_switch_the_language_at_once(window: MainWindow) -> None:
    assert menu_titles(window)[0] == "&File"
    map_before = window.document.journey.model_copy(deep=True)
    window.settings.language = "sv"
    follow_language_setting(window)
    assert menu_titles(window) == [
        "&Arkiv",
        "&Redigera",
        "&Visa",
        "&Infoga",
        "&Karta",
        "&Workshop",
        "&Hjälp",
    ]
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert "&Ny…" in [action.text() for action in file_menu.actions()]
    assert window.personas_dock.windowTitle() == "Personor"
    assert window.document.journey == map_before
    window.settings.language = "en"
    follow_language_setting(window)
    assert menu_titles(window)[0] == "&File"


def test_indonesian_buttons_come_from_our_catalogue(qapp: QApplication) -> None:
    assert apply_language("id_ID") == "id"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Batal"
    assert QApplication.translate("Actions", "&Save") == "&Simpan"


def test_the_map_language_is_picked_from_a_list_in_one_undo_step(window: MainWindow) -> None:
    window.show_map_details()
    field = window.inspector.map_page.locale_edit
    index = field.findData("pl")
    assert field.itemText(index) == "Polski (pl)"
    steps = window.document.undo_stack.count()
    field.setCurrentIndex(index)
    field.activated.emit(index)
    assert window.document.journey.locale == "pl"
    assert window.document.undo_stack.count() == steps + 1


def test_preferences_switch_the_find_bar_too(window: MainWindow) -> None:
    bar = window.find_bar
    assert bar.match_case.text() == "Match case"
    window.settings.language = "pl"
    follow_language_setting(window)
    assert bar.match_case.text() == "Uwzględniaj wielkość liter"
    assert bar.replace_button.text() == "Zamień wszystko"
    assert bar.field.placeholderText() == "Znajdź karty według tekstu, tagu lub rodzaju"
