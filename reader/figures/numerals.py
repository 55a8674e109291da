"""Numbers as Chinese press texts write them: ``394000``, ``39.4万``, ``３９.４万``, ``三十九万四千``.

A reporter filtering figures types a number however she likes and expects ``39.4万起``
to be found by ``394000``, ``39.4万`` or ``三十九万四千``; the figure extractor reads the
same forms out of the transcript. Both go through :func:`parse_number`, so there is
one definition of what a written number is worth.

Supported: ASCII and full-width digits, thousands separators (``1,234.5``), decimals
(``.``, full-width ``．``, Chinese ``点``), the multipliers 十/百/千/万/亿 after Arabic
digits (``3291亿``, ``1.2万亿``), Chinese numerals with place units (``一千五百``,
``两千``, ``十五``, ``三十九万四千``, colloquial ``一万五`` = 15000), zero as ``零``/``〇``,
digit-by-digit readings (``二〇二一``), the one-character tens (``廿三`` = 23), financial
forms (``壹贰叁…拾佰仟``), traditional forms (``萬``, ``億``, ``兩``), a sign (``-``,
``负``), and percentages (``28.5%``, ``百分之三十`` → 30.0, ``千分之五`` → 5.0).

Plain Python: no regex backtracking on user input (the parsers walk characters once).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from reader.text.fold import fold_width

#: Chinese digit characters and their values (simplified, traditional and financial forms).
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
#: Place units below 万: they multiply the digit before them and add up within a section.
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
#: Section multipliers: they multiply everything before them.
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
#: Every multiplier, as written after Arabic digits (``39.4万``, ``3千``).
MULTIPLIERS: dict[str, int] = {**CN_SMALL_UNITS, **CN_BIG_UNITS, "兆": 1_000_000_000_000}
#: ``兆`` counts as a multiplier only where the scanner reads it as one: before money.

#: Cantonese and older writing's tens in one character: 廿三 is 23, 卅年 thirty years.
CN_TENS: dict[str, str] = {"廿": "二十", "卅": "三十", "卌": "四十"}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS) + "".join(CN_TENS)
CN_DECIMAL_POINT = "点"

#: An Arabic number after full-width folding: digits, optional thousands groups, decimals.
ARABIC_NUMBER_RE = re.compile(r"[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?")
#: Percent prefixes: ``百分之三十`` is 30 (percent), ``千分之五`` is 5 (per mille).
PERCENT_PREFIX_RE = re.compile(r"^(?:百分之|千分之)")
#: Longest numeral we try to read: beyond this it is a code, an ID or hostile input.
MAX_NUMERAL_CHARS = 40


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


#: A space between thousands groups (``24 000``, ``1 234 567``), read as the comma it stands for.
SPACE_GROUP = re.compile(r"(?<=[0-9])[ \u2009\u202f\u00a0](?=[0-9]{3}(?![0-9]))")


def parse_arabic(s: str) -> float | None:
    """``1,234.5`` → 1234.5; None unless the whole string is one Arabic number."""
    s = SPACE_GROUP.sub(",", fold_width(s))
    if not s or len(s) > MAX_NUMERAL_CHARS or not ARABIC_NUMBER_RE.fullmatch(s):
        return None
    return _finite(float(s.replace(",", "")))


def _parse_section(s: str) -> float | None:
    """A run below 万 (``三千五百二十``, ``两千``, ``十五``, ``一千五``), or None."""
    if not s:
        return 0.0
    total = 0
    digit: int | None = None
    last_unit = 0
    saw_zero = False
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0 and CN_DIGITS[ch] != 0:
                return None  # two digits in a row inside a place-value numeral
            d = CN_DIGITS[ch]
            if d == 0:
                saw_zero = True
                digit = None if digit is None else digit
                continue
            digit = d
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if last_unit and unit >= last_unit:
                return None  # 百 after 十 and the like: not a numeral
            total += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
            saw_zero = False
        else:
            return None
    if digit is not None:
        # 一千五 is 1500: a trailing digit right after a unit takes the next unit down.
        if last_unit >= 100 and not saw_zero:
            total += digit * last_unit // 10
        else:
            total += digit
    return float(total)


def _is_digit_reading(s: str) -> bool:
    return len(s) > 1 and all(ch in CN_DIGITS for ch in s)


def parse_chinese(s: str) -> float | None:
    """A Chinese numeral (``三十九万四千``, ``一千五百亿``, ``二〇二一``, ``三点五``) or None."""
    if not s or len(s) > MAX_NUMERAL_CHARS:
        return None
    if not CN_TENS.keys().isdisjoint(s):
        s = "".join(CN_TENS.get(ch, ch) for ch in s)
    if CN_DECIMAL_POINT in s:
        whole, _, frac = s.partition(CN_DECIMAL_POINT)
        # 三十九点四万: the multiplier after the fraction applies to the whole number.
        mult = 1
        while frac and frac[-1] in CN_BIG_UNITS:
            mult *= CN_BIG_UNITS[frac[-1]]
            frac = frac[:-1]
        if not frac or not all(ch in CN_DIGITS for ch in frac):
            return None
        head = parse_chinese(whole) if whole else None
        if head is None:
            return None
        digits = "".join(str(CN_DIGITS[ch]) for ch in frac)
        return _finite(float((Decimal(int(head)) + Decimal("0." + digits)) * mult))
    if _is_digit_reading(s):
        return float("".join(str(CN_DIGITS[ch]) for ch in s))
    # Split at the last big unit: 一亿三千万 = 一 × 亿 + 三千万; 一点二万亿 handled above.
    for big in ("亿", "億", "万", "萬"):
        idx = s.rfind(big)
        if idx < 0:
            continue
        left, right = s[:idx], s[idx + 1 :]
        # A multiplier right after another (万亿) multiplies: 三万亿 = 3e12.
        left_value = parse_chinese(left) if left else 1.0
        if left_value is None:
            return None
        if right and right[0] in CN_DIGITS and len(right) == 1 and CN_DIGITS[right[0]] != 0:
            # 一万五 is 15000: a lone digit after 万 counts thousands.
            right_value: float | None = CN_DIGITS[right[0]] * CN_BIG_UNITS[big] / 10
        else:
            right_value = _parse_section_or_lower(right)
        if right_value is None:
            return None
        return _finite(left_value * CN_BIG_UNITS[big] + right_value)
    return _parse_section(s)


def _parse_section_or_lower(s: str) -> float | None:
    if not s:
        return 0.0
    if s[0] in "零〇○":
        s = s.lstrip("零〇○")
    if any(ch in CN_BIG_UNITS for ch in s):
        return parse_chinese(s)
    return _parse_section(s)


def _parse_arabic_groups(s: str) -> Decimal | None:
    """``39.4万``, ``1.2万亿``, and compounds ``25亿9187.9万`` or ``3万5千``.

    Each group is an Arabic number and its multipliers; a compound's groups must go down
    in size (亿 before 万 before 千), each smaller than the unit of the one before, as
    statistics write ``11亿6248.8万人``. Decimal keeps 39.4万 at exactly 394000.
    """
    total = Decimal(0)
    previous_mult: int | None = None
    pos = 0
    s = SPACE_GROUP.sub(",", s)
    while pos < len(s):
        m = ARABIC_NUMBER_RE.match(s, pos)
        if not m:
            return None
        pos = m.end()
        mult = 1
        while pos < len(s) and s[pos] in MULTIPLIERS:
            mult *= MULTIPLIERS[s[pos]]
            pos += 1
        try:
            group = Decimal(m.group().replace(",", "")) * mult
        except InvalidOperation:  # pragma: no cover - the regex admits only digits
            return None
        if previous_mult is not None and (mult == 1 or mult >= previous_mult or group >= previous_mult):
            return None
        total += group
        previous_mult = mult
    return total


def parse_numeral(s: str) -> float | None:
    """One number without percent sign: Arabic, Chinese or mixed (``39.4万``, ``3千万``).

    Mixed forms are Arabic numbers each followed by multipliers (``25亿9187.9万``);
    anything else (``5G``, ``2.0.1``) is not a number.
    """
    s = fold_width(s.strip())
    if not s or len(s) > MAX_NUMERAL_CHARS:
        return None
    sign = 1.0
    if s[0] in "-−负":
        sign, s = -1.0, s[1:]
    elif s[0] == "+":
        s = s[1:]
    if not s:
        return None
    if ARABIC_NUMBER_RE.match(s):
        value = _parse_arabic_groups(s)
        return None if value is None else _finite(sign * float(value))
    chinese = parse_chinese(s)
    return None if chinese is None else _finite(sign * chinese)


def parse_number(s: object) -> float | None:
    """The value of a written number, or None if ``s`` is not one.

    ``394000``, ``39.4万``, ``３９.４万``, ``1,234.5万``, ``三十九万四千``, ``两千`` and
    ``一千五百亿`` give their value in base units; ``28.5%`` gives 28.5 and ``百分之三十``
    gives 30.0, because percentages keep their written value everywhere in the reader.
    Surrounding white space is ignored; units (``元``, ``起``) are not part of a number.
    """
    if not isinstance(s, str):
        return None
    s = fold_width(s.strip())
    if not s or len(s) > MAX_NUMERAL_CHARS + 4:
        return None
    m = PERCENT_PREFIX_RE.match(s)
    if m:
        body = s[m.end() :]
        if body == "百":  # 百分之百
            return 100.0
        return parse_numeral(body)
    if s[-1] in "%‰":
        return parse_numeral(s[:-1])
    return parse_numeral(s)
