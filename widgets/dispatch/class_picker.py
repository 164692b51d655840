"""The 部件/事项 class picker: a tree by kind and major class with a search box."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.domain.class_table import ClassEntry


class ClassPicker(QWidget):
    sig_class_picked = Signal(object)  # ClassEntry | None

    def __init__(self, entries: list[ClassEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search classes by name or code"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumHeight(150)
        self.tree.currentItemChanged.connect(lambda item, _: self.sig_class_picked.emit(self.selected()))
        self._leaves: list[QTreeWidgetItem] = []
        parents: dict[tuple, QTreeWidgetItem] = {}
        for entry in entries:
            kind = parents.get((entry.kind,)) or parents.setdefault(
                (entry.kind,), QTreeWidgetItem(self.tree, [entry.kind])
            )
            major = parents.get((entry.kind, entry.major_code)) or parents.setdefault(
                (entry.kind, entry.major_code), QTreeWidgetItem(kind, [f"{entry.major_code} {entry.major_name}"])
            )
            leaf = QTreeWidgetItem(major, [f"{entry.code} {entry.name}"])
            leaf.setData(0, Qt.ItemDataRole.UserRole, entry)
            self._leaves.append(leaf)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)

    def selected(self) -> ClassEntry | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def select(self, kind: str | None, code: str | None) -> None:
        for leaf in self._leaves:
            entry = leaf.data(0, Qt.ItemDataRole.UserRole)
            if (entry.kind, entry.code) == (kind, code):
                self.tree.setCurrentItem(leaf)
                return

    def _filter(self, text: str) -> None:
        text = text.strip()
        for leaf in self._leaves:
            leaf.setHidden(bool(text) and text not in leaf.text(0))
        for index in range(self.tree.topLevelItemCount()):
            kind = self.tree.topLevelItem(index)
            for m in range(kind.childCount()):
                major = kind.child(m)
                major.setHidden(all(major.child(c).isHidden() for c in range(major.childCount())))
                major.setExpanded(bool(text))
