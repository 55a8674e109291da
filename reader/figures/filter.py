"""The figures table's filter language: words, numbers written any way, comparisons.

A journalist looking for a figure remembers it loosely: ``39.4万``, ``394000`` or
``三十九万四千`` must all find ``39.4万起``; ``>1亿`` and ``<=50%`` narrow by size; a
speaker's name, a unit (``元``) or a family (``金额``, ``money``) narrows by kind. Terms
separated by spaces must all hold.

Grammar, per whitespace-separated term:
- ``OP NUMBER [UNIT]`` with OP one of ``> >= < <= =`` (also ``≥ ≤`` and full-width forms),
  the unit attached or as the next term (``>=3 个百分点``). The unit limits the comparison to
  that family (``%`` percent, ``个百分点`` points, ``倍`` multiples, ``元`` money) or to figures
  with that measure word; without a unit every figure is compared.
- ``NUMBER [UNIT]``: figures with that value (a range matches anything it spans), or whose
  text holds those digits (``3291`` finds ``3291亿元``).
- anything else: a case-insensitive substring of the figure's text, unit, speaker name or
  role, or the name of its family.

Percentage points are never percent: ``<=50%`` does not match ``近9个百分点``.
Plain Python, no Qt: the table only shows the indices this module returns.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.figures.numerals import parse_number
from reader.model import Figure, Transcript
from reader.text.fold import fold_compatibility

# After NFKC (which maps ＞ to > and ％ to %); ≥ and ≤ survive NFKC and are accepted as is.
COMPARISON_TERM = re.compile(r"^(>=|<=|≥|≤|>|<|=)(.*)$")

# The numeric head of a term: digits, separators and Chinese numerals and multipliers; the
# rest of the term is its unit. 百分之三十 is handled before this split.
NUMBER_HEAD = re.compile(r"^[-+]?[0-9.,零〇一二两三四五六七八九十廿卅卌百千万亿"
                         r"壹贰叁肆伍陆柒捌玖拾佰仟萬億点點]+")
PERCENT_WORDS = re.compile(r"^百分之(.+)$")
HAS_DIGIT = re.compile(r"[0-9零〇一二两三四五六七八九十廿卅卌壹贰叁肆伍陆柒捌玖拾]")

# Units that begin with a character NUMBER_HEAD would read as a multiplier (3百分点).
LEADING_MULTIPLIER_UNITS: tuple[str, ...] = ("个百分点", "百分点")

# Units that name a family rather than one measure word; the rest match Figure.unit.
UNIT_FAMILY: dict[str, str] = {
    "%": "percent",
    "个百分点": "points",
    "百分点": "points",
    "pp": "points",
    "倍": "multiple",
    "元": "money",
    "美元": "money",
}
UNIT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "人": ("人", "名"),
    "名": ("名", "人"),
    "月": ("个月", "月"),
}

# What a reader may type to mean a family; English for the English UI, Chinese for the Chinese.
FAMILY_WORDS: dict[str, tuple[str, ...]] = {
    "money": ("money", "金额", "资金", "钱"),
    "people": ("people", "人数", "人员"),
    "cases": ("cases", "案件", "案数"),
    "count": ("count", "数量", "计数"),
    "percent": ("percent", "百分比", "比例", "%"),
    "points": ("points", "百分点", "pp"),
    "multiple": ("multiple", "倍数"),
    "duration": ("duration", "时长", "时间"),
}

# A unit may follow a comparison as a separate term only if it is short and has no digits.
STANDALONE_UNIT = re.compile(
    r"^(%|个百分点|百分点|pp|倍|[^\s0-9]{0,2}元|[人名起件个次条张笔户款家台种项年天月]|个月)$"
)

_REL_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number the user typed, in base units, with the unit written after it (or "")."""

    value: float
    unit: str


def parse_quantity(term: str) -> Quantity | None:
    """``39.4万`` -> 394000, ``1亿元`` -> (1e8, 元), ``百分之三十`` -> (30, %); None if not a number."""
    term = fold_compatibility(term).replace(" ", "")
    pct = PERCENT_WORDS.match(term)
    if pct:
        value = parse_number(pct.group(1))
        return Quantity(value, "%") if value is not None and math.isfinite(value) else None
    for unit in LEADING_MULTIPLIER_UNITS:
        if term.endswith(unit) and len(term) > len(unit):
            value = parse_number(term[: -len(unit)])
            if value is not None and math.isfinite(value):
                return Quantity(value, unit)
    head = NUMBER_HEAD.match(term)
    if not head or not HAS_DIGIT.search(head.group(0)):
        return None
    number, unit = head.group(0), term[head.end() :]
    # A multiplier may belong to the unit (万元 reads as 万 + 元); parse_number decides.
    value = parse_number(number.rstrip(",."))
    if value is None or not math.isfinite(value):
        return None
    return Quantity(value, unit)


