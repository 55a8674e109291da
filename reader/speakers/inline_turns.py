"""Turns a page ran into one paragraph: where, inside a marker's speech, the next turn starts.

Pages that flatten a transcript run the answer into the question (``总台央视记者：…有何评论？
毛宁：我们…``) or 问 and 答 into one paragraph. A new turn starts after a sentence end, at a
label only a speaker has (see ``_inline_label``); everything else stays speech.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterator

from reader.parse.blocks import Line, Run
from reader.speakers.label_forms import outlet_asking
from reader.speakers.label_words import REPORTER_LABEL
from reader.speakers.labels import is_answer, is_question, label_shape, looks_like_speaker, parse_label
from reader.speakers.markers import Marker
from reader.speakers.names import analysis_form, is_person_name
from reader.text.fold import COLONS

# Turns run together in one paragraph by pages that flatten their lines
# (``问：…有何评论？ 答：中方注意到…``, ``总台央视记者：…有何评论？毛宁：我们…``): a new
# turn starts after a sentence end, at a label that can only be a speaker's (see
# ``_inline_label``).
INLINE_LABEL = re.compile(
    rf"(?<=[。？！?!”」])\s*(?=(?P<label>[^\s{COLONS}。，、；？！?!“”「」《》（）()\[\]【】]{{1,24}})[{COLONS}])"
)
INLINE_HOSTS = frozenset({"主持人", "主持"})


def _inline_label(label: str, following: str, after_question: bool, in_qa: bool, asker: bool,
                  known: Collection[str] | None) -> bool:
    """A label inside speech that starts a turn: 问 or 答 in a 问/答 transcript's speech,
    主持人, a reporter's label (``法新社记者``), a name already used as a label, or, in an
    asker's speech, a person's name right after the question (the answer). Anything else
    stays speech: ``他表示：``, ``一是：``, ``答：`` quoted by a named speaker, an official's own
    ``为什么出台？原因：…``, a quotation (``李明：“扩招不降质。”``), and in an asker's speech a
    speaker asked about (``…。李明局长：这个数字可靠吗？``). ``following``: the sentence after."""
    if following.lstrip()[:1] in "“「『\"‘":
        return False  # a quotation after the name: who said it, inside this speech
    compact = analysis_form(label)
    if is_question(compact) or is_answer(compact):
        return in_qa
    if compact in INLINE_HOSTS:
        return True
    if not label_shape(label) or not looks_like_speaker(label, known):
        return False
    if compact != "记者" and REPORTER_LABEL.match(compact) and not compact.endswith(REPORTED_VERBS):
        return True
    if asker and following.rstrip().endswith(("？", "?")):
        return False  # the asker goes on asking, naming whom they ask about
    name = parse_label(label).name
    return (known is not None and name in known) or (asker and after_question and is_person_name(compact))


# What a reporter's label does not end with: ``记者获悉``, ``记者了解到``, ``记者注意到`` report.
REPORTED_VERBS = ("获悉", "了解", "了解到", "注意到", "看到", "发现", "问", "提问", "表示")


class _NamesSoFar(Collection[str]):
    """The document's names so far and those cut out of this line: ``known`` is not copied
    (a file of many speakers has thousands, and every marker line is read)."""

    def __init__(self, known: Collection[str], cut: set[str]) -> None:
        self.known, self.cut = known, cut

    def __contains__(self, name: object) -> bool:
        return name in self.cut or name in self.known

    def __iter__(self) -> Iterator[str]:
        return itertools.chain(self.known, self.cut)

    def __len__(self) -> int:
        return len(self.known) + len(self.cut)


def _asks(label: str) -> bool:
    """A label of someone who asks: 问, a reporter's, an outlet's."""
    return is_question(analysis_form(label)) or parse_label(label).kind == "reporter"


def _sentence_at(text: str, start: int) -> str:
    """The sentence of ``text`` from ``start`` to its end mark (an outlet's label inline asks
    only when its own sentence does: ``新华社：请问…？``)."""
    end = SENTENCE_END_MARK.search(text, start, start + 300)
    return text[start:end.end() if end else start + 300]


SENTENCE_END_MARK = re.compile(r"[。！？!?]")


def split_inline_turns(marker: Marker, known: Collection[str] | None = None) -> list[Line]:
    """The speech of a marker up to a speaker's label run into the same paragraph, then the
    line from each such next marker on. One pass over the line, whatever its length."""
    text = "".join(run.text for run in marker.rest)
    candidates = [m for m in INLINE_LABEL.finditer(text) if m.start() > 0]
    if not candidates:
        return [marker.rest]  # most speech: nothing shaped like a label after a sentence end
    label = analysis_form(marker.label)
    in_qa = is_question(label) or is_answer(label)
    names = _NamesSoFar(known or (), {parse_label(marker.label).name})
    asker = _asks(marker.label)  # of the speech being cut: the marker's, then each cut's label
    spans = []
    for m in candidates:
        found, following = m.group("label"), _sentence_at(text, m.end("label") + 1)
        speaker = _inline_label(found, following, text[m.start() - 1] in "？?", in_qa, asker, names)
        outlet = outlet_asking(found, following) if not speaker or not _asks(found) else False
        if speaker or outlet:
            spans.append((m.start(), m.end()))
            names.cut.add(parse_label(found).name)
            asker = outlet or _asks(found)
    if not spans:
        return [marker.rest]
    bounds = [(0, spans[0][0])]
    bounds += [(spans[i][1], spans[i + 1][0] if i + 1 < len(spans) else len(text)) for i in range(len(spans))]
    return _slices(marker.rest, bounds)


def _slices(line: Line, bounds: list[tuple[int, int]]) -> list[Line]:
    """``line`` cut into the character ranges ``bounds`` (ascending, not overlapping), in one
    walk over its runs."""
    out: list[list[Run]] = [[] for _ in bounds]
    pos = 0
    k = 0
    for run in line:
        end = pos + len(run.text)
        while k < len(bounds) and bounds[k][1] <= pos:
            k += 1
        j = k
        while j < len(bounds) and bounds[j][0] < end:
            a, b = max(bounds[j][0], pos), min(bounds[j][1], end)
            if a < b:
                out[j].append(Run(run.text[a - pos : b - pos], run.bold, run.link))
            if bounds[j][1] > end:
                break
            j += 1
        pos = end
    return [tuple(runs) for runs in out]
