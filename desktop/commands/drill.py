"""``drill``: list drill scenarios, or run one headless with its scripted participant and write the report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desktop.commands._common import add_db_argument, run_reported


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "drill",
        help="应急演练：列出演练脚本，或无界面运行演练并生成评估报告",
        description="运行应急演练脚本。所有演练记录均标记为演练，不计入考核指标和告警统计。",
    )
    parser.add_argument("scenario", nargs="?", metavar="脚本", help="演练脚本代码或 JSON 文件路径")
    parser.add_argument("--list", action="store_true", help="列出可用的演练脚本")
    parser.add_argument("--headless", action="store_true", help="无界面运行（按脚本中的参演动作自动响应）")
    parser.add_argument(
        "--speed", type=float, default=60.0, metavar="N", help="时间加速倍数，默认 60（1 分钟演练时间 = 1 秒）"
    )
    parser.add_argument("--report", metavar="FILE.json", help="评估报告输出路径（同名 .html 一并生成）")
    add_db_argument(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from desktop.emergency.scenarios import ScenarioError, find_scenario, list_scenarios

    try:
        if args.list:
            for data in list_scenarios():
                print(f"{data['code']}\t{data['name']}\t预案 {data['plan']}")
            return 0
        if args.speed <= 0:
            print("--speed 须大于零", file=sys.stderr)
            return 2
        if not args.scenario or not args.headless:
            print("请指定演练脚本并加 --headless（图形界面中的演练请在“应急预案”面板启动）", file=sys.stderr)
            return 2
        scenario = find_scenario(args.scenario)
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return run_reported(args, lambda db: _run(db, scenario, args), "演练失败")


def _run(db, scenario: dict, args) -> None:
    from desktop.emergency.drill import run_headless
    from desktop.emergency.report import clock, report_html

    report = run_headless(db, scenario, args.speed)
    if args.report:
        target = Path(args.report)
        target.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        target.with_suffix(".html").write_text(report_html(report), encoding="utf-8")
    f = report["figures"]
    print(
        f"演练“{report['name']}”结束：确认 {clock(f['time_to_acknowledge_s'])}，启动 {clock(f['time_to_activate_s'])}，"
        f"首次派遣 {clock(f['time_to_dispatch_s'])}，"
        f"步骤完成 {f['steps_done']}/{f['steps_total']}（按时 {f['steps_on_time']}）"
    )
