"""Paragraphs that are about the page, not part of the briefing: kept out of the text.

Editor and author lines (``责任编辑：李昂``) go to ``Meta``; datelines give the date; page
controls (``打印本页``), end marks (``（完）``), a site's footer (copyright, subscribe) and
photo captions written as prose (``图为…``, ``新华社记者 陈晔华 摄``) are dropped. A caption
the source marks as one (``<figcaption>``) is kept, and shown as a caption.
"""

from __future__ import annotations

import dataclasses
import re

from reader.model import Meta
from reader.parse.blocks import Block, line_text
from reader.progress import checkpoint
from reader.speakers.names import is_person_name
from reader.text.dates import normalize_date
from reader.text.fold import to_simplified

# A whole paragraph that is a metadata field (责任编辑：李昂, 【来源：国新网】): never speech.
METADATA_LINE = re.compile(
    r"^(?:[【\[]\s*(?:我要)?纠错\s*[】\]]\s*)?[（(【\[]?\s*(责任编辑|编辑|责编|来源|文章来源|新闻来源|校对|审核|审校|监制|作者|稿件来源)\s*[：:]\s*"
    r"(?P<value>[^：:]{0,40}?)\s*[）)】\]]?$"
    # An editor in parentheses after the text, with a space for the colon: （编辑 王一冰）.
    r"|^[（(]\s*(责任编辑|编辑|责编)\s+(?P<editor>[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})?)\s*[）)]$"
)

# A recording's time alone between paragraphs (``(00:12)``, ``[10:05:30]``): not speech.
TIMESTAMP_LINE = re.compile(r"^[(\[【]?\d{1,2}:\d{2}(?::\d{2})?[)\]】]?$")

# The end mark news agencies put after a story: （完）, 【全文完】; a Hong Kong government
# release's, with its date and time (``Ends/Saturday, March 5, 2022``, ``Issued at HKT 14:50``,
# on one line or two), and the wires' ``NNNN``.
END_MARK = re.compile(
    r"^[（(【\[]?\s*(?:完|全文完|全文结束)\s*[）)】\]]?$|^NNNN$"
    r"|^(?=\S)(?:Ends(?:/[A-Za-z]+, [A-Za-z]+ \d{1,2}, \d{4})?\s*)?(?:Issued at HKT \d{1,2}:\d{2})?$"
)

# A dateline on its own (2024年12月3日（星期二）香港時間17時30分): when, not speech; its
# time may stand on a line of its own (香港時間12時55分, 北京时间10时30分).
DATE_LINE = re.compile(
    r"^\d{4}年\d{1,2}月\d{1,2}日\s*(?:[（(]星期.[）)])?\s*(?:\S{2}[时時][间間])?\s*"
    r"(?:\d{1,2}\s*[时時:：]\s*\d{1,2}\s*分?)?$"
    r"|^\S{2}[时時][间間]\s*\d{1,2}\s*[时時:：]\s*\d{1,2}\s*分?$"
)

# A full date in a title (2012年11月16日…, …辑录(2023-04-26)); never 2019年1-2月份.
TITLE_DATE = re.compile(r"\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}(?!\d))")

# A PDF record's running page header between paragraphs (``LEGISLATIVE COUNCIL ― 26 June 2019
# 11720``, ``立法會─ 2000年11月8日``): where the page broke, not speech.
RUNNING_HEADER = re.compile(
    r"^(?:LEGISLATIVE COUNCIL|立法会)\s*[─―—–-]+\s*"
    r"(?:\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}年\d{1,2}月\d{1,2}日)?\s*\d*$"
)

# Page controls saved with the text as whole paragraphs (打印本页, 【我要纠错】, 分享到：).
PAGE_CONTROL = re.compile(
    r"^[【\[（(]?\s*(?:我要)?(?:纠错|打印|打印本页|关闭|关闭窗口|返回顶部|回到顶部|收藏|举报|"
    r"分享到[：:]?.{0,20}|扫一扫.{0,20}|字号[：:]?.{0,20}|【?大\s*中\s*小】?)\s*[】\]）)]?$"
)

