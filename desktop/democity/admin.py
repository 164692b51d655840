"""Administrative structure: grids grouped into 社区 (whole split subtrees), 社区 into 街道.

Codes follow GB/T 2260 + 3 + 3 (321302001001) and grid codes the default grid rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from desktop.democity import names
from desktop.democity.clustering import kmeans, reading_order, solid_union, union_by_label
from desktop.democity.subdivision import Subdivision
from desktop.domain.codes import DEFAULT_GRID_RULE

CITY_CODE, CITY_NAME = "3213", "宿迁市"
DISTRICT_CODE, DISTRICT_NAME = "321302", "宿城区"
MAX_GRIDS_PER_COMMUNITY = 90


@dataclass
class Admin:
    order: np.ndarray  # grid order (by code) into the subdivision arrays
    grid_codes: list[str]
    grid_community: np.ndarray  # community index per (ordered) grid
    community_codes: list[str]
    community_names: list[str]
    community_street: np.ndarray
    community_polygons: np.ndarray
    street_codes: list[str]
    street_names: list[str]
    street_polygons: np.ndarray
    district: shapely.Geometry


def _community_labels(sub: Subdivision) -> np.ndarray:
    """Each grid's community: the largest split subtree holding at most MAX_GRIDS_PER_COMMUNITY grids."""
    labels = np.full(len(sub.grids), -1)
    next_label = 0
    for level in range(int(sub.depth.max()) + 1):
        open_ = labels < 0
        if not open_.any():
            break
        shown = np.minimum(sub.depth, level)
        keys = np.column_stack([sub.block, sub.path >> (sub.depth - shown), shown])[open_]
        _, inverse, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
        small = counts[inverse] <= MAX_GRIDS_PER_COMMUNITY
        _, group = np.unique(inverse[small], return_inverse=True)
        labels[np.flatnonzero(open_)[small]] = next_label + group
        next_label += int(group.max(initial=-1)) + 1
    return labels


def build_admin(rng: np.random.Generator, sub: Subdivision, street_count: int) -> Admin:
    community = _community_labels(sub)
    centroids = shapely.get_coordinates(shapely.centroid(sub.grids))
    areas = shapely.area(sub.grids)
    counts = np.bincount(community)
    community_xy = (
        np.column_stack([np.bincount(community, areas * centroids[:, i]) for i in (0, 1)])
        / np.bincount(community, areas)[:, None]
    )
    street = kmeans(rng, community_xy, street_count, weights=counts.astype(float))

    street_xy = np.array([community_xy[street == s].mean(axis=0) for s in range(street.max() + 1)])
    street_rank = np.argsort(np.argsort(np.linalg.norm(street_xy, axis=1), kind="stable"), kind="stable")
    community_order = np.lexsort((reading_order(*community_xy.T, 400.0).argsort(), street_rank[street]))
    community_rank = np.empty_like(community_order)
    community_rank[community_order] = np.arange(len(community_order))

    street_codes = [f"{DISTRICT_CODE}{s + 1:03d}" for s in range(len(street_xy))]
    community_street = street_rank[street][community_order]
    community_codes, serial_in_street = [], np.zeros(len(street_codes), dtype=int)
    for s in community_street:
        serial_in_street[s] += 1
        community_codes.append(f"{street_codes[s]}{serial_in_street[s]:03d}")

    grid_community = community_rank[community]
    order = np.lexsort((reading_order(*centroids.T, 60.0).argsort(), grid_community))
    grid_community = grid_community[order]
    serial = np.arange(len(order)) - np.searchsorted(grid_community, grid_community) + 1
    grid_codes = [DEFAULT_GRID_RULE.compose(community_codes[c], int(k)) for c, k in zip(grid_community, serial)]

    community_polygons = union_by_label(grid_community, sub.grids[order])
    street_polygons = union_by_label(community_street, community_polygons)
    return Admin(
        order=order,
        grid_codes=grid_codes,
        grid_community=grid_community,
        community_codes=community_codes,
        community_names=[f"{n}社区" for n in names.two_character_names(rng, len(community_codes))],
        community_street=community_street,
        community_polygons=community_polygons,
        street_codes=street_codes,
        street_names=names.street_names(rng, len(street_codes)),
        street_polygons=street_polygons,
        district=solid_union(street_polygons),
    )
