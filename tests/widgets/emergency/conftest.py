"""The emergency panels on the small city with departments and the sample plans; screenshots go to
``$EMERGENCY_SCREENSHOTS`` when set (else the test's temporary directory)."""

import os
from pathlib import Path

import pytest

from tests.desktop.emergency.conftest import add_departments_and_plans


@pytest.fixture
def small_city(small_city):
    """Seeded before the shared ``state`` fixture opens it."""
    return add_departments_and_plans(small_city)


@pytest.fixture
def screenshot(tmp_path):
    folder = Path(os.environ.get("EMERGENCY_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def grab(widget, name: str) -> Path:
        path = folder / f"{name}.png"
        assert widget.grab().save(str(path))
        return path

    return grab
