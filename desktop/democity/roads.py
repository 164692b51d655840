"""The road network by class, sampling along it, and the arterial intersections."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from desktop.democity import names
from desktop.democity.layout import Layout

ROAD_CLASSES = ("主干路", "次干路", "支路")
HALF_WIDTH = {"主干路": 20.0, "次干路": 12.0, "支路": 6.0}


@dataclass
class RoadNet:
    lines: dict[str, np.ndarray]  # single LineStrings per class
    line_names: dict[str, list[str | None]]

    def length(self, road_class: str) -> float:
        return float(shapely.length(self.lines[road_class]).sum())

    def sample(self, rng: np.random.Generator, road_class: str, spacing: float):
        return sample_lines(rng, self.lines[road_class], spacing)


def sample_lines(rng: np.random.Generator, lines: np.ndarray, spacing: float):
    """Points every ``spacing`` metres (random start per line): xy (n, 2) and unit tangents (n, 2)."""
    lengths = shapely.length(lines)
    start = rng.uniform(0, spacing, len(lines))
    counts = np.maximum(np.ceil((lengths - start) / spacing), 0).astype(int)
    which = np.repeat(np.arange(len(lines)), counts)
    step = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    distance = start[which] + step * spacing
    ahead = np.minimum(distance + 1.0, lengths[which])
    behind = ahead - 1.0
    xy = shapely.get_coordinates(shapely.line_interpolate_point(lines[which], distance))
    tangent = shapely.get_coordinates(shapely.line_interpolate_point(lines[which], ahead)) - shapely.get_coordinates(
        shapely.line_interpolate_point(lines[which], behind)
    )
    return xy, tangent / np.maximum(np.linalg.norm(tangent, axis=1, keepdims=True), 1e-9)


def _single_lines(geoms) -> tuple[np.ndarray, np.ndarray]:
    parts, index = shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    keep = (shapely.get_type_id(parts) == 1) & (shapely.length(parts) > 20)
    return parts[keep], index[keep]


def build_roads(rng: np.random.Generator, layout: Layout, secondaries: np.ndarray, lanes: np.ndarray) -> RoadNet:
    arterials, index = _single_lines([geom for _, geom in layout.arterials])
    secondary_lines, _ = _single_lines(
        shapely.difference(secondaries, layout.river_area)
    )  # only arterials bridge the river
    lane_lines, _ = _single_lines(shapely.difference(lanes, layout.river_area))
    return RoadNet(
        lines={"主干路": arterials, "次干路": secondary_lines, "支路": lane_lines},
        line_names={
            "主干路": [layout.arterials[k][0] for k in index],
            "次干路": [f"{n}街" for n in names.two_character_names(rng, len(secondary_lines))],
            "支路": [None] * len(lane_lines),
        },
    )


@dataclass
class Intersections:
    """Arterial crossings inside the city, nearest to the centre first."""

    xy: np.ndarray  # (m, 2)
    row_names: list[str]
    column_names: list[str]
    arms: np.ndarray  # (m, 4, 2) unit vectors along the four roads leaving the crossing
    has_arm: np.ndarray  # (m, 4) the arm stays inside the city


def find_intersections(layout: Layout) -> Intersections:
    n = layout.nodes.shape[0]
    rows = []
    for i in range(1, n - 1):
        for j in range(1, n - 1):
            node = layout.nodes[i, j]
            if j == layout.river_row or not layout.city.contains(shapely.Point(node)):
                continue
            ahead = np.array(
                [
                    layout.h_edges[i, j][1],
                    layout.v_edges[i, j][1],
                    layout.h_edges[i - 1, j][-2],
                    layout.v_edges[i, j - 1][-2],
                ]
            )
            arms = (ahead - node) / np.linalg.norm(ahead - node, axis=1, keepdims=True)
            rows.append((node, layout.row_names[j], layout.column_names[i], arms))
    rows.sort(key=lambda r: float(np.linalg.norm(r[0] - np.asarray(layout.city.centroid.coords[0]))))
    xy = np.array([r[0] for r in rows]).reshape(-1, 2)
    arms = np.array([r[3] for r in rows]).reshape(-1, 4, 2)
    probes = (xy[:, None, :] + 40.0 * arms).reshape(-1, 2)
    has_arm = shapely.contains_xy(layout.city, probes[:, 0], probes[:, 1]).reshape(-1, 4)
    return Intersections(xy, [r[1] for r in rows], [r[2] for r in rows], arms, has_arm)
