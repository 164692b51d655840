"""The toolbar search box: a ranked popup while typing; Enter flies to the best hit and selects it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop.seat.app_state import AppState
from layers.maptools.features import Feature, kind_name
from layers.maptools.search import SearchIndex

FEATURE_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2  # what the line edit shows once a row is picked
DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    sig_found = Signal(object)  # the Feature flown to

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapSearchBox")
        self.setPlaceholderText(self.tr("Search grid, component, plate, case number or place…"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.state = state
        self.results = QStandardItemModel(self)
        completer = QCompleter(self.results, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(TEXT_ROLE)
        completer.activated[QModelIndex].connect(lambda index: self.go(index.data(FEATURE_ROLE)))
        self.setCompleter(completer)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.refresh)
        self.textEdited.connect(self._timer.start)
        self.returnPressed.connect(self.go_best)
        state.sig_database_changed.connect(self._database_changed)
        self._database_changed()

    def _database_changed(self) -> None:
        self._index = SearchIndex(self.state.database) if self.state.database is not None else None
        self.results.clear()

    def search(self, text: str) -> list[Feature]:
        return self._index.search(text) if self._index is not None else []

    def refresh(self) -> None:
        """Fill the popup with the hits for the current text."""
        self.results.clear()
        for feature in self.search(self.text()):
            item = QStandardItem(f"{feature.title}    {kind_name(feature.kind)} · {feature.detail}".rstrip(" ·"))
            item.setData(feature, FEATURE_ROLE)
            item.setData(feature.title, TEXT_ROLE)
            self.results.appendRow(item)
        if self.results.rowCount() and self.hasFocus():
            self.completer().complete()

    def go_best(self) -> None:
        hits = self.search(self.text())
        self.go(hits[0] if hits else None)

    def go(self, feature: Feature | None) -> None:
        if feature is None:
            return
        self.state.fly_to(feature.bbox)
        self.state.set_selection(feature.selection)
        self.sig_found.emit(feature)
