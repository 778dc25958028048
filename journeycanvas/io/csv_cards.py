"""Cards as CSV: export every card of a map, and build a new map from a spreadsheet.

One row per card, columns :data:`COLUMNS`; stages, lanes and personas are named, not
referenced by id, and ``tags`` and ``personas`` hold several names joined by ``;``.

Decisions a user (and the CLI's help) should know:

- **Export** writes UTF-8 *with* a byte-order mark by default, because Excel on Windows
  reads a CSV without one in the ANSI code page and turns å, ż and 中 into garbage;
  LibreOffice, Numbers, Google Sheets and Python's ``utf-8-sig`` all accept the mark.
  Pass ``bom=False`` for tools that do not. Comma-delimited by default; with
  ``delimiter=";"`` (what Swedish and Polish Excel expect) numbers get a decimal comma.
- **Cells a spreadsheet would run as a formula** (text starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return) are written with a leading ``'``, the OWASP advice
  against CSV injection; numbers are not touched. Import takes that ``'`` off again, and
  only there: a text that itself starts with ``'=`` is written as ``''=`` and comes back.
- **Import** accepts UTF-8 with or without the mark, UTF-16 and UTF-32 with a mark (Excel's
  "Unicode text") or without one (recognised by charset-normalizer). Anything else is
  refused with a message saying how to save as UTF-8 and what the file looks like:
  Swedish Excel saves in cp1252 and Polish Excel in cp1250, and guessing wrong would turn
  ł into ³ without telling anyone.
- Import reads regular files only (no folders, devices or pipes) of at most
  :data:`~journeycanvas.model.limits.MAX_CSV_BYTES`, at most
  :data:`~journeycanvas.model.limits.MAX_CSV_ROWS` rows and fields of at most
  :data:`~journeycanvas.model.limits.MAX_TEXT_CHARS` characters (a card's longest text),
  streaming, so memory stays bounded whatever the file holds. Control characters in cells
  are removed, as the map loader removes them.
- The delimiter (comma, semicolon or tab) is the one under which the header reads as the
  most known column names. In a semicolon or tab file a comma in a number is a decimal
  comma (``1 200,5``); in a comma file a quoted ``1,200`` groups thousands and ``1,5`` is
  one and a half. Spaces and no-break spaces group thousands anywhere.
- Stages, lanes and personas are created in the order first seen, matched by name
  ignoring case and surrounding spaces; the first spelling seen is kept. A lane's kind
  comes from ``lane_kind``, else from its name ("Pain points"), else ``notes``; a card's
  kind, when empty, from its lane's kind. Header names ignore case, and spaces stand for
  underscores. Only ``stage``, ``lane`` and ``text`` are required columns.
- What a CSV cannot carry is not exported: ids, spans, colours, stage goals, connectors.
  A tag or persona name that itself contains ``;`` comes back split in two, and a card
  with no text is exported but refused on import, where text is required.
- Every problem in the file is reported at once, by the physical line where its row
  starts, in one :class:`CsvImportError`; no map is built until the file is right. A file
  that cannot be read at all (line 0) is one problem.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import math
import operator
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, TextIO

from journeycanvas.i18n import _, current_language, format_decimal, format_number, ngettext
from journeycanvas.io.errors import printable
from journeycanvas.model import (
    CardKind,
    JourneyMap,
    LaneKind,
    default_card_kind,
    limits,
    new_id,
)
from journeycanvas.model.entities import utc_now
from journeycanvas.model.kinds import kind_uses_emotion, persona_color
from journeycanvas.model.limits import clean_text

COLUMNS: tuple[str, ...] = (
    "stage",
    "lane",
    "lane_kind",
    "kind",
    "text",
    "notes",
    "tags",
    "personas",
    "votes",
    "emotion",
    "metric_name",
    "metric_value",
    "metric_target",
    "metric_unit",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("stage", "lane", "text")
LIST_SEPARATOR = ";"

_DELIMITERS = (",", ";", "\t")
_GROUP_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_COMMA_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_MAX_MESSAGE_LINES = 20
_SAMPLE_BYTES = 64 * 1024
# A cell a spreadsheet would run as a formula, behind any number of quotes already there.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_NUMBER_COLUMNS = frozenset({"votes", "emotion", "metric_value", "metric_target"})
_TEXT_INDEXES = tuple(i for i, name in enumerate(COLUMNS) if name not in _NUMBER_COLUMNS)
_UTF_ENCODINGS = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf8_advice() -> str:
    """What to do about a CSV that is not UTF-8."""
    return _(
        "the file is not UTF-8; save it again as UTF-8 (Excel: 'CSV UTF-8 (comma delimited)'; "
        "LibreOffice: character set 'Unicode (UTF-8)')"
    )


class CsvProblem(NamedTuple):
    """One thing wrong in a CSV file: the line where its row starts, the column, what."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        # Line 0: the file as a whole (not a regular file, too large, not UTF-8).
        where = [_("line {line}").format(line=self.line)] if self.line else []
        where += [self.column] if self.column else []
        text = f"{', '.join(where)}: {self.message}" if where else self.message
        return printable(text)


