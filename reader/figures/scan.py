"""Figures in plain text: numerals, multipliers, measure words, qualifiers and ranges.

The scanner knows the language, not any document: numerals (via
:mod:`reader.figures.numerals`), multipliers, measure words (:mod:`reader.figures.units`),
qualifiers before (``近 约 超过 逾 不到``) and after (``余 多 以上 以下 左右``), ranges, and
what is *not* a figure: dates, years, clock times, quoted code names (``“5.10”``), titles
(``《锵锵三人行》``), versions (``2.0``), hotlines (``12381``), ordinals (``第三``, ``一是``) and
names (``二十大``). The rule that carries most of that: a number is a figure only with a measure word, a
multiplier (``104万``) or a percent sign. A bare number is a code, a date part or an
enumeration.

The scanner is linear: one regular-expression pass with no nested quantifiers that can
fail late, and every look-around is bounded to a few characters.

Why this module is long: the scan's rules are one ordered argument about a candidate
number (what follows it, what precedes it, whether it is a year, a range, a list member),
each reading what the one before decided; they stay in one file so that order reads top to
bottom. The words around a number (``reader.figures.qualifiers``), the measure words
(``reader.figures.units``) and numerals (``reader.figures.numerals``) live apart.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from typing import NamedTuple

from reader.figures.english import english_figures, english_qualifier_before
from reader.figures.numerals import CN_BIG_UNITS, CN_DIGITS, CN_NUMERAL_CHARS, MAX_NUMERAL_CHARS, parse_number
from reader.figures.qualifiers import (
    DURATION_MORE_RE,
    POST_QUALIFIER_RE,
    minus_before,
    pre_qualifier,
    qualifier_across,
)
from reader.figures.units import (
    ASCII_LETTER_RE,
    CURRENCY_SIGNS,
    ENGLISH_SCALE,
    ENGLISH_SCALES,
    NUMERAL_PLACE_NAMES,
    UNIT_FAMILY,
    UNIT_NAME,
    UNIT_STARTS,
    currency_before,
    unit_at,
)
from reader.progress import checkpoint
from reader.text.fold import fold_for_scanning, fold_width

_D = "0-9０-９"

_CN_DIGIT = "".join(CN_DIGITS)

# Thousands separated by commas (1,234,567) or, as national standards and some statistics
# write them, by a space (24 000, 1 234 567; thin and no-break spaces too).
_ARABIC = (rf"(?:(?<![图表第号圖])[{_D}]{{1,3}}(?:[ \u2009\u202f\u00a0][{_D}]{{3}}(?![{_D}]))+"
           rf"|[{_D}]+(?:,[{_D}]{{3}}(?![{_D}]))*)(?:[.．][{_D}]+)?")

# Statistics write big numbers in two groups: 25亿9187.9万剂次, 11亿6248.8万人, 3万5千.
_ARABIC_COMPOUND = rf"{_ARABIC}(?:[亿億万萬]{_ARABIC}(?=[万萬千]))?"

# A Chinese numeral starts with a digit or 十: 百姓, 千万 (by all means), 万一 are words.
_CN = rf"[{_CN_DIGIT}十拾廿卅卌][{CN_NUMERAL_CHARS}]*(?:点[{_CN_DIGIT}]+)?"

#: One number as written: an optional 百分之, the numeral, then 多/余 and multipliers.
#: 百分之百 is left out on purpose: it is an idiom ("wholeheartedly") far more often than
#: a measurement, which is written 100%. A multiplier that begins a unit (千瓦, 千米,
#: 千克, 百分点) is left to the unit. The look-ahead names every character a number can
#: start with: it changes no match, but lets the scan skip the other characters without
#: trying each alternative (a third of the time on a long transcript).
NUMBER_RE = re.compile(
    rf"(?=[{_D}{_CN_DIGIT}十拾廿卅卌百千万亿半])"
    rf"(?:(?P<pct>百分之|千分之)(?P<pnum>{_ARABIC}|{_CN})"
    # 四分之一, 2分之1; 万分之五 (per ten thousand: a rate, a fee) as well.
    rf"|(?=[{_CN_DIGIT}十百千万萬{_D}]{{1,12}}分之)(?P<fden>{_CN}|[{_D}]+|(?<![百千亿億])[万萬])分之(?P<fnum>{_CN}|[{_D}]+)"
    # A fraction with a slash, not inside a date (2024/10/08) or before one (1/5日).
    rf"|(?=[{_D}]{{1,3}}[/／])(?<![{_D}/.])(?P<snum>[{_D}]{{1,3}})[/／](?P<sden>[{_D}]{{1,3}})(?![{_D}/／.]|[年月日号])"
    rf"|(?P<num>{_ARABIC_COMPOUND}|{_CN}|[百千万](?=[多余几])|(?<=[几数上逾过近超])[十百千万亿]+"
    r"|(?<![上下])半(?=年|个多?月|个多?小时|小时|天|个多?星期|周|个学期)))"
    # ``400 多家``: a PDF or an editor may leave a space before 多 as before a multiplier.
    # 十几个, 二十来岁: 几 and 来 after the tens are "and some", "or so" (not 来自, 来访); so is
    # 几 after the hundreds and thousands (五千几个, 百几人, 一千几百宗: a thousand and some;
    # 三百几万人: three hundred and some ten-thousands).
    r"(?P<mid>[多余]|(?<=[十拾廿卅卌])几|(?<=[百千万萬])几[十百千]?(?![十百千])"
    r"|(?<=[十百千])来(?![访自说看源电信宾华京往回去到临]))?"
    r"(?P<mult>(?: ?(?:[十百千万亿萬億](?![瓦米克卡帕赫焦伏分])"
    # 兆 before money is a trillion (Taiwan: 12兆元 產值); 兆瓦, 兆字节 stay units (mega).
    r"|兆(?=[多余]?(?:新台币|新臺幣|台币|臺幣|美元|美金|日元|日圓|日圆|韩元|韓元|港元|港币|港幣|人民币|人民幣|元))))*)"
    r"(?: ?(?P<post>[多余]))?"
)
#: What follows 蚊 when it means a mosquito (蚊子, 蚊虫, 蚊帐, 蚊香), not dollars.
MOSQUITO_WORDS = frozenset("子虫蟲帐帳香")

#: Two neighbouring digits, perhaps then place units: 七八 (seven or eight), 三四十, 三四万.
NEIGHBOURING_DIGITS = re.compile(rf"^[{_CN_DIGIT}]{{2}}([十百千万亿萬億]*)$")
#: ``_Number.percent_word`` of a fraction (``四分之一``, ``2/3``).
FRACTION = "分之"
#: A half as a number, before a duration (半年, 半个月); after one it adds 0.5 (三年半).
HALF = "半"
#: Written after a whole number in words: ``六十二点几`` is sixty-two point something.
POINT_SOMETHING = "点几"


#: Joins the members of a list that share one unit: ``8.2、5.0个百分点``.
LIST_JOIN_RE = re.compile(r"[、和及与]")

MAX_SHARED_LIST = 8

#: Joins two numbers into a range: ``3至5年``, ``20%-30%``, ``10万到20万元``.
RANGE_JOIN_RE = re.compile(r"[至到~～〜\-–—－]")

#: What can stand right after a number that is (part of) a figure: a unit, a range or a
#: list joiner. Anything else leaves a bare number, so the scan skips it cheaply.
_MAY_FOLLOW = frozenset({u[0] for u in UNIT_FAMILY} | set("至到~～〜-–—－、和及与成"))

UNIT_STARTS_OR_TENTHS = UNIT_STARTS | {"成"}

#: Tenths (``近八成``, ``7成以上``) are read as percent, as 百分之三十 is: 八成 is 80%.
#: Not when 成 starts a word (一成不变, 3成员, 七成熟).
TENTHS_RE = re.compile(r"成(?![立为功本果交员效熟长绩品型就都年人不批套片群倍])")
#: The digit after 成 that adds a percent: 七成三 is 73%, 7 成 3 as well.
#: Words that start with 半 after 成 and add no half a tenth: 成半数, 成半导体 (never 一成半).
HALF_WORDS = ("半数", "半导体", "半導體", "半径", "半徑", "半岛", "半島")
TENTH_DIGIT = re.compile(r" ?([一二三四五六七八九1-9])(?![0-9十百千万亿.点%成个])")

OPEN_QUOTES = "“\"「『‘'《〈"

CLOSE_QUOTES = "”\"」』’'》〉"

_MYRIADS_RE = re.compile(r"[万亿]")

_BIG_UNIT_RE = re.compile("[" + "".join(CN_BIG_UNITS) + "]")

#: A list of ordinals up to the number after it (第一、二、 before 三名).
_ORDINAL_DIGITS = "0-9０-９一二三四五六七八九十"
ORDINAL_LIST_BEFORE = re.compile(
    rf"第[{_ORDINAL_DIGITS}]+(?:[、，,和及与至到][{_ORDINAL_DIGITS}]+)*[、，,和及与至到]$"
)

#: Dots that make ``5·10`` or ``1.2.3`` a code name or version, not a number.
CODE_DOTS = ".．·・•"

#: A 年 that names an era or a grade, not a number of years: 90年代, 3年级.
YEAR_WORD_AFTER = set("代级")

# Words that place a two-digit 年 in time (始于17年), and what makes it a span again (在17年里).
SHORT_YEAR_BEFORE = set("于在从自到至")
SPAN_AFTER_YEARS = set("里内间来中多前后以左之")

# ``四次会议`` after ``十二届全国人大``: a meeting's ordinal name.
MEETING_AFTER = re.compile(r"(?:会议|全会|全体会议|大会|代表大会)")
SESSION_BEFORE = re.compile(r"[届屆][^，。；、,;\s]{0,10}$")  # 十二届全国人大四次会议 (召开四次会议 counts)
#: A year followed by its month is a date (民國八十五年五月二十日).
MONTH_AFTER_YEAR = re.compile(r"(?:[0-9一二三四五六七八九十]{1,2})月")
#: How far title marks (《…》) reach around a number they make part of a name.
TITLE_REACH = 40
#: Units that name a policy when a quote opens on its number (“31条措施”, “10项举措”); a
#: quoted “8%的增长目标” keeps its figure.
POLICY_UNITS = frozenset({"条", "项", "款", "招"})
#: How far back (and ahead) an open quotation mark makes a short quoted phrase.
QUOTED_PHRASE = 12

#: Qualifiers that may stand before a bare multiplier: 上万家 (tens of thousands), 逾万人,
#: 过千处, 近千人, 几千架, 数十万人 (several hundred thousand).
BARE_AFTER = set("几数上逾过近超")

#: 一 with a generic measure word (一起, 一个, 一次) is an article or a manner of speaking, not
#: a count; these units keep it (一倍, 一个百分点).
SMALL_CN_UNITS = {"倍", "个百分点", "百分点", "%", "‰"}
#: After a Chinese numeral these name a rank or a grade (三级响应), not a quantity.
RANK_UNITS = frozenset({"级"})
#: Demonstratives before a Chinese numeral (这两个问题, 这十年): things already named.
DEMONSTRATIVES = set("这那哪此该")
#: 100% before a verb of certainty is "absolutely", not a share (100%确定, 百分之百相信).
IDIOMATIC_HUNDRED_PERCENT = re.compile(r"(?:地)?(?:确定|肯定|相信|同意|支持|保证|放心|满意|赞成|是)")

#: Years as written (``2021年``): four digits from 1000 to 2199 and no qualifier.
YEAR_MIN, YEAR_MAX = 1000, 2199


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
    english: bool = False  # read by the English rules (7.1 percent), not the Chinese ones


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
    percent_word: str | None  # 百分之 / 千分之 / 分之 (a fraction)
    raw: str
    approx_to: float | None = None  # 七八个: the high end of two neighbouring numbers


def _numeral_value(values: dict[str, float | None], numeral: str) -> float | None:
    """``parse_number`` remembered for one scan: a transcript repeats its numerals (the
    figures quoted again in answers, 2021年), and the scan reads each once."""
    try:
        return values[numeral]
    except KeyError:
        value = values[numeral] = parse_number(numeral)
        return value


def _read_number(text: str, m: re.Match[str], values: dict[str, float | None]) -> _Number | None:
    if m.group("fden") or m.group("snum"):
        return _read_fraction(m, values)
    pct, pnum, num, mid, mult, post = m.group("pct", "pnum", "num", "mid", "mult", "post")
    numeral = pnum if pct else num
    mult = (mult or "").replace(" ", "")
    if pct and mult:
        return None
    if len(numeral) > MAX_NUMERAL_CHARS:
        return None
    chinese = numeral[0] not in "0123456789０１２３４５６７８９"
    approx_to = None
    pair = NEIGHBOURING_DIGITS.match(numeral) if chinese else None
    if pair:  # 七八个, 两三天, 三四万: seven or eight, thirty or forty thousand
        low, high = CN_DIGITS[numeral[0]], CN_DIGITS[numeral[1]]
        if high != low + 1 or low == 0:
            return None  # 二〇, 一二 read digit by digit, not a quantity
        scale = _numeral_value(values, "一" + pair.group(1)) if pair.group(1) else 1.0
        if scale is None:
            return None
        approx_to, numeral = high * scale, numeral[0] + pair.group(1)
    elif chinese and len(numeral) > 1 and not numeral.strip(_CN_DIGIT):
        return None  # 二〇二一, 三四五: read digit by digit
    at = m.start("num")
    bare = chinese and numeral[0] in "百千万亿" and at > 0 and text[at - 1] in BARE_AFTER
    if bare and text[at - 1] == "上" and at > 1 and text[at - 2] in "千百":
        return None  # 成千上万, 成百上千: "countless", no count
    if chinese and numeral[0] in CN_BIG_UNITS and not (len(numeral) == 1 and mid) and not bare:
        return None  # 千万 (by all means), 万一; but 千余人, 万余名, 上万家 are counts
    value = 0.5 if numeral == HALF else _numeral_value(values, numeral + mult)
    if approx_to is not None and value is not None and mult:
        approx_to *= value / (_numeral_value(values, numeral) or 1.0)
    # The numeral before its multipliers (10 in 10至20万元); a compound is its own whole.
    compound = not chinese and _BIG_UNIT_RE.search(numeral) is not None
    coefficient = value if compound or numeral == HALF else _numeral_value(values, numeral) if mult else value
    if coefficient is None or value is None:
        return None
    qualifier = mid or post
    qualifier_pos = m.start("mid") if mid else m.start("post") if post else None
    end = m.end()
    if chinese and not mult and not mid and text.startswith(POINT_SOMETHING, end):
        qualifier, qualifier_pos, end = POINT_SOMETHING, end, end + len(POINT_SOMETHING)  # 六十二点几
    return _Number(
        start=m.start(), end=end, value=value, coefficient=coefficient, has_mult=bool(mult) or bare,
        qualifier=qualifier, qualifier_pos=qualifier_pos, chinese=chinese, percent_word=pct,
        raw=text[m.start():end], approx_to=approx_to,
    )


def _read_fraction(m: re.Match[str], values: dict[str, float | None]) -> _Number | None:
    """``四分之一`` (a quarter), ``2/3``, ``2／5``: the value is the fraction (0.25)."""
    den_text = m.group("fden") or m.group("sden")
    num_text = m.group("fnum") or m.group("snum")
    den, num = _numeral_value(values, den_text), _numeral_value(values, num_text)
    if not den or num is None or (m.group("snum") and num >= den):
        return None  # 3/2 is rather a date or a score than a fraction
    chinese = bool(m.group("fden")) and den_text[0] not in "0123456789０１２３４５６７８９"
    return _Number(start=m.start(), end=m.end(), value=num / den, coefficient=num / den, has_mult=True,
                   qualifier=None, qualifier_pos=None, chinese=chinese, percent_word=FRACTION,
                   raw=m.group())


def _is_code_or_name(text: str, start: int, end: int) -> bool:
    """Dotted codes (5·10, 1.2.3), names with Latin letters (5G, G20), ordinals (第3)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before in CODE_DOTS and start > 1 and fold_width(text[start - 2]).isdigit():
        return True
    if after in CODE_DOTS and end + 1 < len(text) and fold_width(text[end + 1]).isdigit():
        return True
    if ASCII_LETTER_RE.fullmatch(before or " "):
        return True
    if before in "-_" and start > 1 and ASCII_LETTER_RE.fullmatch(text[start - 2]):
        return True
    if before == "第":
        return True
    # 第一、二、三名, 第1、2季度: the rest of a list of ordinals.
    listed = before in "、，,和及与至到"
    return listed and ORDINAL_LIST_BEFORE.search(text, max(0, start - 16), start) is not None


