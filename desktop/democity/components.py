"""管理部件 placed where they belong: along roads, at crossings, on river banks, inside zones.

``PLACEMENTS`` is the whole recipe. Road spacings and zone densities of the scalable
entries are stretched by one factor so the total meets the scale's target.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from desktop.democity.layout import RIVER_HALF_WIDTH
from desktop.democity.roads import HALF_WIDTH, ROAD_CLASSES, Intersections, RoadNet, sample_lines
from desktop.domain.class_table import ClassEntry, by_name
from desktop.domain.codes import DEFAULT_COMPONENT_RULE
from desktop.storage.models import COMPONENT_STATUSES

_STATUS_ODDS = (0.93, 0.035, 0.01, 0.015, 0.01)
_PARKS = ("公园绿地", "景区")
_BUSY = ("商业街区", "医院", "学校", "车站", "重要机关", "广场")


@dataclass(frozen=True)
class Placement:
    """Where one class goes. ``offset`` is measured from the kerb (negative: in the carriageway)."""

    name: str
    department: str
    spacing: tuple[float, float, float] = (0, 0, 0)  # along 主干路/次干路/支路, 0 = none
    offset: tuple[float, float] = (0.5, 2.0)
    both_sides: bool = True
    zones: tuple[str, ...] = ()  # inside grids of these zones …
    per_km2: float = 0.0  # … at this density (empty zones = everywhere)
    per_crossing: int = 0
    river_spacing: float = 0.0
    scalable: bool = True


PLACEMENTS = (
    Placement("行道树", "园林", (8, 9, 0), (1.0, 2.5)),
    Placement("路灯", "市政", (35, 40, 90), (0.3, 0.8)),
    Placement("雨水箅子", "水务", (30, 40, 50), (-0.6, -0.2)),
    Placement("雨水井盖", "水务", (40, 50, 60), (-10, -3)),
    Placement("污水井盖", "水务", (50, 60, 70), (-12, -4)),
    Placement("上水井盖", "水务", (80, 90, 100), (-14, -6)),
    Placement("电力井盖", "供电", (100, 120, 160), (1.5, 3.0)),
    Placement("通信井盖", "通信", (100, 120, 160), (1.5, 3.0)),
    Placement("燃气井盖", "燃气", (150, 180, 200), (-8, -2)),
    Placement("路灯井盖", "市政", (150, 200, 0), (0.5, 1.5)),
    Placement("消火栓", "水务", (120, 120, 120), (0.5, 1.5), both_sides=False),
    Placement("垃圾箱", "环卫", (100, 110, 120), (0.8, 2.0)),
    Placement("交通标志牌", "交警", (250, 300, 0), (0.5, 1.5)),
    Placement("交通护栏", "交警", (200, 0, 0), (-19.8, -19.4), both_sides=False),
    Placement("公交站亭", "市政", (450, 700, 0), (1.0, 2.0)),
    Placement("公共自行车站点", "市政", (500, 600, 0), (2.0, 4.0), both_sides=False),
    Placement("通信交接箱", "通信", (400, 500, 600), (2.0, 4.0), both_sides=False),
    Placement("电力设施", "供电", (500, 600, 700), (2.0, 5.0), both_sides=False),
    Placement("报刊亭", "执法", (700, 900, 0), (2.0, 4.0), both_sides=False),
    Placement("广告牌匾", "执法", (150, 200, 250), (3.0, 8.0), both_sides=False),
    Placement("停车咪表", "交警", (0, 200, 250), (-2.5, -1.0), both_sides=False),
    Placement("道路名牌", "市政", (300, 400, 500), (1.0, 2.0), both_sides=False),
    Placement("交通信号灯", "交警", per_crossing=4, scalable=False),
    Placement("电子警察", "交警", per_crossing=2, scalable=False),
    Placement("监控电子眼", "交警", per_crossing=1, scalable=False),
    Placement("水域护栏", "水务", river_spacing=60),
    Placement("防汛墙", "水务", river_spacing=150),
    Placement("泵站", "水务", river_spacing=1500, scalable=False),
    Placement("水位监测站", "水务", river_spacing=900, scalable=False),
    Placement("公共厕所", "环卫", per_km2=4, scalable=False),
    Placement("垃圾转运站", "环卫", per_km2=0.5, scalable=False),
    Placement("环境监测站", "环卫", per_km2=0.3, scalable=False),
    Placement("古树名木", "园林", zones=_PARKS + ("居住小区",), per_km2=0.8, scalable=False),
    Placement("人防工事", "市政", per_km2=0.5, scalable=False),
    Placement("燃气调压站", "燃气", per_km2=1, scalable=False),
    Placement("邮筒", "通信", per_km2=2),
    Placement("垃圾间", "环卫", zones=("居住小区",), per_km2=25),
    Placement("宣传栏", "执法", zones=("居住小区",), per_km2=30),
    Placement("停车场", "交警", zones=_BUSY, per_km2=40),
    Placement("绿地", "园林", zones=_PARKS + ("居住小区",), per_km2=15),
    Placement("街头座椅", "园林", zones=_PARKS + ("广场",), per_km2=400),
    Placement("花架花钵", "园林", zones=("广场", "商业街区") + _PARKS, per_km2=150),
    Placement("城市雕塑", "园林", zones=("广场", "景区"), per_km2=20),
    Placement("绿地护栏", "园林", zones=_PARKS, per_km2=100),
    Placement("景观灯", "市政", zones=_PARKS + ("广场",), per_km2=300),
    Placement("地灯", "市政", zones=_PARKS + ("广场",), per_km2=200),
    Placement("治安岗亭", "执法", zones=("商业街区", "车站", "广场"), per_km2=30),
    Placement("信息亭", "市政", zones=("商业街区",), per_km2=30),
    Placement("灯箱霓虹灯", "执法", zones=("商业街区",), per_km2=150),
    Placement("工地", "执法", zones=("建筑工地",), per_km2=100),
    Placement("扬尘监测点", "执法", zones=("建筑工地",), per_km2=50),
)


@dataclass
class Components:
    codes: list[str]
    class_codes: np.ndarray
    xy: np.ndarray
    grid: np.ndarray  # index into the ordered grids
    department_id: np.ndarray
    status: np.ndarray


@dataclass
class Site:
    """Where components can go: the grids (ordered by code), their zones and the networks."""

    grids: np.ndarray
    zone_type: np.ndarray
    roads: RoadNet
    crossings: Intersections
    river: shapely.Geometry
    no_go: shapely.Geometry  # water: nothing along roads is placed there


def _expected(p: Placement, site: Site, zone_area: dict) -> float:
    sides = 2 if p.both_sides else 1
    along = sum(site.roads.length(c) / s * sides for c, s in zip(ROAD_CLASSES, p.spacing) if s)
    river = 2 * site.river.length / p.river_spacing if p.river_spacing else 0.0
    area = sum(zone_area.get(z, 0.0) for z in p.zones) if p.zones else sum(zone_area.values())
    return along + river + p.per_crossing * int(site.crossings.has_arm.any(axis=1).sum()) + p.per_km2 * area / 1e6


def _along_roads(rng, p: Placement, site: Site, stretch: float) -> np.ndarray:
    out = []
    for road_class, spacing in zip(ROAD_CLASSES, p.spacing):
        if not spacing:
            continue
        for side in (-1.0, 1.0) if p.both_sides else (0.0,):
            xy, tangent = site.roads.sample(rng, road_class, spacing * stretch)
            distance = np.maximum(HALF_WIDTH[road_class] + rng.uniform(*p.offset, len(xy)), 0.3)
            signs = np.full(len(xy), side) if side else rng.choice((-1.0, 1.0), len(xy))
            out.append(xy + np.column_stack([-tangent[:, 1], tangent[:, 0]]) * (signs * distance)[:, None])
    points = np.concatenate(out) if out else np.empty((0, 2))
    return points[~shapely.contains_xy(site.no_go, points[:, 0], points[:, 1])]


def _along_river(rng, p: Placement, site: Site, stretch: float) -> np.ndarray:
    out = []
    for side in (-1.0, 1.0):
        xy, tangent = sample_lines(rng, shapely.get_parts(site.river), p.river_spacing * stretch)
        distance = RIVER_HALF_WIDTH + rng.uniform(1, 4, len(xy))
        out.append(xy + np.column_stack([-tangent[:, 1], tangent[:, 0]]) * (side * distance)[:, None])
    return np.concatenate(out)


def _at_crossings(rng, p: Placement, site: Site) -> np.ndarray:
    c = site.crossings
    corner = c.arms + np.roll(c.arms, -1, axis=1)  # between two neighbouring arms
    corner /= np.maximum(np.linalg.norm(corner, axis=2, keepdims=True), 1e-9)
    pick = np.argsort(rng.random(c.has_arm.shape), axis=1)[:, : p.per_crossing]
    ok = np.take_along_axis(c.has_arm & np.roll(c.has_arm, -1, axis=1), pick, axis=1)
    xy = (
        c.xy[:, None, :]
        + np.take_along_axis(corner, pick[..., None], axis=1) * rng.uniform(18, 28, pick.shape)[..., None]
    )
    return xy[ok]


def _in_zones(rng, p: Placement, site: Site, stretch: float) -> tuple[np.ndarray, np.ndarray]:
    """Random points inside grids of the zones, grids drawn by area."""
    eligible = np.flatnonzero(np.isin(site.zone_type, p.zones)) if p.zones else np.arange(len(site.grids))
    area = shapely.area(site.grids[eligible])
    n = round(p.per_km2 / stretch * area.sum() / 1e6)
    if n == 0 or len(eligible) == 0:
        return np.empty((0, 2)), np.empty(0, dtype=int)
    grid = eligible[rng.choice(len(eligible), n, p=area / area.sum())]
    bounds = shapely.bounds(site.grids[grid])
    xy = np.full((n, 2), np.nan)
    for _ in range(20):
        todo = np.flatnonzero(np.isnan(xy[:, 0]))
        if not len(todo):
            break
        trial = bounds[todo, :2] + rng.random((len(todo), 2)) * (bounds[todo, 2:] - bounds[todo, :2])
        inside = shapely.contains_xy(site.grids[grid[todo]], trial[:, 0], trial[:, 1])
        xy[todo[inside]] = trial[inside]
    todo = np.isnan(xy[:, 0])
    xy[todo] = shapely.get_coordinates(shapely.point_on_surface(site.grids[grid[todo]]))
    return xy, grid


def _locate(site: Site, tree: shapely.STRtree, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Keep points that lie inside a grid; returns them and their grid."""
    points, grids = tree.query(shapely.points(xy), predicate="within")
    first = np.unique(points, return_index=True)[1]
    return xy[points[first]], grids[first]


