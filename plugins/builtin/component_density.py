"""Built-in plugin: unit grids coloured by how many management components each holds."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.storage.city_queries import read_grid_component_counts
from layers.vector_layer import Symbol, VectorLayer
from plugins.api import TRANSLATION_CONTEXT, LayerPlugin, PluginContext

CLASS_FILLS = ("#a01e3a5f", "#a0155e75", "#a00e7490", "#a0d97706", "#a0dc2626")  # few … many
_OUTLINE = "#60cbd5e1"


def density_classes(counts: np.ndarray, classes: int = len(CLASS_FILLS)) -> tuple[np.ndarray, list[str]]:
    """``(class index per grid, label per class)``: quantile classes of the component counts
    (equal steps when many grids share a count)."""
    if not len(counts):
        return np.empty(0, dtype=int), []
    steps = np.linspace(0, 1, classes + 1)
    edges = np.unique(np.quantile(counts, steps).round())
    if len(edges) < len(steps):
        edges = np.unique((counts.min() + steps * (counts.max() - counts.min())).round())
    index = np.clip(np.searchsorted(edges, counts, side="right") - 1, 0, max(len(edges) - 2, 0))
    bounds = list(itertools.pairwise(edges)) or [(edges[0], edges[0])]
    return index, [f"{low:.0f} – {high:.0f}" for low, high in bounds]


class ComponentDensityPlugin(LayerPlugin):
    NAME = "component_density"
    TITLE = QT_TRANSLATE_NOOP("Plugins", "Component density")
    VERSION = "1.0"
    DESCRIPTION = QT_TRANSLATE_NOOP("Plugins", "Unit grids coloured by the number of management components they hold.")

    def load(self, context: PluginContext) -> list[VectorLayer]:
        if context.database is None:
            return []
        codes, geometries, counts = read_grid_component_counts(context.database)
        index, labels = density_classes(counts)
        symbols = {label: Symbol(fill=fill, stroke=_OUTLINE, stroke_px=0.6) for label, fill in zip(labels, CLASS_FILLS)}
        layer = VectorLayer(
            QCoreApplication.translate(TRANSLATION_CONTEXT, "Component density"),
            symbols,
            Symbol(fill=CLASS_FILLS[0]),
            table="unit_grid",
            opacity=0.8,
        )
        layer.set_features(geometries, np.asarray([labels[i] for i in index], dtype=object), keys=codes)
        context.log.info("已统计 %d 个网格的部件密度", len(codes))
        return [layer]