def _is_year(num: _Number, unit: str, text: str, unit_end: int) -> bool:
    if unit != "年" or num.chinese or num.qualifier or num.has_mult:
        return False
    digits = fold_width(num.raw)
    return len(digits) == 4 and digits.isdigit() and YEAR_MIN <= int(digits) <= YEAR_MAX


def _is_short_year(num: _Number, unit: str, text: str, end: int) -> bool:
    """``始于17年``, ``在19年``: a year written with two digits after a word that places in
    time; ``在17年里``, ``从5年前`` are spans of time, and keep being figures."""
    if unit != "年" or num.chinese or num.qualifier or num.has_mult or len(num.raw) != 2:
        return False
    if not num.raw.isdigit() or num.start == 0 or text[num.start - 1] not in SHORT_YEAR_BEFORE:
        return False
    return not (end < len(text) and text[end] in SPAN_AFTER_YEARS)


def _in_quoted_phrase(text: str, start: int) -> bool:
    """The name a short quoted phrase gives (“两个不减、两个加强”, “三年行动计划”): the number
    opens the quote, or an item of a list in it, and the quote closes soon after. A number
    inside quoted speech (“我们用了三年”) is a figure."""
    before = text[max(0, start - QUOTED_PHRASE) : start]
    opened = max(before.rfind(q) for q in "“「『")
    if opened < 0 or any(ch in before[opened:] for ch in "”」』。，；！？\n"):
        return False
    if opened != len(before) - 1 and before[-1] != "、":
        return False
    after = text[start : start + QUOTED_PHRASE]
    return any(q in after for q in "”」』")


