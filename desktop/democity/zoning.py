"""区域属性 of every grid, and the parks and lakes of the city.

Land use is drawn per 地块 (all grids of a plot share it) with odds that depend on the
distance from the centre; parks take whole 次干路 blocks; the river and the arterials
then claim the grids they run through or along.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from desktop.democity import names
from desktop.democity.clustering import solid_union

_CENTRAL = {
    "商业街区": 0.10,
    "学校": 0.06,
    "医院": 0.03,
    "重要机关": 0.04,
    "集贸市场": 0.03,
    "广场": 0.02,
    "建筑工地": 0.03,
}
_OUTER = {"学校": 0.05, "医院": 0.015, "集贸市场": 0.02, "建筑工地": 0.08, "商业街区": 0.03, "其他": 0.03}
_INDUSTRIAL = {"工业园区": 0.25, "建筑工地": 0.08, "其他": 0.05}
SCENIC_NAME = "项王故里"


@dataclass
class Zoning:
    zone_type: np.ndarray  # per grid
    parks: list[tuple[str, shapely.Geometry]]  # green areas
    lakes: list[tuple[str, shapely.Geometry]]


def _draw(rng: np.random.Generator, odds: dict[str, float], n: int) -> np.ndarray:
    """``n`` draws from ``odds``; the remaining probability is 居住小区."""
    labels = np.array([*odds, "居住小区"], dtype=object)
    return labels[np.searchsorted(np.cumsum(list(odds.values())), rng.random(n), side="right")]


def _near(grids: np.ndarray, lines, distance: float) -> np.ndarray:
    """Mask of grids within ``distance`` of any of ``lines``."""
    mask = np.zeros(len(grids), dtype=bool)
    if len(lines):
        mask[shapely.STRtree(grids).query(np.asarray(lines), predicate="dwithin", distance=distance)[1]] = True
    return mask


def _plot_land_use(rng, plot: np.ndarray, radius: np.ndarray) -> np.ndarray:
    plot_radius = np.bincount(plot, radius) / np.maximum(np.bincount(plot), 1)
    n = len(plot_radius)
    use = np.where(plot_radius < 0.45, _draw(rng, _CENTRAL, n), _draw(rng, _OUTER, n))
    return np.where(plot_radius > 0.85, _draw(rng, _INDUSTRIAL, n), use)[plot]


def _parks(rng, grids, quarter, zone, city, area_km2):
    """Pick whole interior 次干路 blocks of 8–40 ha as parks; half of them get a lake."""
    quarter_area = np.bincount(quarter, shapely.area(grids))
    inner = np.ones(len(quarter_area), dtype=bool)
    inner[quarter[~shapely.within(grids, city.buffer(-150))]] = False
    candidates = np.flatnonzero(inner & (quarter_area > 8e4) & (quarter_area < 4e5))
    chosen = (
        rng.choice(candidates, size=min(len(candidates), max(1, round(area_km2 / 5))), replace=False)
        if len(candidates)
        else []
    )
    park_names = names.two_character_names(rng, len(chosen))
    parks, lakes = [], []
    for k, (q, stem) in enumerate(zip(chosen, park_names)):
        members = quarter == q
        zone[members] = "景区" if k == 0 else "公园绿地"
        area = solid_union(grids[members])
        parks.append((SCENIC_NAME if k == 0 else f"{stem}公园", area.buffer(-12)))
        lake = shapely.affinity.scale(area.buffer(-50), 0.55, 0.55).buffer(25).buffer(-20)
        if k % 2 == 1 and lake.area > 5000:
            lakes.append((f"{stem}湖", lake))
    return parks, lakes


def build_zoning(rng, grids, plot, quarter, city, river_area, arterials, lanes) -> Zoning:
    centres = shapely.get_coordinates(shapely.centroid(grids))
    radius = np.linalg.norm(centres - shapely.get_coordinates(city.centroid), axis=1) / np.sqrt(city.area / np.pi)
    zone = _plot_land_use(rng, plot, radius)
    parks, lakes = _parks(rng, grids, quarter, zone, city, city.area / 1e6)
    common = np.isin(zone, ["居住小区", "其他"])
    zone[common & _near(grids, arterials, 1.0) & (rng.random(len(grids)) < 0.35)] = "主要道路"
    zone[common & _near(grids, lanes, 1.0) & (rng.random(len(grids)) < 0.08)] = "背街小巷"
    stations = np.flatnonzero(common & _near(grids, arterials, 1.0) & (radius > 0.3) & (radius < 0.8))
    if len(stations):
        zone[rng.choice(stations, size=min(len(stations), max(1, round(city.area / 25e6))), replace=False)] = "车站"
    pairs = shapely.STRtree(grids).query(river_area, predicate="intersects")
    wet = shapely.area(shapely.intersection(grids[pairs], river_area)) > 0.25 * shapely.area(grids[pairs])
    zone[pairs[wet]] = "河道"
    return Zoning(zone_type=zone, parks=parks, lakes=lakes)
