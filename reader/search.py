"""Find every match of a query in a transcript, forgiving how it was typed.

Readers type what they remember, not what the page says: ``app`` for ``APP``, ``2021``
for ``２０２１``, ``詐騙`` for ``诈骗``. Both the text and the query are folded the same
way, one character to one character, so an offset in the folded text is the same offset
in ``Transcript.text`` and every span slices the original exactly.

Folding (each keeps the length of the character it folds, or leaves it alone):
1. width: NFKC for full-width and half-width forms (``Ａ`` -> ``A``, ``２`` -> ``2``);
2. Latin case: lower case;
3. Chinese script: traditional -> simplified with OpenCC ``t2s``, per character. OpenCC
   converts phrases (and may change their length); per character it never does, and
   folding query and text with the same function keeps them comparable.

No Qt here: the window paints the spans this module returns and never searches itself.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# NFKC only for the compatibility blocks that hold width variants; applying it to
# everything would also decompose ligatures, circled digits and the like into several
# characters, which the one-to-one mapping cannot hold anyway.
_WIDTH_FORMS_START = 0xFF00
_WIDTH_FORMS_END = 0xFFEF
_IDEOGRAPHIC_SPACE = "\u3000"
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))


@lru_cache(maxsize=1)
def _t2s() -> Any:  # opencc.OpenCC, imported lazily: only searching needs it, not start-up
    import opencc

    return opencc.OpenCC("t2s")


def _is_cjk(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """The searchable form of one character; always exactly one character."""
    code = ord(char)
    folded = char
    if char == _IDEOGRAPHIC_SPACE or _WIDTH_FORMS_START <= code <= _WIDTH_FORMS_END:
        width_folded = unicodedata.normalize("NFKC", char)
        if len(width_folded) == 1:
            folded = width_folded
    lower = folded.lower()
    if len(lower) == 1:
        folded = lower
    if _is_cjk(ord(folded)):
        simplified = _t2s().convert(folded)
        if len(simplified) == 1:
            folded = simplified
    return folded


def fold(text: str) -> str:
    """Fold a whole string character by character; ``len(fold(s)) == len(s)`` always."""
    table = {char: fold_char(char) for char in set(text)}
    return "".join(map(table.__getitem__, text))


@dataclass(frozen=True, slots=True)
class Match:
    """One match: ``[start, end)`` offsets into the searched text."""

    start: int
    end: int


class SearchIndex:
    """The folded copy of one text, built once so each keystroke only scans it.

    Building costs one pass over the text (a table lookup per character); a search is
    then ``str.find`` on the folded text, well under a keystroke's budget on megabytes.
    """

    __slots__ = ("_folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded = fold(text)

    def find_all(self, query: str, limit: int | None = None) -> list[Match]:
        """Every non-overlapping match of ``query``, in text order (at most ``limit``)."""
        needle = fold(query.strip())
        if not needle:
            return []
        matches: list[Match] = []
        haystack = self._folded
        size = len(needle)
        find = haystack.find
        position = find(needle)
        while position != -1:
            matches.append(Match(position, position + size))
            if limit is not None and len(matches) >= limit:
                break
            position = find(needle, position + size)
        return matches


def find_all(text: str, query: str) -> list[Match]:
    """Convenience for a one-off search; keep a :class:`SearchIndex` when searching again."""
    return SearchIndex(text).find_all(query)