def _quoted(text: str, start: int, end: int) -> bool:
    """A number that is the whole content of quotation marks is a name (“5.10”, “10.18”)."""
    return start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES


def _in_title(text: str, start: int) -> bool:
    """A number inside the title marks of a work, a law, a show or a document (《锵锵三人行》,
    《关于进一步优化营商环境的20条措施》) is part of its name, however it is written: the marks
    open before it and close after it within one title's length, with no sentence ending."""
    before = text[max(0, start - TITLE_REACH) : start]
    opened = max(before.rfind("《"), before.rfind("〈"))
    if opened < 0 or any(ch in before[opened:] for ch in "》〉。！？\n"):
        return False
    for ch in text[start : start + TITLE_REACH]:
        if ch in "》〉":
            return True
        if ch in "《〈。！？\n":
            return False
    return False


#: Characters of measurement units (公里, 千瓦, 吨, 斤): ``二斤`` is two of them, said aloud.
_MEASUREMENT_CHARS = frozenset("米公千兆吨斤顷瓦")


def _classifier(unit: str) -> bool:
    """A measure word that counts things or cases (次, 个, 类, 起), not a unit of measurement.
    Before one, Mandarin says two as 两 (两次, 两个); a lone 二 there starts a word (二次污染,
    二类疫苗, 二次创业) rather than counting. People are the exception: written Chinese counts
    the two of them as 二人 and 二位 (令二人投票), so those stay figures."""
    family = UNIT_FAMILY.get(unit)
    return family == "cases" or (family == "count" and not any(ch in _MEASUREMENT_CHARS for ch in unit))


