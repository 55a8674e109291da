"""Each source format: front-matter Markdown, a whole HTML page with chrome, an HTML
fragment, plain text and light Markdown."""

from __future__ import annotations

from pathlib import Path

from reader.pipeline import parse_bytes

DATA = Path(__file__).resolve().parent / "data"

FRONT_MATTER = """
---
title: '全文_公安部：打击电诈犯罪成效显著'
categories:
 - 金融
 - 新浪财经
author: 新浪财经
date: Thu, 14 Apr 2022 03:49:50 GMT
---

<div>
<blockquote>　　<strong>发布会要点：</strong></blockquote>
<blockquote>　　<a href="https://example.com/1">公安部：要持续严打</a></blockquote>
<blockquote>　　<a href="https://example.com/2">最高法：去年6.1万余名被告人被判刑</a></blockquote>
<p>　　国务院新闻办公室定于今天举行新闻发布会。</p>
<p>　　<strong>公安部副部长杜航伟：</strong></p>
<p>　　女士们，先生们，
大家上午好！</p>
<p>　　谢谢。</p><!-- comment 主持人：no -->
<style>.appendQr_wrap{border:1px solid #E6E6E6;}</style>
<div class="clearfix appendQr_wrap">
<div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div></div>
<p class="article-editor">责任编辑：李昂 </p>
</div>
"""


def test_front_matter_markdown_with_html_body() -> None:
    t = parse_bytes(FRONT_MATTER.encode(), "article.md")
    assert t.source.format == "hexo-markdown"
    assert t.meta.title == "全文_公安部：打击电诈犯罪成效显著"
    assert t.meta.date == "2022-04-14T03:49:50+00:00"
    assert t.meta.author == "新浪财经"
    assert t.meta.categories == ("金融", "新浪财经")
    assert t.meta.editor == "李昂"
    assert t.text == (
        "发布会要点：\n公安部：要持续严打\n最高法：去年6.1万余名被告人被判刑\n"
        "国务院新闻办公室定于今天举行新闻发布会。\n"
        "公安部副部长杜航伟：\n女士们，先生们，大家上午好！\n谢谢。"
    )
    assert t.highlights == ("公安部：要持续严打", "最高法：去年6.1万余名被告人被判刑")
    assert [t.text[s.start:s.end] for s in t.highlight_spans] == list(t.highlights)
    assert [t.text[s.start:s.end] for s in t.preamble] == ["国务院新闻办公室定于今天举行新闻发布会。"]
    assert [turn.label for turn in t.turns] == ["公安部副部长杜航伟"]


def test_broken_front_matter_is_a_warning_not_an_error() -> None:
    t = parse_bytes("---\ntitle: [unclosed\n---\n\n**主持人：** hi\n".encode(), "a.md")
    assert any("front matter" in w for w in t.warnings)
    assert [turn.label for turn in t.turns] == ["主持人"]


def test_whole_page_keeps_the_article_and_drops_the_chrome() -> None:
    t = parse_bytes((DATA / "scio-briefing-page.html").read_bytes(), "page.html")
    assert t.source.format == "html"
    assert t.meta.title == "国务院新闻办就稳就业有关情况举行发布会"
    assert t.meta.date == "2023-03-02T10:00:00"
    assert t.meta.url == "http://www.scio.gov.cn/xwfb/2023-03/02/content_1.htm"
    assert t.meta.editor == "王晓"
    chrome_words = ("首页", "相关新闻", "分享到", "扫一扫", "网友评论", "版权所有", "tracker", "display")
    for chrome in chrome_words:
        assert chrome not in t.text
    assert "来源：" not in t.text
    assert t.text.startswith("国务院新闻办公室于2023年3月2日")
    assert [turn.label for turn in t.turns] == [
        "主持人 寿小丽", "人力资源社会保障部副部长李忠", "主持人 寿小丽", "人民网记者", "张莹",
        "中央广播电视总台央视记者", "李忠", "主持人 寿小丽",
    ]


def test_br_with_indentation_separates_paragraphs_and_a_bare_br_wraps() -> None:
    page = "<p><b>李忠：</b><br>　　第一段。<br>　　第二段，<br>接着写。</p>"
    t = parse_bytes(page.encode(), "a.html")
    assert [t.text[p.start:p.end] for p in t.turns[0].paragraphs] == ["第一段。", "第二段，接着写。"]


