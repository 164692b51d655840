"""The database bench (``bench db``): millions of synthetic historical cases, then the seat's queries timed.

:func:`run_db_bench` generates (or reuses, cached by its parameters under the data dir) a
SQLite city database with ``cases`` cases spread over two years — recent ones still open —
with bulk inserts of numpy-generated columns, then times open/overdue cases by department and
by grid, one case's timeline, and a month's KPIs for all departments. Baselines measured in the
same run (a primary-key lookup, an indexed count of the month) let the figures read as ratios.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.schema import CreateIndex

from desktop.cases.calendar import LOCAL_TZ
from desktop.cases.case_list import OPEN_STAGES, open_cases_by, timeline
from desktop.cases.kpi import compute_kpis
from desktop.paths import data_home
from desktop.storage.database import CityDatabase
from desktop.storage.models import Case, CaseAudit

log = logging.getLogger(__name__)

GENERATOR_VERSION = 2
NOW = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)  # the bench's "now" (10:00 Beijing time)
SPAN_DAYS = 730
OPEN_DAYS = 7  # cases younger than this may still be open
DEPARTMENTS, GRIDS, INSPECTORS = 12, 600, 200
QUERY_TARGET_MS, KPI_TARGET_MS = 50.0, 1000.0
_CHUNK = 250_000
_SOURCES = ("监督员上报", "12345热线", "公众号", "视频AI", "物联感知")
_CLOSED_STAGES = ("已结案", "作废")
_CASE_COLUMNS = (
    "id",
    "case_no",
    "stage",
    "source",
    "class_kind",
    "class_code",
    "description",
    "x",
    "y",
    "grid_code",
    "department_id",
    "created_at",
    "deadline",
    "reporter_id",
    "phase_since",
    "limit_s",
    "limit_unit",
    "suspended_total_s",
    "filed_at",
    "dispatched_at",
    "closed_at",
    "disposed_in_time",
    "rework_count",
    "extension_count",
    "returned_count",
    "version",
    "is_drill",
)
_AUDIT_COLUMNS = ("case_id", "ts", "actor", "seat", "action", "from_stage", "to_stage", "comment", "is_drill")


def cached_path(cases: int, seed: int = 1) -> Path:
    return data_home() / "bench" / f"cases-{cases}-seed{seed}-v{GENERATOR_VERSION}.db"


def _stamp(moments: np.ndarray) -> list:
    """datetime64[s] → the text SQLAlchemy stores for DateTime on SQLite (None for NaT)."""
    text = np.char.replace(np.datetime_as_string(moments.astype("datetime64[us]"), unit="us"), "T", " ")
    return np.where(np.isnat(moments), None, text.astype(object)).tolist()


def _seed_reference_rows(connection) -> None:
    connection.execute(
        "INSERT INTO admin_area (code, name, level) VALUES ('9901', '基准市', 'city'),"
        " ('990101001001', '基准社区', 'community')"
    )
    connection.executemany(
        "INSERT INTO department (id, code, name, kind) VALUES (?, ?, ?, '市政')",
        [(d, f"D{d:02d}", f"基准部门{d}") for d in range(1, DEPARTMENTS + 1)],
    )
    connection.executemany(
        "INSERT INTO unit_grid (code, community_code, area_m2, zone_type, name) "
        "VALUES (?, '990101001001', 250000, '其他', ?)",
        [(f"99010100100{g:04d}", f"基准网格{g}") for g in range(GRIDS)],
    )
    connection.executemany(
        "INSERT INTO staff (id, code, name, role) VALUES (?, ?, ?, '监督员')",
        [(s, f"S{s:04d}", f"监督员{s}") for s in range(1, INSPECTORS + 1)],
    )


def _case_chunk(rng: np.random.Generator, first_id: int, size: int, origin: np.datetime64, span_s: int):
    """Columns of ``size`` cases (ids from ``first_id``, reported within ``span_s`` seconds after
    ``origin``) and their audit rows."""
    ids = np.arange(first_id, first_id + size)
    created = origin + np.sort(rng.integers(0, max(span_s, 1), size)).astype("timedelta64[s]")
    age_days = (np.datetime64(NOW.replace(tzinfo=None), "s") - created).astype(np.int64) / 86400
    open_ = (age_days < OPEN_DAYS) & (rng.random(size) < 0.6 * (1 - age_days / OPEN_DAYS))
    voided = ~open_ & (rng.random(size) < 0.04)
    stage = np.where(
        open_, np.asarray(OPEN_STAGES)[rng.integers(0, len(OPEN_STAGES), size)], np.where(voided, "作废", "已结案")
    )
    step = lambda: rng.integers(300, 4 * 3600, size).astype("timedelta64[s]")  # noqa: E731
    filed = created + step()
    dispatched = filed + step()
    disposed = dispatched + rng.integers(1800, 3 * 86400, size).astype("timedelta64[s]")
    closed = disposed + step()
    nat = np.datetime64("NaT", "s")
    reached = {
        s: i
        for i, s in enumerate(
            ("信息采集", "案件建立", "任务派遣", "任务处理", "挂账", "处理反馈", "核查结案", "已结案")
        )
    }
    level = np.vectorize(lambda s: reached.get(s, 0))(stage)
    filed = np.where((level >= 1) | voided, filed, nat)
    dispatched = np.where(level >= 2, dispatched, nat)
    closed_at = np.where(stage == "已结案", closed, nat)
    phase_since = np.where(open_, np.maximum(created, np.where(np.isnat(dispatched), filed, dispatched)), nat)
    phase_since = np.where(open_ & np.isnat(phase_since), created, phase_since)
    limit_s = np.where(open_, 3 * 8 * 3600.0, np.nan)
    deadline = np.where(open_, phase_since + np.full(size, 3 * 86400, "timedelta64[s]"), nat)
    kinds = np.where(rng.random(size) < 0.5, "部件", "事项")
    codes = np.char.add(
        np.char.zfill(rng.integers(1, 7, size).astype(str), 2), np.char.zfill(rng.integers(1, 20, size).astype(str), 2)
    )
    department = np.where(np.isnat(dispatched), -1, rng.integers(1, DEPARTMENTS + 1, size))
    in_time = np.where(stage == "已结案", rng.random(size) < 0.9, False)
    columns = {
        "id": ids.tolist(),
        "case_no": [f"B{i:010d}" for i in ids],
        "stage": stage.tolist(),
        "source": np.asarray(_SOURCES)[rng.integers(0, len(_SOURCES), size)].tolist(),
        "class_kind": kinds.tolist(),
        "class_code": codes.tolist(),
        "description": [""] * size,
        "x": (118.2 + rng.random(size) * 0.2).tolist(),
        "y": (33.9 + rng.random(size) * 0.2).tolist(),
        "grid_code": [f"99010100100{g:04d}" for g in rng.integers(0, GRIDS, size)],
        "department_id": [None if d < 0 else int(d) for d in department],
        "created_at": _stamp(created),
        "deadline": _stamp(deadline),
        "reporter_id": rng.integers(1, INSPECTORS + 1, size).tolist(),
        "phase_since": _stamp(phase_since),
        "limit_s": [None if np.isnan(v) else float(v) for v in limit_s],
        "limit_unit": np.where(open_, "工作时", None).tolist(),
        "suspended_total_s": [0.0] * size,
        "filed_at": _stamp(filed),
        "dispatched_at": _stamp(dispatched),
        "closed_at": _stamp(closed_at),
        "disposed_in_time": [None if s != "已结案" else bool(v) for s, v in zip(stage, in_time)],
        "rework_count": (rng.random(size) < 0.05).astype(int).tolist(),
        "extension_count": [0] * size,
        "returned_count": [0] * size,
        "version": (level + 1).tolist(),
        "is_drill": [False] * size,
    }
    rows = list(zip(*(columns[name] for name in _CASE_COLUMNS)))
    audit = [
        (int(i), ts, "基准", "基准", "上报", None, "信息采集", "", False) for i, ts in zip(ids, columns["created_at"])
    ]
    audit += [
        (int(i), ts, "基准", "基准", "结案", "核查结案", "已结案", "", False)
        for i, ts in zip(ids, columns["closed_at"])
        if ts is not None
    ]
    return rows, audit


def generate(path: Path, cases: int, seed: int = 1) -> None:
    """Write a bench database of ``cases`` cases at ``path`` (replacing any file there)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = CityDatabase(partial)
    rng = np.random.default_rng(seed)
    origin = np.datetime64((NOW - timedelta(days=SPAN_DAYS)).replace(tzinfo=None), "s")
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA journal_mode=OFF")  # a throw-away file: no WAL for millions of rows
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-262144")  # 256 MB
        _seed_reference_rows(cursor)
        indexes = [index for table in (Case.__table__, CaseAudit.__table__) for index in table.indexes]
        for index in indexes:  # built once after loading: far faster than row by row
            cursor.execute(f'DROP INDEX "{index.name}"')
        case_sql = f'INSERT INTO "case" ({", ".join(_CASE_COLUMNS)}) VALUES ({", ".join("?" * len(_CASE_COLUMNS))})'
        audit_sql = (
            f"INSERT INTO case_audit ({', '.join(_AUDIT_COLUMNS)}) VALUES ({', '.join('?' * len(_AUDIT_COLUMNS))})"
        )
        per_case_s = SPAN_DAYS * 86400 / max(cases, 1)
        for start in range(0, cases, _CHUNK):
            size = min(_CHUNK, cases - start)
            chunk_origin = origin + np.timedelta64(int(per_case_s * start), "s")
            rows, audit = _case_chunk(rng, start + 1, size, chunk_origin, int(per_case_s * size))
            cursor.executemany(case_sql, rows)
            cursor.executemany(audit_sql, audit)
            log.info("测试数据库：已生成 %d / %d 条案件", start + size, cases)
        for index in indexes:
            cursor.execute(str(CreateIndex(index).compile(dialect=db.engine.dialect)))
        cursor.execute("INSERT INTO meta (key, value) VALUES ('bench_cases', ?)", (str(cases),))
        raw.commit()
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
        db.close()
    partial.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _ms(work) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def _p99(values: list[float]) -> float:
    return float(np.percentile(values, 99)) if values else 0.0


