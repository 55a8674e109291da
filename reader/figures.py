"""Figures cited in a transcript: found, normalized, attributed and related.

Journalists quote these numbers with attribution, so a figure must be exactly what was
said (``Figure.text`` is a slice of the transcript, qualifiers included), worth what it
says (``近4万人`` is 40000 people, "near"), and carry who said it in which sentence.

Two steps, so the rules can be tested on sentences:

1. :func:`find_figures` scans plain text. It knows the language, not any document:
   numerals (via :mod:`reader.numerals`), multipliers, measure words, qualifiers before
   (``近 约 超过 逾 不到``) and after (``余 多 以上 以下 左右``), ranges, and what is *not*
   a figure: dates, years, clock times, quoted code names (``“5.10”``), versions
   (``2.0``), hotlines (``12381``), ordinals (``第三``, ``一是``) and names (``二十大``).
   The rule that carries most of that: a number is a figure only with a measure word, a
   multiplier (``104万``) or a percent sign. A bare number is a code, a date part or an
   enumeration.
2. :func:`extract_figures` attributes each figure to its turn, speaker and sentence,
   links change figures (``同比分别上升28.5%和76.6%``) to what they change, and gives
   every citation of one figure a common ``same_as``.

The scanner is linear: one regular-expression pass with no nested quantifiers that can
fail late, and every look-around is bounded to a few characters.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reader.model import Direction, Figure, Transcript
from reader.numerals import (
    CN_BIG_UNITS,
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    MAX_NUMERAL_CHARS,
    fold_width,
    parse_number,
)
from reader.progress import checkpoint

_D = "0-9０-９"
_CN_DIGIT = "".join(CN_DIGITS)
_ARABIC = rf"[{_D}]+(?:,[{_D}]{{3}}(?![{_D}]))*(?:[.．][{_D}]+)?"
# Statistics write big numbers in two groups: 25亿9187.9万剂次, 11亿6248.8万人, 3万5千.
_ARABIC_COMPOUND = rf"{_ARABIC}(?:[亿億万萬]{_ARABIC}(?=[万萬千]))?"
# A Chinese numeral starts with a digit or 十: 百姓, 千万 (by all means), 万一 are words.
_CN = rf"[{_CN_DIGIT}十拾][{CN_NUMERAL_CHARS}]*(?:点[{_CN_DIGIT}]+)?"

#: One number as written: an optional 百分之, the numeral, then 多/余 and multipliers.
#: 百分之百 is left out on purpose: it is an idiom ("wholeheartedly") far more often than
#: a measurement, which is written 100%. A multiplier that begins a unit (千瓦, 千米,
#: 千克, 百分点) is left to the unit. The look-ahead names every character a number can
#: start with: it changes no match, but lets the scan skip the other characters without
#: trying each alternative (a third of the time on a long transcript).
NUMBER_RE = re.compile(
    rf"(?=[{_D}{_CN_DIGIT}十拾百千万])"
    rf"(?:(?P<pct>百分之|千分之)(?P<pnum>{_ARABIC}|{_CN})"
    rf"|(?P<num>{_ARABIC_COMPOUND}|{_CN}|[百千万](?=[多余])))"
    r"(?P<mid>[多余])?(?P<mult>(?:[十百千万亿萬億](?![瓦米克卡帕赫焦伏分]))*)(?P<post>[多余])?"
)

# Measure words, longest first so 个百分点 wins over 个 and 人次 over 人. Each names its
# family: the window groups figures by it (money with money, people with people).
_UNIT_FAMILIES: dict[str, tuple[str, ...]] = {
    "points": ("个百分点", "百分点"),
    "percent": ("%", "％", "‰"),
    "multiple": ("倍",),
    "money": (
        "美元", "欧元", "日元", "港元", "港币", "英镑", "韩元", "卢布", "澳元", "元", "人民币",
        "新台币", "台币", "澳门元", "加元", "新加坡元", "瑞士法郎", "法郎", "卢比", "泰铢", "林吉特",
        "比索", "兰特", "雷亚尔", "里亚尔", "迪拉姆",
    ),
    "people": ("人次", "户次", "人", "名", "户", "位"),
    "cases": ("起", "件", "宗", "例"),
    "duration": (
        "个工作日", "个小时", "个星期", "个月", "工作日", "小时", "星期", "周年", "分钟",
        "年", "周", "天", "秒",
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
    ),
}
UNIT_FAMILY: dict[str, str] = {u: fam for fam, units in _UNIT_FAMILIES.items() for u in units}
#: The measure word right after a number (longest alternative first).
UNIT_RE = re.compile("|".join(re.escape(u) for u in sorted(UNIT_FAMILY, key=len, reverse=True)))
#: A rate: 元/吨, 公里/小时 (the unit of the figure is both words).
PER_SIGNS = frozenset("/／")
#: 1个多月, 3个多小时: "more than" inside the measure word, kept in the unit as written.
MORE_THAN_ONE_UNIT_RE = re.compile(r"个多(?:月|小时|星期|工作日)")
#: How a unit is reported: the full-width percent sign is the same unit as ``%``.
UNIT_NAME = {"％": "%"}

#: Qualifiers after the measure word: ``30%以上``, ``百万元以下``, ``3000元左右``.
POST_QUALIFIER_RE = re.compile(r"以上|以下|左右|以内")
#: 多/余 after a period ("3年多来"), unless it starts a word (3年多次, 5天多种).
DURATION_MORE_RE = re.compile(r"[多余](?![次种样元边方项家位名人个数少])")
#: Qualifiers just before the number, longest first (``不超过`` before ``超过`` before ``超``).
PRE_QUALIFIERS: tuple[str, ...] = (
    "不超过", "不少于", "不低于", "不到", "不足", "将近", "接近", "大约", "至少", "超过", "近", "约",
    "超", "逾",
)
#: The last characters of the qualifiers: most numbers have none of them before them.
_PRE_QUALIFIER_LAST = frozenset(word[-1] for word in PRE_QUALIFIERS)
# Words that end in a qualifier's character but qualify nothing: 最近3年 is "the last
# three years", 节约3亿元 "saved 0.3 billion", 赶超 "catch up with".
_NOT_QUALIFIER_BEFORE = {
    "近": set("最附靠临邻贴亲将接"),
    "约": set("节制合签预公违履条契婚隐特规邀"),
    "超": set("赶高"),
}
#: Around 近 + a period, what makes it "the last N years" (近3年来, ，近5年，) not "nearly".
RECENT_PERIOD_AFTER = set("来内中里间")
RECENT_PERIOD_BEFORE = set("，,。；;：:、（(\n在的最")
#: Joins the members of a list that share one unit: ``8.2、5.0个百分点``.
LIST_JOIN_RE = re.compile(r"[、和及与]")
MAX_SHARED_LIST = 8
#: Traditional forms of the characters the rules look at, and full-width digits.
_SCAN_FOLD = str.maketrans(
    "０１２３４５６７８９．﹒％－～"
    "個條張筆項臺戶歲噸種萬億兩點週時鐘歐鎊幣頃畝隻輛處間棟場輪冊頁顆組類門"
    "過將約餘與級數幾減漲長較環別節簽預違臨鄰親趕紀規號達內劑標車",
    "0123456789..%-~"
    "个条张笔项台户岁吨种万亿两点周时钟欧镑币顷亩只辆处间栋场轮册页颗组类门"
    "过将约余与级数几减涨长较环别节签预违临邻亲赶纪规号达内剂标车",
)
#: A run of characters ``_SCAN_FOLD`` changes.
_SCAN_FOLD_RUN_RE = re.compile("[" + re.escape("".join(map(chr, _SCAN_FOLD))) + "]+")
#: Joins two numbers into a range: ``3至5年``, ``20%-30%``, ``10万到20万元``.
RANGE_JOIN_RE = re.compile(r"[至到~～〜\-–—－]")
#: What can stand right after a number that is (part of) a figure: a unit, a range or a
#: list joiner. Anything else leaves a bare number, so the scan skips it cheaply.
_MAY_FOLLOW = frozenset({u[0] for u in UNIT_FAMILY} | set("至到~～〜-–—－、和及与成"))
#: Tenths (``近八成``, ``7成以上``) are read as percent, as 百分之三十 is: 八成 is 80%.
#: Not when 成 starts a word (一成不变, 3成员, 七成熟).
TENTHS_RE = re.compile(r"成(?![立为功本果交员效熟长绩品型就都年人不批套片群倍])")
OPEN_QUOTES = "“\"「『‘'《〈"
CLOSE_QUOTES = "”\"」』’'》〉"
#: First characters of the measure words: statistics releases put a space between an
#: Arabic number and its Chinese unit (``加快 0.1 个百分点``), the number's unit all the same.
_UNIT_STARTS = frozenset(u[0] for u in UNIT_FAMILY if not u[0].isascii())
_MYRIADS_RE = re.compile(r"[万亿]")
_BIG_UNIT_RE = re.compile("[" + "".join(CN_BIG_UNITS) + "]")
#: Dots that make ``5·10`` or ``1.2.3`` a code name or version, not a number.
CODE_DOTS = ".．·・•"
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
#: A 年 that names an era or a grade, not a number of years: 90年代, 3年级.
YEAR_WORD_AFTER = set("代级")
#: Chinese words that make a numeral vague or not a quantity: 数十万 "several hundred thousand".
VAGUE_BEFORE = set("数几")
#: Years as written (``2021年``): four digits from 1000 to 2199 and no qualifier.
YEAR_MIN, YEAR_MAX = 1000, 2199
#: A Chinese numeral below ten with a generic measure word (三个方面, 一起, 两次) is a
#: manner of speaking more often than a figure; these units keep it (一倍, 三个百分点).
SMALL_CN_UNITS = {"倍", "个百分点", "百分点", "%", "‰"}

#: Ends a sentence: the figure's sentence is what a quote needs, not the whole paragraph.
SENTENCE_END_RE = re.compile(r"[。！？!?]+[”’」』）)]*|\n")
#: A sentence longer than this (hostile input, lists without punctuation) is cut to a
#: window around the figure so memory stays proportional to the text.
MAX_SENTENCE_CHARS = 400
SENTENCE_WINDOW = 150

_UP = "上升|增长|增加|提高|提升|上涨|攀升|回升|加快|扩大|增幅|涨幅|增|涨|升"
_DOWN = "下降|减少|降低|回落|下滑|下跌|缩减|放缓|减缓|收窄|减幅|降幅|跌幅|降|减|跌"
#: A change verb right before a figure: ``同比上升8.5倍``, ``同比分别下降``, ``降幅达92%``.
#: 增至/降到 ("rose to") end in 至/到 and so are levels, not changes. The look-ahead
#: names the characters a match can start with, so the search skips the others at once.
_CHANGE_FIRST = "".join(sorted(set("同环比较分") | {w[0] for w in f"{_UP}|{_DOWN}".split("|")}))
CHANGE_BEFORE_RE = re.compile(
    rf"(?=[{_CHANGE_FIRST}])"
    rf"(?P<cmp>同比|环比|[比较](?:上年同期|去年同期|上年全年|上年末|上年|去年|上月|上季度|年初|\d{{4}}年(?:同期)?))?"
    rf"(?P<resp>分别)?"
    rf"(?:(?P<up>{_UP})|(?P<down>{_DOWN}))(?:了|为|达|达到|分别为|分别是|分别)?\s?$"
)
#: 新增 counts new things (新增3万人, 新增5%的用户): not a change of another figure.
NOT_CHANGE_PREFIX = set("新")
#: What may stand between two figures changed by one verb: ``28.5%和76.6%``.
CHANGE_LIST_GAP_RE = re.compile(r"[和、及与,，]|以及")
#: Families that are changes by nature when a change verb precedes them.
CHANGE_FAMILIES = {"percent", "points", "multiple"}
CHANGE_LOOKBACK = 12
#: A time span is when, not what, changes: 前十个月的贸易额同比增长1.1% changes the trade.
CHANGE_TARGET_EXCLUDED = {"duration"}

#: Every pair of adjacent Chinese characters, overlapping (a look-ahead consumes nothing).
_CJK_BIGRAM_RE = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
#: Context around a citation compared to tell one figure cited twice from two figures
#: that merely share a value (60% of cases versus a 60% success rate).
SAME_CONTEXT_CHARS = 12
_GENERIC_BIGRAMS = {"同比", "分别", "累计", "共计", "全国", "其中", "以上", "达到", "一年", "年来"}
#: Units counted as the same thing when deciding that two citations are one figure.
_SAME_UNIT = {"名": "人", "位": "人"}


@dataclass(frozen=True, slots=True)
class FoundFigure:
    """A figure found in plain text, before attribution: offsets into that text."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str | None
    family: str
    value_to: float | None = None
    number_start: int = 0  # where the number begins, after any qualifier before it


