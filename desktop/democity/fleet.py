"""Vehicles (环卫/渣土/执法/市政抢修), their depots on the city edge, and where each is when the generated
history starts (:mod:`desktop.democity.history` drives them from there)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
import shapely

from desktop.democity import names
from desktop.democity.roads import RoadNet

EPOCH = datetime(2024, 6, 1, 0, 0, tzinfo=UTC)  # timestamps are derived from this, never from the clock
KIND_SHARE = {"环卫": 0.5, "渣土": 0.2, "执法": 0.2, "市政抢修": 0.1}
KIND_DEPARTMENT = {"环卫": "环卫", "渣土": "执法", "执法": "执法", "市政抢修": "市政"}
VEHICLES_PER_DEPOT = 60
_WORK_AREA_POINTS = 400  # a vehicle works on one of the road points nearest its depot


@dataclass
class Fleet:
    kind: np.ndarray
    plate: list[str]
    terminal_id: list[str]
    phone: list[str]
    department_id: np.ndarray
    depot_xy: np.ndarray
    xy: np.ndarray  # where the history starts: on a road, or parked at the depot
    ts: list[datetime]  # time of the last fix


def _depots(rng, district: shapely.Geometry, count: int) -> np.ndarray:
    """``count`` points 200 m inside the city edge, spread around it."""
    ring = max(shapely.get_parts(district), key=lambda g: g.area).exterior
    fractions = (np.arange(count) + rng.uniform(0, 0.6, count) + rng.uniform()) / count % 1.0
    edge = shapely.get_coordinates(shapely.line_interpolate_point(ring, fractions, normalized=True))
    inward = np.asarray(district.centroid.coords[0]) - edge
    return edge + inward / np.linalg.norm(inward, axis=1, keepdims=True) * 200.0


def build_fleet(rng, count: int, district, roads: RoadNet, department_ids: dict[str, int]) -> Fleet:
    shares = np.array(list(KIND_SHARE.values()))
    per_kind = np.floor(shares * count).astype(int)
    per_kind[0] += count - per_kind.sum()
    kinds = np.repeat(np.array(list(KIND_SHARE), dtype=object), per_kind)
    depot_of = np.empty(count, dtype=int)
    depot_xy = []
    for kind_index, n in enumerate(per_kind):
        n_depots = max(1, -(-n // VEHICLES_PER_DEPOT))
        start = sum(len(d) for d in depot_xy)
        members = np.flatnonzero(kinds == list(KIND_SHARE)[kind_index])
        depot_of[members] = start + np.arange(n) % n_depots
        depot_xy.append(_depots(rng, district, n_depots))
    depot_xy = np.concatenate(depot_xy)

    pool = [roads.sample(rng, c, 50.0) for c in ("主干路", "次干路")]
    pool_xy = np.concatenate([p[0] for p in pool])
    distance = np.hypot(pool_xy[None, :, 0] - depot_xy[:, None, 0], pool_xy[None, :, 1] - depot_xy[:, None, 1])
    near = np.argpartition(distance, min(_WORK_AREA_POINTS, len(pool_xy) - 1), axis=1)[:, :_WORK_AREA_POINTS]
    spot = near[depot_of, rng.integers(0, near.shape[1], count)]
    parked = rng.random(count) < 0.25
    numbers = names.mobile_numbers(rng, 2 * count)
    seconds = rng.integers(0, 600, count)
    return Fleet(
        kind=kinds,
        plate=names.plates(rng, count),
        terminal_id=[f"0{n}" for n in numbers[:count]],
        phone=numbers[count:],
        department_id=np.array([department_ids[KIND_DEPARTMENT[k]] for k in kinds]),
        depot_xy=depot_xy[depot_of],
        xy=np.where(parked[:, None], depot_xy[depot_of], pool_xy[spot]),
        ts=[EPOCH - timedelta(seconds=int(s)) for s in seconds],
    )
