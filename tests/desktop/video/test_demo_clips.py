"""Demo clips: made once with ffmpeg, given to the demo city's cameras without a stream."""

from sqlalchemy import select

from desktop.storage.models import Camera, Meta
from desktop.video.demo_clips import SOURCES, clip_dir, ensure_demo_clips, needs_demo_clips
from desktop.video.sources import problem
from tests.desktop.video.streams import needs_ffmpeg


@needs_ffmpeg
def test_demo_cameras_get_looping_clips_once(small_city):
    assert not needs_demo_clips(small_city)  # not the demo city
    assert ensure_demo_clips(small_city) == 0
    with small_city.session() as session, session.begin():
        session.add(Meta(key="generator", value="demo-city"))
        session.get(Camera, 2).stream_url = "rtsp://gateway/cam2"
    assert needs_demo_clips(small_city)
    assert ensure_demo_clips(small_city) == 1
    clips = sorted(clip_dir().glob("demo-*.mp4"))
    assert len(clips) == len(SOURCES) and all(c.stat().st_size > 10_000 for c in clips)
    with small_city.session() as session:
        urls = session.scalars(select(Camera.stream_url).order_by(Camera.id)).all()
    assert urls[0].startswith("file://") and problem(urls[0]) is None and urls[1] == "rtsp://gateway/cam2"
    stamps = [c.stat().st_mtime_ns for c in clips]
    assert not needs_demo_clips(small_city) and ensure_demo_clips(small_city) == 0
    with small_city.session() as session, session.begin():
        session.get(Camera, 1).stream_url = None
    assert ensure_demo_clips(small_city) == 1
    assert [c.stat().st_mtime_ns for c in clips] == stamps  # clips are not made again
