"""Search folds case, width and script one character to one, so spans slice the original."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from reader.search.index import Match, SearchIndex, find_all
from reader.text.fold import fold

TEXT = "国家反诈中心APP已预警２０２１次。詐騙案件下降，诈骗分子转移。Ａpp 用户"


def spans(text: str, query: str) -> list[str]:
    return [text[m.start : m.end] for m in find_all(text, query)]


def test_latin_case_is_ignored() -> None:
    assert spans(TEXT, "app") == ["APP", "Ａpp"]


def test_full_width_letters_and_digits_fold_to_half_width() -> None:
    assert spans(TEXT, "ＡＰＰ") == ["APP", "Ａpp"]
    assert spans(TEXT, "2021") == ["２０２１"]


def test_traditional_query_finds_simplified_text_and_back() -> None:
    assert spans(TEXT, "詐騙") == ["詐騙", "诈骗"]
    assert spans(TEXT, "诈骗") == ["詐騙", "诈骗"]


def test_offsets_slice_the_original_text() -> None:
    for m in find_all(TEXT, "诈骗"):
        assert fold(TEXT[m.start : m.end]) == fold("诈骗")
    assert find_all(TEXT, "诈骗")[0] == Match(TEXT.index("詐騙"), TEXT.index("詐騙") + 2)


def test_phrase_that_opencc_would_rewrite_keeps_length() -> None:
    # OpenCC converts phrases; per character the length never changes.
    text = "乾燥的著名頭髮"
    assert len(fold(text)) == len(text)
    assert spans(text, "头发") == ["頭髮"]


def test_non_bmp_characters_keep_offsets() -> None:
    text = "𠀀𠀁詐騙𠀂"
    assert find_all(text, "诈骗") == [Match(2, 4)]


def test_empty_or_blank_query_finds_nothing() -> None:
    assert find_all(TEXT, "") == []
    assert find_all(TEXT, "   ") == []


def test_matches_do_not_overlap_and_are_in_order() -> None:
    assert find_all("aaaa", "aa") == [Match(0, 2), Match(2, 4)]


def test_limit_stops_early() -> None:
    assert len(SearchIndex("ab" * 100).find_all("ab", limit=5)) == 5


@given(st.text(max_size=200))
def test_fold_keeps_length_on_any_text(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text(min_size=1, max_size=60), st.integers(0, 59), st.integers(1, 8))
def test_a_slice_of_the_text_is_always_found(text: str, start: int, size: int) -> None:
    start = min(start, len(text) - 1)
    query = text[start : start + size]
    if not query.strip() or query != query.strip():
        return
    found = SearchIndex(text).find_all(query)
    assert found, (text, query)
    for m in found:
        assert fold(text[m.start : m.end]) == fold(query)


def test_search_time_grows_linearly() -> None:
    unit = "全国共破获电信网络诈骗案件39.4万起，抓获犯罪嫌疑人63.4万名。\n"
    small, large = SearchIndex(unit * 2000), SearchIndex(unit * 20000)

    def best(index: SearchIndex) -> float:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            index.find_all("诈骗案件")
            times.append(time.perf_counter() - t0)
        return min(times)

    assert best(large) < 30 * best(small) + 0.01


def brute_force_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping matches in the folded text searched in one piece."""
    folded, needle = fold(text), fold(query)
    found, at = [], folded.find(needle)
    while at != -1:
        found.append((at, at + len(needle)))
        at = folded.find(needle, at + len(needle))
    return found


@given(st.text(alphabet="aAbＢ诈骗詐騙", max_size=60), st.text(alphabet="abB骗詐", min_size=1, max_size=4),
       st.integers(min_value=1, max_value=7))
def test_searching_in_pieces_finds_what_one_piece_finds(text: str, query: str, chunk: int) -> None:
    """Matches across a piece boundary are found once; overlapping ones are not."""
    if not query.strip():
        return
    index = SearchIndex(text, chunk=chunk)
    assert index.find_spans(query) == brute_force_spans(text, query.strip())
    assert index.folded_chunks <= index.chunk_count


def test_a_background_search_delivers_batches_then_the_counts() -> None:
    from reader.search import background

    text = ("甲乙诈骗丙" * 2000) + "末尾"
    index = SearchIndex(text, chunk=1000)
    batches: list[background.Batch] = []
    search = background.BackgroundSearch(batches.append)
    search.start(index, "诈骗", 1, None)
    assert search.wait(10)
    assert batches[-1].done and all(not b.done for b in batches[:-1])
    assert [s for b in batches for s in b.spans] == brute_force_spans(text, "诈骗")
    assert {b.generation for b in batches} == {1}


def test_a_cancelled_background_search_delivers_nothing_more() -> None:
    from reader.search import background

    index = SearchIndex("诈骗" * 50_000, chunk=64)
    batches: list[background.Batch] = []

    def slow(batch: background.Batch) -> None:
        batches.append(batch)
        time.sleep(0.01)

    search = background.BackgroundSearch(slow)
    search.start(index, "诈骗", 1, None)
    while not batches:
        time.sleep(0.001)
    search.cancel()
    assert search.wait(10)
    assert not any(b.done for b in batches)
    assert len(batches) <= 2
