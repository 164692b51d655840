"""Vehicle tracks: replay data and position retention (Qt-free)."""
