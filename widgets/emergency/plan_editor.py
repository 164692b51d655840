"""The plan editor: plan text by section, and per level its criteria, trigger, command group and steps."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.emergency.plans import (
    FORMAT,
    LEVEL_NAMES,
    PLAN_LEVELS,
    PLAN_TYPES,
    SECTIONS,
    VERSION,
    PlanFormatError,
    validate,
)
from widgets.dialog_buttons import dialog_buttons
from widgets.emergency.row_table import Column, RowTable

_SEPARATORS = str.maketrans({",": "、", "，": "、", ";": "、", "；": "、"})


class TriggerForm(QGroupBox):
    """The machine-readable criteria of a level (no alarm kinds: the level is only activated by hand)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Automatic proposal (alarm criteria)"))
        self.kinds = QLineEdit()
        self.kinds.setPlaceholderText(self.tr("alarm kinds separated by 、 — empty: by hand only"))
        self.metric_edit = QLineEdit()
        self.threshold = QDoubleSpinBox(decimals=2, maximum=1e6)
        self.threshold.setSpecialValueText(self.tr("none"))
        self.count = QSpinBox(minimum=1, maximum=999)
        self.radius = QSpinBox(minimum=10, maximum=50_000, singleStep=100, suffix=self.tr(" m"))
        self.window_min = QSpinBox(minimum=1, maximum=24 * 60, suffix=self.tr(" min"))
        form = QFormLayout(self)
        form.addRow(self.tr("Alarm kinds"), self.kinds)
        form.addRow(self.tr("Reading (metric)"), self.metric_edit)
        form.addRow(self.tr("Reading at least"), self.threshold)
        row = QHBoxLayout()
        for widget in (
            self.count,
            QLabel(self.tr("alarms within"), self),
            self.radius,
            QLabel(self.tr("in the last"), self),
            self.window_min,
        ):
            row.addWidget(widget)
        row.addStretch()
        form.addRow(self.tr("At least"), row)

    def set_trigger(self, trigger: dict | None) -> None:
        trigger = trigger or {}
        self.kinds.setText("、".join(trigger.get("alarm_kinds") or []))
        self.metric_edit.setText(trigger.get("metric") or "")
        self.threshold.setValue(trigger.get("threshold") or 0)
        self.count.setValue(int(trigger.get("min_count") or 1))
        self.radius.setValue(int(trigger.get("radius_m") or 1000))
        self.window_min.setValue(int(trigger.get("window_min") or 60))

    def trigger(self) -> dict | None:
        kinds = [k.strip() for k in self.kinds.text().translate(_SEPARATORS).split("、") if k.strip()]
        if not kinds:
            return None
        return {
            "alarm_kinds": kinds,
            "metric": self.metric_edit.text().strip() or None,
            "threshold": self.threshold.value() or None,
            "min_count": self.count.value(),
            "radius_m": float(self.radius.value()),
            "window_min": float(self.window_min.value()),
        }


