"""The transition table: every action allowed from its stages, refused elsewhere, with reasons."""

from types import SimpleNamespace

import pytest

from desktop.cases.transitions import TRANSITIONS
from desktop.cases.workflow import Actor, WorkflowError, available_actions, check, check_decision
from desktop.storage.models import CASE_STAGES

STAGES = (None, *CASE_STAGES)


def _case(stage, department_id=1, pending=None, pending_by=None):
    return SimpleNamespace(
        stage=stage, case_no="2026112500001", department_id=department_id, pending_action=pending, pending_by=pending_by
    )


def _subject(stage):
    return None if stage is None else _case(stage)


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.action)
@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s or "新案件")
def test_each_action_is_allowed_exactly_from_its_stages(transition, stage):
    actor = Actor("甲", transition.roles[0], department_id=1)
    if stage in transition.sources:
        assert check(_subject(stage), transition.action, actor, ["p.jpg"]) is transition
    else:
        with pytest.raises(WorkflowError, match=f"不能“{transition.action}”"):
            check(_subject(stage), transition.action, actor, ["p.jpg"])


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.action)
def test_each_action_is_refused_to_other_roles(transition):
    stage = transition.sources[0]
    for role in {"监督员", "处置人员", "坐席", "值班长", "指挥长", "网格长"} - set(transition.roles):
        with pytest.raises(WorkflowError, match=f"您的角色是“{role}”"):
            check(_subject(stage), transition.action, Actor("甲", role, department_id=1), ["p.jpg"])


@pytest.mark.parametrize("transition", [t for t in TRANSITIONS if t.needs_photos], ids=lambda t: t.action)
def test_photo_actions_need_photos(transition):
    actor = Actor("甲", transition.roles[0], department_id=1)
    with pytest.raises(WorkflowError, match="须附现场照片"):
        check(_subject(transition.sources[0]), transition.action, actor, [])


def test_department_actions_only_by_the_assigned_department():
    with pytest.raises(WorkflowError, match="未派遣给您所在的部门"):
        check(_case("任务派遣", department_id=2), "接收", Actor("甲", "处置人员", department_id=1))


def test_unknown_action_and_pending_request_are_refused():
    with pytest.raises(WorkflowError, match="未知操作"):
        check(_case("任务处理"), "飞走", Actor("甲", "处置人员", department_id=1))
    with pytest.raises(WorkflowError, match="待审批的“挂账”申请"):
        check(_case("任务处理", pending="挂账"), "反馈", Actor("甲", "处置人员", department_id=1), ["p.jpg"])


@pytest.mark.parametrize("transition", [t for t in TRANSITIONS if t.needs_approval], ids=lambda t: t.action)
def test_approvals_by_approvers_other_than_the_requester(transition):
    case = _case(transition.sources[0], pending=transition.action, pending_by="甲")
    assert check_decision(case, "批准", Actor("乙", transition.approvers[0])) is transition
    with pytest.raises(WorkflowError, match="不能是申请人本人"):
        check_decision(case, "驳回", Actor("甲", transition.approvers[0]))
    with pytest.raises(WorkflowError, match="只能由"):
        check_decision(case, "批准", Actor("乙", "处置人员"))
    with pytest.raises(WorkflowError, match="没有待审批的申请"):
        check_decision(_case(transition.sources[0]), "批准", Actor("乙", transition.approvers[0]))


def test_available_actions():
    assert available_actions(_case("任务处理"), Actor("甲", "处置人员", department_id=1)) == [
        "退回",
        "反馈",
        "延期",
        "挂账",
    ]
    assert available_actions(_case("任务处理", pending="挂账", pending_by="甲"), Actor("乙", "值班长")) == [
        "批准",
        "驳回",
    ]
