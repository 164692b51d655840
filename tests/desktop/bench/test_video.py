"""The video bench runs end to end and reports what `bench video` prints (no speed is asserted)."""

from desktop.bench.video import run_video_bench
from tests.desktop.video.streams import needs_ffmpeg


@needs_ffmpeg
def test_bench_reports_fps_per_tile_and_cpu():
    result = run_video_bench(counts=(2,), seconds=1.0)
    assert len(result["tiles_2_fps"]) == 2 and result["tiles_2_fps_min"] > 0
    assert result["tiles_2_cpu_cores"] > 0 and result["ffmpeg_cpu_cores_per_stream"] > 0
