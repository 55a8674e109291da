"""What every source format reader produces: the document as blocks of styled runs.

A format reader only knows its syntax (HTML tags, front matter, blank lines); it does not
know what a speaker marker is. It hands the pipeline paragraph-level blocks whose runs
remember what the speaker rules need: bold (markers are bold labels) and link (a colon
inside a link is never a marker). A block's lines are the pieces a ``<br>`` separates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from reader.model import Meta, SourceFormat

# A caption (``<figcaption>``) describes a picture: shown as such, never a speaker's words.
BlockKind = Literal["p", "quote", "heading", "item", "caption"]

# White space a paragraph is indented with, in any of the forms sites use.
INDENT_CHARS = " \t\r\n\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"

WHITESPACE_RUN = re.compile(r"[ \t\r\n\u00a0\u2002\u2003\u2009\u200b\ufeff]+")

CJK_OR_FULLWIDTH = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c-\u201d]")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    link: bool = False

Line = tuple[Run, ...]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-level element of the source, split into lines where ``<br>`` breaks it.

    ``indented_lines`` marks lines that began with indentation in the source: a ``<br>``
    followed by indentation starts a new paragraph, a bare ``<br>`` only wraps.
    """

    lines: tuple[Line, ...]
    kind: BlockKind = "p"
    breaks: tuple[bool, ...] = ()  # per line after the first: is the break a paragraph break?

    @property
    def text(self) -> str:
        return "".join(run.text for line in self.lines for run in line)


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document read by a format reader, before speakers are found."""

    format: SourceFormat
    meta: Meta
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)


def line_text(line: Line) -> str:
    return "".join(run.text for run in line)


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces a line break separated: no space between Chinese, one between words."""
    if not left or not right:
        return left + right
    if CJK_OR_FULLWIDTH.match(left[-1]) or CJK_OR_FULLWIDTH.match(right[0]):
        return left + right
    return left + " " + right

# Whitespace as an HTML source holds it: a run with a line break may vanish between Chinese.
SOURCE_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")

PARAGRAPH_INDENT = re.compile(r"^[ \t\r\n]*[\u3000\u00a0\u2002\u2003]|^[ \t]{2,}")


class BlockBuilder:
    """Collects styled text into blocks, applying HTML white-space rules as it goes.

    Readers call ``add`` with raw source text, ``line_break`` for ``<br>`` and ``end_block``
    at block boundaries. Line-break white space is dropped between Chinese characters (it is
    only source formatting) and becomes one space between words.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._lines: list[Line] = []
        self._breaks: list[bool] = []
        self._runs: list[Run] = []
        self._kind: BlockKind = "p"
        self._blank_lines = 0

    def add(self, text: str, *, bold: bool = False, link: bool = False) -> None:
        if text:
            self._runs.append(Run(text, bold, link))

    def line_break(self) -> None:
        line = _normalize_line(self._runs)
        self._runs = []
        if not line:
            self._blank_lines += 1
            return
        self._push_line(line)

    def end_block(self, kind: BlockKind = "p") -> None:
        """Close the current block; ``kind`` is what the closed block was."""
        self._kind = kind
        self.line_break()
        if self._lines:
            self.blocks.append(Block(tuple(self._lines), self._kind, tuple(self._breaks)))
        self._lines = []
        self._breaks = []
        self._blank_lines = 0

    def _push_line(self, line: tuple[Line, bool]) -> None:
        runs, indented = line
        if self._lines:
            self._breaks.append(indented or self._blank_lines > 0)
        self._lines.append(runs)
        self._blank_lines = 0


def _normalize_line(runs: list[Run]) -> tuple[Line, bool] | None:
    """Collapse source white space across runs; strip indentation; None if nothing is left."""
    if not runs:
        return None
    indented = bool(PARAGRAPH_INDENT.match(runs[0].text))
    texts = [SOURCE_WHITESPACE.sub(_collapse, r.text).replace("\u00a0", " ") for r in runs]
    # White space meeting across a run boundary is one gap, not two.
    for i in range(1, len(texts)):
        prev, cur = texts[i - 1], texts[i]
        if prev and cur and prev[-1] in " \n" and cur[0] in " \n":
            keep = "\n" if "\n" in (prev[-1], cur[0]) else " "
            texts[i - 1] = prev[:-1] + keep
            texts[i] = cur[1:]
    out: list[Run] = []
    for i, text in enumerate(texts):
        if "\n" in text:
            text = _resolve_newlines(texts, i)
        if text:
            out.append(Run(text, runs[i].bold, runs[i].link))
    while out:
        stripped = out[0].text.lstrip(INDENT_CHARS)
        if stripped:
            out[0] = Run(stripped, out[0].bold, out[0].link)
            break
        out.pop(0)
    while out:
        stripped = out[-1].text.rstrip(INDENT_CHARS)
        if stripped:
            out[-1] = Run(stripped, out[-1].bold, out[-1].link)
            break
        out.pop()
    if not out:
        return None
    return tuple(out), indented


def _collapse(match: re.Match[str]) -> str:
    return "\n" if ("\n" in match.group() or "\r" in match.group()) else " "


def _resolve_newlines(texts: list[str], i: int) -> str:
    text = texts[i]
    before = _last_char(texts, i)
    after = _first_char(texts, i)
    parts = text.split("\n")
    out = parts[0]
    for k, part in enumerate(parts[1:], start=1):
        left = out[-1] if out else before
        right = part[0] if part else (after if k == len(parts) - 1 else "")
        cjk = not left or not right or CJK_OR_FULLWIDTH.match(left) or CJK_OR_FULLWIDTH.match(right)
        gap = "" if cjk else " "
        out += gap + part
    return out


def _last_char(texts: list[str], i: int) -> str:
    for j in range(i - 1, -1, -1):
        if texts[j]:
            return texts[j][-1]
    return ""


def _first_char(texts: list[str], i: int) -> str:
    for j in range(i + 1, len(texts)):
        if texts[j]:
            return texts[j][0]
    return ""
