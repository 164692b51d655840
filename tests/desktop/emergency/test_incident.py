"""Incident command: activation, checklist, dispatch through the case service, level changes, log, summary."""

import pytest
from sqlalchemy import select

from desktop.cases.workflow import WorkflowError
from desktop.emergency.geo import offset
from desktop.emergency.incident import IncidentService
from desktop.emergency.samples import city_centre
from desktop.storage.models import Alarm, Case, EmergencyPlan


@pytest.fixture
def service(city, clock):
    return IncidentService(city, clock=clock)


@pytest.fixture
def flood(city, service):
    with city.session() as session:
        plan_id = session.scalar(select(EmergencyPlan.id).where(EmergencyPlan.code == "YA-FX-001"))
        x, y = city_centre(session)
    return service.activate(plan_id, "IV", x, y, "值班长王伟", reason="黄河路下穿通道积水")


def test_activation_copies_the_steps_with_deadlines(service, flood, clock):
    view = service.view(flood)
    assert view.title == "城区防汛排涝应急预案（一般（IV级））" and view.level == "IV" and not view.is_drill
    assert [(s.seq, s.owner, s.deadline_min) for s in view.steps][:2] == [(1, "值班长", 5), (2, "排水抢险组组长", 15)]
    assert all((s.due_at - view.started_at).total_seconds() == s.deadline_min * 60 for s in view.steps)
    assert [m["role"] for m in view.command_group] == ["值班长", "排水抢险组组长", "交通疏导组组长"]
    assert [e.kind for e in view.log] == ["启动"] and "黄河路下穿通道积水" in view.log[0].text
    clock.advance(6)
    assert [s.seq for s in service.view(flood).steps if s.overdue(clock())] == [1]
    assert service.view(flood).elapsed_s(clock()) == 360


def test_ticking_a_step_records_who_and_when(service, flood, clock):
    step = service.view(flood).steps[0]
    clock.advance(3)
    service.tick(step.id, "值班长王伟")
    done = service.view(flood).steps[0]
    assert (done.done_by, done.done_at, done.overdue(clock())) == ("值班长王伟", clock(), False)
    with pytest.raises(WorkflowError, match="已由值班长王伟完成"):
        service.tick(step.id, "别人")
    late = service.view(flood).steps[3]
    clock.advance(40)
    service.tick(late.id, "值班长王伟")
    assert "（超时）" in service.view(flood).log[-1].text


def test_dispatch_creates_a_leader_assigned_case(service, flood, city):
    step = service.view(flood).steps[1]
    state = service.dispatch(step.id, "指挥长周建华")
    assert (state.source, state.stage, state.is_drill) == ("领导交办", "任务派遣", False)
    with city.session() as session:
        case = session.get(Case, state.id)
        assert case.department_id is not None and "调派泵车" in case.description
    view = service.view(flood)
    assert view.steps[1].case_no == state.case_no
    assert view.log[-1].kind == "派遣" and "水务局" in view.log[-1].text
    with pytest.raises(WorkflowError, match="处置部门"):
        service.dispatch(view.steps[0].id, "指挥长周建华")  # the 值班长's step names no department


def test_level_changes_and_termination_need_reasons(service, flood, clock):
    with pytest.raises(WorkflowError, match="理由"):
        service.change_level(flood, "III", " ", "指挥长")
    clock.advance(10)
    service.change_level(flood, "III", "又有两处积水超过 30 厘米", "指挥长")
    view = service.view(flood)
    assert view.level == "III" and view.log[-1].kind == "升级"
    added = [s for s in view.steps if s.level == "III"]
    assert added and all((s.due_at - clock()).total_seconds() == s.deadline_min * 60 for s in added)
    assert len({(s.owner, s.action) for s in view.steps}) == len(view.steps)  # no step twice
    service.change_level(flood, "IV", "积水消退", "指挥长")
    assert service.view(flood).log[-1].kind == "降级"
    with pytest.raises(WorkflowError, match="理由"):
        service.terminate(flood, "", "指挥长")
    service.terminate(flood, "积水排除", "指挥长")
    assert service.view(flood).end_reason == "积水排除" and service.activations() == []
    with pytest.raises(WorkflowError, match="已终止"):
        service.change_level(flood, "II", "再升级", "指挥长")


def test_alarms_in_the_area_join_the_log_once(service, flood, city, clock):
    view = service.view(flood)
    with city.session() as session, session.begin():
        for seq, (dx, kind) in enumerate(((100, "水位超限"), (5000, "水位超限")), 1):
            x, y = offset(view.x, view.y, dx, 0)
            session.add(
                Alarm(stream="s", seq=seq, kind=kind, source="物联感知", x=x, y=y, ts=clock(), message="积水 30 cm")
            )
        session.add(
            Alarm(stream="d", seq=1, kind="水位超限", source="物联感知", x=view.x, y=view.y, ts=clock(), is_drill=True)
        )
    assert service.record_alarms(flood) == 1
    assert service.record_alarms(flood) == 0
    assert service.view(flood).log[-1].text == "水位超限：积水 30 cm"


def test_resources_nearest_first_and_cameras_in_the_area(service, flood):
    view = service.view(flood)
    distances = [r.distance_m for r in view.resources]
    assert len(view.resources) == 6 and distances == sorted(distances)
    assert view.resources[0].code == "ZY-ZJ-01"  # 100 m from the centre
    assert all(c.distance_m <= view.radius_m for c in view.cameras) and {c.code for c in view.cameras} <= {
        "CAM-1",
        "CAM-2",
    }
    assert view.bbox[0] < view.x < view.bbox[2]


def test_summary_is_generated_from_the_log(service, flood, clock):
    service.note(flood, "现场积水 25 厘米，已封闭", "值班长王伟")
    clock.advance(30)
    service.terminate(flood, "积水排除", "指挥长")
    text = service.summary(flood)
    assert text.startswith("【后期处置总结】城区防汛排涝应急预案")
    assert (
        "历时：30 分 0 秒" in text and "现场积水 25 厘米" in text and "超时 3 步（第 1 步、第 2 步、第 3 步）" in text
    )
