"""Many copies of one pixmap in one ``QPainter.drawPixmapFragments`` call, from numpy arrays."""

from __future__ import annotations

import numpy as np
import shiboken6
from PySide6.QtGui import QPainter, QPixmap


def fragments(x: np.ndarray, y: np.ndarray, width, height, sx=0.0, sy=0.0) -> np.ndarray:
    """``QPainter.PixmapFragment`` rows (C-contiguous float64): sources of ``width`` × ``height``
    from (``sx``, ``sy``) in the pixmap, centred on (x, y), unscaled, unrotated, opaque."""
    rows = np.empty((len(x), 10), dtype=np.float64)
    rows[:, 0], rows[:, 1] = x, y
    rows[:, 2], rows[:, 3] = sx, sy
    rows[:, 4], rows[:, 5] = width, height
    rows[:, 6:8] = 1.0  # scale
    rows[:, 8] = 0.0  # rotation
    rows[:, 9] = 1.0  # opacity
    return rows


def draw_fragments(painter: QPainter, rows: np.ndarray, pixmap: QPixmap) -> None:
    """One ``drawPixmapFragments`` call for :func:`fragments` rows (none: nothing drawn)."""
    if len(rows):
        painter.drawPixmapFragments(
            shiboken6.wrapInstance(rows.ctypes.data, QPainter.PixmapFragment), len(rows), pixmap
        )


def blit_centred(painter: QPainter, pixmap: QPixmap, x: np.ndarray, y: np.ndarray) -> None:
    """``pixmap`` centred on every (x, y) in one call."""
    draw_fragments(painter, fragments(x, y, pixmap.width(), pixmap.height()), pixmap)
