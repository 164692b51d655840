"""Vehicle tracks from ``vehicle_position`` (Qt-free): loading, interpolation, summary, retention.

A :class:`Track` is one vehicle's real (non-drill) fixes in a time range as numpy arrays, ordered
by time (epoch seconds). Distances are geodesic on the CGCS2000 ellipsoid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import NamedTuple

import numpy as np
from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import aliased

from desktop.cases.calendar import as_utc
from desktop.domain.geodesy import segment_lengths
from desktop.storage.changes import DELETE, Change
from desktop.storage.database import CityDatabase
from desktop.storage.models import Meta, Vehicle, VehiclePosition

STOP_MIN_S = 300.0  # stationary at least this long counts as a stop (停留)
STILL_M = 25.0  # between two fixes: moved less than this …
STILL_KMH = 3.0  # … and reporting at most this speed: stationary
SAMPLE_HISTORY_KEY = "sample_history_end"  # meta: the demo city's generated history ends here (retention keeps it)


class Fix(NamedTuple):
    t: float  # epoch seconds
    x: float  # lon
    y: float  # lat
    speed: float  # km/h
    heading: float  # degrees clockwise from north


class Stop(NamedTuple):
    start: float
    end: float
    x: float
    y: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Summary:
    distance_m: float
    duration_s: float
    max_speed_kmh: float
    stops: list[Stop]


@dataclass(frozen=True)
class Track:
    """Fixes as parallel arrays ``ts`` (epoch s), ``x``/``y`` (lon/lat), ``speed`` (km/h), ``heading`` (°)."""

    vehicle_id: int
    ts: np.ndarray
    x: np.ndarray
    y: np.ndarray
    speed: np.ndarray
    heading: np.ndarray

    def __len__(self) -> int:
        return len(self.ts)

    @property
    def start(self) -> float:
        return float(self.ts[0])

    @property
    def end(self) -> float:
        return float(self.ts[-1])

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return float(self.x.min()), float(self.y.min()), float(self.x.max()), float(self.y.max())

    def index_at(self, t: float) -> int:
        """How many fixes lie at or before ``t``."""
        return int(np.searchsorted(self.ts, t, side="right"))

    def at(self, t: float) -> Fix:
        """The position at ``t`` (clamped to the track), linear between fixes; heading turns the short way."""
        t = min(max(float(t), self.start), self.end)
        if len(self) == 1:
            return Fix(t, float(self.x[0]), float(self.y[0]), float(self.speed[0]), float(self.heading[0]))
        i = min(max(self.index_at(t), 1), len(self) - 1)
        t0, t1 = self.ts[i - 1], self.ts[i]
        f = (t - t0) / (t1 - t0) if t1 > t0 else 1.0
        x, y, speed = (float(a[i - 1] + (a[i] - a[i - 1]) * f) for a in (self.x, self.y, self.speed))
        turn = (self.heading[i] - self.heading[i - 1] + 180.0) % 360.0 - 180.0
        return Fix(t, x, y, speed, float((self.heading[i - 1] + turn * f) % 360.0))

    @cached_property
    def segment_lengths(self) -> np.ndarray:
        """Geodesic metres between consecutive fixes (computed once: stops, summary and replay share it)."""
        return segment_lengths(self.x, self.y)

    def stops(self) -> list[Stop]:
        """Runs of stationary steps lasting at least :data:`STOP_MIN_S`, at their mean position."""
        still = (self.segment_lengths < STILL_M) & (self.speed[1:] <= STILL_KMH)
        edges = np.diff(np.concatenate([[0], still.astype(np.int8), [0]]))
        found = []
        for first, last in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)):  # steps first..last-1
            if self.ts[last] - self.ts[first] >= STOP_MIN_S:
                run = slice(first, last + 1)
                found.append(
                    Stop(
                        float(self.ts[first]),
                        float(self.ts[last]),
                        float(self.x[run].mean()),
                        float(self.y[run].mean()),
                    )
                )
        return found

    def summary(self) -> Summary:
        return Summary(float(self.segment_lengths.sum()), self.end - self.start, float(self.speed.max()), self.stops())


def _epoch(moment: datetime) -> float:
    return as_utc(moment).timestamp()


def load_track(db: CityDatabase, vehicle_id: int, start: datetime, end: datetime) -> Track:
    """The vehicle's real fixes with ``start <= ts <= end`` (naive datetimes are UTC), by time."""
    p = VehiclePosition
    query = (
        select(p.ts, p.x, p.y, p.speed_kmh, p.heading)
        .where(p.vehicle_id == vehicle_id, p.is_drill.is_(False), p.ts >= as_utc(start), p.ts <= as_utc(end))
        .order_by(p.ts)
    )
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
    columns = np.array(
        [(_epoch(ts), x, y, speed or 0.0, heading or 0.0) for ts, x, y, speed, heading in rows], dtype=float
    ).reshape(-1, 5)
    return Track(vehicle_id, *columns.T.copy())


def fix_span(db: CityDatabase, vehicle_id: int) -> tuple[datetime, datetime] | None:
    """Times (UTC) of the vehicle's first and latest real fix, None without any."""
    p = VehiclePosition
    with db.engine.connect() as conn:
        first, last = conn.execute(
            select(func.min(p.ts), func.max(p.ts)).where(p.vehicle_id == vehicle_id, p.is_drill.is_(False))
        ).one()
    return None if last is None else (as_utc(first), as_utc(last))


def latest_fix_time(db: CityDatabase, vehicle_id: int) -> datetime | None:
    """Time (UTC) of the vehicle's latest real fix."""
    span = fix_span(db, vehicle_id)
    return span[1] if span else None


def vehicles(db: CityDatabase) -> list[tuple[int, str, str]]:
    """``(id, plate, kind)`` of every vehicle, by plate."""
    with db.engine.connect() as conn:
        return [
            tuple(row) for row in conn.execute(select(Vehicle.id, Vehicle.plate, Vehicle.kind).order_by(Vehicle.plate))
        ]


def prune_positions(db: CityDatabase, keep_days: float, now: datetime) -> int:
    """Delete fixes older than ``now - keep_days`` in one statement; returns how many.

    Each vehicle keeps its latest fix (real and drill apart), so the map and the nearest-unit
    recommendation still know where every vehicle is; a demo city keeps its generated history
    (fixes up to the meta ``sample_history_end``).
    """
    p, later = VehiclePosition, aliased(VehiclePosition)
    newer = exists().where(later.vehicle_id == p.vehicle_id, later.is_drill == p.is_drill, later.ts > p.ts)
    condition = [p.ts < as_utc(now) - timedelta(days=keep_days), newer]
    with db.engine.begin() as conn:
        sample_end = conn.execute(select(Meta.value).where(Meta.key == SAMPLE_HISTORY_KEY)).scalar()
        if sample_end:
            condition.append(p.ts > datetime.fromisoformat(sample_end).astimezone(UTC))
        deleted = conn.execute(delete(p).where(*condition)).rowcount
    if deleted:
        db.changes.announce(Change("vehicle_position", (), DELETE))
    return deleted