# A dateline a page puts above the article, alone or with its source
# (``2019-03-14 12:28 来源: 中国网``, ``发布时间：2015-07-15``, ``（2015年7月15日）``).
DATE_ROW = re.compile(
    r"^[（(]?(?:(?:发布|发稿|更新)?(?:时间|日期)\s*[：:]\s*)?\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?[）)]?"
    r"(?:\s*[|｜]?\s*(?:来源|作者|编辑|责任编辑)\s*[：:][^：:。，]{0,40})?$"
)

# A photo caption's credit (``中国网 宗超 摄``, ``（新华社记者 陈晔华 摄）``) or a caption
# (``图为…``): the picture is not in the text, so neither is its caption.
PHOTO_CAPTION = re.compile(
    r"(?:(?:\s|记者|[。，；）)])[\u4e00-\u9fff]{2,4}(?<!拍)\s+摄[）)]?$|(?:\s|记者)[\u4e00-\u9fff]{2,4}(?<!拍)摄[）)]?$|^[（(]?摄影?\s*[：:]\s*[\u4e00-\u9fff]{2,4}[）)]?$|^[▲△↑]?\s*图为"
    r"|^[【\[（(]?(?:资料图|资料图片|图片来源[：:].{0,20})[】\]）)]?$)"
)

# A page's byline row: two or more fields (来源：国新网　时间：2023-03-02　作者：…).
METADATA_FIELD = re.compile(
    r"(?:^|\s)(?:来源|时间|发布时间|发布日期|日期|作者|编辑|责任编辑|字号|浏览次数|点击数|稿件来源|文章来源)\s*[：:]"
)

MAX_METADATA_ROW = 120

# The editor among a byline row's fields (``来源：国防部网 责任编辑：王粲``).
EDITOR_FIELD = re.compile(
    r"(?:责任编辑|编辑|责编)\s*[：:]\s*(?P<name>[\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])"
)

# Where the page sits on its site (``首页 > 图片聚焦 > 国台办新闻发布会辑录``, ``当前位置：首页 >
# 新闻``): the site's navigation, not the briefing.
BREADCRUMB = re.compile(
    r"^(?:(?:当前位置|您的位置|您现在的位置|所在位置|位置)\s*[：:]\s*)?(?:首页|主页|网站首页)\s*[>›»＞/]"
)

# A credit line: who reported and wrote the piece up (``记者吕绍刚采访整理``, ``本报记者 张三 李四``,
# ``（记者 王五 整理）``). It names the interviewer a bare 记者： label stands for.
CREDIT_LINE = re.compile(
    r"^[（(]?\s*(?:本报|本台|本刊)?(?:特约|实习)?(?:记者|通讯员)\s*"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4}){0,3}?)\s*"
    r"(?:采访整理|整理|采写|采访|报道|撰文)?\s*[）)]?$"
)

# What a site puts after the article (a copyright line, an invitation to subscribe, a QR
# code, "read the original"): words that do not end a briefing's last answer. Matched on
# short blocks at the very end only, so a speaker who says 订阅 mid-transcript keeps it.
FOOTER = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|版权所有|版权归|版权声明|未经(?:授权|许可|同意)|"
    r"不得转载|禁止转载|转载请|如需转载|欢迎转载|订阅|subscribe|newsletter|公众号|二维码|扫码关注|"
    r"长按(?:识别|关注)|阅读原文|原文链接|原文地址|本文(?:首发|来源|转载|原载|作者)|首发于|"
    r"(?:更多|精彩)(?:精彩|内容|资讯|访谈|报道)?.{0,8}(?:请|敬请|欢迎)(?:关注|访问|订阅)|"
    # A bilingual release's pointer to its other half (（请同时参阅谈话内容的英文部分。）).
    r"^[（(]?(?:请|敬请)?(?:同时)?(?:参阅|参看|参见).{0,12}(?:英文|中文|英语|葡文)(?:部分|部份|版|本)"
    r"|^\(?please also refer to the (?:chinese|english|portuguese) (?:portion|part|version)",
    re.IGNORECASE,
)
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$")
MAX_FOOTER_BLOCK = 150
MAX_FOOTER_BLOCKS = 8

