"""Plain numbers about one transcript, for the metrics panel and its charts.

Every chart in the panel is a view over a series computed here, so the numbers can be
tested without a display and the panel only draws them (house style: a chart is a view
over plain numbers). Nothing here knows about Qt.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from reader.model import Figure, SpeakerKind, Transcript

#: What the speaking share counts: Chinese characters, or words in a text mostly in
#: Latin script (an English briefing has no Chinese character to count).
SpeechMeasure = Literal["characters", "words"]

# CJK Unified Ideographs with extensions A–F, compatibility ideographs and 〇. Punctuation
# (，。、“”), Latin letters and digits are excluded on purpose: the speaking share counts
# what a speaker said in Chinese, not how many commas the transcriber typed.
_IDEOGRAPHS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
NOT_CHINESE_CHAR = re.compile(f"[^{_IDEOGRAPHS}]+")
# Characters counted per slice: removing the others one run at a time, not the whole text at once.
COUNT_SLICE = 1 << 16
# Latin letters and digits, half- or full-width: they take reading time too.
LATIN_OR_DIGIT = re.compile("[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
# A word in Latin script: letters and digits, with an apostrophe inside (China's, don't).
LATIN_WORD = re.compile("[0-9A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)*")

# A careful reader of Chinese prose reads roughly 300–500 characters a minute; briefings are
# dense with figures, so the estimate uses the lower middle of that range.
READING_CHARS_PER_MINUTE = 400

DENSITY_BINS = 40

# Families the extractor assigns (reader.model.Figure.family), in the order the panel offers
# them. Percentage points are their own family: never merged with percent.
FAMILIES: tuple[str, ...] = ("money", "people", "cases", "count", "percent", "points", "multiple", "duration")

# Chinese large-number scales, largest first, for showing a family on one common scale.
_SCALES: tuple[tuple[float, str], ...] = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"), (1.0, ""))


def count_chinese_chars(text: str) -> int:
    """Chinese characters only: the measure of how much someone said, independent of punctuation."""
    # Deleting everything else runs in C; findall would build one string per character. In
    # slices: over a whole 50 MB transcript, ``sub`` held one string per kept stretch at once
    # (about 9 bytes per character of text, 150 MB, the window's memory peak).
    if len(text) <= COUNT_SLICE:
        return len(NOT_CHINESE_CHAR.sub("", text))
    slices = (text[i : i + COUNT_SLICE] for i in range(0, len(text), COUNT_SLICE))
    return sum(len(NOT_CHINESE_CHAR.sub("", piece)) for piece in slices)


def count_words(text: str) -> int:
    """Words in Latin script: how much someone said in English (or pinyin, or figures)."""
    return sum(1 for _ in LATIN_WORD.finditer(text))


def speech_measure(chinese_chars: int, words: int) -> SpeechMeasure:
    """Words when a text holds more of them than Chinese characters, else characters."""
    return "words" if words > chinese_chars else "characters"


def reading_minutes(chinese_chars: int, other_chars: int = 0) -> int:
    """Whole minutes to read, at least 1 for any non-empty text, so the summary never says 0."""
    # A Latin word or number of ~5 characters reads about as fast as two Chinese characters.
    units = chinese_chars + other_chars * 0.4
    if units <= 0:
        return 0
    return max(1, math.ceil(units / READING_CHARS_PER_MINUTE))


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts the panel's summary line shows."""

    speakers: int
    turns: int
    questions: int
    characters: int  # Chinese characters in the whole text
    reading_minutes: int
    figures: int
    distinct_figures: int  # repeated citations (same_as) counted once
    words: int = 0  # words in Latin script in the whole text
    measure: SpeechMeasure = "characters"  # what the speaking share counts


def summarize(transcript: Transcript) -> Summary:
    """What the briefing contained, in the few numbers a reader checks first."""
    text = transcript.text
    chinese = count_chinese_chars(text)
    other = sum(m.end() - m.start() for m in LATIN_OR_DIGIT.finditer(text))
    words = count_words(text) if other > chinese else 0  # only needed where it may win
    questions = len(transcript.qa) or sum(1 for t in transcript.turns if t.kind == "reporter")
    distinct = {f.same_as or f"#{i}" for i, f in enumerate(transcript.figures)}
    return Summary(
        speakers=len(transcript.speakers),
        turns=len(transcript.turns),
        questions=questions,
        characters=chinese,
        reading_minutes=reading_minutes(chinese, other),
        figures=len(transcript.figures),
        distinct_figures=len(distinct),
        words=words,
        measure=speech_measure(chinese, words),
    )


@dataclass(frozen=True, slots=True)
class SpeakerShare:
    """One bar of the speaking-share chart."""

    speaker: str  # Speaker.id
    name: str
    role: str | None
    kind: SpeakerKind
    chars: int  # Chinese characters spoken, punctuation excluded (words, in a text measured in words)
    share: float  # of all characters spoken in turns, 0..1
    first_offset: int  # where the speaker's first turn starts, for jumping there


def speaking_share(transcript: Transcript, measure: SpeechMeasure = "characters") -> tuple[SpeakerShare, ...]:
    """Chinese characters (or words, see :func:`speech_measure`) per speaker over their
    turns' paragraphs, largest first.

    Counted from the paragraphs rather than ``Speaker.chars`` because the parser's count
    includes punctuation and the chart promises it does not.
    """
    text = transcript.text
    count = count_words if measure == "words" else count_chinese_chars
    chars: dict[str, int] = {}
    first: dict[str, int] = {}
    for turn in transcript.turns:
        n = sum(count(text[p.start : p.end]) for p in turn.paragraphs)
        chars[turn.speaker] = chars.get(turn.speaker, 0) + n
        first.setdefault(turn.speaker, turn.start)
    total = sum(chars.values())
    shares = []
    for sp in transcript.speakers:
        if sp.id not in first:
            continue
        n = chars.get(sp.id, 0)
        shares.append(
            SpeakerShare(
                speaker=sp.id,
                name=sp.name,
                role=sp.role,
                kind=sp.kind,
                chars=n,
                share=n / total if total else 0.0,
                first_offset=first[sp.id],
            )
        )
    order = {sp.id: i for i, sp in enumerate(transcript.speakers)}
    shares.sort(key=lambda s: (-s.chars, order[s.speaker]))
    return tuple(shares)


