"""Persona pictures: a PNG or JPEG embedded as a small PNG (see `canvas.pictures`), and
their thumbnails, decoded once per picture and size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPixmap

from journeycanvas.canvas.pictures import (
    PictureError,
    PictureRules,
    picture_from_bytes,
    picture_from_file,
    thumbnail,
)
from journeycanvas.model import Asset

AVATAR_PIXELS = 128
"""The longest side of an embedded picture, in pixels."""

MAX_AVATAR_BYTES = 256 * 1024
"""The largest embedded picture after re-encoding."""

AVATAR = PictureRules(AVATAR_PIXELS, MAX_AVATAR_BYTES, png_and_jpeg_only=True)

AvatarError = PictureError
"""A picture that cannot be used as an avatar; the message says why, for the user."""


def avatar_from_file(path: str | Path) -> Asset:
    """Read a PNG or JPEG file and make it an avatar asset; AvatarError when it cannot be."""
    return picture_from_file(path, AVATAR)


def avatar_from_bytes(data: bytes) -> Asset:
    """Decode a PNG or JPEG, scale it to at most AVATAR_PIXELS, and embed it as a PNG asset."""
    return picture_from_bytes(data, AVATAR)


def avatar_pixmap(asset: Asset, size: int) -> QPixmap:
    """The picture of an embedded asset, scaled to `size` pixels (null if it will not decode).

    Each picture is decoded once: refreshing a list of personas that share a picture,
    after every edit, undo and redo, decodes nothing already seen.
    """
    return QPixmap.fromImage(thumbnail(asset.data, size))
