"""One case in detail: its facts, the audit-log timeline and where it is."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.cases.calendar import LOCAL_TZ, as_utc
from desktop.cases.case_record import AuditEntry, CaseRecord
from desktop.storage.database import CityDatabase
from widgets.dispatch.mini_map import MiniMap


def _local(moment) -> str:
    return as_utc(moment).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M") if moment else "—"


class CaseDetail(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("caseSummary")
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 6)
        self.timeline = QTreeWidget(self)
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels(
            [self.tr("Time"), self.tr("Action"), self.tr("By"), self.tr("Stage"), self.tr("Notes")]
        )
        self.mini_map = MiniMap(self)
        tabs = QTabWidget(self)
        tabs.addTab(self.timeline, self.tr("Timeline"))
        tabs.addTab(self.mini_map, self.tr("Location"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)

    def show_case(
        self,
        db: CityDatabase | None,
        case: CaseRecord | None,
        audit: list[AuditEntry],
        light: str | None,
        department: str | None,
    ) -> None:
        self.timeline.clear()
        if case is None:
            self.summary.setText("")
            self.mini_map.show_point(None, None, None)
            return
        drill_mark, case_word, pending_word = self.tr("[Drill]"), self.tr("Case"), self.tr("awaiting approval of")
        source, klass, address = self.tr("Source"), self.tr("Class"), self.tr("Address")
        grid, department_word, deadline = self.tr("Grid"), self.tr("Department"), self.tr("Deadline")
        description = self.tr("Description")
        drill = f"<span style='color:#fb923c'>{drill_mark}</span> " if case.is_drill else ""
        lines = [
            f"<b>{drill}{case_word} {case.case_no}</b> · {case.stage}"
            + (f" · {pending_word} {case.pending_action}" if case.pending_action else ""),
            f"{source}：{case.source}　{klass}：{case.class_kind or '—'} {case.class_code or ''}",
            f"{address}：{case.address or '—'}　{grid}：{case.grid_code or '—'}",
            f"{department_word}：{department or '—'}　{deadline}：{_local(case.deadline)}"
            + (f"（{light}灯）" if light else ""),
            f"{description}：{case.description or '—'}",
        ]
        self.summary.setText("<br>".join(lines))
        for row in audit:
            stage = f"{row.from_stage or ''} → {row.to_stage or ''}" if row.from_stage else (row.to_stage or "")
            attached = self.tr("%1 attachments").replace("%1", str(len(row.attachments or ())))
            notes = row.comment + (f"（{attached}）" if row.attachments else "")
            QTreeWidgetItem(
                self.timeline, [_local(row.ts), row.action, f"{row.actor}（{row.seat or '—'}）", stage, notes]
            )
        for column in range(4):
            self.timeline.resizeColumnToContents(column)
        self.mini_map.show_point(db, case.x, case.y)
