"""The map's tile scheme: XYZ tiles of 256 px over Web Mercator (EPSG:3857), OSM numbering."""

from __future__ import annotations

MERCATOR_HALF = 20037508.342789244  # EPSG:3857 half-extent in metres
TILE_SIZE = 256


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """EPSG:3857 bounds of XYZ tile z/x/y (OSM scheme: y = 0 is the northernmost row)."""
    if not (0 <= z <= 22 and 0 <= x < 2**z and 0 <= y < 2**z):
        raise ValueError(f"瓦片编号超出范围：{z}/{x}/{y}")
    size = 2 * MERCATOR_HALF / 2**z
    return (
        -MERCATOR_HALF + x * size,
        MERCATOR_HALF - (y + 1) * size,
        -MERCATOR_HALF + (x + 1) * size,
        MERCATOR_HALF - y * size,
    )
