"""A list of photo files picked from disk (stored on the case as attachment paths)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget


class PhotoList(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(72)
        add = QPushButton(self.tr("Add photos…"), self)
        add.clicked.connect(self._pick)
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(lambda: [self.list.takeItem(self.list.row(i)) for i in self.list.selectedItems()])
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def _pick(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose photos"), "", self.tr("Images (*.jpg *.jpeg *.png *.bmp);;All files (*)")
        )
        self.add_paths(paths)

    def add_paths(self, paths) -> None:
        existing = set(self.paths())
        self.list.addItems([p for p in paths if p not in existing])

    def paths(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
