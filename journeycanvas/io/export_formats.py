"""The export-format registry: every kind of export, defined once.

Each `ExportFormat` says what it is called (an id, an English display name the editor
translates), which file format and extensions it writes, which of the `ExportOptions` apply
to it, whether it needs Qt, and the function that writes it. The command line's ``--format``
choices, the extension → format mapping, the editor's Export dialog and its runner are all
built from this table. Adding a format is one module that calls `register`.

The functions are named by import path ("package.module:function") and imported only when
an export runs, so reading the table loads neither ReportLab nor Qt; formats drawn by the
canvas (PNG, SVG) live in ``journeycanvas.canvas.render``, which this layer never imports.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from journeycanvas.i18n import _, pgettext

if TYPE_CHECKING:
    from journeycanvas.io.pdf.options import ExportOptions
    from journeycanvas.io.pdf.progress import Cancel, Progress
    from journeycanvas.model.entities import JourneyMap

TRANSLATION_CONTEXT = "ExportFormat"
"""The translation context of the registry's display names and file kinds."""

Writer = Callable[
    ["JourneyMap", Path, "ExportOptions", "Progress | None", "Cancel | None"], tuple[int, str]
]
"""Writes a map into a (temporary) path with the options given; returns the page count
(0 when pages mean nothing) and a one-line summary. Raises ExportError for options that
cannot work, ExportCancelled when cancelled, OSError when the file cannot be written."""

PAPER = "paper"
ORIENTATION = "orientation"
SCALE = "scale"
TILE = "tile"
PERSONA = "persona"
DPI = "dpi"
CSV_DELIMITER = "csv_delimiter"
PALETTE = "palette"
OPTIONS = (PAPER, ORIENTATION, SCALE, TILE, PERSONA, DPI, CSV_DELIMITER, PALETTE)
"""The choices a format may take (`ExportFormat.options`); TILE covers the overlap too."""

PICTURE, PAGES, HANDOUTS, TEXT = "picture", "pages", "handouts", "text"
"""How the Export dialog previews a format: the map as a picture, a planned page, the
first handout, or the first lines of the file."""


