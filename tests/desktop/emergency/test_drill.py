"""Drills: a full headless run with the scripted participant, its report, drill flags, the clock, the CLI."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop.cases.kpi import compute_kpis
from desktop.cli import main
from desktop.emergency.drill import DrillClock, DrillRunner, run_headless
from desktop.emergency.report import report_html
from desktop.emergency.scenarios import ScenarioError, find_scenario, list_scenarios, save_scenario
from desktop.storage.models import ActivationStep, Alarm, Case, CaseAudit, DrillRun, IncidentLog, PlanActivation

RAINSTORM = {  # the known timings of resources/emergency/scenarios/rainstorm-underpass.json (seconds)
    "time_to_acknowledge_s": 240.0,
    "time_to_propose_s": 180.0,
    "time_to_activate_s": 540.0,
    "time_to_dispatch_s": 720.0,
    "steps_total": 6,
    "steps_done": 5,
    "steps_on_time": 4,
    "alarms": 9,
    "cases": 3,
    "duration_s": 4500.0,
}


def test_shipped_scenarios():
    codes = {s["code"]: s for s in list_scenarios()}
    assert {"rainstorm-underpass", "night-gas-school"} <= set(codes)
    assert {i["type"] for i in codes["rainstorm-underpass"]["injects"]} == {"reading", "video", "call", "breakdown"}
    with pytest.raises(ScenarioError, match="没有演练脚本"):
        find_scenario("nope")


def test_full_headless_drill(city):
    waits = []
    report = run_headless(city, find_scenario("rainstorm-underpass"), speed=60, sleep=waits.append)
    assert report["figures"] == RAINSTORM
    assert sum(waits) == pytest.approx(75)  # 75 scenario minutes at 60× = 75 s
    kinds = [e["kind"] for e in report["timeline"]]
    assert kinds[:3] == ["演练", "注入", "注入"] and kinds[-1] == "演练"
    assert {"提议", "确认", "启动", "步骤", "派遣", "预警", "记录", "终止"} <= set(kinds)
    steps = {s["seq"]: s for s in report["steps"]}
    assert steps[6]["done_s"] == 2700 and steps[6]["due_s"] == 2340 and not steps[6]["on_time"]
    assert steps[5]["done_s"] is None and steps[2]["case_no"].startswith("YL")
    with city.session() as session:
        run = session.get(DrillRun, report["run_id"])
        assert run.report == report and run.ended_at is not None
        activation = session.scalar(select(PlanActivation).where(PlanActivation.drill_run_id == run.id))
        assert activation.is_drill and activation.ended_at is not None and activation.level == "III"
    html = report_html(report)
    assert "演练评估报告" in html and "09:00" in html and "超时" in html


def test_drill_records_are_flagged_and_never_counted(city):
    start = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
    runner = DrillRunner(city, find_scenario("night-gas-school"), start=start)
    for t_s in runner.event_times_s:
        runner.advance_to(t_s)
    report = runner.end()
    assert report["figures"]["time_to_activate_s"] == 420 and report["figures"]["steps_on_time"] == 5
    with city.session() as session:
        for model in (Alarm, Case, CaseAudit, PlanActivation, ActivationStep, IncidentLog):
            rows = session.scalars(select(model)).all()
            assert rows and all(row.is_drill for row in rows), model.__name__
        assert session.scalar(select(func.count()).select_from(Alarm).where(Alarm.is_drill.is_(False))) == 0
        assert compute_kpis(session, start - timedelta(days=1), start + timedelta(days=1)) == []
        assert compute_kpis(session, start - timedelta(days=1), start + timedelta(days=1), by="department") == []


def test_gui_drill_plays_injects_only_and_can_be_ended_early(city):
    runner = DrillRunner(city, find_scenario("rainstorm-underpass"), auto_participant=False)
    runner.advance_to(8 * 60)
    assert [p.level for p in runner.proposals] == ["IV", "IV", "III"] and runner.activation_id is None
    runner.activate("III", "指挥长", runner.proposals[-1])
    report = runner.end()
    assert report["figures"]["time_to_activate_s"] == 480 and report["figures"]["alarms"] == 4
    assert runner.finished


def test_clock_accelerates_pauses_and_resumes():
    now = [100.0]
    clock = DrillClock(speed=10, monotonic=lambda: now[0])
    now[0] += 2
    assert clock.elapsed() == 20
    clock.pause()
    now[0] += 5
    assert clock.elapsed() == 20 and clock.paused
    clock.resume()
    now[0] += 1
    clock.speed = 60
    now[0] += 1
    assert clock.elapsed() == 90


def test_authored_scenarios_are_saved_for_the_user(tmp_path):
    data = {**find_scenario("night-gas-school"), "code": "my-drill", "name": "我的演练"}
    path = save_scenario(data)
    assert path.name == "my-drill.json" and find_scenario("my-drill")["name"] == "我的演练"


def test_cli_lists_and_runs_a_drill(small_city, tmp_path, capsys):
    assert main(["drill", "--list"]) == 0
    assert "rainstorm-underpass\t暴雨致下穿通道积水及井盖冒顶演练" in capsys.readouterr().out
    report = tmp_path / "r.json"
    db = tmp_path / "fresh.db"
    assert (
        main(["drill", "rainstorm-underpass", "--headless", "--speed", "1e9", "--report", str(report), "--db", str(db)])
        == 0
    )
    assert "启动 09:00" in capsys.readouterr().out
    figures = json.loads(report.read_text(encoding="utf-8"))["figures"]
    assert figures["time_to_activate_s"] == 540 and figures["cases"] == 0  # an empty city has no departments
    assert report.with_suffix(".html").exists()
    assert main(["drill", "rainstorm-underpass"]) == 2
    assert main(["drill", "nope", "--headless"]) == 1