class _Number(NamedTuple):
    """One numeral match with what stands right after it (a tuple: the scan makes one per
    candidate number, and a tuple is made several times faster than a frozen dataclass)."""

    start: int  # numeral start (百分之 included)
    end: int  # after the numeral, its multipliers and 多/余
    value: float
    coefficient: float  # the numeral before its multipliers, for 10至20万元
    has_mult: bool
    qualifier: str | None  # 多 or 余
    qualifier_pos: int | None
    chinese: bool
    percent_word: str | None  # 百分之 / 千分之
    raw: str


def _numeral_value(values: dict[str, float | None], numeral: str) -> float | None:
    """``parse_number`` remembered for one scan: a transcript repeats its numerals (the
    figures quoted again in answers, 2021年), and the scan reads each once."""
    try:
        return values[numeral]
    except KeyError:
        value = values[numeral] = parse_number(numeral)
        return value


def _read_number(text: str, m: re.Match[str], values: dict[str, float | None]) -> _Number | None:
    pct, pnum, num, mid, mult, post = m.group("pct", "pnum", "num", "mid", "mult", "post")
    numeral = pnum if pct else num
    mult = mult or ""
    if pct and mult:
        return None
    if len(numeral) > MAX_NUMERAL_CHARS:
        return None
    chinese = numeral[0] not in "0123456789０１２３４５６７８９"
    if chinese and len(numeral) > 1 and not numeral.strip(_CN_DIGIT):
        return None  # 二〇二一, 一二, 三四: read digit by digit or approximate, not a quantity
    if chinese and numeral[0] in CN_BIG_UNITS and not (len(numeral) == 1 and mid):
        return None  # 千万 (by all means), 万一; but 千余人, 万余名 are "a thousand odd"
    value = _numeral_value(values, numeral + mult)
    # The numeral before its multipliers (10 in 10至20万元); a compound is its own whole.
    compound = not chinese and _BIG_UNIT_RE.search(numeral) is not None
    coefficient = value if compound else _numeral_value(values, numeral) if mult else value
    if coefficient is None or value is None:
        return None
    qualifier = mid or post
    qualifier_pos = m.start("mid") if mid else m.start("post") if post else None
    return _Number(
        start=m.start(), end=m.end(), value=value, coefficient=coefficient, has_mult=bool(mult),
        qualifier=qualifier, qualifier_pos=qualifier_pos, chinese=chinese, percent_word=pct, raw=m.group(),
    )


