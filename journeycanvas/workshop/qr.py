"""The join URL as a QR code, for the projector (segno: SVG and PNG, no Qt)."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, scale: int = 8) -> bytes:
    """The QR code of `url` as SVG, dark on white with the quiet zone around it."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=scale, border=4, xmldecl=False)
    return buffer.getvalue()


def qr_png(url: str, scale: int = 8) -> bytes:
    """The QR code of `url` as PNG, dark on white with the quiet zone around it."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
