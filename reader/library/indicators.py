"""What a figure measures and for when: the words before it, and the period its sentence names.

A figure's history follows one indicator across briefings, and the indicator is what the
speaker said just before the number: ``社会消费品零售总额26350亿元`` measures
社会消费品零售总额; ``同比增长4.9%`` right after it measures that total's growth, so a
change figure is named after the figure it changes (``社会消费品零售总额 同比增长``). The
clause before the number is cut at the last punctuation, and the dates, connectives and
verbs around it are dropped (``一年来，全国共破获电信网络诈骗案件`` gives
``破获电信网络诈骗案件``).

The period is what the sentence says the figure is for (``2021年9月份``, ``1-3月份``, ``一季度``,
``上半年``, ``全年``), the year taken from the briefing's date when the sentence leaves it out.
Two values of one indicator for one period that differ are flagged.
"""

from __future__ import annotations

import re

from reader.model import Figure, Transcript

#: Where a clause starts: the indicator never reaches past these.
_CLAUSE_BREAK = re.compile(r"[。！？!?；;，,、：:\n（）()“”\"《》]")
_LEADING = re.compile(
    r"^(?:(?:\d{4}年)?(?:\d{1,2}(?:[-—至~～]\d{1,2})?月(?:份)?(?:\d{1,2}日)?)?"
    r"|\d{4}年(?:全年|上半年|下半年|前三季度|[一二三四1-4]季度)?|今年以来|去年以来|一年来|近年来|截至目前|目前)"
)
_CONNECTIVES = re.compile(
    r"^(?:其中|此外|同时|另外|全国|我国|累计|共|总计|已|均|也|还|并|今年|去年|当月|本月|全年)+")
_TRAILING = re.compile(r"(?:分别|达到|达|为|是|共|约|计|有|了|实现|完成|超过|突破|增至|降至|至|到)+$")
_DIGIT = re.compile(r"[0-9０-９]")
MAX_INDICATOR_CHARS = 20
LOOKBACK = 60

_PERIOD_MONTHS = re.compile(r"(?:(\d{4})年)?(\d{1,2})(?:[-—至~～](\d{1,2}))?月份?")
_PERIOD_QUARTER = re.compile(r"(?:(\d{4})年)?(?:第?([一二三四1-4])季度)")
_PERIOD_HALF = re.compile(r"(?:(\d{4})年)?(上半年|下半年|前三季度|全年)")
_PERIOD_YEAR = re.compile(r"(\d{4})年(?!\d{0,2}月)")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_HALVES = {"上半年": "H1", "下半年": "H2", "前三季度": "Q1-Q3", "全年": "FY"}


def _clause_before(text: str, start: int) -> str:
    """The words between the last clause break and ``start``."""
    window = text[max(0, start - LOOKBACK):start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    clause = clause.strip()
    for _ in range(2):
        clause = _LEADING.sub("", clause, count=1).strip()
        clause = _CONNECTIVES.sub("", clause, count=1).strip()
    digit = _DIGIT.search(clause)
    if digit:  # 同比分别上升28.5%和…: the words before the earlier figure of a list
        clause = clause[:digit.start()]
    clause = _TRAILING.sub("", clause.replace("分别", "")).strip()
    return clause[-MAX_INDICATOR_CHARS:]


def indicator(transcript: Transcript, figure: Figure) -> str:
    """The indicator ``figure`` measures; empty when nothing but a date stands before it."""
    own = _clause_before(transcript.text, figure.start)
    changed = figure.change_of
    if changed is not None and 0 <= changed < len(transcript.figures):
        base = _clause_before(transcript.text, transcript.figures[changed].start)
        if base and own:
            return f"{base} {own}"
        return base or own
    return own


def period(sentence_before: str, year: int | None) -> str | None:
    """The period the words before a figure name, as ``2021-09``, ``2021-01..03``, ``2021-Q1``,
    ``2021-H1``, ``2021-FY`` or ``2021``; None when they name none."""
    for regex in (_PERIOD_MONTHS, _PERIOD_QUARTER, _PERIOD_HALF):
        found = list(regex.finditer(sentence_before))
        if not found:
            continue
        m = found[-1]
        y = int(m.group(1)) if m.group(1) else year
        if not m.group(1) and y is not None and "去年" in sentence_before[:m.start()]:
            y -= 1
        if y is None:
            return None
        if regex is _PERIOD_MONTHS:
            first = int(m.group(2))
            if not 1 <= first <= 12:
                continue
            last = int(m.group(3)) if m.group(3) else None
            return f"{y}-{first:02d}" + (f"..{last:02d}" if last and last != first else "")
        if regex is _PERIOD_QUARTER:
            return f"{y}-Q{_QUARTERS[m.group(2)]}"
        return f"{y}-{_HALVES[m.group(2)]}"
    years = _PERIOD_YEAR.findall(sentence_before)
    return years[-1] if years else None


def sentence_before(transcript: Transcript, figure: Figure) -> str:
    """The figure's sentence up to the figure: where its period is named."""
    text = transcript.text
    start = max(0, figure.start - len(figure.sentence) - 1)
    head = text[start:figure.start]
    cut = max(head.rfind("。"), head.rfind("\n"), head.rfind("！"), head.rfind("？"))
    return head[cut + 1:]
