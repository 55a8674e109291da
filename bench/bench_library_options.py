"""Which full-text scheme finds 1- and 2-character Chinese queries exactly, and at what cost.

FTS5's trigram tokenizer cannot match a term under 3 characters and unicode61 does not split
Chinese, so the library needs one of:

- ``unibi``: characters and character bigrams written pre-tokenized (space-separated, each
  character folded and encoded so unicode61 keeps it whole) into a contentless FTS5 table
  with the unicode61 tokenizer: a 1-character query is one unigram, a longer one a phrase
  of consecutive bigrams (exact: consecutive bigrams overlap by one character);
- ``trigram``: FTS5's trigram tokenizer over the folded text (stored in the table), with an
  ``instr`` scan for queries under 3 characters;
- ``ngram``: apsw's NGramTokenizer (ngrams 1 and 2), a tokenizer written in Python.

Each is built from the same turns of a generated library, then asked 1-, 2-, 4- and
8-character queries and a two-term AND, each compared with a brute-force scan of the folded
texts. Run: ``.venv/bin/python bench/bench_library_options.py [DOCS]`` (default 1000; the
ngram option indexes the first fifth of them, it is slow). Numbers are in docs/library.md.
"""

from __future__ import annotations

import os
import pickle
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from reader.library.tokens import bigram_tokens, phrase, unigram_tokens  # noqa: E402
from reader.model import Transcript  # noqa: E402
from reader.text.fold import fold  # noqa: E402

Turns = list[str]


def corpus_turns(docs: int) -> Turns:
    cache = Path(tempfile.gettempdir()) / f"library-options-passages-{docs}.pickle"
    if cache.exists():
        turns: Turns = pickle.loads(cache.read_bytes())
        return turns
    import library_corpus

    from reader.pipeline import parse_bytes

    out: Turns = []
    for name, text in library_corpus.generate(docs):
        transcript = parse_bytes(text.encode("utf-8"), name)
        out += passages(transcript)
    cache.write_bytes(pickle.dumps(out))
    return out


def passages(transcript: Transcript) -> list[str]:
    """What the library indexes as one row: the text before the first turn, then each
    speaker's turns in the briefing, joined by newlines (a query never holds a space)."""
    text, turns = transcript.text, transcript.turns
    lead = text[:turns[0].start] if turns else text
    by_speaker: dict[str, list[str]] = {}
    for t in turns:
        by_speaker.setdefault(t.speaker, []).append(text[t.start:t.end])
    return [lead, *("\n".join(parts) for parts in by_speaker.values())]


def queries(folded: list[str], rng: random.Random) -> dict[str, list[list[str]]]:
    """Random substrings of the texts (1, 2, 4, 8 characters, no spaces) and two-term ANDs."""
    def substring(n: int) -> str:
        while True:
            text = rng.choice(folded)
            if len(text) > n:
                i = rng.randrange(len(text) - n)
                q = text[i:i + n]
                if not any(c.isspace() for c in q):
                    return q

    out: dict[str, list[list[str]]] = {
        f"{n} chars": [[substring(n)] for _ in range(40)] for n in (1, 2, 4, 8)}
    out["2 terms AND"] = [[substring(2), substring(2)] for _ in range(40)]
    return out


def brute(folded: list[str], terms: list[str]) -> set[int]:
    return {i + 1 for i, text in enumerate(folded) if all(t in text for t in terms)}


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


class Scheme:
    name = ""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.path = path

    def build(self, turns: Turns, folded: list[str]) -> None: ...

    def search(self, terms: list[str]) -> tuple[int, list[int]]:
        raise NotImplementedError

    def size(self) -> int:
        self.db.commit()
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(os.path.getsize(self.path + s) for s in ("", "-wal") if os.path.exists(self.path + s))


