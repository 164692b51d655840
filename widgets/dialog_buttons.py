"""The confirm/cancel row every dialog shares: the confirm button says what it does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

_OK = QDialogButtonBox.StandardButton.Ok
_CANCEL = QDialogButtonBox.StandardButton.Cancel


def dialog_buttons(dialog: QDialog, confirm_text: str, on_confirm: Callable | None = None) -> QDialogButtonBox:
    """OK/Cancel buttons for ``dialog``: confirm runs ``on_confirm`` (default: accept), cancel rejects."""
    buttons = QDialogButtonBox(_OK | _CANCEL, dialog)
    buttons.button(_OK).setText(confirm_text)
    buttons.button(_CANCEL).setText(QCoreApplication.translate("DialogButtons", "Cancel"))
    buttons.accepted.connect(on_confirm or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def confirm_button(buttons: QDialogButtonBox) -> QPushButton:
    return buttons.button(_OK)
