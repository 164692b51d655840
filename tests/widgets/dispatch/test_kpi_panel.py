"""The 考核 window renders and exports the right numbers."""

import csv

from PySide6.QtCore import QDate

from desktop.cases.history_import import import_history
from tests.desktop.cases.test_history_import import GOOD, _write
from widgets.dispatch.kpi_panel import KpiPanel
from widgets.dispatch.kpi_report import write_csv


def test_kpi_panel_renders_and_exports(gui_app, qtbot, state, tmp_path):
    import_history(state.database, _write(tmp_path, GOOD))
    panel = KpiPanel(state)
    qtbot.addWidget(panel)
    panel.date_from.setDate(QDate(2026, 11, 1))
    panel.date_to.setDate(QDate(2026, 11, 30))
    panel.refresh()
    panel.show()
    qtbot.waitExposed(panel)
    assert "上报案件 3 件" in panel.summary.text()
    assert panel.kpi_table.item(0, 0).text() == "全部" and panel.kpi_table.item(0, 1).text() == "3"
    assert panel.grab().save("/tmp/dispatch_kpi_panel.png")
    csv_path, html_path = tmp_path / "r.csv", tmp_path / "r.html"
    write_csv(panel.report, str(csv_path))
    panel.write_html(panel.report, str(html_path))
    rows = list(csv.reader(csv_path.open(encoding="utf-8-sig")))
    assert rows[0][0] == "考核报告（2026-11-01 至 2026-11-30）"
    assert rows[2][:3] == ["全部", "3", "2"]
    page = html_path.read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 3 and "综合评价" in page and "<td>全部</td><td>3</td>" in page
