"""Departments, their 处置网格, the staff and every grid's five-level responsibility chain."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from desktop.democity import names
from desktop.democity.admin import CITY_CODE, DISTRICT_CODE, Admin
from desktop.democity.clustering import kmeans, sectors, union_by_label

# (code suffix, name, kind); component classes and vehicles refer to departments by kind.
DEPARTMENTS = (
    ("SZ", "市政设施管理处", "市政"),
    ("HW", "环境卫生管理处", "环卫"),
    ("YL", "园林绿化管理处", "园林"),
    ("ZF", "城管执法大队", "执法"),
    ("SW", "水务局", "水务"),
    ("GD", "供电公司", "供电"),
    ("TX", "通信公司", "通信"),
    ("RQ", "燃气公司", "燃气"),
    ("JJ", "交警大队", "交警"),
)
_ROLE_PREFIX = {"指挥长": "ZH", "值班长": "ZB", "坐席": "ZX", "监督员": "JD", "处置人员": "CZ", "网格长": "WG"}
_GRID_CHIEF_TITLES = ("市级网格长", "区级网格长", "街道网格长", "社区网格长", "网格长")
_NUMERALS = "一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals (十二, 二十三 …)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _NUMERALS[tens - 1]) + "十" if tens else "") + (_NUMERALS[ones - 1] if ones else "")


@dataclass
class Organisation:
    departments: list[dict]
    department_ids: dict[str, int]  # by kind
    staff: list[dict]
    responsibilities: list[dict]
    disposal: list[tuple[dict, shapely.Geometry]]  # row without geometry, local polygon


def _disposal_layers(
    rng, admin: Admin, community_xy: np.ndarray, community_north: np.ndarray
) -> dict[str, tuple[np.ndarray, list[str]]]:
    """Per department kind: a label per community and the names of the labels."""
    centre = np.asarray(admin.district.centroid.coords[0])

    def numbered(labels, pattern):
        return labels, [pattern.format(chinese_number(k + 1)) for k in range(labels.max() + 1)]

    cleaning = kmeans(rng, community_xy, max(3, round(len(admin.street_codes) * 0.75)))
    return {
        "市政": numbered(sectors(community_xy, centre, 3, rng.uniform(0, 120)), "第{}作业区"),
        "环卫": numbered(cleaning, "第{}片区"),
        "园林": numbered(sectors(community_xy, centre, 4, rng.uniform(0, 90)), "第{}养护区"),
        "执法": (admin.community_street, [f"{n}中队" for n in admin.street_names]),
        "水务": (community_north.astype(int), ["南岸片区", "北岸片区"]),
        "供电": numbered(sectors(community_xy, centre, 2, rng.uniform(0, 180)), "第{}供电所"),
        "通信": numbered(sectors(community_xy, centre, 2, rng.uniform(0, 180)), "第{}维护区"),
        "燃气": numbered(np.zeros(len(community_xy), dtype=int), "第{}服务区"),
        "交警": numbered(sectors(community_xy, centre, 4, 45.0), "第{}中队"),
    }


def build_organisation(rng, admin: Admin, community_north: np.ndarray, staff_per_department: int) -> Organisation:
    departments = [
        {
            "id": i + 1,
            "code": f"{DISTRICT_CODE}{code}",
            "name": name,
            "kind": kind,
            "phone": f"0527-8{rng.integers(10**6, 10**7)}",
        }
        for i, (code, name, kind) in enumerate(DEPARTMENTS)
    ]
    department_ids = {d["kind"]: d["id"] for d in departments}

    community_xy = shapely.get_coordinates(shapely.centroid(admin.community_polygons))
    disposal = []
    for kind, (labels, label_names) in _disposal_layers(rng, admin, community_xy, community_north).items():
        present = np.unique(labels)
        for k, polygon in zip(present, union_by_label(np.searchsorted(present, labels), admin.community_polygons)):
            department = departments[department_ids[kind] - 1]
            row = {
                "code": f"{department['code']}-{k + 1:02d}",
                "name": f"{department['name']}{label_names[k]}",
                "department_id": department["id"],
            }
            disposal.append((row, polygon))

    n_grids, n_streets, n_communities = len(admin.grid_codes), len(admin.street_codes), len(admin.community_codes)
    seats = max(6, min(60, n_grids // 150))
    plan = [  # role, department kind, admin code, radio?
        *[("指挥长", None, DISTRICT_CODE, False)] * 2,
        *[("值班长", None, DISTRICT_CODE, False)] * max(3, seats // 4),
        *[("坐席", None, DISTRICT_CODE, False)] * seats,
        *[
            ("监督员", None, admin.street_codes[admin.community_street[admin.grid_community[g]]], True)
            for g in range(0, n_grids, 15)
        ],
        *[("处置人员", kind, None, True) for _, _, kind in DEPARTMENTS for _ in range(staff_per_department)],
        ("网格长", None, CITY_CODE, False),
        ("网格长", None, DISTRICT_CODE, False),
        *[("网格长", None, code, False) for code in admin.street_codes],
        *[("网格长", None, code, False) for code in admin.community_codes],
        *[("网格长", None, admin.community_codes[c], False) for c in admin.grid_community],
    ]
    people, phones = names.person_names(rng, len(plan)), names.mobile_numbers(rng, len(plan))
    counters: dict[str, int] = {}
    staff = []
    for i, ((role, kind, admin_code, radio), person, phone) in enumerate(zip(plan, people, phones)):
        counters[role] = counters.get(role, 0) + 1
        staff.append(
            {
                "id": i + 1,
                "code": f"{_ROLE_PREFIX[role]}{counters[role]:06d}",
                "name": person,
                "role": role,
                "department_id": department_ids.get(kind),
                "admin_code": admin_code,
                "phone": phone,
                "radio": f"{60000 + i}" if radio else None,
            }
        )

    grid_chief_start = len(plan) - n_grids + 1
    community_chief_start = grid_chief_start - n_communities
    street_chief_start = community_chief_start - n_streets
    responsibilities = []
    for g, code in enumerate(admin.grid_codes):
        c = int(admin.grid_community[g])
        chain = (
            street_chief_start - 2,
            street_chief_start - 1,
            street_chief_start + int(admin.community_street[c]),
            community_chief_start + c,
            grid_chief_start + g,
        )
        for level, staff_id, title in zip(("市", "区", "办事处", "社区", "小区"), chain, _GRID_CHIEF_TITLES):
            responsibilities.append({"grid_code": code, "level": level, "staff_id": staff_id, "title": title})
    return Organisation(departments, department_ids, staff, responsibilities, disposal)
