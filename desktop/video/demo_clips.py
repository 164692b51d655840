"""Playable sources for the demo city: short looping test clips made with ffmpeg.

Eight distinct clips (≈ 5 s of ffmpeg for all) instead of one per camera (≈ 50 s for 64): the
tile overlays the camera's name itself, so the clips only carry a label and their running time.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from desktop.paths import data_home
from desktop.storage.changes import Change
from desktop.storage.database import CityDatabase
from desktop.storage.models import Camera, Meta

log = logging.getLogger(__name__)

CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SIZE, RATE, SECONDS = "640x360", 25, 10
SOURCES = (  # lavfi sources with different content and colours
    f"testsrc2=s={SIZE}:r={RATE}",
    f"mandelbrot=s={SIZE}:r={RATE}",
    f"life=s={SIZE}:r={RATE}:mold=10:ratio=0.1:death_color=#0b3d91:life_color=#ffcc00",
    f"cellauto=s={SIZE}:r={RATE}:rule=110",
    f"smptehdbars=s={SIZE}:r={RATE}",
    f"gradients=s={SIZE}:r={RATE}:speed=0.03",
    f"rgbtestsrc=s={SIZE}:r={RATE}",
    f"mptestsrc=r={RATE}",
)


class DemoClipError(RuntimeError):
    pass


def clip_dir() -> Path:
    return data_home() / "video"


def is_demo_city(db: CityDatabase) -> bool:
    with db.session() as session:
        generator = session.get(Meta, "generator")
    return generator is not None and generator.value == "demo-city"


def needs_demo_clips(db: CityDatabase) -> bool:
    """The demo city with cameras that have no stream yet."""
    with db.session() as session:
        missing = session.scalar(select(Camera.id).where(Camera.stream_url.is_(None)).limit(1))
    return missing is not None and is_demo_city(db)


def _filters(index: int) -> str:
    text = f"drawtext=fontfile={CJK_FONT}:fontcolor=white:x=(w-tw)/2"
    label = f"{text}:text='演示视频 {index + 1}':y=h*0.62:fontsize=28:box=1:boxcolor=black@0.5"
    clock = f"{text}:text='%{{pts\\:hms}}':y=h*0.62+40:fontsize=22"
    return f"scale={SIZE.replace('x', ':')},{label},{clock}"


def make_clip(index: int, target: Path) -> Path:
    """Encode clip ``index`` (H.264, ``SIZE`` at ``RATE`` fps, ``SECONDS`` long) to ``target``."""
    temporary = target.with_suffix(".part.mp4")
    command = [
        "ffmpeg",
        "-nostdin",
        "-v",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        SOURCES[index % len(SOURCES)],
        "-t",
        str(SECONDS),
        "-vf",
        _filters(index),
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-g",
        str(2 * RATE),
        "-pix_fmt",
        "yuv420p",
        "-an",
        "-movflags",
        "+faststart",
        str(temporary),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired as exc:
        raise DemoClipError(f"ffmpeg took too long for demo clip {index + 1}") from exc
    if result.returncode != 0:
        temporary.unlink(missing_ok=True)
        raise DemoClipError(f"ffmpeg failed for demo clip {index + 1}: {result.stderr.strip()[-300:]}")
    temporary.replace(target)
    return target


def generate_clips(directory: Path | None = None) -> list[Path]:
    """The demo clips, made only where missing (idempotent)."""
    if shutil.which("ffmpeg") is None:
        raise DemoClipError("ffmpeg not found (install the ffmpeg package)")
    directory = directory or clip_dir()
    directory.mkdir(parents=True, exist_ok=True)
    targets = [directory / f"demo-{i + 1}.mp4" for i in range(len(SOURCES))]
    missing = [(i, t) for i, t in enumerate(targets) if not t.is_file()]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda job: make_clip(*job), missing))
    return targets


def ensure_demo_clips(db: CityDatabase, directory: Path | None = None) -> int:
    """Give the demo city's cameras without a stream a looping demo clip; returns how many got one.
    A database failure raises :class:`DemoClipError` too."""
    try:
        if not needs_demo_clips(db):
            return 0
        clips = generate_clips(directory)
        with db.session() as session, session.begin():
            cameras = session.scalars(select(Camera).where(Camera.stream_url.is_(None)).order_by(Camera.id)).all()
            for camera in cameras:
                camera.stream_url = clips[camera.id % len(clips)].as_uri()
    except SQLAlchemyError as exc:
        raise DemoClipError(f"演示视频未能写入数据库：{exc}") from exc
    if cameras:
        db.changes.announce(Change.of("camera", [c.id for c in cameras], points=[(c.x, c.y) for c in cameras]))
    log.info("演示视频：%d 路摄像机使用 %s 中的循环测试片段", len(cameras), clips[0].parent)
    return len(cameras)
