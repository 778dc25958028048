"""The Start Workshop dialog (which address the phones reach) and the join code window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.io.errors import printable
from journeycanvas.workshop.qr import qr_png


def _tr(text: str) -> str:
    return QCoreApplication.translate("Workshop", text)


def machine_addresses() -> list[str]:
    """The machine's IP addresses that phones on the same network can reach, IPv4 first;
    the loopback address last (only this machine reaches it)."""
    found: list[str] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if address.isLoopback() or address.isLinkLocal():
                continue
            if address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                found.insert(0, address.toString())
            elif address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv6Protocol:
                found.append(address.toString())
    found.append(QHostAddress(QHostAddress.SpecialAddress.LocalHost).toString())
    return list(dict.fromkeys(found))


class StartWorkshopDialog(QDialog):
    """Choose the address and port the workshop listens on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Start workshop"))
        self.address = QComboBox(self)
        self.address.addItems(machine_addresses())
        self.address.setEditable(True)
        self.port = QSpinBox(self)
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(_tr("Automatic"))
        self.port.setValue(0)
        explanation = QLabel(
            _tr(
                "Participants join from their phones over this machine's network (the venue's "
                "Wi-Fi or this laptop's hotspot); no internet is needed. Choose the address "
                "of that network. The map's file keeps a journal of every note beside it."
            ),
            self,
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_tr("Address:"), self.address)
        form.addRow(_tr("Port:"), self.port)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, int]:
        """The address and port chosen (port 0: any free one)."""
        return self.address.currentText().strip(), self.port.value()


def qr_pixmap(url: str, scale: int = 8) -> QPixmap:
    """The QR code of `url` as a pixmap."""
    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(url, scale), "PNG")
    return pixmap


class JoinCodeDialog(QDialog):
    """The join URL and its QR code, large enough to scan from the projector."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Join the workshop"))
        code = QLabel(self)
        code.setPixmap(qr_pixmap(url, 10))
        code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        link = QLabel(url, self)
        link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        link.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(link.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        link.setFont(font)
        link.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(_tr("Scan the code or type the address; give your name once."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(code)
        layout.addWidget(link)
        layout.addWidget(hint)
        layout.addWidget(buttons)


class CloseOpenRoundDialog(QMessageBox):
    """Asked before a new voting round starts while one is open: the open round's votes
    are the room's, so it is closed with its results kept, or nothing happens."""

    def __init__(self, open_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(_tr("Dot voting"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(
            _tr("The voting round “{title}” is still open.").format(title=printable(open_title))
        )
        self.setInformativeText(
            _tr("A new round can start once it is closed; its votes are kept in its results.")
        )
        self.close_button = self.addButton(
            _tr("Close the open round and keep its results"), QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.close_button)
        self.setEscapeButton(self.cancel_button)

    def ask(self) -> bool:
        """Show the question; True when the facilitator chose to close the open round."""
        self.exec()
        return self.clickedButton() is self.close_button
