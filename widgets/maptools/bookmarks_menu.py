"""The 书签 menu: add the current view under a name, fly to a bookmark, delete one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from desktop.seat.app_state import AppState
from layers.maptools.bookmarks import BBox, BookmarkStore


class BookmarksMenu(QMenu):
    def __init__(
        self,
        state: AppState,
        store: BookmarkStore,
        current_view: Callable[[], BBox | None],
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("&Bookmarks"), parent)
        self.setObjectName("bookmarksMenu")
        self.state, self.store, self.current_view = state, store, current_view
        store.sig_changed.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        self.addAction(self.tr("&Add current view…"), self.ask_add)
        if not len(self.store):
            return
        self.addSeparator()
        for bookmark in self.store:
            self.addAction(bookmark.name, lambda b=bookmark: self.state.fly_to(b.bbox))
        remove = self.addMenu(self.tr("&Delete bookmark"))
        for bookmark in self.store:
            remove.addAction(bookmark.name, lambda b=bookmark: self.store.remove(b.name))

    def ask_add(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Add bookmark"),
            self.tr("Name of the current view:"),
            text=self.tr("View %1").replace("%1", str(len(self.store) + 1)),
        )
        if ok and name.strip():
            self.add_current(name)

    def add_current(self, name: str) -> bool:
        bbox = self.current_view()
        if bbox is None:
            return False
        self.store.add(name, bbox)
        return True
