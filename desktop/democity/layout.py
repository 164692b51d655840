"""The city's skeleton in local metres: outline, arterial lattice, river and superblocks.

Arterials follow a rotated, jittered and gently warped lattice; every lattice edge is a
bowed polyline shared by the two superblocks beside it, so blocks tile without gaps.
One lattice row carries the river instead of a road.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely import LineString, Polygon

from desktop.democity import names

ARTERIAL_SPACING = 1000.0
RIVER_HALF_WIDTH = 55.0
_EDGE_POINTS = 11
_FRAGMENT_SHARE = 0.35  # clipped blocks smaller than this share of a full block are merged


@dataclass
class Layout:
    nodes: np.ndarray  # (n, n, 2) lattice nodes
    h_edges: np.ndarray  # (n-1, n, k, 2) polyline from node (i, j) to (i+1, j)
    v_edges: np.ndarray  # (n, n-1, k, 2) polyline from node (i, j) to (i, j+1)
    river_row: int
    row_names: list[str]
    column_names: list[str]
    blocks: np.ndarray  # superblock polygons (clipped to the outline, fragments merged)
    block_rows: np.ndarray  # lattice row of each block (the river lies between rows river_row-1 and river_row)
    city: Polygon  # union of the blocks
    arterials: list[tuple[str, shapely.Geometry]]
    river: shapely.Geometry  # centre-line
    river_area: shapely.Geometry


def _outline(rng: np.random.Generator, area_m2: float) -> Polygon:
    """A noisy blob of the given area centred on the origin."""
    theta = np.linspace(0, 2 * np.pi, 256, endpoint=False)
    radius = np.ones_like(theta)
    for k in range(2, 7):
        radius += rng.uniform(0.02, 0.08) * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    stretch = rng.uniform(1.0, 1.25)
    unit = Polygon(np.column_stack([radius * np.cos(theta) * stretch, radius * np.sin(theta) / stretch]))
    return shapely.affinity.scale(unit, *(2 * [np.sqrt(area_m2 / unit.area)]), origin=(0, 0))


def _warp(points: np.ndarray, rng_params: np.ndarray) -> np.ndarray:
    """Smooth large-scale bending so arterials curve gently."""
    amp, wavelength, phase_x, phase_y = rng_params
    x, y = points[..., 0], points[..., 1]
    return np.stack([x + amp * np.sin(y / wavelength + phase_x), y + amp * np.sin(x / wavelength + phase_y)], axis=-1)


def _edges(start: np.ndarray, end: np.ndarray, bow: np.ndarray, wiggle: np.ndarray):
    """Bowed polylines from ``start`` to ``end`` (arrays of shape (..., 2))."""
    t = np.linspace(0, 1, _EDGE_POINTS)
    along = end - start
    normal = np.stack([-along[..., 1], along[..., 0]], axis=-1) / np.linalg.norm(along, axis=-1, keepdims=True)
    offset = bow[..., None] * np.sin(np.pi * t) + wiggle[..., None] * np.sin(2 * np.pi * t)
    return start[..., None, :] + along[..., None, :] * t[:, None] + normal[..., None, :] * offset[..., None]


def build_layout(rng: np.random.Generator, area_m2: float) -> Layout:
    """Outline, lattice, river and superblocks for a city of about ``area_m2``."""
    outline = _outline(rng, area_m2)
    half = max(outline.bounds[2], -outline.bounds[0], outline.bounds[3], -outline.bounds[1]) * 1.45
    n = int(np.ceil(2 * half / ARTERIAL_SPACING)) + 2
    base = (np.arange(n) - (n - 1) / 2) * ARTERIAL_SPACING
    gx, gy = np.meshgrid(base, base, indexing="ij")
    angle = np.radians(rng.uniform(-14, 14))
    shift = rng.uniform(-0.5, 0.5, 2) * ARTERIAL_SPACING
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    nodes = np.stack([gx, gy], axis=-1) @ rot.T + shift + rng.normal(0, 60, (n, n, 2))

    river_row = int(np.argmin(np.abs(base + shift[1] - rng.uniform(-0.35, 0.1) * half / 1.45)))
    h_bow = rng.normal(0, 25, (n - 1, n))
    h_wiggle = rng.normal(0, 8, (n - 1, n))
    h_bow[:, river_row] = rng.normal(0, 140, n - 1)
    h_wiggle[:, river_row] = rng.normal(0, 70, n - 1)
    warp = np.array([rng.uniform(80, 160), rng.uniform(2200, 3500), *rng.uniform(0, 2 * np.pi, 2)])
    h_edges = _warp(_edges(nodes[:-1, :], nodes[1:, :], h_bow, h_wiggle), warp)
    v_edges = _warp(
        _edges(nodes[:, :-1], nodes[:, 1:], rng.normal(0, 25, (n, n - 1)), rng.normal(0, 8, (n, n - 1))), warp
    )
    nodes = _warp(nodes, warp)

    cells, rows = [], []
    for i in range(n - 1):
        for j in range(n - 1):
            ring = np.concatenate(
                [h_edges[i, j], v_edges[i + 1, j][1:], h_edges[i, j + 1][::-1][1:], v_edges[i, j][::-1][1:]]
            )
            cells.append(Polygon(ring))
            rows.append(j)
    cells = np.array(cells, dtype=object)
    blocks, block_rows = _clip_blocks(cells, np.array(rows), outline, river_row)
    city = shapely.union_all(blocks)

    row_lines = [LineString(np.concatenate([h_edges[i, j][(i > 0) :] for i in range(n - 1)])) for j in range(n)]
    col_lines = [LineString(np.concatenate([v_edges[i, j][(j > 0) :] for j in range(n - 1)])) for i in range(n)]
    road_rows = [j for j in range(n) if j != river_row]
    road_names = names.arterial_names(rng, 2 * n)
    row_names, column_names = road_names[:n], road_names[n:]
    arterials = []
    for name, line in [(row_names[j], row_lines[j]) for j in road_rows] + list(zip(column_names, col_lines)):
        clipped = shapely.intersection(line, city)
        if clipped.length > 100:
            arterials.append((name, clipped))
    river = shapely.intersection(row_lines[river_row], city.buffer(400))
    return Layout(
        nodes=nodes,
        h_edges=h_edges,
        v_edges=v_edges,
        river_row=river_row,
        row_names=row_names,
        column_names=column_names,
        blocks=blocks,
        block_rows=block_rows,
        city=city,
        arterials=arterials,
        river=river,
        river_area=river.buffer(RIVER_HALF_WIDTH, cap_style="flat"),
    )


def _clip_blocks(cells: np.ndarray, rows: np.ndarray, outline: Polygon, river_row: int):
    """Clip lattice cells to the outline; merge small fragments into a neighbour on the same river bank."""
    full_area = float(np.median(shapely.area(cells)))
    parts, cell_index = shapely.get_parts(shapely.intersection(cells, outline), return_index=True)
    part_rows = rows[cell_index]
    areas = shapely.area(parts)
    big = areas >= _FRAGMENT_SHARE * full_area
    kept = list(parts[big])
    kept_rows = part_rows[big]
    tree = shapely.STRtree(parts[big])
    for fragment, row in zip(parts[~big], part_rows[~big]):
        candidates = [
            k for k in tree.query(fragment, predicate="intersects") if (kept_rows[k] >= river_row) == (row >= river_row)
        ]
        if not candidates:
            continue
        shared = [shapely.intersection(fragment.boundary, kept[k].boundary).length for k in candidates]
        target = candidates[int(np.argmax(shared))]
        if max(shared) > 1.0:
            merged = shapely.union(kept[target], fragment)
            kept[target] = merged if merged.geom_type == "Polygon" else kept[target]
    return np.array(kept, dtype=object), kept_rows
