"""处置网格: one hidden, switchable layer per department; identify names the department; the map draws it."""

import shapely
from PySide6.QtGui import QImage

from desktop.cli import main
from desktop.storage.geometry import geometry_columns
from desktop.storage.models import Department, DisposalGrid
from layers.city_styles import disposal_symbol
from layers.maptools.identify import Identifier
from tests.desktop.test_snapshot import BBOX, colour_at, near
from tests.support.cities import CELL, CITY_ORIGIN, city_layers

X0, Y0 = CITY_ORIGIN


def _add_disposal_grids(db) -> None:
    with db.session() as session, session.begin():
        session.add_all(
            [
                Department(id=1, code="SZ", name="市政处", kind="市政", phone="0527-1234"),
                Department(id=2, code="HW", name="环卫处", kind="环卫"),
            ]
        )
        session.flush()
        west, east = (
            shapely.box(X0, Y0, X0 + 1.5 * CELL, Y0 + 3 * CELL),
            shapely.box(X0 + 1.5 * CELL, Y0, X0 + 3 * CELL, Y0 + 3 * CELL),
        )
        session.add_all(
            [
                DisposalGrid(code="SZ-W", name="市政西片", department_id=1, **geometry_columns(west)),
                DisposalGrid(code="SZ-E", name="市政东片", department_id=1, **geometry_columns(east)),
                DisposalGrid(code="HW-1", name="环卫全域", department_id=2, **geometry_columns(west.union(east))),
            ]
        )


def test_one_hidden_layer_per_department_above_the_base_map(gui_app, small_city):
    _add_disposal_grids(small_city)
    layers = city_layers(small_city)
    names = [layer.name for layer in layers]
    disposal = [layer for layer in layers if layer.table == "disposal_grid"]
    assert [layer.name for layer in disposal] == ["处置网格 · 市政处", "处置网格 · 环卫处"]
    assert names.index("地名") < names.index("处置网格 · 市政处") < names.index("管理部件")
    assert not any(layer.visible for layer in disposal)
    assert list(disposal[0].keys) == ["SZ-E", "SZ-W"] and list(disposal[0].labels) == ["市政东片", "市政西片"]


def test_identify_lists_every_department_covering_the_point(gui_app, small_city):
    _add_disposal_grids(small_city)
    hits = Identifier(small_city).at(X0 + 0.5 * CELL, Y0 + 2.5 * CELL, 0.0002)
    disposal = [hit for hit in hits if hit.kind == "disposal_grid"]
    assert [(hit.key, hit.detail) for hit in disposal] == [("SZ-W", "市政处"), ("HW-1", "环卫处")]
    assert dict(disposal[0].attributes)["联系电话"] == "0527-1234"
    kinds = [hit.kind for hit in hits]
    assert kinds.index("grid") < kinds.index("disposal_grid") < kinds.index("admin_area")


def test_a_switched_on_disposal_layer_is_drawn(gui_app, small_city, tmp_path):
    _add_disposal_grids(small_city)
    out = tmp_path / "disposal.png"
    bbox = ",".join(str(v) for v in BBOX)
    assert (
        main(
            [
                "snapshot",
                "--db",
                str(tmp_path / "t.db"),
                "--out",
                str(out),
                "--size",
                "600x600",
                "--bbox",
                bbox,
                "--base",
                "own",
                "--layers",
                "处置网格 · 市政处",
            ]
        )
        == 0
    )
    image = QImage(str(out))
    assert near(colour_at(image, X0 + 1.5 * CELL, Y0 + 0.4 * CELL), disposal_symbol(0).stroke, 40)  # the shared edge
    assert not near(colour_at(image, X0 + 0.7 * CELL, Y0 + 0.4 * CELL), disposal_symbol(0).stroke, 40)
