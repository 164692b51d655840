"""The emergency dock: activating from the library, the incident panel's checklist and actions, a GUI drill."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from desktop.emergency.incident import IncidentService
from desktop.emergency.samples import city_centre
from desktop.storage.models import Case, EmergencyPlan
from widgets.emergency.emergency_panel import EmergencyPanel
from widgets.emergency.incident_panel import OVERDUE, IncidentPanel, ReasonDialog, TextDialog
from widgets.emergency.plan_library import ActivateDialog


@pytest.fixture
def panel(state, qtbot):
    widget = EmergencyPanel(state)
    widget.resize(560, 900)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _activate_flood(state, started=None, drill=False):
    with state.database.session() as session:
        plan_id = session.scalar(select(EmergencyPlan.id).where(EmergencyPlan.code == "YA-FX-001"))
        x, y = city_centre(session)
    clock = (lambda: started) if started else (lambda: datetime.now(UTC))
    return IncidentService(state.database, clock=clock).activate(
        plan_id, "III", x, y, "值班长王伟", reason="两处下穿通道积水", is_drill=drill
    )


def test_activate_from_the_library(panel, state, monkeypatch):
    library = panel.library
    library.table.selectRow(next(i for i, p in enumerate(library.plans) if p["code"] == "YA-FX-001"))

    def fill(dialog):
        dialog.level_box.setCurrentIndex(dialog.levels.index("III"))
        state.sig_map_clicked.emit(118.2912, 33.9611, 0.0001)
        dialog.reason.setText("黄河路下穿通道积水 35 厘米")
        return True

    monkeypatch.setattr(ActivateDialog, "exec", fill)
    library.activate_selected()
    incident = panel.incident
    assert panel.tabs.currentIndex() == 1 and incident.view.level == "III"
    assert (incident.view.x, incident.view.y) == (118.2912, 33.9611)
    assert state.selection == (("activation", incident.view.id),)
    assert "黄河路下穿通道积水 35 厘米" in incident.log.item(0).text()


def test_incident_panel_checklist_and_actions(panel, state, qtbot, monkeypatch, screenshot):
    started = datetime.now(UTC) - timedelta(minutes=17)
    activation = _activate_flood(state, started)
    panel.show_activation(activation)
    incident: IncidentPanel = panel.incident
    assert incident.title.text() == "城区防汛排涝应急预案（较大（III级））"
    assert incident.level.text() == "较大（III级）" and incident.drill_badge.isHidden()
    assert incident.elapsed.text().startswith("已历时 17:")
    assert incident.steps.rowCount() == 6 and incident.group.rowCount() == 5
    red = [r for r in range(6) if incident.steps.item(r, 0).foreground().color() == OVERDUE]
    assert red == [0, 1, 2]  # 5, 15, 15 minutes have passed; 20 and 30 not yet
    incident.operator.setText("值班长王伟")
    incident.steps.selectRow(0)
    qtbot.mouseClick(incident.buttons["tick"], Qt.MouseButton.LeftButton)
    assert incident.steps.item(0, 4).text().endswith("值班长王伟")
    incident.steps.selectRow(1)
    qtbot.mouseClick(incident.buttons["dispatch"], Qt.MouseButton.LeftButton)
    case_no = incident.steps.item(1, 5).text()
    with state.database.session() as session:
        case = session.scalar(select(Case).where(Case.case_no == case_no))
        assert (case.source, case.stage, case.is_drill) == ("领导交办", "任务派遣", False)
    incident.note.setText("现场积水 35 厘米，已封闭下穿通道")
    incident.add_note()
    assert incident.log.item(incident.log.count() - 1).text().endswith("值班长王伟：现场积水 35 厘米，已封闭下穿通道")
    flown = []
    state.sig_fly_to.connect(flown.append)
    incident.locate()
    assert flown and flown[0][0] < incident.view.x < flown[0][2]
    assert incident.resources.rowCount() == 6 and incident.resources.item(0, 2).text().endswith("米")
    assert all(incident.cameras.item(i).text().startswith(("CAM-", "区域内")) for i in range(incident.cameras.count()))
    incident.tabs.setCurrentIndex(0)
    screenshot(panel, "incident_panel")
    incident.tabs.setCurrentIndex(2)
    screenshot(panel, "incident_log")

    def reason(text, level=None):
        def fill(dialog):
            if level:
                dialog.choice.setCurrentIndex(level)
            dialog.reason.setPlainText(text)
            return True

        return fill

    monkeypatch.setattr(ReasonDialog, "exec", reason("积水扩大到三处，深度超过 50 厘米", 1))
    incident.change_level()
    assert incident.view.level == "II" and any(s.level == "II" for s in incident.view.steps)
    shown = []
    monkeypatch.setattr(TextDialog, "exec", lambda dialog: shown.append(dialog.text.toPlainText()))
    incident.show_summary()
    assert shown[0].startswith("【后期处置总结】") and "升级" in shown[0]
    monkeypatch.setattr(ReasonDialog, "exec", reason("积水排除，交通恢复"))
    incident.terminate()
    assert incident.view.ended_at is not None and not incident.buttons["tick"].isEnabled()
    assert "【已终止】" in incident.picker.currentText()


def test_errors_are_shown_not_raised(panel, state, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text)))
    panel.show_activation(_activate_flood(state))
    panel.incident.steps.selectRow(0)
    panel.incident.dispatch_step()  # the 值班长's step names no department
    assert warnings and "处置部门" in warnings[0]


def test_gui_drill_with_pause_and_report(panel, state, qtbot, screenshot):
    drill = panel.drill
    drill.scenarios.setCurrentIndex(
        next(i for i in range(drill.scenarios.count()) if drill.scenarios.itemData(i)["code"] == "rainstorm-underpass")
    )
    drill.speed.setValue(3600)
    drill.auto.setChecked(True)
    drill.start()
    assert not drill.badge.isHidden() and drill.runner is not None
    drill.toggle_pause()
    assert drill.buttons["pause"].text() == "继续"
    drill.toggle_pause()
    qtbot.waitUntil(lambda: panel.incident.view is not None and panel.incident.view.is_drill, timeout=5000)
    assert panel.tabs.currentIndex() == 1 and panel.incident.drill_badge.isVisible()
    screenshot(panel, "incident_drill")
    qtbot.waitUntil(lambda: drill.report is not None, timeout=10_000)
    assert drill.report["figures"]["time_to_activate_s"] == 540
    assert "演练评估报告" in drill.report_view.toPlainText()
    panel.show_page(drill)
    screenshot(panel, "drill_report")
