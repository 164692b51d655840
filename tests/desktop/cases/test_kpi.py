"""KPI definitions on a hand-built case set with known answers (drill and out-of-period excluded)."""

import json
from datetime import UTC, datetime

import pytest

from desktop.cases.kpi import compute_kpis, read_kpi_table
from desktop.cli import main
from desktop.storage.models import Case, Staff

NOV = datetime(2026, 11, 10, 2, 0, tzinfo=UTC)
OCT = datetime(2026, 10, 10, 2, 0, tzinfo=UTC)
START, END = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
DONE = {"filed_at": NOV, "dispatched_at": NOV}


def _cases():
    specs = [  # (department, stage, source, extra fields)
        (1, "已结案", "监督员上报", {**DONE, "disposed_in_time": True, "reporter_id": 1}),
        (1, "已结案", "12345热线", {**DONE, "disposed_in_time": False, "rework_count": 1}),
        (1, "任务处理", "12345热线", {**DONE, "extension_count": 1}),
        (1, "挂账", "视频AI", DONE),
        (None, "信息采集", "监督员上报", {"reporter_id": 1}),
        (2, "作废", "公众号", DONE),
        (1, "已结案", "监督员上报", {**DONE, "is_drill": True, "disposed_in_time": True}),
        (1, "已结案", "监督员上报", {**DONE, "created_at": OCT, "disposed_in_time": True}),
    ]
    return [
        Case(case_no=f"C{i}", department_id=dept, stage=stage, source=source, **{"created_at": NOV, **extra})
        for i, (dept, stage, source, extra) in enumerate(specs)
    ]


@pytest.fixture
def cases(db):
    with db.session() as session, session.begin():
        session.add(Staff(id=1, code="JD001", name="张伟", role="监督员"))
        session.flush()
        session.add_all(_cases())
    return db


def test_per_department(cases):
    with cases.session() as session:
        rows = {row.label: row for row in compute_kpis(session, START, END, "department")}
    sz = rows["市政处"]
    assert sz.counts == {
        "reported": 4,
        "inspector_reported": 1,
        "inspector_valid": 1,
        "filed": 4,
        "dispatched": 4,
        "due": 3,
        "closed": 2,
        "closed_on_time": 1,
        "disposed": 2,
        "reworked": 1,
        "extended": 1,
    }
    assert sz.rates == pytest.approx(
        {
            "filing_rate": 1.0,
            "closing_rate": 2 / 3,
            "on_time_rate": 1 / 3,
            "rework_rate": 1 / 3,
            "disposal_rate": 0.5,
            "valid_report_rate": 1.0,
        }
    )
    assert sz.index == pytest.approx(0.3 * 200 / 3 + 0.4 * 100 / 3 + 0.2 * 200 / 3 + 0.1 * 50)
    assert sz.grade == "D"
    hw = rows["环卫处"]
    assert (hw.counts["due"], hw.rates["closing_rate"], hw.index, hw.grade) == (
        0,
        None,
        0.0,
        "E",
    )  # only 处置率 (0 of 1) has data


def test_overall_and_per_inspector(cases):
    with cases.session() as session:
        (overall,) = compute_kpis(session, START, END)
        (inspector,) = compute_kpis(session, START, END, "inspector")
    assert (overall.label, overall.counts["reported"], overall.counts["filed"], overall.counts["due"]) == (
        "全部",
        6,
        5,
        3,
    )
    assert (inspector.label, inspector.counts["inspector_reported"], inspector.rates["valid_report_rate"]) == (
        "张伟",
        2,
        0.5,
    )
    assert (inspector.index, inspector.grade) == (50.0, "D")


def test_grades_and_weights_come_from_the_tables():
    table = read_kpi_table()
    assert [table.grade(v) for v in (95, 90, 80, 60, 10)] == ["A", "A", "B", "C", "E"]
    assert sum(d.weights["department"] for d in table.rates) == pytest.approx(1.0)


def test_kpi_command_prints_json(cases, capsys):
    path = cases.url.removeprefix("sqlite:///")
    assert (
        main(["kpi", "--from", "2026-11-01", "--to", "2026-11-30", "--by", "department", "--json", "--db", path]) == 0
    )
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["市政处"]["closed"] == 2 and rows["市政处"]["grade"] == "D"
    assert main(["--db", path, "kpi", "--from", "2026-11-01", "--to", "2026-11-30"]) == 0
    assert "立案率" in capsys.readouterr().out
