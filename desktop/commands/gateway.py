"""``main.py gateway``: the live feed gateway, optionally driven by the city simulator."""

from __future__ import annotations

import asyncio
import logging
import secrets
import signal
import ssl
import time

from desktop.commands._common import add_db_argument
from desktop.paths import data_home, default_database_path

log = logging.getLogger(__name__)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "gateway",
        help="启动实时推送网关（告警、车辆位置）",
        description="启动 websocket 推送网关：坐席接入 /feed，告警生产者接入 /produce。",
    )
    parser.add_argument("--host", default="127.0.0.1", help="监听地址，默认 127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="监听端口，默认 8765")
    parser.add_argument("--log", help=f"事件日志文件，默认 {data_home() / 'feeds' / 'event-log.db'}")
    parser.add_argument("--token", action="append", default=[], help="坐席令牌（可重复；缺省时随机生成并打印）")
    parser.add_argument(
        "--producer-token", action="append", default=[], help="生产者令牌（可重复；缺省时随机生成并打印）"
    )
    parser.add_argument("--certfile", help="TLS 证书文件（与 --keyfile 同用时启用 wss://）")
    parser.add_argument("--keyfile", help="TLS 私钥文件")
    parser.add_argument("--simulate", action="store_true", help="用城市数据库驱动模拟车辆与告警（均标记为模拟）")
    parser.add_argument("--speed", type=float, default=1.0, help="模拟时间加速倍数，默认 1")
    parser.add_argument("--seed", type=int, default=1, help="模拟随机种子，默认 1")
    parser.add_argument(
        "--jt808-port", type=int, help="同时监听 JT/T 808 车载终端（TCP 端口），按车辆表的手机号/终端号对应车辆"
    )
    add_db_argument(parser)
    parser.set_defaults(func=run)


def _tls(args) -> ssl.SSLContext | None:
    if not (args.certfile or args.keyfile):
        return None
    if not (args.certfile and args.keyfile):
        raise SystemExit("--certfile 与 --keyfile 必须同时指定")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.certfile, args.keyfile)
    return context


def _tokens(given: list[str], role: str) -> list[str]:
    if given:
        return given
    token = secrets.token_urlsafe(16)
    log.warning("未指定%s令牌，本次随机生成：%s", role, token)
    return [token]


def _terminals(session) -> dict[str, tuple[int, str]]:
    """Terminal phone / terminal id (without leading zeros, as JT/T 808 headers give it) → (vehicle id, plate)."""
    from sqlalchemy import select

    from desktop.storage.models import Vehicle

    found = {}
    for v in session.scalars(select(Vehicle)):
        for number in (v.phone, v.terminal_id):
            if number:
                found[number.lstrip("0") or "0"] = (v.id, v.plate)
    return found


async def _start_jt808(args, gateway, terminals: dict[str, tuple[int, str]]):
    from desktop.feeds.jt808_server import JT808Server

    async def on_location(phone: str, report) -> None:
        vehicle_id, plate = terminals[phone]
        ts = report.time.timestamp() if report.time else time.time()
        await gateway.ingest_position(
            vehicle_id, report.longitude, report.latitude, report.speed_kmh, report.heading, ts, plate
        )

    server = JT808Server(args.host, args.jt808_port, terminals, on_location)
    await server.start()
    log.info("JT/T 808 终端接入已启动：%s:%d，已登记终端 %d 个", args.host, server.port, len(terminals))
    return server


async def _serve(args) -> None:
    from desktop.feeds import simulator
    from desktop.feeds.gateway import FeedGateway

    sim, terminals = None, {}
    if args.simulate or args.jt808_port is not None:
        from desktop.storage.database import CityDatabase

        db = CityDatabase(args.db or default_database_path())
        with db.session() as session:
            world = simulator.load_world(session)
            terminals = _terminals(session)
        db.close()
    if args.simulate:
        sim = simulator.CitySimulator(world, seed=args.seed, start_ts=time.time())
        log.info(
            "模拟：%d 辆车、%d 条道路、%d 个设备、%d 路视频，加速 %g 倍",
            len(world.vehicles),
            len(world.roads),
            len(world.devices),
            len(world.cameras),
            args.speed,
        )
    gateway = FeedGateway(
        args.host,
        args.port,
        args.log or data_home() / "feeds" / "event-log.db",
        _tokens(args.token, "坐席"),
        _tokens(args.producer_token, "生产者"),
        ssl=_tls(args),
        rules=sim.rules() if sim else None,
    )
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    await gateway.start()
    jt808 = await _start_jt808(args, gateway, terminals) if args.jt808_port is not None else None
    feeder = asyncio.create_task(simulator.run(gateway, sim, args.speed, stop=stop)) if sim else None
    await stop.wait()
    if feeder:
        feeder.cancel()
    if jt808:
        await jt808.stop()
    await gateway.stop()


def run(args) -> int:
    asyncio.run(_serve(args))
    return 0