class CsvImportError(ValueError):
    """A CSV file that cannot become a map, with every problem found in it."""

    def __init__(self, problems: list[CsvProblem]) -> None:
        self.problems = problems
        lines = [str(problem) for problem in problems[:_MAX_MESSAGE_LINES]]
        if len(problems) > _MAX_MESSAGE_LINES:
            more = len(problems) - _MAX_MESSAGE_LINES
            lines.append(_("… and {count} more problems").format(count=more))
        heading = ngettext(
            "{count} problem in the CSV file:", "{count} problems in the CSV file:", len(problems)
        ).format(count=len(problems))
        super().__init__(heading + "\n" + "\n".join(lines))

    def one_line(self, shown: int = 5) -> str:
        """The problems on one line, the first `shown` of them, for the command line."""
        if len(self.problems) == 1 and self.problems[0].line == 0:
            return _("{problem}; nothing imported").format(problem=self.problems[0])
        lines = [str(problem) for problem in self.problems]
        listed = "; ".join(lines[:shown])
        if len(lines) > shown:
            listed += _("; and {count} more").format(count=len(lines) - shown)
        return ngettext(
            "{count} problem, nothing imported: {problems}",
            "{count} problems, nothing imported: {problems}",
            len(lines),
        ).format(count=len(lines), problems=listed)


# ---------------------------------------------------------------- export


def export_cards_csv(
    journey: JourneyMap,
    target: str | os.PathLike[str] | TextIO,
    *,
    bom: bool = True,
    delimiter: str = ",",
) -> None:
    """Write every card of `journey` as one CSV row, in stage, lane, then card order.

    `target` is a path or an open text stream (opened with ``newline=""``). With
    ``delimiter=";"`` numbers are written with a decimal comma, as semicolon locales expect.
    """
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="") as stream:
            _write_cards(journey, stream, bom=bom, delimiter=delimiter)
    else:
        _write_cards(journey, target, bom=bom, delimiter=delimiter)


def _write_cards(journey: JourneyMap, stream: TextIO, *, bom: bool, delimiter: str) -> None:
    stage_names = {s.id: (s.name.strip() or f"Stage {i + 1}") for i, s in enumerate(journey.stages)}
    stage_index = {stage.id: i for i, stage in enumerate(journey.stages)}
    lanes = {lane.id: lane for lane in journey.lanes}
    lane_index = {lane.id: i for i, lane in enumerate(journey.lanes)}
    persona_names = {p.id: (p.name.strip() or p.id) for p in journey.personas}
    decimal_comma = delimiter == ";"

    def number(value: float | None) -> str:
        return "" if value is None else _format_number(value, decimal_comma)

    # Cards pointing at a missing stage or lane (a map that failed its checks) go last,
    # named by the id they point at, rather than being dropped.
    ordered = sorted(
        enumerate(journey.cards),
        key=lambda item: (
            stage_index.get(item[1].stage, len(stage_index)),
            lane_index.get(item[1].lane, len(lane_index)),
            item[1].order,
            item[0],
        ),
    )
    if bom:
        stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=delimiter)
    writer.writerow(COLUMNS)
    for _position, card in ordered:
        lane = lanes.get(card.lane)
        metric = card.metric
        row = [
            stage_names.get(card.stage, card.stage),
            (lane.title.strip() or str(lane.kind)) if lane else card.lane,
            str(lane.kind) if lane else "",
            str(card.kind),
            card.text,
            card.notes,
            LIST_SEPARATOR.join(card.tags),
            LIST_SEPARATOR.join(persona_names.get(p, p) for p in card.personas),
            str(card.votes),
            "" if card.emotion is None else str(card.emotion),
            metric.name if metric else "",
            number(metric.value) if metric else "",
            number(metric.target) if metric else "",
            metric.unit if metric else "",
        ]
        for index in _TEXT_INDEXES:
            row[index] = guard_formula(row[index])
        writer.writerow(row)


