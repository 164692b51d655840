from tests.desktop.video.streams import clips, servers, status_server  # noqa: F401 - fixtures
