"""Historical cases from CSV: good file, bad rows with line numbers (nothing written), re-import."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from desktop.cases.calendar import LOCAL_TZ
from desktop.cases.history_import import HistoryImportError, import_history
from desktop.cases.kpi import compute_kpis
from desktop.storage.models import Case, CaseAudit
from tests.desktop.cases.conftest import CALENDAR

HEADER = (
    "case_no,source,class_kind,class_code,lon,lat,address,description,reported_at,registered_at,rejected_at,"
    "dispatched_at,disposed_at,verified_at,closed_at,department,result\n"
)
GOOD = [
    (
        "H1,监督员上报,部件,0101,118.2825,33.9525,测试路,井盖破损,2026-11-02 09:00,2026-11-02 09:05,,2026-11-02 09:10,"
        "2026-11-02 10:00,2026-11-02 10:30,2026-11-02 11:00,市政处,"
    ),
    "H2,12345热线,事项,0101,,,,垃圾,2026-11-03 09:00,,2026-11-03 09:10,,,,,,不予立案",
    "H3,监督员上报,事项,0101,,,,,2026-11-04 09:00,2026-11-04 09:05,,2026-11-04 09:10,,,,HW,",
]


def _write(tmp_path, rows):
    path = tmp_path / "h.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_good_file_imports_and_feeds_the_kpis(db, tmp_path):
    result = import_history(db, _write(tmp_path, GOOD), calendar=CALENDAR)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    with db.session() as session:
        stages = dict(session.execute(select(Case.case_no, Case.stage)).all())
        assert stages == {"H1": "已结案", "H2": "作废", "H3": "任务派遣"}
        assert session.scalar(select(Case.disposed_in_time).where(Case.case_no == "H1")) is True
        assert session.scalar(select(func.count()).select_from(CaseAudit)) == 6 + 2 + 3
        (overall,) = compute_kpis(
            session, datetime(2026, 11, 1, tzinfo=LOCAL_TZ), datetime(2026, 12, 1, tzinfo=LOCAL_TZ)
        )
    assert overall.counts["reported"] == 3 and overall.counts["filed"] == 2
    assert overall.counts["closed_on_time"] == 1 and overall.counts["due"] == 2


def test_bad_rows_are_reported_with_line_numbers_and_nothing_is_written(db, tmp_path):
    bad = [
        *GOOD,
        "H4,传真,,,,,,,2026-11-02 09:00,,,,,,,,",
        "H5,监督员上报,,,,,,,2026-11-02 09:00,,,,,,2026-11-02 10:00,,",
        "H1,监督员上报,,,,,,,2026-11-02 09:00,,,,,,,,",
    ]
    with pytest.raises(HistoryImportError) as refused:
        import_history(db, _write(tmp_path, bad), calendar=CALENDAR)
    lines = dict(refused.value.lines)
    assert sorted(lines) == [5, 6, 7]
    assert "案件来源“传真”无效" in lines[5] and "缺少 registered_at" in lines[6] and "与第 2 行重复" in lines[7]
    assert "未导入任何案件" in str(refused.value)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 0


def test_reimporting_does_not_duplicate_and_updates_changed_rows(db, tmp_path):
    path = _write(tmp_path, GOOD)
    import_history(db, path, calendar=CALENDAR)
    again = import_history(db, path, calendar=CALENDAR)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = import_history(
        db, _write(tmp_path, [GOOD[0].replace("井盖破损", "井盖丢失"), *GOOD[1:]]), calendar=CALENDAR
    )
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 2)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 3


def test_a_case_number_of_the_system_is_refused(db, service, tmp_path):
    from tests.desktop.cases.conftest import SEAT

    made = service.report(SEAT, "S", source="12345热线", description="x")
    with pytest.raises(HistoryImportError, match="已被系统内登记的案件使用"):
        import_history(db, _write(tmp_path, [GOOD[1].replace("H2", made.case_no)]), calendar=CALENDAR)


def test_the_command_reports_bad_rows_and_exits_1(tmp_path, capsys):
    from desktop.cli import main

    target = tmp_path / "cli.db"
    assert (
        main(["import-cases", str(_write(tmp_path, ["X1,传真,,,,,,,2026-11-02 09:00,,,,,,,,"])), "--db", str(target)])
        == 1
    )
    assert "第 2 行：案件来源“传真”无效" in capsys.readouterr().err
    assert main(["import-cases", str(_write(tmp_path, [GOOD[1]])), "--db", str(target)]) == 0
    assert "新增 1" in capsys.readouterr().out
