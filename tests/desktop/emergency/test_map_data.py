"""The emergency layers' data: resources as points by kind, zones by plan type."""

import shapely

from desktop.emergency.map_data import read_resources, read_zones


def test_sample_resources_and_zones(city):
    resources, zones = read_resources(city), read_zones(city)
    assert len(resources.geometries) > 0 and len(resources.geometries) == len(resources.categories)
    assert all(isinstance(point, shapely.Point) for point in resources.geometries)
    assert set(resources.categories) <= {"人力", "物资", "设施", "车辆装备", "技术", "资金", "特殊"}
    assert len(zones.geometries) > 0 and all(isinstance(zone, shapely.Polygon) for zone in zones.geometries)
    assert all(isinstance(plan_type, str) for plan_type in zones.categories)


def test_an_empty_city_has_none(small_city):
    assert len(read_resources(small_city).geometries) == len(read_zones(small_city).geometries) == 0
