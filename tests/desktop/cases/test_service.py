"""The case service on a real SQLite file: the closed loop, audit rows, approvals, concurrency."""

import threading
from datetime import timedelta

import pytest
import shapely

from desktop.cases.service import CaseService
from desktop.cases.workflow import Actor, ConcurrentUpdateError, WorkflowError
from desktop.storage.database import CityDatabase
from desktop.storage.models import AdminArea, Alarm, Case, Component, UnitGrid
from tests.desktop.cases.conftest import CALENDAR, COMMANDER, INSPECTOR, LEAD, SEAT, worker

FIELDS = {"class_kind": "事项", "class_code": "0102", "description": "暴露垃圾", "x": 118.3, "y": 33.95}


def _report(service, **extra):
    return service.report(INSPECTOR, "巡查终端", source="监督员上报", attachments=["before.jpg"], **{**FIELDS, **extra})


def _dispatched(service, department_id=2):
    case = _report(service)
    case = service.file(case.id, LEAD, "值班长席", expected_version=case.version)
    return service.dispatch(case.id, SEAT, "派遣席", department_id, expected_version=case.version)


def test_closed_loop_with_audit_log(service, clock):
    case = _dispatched(service)
    assert (case.stage, case.department_id, case.case_no) == ("任务派遣", 2, "2026112500001")
    hw = worker(2)
    case = service.accept(case.id, hw, "环卫终端", expected_version=case.version)
    clock.now += timedelta(minutes=30)
    case = service.feedback(
        case.id, hw, "环卫终端", expected_version=case.version, attachments=["after.jpg"], comment="已清运"
    )
    case = service.verify(case.id, INSPECTOR, "巡查终端", passed=True, expected_version=case.version)
    case = service.close(case.id, LEAD, "值班长席", expected_version=case.version)
    assert case.stage == "已结案" and case.deadline is None
    history = service.history(case.id)
    assert [(h.action, h.from_stage, h.to_stage) for h in history] == [
        ("上报", None, "信息采集"),
        ("立案", "信息采集", "案件建立"),
        ("派遣", "案件建立", "任务派遣"),
        ("接收", "任务派遣", "任务处理"),
        ("反馈", "任务处理", "处理反馈"),
        ("核查通过", "处理反馈", "核查结案"),
        ("结案", "核查结案", "已结案"),
    ]
    assert history[4].actor == "孙师傅" and history[4].seat == "环卫终端" and history[4].comment == "已清运"
    assert history[4].attachments == ["after.jpg"]
    with service.db.session() as session:
        stored = session.get(Case, case.id)
        assert stored.photos == ["before.jpg", "after.jpg"]
        assert stored.disposed_in_time is True and stored.closed_at is not None


def test_refused_action_leaves_no_trace(service):
    case = _report(service)
    with pytest.raises(WorkflowError, match="不能“派遣”"):
        service.dispatch(case.id, SEAT, "派遣席", 1, expected_version=case.version)
    assert service.state(case.id) == case
    assert len(service.history(case.id)) == 1


def test_return_rework_and_dispatch_needs_a_department(service):
    case = _dispatched(service, department_id=1)
    case = service.send_back(case.id, worker(1), "市政终端", expected_version=case.version, comment="非本部门职责")
    assert (case.stage, case.department_id) == ("案件建立", None)
    with pytest.raises(WorkflowError, match="处置部门"):
        service.dispatch(case.id, SEAT, "派遣席", 99, expected_version=case.version)
    case = service.dispatch(case.id, SEAT, "派遣席", 2, expected_version=case.version)
    case = service.accept(case.id, worker(2), None, expected_version=case.version)
    case = service.feedback(case.id, worker(2), None, expected_version=case.version, attachments=["a.jpg"])
    case = service.verify(case.id, INSPECTOR, None, passed=False, expected_version=case.version)
    assert case.stage == "任务处理"
    with service.db.session() as session:
        stored = session.get(Case, case.id)
        assert (stored.returned_count, stored.rework_count) == (1, 1)


def test_void_needs_approval_by_someone_else(service):
    case = _report(service)
    case = service.decline(case.id, SEAT, "受理席", expected_version=case.version, comment="重复上报")
    assert (case.stage, case.pending_action, case.pending_by) == ("信息采集", "不予立案", "李娜")
    with pytest.raises(WorkflowError, match="待审批"):
        service.file(case.id, LEAD, None, expected_version=case.version)
    case = service.approve(case.id, LEAD, "值班长席", expected_version=case.version)
    assert (case.stage, case.pending_action) == ("作废", None)
    assert [h.action for h in service.history(case.id)][-2:] == ["不予立案申请", "不予立案批准"]


def test_extension_approved_moves_the_deadline(service, clock):
    case = _dispatched(service)
    case = service.accept(case.id, worker(2), None, expected_version=case.version)
    before = case.deadline
    case = service.request_extension(case.id, worker(2), None, amount=2, expected_version=case.version)
    assert case.deadline == before
    case = service.approve(case.id, SEAT, None, expected_version=case.version)
    extended = CALENDAR.add_working(before, 2 * 3600)  # over the lunch break
    assert case.deadline == extended
    case = service.request_extension(case.id, worker(2), None, amount=1, expected_version=case.version)
    case = service.reject(case.id, LEAD, None, expected_version=case.version)
    assert case.deadline == extended
    assert [h.action for h in service.history(case.id)][-4:] == ["延期申请", "延期批准", "延期申请", "延期驳回"]


