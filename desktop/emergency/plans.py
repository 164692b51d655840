"""The plan file format (JSON, see docs/emergency-plan-format.md): export, validate, import.

A plan is a dict ``{format, version, code, name, type, sections, levels}``; each level has its
text criteria, optional machine-readable ``trigger`` (:mod:`desktop.emergency.criteria`), command
group (roles → people) and ordered response steps.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage.models import PLAN_LEVELS, EmergencyPlan, PlanLevel

FORMAT, VERSION = "cityops-emergency-plan", 1
#: (key, title) of the plan sections, in template order.
SECTIONS = (
    ("purpose", "预案目的"),
    ("basis", "编制依据"),
    ("scope", "适用范围"),
    ("organisation", "组织指挥体系"),
    ("duties", "职责分工"),
    ("warning", "预警及预防机制"),
    ("response", "应急响应"),
    ("aftermath", "后期处置"),
    ("support", "保障措施"),
)
PLAN_TYPES = ("防汛排涝", "防震减灾", "市政设施", "公共安全", "极端天气", "环境卫生", "其他")
LEVEL_NAMES = {"I": "特大（I级）", "II": "重大（II级）", "III": "较大（III级）", "IV": "一般（IV级）"}
COMMAND_FIELDS = ("role", "name", "phone", "radio")


class PlanFormatError(ValueError):
    """A plan file that cannot be read; ``str()`` is a Chinese reason."""


def plan_to_dict(plan: EmergencyPlan) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "code": plan.code,
        "name": plan.name,
        "type": plan.plan_type,
        "sections": {key: plan.sections.get(key, "") for key, _ in SECTIONS},
        "levels": [
            {
                "level": lv.level,
                "criteria": lv.criteria,
                "trigger": lv.trigger,
                "command_group": lv.command_group,
                "steps": lv.steps,
            }
            for lv in sorted(plan.levels, key=lambda lv: PLAN_LEVELS.index(lv.level))
        ],
    }


def validate(data: dict) -> dict:
    """The plan normalised (missing optional fields filled in), or PlanFormatError."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFormatError(f"不是应急预案文件（format 应为 {FORMAT}）")
    if data.get("version") != VERSION:
        raise PlanFormatError(f"不支持的预案文件版本：{data.get('version')}")
    for key in ("code", "name", "type"):
        if not str(data.get(key) or "").strip():
            raise PlanFormatError(f"预案缺少字段：{key}")
    levels = data.get("levels") or []
    seen = [lv.get("level") for lv in levels]
    if not levels or any(lv not in PLAN_LEVELS for lv in seen) or len(set(seen)) != len(seen):
        raise PlanFormatError("预案须含响应级别（I、II、III、IV，各至多一次）")
    return {
        **data,
        "sections": {key: str((data.get("sections") or {}).get(key, "")) for key, _ in SECTIONS},
        "levels": [_level(lv) for lv in levels],
    }


def _level(level: dict) -> dict:
    steps = []
    for index, step in enumerate(level.get("steps") or [], 1):
        if not step.get("action") or not step.get("owner"):
            raise PlanFormatError(f"{level['level']}级第 {index} 步须有责任人与内容")
        steps.append(
            {
                "owner": step["owner"],
                "action": step["action"],
                "deadline_min": float(step.get("deadline_min") or 0),
                "confirm": bool(step.get("confirm", True)),
                "department": step.get("department") or None,
            }
        )
    group = [
        {field: str(member.get(field) or "") for field in COMMAND_FIELDS} for member in level.get("command_group") or []
    ]
    return {
        "level": level["level"],
        "criteria": str(level.get("criteria") or ""),
        "trigger": level.get("trigger"),
        "command_group": group,
        "steps": steps,
    }


def save_plan(session: Session, data: dict) -> EmergencyPlan:
    """Create or replace (by code) the plan described by ``data``; the caller commits."""
    data = validate(data)
    plan = session.scalar(select(EmergencyPlan).where(EmergencyPlan.code == data["code"]))
    if plan is None:
        plan = EmergencyPlan(code=data["code"])
        session.add(plan)
    plan.name, plan.plan_type, plan.sections = data["name"], data["type"], data["sections"]
    plan.levels.clear()
    session.flush()  # old levels go before new ones take their (plan, level) keys
    plan.levels = [
        PlanLevel(
            level=lv["level"],
            criteria=lv["criteria"],
            trigger=lv["trigger"],
            command_group=lv["command_group"],
            steps=lv["steps"],
        )
        for lv in data["levels"]
    ]
    session.flush()
    return plan


def read_plan_file(path: str | Path) -> dict:
    try:
        return validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise PlanFormatError(f"无法读取预案文件“{path}”：{exc}") from exc


def write_plan_file(path: str | Path, data: dict) -> None:
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
