"""The whole demo city planned in memory (local metres), before anything is written.

Deterministic: one ``numpy`` generator seeded once drives every random choice, and no
value depends on the clock, so the same seed gives the same database content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import shapely

from desktop.democity.admin import DISTRICT_CODE, Admin, build_admin
from desktop.democity.components import Components, Site, place_components
from desktop.democity.fleet import Fleet, build_fleet
from desktop.democity.layout import Layout, build_layout
from desktop.democity.organisation import Organisation, build_organisation
from desktop.democity.roads import RoadNet, build_roads, find_intersections
from desktop.democity.scales import Scale
from desktop.democity.sensors import Cameras, iot_devices, place_cameras
from desktop.democity.subdivision import subdivide
from desktop.democity.zoning import Zoning, build_zoning
from desktop.domain.class_table import ClassEntry, bundled_class_table

MEAN_GRID_M2 = 12_000.0  # average unit grid produced by the subdivision (calibrated)


@dataclass
class CityPlan:
    """Everything generated, in local metres, ready to be written."""

    scale: Scale
    seed: int
    classes: list[ClassEntry]
    layout: Layout
    roads: RoadNet
    grids: np.ndarray  # ordered by grid code
    admin: Admin
    zoning: Zoning
    organisation: Organisation
    components: Components
    iot: tuple[list[dict], np.ndarray]
    fleet: Fleet
    cameras: Cameras


def plan_city(scale: Scale, seed: int, progress: Callable[[str], None]) -> CityPlan:
    rng = np.random.default_rng(seed)
    classes = bundled_class_table()
    layout = build_layout(rng, scale.grids * MEAN_GRID_M2)
    progress(f"规划路网与河道 … {len(layout.arterials)} 条主干路，{len(layout.blocks)} 个街区")
    sub = subdivide(rng, layout.blocks)
    roads = build_roads(rng, layout, sub.secondaries, sub.lanes)
    progress(f"生成单元网格 … {len(sub.grids)} 个")
    admin = build_admin(rng, sub, scale.streets)
    grids = sub.grids[admin.order]
    progress(f"划分街道与社区 … {len(admin.street_codes)} 个街道，{len(admin.community_codes)} 个社区")
    zoning = build_zoning(
        rng,
        grids,
        sub.plot[admin.order],
        sub.quarter[admin.order],
        layout.city,
        layout.river_area,
        roads.lines["主干路"],
        roads.lines["支路"],
    )
    north = layout.block_rows[sub.block[admin.order]] >= layout.river_row
    community_north = np.bincount(admin.grid_community, north) > 0
    organisation = build_organisation(rng, admin, community_north, scale.staff_per_department)
    progress(f"区域属性、部门与人员 … {len(organisation.staff)} 人，{len(organisation.disposal)} 个处置网格")
    crossings = find_intersections(layout)
    no_go = shapely.union_all([layout.river_area, *(lake for _, lake in zoning.lakes)])
    site = Site(grids, zoning.zone_type, roads, crossings, layout.river, no_go)
    components = place_components(rng, site, classes, organisation.department_ids, DISTRICT_CODE, scale.components)
    progress(f"布设管理部件 … {len(components.codes)} 个")
    iot = iot_devices(rng, components, classes, DISTRICT_CODE)
    fleet = build_fleet(rng, scale.vehicles, admin.district, roads, organisation.department_ids)
    cameras = place_cameras(rng, crossings, scale.cameras, DISTRICT_CODE)
    progress(f"车辆、摄像机与物联设备 … {len(fleet.plate)} 辆车，{len(cameras.codes)} 路视频，{len(iot[0])} 个设备")
    return CityPlan(
        scale, seed, classes, layout, roads, grids, admin, zoning, organisation, components, iot, fleet, cameras
    )