def _chinese_myriads(num: _Number) -> bool:
    """``四万多民众``, ``三十九万四千``: a Chinese numeral holding 万 or 亿 is a quantity with a
    multiplier, as ``600万`` is, whatever noun follows; a bare ``十万`` or ``一万`` is an
    idiom's or a hyperbole's (十万火急, 说一万遍) more often than a count."""
    if not num.chinese or num.percent_word or not _MYRIADS_RE.search(num.raw):
        return False
    return bool(num.qualifier) or num.raw[0] not in "十一"


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
        unit = unit_at(text, nxt.end)
        if unit:
            return None if _is_year(nxt, unit, text, nxt.end) else (unit, factor, nxt.end)
        if nxt.has_mult:
            return "", factor, nxt.end
        pos = nxt.end
    return None


def find_figures(text: str) -> list[FoundFigure]:
    """Every figure in ``text``, in order, with offsets, values, units and qualifiers."""
    return find_in_folded(text, fold_for_scanning(text))


def find_in_folded(original: str, text: str) -> list[FoundFigure]:
    """The scan itself: rules read the folded ``text``, figures quote ``original``; figures
    written in English (``7.1 percent``) join those the Chinese rules found where they
    overlap none of them."""
    found = _Scan(original, text).run()
    for i, figure in enumerate(found):
        if figure.qualifier is None and figure.start > 1 and text[figure.start - 1] == " ":
            word = english_qualifier_before(text, figure.start)  # about $3 billion, nearly 30%
            if word is not None:
                start = figure.start - len(word) - 1
                found[i] = dataclasses.replace(figure, start=start, text=original[start:figure.end],
                                               qualifier=original[start:start + len(word)])
    english = [FoundFigure(start, end, original[start:end], value, unit, qualifier, family, value_to, begin,
                           english=True)
               for start, end, value, value_to, unit, qualifier, family, begin in english_figures(text)]
    if not english:
        return found
    taken = [(f.start, f.end) for f in found]
    starts = [start for start, _ in taken]
    for figure in english:
        at = bisect.bisect_right(starts, figure.start)
        before = taken[at - 1] if at else None
        after = taken[at] if at < len(taken) else None
        if (before is None or before[1] <= figure.start) and (after is None or figure.end <= after[0]):
            found.append(figure)
    found.sort(key=lambda f: f.start)
    return found