def _is_code_or_name(text: str, start: int, end: int) -> bool:
    """Dotted codes (5·10, 1.2.3), names with Latin letters (5G, G20), ordinals (第3)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before in CODE_DOTS and start > 1 and fold_width(text[start - 2]).isdigit():
        return True
    if after in CODE_DOTS and end + 1 < len(text) and fold_width(text[end + 1]).isdigit():
        return True
    if _ASCII_LETTER_RE.fullmatch(before or " "):
        return True
    if before in "-_" and start > 1 and _ASCII_LETTER_RE.fullmatch(text[start - 2]):
        return True
    return before == "第"


def _unit_at(text: str, pos: int) -> str:
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
    if unit[-1].isascii() and m.end() < len(text) and _ASCII_LETTER_RE.fullmatch(text[m.end()]):
        return ""
    return unit


def _recent_period(text: str, q_start: int, end: int) -> bool:
    """近3年来, 近5年，: 近 opens "the last N years" rather than saying "nearly"."""
    before = text[q_start - 1] if q_start > 0 else ""
    after = text[end] if end < len(text) else ""
    return after in RECENT_PERIOD_AFTER or not before or before in RECENT_PERIOD_BEFORE


def _pre_qualifier(text: str, start: int, unit_family: str, end: int) -> str | None:
    if start == 0 or text[start - 1] not in _PRE_QUALIFIER_LAST:
        return None
    head = text[max(0, start - 4) : start]
    for word in PRE_QUALIFIERS:
        if head.endswith(word):
            q_start = start - len(word)
            prev = text[q_start - 1] if q_start > 0 else ""
            if prev in _NOT_QUALIFIER_BEFORE.get(word, ()):
                return None
            if word == "近" and unit_family == "duration" and _recent_period(text, q_start, end):
                return None  # 近3年来 is "the last three years", 历时近3年 "nearly three years"
            return word
    return None


def _is_year(num: _Number, unit: str, text: str, unit_end: int) -> bool:
    if unit != "年" or num.chinese or num.qualifier or num.has_mult:
        return False
    digits = fold_width(num.raw)
    return len(digits) == 4 and digits.isdigit() and YEAR_MIN <= int(digits) <= YEAR_MAX


def _quoted(text: str, start: int, end: int) -> bool:
    """A number that is the whole content of quotation marks is a name (“5.10”, “10.18”)."""
    return start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES


def _minus_before(text: str, start: int) -> bool:
    """-3.2%: a minus sign right before, itself after a word or punctuation (not 20%-);
    增速为负2.1%: 负 right before."""
    if start > 0 and text[start - 1] == "负":
        return True
    if start == 0 or text[start - 1] not in "-−":
        return False
    prev = fold_width(text[start - 2]) if start > 1 else ""
    if not prev:
        return True
    return not (prev.isascii() and prev.isalnum()) and prev not in "%‰"


def _chinese_myriads(num: _Number) -> bool:
    """``四万多民众``, ``三十九万四千``: a Chinese numeral holding 万 or 亿 is a quantity with a
    multiplier, as ``600万`` is, whatever noun follows; a bare ``十万`` or ``一万`` is an
    idiom's or a hyperbole's (十万火急, 说一万遍) more often than a count."""
    if not num.chinese or num.percent_word or not _MYRIADS_RE.search(num.raw):
        return False
    return bool(num.qualifier) or num.raw[0] not in "十一"


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_SCAN_FOLD)


def fold_for_scanning(text: str) -> str:
    """Traditional characters and full-width digits as the simplified/ASCII forms the rules
    use. One character for one, so offsets into the folded text are offsets into ``text``.

    Only the runs that need folding are translated: ``str.translate`` with a table looks
    up every character of a 2 MB transcript (~40 ms), a regular-expression search for the
    few foldable ones costs a twentieth of that."""
    return _SCAN_FOLD_RUN_RE.sub(_fold_run, text)


def _shared_unit(text: str, pos: int, values: dict[str, float | None]) -> tuple[str, float, int] | None:
    """The unit a list of bare numbers shares with its last member: ``8.2、5.0个百分点``.

    Returns the unit, the multiplier of the number that carries it (``3.6、2.1万亿元``)
    and where the unit is written, or None. Looks at most ``MAX_SHARED_LIST`` numbers
    ahead, so scanning stays linear.
    """
    for _ in range(MAX_SHARED_LIST):
        join = LIST_JOIN_RE.match(text, pos)
        m = NUMBER_RE.match(text, join.end()) if join else None
        nxt = _read_number(text, m, values) if m else None
        if nxt is None or nxt.percent_word:
            return None
        factor = nxt.value / nxt.coefficient if nxt.has_mult and nxt.coefficient else 1.0
        unit = _unit_at(text, nxt.end)
        if unit:
            return None if _is_year(nxt, unit, text, nxt.end) else (unit, factor, nxt.end)
        if nxt.has_mult:
            return "", factor, nxt.end
        pos = nxt.end
    return None


def find_figures(text: str) -> list[FoundFigure]:
    """Every figure in ``text``, in order, with offsets, values, units and qualifiers."""
    return _find_in_folded(text, fold_for_scanning(text))


def _find_in_folded(original: str, text: str) -> list[FoundFigure]:
    """The scan itself: rules read the folded ``text``, figures quote ``original``."""
    found: list[FoundFigure] = []
    values: dict[str, float | None] = {}
    skip_until = 0
    n = len(text)
    for count, m in enumerate(NUMBER_RE.finditer(text)):
        if not count % 2048:
            checkpoint(0.6 * m.start() / max(1, n))  # the scan is most of the figures stage
        if m.start() < skip_until:
            continue
        match_start, after_pos = m.span()
        after = text[after_pos : after_pos + 1]
        if (
            after not in _MAY_FOLLOW
            and not (after == " " and text[after_pos + 1 : after_pos + 2] in _UNIT_STARTS)
            # One character (一, 3) has no multiplier, percent word or 万/亿 to look for.
            and (after_pos - match_start == 1 or not (
                m.group("mult") or m.group("pct") or _MYRIADS_RE.search(m.group())
            ))
        ):
            continue  # a bare number with nothing that could make it a figure: skip the parse
        num = _read_number(text, m, values)
        if num is None or _is_code_or_name(text, num.start, num.end):
            skip_until = m.end()
            continue
        if num.chinese and num.start > 0 and text[num.start - 1] in VAGUE_BEFORE:
            continue
        if _quoted(text, num.start, num.end):
            continue
        unit = "%" if num.percent_word == "百分之" else "‰" if num.percent_word else _unit_at(text, num.end)
        unit_pos: int | None = None if num.percent_word else num.end
        tenths = not unit and not num.percent_word and not num.has_mult and TENTHS_RE.match(text, num.end)
        if tenths and num.value <= 10:
            num = num._replace(value=num.value * 10, end=num.end + 1)
            unit, unit_pos = "%", None
            more = num.end
            if num.qualifier is None and text[more : more + 1] in ("多", "余"):  # 三成多
                num = num._replace(qualifier=text[more], qualifier_pos=more, end=more + 1)
        if not unit and not num.chinese and not num.percent_word and text[num.end : num.end + 1] == " ":
            spaced = _unit_at(text, num.end + 1)
            if spaced and spaced[0] in _UNIT_STARTS:
                unit, unit_pos = spaced, num.end + 1
        end = num.end if num.percent_word else unit_pos + len(unit) if unit_pos is not None else num.end
        if unit and _quoted(text, num.start, end):
            continue
        if unit == "年" and end < n and text[end] in YEAR_WORD_AFTER:
            continue
        if _is_year(num, unit, text, end):
            continue
        value_to: float | None = None
        value = num.value
        # A range: 3至5年, 20%-30%, 10万到20万元, 10至20万元, 百分之二十至三十.
        join = RANGE_JOIN_RE.match(text, end)
        second_m = NUMBER_RE.match(text, join.end()) if join else None
        second = _read_number(text, second_m, values) if second_m else None
        if second is not None and (not second.percent_word or num.percent_word):
            if second.percent_word:
                unit2 = "%" if second.percent_word == "百分之" else "‰"
                end2 = second.end
            else:
                unit2 = _unit_at(text, second.end)
                end2 = second.end + len(unit2)
            if unit2 == "年" and _is_year(second, unit2, text, end2):
                skip_until = end2
                continue
            # A third part (2022-04-14, 010-1234-5678) makes a date or a phone number.
            third = RANGE_JOIN_RE.match(text, end2)
            if third and third.end() < n and fold_width(text[third.end()]).isdigit():
                skip_until = end2
                continue
            percent_only_first = unit in ("%", "‰") and not unit2
            if (unit2 == unit or (not unit and unit2) or percent_only_first) and (
                unit or unit2 or second.has_mult or num.has_mult
            ):
                if not num.has_mult and second.has_mult and num.coefficient < second.coefficient:
                    value = num.coefficient * (second.value / second.coefficient)
                value_to = second.value
                if not unit:
                    unit, unit_pos = unit2, None if second.percent_word else second.end
                end = second.end if percent_only_first else end2
                num = num._replace(
                    has_mult=num.has_mult or second.has_mult,
                    qualifier=num.qualifier or second.qualifier,
                    qualifier_pos=num.qualifier_pos if num.qualifier else second.qualifier_pos,
                    chinese=num.chinese and second.chinese,
                )
        if not unit and not num.has_mult and value_to is None and not num.chinese:
            shared = _shared_unit(text, num.end, values)
            if shared is not None and not (shared[0] == "年" and _is_year(num, "年", text, end)):
                unit, factor, unit_pos = shared
                if factor != 1.0:
                    value = num.value * factor
                    num = num._replace(has_mult=True)
        if not unit and not num.has_mult and not _chinese_myriads(num):
            continue  # a bare number: a code, a hotline, a date part, an enumeration
        if num.chinese and value_to is None and num.value < 10 and unit not in SMALL_CN_UNITS:
            continue
        if (
            num.chinese
            and value_to is None
            and unit in ("年", "周年")
            and not (num.qualifier or num.has_mult)
        ):
            continue  # 这十年, 三十年来: an era named in words (连续十二个月 still counts)
        written_unit = original[unit_pos : unit_pos + len(unit)] if unit_pos is not None else unit
        qualifier = None
        if num.qualifier_pos is not None:
            qualifier = original[num.qualifier_pos]
        if unit.startswith("个多"):  # 1个多月: unit 个月, "more than"
            unit, written_unit = "个" + unit[2:], written_unit[0] + written_unit[2:]
            qualifier = qualifier or "多"
        family = UNIT_FAMILY.get(unit.split("/", 1)[0], "count")
        post = POST_QUALIFIER_RE.match(text, end)
        if post:
            qualifier = original[post.start() : post.end()]
            end = post.end()
        elif family == "duration" and qualifier is None and DURATION_MORE_RE.match(text, end):
            qualifier = original[end]  # 3年多来, 两小时余
            end += 1
        start = num.start
        pre = _pre_qualifier(text, num.start, family, end)
        if pre:
            start = num.start - len(pre)
            qualifier = original[start : num.start] if qualifier is None else qualifier
        if unit in ("%", "‰") and _minus_before(text, num.start) and value_to is None:
            value = -value
            if not pre:
                start = num.start - 1
        found.append(
            FoundFigure(
                start=start, end=end, text=original[start:end], value=value,
                unit=UNIT_NAME.get(written_unit, written_unit), qualifier=qualifier, family=family,
                value_to=value_to, number_start=num.start,
            )
        )
        skip_until = end
    return found


# ---------------------------------------------------------------------------------------
# Attribution and relations


class _Sentences:
    """Sentence bounds of a text, found once, looked up by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in SENTENCE_END_RE.finditer(text)]

    def bounds(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, offset)
        start = self.ends[i - 1] if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        return start, end

    def sentence(self, start: int, end: int) -> str:
        a, b = self.bounds(start)
        b = max(b, end)
        if b - a > MAX_SENTENCE_CHARS:
            a, b = max(a, start - SENTENCE_WINDOW), min(b, end + SENTENCE_WINDOW)
        return self.text[a:b].strip()