def measure(db: CityDatabase, repeats: int = 3) -> dict:
    """Timings (ms) of the seat's queries on an open bench database, with baselines."""
    with db.session() as session:
        departments = range(1, DEPARTMENTS + 1)
        grids = [f"99010100100{g:04d}" for g in range(0, GRIDS, max(1, GRIDS // 50))]
        top = session.scalar(select(func.max(Case.id))) or 1
        sample = np.random.default_rng(7).integers(1, top + 1, 50).tolist()
        kinds = {
            "open_by_department": [lambda d=d: open_cases_by(session, Case.department_id, d) for d in departments],
            "overdue_by_department": [
                lambda d=d: open_cases_by(session, Case.department_id, d, NOW) for d in departments
            ],
            "open_by_grid": [lambda g=g: open_cases_by(session, Case.grid_code, g) for g in grids],
            "overdue_by_grid": [lambda g=g: open_cases_by(session, Case.grid_code, g, NOW) for g in grids],
            "timeline": [lambda c=c: timeline(session, c) for c in sample],
        }
        timings = {}
        for name, works in kinds.items():
            for work in works:  # one warm-up pass: a seat's database is in the page cache
                work()
            timings[name] = [_ms(work) for _ in range(repeats) for work in works]
            session.expunge_all()
        baseline = [
            _ms(lambda c=c: session.get(Case, c)) for c in sample for _ in range(repeats) if not session.expunge_all()
        ]
        month_end = NOW.astimezone(LOCAL_TZ).replace(day=1, hour=0, minute=0, second=0)  # the last full month
        month_start = (month_end - timedelta(days=1)).replace(day=1)
        kpi = sorted(_ms(lambda: compute_kpis(session, month_start, month_end, "department")) for _ in range(repeats))
        count = sorted(
            _ms(
                lambda: session.scalar(
                    select(func.count()).where(Case.created_at >= month_start, Case.created_at < month_end)
                )
            )
            for _ in range(repeats)
        )
        open_total = session.scalar(select(func.count()).where(Case.stage.in_(OPEN_STAGES)))
    query_p99 = max(_p99(values) for values in timings.values())
    baseline_p99 = _p99(baseline)
    return {
        "query_ms_p99": round(query_p99, 2),
        "query_ms_p99_by_kind": {name: round(_p99(values), 2) for name, values in timings.items()},
        "query_ms_p50": round(float(np.median([v for values in timings.values() for v in values])), 2),
        "monthly_kpi_ms": round(kpi[len(kpi) // 2], 1),
        "open_cases": open_total,
        "baseline_pk_lookup_ms_p99": round(baseline_p99, 3),
        "baseline_month_count_ms": round(count[len(count) // 2], 2),
        "query_vs_baseline": round(query_p99 / baseline_p99, 1) if baseline_p99 else None,
        "kpi_vs_baseline": round(kpi[len(kpi) // 2] / count[len(count) // 2], 1) if count[0] else None,
        "query_target_ms": QUERY_TARGET_MS,
        "kpi_target_ms": KPI_TARGET_MS,
        "within_targets": query_p99 <= QUERY_TARGET_MS and kpi[len(kpi) // 2] <= KPI_TARGET_MS,
        "load_average_1m": round(os.getloadavg()[0], 2),  # other work on the machine inflates the tail
    }


class BenchError(ValueError):
    """The bench cannot run; ``str()`` is a Chinese message."""


def run_db_bench(db_path: Path | str | None, cases: int, seed: int = 1) -> dict:
    """Generate (or reuse) the bench database and measure it; one JSON-ready dict.

    ``db_path`` names the bench file (default: cached under the data dir by its parameters); a file
    there that is not a bench database of ``cases`` cases is never overwritten.
    """
    if cases <= 0:
        raise BenchError("案件数须为正整数")
    path = Path(db_path) if db_path else cached_path(cases, seed)
    generate_ms = 0.0
    if path.exists() and not _is_bench(path, cases):
        raise BenchError(f"“{path}”已存在且不是 {cases} 个案件的基准测试数据库，不会覆盖；请指定新文件或省略 --db")
    if not path.exists():
        generate_ms = _ms(lambda: generate(path, cases, seed))
    db = CityDatabase(path)
    try:
        result = measure(db)
    finally:
        db.close()
    return {"kind": "db", "cases": cases, "db": str(path), "generate_ms": round(generate_ms), **result}


def _is_bench(path: Path, cases: int) -> bool:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'bench_cases'").fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == str(cases)


# -- the ``bench db`` kind of :mod:`desktop.bench.command` -----------------------------------------
HELP = "数据库：数百万历史案件下的坐席查询（按部门/网格的在办与超期案件、案件时间线）与月度考核耗时"


def add_arguments(parser) -> None:
    parser.add_argument("--cases", type=int, default=5_000_000, metavar="数量", help="历史案件数，默认 5000000")
    parser.add_argument("--seed", type=int, default=1)


def run(args) -> int:
    try:
        result = run_db_bench(getattr(args, "db", None), args.cases, args.seed)
    except BenchError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, ensure_ascii=False))
    return 0
