"""The alarm table as the live feed fills it and seats work it (Qt-free).

:func:`persist` writes a batch of feed events idempotently on ``(stream, seq)`` in one
transaction and returns only the rows it inserted; :func:`set_status` moves an open alarm to
已确认 / 误报 / 已关闭 with who and when. An unacknowledged alarm older than its level's
response limit (``resources/feeds/alarm_response_limits.csv``) is *escalated*.
"""

from __future__ import annotations

import csv
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import shapely
from sqlalchemy import or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from desktop.feeds.protocol import ALARM_KINDS, dumps
from desktop.storage.changes import INSERT, Change, batch_bbox
from desktop.storage.database import CityDatabase
from desktop.storage.models import ALARM_STATUSES, AdminArea, Alarm, UnitGrid

log = logging.getLogger(__name__)

STREAM = "alarms"
UNHANDLED, ACKED, CASED, FALSE_ALARM, CLOSED = ALARM_STATUSES
OPEN_STATUSES = (UNHANDLED, ACKED)
#: Kinds the seats raise themselves (not the feed), kind → category.
SEAT_KINDS = {"案件超期": "案件时限"}
CATEGORIES = tuple(dict.fromkeys([*(category for category, _ in ALARM_KINDS.values()), *SEAT_KINDS.values()]))
LIMITS_CSV = Path(__file__).resolve().parents[2] / "resources" / "feeds" / "alarm_response_limits.csv"
_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_FROM = {ACKED: (UNHANDLED,), FALSE_ALARM: OPEN_STATUSES, CLOSED: OPEN_STATUSES}  # allowed transitions


@dataclass(slots=True)
class AlarmRow:
    """One alarm as seats see it; times are Unix seconds (UTC)."""

    id: int
    seq: int
    kind: str
    level: int
    source: str
    x: float | None
    y: float | None
    ts: float
    status: str = UNHANDLED
    message: str = ""
    device_id: str | None = None
    component_code: str | None = None
    payload: dict = field(default_factory=dict)
    is_drill: bool = False
    acked_by: str | None = None
    acked_at: float | None = None
    closed_by: str | None = None
    closed_at: float | None = None
    street: str = ""

    @property
    def category(self) -> str:
        return ALARM_KINDS.get(self.kind, (SEAT_KINDS.get(self.kind, ""), 0))[0]


def response_limits(path: Path = LIMITS_CSV) -> dict[int, float]:
    """Level → seconds within which an alarm must be acknowledged."""
    with open(path, encoding="utf-8", newline="") as f:
        return {int(r["level"]): float(r["response_limit_min"]) * 60 for r in csv.DictReader(f)}


def is_escalated(row: AlarmRow, limits: dict[int, float], now: float) -> bool:
    return row.status == UNHANDLED and now - row.ts > limits.get(row.level, limits[min(limits)])


def last_seq(db: CityDatabase, stream: str = STREAM) -> int:
    """The last persisted seq of ``stream`` (0 when none): where the feed resumes."""
    with db.engine.connect() as conn:
        return (
            conn.execute(select(Alarm.seq).where(Alarm.stream == stream).order_by(Alarm.seq.desc()).limit(1)).scalar()
            or 0
        )


def _utc(seconds: float) -> datetime:
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return datetime.now(UTC)


def _seconds(moment: datetime | None) -> float | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


_SOURCE = {kind: "视频AI" if category == "视频AI" else "物联感知" for kind, (category, _) in ALARM_KINDS.items()}


def _values(stream: str, event: dict) -> dict:
    """Column values of a feed event (``seq`` + ``alarm`` body); KeyError/TypeError/ValueError when malformed."""
    alarm = event["alarm"]
    kind = str(alarm["kind"])
    return {
        "stream": stream,
        "seq": int(event["seq"]),
        "kind": kind,
        "level": int(alarm.get("level") or 1),
        "source": _SOURCE.get(kind, "物联感知"),
        "device_id": alarm.get("device_id"),
        "component_code": alarm.get("component_code"),
        "x": float(alarm["x"]),
        "y": float(alarm["y"]),
        "ts": _utc(float(alarm["ts"])),
        "status": UNHANDLED,
        "message": str(alarm.get("message") or ""),
        "payload": dict(alarm.get("payload") or {}),
        "is_drill": bool(alarm.get("drill")),
    }


