"""Plain text converted from a PDF record (立法會 and 人大 proceedings, official reports).

Such text is hard-wrapped at the page's width, with blank lines wherever the converter saw a
gap (inside paragraphs as often as between them), page numbers and running headers between
pages, spaces around punctuation and inside numbers (``1 200 萬``), and bold text drawn
several times over (``主席主席主席主席 ：``, a label's copies on the lines after it). Read
line by line it is a mess of one-line paragraphs. So, only when the text has that shape:

1. the wrap width is the length most lines reach; a line that reaches it continues on the
   next line that has text, across blank lines; a shorter line ends its paragraph;
2. a line of digits alone is a page number, and a short line without sentence punctuation
   that comes back three times or more is a running header: both go;
3. a short line that the next line repeats (a bold run drawn twice), or that repeats the
   label of the line before it, goes;
4. a run repeated three times or more before a colon is one (``主席主席主席主席`` → ``主席``);
5. spaces next to Chinese characters and punctuation go, and digits spaced in groups of
   three join (``1 200`` → ``1200``), as the printed page shows them.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.text.fold import COLONS

MIN_LINES = 20
MIN_WIDTH, MAX_WIDTH = 16, 120
FULL_LINE = 0.85  # of the wrap width: a line that long continues on the next
MIN_AT_WIDTH = 0.06  # of the lines with text, at the wrap width (or one less): the text is wrapped
MIN_AT_WIDTH_LINES = 5
MIN_BLANK_SHARE = 0.2  # blank lines per line of text: a converter's gaps
PARAGRAPH_ENDS = ("。", "！", "？", "!", "?", "」", "”", *COLONS)
MAX_HEADER = 30
MIN_HEADER_REPEATS = 3
MAX_DUPLICATE = 40

PAGE_NUMBER = re.compile(r"^\s*[-—–]?\s*\d{1,5}\s*[-—–]?\s*$")
SENTENCE_PUNCTUATION = re.compile(f"[。，；！？、,;!?{COLONS}]")
REPEATED_RUN = re.compile(r"(.{1,6}?)\1{2,}")
LABEL_BEFORE_COLON = re.compile(rf"^(?P<label>[^{COLONS}]{{1,60}}?)\s*[{COLONS}]")
_CJK = "[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
SPACE_NEXT_TO_CJK = re.compile(rf"(?<={_CJK})[ \t]+|[ \t]+(?={_CJK})")
SPACED_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
SPACES = re.compile(r"\s+")


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, if it was wrapped as a PDF converter wraps it: many
    lines end at one width (that length, or one less), and blank lines are as common as a
    converter's gaps, not an author's paragraphs."""
    lengths = [len(_squeezed(line)) for line in lines if line.strip()]
    if len(lengths) < MIN_LINES:
        return None
    counts = Counter(lengths)
    need = max(MIN_AT_WIDTH_LINES, len(lengths) * MIN_AT_WIDTH)
    widths = [n for n in counts if MIN_WIDTH <= n <= MAX_WIDTH and counts[n] + counts.get(n - 1, 0) >= need]
    blank = sum(1 for line in lines if not line.strip())
    if not widths or blank < len(lengths) * MIN_BLANK_SHARE:
        return None
    width = max(widths)  # the widest line length that many lines share: the page's width
    at_width = [line.strip() for line in lines if width - 1 <= len(_squeezed(line)) <= width]
    mid_sentence = sum(1 for line in at_width if not line.endswith(PARAGRAPH_ENDS))
    return width if mid_sentence >= len(at_width) / 2 else None  # wrapped lines end mid-sentence


def paragraphs(lines: list[str], width: int) -> list[list[str]]:
    """The text's paragraphs, each as its lines (cleaned, in order)."""
    kept = _without_furniture([line.strip() for line in lines if line.strip()])
    out: list[list[str]] = []
    current: list[str] = []
    for line in kept:
        current.append(line)
        if len(_squeezed(line)) < width * FULL_LINE:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def clean_line(line: str) -> str:
    """A line as the printed page shows it: one label, no spaces around Chinese, numbers whole."""
    label = LABEL_BEFORE_COLON.match(line)
    if label and REPEATED_RUN.search(label.group("label")):
        line = REPEATED_RUN.sub(r"\1", label.group("label")) + line[label.end("label"):]
    line = SPACE_NEXT_TO_CJK.sub("", line)
    return SPACED_THOUSANDS.sub("", line)


def _squeezed(line: str) -> str:
    return SPACES.sub("", line)


def _without_furniture(lines: list[str]) -> list[str]:
    """Page numbers, running headers and bold drawn twice, out (rules 2 and 3)."""
    counts = Counter(_squeezed(line) for line in lines)
    headers = {text for text, n in counts.items() if n >= MIN_HEADER_REPEATS and len(text) <= MAX_HEADER
               and not SENTENCE_PUNCTUATION.search(text)}
    kept: list[str] = []
    labels: tuple[str, ...] = ()  # the label of the line just kept, and its copies' form
    for i, line in enumerate(lines):
        text = _squeezed(line)
        if PAGE_NUMBER.match(line) or text in headers:
            continue
        following = _squeezed(lines[i + 1]) if i + 1 < len(lines) else ""
        bare = text.rstrip(COLONS)
        drawn_again = text in following and len(following) > len(text)
        repeats_label = any(label.startswith(bare) for label in labels)
        if 2 <= len(text) <= MAX_DUPLICATE and (drawn_again or repeats_label):
            continue  # a bold run drawn again, before its line or after the label it repeats
        label = LABEL_BEFORE_COLON.match(text)
        labels = (label.group("label"), REPEATED_RUN.sub(r"\1", label.group("label"))) if label else ()
        kept.append(clean_line(line))
    return kept
