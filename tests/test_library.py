"""The library on a generated library of 50 briefings: searches equal a brute-force scan of the
folded texts, FTS syntax is text, edits and deletions update only their file's entries, a damaged
or locked index is set aside and rebuilt, the schema upgrades in place, and the command line
prints it all (one line and exit code 2 on a failure)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from library_corpus import write_library, write_special

from reader.library import library as library_module
from reader.library.library import Library, query_terms
from reader.library.records import Filters, SearchResult
from reader.library.store import SCHEMA_VERSION, Store
from reader.pipeline import load
from reader.text.fold import fold


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """(documents folder, index file) of a 50-document library, indexed once."""
    root = tmp_path_factory.mktemp("library")
    docs = root / "docs"
    write_library(docs, 50)
    write_special(docs)
    index = root / "index.sqlite3"
    library = Library(str(index))
    report = library.add(str(docs))
    assert report.indexed == 51 and not report.failed
    library.store.checkpoint()
    library.close()
    yield docs, index


@pytest.fixture(scope="module")
def editable(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(folder, index) to restore before each test that edits: a copy of the documents at
    one fixed place, indexed once, so a test starts from a fresh copy of both without reading
    51 briefings again (a copy keeps each file's size and time, so none is read again)."""
    docs, _ = built
    work = tmp_path_factory.mktemp("editable") / "work"
    shutil.copytree(docs, work / "docs")
    template = work.parent / "index.sqlite3"
    lib = Library(str(template))
    assert lib.add(str(work / "docs")).indexed == 51
    lib.store.checkpoint()
    lib.close()
    return work, template


@pytest.fixture()
def library(built: tuple[Path, Path], editable: tuple[Path, Path],
            tmp_path: Path) -> Iterator[tuple[Library, Path]]:
    """A copy of the built library (documents and index) to change freely."""
    docs, _ = built
    work, template = editable
    shutil.rmtree(work)
    copy_docs = work / "docs"
    shutil.copytree(docs, copy_docs)
    shutil.copyfile(template, tmp_path / "index.sqlite3")
    lib = Library(str(tmp_path / "index.sqlite3"))
    assert lib.add(str(copy_docs)).unchanged == 51
    yield lib, copy_docs
    lib.close()


@pytest.fixture(scope="module")
def folded_turns(built: tuple[Path, Path]) -> dict[tuple[str, int], str]:
    """Every turn (and lead) of every document, folded: what a brute-force scan reads."""
    docs, _ = built
    out: dict[tuple[str, int], str] = {}
    for path in sorted(docs.rglob("*.md")) + sorted(docs.rglob("*.html")) + sorted(docs.rglob("*.txt")):
        transcript = load(path)
        text, turns = transcript.text, transcript.turns
        lead_end = turns[0].start if turns else len(text)
        if lead_end:
            out[(str(path.resolve()), -1)] = fold(text[:lead_end])
        for t in turns:
            out[(str(path.resolve()), t.index)] = fold(text[t.start:t.end])
    return out


def _all_pages(library: Library, query: str,
               filters: Filters | None = None) -> tuple[int, set[tuple[str, int]]]:
    found: set[tuple[str, int]] = set()
    page = 0
    while True:
        result = library.search(query, filters, page=page)
        found |= {(h.path, h.turn) for h in result.hits}
        if not result.more:
            return result.count, found
        page += 1


def _brute(folded: dict[tuple[str, int], str], query: str) -> set[tuple[str, int]]:
    terms = query_terms(query)
    return {key for key, text in folded.items() if all(t in text for t in terms)}


@pytest.fixture(scope="module")
def shared(built: tuple[Path, Path]) -> Iterator[Library]:
    lib = Library(str(built[1]))
    yield lib
    lib.close()


@pytest.mark.parametrize("query", ["台", "诈", "的", "，", "台湾", "诈骗", "美国", "同比", "社会消费",
                                   "电信网络诈骗", "社会消费品零售总额", "台湾 美国", "发展 诈骗",
                                   "a", "ai", "app"])
def test_search_equals_a_brute_force_scan(shared: Library, folded_turns: dict[tuple[str, int], str],
                                          query: str) -> None:
    count, found = _all_pages(shared, query)
    expected = _brute(folded_turns, query)
    assert found == expected
    assert count == len(expected)