def _flat(options: ExportOptions) -> bool:
    """Formats other than PDF are made without tiles, blank canvases or handouts."""
    return not (options.tile or options.blank or options.handouts)


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One kind of export.

    - `id`: the name the dialog and remembered settings use ("poster", "png").
    - `label`: the English display name, translated by the editor.
    - `format`: the file format (``--format``); several kinds may share one (the PDFs).
    - `extensions`: file extensions with their dot, the first one suggested.
    - `write`: the `Writer`, or its import path "package.module:function".
    - `options`: the names in `OPTIONS` that apply to this kind.
    - `needs_qt`: whether the writer draws with Qt (the editor runs it on the UI thread).
    - `preset`: the `ExportOptions` values that make this kind (``{"blank": True}``).
    - `matches`: whether options (of this file format) ask for this kind.
    - `file_kind`: the English name of such files in a file dialog ("PDF documents").
    - `file_tag`: added to suggested file names so a map's exports do not overwrite each other.
    - `preview`: how the dialog previews it: PICTURE, PAGES, HANDOUTS or TEXT.
    - `whole_map`: the writer gets the whole map and picks `options.persona`'s cards itself
      (the PDFs print the persona's name); otherwise it gets only that persona's cards.
    """

    id: str
    label: str
    format: str
    extensions: tuple[str, ...]
    write: Writer | str
    options: frozenset[str] = frozenset({PERSONA})
    needs_qt: bool = False
    preset: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    matches: Callable[[ExportOptions], bool] = _flat
    file_kind: str = ""
    file_tag: str = ""
    preview: str = TEXT
    whole_map: bool = False

    @property
    def suffix(self) -> str:
        """The extension suggested for a new file, with its dot."""
        return self.extensions[0]

    def writer(self) -> Writer:
        """The function that writes this format, imported now if it was named by path.

        Raises ExportError when its module cannot be loaded (Qt missing, for PNG and SVG).
        """
        if not isinstance(self.write, str):
            return self.write
        module_name, _colon, name = self.write.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            from journeycanvas.io.pdf.options import ExportError

            needs = _("the editor's canvas (Qt)") if self.needs_qt else module_name
            raise ExportError(
                _("{format} needs {needs}, which failed to load: {reason}").format(
                    format=pgettext(TRANSLATION_CONTEXT, self.label), needs=needs, reason=exc
                )
            ) from exc
        writer: Writer = getattr(module, name)
        return writer


_REGISTRY: dict[str, ExportFormat] = {}


def register(export_format: ExportFormat) -> ExportFormat:
    """Add `export_format` to the table; ValueError if its id or an option is unknown."""
    if export_format.id in _REGISTRY:
        raise ValueError(f"an export format {export_format.id!r} is registered already")
    unknown = export_format.options - set(OPTIONS)
    if unknown or not export_format.extensions:
        raise ValueError(f"export format {export_format.id!r}: bad options or no extension")
    _REGISTRY[export_format.id] = export_format
    return export_format


def unregister(format_id: str) -> None:
    """Remove the format `format_id` from the table (for plug-ins and tests)."""
    _REGISTRY.pop(format_id, None)


def export_formats() -> tuple[ExportFormat, ...]:
    """Every kind of export, in the order the Export dialog lists them."""
    return tuple(_REGISTRY.values())


def export_format(format_id: str) -> ExportFormat:
    """The kind of export called `format_id`; KeyError if there is none."""
    return _REGISTRY[format_id]


def file_formats() -> tuple[str, ...]:
    """The file formats (``--format`` choices), each once, in table order."""
    return tuple(dict.fromkeys(entry.format for entry in _REGISTRY.values()))


def extension_formats() -> dict[str, str]:
    """Each file extension and the file format it means (".md" → "md")."""
    found: dict[str, str] = {}
    for entry in _REGISTRY.values():
        for extension in entry.extensions:
            found.setdefault(extension.lower(), entry.format)
    return found


def file_format_of(out_path: str | os.PathLike[str], options: ExportOptions) -> str:
    """The file format to write: `options.format`, or the one the file's extension names."""
    from journeycanvas.io.pdf.options import ExportError

    if options.format:
        return options.format.lower().lstrip(".")
    suffix = Path(out_path).suffix.lower()
    extensions = extension_formats()
    if suffix not in extensions:
        raise ExportError(
            _(
                "cannot tell the format from {file}: name the file with one of {extensions}, "
                "or choose the format ({formats})"
            ).format(
                file=repr(Path(out_path).name),
                extensions=", ".join(extensions),
                formats=", ".join(file_formats()),
            )
        )
    return extensions[suffix]


def format_of(out_path: str | os.PathLike[str], options: ExportOptions) -> ExportFormat:
    """The kind of export `options` ask for, writing `out_path`; ExportError if none fits."""
    from journeycanvas.io.pdf.options import ExportError

    file_format = file_format_of(out_path, options)
    candidates = [entry for entry in _REGISTRY.values() if entry.format == file_format]
    if not candidates:
        raise ExportError(unknown_format(file_format, file_formats()))
    for entry in candidates:
        if entry.matches(options):
            return entry
    raise ExportError(
        _("tiles, blank canvases and handouts are PDFs; {format} cannot be made that way").format(
            format=file_format.upper()
        )
    )


def unknown_format(name: str | None, formats: tuple[str, ...]) -> str:
    """The message for a file format that is not in the registry."""
    return _("unknown format {format}: use one of {formats}").format(
        format=repr(name), formats=", ".join(formats)
    )


def _pdf_kind(kind: str) -> Callable[[ExportOptions], bool]:
    return lambda options: options.pdf_kind == kind


def _handouts(mode: str) -> Callable[[ExportOptions], bool]:
    return lambda options: options.handouts == mode


_PDF = "journeycanvas.io.pdf.exporter:write_pdf"
_ON_PAPER = frozenset({PAPER, ORIENTATION, PERSONA, PALETTE})
_HANDOUT_OPTIONS = frozenset({PAPER, ORIENTATION, PERSONA, PALETTE})
_BUILT_IN = (
    ExportFormat("poster", "PDF poster (one sheet)", "pdf", (".pdf",), _PDF,
                 _ON_PAPER | {SCALE}, matches=_pdf_kind("poster"),
                 file_kind="PDF documents", preview=PAGES, whole_map=True),
    ExportFormat("tiled", "PDF poster tiled over office sheets", "pdf", (".pdf",), _PDF,
                 _ON_PAPER | {SCALE, TILE}, matches=_pdf_kind("tiled"),
                 file_kind="PDF documents", file_tag=" (tiles)", preview=PAGES,
                 whole_map=True),
    ExportFormat("blank", "PDF blank workshop canvas", "pdf", (".pdf",), _PDF, _ON_PAPER,
                 preset=MappingProxyType({"blank": True}), matches=_pdf_kind("blank"),
                 file_kind="PDF documents", file_tag=" (blank canvas)", preview=PAGES,
                 whole_map=True),
    ExportFormat("handouts_stage", "PDF handouts, one page per stage", "pdf", (".pdf",), _PDF,
                 _HANDOUT_OPTIONS, preset=MappingProxyType({"handouts": "stage"}),
                 matches=_handouts("stage"),
                 file_kind="PDF documents", file_tag=" (handouts)", preview=HANDOUTS,
                 whole_map=True),
    ExportFormat("handouts_persona", "PDF handouts, one page per persona", "pdf", (".pdf",),
                 _PDF, _HANDOUT_OPTIONS, preset=MappingProxyType({"handouts": "persona"}),
                 matches=_handouts("persona"), file_kind="PDF documents",
                 file_tag=" (handouts)", preview=HANDOUTS, whole_map=True),
    ExportFormat("png", "PNG picture", "png", (".png",),
                 "journeycanvas.canvas.render:write_png", frozenset({PERSONA, DPI}),
                 needs_qt=True, file_kind="PNG pictures", preview=PICTURE),
    ExportFormat("svg", "SVG drawing", "svg", (".svg",),
                 "journeycanvas.canvas.render:write_svg", needs_qt=True,
                 file_kind="SVG drawings", preview=PICTURE),
    ExportFormat("csv", "CSV table of the cards", "csv", (".csv",),
                 "journeycanvas.io.export:write_csv", frozenset({PERSONA, CSV_DELIMITER}),
                 file_kind="CSV tables"),
    ExportFormat("md", "Markdown report", "md", (".md", ".markdown"),
                 "journeycanvas.io.export:write_markdown", file_kind="Markdown files"),
)  # fmt: skip

for _entry in _BUILT_IN:
    register(_entry)