def _change_verb(
    text: str, fig: FoundFigure, sentence_start: int, previous: FoundFigure | None = None
) -> re.Match[str] | None:
    """The change verb before ``fig``, if ``fig`` is a change.

    A percent, points or multiple figure after a change verb is one; an amount is one when
    the comparison is named (``同比增加3万人``) or when it counts in the unit of the figure
    just before it in the sentence (``产量2856亿斤，增加24.2亿斤``: the increase of that
    output)."""
    lo = max(sentence_start, fig.start - CHANGE_LOOKBACK)
    window = text[lo : fig.start]
    m = CHANGE_BEFORE_RE.search(window)
    if not m:
        return None
    before_verb = text[lo + m.start() - 1] if lo + m.start() > sentence_start else ""
    if before_verb in NOT_CHANGE_PREFIX:
        return None
    if fig.family not in CHANGE_FAMILIES and not m.group("cmp") and not _same_unit(previous, fig):
        return None
    return m


def _same_unit(a: FoundFigure | None, b: FoundFigure) -> bool:
    return a is not None and bool(b.unit) and _SAME_UNIT.get(a.unit, a.unit) == _SAME_UNIT.get(b.unit, b.unit)


def link_changes(
    text: str, found: Sequence[FoundFigure], sentences: _Sentences | None = None
) -> list[tuple[int | None, Direction | None]]:
    """For each figure, the index of the figure it changes and the direction, if any.

    ``抓获…63.4万名，同比分别上升28.5%和76.6%``: the n change figures after one verb
    belong, in order, to the n figures before it in the same sentence. One change figure
    belongs to the nearest figure before it; with none before it (``降幅92%``) it keeps
    its direction and links to nothing. A change in percentage points changes the
    nearest rate before it, itself perhaps a change (``增长4.5%，增速加快1.6个百分点``).
    """
    sentences = sentences or _Sentences(text)
    out: list[tuple[int | None, Direction | None]] = [(None, None)] * len(found)
    plain_in_sentence: list[int] = []
    last_percent: int | None = None
    current_sentence = -1
    group: list[int] = []
    group_direction: Direction | None = None

    def close_group() -> None:
        if not group:
            return
        targets = plain_in_sentence[-len(group) :] if len(plain_in_sentence) >= len(group) else []
        if len(group) > 1 and len(targets) < len(group):
            targets = []
        for k, idx in enumerate(group):
            target = targets[k] if targets else None
            if len(group) == 1 and found[idx].family == "points" and last_percent is not None:
                target = last_percent
            out[idx] = (target, group_direction)
        group.clear()

    for i, fig in enumerate(found):
        if not i % 4096:
            checkpoint(0.6 + 0.2 * i / len(found))
        s_start, _ = sentences.bounds(fig.start)
        if s_start != current_sentence:
            close_group()
            plain_in_sentence = []
            last_percent = None
            current_sentence = s_start
        previous = found[plain_in_sentence[-1]] if plain_in_sentence else None
        verb = _change_verb(text, fig, s_start, previous)
        if verb is not None:
            close_group()
            group_direction = "up" if verb.group("up") else "down"
            group.append(i)
            if fig.family == "percent":
                last_percent = i
            continue
        if group and fig.family == found[group[-1]].family:
            gap = text[found[group[-1]].end : fig.start]
            if CHANGE_LIST_GAP_RE.fullmatch(gap):
                group.append(i)
                continue
        close_group()
        if fig.family not in CHANGE_TARGET_EXCLUDED:
            plain_in_sentence.append(i)
        if fig.family == "percent":
            last_percent = i
    close_group()
    return out


