"""The case dock and dialogs driven through a whole case on a real SQLite file."""

from datetime import UTC
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialog

from layers.point_table import CaseLayer
from tests.widgets.dispatch.conftest import INSIDE, open_state
from widgets.dispatch.action_dialogs import DispatchDialog, FeedbackDialog
from widgets.dispatch.case_panel import CasePanel
from widgets.dispatch.register_dialog import RegisterDialog


def _panel(qtbot, state) -> CasePanel:
    panel = CasePanel(state)
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    panel.show()
    return panel


def _act(panel: CasePanel, seat: str, action: str, photos=()):
    panel.seat.select_code(seat)
    assert action in panel.action_buttons(), panel.action_buttons()
    dialog = panel.open_action(action)
    for photo in photos:
        (dialog.before if isinstance(dialog, FeedbackDialog) else dialog.photos).add_paths([photo])
    dialog.comment.setPlainText(f"{action}说明")
    dialog.ok_button.click()
    return dialog


def _register(qtbot, panel: CasePanel, photo: str) -> int:
    panel.pick_button.setChecked(True)
    panel.state.sig_map_clicked.emit(*INSIDE, 0.0001)
    dialog = panel.active_dialog
    assert isinstance(dialog, RegisterDialog) and not panel.pick_button.isChecked()
    assert dialog.location.isChecked() and abs(dialog.lon.value() - INSIDE[0]) < 1e-6
    dialog.seat.select_code("S03")
    dialog.source.setCurrentText("监督员上报")
    dialog.classes.search.setText("井盖")
    dialog.classes.select("部件", "0101")
    dialog.description.setPlainText("上水井盖破损")
    dialog.photos.add_paths([photo])
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    return panel.current.id


def test_a_case_goes_from_registration_to_closing(gui_app, qtbot, state, tmp_path):
    photo = str(tmp_path / "p.jpg")
    Path(photo).write_bytes(b"jpg")
    panel = _panel(qtbot, state)
    flown = []
    state.sig_fly_to.connect(flown.append)
    case_id = _register(qtbot, panel, photo)
    assert state.selection == (("case", case_id),)
    assert panel.current.stage == "信息采集" and panel.current.class_code == "0101"
    assert panel.current.grid_code == "32130200100101"
    case_layer = next(layer for layer in state.layers if isinstance(layer, CaseLayer))
    assert case_layer.keys.tolist() == [case_id] and case_layer.column("stage").tolist() == ["信息采集"]

    _act(panel, "S02", "立案")
    assert panel.current.stage == "案件建立" and case_layer.column("stage").tolist() == ["案件建立"]
    panel.seat.select_code("S01")
    dispatch = panel.open_action("派遣")
    assert isinstance(dispatch, DispatchDialog)
    assert dispatch.department.currentText() == "市政处"  # 0101 井盖 → 市政 by the class table's prefix
    assert "工作时" in dispatch.deadline.text()
    dispatch.ok_button.click()
    assert panel.current.stage == "任务派遣" and panel.current.department_id == 1
    _act(panel, "S04", "接收")
    _act(panel, "S04", "反馈", photos=[photo])
    assert panel.current.stage == "处理反馈"
    _act(panel, "S03", "核查通过")
    _act(panel, "S02", "结案")
    assert panel.current.stage == "已结案" and len(case_layer) == 0  # closed cases leave the map
    actions = [panel.detail.timeline.topLevelItem(i).text(1) for i in range(panel.detail.timeline.topLevelItemCount())]
    assert actions == ["上报", "立案", "派遣", "接收", "反馈", "核查通过", "结案"]
    assert "已结案 1" in panel.counts.text()

    # selecting the case in the list sets the selection and flies the map there
    state.set_selection(())
    panel.table.setCurrentIndex(QModelIndex())
    panel.table.selectRow(0)
    assert state.selection == (("case", case_id),) and flown


def test_a_refused_action_shows_the_chinese_reason(gui_app, qtbot, state, tmp_path):
    panel = _panel(qtbot, state)
    photo = str(tmp_path / "p.jpg")
    case_id = _register(qtbot, panel, photo)
    for seat, action in (("S02", "立案"), ("S01", "派遣"), ("S04", "接收")):
        _act(panel, seat, action)
    dialog = _act(panel, "S04", "反馈")  # no photos
    assert dialog.isVisible() and dialog.error.text() == "“反馈”须附现场照片"
    assert panel.service.state(case_id).stage == "任务处理"
    panel.seat.select_code("S03")
    assert "反馈" not in panel.action_buttons()


