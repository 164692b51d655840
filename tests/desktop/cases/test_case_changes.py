"""The case service and the history import announce what they committed, and nothing for a refusal."""

from datetime import UTC, datetime

import pytest

from desktop.cases.history_import import HistoryImportError, import_history
from desktop.cases.workflow import WorkflowError
from desktop.storage.changes import INSERT, UPDATE, Change
from desktop.storage.models import Alarm
from tests.desktop.cases.conftest import CALENDAR, INSPECTOR, LEAD
from tests.support.changes import Heard

AT = {"x": 118.28, "y": 33.95}


def test_a_report_and_an_action_announce_the_case_where_it_is(db, service):
    heard = Heard(db)
    case = service.report(INSPECTOR, None, source="监督员上报", description="井盖破损", **AT)
    assert heard == [Change("case", (case.id,), INSERT, (118.28, 33.95, 118.28, 33.95))]
    service.file(case.id, LEAD, None, expected_version=case.version)
    assert heard[1] == Change("case", (case.id,), UPDATE, (118.28, 33.95, 118.28, 33.95))


def test_a_refused_or_stale_action_announces_nothing(db, service):
    case = service.report(INSPECTOR, None, source="监督员上报", description="井盖破损", **AT)
    heard = Heard(db)
    with pytest.raises(WorkflowError):
        service.file(case.id, INSPECTOR, None, expected_version=case.version)  # an inspector may not 立案
    with pytest.raises(WorkflowError):
        service.file(case.id, LEAD, None, expected_version=case.version + 1)  # another seat got there first
    with pytest.raises(WorkflowError):
        service.dispatch(case.id, LEAD, None, 99, expected_version=case.version)  # rolled back mid-transaction
    assert heard == []


def test_a_case_from_an_alarm_announces_the_alarm_too(db, service):
    with db.session() as session, session.begin():
        session.add(
            Alarm(
                id=5,
                stream="t",
                seq=1,
                kind="井盖位移",
                source="物联感知",
                x=118.3,
                y=33.9,
                ts=datetime.now(UTC),
                message="井盖位移",
            )
        )
    heard = Heard(db)
    case = service.report_alarm(INSPECTOR, None, 5)
    assert heard.kinds() == [("case", INSERT), ("alarm", UPDATE)]
    assert heard[0].ids == (case.id,) and heard[1].ids == (5,)


def test_the_history_import_announces_its_cases_once(db, tmp_path):
    path = tmp_path / "history.csv"
    path.write_text(
        "case_no,source,lon,lat,description,reported_at\n"
        "HX1,公众举报,118.3,33.9,路灯不亮,2026-10-01 09:00\n"
        "HX2,公众举报,,,垃圾,2026-10-01 10:00\n",
        encoding="utf-8",
    )
    heard = Heard(db)
    assert import_history(db, path, calendar=CALENDAR).created == 2
    assert [(c.kind, len(c.ids), c.bbox) for c in heard] == [("case", 2, (118.3, 33.9, 118.3, 33.9))]
    assert import_history(db, path, calendar=CALENDAR).unchanged == 2  # nothing written, nothing announced
    path.write_text("case_no,source,reported_at\nHX3,传真,2026-10-01 09:00\n", encoding="utf-8")
    with pytest.raises(HistoryImportError):
        import_history(db, path, calendar=CALENDAR)
    assert len(heard) == 1
