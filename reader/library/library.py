"""The library: folders of briefings, indexed once, searched all at once.

:class:`Library` is the one small interface the command line and the window use (add,
remove, search, speaker, figure history; refresh and contexts beside them), so that a
shared server engine could take the embedded one's place for a team: everything it asks
of SQLite goes through ``reader.library.store``.

A search folds its query as the in-document search does (``reader.text.fold.fold``),
splits it at spaces into terms that must all occur in one turn, and asks the full-text
tables for the turns; the page is the newest briefings' matching turns, and the count is
exact. Any character a user types is text (``"``, ``*``, ``NEAR``, ``-``, ``:`` included):
``reader.library.tokens`` encodes it before FTS5 sees it.

An index file that is damaged, not a database, or stays locked is set aside (renamed
beside itself) and a new one made in its place; :attr:`Library.rebuilt` then says why,
and the folders it held (kept beside it in a small JSON file as well) are read again by
the next :meth:`Library.refresh`.

Why this module is long: it is the interface's one implementation, and each operation
(add and refresh with change detection, search with its two strategies for a page,
speaker pages, figure histories, contexts) is short but needs its neighbours.
"""

from __future__ import annotations

import bisect
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.library import indexer
from reader.library.paths import default_index_path, normalized_folder, transcripts_under
from reader.library.records import (
    AddReport,
    Appearance,
    CitedFigure,
    DocumentRecord,
    FigureHistory,
    Filters,
    Hit,
    SearchResult,
    SpeakerPage,
)
from reader.library.store import DocumentRow, IndexUnusable, Match, Store
from reader.library.tokens import match_expression
from reader.load.cache import code_fingerprint
from reader.text.fold import fold

#: Briefings per page of results.
PAGE_DOCUMENTS = 20
#: Up to this many matching turns, all their row ids are read and grouped by briefing in
#: memory; beyond, the newest briefings are probed one by one until a page is full.
FETCH_ALL_LIMIT = 40_000
#: Values a figure history shows at most: the newest (a chart of more is a smear, and the
#: window's table would hold them all); the summary says how many there are in all.
HISTORY_LIMIT = 5000
#: Commit the writes at least this often while indexing (seconds): progress is durable.
COMMIT_EVERY_S = 2.0
#: Above this share of dead full-text rows (changed and deleted documents), rebuild them.
REBUILD_DEAD_FRACTION = 0.3
#: The settings key of the reader core's fingerprint the index was read with.
PARSER_SETTING = "parser"
#: Merge the full-text segments after writing this many documents at once.
OPTIMIZE_AFTER = 50
KINDS = ("host", "official", "reporter", "other")

Progress = Callable[[int, int, str], object]  # (files done, files to read, path)


def date_bound(text: str | None, end: bool) -> str | None:
    """``2021`` / ``2021-03`` / ``2021-03-05`` as the first (or, for ``end``, the last) day it
    covers, ISO; None for no text. Raises ValueError for something that is not a date."""
    import datetime as dt

    if text is None or not text.strip():
        return None
    parts = text.strip().replace("/", "-").replace(".", "-").split("-")
    if len(parts) > 3 or not all(p.isdigit() for p in parts):
        raise ValueError(text)
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 12, 31).isoformat() if end else dt.date(year, 1, 1).isoformat()
    month = int(parts[1])
    if len(parts) == 2:
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return (last if end else first).isoformat()
    return dt.date(year, month, int(parts[2])).isoformat()


def query_terms(query: str) -> tuple[str, ...]:
    """The folded terms of ``query`` (split at spaces), each once; a term inside another
    is implied by it and dropped (``台 台湾`` searches ``台湾``)."""
    terms: list[str] = []
    for word in fold(query).split():
        if word not in terms:
            terms.append(word)
    return tuple(t for t in terms if not any(t != other and t in other for other in terms))


@dataclass(frozen=True)
class Context:
    """A hit's text around its first match, one line, and where the matches are in it."""

    text: str
    marks: tuple[tuple[int, int], ...]
    offset: int  # the first match's offset in the document's text (to open it there)


def _sidecar(path: str) -> str:
    return path + ".folders.json"