class UniBi(Scheme):
    name = "unibi"

    def build(self, turns: Turns, folded: list[str]) -> None:
        db = self.db
        db.execute("CREATE TABLE turns(id INTEGER PRIMARY KEY, text BLOB)")
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(uni, bi, content='', columnsize=0, "
                   "tokenize=\"unicode61 remove_diacritics 0\")")
        with db:
            for i, (text, f) in enumerate(zip(turns, folded, strict=True), 1):
                db.execute("INSERT INTO turns VALUES(?, ?)", (i, zlib.compress(text.encode("utf-8"))))
                db.execute("INSERT INTO fts(rowid, uni, bi) VALUES(?, ?, ?)",
                           (i, unigram_tokens(f), bigram_tokens(f)))
        db.execute("INSERT INTO fts(fts) VALUES('optimize')")

    def search(self, terms: list[str]) -> tuple[int, list[int]]:
        expr = self._expr(terms)
        count = self.db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expr,)).fetchone()[0]
        rows = self.db.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT 50",
                               (expr,)).fetchall()
        return count, [r[0] for r in rows]

    def _expr(self, terms: list[str]) -> str:
        return " AND ".join(("uni : " if len(t) == 1 else "bi : ") + phrase(t) for t in terms)

    def all_ids(self, terms: list[str]) -> set[int]:
        expr = self._expr(terms)
        return {r[0] for r in self.db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expr,))}


class UniBiSplit(UniBi):
    """Unigrams in a table without positions (detail=none), bigrams in one with them."""

    name = "unibi split"

    def build(self, turns: Turns, folded: list[str]) -> None:
        db = self.db
        db.execute("CREATE TABLE turns(id INTEGER PRIMARY KEY, text BLOB)")
        for table, detail in (("uni", "none"), ("bi", "full")):
            db.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(t, content='', columnsize=0, "
                       f"detail={detail}, tokenize='unicode61 remove_diacritics 0')")
        with db:
            for i, (text, f) in enumerate(zip(turns, folded, strict=True), 1):
                db.execute("INSERT INTO turns VALUES(?, ?)", (i, zlib.compress(text.encode("utf-8"))))
                db.execute("INSERT INTO uni(rowid, t) VALUES(?, ?)", (i, unigram_tokens(f)))
                db.execute("INSERT INTO bi(rowid, t) VALUES(?, ?)", (i, bigram_tokens(f)))
        for table in ("uni", "bi"):
            db.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")

    def _sql(self, terms: list[str], tail: str) -> str:
        tables = ["uni" if len(t) == 1 else "bi" for t in terms]
        parts = [f"rowid IN (SELECT rowid FROM {t} WHERE {t} MATCH ?)" for t in tables[1:]]
        where = " AND ".join([f"{tables[0]} MATCH ?", *parts])
        return f"SELECT {tail} FROM {tables[0]} WHERE {where}"

    def search(self, terms: list[str]) -> tuple[int, list[int]]:
        args = [phrase(t) for t in terms]
        count = self.db.execute(self._sql(terms, "count(*)"), args).fetchone()[0]
        rows = self.db.execute(self._sql(terms, "rowid") + " ORDER BY rowid DESC LIMIT 50", args).fetchall()
        return count, [r[0] for r in rows]

    def all_ids(self, terms: list[str]) -> set[int]:
        args = [phrase(t) for t in terms]
        return {r[0] for r in self.db.execute(self._sql(terms, "rowid"), args)}


