"""Stream addresses: which are valid, which backend plays them, how files loop.

RTSP goes to PyAV (Debian's libvlc is built without live555); everything else to libvlc,
with PyAV as the fallback when libvlc cannot open it. GB/T 28181 cameras come through a
media gateway as RTSP or HTTP addresses.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

LIBVLC, PYAV = "libvlc", "PyAV"
NETWORK_SCHEMES = {"rtsp", "rtsps", "http", "https", "udp", "rtp", "srt", "rtmp"}


def is_file(url: str) -> bool:
    return urlparse(url).scheme in ("file", "")


def local_path(url: str) -> Path:
    parsed = urlparse(url)
    return Path(unquote(parsed.path) if parsed.scheme == "file" else url)


def problem(url: str | None) -> str | None:
    """Why ``url`` cannot be played at all (None: worth trying)."""
    if not url or not url.strip():
        return "no address"
    parsed = urlparse(url.strip())
    if parsed.scheme in ("file", ""):
        return None if local_path(url).is_file() else f"no such file: {local_path(url)}"
    if parsed.scheme not in NETWORK_SCHEMES:
        return f"unsupported scheme: {parsed.scheme}"
    if parsed.scheme not in ("udp", "rtp") and not parsed.hostname:  # udp://@:1234 listens on any address
        return "no host"
    return None


def backends_for(url: str) -> list[str]:
    """Backends to try, preferred first."""
    if urlparse(url).scheme in ("rtsp", "rtsps"):
        return [PYAV]
    return [LIBVLC, PYAV]
