"""The 考核 window: KPIs per department/grid/inspector for a period, charts (trend per day,
ranking per department, distribution by class), 综合评价, and the monthly report export."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.calendar import LOCAL_TZ
from desktop.cases.directory import class_entries
from desktop.cases.evaluation import DIMENSIONS, EvaluationRow
from desktop.cases.kpi import KpiRow, read_kpi_table
from desktop.cases.kpi_overview import read_kpi_overview
from desktop.seat.app_state import AppState
from desktop.storage.database import StorageError
from widgets.dispatch.kpi_report import Report, write_csv, write_html

log = logging.getLogger(__name__)

_ACCENT, _SECOND = "#22d3ee", "#f59e0b"


def _fmt(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value * 100:.1f}%" if percent else f"{value:.1f}"


class KpiPanel(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("kpiPanel")
        self.setWindowTitle(self.tr("Evaluation"))
        self.state = state
        self.table_def = read_kpi_table()
        self.report: Report | None = None
        self.grouping = QComboBox(self)
        for text, key in (
            (self.tr("By department"), "department"),
            (self.tr("By grid"), "grid"),
            (self.tr("By inspector"), "inspector"),
        ):
            self.grouping.addItem(text, key)
        today = QDate.currentDate()
        self.date_from, self.date_to = QDateEdit(QDate(today.year(), today.month(), 1), self), QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        compute = QPushButton(self.tr("Compute"), self)
        compute.clicked.connect(self.refresh)
        export_csv = QPushButton(self.tr("Export CSV…"), self)
        export_csv.clicked.connect(lambda: self._export(self.tr("CSV files (*.csv)"), ".csv", write_csv))
        export_html = QPushButton(self.tr("Export printable HTML…"), self)
        export_html.clicked.connect(lambda: self._export(self.tr("HTML files (*.html)"), ".html", self.write_html))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.kpi_table, self.evaluation_table = QTableWidget(self), QTableWidget(self)
        self.trend, self.ranking, self.classes = pg.PlotWidget(), pg.PlotWidget(), pg.PlotWidget()
        for plot, title in (
            (self.trend, self.tr("Cases per day (reported / closed)")),
            (self.ranking, self.tr("Composite index per department")),
            (self.classes, self.tr("Cases per major class")),
        ):
            plot.setBackground("#0a1220")
            plot.setTitle(title, color="#d7e3f4")
            plot.showGrid(x=False, y=True, alpha=0.2)
            plot.setMinimumHeight(200)
        charts = QWidget(self)
        charts_layout = QHBoxLayout(charts)
        for plot in (self.trend, self.ranking, self.classes):
            charts_layout.addWidget(plot)
        tabs = QTabWidget(self)
        tabs.addTab(self.kpi_table, self.tr("KPIs"))
        tabs.addTab(self.evaluation_table, self.tr("Comprehensive evaluation"))
        controls = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Period"), self),
            self.date_from,
            QLabel(self.tr("to"), self),
            self.date_to,
            self.grouping,
            compute,
            export_csv,
            export_html,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(charts, 1)
        layout.addWidget(tabs, 1)
        self.resize(1200, 760)
        self.refresh()

    @classmethod
    def open_for(cls, state: AppState, parent: QWidget | None = None) -> KpiPanel:
        panel = cls(state, parent)
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel.show()
        return panel

    def period(self) -> tuple[datetime, datetime]:
        start: date = self.date_from.date().toPython()
        end: date = self.date_to.date().toPython() + timedelta(days=1)
        return datetime.combine(start, time(), LOCAL_TZ), datetime.combine(end, time(), LOCAL_TZ)

    def refresh(self) -> None:
        start, end = self.period()
        if self.state.database is None or end <= start:
            self.summary.setText(self.tr("Open a database and choose a period whose end is not before its start."))
            return
        by = self.grouping.currentData()
        try:
            kpis = read_kpi_overview(self.state.database, start, end, by, self.table_def)
        except (StorageError, ValueError) as exc:
            log.error("考核指标计算失败：%s", exc)
            self.summary.setText(self.tr("Cannot compute the KPIs: %1").replace("%1", str(exc)))
            return
        overall, rows, evaluation = kpis.overall, kpis.rows, kpis.evaluation
        self.report = Report(start, end, self.grouping.currentText(), self.table_def, overall, rows, evaluation)
        whole = overall[0] if overall else None
        self.summary.setText(
            self.tr("No cases in this period.")
            if whole is None
            else self.tr("%1 cases reported; composite index %2, grade %3")
            .replace("%1", str(whole.counts["reported"]))
            .replace("%2", _fmt(whole.index))
            .replace("%3", whole.grade or "—")
        )
        self._fill_kpis(overall + rows)
        self._fill_evaluation(evaluation)
        self._draw(kpis.days, kpis.departments, kpis.classes)

    def _fill(self, table: QTableWidget, header: list[str], rows: list[list[str]]) -> None:
        table.clear()
        table.setColumnCount(len(header))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(header)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.verticalHeader().hide()
        table.resizeColumnsToContents()

    def _fill_kpis(self, rows: list[KpiRow]) -> None:
        header = [
            self.tr("Scope"),
            *(d.name for d in self.table_def.counts),
            *(d.name for d in self.table_def.rates),
            self.tr("Composite index"),
            self.tr("Grade"),
        ]
        self._fill(
            self.kpi_table,
            header,
            [
                [
                    row.label,
                    *map(str, row.counts.values()),
                    *(_fmt(v, True) for v in row.rates.values()),
                    _fmt(row.index),
                    row.grade or "—",
                ]
                for row in rows
            ],
        )

    def _fill_evaluation(self, rows: list[EvaluationRow]) -> None:
        header = [self.tr("Scope"), *DIMENSIONS, self.tr("Composite index"), self.tr("Grade")]
        self._fill(
            self.evaluation_table,
            header,
            [
                [row.label, *(_fmt(row.dimensions[d]) for d in DIMENSIONS), _fmt(row.index), row.grade or "—"]
                for row in rows
            ],
        )

    def _draw(self, days, departments: list[KpiRow], classes) -> None:
        for plot in (self.trend, self.ranking, self.classes):
            plot.clear()
        xs = list(range(len(days)))
        self.trend.addLegend()
        self.trend.plot(xs, [r for _, r, _ in days], pen=pg.mkPen(_ACCENT, width=2), name=self.tr("Reported"))
        self.trend.plot(xs, [c for _, _, c in days], pen=pg.mkPen(_SECOND, width=2), name=self.tr("Closed"))
        self.trend.getAxis("bottom").setTicks(
            [[(i, d.strftime("%m-%d")) for i, (d, _, _) in enumerate(days)][:: max(1, len(days) // 6)]]
        )
        ranked = sorted((row for row in departments if row.index is not None), key=lambda r: -r.index)
        self._bars(self.ranking, [row.label for row in ranked], [row.index for row in ranked], _ACCENT)
        majors = {(e.kind, e.major_code): e.major_name for e in class_entries(self.state.database)}
        self._bars(
            self.classes,
            [f"{kind}·{majors.get((kind, code), code)}" for kind, code, _ in classes],
            [n for _, _, n in classes],
            _SECOND,
        )

    @staticmethod
    def _bars(plot: pg.PlotWidget, labels: list[str], values: list[float], colour: str) -> None:
        if values:
            plot.addItem(pg.BarGraphItem(x=list(range(len(values))), height=values, width=0.6, brush=colour))
        plot.getAxis("bottom").setTicks([list(enumerate(labels))])

    def charts(self) -> dict[str, QWidget]:
        return {
            self.tr("Cases per day"): self.trend,
            self.tr("Ranking per department"): self.ranking,
            self.tr("Distribution by class"): self.classes,
        }

    def write_html(self, report: Report, path: str) -> None:
        write_html(report, path, self.charts())

    def _export(self, file_filter: str, suffix: str, writer) -> None:
        if self.report is None:
            self.summary.setText(self.tr("Nothing to export: compute the KPIs first."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export monthly report"), "", file_filter)
        if not path:
            return
        path = path if path.endswith(suffix) else path + suffix
        try:
            writer(self.report, path)
        except OSError as exc:
            log.error("导出失败：%s", exc)
            self.summary.setText(self.tr("Export failed: %1").replace("%1", str(exc)))
            return
        self.summary.setText(self.tr("Exported to %1").replace("%1", path))
