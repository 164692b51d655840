"""libvlc backend: files, HTTP(-TS/FLV/HLS), UDP; frames through libvlc's video callbacks."""

from __future__ import annotations

import ctypes
import threading
from functools import cache

from desktop.video.frames import FRAME_SIZE, BackendUnavailable, Frame, Sink
from desktop.video.health import StreamState
from desktop.video.sources import LIBVLC, is_file

_ARGS = ["--no-audio", "--quiet", "--no-video-title-show", "--no-xlib", "--network-caching=500", "--no-stats"]


@cache
def _instance():
    try:
        import vlc

        instance = vlc.Instance(_ARGS)
    except (ImportError, OSError, NotImplementedError) as exc:  # python-vlc without libvlc
        raise BackendUnavailable(f"libvlc: {exc}") from exc
    if instance is None:
        raise BackendUnavailable("libvlc: instance not created")
    return vlc, instance


class VlcBackend:
    """One attempt at playing ``url``; ``stop`` returns at once (libvlc is released on a thread)."""

    name = LIBVLC

    def __init__(self, url: str, sink: Sink, size: tuple[int, int] = FRAME_SIZE):
        self.url, self._sink = url, sink
        self._width, self._height = size
        self._pitch = self._width * 4
        self._buffer = (ctypes.c_ubyte * (self._pitch * self._height))()
        self._player = None

    def start(self) -> None:
        vlc, instance = _instance()
        media = instance.media_new(self.url)
        if is_file(self.url):
            media.add_option("input-repeat=65535")
        player = instance.media_player_new()
        player.set_media(media)
        media.release()
        address = ctypes.addressof(self._buffer)

        @vlc.CallbackDecorators.VideoLockCb
        def lock(_opaque, planes):
            planes[0] = address
            return None

        @vlc.CallbackDecorators.VideoDisplayCb
        def display(_opaque, _picture):
            self._sink.frame(Frame(bytes(self._buffer), self._width, self._height, self._pitch))

        self._callbacks = (lock, display)  # ctypes callbacks must outlive the player
        player.video_set_callbacks(lock, None, display, None)
        player.video_set_format("RV32", self._width, self._height, self._pitch)
        events = player.event_manager()
        events.event_attach(vlc.EventType.MediaPlayerEncounteredError, self._ended, "libvlc error")
        events.event_attach(vlc.EventType.MediaPlayerEndReached, self._ended, "end of stream")
        self._player = player
        if player.play() != 0:
            self._sink.failed(StreamState.INTERRUPTED, "libvlc refused to play")

    def _ended(self, _event, detail: str) -> None:
        self._sink.failed(StreamState.INTERRUPTED, detail)

    def stop(self) -> None:
        player, self._player = self._player, None
        if player is not None:
            threading.Thread(target=self._release, args=(player,), name="vlc-release", daemon=True).start()

    def _release(self, player) -> None:
        player.stop()
        player.release()
