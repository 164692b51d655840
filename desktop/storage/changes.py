"""What a committed write changed: the one change-event interface of the city database.

Every core service that writes owns its transaction and, after the commit, announces one
:class:`Change` on the database's :class:`ChangeBus` (``db.changes``). The seat subscribes and
hands the change to the layers and panels on the GUI thread; a multi-seat control room carries
the same events between seats, so a write that bypasses the services is one no other seat learns of.
A rolled-back transaction announces nothing; a high-rate writer announces one change per committed batch.

Entity kinds and their writers:

* ``case`` — :class:`~desktop.cases.service.CaseService` (its audit rows included), the history import
* ``alarm`` — the feed and the overdue check (:func:`desktop.feeds.alarm_store.insert_new`), status changes
  (:func:`~desktop.feeds.alarm_store.set_status`), a case reported from an alarm, drill injects
* ``vehicle_position`` — the feed's position store (ids: the vehicles), retention pruning (no ids)
* ``plan`` — :mod:`desktop.emergency.plan_store` and the sample plans
* ``incident`` — :class:`~desktop.emergency.incident.IncidentService`: an activation with its steps and log
* ``drill`` — a drill run and its drill-level log (:class:`~desktop.emergency.drill.DrillRunner`)
* ``emergency_resource``, ``responsibility_zone`` — the sample places
* ``admin_area``, ``grid``, ``component`` — the GIS import (ids: codes); ``class_code`` — a class table (ids: schemes)
* ``camera`` — demo clips given to cameras

A demo city is generated into a database no seat has open yet, so its generation announces nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)

BBox = tuple[float, float, float, float]

INSERT, UPDATE, DELETE = "insert", "update", "delete"


@dataclass(frozen=True)
class Change:
    """``kind`` of entity (a table's entity name: ``case``, ``alarm``, ``plan`` …), the ids written
    (empty: too many to name, read the kind again), the lon/lat box they cover when spatial."""

    kind: str
    ids: tuple = ()
    action: str = UPDATE
    bbox: BBox | None = None

    @classmethod
    def of(
        cls, kind: str, ids: Iterable = (), action: str = UPDATE, points: Iterable[tuple[float, float]] = ()
    ) -> Change:
        """A change whose bbox is the box around ``points`` (lon, lat); None without points."""
        return cls(kind, tuple(ids), action, points_bbox(points))


def points_bbox(points: Iterable[tuple[float | None, float | None]]) -> BBox | None:
    """The box around the ``(x, y)`` points that have both; None when none has."""
    placed = [(x, y) for x, y in points if x is not None and y is not None]
    if not placed:
        return None
    xs, ys = zip(*placed)
    return float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))


def batch_bbox(rows: list[dict]) -> BBox | None:
    """The box around the ``x``/``y`` of column-value dicts (a written batch); None when none has a position."""
    return points_bbox((row.get("x"), row.get("y")) for row in rows)


Subscriber = Callable[[Change], None]


class ChangeBus:
    """Subscribers are called in the announcing thread, in subscription order; one that raises is
    logged and the others still hear the change."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Add ``subscriber``; returns the call that removes it again."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def announce(self, change: Change) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(change)
            except Exception:  # one broken listener must not hide the change from the rest
                log.exception("变更通知处理失败：%s", change)
