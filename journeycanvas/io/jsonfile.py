"""Reading and writing ``.journey`` files: the JSON envelope, checks on load, atomic saves.

Loading checks a file step by step (size, UTF-8, JSON, format tag, version, upgrade,
schema, pictures, references) and stops at the first step that fails with a
`JourneyFileError` naming the file, the JSON path and what is wrong. Saving writes the
whole file next to the old one and swaps it in with ``os.replace``, so that a crash or a
full disk never leaves a half-written map behind.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import json
import os
import shutil
import stat
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from journeycanvas.i18n import _, current_language, format_decimal, format_number, ngettext
from journeycanvas.io.atomic import write_atomically
from journeycanvas.io.errors import JourneyFileError
from journeycanvas.io.migrations import (
    CURRENT,
    MigrationError,
    Version,
    migrate,
    parse_version,
)
from journeycanvas.io.validation_words import validation_message
from journeycanvas.model import limits
from journeycanvas.model.entities import FORMAT_TAG, FORMAT_VERSION, JourneyMap
from journeycanvas.model.integrity import Problem, find_problems, normalise_orders
from journeycanvas.model.limits import MAX_ASSET_BYTES, MAX_FILE_BYTES, json_path
from journeycanvas.model.pictures import JPEG_SIGNATURE, PNG_SIGNATURE, picture_size

__all__ = [
    "MAX_ASSET_BYTES",
    "MAX_FILE_BYTES",
    "JourneyFileError",
    "backup_path",
    "dumps_map",
    "load_map",
    "loads_map",
    "save_map",
]

IMAGE_SIGNATURES = {"image/png": PNG_SIGNATURE, "image/jpeg": JPEG_SIGNATURE}
"""The picture types a file may embed, with the bytes every such picture starts with."""

_PROBLEMS_SHOWN = 3
_MB = limits.MB


# ---------------------------------------------------------------- loading


def load_map(path: str | os.PathLike[str]) -> JourneyMap:
    """Read, check and return the map in the ``.journey`` file at `path`.

    Raises JourneyFileError for anything that keeps the file from opening, including
    a file that is missing or unreadable. The file itself is only read.
    """
    source = os.fspath(path)
    try:
        info = os.stat(source)
        if stat.S_ISDIR(info.st_mode):
            raise JourneyFileError(source, "", _("is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise JourneyFileError(source, "", _("is not a regular file"))
        _check_size(source, info.st_size)
        with open(source, "rb") as stream:
            raw = stream.read(limits.MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise JourneyFileError(source, "", _("no such file")) from exc
    except OSError as exc:
        reason = exc.strerror or exc
        raise JourneyFileError(
            source, "", _("cannot be read: {reason}").format(reason=reason)
        ) from exc
    _check_size(source, len(raw))
    return loads_map(raw, source)


def loads_map(text: str | bytes, source: str = "<string>") -> JourneyMap:
    """Check and return the map in `text`, the content of a ``.journey`` file.

    `source` names the text in error messages (a file name, usually).
    """
    if isinstance(text, bytes):
        text = _decode(text, source)
    text = text.removeprefix("\ufeff")
    data = _parse_json(text, source)
    return _map_from_data(data, source)


def _check_size(source: str, size: int) -> None:
    problem = limits.file_size_problem(size)
    if problem is not None:
        raise JourneyFileError(source, "", problem)


def _decode(raw: bytes, source: str) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise JourneyFileError(source, "", _("not UTF-8 text: it was saved as UTF-16"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise JourneyFileError(
            source,
            "",
            _(
                "not UTF-8 text: byte {byte} at offset {offset} (line {line}) is not valid UTF-8"
            ).format(byte=f"0x{raw[exc.start]:02x}", offset=exc.start, line=line),
        ) from exc


class _DuplicateKeyError(ValueError):
    pass


class _ConstantError(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys; silently losing the first one is not ok.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return obj


def _reject_constant(name: str) -> Any:
    raise _ConstantError(name)


def _parse_json(text: str, source: str) -> Any:
    if not text.strip():
        raise JourneyFileError(source, "", _("the file is empty"))
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            message = _(
                "the file ends too early (line {line}, column {column}); "
                "it looks truncated, as by an interrupted copy or download"
            ).format(line=exc.lineno, column=exc.colno)
        else:
            message = _("not valid JSON: {reason} at line {line}, column {column}").format(
                reason=exc.msg, line=exc.lineno, column=exc.colno
            )
        raise JourneyFileError(source, "", message) from exc
    except _DuplicateKeyError as exc:
        message = _("not valid JSON for a map: the key {key} appears twice in one object").format(
            key=repr(exc.args[0])
        )
        raise JourneyFileError(source, "", message) from exc
    except _ConstantError as exc:
        message = _("not valid JSON: {value} is not a number JSON allows").format(value=exc.args[0])
        raise JourneyFileError(source, "", message) from exc
    except RecursionError as exc:
        raise JourneyFileError(source, "", _("not a map: the JSON is nested too deeply")) from exc
    except ValueError as exc:
        # The only other ValueError json.loads raises: an integer with thousands of digits.
        raise JourneyFileError(source, "", _("not valid JSON: a number is too long")) from exc


def _map_from_data(data: Any, source: str) -> JourneyMap:
    if not isinstance(data, dict):
        if isinstance(data, list):
            message = _("not a map: the file holds a list, not a JSON object")
        else:
            message = _("not a map: the file holds a single value, not a JSON object")
        raise JourneyFileError(source, "", message)
    _check_format_tag(data, source)
    version = _check_version(data, source)
    upgraded_from: Version | None = None
    if version < CURRENT:
        try:
            data = migrate(data)
        except MigrationError as exc:
            raise JourneyFileError(source, "version", str(exc)) from exc
        upgraded_from = version
    data, problems = limits.check_data(data)
    if problems:
        raise _problems_error(source, problems, upgraded_from)
    try:
        journey = JourneyMap.model_validate(data)
    except ValidationError as exc:
        problems = [_problem_from_pydantic(error) for error in exc.errors()]
        raise _problems_error(source, problems, upgraded_from) from exc
    newer_minor = version.major == CURRENT.major and version > CURRENT
    problems = [
        *asset_problems(journey, allow_other_types=newer_minor),
        *find_problems(journey, allow_unknown_kinds=newer_minor),
    ]
    if problems:
        raise _problems_error(source, problems, upgraded_from)
    normalise_orders(journey)
    return journey


def _check_format_tag(data: dict[str, Any], source: str) -> None:
    tag = data.get("format")
    if tag == FORMAT_TAG:
        return
    if tag is None:
        message = _('missing; this is not a JourneyCanvas map (expected "format": "{tag}")').format(
            tag=FORMAT_TAG
        )
    else:
        message = _('is {value}, not "{tag}"; this is not a JourneyCanvas map').format(
            value=_short(tag), tag=FORMAT_TAG
        )
    raise JourneyFileError(source, "format", message)


def _check_version(data: dict[str, Any], source: str) -> Version:
    if "version" not in data:
        raise JourneyFileError(
            source, "version", _('missing (expected "{version}")').format(version=FORMAT_VERSION)
        )
    try:
        version = parse_version(data["version"])
    except ValueError as exc:
        raise JourneyFileError(source, "version", str(exc)) from exc
    if version.major > CURRENT.major:
        raise JourneyFileError(
            source,
            "version",
            _(
                "made by a newer JourneyCanvas, file format version {version}; this one reads "
                "up to {major}.x. Update JourneyCanvas to open it"
            ).format(version=version, major=CURRENT.major),
        )
    return version


def asset_problems(journey: JourneyMap, *, allow_other_types: bool = False) -> list[Problem]:
    """What is wrong with the embedded pictures: type, base64, size, content.

    Each picture is decoded to check that it is what its ``media_type`` says. With
    `allow_other_types` (files from a newer minor version) a media type this version does
    not know is kept unchecked, apart from its size.
    """
    problems: list[Problem] = []
    for asset_id, asset in journey.assets.items():
        path = json_path(("assets", asset_id))
        signature = IMAGE_SIGNATURES.get(asset.media_type)
        if signature is None and not allow_other_types:
            png, jpeg = IMAGE_SIGNATURES
            message = _("must be {png} or {jpeg}, not {value}").format(
                png=png, jpeg=jpeg, value=_short(asset.media_type)
            )
            problems.append(Problem(f"{path}.media_type", message))
            continue
        # Base64 grows data by 4/3: a text this long cannot decode to an allowed size.
        if len(asset.data) > (MAX_ASSET_BYTES + 2) // 3 * 4 + 4:
            problems.append(Problem(f"{path}.data", _too_big(len(asset.data) * 3 // 4)))
            continue
        try:
            decoded = base64.b64decode(asset.data, validate=True)
        except (binascii.Error, ValueError):
            problems.append(
                Problem(f"{path}.data", _("is not valid base64 (no line breaks or spaces allowed)"))
            )
            continue
        if len(decoded) > MAX_ASSET_BYTES:
            problems.append(Problem(f"{path}.data", _too_big(len(decoded))))
        elif signature is not None and not decoded.startswith(signature):
            kind = asset.media_type.removeprefix("image/").upper()
            problems.append(
                Problem(
                    f"{path}.data",
                    _("is not a {kind} picture, though media_type says {media_type}").format(
                        kind=kind, media_type=asset.media_type
                    ),
                )
            )
        elif (size := picture_size(decoded)) is not None and (
            too_many := limits.picture_size_problem(*size)
        ):
            # Refused before anything decodes it: one such picture can stall every redraw.
            problems.append(Problem(f"{path}.data", too_many))
    return problems


def _too_big(size: int) -> str:
    language = current_language()
    return _("the picture is larger than the {allowed} MB allowed (it is {size} MB)").format(
        allowed=format_number(MAX_ASSET_BYTES // _MB, language),
        size=format_decimal(size / _MB, language),
    )


def _problem_from_pydantic(error: Any) -> Problem:
    loc = list(error["loc"])
    about_key = bool(loc) and loc[-1] == "[key]"
    if about_key:
        loc.pop()
    if error["type"] == "missing":
        return Problem(json_path(loc), _("is missing, and it is required"))
    if error["type"] == "value_error":
        # Our own validators already quote the bad value.
        message = error["msg"].removeprefix("Value error, ")
    else:
        message = validation_message(error)
        if not about_key:
            message = _("{message}, not {value}").format(
                message=message, value=_short(error["input"])
            )
    if about_key:
        message = _("the key {key}: {message}").format(key=_short(loc[-1]), message=message)
    return Problem(json_path(loc), message)


def _short(value: Any, limit: int = 40) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _problems_error(
    source: str, problems: list[Problem], upgraded_from: Version | None
) -> JourneyFileError:
    first, *others = problems
    parts = [first.message, *(str(problem) for problem in others[: _PROBLEMS_SHOWN - 1])]
    hidden = len(problems) - _PROBLEMS_SHOWN
    if hidden > 0:
        parts.append(
            ngettext("and {count} more problem", "and {count} more problems", hidden).format(
                count=format_number(hidden, current_language())
            )
        )
    message = "; ".join(parts)
    if upgraded_from is not None:
        message += _(" (found after upgrading the file from version {version})").format(
            version=upgraded_from
        )
    return JourneyFileError(source, first.path, message)


# ---------------------------------------------------------------- saving


def dumps_map(journey: JourneyMap) -> str:
    """The text of the ``.journey`` file for `journey`: same map, same text.

    UTF-8-ready JSON with 2-space indent, keys in model order (unknown fields after the
    known ones), non-ASCII text as is, a final newline, texts cleaned as the loader cleans
    them. A map that could not be opened again (dangling references, duplicate ids, bad
    pictures, values beyond the limits of ``model.limits``, a file too large) raises
    ValueError saying why, so that saving, autosaving and importing refuse alike.
    """
    problems = [*asset_problems(journey, allow_other_types=True), *find_problems(journey)]
    if not problems:
        try:
            data = journey.model_dump(mode="json")
        except (ValueError, RecursionError) as exc:
            raise ValueError(_("the map cannot be written: {reason}").format(reason=exc)) from exc
        data, problems = limits.check_data(data)
    if problems:
        shown = "; ".join(str(problem) for problem in problems[:_PROBLEMS_SHOWN])
        raise ValueError(
            _("the map has problems that would keep it from opening: {problems}").format(
                problems=shown
            )
        )
    data["format"] = FORMAT_TAG
    data["version"] = _written_version(journey.version)
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    size = len(text) if text.isascii() else len(text.encode("utf-8"))
    too_big = limits.file_size_problem(size)
    if too_big is not None:
        raise ValueError(
            _("the map is too large to be opened again: {reason}").format(reason=too_big)
        )
    return text


def _written_version(version: str) -> str:
    # A map read from a newer minor version keeps its number: the file still holds
    # everything that version wrote, so it must not claim to be older.
    try:
        parsed = parse_version(version)
    except ValueError:
        return FORMAT_VERSION
    return str(parsed) if parsed.major == CURRENT.major and parsed > CURRENT else FORMAT_VERSION


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where `save_map` keeps the previous version of `path`: ``NAME.journey.bak``."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def save_map(journey: JourneyMap, path: str | os.PathLike[str], *, backup: bool = True) -> bytes:
    """Write `journey` to `path` atomically, keeping the previous file as ``NAME.journey.bak``;
    returns the bytes written (for an editor that must know which version it saved).

    The new text goes to a temporary file in the same folder, is flushed and fsynced, and
    then replaces the old file in one step. If anything fails, the old file is left exactly
    as it was, no temporary file stays behind, and the error is raised. A symbolic link is
    followed: its target is replaced, the link stays.
    """
    data = dumps_map(journey).encode("utf-8")
    target = Path(os.path.realpath(path))
    try:
        old_mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        old_mode = None
    if backup and old_mode is not None:

        def copy_old(stream: IO[bytes]) -> None:
            with open(target, "rb") as old:
                shutil.copyfileobj(old, stream)

        write_atomically(backup_path(target), copy_old, old_mode)
    write_atomically(target, data, old_mode)
    return data
