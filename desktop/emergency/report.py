"""The after-action report of a drill: timeline, response times and step completion, as JSON and HTML.

Times are seconds of scenario time; response times are counted from the first inject.
"""

from __future__ import annotations

from html import escape

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.cases.calendar import LOCAL_TZ, as_utc
from desktop.storage.models import ActivationStep, Case, DrillRun, IncidentLog, PlanActivation

#: figure key → (Chinese label, log kind that marks it).
FIGURES = {
    "time_to_acknowledge_s": ("告警确认用时", "确认"),
    "time_to_propose_s": ("系统提议启动用时", "提议"),
    "time_to_activate_s": ("预案启动用时", "启动"),
    "time_to_dispatch_s": ("首次派遣用时", "派遣"),
}


def build_report(session: Session, run_id: int) -> dict:
    run = session.get(DrillRun, run_id)
    start = as_utc(run.started_at)

    def since(ts) -> float:
        return round((as_utc(ts) - start).total_seconds(), 3)

    log = session.scalars(
        select(IncidentLog).where(IncidentLog.drill_run_id == run_id).order_by(IncidentLog.ts, IncidentLog.id)
    ).all()
    timeline = [
        {"t_s": since(row.ts), "kind": row.kind, "actor": row.actor, "text": row.text}
        for row in log
        if row.kind != "告警"
    ]  # an incident's alarm rows repeat the injects
    first = {}
    for entry in timeline:
        first.setdefault(entry["kind"], entry["t_s"])
    origin = first.get("注入", 0.0)
    figures = {key: (first[kind] - origin if kind in first else None) for key, (_, kind) in FIGURES.items()}
    rows = session.execute(
        select(ActivationStep, Case.case_no)
        .join(PlanActivation, PlanActivation.id == ActivationStep.activation_id)
        .outerjoin(Case, Case.id == ActivationStep.case_id)
        .where(PlanActivation.drill_run_id == run_id)
        .order_by(ActivationStep.activation_id, ActivationStep.seq)
    ).all()
    steps = [
        {
            "seq": s.seq,
            "level": s.level,
            "owner": s.owner,
            "action": s.action,
            "deadline_min": s.deadline_min,
            "due_s": since(s.due_at),
            "done_s": since(s.done_at) if s.done_at else None,
            "done_by": s.done_by,
            "on_time": bool(s.done_at) and as_utc(s.done_at) <= as_utc(s.due_at),
            "case_no": case_no,
        }
        for s, case_no in rows
    ]
    figures.update(
        steps_total=len(steps),
        steps_done=sum(s["done_s"] is not None for s in steps),
        steps_on_time=sum(s["on_time"] for s in steps),
        alarms=sum(e["kind"] == "注入" for e in timeline),
        cases=sum(s["case_no"] is not None for s in steps),
        duration_s=since(run.ended_at) if run.ended_at else (timeline[-1]["t_s"] if timeline else 0.0),
    )
    return {
        "run_id": run.id,
        "scenario": run.scenario,
        "name": run.name,
        "speed": run.speed,
        "started_at": start.astimezone(LOCAL_TZ).isoformat(timespec="seconds"),
        "figures": figures,
        "steps": steps,
        "timeline": timeline,
    }


def clock(seconds: float | None) -> str:
    """``mm:ss`` (or ``h:mm:ss``) of scenario time; — when missing."""
    if seconds is None:
        return "—"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def report_html(report: dict) -> str:
    """The report as a self-contained HTML page (Chinese)."""
    f = report["figures"]
    figure_rows = "".join(f"<tr><th>{label}</th><td>{clock(f[key])}</td></tr>" for key, (label, _) in FIGURES.items())
    figure_rows += (
        f"<tr><th>响应步骤</th><td>共 {f['steps_total']} 步，完成 {f['steps_done']} 步，按时 {f['steps_on_time']} 步</td></tr>"
        f"<tr><th>注入事件 / 派遣任务</th><td>{f['alarms']} 条 / {f['cases']} 件</td></tr>"
        f"<tr><th>演练时长</th><td>{clock(f['duration_s'])}</td></tr>"
    )
    step_rows = "".join(
        f"<tr class='{'ok' if s['on_time'] else 'late'}'><td>{s['seq']}</td><td>{escape(s['level'])}</td>"
        f"<td>{escape(s['owner'])}</td><td>{escape(s['action'])}</td><td>{clock(s['due_s'])}</td>"
        f"<td>{clock(s['done_s'])}</td><td>{'按时' if s['on_time'] else ('超时' if s['done_s'] is not None else '未完成')}</td>"
        f"<td>{escape(s['case_no'] or '')}</td></tr>"
        for s in report["steps"]
    )
    timeline_rows = "".join(
        f"<tr><td>{clock(e['t_s'])}</td><td>{escape(e['kind'])}</td><td>{escape(e['actor'])}</td><td>{escape(e['text'])}</td></tr>"
        for e in report["timeline"]
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>演练评估报告 · {escape(report["name"])}</title>
<style>body{{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}}
table{{border-collapse:collapse;margin:8px 0 20px}}th,td{{border:1px solid #bbb;padding:4px 8px;text-align:left}}
th{{background:#eef2f7}}.late td{{color:#b00020}}.badge{{background:#d97706;color:#fff;padding:2px 8px;border-radius:4px}}</style>
</head><body>
<h1><span class="badge">演练</span> 演练评估报告：{escape(report["name"])}</h1>
<p>脚本 {escape(report["scenario"])} · 第 {report["run_id"]} 次演练 · 开始于 {escape(report["started_at"])} · 倍速 {report["speed"]:g}</p>
<h2>关键指标（自首条注入起算）</h2><table>{figure_rows}</table>
<h2>响应步骤完成情况</h2><table><tr><th>序号</th><th>级别</th><th>责任人</th><th>内容</th><th>时限</th><th>完成</th><th>评价</th><th>案件</th></tr>{step_rows}</table>
<h2>演练时间线</h2><table><tr><th>时间</th><th>类型</th><th>人员</th><th>内容</th></tr>{timeline_rows}</table>
</body></html>
"""
