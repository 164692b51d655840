"""Web-Mercator (EPSG:3857) maths and the view of the map canvas: centre, resolution, size.

Data stay lon/lat (CGCS2000 ≈ WGS-84 to a metre); the canvas projects once with the closed
form, vectorised. Tiles are the XYZ 256-px scheme of :mod:`desktop.qgis_render` base tiles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from desktop.domain.tiles import MERCATOR_HALF, TILE_SIZE, tile_bounds

EARTH_RADIUS = 6378137.0
MAX_ZOOM = 20
WORLD = 2 * MERCATOR_HALF

TileKey = tuple[int, int, int]  # z, x, y


def to_mercator(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    x = np.radians(lon) * EARTH_RADIUS
    y = np.log(np.tan(np.pi / 4 + np.radians(np.clip(lat, -85.0511, 85.0511)) / 2)) * EARTH_RADIUS
    return x, y


def to_lonlat(x, y) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return np.degrees(x / EARTH_RADIUS), np.degrees(2 * np.arctan(np.exp(y / EARTH_RADIUS)) - np.pi / 2)


def mercator_bbox(bbox_lonlat) -> tuple[float, float, float, float]:
    x, y = to_mercator([bbox_lonlat[0], bbox_lonlat[2]], [bbox_lonlat[1], bbox_lonlat[3]])
    return float(x[0]), float(y[0]), float(x[1]), float(y[1])


def resolution(z: float) -> float:
    """Metres per pixel of zoom level ``z`` (at the equator; Mercator metres everywhere)."""
    return WORLD / (TILE_SIZE * 2**z)


def tiles_in(z: int, bbox: tuple[float, float, float, float]) -> list[TileKey]:
    """Keys of the tiles of level ``z`` that intersect a Mercator box, row by row."""
    n = 2**z
    size = WORLD / n
    x0 = max(0, math.floor((bbox[0] + MERCATOR_HALF) / size))
    x1 = min(n - 1, math.floor((bbox[2] + MERCATOR_HALF) / size - 1e-9))
    y0 = max(0, math.floor((MERCATOR_HALF - bbox[3]) / size))
    y1 = min(n - 1, math.floor((MERCATOR_HALF - bbox[1]) / size - 1e-9))
    return [(z, x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]


@dataclass(frozen=True)
class ViewTransform:
    """What the canvas shows: Mercator centre, metres per pixel and the widget size.

    Immutable, so overlays and workers can keep one as a snapshot.
    """

    cx: float = 0.0
    cy: float = 0.0
    res: float = 1.0
    width: int = 1
    height: int = 1

    def to_screen(self, mx, my) -> tuple[np.ndarray, np.ndarray]:
        return (np.asarray(mx) - self.cx) / self.res + self.width / 2, (
            self.cy - np.asarray(my)
        ) / self.res + self.height / 2

    def from_screen(self, px, py) -> tuple[np.ndarray, np.ndarray]:
        return self.cx + (np.asarray(px) - self.width / 2) * self.res, self.cy - (
            np.asarray(py) - self.height / 2
        ) * self.res

    def lonlat_to_screen(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        return self.to_screen(*to_mercator(lon, lat))

    def screen_to_lonlat(self, px, py) -> tuple[np.ndarray, np.ndarray]:
        return to_lonlat(*self.from_screen(px, py))

    @property
    def grid_origin(self) -> tuple[float, float]:
        """The view's top left in pixels of this resolution from the world's top left: drawings
        positioned on that grid stay valid while the view pans."""
        return (self.cx + MERCATOR_HALF) / self.res - self.width / 2, (
            MERCATOR_HALF - self.cy
        ) / self.res - self.height / 2

    def to_grid(self, mx, my) -> tuple[np.ndarray, np.ndarray]:
        """Mercator metres to pixels of :attr:`grid_origin`'s grid."""
        return (np.asarray(mx) + MERCATOR_HALF) / self.res, (MERCATOR_HALF - np.asarray(my)) / self.res

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The Mercator box in view."""
        hw, hh = self.width / 2 * self.res, self.height / 2 * self.res
        return self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh

    @property
    def bbox_lonlat(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.bbox
        lon, lat = to_lonlat([x0, x1], [y0, y1])
        return float(lon[0]), float(lat[0]), float(lon[1]), float(lat[1])

    @property
    def zoom(self) -> float:
        return math.log2(WORLD / (TILE_SIZE * self.res))

    @property
    def tile_zoom(self) -> int:
        """The tile level drawn for this view: the nearest one, so tiles scale by 0.7–1.4."""
        return int(min(MAX_ZOOM, max(0, round(self.zoom))))

    @property
    def metres_per_pixel(self) -> float:
        """Ground metres per pixel at the view centre (Mercator scale corrected by latitude)."""
        return self.res * math.cos(math.radians(float(to_lonlat(self.cx, self.cy)[1])))

    def tiles(self, z: int | None = None) -> list[TileKey]:
        return tiles_in(self.tile_zoom if z is None else z, self.bbox)

    def tile_rect(self, key: TileKey) -> tuple[float, float, float, float]:
        """Screen rectangle (x, y, w, h) of a tile."""
        x0, y0, x1, y1 = tile_bounds(*key)
        left, top = self.to_screen(x0, y1)
        return float(left), float(top), (x1 - x0) / self.res, (y1 - y0) / self.res

    def with_(self, **changes) -> ViewTransform:
        return replace(self, **changes)

    def fitted(self, bbox_lonlat, margin: float = 0.95) -> ViewTransform:
        """The view showing a lon/lat box whole, centred."""
        x0, y0, x1, y1 = mercator_bbox(bbox_lonlat)
        res = max((x1 - x0) / max(1, self.width), (y1 - y0) / max(1, self.height), resolution(MAX_ZOOM)) / margin
        return replace(self, cx=(x0 + x1) / 2, cy=(y0 + y1) / 2, res=res)
