"""The size in pixels of a PNG or JPEG, read from its header without decoding the picture.

The loader refuses pictures too large to decode quickly (see ``model.limits``) before
anything decodes them; reading the header costs microseconds, even for 8000×8000.
"""

from __future__ import annotations

import struct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"

# Start-of-frame markers: every JPEG coding (baseline, progressive, lossless, arithmetic)
# except C4 (Huffman tables), C8 (reserved) and CC (arithmetic conditioning).
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


def picture_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG or JPEG, or None when the header does not say.

    A picture whose header does not give its size cannot be decoded either.
    """
    if data.startswith(PNG_SIGNATURE):
        return _png_size(data)
    if data.startswith(JPEG_SIGNATURE):
        return _jpeg_size(data)
    return None


def _png_size(data: bytes) -> tuple[int, int] | None:
    # The first chunk of every PNG is IHDR: length, "IHDR", width, height (big-endian).
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte before a marker
            index += 1
            continue
        if marker in _STANDALONE:
            index += 2
            continue
        if marker in (0xD9, 0xDA):  # end of picture, or the scan starts: no frame header
            return None
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if marker in _SOF_MARKERS:
            if index + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return width, height
        index += 2 + length
    return None
