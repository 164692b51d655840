"""Map-tool models: search, identify, measure, bookmarks, the active tool and layer-tree state (QtCore only)."""
