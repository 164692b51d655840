"""Small deterministic helpers to group points: k-means, angular sectors, reading order."""

from __future__ import annotations

import itertools

import numpy as np
import shapely


def kmeans(
    rng: np.random.Generator, points: np.ndarray, k: int, weights: np.ndarray | None = None, rounds: int = 25
) -> np.ndarray:
    """Labels 0..k-1 of Lloyd's k-means with farthest-point seeding; every cluster is non-empty."""
    k = min(k, len(points))
    weights = np.ones(len(points)) if weights is None else weights
    centres = [points[rng.integers(len(points))]]
    for _ in range(1, k):
        distance = np.min(np.linalg.norm(points[:, None] - np.array(centres)[None], axis=2), axis=1)
        centres.append(points[int(np.argmax(distance))])
    centres = np.array(centres)
    for _ in range(rounds):
        labels = np.argmin(np.linalg.norm(points[:, None] - centres[None], axis=2), axis=1)
        for c in range(k):
            members = labels == c
            if members.any():
                centres[c] = np.average(points[members], axis=0, weights=weights[members])
    return _renumber(labels)


def sectors(points: np.ndarray, centre: np.ndarray, k: int, offset_deg: float) -> np.ndarray:
    """Labels of ``k`` equal angular sectors around ``centre`` starting at ``offset_deg``."""
    angle = np.degrees(np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0])) - offset_deg
    return _renumber((np.mod(angle, 360) // (360 / k)).astype(int))


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Labels made consecutive (empty clusters dropped), keeping their order."""
    return np.unique(labels, return_inverse=True)[1]


def reading_order(x: np.ndarray, y: np.ndarray, band: float) -> np.ndarray:
    """Indices sorting points north to south in bands of ``band`` metres, west to east within a band."""
    return np.lexsort((x, -np.floor(y / band)))


def union_by_label(labels: np.ndarray, geoms: np.ndarray) -> np.ndarray:
    """Solid union of the geometries of each label 0..max."""
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(labels.max() + 2))
    return np.array([solid_union(geoms[order[a:b]]) for a, b in itertools.pairwise(bounds)], dtype=object)


def solid_union(geoms: np.ndarray, max_hole_m2: float = 100.0) -> shapely.Geometry:
    """Union without the hairline holes that floating-point splits leave between neighbours."""
    parts = [
        shapely.Polygon(p.exterior, [r for r in p.interiors if shapely.Polygon(r).area > max_hole_m2])
        for p in shapely.get_parts(shapely.union_all(geoms))
    ]
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
