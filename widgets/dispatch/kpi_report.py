"""The monthly 考核 report: a CSV of the figures and a printable HTML page with the charts."""

from __future__ import annotations

import base64
import csv
import html
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtWidgets import QWidget

from desktop.cases.evaluation import DIMENSIONS, EvaluationRow
from desktop.cases.kpi import KpiRow, KpiTable


def _scope() -> list[str]:
    return [QCoreApplication.translate("KpiReport", "Scope")]


def _index_grade() -> list[str]:
    return [
        QCoreApplication.translate("KpiReport", "Composite index"),
        QCoreApplication.translate("KpiReport", "Grade"),
    ]


@dataclass(frozen=True)
class Report:
    start: datetime
    end: datetime  # exclusive
    grouping: str  # its label, e.g. 按部门
    table: KpiTable
    overall: list[KpiRow]
    rows: list[KpiRow]
    evaluation: list[EvaluationRow]

    @property
    def title(self) -> str:
        last = self.end - timedelta(days=1)
        title = QCoreApplication.translate("KpiReport", "Evaluation report %1 to %2")
        return title.replace("%1", f"{self.start:%Y-%m-%d}").replace("%2", f"{last:%Y-%m-%d}")

    def kpi_header(self) -> list[str]:
        return [*_scope(), *(d.name for d in self.table.counts), *(d.name for d in self.table.rates), *_index_grade()]

    def kpi_rows(self) -> list[list[str]]:
        return [
            [
                row.label,
                *map(str, row.counts.values()),
                *("" if v is None else f"{v * 100:.1f}" for v in row.rates.values()),
                "" if row.index is None else f"{row.index:.1f}",
                row.grade or "",
            ]
            for row in self.overall + self.rows
        ]

    def evaluation_header(self) -> list[str]:
        return [*_scope(), *DIMENSIONS, *_index_grade()]

    def evaluation_rows(self) -> list[list[str]]:
        score = lambda v: "" if v is None else f"{v:.1f}"  # noqa: E731
        return [
            [row.label, *(score(row.dimensions[d]) for d in DIMENSIONS), score(row.index), row.grade or ""]
            for row in self.evaluation
        ]


def write_csv(report: Report, path: str) -> None:
    """The figures as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese); rates in %."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([report.title, report.grouping])
        writer.writerow(report.kpi_header())
        writer.writerows(report.kpi_rows())
        writer.writerow([])
        writer.writerow([QCoreApplication.translate("KpiReport", "Comprehensive evaluation")])
        writer.writerow(report.evaluation_header())
        writer.writerows(report.evaluation_rows())


def png_data_uri(widget: QWidget) -> str:
    """A widget's current look as a PNG data URI."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(bytes(data)).decode("ascii")


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def write_html(report: Report, path: str, charts: dict[str, QWidget]) -> None:
    """A self-contained printable page: the tables and the charts embedded as PNG."""
    figures = "".join(
        f"<figure><img src='{png_data_uri(w)}' alt='{html.escape(t)}'><figcaption>{html.escape(t)}"
        "</figcaption></figure>"
        for t, w in charts.items()
    )
    kpis = QCoreApplication.translate("KpiReport", "KPIs")
    charts_title = QCoreApplication.translate("KpiReport", "Charts")
    evaluation = QCoreApplication.translate("KpiReport", "Comprehensive evaluation")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(report.title)}</title>
<style>body{{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#111}}
table{{border-collapse:collapse;margin:1em 0;font-size:12px}}th,td{{border:1px solid #999;padding:3px 6px;text-align:right}}
th:first-child,td:first-child{{text-align:left}}figure{{display:inline-block;margin:0.5em}}img{{max-width:380px}}
@media print{{figure{{page-break-inside:avoid}}}}</style></head><body>
<h1>{html.escape(report.title)}</h1><p>{html.escape(report.grouping)}</p>
<h2>{html.escape(kpis)}</h2>{_table(report.kpi_header(), report.kpi_rows())}
<h2>{html.escape(charts_title)}</h2>{figures}
<h2>{html.escape(evaluation)}</h2>{_table(report.evaluation_header(), report.evaluation_rows())}
</body></html>"""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(page)
