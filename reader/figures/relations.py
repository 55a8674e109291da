"""How the figures of a text relate: which changes which, and which are one figure cited again.

``抓获…63.4万名，同比分别上升28.5%和76.6%``: the change figures after one verb belong, in
order, to the figures before it. Two citations with the same value and unit whose
sentences share words near the number are one figure cited twice.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import defaultdict
from collections.abc import Sequence

from reader.figures.scan import FoundFigure
from reader.model import Direction
from reader.progress import checkpoint
from reader.record_tables import OFFSETS

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

#: What may stand between a figure and the verb that changes it (``63.4万名，同比分别上升``):
#: punctuation, comparisons and small words. Anything else names what changes
#: (``装机3亿千瓦，其中用电量占比上升2%``: the share, not the capacity).
CHANGE_GAP_FILLER_RE = re.compile(
    r"[\s，,、；;：:（）()]|同比|环比|[比较](?:上年同期|去年同期|上年全年|上年末|上年|去年|上月|上季度|年初"
    rf"|\d{{4}}年(?:同期)?)|分别|也|均|都|还|则|亦|了|又|共|累计|总体|整体|一共|{_UP}|{_DOWN}"
)
MAX_CHANGE_GAP_WORDS = 1

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


class Sentences:
    """Sentence bounds of a text, found once, looked up by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        # An array: a list held an int object per sentence end, a quarter of the figure
        # stage's peak in a file of short turns; bisect reads an array as well.
        self.ends = array(OFFSETS)
        for count, match in enumerate(SENTENCE_END_RE.finditer(text)):
            if not count % 8192:
                checkpoint(0.6)  # a 20 MB text has a million sentence ends
            self.ends.append(match.end())

    def bounds(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, offset)
        start = self.ends[i - 1] if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        return start, end

    def sentence(self, start: int, end: int) -> str:
        a, b = self.sentence_span(start, end)
        return self.text[a:b]

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the sentence around ``[start, end)`` stands, its outer whitespace left out."""
        a, b = self.bounds(start)
        b = max(b, end)
        if b - a > MAX_SENTENCE_CHARS:
            a, b = max(a, start - SENTENCE_WINDOW), min(b, end + SENTENCE_WINDOW)
        text = self.text
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return a, b


def _change_verb(
    text: str, fig: FoundFigure, sentence_start: int, previous: FoundFigure | None = None
) -> tuple[re.Match[str], int] | None:
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
    return m, lo + m.start()


def _changes_it(text: str, found: Sequence[FoundFigure], target: int, verb_start: int) -> bool:
    """Is the change verb at ``verb_start`` about figure ``target``: nothing between them but
    punctuation, small words and other changes of it (``3402亿斤，比2019年增加44.8亿斤，增长1.3%``),
    no other subject."""
    pieces = []
    pos = found[target].end
    for k in range(target + 1, len(found)):
        fig = found[k]
        if fig.start >= verb_start:
            break
        pieces.append(text[pos:fig.start])
        pos = fig.end
    pieces.append(text[pos:verb_start])
    gap = CHANGE_GAP_FILLER_RE.sub("", "".join(pieces))
    return len(gap) <= MAX_CHANGE_GAP_WORDS


def _same_unit(a: FoundFigure | None, b: FoundFigure) -> bool:
    return a is not None and bool(b.unit) and _SAME_UNIT.get(a.unit, a.unit) == _SAME_UNIT.get(b.unit, b.unit)


def link_changes(
    text: str, found: Sequence[FoundFigure], sentences: Sentences | None = None
) -> list[tuple[int | None, Direction | None]]:
    """For each figure, the index of the figure it changes and the direction, if any.

    ``抓获…63.4万名，同比分别上升28.5%和76.6%``: the n change figures after one verb
    belong, in order, to the n figures before it in the same sentence. One change figure
    belongs to the nearest figure before it; with none before it (``降幅92%``) it keeps
    its direction and links to nothing. A change in percentage points changes the
    nearest rate before it, itself perhaps a change (``增长4.5%，增速加快1.6个百分点``).
    """
    sentences = sentences or Sentences(text)
    out: list[tuple[int | None, Direction | None]] = [(None, None)] * len(found)
    plain_in_sentence: list[int] = []
    last_percent: int | None = None
    current_sentence = -1
    group: list[int] = []
    group_direction: Direction | None = None
    group_verb = 0

    def close_group() -> None:
        if not group:
            return
        targets = plain_in_sentence[-len(group) :] if len(plain_in_sentence) >= len(group) else []
        if len(group) > 1 and len(targets) < len(group):
            targets = []
        if targets and not _changes_it(text, found, targets[-1], group_verb):
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
        changed = _change_verb(text, fig, s_start, previous)
        if changed is not None:
            close_group()
            verb, group_verb = changed
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
    text: str, found: Sequence[FoundFigure], sentences: Sentences | None = None
) -> list[str | None]:
    """A ``same_as`` id per figure: shared by citations of one figure, None if cited once.

    Two citations are one figure when value, range and unit agree and their sentences
    share words near the number (``紧急止付…3291亿元`` and ``紧急拦截…3291亿元``). The
    id names the first citation (``f18``), so it is stable for a given transcript.
    """
    sentences = sentences or Sentences(text)
    by_key: dict[tuple[float, float | None, str], list[int]] = defaultdict(list)
    for i, fig in enumerate(found):
        by_key[(fig.value, fig.value_to, _SAME_UNIT.get(fig.unit, fig.unit))].append(i)
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    done = 0  # citations looked at: one value may be cited tens of thousands of times
    for members in by_key.values():
        if len(members) < 2:
            done += 1
            continue
        seen: dict[str, int] = {}
        for i in members:
            done += 1
            if not done % 1024:
                checkpoint(0.8 + 0.1 * done / len(found))
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
