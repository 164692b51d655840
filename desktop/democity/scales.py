"""Sizes of the generated city: targets per scale (``tiny`` is for tests only)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    grids: int
    components: int
    vehicles: int
    cameras: int
    streets: int
    staff_per_department: int


SCALES = {
    "tiny": Scale("tiny", grids=160, components=6_000, vehicles=24, cameras=8, streets=2, staff_per_department=3),
    "demo": Scale(
        "demo", grids=2_000, components=100_000, vehicles=300, cameras=64, streets=8, staff_per_department=12
    ),
    "city": Scale(
        "city", grids=50_000, components=2_000_000, vehicles=10_000, cameras=2_000, streets=40, staff_per_department=80
    ),
}
PUBLIC_SCALES = ("demo", "city")
