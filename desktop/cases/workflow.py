"""Workflow rules without a database: who may do what to a case in which stage.

:func:`check` applies the transition table of :mod:`desktop.cases.transitions` and refuses
with a :class:`WorkflowError` whose text is a Chinese reason for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.cases.calendar import as_utc
from desktop.cases.transitions import APPROVE, BY_ACTION, DEPARTMENT_ACTIONS, REJECT, TRANSITIONS, Transition

SOURCES = (
    "监督员上报",
    "公众举报",
    "12345热线",
    "12319热线",
    "公众号",
    "小程序",
    "视频AI",
    "物联感知",
    "领导交办",
    "专项普查",
)
PUBLIC_SOURCES = ("公众举报", "12345热线", "12319热线", "公众号", "小程序")


class WorkflowError(Exception):
    """A refused action; ``str()`` is the Chinese reason."""


class ConcurrentUpdateError(WorkflowError):
    """Another seat changed the case first; ``current`` is the case as it is now."""

    def __init__(self, message: str, current: CaseState | None):
        super().__init__(message)
        self.current = current


@dataclass(frozen=True)
class Actor:
    """Who acts: a name, a role (监督员、处置人员、坐席、值班长、指挥长) and their department."""

    name: str
    role: str
    staff_id: int | None = None
    department_id: int | None = None


@dataclass(frozen=True)
class CaseState:
    """A snapshot of a case as the workflow sees it (safe to hand to the GUI)."""

    id: int
    case_no: str
    stage: str
    version: int
    source: str
    department_id: int | None
    deadline: datetime | None
    pending_action: str | None
    pending_by: str | None
    is_drill: bool

    @classmethod
    def of(cls, case) -> CaseState:
        values = {name: getattr(case, name) for name in cls.__dataclass_fields__}
        return cls(**{**values, "deadline": case.deadline and as_utc(case.deadline)})


def _join(items) -> str:
    return "、".join(item or "新案件" for item in items)


def check(case, action: str, actor: Actor, attachments=()) -> Transition:
    """The transition ``action`` takes ``case`` (None for a new case) through, or WorkflowError."""
    transition = BY_ACTION.get(action)
    if transition is None:
        raise WorkflowError(f"未知操作“{action}”")
    stage = case.stage if case is not None else None
    if case is not None and case.pending_action:
        raise WorkflowError(f"案件有待审批的“{case.pending_action}”申请，请先批准或驳回")
    if stage not in transition.sources:
        raise WorkflowError(f"案件处于“{stage or '新案件'}”阶段，不能“{action}”（仅限：{_join(transition.sources)}）")
    if actor.role not in transition.roles:
        raise WorkflowError(f"“{action}”只能由{_join(transition.roles)}操作，您的角色是“{actor.role}”")
    if action in DEPARTMENT_ACTIONS and actor.department_id != case.department_id:
        raise WorkflowError(f"案件 {case.case_no} 未派遣给您所在的部门，不能“{action}”")
    if transition.needs_photos and not attachments:
        raise WorkflowError(f"“{action}”须附现场照片")
    return transition


def check_decision(case, decision: str, actor: Actor) -> Transition:
    """The pending transition that ``decision`` (批准 / 驳回) settles, or WorkflowError."""
    if decision not in (APPROVE, REJECT):
        raise WorkflowError(f"未知审批结果“{decision}”")
    if not case.pending_action:
        raise WorkflowError(f"案件 {case.case_no} 没有待审批的申请")
    transition = BY_ACTION[case.pending_action]
    if actor.role not in transition.approvers:
        raise WorkflowError(
            f"“{transition.action}”申请只能由{_join(transition.approvers)}审批，您的角色是“{actor.role}”"
        )
    if actor.name == case.pending_by:
        raise WorkflowError("审批人不能是申请人本人")
    return transition


def available_actions(case, actor: Actor) -> list[str]:
    """The actions ``actor`` may take on ``case`` now (photos assumed to be attached)."""
    candidates = [t.action for t in TRANSITIONS] if not case.pending_action else [APPROVE, REJECT]
    allowed = []
    for action in candidates:
        try:
            (
                check_decision(case, action, actor)
                if action in (APPROVE, REJECT)
                else check(case, action, actor, ("照片",))
            )
        except WorkflowError:
            continue
        allowed.append(action)
    return allowed