@dataclass(frozen=True, slots=True)
class DensitySeries:
    """Figures per stretch of text: ``counts[i]`` figures start in ``[edges[i], edges[i+1])``."""

    edges: tuple[int, ...]
    counts: tuple[int, ...]

    def bin_at(self, offset: int) -> int:
        """Index of the bin containing ``offset`` (clamped), for mapping a click back."""
        if not self.counts:
            return 0
        lo, hi = 0, len(self.counts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.edges[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def figure_density(transcript: Transcript, bins: int = DENSITY_BINS) -> DensitySeries:
    """How many figures start in each of ``bins`` equal stretches of the text."""
    length = len(transcript.text)
    if length == 0 or bins <= 0:
        return DensitySeries(edges=(0, 0), counts=(0,))
    bins = min(bins, length)
    edges = tuple(round(i * length / bins) for i in range(bins + 1))
    counts = [0] * bins
    for f in transcript.figures:
        i = min(f.start * bins // length, bins - 1)
        counts[i] += 1
    return DensitySeries(edges=edges, counts=tuple(counts))


@dataclass(frozen=True, slots=True)
class FamilyPoint:
    """One distinct figure in a family chart."""

    figure: int  # index in Transcript.figures of its first citation
    text: str
    value: float  # in base units
    scaled: float  # value / FamilySeries.scale, the number the bar shows
    speakers: tuple[str, ...]  # names of everyone who cited it, in order
    citations: int


@dataclass(frozen=True, slots=True)
class FamilySeries:
    """Figures of one family on one common scale so their bars compare at a glance."""

    family: str
    scale: float  # 1e8 when the axis is in 亿
    axis_unit: str  # e.g. "亿元", "万名", "%", "个百分点"
    points: tuple[FamilyPoint, ...]  # largest first


def family_counts(transcript: Transcript) -> dict[str, int]:
    """Distinct figures per family, in FAMILIES order, families without figures left out."""
    seen: dict[str, set[str]] = {}
    for i, f in enumerate(transcript.figures):
        seen.setdefault(f.family, set()).add(f.same_as or f"#{i}")
    ordered = {fam: len(seen.pop(fam)) for fam in FAMILIES if fam in seen}
    ordered.update({fam: len(ids) for fam, ids in sorted(seen.items())})
    return ordered


def _common_unit(figures: list[Figure]) -> str:
    units = {f.unit for f in figures}
    return units.pop() if len(units) == 1 else ""


def choose_scale(max_value: float) -> tuple[float, str]:
    """The largest Chinese scale (万亿, 亿, 万) that keeps the biggest bar at 1 or more."""
    for scale, word in _SCALES:
        if abs(max_value) >= scale:
            return scale, word
    return 1.0, ""


def family_series(transcript: Transcript, family: str) -> FamilySeries:
    """Distinct figures of ``family`` scaled to one unit, each repeated citation counted once.

    Percent, points and multiples keep their written value (28.5 means 28.5%), so only
    absolute families get a 万/亿 scale.
    """
    # The table's columns, not a record per figure: the panel asks this on the GUI thread,
    # and records of a 3 MB document's 7,000 figures took 60 ms there.
    figures = transcript.figures
    groups: dict[str, list[int]] = {}
    for i in range(len(figures)):
        if figures.family_of(i) == family:
            groups.setdefault(figures.same_as_of(i) or f"#{i}", []).append(i)
    members = [figures[ix[0]] for ix in groups.values()]
    if family in ("percent", "points", "multiple"):
        scale, word = 1.0, ""
    else:
        scale, word = choose_scale(max((abs(f.value) for f in members), default=0.0))
    points = []
    for f, indices in zip(members, groups.values(), strict=True):
        names = []
        for i in indices:
            sp = transcript.speaker(figures.speaker_of(i))
            name = sp.name if sp else ""
            if name and name not in names:
                names.append(name)
        points.append(
            FamilyPoint(
                figure=indices[0],
                text=f.text,
                value=f.value,
                scaled=f.value / scale,
                speakers=tuple(names),
                citations=len(indices),
            )
        )
    points.sort(key=lambda p: (-p.value, p.figure))
    axis_unit = word + _common_unit(members)
    return FamilySeries(family=family, scale=scale, axis_unit=axis_unit, points=tuple(points))


def citation_counts(transcript: Transcript) -> tuple[int, ...]:
    """For each figure, how many times the same figure is cited in the whole transcript."""
    totals: dict[str, int] = {}
    for f in transcript.figures:
        if f.same_as:
            totals[f.same_as] = totals.get(f.same_as, 0) + 1
    return tuple(totals[f.same_as] if f.same_as else 1 for f in transcript.figures)


def changes_of(transcript: Transcript) -> tuple[tuple[int, ...], ...]:
    """For each figure, the indices of the figures that change it (``28.5%`` for ``39.4万起``)."""
    changes: list[list[int]] = [[] for _ in transcript.figures]
    for i, f in enumerate(transcript.figures):
        if f.change_of is not None and 0 <= f.change_of < len(changes):
            changes[f.change_of].append(i)
    return tuple(tuple(c) for c in changes)
