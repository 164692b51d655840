"""Ranked search in the core: plain matches with the raw bbox and the stored detail."""

from datetime import UTC, datetime

import pytest

from desktop.storage.map_search import FeatureSearch, Match
from desktop.storage.models import VehiclePosition
from tests.support.cities import CELL, CITY_ORIGIN

X0, Y0 = CITY_ORIGIN


def test_exact_match_first_with_its_bbox(small_city):
    [first, *rest] = FeatureSearch(small_city).search("32130200100105")
    assert (first.kind, first.key, first.text, first.detail) == ("grid", "32130200100105", "32130200100105", "公园绿地")
    assert first.bbox == pytest.approx((X0 + CELL, Y0 + CELL, X0 + 2 * CELL, Y0 + 2 * CELL))
    assert all(isinstance(match, Match) for match in rest)


def test_vehicles_are_where_they_last_reported(small_city):
    search = FeatureSearch(small_city)
    assert search.search("n00001") == []  # neither a position nor a depot yet
    with small_city.session() as session, session.begin():
        session.add(VehiclePosition(vehicle_id=1, ts=datetime(2024, 5, 1, tzinfo=UTC), x=X0, y=Y0))
    [vehicle] = search.search("n00001")
    assert (vehicle.kind, vehicle.key, vehicle.text, vehicle.bbox) == ("vehicle", 1, "苏N00001", (X0, Y0, X0, Y0))


def test_administrative_areas_carry_their_level_code(small_city):
    found = {(m.kind, m.text): m.detail for m in FeatureSearch(small_city).search("测试")}
    assert found[("admin_area", "测试区")] == "district" and found[("admin_area", "测试市")] == "city"
    assert FeatureSearch(small_city).search("  ") == []
