"""Chinese names for the demo city: streets, communities, roads, people, phones, plates.

Everything is drawn from fixed lists with the caller's ``numpy`` generator, so the same
seed gives the same names.
"""

from __future__ import annotations

import numpy as np

STREET_STEMS = (
    "幸福",
    "项里",
    "古城",
    "河滨",
    "双庄",
    "黄河",
    "南蔡",
    "埠子",
    "龙河",
    "洋北",
    "耿车",
    "支口",
    "蔡集",
    "王官集",
    "屠园",
    "中扬",
    "罗圩",
    "陈集",
    "东关",
    "西关",
    "南门",
    "北门",
    "运河",
    "湖滨",
    "新城",
    "楚街",
    "文昌",
    "振兴",
    "和平",
    "朝阳",
    "春光",
    "秀水",
    "桃园",
    "梨园",
    "北湖",
    "凤凰",
    "锦绣",
    "金港",
    "银杏",
    "紫薇",
)
ARTERIAL_NAMES = (
    "幸福路",
    "洪泽湖路",
    "发展大道",
    "黄河路",
    "西湖路",
    "人民大道",
    "青年路",
    "项王路",
    "太湖路",
    "珠江路",
    "长江路",
    "淮海路",
    "骆马湖路",
    "迎宾大道",
    "世纪大道",
    "富康大道",
    "通湖大道",
    "古城路",
    "马陵路",
    "隋堤路",
    "人民路",
    "红旗路",
    "两岸路",
    "宝龙路",
    "楚街路",
    "运河路",
    "金鸡湖路",
    "学府路",
    "湖滨大道",
    "开发大道",
    "威海路",
    "香港路",
    "深圳路",
    "苏州路",
    "上海路",
    "南京路",
    "北京路",
    "天津路",
    "江山大道",
    "广州路",
    "厦门路",
    "温州路",
    "杭州路",
    "宁波路",
    "镇江路",
    "扬州路",
    "泰州路",
    "南通路",
    "徐州路",
    "连云港路",
    "淮安路",
    "盐城路",
    "无锡路",
    "常州路",
    "宿支路",
    "沭阳路",
    "泗阳路",
    "泗洪路",
    "嶂山路",
    "三台山路",
)
# Two characters combined into community, secondary road and park names.
_FIRST = "金银安康和平兴盛祥瑞福泰宁华新民东西南北春秋锦绣翠青红文明德馨嘉永长乐丰汇鑫富景"
_SECOND = "园苑庄桥湖河城里坊花林塘岗集湾港亭台阁源泉山桂竹梅兰荷柳杨"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红娟建国文辉鹏飞斌宇浩凯婷雪琳晨阳宁欣佳怡子轩梓涵一诺雨泽俊豪思远志强海峰金凤春梅晓东"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
MOBILE_PREFIXES = (
    130,
    131,
    132,
    133,
    135,
    136,
    137,
    138,
    139,
    150,
    151,
    152,
    157,
    158,
    159,
    177,
    180,
    181,
    182,
    187,
    188,
    189,
    199,
)


def _numbered(stems: list[str], n: int) -> list[str]:
    """The first ``n`` stems, repeating them with 二/三/… when the list runs out."""
    ordinals = "一二三四五六七八九"
    return [stems[i % len(stems)] + ("" if i < len(stems) else ordinals[i // len(stems)]) for i in range(n)]


def street_names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct 街道 names; the real 宿城区 names come first."""
    head = list(STREET_STEMS[:6])
    tail = [STREET_STEMS[i] for i in rng.permutation(np.arange(6, len(STREET_STEMS)))]
    return [f"{stem}街道" for stem in _numbered(head + tail, n)]


def two_character_names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct two-character stems (金桥, 安苑 …)."""
    pairs = [a + b for a in _FIRST for b in _SECOND]
    return _numbered([pairs[i] for i in rng.permutation(len(pairs))], n)


def arterial_names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct 主干路 names: the list first, then made-up 大道."""
    listed = [ARTERIAL_NAMES[i] for i in rng.permutation(len(ARTERIAL_NAMES))]
    return (listed + [f"{stem}大道" for stem in two_character_names(rng, max(0, n - len(listed)))])[:n]


def person_names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` person names (surname + one or two given characters); repeats are allowed."""
    surnames = rng.integers(0, len(SURNAMES), n)
    first = rng.integers(0, len(GIVEN), n)
    second = rng.integers(0, len(GIVEN), n)
    double = rng.random(n) < 0.6
    return [SURNAMES[s] + GIVEN[a] + (GIVEN[b] if d else "") for s, a, b, d in zip(surnames, first, second, double)]


def mobile_numbers(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct 11-digit mobile numbers."""
    suffix = rng.choice(10**8, size=n, replace=False)
    prefix = np.asarray(MOBILE_PREFIXES)[rng.integers(0, len(MOBILE_PREFIXES), n)]
    return [f"{p}{s:08d}" for p, s in zip(prefix, suffix)]


def plates(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct 宿迁 plates (苏N·A1234)."""
    picks = rng.choice(len(PLATE_LETTERS) * 10_000, size=n, replace=False)
    return [f"苏N·{PLATE_LETTERS[p // 10_000]}{p % 10_000:04d}" for p in picks]
