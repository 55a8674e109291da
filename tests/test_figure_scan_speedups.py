"""The figure scanner's shortcuts change no result.

Each speed-up in :mod:`reader.figures` and :mod:`reader.text.fold` replaces a slower
formulation that defined the behaviour; these properties compare the two on generated text
made of the characters the rules look at, so a later edit of a table or a pattern cannot
silently break one.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.figures import relations, scan
from reader.text import fold as folding

_FOLDABLE = "".join(map(chr, folding._SCAN_FOLD))
_SCAN_CHARS = _FOLDABLE + "0123456789.,%-、和至到一二三十百千万亿两多余个元人年成第“”5G ，。\n"
_scan_text = st.text(alphabet=_SCAN_CHARS, max_size=40)


@settings(max_examples=300, deadline=None)
@given(_scan_text)
def test_folding_only_the_foldable_runs_equals_translating_everything(text: str) -> None:
    assert folding.fold_for_scanning(text) == text.translate(folding._SCAN_FOLD)


def test_folding_keeps_text_without_foldable_characters() -> None:
    text = "全国共破获电信网络诈骗案件39.4万起。"
    assert folding.fold_for_scanning(text) == text
    assert folding.fold_for_scanning("財政收入５０４５億元") == "財政收入5045亿元"


@settings(max_examples=300, deadline=None)
@given(_scan_text)
def test_number_pattern_look_ahead_changes_no_match(text: str) -> None:
    look_ahead, _, bare = scan.NUMBER_RE.pattern.partition("])")
    assert look_ahead.startswith("(?=[")
    plain = re.compile(bare)
    folded = folding.fold_for_scanning(text)
    expected = [(m.span(), m.groupdict()) for m in plain.finditer(folded)]
    assert [(m.span(), m.groupdict()) for m in scan.NUMBER_RE.finditer(folded)] == expected


@settings(max_examples=200, deadline=None)
@given(_scan_text)
def test_context_bigrams_are_pairs_of_adjacent_chinese_characters(text: str) -> None:
    fig = scan.FoundFigure(start=len(text), end=len(text), text="", value=0.0, unit="",
                              qualifier=None, family="count")
    double = text + text
    before = double[max(0, len(text) - relations.SAME_CONTEXT_CHARS) : len(text)]
    after = double[len(text) : len(text) + relations.SAME_CONTEXT_CHARS]
    cjk = re.compile(r"[\u4e00-\u9fff]")
    expected = {
        part[k : k + 2]
        for part in (before, after)
        for k in range(len(part) - 1)
        if cjk.match(part[k]) and cjk.match(part[k + 1])
    } - relations._GENERIC_BIGRAMS
    assert relations._context_bigrams(double, fig, 0, len(double)) == expected


_CHANGE_CHARS = "同比环较上年去同期分别增长下降减少提高加快收窄了为达到新增至0123456789%，、 "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHANGE_CHARS, max_size=14))
def test_change_verb_look_ahead_changes_no_match(window: str) -> None:
    look_ahead, _, bare = relations.CHANGE_BEFORE_RE.pattern.partition("])")
    assert look_ahead.startswith("(?=[")
    plain = re.compile(bare).search(window)
    found = relations.CHANGE_BEFORE_RE.search(window)
    assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))