def place_components(
    rng, site: Site, classes: list[ClassEntry], department_ids: dict[str, int], admin_code: str, target: int
) -> Components:
    zone_names, zone_index = np.unique(site.zone_type, return_inverse=True)
    zone_area = dict(zip(zone_names, np.bincount(zone_index, shapely.area(site.grids))))
    expected = np.array([_expected(p, site, zone_area) for p in PLACEMENTS])
    scalable = np.array([p.scalable for p in PLACEMENTS])
    stretch = expected[scalable].sum() / max(target - expected[~scalable].sum(), 1.0)
    tree = shapely.STRtree(site.grids)
    entries = by_name(classes)
    parts = []
    for p in PLACEMENTS:
        factor = stretch if p.scalable else 1.0
        if p.per_km2:
            xy, grid = _in_zones(rng, p, site, factor)
        else:
            raw = (
                _at_crossings(rng, p, site)
                if p.per_crossing
                else (_along_river(rng, p, site, factor) if p.river_spacing else _along_roads(rng, p, site, factor))
            )
            xy, grid = _locate(site, tree, raw)
        parts.append((entries[p.name].code, department_ids[p.department], xy, grid))

    class_codes = np.concatenate([np.full(len(xy), code) for code, _, xy, _ in parts])
    department = np.concatenate([np.full(len(xy), d) for _, d, xy, _ in parts])
    xy = np.concatenate([xy for *_, xy, _ in parts])
    grid = np.concatenate([g for *_, g in parts])
    order = np.lexsort((xy[:, 0], -xy[:, 1], grid, class_codes))
    class_codes, department, xy, grid = class_codes[order], department[order], xy[order], grid[order]
    serial = np.arange(len(order)) - np.searchsorted(class_codes, class_codes) + 1
    digits = DEFAULT_COMPONENT_RULE.serial_digits
    prefixes = {code: DEFAULT_COMPONENT_RULE.compose(admin_code, code, 1)[:-digits] for code in np.unique(class_codes)}
    if serial.max(initial=0) >= 10**digits:
        raise ValueError(f"部件序号超出 {digits} 位")
    codes = [f"{prefixes[c]}{s:0{digits}d}" for c, s in zip(class_codes, serial)]
    status = np.asarray(COMPONENT_STATUSES)[rng.choice(len(COMPONENT_STATUSES), len(order), p=_STATUS_ODDS)]
    return Components(codes, class_codes, xy, grid, department, status)
