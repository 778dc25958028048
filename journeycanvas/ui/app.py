"""Starting the editor: the QApplication, the interface language, the first map shown, crash
handling.

``journeycanvas [FILE]`` ends up in `run_gui`. `start_gui` does everything but the event
loop, so that tests (and a test's subprocess driver) can start the real editor.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from journeycanvas import __version__
from journeycanvas.i18n import current_language
from journeycanvas.io.templates import load_template
from journeycanvas.ui.autosave import AutosaveStore
from journeycanvas.ui.crash_handler import CrashHandler
from journeycanvas.ui.language_switch import apply_language
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.settings import APPLICATION, ORGANIZATION, AppSettings

FIRST_RUN_TEMPLATE = "hourglass"


def application() -> QApplication:
    """The running QApplication (created if there is none), named for QSettings."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("journeycanvas")
    return app


def start_gui(
    path: str | None,
    *,
    settings: AppSettings | None = None,
    autosave_store: AutosaveStore | None = None,
    autosave_interval_ms: int | None = None,
) -> MainWindow:
    """Show the main window with the map the user expects.

    First, maps a crashed editor left behind are offered back. Then `path` is opened; with
    no path, the map open when the editor last closed; on the very first run, the hourglass
    template, so that a newcomer sees a real map at once.
    """
    application()
    settings = settings if settings is not None else AppSettings()
    apply_language(settings.language)
    window = MainWindow(
        settings,
        autosave_store if autosave_store is not None else AutosaveStore(),
        autosave_interval_ms=autosave_interval_ms,
    )
    window.show()
    if not window.offer_recovery():
        opened = path is not None and window.open_path(path)
        if not opened:
            _open_usual_map(window, settings)
    settings.mark_run()
    return window


def _open_usual_map(window: MainWindow, settings: AppSettings) -> None:
    last = settings.last_map
    if last and Path(last).is_file() and window.open_path(last):
        return
    if settings.first_run:
        window.set_map(load_template(FIRST_RUN_TEMPLATE, language=current_language()), None)


def run_gui(path: str | None) -> int:
    """Run the editor until its window closes; returns the exit code."""
    app = application()
    settings = AppSettings()
    window = start_gui(path, settings=settings)
    return run_event_loop(app, window)


def run_event_loop(app: QApplication, window: MainWindow) -> int:
    """Run Qt's event loop until the editor quits, an unexpected error autosaving `window`'s
    map first and then showing the traceback (see CrashHandler); returns the exit code."""
    handler = CrashHandler(window.autosave_now, lambda: window)
    handler.install()
    try:
        return app.exec()
    finally:
        handler.uninstall()
