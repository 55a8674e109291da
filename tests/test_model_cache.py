"""The parsed-model cache: same bytes, same model, without parsing again; never a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader.pipeline
from reader.load.cache import code_fingerprint
from reader.pipeline import load_cached

TEXT = "主持人：各位记者，上午好。\n\n公安部副部长杜航伟：全国共破获案件39.4万起。\n"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Paths the real parser was asked to read, with the cache in tmp_path."""
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[str] = []
    real = reader.pipeline._parse_held

    def counting(held, path, progress, digest):  # type: ignore[no-untyped-def]
        calls.append(str(path))
        return real(held, path, progress, digest)

    monkeypatch.setattr(reader.pipeline, "_parse_held", counting)
    return calls


def test_second_open_of_the_same_bytes_is_served_from_the_cache(parses: list[str], tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(TEXT, encoding="utf-8")
    fresh = load_cached(str(first))
    again = load_cached(str(first))
    assert parses == [str(first)]
    assert again == fresh
    copy = tmp_path / "copy.txt"
    copy.write_bytes(first.read_bytes())
    moved = load_cached(str(copy))
    assert parses == [str(first)]
    assert moved.source.path == str(copy) and moved.text == fresh.text


def test_changed_bytes_are_parsed_again(parses: list[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    load_cached(str(path))
    path.write_text(TEXT + "杜航伟：谢谢。\n", encoding="utf-8")
    changed = load_cached(str(path))
    assert len(parses) == 2 and "谢谢" in changed.text


def test_a_corrupt_entry_is_a_miss_not_an_error(parses: list[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    load_cached(str(path))
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(b"not a pickle")
    assert load_cached(str(path)).text
    assert len(parses) == 2


def test_cache_off_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert load_cached(str(path)).turns
    assert not (tmp_path / "xdg").exists()


def test_source_file_is_never_modified(parses: list[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_cached(str(path))
    load_cached(str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_fingerprint_follows_the_text_of_the_core_sources_not_their_times(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import reader.load.cache as model_cache

    core = tmp_path / "reader"
    (core / "parse").mkdir(parents=True)
    (core / "ui").mkdir()
    for name in ("model.py", "parse/html.py", "ui/window.py"):
        (core / name).write_text("x = 1\n", encoding="utf-8")
        os.utime(core / name, ns=(10**18, 10**18))
    monkeypatch.setattr(model_cache, "_CORE_DIR", core)

    def fingerprint() -> str:
        code_fingerprint.cache_clear()
        return code_fingerprint()

    try:
        first = fingerprint()
        assert len(first) == 16 and fingerprint() == first
        (core / "ui" / "window.py").write_text("x = 22\n", encoding="utf-8")  # the window is not the parser
        assert fingerprint() == first
        os.utime(core / "parse" / "html.py", ns=(2 * 10**18, 2 * 10**18))  # touched: a reinstall, a checkout
        assert fingerprint() == first
        (core / "parse" / "html.py").write_text("x = 2\n", encoding="utf-8")  # same size, new text
        os.utime(core / "parse" / "html.py", ns=(10**18, 10**18))
        second = fingerprint()
        assert second != first
        (core / "parse" / "new.py").write_text("", encoding="utf-8")
        assert fingerprint() not in (first, second)
    finally:
        code_fingerprint.cache_clear()


def test_entries_hold_no_pickle_and_old_pickles_are_pruned(parses: list[str], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "0123-abcd.pickle").write_bytes(b"old")
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    load_cached(str(doc))
    (entry,) = cache.glob("*.model")
    assert sorted(p.name for p in cache.iterdir()) == sorted([entry.name, "key"])
    assert entry.suffix == ".model" and b"pickle" not in entry.read_bytes()[:2]
    assert not entry.read_bytes().startswith(b"\x80")  # pickle's protocol marker


def test_a_new_parser_replaces_its_older_models(parses: list[str], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.load.cache as model_cache

    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    load_cached(str(doc))
    cache = tmp_path / "cache"
    (old,) = cache.glob("*.model")
    monkeypatch.setattr(model_cache, "code_fingerprint", lambda: "0" * 16)
    load_cached(str(doc))
    assert [p.name for p in cache.glob("*.model")] == [old.name.split("-")[0] + "-" + "0" * 16 + ".model"]


def test_the_cache_keeps_only_the_newest_entries(parses: list[str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.load.cache as model_cache

    monkeypatch.setattr(model_cache, "MAX_ENTRIES", 3)
    paths = []
    for i in range(5):
        doc = tmp_path / f"doc{i}.txt"
        doc.write_text(TEXT + f"第{i}段。\n", encoding="utf-8")
        load_cached(str(doc))
        paths.append(doc)
    assert len(list((tmp_path / "cache").glob("*.model"))) == 3


def test_the_cache_key_is_the_files_sha256() -> None:
    import hashlib

    from reader.load.files import file_digest

    for data in (b"", TEXT.encode("utf-8"), bytes(range(256)) * 1000):
        assert file_digest(data) == hashlib.sha256(data).hexdigest()


def _cached_entry(tmp_path: Path) -> tuple[Path, Path]:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    load_cached(str(doc))
    (entry,) = (tmp_path / "cache").glob("*.model")
    return doc, entry


def test_a_planted_entry_never_shows_forged_text(parses: list[str], tmp_path: Path) -> None:
    """Another file's entry copied under this file's name, or an entry made elsewhere (another
    key), is parsed again: the window shows what the file says."""
    import shutil

    doc, entry = _cached_entry(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("主持人：伪造的文字。\n", encoding="utf-8")
    load_cached(str(other))
    (forged,) = (p for p in (tmp_path / "cache").glob("*.model") if p != entry)
    shutil.copyfile(forged, entry)  # the other file's model, filed under this file's digest
    assert "伪造" not in load_cached(str(doc)).text
    assert parses.count(str(doc)) == 2
    (tmp_path / "cache" / "key").write_bytes(b"k" * 32)  # entries written with another key
    assert "杜航伟" in load_cached(str(doc)).text and parses.count(str(doc)) == 3


def test_a_crafted_entry_is_not_decoded(parses: list[str], tmp_path: Path) -> None:
    """A few bytes that claim a list of half a billion items made marshal allocate gigabytes."""
    import tracemalloc

    doc, entry = _cached_entry(tmp_path)
    for crafted in (b"[\xff\xff\xff\x1f" + b"\0" * 17, entry.read_bytes()[:60] + b"[\xff\xff\xff\x1f"):
        entry.write_bytes(crafted)
        tracemalloc.start()
        try:
            assert "杜航伟" in load_cached(str(doc)).text
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 50 * 1024 * 1024
    assert parses.count(str(doc)) == 3


def test_a_cache_others_can_write_to_is_not_used(parses: list[str], tmp_path: Path) -> None:
    doc, _entry = _cached_entry(tmp_path)
    (tmp_path / "cache").chmod(0o777)
    load_cached(str(doc))
    assert parses.count(str(doc)) == 2


def test_temporary_files_of_a_killed_write_go_after_an_hour(parses: list[str], tmp_path: Path) -> None:
    import os
    import time

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    old, fresh = cache / "old.tmp", cache / "fresh.tmp"
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    _cached_entry(tmp_path)
    assert not old.exists() and fresh.exists()


def test_a_cache_folder_that_cannot_be_made_opens_files_without_a_cache(
        parses: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache path under a file (or on a read-only disk) is no cache, not an error."""
    (tmp_path / "not-a-folder").write_text("x")
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE_DIR", str(tmp_path / "not-a-folder" / "cache"))
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert "杜航伟" in load_cached(str(doc)).text and "杜航伟" in load_cached(str(doc)).text
    assert parses == [str(doc), str(doc)]


def test_the_least_recently_used_entry_goes_first_and_the_total_size_is_bounded(
        parses: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    import reader.load.cache as model_cache

    monkeypatch.setattr(model_cache, "MAX_ENTRIES", 3)
    docs = []
    for i in range(4):
        doc = tmp_path / f"doc{i}.txt"
        doc.write_text(TEXT + f"第{i}段。\n", encoding="utf-8")
        docs.append(doc)
    for age, doc in zip((300, 200, 100), docs, strict=False):
        load_cached(str(doc))
        (entry,) = (p for p in (tmp_path / "cache").glob("*.model") if os.stat(p).st_mtime > time.time() - 50)
        os.utime(entry, (time.time() - age, time.time() - age))
    load_cached(str(docs[0]))  # a hit: doc0 is now the most recently used
    load_cached(str(docs[3]))  # a fourth entry: the least recently used (doc1) goes
    parses.clear()
    for doc in (docs[0], docs[2], docs[3], docs[1]):
        load_cached(str(doc))
    assert parses == [str(docs[1])]
    monkeypatch.setattr(model_cache, "MAX_TOTAL_BYTES", 1)
    last = tmp_path / "last.txt"
    last.write_text(TEXT + "最后。\n", encoding="utf-8")
    load_cached(str(last))  # written: only the newest entry fits
    assert len(list((tmp_path / "cache").glob("*.model"))) == 1
