"""The emergency panels on the small city with departments and the sample plans; screenshots go to
``$EMERGENCY_SCREENSHOTS`` when set (else the test's temporary directory)."""
import os
from pathlib import Path

import pytest

from desktop.seat.app_state import AppState

from plugins.registry import load_builtin_layers
from desktop.emergency.samples import install_sample_plans
from desktop.storage.models import Department
from tests.desktop.emergency.conftest import DEPARTMENTS


@pytest.fixture
def state(gui_app, small_city):
    with small_city.session() as session, session.begin():
        session.add_all(Department(code=code, name=name, kind=kind) for code, name, kind in DEPARTMENTS)
    install_sample_plans(small_city)
    state = AppState(load_builtin_layers)
    state.set_database(small_city)
    return state


@pytest.fixture
def screenshot(tmp_path):
    folder = Path(os.environ.get("EMERGENCY_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def grab(widget, name: str) -> Path:
        path = folder / f"{name}.png"
        assert widget.grab().save(str(path))
        return path

    return grab