def test_one_and_two_character_queries_in_any_script(shared: Library) -> None:
    assert shared.search("臺").count == shared.search("台").count > 0
    assert shared.search("詐騙").count == shared.search("诈骗").count > 0
    assert shared.search("ＡＰＰ").count == shared.search("app").count


@pytest.mark.parametrize("query", ['"', '"直引号"', "*", "星号*号", "NEAR", "near", "-", "a-b", ":",
                                   "key:value", "OR", "AND NOT", "(", "^", "“引号”", '") OR ("'])
def test_fts_syntax_is_searched_as_text(shared: Library, folded_turns: dict[tuple[str, int], str],
                                        query: str) -> None:
    count, found = _all_pages(shared, query)
    expected = _brute(folded_turns, query)
    assert found == expected and count == len(expected)
    assert any(path.endswith("special.md") for path, _ in found), query


def test_results_are_grouped_newest_briefing_first(shared: Library) -> None:
    result = shared.search("诈骗")
    dates = []
    for hit in result.hits:
        if not dates or dates[-1][1] != hit.doc_id:
            dates.append((hit.date or "", hit.doc_id))
    assert len({d for _, d in dates}) == len(dates), "a briefing's hits are together"
    assert [d for d, _ in dates] == sorted((d for d, _ in dates), reverse=True)
    assert result.more and len(dates) == 20


def test_filters(shared: Library, folded_turns: dict[tuple[str, int], str]) -> None:
    reporters = shared.search("请问", Filters(kind="reporter"))
    assert reporters.count and all(h.kind == "reporter" for h in reporters.hits)
    mao = shared.search("的", Filters(speaker="華春瑩"))
    assert mao.count and {fold(h.speaker or "") for h in mao.hits} == {"华春莹"}  # 華春瑩 as written
    dated = shared.search("诈骗", Filters(date_from="2020-01-01", date_to="2021-12-31"))
    assert dated.count and all("2020-01-01" <= (h.date or "") <= "2021-12-31" for h in dated.hits)
    assert shared.search("诈骗", Filters(speaker="没有这个人")).count == 0
    source = shared.search("诈骗", Filters(source="测试来源"))
    assert source.count == 1 and source.hits[0].path.endswith("special.md")


def test_contexts_come_from_the_briefing_with_the_match_marked(shared: Library) -> None:
    result = shared.search("诈骗")
    contexts = shared.contexts(result.hits[:5], result.terms)
    assert len(contexts) == 5
    for context in contexts.values():
        assert "\n" not in context.text
        assert any(fold(context.text[a:b]) == "诈骗" for a, b in context.marks)


def test_editing_a_file_and_reopening_updates_its_hits(library: tuple[Library, Path]) -> None:
    lib, docs = library
    path = next(docs.glob("20*/*.md"))
    assert lib.search("独一无二的词").count == 0
    before = lib.search("诈骗").count
    text = path.read_text(encoding="utf-8")
    lost = sum(1 for h in _all_pages(lib, "诈骗")[1] if h[0] == str(path.resolve()))
    path.write_text(text.replace("诈骗", "欺诈").replace("下面开始提问。", "下面开始提问。独一无二的词。"),
                    encoding="utf-8")
    os.utime(path, ns=(os.stat(path).st_atime_ns, os.stat(path).st_mtime_ns + 10**9))
    lib.close()
    reopened = Library(lib.path)
    report = reopened.refresh()
    assert report.indexed == 1 and report.unchanged == 50
    found = reopened.search("独一无二的词")
    assert found.count == 1 and found.hits[0].path == str(path.resolve())
    assert reopened.search("诈骗").count == before - lost
    reopened.close()


def _folded_turns_of(docs: Path) -> dict[tuple[str, int], str]:
    out: dict[tuple[str, int], str] = {}
    for path in sorted(p for p in docs.rglob("*") if p.suffix in (".md", ".html", ".txt")):
        transcript = load(path)
        text, turns = transcript.text, transcript.turns
        lead_end = turns[0].start if turns else len(text)
        if lead_end:
            out[(str(path.resolve()), -1)] = fold(text[:lead_end])
        for t in turns:
            out[(str(path.resolve()), t.index)] = fold(text[t.start:t.end])
    return out


