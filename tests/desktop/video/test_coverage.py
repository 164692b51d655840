"""Camera view cones and which cameras see a point."""

from dataclasses import dataclass

import pytest
import shapely
from pyproj import Geod

from desktop.video.coverage import covering_cameras, view_cone

GEOD = Geod(ellps="WGS84")
ORIGIN = (118.28, 33.95)


@dataclass
class Cam:
    name: str
    x: float
    y: float
    heading: float
    fov: float = 60.0
    range_m: float = 100.0


def moved(azimuth: float, metres: float, start=ORIGIN) -> tuple[float, float]:
    lon, lat, _ = GEOD.fwd(*start, azimuth, metres)
    return lon, lat


def test_view_cone_points_along_the_compass_heading():
    cone = view_cone(0.0, 0.0, heading=90.0, fov=60.0, range_m=100.0)
    assert cone.contains(shapely.Point(50, 0)) and not cone.contains(shapely.Point(-50, 0))
    assert not cone.contains(shapely.Point(50, 40))  # 38.7° off the axis, outside ±30°
    assert cone.contains(shapely.Point(50, 25))  # 26.6° off the axis
    assert cone.bounds[2] == pytest.approx(100.0)
    assert cone.area == pytest.approx(3.14159 * 100**2 / 6, rel=0.01)


def test_cameras_covering_a_point_nearest_first():
    target = moved(0.0, 50.0)  # 50 m north of the origin
    cameras = [
        Cam("south, looking north", *ORIGIN, heading=0.0),
        Cam("south, looking east", *ORIGIN, heading=90.0),
        Cam("north-east 30 m, looking south-west", *moved(45.0, 30.0, target), heading=225.0),
        Cam("far south, too short", *moved(180.0, 200.0), heading=0.0),
        Cam("far south, long range", *moved(180.0, 200.0), heading=0.0, fov=20.0, range_m=400.0),
    ]
    names = [c.name for c in covering_cameras(cameras, *target)]
    assert names == ["north-east 30 m, looking south-west", "south, looking north", "far south, long range"]


def test_no_cameras_no_coverage():
    assert covering_cameras([], *ORIGIN) == []