class Library:
    """The index at ``path`` (default: the user's data directory), opened or made."""

    def __init__(self, path: str | None = None, *, data_dir: str | None = None) -> None:
        self.path = path or default_index_path(data_dir)
        #: Why the index had to be made anew when it was opened (damaged, locked), else None.
        self.rebuilt: str | None = None
        self.set_aside: str | None = None
        self._lock = threading.RLock()
        self.store = self._open()
        self._docs: list[DocumentRow] | None = None
        self._starts: list[int] = []
        self._dead: list[tuple[int, int]] = []
        self._data_version = -1

    @staticmethod
    def path_for(data_dir: str | None = None) -> str:
        """Where ``Library(data_dir=data_dir)`` keeps its index."""
        return default_index_path(data_dir)

    # -- opening ---------------------------------------------------------------------------
    def _open(self) -> Store:
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        try:
            return Store(self.path)
        except IndexUnusable as exc:
            self.rebuilt = exc.reason
        self.set_aside = f"{self.path}.unusable-{time.strftime('%Y%m%d-%H%M%S')}"
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(self.path + suffix):
                os.replace(self.path + suffix, self.set_aside + suffix)
        store = Store(self.path)
        for folder in self._sidecar_folders():
            store.add_folder(folder)
        return store

    def _sidecar_folders(self) -> list[str]:
        try:
            with open(_sidecar(self.path), encoding="utf-8") as f:
                folders = json.load(f)
        except (OSError, ValueError):
            return []
        return [str(x) for x in folders] if isinstance(folders, list) else []

    def _write_sidecar(self) -> None:
        tmp = _sidecar(self.path) + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(self.store.folders(), f, ensure_ascii=False, indent=1)
        os.replace(tmp, _sidecar(self.path))

    def close(self) -> None:
        self.store.close()

    def reader(self) -> Library:
        """Another connection to the same index, for another thread (a connection stays on its own)."""
        return Library(self.path)

    # -- what is in it ---------------------------------------------------------------------
    def folders(self) -> list[str]:
        return self.store.folders()

    def document_count(self) -> int:
        return self.store.document_count()

    def _documents(self) -> list[DocumentRow]:
        version = self.store.data_version()  # changes when another connection commits (the indexer)
        if version != self._data_version:
            self._data_version = version
            self._docs = None
        if self._docs is None:
            self._docs = self.store.documents()
            self._starts = [d.first_row for d in self._docs]
            self._dead = self.store.dead_ranges()
        return self._docs

    def _changed(self) -> None:
        self._docs = None

    # -- adding and refreshing -------------------------------------------------------------
    def add(self, folder: str, progress: Progress | None = None,
            cancel: threading.Event | None = None) -> AddReport:
        """Add ``folder`` (recursively) and read every transcript in it not yet read as it is."""
        folder = normalized_folder(folder)
        if not os.path.isdir(folder):
            raise NotADirectoryError(folder)
        with self._lock:
            self.store.add_folder(folder)
            self._write_sidecar()
        return self.refresh([folder], progress, cancel)

    def remove(self, path: str) -> int:
        """Forget a folder (and every document under it) or one document; how many documents."""
        target = normalized_folder(path)
        with self._lock:
            states = self.store.file_states()
            inside = target + os.sep
            doomed = [doc_id for p, (doc_id, _) in states.items() if p == target or p.startswith(inside)]
            self.store.begin()
            try:
                for doc_id in doomed:
                    self.store.delete_document(doc_id)
                for folder in self.store.folders():
                    if folder == target or folder.startswith(inside):
                        self.store.remove_folder(folder)
                self.store.commit()
            except BaseException:
                self.store.rollback()
                raise
            self._write_sidecar()
            self._changed()
        return len(doomed)

    def refresh(self, folders: Sequence[str] | None = None, progress: Progress | None = None,
                cancel: threading.Event | None = None) -> AddReport:
        """Bring the index up to date with the folders (all of them by default): new and changed
        files are read (by size and mtime), deleted ones forgotten, unchanged ones untouched."""
        cancel = cancel or threading.Event()
        with self._lock:
            every = self.store.folders()
            chosen = every if folders is None else [normalized_folder(f) for f in folders]
            if self._needs_rebuild():
                self.store.begin()
                self.store.clear_fulltext()
                self.store.set_setting(PARSER_SETTING, code_fingerprint())
                self.store.commit()
                self._changed()
                chosen = every  # every document was forgotten, not only the chosen folders'
            known = self.store.file_states()
        found: dict[str, tuple[int, int]] = {}
        for folder in chosen:
            for path, mtime_ns, size in transcripts_under(folder):
                found[path] = (mtime_ns, size)
        to_read = [p for p, (mtime, size) in found.items()
                   if p not in known or (known[p][1].mtime_ns, known[p][1].size) != (mtime, size)]
        roots = tuple(f + os.sep for f in chosen)
        gone = [doc_id for p, (doc_id, _) in known.items()
                if p.startswith(roots) and p not in found and not _under_other(p, every, chosen)]
        with self._lock:
            if gone:
                self.store.begin()
                for doc_id in gone:
                    self.store.delete_document(doc_id)
                self.store.commit()
                self._changed()
        indexed, failed, cancelled = self._write_all(to_read, progress, cancel)
        return AddReport(folders=tuple(chosen), files=len(found), indexed=indexed,
                         unchanged=len(found) - len(to_read), removed=len(gone), failed=tuple(failed),
                         cancelled=cancelled)

    def _needs_rebuild(self) -> bool:
        """Whether every document must be read again: the tokens changed, the reader's core
        changed (a newer parser reads the same files into other turns, speakers and figures,
        and a file's size and time would never say so), or too many rows are dead."""
        return (self.store.setting("tokens") != self.store_tokens_version()
                or self.store.setting(PARSER_SETTING) != code_fingerprint()
                or self.store.dead_fraction() > REBUILD_DEAD_FRACTION)

    @staticmethod
    def store_tokens_version() -> str:
        from reader.library.store import TOKENS_VERSION

        return TOKENS_VERSION

    def reindex_file(self, path: str) -> bool:
        """Read one file again (the window's watcher saw it change); False if it is gone or failed."""
        path = os.path.abspath(path)
        if not os.path.isfile(path):
            with self._lock:
                doc = self.store.file_states().get(path)
                if doc is not None:
                    self.store.begin()
                    self.store.delete_document(doc[0])
                    self.store.commit()
                    self._changed()
            return False
        indexed, _, _ = self._write_all([path], None, threading.Event())
        return indexed == 1

    def _write_all(self, paths: Sequence[str], progress: Progress | None, cancel: threading.Event
                   ) -> tuple[int, list[tuple[str, str]], bool]:
        total, done, indexed = len(paths), 0, 0
        failed: list[tuple[str, str]] = []
        if progress is not None:
            progress(0, total, "")
        last_commit = time.monotonic()
        try:
            for path, record, reason in indexer.read_all(paths, cancel):
                done += 1
                if record is not None:
                    with self._lock:
                        if not self.store.db.in_transaction:
                            self.store.begin()
                        self._write(record)
                        if time.monotonic() - last_commit > COMMIT_EVERY_S:
                            self.store.commit()
                            last_commit = time.monotonic()
                    indexed += 1
                else:
                    failed.append((path, reason or "could not be read"))
                if progress is not None and progress(done, total, path) is False:
                    cancel.set()
        finally:
            with self._lock:
                self.store.commit()
                if indexed >= OPTIMIZE_AFTER:
                    self.store.optimize()
                self._changed()
        return indexed, failed, cancel.is_set() and done < total

    def _write(self, record: DocumentRecord) -> None:
        keys = [(fold(s.name), fold(s.organization) if s.organization else None) for s in record.speakers]
        self.store.write_document(record, keys)

    # -- search ----------------------------------------------------------------------------
    def _filter_words(self, filters: Filters) -> str | None:
        """The FTS words for the turn filters; None when a filter matches nothing."""
        parts = []
        if filters.speaker and filters.speaker.strip():
            ids = self.store.person_ids(fold(filters.speaker.strip()))
            if not ids:
                return None
            parts.append("(" + " OR ".join(f"zp{i}" for i in ids) + ")")
        if filters.kind:
            if filters.kind not in KINDS:
                return None
            parts.append(f"zk{filters.kind}")
        if filters.organization and filters.organization.strip():
            ids = self.store.organization_ids(fold(filters.organization.strip()))
            if not ids:
                return None
            parts.append("(" + " OR ".join(f"zo{i}" for i in ids) + ")")
        return " AND ".join(parts)

    def _match(self, terms: Sequence[str], words: str) -> Match:
        singles = [t for t in terms if len(t) == 1]
        longer = [t for t in terms if len(t) > 1]
        bi = match_expression(longer) if longer else None
        uni = match_expression(singles) if singles else None
        if words:
            if bi is not None:
                bi = f"{bi} AND {words}"
            else:
                uni = f"{uni} AND {words}"
        return Match(bi=bi, uni=uni)

    def _doc_allowed(self, filters: Filters) -> Callable[[DocumentRow], bool] | None:
        if not (filters.date_from or filters.date_to or filters.source):
            return None
        low, high, source = filters.date_from, filters.date_to, filters.source

        def allowed(doc: DocumentRow) -> bool:
            if source and doc.source != source:
                return False
            if (low or high) and not doc.date:
                return False
            date = doc.date or ""
            return (not low or date >= low[:10]) and (not high or date <= high[:10])

        return allowed

    def search(self, query: str, filters: Filters | None = None, page: int = 0) -> SearchResult:
        """The turns holding every term of ``query``: the exact count, and one page of the newest
        briefings' matching turns (``PAGE_DOCUMENTS`` briefings, in document order)."""
        filters = filters or Filters()
        terms = query_terms(query)
        empty = SearchResult(terms=terms, count=0, hits=(), page=page)
        if not terms:
            return empty
        with self._lock:
            words = self._filter_words(filters)
            if words is None:
                return empty
            match = self._match(terms, words)
            docs = self._documents()
            allowed = self._doc_allowed(filters)
            total = self.store.count(match)
            total -= sum(self.store.count(match, lo, hi) for lo, hi in self._dead) if total else 0
            if allowed is not None or total <= FETCH_ALL_LIMIT:
                count, grouped, more = self._page_from_all(match, allowed, page)
            else:
                count = total
                grouped, more = self._page_by_probing(match, docs, page)
            position = {r: i for i, doc_rows in enumerate(grouped) for r in doc_rows}
            rows = self.store.turn_rows(position)
        by_id = {d.id: d for d in docs}
        hits = []
        for row in rows:
            doc = by_id[row.doc_id]
            hits.append(Hit(row=row.row, doc_id=doc.id, path=doc.path, title=doc.title, date=doc.date,
                            source=doc.source, turn=row.turn, start=row.start, end=row.end,
                            speaker=row.speaker,
                            role=row.role, organization=row.organization, kind=row.kind))
        order = {row.doc_id: position[row.row] for row in rows}
        hits.sort(key=lambda h: (order[h.doc_id], h.row))
        return SearchResult(terms=terms, count=count, hits=tuple(hits), page=page, more=more)

    def _newest_first(self, docs: Iterable[DocumentRow]) -> list[DocumentRow]:
        return sorted(docs, key=lambda d: (d.date or "", d.id), reverse=True)

    def _page_from_all(self, match: Match, allowed: Callable[[DocumentRow], bool] | None, page: int
                       ) -> tuple[int, list[list[int]], bool]:
        # Row ids come in ascending order and a briefing is a run of consecutive ids, so a
        # briefing is looked up (and filtered) once per run, not once per row: at 30,000 rows
        # the per-row lookup, which asked SQLite each time whether the index had changed,
        # was three quarters of a query's time.
        every = self._documents()
        starts = self._starts
        by_doc: dict[int, list[int]] = {}
        docs: dict[int, DocumentRow] = {}
        count = 0
        lo = hi = 0  # the current run: rows lo <= row < hi belong to ``rows`` (None: dropped)
        rows: list[int] | None = None
        for row in self.store.rowids(match):
            if not lo <= row < hi:
                i = bisect.bisect_right(starts, row) - 1
                doc = every[i] if i >= 0 else None
                if doc is None or row >= doc.first_row + doc.rows:  # a dead row between briefings
                    lo, hi, rows = row, row + 1, None
                else:
                    lo, hi = doc.first_row, doc.first_row + doc.rows
                    if allowed is not None and not allowed(doc):
                        rows = None
                    else:
                        docs[doc.id] = doc
                        rows = by_doc.setdefault(doc.id, [])
            if rows is not None:
                rows.append(row)
                count += 1
        ordered = self._newest_first(docs.values())
        chosen = ordered[page * PAGE_DOCUMENTS:(page + 1) * PAGE_DOCUMENTS]
        return count, [by_doc[d.id] for d in chosen], len(ordered) > (page + 1) * PAGE_DOCUMENTS

    def _page_by_probing(self, match: Match, docs: Sequence[DocumentRow], page: int
                         ) -> tuple[list[list[int]], bool]:
        wanted = (page + 1) * PAGE_DOCUMENTS
        found: list[list[int]] = []
        for doc in self._newest_first(docs):
            if not doc.rows:
                continue
            rows = self.store.rowids(match, doc.first_row, doc.first_row + doc.rows - 1)
            if rows:
                if len(found) == wanted:
                    return found[page * PAGE_DOCUMENTS:], True
                found.append(rows)
        return found[page * PAGE_DOCUMENTS:], False

    # -- contexts --------------------------------------------------------------------------
    def contexts(self, hits: Sequence[Hit], terms: Sequence[str], width: int = 36,
                 cancel: threading.Event | None = None) -> dict[int, Context]:
        """Each hit's context, read from its briefing (each file parsed once; through the model
        cache, so a briefing opened before is not parsed again). A file that changed since it
        was indexed, or cannot be read, gives no context (the next refresh re-reads it)."""
        from reader.load.cache import ModelCache
        from reader.pipeline import load

        out: dict[int, Context] = {}
        by_path: dict[str, list[Hit]] = {}
        for hit in hits:
            by_path.setdefault(hit.path, []).append(hit)
        for path, group in by_path.items():
            if cancel is not None and cancel.is_set():
                break
            try:
                transcript = load(path, cache=ModelCache.default())
            except Exception:
                continue
            text = transcript.text
            for hit in group:
                if hit.end > len(text):
                    continue
                context = context_of(text, hit.start, hit.end, terms, width)
                if context is not None:
                    out[hit.row] = context
        return out

    # -- speakers --------------------------------------------------------------------------
    def speaker(self, name: str) -> SpeakerPage | None:
        """One person across the library: briefings, turns, share of speaking, figures cited.
        ``name`` in any script; a part of a name works when only one person holds it."""
        key = fold(name.strip())
        if not key:
            return None
        with self._lock:
            person = self.store.person(key)
            if person is None:
                ids = self.store.person_ids(key)
                if len(ids) != 1:
                    return None
                rows = self.store.db.execute("SELECT key FROM persons WHERE id = ?", (ids[0],)).fetchone()
                person = self.store.person(rows[0])
                assert person is not None
            appearances_rows = self.store.appearances(person[0])
            speaker_ids = [int(str(r[12])) for r in appearances_rows]
            figures = self.store.figures_of_speakers(speaker_ids)
        appearances, names, roles = [], [], []
        turns = chars = briefing_chars = 0
        for r in appearances_rows:
            (doc_id, path, title, date, spoken_name, role, organization, kind, n_turns, n_chars, d_chars,
             first_start, _sid) = r
            appearances.append(Appearance(
                doc_id=int(str(doc_id)), path=str(path), title=str(title), date=_opt(date), role=_opt(role),
                organization=_opt(organization), kind=str(kind), turns=int(str(n_turns)),
                chars=int(str(n_chars)), share=int(str(n_chars)) / int(str(d_chars)) if d_chars else 0.0,
                first_turn_start=int(str(first_start)) if first_start is not None else 0))
            if spoken_name not in names:
                names.append(str(spoken_name))
            if role and role not in roles:
                roles.append(str(role))
            turns += int(str(n_turns))
            chars += int(str(n_chars))
            briefing_chars += int(str(d_chars))
        return SpeakerPage(name=person[1], names=tuple(names), roles=tuple(roles),
                           appearances=tuple(appearances), turns=turns, chars=chars,
                           share=chars / briefing_chars if briefing_chars else 0.0,
                           figures=tuple(_flag_conflicts([_cited(r) for r in figures])))

    def speakers_like(self, name: str, limit: int = 20) -> list[str]:
        key = fold(name.strip())
        rows = self.store.db.execute("SELECT name FROM persons WHERE instr(key, ?) > 0 LIMIT ?", (key, limit))
        return [r[0] for r in rows]

    # -- figures ---------------------------------------------------------------------------
    def figure_history(self, indicator: str) -> FigureHistory:
        """Every value cited for ``indicator`` across the library, in date order, with the values
        that contradict another for the same period flagged. The indicator is matched folded,
        exactly (``社会消费品零售总额``; its growth is ``社会消费品零售总额 同比增长``)."""
        key = " ".join(fold(indicator).split())
        with self._lock:
            rows = self.store.figures_of_indicator(key, HISTORY_LIMIT)
            total = self.store.count_of_indicator(key) if len(rows) >= HISTORY_LIMIT else len(rows)
        values = _flag_conflicts([_cited(r) for r in rows])
        return FigureHistory(indicator=key, values=tuple(values), conflicts=sum(v.conflict for v in values),
                             total=total)

    def indicators(self, text: str, limit: int = 50) -> list[tuple[str, int]]:
        """Indicators holding ``text`` (folded), most cited first, with how often each is cited."""
        with self._lock:
            return self.store.indicators_like(" ".join(fold(text).split()), limit)

    def filter_values(self) -> dict[str, list[str]]:
        with self._lock:
            return self.store.filter_values()


