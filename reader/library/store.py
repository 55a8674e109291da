"""The library's index file: every SQL statement of the library, and nothing else.

One SQLite file (the standard library's ``sqlite3``, WAL mode) holds the folders the reader
added, a row per document (path, title, date, source, content hash, and the size and mtime
that change detection compares), the speakers of each document and the person each is
(names folded, so 華春瑩 and 华春莹 are one person), every turn, every figure with its
indicator and period, and two FTS5 tables over the turns' text: ``uni`` (every character,
no positions: exact for one-character queries) and ``bi`` (every pair of neighbouring
characters, with positions: a longer query is the phrase of its bigrams). Why this pair,
and the numbers that chose it, are in docs/library.md and ``reader.library.tokens``.

The FTS tables are contentless: the index holds no copy of the text (that would cost half
the text's size again; the briefings themselves are on disk, and a hit's context is read
from them). A contentless table cannot forget a row without being given its old text, so a
changed or deleted document's turns are dropped from ``turns`` and their row ids recorded
in ``dead_rows``; searches leave those rows out and subtract them from counts, and when
they are many the library rebuilds the full-text tables (:meth:`Store.clear_fulltext`).

Each document's turns have consecutive row ids (``documents.first_row`` and ``rows``), so
the rows of one document are a range, found by bisection in memory.

The schema is versioned with ``PRAGMA user_version`` and upgraded in place by the steps
in ``_MIGRATIONS``. A file that is not a database, is damaged, or stays locked raises
:class:`IndexUnusable`; the library then sets it aside and rebuilds.

Why this module is long: the issue asks for all of the library's SQL in one module, so that
a shared server engine can take the embedded one's place behind the same methods; each
method is one statement or a short transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.library.records import DocumentRecord, FileState

SCHEMA_VERSION = 2
#: Bump when reader.library.tokens or reader.text.fold change what a text is indexed as.
TOKENS_VERSION = "1"
BUSY_TIMEOUT_MS = 1500
#: SQLite's page cache per connection, in KiB (its default is 2 MiB). A phrase query reads the
#: doclists of all its bigrams; with the default they came from the OS on every query, and on
#: 1,000 briefings 8-character queries took 2.3 ms (p50) against 0.9 ms with this. Pages are
#: only taken as they are read. Memory-mapped I/O was as fast, but turns an I/O error on the
#: index into a signal that kills the process, where a damaged index must get a message.
CACHE_KIB = 64 * 1024
_TOKENIZER = "tokenize='unicode61 remove_diacritics 0'"


class IndexUnusable(Exception):
    """The index file cannot be used (damaged, not a database, locked); ``reason`` says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class DocumentRow:
    id: int
    path: str
    title: str
    date: str | None
    source: str
    first_row: int
    rows: int
    chars: int


@dataclass(frozen=True)
class TurnRow:
    row: int
    doc_id: int
    turn: int
    start: int
    end: int
    speaker: str | None
    role: str | None
    organization: str | None
    kind: str | None


@dataclass(frozen=True)
class Match:
    """An FTS5 query: ``bi`` and/or ``uni`` expressions (both must hold when both are given)."""

    bi: str | None
    uni: str | None


