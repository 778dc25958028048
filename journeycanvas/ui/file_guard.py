"""The open map's file, guarded: changed on disk, saved over, opened twice, left in conflict.

- The file is watched (its folder too: an atomic replace, as every careful writer does,
  removes the watched file and QFileSystemWatcher then forgets it). A change is judged by
  the digest of the file against the version the editor last loaded or saved.
- Changed with no local edits: reloaded as one undo step, keeping zoom, scroll and the
  selection of objects that still exist. With local edits (and always before a save that
  would replace a version the editor has not seen): Merge (three-way, base = the version
  last loaded or saved), Keep mine (save as a copy, or overwrite after a warning: the
  replaced version stays in ``NAME.journey.bak``) or Reload (discard mine, as one undo
  step, so even that can be taken back).
- A merge replaces the document's map as one undoable step; the map is then modified
  (until saved) and its base is the file's version. Conflicts are listed to the user, the
  flagged cards are outlined on the canvas and their notes hold the other value.
- A lock file warns a second editor; it may open the map read-only (Save goes to Save As)
  or anyway.
- Conflict copies left by sync tools are offered for merging when a map is opened.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFile, QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from journeycanvas.canvas.card_marks import CardMarks, Mark
from journeycanvas.document.disk_version import DiskVersion, file_digest, read_version
from journeycanvas.document.replace_map import ReplaceMapCommand
from journeycanvas.io import JourneyFileError, load_map
from journeycanvas.io.errors import printable
from journeycanvas.io.jsonfile import backup_path
from journeycanvas.merge import MergeResult, describe_conflict, merge_maps
from journeycanvas.merge.sync_conflicts import copy_base, find_conflict_copies
from journeycanvas.merge.three_way import MergeError
from journeycanvas.model.entities import JourneyMap
from journeycanvas.ui.choice_box import ChoiceBox, Role
from journeycanvas.ui.map_lock import REFRESH_MS, LockInfo, MapLock

if TYPE_CHECKING:
    from journeycanvas.ui.main_window import MainWindow

DEBOUNCE_MS = 250
"""Writers touch a file several times in a row; the file is judged once they are done."""

CONFLICTS_LISTED = 12
"""The most conflicts named in the message after a merge (the rest are counted)."""

CONFLICT_COLOR = "#e65100"


class DiskChoice(StrEnum):
    """What to do when the file changed underneath the editor."""

    MERGE = "merge"
    COPY = "copy"
    OVERWRITE = "overwrite"
    RELOAD = "reload"
    CANCEL = "cancel"


class LockChoice(StrEnum):
    """What to do with a map another editor has open."""

    READ_ONLY = "read_only"
    ANYWAY = "anyway"
    CANCEL = "cancel"


class FileGuard(QObject):
    """Guards the file of one main window's map (see the module's docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.check_disk)
        self.watcher.fileChanged.connect(lambda _path: self._debounce.start())
        self.watcher.directoryChanged.connect(lambda _path: self._debounce.start())
        self._lock: MapLock | None = None
        self._lock_timer = QTimer(self, interval=REFRESH_MS)
        self._lock_timer.timeout.connect(self._refresh_lock)
        self._read_only_path: Path | None = None
        self._busy = False
        # The disk version the user last put off deciding about: not asked about again
        # until the file changes once more (saving still asks).
        self._put_off: str | None = None
        self.conflict_marks = CardMarks(window.view.map_scene)
        self.read_only_label = QLabel(self.tr("Read-only"), window)
        self.read_only_label.hide()
        window.statusBar().addPermanentWidget(self.read_only_label)
        self.document.path_changed.connect(self.follow)
        self.document.changed.connect(self.show_conflicts)

    # ------------------------------------------------------------ following the path

    @property
    def read_only(self) -> bool:
        """Whether the map was opened read-only (another editor has it): Save goes to
        Save As."""
        path = self.document.path
        return path is not None and path == self._read_only_path

    def follow(self, path: Path | None) -> None:
        """The map's file is now `path`: watch it, and lock it unless read-only."""
        self.release()
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        self.read_only_label.setVisible(self.read_only)
        if path is None:
            return
        self.watcher.addPath(str(path.parent))
        if path.exists():
            self.watcher.addPath(str(path))
        if not self.read_only:
            self._lock = MapLock(path)
            if self._lock.acquire():
                self._lock_timer.start()

    def release(self) -> None:
        """Give up the lock on the map (closing it or the window)."""
        self._lock_timer.stop()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _refresh_lock(self) -> None:
        if self._lock is not None:
            self._lock.refresh()

    def may_open(self, path: Path) -> bool:
        """Before opening `path`: when another editor has it open, ask whether to open it
        read-only, anyway, or not at all. False for not at all."""
        holder = MapLock(path).other_holder()
        if self._lock is not None and self._lock.path == MapLock(path).path:
            holder = None  # our own map, opened again
        if holder is None:
            if self._read_only_path == path:
                self._read_only_path = None
            return True
        choice = ChoiceBox(
            self.window,
            self.tr("Map already open"),
            self._holder_text(path, holder),
            [
                (LockChoice.READ_ONLY, self.tr("Open Read-Only"), Role.AcceptRole),
                (LockChoice.ANYWAY, self.tr("Open Anyway"), Role.DestructiveRole),
                (LockChoice.CANCEL, self.tr("Cancel"), Role.RejectRole),
            ],
            LockChoice.CANCEL,
            self.tr(
                "Read-only: your changes can be saved as a copy only. Anyway: both of you "
                "edit it; JourneyCanvas will merge whenever one saves over the other."
            ),
        ).ask()
        if choice == LockChoice.CANCEL:
            return False
        self._read_only_path = path if choice == LockChoice.READ_ONLY else None
        if path == self.document.path:
            self.follow(path)
        return True

    def restored(self, autosave: Path) -> None:
        """After unsaved work was restored from `autosave` over the map's file: take the file
        as the version that work started from when it was not changed since the autosave;
        otherwise none is known, and Save asks (a merge is then two-way)."""
        path = self.document.path
        try:
            unchanged = path is not None and path.stat().st_mtime <= autosave.stat().st_mtime
        except OSError:
            unchanged = False
        if unchanged and path is not None:
            self.document.disk = DiskVersion.of(path.read_bytes())

    def _holder_text(self, path: Path, holder: LockInfo) -> str:
        since = holder.since_local()
        when = since.astimezone().strftime("%H:%M") if since is not None else "?"
        if since is not None and since.astimezone().date() != since.now().date():
            when = since.astimezone().strftime("%Y-%m-%d %H:%M")
        return self.tr("“{name}” is opened by {user} on {host} since {time}.").format(
            name=printable(path.name),
            user=printable(holder.user or self.tr("someone")),
            host=printable(holder.host or "?"),
            time=when,
        )

    # ------------------------------------------------------------ changed on disk

    def check_disk(self) -> None:
        """Judge the file after the watcher saw a change (the watcher's slot)."""
        path = self.document.path
        if path is None or self._busy:
            return
        if path.exists() and str(path) not in self.watcher.files():
            self.watcher.addPath(str(path))  # replaced atomically: watch the new file
        digest = file_digest(path)
        disk = self.document.disk
        if digest is None or (disk is not None and digest == disk.digest):
            return  # gone (saving writes it again), or the version we know
        if digest == self._put_off:
            return  # the user chose to decide later about this very version
        self.resolve(saving=False)

    def before_write(self, path: Path) -> bool | None:
        """Before the map is saved to `path`: None to go ahead; True or False when the
        save was handled here (saved elsewhere, merged first, or given up)."""
        if path != self.document.path:
            return None
        if self.read_only:
            return self.window.save_as()
        digest = file_digest(path)
        disk = self.document.disk
        if digest is None or (disk is not None and digest == disk.digest):
            return None
        return self.resolve(saving=True)

    def resolve(self, saving: bool) -> bool | None:
        """The file changed underneath: reload, or ask what to do (see `before_write` for
        what the result means when `saving`)."""
        path = self.document.path
        if path is None:
            return None
        self._busy = True
        try:
            return self._resolve(path, saving)
        finally:
            self._busy = False
            self._debounce.start()  # changes made while the question was open

    def _resolve(self, path: Path, saving: bool) -> bool | None:
        self._finish_editing()
        try:
            theirs, version = read_version(path)
        except JourneyFileError as exc:
            theirs, version = None, None
            problem = str(exc)
        else:
            problem = ""
        unedited = not self.document.modified and not saving
        if unedited and theirs is not None and version is not None:
            self.reload(theirs, version)
            self._status(self.tr("“{name}” changed on disk and was reloaded."))
            return None
        choice = self._ask(path, saving, problem)
        if choice != DiskChoice.CANCEL:
            self._put_off = None
        else:  # the version asked about (read above; read again only if it did not load)
            self._put_off = version.digest if version is not None else file_digest(path)
        if choice == DiskChoice.MERGE and theirs is not None and version is not None:
            clean = self.merge_file(theirs, version)
            return None if saving and clean else False
        if choice == DiskChoice.RELOAD and theirs is not None and version is not None:
            self.reload(theirs, version)
            return False
        if choice == DiskChoice.COPY:
            return self.window.save_as()
        if choice == DiskChoice.OVERWRITE and self._confirm_overwrite(path):
            # The user has seen that version and chose to replace it.
            self.document.disk = DiskVersion.of(path.read_bytes()) if path.exists() else None
            return None if saving else self.window.save()
        return False

    def _ask(self, path: Path, saving: bool, problem: str) -> DiskChoice:
        name = printable(path.name)
        if problem:
            text = self.tr("“{name}” was changed on disk and cannot be read now:\n{problem}")
        elif saving:
            text = self.tr(
                "“{name}” was changed on disk since you opened or saved it. Saving now "
                "would replace those changes."
            )
        else:
            text = self.tr("“{name}” was changed on disk, and you have unsaved changes.")
        choices: list[tuple[str, str, Role]] = []
        if not problem:
            choices.append((DiskChoice.MERGE, self.tr("Merge"), Role.AcceptRole))
        choices += [
            (DiskChoice.COPY, self.tr("Keep Mine: Save as Copy…"), Role.ActionRole),
            (DiskChoice.OVERWRITE, self.tr("Keep Mine: Overwrite…"), Role.DestructiveRole),
        ]
        if not problem:
            choices.append((DiskChoice.RELOAD, self.tr("Reload (Discard Mine)"), Role.ResetRole))
        choices.append((DiskChoice.CANCEL, self.tr("Decide Later"), Role.RejectRole))
        detail = self.tr(
            "Merge combines both versions card by card; where both changed the same thing, "
            "yours is kept and theirs goes into the card's notes."
        )
        answer = ChoiceBox(
            self.window,
            self.tr("Changed on disk"),
            text.format(name=name, problem=printable(problem)),
            choices,
            DiskChoice.CANCEL,
            detail,
        ).ask()
        return DiskChoice(answer)

    def _confirm_overwrite(self, path: Path) -> bool:
        answer = QMessageBox.warning(
            self.window,
            self.tr("Overwrite the changes on disk?"),
            self.tr(
                "Saving replaces the version of “{name}” on disk, with the changes someone "
                "else made to it. That version is kept as “{backup}” until the next save."
            ).format(name=printable(path.name), backup=printable(backup_path(path).name)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def reload(self, journey: JourneyMap, version: DiskVersion) -> None:
        """Show the file's version (one undo step; the view and selection stay)."""
        self.replace_keeping_view(journey, self.tr("Reload from Disk"))
        self.document.disk = version
        self.document.undo_stack.setClean()

    def merge_file(self, theirs: JourneyMap, version: DiskVersion) -> bool:
        """Merge the file's version into the map (one undo step); True when clean. False,
        after telling the user, when the maps cannot be merged: then the map and the file
        both stay as they were."""
        document = self.document
        path = document.path
        disk = document.disk
        base = disk.journey(str(path)) if disk is not None else JourneyMap(id=document.journey.id)
        try:
            result = merge_maps(base, document.journey, theirs)
        except MergeError as exc:
            self._merge_failed(self.tr("the version on disk"), exc)
            self._put_off = version.digest  # asking again at once would fail again
            return False
        self.replace_keeping_view(result.journey, self.tr("Merge with File on Disk"))
        document.disk = version
        document.undo_stack.resetClean()  # neither the file nor an earlier state
        self.report_merge([result])
        return result.clean

    def replace_keeping_view(self, journey: JourneyMap, text: str) -> None:
        """Put `journey` in place of the map as one undo step; zoom, scroll and the
        selection (of what still exists) stay."""
        view = self.window.view
        selected = view.selected_ids()
        scroll = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
        self.document.push(ReplaceMapCommand(self.document, journey, text))
        view.select_ids(selected)
        view.horizontalScrollBar().setValue(scroll[0])
        view.verticalScrollBar().setValue(scroll[1])

    def report_merge(self, results: list[MergeResult]) -> None:
        """Tell the user how a merge went; select the cards flagged as conflicts."""
        conflicts = [conflict for result in results for conflict in result.conflicts]
        if not conflicts:
            self._status(self.tr("Merged: both versions combined without conflicts."))
            return
        flagged = [card.id for card in self.document.journey.cards if card.conflict]
        self.window.view.select_ids(flagged)
        lines = [describe_conflict(conflict) for conflict in conflicts[:CONFLICTS_LISTED]]
        if len(conflicts) > CONFLICTS_LISTED:
            more = len(conflicts) - CONFLICTS_LISTED
            lines.append(self.tr("… and {count} more").format(count=more))
        QMessageBox.information(
            self.window,
            self.tr("Merged with conflicts"),
            self.tr(
                "Both versions were combined. Where both changed the same thing, yours was "
                "kept and theirs is in the notes of the cards outlined in orange:\n\n{lines}"
            ).format(lines="\n".join(f"• {printable(line)}" for line in lines)),
        )

    def show_conflicts(self) -> None:
        """Outline the cards flagged as merge conflicts (the document's `changed` slot)."""
        self.conflict_marks.set_marks(
            {
                card.id: Mark(CONFLICT_COLOR, "⚠", dashed=True)
                for card in self.document.journey.cards
                if card.conflict
            }
        )

    # ------------------------------------------------------------ sync-tool conflict copies

    def offer_conflict_copies(self) -> None:
        """After a map opened: offer to merge the conflict copies sync tools left beside it
        (see journeycanvas.merge.sync_conflicts for the rule), then to trash them."""
        path = self.document.path
        if path is None:
            return
        copies: list[tuple[Path, JourneyMap]] = []
        for copy in find_conflict_copies(path):
            try:
                journey = load_map(copy.path)
            except JourneyFileError:
                continue
            if journey.id == self.document.journey.id:
                copies.append((copy.path, journey))
        if not copies or not self._ask_merge_copies(path, [p for p, _ in copies]):
            return
        try:
            backup: JourneyMap | None = load_map(backup_path(path))
        except JourneyFileError:
            backup = None
        results, merged = [], []
        for copy_path, theirs in copies:
            base = copy_base(self.document.journey, theirs, backup)
            try:
                result = merge_maps(base, self.document.journey, theirs)
            except MergeError as exc:
                # This copy stays where it is, unmerged; the others are merged as usual.
                self._merge_failed(self.tr("“{name}”").format(name=printable(copy_path.name)), exc)
                continue
            text = self.tr("Merge “{name}”").format(name=printable(copy_path.name))
            self.replace_keeping_view(result.journey, text)
            results.append(result)
            merged.append(copy_path)
        if not results:
            return
        self.document.undo_stack.resetClean()
        self.report_merge(results)
        self._offer_trash(merged)

    def _merge_failed(self, other: str, error: MergeError) -> None:
        """Say that the map could not be merged with `other` (a bug, not the user's doing),
        and that nothing was lost."""
        path = self.document.path
        QMessageBox.warning(
            self.window,
            self.tr("Not merged"),
            self.tr(
                "“{name}” could not be merged with {other}, so nothing was changed: your "
                "edits are still in the editor and {other} is as it was. To keep both, save "
                "your map as a copy (File → Save As…).\n\nPlease report this: {reason}"
            ).format(
                name=printable(path.name if path is not None else ""),
                other=other,
                reason=printable(str(error)),
            ),
        )

    def _ask_merge_copies(self, path: Path, copies: list[Path]) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Conflict copies found"),
            self.tr(
                "A sync service left other versions of “{name}” beside it:\n\n{copies}\n\n"
                "Merge them into the map? Nothing is deleted; where both changed the same "
                "thing, the open map's value is kept and the other goes into the notes."
            ).format(
                name=printable(path.name),
                copies="\n".join(f"• {printable(p.name)}" for p in copies),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _offer_trash(self, copies: list[Path]) -> None:
        answer = QMessageBox.question(
            self.window,
            self.tr("Move the copies to the trash?"),
            self.tr(
                "The copies are merged into the map (save it to keep the result). Move "
                "them to the trash, or keep them?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        failed = [p for p in copies if not QFile(str(p)).moveToTrash()]
        if failed:
            QMessageBox.warning(
                self.window,
                self.tr("Not moved to the trash"),
                self.tr("These copies stay where they are:\n{copies}").format(
                    copies="\n".join(printable(p.name) for p in failed)
                ),
            )

    # ------------------------------------------------------------ helpers

    def _finish_editing(self) -> None:
        self.window.view.finish_editing()
        self.window.inspector.commit_pending()

    def _status(self, text: str) -> None:
        path = self.document.path
        name = path.name if path is not None else ""
        self.window.statusBar().showMessage(text.format(name=printable(name)), 8000)
