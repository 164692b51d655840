"""The local metric frame the city is built in, and its conversion to storage lon/lat."""

from __future__ import annotations

from functools import cache

import numpy as np
import shapely
from pyproj import Transformer

from desktop.storage.geometry import STORAGE_CRS

CENTRE_LON, CENTRE_LAT = 118.28, 33.96
LOCAL_CRS = f"+proj=tmerc +lat_0={CENTRE_LAT} +lon_0={CENTRE_LON} +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"


@cache
def _transformer() -> Transformer:
    return Transformer.from_crs(LOCAL_CRS, STORAGE_CRS, always_xy=True)


def xy_to_lonlat(x, y) -> tuple[np.ndarray, np.ndarray]:
    """Local metres to longitude/latitude (arrays in, arrays out)."""
    lon, lat = _transformer().transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    return np.asarray(lon), np.asarray(lat)


def to_lonlat(geoms):
    """Geometries (one or an array) from local metres to longitude/latitude."""
    return shapely.transform(geoms, lambda xy: np.column_stack(xy_to_lonlat(xy[:, 0], xy[:, 1])))
