"""Speaker markers: where a turn starts.

A turn starts where a paragraph (or a ``<br>``-separated line) begins with a speaker
label and a colon. ``MARKER_RULES`` is the ordered list of ways a marker is recognised;
the first rule that accepts a line wins. Every rule first passes ``label_shape``: a label
is short, has no sentence punctuation, is not an enumeration (``一是``, ``（二）``) and is
not a metadata field (``责任编辑``, ``来源``, ``原标题``, ``编者按``...). A colon inside a
link (headline lists such as ``公安部：要持续…``) is never a marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from reader.parse.blocks import Line, Run
from reader.speakers.labels import MAX_LABEL, is_answer, is_question, label_shape, looks_like_speaker
from reader.speakers.names import SPACES, analysis_form

COLON = re.compile(r"[：:]")

# What may stand before a label at the start of a paragraph: a bullet (●王毅：, ■记者：) or
# the clock time of a live text (10:02 寿小丽：, [10:05:30] 杜航伟：).
# Any number of them, matched in one pass: stripping one at a time recursed once per bullet
# (a line of 1,000 ● was a RecursionError) and copied the rest of the line each time.
LEADING_BULLETS = re.compile(
    r"^(?:(?:[●■◆▲★◇□○▶►◎※◼◾]|[\[【（(]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[\]】）)]?)\s*)+"
)

BRACKETED_LABEL = re.compile(r"^[\[【]([^\[\]【】]{1,40})[\]】]\s*[：:]?")


@dataclass(frozen=True, slots=True)
class Marker:
    """A speaker marker found at the start of a line.

    ``written`` is the marker as the window shows it (label and colon); ``label`` is the
    label without the colon, at ``label_offset`` in ``written``; ``rest`` is the speech
    that followed on the same line, as runs.
    """

    label: str
    written: str
    label_offset: int
    rest: Line


def _collapse(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u3000", " ").replace("\u00a0", " ")).strip()

MarkerRule = Callable[[Line, str, "Collection[str] | None"], "Marker | None"]


def _split_at(line: Line, cut: int) -> Line:
    """The runs of ``line`` from character ``cut`` on, leading white space dropped."""
    out: list[Run] = []
    pos = 0
    for run in line:
        end = pos + len(run.text)
        if end > cut:
            out.append(Run(run.text[max(0, cut - pos):], run.bold, run.link))
        pos = end
    while out and not out[0].text.strip(" \u3000\u00a0"):
        out.pop(0)
    if out:
        out[0] = Run(out[0].text.lstrip(" \u3000\u00a0"), out[0].bold, out[0].link)
    return tuple(out)


def _styles(line: Line, upto: int) -> tuple[bool, bool]:
    """(every non-blank character before ``upto`` is bold, the character at ``upto`` is in a link)."""
    pos = 0
    all_bold = True
    colon_link = False
    for run in line:
        end = pos + len(run.text)
        if pos < upto and not run.bold and run.text[: upto - pos].strip():
            all_bold = False
        if pos <= upto < end:
            colon_link = run.link
        pos = end
    return all_bold, colon_link


def bracketed_marker(line: Line, text: str, known: Collection[str] | None) -> Marker | None:
    """``【主持人】``, ``[主持人 寿小丽]``: a bracketed label opening the line, bold or naming a speaker."""
    match = BRACKETED_LABEL.match(text)
    if not match:
        return None
    label = _collapse(match.group(1))
    all_bold, _ = _styles(line, match.end(1))
    if not label_shape(label) or not (all_bold or looks_like_speaker(label, known)):
        return None
    opening, closing = text[0], text[match.end(1)]
    colon = text[match.end() - 1] if text[match.end() - 1] in "：:" else ""
    return Marker(label, f"{opening}{label}{closing}{colon}", 1, _split_at(line, match.end()))


def colon_marker(line: Line, text: str, known: Collection[str] | None) -> Marker | None:
    """``公安部副部长杜航伟：`` in bold, or a plain label that names a speaker by its form."""
    match = COLON.search(text, 0, MAX_LABEL + 8)
    if not match:
        return None
    raw = text[: match.start()]
    label = _collapse(raw)
    if not label_shape(label):
        return None
    all_bold, colon_in_link = _styles(line, match.start())
    if colon_in_link:
        return None
    if not all_bold:
        label_in_link = any(run.link and run.text.strip() for run in _head(line, match.start()))
        if label_in_link or not looks_like_speaker(label, known):
            return None
    return Marker(label, label + match.group(), 0, _split_at(line, match.end()))

# 问/答 run together in one paragraph by pages that flatten their lines
# (``问：…有何评论？ 答：中方注意到…``): a new turn starts after the sentence end.
INLINE_QUESTION_OR_ANSWER = re.compile(r"(?<=[。？！?!”」])\s*(?=(?:问|答|問)\s*[：:])")


def split_inline_turns(marker: Marker) -> list[Line]:
    """The speech of a 问/答 marker up to a 问：/答： run into the same paragraph, then the
    line from each such next marker on. One pass over the line, whatever its length."""
    if not (is_question(analysis_form(marker.label)) or is_answer(analysis_form(marker.label))):
        return [marker.rest]
    text = "".join(run.text for run in marker.rest)
    spans = [(m.start(), m.end()) for m in INLINE_QUESTION_OR_ANSWER.finditer(text) if m.start() > 0]
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


def _head(line: Line, upto: int) -> Line:
    out: list[Run] = []
    pos = 0
    for run in line:
        if pos >= upto:
            break
        out.append(run)
        pos += len(run.text)
    return tuple(out)

MARKER_RULES: tuple[MarkerRule, ...] = (bracketed_marker, colon_marker)


def find_marker(line: Line, known_names: Collection[str] | None = None) -> Marker | None:
    """The speaker marker opening ``line``, by the first of ``MARKER_RULES`` that accepts it.

    ``known_names`` are names the document already used (see ``looks_like_speaker``).
    """
    text = "".join(run.text for run in line)
    bullets = LEADING_BULLETS.match(text)
    if bullets is None:
        return _marker_by_rules(line, text, known_names)
    # ●王毅：, 10:02 寿小丽：: bullets or a live text's clock times; the label follows them.
    rest = _split_at(line, bullets.end())
    inner = _marker_by_rules(rest, "".join(run.text for run in rest), known_names) if rest else None
    if inner is None:
        return None
    lead = text[: bullets.end()]
    return Marker(inner.label, lead + inner.written, len(lead) + inner.label_offset, inner.rest)


def _marker_by_rules(line: Line, text: str, known_names: Collection[str] | None) -> Marker | None:
    for rule in MARKER_RULES:
        marker = rule(line, text, known_names)
        if marker is not None:
            return marker
    return None