def test_two_seats_on_one_case_one_gets_the_concurrency_message(gui_app, qtbot, state, city_path, tmp_path):
    first = _panel(qtbot, state)
    case_id = _register(qtbot, first, str(tmp_path / "p.jpg"))
    other_state = open_state(city_path)
    second = _panel(qtbot, other_state)
    other_state.set_selection((("case", case_id),))
    assert second.current.id == case_id
    first.seat.select_code("S02")
    second.seat.select_code("S02")
    stale = second.open_action("立案")
    _act(first, "S02", "立案")
    stale.ok_button.click()
    assert "已被其他坐席处理" in second.message.text()
    assert second.current.stage == "案件建立"  # refreshed to the fresh state
    other_state.close()


def test_a_drill_case_is_marked(gui_app, qtbot, state):
    panel = _panel(qtbot, state)
    dialog = panel.open_register(*INSIDE)
    dialog.seat.select_code("S01")
    dialog.source.setCurrentText("12345热线")
    dialog.drill.setChecked(True)
    dialog.description.setPlainText("演练：占道经营")
    dialog.ok_button.click()
    assert panel.model.data(panel.model.index(0, 0)).startswith("【演练】YL")
    assert "【演练】" in panel.detail.summary.text()


def test_registration_without_a_description_is_refused_in_chinese(gui_app, qtbot, state):
    panel = _panel(qtbot, state)
    dialog = panel.open_register()
    dialog.seat.select_code("S01")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error.text() == "请填写问题描述或选择案件类别。"


def test_the_dock_and_a_dialog_render(gui_app, qtbot, state, tmp_path):
    panel = _panel(qtbot, state)
    case_id = _register(qtbot, panel, str(tmp_path / "p.jpg"))
    _act(panel, "S02", "立案")
    panel.seat.select_code("S01")
    dispatch = panel.open_action("派遣")
    qtbot.waitExposed(dispatch)
    qtbot.wait(50)  # let the layouts settle before rendering
    assert panel.grab().save("/tmp/dispatch_case_dock.png")
    assert dispatch.grab().save("/tmp/dispatch_dispatch_dialog.png")
    register = panel.open_register(*INSIDE)
    qtbot.waitExposed(register)
    assert register.grab().save("/tmp/dispatch_register_dialog.png")
    assert case_id


def test_a_case_from_an_alarm_is_prefilled(gui_app, qtbot, state):
    from datetime import datetime

    from desktop.storage.models import Alarm
    from widgets.dispatch.register_dialog import open_case_from_alarm

    with state.database.session() as session, session.begin():
        session.add(
            Alarm(
                id=7,
                stream="t",
                seq=1,
                kind="井盖位移",
                source="物联感知",
                x=INSIDE[0],
                y=INSIDE[1],
                ts=datetime.now(UTC),
                message="井盖位移报警",
            )
        )
    panel = _panel(qtbot, state)
    dialog = open_case_from_alarm(state, 7)
    qtbot.addWidget(dialog)
    assert dialog.description.toPlainText() == "井盖位移报警" and dialog.source.currentText() == "物联感知"
    assert dialog.location.isChecked() and abs(dialog.lat.value() - INSIDE[1]) < 1e-6
    dialog.seat.select_code("S01")
    dialog.ok_button.click()
    assert panel.current is not None and panel.current.alarm_id == 7  # the dock follows the selection
    with state.database.session() as session:
        assert session.get(Alarm, 7).status == "已转案件"
    missing = open_case_from_alarm(state, 99)
    qtbot.addWidget(missing)
    assert missing.error.text() == "报警 99 不存在。" and not missing.ok_button.isEnabled()


def test_an_extension_request_waits_for_approval(gui_app, qtbot, state, tmp_path):
    panel = _panel(qtbot, state)
    _register(qtbot, panel, str(tmp_path / "p.jpg"))
    for seat, action in (("S02", "立案"), ("S01", "派遣"), ("S04", "接收")):
        _act(panel, seat, action)
    limit = panel.current.limit_s
    panel.seat.select_code("S04")
    dialog = panel.open_action("延期")
    dialog.amount.setValue(2)
    dialog.ok_button.click()
    assert panel.current.pending_action == "延期" and "延期待批" in panel.model.data(panel.model.index(0, 1))
    panel.seat.select_code("S04")
    assert panel.action_buttons() == []
    _act(panel, "S02", "批准")
    assert panel.current.pending_action is None and panel.current.limit_s == limit + 2 * 3600


def test_the_dock_follows_a_case_written_by_another_seat(gui_app, qtbot, state):
    import threading

    from desktop.cases.service import CaseService
    from desktop.cases.workflow import Actor

    def report():  # in a worker thread, as a second seat's write reaches this one
        CaseService(state.database).report(
            Actor("张伟", "监督员"), "S03", source="监督员上报", description="路灯不亮", x=INSIDE[0], y=INSIDE[1]
        )

    panel = _panel(qtbot, state)
    assert panel.model.rowCount() == 0
    writer = threading.Thread(target=report)
    writer.start()
    writer.join()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    case_layer = next(layer for layer in state.layers if isinstance(layer, CaseLayer))
    assert len(case_layer) == 1
