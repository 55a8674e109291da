"""Folding: the forms of one text that rules and searches compare, one character for one.

Readers type what they remember, not what the page says (``app`` for ``APP``, ``2021`` for
``２０２１``, ``詐騙`` for ``诈骗``), and the rules of the speaker and figure stages are
written once, in simplified characters and ASCII digits. Every fold here keeps the length
of what it folds, so an offset in a folded text is the same offset in the original and a
span found in one slices the other exactly. This is the only module that converts Chinese
script (one OpenCC converter, loaded on first use) or normalizes Unicode; a test checks it.

The folds, from the widest to the narrowest:

- :func:`fold` (search, the library index): width (NFKC for the full- and half-width
  forms), Latin lower case, and traditional to simplified per character;
- :func:`to_simplified` (speaker labels): traditional to simplified for a whole label, by
  phrase, only when it holds a common traditional character;
- :func:`fold_for_scanning` (figures): the traditional forms of the characters the figure
  rules look at, and full-width digits;
- :func:`fold_width` (numerals): full-width digits and number punctuation to ASCII;
- :func:`fold_dots` (names): the middle dots of minority and foreign names to one dot;
- :func:`fold_compatibility` (the figures filter): NFKC and case folding of a typed query,
  which may change its length (a query has no offsets to keep).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from reader.progress import checkpoint
from reader.text.hanzi import TRADITIONAL_COMMON_HANZI, TRADITIONAL_LABEL_HANZI, TRADITIONAL_SURNAMES


@lru_cache(maxsize=1)
def _converter() -> Any:  # opencc.OpenCC; imported on first use: start-up never needs it
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """OpenCC's traditional-to-simplified conversion of ``text`` (which may change its length)."""
    return str(_converter().convert(text))


# -- search ----------------------------------------------------------------------------

# NFKC only for the compatibility blocks that hold width variants; applying it to
# everything would also decompose ligatures, circled digits and the like into several
# characters, which the one-to-one mapping cannot hold anyway.
_WIDTH_FORMS_START = 0xFF00
_WIDTH_FORMS_END = 0xFFEF
_IDEOGRAPHIC_SPACE = "\u3000"
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))


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
        converted = simplified(folded)
        if len(converted) == 1:
            folded = converted
    return folded


def fold(text: str) -> str:
    """Fold a whole string character by character; ``len(fold(s)) == len(s)`` always."""
    table = {char: fold_char(char) for char in set(text)}
    return "".join(map(table.__getitem__, text))


# -- speaker labels --------------------------------------------------------------------

TRADITIONAL_CHARACTER = re.compile(
    "[" + "".join(sorted(TRADITIONAL_COMMON_HANZI | TRADITIONAL_SURNAMES | TRADITIONAL_LABEL_HANZI)) + "]"
)


def has_traditional(text: str) -> bool:
    """Does ``text`` hold a common traditional character or a traditional surname?"""
    return TRADITIONAL_CHARACTER.search(text) is not None


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, one character for one (so offsets still hold), or
    ``text`` itself when it holds no common traditional character or OpenCC would change its
    length. Simplified documents never load the converter."""
    if has_traditional(text):
        converted = simplified(text)
        if len(converted) == len(text):
            return converted
    return text


def simplified_name(name: str) -> str:
    """``name`` in simplified characters (one for one), converted whatever it holds: a name
    is too short to be sure to hold a common traditional character (寧 is not one)."""
    converted = simplified(name)
    return converted if len(converted) == len(name) else name


#: The colons a speaker's label may end with: Hong Kong government releases write
#: ``記者︰`` with the vertical form ︰ (U+FE30), and some editors paste the small ﹕ (U+FE55).
COLONS = "：:︰﹕"


# Minority and foreign names are written with any of these dots; the rules know one.
_MIDDLE_DOTS = str.maketrans({"•": "·", "‧": "·", "・": "·", "･": "·"})


def fold_dots(text: str) -> str:
    """Every middle dot a name may be written with, as ``·``."""
    return text.translate(_MIDDLE_DOTS)


# -- numbers and figures ---------------------------------------------------------------

#: Full-width digits and punctuation that occur inside numbers, mapped to ASCII.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－＋", "0123456789.,%-+")


def fold_width(text: str) -> str:
    """Full-width digits and signs as ASCII, so ``３２９１`` and ``3291`` read the same."""
    return text.translate(_FULLWIDTH)


#: Traditional forms of the characters the figure rules look at, and full-width digits.
_SCAN_FOLD = str.maketrans(
    "０１２３４５６７８９．﹒％－～"
    "個條張筆項臺戶歲噸種萬億兩點週時鐘歐鎊幣頃畝隻輛處間棟場輪冊頁顆組類門"
    "過將約餘與級數幾減漲長較環別節簽預違臨鄰親趕紀規號達內劑標車縣學",
    "0123456789..%-~"
    "个条张笔项台户岁吨种万亿两点周时钟欧镑币顷亩只辆处间栋场轮册页颗组类门"
    "过将约余与级数几减涨长较环别节签预违临邻亲赶纪规号达内剂标车县学",
)
#: A run of characters ``_SCAN_FOLD`` changes.
_SCAN_FOLD_RUN_RE = re.compile("[" + re.escape("".join(map(chr, _SCAN_FOLD))) + "]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_SCAN_FOLD)


def fold_for_scanning(text: str) -> str:
    """Traditional characters and full-width digits as the simplified/ASCII forms the figure
    rules use. One character for one, so offsets into the folded text are offsets into ``text``.

    Only the runs that need folding are translated: ``str.translate`` with a table looks
    up every character of a 2 MB transcript (~40 ms), a regular-expression search for the
    few foldable ones costs a twentieth of that. A long text is folded in slices (one
    character for one, so slicing changes nothing) with a cancel point between them."""
    if len(text) <= SCAN_FOLD_SLICE:
        return _SCAN_FOLD_RUN_RE.sub(_fold_run, text)
    pieces = []
    for start in range(0, len(text), SCAN_FOLD_SLICE):
        checkpoint(0.0)
        pieces.append(_SCAN_FOLD_RUN_RE.sub(_fold_run, text[start:start + SCAN_FOLD_SLICE]))
    return "".join(pieces)


SCAN_FOLD_SLICE = 1 << 20


# -- typed queries ---------------------------------------------------------------------


def fold_compatibility(text: str) -> str:
    """Full-width to half-width and Latin case folded, so ``＞１亿`` reads as ``>1亿``."""
    return unicodedata.normalize("NFKC", text).casefold().strip()
