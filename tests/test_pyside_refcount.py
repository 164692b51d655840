"""Regression: PySide6 6.12.0 on CPython 3.11 decrements the refcount of None on every
void-returning call and aborts with "Fatal Python error: none_dealloc"; the pinned
version must survive ~100k such calls in a fresh interpreter."""

import subprocess
import sys

SCRIPT = """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainterPath, QPolygonF
app = QGuiApplication([])
path = QPainterPath()
polygon = QPolygonF()
image = QImage(4, 4, QImage.Format_ARGB32)
for i in range(35_000):
    path.lineTo(i, i)
    polygon.append(QPointF(i, i))
    image.fill(QColor(i % 255, 0, 0))
print("done")
"""


def test_hundred_thousand_void_calls_exit_cleanly():
    result = subprocess.run(
        [sys.executable, "-c", "import sys\n" + SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "none_dealloc" not in result.stderr
    assert result.stdout.strip().endswith("done")
