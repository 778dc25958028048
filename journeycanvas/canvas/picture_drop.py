"""Pictures onto cards: dropping an image file or image data on a card, pasting an image
while one card is selected, or picking a file, sets the card's picture (one undo step).

The picture is decoded, checked and size-capped by `canvas.pictures` before anything is
pushed; one that cannot be used is refused with a one-line message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from journeycanvas.canvas.pictures import (
    CARD_PICTURE,
    PictureError,
    picture_from_bytes,
    picture_from_file,
    picture_from_image,
)
from journeycanvas.document.commands import SetCardPictureCommand
from journeycanvas.model import Asset

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView

# Image data other programs put on a drag or the clipboard, best first.
_IMAGE_TYPES = ("image/png", "image/jpeg")


def _image_file(mime: QMimeData) -> str | None:
    """The first local file a drag carries that Qt can read as a picture, or None."""
    for url in mime.urls():
        if url.isLocalFile() and QImageReader.imageFormat(url.toLocalFile()):
            return url.toLocalFile()
    return None


def carries_picture(mime: QMimeData | None) -> bool:
    """Whether a drag or the clipboard holds a picture (an image file, or image data)."""
    if mime is None:
        return False
    return (
        mime.hasImage()
        or any(mime.hasFormat(kind) for kind in _IMAGE_TYPES)
        or _image_file(mime) is not None
    )


def picture_from_mime(mime: QMimeData) -> Asset:
    """The picture a drag or the clipboard holds, embedded for a card; PictureError when
    there is none or it cannot be used."""
    path = _image_file(mime)
    if path is not None:
        return picture_from_file(path, CARD_PICTURE)
    for kind in _IMAGE_TYPES:
        if mime.hasFormat(kind):
            return picture_from_bytes(bytes(mime.data(kind).data()), CARD_PICTURE)
    image = mime.imageData()
    if isinstance(image, QImage):
        return picture_from_image(image, CARD_PICTURE)
    raise PictureError(QCoreApplication.translate("Pictures", "There is no picture to use."))


def set_picture_from_mime(view: MapEditorView, card_id: str, mime: QMimeData) -> bool:
    """Show the picture of `mime` on card `card_id` (one undo step); False, after saying
    why, when the picture cannot be used."""
    try:
        picture = picture_from_mime(mime)
    except PictureError as error:
        _refuse(view, error)
        return False
    view.document.push(SetCardPictureCommand(view.document, card_id, picture))
    return True


def drop_picture(view: MapEditorView, mime: QMimeData, scene_pos: QPointF) -> bool:
    """Show a dropped picture on the card under `scene_pos`; False off the cards."""
    item = view.card_at_scene(scene_pos)
    if item is None:
        return False
    return set_picture_from_mime(view, item.card_id, mime)


def _single_card(view: MapEditorView) -> str | None:
    cards = view.selected_card_ids()
    return cards[0] if len(cards) == 1 else None


def can_set_picture(view: MapEditorView) -> bool:
    """Whether exactly one card is selected (a picture goes on one card at a time)."""
    return _single_card(view) is not None


def can_remove_picture(view: MapEditorView) -> bool:
    """Whether the one selected card shows a picture."""
    card_id = _single_card(view)
    return card_id is not None and view.document.card(card_id).image is not None


def ask_for_picture(parent: QWidget) -> Asset | None:
    """Ask for a picture file and embed it for a card; None when the user cancels or the
    picture cannot be used (after saying why)."""
    formats = " ".join(
        f"*.{bytes(f.data()).decode('ascii')}" for f in QImageReader.supportedImageFormats()
    )
    translate = QCoreApplication.translate
    path, _ = QFileDialog.getOpenFileName(
        parent,
        translate("Pictures", "Picture for the card"),
        "",
        translate("Pictures", "Pictures ({formats})").format(formats=formats),
    )
    if not path:
        return None
    try:
        return picture_from_file(path, CARD_PICTURE)
    except PictureError as error:
        _refuse(parent, error)
        return None


def choose_picture(view: MapEditorView) -> None:
    """Ask for a picture file and show it on the one selected card."""
    card_id = _single_card(view)
    picture = None if card_id is None else ask_for_picture(view)
    if card_id is not None and picture is not None:
        view.document.push(SetCardPictureCommand(view.document, card_id, picture))


def remove_picture(view: MapEditorView) -> None:
    """Take the picture off the one selected card (one undo step)."""
    card_id = _single_card(view)
    if card_id is not None and view.document.card(card_id).image is not None:
        view.document.push(SetCardPictureCommand(view.document, card_id, None))


def _refuse(parent: QWidget, error: PictureError) -> None:
    QMessageBox.warning(
        parent, QCoreApplication.translate("Pictures", "Picture not used"), str(error)
    )
