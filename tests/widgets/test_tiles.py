"""Static tiles: keys of a view, invalidation of only the tiles a change touches, stand-in maths,
and the level of detail each layer picks."""

import shapely

from desktop.domain.tiles import tile_bounds
from layers.city_styles import ZONE_FILLS
from tests.support.cities import CELL, CITY_ORIGIN, ZONES, grid_cell
from widgets.map_canvas import MapCanvas
from widgets.map_view import ViewTransform, mercator_bbox, tiles_in, to_lonlat, to_mercator
from widgets.static_layers import CLUSTER, SYMBOL_ZOOM, SYMBOLS, ComponentSnapshot
from widgets.tile_cache import BLOCK, block_side, blocks, keys_touching, parent_source


def test_mercator_round_trip_and_known_tile():
    x, y = to_mercator(118.28, 33.95)
    lon, lat = to_lonlat(x, y)
    assert abs(lon - 118.28) < 1e-9 and abs(lat - 33.95) < 1e-9
    z, tx, ty = tiles_in(15, (x, y, x, y))[0]
    x0, y0, x1, y1 = tile_bounds(z, tx, ty)
    assert x0 <= x < x1 and y0 <= y < y1


def test_view_tiles_cover_the_view_and_parent_source_is_the_right_quarter():
    view = ViewTransform(*to_mercator(118.28, 33.95), res=2.0, width=1000, height=600)
    keys = view.tiles()
    assert all(key[0] == view.tile_zoom for key in keys)
    assert len(keys) >= (1000 // 256) * (600 // 256)
    parent, (sx, sy, size) = parent_source((15, 27005, 13106), 1)
    assert parent == (14, 13502, 6553) and (sx, sy, size) == (128.0, 0.0, 128.0)


def test_blocks_cover_the_requested_keys_once_with_smaller_blocks_at_low_zoom():
    keys = tiles_in(16, mercator_bbox((118.27, 33.94, 118.30, 33.97)))
    keys.remove(keys[len(keys) // 2])  # a hole: blocks never paint a tile that was not asked for
    low = tiles_in(12, mercator_bbox((118.0, 33.7, 118.6, 34.2)))
    found = blocks(keys + low)
    covered = [(z, x + dx, y + dy) for (z, x, y), cols, rows in found for dy in range(rows) for dx in range(cols)]
    assert sorted(covered) == sorted(keys + low)
    assert max(cols for (z, _, _), cols, _ in found if z == 16) == BLOCK == block_side(16)
    assert {(cols, rows) for (z, _, _), cols, rows in found if z == 12} == {(1, 1)}


def test_keys_touching_a_box_keep_only_nearby_tiles():
    keys = tiles_in(16, mercator_bbox((118.27, 33.94, 118.30, 33.97)))
    point = mercator_bbox((118.281, 33.951, 118.281, 33.951))
    touched = keys_touching(keys, point, margin_px=0)
    assert len(touched) == 1 and touched[0] in keys


def _canvas(qtbot, state):
    canvas = MapCanvas(state, base_map="own", overview=False)
    canvas.resize(900, 900)
    qtbot.addWidget(canvas)
    canvas.fit_to_city()
    canvas.zoom(4.0, canvas.to_screen(CITY_ORIGIN[0] + 1.5 * CELL, CITY_ORIGIN[1] + 1.5 * CELL))
    assert canvas.wait_until_complete(30)
    return canvas


def test_changing_one_grid_rerenders_only_the_tiles_it_touches(qtbot, state):
    canvas = _canvas(qtbot, state)
    grids = state.layers[0]
    view_keys = set(canvas.view.tiles())
    assert len(view_keys) > 4
    before = len(canvas.tiles.rendered)
    moved = shapely.box(*grid_cell(0, 0).bounds[:2], CITY_ORIGIN[0] + 0.3 * CELL, CITY_ORIGIN[1] + 0.3 * CELL)
    grids.replace_features([0], [moved])
    assert canvas.wait_until_complete(30)
    rerendered = set(canvas.tiles.rendered[before:])
    expected = set(keys_touching(view_keys, mercator_bbox(grid_cell(0, 0).bounds)))
    assert rerendered == expected and 0 < len(rerendered) < len(view_keys)
    # the cell's far corner lost its fill: the background of lower layers shows there now
    far = canvas.to_screen(CITY_ORIGIN[0] + 0.8 * CELL, CITY_ORIGIN[1] + 0.8 * CELL).toPoint()
    assert canvas.render_image().pixelColor(far).name() != ZONE_FILLS[ZONES[0]]


def test_the_drawn_tile_budget_evicts_the_keys_shown_least_recently_from_every_layer(qtbot, state, monkeypatch):
    from widgets import layer_tiles

    canvas = _canvas(qtbot, state)
    caches = [*canvas.tiles._caches.values(), canvas.tiles._labels]

    def holders(key) -> set:
        return {index for index, cache in enumerate(caches) if cache.image(key) is not None}

    first = {key: holders(key) for key in canvas.view.tiles()}
    budget = sum(cache.drawn for cache in caches)
    monkeypatch.setattr(layer_tiles, "DRAWN_TILES", budget)  # room for the first view only
    canvas.pan_pixels(-canvas.width(), 0)
    assert canvas.wait_until_complete(30)
    second = canvas.view.tiles()
    left = [key for key in first if key not in second]
    assert left and all(holders(key) in (first[key], set()) for key in left)  # kept or evicted in every layer
    assert any(not holders(key) for key in left)
    assert sum(cache.drawn for cache in caches) <= budget
    assert all(cache.is_current(key) for cache in canvas.tiles._order for key in second)  # the view is kept


def test_level_of_detail_switches_from_clusters_to_symbols(gui_app, small_city):
    from layers.city_data import component_layers

    [components] = component_layers(small_city)
    snapshot = ComponentSnapshot(components)
    assert snapshot.mode(SYMBOL_ZOOM - 1) == CLUSTER and snapshot.mode(SYMBOL_ZOOM) == SYMBOLS
    x, y = to_mercator(CITY_ORIGIN[0] + CELL / 2, CITY_ORIGIN[1] + CELL / 2)
    assert len(snapshot._inside(mercator_bbox(grid_cell(0, 0).bounds))) == 300
    assert len(snapshot._inside((x + 1e6, y, x + 2e6, y + 1))) == 0


def test_geometries_far_larger_than_a_tile_are_cut_to_it_without_visible_cut_edges(gui_app):
    """A district-sized outline and fill, clipped per tile: the fill covers the inside tile, the
    outline shows where the real edge crosses a tile, and no outline appears along cut edges."""
    import numpy as np
    from PySide6.QtGui import QColor

    from layers.vector_layer import Symbol, VectorLayer
    from widgets.static_layers import VectorSnapshot
    from widgets.tile_cache import TileStack

    layer = VectorLayer("区", {}, Symbol(fill="#ff0000", stroke="#00ff00", stroke_px=3.0))
    lon0, lat0 = CITY_ORIGIN
    layer.set_features(np.array([shapely.box(lon0, lat0, lon0 + 0.05, lat0 + 0.05)]), np.array(["a"], dtype=object))
    stack = TileStack((VectorSnapshot(layer),))
    inner = tiles_in(17, mercator_bbox((lon0 + 0.025, lat0 + 0.025, lon0 + 0.025, lat0 + 0.025)))[0]
    image, _ = stack.render(inner)
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, 256, 16) for y in range(0, 256, 16)}
    assert colours == {"#ff0000"}
    west = tiles_in(17, mercator_bbox((lon0, lat0 + 0.025, lon0, lat0 + 0.025)))[0]
    x0, _, x1, _ = tile_bounds(*west)
    edge_px = round((to_mercator(lon0, lat0)[0] - x0) / (x1 - x0) * 256)
    image, _ = stack.render(west)
    assert QColor(image.pixel(min(max(edge_px, 0), 255), 128)).name() == "#00ff00"


def test_labels_of_a_block_stay_wholly_inside_one_of_its_tiles(gui_app):
    from layers.city_styles import GRID_LABELS
    from widgets.static_layers import LabelPlacer, label_font

    labels, font = LabelPlacer(2, 1), label_font(11)
    assert labels.place("网格", 128, 128, GRID_LABELS, font)  # inside the first tile
    assert not labels.place("网格", 256, 64, GRID_LABELS, font)  # across the seam of the two tiles
    assert labels.place("网格", 384, 128, GRID_LABELS, font)  # inside the second tile
    assert not labels.place("网格", 384, 130, GRID_LABELS, font)  # over the one placed there
    assert not labels.place("网格", 540, 128, GRID_LABELS, font)  # beyond the block
