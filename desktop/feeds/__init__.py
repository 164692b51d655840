"""Live feeds: JT/T 808 terminals, IoT/video-AI producers, the websocket gateway and its client (Qt-free)."""