def _context_bigrams(text: str, fig: FoundFigure, s_start: int, s_end: int) -> set[str]:
    before = text[max(s_start, fig.start - SAME_CONTEXT_CHARS) : fig.start]
    after = text[fig.end : min(s_end, fig.end + SAME_CONTEXT_CHARS)]
    grams = set(_CJK_BIGRAM_RE.findall(before))
    grams.update(_CJK_BIGRAM_RE.findall(after))
    return grams - _GENERIC_BIGRAMS


def group_citations(
    text: str, found: Sequence[FoundFigure], sentences: _Sentences | None = None
) -> list[str | None]:
    """A ``same_as`` id per figure: shared by citations of one figure, None if cited once.

    Two citations are one figure when value, range and unit agree and their sentences
    share words near the number (``紧急止付…3291亿元`` and ``紧急拦截…3291亿元``). The
    id names the first citation (``f18``), so it is stable for a given transcript.
    """
    sentences = sentences or _Sentences(text)
    by_key: dict[tuple[float, float | None, str], list[int]] = defaultdict(list)
    for i, fig in enumerate(found):
        by_key[(fig.value, fig.value_to, _SAME_UNIT.get(fig.unit, fig.unit))].append(i)
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for count, members in enumerate(by_key.values()):
        if not count % 1024:
            checkpoint(0.8 + 0.1 * count / len(by_key))
        if len(members) < 2:
            continue
        seen: dict[str, int] = {}
        for i in members:
            s_start, s_end = sentences.bounds(found[i].start)
            b = root(i)  # a root is the smallest index of its group, so unions keep it current
            for gram in _context_bigrams(text, found[i], s_start, s_end):
                if gram in seen:
                    a = root(seen[gram])
                    if a != b:
                        parent[max(a, b)] = min(a, b)
                        b = min(a, b)
                else:
                    seen[gram] = i
    roots = [root(i) for i in range(len(found))]
    sizes: dict[int, int] = defaultdict(int)
    for r in roots:
        sizes[r] += 1
    return [f"f{r}" if sizes[r] > 1 else None for r in roots]


