"""WGS-84 / GCJ-02 / BD-09 against the public test vectors in ../shared/data/coord_transform."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest

from desktop.domain import coords

VECTORS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "coord_transform" / "coord_test_vectors.json"


@pytest.fixture(scope="module")
def vectors() -> dict:
    if not VECTORS.is_file():
        pytest.skip(f"shared test data absent: {VECTORS.resolve()}")
    return json.loads(VECTORS.read_text(encoding="utf-8"))


def metres(lon1, lat1, lon2, lat2):
    """Local planar distance in metres (good enough at these scales)."""
    lat = np.radians((np.asarray(lat1) + np.asarray(lat2)) / 2)
    return np.hypot((np.asarray(lon1) - lon2) * 111320.0 * np.cos(lat), (np.asarray(lat1) - lat2) * 110574.0)


def latlng(pair):
    return pair[1], pair[0]  # vectors are (lat, lng); functions take (lon, lat)


def test_wgs84_to_gcj02_eviltransform(vectors):
    for case in vectors["wgs84_gcj02"]["cases"]:
        lon, lat = coords.wgs84_to_gcj02(*latlng(case["wgs"]))
        assert (lon, lat) == pytest.approx(latlng(case["gcj"]), abs=1e-6), case["name"]  # source: 6 places


def test_gcj02_to_wgs84_iterative_under_a_centimetre(vectors):
    for case in vectors["wgs84_gcj02"]["cases"]:
        lon, lat = coords.gcj02_to_wgs84(*latlng(case["gcj"]))
        assert metres(lon, lat, *latlng(case["wgs"])) < 0.01, case["name"]  # source: < 0.5 m


def test_gcj02_to_wgs84_one_step_within_source_tolerance(vectors):
    for case in vectors["wgs84_gcj02"]["cases"]:
        lon, lat = coords.gcj02_to_wgs84_approx(*latlng(case["gcj"]))
        assert metres(lon, lat, *latlng(case["wgs"])) < 5.0, case["name"]


def test_out_of_china_is_identity(vectors):
    for case in vectors["out_of_china_identity"]["cases"]:
        point = latlng(case["in"])
        for fn in (coords.wgs84_to_gcj02, coords.gcj02_to_wgs84, coords.gcj02_to_wgs84_approx):
            assert fn(*point) == latlng(case["out"]), (case["name"], fn.__name__)
        assert bool(coords.out_of_china(*point))


def test_wandergis_vectors(vectors):
    functions = {
        "bd09togcj02": coords.bd09_to_gcj02_approx,
        "gcj02tobd09": coords.gcj02_to_bd09,
        "wgs84togcj02": coords.wgs84_to_gcj02,
        "gcj02towgs84": coords.gcj02_to_wgs84_approx,
    }
    for case in vectors["coordtransform_wandergis"]["cases"]:
        assert functions[case["fn"]](*case["in"]) == pytest.approx(tuple(case["out"]), abs=1e-9), case["fn"]


def test_bd09_exact_inverse_stays_close_to_the_closed_form(vectors):
    case = next(c for c in vectors["coordtransform_wandergis"]["cases"] if c["fn"] == "bd09togcj02")
    lon, lat = coords.bd09_to_gcj02(*case["in"])
    assert metres(lon, lat, *case["out"]) < 0.5
    assert coords.gcj02_to_bd09(lon, lat) == pytest.approx(tuple(case["in"]), abs=1e-11)


def test_bd09_standard_xpi_vectors(vectors):
    for case in vectors["computed_here_standard_xpi_bd09"]["cases"]:
        if "wgs_exact_iterative" in case:
            bd = latlng(case["bd"])
            gcj = coords.bd09_to_gcj02_approx(*bd)
            assert gcj == pytest.approx(latlng(case["gcj"]), abs=1e-9)
            assert coords.gcj02_to_wgs84_approx(*gcj) == pytest.approx(latlng(case["wgs_approx"]), abs=1e-9)
            assert coords.gcj02_to_wgs84(*gcj) == pytest.approx(latlng(case["wgs_exact_iterative"]), abs=1e-9)
            assert metres(*coords.bd09_to_wgs84(*bd), *latlng(case["wgs_exact_iterative"])) < 0.5
        else:
            assert coords.wgs84_to_bd09(*latlng(case["wgs"])) == pytest.approx(latlng(case["bd"]), abs=1e-9)
            assert coords.gcj02_to_bd09(*latlng(case["gcj"])) == pytest.approx(latlng(case["bd"]), abs=1e-9)
            assert metres(*coords.bd09_to_wgs84(*latlng(case["bd"])), *latlng(case["wgs"])) < 0.01


def test_eviltransform_bd09_variant_differs_by_tens_of_metres(vectors):
    """eviltransform's BD-09 is not the x_pi convention (documented in the vectors file)."""
    for case in vectors["bd09_to_wgs84_eviltransform_variant"]["cases"]:
        distance = metres(*coords.bd09_to_wgs84(*latlng(case["bd"])), *latlng(case["wgs"]))
        assert 1.0 < distance < 50.0


@pytest.fixture(scope="module")
def china_points():
    rng = np.random.default_rng(20240601)
    lon, lat = np.meshgrid(np.linspace(73.6, 134.7, 120), np.linspace(18.2, 53.5, 80))
    lon = np.concatenate([lon.ravel(), rng.uniform(73.6, 134.7, 20000)])
    lat = np.concatenate([lat.ravel(), rng.uniform(18.2, 53.5, 20000)])
    return lon, lat


def test_iterative_inverse_over_china(china_points):
    lon, lat = china_points
    gcj = coords.wgs84_to_gcj02(lon, lat)
    assert metres(*coords.gcj02_to_wgs84(*gcj), lon, lat).max() < 1e-4
    assert metres(*coords.wgs84_to_gcj02(*coords.gcj02_to_wgs84(lon, lat)), lon, lat).max() < 1e-4
    # why the iteration: the one-step inverse is off by metres
    assert metres(*coords.gcj02_to_wgs84_approx(*gcj), lon, lat).max() > 1.0


def test_bd09_round_trips_over_china(china_points):
    lon, lat = china_points
    assert metres(*coords.bd09_to_wgs84(*coords.wgs84_to_bd09(lon, lat)), lon, lat).max() < 1e-4
    assert metres(*coords.gcj02_to_bd09(*coords.bd09_to_gcj02(lon, lat)), lon, lat).max() < 1e-4
    offset = metres(*coords.wgs84_to_bd09(lon, lat), lon, lat)
    assert offset.min() > 100 and offset.max() < 2000


def test_scalars_and_shapes():
    lon, lat = coords.wgs84_to_gcj02(118.3, 33.9)
    assert isinstance(lon, float) and isinstance(lat, float)
    grid = np.full((2, 3), 118.3), np.full((2, 3), 33.9)
    for fn in (coords.gcj02_to_wgs84, coords.bd09_to_wgs84, coords.wgs84_to_bd09):
        out = fn(*grid)
        assert out[0].shape == (2, 3) and out[1].shape == (2, 3)
    assert coords.gcj02_to_wgs84([118.3], 33.9)[0].shape == (1,)  # broadcasting
    empty = coords.gcj02_to_wgs84(np.array([]), np.array([]))
    assert empty[0].size == 0


def test_nan_passes_through_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lon, lat = coords.gcj02_to_wgs84(np.array([118.3, np.nan]), np.array([33.9, np.nan]))
    assert np.isfinite(lon[0]) and np.isnan(lon[1]) and np.isnan(lat[1])
