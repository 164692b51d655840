"""Identify in the core: (kind, record) pairs, topmost kind first, records as named tuples of plain values."""

from desktop.storage.map_identify import FeatureProbe
from tests.support.cities import CELL, CITY_ORIGIN

X0, Y0 = CITY_ORIGIN
TOL = 0.0002


def test_camera_grid_and_areas_under_a_point(small_city):
    hits = FeatureProbe(small_city).at(X0 + 0.5 * CELL, Y0 + 2.5 * CELL, TOL)
    assert [kind for kind, _ in hits] == ["camera", "grid", "admin_area", "admin_area"]
    camera, grid = hits[0][1], hits[1][1]
    assert (camera.code, camera.name, camera.heading) == ("CAM-1", "测试摄像机一", 0.0)
    assert (grid.code, grid.community, grid.area_m2) == ("32130200100107", "测试社区", 250_000.0)
    assert [record.level for _, record in hits[2:]] == ["district", "city"]  # the smaller area first
    assert isinstance(grid.geom_wkb, bytes)


def test_nothing_outside_the_city(small_city):
    assert FeatureProbe(small_city).at(X0 - 1.0, Y0 - 1.0, TOL) == []
