"""Vehicle models: track replay (轨迹回放)."""
