"""The model build's peak memory on a file of many short turns, and what freeing the blocks
early must not change.

Python's allocations are counted by ``tracemalloc``, which is exact and does not depend on
the machine's load, so the bound below is a test rather than a benchmark
(``bench/bench_memory.py --short`` measures the resident size of the whole process).
"""

from __future__ import annotations

import tracemalloc

from reader.parse.formats import read_document
from reader.pipeline import parse_bytes
from reader.turns.split import RELEASED, split_turns

#: Peak of Python allocations while parsing, over the file's size. It was 21x before the
#: build let go of each block once read, shared repeated markers, and the figure stage
#: kept its per-figure rows in arrays; it is about 15x now.
SHORT_TURNS_PEAK_BOUND = 18.0


def short_turns(count: int) -> bytes:
    names = ["新华社记者", "王五", "中央电视台记者", "李明", "主持人"]
    lines = [f"{names[i % 5]}：第{i}项，增长{i % 97}.{i % 10}%。" for i in range(count)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_parsing_many_short_turns_peaks_at_a_bounded_multiple_of_the_file() -> None:
    data = short_turns(4000)
    parse_bytes("王五：增长5%。\n".encode(), "warm.txt")  # imports and compiled patterns are not the file's
    tracemalloc.start()
    try:
        transcript = parse_bytes(data, "short.txt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(transcript.turns) == 4000 and len(transcript.figures) == 4000
    assert peak / len(data) < SHORT_TURNS_PEAK_BOUND


def test_splitting_with_release_frees_the_blocks_after_the_first_turn_and_drafts_the_same() -> None:
    body = "本场发布会介绍最新情况。\n\n主持人：现在开始。\n\n王五：增长5%。\n\n新华社记者：请问？\n"
    doc = read_document(body, ".md")
    kept, released = list(doc.blocks), list(doc.blocks)
    lead, drafts = split_turns(kept)
    lead_r, drafts_r = split_turns(released, release=True)
    assert [(d.who, d.paragraphs) for d in drafts_r] == [(d.who, d.paragraphs) for d in drafts]
    assert [p.text for p in lead_r] == [p.text for p in lead] == ["本场发布会介绍最新情况。"]
    # The lead and the first turn's block stay (a fallback may read them); the rest are let go.
    assert released[:2] == list(doc.blocks)[:2]
    assert released[2:] == [RELEASED, RELEASED]


def test_a_byline_alone_keeps_every_block_for_an_interview_of_bold_questions() -> None:
    """A byline is a marker that makes no turn: the blocks after it are still read when the
    document turns out to be an interview of bold questions and plain answers."""
    body = ("---\ntitle: 开发者访谈\n---\n"
            "作为这个栏目的主持人，我会给每位嘉宾写一段引言。本期嘉宾是张建国，目前就职于一家创业公司。\n\n"
            "记者：王小明\n\n"
            "**1. 你是什么时候开始学习编程的？**\n\n初二的时候，我买了一本编程书。\n\n"
            "**2. 你最近在读什么书？分享一下吧。**\n\n近半年读了12本书。\n\n"
            "**3. 对新人有什么建议？**\n\n多写代码。\n")
    t = parse_bytes(body.encode("utf-8"), "interview.md")
    names = {s.id: s.name for s in t.speakers}
    assert [names[turn.speaker] for turn in t.turns] == ["主持人", "张建国"] * 3
    assert "王小明" not in t.text  # the byline is the page's credit, not part of the text


def test_a_byline_whose_names_stand_on_the_next_line_is_still_no_turn() -> None:
    t = parse_bytes("主持人：现在开始。\n\n记者：\n\n王小明\n\n王五：增长5%。\n".encode(), "byline.md")
    assert [turn.label for turn in t.turns] == ["主持人", "王五"]
