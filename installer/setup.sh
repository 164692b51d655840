#!/usr/bin/env bash
# Idempotent set-up on Debian 12 (as root, or with sudo available):
# system packages (CJK font, VLC/libvlc, FFmpeg, Xvfb and Qt's xcb libraries, QGIS for the
# render process), then a virtual environment in .venv with the project and its test extras.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${CITYOPS_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

APT_PACKAGES=(
  python3 python3-venv python3-pip
  fonts-noto-cjk
  vlc-bin vlc-plugin-base vlc-plugin-video-output libvlc5 ffmpeg
  xvfb xauth libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  python3-qgis qgis-server
  postgresql
  python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly
)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "[setup] 安装系统软件包: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "[setup] 系统软件包已齐全"
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "[setup] 创建虚拟环境 $VENV"
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
echo "[setup] 安装项目及测试依赖"
"$VENV/bin/python" -m pip install -q -e "$ROOT[test]"
echo "[setup] 完成"
