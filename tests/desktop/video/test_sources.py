"""Stream addresses: backend choice and what cannot be played."""

from desktop.video.sources import LIBVLC, PYAV, backends_for, problem


def test_rtsp_goes_to_pyav_everything_else_to_libvlc_with_pyav_as_fallback():
    assert backends_for("rtsp://10.0.0.1:554/cam") == [PYAV]
    for url in ("http://h/x.ts", "https://h/x.m3u8", "http://h/x.flv", "udp://@239.0.0.1:1234", "file:///v.mp4"):
        assert backends_for(url) == [LIBVLC, PYAV]


def test_problems(tmp_path):
    clip = tmp_path / "a b.mp4"
    clip.write_bytes(b"x")
    assert problem(clip.as_uri()) is None and problem(str(clip)) is None
    assert problem((tmp_path / "missing.mp4").as_uri()).startswith("no such file")
    assert problem("") == problem(None) == "no address"
    assert problem("gopher://h/1").startswith("unsupported scheme")
    assert problem("http:///x.ts") == "no host"
    assert problem("udp://@:1234") is None and problem("rtsp://gateway:554/28181/34020000001320000001") is None
