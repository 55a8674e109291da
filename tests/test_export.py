"""The JSON export is the contract (shared/EXPORT.md): exact keys, offsets that slice true."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from reader.export.document import SCHEMA, transcript_to_dict
from reader.model import Figure, Transcript
from reader.pipeline import load, parse_bytes

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = sorted(p for p in DATA.iterdir() if p.suffix in (".html", ".md", ".txt"))


@pytest.fixture(scope="module")
def exported() -> dict:
    from reader.resources import sample_path

    return json.loads(json.dumps(transcript_to_dict(load(sample_path())), ensure_ascii=False))


def test_top_level_keys(exported: dict) -> None:
    assert exported["schema"] == SCHEMA
    for key in ("source", "meta", "text", "highlights", "highlight_spans", "preamble", "speakers", "turns",
                "figures", "qa", "warnings"):
        assert key in exported
    assert set(exported["source"]) == {"path", "sha256", "format", "encoding"}
    assert exported["source"]["format"] == "hexo-markdown"
    assert exported["source"]["encoding"] == "utf-8"
    assert len(exported["source"]["sha256"]) == 64
    assert set(exported["meta"]) == {"title", "date", "author", "editor", "categories", "url"}
    assert exported["meta"]["editor"] == "李昂"


def test_every_offset_slices_what_it_claims(exported: dict) -> None:
    text = exported["text"]
    for span, line in zip(exported["highlight_spans"], exported["highlights"], strict=True):
        assert text[span["start"]:span["end"]] == line
    ids = {s["id"] for s in exported["speakers"]}
    for turn in exported["turns"]:
        assert turn["speaker"] in ids
        assert text[turn["label_span"]["start"]:turn["label_span"]["end"]] == turn["label"]
        assert text[turn["start"]:turn["end"]].startswith(turn["label"])
        assert all(turn["start"] <= p["start"] < p["end"] <= turn["end"] for p in turn["paragraphs"])
    for figure in exported["figures"]:
        assert text[figure["start"]:figure["end"]] == figure["text"]
        assert figure["speaker"] is None or figure["speaker"] in ids


def test_speaker_entries(exported: dict) -> None:
    du = next(s for s in exported["speakers"] if s["name"] == "杜航伟")
    assert du == {**du, "role": "公安部副部长", "organization": "公安部", "kind": "official", "turns": 2}
    assert set(du) == {"id", "name", "role", "organization", "kind", "turns", "chars"}


def test_qa_entries(exported: dict) -> None:
    assert exported["qa"][0] == {"question": 3, "answers": [4]}


def test_figures_are_serialised_field_by_field() -> None:
    base = parse_bytes("<p><b>李忠：</b>新增就业1206万人。</p>".encode(), "a.html")
    figure = Figure(text="1206万人", value=12060000, unit="人", qualifier=None, start=0, end=6, turn=0,
                    speaker=base.turns[0].speaker, sentence="新增就业1206万人。", direction="up")
    t = dataclasses.replace(base, figures=(figure,))
    out = transcript_to_dict(t)["figures"]
    assert out == [{f.name: getattr(figure, f.name) for f in dataclasses.fields(Figure)}]
    assert out[0]["speaker"] == "s1"


def _summary(t: Transcript) -> dict:
    """What a golden file pins: the text, the speakers and the turns (figures have their own tests)."""
    data = transcript_to_dict(t)
    return {
        "format": data["source"]["format"],
        "encoding": data["source"]["encoding"],
        "meta": data["meta"],
        "text": data["text"].split("\n"),
        "highlights": data["highlights"],
        "speakers": [{k: s[k] for k in ("name", "role", "kind", "turns")} for s in data["speakers"]],
        "turns": [
            f"{turn['label']} -> {turn['speaker']} ({turn['kind']}), {len(turn['paragraphs'])} paragraphs"
            for turn in data["turns"]
        ],
        "qa": data["qa"],
        "warnings": data["warnings"],
    }


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name)
def test_golden_files(path: Path) -> None:
    """Each fixture against its ``.expected.json``; regenerate after a deliberate change with
    ``.venv/bin/python tests/test_export.py`` and review the diff."""
    expected = json.loads(path.with_name(path.name + ".expected.json").read_text(encoding="utf-8"))
    assert _summary(load(path)) == expected


def _regenerate() -> None:
    for path in GOLDEN:
        summary = _summary(load(path))
        target = path.with_name(path.name + ".expected.json")
        target.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _regenerate()
