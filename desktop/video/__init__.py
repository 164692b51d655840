"""Video (Qt-free): stream sources and backends (libvlc, PyAV), stream health with retry and
back-off, camera coverage for alarm → video, demo clips and the video bench."""
