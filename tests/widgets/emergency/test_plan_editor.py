"""The plan editor and the plan library driven like a user would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import select

from desktop.emergency.plans import validate
from desktop.storage.models import EmergencyPlan
from widgets.emergency.plan_editor import PlanEditor
from widgets.emergency.plan_library import PlanLibrary


def _flood(library):
    return next(p for p in library.plans if p["code"] == "YA-FX-001")


def test_editor_shows_and_edits_a_plan(state, qtbot, screenshot):
    library = PlanLibrary(state)
    plan = {k: v for k, v in _flood(library).items() if k != "id"}
    editor = PlanEditor(plan)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.name.text() == "城区防汛排涝应急预案" and editor.plan_type.currentText() == "防汛排涝"
    assert editor.section_text.toPlainText().startswith("建立健全城区防汛排涝应急机制")
    editor.section_list.setCurrentRow(2)
    assert editor.section_text.toPlainText().startswith("适用于本市建成区")
    editor.section_text.setPlainText("适用于测试区。")
    level = editor.levels["III"]
    assert level.trigger.kinds.text() == "水位超限" and level.trigger.threshold.value() == 0.3
    assert level.steps.table.rowCount() == 6 and level.group.table.rowCount() == 5
    level.steps.add_row({"owner": "值班长", "action": "续报进展", "deadline_min": 60.0, "confirm": False})
    level.steps.table.setCurrentCell(6, 0)
    level.steps.move_row(-1)
    editor.levels["I"].enabled.setChecked(False)
    editor.tabs.setCurrentIndex(2)
    screenshot(editor, "plan_editor")
    data = validate(editor.plan_data())
    assert data["sections"]["scope"] == "适用于测试区。"
    assert [lv["level"] for lv in data["levels"]] == ["II", "III", "IV"]
    steps = next(lv for lv in data["levels"] if lv["level"] == "III")["steps"]
    assert steps[5] == {
        "owner": "值班长",
        "action": "续报进展",
        "deadline_min": 60.0,
        "confirm": False,
        "department": None,
    }
    assert {k: v for k, v in data.items() if k not in ("sections", "levels")} == {
        k: v for k, v in plan.items() if k not in ("sections", "levels")
    }


def test_an_incomplete_plan_is_refused(gui_app, qtbot, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text)))
    editor = PlanEditor()
    qtbot.addWidget(editor)
    editor.code.setText("YA-TEST")
    editor.accept()
    assert warnings == ["预案缺少字段：name"] and not editor.result()
    editor.name.setText("测试预案")
    editor.levels["IV"].steps.add_row({"owner": "值班长", "action": "到场核实", "deadline_min": 10.0})
    editor.accept()
    assert editor.result() == PlanEditor.DialogCode.Accepted


def test_library_saves_a_new_plan(state, qtbot, monkeypatch):
    library = PlanLibrary(state)
    qtbot.addWidget(library)
    assert [p["code"] for p in library.plans] == ["YA-FX-001", "YA-QX-003", "YA-RQ-004", "YA-SZ-002"]

    def author(editor):
        editor.code.setText("YA-ZZ-009")
        editor.name.setText("广场人群聚集应急预案")
        editor.levels["IV"].steps.add_row({"owner": "值班长", "action": "调取视频核实人数", "deadline_min": 5.0})
        return True

    monkeypatch.setattr(PlanEditor, "exec", author)
    new = next(b for b in library.findChildren(QPushButton) if b.text() == "新建…")
    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)
    with state.database.session() as session:
        plan = session.scalar(select(EmergencyPlan).where(EmergencyPlan.code == "YA-ZZ-009"))
        assert plan.name == "广场人群聚集应急预案" and plan.levels[0].steps[0]["action"] == "调取视频核实人数"
    assert library.table.rowCount() == 5
