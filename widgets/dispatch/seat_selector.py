"""The 当前坐席 selector: who acts at this workstation (remembered in QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.cases.directory import seat_staff
from desktop.cases.workflow import Actor
from desktop.seat.app_state import AppState

SEAT_ROLES = ("坐席", "值班长", "指挥长", "处置人员", "监督员")
_SETTINGS_KEY = "dispatch/seat"


class SeatSelector(QComboBox):
    sig_actor_changed = Signal(object)  # Actor | None

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("seatSelector")
        self.state = state
        self.currentIndexChanged.connect(self._changed)
        state.sig_database_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        remembered = QSettings().value(_SETTINGS_KEY)
        self.blockSignals(True)
        self.clear()
        for code, actor, label in self._staff():
            self.addItem(label, (code, actor))
        if self.count() == 0:
            self.addItem(self.tr("(no staff in the database)"), None)
        index = next((i for i in range(self.count()) if self.itemData(i) and self.itemData(i)[0] == remembered), 0)
        self.setCurrentIndex(index)
        self.blockSignals(False)
        self.sig_actor_changed.emit(self.actor())

    def _staff(self) -> list[tuple[str, Actor, str]]:
        if self.state.database is None:
            return []
        return [
            (p.code, p.actor, f"{p.actor.name}（{p.actor.role}{'·' + p.department if p.department else ''}）")
            for p in seat_staff(self.state.database, SEAT_ROLES)
        ]

    def actor(self) -> Actor | None:
        data = self.currentData()
        return data[1] if data else None

    def seat(self) -> str | None:
        data = self.currentData()
        return data[0] if data else None

    def select_code(self, code: str) -> None:
        index = next((i for i in range(self.count()) if self.itemData(i) and self.itemData(i)[0] == code), -1)
        if index >= 0:
            self.setCurrentIndex(index)

    def _changed(self, _index: int) -> None:
        if self.seat():
            QSettings().setValue(_SETTINGS_KEY, self.seat())
        self.sig_actor_changed.emit(self.actor())
