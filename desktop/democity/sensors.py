"""Cameras at arterial crossings and IoT devices on manhole covers, street lights and gauges."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop.democity.components import Components
from desktop.democity.roads import Intersections
from desktop.domain.class_table import ClassEntry

_COMPASS = ("北", "东", "南", "西")
IOT_SHARE = 0.15
_PREFIX = {"井盖": "JG", "路灯": "LD", "水位": "SW"}


@dataclass
class Cameras:
    codes: list[str]
    names: list[str]
    xy: np.ndarray
    heading: np.ndarray
    fov: np.ndarray
    range_m: np.ndarray


def bearing(vectors: np.ndarray) -> np.ndarray:
    """Compass bearing in degrees (0 = north, clockwise) of local x/y vectors."""
    return np.degrees(np.arctan2(vectors[..., 0], vectors[..., 1])) % 360


def place_cameras(rng, crossings: Intersections, count: int, admin_code: str) -> Cameras:
    """Cameras looking down the roads of the crossings nearest the centre."""
    node, arm = np.nonzero(crossings.has_arm)
    node, arm = node[:count], arm[:count]
    direction = crossings.arms[node, arm]
    side = np.column_stack([direction[:, 1], -direction[:, 0]])
    heading = bearing(direction)
    names = [
        f"{crossings.row_names[n]}与{crossings.column_names[n]}路口{_COMPASS[int(((h + 45) % 360) // 90)]}向"
        for n, h in zip(node, heading)
    ]
    return Cameras(
        # GB/T 28181 ids: centre (admin + 00), industry 00, type 132 (network camera), network 0, serial
        codes=[f"{admin_code}00001320{i + 1:06d}" for i in range(len(node))],
        names=names,
        xy=crossings.xy[node] + direction * 12.0 + side * 14.0,
        heading=np.round(heading, 1),
        fov=np.round(rng.uniform(50, 90, len(node))),
        range_m=np.round(rng.uniform(60, 150, len(node))),
    )


def _iot_kind(entry: ClassEntry) -> str:
    """The sensor kind a component of this class can carry ("" for none)."""
    return "井盖" if entry.symbol == "manhole" else {"路灯": "路灯", "水位监测站": "水位"}.get(entry.name, "")


def iot_devices(
    rng, components: Components, classes: list[ClassEntry], admin_code: str
) -> tuple[list[dict], np.ndarray]:
    """Sensors on a share of manhole covers and street lights and on every water-level station:
    rows (without position) and the index of the component each one sits on."""
    entries = {e.code: e for e in classes if e.kind == "部件"}
    class_codes, inverse = np.unique(components.class_codes, return_inverse=True)
    kind = np.array([_iot_kind(entries[c]) for c in class_codes], dtype=object)[inverse]
    chosen = np.flatnonzero((kind == "水位") | ((kind != "") & (rng.random(len(kind)) < IOT_SHARE)))
    chosen = chosen[np.argsort(kind[chosen], kind="stable")]
    serial = dict.fromkeys(_PREFIX, 0)
    rows = []
    for i in chosen:
        serial[kind[i]] += 1
        rows.append(
            {
                "device_id": f"{_PREFIX[kind[i]]}{admin_code}{serial[kind[i]]:07d}",
                "kind": kind[i],
                "component_code": components.codes[i],
            }
        )
    return rows, chosen
