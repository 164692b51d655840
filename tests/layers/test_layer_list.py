"""The evented layer list (insert, remove, move, each with its signal), the layer tree following it
row by row, the painter registry, and the signal throttle."""

import numpy as np
import shapely
from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from layers.base import Layer
from layers.layer_list import LayerList
from layers.maptools.layer_tree_model import LayerTreeModel
from layers.painter_registry import painter_entry, register_painter, unregister_painter
from layers.throttle import Throttle
from layers.vector_layer import Symbol, VectorLayer


def _recorded(layers: LayerList) -> list:
    events = []
    layers.sig_reset.connect(lambda: events.append(("reset",)))
    layers.sig_inserted.connect(lambda index, layer: events.append(("inserted", index, layer.name)))
    layers.sig_removed.connect(lambda index, layer: events.append(("removed", index, layer.name)))
    layers.sig_moved.connect(lambda old, new: events.append(("moved", old, new)))
    return events


def test_insert_remove_and_move_each_emit_their_own_signal(qapp):
    layers = LayerList()
    a, b, c = Layer("a"), Layer("b"), Layer("c")
    layers.set_layers([a, b])
    events = _recorded(layers)
    layers.insert(1, c)
    layers.move(a, 5)  # clamped to the top
    layers.move(a, 2)  # already there: nothing
    layers.remove(b)
    layers.remove(b)  # not in the list: ignored
    assert events == [("inserted", 1, "c"), ("moved", 0, 2), ("removed", 1, "b")]
    assert [layer.name for layer in layers] == ["c", "a"]
    assert b.parent() is None and a.parent() is layers and b not in layers


def _tree_names(model: LayerTreeModel) -> list[str]:
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def test_the_layer_tree_follows_inserts_removes_and_moves_row_by_row(qapp):
    layers = LayerList()
    grids = VectorLayer("网格", {"x": Symbol(fill="#ff0000"), "y": Symbol(fill="#00ff00")}, Symbol())
    roads, places = Layer("道路"), Layer("地名")
    layers.set_layers([grids, roads])
    model = LayerTreeModel(layers)
    resets, moves = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsMoved.connect(lambda *args: moves.append(args))
    legend = QPersistentModelIndex(model.index(1, 0, model.index(1)))  # the grids' second legend row
    assert legend.isValid() and model.layer(legend) is grids
    layers.insert(2, places)
    assert _tree_names(model) == ["地名", "道路", "网格"]
    layers.move(grids, 2)
    assert _tree_names(model) == ["网格", "地名", "道路"] and len(moves) == 1
    assert legend.isValid() and model.layer(legend) is grids and legend.parent().row() == 0
    assert model.rowCount(model.index(0)) == 2 and model.parent(model.index(0, 0, model.index(0))).row() == 0
    layers.remove(places)
    assert _tree_names(model) == ["网格", "道路"] and not resets
    with_signal = []
    model.dataChanged.connect(lambda first, _last: with_signal.append(first.row()))
    roads.visible = False
    places.visible = False  # removed: no longer followed
    assert with_signal == [1] and model.index(5) == QModelIndex()


def test_painters_are_found_by_type_walking_the_mro_and_a_withdrawn_one_restores_the_previous(qapp):
    class Points(Layer):
        pass

    class Alarms(Points):
        pass

    class Special(Alarms):
        pass

    def base_painter(layer):
        return ("base", layer)

    def alarm_painter(layer):
        return ("alarm", layer)

    register_painter(Points, base_painter)
    try:
        assert painter_entry(Special("s")).factory is base_painter
        register_painter(Alarms, alarm_painter, tiled=True)
        entry = painter_entry(Special("s"))
        assert entry.factory is alarm_painter and entry.tiled
        unregister_painter(Alarms, alarm_painter)
        assert painter_entry(Special("s")).factory is base_painter
    finally:
        unregister_painter(Points, base_painter)
    assert painter_entry(Layer("plain")) is None


def test_every_layer_has_one_data_signal_with_a_box_or_none(qapp):
    layer = VectorLayer("v", {}, Symbol())
    boxes = []
    layer.sig_data_changed.connect(boxes.append)
    layer.set_features(shapely.points([(1, 2), (3, 4)]), np.array(["a", "a"], dtype=object))
    layer.replace_features([0], shapely.points([(0, 0)]))
    assert boxes == [None, (0.0, 0.0, 1.0, 2.0)]


def test_the_throttle_coalesces_a_burst_into_one_delivery_of_the_merged_value(qtbot):
    throttle = Throttle(30, merge=lambda a, b: a + b)
    fired = []
    throttle.sig_fired.connect(fired.append)
    with qtbot.waitSignal(throttle.sig_fired, timeout=1000):
        for value in ([1], [2], [3]):
            throttle.push(value)
    assert fired == [[1, 2, 3]] and not throttle.pending
    throttle.push([4])
    throttle.cancel()
    qtbot.wait(60)
    assert fired == [[1, 2, 3]]


def test_a_leading_throttle_fires_at_once_when_quiet_and_delivers_the_last_value_later(qtbot):
    throttle = Throttle(50, leading=True)
    fired = []
    throttle.sig_fired.connect(fired.append)
    throttle.push("first")
    assert fired == ["first"]
    throttle.push("second")
    throttle.push("third")
    assert fired == ["first"]
    qtbot.waitUntil(lambda: fired == ["first", "third"], timeout=1000)