def test_suspension_is_excluded_from_the_clock(service, clock):
    case = _dispatched(service)
    case = service.accept(case.id, worker(2), None, expected_version=case.version)
    deadline = case.deadline  # 2 working hours after 09:00 → 11:00 Beijing
    case = service.suspend(case.id, worker(2), None, expected_version=case.version)
    case = service.approve(case.id, COMMANDER, None, expected_version=case.version)
    assert (case.stage, case.deadline) == ("挂账", None)
    clock.now += timedelta(days=1)  # one full working day (7.5 h) suspended
    case = service.resume(case.id, SEAT, None, expected_version=case.version)
    assert case.stage == "任务处理"
    assert case.deadline == CALENDAR.add_working(deadline, 7.5 * 3600)


def test_self_handling_needs_photos_and_closes_at_once(service):
    with pytest.raises(WorkflowError, match="照片"):
        service.self_handle(INSPECTOR, None, **FIELDS)
    case = service.self_handle(INSPECTOR, "巡查终端", attachments=["fixed.jpg"], **FIELDS)
    assert case.stage == "已结案"
    assert [(h.action, h.to_stage) for h in service.history(case.id)] == [("自处理", "已结案")]


def test_case_numbers_per_day_and_drill_prefix(service, clock):
    assert [_report(service).case_no for _ in range(2)] == ["2026112500001", "2026112500002"]
    drill = _report(service, is_drill=True)
    assert drill.case_no == "YL2026112500001" and drill.is_drill
    clock.now += timedelta(hours=16)  # 01:00 next day, Beijing time
    assert _report(service).case_no == "2026112600001"
    assert all(h.is_drill for h in service.history(drill.id))


def test_unknown_source_is_refused(service):
    with pytest.raises(WorkflowError, match="未知案件来源"):
        service.report(SEAT, None, source="飞鸽传书")


def test_report_from_an_alarm_copies_location_component_and_grid(service):
    with service.db.session() as session, session.begin():
        session.add(AdminArea(code="321302001001", name="幸福社区", level="community"))
        grid = UnitGrid(code="32130200100101", community_code="321302001001", area_m2=1.0)
        grid.geometry = shapely.box(118.0, 33.0, 119.0, 34.0)
        session.add(grid)
        session.flush()
        session.add(
            Component(
                code="3213020103000001",
                scheme="GB/T 30428.2-2013",
                class_code="0103",
                admin_code="321302",
                grid_code=grid.code,
            )
        )
        session.add(
            Alarm(
                id=7,
                seq=1,
                kind="井盖位移",
                source="物联感知",
                component_code="3213020103000001",
                x=118.5,
                y=33.5,
                ts=service.clock(),
                message="井盖倾斜报警",
            )
        )
    case = service.report_alarm(SEAT, "报警席", 7)
    with service.db.session() as session:
        stored = session.get(Case, case.id)
        assert (stored.x, stored.y, stored.class_kind, stored.class_code, stored.grid_code, stored.source) == (
            118.5,
            33.5,
            "部件",
            "0103",
            "32130200100101",
            "物联感知",
        )
        assert session.get(Alarm, 7).status == "已转案件"
    public = service.report(SEAT, None, source="12345热线", x=118.2, y=33.2)
    with service.db.session() as session:
        assert session.get(Case, public.id).grid_code == "32130200100101"


def test_stale_expected_version_is_refused_with_the_fresh_state(service):
    case = _report(service)
    filed = service.file(case.id, LEAD, None, expected_version=case.version)
    with pytest.raises(ConcurrentUpdateError, match="已被其他坐席处理") as error:
        service.decline(case.id, SEAT, None, expected_version=case.version)
    assert error.value.current == filed


def test_two_seats_dispatching_one_case_exactly_one_wins(tmp_path, db, clock):
    path = db.url.removeprefix("sqlite:///")
    case = _report(CaseService(db, calendar=CALENDAR, clock=clock))
    case = CaseService(db, calendar=CALENDAR, clock=clock).file(case.id, LEAD, None, expected_version=case.version)
    seats = [CityDatabase(path), CityDatabase(path)]
    barrier, results = threading.Barrier(2), {}

    def dispatch(index: int) -> None:
        service = CaseService(seats[index], calendar=CALENDAR, clock=clock)
        barrier.wait()
        try:
            results[index] = service.dispatch(
                case.id, Actor(f"坐席{index}", "坐席"), f"席位{index}", index + 1, expected_version=case.version
            )
        except ConcurrentUpdateError as exc:
            results[index] = exc

    threads = [threading.Thread(target=dispatch, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for seat in seats:
        seat.close()
    wins = [r for r in results.values() if not isinstance(r, Exception)]
    losses = [r for r in results.values() if isinstance(r, ConcurrentUpdateError)]
    assert len(wins) == 1 and len(losses) == 1
    assert losses[0].current.stage == "任务派遣" and losses[0].current.department_id == wins[0].department_id
    assert [h.action for h in CaseService(db, calendar=CALENDAR).history(case.id)].count("派遣") == 1
