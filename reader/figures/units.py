"""Measure words: what makes a number a figure, and the family each belongs to.

Longest first, so 个百分点 wins over 个 and 人次 over 人. Each names its family: the window
groups figures by it (money with money, people with people), and percentage points are
never percent.
"""

from __future__ import annotations

import re

# Measure words, longest first so 个百分点 wins over 个 and 人次 over 人. Each names its
# family: the window groups figures by it (money with money, people with people).
_UNIT_FAMILIES: dict[str, tuple[str, ...]] = {
    "points": ("个百分点", "百分点"),
    "percent": ("%", "％", "‰"),
    "multiple": ("倍",),
    "money": (
        "美元", "欧元", "日元", "港元", "港币", "英镑", "韩元", "卢布", "澳元", "元", "人民币",
        "新台币", "台币", "澳门元", "加元", "新加坡元", "新西兰元", "瑞士法郎", "法郎", "卢比", "泰铢",
        "林吉特", "比索", "兰特", "雷亚尔", "里亚尔", "迪拉姆", "美金",
        "蚊",  # Cantonese for dollars: 一萬蚊, 500蚊
    ),
    "people": ("人次", "户次", "人", "名", "户", "位"),
    "cases": ("起", "件", "宗", "例"),
    "duration": (
        "个工作日", "个小时", "个星期", "个月", "个学期", "工作日", "小时", "星期", "周年",
        "分钟", "学期", "年", "周", "天", "秒",
    ),
    "count": (
        "平方公里", "平方千米", "平方米", "立方米", "千瓦时", "公里", "千米", "公斤", "千克", "公顷",
        "千瓦", "兆瓦", "部门", "标准箱", "标箱", "剂次", "架次", "艘次", "班次", "车次",
        "个", "条", "张", "笔", "款", "家", "台", "种", "项", "次", "所",
        "座", "部", "只", "头", "辆", "架", "艘", "批", "份", "套", "处", "间", "栋", "场", "轮",
        "篇", "本", "册", "页", "支", "枚", "颗", "根", "片", "类", "组", "岁", "吨", "斤", "亩",
        "米", "克", "升", "度", "列", "剂", "株", "棵", "块", "摄氏度", "℃", "级",
        "kWh", "kW", "MW", "GW", "GB", "TB", "MB", "km", "kg",
        "微克", "毫克", "毫米", "厘米", "纳米", "毫升", "海里", "英里", "分贝", "吉瓦",
        "像素", "县市", "门", "票", "幢",
    ),
}

UNIT_FAMILY: dict[str, str] = {u: fam for fam, units in _UNIT_FAMILIES.items() for u in units}

#: The measure word right after a number (longest alternative first).
UNIT_RE = re.compile("|".join(re.escape(u) for u in sorted(UNIT_FAMILY, key=len, reverse=True)))

#: Currency signs written before the number (``HK$100億``, ``$5,000``, ``€30億``), longest
#: first, and the unit each gives: a sign alone keeps its own name, as 元 does.
CURRENCY_SIGNS: dict[str, str] = {
    "HK$": "港元", "US$": "美元", "NT$": "新台币", "MOP$": "澳门元", "A$": "澳元", "C$": "加元",
    "S$": "新加坡元", "NZ$": "新西兰元", "$": "$", "＄": "$", "¥": "¥", "￥": "¥", "€": "欧元", "£": "英镑",
}
CURRENCY_BEFORE = re.compile("(?:" + "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len,
                                                                           reverse=True)) + ")$")
_SIGN_ENDS = frozenset(sign[-1] for sign in CURRENCY_SIGNS)
_LONGEST_SIGN = max(map(len, CURRENCY_SIGNS))
UNIT_FAMILY.update({"$": "money", "¥": "money"})
#: After a signed number in English: ``US$1.5 billion``.
ENGLISH_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
ENGLISH_SCALE = re.compile(r" ?(thousand|million|billion|trillion|bn)\b", re.IGNORECASE)


def currency_before(text: str, start: int) -> str | None:
    """The currency sign written right before ``start`` (``HK$``, ``$``, ``€``), or None."""
    if start == 0 or text[start - 1] not in _SIGN_ENDS:
        return None
    match = CURRENCY_BEFORE.search(text, max(0, start - _LONGEST_SIGN), start)
    if match is None:
        return None
    sign = match.group()
    if sign[0].isascii() and sign[0].isalpha() and match.start() and text[match.start() - 1].isascii() \
            and text[match.start() - 1].isalpha():
        return text[start - 1] if text[start - 1] in CURRENCY_SIGNS else None  # USA$5: a word, then $
    return sign


#: A rate: 元/吨, 公里/小时 (the unit of the figure is both words).
PER_SIGNS = frozenset("/／")

#: 1个多月, 3个多小时: "more than" inside the measure word, kept in the unit as written;
#: 两个半小时: a half inside it.
MORE_THAN_ONE_UNIT_RE = re.compile(r"个[多半](?:月|小时|星期|工作日)")

#: How a unit is reported: the full-width percent sign is the same unit as ``%``.
UNIT_NAME = {"％": "%"}

#: First characters of the measure words: statistics releases put a space between an
#: Arabic number and its Chinese unit (``加快 0.1 个百分点``), the number's unit all the same.
UNIT_STARTS = frozenset(u[0] for u in UNIT_FAMILY if not u[0].isascii())

ASCII_LETTER_RE = re.compile(r"[A-Za-z]")


def unit_at(text: str, pos: int) -> str:
    """The measure word at ``pos``, with a rate's second unit (``元/吨``, ``公里/小时``)."""
    unit = _single_unit_at(text, pos)
    end = pos + len(unit)
    if unit and text[end : end + 1] in PER_SIGNS:
        per = UNIT_RE.match(text, end + 1)
        if per:
            return unit + text[end] + per.group()
    return unit


def _single_unit_at(text: str, pos: int) -> str:
    m = UNIT_RE.match(text, pos)
    if m and m.group() == "个":
        more = MORE_THAN_ONE_UNIT_RE.match(text, pos)
        if more:
            return more.group()
    if not m:
        return ""
    unit = m.group()
    # An ASCII unit must end a word: 5GB is a size, 5Gbps is not one of ours.
    if unit[-1].isascii() and m.end() < len(text) and ASCII_LETTER_RE.fullmatch(text[m.end()]):
        return ""
    if text[m.end() : m.end() + 1] in NOT_UNITS_AT.get(unit, ()):
        return ""  # 30亿人口: a population, not a count of people; 四人帮: a name
    return unit


#: A measure word that is the start of another noun (人口: population, 四人帮: a name).
NOT_UNITS_AT = {"人": frozenset("口帮")}
#: Place names that begin with a numeral and a measure word (三门峡, 七台河, 五台山).
NUMERAL_PLACE_NAMES = ("三门峡", "七台河", "五台", "九台", "三台", "六盘水", "万家寨", "四会", "五指山",
                       "九江")