def guard_formula(cell: str) -> str:
    """`cell` with a leading ``'`` if a spreadsheet would otherwise run it as a formula."""
    return "'" + cell if _FORMULA.match(cell) else cell


def unguard_formula(cell: str) -> str:
    """Undo :func:`guard_formula`, and only that: other texts starting with ``'`` stay."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def _format_number(value: float, decimal_comma: bool) -> str:
    text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return text.replace(".", ",") if decimal_comma else text


# ---------------------------------------------------------------- import


def import_cards_csv(
    source: str | os.PathLike[str] | BinaryIO, *, title: str | None = None
) -> JourneyMap:
    """Build a new map from a CSV of cards (see the module's documentation for the rules).

    `source` is a path or a binary stream. The map's title is `title`, or else the file's
    name without its extension. Raises :class:`CsvImportError` listing every problem.
    The file is read as a stream and refused as soon as it breaks a limit.
    """
    if isinstance(source, str | os.PathLike):
        default_title = Path(source).stem
        with _open_regular_file(source) as stream:
            return _import(stream, default_title if title is None else title)
    default_title = Path(getattr(source, "name", "") or "").stem
    if not source.seekable():
        source = io.BytesIO(source.read(limits.MAX_CSV_BYTES + 1))
    return _import(source, default_title if title is None else title)


def _refusal(message: str) -> CsvImportError:
    return CsvImportError([CsvProblem(0, "", message)])


def _open_regular_file(path: str | os.PathLike[str]) -> BinaryIO:
    """`path` opened for reading, if it is a regular file of an importable size."""
    try:
        # O_NONBLOCK: should a pipe replace the file after the check, opening it cannot hang.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        _check_regular(os.stat(path))
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise _refusal(_("no such file")) from exc
    except OSError as exc:
        raise _refusal(_("cannot be read: {reason}").format(reason=exc.strerror or exc)) from exc
    try:
        _check_regular(os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _check_regular(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise _refusal(_("is a folder, not a CSV file"))
    if not stat.S_ISREG(info.st_mode):
        raise _refusal(
            _("is not a regular file (a device, a pipe or a socket); save the CSV first")
        )
    if info.st_size > limits.MAX_CSV_BYTES:
        language = current_language()
        raise _refusal(
            _("the file is {size} MB; JourneyCanvas imports CSV files of up to {most} MB").format(
                size=format_decimal(info.st_size / limits.MB, language),
                most=format_number(limits.MAX_CSV_BYTES // limits.MB, language),
            )
        )


def _import(stream: BinaryIO, title: str) -> JourneyMap:
    start = stream.tell()
    sample = stream.read(_SAMPLE_BYTES)
    encoding = _encoding(sample)
    stream.seek(start)
    sample_text = codecs.getincrementaldecoder(encoding)("replace").decode(sample)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        return _CardsReader(text, _choose_delimiter(sample_text)).build(title)
    finally:
        text.detach()  # the caller closes the binary stream


def _encoding(sample: bytes) -> str:
    """The encoding of a file that starts with `sample`; CsvImportError when not a UTF."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample)
    except UnicodeDecodeError as exc:
        guess = _detect_encoding(sample)
        if guess is not None and guess in _UTF_ENCODINGS:
            return guess
        line = sample.count(b"\n", 0, exc.start) + 1
        advice = _utf8_advice()
        if guess:
            advice = _("{advice} (it looks like {encoding})").format(advice=advice, encoding=guess)
        raise CsvImportError([CsvProblem(line, "", advice)]) from exc
    if b"\x00" in sample:
        # Valid UTF-8 with NULs: UTF-16 or UTF-32 without a mark, almost certainly.
        guess = _detect_encoding(sample)
        if guess in _UTF_ENCODINGS:
            return guess
    return "utf-8"


def _detect_encoding(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only for files that are not plain UTF-8

    best = from_bytes(sample).best()
    return None if best is None else best.encoding


@functools.lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """A column or kind name as matched: case-folded, spaces and hyphens as underscores."""
    return "_".join(text.replace("-", " ").casefold().split())


@functools.lru_cache(maxsize=4096)
def _name_key(text: str) -> str:
    """A stage, lane or persona name as matched: case-folded, runs of spaces as one."""
    return " ".join(text.casefold().split())


def _lane_kind_aliases() -> dict[str, LaneKind]:
    aliases: dict[str, LaneKind] = {
        default_card_kind(kind).value: kind for kind in LaneKind if kind != LaneKind.NOTES
    }
    aliases[CardKind.NOTE.value] = LaneKind.NOTES
    aliases.update({kind.value: kind for kind in LaneKind})
    return aliases


_LANE_KINDS = _lane_kind_aliases()
_CARD_KINDS = {kind.value: kind for kind in CardKind}


def _choose_delimiter(text: str) -> str:
    """The delimiter under which the first record reads as the most known column names."""
    known = set(COLUMNS)

    def score(delimiter: str) -> int:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any(cell.strip() for cell in row):
                return sum(_key(cell) in known for cell in row)
        return 0

    return max(_DELIMITERS, key=score)


class _CardsReader:
    """One pass over the decoded text: checks every row, collects problems, then builds."""

    pick: Callable[[list[str]], tuple[str, ...]]  # a row's cells in COLUMNS order, once known

    def __init__(self, text: TextIO, delimiter: str) -> None:
        self.text = text
        self.delimiter = delimiter
        self.problems: list[CsvProblem] = []
        self.width = 0
        self.unnamed: list[int] = []
        self.stages: dict[str, dict[str, Any]] = {}
        self.lanes: dict[str, dict[str, Any]] = {}
        self.lane_kind_lines: dict[str, int] = {}
        self.personas: dict[str, dict[str, Any]] = {}
        self.cards: list[dict[str, Any]] = []
        self.cell_sizes: dict[tuple[str, str], int] = {}
        self.taken: set[str] = set()

    def _id(self, prefix: str) -> str:
        item_id = new_id(prefix, self.taken)
        self.taken.add(item_id)
        return item_id

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """Rows with the physical line each starts on; a malformed file ends with a problem.

        More rows than :data:`~journeycanvas.model.limits.MAX_CSV_ROWS` stop the import
        at once, before anything more is built.
        """
        # A process-wide setting of the csv module: fields as long as a card's text may be.
        csv.field_size_limit(limits.MAX_TEXT_CHARS)
        reader = csv.reader(self.text, delimiter=self.delimiter, strict=True)
        start = 1
        try:
            for count, row in enumerate(reader, 1):
                if count > limits.MAX_CSV_ROWS + 1:  # the header is not a card
                    rows = format_number(limits.MAX_CSV_ROWS, current_language())
                    raise _refusal(
                        _(
                            "more than {rows} rows below the header; JourneyCanvas imports at "
                            "most {rows} cards from one file: split it"
                        ).format(rows=rows)
                    )
                yield start, row
                start = reader.line_num + 1
        except UnicodeDecodeError as exc:
            raise CsvImportError(
                [CsvProblem(reader.line_num + 1, "", f"{_utf8_advice()} ({exc.reason})")]
            ) from exc
        except csv.Error as exc:
            if "field limit" in str(exc):
                message = _(
                    "a field is longer than {count} characters, the longest text a map may hold"
                ).format(count=format_number(limits.MAX_TEXT_CHARS, current_language()))
            else:
                message = _(
                    "unreadable CSV ({reason}); a quoted field that starts here may lack its "
                    "closing quote"
                ).format(reason=exc)
            self.problems.append(CsvProblem(start, "", message))

    def build(self, title: str) -> JourneyMap:
        """The new map, or :class:`CsvImportError` with every problem in the file."""
        records = self._records()
        for line, row in records:
            if any(cell.strip() for cell in row):
                self._read_header(line, row)
                break
        else:
            raise CsvImportError(self.problems or [CsvProblem(1, "", _("the file has no header"))])
        if self.problems:
            raise CsvImportError(self.problems)
        for line, row in records:
            if any(cell.strip() for cell in row):
                self._read_card(line, row)
        if self.problems:
            raise CsvImportError(self.problems)
        now = utc_now()
        return JourneyMap.model_validate(
            {
                "id": self._id("m"),
                "title": title,
                "created": now,
                "modified": now,
                "personas": list(self.personas.values()),
                "stages": list(self.stages.values()),
                "lanes": list(self.lanes.values()),
                "cards": self.cards,
            }
        )

    def _read_header(self, line: int, row: list[str]) -> None:
        header: dict[str, int] = {}
        for index, cell in enumerate(row):
            name = _key(cell)
            if not name:
                continue
            if name not in COLUMNS:
                self._problem(
                    line,
                    cell.strip(),
                    _("unknown column; known: {columns}").format(columns=", ".join(COLUMNS)),
                )
            elif name in header:
                self._problem(line, name, _("column appears twice"))
            else:
                header[name] = index
        for name in REQUIRED_COLUMNS:
            if name not in header:
                self._problem(line, name, _("required column is missing"))
        self.width = len(row)
        self.unnamed = [i for i in range(self.width) if i not in header.values()]
        # Each row gets one empty cell appended, at index `width`: absent columns read it.
        self.pick = operator.itemgetter(*(header.get(name, self.width) for name in COLUMNS))

    def _problem(self, line: int, column: str, message: str) -> None:
        self.problems.append(CsvProblem(line, column, message))

    def _fit(self, line: int, row: list[str]) -> list[str]:
        """The row cut or padded to the header's width, plus the empty cell absent columns read."""
        extra = [i for i in self.unnamed if i < len(row)] + list(range(self.width, len(row)))
        for index in extra:
            if row[index].strip():
                self._problem(
                    line,
                    _("column {number}").format(number=index + 1),
                    _("a value in a column with no name"),
                )
        return [*row[: self.width], *[""] * (self.width - len(row)), ""]

    def _cells(self, line: int, row: list[str]) -> list[str]:
        """A row's cells in COLUMNS order, texts cleaned and formula guards taken off."""
        cells = list(self.pick(self._fit(line, row)))
        for index in _TEXT_INDEXES:
            cells[index] = unguard_formula(clean_text(cells[index]))
        return cells

    def _read_card(self, line: int, row: list[str]) -> None:
        errors_before = len(self.problems)
        (
            stage_name,
            lane_name,
            raw_lane_kind,
            raw_kind,
            text,
            notes,
            tags,
            personas,
            raw_votes,
            raw_emotion,
            metric_name,
            metric_value,
            metric_target,
            metric_unit,
        ) = self._cells(line, row)
        stage_name, lane_name = stage_name.strip(), lane_name.strip()
        for name, value in (("stage", stage_name), ("lane", lane_name), ("text", text)):
            if not value.strip():
                self._problem(line, name, _("{column} is empty").format(column=name))
        lane_kind = self._lane_kind(line, lane_name, raw_lane_kind)
        kind = self._card_kind(line, raw_kind, lane_kind)
        votes = self._integer(line, "votes", raw_votes)
        emotion = self._integer(line, "emotion", raw_emotion)
        if votes is not None and votes < 0:
            self._problem(line, "votes", _("votes cannot be negative: {votes}").format(votes=votes))
        if emotion is not None:
            if not -3 <= emotion <= 3:
                self._problem(
                    line,
                    "emotion",
                    _("emotion must be from -3 to 3, not {emotion}").format(emotion=emotion),
                )
            if kind is not None and not kind_uses_emotion(kind):
                self._problem(
                    line,
                    "emotion",
                    _("only emotion cards have a score, not {kind}").format(kind=kind),
                )
        metric = None
        if (
            metric_name.strip()
            or metric_unit.strip()
            or metric_value.strip()
            or metric_target.strip()
        ):
            metric = {
                "name": metric_name.strip(),
                "value": self._number(line, "metric_value", metric_value),
                "target": self._number(line, "metric_target", metric_target),
                "unit": metric_unit.strip(),
            }
        if len(self.problems) > errors_before or kind is None or lane_kind is None:
            return
        stage_id = self._stage(stage_name)
        lane_id = self._lane(lane_name, lane_kind, line)
        cell = (stage_id, lane_id)
        order = self.cell_sizes.get(cell, 0)
        self.cell_sizes[cell] = order + 1
        self.cards.append(
            {
                "id": self._id("c"),
                "stage": stage_id,
                "lane": lane_id,
                "order": order,
                "kind": kind,
                "text": text,
                "notes": notes,
                "tags": _split_list(tags),
                "personas": self._persona_ids(personas),
                "votes": votes or 0,
                "emotion": emotion,
                "metric": metric,
            }
        )

    def _lane_kind(self, line: int, lane_name: str, raw: str) -> LaneKind | None:
        """The lane's kind: from the column, else as already known, else guessed from its name."""
        known = self.lanes.get(_name_key(lane_name))
        if not raw.strip():
            if known is not None:
                return known["kind"]
            return _LANE_KINDS.get(_key(lane_name), LaneKind.NOTES)
        kind = _LANE_KINDS.get(_key(raw))
        if kind is None:
            choices = ", ".join(k.value for k in LaneKind)
            self._problem(
                line,
                "lane_kind",
                _("unknown lane kind {kind}; use {choices}").format(
                    kind=repr(raw.strip()), choices=choices
                ),
            )
            return None
        if known is not None and known["kind"] != kind:
            first = self.lane_kind_lines[_name_key(lane_name)]
            self._problem(
                line,
                "lane_kind",
                _("lane {lane} is {kind} since line {line}, not {other}").format(
                    lane=repr(lane_name), kind=known["kind"], line=first, other=kind
                ),
            )
            return None
        return kind

    def _card_kind(self, line: int, raw: str, lane_kind: LaneKind | None) -> CardKind | None:
        if not raw.strip():
            return None if lane_kind is None else default_card_kind(lane_kind)
        kind = _CARD_KINDS.get(_key(raw))
        if kind is None:
            choices = ", ".join(k.value for k in CardKind)
            self._problem(
                line,
                "kind",
                _("unknown card kind {kind}; use {choices}").format(
                    kind=repr(raw.strip()), choices=choices
                ),
            )
        return kind

    def _number(self, line: int, column: str, raw: str) -> float | None:
        if not raw.strip():
            return None
        value = _parse_number(raw, decimal_comma=self.delimiter != ",")
        if value is None:
            self._problem(line, column, _("not a number: {text}").format(text=repr(raw.strip())))
        return value

    def _integer(self, line: int, column: str, raw: str) -> int | None:
        value = self._number(line, column, raw)
        if value is None:
            return None
        if not value.is_integer():
            self._problem(
                line,
                column,
                _("{column} must be a whole number, not {text}").format(
                    column=column, text=repr(raw.strip())
                ),
            )
            return None
        return int(value)

    def _stage(self, name: str) -> str:
        key = _name_key(name)
        stage = self.stages.get(key)
        if stage is None:
            stage = self.stages[key] = {"id": self._id("s"), "name": name}
        return stage["id"]

    def _lane(self, name: str, kind: LaneKind, line: int) -> str:
        key = _name_key(name)
        lane = self.lanes.get(key)
        if lane is None:
            lane = self.lanes[key] = {"id": self._id("l"), "kind": kind, "title": name}
            self.lane_kind_lines[key] = line
        return lane["id"]

    def _persona_ids(self, names: str) -> list[str]:
        """The ids of the personas named in one cell, creating those not seen before."""
        ids: dict[str, None] = {}
        for name in _split_list(names):
            key = _name_key(name)
            persona = self.personas.get(key)
            if persona is None:
                persona = self.personas[key] = {
                    "id": self._id("p"),
                    "name": name,
                    "color": persona_color(len(self.personas)),
                }
            ids[persona["id"]] = None
        return list(ids)


def _split_list(raw: str) -> list[str]:
    return [item.strip() for item in raw.split(LIST_SEPARATOR) if item.strip()]


@functools.lru_cache(maxsize=4096)
def _parse_number(raw: str, *, decimal_comma: bool) -> float | None:
    """A finite number from a spreadsheet cell, or None when the text is not one."""
    text = raw.strip().replace("\u2212", "-").translate(_GROUP_SPACES)
    if "," in text and "." in text:
        # Both marks: the later one is the decimal mark, the other groups thousands.
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        grouped = not decimal_comma and _COMMA_GROUPED.fullmatch(text)
        text = text.replace(",", "") if grouped else text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None
