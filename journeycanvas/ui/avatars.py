"""Persona pictures: a PNG or JPEG decoded and checked, scaled down, re-encoded, size-capped.

Whatever the user picks, what gets embedded in the map is a small PNG that Qt has decoded
once already, so a map never carries a broken, huge or foreign picture. A picture with
more pixels than ``model.limits`` allows is refused by its header, before decoding.
Thumbnails of embedded pictures are decoded once per picture and size, then cached.
"""

from __future__ import annotations

import base64
import functools
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap

from journeycanvas.model import Asset
from journeycanvas.model.limits import MAX_PICTURE_PIXELS, picture_size_problem

AVATAR_PIXELS = 128
"""The longest side of an embedded picture, in pixels."""

MAX_AVATAR_BYTES = 256 * 1024
"""The largest embedded picture after re-encoding."""

MAX_SOURCE_BYTES = 20 * 1024 * 1024
"""The largest picture file accepted for import."""

_ACCEPTED_FORMATS = {b"png", b"jpeg", b"jpg"}


class AvatarError(ValueError):
    """A picture that cannot be used as an avatar; the message says why, for the user."""


def avatar_from_file(path: str | Path) -> Asset:
    """Read a PNG or JPEG file and make it an avatar asset; AvatarError when it cannot be."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise AvatarError(
                QCoreApplication.translate(
                    "Avatars", "The picture is too large ({size} MB); pick one under 20 MB."
                ).format(size=size // (1024 * 1024))
            )
        data = path.read_bytes()
    except OSError as exc:
        raise AvatarError(
            QCoreApplication.translate("Avatars", "The picture cannot be read: {reason}").format(
                reason=exc.strerror or exc
            )
        ) from exc
    return avatar_from_bytes(data)


def avatar_from_bytes(data: bytes) -> Asset:
    """Decode a PNG or JPEG, scale it to at most AVATAR_PIXELS, and embed it as a PNG asset."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    if bytes(reader.format().data()).lower() not in _ACCEPTED_FORMATS:
        raise AvatarError(
            QCoreApplication.translate("Avatars", "Only PNG and JPEG pictures can be used.")
        )
    size = reader.size()
    if size.isValid() and picture_size_problem(size.width(), size.height()):
        raise AvatarError(
            QCoreApplication.translate(
                "Avatars",
                "The picture is {width}×{height} pixels; pick one of at most {megapixels} "
                "million pixels.",
            ).format(
                width=size.width(),
                height=size.height(),
                megapixels=f"{MAX_PICTURE_PIXELS / 1e6:.1f}",
            )
        )
    image = reader.read()
    if image.isNull():
        raise AvatarError(
            QCoreApplication.translate("Avatars", "The picture cannot be decoded: {reason}").format(
                reason=reader.errorString()
            )
        )
    if image.width() > AVATAR_PIXELS or image.height() > AVATAR_PIXELS:
        image = image.scaled(
            QSize(AVATAR_PIXELS, AVATAR_PIXELS),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    encoded = _encode_png(image)
    if len(encoded) > MAX_AVATAR_BYTES:
        raise AvatarError(
            QCoreApplication.translate(
                "Avatars", "The picture is still too large after scaling it down."
            )
        )
    return Asset(media_type="image/png", data=base64.b64encode(encoded).decode("ascii"))


def _encode_png(image: QImage) -> bytes:
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(out, "PNG")  # type: ignore[call-overload]  # stubs say bytes; only str works at run time
    return bytes(out.data().data())


def avatar_pixmap(asset: Asset, size: int) -> QPixmap:
    """The picture of an embedded asset, scaled to `size` pixels (null if it will not decode).

    Each picture is decoded once per size: refreshing a list of personas that share a
    picture, after every edit, undo and redo, decodes nothing already seen.
    """
    return QPixmap.fromImage(_thumbnail(asset.data, size))


@functools.lru_cache(maxsize=256)
def _thumbnail(data: str, size: int) -> QImage:
    # Keyed by the picture's content itself (Python caches a string's hash), so that
    # personas sharing a picture, or an asset restored by undo, hit the same entry. A
    # QImage, not a QPixmap: it may outlive the application at exit.
    try:
        raw = base64.b64decode(data, validate=True)
    except ValueError:
        return QImage()
    image = decode_image(raw)
    if image.isNull():
        return image
    return image.scaled(
        QSize(size, size),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def decode_image(raw: bytes) -> QImage:
    """Decode a PNG or JPEG (null image if it will not decode); the one place avatars decode."""
    return QImage.fromData(raw)