def _under_other(path: str, every: Sequence[str], chosen: Sequence[str]) -> bool:
    """Is ``path`` also under a library folder that is not being refreshed now?"""
    return any(path.startswith(f + os.sep) for f in every if f not in chosen)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _cited(r: tuple[object, ...]) -> CitedFigure:
    (doc_id, path, title, date, speaker, text, value, unit, family, qualifier, indicator, period,
     sentence, start) = r
    return CitedFigure(doc_id=int(str(doc_id)), path=str(path), title=str(title), date=_opt(date),
                       speaker=_opt(speaker), text=str(text), value=float(str(value)), unit=str(unit),
                       family=str(family), qualifier=_opt(qualifier), indicator=str(indicator),
                       period=_opt(period), sentence=str(sentence), start=int(str(start)))


def _flag_conflicts(values: list[CitedFigure]) -> list[CitedFigure]:
    """Mark values of one indicator, unit and period that differ from another's."""
    import dataclasses

    seen: dict[tuple[str, str, str], set[float]] = {}
    for v in values:
        if v.period:
            seen.setdefault((v.indicator, v.unit, v.period), set()).add(v.value)
    return [dataclasses.replace(v, conflict=True)
            if v.period and len(seen[(v.indicator, v.unit, v.period)]) > 1 else v for v in values]


def context_of(text: str, start: int, end: int, terms: Sequence[str], width: int = 36) -> Context | None:
    """The turn ``text[start:end]`` around its first match of ``terms``, on one line."""
    folded = fold(text[start:end])
    firsts = [(folded.find(t), t) for t in terms]
    firsts = [(i, t) for i, t in firsts if i >= 0]
    if not firsts:
        return None
    first, term = min(firsts)
    lo = max(0, first - width)
    hi = min(len(folded), first + len(term) + width)
    window = folded[lo:hi]
    marks = []
    for t in terms:
        i = window.find(t)
        while i >= 0:
            marks.append((i, i + len(t)))
            i = window.find(t, i + len(t))
    shown = text[start + lo:start + hi].replace("\n", " ")
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(folded) else ""
    shift = len(prefix)
    return Context(text=prefix + shown + suffix,
                   marks=tuple(sorted((a + shift, b + shift) for a, b in marks)),
                   offset=start + first)
