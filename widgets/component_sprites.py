"""Small raster symbols of 管理部件 (井盖, 路灯, 垃圾箱 …), drawn once and shared by tile workers.

QImage (not QPixmap) so worker threads may paint them; built lazily under a lock.
"""

from __future__ import annotations

import math
import threading

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

from layers.city_styles import COMPONENT_SPRITE_DEFAULT, COMPONENT_SPRITES

_lock = threading.Lock()
_cache: dict[tuple[str, str, float], QImage] = {}


def _star(centre: QPointF, outer: float, inner: float) -> QPolygonF:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + radius * math.cos(angle), centre.y() - radius * math.sin(angle)))
    return QPolygonF(points)


def _draw(shape: str, fill: QColor, outline: QColor | None, size: float) -> QImage:
    side = math.ceil(size) + 2
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(outline, 1.2) if outline is not None else Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    c, r = QPointF(side / 2, side / 2), size / 2
    box = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
    if shape == "disc" or shape == "dot":
        painter.drawEllipse(box)
    elif shape == "square":
        painter.drawRect(box.adjusted(0.8, 0.8, -0.8, -0.8))
    elif shape == "star":
        painter.drawPolygon(_star(c, r, r * 0.45))
    elif shape == "diamond":
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), c.y() - r),
                    QPointF(c.x() + r, c.y()),
                    QPointF(c.x(), c.y() + r),
                    QPointF(c.x() - r, c.y()),
                ]
            )
        )
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y() + r), QPointF(c.x() - r, c.y() + r)])
        )
    painter.end()
    return image


def sprite(symbol: str, class_colour: str, scale: float) -> QImage:
    """The image of a component symbol name (``manhole`` …); unknown names get a dot in ``class_colour``."""
    key = (symbol, class_colour, scale)
    with _lock:
        image = _cache.get(key)
        if image is None:
            shape, fill, outline, size = COMPONENT_SPRITES.get(symbol, COMPONENT_SPRITE_DEFAULT)
            image = _draw(shape, QColor(fill or class_colour), QColor(outline) if outline else None, size * scale)
            _cache[key] = image
        return image
