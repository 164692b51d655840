"""Importing historical cases from a CSV file (columns: ``docs/case-history-import.md``).

Every row is checked before anything is written; one bad row refuses the whole file with the
line numbers and reasons. Rows are matched by case number: a case imported earlier is updated
when its row changed and skipped when identical; a number used by a case made in this system
is refused. Imported cases carry the stage timestamps and flags :mod:`desktop.cases.kpi`
counts, and an audit row per stage (seat :data:`IMPORT_SEAT`) so their timeline reads as usual.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import shapely
from sqlalchemy import select

from desktop.cases.calendar import LOCAL_TZ, WorkCalendar, as_utc, read_calendar
from desktop.cases.time_limits import PHASES, TimeLimits, deadline, elapsed
from desktop.cases.workflow import SOURCES
from desktop.exchange.errors import ExchangeError
from desktop.storage.changes import Change
from desktop.storage.database import CityDatabase
from desktop.storage.models import Case, CaseAudit, Department, UnitGrid

IMPORT_SEAT = "历史导入"
REQUIRED = ("case_no", "source", "reported_at")
#: Stage timestamps in workflow order → (the stage reached, the audit action).
STAGE_TIMES = (
    ("reported_at", "信息采集", "上报"),
    ("registered_at", "案件建立", "立案"),
    ("dispatched_at", "任务派遣", "派遣"),
    ("disposed_at", "处理反馈", "反馈"),
    ("verified_at", "核查结案", "核查通过"),
    ("closed_at", "已结案", "结案"),
)
RESULTS = ("", "按期结案", "超期结案", "不予立案", "作废", "挂账")
#: Case columns an import sets (compared to decide whether a re-imported row changed).
FIELDS = (
    "source",
    "class_kind",
    "class_code",
    "x",
    "y",
    "address",
    "description",
    "grid_code",
    "department_id",
    "created_at",
    "filed_at",
    "dispatched_at",
    "closed_at",
    "stage",
    "disposed_in_time",
    "rework_count",
    "phase_since",
    "limit_s",
    "limit_unit",
    "deadline",
)


class HistoryImportError(ExchangeError):
    """The file was refused; ``lines`` are (line, reason) pairs, ``str()`` lists them in Chinese."""

    def __init__(self, lines: list[tuple[int, str]]):
        self.lines = lines
        problems = [f"第 {line} 行：{reason}" for line, reason in lines]
        super().__init__(f"{len(lines)} 处错误，未导入任何案件：\n" + "\n".join(problems), problems)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def _time(text: str) -> datetime | None:
    text = text.strip()
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return as_utc(moment.replace(tzinfo=LOCAL_TZ) if moment.tzinfo is None else moment)


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


class _RowParser:
    """Turns one CSV row into Case column values, or raises ValueError with a Chinese reason."""

    def __init__(self, departments: dict[str, int], calendar: WorkCalendar, limits: TimeLimits):
        self.departments, self.calendar, self.limits = departments, calendar, limits

    def parse(self, row: dict) -> dict:
        get = lambda key: (row.get(key) or "").strip()  # noqa: E731
        missing = [key for key in REQUIRED if not get(key)]
        if missing:
            raise ValueError(f"缺少必填列 {'、'.join(missing)}")
        if get("source") not in SOURCES:
            raise ValueError(f"案件来源“{get('source')}”无效（可选：{'、'.join(SOURCES)}）")
        if get("class_code") and get("class_kind") not in ("部件", "事项"):
            raise ValueError("有类别代码时 class_kind 须为 部件 或 事项")
        try:
            times = {key: _time(get(key)) for key, _, _ in STAGE_TIMES}
            rejected = _time(get("rejected_at"))
            x, y = _float(get("lon")), _float(get("lat"))
            reworks = int(get("rework_count") or 0)
        except ValueError as exc:
            raise ValueError(f"时间、坐标或返工次数格式无效（{exc}）") from None
        if (x is None) != (y is None) or (x is not None and not (-180 <= x <= 180 and -90 <= y <= 90)):
            raise ValueError("经纬度须同时填写且在有效范围内")
        result = get("result")
        if result not in RESULTS:
            raise ValueError(f"处理结果“{result}”无效（可选：{'、'.join(r for r in RESULTS if r)}）")
        stage, action_times = self._stages(times, rejected, result)
        department_id = self._department(get("department"), times["dispatched_at"])
        values = {
            "case_no": get("case_no"),
            "source": get("source"),
            "class_kind": get("class_kind") or None,
            "class_code": get("class_code") or None,
            "x": x,
            "y": y,
            "address": get("address") or None,
            "description": get("description"),
            "department_id": department_id,
            "stage": stage,
            "created_at": times["reported_at"],
            "filed_at": times["registered_at"],
            "dispatched_at": times["dispatched_at"],
            "closed_at": times["closed_at"] if stage == "已结案" else None,
            "rework_count": reworks,
            "disposed_in_time": self._in_time(get("class_kind"), get("class_code"), times, result),
        }
        values.update(self._clock(values, action_times[-1][0]))
        return values | {"_audit": action_times}

    def _stages(self, times: dict, rejected: datetime | None, result: str):
        reached = [(times[key], stage, action) for key, stage, action in STAGE_TIMES if times[key]]
        present = [bool(times[key]) for key, _, _ in STAGE_TIMES]
        if False in present and True in present[present.index(False) :]:
            gap = STAGE_TIMES[present.index(False)][0]
            raise ValueError(f"后续阶段有时间但缺少 {gap}")
        moments = [moment for moment, _, _ in reached]
        if moments != sorted(moments):
            raise ValueError("各阶段时间须按 上报→立案→派遣→处置→核查→结案 先后排列")
        stage = reached[-1][1]
        if result in ("不予立案", "作废"):
            if rejected is None or rejected < moments[-1]:
                raise ValueError(f"处理结果为“{result}”时须填写不早于前一阶段的 rejected_at")
            if result == "不予立案" and times["registered_at"]:
                raise ValueError("已立案的案件不能“不予立案”，应为“作废”")
            if times["closed_at"]:
                raise ValueError("已结案的案件不能作废")
            return "作废", [*reached, (rejected, "作废", result)]
        if rejected is not None:
            raise ValueError("rejected_at 仅用于处理结果为 不予立案 或 作废 的案件")
        if result == "挂账":
            if stage != "任务派遣":
                raise ValueError("挂账案件须已派遣且未处置")
            return "挂账", [*reached, (moments[-1], "挂账", "挂账")]
        if result in ("按期结案", "超期结案") and stage != "已结案":
            raise ValueError(f"处理结果为“{result}”时须填写 closed_at")
        return stage, reached

    def _department(self, name: str, dispatched: datetime | None) -> int | None:
        if not name:
            if dispatched:
                raise ValueError("已派遣的案件须填写处置部门 department")
            return None
        if name not in self.departments:
            raise ValueError(f"处置部门“{name}”不存在（按部门编码或名称匹配）")
        return self.departments[name]

    def _in_time(self, kind: str, code: str, times: dict, result: str) -> bool | None:
        if result in ("按期结案", "超期结案"):
            return result == "按期结案"
        if not (times["dispatched_at"] and times["disposed_at"]):
            return None
        limit = self.limits.limit(kind or None, code or None, "处置")
        used = elapsed(self.calendar, limit.unit, times["dispatched_at"], times["disposed_at"])
        return used <= limit.seconds(self.calendar)

    def _clock(self, values: dict, since: datetime) -> dict:
        phase = PHASES.get(values["stage"])
        if phase is None:
            return {"phase_since": None, "limit_s": None, "limit_unit": None, "deadline": None}
        limit = self.limits.limit(values["class_kind"], values["class_code"], phase)
        clock = {
            "phase_since": since,
            "limit_s": limit.seconds(self.calendar),
            "limit_unit": limit.unit,
            "suspended_since": since if values["stage"] == "挂账" else None,
            "suspended_total_s": 0.0,
        }
        return clock | {"deadline": deadline(Case(**clock), self.calendar)}


def read_rows(path: Path | str, parser: _RowParser) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """Parsed rows with their line numbers, and the problems found."""
    parsed, problems, seen = [], [], {}
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not set(REQUIRED) <= set(reader.fieldnames):
                return [], [(1, f"表头须包含 {'、'.join(REQUIRED)}")]
            for line, row in enumerate(reader, start=2):
                try:
                    values = parser.parse(row)
                except ValueError as exc:
                    problems.append((line, str(exc)))
                    continue
                if values["case_no"] in seen:
                    problems.append((line, f"案件编号 {values['case_no']} 与第 {seen[values['case_no']]} 行重复"))
                    continue
                seen[values["case_no"]] = line
                parsed.append((line, values))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return [], [(0, f"无法读取文件：{exc}")]
    if not parsed and not problems:
        problems.append((1, "文件中没有案件"))
    return parsed, problems


def import_history(
    db: CityDatabase, path: Path | str, calendar: WorkCalendar | None = None, limits: TimeLimits | None = None
) -> ImportResult:
    """Import the file in one transaction, or raise :class:`HistoryImportError` and write nothing."""
    with db.session() as session, session.begin():
        departments = {}
        for dept_id, code, name in session.execute(select(Department.id, Department.code, Department.name)):
            departments[code] = departments[name] = dept_id
        rows, problems = read_rows(
            path, _RowParser(departments, calendar or read_calendar(), limits or TimeLimits.read())
        )
        existing = (
            {
                case.case_no: case
                for case in session.scalars(
                    select(Case).where(Case.case_no.in_([values["case_no"] for _, values in rows]))
                )
            }
            if rows
            else {}
        )
        imported = set(
            session.scalars(
                select(CaseAudit.case_id).where(
                    CaseAudit.seat == IMPORT_SEAT, CaseAudit.case_id.in_([c.id for c in existing.values()])
                )
            )
        )
        problems += [
            (line, f"案件编号 {values['case_no']} 已被系统内登记的案件使用")
            for line, values in rows
            if values["case_no"] in existing and existing[values["case_no"]].id not in imported
        ]
        if problems:
            raise HistoryImportError(sorted(problems))
        grids = _grids_at(session, [(values["x"], values["y"]) for _, values in rows])
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        written = []
        for (_, values), grid in zip(rows, grids):
            values = {**values, "grid_code": grid}
            audit = values.pop("_audit")
            case = existing.get(values["case_no"])
            if case is None:
                case = Case(**values, is_drill=False, reporter=IMPORT_SEAT)
                session.add(case)
                session.flush()
                session.add_all(_audit_row(case, moment, action, stage) for moment, stage, action in audit)
                counts["created"] += 1
                written.append(case)
            elif all(_same(getattr(case, key), values.get(key)) for key in FIELDS):
                counts["unchanged"] += 1
            else:
                for key, value in values.items():
                    setattr(case, key, value)
                session.flush()
                session.add(_audit_row(case, datetime.now(LOCAL_TZ), "导入更新", case.stage))
                counts["updated"] += 1
                written.append(case)
    if written:
        db.changes.announce(Change.of("case", [c.id for c in written], points=[(c.x, c.y) for c in written]))
    return ImportResult(**counts)


def _same(current, new) -> bool:
    if isinstance(current, datetime) and isinstance(new, datetime):
        return as_utc(current) == as_utc(new)
    if isinstance(current, float) and isinstance(new, float):
        return abs(current - new) < 1e-9
    return current == new


def _audit_row(case: Case, moment: datetime, action: str, stage: str) -> CaseAudit:
    return CaseAudit(
        case_id=case.id,
        ts=moment,
        actor=IMPORT_SEAT,
        seat=IMPORT_SEAT,
        action=action,
        to_stage=stage,
        comment="",
        is_drill=False,
    )


def _grids_at(session, points: list[tuple[float | None, float | None]]) -> list[str | None]:
    """The 单元网格 containing each point (one STRtree query for the whole file)."""
    rows = session.execute(select(UnitGrid.code, UnitGrid.geom_wkb).where(UnitGrid.geom_wkb.is_not(None))).all()
    found: list[str | None] = [None] * len(points)
    if not rows or not points:
        return found
    tree = shapely.STRtree(shapely.from_wkb([wkb for _, wkb in rows]))
    geoms = shapely.points([(x, y) if x is not None else (np.nan, np.nan) for x, y in points])
    for point_index, grid_index in tree.query(geoms, predicate="covered_by").T:
        if found[point_index] is None:
            found[point_index] = rows[grid_index][0]
    return found
