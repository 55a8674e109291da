"""Find All's numbers agree with each other and with the rest of the window.

The summary row says how many matches there are and how many each speaker has; the search
bar says ``n / N``; the speaker list has a match count per speaker; each group row says how
many matches its turn holds. They are one count, shown in several places, and must agree:
matches outside any turn (the preamble) count in the total and are shown as such, and two
speakers with the same name are two counts, as in the speaker list.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_transcripts import make_transcript

from reader.model import Transcript
from reader.ui.main_window import MainWindow
from reader.ui.settings import AppSettings

WORD = "诈骗"
SUMMARY_ITEM = re.compile(r"(?:^|, )([^,]+?) (\d+)(?=, |$)")


def _transcript(many: int) -> Transcript:
    return make_transcript(
        preamble=[f"关于{WORD}的发布会。", f"打击{WORD}。"],
        speakers=[
            ("s1", "王明", "公安部副部长", "official"),
            ("s2", "王明", "人民银行司长", "official"),
            ("s3", "新华社记者", None, "reporter"),
        ],
        turns=[
            ("s3", "新华社记者", "reporter", [f"请问{WORD}案件有多少？"]),
            ("s1", "公安部副部长王明", "official", [f"{WORD}案件下降。" * many]),
            ("s2", "人民银行司长王明", "official", [f"拦截{WORD}资金，{WORD}账户。"]),
            ("s3", "新华社记者", "reporter", [f"{WORD}手法有哪些？"]),
        ],
    )


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(AppSettings.from_file(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1100, 600)
    w.show()
    return w


@pytest.mark.parametrize("many", [3, 6000], ids=["few", "over-5000-in-one-turn"])
def test_every_count_the_reader_sees_is_the_same_count(qtbot, window: MainWindow, many: int) -> None:  # type: ignore[no-untyped-def]
    transcript = _transcript(many)
    window.show_transcript(transcript, None)
    window.search_bar.field.setFocus()
    with qtbot.waitSignal(window.search_bar.queryChanged, timeout=2000):
        window.search_bar.field.insert(WORD)
    qtbot.mouseClick(window.search_bar.find_all_button, Qt.MouseButton.LeftButton)
    total = len(window.matches)
    assert total == transcript.text.count(WORD) == many + 6
    assert window.search_bar.status.text().endswith(f"/ {total}")

    model = window.find_results.model()
    summary = window.find_results.summary.text()
    assert summary.startswith(f"{total:,} matches") or summary.startswith(f"{total} matches"), summary
    items = SUMMARY_ITEM.findall(summary.split(": ", 1)[1])
    counts = {label: int(n) for label, n in items}
    assert sum(counts.values()) == total, summary  # the parts add up to the whole
    assert counts[next(k for k in counts if "first speaker" in k)] == 2  # the preamble's
    groups = [model.index(row, 0) for row in range(model.rowCount())]
    assert sum(int(re.search(r"\((\d+)\)$", g.data()).group(1)) for g in groups) == total

    nav = window.speaker_nav
    assert nav is not None
    for speaker in transcript.speakers:
        shown = nav.speaker_index(speaker.id).siblingAtColumn(2).data()
        in_summary = [n for label, n in counts.items() if label.startswith(speaker.name) and
                      (speaker.role is None or speaker.role in label or label == speaker.name)]
        assert len(in_summary) == 1, (speaker, summary)  # each speaker once, told apart by role
        assert str(in_summary[0]) == shown, (speaker, summary, shown)
