"""The video wall dock: camera tree, tiles playing camera streams, alarm → video."""
