"""Superblocks split recursively into unit grids; the large cuts become roads.

Every polygon is halved across its longer axis at a random ratio (0.35–0.65) with a
slightly tilted cut, level by level and vectorised over all polygons of a level. Cuts
of blocks above ``SECONDARY_HA`` are 次干路, above ``LANE_HA`` 支路, smaller ones only
separate grids. Each grid keeps its binary split path so communities can be formed
from whole subtrees.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

SECONDARY_HA = 30.0
LANE_HA = 7.0
STOP_HA = (1.1, 2.6)  # a polygon stops splitting below a threshold drawn from this range
_HA = 10_000.0


@dataclass
class Subdivision:
    grids: np.ndarray  # polygons
    block: np.ndarray  # superblock index of each grid
    path: np.ndarray  # split path bits from the superblock down
    depth: np.ndarray  # length of the path
    plot: np.ndarray  # 地块 (block between 支路) of each grid
    quarter: np.ndarray  # block between 次干路 of each grid
    secondaries: np.ndarray  # cut lines
    lanes: np.ndarray


def _halve(polys: np.ndarray, rng: np.random.Generator, tilt_deg: np.ndarray):
    """Two half-plane intersections per polygon and the cut line inside it."""
    corners = shapely.get_coordinates(shapely.oriented_envelope(polys)).reshape(-1, 5, 2)[:, :4]
    e1, e2 = corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 1]
    l1, l2 = np.linalg.norm(e1, axis=1), np.linalg.norm(e2, axis=1)
    long_axis = np.where((l1 >= l2)[:, None], e1, e2)
    length = np.maximum(l1, l2)
    u = long_axis / length[:, None]
    point = corners.mean(axis=1) + u * ((rng.uniform(0.35, 0.65, len(polys)) - 0.5) * length)[:, None]
    tilt = np.radians(rng.normal(0, 1, len(polys)) * tilt_deg)
    normal = np.column_stack(
        [u[:, 0] * np.cos(tilt) - u[:, 1] * np.sin(tilt), u[:, 0] * np.sin(tilt) + u[:, 1] * np.cos(tilt)]
    )
    along = np.column_stack([-normal[:, 1], normal[:, 0]])
    reach = (2 * (l1 + l2))[:, None]
    a, b = point + along * reach, point - along * reach
    back = shapely.polygons(np.stack([a, b, b - normal * reach, a - normal * reach, a], axis=1))
    front = shapely.polygons(np.stack([a, b, b + normal * reach, a + normal * reach, a], axis=1))
    cut = shapely.intersection(shapely.linestrings(np.stack([a, b], axis=1)), polys)
    return shapely.intersection(polys, back), shapely.intersection(polys, front), cut


def _new_ids(ids: np.ndarray, fresh: np.ndarray, start: int) -> int:
    """Give polygons that just became small enough a new group id; returns the next free id."""
    ids[fresh] = start + np.arange(fresh.sum())
    return start + int(fresh.sum())


def subdivide(rng: np.random.Generator, blocks: np.ndarray) -> Subdivision:
    n = len(blocks)
    polys, block = blocks, np.arange(n)
    path, depth = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    area = shapely.area(polys)
    quarter, plot = np.full(n, -1), np.full(n, -1)
    next_quarter = _new_ids(quarter, area <= SECONDARY_HA * _HA, 0)
    next_plot = _new_ids(plot, area <= LANE_HA * _HA, 0)
    stop = rng.uniform(*STOP_HA, n) * _HA
    leaves, secondaries, lanes = [], [], []
    while len(polys):
        split = area > stop
        leaves.append((polys[~split], block[~split], path[~split], depth[~split], plot[~split], quarter[~split]))
        if not split.any():
            break
        polys, area = polys[split], area[split]
        block, path, depth, plot, quarter = block[split], path[split], depth[split], plot[split], quarter[split]
        is_secondary, is_lane = area > SECONDARY_HA * _HA, (area > LANE_HA * _HA) & (area <= SECONDARY_HA * _HA)
        left, right, cut = _halve(polys, rng, np.where(is_secondary | is_lane, 3.0, 10.0))
        secondaries.append(cut[is_secondary])
        lanes.append(cut[is_lane])
        children = np.empty(2 * len(polys), dtype=object)
        children[0::2], children[1::2] = left, right
        parts, index = shapely.get_parts(children, return_index=True)
        keep = (shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 1.0)
        parts, index = parts[keep], index[keep]
        parent = index // 2
        polys, area = parts, shapely.area(parts)
        block, plot, quarter = block[parent], plot[parent], quarter[parent]
        path, depth = path[parent] * 2 + index % 2, depth[parent] + 1
        next_quarter = _new_ids(quarter, (quarter < 0) & (area <= SECONDARY_HA * _HA), next_quarter)
        next_plot = _new_ids(plot, (plot < 0) & (area <= LANE_HA * _HA), next_plot)
        stop = rng.uniform(*STOP_HA, len(polys)) * _HA
    grids, block, path, depth, plot, quarter = (np.concatenate(column) for column in zip(*leaves))
    return Subdivision(
        grids=shapely.set_precision(grids, 0.001),
        block=block,
        path=path,
        depth=depth,
        plot=plot,
        quarter=quarter,
        secondaries=np.concatenate(secondaries),
        lanes=np.concatenate(lanes),
    )