class Trigram(Scheme):
    name = "trigram"

    def build(self, turns: Turns, folded: list[str]) -> None:
        db = self.db
        db.execute("CREATE TABLE turns(id INTEGER PRIMARY KEY, text BLOB)")
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='trigram case_sensitive 1')")
        with db:
            for i, (text, f) in enumerate(zip(turns, folded, strict=True), 1):
                db.execute("INSERT INTO turns VALUES(?, ?)", (i, zlib.compress(text.encode("utf-8"))))
                db.execute("INSERT INTO fts(rowid, text) VALUES(?, ?)", (i, f))
        db.execute("INSERT INTO fts(fts) VALUES('optimize')")

    def _where(self, terms: list[str]) -> tuple[str, list[str]]:
        parts, args = [], []
        long_terms = [t for t in terms if len(t) >= 3]
        if long_terms:
            parts.append("fts MATCH ?")
            args.append(" AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms))
        for t in terms:
            if len(t) < 3:
                parts.append("instr(text, ?) > 0")
                args.append(t)
        return " AND ".join(parts), args

    def search(self, terms: list[str]) -> tuple[int, list[int]]:
        where, args = self._where(terms)
        count = self.db.execute(f"SELECT count(*) FROM fts WHERE {where}", args).fetchone()[0]
        rows = self.db.execute(f"SELECT rowid FROM fts WHERE {where} ORDER BY rowid DESC LIMIT 50",
                               args).fetchall()
        return count, [r[0] for r in rows]

    def all_ids(self, terms: list[str]) -> set[int]:
        where, args = self._where(terms)
        return {r[0] for r in self.db.execute(f"SELECT rowid FROM fts WHERE {where}", args)}


class NGram(Scheme):
    name = "ngram (apsw)"

    def __init__(self, path: str) -> None:
        import apsw
        import apsw.fts5

        self.apsw = apsw.Connection(path)
        self.apsw.execute("PRAGMA journal_mode=WAL")
        self.apsw.register_fts5_tokenizer("ngram", apsw.fts5.NGramTokenizer)
        self.path = path

    def build(self, turns: Turns, folded: list[str]) -> None:
        db = self.apsw
        db.execute("CREATE TABLE turns(id INTEGER PRIMARY KEY, text BLOB)")
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(text, content='', tokenize=\"ngram ngrams '1,2'\")")
        with db:
            for i, (text, f) in enumerate(zip(turns, folded, strict=True), 1):
                db.execute("INSERT INTO turns VALUES(?, ?)", (i, zlib.compress(text.encode("utf-8"))))
                db.execute("INSERT INTO fts(rowid, text) VALUES(?, ?)", (i, f))
        db.execute("INSERT INTO fts(fts) VALUES('optimize')")

    def _expr(self, terms: list[str]) -> str:
        return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)

    def search(self, terms: list[str]) -> tuple[int, list[int]]:
        expr = self._expr(terms)
        count = next(self.apsw.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expr,)))[0]
        rows = list(self.apsw.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT 50",
                                      (expr,)))
        return int(count), [r[0] for r in rows]

    def all_ids(self, terms: list[str]) -> set[int]:
        expr = (self._expr(terms),)
        return {r[0] for r in self.apsw.execute("SELECT rowid FROM fts WHERE fts MATCH ?", expr)}

    def size(self) -> int:
        self.apsw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(os.path.getsize(self.path + s) for s in ("", "-wal") if os.path.exists(self.path + s))


def measure(make: Callable[[str], Scheme], turns: Turns, folded: list[str], qs: dict[str, list[list[str]]],
            text_bytes: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        scheme = make(os.path.join(tmp, "index.sqlite3"))
        t0 = time.perf_counter()
        scheme.build(turns, folded)
        built = time.perf_counter() - t0
        size = scheme.size()
        line = [f"{scheme.name:14}", f"build {built:6.1f} s", f"size {size / text_bytes:4.2f}x text"]
        misses = false_hits = 0
        for kind, cases in qs.items():
            times = []
            for terms in cases:
                t0 = time.perf_counter()
                count, _ = scheme.search(terms)
                times.append(time.perf_counter() - t0)
                expected = brute(folded, terms)
                found = scheme.all_ids(terms)  # type: ignore[attr-defined]
                misses += len(expected - found)
                false_hits += len(found - expected) + (count != len(expected))
            line.append(f"{kind} p95 {p95(times) * 1000:6.1f} ms")
        line.append(f"misses {misses}, false hits {false_hits}")
        print(" | ".join(line), flush=True)


def main() -> None:
    docs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    turns = corpus_turns(docs)
    folded = [fold(t) for t in turns]
    text_bytes = sum(len(t.encode("utf-8")) for t in turns)
    print(f"{docs} documents, {len(turns)} turns, {text_bytes / 1e6:.1f} MB of turn text")
    rng = random.Random(1)
    qs = queries(folded, rng)
    # measure(UniBi, turns, folded, qs, text_bytes)
    measure(UniBiSplit, turns, folded, qs, text_bytes)
    measure(Trigram, turns, folded, qs, text_bytes)
    try:
        import apsw  # noqa: F401
    except ImportError:
        print("ngram (apsw): apsw is not installed (pip install apsw to measure it)")
        return
    fifth = len(turns) // 5
    small_bytes = sum(len(t.encode("utf-8")) for t in turns[:fifth])
    print(f"ngram on the first {fifth} turns ({small_bytes / 1e6:.1f} MB): compare with the others x5")
    sub_qs = queries(folded[:fifth], rng)
    measure(NGram, turns[:fifth], folded[:fifth], sub_qs, small_bytes)
    measure(UniBiSplit, turns[:fifth], folded[:fifth], sub_qs, small_bytes)


if __name__ == "__main__":
    main()