def _run(db: sqlite3.Connection, script: str) -> None:
    """Each statement of ``script`` in the caller's transaction (``executescript`` would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1(db: sqlite3.Connection) -> None:
    _run(db, f"""
        CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE folders(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
        CREATE TABLE documents(
            id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL, date TEXT,
            source TEXT NOT NULL, sha256 TEXT NOT NULL, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
            chars INTEGER NOT NULL, first_row INTEGER NOT NULL, rows INTEGER NOT NULL);
        CREATE TABLE persons(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
        CREATE TABLE organizations(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
        CREATE TABLE speakers(
            id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, sid TEXT NOT NULL, person_id INTEGER NOT NULL,
            name TEXT NOT NULL, role TEXT, organization_id INTEGER, kind TEXT NOT NULL,
            turns INTEGER NOT NULL, chars INTEGER NOT NULL);
        CREATE INDEX speakers_doc ON speakers(doc_id);
        CREATE INDEX speakers_person ON speakers(person_id);
        CREATE TABLE turns(
            id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, speaker_id INTEGER,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL);
        CREATE TABLE figures(
            id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, turn INTEGER, speaker_id INTEGER,
            text TEXT NOT NULL, value REAL NOT NULL, value_to REAL, unit TEXT NOT NULL, family TEXT NOT NULL,
            qualifier TEXT, indicator TEXT NOT NULL, period TEXT, sentence TEXT NOT NULL,
            start INTEGER NOT NULL);
        CREATE INDEX figures_doc ON figures(doc_id);
        CREATE INDEX figures_indicator ON figures(indicator);
        CREATE TABLE dead_rows(lo INTEGER NOT NULL, hi INTEGER NOT NULL);
        CREATE VIRTUAL TABLE uni USING fts5(t, content='', columnsize=0, detail=none, {_TOKENIZER});
        CREATE VIRTUAL TABLE bi USING fts5(t, content='', columnsize=0, detail=full, {_TOKENIZER});
        INSERT INTO settings VALUES ('next_row', '1'), ('tokens', '{TOKENS_VERSION}');
    """)


def _v2(db: sqlite3.Connection) -> None:
    """Speaker pages read a person's figures and the filters list organizations."""
    _run(db, """
        CREATE INDEX figures_speaker ON figures(speaker_id);
        CREATE INDEX speakers_organization ON speakers(organization_id);
    """)


#: ``_MIGRATIONS[n]`` upgrades a file at version n to n + 1, in place.
_MIGRATIONS = (_v1, _v2)


class Store:
    """One connection to the index file (one per thread: sqlite3 connections stay on theirs)."""

    def __init__(self, path: str, *, migrate_to: int = SCHEMA_VERSION) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                      check_same_thread=False)
        except sqlite3.Error as exc:
            raise IndexUnusable(path, str(exc)) from exc
        try:
            self._prepare(migrate_to)
        except sqlite3.Error as exc:
            self.db.close()
            raise IndexUnusable(path, _reason(exc)) from exc

    def _prepare(self, migrate_to: int) -> None:
        db = self.db
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"made by a newer Transcript Reader (schema {version})")
        if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            # A new file: free pages can be given back (``optimize``). It must be said before
            # the first table exists; an older index keeps its pages until it is rebuilt.
            db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if version < migrate_to:
            db.execute("BEGIN IMMEDIATE")
            for step in _MIGRATIONS[version:migrate_to]:
                step(db)
            db.execute(f"PRAGMA user_version = {migrate_to}")
            db.execute("COMMIT")
        db.execute("SELECT count(*) FROM documents").fetchone()  # a damaged file fails here, not later

    def close(self) -> None:
        self.db.close()

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # -- settings and folders --------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value))

    def folders(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT path FROM folders ORDER BY path")]

    def add_folder(self, path: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO folders(path) VALUES (?)", (path,))

    def remove_folder(self, path: str) -> None:
        self.db.execute("DELETE FROM folders WHERE path = ?", (path,))

    # -- writing ---------------------------------------------------------------------------
    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def _id_for(self, table: str, key: str, name: str) -> int:
        row = self.db.execute(f"SELECT id FROM {table} WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return int(row[0])
        cursor = self.db.execute(f"INSERT INTO {table}(key, name) VALUES (?, ?)", (key, name))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def write_document(self, record: DocumentRecord, keys: Sequence[tuple[str, str | None]]) -> int:
        """Insert ``record`` (replacing the document at its path); ``keys`` holds each
        speaker's (person key, organization key), folded by the caller. Inside a transaction."""
        db = self.db
        old = db.execute("SELECT id FROM documents WHERE path = ?", (record.path,)).fetchone()
        if old is not None:
            self.delete_document(int(old[0]))
        first_row = int(self.setting("next_row") or 1)
        cursor = db.execute(
            "INSERT INTO documents(path, title, date, source, sha256, mtime_ns, size, chars, first_row, rows)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.path, record.title, record.date, record.source, record.sha256, record.mtime_ns,
             record.size, record.chars, first_row, len(record.turns)))
        doc_id = cursor.lastrowid
        assert doc_id is not None
        speaker_ids: dict[str, int] = {}
        filter_tokens: dict[str, str] = {}
        for speaker, (key, org_key) in zip(record.speakers, keys, strict=True):
            person = self._id_for("persons", key, speaker.name)
            org = self._id_for("organizations", org_key, speaker.organization or "") if org_key else None
            cursor = db.execute(
                "INSERT INTO speakers(doc_id, sid, person_id, name, role, organization_id, kind, turns, "
                "chars)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, speaker.sid, person, speaker.name, speaker.role, org, speaker.kind,
                 speaker.turns, speaker.chars))
            assert cursor.lastrowid is not None
            speaker_ids[speaker.sid] = cursor.lastrowid
            filter_tokens[speaker.sid] = filter_words(person, org, speaker.kind)
        lead = filter_words(None, None, "lead")
        rows = []
        for offset, turn in enumerate(record.turns):
            rows.append((first_row + offset, doc_id, turn.index, speaker_ids.get(turn.sid or ""),
                         turn.start, turn.end))
        db.executemany('INSERT INTO turns(id, doc_id, idx, speaker_id, start, "end") '
                       'VALUES (?, ?, ?, ?, ?, ?)',
                       rows)
        tokens = [filter_tokens.get(t.sid or "", lead) for t in record.turns]
        db.executemany("INSERT INTO uni(rowid, t) VALUES (?, ?)",
                       ((first_row + i, f"{t.unigrams} {w}")
                        for i, (t, w) in enumerate(zip(record.turns, tokens, strict=True))))
        db.executemany("INSERT INTO bi(rowid, t) VALUES (?, ?)",
                       ((first_row + i, f"{t.bigrams} {w}")
                        for i, (t, w) in enumerate(zip(record.turns, tokens, strict=True))))
        db.executemany(
            "INSERT INTO figures(doc_id, turn, speaker_id, text, value, value_to, unit, family, qualifier,"
            " indicator, period, sentence, start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((doc_id, f.turn, speaker_ids.get(f.sid or ""), f.text, f.value, f.value_to, f.unit, f.family,
              f.qualifier, f.indicator, f.period, f.sentence, f.start)
             for f in record.figures if f.indicator))
        self.set_setting("next_row", str(first_row + len(record.turns)))
        return doc_id

    def delete_document(self, doc_id: int) -> None:
        """Forget a document; its full-text rows become dead rows (see the module's docstring)."""
        db = self.db
        row = db.execute("SELECT first_row, rows FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return
        first, count = int(row[0]), int(row[1])
        if count:
            db.execute("INSERT INTO dead_rows VALUES (?, ?)", (first, first + count - 1))
        db.execute("DELETE FROM turns WHERE id BETWEEN ? AND ?", (first, first + count - 1))
        for table in ("speakers", "figures"):
            db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def clear_fulltext(self) -> None:
        """Empty both full-text tables and forget every document (a rebuild re-reads them all)."""
        db = self.db
        for table in ("uni", "bi"):
            db.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
        for table in ("dead_rows", "turns", "speakers", "figures", "documents"):
            db.execute(f"DELETE FROM {table}")
        self.set_setting("next_row", "1")
        self.set_setting("tokens", TOKENS_VERSION)

    def optimize(self) -> None:
        """Merge the full-text tables' segments into one each (smaller, faster to search),
        and give the pages the old segments held back to the file system: after indexing
        300 briefings they were 11% of the file (``PRAGMA freelist_count``)."""
        for table in ("uni", "bi"):
            self.db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        # executescript steps it to the end: execute() steps a statement with no columns once,
        # and each step frees one page.
        self.db.executescript("PRAGMA incremental_vacuum;")
        self.checkpoint()  # the pages moved are in the write-ahead log until then

    def checkpoint(self) -> None:
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- change detection ------------------------------------------------------------------
    def file_states(self) -> dict[str, tuple[int, FileState]]:
        return {r[0]: (int(r[1]), FileState(r[0], int(r[2]), int(r[3])))
                for r in self.db.execute("SELECT path, id, mtime_ns, size FROM documents")}

    def dead_fraction(self) -> float:
        dead = self.db.execute("SELECT coalesce(sum(hi - lo + 1), 0), count(*) FROM dead_rows").fetchone()
        alive = self.db.execute("SELECT coalesce(sum(rows), 0) FROM documents").fetchone()[0]
        total = int(dead[0]) + int(alive)
        return int(dead[0]) / total if total else 0.0

    # -- reading ---------------------------------------------------------------------------
    def documents(self) -> list[DocumentRow]:
        return [DocumentRow(int(r[0]), r[1], r[2], r[3], r[4], int(r[5]), int(r[6]), int(r[7]))
                for r in self.db.execute(
                    "SELECT id, path, title, date, source, first_row, rows, chars FROM documents"
                    " ORDER BY first_row")]

    def data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def document_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def dead_ranges(self) -> list[tuple[int, int]]:
        return [(int(r[0]), int(r[1])) for r in self.db.execute("SELECT lo, hi FROM dead_rows ORDER BY lo")]

    def _select(self, match: Match, what: str, lo: int | None, hi: int | None, order: str = ""
                ) -> tuple[str, list[object]]:
        table, expr = ("bi", match.bi) if match.bi is not None else ("uni", match.uni)
        where: list[str] = [f"{table} MATCH ?"]
        args: list[object] = [expr]
        if match.bi is not None and match.uni is not None:
            where.append("rowid IN (SELECT rowid FROM uni WHERE uni MATCH ?)")
            args.append(match.uni)
        if lo is not None and hi is not None:
            where.append("rowid BETWEEN ? AND ?")
            args += [lo, hi]
        return f"SELECT {what} FROM {table} WHERE {' AND '.join(where)}{order}", args

    def count(self, match: Match, lo: int | None = None, hi: int | None = None) -> int:
        sql, args = self._select(match, "count(*)", lo, hi)
        return int(self.db.execute(sql, args).fetchone()[0])

    def rowids(self, match: Match, lo: int | None = None, hi: int | None = None) -> list[int]:
        sql, args = self._select(match, "rowid", lo, hi, " ORDER BY rowid")
        return [r[0] for r in self.db.execute(sql, args)]

    def turn_rows(self, rows: Iterable[int]) -> list[TurnRow]:
        ids = sorted(set(rows))
        out: list[TurnRow] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            out += [TurnRow(*r) for r in self.db.execute(
                f'SELECT t.id, t.doc_id, t.idx, t.start, t."end", s.name, s.role, o.name, s.kind FROM turns t'
                " LEFT JOIN speakers s ON s.id = t.speaker_id"
                " LEFT JOIN organizations o ON o.id = s.organization_id"
                f" WHERE t.id IN ({marks}) ORDER BY t.id", chunk)]
        return out

    def person_ids(self, key: str) -> list[int]:
        """Persons whose folded name is ``key``, or holds it when none is exactly it."""
        exact = [r[0] for r in self.db.execute("SELECT id FROM persons WHERE key = ?", (key,))]
        if exact:
            return exact
        return [r[0] for r in self.db.execute("SELECT id FROM persons WHERE instr(key, ?) > 0", (key,))]

    def organization_ids(self, key: str) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM organizations WHERE instr(key, ?) > 0", (key,))]

    def filter_values(self) -> dict[str, list[str]]:
        """What the window's filter lists offer: speakers (most turns first), organizations, sources."""
        speakers = [r[0] for r in self.db.execute(
            "SELECT p.name FROM persons p JOIN speakers s ON s.person_id = p.id WHERE s.kind != 'reporter'"
            " GROUP BY p.id ORDER BY sum(s.turns) DESC LIMIT 500")]
        organizations = [r[0] for r in self.db.execute(
            "SELECT o.name FROM organizations o JOIN speakers s ON s.organization_id = o.id"
            " GROUP BY o.id ORDER BY count(*) DESC LIMIT 500")]
        sources = [r[0] for r in self.db.execute(
            "SELECT source FROM documents GROUP BY source ORDER BY count(*) DESC LIMIT 200")]
        return {"speakers": speakers, "organizations": organizations, "sources": sources}

    def person(self, key: str) -> tuple[int, str] | None:
        row = self.db.execute("SELECT id, name FROM persons WHERE key = ?", (key,)).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def appearances(self, person_id: int) -> list[tuple[object, ...]]:
        """(doc id, path, title, date, name, role, organization, kind, turns, chars, briefing chars,
        first turn start, speaker id) for each briefing the person spoke in, newest first."""
        return [tuple(r) for r in self.db.execute(
            "SELECT d.id, d.path, d.title, d.date, s.name, s.role, o.name, s.kind, s.turns, s.chars, d.chars,"
            # A document's turns are the row ids first_row.. (its full-text rows): a range of the
            # primary key, not a scan of every turn (107 s for a person on 10,000 briefings).
            " (SELECT min(t.start) FROM turns t WHERE t.id BETWEEN d.first_row AND d.first_row + d.rows - 1"
            " AND t.speaker_id = s.id), s.id"
            " FROM speakers s JOIN documents d ON d.id = s.doc_id LEFT JOIN organizations o"
            " ON o.id = s.organization_id WHERE s.person_id = ? ORDER BY d.date DESC, d.id DESC",
            (person_id,))]

    def figures_of_speakers(self, speaker_ids: Sequence[int], limit: int = 2000) -> list[tuple[object, ...]]:
        """The speakers' newest ``limit`` figures, in date order (a reader follows what they say now)."""
        out: list[tuple[object, ...]] = []
        for i in range(0, len(speaker_ids), 500):
            chunk = list(speaker_ids[i:i + 500])
            marks = ",".join("?" * len(chunk))
            out += [tuple(r) for r in self.db.execute(
                _FIGURE_COLUMNS + f" WHERE f.speaker_id IN ({marks}) ORDER BY {_NEWEST_FIRST} LIMIT ?",
                [*chunk, limit])]
        return _in_date_order(out, limit)

    def figures_of_indicator(self, indicator: str, limit: int = 5000) -> list[tuple[object, ...]]:
        """The indicator's newest ``limit`` values, in date order: past the limit, the oldest go."""
        return _in_date_order([tuple(r) for r in self.db.execute(
            _FIGURE_COLUMNS + f" WHERE f.indicator = ? ORDER BY {_NEWEST_FIRST} LIMIT ?",
            (indicator, limit))], limit)

    def count_of_indicator(self, indicator: str) -> int:
        row = self.db.execute("SELECT count(*) FROM figures WHERE indicator = ?", (indicator,)).fetchone()
        return int(row[0])

    def indicators_like(self, key: str, limit: int = 50) -> list[tuple[str, int]]:
        """Indicators holding ``key``, most cited first."""
        return [(r[0], int(r[1])) for r in self.db.execute(
            "SELECT indicator, count(*) FROM figures WHERE instr(indicator, ?) > 0 GROUP BY indicator"
            " ORDER BY count(*) DESC LIMIT ?", (key, limit))]


_FIGURE_COLUMNS = (
    "SELECT d.id, d.path, d.title, d.date, s.name, f.text, f.value, f.unit, f.family, f.qualifier,"
    " f.indicator,"
    " f.period, f.sentence, f.start FROM figures f JOIN documents d ON d.id = f.doc_id"
    " LEFT JOIN speakers s ON s.id = f.speaker_id")


_NEWEST_FIRST = "d.date DESC, d.id DESC, f.start DESC"  # SQLite puts undated briefings last here


def _date_order(row: tuple[object, ...]) -> tuple[bool, str, int, int]:
    """``ORDER BY d.date, d.id, f.start`` of a ``_FIGURE_COLUMNS`` row (undated first, as SQLite)."""
    doc_id, date, start = row[0], row[3], row[13]
    return (date is not None, str(date or ""), int(str(doc_id)), int(str(start)))


def _in_date_order(rows: list[tuple[object, ...]], limit: int) -> list[tuple[object, ...]]:
    """The newest ``limit`` of ``rows``, oldest first."""
    return sorted(rows, key=_date_order, reverse=True)[:limit][::-1]


def filter_words(person: int | None, organization: int | None, kind: str) -> str:
    """The words a turn's full-text rows carry for the speaker, organization and kind filters.

    Three characters or more, so no text token (one character in ``uni``, two in ``bi``)
    is ever one of them."""
    words = [f"zk{kind}"]
    if person is not None:
        words.append(f"zp{person}")
    if organization is not None:
        words.append(f"zo{organization}")
    return " ".join(words)


def _reason(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return "the index is locked by another program"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "the index file is damaged"
    return text
