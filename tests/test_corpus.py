"""The corpus of real transcripts (tests/corpus/): the reader's scores may only rise.

Each document is a published transcript copied byte for byte from a public repository
(``MANIFEST.json`` says where from and how it was extracted) with a gold file written by
reading it. ``FLOORS.json`` holds the lowest scores accepted; raise them when the reader
gets better, never lower them. ``python tests/corpus_scoring.py --notes`` shows every miss.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from corpus_scoring import CORPUS, Score, Totals, documents, score_document

FLOORS = json.loads((CORPUS / "FLOORS.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores() -> list[Score]:
    return [score_document(path) for path in documents()]


def test_every_document_has_gold_and_a_manifest_entry() -> None:
    manifest = {entry["file"]: entry for entry in json.loads((CORPUS / "MANIFEST.json").read_text("utf-8"))}
    names = {p.name for p in documents()}
    assert names == set(manifest), "documents and MANIFEST.json must list the same files"
    for name, entry in manifest.items():
        assert entry["repo"] and entry["path"] and entry["extracted"], name
        data = (CORPUS / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], f"{name} changed since it was copied"


def test_the_corpus_holds_negatives_and_speeches() -> None:
    categories = [json.loads((p.parent / (p.name + ".gold.json")).read_text("utf-8"))["category"]
                  for p in documents()]
    assert categories.count("negative") >= 2 and categories.count("speech") >= 2


def test_scores_stay_at_or_above_their_floors(scores: list[Score]) -> None:
    totals = Totals(scores)
    assert totals.turn_f1 >= FLOORS["turn_f1"]
    assert totals.figure_precision >= FLOORS["figure_precision"]
    assert totals.figure_recall >= FLOORS["figure_recall"]


def test_no_turns_are_read_in_articles(scores: list[Score]) -> None:
    assert Totals(scores).negative_turns == FLOORS["negative_turns"] == 0
