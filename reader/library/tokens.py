"""Text as the library's full-text index sees it: every character a token, and every pair.

FTS5's trigram tokenizer cannot match a query under three characters, and its unicode61
tokenizer does not split Chinese at all (a run of hanzi is one "word"). So the library
writes its text to FTS5 already tokenized, space-separated, for unicode61 to split on the
spaces: one column of single characters, one of overlapping character pairs. A one-character
query is one unigram; a longer one is the phrase of its consecutive bigrams, which matches
exactly where the query occurs (consecutive bigrams overlap by one character, so a run of
them spells one substring). The measurements behind this choice are in docs/library.md.

unicode61 keeps letters, digits and private-use characters as token characters and drops
punctuation and spaces, and its tables are Unicode 6.1's. So each folded character is
written as itself only where unicode61 is sure to keep it unchanged (ASCII lower-case
letters and digits, the CJK ideographs Unicode 6.1 knew); every other character (``，``,
``"``, ``*``, ``-``, ``:``, a newline, a letter with a case) is written as a private-use
character that stands for it alone. Nothing a user types can therefore reach FTS5 as
syntax: ``"``, ``*``, ``NEAR``, ``-`` and ``:`` are searched as the text they are.

The text must be folded (``reader.text.fold.fold``) before it comes here: this module only
encodes, one character for one.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Code points unicode61 (Unicode 6.1 tables) keeps as they are: CJK ideographs and ext. A, B.
_KEPT_RANGES = ((0x4E00, 0x9FCC), (0x3400, 0x4DB5), (0x20000, 0x2A6D6))
_ASCII_KEPT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_PLANE_15 = 0xF0000  # Supplementary Private Use Area-A: one code point for each BMP character
_PLANE_16 = 0x100000  # Area-B, for the rare characters outside the BMP that are not kept
_PLANE_SPAN = 0xFFFE


def _encoded(char: str) -> str:
    code = ord(char)
    if char in _ASCII_KEPT or any(lo <= code <= hi for lo, hi in _KEPT_RANGES):
        return char
    if code < _PLANE_SPAN:
        return chr(_PLANE_15 + code)
    return chr(_PLANE_16 + code % _PLANE_SPAN)  # emoji and the like: shared only among themselves


class _EncodingTable(dict[int, str]):
    """``str.translate``'s table, filled on first sight of each character (C speed after)."""

    def __missing__(self, code: int) -> str:
        encoded = _encoded(chr(code))
        self[code] = encoded
        return encoded


_TABLE = _EncodingTable()


def encode(folded: str) -> str:
    """Each character as a token character unicode61 keeps whole; one character for one."""
    return folded.translate(_TABLE)


def unigram_tokens(folded: str) -> str:
    """The unigram column: every character, space-separated."""
    return " ".join(encode(folded))


def bigram_tokens(folded: str) -> str:
    """The bigram column: every pair of neighbouring characters, space-separated, in order."""
    e = encode(folded)
    return " ".join([e[i:i + 2] for i in range(len(e) - 1)])


def phrase(folded_term: str) -> str:
    """The FTS5 string that matches where ``folded_term`` occurs (non-empty, no spaces): its
    one unigram (for the ``uni`` table), or the phrase of its bigrams (for ``bi``)."""
    e = encode(folded_term)
    if len(e) == 1:
        return f'"{e}"'
    return '"' + " ".join([e[i:i + 2] for i in range(len(e) - 1)]) + '"'


def match_expression(folded_terms: Iterable[str]) -> str:
    """Every term, ANDed: the turns that hold all of them (terms of one length class)."""
    return " AND ".join(phrase(t) for t in folded_terms)
