"""The drill scenario editor: injects and scripted responses as two tables."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.emergency.scenarios import ACTIONS, FORMAT, INJECT_TYPES, VERSION, ScenarioError, validate
from widgets.dialog_buttons import dialog_buttons
from widgets.emergency.row_table import Column, RowTable

_TABLE_ONLY = ("east_m", "north_m", "metric", "value")
_INJECT_TYPES = tuple((code, f"{name}（{source}）") for code, (source, name) in INJECT_TYPES.items())


def _inject_row(inject: dict) -> dict:
    east, north = inject.get("at_m", (0, 0))
    payload = inject.get("payload") or {}
    return {**inject, "east_m": east, "north_m": north, "metric": payload.get("metric"), "value": payload.get("value")}


def _inject(row: dict) -> dict:
    """A table row (offsets and reading in columns) → a scenario inject."""
    inject = {k: v for k, v in row.items() if k not in _TABLE_ONLY and v is not None}
    inject.update(at_m=[row["east_m"], row["north_m"]], level=int(row.get("level") or 2))
    if row["metric"]:
        inject["payload"] = {"metric": row["metric"], "value": row["value"]}
    return inject


class ScenarioEditor(QDialog):
    """Author a scenario; :meth:`scenario_data` is it in the file format once accepted."""

    def __init__(self, scenario: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Drill scenario"))
        self.resize(980, 640)
        self.base = scenario or {}
        self.code, self.name, self.plan = QLineEdit(), QLineEdit(), QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(70)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Plan code"), self.plan)
        form.addRow(self.tr("Description"), self.description)
        self.injects = RowTable(
            [
                Column("t_min", self.tr("Minute"), "number"),
                Column("type", self.tr("Type"), "choice", choices=_INJECT_TYPES),
                Column("kind", self.tr("Alarm kind")),
                Column("level", self.tr("Level"), "number"),
                Column("east_m", self.tr("East (m)"), "number"),
                Column("north_m", self.tr("North (m)"), "number"),
                Column("metric", self.tr("Metric")),
                Column("value", self.tr("Reading"), "number"),
                Column("message", self.tr("Message"), stretch=True),
            ]
        )
        self.participant = RowTable(
            [
                Column("t_min", self.tr("Minute"), "number"),
                Column("action", self.tr("Action"), "choice", choices=tuple(ACTIONS.items())),
                Column("actor", self.tr("Who")),
                Column("level", self.tr("Level")),
                Column("step", self.tr("Step"), "number"),
                Column("reason", self.tr("Reason / text"), stretch=True),
            ]
        )
        tabs = QTabWidget()
        tabs.addTab(self.injects, self.tr("Injects"))
        tabs.addTab(self.participant, self.tr("Scripted responses"))
        buttons = dialog_buttons(self, self.tr("Save"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.code.setText(self.base.get("code", ""))
        self.name.setText(self.base.get("name", ""))
        self.plan.setText(self.base.get("plan", ""))
        self.description.setPlainText(self.base.get("description", ""))
        self.injects.set_rows([_inject_row(i) for i in self.base.get("injects", [])])
        self.participant.set_rows(
            [{**a, "reason": a.get("reason") or a.get("text")} for a in self.base.get("participant", [])]
        )

    def scenario_data(self) -> dict:
        participant = []
        for row in self.participant.rows():
            text_key = "text" if row["action"] == "note" else "reason"
            record = {k: v for k, v in row.items() if v not in (None, 0.0) or k == "t_min"}
            if "reason" in record:
                record[text_key] = record.pop("reason")
            if "step" in record:
                record["step"] = int(record["step"])
            participant.append(record)
        injects = [_inject(row) for row in self.injects.rows()]
        return {
            **self.base,
            "format": FORMAT,
            "version": VERSION,
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "plan": self.plan.text().strip(),
            "description": self.description.toPlainText().strip(),
            "injects": injects,
            "participant": participant,
        }

    def accept(self) -> None:
        try:
            validate(self.scenario_data())
        except ScenarioError as exc:
            QMessageBox.warning(self, self.tr("Scenario incomplete"), str(exc))
            return
        super().accept()