MAX_METADATA_LINES = 3
NAME_SPLIT = re.compile(r"[\s、，,]+")


def take_metadata(meta: Meta, blocks: tuple[Block, ...]) -> tuple[Meta, list[Block], list[str]]:
    """Drop metadata paragraphs (责任编辑：…, datelines, page controls, credit lines) from the
    text, keeping the editor, author and date in ``meta``; the credit lines are returned too
    (they introduce the interviewer)."""
    kept: list[Block] = []
    credits: list[str] = []
    editor, author, date = meta.editor, meta.author, meta.date
    for count, block in enumerate(blocks):
        if not count % 1024:
            checkpoint(0.05 * count / len(blocks))
        if len(block.lines) > MAX_METADATA_LINES:
            kept.append(block)
            continue
        written = "".join(line_text(line) for line in block.lines)
        if len(written) > MAX_METADATA_ROW:  # to_simplified keeps the length: test it first
            kept.append(block)
            continue
        row = to_simplified(written)  # the rules read simplified; values are taken as written
        match = METADATA_LINE.match(row) if len(block.lines) == 1 else None
        if match:
            field = match.group(1) or match.group(3)
            value_group = "value" if match.group(1) else "editor"
            value = written[match.start(value_group):match.end(value_group)].strip() or None
            if field in ("责任编辑", "编辑", "责编"):
                editor = editor or value
            elif field == "作者":
                author = author or value
            continue
        if (END_MARK.match(row) or PAGE_CONTROL.match(row) or RUNNING_HEADER.match(row)
                or TIMESTAMP_LINE.match(row)):
            continue
        credit = CREDIT_LINE.match(row) if len(block.lines) == 1 else None
        if credit and all(is_person_name(n) for n in NAME_SPLIT.split(credit.group("names")) if n):
            credits.append(written)
            author = author or written[credit.start("names"):credit.end("names")].strip()
            continue
        if len(METADATA_FIELD.findall(row)) >= 2:
            date = date or normalize_date(row)  # 来源：国新网　时间：2023-03-02: the page's date
            named = EDITOR_FIELD.search(row)  # 来源：国防部网 责任编辑：王粲
            editor = editor or (written[named.start("name"):named.end("name")] if named else None)
            continue
        if BREADCRUMB.match(row):
            continue
        if DATE_LINE.match(row.replace(" ", "")) or DATE_ROW.match(row):
            date = date or normalize_date(row)
            continue
        if PHOTO_CAPTION.search(row) and block.kind != "caption":  # a marked caption is shown as one
            continue
        if block.kind == "heading" and meta.title and written == meta.title:
            continue  # the page repeats its title; the window shows it from meta
        kept.append(block)
    kept = _without_footer(kept)
    if date is None and meta.title:
        dated = TITLE_DATE.search(meta.title)  # 2024年10月9日外交部发言人毛宁主持例行记者会
        if dated:
            date = normalize_date(dated.group())
    return dataclasses.replace(meta, editor=editor, author=author, date=date), kept, credits


def _without_footer(blocks: list[Block]) -> list[Block]:
    """The blocks without the site's footer: the short copyright, subscription and QR-code
    blocks at the end (and bare links among them), so that none of it joins the last turn."""
    end = len(blocks)
    while end > 0 and len(blocks) - end < MAX_FOOTER_BLOCKS:
        written = blocks[end - 1].text.strip()
        if len(written) > MAX_FOOTER_BLOCK:
            break
        footer = FOOTER.search(to_simplified(written)) or BARE_URL.match(written)
        if not footer:
            break
        end -= 1
    return blocks[:end]