def persist(db: CityDatabase, events: list[dict], stream: str = STREAM) -> list[AlarmRow]:
    """Insert feed events not yet in the table (one transaction); malformed events are logged and skipped."""
    values = []
    for event in events:
        try:
            values.append(_values(stream, event))
        except (KeyError, TypeError, ValueError, AttributeError):
            log.warning("忽略格式错误的告警事件：%.200r", event)
    if not values:
        return []
    ids = insert_new(db, values)
    return [
        AlarmRow(
            ids[v["seq"]],
            v["seq"],
            v["kind"],
            v["level"],
            v["source"],
            v["x"],
            v["y"],
            v["ts"].timestamp(),
            message=v["message"],
            device_id=v["device_id"],
            component_code=v["component_code"],
            payload=v["payload"],
            is_drill=v["is_drill"],
        )
        for v in values
        if v["seq"] in ids
    ]


def insert_new(db: CityDatabase, values: list[dict]) -> dict[int, int]:
    """Insert alarm rows (column dicts of one stream) in one transaction, skipping a ``(stream, seq)``
    already stored; seq → id of the rows inserted. One ``alarm`` change for the batch after the commit."""
    if db.engine.dialect.name == "sqlite" and all(_FAST_COLUMNS_SET.issubset(v) for v in values):
        ids = _insert_new_sqlite(db, values)
    else:
        statement = (
            _INSERTS[db.engine.dialect.name](Alarm)
            .on_conflict_do_nothing(index_elements=["stream", "seq"])
            .returning(Alarm.id, Alarm.seq)
        )
        with db.engine.begin() as conn:
            ids = {seq: key for key, seq in conn.execute(statement, values)}
    if ids:
        db.changes.announce(Change("alarm", tuple(ids.values()), INSERT, batch_bbox(values)))
    return ids


# The feed's hot path on SQLite: multi-row INSERT … RETURNING on the driver, values stored as
# SQLAlchemy reads them (DateTime as "YYYY-MM-DD HH:MM:SS.ffffff" UTC, JSON text, booleans 0/1) —
# the Core statement costs ~5x more per row in bind processing and compilation (the seat's loop thread).
_FAST_COLUMNS = (
    "stream",
    "seq",
    "kind",
    "level",
    "source",
    "device_id",
    "component_code",
    "x",
    "y",
    "ts",
    "status",
    "message",
    "payload",
    "is_drill",
)
_FAST_COLUMNS_SET = frozenset(_FAST_COLUMNS)
_FAST_ROWS = 500  # 14 parameters a row, well under SQLite's 32766