def extract_figures(transcript: Transcript) -> tuple[Figure, ...]:
    """Every figure in ``transcript.text``, attributed and related, in text order.

    Numbers in a speaker marker (the label line) are not figures; figures in the
    highlights or preamble have no turn and no speaker.
    """
    text = transcript.text
    folded = fold_for_scanning(text)
    found = []
    turns = []
    for fig in _find_in_folded(text, folded):
        turn = transcript.turn_at(fig.start)
        if turn is not None and turn.label_span.start <= fig.start < turn.label_span.end:
            continue
        found.append(fig)
        turns.append(turn)
    # Sentence ends are not folded, so one set of bounds serves both texts.
    checkpoint(0.6)
    sentences = _Sentences(text)
    changes = link_changes(folded, found, sentences)
    checkpoint(0.8)
    same = group_citations(folded, found, sentences)
    checkpoint(0.9)
    figures: list[Figure] = []
    for count, (fig, turn, (change_of, direction), same_as) in enumerate(
            zip(found, turns, changes, same, strict=True)):
        if not count % 4096:
            checkpoint(0.9 + 0.1 * count / len(found))
        figures.append(
            Figure(
                text=fig.text,
                value=fig.value,
                unit=fig.unit,
                qualifier=fig.qualifier,
                start=fig.start,
                end=fig.end,
                turn=None if turn is None else turn.index,
                speaker=None if turn is None else turn.speaker,
                sentence=sentences.sentence(fig.start, fig.end),
                value_to=fig.value_to,
                change_of=change_of,
                direction=direction,
                same_as=same_as,
                family=fig.family,
            )
        )
    return tuple(figures)