def _unit_matches(unit: str, figure: Figure) -> bool:
    if not unit:
        return True
    family = UNIT_FAMILY.get(unit)
    if family is None and unit.endswith("元"):
        family = "money"
    if family is not None:
        return figure.family == family
    if figure.family in ("percent", "points", "multiple"):
        return False
    return figure.unit in UNIT_SYNONYMS.get(unit, (unit,)) or figure.unit.endswith(unit)


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_REL_TOLERANCE, abs_tol=1e-12)


def _digits_in_text(digits: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![0-9.]){re.escape(digits)}(?![0-9])")


Predicate = Callable[[Figure, str], bool]


@dataclass(frozen=True, slots=True)
class FigureQuery:
    """A parsed filter: every predicate must hold. ``terms`` keeps what was understood, for tests."""

    terms: tuple[str, ...]
    predicates: tuple[Predicate, ...]

    def matches(self, figure: Figure, haystack: str) -> bool:
        return all(p(figure, haystack) for p in self.predicates)


def _comparison(op: str, quantity: Quantity) -> Predicate:
    target = quantity.value

    def check(figure: Figure, _haystack: str) -> bool:
        if not _unit_matches(quantity.unit, figure):
            return False
        low = figure.value
        high = figure.value_to if figure.value_to is not None else figure.value
        if op == ">":
            return high > target and not _same_value(high, target)
        if op in (">=", "≥"):
            return high > target or _same_value(high, target)
        if op == "<":
            return low < target and not _same_value(low, target)
        if op in ("<=", "≤"):
            return low < target or _same_value(low, target)
        return _same_value(low, target) or (low <= target <= high)

    return check


def _number(term: str, quantity: Quantity) -> Predicate:
    digits = NUMBER_HEAD.match(fold_compatibility(term))
    text_pattern = _digits_in_text(digits.group(0)) if digits and digits.group(0)[0].isdigit() else None

    def check(figure: Figure, _haystack: str) -> bool:
        if not _unit_matches(quantity.unit, figure):
            return False
        high = figure.value_to if figure.value_to is not None else figure.value
        if _same_value(figure.value, quantity.value) or figure.value <= quantity.value <= high:
            return True
        return bool(text_pattern and text_pattern.search(fold_compatibility(figure.text)))

    return check


def _words(term: str) -> Predicate:
    families = {fam for fam, words in FAMILY_WORDS.items() if term in words}

    def check(figure: Figure, haystack: str) -> bool:
        return term in haystack or figure.family in families

    return check


def parse_query(text: str) -> FigureQuery:
    """Turn what the user typed into predicates; never raises: what is not understood is text."""
    raw = fold_compatibility(text).split()
    terms: list[str] = []
    predicates: list[Predicate] = []
    i = 0
    while i < len(raw):
        term = raw[i]
        i += 1
        cmp = COMPARISON_TERM.match(term)
        if cmp:
            op, operand = cmp.group(1), cmp.group(2)
            if not operand and i < len(raw):
                operand = raw[i]
                i += 1
            quantity = parse_quantity(operand)
            if quantity is not None and not quantity.unit and i < len(raw) and STANDALONE_UNIT.match(raw[i]):
                operand += raw[i]
                i += 1
                quantity = parse_quantity(operand)
            if quantity is not None:
                terms.append(op + operand)
                predicates.append(_comparison(op, quantity))
                continue
            term = operand
        else:
            quantity = parse_quantity(term)
            if quantity is not None and i < len(raw) and not quantity.unit and STANDALONE_UNIT.match(raw[i]):
                term += raw[i]
                i += 1
                quantity = parse_quantity(term)
            if quantity is not None:
                terms.append(term)
                predicates.append(_number(term, quantity))
                continue
        if term:
            terms.append(term)
            predicates.append(_words(term))
    return FigureQuery(terms=tuple(terms), predicates=tuple(predicates))


def haystacks(transcript: Transcript) -> tuple[str, ...]:
    """Per figure, the normalized words a free-text term is looked for in."""
    out = []
    for f in transcript.figures:
        sp = transcript.speaker(f.speaker)
        parts = [f.text, f.unit, f.family]
        if sp is not None:
            parts += [sp.name, sp.role or "", sp.organization or ""]
        out.append(fold_compatibility("\u0000".join(parts)))
    return tuple(out)


def filter_figures(
    transcript: Transcript, query: str, prepared: Sequence[str] | None = None
) -> list[int]:
    """Indices of the figures the query keeps, in text order; everything for an empty query.

    ``prepared`` is ``haystacks(transcript)``, passed in by a caller that filters as the
    user types so it is built once per document rather than per keystroke.
    """
    parsed = parse_query(query)
    if not parsed.predicates:
        return list(range(len(transcript.figures)))
    hay = prepared if prepared is not None else haystacks(transcript)
    return [i for i, f in enumerate(transcript.figures) if parsed.matches(f, hay[i])]
