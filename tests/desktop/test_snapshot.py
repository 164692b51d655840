"""``snapshot`` renders the map headless, in-process and through the CLI, with pixels where they belong."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from desktop.cli import main
from layers.city_styles import ROAD_SYMBOLS, ZONE_FILLS
from tests.support.cities import CELL, CITY_ORIGIN, MAIN_ROAD_LAT, ZONES
from widgets.map_view import ViewTransform

ROOT = Path(__file__).resolve().parents[2]
BBOX = (CITY_ORIGIN[0], CITY_ORIGIN[1], CITY_ORIGIN[0] + 3 * CELL, CITY_ORIGIN[1] + 3 * CELL)


def colour_at(image: QImage, lon: float, lat: float, size=(600, 600)) -> QColor:
    x, y = ViewTransform(width=size[0], height=size[1]).fitted(BBOX).lonlat_to_screen(lon, lat)
    return image.pixelColor(int(x), int(y))


def near(colour: QColor, expected: str, tolerance: int = 6) -> bool:
    want = QColor(expected)
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], want.getRgb()[:3]))


@pytest.fixture
def city_path(small_city, tmp_path):
    return str(tmp_path / "t.db")


def test_snapshot_has_grid_fill_and_road_colour_at_known_places(gui_app, city_path, tmp_path, capsys):
    out = tmp_path / "map.png"
    bbox = ",".join(str(v) for v in BBOX)
    assert (
        main(["snapshot", "--db", city_path, "--out", str(out), "--size", "600x600", "--bbox", bbox, "--base", "own"])
        == 0
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == (600, 600)
    row, col = 2, 2
    assert near(
        colour_at(image, CITY_ORIGIN[0] + (col + 0.15) * CELL, CITY_ORIGIN[1] + (row + 0.15) * CELL),
        ZONE_FILLS[ZONES[row * 3 + col]],
    )
    assert near(colour_at(image, CITY_ORIGIN[0] + 2.7 * CELL, MAIN_ROAD_LAT), ROAD_SYMBOLS["主干路"].stroke)


def test_snapshot_layers_option_hides_the_others(gui_app, city_path, tmp_path):
    out = tmp_path / "roads.png"
    bbox = ",".join(str(v) for v in BBOX)
    assert (
        main(
            [
                "snapshot",
                "--db",
                city_path,
                "--out",
                str(out),
                "--size",
                "600x600",
                "--bbox",
                bbox,
                "--base",
                "own",
                "--layers",
                "道路",
            ]
        )
        == 0
    )
    image = QImage(str(out))
    assert not near(colour_at(image, CITY_ORIGIN[0] + 2.15 * CELL, CITY_ORIGIN[1] + 2.15 * CELL), ZONE_FILLS[ZONES[8]])
    assert near(colour_at(image, CITY_ORIGIN[0] + 2.7 * CELL, MAIN_ROAD_LAT), ROAD_SYMBOLS["主干路"].stroke)
    assert main(["snapshot", "--db", city_path, "--out", str(out), "--layers", "不存在"]) == 2


def test_snapshot_through_the_command_line(city_path, tmp_path):
    out = tmp_path / "cli.png"
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "snapshot",
            "--db",
            city_path,
            "--out",
            str(out),
            "--size",
            "400x300",
            "--base",
            "own",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (400, 300)
