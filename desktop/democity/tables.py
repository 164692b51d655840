"""A planned city turned into table rows (lon/lat) and bulk-inserted, parents before children."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely
from sqlalchemy.orm import Session

from desktop.democity import history
from desktop.democity.admin import CITY_CODE, CITY_NAME, DISTRICT_CODE, DISTRICT_NAME
from desktop.democity.fleet import EPOCH
from desktop.democity.plan import CityPlan
from desktop.democity.projection import xy_to_lonlat
from desktop.democity.writer import insert_rows, with_geometry
from desktop.domain.class_table import DEFAULT_SCHEME
from desktop.domain.codes import DEFAULT_GRID_RULE
from desktop.storage.models import (
    AdminArea,
    BaseFeature,
    Camera,
    ClassCode,
    Component,
    Department,
    DisposalGrid,
    GridResponsibility,
    IoTDevice,
    Meta,
    Staff,
    UnitGrid,
    Vehicle,
    VehiclePosition,
)
from desktop.vehicles.tracks import SAMPLE_HISTORY_KEY

RIVER_NAME = "古黄河"


def _centres(polygons: np.ndarray) -> np.ndarray:
    """Lon/lat label points: the centroid, or a point on the surface when the centroid falls outside."""
    centres = shapely.centroid(polygons)
    outside = ~shapely.contains(polygons, centres)
    centres[outside] = shapely.point_on_surface(polygons[outside])
    return np.column_stack(xy_to_lonlat(*shapely.get_coordinates(centres).T))


def _lonlat(xy: np.ndarray) -> tuple[list[float], list[float]]:
    lon, lat = xy_to_lonlat(xy[:, 0], xy[:, 1])
    return lon.tolist(), lat.tolist()


def _meta(plan: CityPlan):
    rule = DEFAULT_GRID_RULE
    facts = {
        "city_name": "宿迁市宿城区 (演示城市)",
        "generator": "demo-city",
        "scale": plan.scale.name,
        "seed": str(plan.seed),
        "grid_rule": f"{rule.admin_digits}+{rule.street_digits}+{rule.community_digits}+{rule.serial_digits}",
        "class_scheme": DEFAULT_SCHEME,
        SAMPLE_HISTORY_KEY: EPOCH.isoformat(),
    }
    return [{"key": k, "value": v} for k, v in facts.items()]


def _admin_areas(plan: CityPlan):
    a = plan.admin
    polygons = np.array([a.district, *a.street_polygons, *a.community_polygons], dtype=object)
    centres = _centres(polygons)
    rows = [{"code": DISTRICT_CODE, "name": DISTRICT_NAME, "level": "district", "parent_code": CITY_CODE}]
    rows += [
        {"code": c, "name": n, "level": "street", "parent_code": DISTRICT_CODE}
        for c, n in zip(a.street_codes, a.street_names)
    ]
    rows += [
        {"code": c, "name": n, "level": "community", "parent_code": a.street_codes[s]}
        for c, n, s in zip(a.community_codes, a.community_names, a.community_street)
    ]
    for row, (x, y) in zip(rows, centres):
        row.update(center_x=float(x), center_y=float(y))
    city = {
        "code": CITY_CODE,
        "name": CITY_NAME,
        "level": "city",
        "parent_code": None,
        "center_x": rows[0]["center_x"],
        "center_y": rows[0]["center_y"],
    }
    return [city], with_geometry(rows, polygons)


def _grids(plan: CityPlan):
    a = plan.admin
    areas = shapely.area(plan.grids)
    for code, community, area, zone in zip(a.grid_codes, a.grid_community, areas, plan.zoning.zone_type):
        yield {
            "code": code,
            "community_code": a.community_codes[community],
            "area_m2": round(float(area), 1),
            "zone_type": zone,
            "name": f"{a.community_names[community]}{code[-2:]}号网格",
        }


def _components(plan: CityPlan):
    c = plan.components
    grid_codes = plan.admin.grid_codes
    for code, class_code, grid, department, status in zip(c.codes, c.class_codes, c.grid, c.department_id, c.status):
        yield {
            "code": code,
            "scheme": DEFAULT_SCHEME,
            "class_code": class_code,
            "admin_code": DISTRICT_CODE,
            "grid_code": grid_codes[grid],
            "department_id": int(department),
            "status": status,
            "name": None,
        }


def _vehicles(plan: CityPlan):
    f = plan.fleet
    depot_x, depot_y = _lonlat(f.depot_xy)
    vehicles = [
        {
            "id": i + 1,
            "plate": f.plate[i],
            "kind": f.kind[i],
            "terminal_id": f.terminal_id[i],
            "phone": f.phone[i],
            "department_id": int(f.department_id[i]),
            "depot_x": depot_x[i],
            "depot_y": depot_y[i],
        }
        for i in range(len(depot_x))
    ]
    return vehicles, history.drive(f, plan.roads, history.HISTORY_S[plan.scale.name], plan.seed)


def _cameras(plan: CityPlan):
    c = plan.cameras
    x, y = _lonlat(c.xy)
    tree = shapely.STRtree(plan.grids)
    found, grid = tree.query(shapely.points(c.xy), predicate="within")
    street = np.full(len(x), DISTRICT_CODE, dtype=object)
    street[found] = [plan.admin.grid_codes[g][:9] for g in grid]
    department = plan.organisation.department_ids["执法"]
    return [
        {
            "code": c.codes[i],
            "name": c.names[i],
            "x": x[i],
            "y": y[i],
            "heading": float(c.heading[i]),
            "fov": float(c.fov[i]),
            "range_m": float(c.range_m[i]),
            "stream_url": None,
            "department_id": department,
            "admin_code": street[i],
        }
        for i in range(len(x))
    ]


def _iot(plan: CityPlan):
    rows, index = plan.iot
    x, y = _lonlat(plan.components.xy[index])
    return [{**row, "x": x[i], "y": y[i]} for i, row in enumerate(rows)]


def _base_features(plan: CityPlan):
    rows, geoms = [], []

    def add(kind, subkind, name, geom):
        rows.append({"kind": kind, "subkind": subkind, "name": name})
        geoms.append(geom)

    for road_class, lines in plan.roads.lines.items():
        for name, line in zip(plan.roads.line_names[road_class], lines):
            add("road", road_class, name, line)
    add("water", "河道", RIVER_NAME, plan.layout.river_area)
    for name, lake in plan.zoning.lakes:
        add("water", "湖泊", name, lake)
    for name, park in plan.zoning.parks:
        add("green", "公园", name, park)
    a = plan.admin
    for subkind, names, polygons in (
        ("街道", a.street_names, a.street_polygons),
        ("社区", a.community_names, a.community_polygons),
    ):
        for name, polygon in zip(names, polygons):
            add("place", subkind, name, shapely.point_on_surface(polygon))
    add("boundary", "区界", DISTRICT_NAME, a.district.boundary)
    for name, polygon in zip(a.street_names, a.street_polygons):
        add("boundary", "街道界", name, polygon.boundary)
    return with_geometry(rows, np.array(geoms, dtype=object))


def write_plan(session: Session, plan: CityPlan, progress: Callable[[str], None]) -> dict[str, int]:
    """Insert every table of the plan; returns row counts by table name."""
    progress("写入数据库 …")
    org = plan.organisation
    city, areas = _admin_areas(plan)
    vehicles, positions = _vehicles(plan)
    classes = [
        {
            "scheme": e.scheme,
            "kind": e.kind,
            "code": e.code,
            "major_code": e.major_code,
            "major_name": e.major_name,
            "name": e.name,
            "symbol": e.symbol,
        }
        for e in plan.classes
    ]
    steps = (
        (Meta, _meta(plan)),
        (ClassCode, classes),
        (AdminArea, city),
        (AdminArea, areas),
        (Department, org.departments),
        (Staff, org.staff),
        (UnitGrid, with_geometry(_grids(plan), plan.grids)),
        (GridResponsibility, org.responsibilities),
        (
            DisposalGrid,
            with_geometry([row for row, _ in org.disposal], np.array([g for _, g in org.disposal], dtype=object)),
        ),
        (Component, with_geometry(_components(plan), plan.components.xy)),
        (IoTDevice, _iot(plan)),
        (Vehicle, vehicles),
        (VehiclePosition, positions),
        (Camera, _cameras(plan)),
        (BaseFeature, _base_features(plan)),
    )
    counts: dict[str, int] = {}
    for model, rows in steps:
        counts[model.__tablename__] = counts.get(model.__tablename__, 0) + insert_rows(session, model, rows)
    return counts
