"""Markdown posts as blogs publish them: HTML blocks, pictures, rules, emphasis and a site's
footer around the conversation (issue 17, "Text that is not the transcript")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from reader.model import Transcript
from reader.pipeline import parse_bytes
from reader.ui.transcript_document import build_document

FRONT = "---\ntitle: 对话：AI创业者谈大模型\ndate: 2024-05-01\n---\n\n"

POST = FRONT + """<figure><img src="https://example.com/a.jpg" alt="现场">
<figcaption>图为对话现场，约200人参加</figcaption></figure>

【林某・星期專欄】

**主持人：** 欢迎各位。今天请到三位嘉宾。

![嘉宾合影](https://example.com/b.png)

**王磊：** 我们今年投了30个项目，总额2.5亿美金。

<div class="note">
这是一段嵌入的说明文字。
</div>

**李娜：** 摄像头用的是300万像素，工期20天及以上，*真的*很快。

---

*订阅我们的新闻通讯，每周获得更多访谈。*

© 2024 某某网 版权所有，未经授权不得转载。
"""


def read(body: str, name: str = "post.md") -> Transcript:
    return parse_bytes(body.encode(), name)


def said(t: Transcript, index: int) -> list[str]:
    return [t.text[p.start:p.end] for p in t.turns[index].paragraphs]


def test_html_blocks_in_markdown_are_read_as_html_and_the_markdown_around_them_as_markdown() -> None:
    t = read(POST)
    assert "<" not in t.text and "**" not in t.text and "![" not in t.text
    assert [turn.label for turn in t.turns] == ["主持人", "王磊", "李娜"]
    assert said(t, 1) == ["我们今年投了30个项目，总额2.5亿美金。", "这是一段嵌入的说明文字。"]


def test_a_figcaption_is_a_caption_nobody_says_and_its_numbers_are_not_figures() -> None:
    t = read(POST)
    assert [t.text[s.start:s.end] for s in t.captions] == ["图为对话现场，约200人参加"]
    assert all("图为" not in t.text[p.start:p.end] for turn in t.turns for p in turn.paragraphs)
    assert "200人" not in [f.text for f in t.figures]


def test_pictures_rules_emphasis_and_the_site_footer_stay_out_of_the_last_turn() -> None:
    t = read(POST)
    assert said(t, 2) == ["摄像头用的是300万像素，工期20天及以上，真的很快。"]
    assert "订阅" not in t.text and "版权所有" not in t.text and "---" not in t.text
    assert t.text.rstrip().endswith("真的很快。")


def test_a_column_header_in_brackets_is_not_a_speaker() -> None:
    t = read(POST)
    assert "林某・星期專欄" not in [s.name for s in t.speakers]
    assert "【林某・星期專欄】" in t.text  # kept as text before the conversation
    assert read("【主持人】欢迎。\n【张伟】谢谢主持人，我说两句。\n", "a.txt").turns[1].label == "张伟"


def test_a_bold_tag_written_inline_in_markdown_marks_a_speaker() -> None:
    t = read("<strong>主持人：</strong>欢迎。\n\n<b>张伟：</b>谢谢，我们增长了**5%**。\n", "a.md")
    assert [turn.label for turn in t.turns] == ["主持人", "张伟"]
    assert "<" not in t.text


def test_a_setext_heading_is_the_title_and_a_rule_is_no_text() -> None:
    t = read("对话：大模型的明天\n===\n\n主持人：欢迎。\n\n***\n\n张伟：谢谢主持人，今天来了很多人。\n",
             "a.md")
    assert t.meta.title == "对话：大模型的明天"
    assert "===" not in t.text and "***" not in t.text
    assert [turn.label for turn in t.turns] == ["主持人", "张伟"]


def test_a_pasted_html_body_behind_front_matter_is_still_read_as_a_page() -> None:
    body = FRONT + "<p><strong>主持人：</strong>欢迎。</p><p><strong>张伟：</strong>谢谢，增长5%。</p>"
    t = read(body)
    assert [turn.label for turn in t.turns] == ["主持人", "张伟"]
    assert t.source.format == "hexo-markdown"


def test_a_footer_word_inside_the_conversation_stays() -> None:
    t = read("主持人：欢迎。\n张伟：欢迎大家订阅我们的服务，用户已有300万。\n主持人：谢谢。\n", "a.txt")
    assert "订阅" in t.text


def test_the_caption_is_shown_as_a_caption(qapp) -> None:
    t = read(POST)
    document, offsets = build_document(t)
    caption = t.captions[0]
    cursor = QTextCursor(document)
    cursor.setPosition(offsets.to_position(caption.start) + 1)
    assert cursor.charFormat().foreground().color() == QColor("#6b7280")
    assert cursor.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    cursor.setPosition(offsets.to_position(t.turns[1].paragraphs[0].start) + 1)
    assert not cursor.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
