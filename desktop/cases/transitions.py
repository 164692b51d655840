"""The transition table of the CJJ/T 106 closed loop (信息采集 → … → 核查结案 → 绩效考核).

One row per action: the stages it starts from (``None`` = a new case), the stage it leads to,
who may do it, who must approve it (empty = no approval; otherwise the request waits in the
case's ``pending_action`` until 批准 or 驳回) and whether photos are required. 绩效考核 is not a
case state: closed cases are evaluated by :mod:`desktop.cases.kpi`.
"""

from __future__ import annotations

from dataclasses import dataclass

INSPECTOR, DISPOSER, SEAT, SHIFT_LEAD, COMMANDER = "监督员", "处置人员", "坐席", "值班长", "指挥长"
LEADS = (SHIFT_LEAD, COMMANDER)
APPROVE, REJECT = "批准", "驳回"


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str | None, ...]
    target: str
    roles: tuple[str, ...]
    approvers: tuple[str, ...] = ()
    needs_photos: bool = False

    @property
    def needs_approval(self) -> bool:
        return bool(self.approvers)


TRANSITIONS: tuple[Transition, ...] = (
    Transition("上报", (None,), "信息采集", (INSPECTOR, SEAT, *LEADS)),
    Transition("自处理", (None,), "已结案", (INSPECTOR,), needs_photos=True),
    Transition("立案", ("信息采集",), "案件建立", LEADS),
    Transition("不予立案", ("信息采集",), "作废", (SEAT, *LEADS), approvers=LEADS),
    Transition("作废", ("案件建立", "任务派遣"), "作废", (SEAT, *LEADS), approvers=LEADS),
    Transition("派遣", ("案件建立",), "任务派遣", (SEAT, *LEADS)),
    Transition("退回", ("任务派遣", "任务处理"), "案件建立", (DISPOSER,)),
    Transition("接收", ("任务派遣",), "任务处理", (DISPOSER,)),
    Transition("反馈", ("任务处理",), "处理反馈", (DISPOSER,), needs_photos=True),
    Transition("核查通过", ("处理反馈",), "核查结案", (INSPECTOR, SEAT)),
    Transition("核查不通过", ("处理反馈",), "任务处理", (INSPECTOR, SEAT)),
    Transition("结案", ("核查结案",), "已结案", LEADS),
    Transition("延期", ("任务处理",), "任务处理", (DISPOSER,), approvers=(SEAT, *LEADS)),
    Transition("挂账", ("任务处理",), "挂账", (DISPOSER,), approvers=LEADS),
    Transition("恢复", ("挂账",), "任务处理", (SEAT, *LEADS)),
)
BY_ACTION = {t.action: t for t in TRANSITIONS}
#: Actions done by the assigned department only (checked against the actor's department).
DEPARTMENT_ACTIONS = frozenset(t.action for t in TRANSITIONS if t.roles == (DISPOSER,))