class LevelEditor(QWidget):
    """One response level: in use or not, criteria, trigger, command group, ordered steps."""

    def __init__(self, level: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.level = level
        self.enabled = QCheckBox(self.tr("This plan has this response level"))
        self.criteria = QPlainTextEdit()
        self.criteria.setPlaceholderText(self.tr("Activation criteria as written in the plan"))
        self.criteria.setMaximumHeight(60)
        self.trigger = TriggerForm()
        self.group = RowTable(
            [
                Column("role", self.tr("Role")),
                Column("name", self.tr("Name")),
                Column("phone", self.tr("Phone")),
                Column("radio", self.tr("Radio"), stretch=True),
            ]
        )
        self.steps = RowTable(
            [
                Column("owner", self.tr("Owner")),
                Column("action", self.tr("Action"), stretch=True),
                Column("deadline_min", self.tr("Deadline (min)"), "number"),
                Column("confirm", self.tr("Confirm"), "check"),
                Column("department", self.tr("Department")),
            ]
        )
        tabs = QTabWidget()
        tabs.addTab(self.steps, self.tr("Response steps"))
        tabs.addTab(self.group, self.tr("Command group"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addWidget(self.criteria)
        layout.addWidget(self.trigger)
        layout.addWidget(tabs, 1)
        self.enabled.toggled.connect(lambda on: [w.setEnabled(on) for w in (self.criteria, self.trigger, tabs)])
        self.enabled.setChecked(True)

    def set_level(self, data: dict | None) -> None:
        self.enabled.setChecked(data is not None)
        data = data or {}
        self.criteria.setPlainText(data.get("criteria", ""))
        self.trigger.set_trigger(data.get("trigger"))
        self.group.set_rows(data.get("command_group") or [])
        self.steps.set_rows(data.get("steps") or [])

    def level_data(self) -> dict | None:
        if not self.enabled.isChecked():
            return None
        return {
            "level": self.level,
            "criteria": self.criteria.toPlainText().strip(),
            "trigger": self.trigger.trigger(),
            "command_group": self.group.rows(),
            "steps": self.steps.rows(),
        }


class PlanEditor(QDialog):
    """Author or edit a plan; :meth:`plan_data` is the plan in the file format once accepted."""

    def __init__(self, plan: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Emergency plan"))
        self.resize(980, 720)
        self.code, self.name = QLineEdit(), QLineEdit()
        self.plan_type = QComboBox(editable=True)
        self.plan_type.addItems(PLAN_TYPES)
        header = QFormLayout()
        header.addRow(self.tr("Code"), self.code)
        header.addRow(self.tr("Name"), self.name)
        header.addRow(self.tr("Type"), self.plan_type)
        self.sections = {key: "" for key, _ in SECTIONS}
        self.section_list = QListWidget()
        self.section_list.addItems([title for _, title in SECTIONS])
        self.section_list.setMaximumWidth(170)
        self.section_text = QPlainTextEdit()
        self.section_list.currentRowChanged.connect(self._show_section)
        self.section_text.textChanged.connect(self._store_section)
        text = QSplitter()
        text.addWidget(self.section_list)
        text.addWidget(self.section_text)
        text.setStretchFactor(1, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(text, self.tr("Plan text"))
        self.levels = {level: LevelEditor(level) for level in PLAN_LEVELS}
        for level, editor in self.levels.items():
            self.tabs.addTab(editor, LEVEL_NAMES[level])
        buttons = dialog_buttons(self, self.tr("Save"))
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.set_plan(plan or {"levels": [{"level": "IV"}]})

    def set_plan(self, plan: dict) -> None:
        self.code.setText(plan.get("code", ""))
        self.name.setText(plan.get("name", ""))
        self.plan_type.setCurrentText(plan.get("type", PLAN_TYPES[0]))
        self.sections = {key: (plan.get("sections") or {}).get(key, "") for key, _ in SECTIONS}
        by_level = {lv["level"]: lv for lv in plan.get("levels") or []}
        for level, editor in self.levels.items():
            editor.set_level(by_level.get(level))
        self.section_list.setCurrentRow(0)
        self._show_section(0)

    def plan_data(self) -> dict:
        levels = [data for editor in self.levels.values() if (data := editor.level_data())]
        return {
            "format": FORMAT,
            "version": VERSION,
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "type": self.plan_type.currentText().strip(),
            "sections": dict(self.sections),
            "levels": levels,
        }

    def accept(self) -> None:
        try:
            validate(self.plan_data())
        except PlanFormatError as exc:
            QMessageBox.warning(self, self.tr("Plan incomplete"), str(exc))
            return
        super().accept()

    def _show_section(self, row: int) -> None:
        if 0 <= row < len(SECTIONS):
            self.section_text.blockSignals(True)
            self.section_text.setPlainText(self.sections[SECTIONS[row][0]])
            self.section_text.blockSignals(False)

    def _store_section(self) -> None:
        row = self.section_list.currentRow()
        if 0 <= row < len(SECTIONS):
            self.sections[SECTIONS[row][0]] = self.section_text.toPlainText()
