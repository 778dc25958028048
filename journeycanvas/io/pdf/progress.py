"""Progress reports, cancelling, and writing an export so that no partial file is left."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from journeycanvas.i18n import _
from journeycanvas.io.atomic import atomic_path
from journeycanvas.io.pdf.options import ExportCancelled, ExportError

Progress = Callable[[int, int], None]
"""Called with (work done, total work) as an export goes on."""
Cancel = Callable[[], bool]
"""Returns True when the user wants the export to stop."""


class Steps:
    """Counts the work of one export, reports it, and stops it when cancelled.

    `advance` is cheap: it reports (and asks `cancel`) only when at least `every` units
    have been done since the last report, and at the end.
    """

    def __init__(
        self,
        total: int,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        every: int = 250,
    ) -> None:
        self.total = max(1, total)
        self.done = 0
        self._progress = progress
        self._cancel = cancel
        self._every = every
        self._next = 0

    def advance(self, units: int = 1) -> None:
        """Count `units` more as done; raises ExportCancelled if the user cancelled."""
        self.done = min(self.total, self.done + units)
        if self.done >= self._next or self.done == self.total:
            self._next = self.done + self._every
            self.check()

    def check(self) -> None:
        """Report progress now, and raise ExportCancelled if the user cancelled."""
        if self._cancel is not None and self._cancel():
            raise ExportCancelled("export cancelled")
        if self._progress is not None:
            self._progress(self.done, self.total)

    def finish(self) -> None:
        """Report the whole work as done."""
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)


@contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path next to `target`; it replaces `target` only if the block succeeds.

    On any error (a cancel included) the temporary file is removed and `target` is left
    as it was (see ``journeycanvas.io.atomic``).
    """
    final = Path(target)
    if not final.parent.is_dir():
        raise ExportError(
            _("cannot write {file}: the folder {folder} does not exist").format(
                file=final, folder=final.parent
            )
        )
    with atomic_path(final) as temporary:
        yield temporary
