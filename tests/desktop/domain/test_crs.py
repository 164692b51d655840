"""Source / target CRS handling relative to storage (EPSG:4490)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from desktop.domain import coords
from desktop.domain.codes import CodeError
from desktop.domain.crs import crs_label, from_storage, normalize_crs, to_storage, transform_geometry

LON, LAT = 118.3, 33.95  # 宿迁


@pytest.mark.parametrize(
    "name",
    [
        None,
        "",
        "EPSG:4326",
        "epsg:4490",
        "CGCS2000",
        "wgs84",
        "urn:ogc:def:crs:OGC:1.3:CRS84",
        "urn:ogc:def:crs:EPSG::4490",
    ],
)
def test_storage_names_are_identity(name):
    assert normalize_crs(name) is None
    assert crs_label(name) == "EPSG:4490"
    assert to_storage(name)(LON, LAT) == (LON, LAT)
    assert from_storage(name)(LON, LAT) == (LON, LAT)


@pytest.mark.parametrize(
    "name, forward, inverse",
    [
        ("GCJ02", coords.wgs84_to_gcj02, coords.gcj02_to_wgs84),
        ("gcj-02", coords.wgs84_to_gcj02, coords.gcj02_to_wgs84),
        ("BD09", coords.wgs84_to_bd09, coords.bd09_to_wgs84),
        ("Bd-09", coords.wgs84_to_bd09, coords.bd09_to_wgs84),
    ],
)
def test_offset_systems(name, forward, inverse):
    assert from_storage(name)(LON, LAT) == forward(LON, LAT)
    assert to_storage(name)(LON, LAT) == inverse(LON, LAT)
    assert crs_label(name) == name.upper().replace("-", "")


def test_web_mercator_matches_the_formula():
    x, y = from_storage("EPSG:3857")(LON, LAT)
    r = 6378137.0
    assert x == pytest.approx(r * math.radians(LON), abs=1e-3)
    assert y == pytest.approx(r * math.log(math.tan(math.pi / 4 + math.radians(LAT) / 2)), abs=1e-3)


@pytest.mark.parametrize(
    "epsg, central_meridian, false_easting",
    [
        ("EPSG:4527", 117.0, 39_500_000.0),  # CGCS2000 3-degree GK zone 39 (zone prefix)
        ("EPSG:4549", 120.0, 500_000.0),  # CGCS2000 3-degree GK CM 120E
        ("EPSG:4548", 117.0, 500_000.0),
    ],
)
def test_gauss_kruger_central_meridian(epsg, central_meridian, false_easting):
    x, y = from_storage(epsg)(central_meridian, LAT)
    assert x == pytest.approx(false_easting, abs=1e-6)
    assert 3.7e6 < y < 3.8e6  # ~33.95° north of the equator
    assert crs_label(epsg) == epsg


@pytest.mark.parametrize("name", ["EPSG:3857", "EPSG:4527", "EPSG:4549", "GCJ02", "BD09"])
def test_round_trips(name):
    rng = np.random.default_rng(7)
    lon, lat = rng.uniform(117.5, 119.5, 1000), rng.uniform(33.0, 34.5, 1000)
    back = to_storage(name)(*from_storage(name)(lon, lat))
    assert np.abs(back[0] - lon).max() < 1e-9 and np.abs(back[1] - lat).max() < 1e-9


@pytest.mark.parametrize("bad", ["EPSG:999999", "nonsense", "GCJ03"])
def test_unknown_crs_is_a_code_error_in_chinese(bad):
    with pytest.raises(CodeError, match=r"坐标系.*无法识别"):
        to_storage(bad)


def test_transform_geometry_single_and_array():
    polygon = shapely.box(LON, LAT, LON + 0.01, LAT + 0.01)
    moved = transform_geometry(polygon, from_storage("GCJ02"))
    assert moved.geom_type == "Polygon"
    expected = coords.wgs84_to_gcj02(*shapely.get_coordinates(polygon).T)
    assert np.allclose(shapely.get_coordinates(moved), np.column_stack(expected), atol=0, rtol=0)
    geometries = np.array([shapely.Point(LON, LAT), None, polygon], dtype=object)
    out = transform_geometry(geometries, from_storage("EPSG:3857"))
    assert out[1] is None and out[0].x > 1e7
    assert transform_geometry(np.array([], dtype=object), from_storage("BD09")).size == 0