@pytest.mark.parametrize("limit", [0, 10**9], ids=["probing", "all-rows"])
def test_both_ways_to_a_page_skip_the_old_rows_of_edited_briefings(
        library: tuple[Library, Path], monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """Editing leaves the old rows in the full-text tables between live briefings' runs of row
    ids. Whether a search reads every matching row (under ``FETCH_ALL_LIMIT``) or probes the
    newest briefings one by one, its count and pages are the scan's, filters included."""
    lib, docs = library
    for path in sorted(docs.glob("20*/*.md"))[10:14]:  # not the first: a briefing's run of ids precedes
        path.write_text(path.read_text(encoding="utf-8").replace("诈骗", "欺诈"), encoding="utf-8")
        os.utime(path, ns=(os.stat(path).st_atime_ns, os.stat(path).st_mtime_ns + 10**9))
    assert lib.refresh().indexed == 4
    monkeypatch.setattr(library_module, "FETCH_ALL_LIMIT", limit)
    folded = _folded_turns_of(docs)
    for query in ("的", "诈骗", "欺诈", "台湾 美国"):
        count, found = _all_pages(lib, query)
        expected = _brute(folded, query)
        assert found == expected, query
        assert count == len(expected), query
    dated = Filters(date_from="2020-01-01", date_to="2021-12-31")
    count, found = _all_pages(lib, "的", dated)
    assert count == len(found) > 0
    assert found < _brute(folded, "的")


def test_deleting_a_file_removes_its_hits(library: tuple[Library, Path]) -> None:
    lib, docs = library
    special = next(docs.rglob("*special.md"))
    assert lib.search("key:value").count == 1
    special.unlink()
    report = lib.refresh()
    assert report.removed == 1
    assert lib.search("key:value").count == 0
    assert lib.document_count() == 50


def test_a_damaged_index_is_set_aside_and_rebuilt(library: tuple[Library, Path]) -> None:
    lib, _ = library
    path = lib.path
    count = lib.search("诈骗").count
    lib.close()
    with open(path, "r+b") as f:
        f.write(b"this is not a database, it was overwritten" * 100)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    rebuilt = Library(path)
    assert rebuilt.rebuilt == "the index file is damaged"
    assert rebuilt.set_aside and os.path.exists(rebuilt.set_aside)
    assert rebuilt.document_count() == 0 and rebuilt.folders()
    rebuilt.refresh()
    assert rebuilt.search("诈骗").count == count
    rebuilt.close()


def test_a_locked_index_is_set_aside_and_rebuilt(library: tuple[Library, Path]) -> None:
    lib, _ = library
    path = lib.path
    lib.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO settings VALUES ('held', '1')")
    try:
        rebuilt = Library(path)
        assert rebuilt.rebuilt == "the index is locked by another program"
        rebuilt.refresh()
        assert rebuilt.search("诈骗").count > 0
        rebuilt.close()
    finally:
        holder.close()


def test_the_schema_is_upgraded_in_place(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    special = write_special(docs)
    index = str(tmp_path / "index.sqlite3")
    old = Store(index, migrate_to=1)
    assert old.version == 1
    old.close()
    lib = Library(index)
    assert lib.rebuilt is None and lib.store.version == SCHEMA_VERSION
    lib.add(str(docs))
    assert lib.search("key:value").hits[0].path == str(special.resolve())
    assert lib.store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    lib.close()


def test_indexing_leaves_no_free_pages_in_the_file(built: tuple[Path, Path]) -> None:
    """Merging the full-text segments after indexing freed about a tenth of the file's
    pages; a new index gives them back to the file system."""
    _, index = built
    db = sqlite3.connect(index)
    try:
        assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0 and pages > 100
    finally:
        db.close()


def test_an_index_made_without_auto_vacuum_is_still_used_and_optimized(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_library(docs, 3)
    index = str(tmp_path / "index.sqlite3")
    db = sqlite3.connect(index)
    db.execute("PRAGMA auto_vacuum = NONE")
    db.execute("CREATE TABLE placeholder(x)")  # the file exists, as an older version left it
    db.execute("DROP TABLE placeholder")
    db.close()
    old = Store(index)
    assert old.db.execute("PRAGMA auto_vacuum").fetchone()[0] == 0
    old.close()
    lib = Library(index)
    lib.add(str(docs))
    lib.store.optimize()  # the free pages stay, nothing fails
    assert lib.search("记者").count > 0
    lib.close()


def test_speaker_pages_meet_names_across_scripts_and_roles(shared: Library) -> None:
    page = shared.speaker("華春瑩")
    assert page is not None and page.name == "华春莹"
    assert {"外交部发言人", "外交部部长助理"} <= set(page.roles)
    dates = [a.date or "" for a in page.appearances]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 2
    assert 0 < page.share < 1 and page.turns == sum(a.turns for a in page.appearances)
    assert shared.speaker("没有这个人") is None


def test_a_speaker_pages_briefings_open_at_the_speakers_first_turn_after_edits(
        library: tuple[Library, Path]) -> None:
    """Each briefing's first turn comes from that briefing's own turns (a range of row ids),
    including briefings re-indexed after an edit, whose rows moved to the end."""
    lib, _docs = library
    name = "华春莹"
    before = lib.speaker(name)
    assert before is not None and len(before.appearances) >= 2
    edited = Path(before.appearances[-1].path)
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\n主持人：补充一句。\n", encoding="utf-8")
    lib.refresh()
    page = lib.speaker(name)
    assert page is not None and len(page.appearances) == len(before.appearances)
    for appearance in page.appearances:
        transcript = load(appearance.path)
        mine = [t.start for t in transcript.turns
                if fold(transcript.speaker(t.speaker).name) in {fold(n) for n in page.names}]  # type: ignore[union-attr]
        assert appearance.first_turn_start == min(mine), appearance.path


def test_a_figures_history_is_in_date_order_and_flags_contradictions(shared: Library) -> None:
    history = shared.figure_history("社会消费品零售总额 同比增长")
    assert len(history.values) >= 40
    dates = [v.date or "" for v in history.values]
    assert dates == sorted(dates)
    assert all(v.unit == "%" for v in history.values)
    assert history.conflicts >= 2
    by_period: dict[str, set[float]] = {}
    for v in history.values:
        by_period.setdefault(v.period or "", set()).add(v.value)
    assert {v.period for v in history.values if v.conflict} == {p for p, s in by_period.items() if len(s) > 1}
    assert shared.figure_history("社會消費品零售總額").values  # traditional documents meet


def test_a_history_past_its_limit_keeps_the_newest_values_and_says_how_many_there_are(
        shared: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    everything = shared.figure_history("社会消费品零售总额 同比增长")
    assert everything.total == len(everything.values) >= 40
    monkeypatch.setattr(library_module, "HISTORY_LIMIT", 10)
    newest = shared.figure_history("社会消费品零售总额 同比增长")
    assert newest.total == everything.total and len(newest.values) == 10
    last_ten = everything.values[-10:]
    assert [(v.doc_id, v.start) for v in newest.values] == [(v.doc_id, v.start) for v in last_ten]
    dates = [v.date or "" for v in newest.values]
    assert dates == sorted(dates) and dates[-1] == max(v.date or "" for v in everything.values)


def test_adding_never_writes_the_users_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    paths = write_library(docs, 5)
    before = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paths}
    listing = sorted(os.listdir(docs))
    lib = Library(str(tmp_path / "index.sqlite3"))
    lib.add(str(docs))
    lib.search("诈骗")
    lib.close()
    assert {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paths} == before
    assert sorted(os.listdir(docs)) == listing


def test_cancel_keeps_what_was_read(tmp_path: Path) -> None:
    import threading

    docs = tmp_path / "docs"
    write_library(docs, 6)
    lib = Library(str(tmp_path / "index.sqlite3"))
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, _path: str) -> bool:
        seen.append((done, total))
        return done < 2

    report = lib.add(str(docs), progress=progress, cancel=cancel)
    assert report.cancelled and lib.document_count() == 2 and seen[0] == (0, 6)
    again = lib.add(str(docs))
    assert again.indexed == 4 and again.unchanged == 2
    lib.close()


# -- the command line ------------------------------------------------------------------------


def _cli(args: list[str], index: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TRANSCRIPT_READER_LIBRARY=str(index), TRANSCRIPT_READER_CACHE_DIR="off")
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
                          timeout=240, cwd=cwd)


def test_cli_add_search_speaker_and_figure_history(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_library(docs, 20)
    write_special(docs)
    index = tmp_path / "index.sqlite3"
    added = _cli(["library", "add", str(docs)], index)
    assert added.returncode == 0, added.stderr
    assert "indexed 21/21 files" in added.stderr and "21 read" in added.stderr

    listed = _cli(["library", "list"], index)
    assert listed.stdout.splitlines()[1] == f"{docs.resolve()}\t21"

    tsv = _cli(["search", "诈骗"], index)
    lines = tsv.stdout.splitlines()
    assert lines[0].split("\t") == ["date", "title", "speaker", "role", "kind", "turn", "context", "path"]
    assert len(lines) > 2 and all(len(line.split("\t")) == 8 for line in lines)
    assert all("诈骗" in line.split("\t")[6] or "詐騙" in line.split("\t")[6] for line in lines[1:])

    data = json.loads(_cli(["search", "key:value", "--format", "json"], index).stdout)
    assert data["count"] == 1 and data["hits"][0]["path"].endswith("special.md")
    assert "key:value" in data["hits"][0]["context"]

    quoted = _cli(["search", '"直引号"', "NEAR"], index)
    assert quoted.returncode == 0 and len(quoted.stdout.splitlines()) == 2

    speaker = _cli(["speaker", "华春莹"], index)
    assert speaker.returncode == 0 and speaker.stdout.startswith("华春莹")

    history = _cli(["figure-history", "社会消费品零售总额", "同比增长"], index)
    rows = history.stdout.splitlines()
    assert rows[0].startswith("date\tperiod\tindicator") and len(rows) > 10
    assert [r.split("\t")[0] for r in rows[1:]] == sorted(r.split("\t")[0] for r in rows[1:])


@pytest.mark.parametrize(("args", "message"), [
    (["library", "add", "/no/such/folder"], "/no/such/folder: not a folder"),
    (["search", "诈骗", "--from", "soon"], "soon: not a date"),
    (["search"], "search: the following arguments are required: query"),
    (["speaker", "没有这个人"], "没有这个人: no such speaker in the library"),
    (["figure-history", "没有这个指标"], "没有这个指标: no figure cited for this indicator"),
    (["library", "remove", "/not/added"], "/not/added: not in the library"),
])
def test_cli_errors_are_one_line_and_exit_2(built: tuple[Path, Path], tmp_path: Path, args: list[str],
                                            message: str) -> None:
    index = tmp_path / "index.sqlite3"
    shutil.copy(built[1], index)
    result = _cli(args, index)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"transcript-reader: {message}"] or \
        result.stderr.strip().startswith(f"transcript-reader: {message}")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_cli_on_an_empty_library_says_how_to_fill_it(tmp_path: Path) -> None:
    result = _cli(["search", "诈骗"], tmp_path / "index.sqlite3")
    assert result.returncode == 2
    assert result.stderr.strip() == ("transcript-reader: the library is empty: add a folder with "
                                     "'transcript-reader library add DIR'")


def test_cli_rebuilds_a_damaged_index(built: tuple[Path, Path], tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite3"
    index.write_bytes(b"garbage" * 1000)
    Path(str(index) + ".folders.json").write_text(json.dumps([str(built[0])]), encoding="utf-8")
    result = _cli(["search", "key:value"], index)
    assert result.returncode == 0, result.stderr
    assert "could not be used (the index file is damaged)" in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_a_query_of_spaces_finds_nothing(shared: Library) -> None:
    assert query_terms("  \u3000 ") == ()
    assert shared.search("  \u3000 ") == SearchResult(terms=(), count=0, hits=())


def test_a_newer_parser_reads_every_briefing_again(library: tuple[Library, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Files unchanged since they were indexed are read again once the reader's core changed:
    their size and time say nothing of the parser that read them."""
    lib, docs = library
    other = docs.parent / "other"
    other.mkdir()
    shutil.copy(next(docs.glob("20*/*.md")), other / "one.md")
    assert lib.add(str(other)).indexed == 1
    assert lib.refresh().indexed == 0
    monkeypatch.setattr(library_module, "code_fingerprint", lambda: "a-newer-parser")
    report = lib.add(str(other))  # one folder asked for: the other's documents are read too
    assert report.indexed == 52 and report.unchanged == 0
    assert lib.document_count() == 52
    assert lib.refresh().indexed == 0  # once: the index now says which parser read it


def test_an_index_made_before_it_recorded_its_parser_is_read_again(library: tuple[Library, Path]) -> None:
    lib, _ = library
    lib.store.db.execute("DELETE FROM settings WHERE key = ?", (library_module.PARSER_SETTING,))
    before = lib.search("诈骗").count
    report = lib.refresh()
    assert report.indexed == 51
    assert lib.search("诈骗").count == before
