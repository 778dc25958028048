"""The main window's commands as QActions, with standard shortcuts, and its menus and toolbar.

The actions only carry text, shortcuts and icons; the main window connects them to what they
do. Shortcuts come from ``QKeySequence.StandardKey`` so they follow the platform's habits,
with a fallback where a platform defines none.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStyle, QToolBar

_Key = QKeySequence.StandardKey


def shortcuts(standard: _Key | None = None, *fallback: str) -> list[QKeySequence]:
    """The platform's keys for `standard`, or `fallback` when the platform has none."""
    keys = QKeySequence.keyBindings(standard) if standard is not None else []
    return keys or [QKeySequence(text) for text in fallback]


def _icon(theme: QIcon.ThemeIcon | None, fallback: QStyle.StandardPixmap | None) -> QIcon:
    style_icon = QApplication.style().standardIcon(fallback) if fallback is not None else QIcon()
    if theme is None:
        return style_icon
    return QIcon.fromTheme(theme, style_icon)


class MainActions(QObject):
    """Every command of the main window, one QAction each (owned by the window)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        sp = QStyle.StandardPixmap
        theme = QIcon.ThemeIcon

        def make(
            text: str,
            keys: list[QKeySequence] | None = None,
            tip: str = "",
            icon: QIcon | None = None,
        ) -> QAction:
            action = QAction(text, window)
            if keys:
                action.setShortcuts(keys)
            if tip:
                action.setStatusTip(tip)
                action.setToolTip(tip)
            if icon is not None:
                action.setIcon(icon)
            window.addAction(action)  # shortcuts work even when the menu bar is hidden
            return action

        # File
        self.new = make(
            self.tr("&New…"),
            shortcuts(_Key.New),
            self.tr("Start a new map from a template"),
            _icon(theme.DocumentNew, sp.SP_FileIcon),
        )
        self.open = make(
            self.tr("&Open…"),
            shortcuts(_Key.Open),
            self.tr("Open a map file"),
            _icon(theme.DocumentOpen, sp.SP_DialogOpenButton),
        )
        self.save = make(
            self.tr("&Save"),
            shortcuts(_Key.Save),
            self.tr("Save the map"),
            _icon(theme.DocumentSave, sp.SP_DialogSaveButton),
        )
        self.save_as = make(
            self.tr("Save &As…"),
            shortcuts(_Key.SaveAs, "Ctrl+Shift+S"),
            self.tr("Save the map under a new name"),
            _icon(theme.DocumentSaveAs, None),
        )
        self.revert = make(
            self.tr("&Revert"),
            None,
            self.tr("Throw away the changes since the last save"),
            _icon(theme.DocumentRevert, None),
        )
        self.export = make(
            self.tr("&Export…"),
            shortcuts(None, "Ctrl+E"),
            self.tr(
                "Export a PDF poster, tiles, blank canvas or handouts, a picture, CSV or Markdown"
            ),
            _icon(theme.DocumentSend, None),
        )
        self.print_preview = make(
            self.tr("Print Pre&view…"),
            None,
            self.tr("See the printed pages before printing"),
            _icon(theme.DocumentPrintPreview, None),
        )
        self.print_map = make(
            self.tr("&Print…"),
            shortcuts(_Key.Print, "Ctrl+P"),
            self.tr("Print the map on one page or at true size over several"),
            _icon(theme.DocumentPrint, None),
        )
        self.close_map = make(
            self.tr("&Close"),
            shortcuts(_Key.Close, "Ctrl+W"),
            self.tr("Close the map"),
        )
        self.preferences = make(
            self.tr("Pr&eferences…"),
            shortcuts(_Key.Preferences, "Ctrl+,"),
            self.tr("Autosave, paper size, language and grid"),
        )
        self.quit = make(
            self.tr("&Quit"),
            shortcuts(_Key.Quit, "Ctrl+Q"),
            self.tr("Quit JourneyCanvas"),
            _icon(theme.ApplicationExit, None),
        )
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

        # Edit
        self.cut = make(self.tr("Cu&t"), shortcuts(_Key.Cut), icon=_icon(theme.EditCut, None))
        self.copy = make(self.tr("&Copy"), shortcuts(_Key.Copy), icon=_icon(theme.EditCopy, None))
        self.paste = make(
            self.tr("&Paste"), shortcuts(_Key.Paste), icon=_icon(theme.EditPaste, None)
        )
        self.duplicate = make(
            self.tr("D&uplicate"), shortcuts(None, "Ctrl+D"), self.tr("Duplicate the selection")
        )
        self.delete = make(
            self.tr("&Delete"),
            shortcuts(_Key.Delete),
            self.tr("Delete the selection"),
            _icon(theme.EditDelete, sp.SP_TrashIcon),
        )
        self.select_all = make(
            self.tr("Select &All"), shortcuts(_Key.SelectAll), icon=_icon(theme.EditSelectAll, None)
        )
        self.edit_text = make(
            self.tr("&Edit Text"),
            shortcuts(None, "F2"),
            self.tr("Edit the text of the selected card in place"),
        )
        self.find = make(
            self.tr("&Find…"),
            shortcuts(_Key.Find),
            self.tr("Find cards by text, tag or kind"),
            _icon(theme.EditFind, None),
        )
        self.find_next = make(self.tr("Find &Next"), shortcuts(_Key.FindNext, "F3"))
        self.find_previous = make(
            self.tr("Find Pre&vious"), shortcuts(_Key.FindPrevious, "Shift+F3")
        )

        # View
        self.zoom_in = make(
            self.tr("Zoom &In"), shortcuts(_Key.ZoomIn), icon=_icon(theme.ZoomIn, None)
        )
        self.zoom_out = make(
            self.tr("Zoom &Out"), shortcuts(_Key.ZoomOut), icon=_icon(theme.ZoomOut, None)
        )
        self.zoom_fit = make(
            self.tr("&Fit Map"),
            shortcuts(None, "Ctrl+0"),
            self.tr("Show the whole map"),
            _icon(theme.ZoomFitBest, None),
        )
        self.zoom_reset = make(self.tr("&Actual Size"), shortcuts(None, "Ctrl+1"))
        self.full_screen = make(
            self.tr("F&ull Screen"),
            shortcuts(_Key.FullScreen, "F11"),
            icon=_icon(theme.ViewFullscreen, None),
        )
        self.full_screen.setCheckable(True)

        # Insert
        self.add_stage = make(
            self.tr("&Stage"), shortcuts(None, "Ctrl+Shift+T"), self.tr("Add a stage (column)")
        )
        self.add_lane = make(
            self.tr("&Lane"), shortcuts(None, "Ctrl+Shift+L"), self.tr("Add a lane (row)")
        )
        self.add_persona = make(
            self.tr("&Persona…"), None, self.tr("Add a persona or customer segment")
        )

        # Map
        self.map_details = make(
            self.tr("Map &Details"),
            shortcuts(None, "Ctrl+I"),
            self.tr("Edit the map's title, scenario, owner and language"),
            _icon(theme.DocumentProperties, None),
        )
        self.personas = make(self.tr("&Personas"), None, self.tr("Show the personas panel"))

        # Help
        self.shortcut_sheet = make(
            self.tr("&Keyboard Shortcuts"),
            shortcuts(_Key.HelpContents, "F1"),
            icon=_icon(theme.HelpFaq, None),
        )
        self.about = make(self.tr("&About JourneyCanvas"), icon=_icon(theme.HelpAbout, None))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = make(self.tr("About &Qt"))
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.setIcon(_icon(theme.DocumentOpenRecent, None))


def build_menus(
    window: QMainWindow,
    actions: MainActions,
    undo: QAction,
    redo: QAction,
    dock_toggles: list[QAction],
) -> None:
    """Fill the window's menu bar: File, Edit, View, Insert, Map, Help."""
    bar = window.menuBar()
    a = actions

    file_menu = bar.addMenu(window.tr("&File"))
    file_menu.addActions([a.new, a.open])
    file_menu.addMenu(a.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as, a.revert])
    file_menu.addSeparator()
    file_menu.addActions([a.export, a.print_preview, a.print_map])
    file_menu.addSeparator()
    file_menu.addAction(a.close_map)
    file_menu.addSeparator()
    file_menu.addAction(a.preferences)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit_menu = bar.addMenu(window.tr("&Edit"))
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    edit_menu.addSeparator()
    edit_menu.addActions([a.select_all, a.edit_text])
    edit_menu.addSeparator()
    edit_menu.addActions([a.find, a.find_next, a.find_previous])

    view_menu = bar.addMenu(window.tr("&View"))
    view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_fit, a.zoom_reset])
    view_menu.addSeparator()
    view_menu.addActions(dock_toggles)
    view_menu.addSeparator()
    view_menu.addAction(a.full_screen)

    insert_menu = bar.addMenu(window.tr("&Insert"))
    insert_menu.addActions([a.add_stage, a.add_lane, a.add_persona])

    map_menu = bar.addMenu(window.tr("&Map"))
    map_menu.addActions([a.map_details, a.personas])

    help_menu = bar.addMenu(window.tr("&Help"))
    help_menu.addAction(a.shortcut_sheet)
    help_menu.addSeparator()
    help_menu.addActions([a.about, a.about_qt])


def build_toolbar(
    window: QMainWindow, actions: MainActions, undo: QAction, redo: QAction
) -> QToolBar:
    """The main toolbar: files, undo, structure, zoom and find."""
    toolbar = window.addToolBar(window.tr("Main toolbar"))
    toolbar.setObjectName("MainToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    a = actions
    toolbar.addActions([a.new, a.open, a.save])
    toolbar.addSeparator()
    toolbar.addActions([undo, redo])
    toolbar.addSeparator()
    toolbar.addActions([a.add_stage, a.add_lane])
    toolbar.addSeparator()
    toolbar.addActions([a.zoom_out, a.zoom_in, a.zoom_fit])
    toolbar.addSeparator()
    toolbar.addAction(a.find)
    return toolbar
