"""The export writes the text in pieces; what it writes is still exactly ``json.dumps``."""

from __future__ import annotations

import json

import pytest

from reader.export import document
from reader.export.document import transcript_to_dict, write_json
from reader.pipeline import parse_bytes

# Quotes, backslashes, control characters, a character outside the BMP and a title that is
# the word ``text`` (a value the writer must not take for the text's key).
SOURCE = ("---\ntitle: text\n---\n主持人：他说\"增长5%\"，路径是C:\\data\\new。\x01\n\n"
          "王五：好的𠀋。增长3.2%。\t结束。\n\n新华社记者：请问\\\"？\n").encode()


@pytest.mark.parametrize("piece", [1, 2, 3, 7, 1 << 20])
def test_the_text_written_in_pieces_is_byte_for_byte_json_dumps(monkeypatch: pytest.MonkeyPatch,
                                                                 piece: int) -> None:
    transcript = parse_bytes(SOURCE, "pieces.md")
    assert transcript.meta.title == "text" and '"' in transcript.text and "\\" in transcript.text
    monkeypatch.setattr(document, "TEXT_PIECE", piece)
    written: list[str] = []
    write_json(transcript, written.append)
    assert "".join(written) == json.dumps(transcript_to_dict(transcript), ensure_ascii=False, indent=1)
    whole = json.dumps(transcript.text, ensure_ascii=False)[1:-1]
    if piece < len(transcript.text):
        assert not any(whole in w for w in written)  # never the whole text in one write
