"""The words that qualify a figure, before and after its number, and its sign.

``近4万人`` (near), ``超过50种`` (more than), ``30%以上`` (and above), ``3000元左右``
(about), ``3年多`` (more than three years), ``-2.1%`` and ``负2.1%`` (negative). A
qualifier is part of the figure as written, so a quote keeps it; words that only end in a
qualifier's character (``最近3年``, ``节约3亿元``) qualify nothing.
"""

from __future__ import annotations

import re

from reader.text.fold import fold_width

#: Qualifiers after the measure word: ``30%以上``, ``百万元以下``, ``3000元左右``, ``20天及以上``.
POST_QUALIFIER_RE = re.compile(r"[及或]?以上|[及或]?以下|左右|以内")

#: 多/余 after a period ("3年多来"), unless it starts a word (3年多次, 5天多种).
DURATION_MORE_RE = re.compile(r"[多余](?![次种样元边方项家位名人个数少])")

#: Qualifiers just before the number, longest first (``不超过`` before ``超过`` before ``超``).
#: ``超过了`` keeps its particle as written; ``突破`` ("breaks through") is more than;
#: ``差不多`` and Cantonese ``差唔多`` are about.
PRE_QUALIFIERS: tuple[str, ...] = (
    "不超过", "不少于", "不低于", "超过了", "突破了", "差不多", "差唔多", "不到", "不足", "将近",
    "接近", "大约", "大概", "几乎", "至少", "超过", "突破", "少于", "少於", "多于", "多於", "高于",
    "低于", "近", "约", "超", "逾",
)
#: Before a Chinese numeral or a bare multiplier only (上万家, 过千处, 几千架, 数十万人).
_WORD_QUALIFIERS = frozenset("上过几数")
_WORD_QUALIFIER_LAST = _WORD_QUALIFIERS

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


def _recent_period(text: str, q_start: int, end: int) -> bool:
    """近3年来, 近5年，: 近 opens "the last N years" rather than saying "nearly"."""
    before = text[q_start - 1] if q_start > 0 else ""
    after = text[end] if end < len(text) else ""
    return after in RECENT_PERIOD_AFTER or not before or before in RECENT_PERIOD_BEFORE


def pre_qualifier(text: str, start: int, unit_family: str, end: int, words: bool = False) -> str | None:
    """The qualifier right before a number (or one space before it: ``约 4100亿元``).

    ``words``: the number is a Chinese numeral or a bare multiplier, which 上, 过, 几 and 数
    qualify too (上万家, 过千处, 几千架, 数十万人); before digits they are other words.
    """
    if start > 1 and text[start - 1] == " " and text[start - 2] in _PRE_QUALIFIER_LAST | _WORD_QUALIFIER_LAST:
        start -= 1
        found = pre_qualifier(text, start, unit_family, end, words)
        return None if found is None else found + " "
    if start == 0:
        return None
    if text[start - 1] in _PRE_QUALIFIER_LAST:
        head = text[max(0, start - 4) : start]
        for word in PRE_QUALIFIERS:
            if head.endswith(word):
                q_start = start - len(word)
                prev = text[q_start - 1] if q_start > 0 else ""
                if prev in _NOT_QUALIFIER_BEFORE.get(word, ()):
                    return None
                if word == "近" and unit_family == "duration" and _recent_period(text, q_start, end):
                    return None  # 近3年来 is "the last three years", 历时近3年 "nearly three years"
                if word.startswith("突破") and unit_family not in ("money", "percent") and not any(
                        ch in "万亿萬億" for ch in text[start:end]):
                    return None  # 突破了5项关键技术: broke through five, not "more than five"
                return word
    # The words first, so that 超过十万 keeps 超过; a lone 过 qualifies too (过千处).
    if words and text[start - 1] in _WORD_QUALIFIERS:
        if text[start - 1] == "上" and start > 1 and text[start - 2] in "千百":
            return None  # 成千上万, 成百上千: an idiom's "countless"
        return text[start - 1]
    return None


def minus_before(text: str, start: int) -> bool:
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


# An adverb of approximation that qualifies a number a short word away (``大概有八、九万人``,
# ``大概每年1.8万件``, ``大约是3000元``): named, but the figure as written starts at its number.
QUALIFIER_ACROSS = re.compile(
    r"(?<![节制合签预公违履条契婚隐特规邀節製簽預違條規纽紐租续續解赴相缔締和要])"
    r"(大概|大约|大約|差不多|将近|將近|约|約|几乎|幾乎|至少)"
    r"(?:有|是|为|為|在|达到|達到|达|達|每年|每天|每月|每周|每週|一年|一天)$"
)


def qualifier_across(text: str, original: str, start: int) -> str | None:
    """The approximation a short word before the number says (as written), or None."""
    match = QUALIFIER_ACROSS.search(text, max(0, start - 6), start)
    return original[match.start(1) : match.end(1)] if match else None