@dataclass(slots=True)
class _Candidate:
    """A number with what the scan has found around it so far."""

    num: _Number
    unit: str
    unit_pos: int | None  # where the unit is written; None for 百分之 and 成 (read as %)
    end: int
    value: float
    value_to: float | None = None
    half: bool = False  # 三年半: the duration goes on by a half after its unit


class _Scan:
    """One pass over a folded text; each step narrows a candidate number or drops it.

    ``skip_until``: a number that turned out to be part of something else (a code, a date
    whose parts look like a range) is not scanned again from its own digits.
    """

    def __init__(self, original: str, text: str) -> None:
        self.original = original
        self.text = text
        self.values: dict[str, float | None] = {}  # parse_number per numeral, for this scan
        self.skip_until = 0

    def run(self) -> list[FoundFigure]:
        found: list[FoundFigure] = []
        n = len(self.text)
        for count, m in enumerate(NUMBER_RE.finditer(self.text)):
            if not count % 2048:
                checkpoint(0.6 * m.start() / max(1, n))  # the scan is most of the figures stage
            if m.start() < self.skip_until or self._cannot_be_a_figure(m):
                continue
            figure = self._figure(m)
            if figure is not None:
                found.append(figure)
                self.skip_until = figure.end
        return found

    def _cannot_be_a_figure(self, m: re.Match[str]) -> bool:
        """A bare number with nothing after it that could make it a figure: skip the parse."""
        text = self.text
        match_start, after_pos = m.span()
        after = text[after_pos : after_pos + 1]
        return (
            after not in _MAY_FOLLOW
            and not (after == " " and text[after_pos + 1 : after_pos + 2] in UNIT_STARTS_OR_TENTHS)
            # One character (一, 3) has no multiplier, percent word or 万/亿 to look for.
            and (after_pos - match_start == 1 or not (
                m.group("mult") or m.group("pct") or _MYRIADS_RE.search(m.group())
            ))
            and not (m.group("fden") or m.group("snum") or text.startswith(POINT_SOMETHING, after_pos))
            and currency_before(text, match_start) is None  # $5,000: the sign makes it money
        )

    def _figure(self, m: re.Match[str]) -> FoundFigure | None:
        text = self.text
        num = _read_number(text, m, self.values)
        if num is None or _is_code_or_name(text, num.start, num.end):
            self.skip_until = m.end()
            return None
        if _quoted(text, num.start, num.end):
            return None
        c = self._measured(num)
        if c is None or _in_title(text, num.start) or not self._ranged(c):
            return None
        self._shared(c)
        if not self._is_quantity(c):
            return None
        return self._found(c)

    def _measured(self, num: _Number) -> _Candidate | None:
        """The number with its measure word (or 百分之, or 成 read as tenths); None for a year,
        an era (90年代) or a quoted name."""
        text = self.text
        if num.percent_word == FRACTION:
            return _Candidate(num, "", None, num.end, num.value)  # 四分之一, 2/3: a share, no unit
        unit = "%" if num.percent_word == "百分之" else "‰" if num.percent_word else unit_at(text, num.end)
        unit_pos: int | None = None if num.percent_word else num.end
        if text.startswith(NUMERAL_PLACE_NAMES, num.start):
            return None  # 三门峡, 七台河: a place, not three gates
        if unit == "蚊" and text[num.end + 1 : num.end + 2] in MOSQUITO_WORDS:
            unit = ""  # 数万蚊虫: mosquitoes, not Cantonese dollars
        if num.raw == "二" and num.qualifier is None and _classifier(unit):
            return None  # 二次转载, 二类: counting two takes 两 (两次, 两个)
        gap = 1 if not unit and text[num.end : num.end + 1] == " " else 0  # 7 成 3
        tenths = (not unit and not num.percent_word and not num.has_mult
                  and TENTHS_RE.match(text, num.end + gap))
        if tenths and num.value <= 10:
            more = num.end + gap + 1
            num = self._tenths(num, gap)  # 七成, and 七成三, 7成3: seventy-three percent
            unit, unit_pos = "%", None
            if num.end == more and num.qualifier is None and text[more : more + 1] in ("多", "余"):  # 三成多
                num = num._replace(qualifier=text[more], qualifier_pos=more, end=more + 1)
        if not unit and not num.chinese and not num.percent_word and text[num.end : num.end + 1] == " ":
            spaced = unit_at(text, num.end + 1)
            if spaced and spaced[0] in UNIT_STARTS:
                unit, unit_pos = spaced, num.end + 1
        sign = None if num.percent_word else currency_before(text, num.start)
        if sign is not None:  # HK$100億, $5,000, €30億: the sign is part of the figure as written
            num = num._replace(start=num.start - len(sign))
            scale = ENGLISH_SCALE.match(text, num.end)
            if scale is not None:  # US$1.5 billion, as an English rendering writes it
                num = num._replace(value=num.value * ENGLISH_SCALES[scale.group(1).lower()], end=scale.end(),
                                   has_mult=True)
            if UNIT_FAMILY.get(unit) != "money":  # ¥1999起: from ¥1999, money all the same
                unit, unit_pos = CURRENCY_SIGNS[sign], None
        end = num.end if num.percent_word else unit_pos + len(unit) if unit_pos is not None else num.end
        dated = unit == "年" and end < len(text) and (
            text[end] in YEAR_WORD_AFTER or MONTH_AFTER_YEAR.match(text, end) is not None)
        if dated:
            return None  # 90年代, 3年级, 八十五年五月二十日 (a date)
        named_measures = unit in POLICY_UNITS and text[num.start - 1:num.start] in "“「『"
        if (num.chinese or named_measures) and _in_quoted_phrase(text, num.start):
            return None  # “两个维护”, “四个全面”, “31条措施”: a slogan's or a policy's name, not a count
        if _is_year(num, unit, text, end) or _is_short_year(num, unit, text, end):
            return None
        session = SESSION_BEFORE.search(text, max(0, num.start - 12), num.start)
        if unit == "次" and session and MEETING_AFTER.match(text, end):
            return None  # 十二届全国人大四次会议, 三次全会: which meeting, not how many
        half = (UNIT_FAMILY.get(unit) == "duration" and text.startswith(HALF, end) and num.approx_to is None
                and not num.has_mult)
        return _Candidate(num, unit, unit_pos, end, num.value, num.approx_to, half)

    def _ranged(self, c: _Candidate) -> bool:
        """Extend ``c`` to a range (3至5年, 20%-30%, 10万到20万元, 10至20万元, 百分之二十至三十);
        False when what follows makes it a date or a phone number instead."""
        text, num = self.text, c.num
        if num.percent_word == FRACTION or c.value_to is not None:
            return True
        if self._approximate_pair(c):
            return True
        join = RANGE_JOIN_RE.match(text, c.end)
        second_m = NUMBER_RE.match(text, join.end()) if join else None
        second = _read_number(text, second_m, self.values) if second_m else None
        if second is None or second.percent_word == FRACTION or (
                second.percent_word and not num.percent_word):
            return True
        tenths = False
        if second.percent_word:
            unit2 = "%" if second.percent_word == "百分之" else "‰"
            end2 = second.end
        else:
            unit2 = unit_at(text, second.end)
            end2 = second.end + len(unit2)
            tenths = self._range_in_tenths(c, second)
            if tenths:  # 七到八成, 七成到八成, 3至5成: a range of tenths, read as percent
                second = self._tenths(second)
                unit2, end2 = "%", second.end
                if not c.unit:
                    c.value = num.value * 10
        if unit2 == "年" and _is_year(second, unit2, text, end2):
            self.skip_until = end2
            return False
        # A third part (2022-04-14, 010-1234-5678) makes a date or a phone number.
        third = RANGE_JOIN_RE.match(text, end2)
        if third and third.end() < len(text) and fold_width(text[third.end()]).isdigit():
            self.skip_until = end2
            return False
        percent_only_first = c.unit in ("%", "‰") and not unit2
        if (unit2 == c.unit or (not c.unit and unit2) or percent_only_first) and (
            c.unit or unit2 or second.has_mult or num.has_mult
        ):
            if not num.has_mult and second.has_mult and num.coefficient < second.coefficient:
                c.value = num.coefficient * (second.value / second.coefficient)
            c.value_to = second.value
            if not c.unit:
                c.unit, c.unit_pos = unit2, None if second.percent_word or tenths else second.end
            c.end = second.end if percent_only_first else end2
            c.num = num._replace(
                has_mult=num.has_mult or second.has_mult,
                qualifier=num.qualifier or second.qualifier,
                qualifier_pos=num.qualifier_pos if num.qualifier else second.qualifier_pos,
                chinese=num.chinese and second.chinese,
            )
        return True

    def _range_in_tenths(self, c: _Candidate, second: _Number) -> bool:
        """Whether ``second`` is tenths (八成) ending a range whose first part is tenths too
        (七成) or a bare numeral of ten or less (七到八成: the 成 of both)."""
        num = c.num
        if second.has_mult or second.value > 10 or TENTHS_RE.match(self.text, second.end) is None:
            return False
        if c.unit:
            return c.unit == "%" and c.unit_pos is None and not num.percent_word  # 七成, not 7%
        return not num.percent_word and not num.has_mult and num.value <= 10

    def _tenths(self, num: _Number, gap: int = 0) -> _Number:
        """``num`` followed by 成 (八 of 八成, 7 of 7成3, ``gap`` spaces between: 7 成 3) read
        as percent, ending after 成 or after the digit that adds to it."""
        end = num.end + gap + 1
        value = num.value * 10
        digit = TENTH_DIGIT.match(self.text, end)
        if digit:
            value += _numeral_value(self.values, digit.group(1)) or 0.0
            end = digit.end()
        elif self.text.startswith("半", end) and not self.text.startswith(HALF_WORDS, end):
            value, end = value + 5, end + 1  # 一成半: a tenth and a half, 15 %
        return num._replace(value=value, end=end)

    def _approximate_pair(self, c: _Candidate) -> bool:
        """``八、九万``, ``两、三年``, ``3、4个月``: two neighbouring numbers are one figure, about
        the first or the second (issue 17), not two figures."""
        text, num = self.text, c.num
        if c.unit or num.has_mult or text[c.end : c.end + 1] != "、" or not 1 <= num.value <= 8:
            return False
        second_m = NUMBER_RE.match(text, c.end + 1)
        second = _read_number(text, second_m, self.values) if second_m else None
        if second is None or second.percent_word or second.chinese != num.chinese:
            return False
        lead = CN_DIGITS.get(second.raw[0]) if second.chinese else second.coefficient
        if lead != num.value + 1 or not float(num.value).is_integer():
            return False
        unit = "%" if second.end < len(text) and text[second.end] in "%％" else unit_at(text, second.end)
        multiplied = second.has_mult or second.value != lead  # 九万: the 万 is in a Chinese numeral
        if not unit and not multiplied:
            return False
        factor = second.value / lead if lead else 1.0
        c.value, c.value_to = num.value * factor, second.value
        c.unit, c.unit_pos = unit, second.end if unit else None
        c.end = second.end + len(unit)
        c.num = num._replace(has_mult=num.has_mult or multiplied)
        return True

    def _shared(self, c: _Candidate) -> None:
        """A bare number in a list takes the unit of the list's last member (``8.2、5.0个百分点``)."""
        num = c.num
        if c.unit or num.has_mult or c.value_to is not None or num.chinese:
            return
        shared = _shared_unit(self.text, num.end, self.values)
        if shared is not None and not (shared[0] == "年" and _is_year(num, "年", self.text, c.end)):
            c.unit, factor, c.unit_pos = shared
            if factor != 1.0:
                c.value = num.value * factor
                c.num = num._replace(has_mult=True)

    def _is_quantity(self, c: _Candidate) -> bool:
        num, text = c.num, self.text
        if not c.unit and not num.has_mult and not _chinese_myriads(num):
            return False  # a bare number: a code, a hotline, a date part, an enumeration
        if c.unit in ("%", "‰") and c.value == 100 and IDIOMATIC_HUNDRED_PERCENT.match(text, c.end):
            return False  # 100%确定: "absolutely sure", not a share
        if not num.chinese or c.value_to is not None:
            return True
        if c.unit in RANK_UNITS:
            return False  # 三级响应, 一级巡视员: a rank's name, not a count (7.8级 is a magnitude)
        small = (num.value < 2 and not num.qualifier and num.percent_word != FRACTION and num.raw[0] != HALF
                 and not c.half and not c.unit.startswith(("个半", "个多")))
        if small and c.unit not in SMALL_CN_UNITS:
            return False  # 一起, 一个, 一次: "a", "together", not a count
        # 这两个问题, 这十年: a demonstrative points at things already named, it counts none.
        return not (num.start > 0 and text[num.start - 1] in DEMONSTRATIVES)

    def _found(self, c: _Candidate) -> FoundFigure:
        """The figure as written: qualifiers before and after the number, a sign, the unit."""
        text, original, num = self.text, self.original, c.num
        unit, end, value = c.unit, c.end, c.value
        written_unit = original[c.unit_pos : c.unit_pos + len(unit)] if c.unit_pos is not None else unit
        qualifier = None
        if num.qualifier_pos is not None:
            size = len(POINT_SOMETHING) if text.startswith(POINT_SOMETHING, num.qualifier_pos) else 1
            qualifier = original[num.qualifier_pos : num.qualifier_pos + size]
        if unit.startswith(("个多", "个半")):  # 1个多月: unit 个月, "more than"; 两个半小时: 2.5
            half = unit[1] == "半"
            unit, written_unit = "个" + unit[2:], written_unit[0] + written_unit[2:]
            value = value + 0.5 if half else value
            qualifier = qualifier if half else qualifier or "多"
        family = UNIT_FAMILY.get(unit.split("/", 1)[0], "count")
        if c.half:
            value, end = value + 0.5, end + 1  # 三年半, 一年半: and a half
        post = POST_QUALIFIER_RE.match(text, end)
        if post:
            qualifier = original[post.start() : post.end()]
            end = post.end()
        elif family in ("duration", "multiple") and qualifier is None and DURATION_MORE_RE.match(text, end):
            qualifier = original[end]  # 3年多来, 两小时余, 增长了3倍多
            end += 1
        start = num.start
        bare_or_words = num.chinese and (num.has_mult or num.raw[0] in "十百千万亿")
        pre = pre_qualifier(text, num.start, family, end, words=bare_or_words)
        if pre:
            start = num.start - len(pre)
            qualifier = original[start : num.start].strip() if qualifier is None else qualifier
        elif qualifier is None:
            qualifier = qualifier_across(text, original, num.start)  # 大概有八、九万, 大概每年1.8万件
        # 负7度 as well as -3.2%; a hyphen before other units is rather a range or a dash.
        signed = unit in ("%", "‰") or (num.start > 0 and text[num.start - 1] == "负")
        if signed and minus_before(text, num.start) and c.value_to is None:
            value = -value
            if not pre:
                start = num.start - 1
        return FoundFigure(
            start=start, end=end, text=original[start:end], value=value,
            unit=UNIT_NAME.get(written_unit, written_unit), qualifier=qualifier, family=family,
            value_to=c.value_to, number_start=num.start,
        )
