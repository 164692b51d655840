"""A driven history before the demo's fixed now, so 轨迹回放 has tracks right after install.

The gateway's :class:`~desktop.feeds.simulator.CitySimulator` drives the fleet on the generated
roads (seeded, so deterministic), one fix per vehicle every 30 s. Each vehicle's shifts start and
end where the fleet placed it (on a road, or at its depot when parked), and each series ends at the
vehicle's own last-fix time, so the latest fixes stay a few minutes apart as from a real feed.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from desktop.democity.fleet import Fleet
from desktop.democity.projection import to_lonlat, xy_to_lonlat
from desktop.democity.roads import RoadNet
from desktop.feeds.simulator import CitySimulator, World

FIX_EVERY_S = 30
HISTORY_S = {"tiny": 3600, "demo": 7200, "city": 240}  # city: 4 min (≈ 6 s of its ≈ 100 s)


def _simulate(fleet: Fleet, roads: RoadNet, home: np.ndarray, steps: int, seed: int) -> np.ndarray:
    """``(x|y|speed|heading, step, vehicle)``: the simulator's fixes."""
    spots = [tuple(xy) for xy in home.tolist()]
    world = World(
        vehicles=[
            {"id": i + 1, "plate": plate, "kind": kind, "depot": spot, "at": spot}
            for i, (plate, kind, spot) in enumerate(zip(fleet.plate, fleet.kind, spots))
        ],
        roads=list(to_lonlat(np.concatenate(list(roads.lines.values())))),
    )
    simulator = CitySimulator(world, seed=seed)
    return np.array(
        [[(p["x"], p["y"], p["speed"], p["heading"]) for p in simulator.step(FIX_EVERY_S)[0]] for _ in range(steps)]
    ).transpose(2, 0, 1)


def drive(fleet: Fleet, roads: RoadNet, seconds: int, seed: int) -> list[dict]:
    """``vehicle_position`` rows: ``seconds`` of driving per vehicle, the last fix at the fleet's ``ts``."""
    steps = max(1, seconds // FIX_EVERY_S)
    home = np.column_stack(xy_to_lonlat(*fleet.xy.T))
    columns = _simulate(fleet, roads, home, steps, seed)
    x, y, speed, heading = columns.tolist()  # each [step][vehicle]
    return [
        {
            "vehicle_id": i + 1,
            "ts": fleet.ts[i] - timedelta(seconds=(steps - 1 - k) * FIX_EVERY_S),
            "x": x[k][i],
            "y": y[k][i],
            "speed_kmh": speed[k][i],
            "heading": heading[k][i],
            "is_drill": False,
        }
        for k in range(steps)
        for i in range(len(fleet.plate))
    ]