def test_source_line_breaks_vanish_between_chinese_and_become_spaces_between_words() -> None:
    t = parse_bytes("<p><b>李忠：</b>我们\n认为，App\nStore 很好。</p>".encode(), "a.html")
    assert t.text == "李忠：\n我们认为，App Store 很好。"


def test_html_fragment() -> None:
    t = parse_bytes("<p>　　问：情况如何？</p><p>　　答：总体平稳。</p><p>继续努力。</p>".encode(), "a.html")
    assert t.source.format == "html"
    assert t.text == "问：\n情况如何？\n答：\n总体平稳。\n继续努力。"


def test_html_is_sniffed_whatever_the_suffix() -> None:
    t = parse_bytes("<!DOCTYPE html><html><body><p>问：好吗？</p></body></html>".encode(), "saved.txt")
    assert t.source.format == "html"


def test_plain_text_one_paragraph_per_line() -> None:
    source = "　　主持人：各位好。\r\n\r\n　　杜航伟：谢谢。\r\n　　第二段。\r\n"
    t = parse_bytes(source.encode(), "a.txt")
    assert t.source.format == "text"
    assert t.text == "主持人：\n各位好。\n杜航伟：\n谢谢。\n第二段。"


def test_hard_wrapped_text_joins_wrapped_lines() -> None:
    paragraphs = [
        "主持人：各位记者朋友，大家上午好。今天我们请到了有关负责人介绍情况并回答大家关心的问题。",
        "李忠：谢谢主持人。今年以来就业形势总体稳定，城镇新增就业保持增长，我们将继续努力。",
    ]
    width = 16  # wrapped at a fixed width, a blank line between paragraphs
    source = "\n\n".join("\n".join(p[i:i + width] for i in range(0, len(p), width)) for p in paragraphs)
    t = parse_bytes(source.encode(), "a.txt")
    assert [turn.label for turn in t.turns] == ["主持人", "李忠"]
    assert [t.text[p.start:p.end] for turn in t.turns for p in turn.paragraphs] == [
        p.split("：", 1)[1] for p in paragraphs
    ]


def test_markdown_bold_markers_and_headings() -> None:
    t = parse_bytes((DATA / "press-conference.md").read_bytes(), "p.md")
    assert t.meta.title == "Test: 新闻发布会实录"
    assert t.meta.date == "2023-05-01T09:30:00"
    assert [(s.name, s.role, s.kind) for s in t.speakers] == [
        ("主持人", None, "host"),
        ("付凌晖", "国家统计局新闻发言人", "official"),
        ("新华社记者", None, "reporter"),
    ]


def test_plain_markdown_without_front_matter() -> None:
    t = parse_bytes("# 实录\n\n**问：** 好吗？\n\n**答：** 好。\n".encode(), "a.md")
    assert t.meta.title == "实录"
    assert [turn.label for turn in t.turns] == ["问", "答"]


def test_article_split_over_sections_is_kept_whole_without_the_page_around_it() -> None:
    def para(words: str) -> str:
        return f"<p>{words}，这是一段足够长的发言内容用来测试正文的识别是否正确。</p>"

    page = (
        "<html><body><div class='top'><a href='/'>首页</a></div><div id='main'>"
        f"<div class='part'><p><b>主持人：</b></p>{para('各位好')}{para('第二段')}</div>"
        f"<div class='part'><p><b>李忠：</b></p>{para('谢谢')}{para('补充')}{para('再补充')}</div>"
        "</div><div class='links'><p>友情链接：某某网站，某某网站，某某网站，某某网站，某某网站。</p></div>"
        "</body></html>"
    )
    t = parse_bytes(page.encode(), "a.html")
    assert [turn.label for turn in t.turns] == ["主持人", "李忠"]
    assert len(t.turns[1].paragraphs) == 3
    assert "首页" not in t.text and "友情链接" not in t.text


def test_short_equal_lines_do_not_make_a_text_look_wrapped() -> None:
    lines = [f"{n}是{verb}。" for n, verb in zip("一二三四五六七八", ("加强", "优化", "落实", "推进", "协调",
                                                               "保障", "宣传", "总结"), strict=True)]
    source = "\n\n".join(f"{'问答'[i % 2]}：{lines[2 * i]}\n{lines[2 * i + 1]}" for i in range(4))
    t = parse_bytes(source.encode(), "a.txt")
    assert [t.text[p.start:p.end] for turn in t.turns for p in turn.paragraphs] == lines
