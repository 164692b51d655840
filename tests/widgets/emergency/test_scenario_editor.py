"""The drill scenario editor shows inject types and actions by their Chinese names and saves codes."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from desktop.emergency.scenarios import find_scenario, validate
from widgets.emergency.scenario_editor import ScenarioEditor


def test_types_and_actions_read_in_chinese_and_round_trip(qtbot, screenshot):
    scenario = find_scenario("rainstorm-underpass")
    editor = ScenarioEditor(scenario)
    qtbot.addWidget(editor)
    editor.show()
    injects, actions = editor.injects.table, editor.participant.table
    shown = {injects.item(r, 1).text() for r in range(injects.rowCount())}
    assert shown and all("（" in text for text in shown)  # 传感读数（物联感知）, not "reading"
    assert {actions.item(r, 1).text() for r in range(actions.rowCount())} <= {
        "确认告警",
        "启动预案",
        "完成步骤",
        "派遣任务",
        "调整级别",
        "记录",
        "发布预警",
        "终止响应",
        "结束演练",
    }
    assert editor.scenario_data()["injects"] == validate(scenario)["injects"]

    index = injects.model().index(0, 1)  # pick 市民来电 from the drop-down
    injects.edit(index)
    combo = injects.findChild(QComboBox)
    combo.setCurrentIndex(combo.findData("call"))
    injects.commitData(combo)
    assert injects.item(0, 1).text() == "市民来电（12345热线）"
    assert injects.item(0, 1).data(Qt.ItemDataRole.UserRole) == "call"
    assert editor.scenario_data()["injects"][0]["type"] == "call"
    screenshot(editor, "scenario_editor")
