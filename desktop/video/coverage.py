"""Which cameras see a point: view cones (heading, fov, range) as polygons in a local metric frame."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

import numpy as np
import shapely
from pyproj import Transformer


class Viewing(Protocol):
    x: float  # longitude
    y: float  # latitude
    heading: float  # compass degrees, 0 = north, clockwise
    fov: float
    range_m: float


C = TypeVar("C", bound=Viewing)


def view_cone(x: float, y: float, heading: float, fov: float, range_m: float, steps: int = 16) -> shapely.Polygon:
    """The cone of a camera at local metres (x, y): apex at the camera, arc at ``range_m``."""
    angles = np.radians(heading + np.linspace(-fov / 2, fov / 2, steps + 1))
    arc = np.column_stack([x + range_m * np.sin(angles), y + range_m * np.cos(angles)])
    return shapely.Polygon([(x, y), *arc])


def _local_frame(lon: float, lat: float) -> Transformer:
    """Lon/lat → metres on an azimuthal equidistant projection centred on the point."""
    return Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat} +lon_0={lon} +units=m", always_xy=True)


def covering_cameras(cameras: Iterable[C], lon: float, lat: float) -> list[C]:
    """Cameras whose view cone contains (lon, lat), nearest first."""
    cameras = list(cameras)
    if not cameras:
        return []
    xs, ys = _local_frame(lon, lat).transform([c.x for c in cameras], [c.y for c in cameras])
    distance = np.hypot(xs, ys)
    near = [i for i in np.argsort(distance) if distance[i] <= cameras[i].range_m]
    cones = [view_cone(xs[i], ys[i], cameras[i].heading, cameras[i].fov, cameras[i].range_m) for i in near]
    inside = shapely.intersects_xy(cones, 0.0, 0.0) if cones else []
    return [cameras[i] for i, hit in zip(near, inside) if hit]
