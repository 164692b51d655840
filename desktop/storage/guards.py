"""Append-only guard: audit-log rows can be added, never changed or deleted through the ORM."""

from __future__ import annotations

from sqlalchemy import event

from desktop.storage.models import CaseAudit


class AppendOnlyError(RuntimeError):
    pass


def _refuse(action: str):
    def listener(_mapper, _connection, target):
        raise AppendOnlyError(f"审计日志只能追加，不能{action}（记录 {target.id}）")

    return listener


event.listen(CaseAudit, "before_update", _refuse("修改"))
event.listen(CaseAudit, "before_delete", _refuse("删除"))