def _sqlite_datetime(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    m = moment
    return f"{m.year:04d}-{m.month:02d}-{m.day:02d} {m.hour:02d}:{m.minute:02d}:{m.second:02d}.{m.microsecond:06d}"


def _insert_new_sqlite(db: CityDatabase, values: list[dict]) -> dict[int, int]:
    row_sql = "(" + ",".join("?" * len(_FAST_COLUMNS)) + ")"
    ids: dict[int, int] = {}
    with db.engine.begin() as conn:
        cursor = conn.connection.cursor()  # the driver's: RETURNING rows as plain tuples in one fetchall
        for i in range(0, len(values), _FAST_ROWS):
            part = values[i : i + _FAST_ROWS]
            params = []
            for v in part:
                params += (
                    v["stream"],
                    v["seq"],
                    v["kind"],
                    v["level"],
                    v["source"],
                    v["device_id"],
                    v["component_code"],
                    v["x"],
                    v["y"],
                    _sqlite_datetime(v["ts"]),
                    v["status"],
                    v["message"],
                    None if v["payload"] is None else dumps(v["payload"]),
                    int(bool(v["is_drill"])),
                )
            sql = (
                f"INSERT INTO alarm ({', '.join(_FAST_COLUMNS)}) VALUES {','.join([row_sql] * len(part))} "
                "ON CONFLICT (stream, seq) DO NOTHING RETURNING id, seq"
            )
            ids.update((seq, key) for key, seq in cursor.execute(sql, params).fetchall())
        cursor.close()
    return ids


def _row(alarm: Alarm) -> AlarmRow:
    return AlarmRow(
        id=alarm.id,
        seq=alarm.seq,
        kind=alarm.kind,
        level=alarm.level,
        source=alarm.source,
        x=alarm.x,
        y=alarm.y,
        ts=_seconds(alarm.ts),
        status=alarm.status,
        message=alarm.message or "",
        device_id=alarm.device_id,
        component_code=alarm.component_code,
        payload=alarm.payload or {},
        is_drill=bool(alarm.is_drill),
        acked_by=alarm.acked_by,
        acked_at=_seconds(alarm.acked_at),
        closed_by=alarm.closed_by,
        closed_at=_seconds(alarm.closed_at),
    )


def load(db: CityDatabase, recent_s: float = 86_400.0, limit: int = 5_000) -> list[AlarmRow]:
    """Open alarms and those of the last ``recent_s`` seconds, newest first."""
    since = datetime.now(UTC) - timedelta(seconds=recent_s)
    with db.session() as session:
        alarms = session.scalars(
            select(Alarm)
            .where(or_(Alarm.status.in_(OPEN_STATUSES), Alarm.ts >= since))
            .order_by(Alarm.ts.desc(), Alarm.id.desc())
            .limit(limit)
        )
        return [_row(a) for a in alarms]


def fetch(db: CityDatabase, alarm_ids: list[int]) -> list[AlarmRow]:
    """The stored alarms with these ids, in seq order."""
    with db.session() as session:
        return [_row(a) for a in session.scalars(select(Alarm).where(Alarm.id.in_(alarm_ids)).order_by(Alarm.seq))]


def get(db: CityDatabase, alarm_id: int) -> AlarmRow | None:
    with db.session() as session:
        alarm = session.get(Alarm, alarm_id)
        return None if alarm is None else _row(alarm)


def set_status(db: CityDatabase, alarm_id: int, status: str, who: str, now: float | None = None) -> AlarmRow | None:
    """Move an alarm to ``status`` (已确认 / 误报 / 已关闭) if its current status allows; returns the row as stored."""
    moment = _utc(time.time() if now is None else now)
    who_when = {"acked_by": who, "acked_at": moment} if status == ACKED else {"closed_by": who, "closed_at": moment}
    with db.session() as session, session.begin():
        moved = session.execute(
            update(Alarm).where(Alarm.id == alarm_id, Alarm.status.in_(_FROM[status])).values(status=status, **who_when)
        ).rowcount
        alarm = session.get(Alarm, alarm_id)
        row = None if alarm is None else _row(alarm)
    if moved:
        db.changes.announce(Change.of("alarm", (alarm_id,), points=[(row.x, row.y)]))
    return row


class StreetIndex:
    """Which 街道 a point lies in: unit grid → community → street (names).

    One per open database, shared by the feed's loop thread and the GUI thread (queries take turns)."""

    def __init__(self, db: CityDatabase):
        with db.engine.connect() as conn:
            areas = {
                code: (name, parent)
                for code, name, parent in conn.execute(select(AdminArea.code, AdminArea.name, AdminArea.parent_code))
            }
            grids = conn.execute(
                select(UnitGrid.geom_wkb, UnitGrid.community_code).where(UnitGrid.geom_wkb.is_not(None))
            ).all()
        self._tree = shapely.STRtree(shapely.from_wkb([g for g, _ in grids]))
        self._names = [areas.get(areas.get(c, ("", None))[1], ("", None))[0] for _, c in grids]
        self._lock = threading.Lock()

    def streets(self, rows: list[AlarmRow]) -> None:
        """Fill ``row.street`` for rows with a position."""
        placed = [r for r in rows if r.x is not None and r.y is not None]
        if not placed or not self._names:
            return
        points = shapely.points(np.array([(r.x, r.y) for r in placed]))
        with self._lock:
            hits = self._tree.query(points, predicate="intersects")
        for point, grid in zip(*hits.tolist()):
            placed[point].street = self._names[grid]
