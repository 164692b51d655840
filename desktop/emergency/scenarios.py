"""Drill scenario scripts (JSON): a timeline of injects and the scripted participant's responses.

Shipped scenarios live in ``resources/emergency/scenarios/``; scenarios authored in the app are
saved in the user's data directory (``scenarios/`` under :func:`desktop.paths.data_home`).
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.emergency.samples import sample_dir
from desktop.paths import data_home

FORMAT, VERSION = "cityops-drill-scenario", 1
#: Inject type → alarm source and Chinese name.
INJECT_TYPES = {
    "reading": ("物联感知", "传感读数"),
    "alarm": ("物联感知", "告警"),
    "breakdown": ("车载终端", "车辆故障"),
    "call": ("12345热线", "市民来电"),
    "video": ("视频AI", "视频事件"),
}
#: Participant action → Chinese name (the parameters each needs are in docs/emergency-plan-format.md).
ACTIONS = {
    "acknowledge": "确认告警",
    "activate": "启动预案",
    "tick": "完成步骤",
    "dispatch": "派遣任务",
    "change_level": "调整级别",
    "note": "记录",
    "cap": "发布预警",
    "terminate": "终止响应",
    "end": "结束演练",
}


class ScenarioError(ValueError):
    """A scenario that cannot be used; ``str()`` is a Chinese reason."""


def user_dir() -> Path:
    return data_home() / "scenarios"


def scenario_paths() -> list[Path]:
    """Shipped scenarios, then the user's (a user file with a shipped code replaces it)."""
    return sorted((sample_dir() / "scenarios").glob("*.json")) + sorted(user_dir().glob("*.json"))


def list_scenarios() -> list[dict]:
    scenarios = {}
    for path in scenario_paths():
        data = read_scenario(path)
        scenarios[data["code"]] = data
    return list(scenarios.values())


def find_scenario(code_or_path: str) -> dict:
    if Path(code_or_path).suffix == ".json" and Path(code_or_path).exists():
        return read_scenario(code_or_path)
    for data in list_scenarios():
        if data["code"] == code_or_path:
            return data
    raise ScenarioError(f"没有演练脚本“{code_or_path}”（可用：{'、'.join(s['code'] for s in list_scenarios())}）")


def read_scenario(path: str | Path) -> dict:
    try:
        return validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise ScenarioError(f"无法读取演练脚本“{path}”：{exc}") from exc


def save_scenario(data: dict, path: str | Path | None = None) -> Path:
    data = validate(data)
    target = Path(path) if path else user_dir() / f"{data['code']}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def validate(data: dict) -> dict:
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ScenarioError(f"不是演练脚本文件（format 应为 {FORMAT}，version 为 {VERSION}）")
    for key in ("code", "name", "plan"):
        if not str(data.get(key) or "").strip():
            raise ScenarioError(f"演练脚本缺少字段：{key}")
    for inject in data.get("injects") or []:
        if inject.get("type") not in INJECT_TYPES or not inject.get("kind"):
            raise ScenarioError(f"第 {inject.get('t_min')} 分钟的注入类型或告警类型无效")
    for action in data.get("participant") or []:
        if action.get("action") not in ACTIONS:
            raise ScenarioError(f"第 {action.get('t_min')} 分钟的参演动作“{action.get('action')}”无效")
    return {"description": "", "injects": [], "participant": [], "origin": None, "start_local": None, **data}
