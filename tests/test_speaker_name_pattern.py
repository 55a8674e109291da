"""The names pattern of introductions: a trie, matching as the longest-first alternation does."""

from __future__ import annotations

import random
import re

from reader.speakers.introductions import longest_first_pattern


def alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def test_the_trie_finds_what_the_longest_first_alternation_finds() -> None:
    rng = random.Random(5)
    chars = "王李张刘陈明华小丽国强伟芳"
    for _ in range(300):
        count = rng.randint(1, 12)
        words = sorted({"".join(rng.choice(chars) for _ in range(rng.randint(1, 4))) for _ in range(count)})
        text = "".join(rng.choice(chars + "，。的") for _ in range(200))
        expected = [(m.start(), m.group()) for m in alternation(words).finditer(text)]
        found = [(m.start(), m.group()) for m in re.compile(longest_first_pattern(words)).finditer(text)]
        assert found == expected, words


def test_special_characters_are_escaped() -> None:
    words = ["a.b", "(c)", "a"]
    pattern = re.compile(longest_first_pattern(words))
    assert [m.group() for m in pattern.finditer("a.b axb (c) c")] == ["a.b", "a", "(c)"]
