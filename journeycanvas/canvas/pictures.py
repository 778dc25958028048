"""Pictures for the map: decoded and checked, scaled down, re-encoded, size-capped; and
decoded embedded pictures, cached.

Whatever the user drops, pastes or picks, what gets embedded in the map is a PNG or JPEG
that Qt has decoded once already, so a map never carries a broken, huge or foreign
picture. A picture with more pixels than ``model.limits`` allows is refused by its header,
before decoding. Embedded pictures are decoded once per content (not per card, edit, undo
or redo) and kept in a small cache.
"""

from __future__ import annotations

import base64
import binascii
import functools
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from journeycanvas.model import Asset
from journeycanvas.model.limits import MAX_ASSET_BYTES, MAX_PICTURE_PIXELS, picture_size_problem

MAX_SOURCE_BYTES = 20 * 1024 * 1024
"""The largest picture file accepted for import."""

_PNG_AND_JPEG = frozenset({b"png", b"jpeg", b"jpg"})
_JPEG_QUALITY = 85


@dataclass(frozen=True)
class PictureRules:
    """How a picture is embedded: its longest side in pixels, its largest size once
    encoded, and whether only PNG and JPEG sources are taken (else any format Qt reads).

    `photo_as_jpeg` embeds an opaque picture as JPEG when that is smaller than its PNG.
    """

    max_side: int
    max_bytes: int
    png_and_jpeg_only: bool = False
    photo_as_jpeg: bool = False


CARD_PICTURE = PictureRules(max_side=1024, max_bytes=2 * 1024 * 1024, photo_as_jpeg=True)
"""A picture on a card: a screenshot or photo, at most 1024 pixels on its long side."""


class PictureError(ValueError):
    """A picture that cannot be embedded; the message says why, for the user."""


def picture_from_file(path: str | Path, rules: PictureRules) -> Asset:
    """Read a picture file and make it an asset by `rules`; PictureError when it cannot be."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise PictureError(
                QCoreApplication.translate(
                    "Pictures", "The picture is too large ({size} MB); pick one under 20 MB."
                ).format(size=size // (1024 * 1024))
            )
        data = path.read_bytes()
    except OSError as exc:
        raise PictureError(
            QCoreApplication.translate("Pictures", "The picture cannot be read: {reason}").format(
                reason=exc.strerror or exc
            )
        ) from exc
    return picture_from_bytes(data, rules)


def picture_from_bytes(data: bytes, rules: PictureRules) -> Asset:
    """Decode a picture's bytes, checking its header first, and embed it by `rules`."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    image_format = bytes(reader.format().data()).lower()
    if rules.png_and_jpeg_only and image_format not in _PNG_AND_JPEG:
        raise PictureError(
            QCoreApplication.translate("Pictures", "Only PNG and JPEG pictures can be used.")
        )
    if not image_format:
        raise PictureError(
            QCoreApplication.translate("Pictures", "This is not a picture JourneyCanvas can read.")
        )
    size = reader.size()
    if size.isValid():
        _check_pixels(size.width(), size.height())
    image = reader.read()
    if image.isNull():
        raise PictureError(
            QCoreApplication.translate(
                "Pictures", "The picture cannot be decoded: {reason}"
            ).format(reason=reader.errorString())
        )
    return picture_from_image(image, rules)


def picture_from_image(image: QImage, rules: PictureRules) -> Asset:
    """Embed a decoded picture (from the clipboard, say) by `rules`: scaled down to
    `max_side`, encoded as PNG (or JPEG for a photo), refused when still too large."""
    if image.isNull():
        raise PictureError(QCoreApplication.translate("Pictures", "The picture is empty."))
    _check_pixels(image.width(), image.height())
    side = rules.max_side
    if image.width() > side or image.height() > side:
        image = image.scaled(
            QSize(side, side),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    media_type, encoded = "image/png", _encode(image, "PNG")
    if rules.photo_as_jpeg and not image.hasAlphaChannel():
        jpeg = _encode(image, "JPEG")
        if len(jpeg) < len(encoded):
            media_type, encoded = "image/jpeg", jpeg
    if len(encoded) > min(rules.max_bytes, MAX_ASSET_BYTES):
        raise PictureError(
            QCoreApplication.translate(
                "Pictures", "The picture is still too large after scaling it down."
            )
        )
    return Asset(media_type=media_type, data=base64.b64encode(encoded).decode("ascii"))


def _check_pixels(width: int, height: int) -> None:
    """PictureError for a picture with more pixels than a map may hold."""
    if picture_size_problem(width, height):
        raise PictureError(
            QCoreApplication.translate(
                "Pictures",
                "The picture is {width}×{height} pixels; pick one of at most {megapixels} "
                "million pixels.",
            ).format(width=width, height=height, megapixels=f"{MAX_PICTURE_PIXELS / 1e6:.1f}")
        )


def _encode(image: QImage, image_format: str) -> bytes:
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    quality = _JPEG_QUALITY if image_format == "JPEG" else -1
    image.save(out, image_format, quality)  # type: ignore[call-overload]  # stubs say bytes; only str works at run time
    return bytes(out.data().data())


def decode_image(raw: bytes) -> QImage:
    """Decode a PNG or JPEG (null image if it will not decode); the one place embedded
    pictures are decoded."""
    return QImage.fromData(raw)


@functools.lru_cache(maxsize=64)
def embedded_image(data: str) -> QImage:
    """The embedded picture with base64 `data`, decoded (null if it will not decode).

    Keyed by the picture's content (Python keeps a string's hash), so that the cards and
    personas sharing a picture, or an asset restored by undo, decode it once. A QImage,
    not a QPixmap: it may outlive the application at exit.
    """
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return QImage()
    return decode_image(raw)


@functools.lru_cache(maxsize=256)
def thumbnail(data: str, size: int) -> QImage:
    """The embedded picture with base64 `data` scaled to fit `size` pixels, made once."""
    image = embedded_image(data)
    if image.isNull():
        return image
    return image.scaled(
        QSize(size, size),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
