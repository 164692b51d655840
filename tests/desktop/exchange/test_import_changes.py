"""An import announces what it wrote, by code over the box of the features; a refused one nothing."""

import pytest
import shapely

from desktop.exchange import ExchangeError, import_class_table, import_file
from desktop.storage.changes import UPDATE, Change
from desktop.storage.database import CityDatabase
from tests.desktop.exchange.test_import_export import ADMIN, CLASS_TABLE, GRID_1, feature, write_geojson
from tests.support.changes import Heard


def test_imports_announce_their_entities(tmp_path):
    db = CityDatabase(tmp_path / "city.db")
    try:
        heard = Heard(db)
        admin = write_geojson(
            tmp_path / "admin.geojson",
            [feature({"code": code, "name": name}, shapely.box(*box)) for code, name, box in ADMIN],
        )
        import_file(db, admin, "admin")
        assert heard == [Change("admin_area", tuple(code for code, _, _ in ADMIN), UPDATE, (118.0, 33.6, 118.8, 34.2))]
        grids = write_geojson(
            tmp_path / "grids.geojson", [feature({"code": GRID_1}, shapely.box(118.25, 33.90, 118.26, 33.91))]
        )
        import_file(db, grids, "grids")
        assert heard[1] == Change("grid", (GRID_1,), UPDATE, (118.25, 33.90, 118.26, 33.91))
        orphan = feature({"code": "32130200100901"}, shapely.box(118, 33, 118.1, 33.1))  # its community is missing
        bad = write_geojson(tmp_path / "bad.geojson", [orphan])
        with pytest.raises(ExchangeError):
            import_file(db, bad, "grids")
        assert len(heard) == 2
        import_class_table(db, CLASS_TABLE)
        assert heard[2].kind == "class_code" and heard[2].ids
    finally:
        db.close()
