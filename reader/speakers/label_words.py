"""The words that make a speaker label, or rule one out, compared in simplified form.

Metadata fields (``责任编辑``, ``来源``), the endings of reported speech (``…表示``), how
headings begin (``关于``), and the labels of a host, a chair, a question and an answer.
Plain data, read by ``reader.speakers.labels`` and the rules after it.
"""

from __future__ import annotations

import re

# Labels that are metadata or document structure, never a person (compared without spaces).
NOT_SPEAKER_LABELS = frozenset({
    "责任编辑", "编辑", "来源", "原标题", "编者按", "本报讯", "注", "附", "附件", "关键词", "摘要", "导读",
    "要点", "发布会要点", "图", "图片", "视频", "链接", "相关链接", "相关新闻", "相关阅读", "延伸阅读",
    "作者", "校对", "审核", "审校", "监制", "时间", "地点", "主办", "承办", "电话", "地址", "邮编", "网址",
    "标题", "文章来源", "新闻来源", "出处", "转载", "声明", "特别声明", "免责声明", "提示", "温馨提示",
    "备注", "说明", "主题", "日期", "简介", "背景", "背景资料", "资料", "参考", "文字", "摄影", "出品",
    "策划", "统筹", "制作", "核心提示", "导语", "内容提要", "提要", "本期嘉宾", "嘉宾", "报道", "通讯员",
    "其中", "例如", "比如", "总之", "另外", "此外", "同时", "首先", "其次", "最后", "综上", "目前",
    "下一步", "据悉", "据了解", "据介绍", "新华社", "中新网", "人民网", "央视网",
    "note", "source", "editor", "tags", "url", "http", "https", "updated", "date", "title",
    # An English record's attendance lists (MEMBERS PRESENT:), read without their spaces.
    "memberspresent", "membersabsent", "membersattending", "othermemberspresent", "publicofficersattending",
    "publicofficerattending", "clerksinattendance", "clerkinattendance", "present", "absent",
})

NOT_SPEAKER_PREFIXES = ("责任编辑", "原标题", "编者按", "发布会要点", "文章来源", "新闻来源", "相关",
                        # A record's attendance lists (出席议员：, 列席秘书：, 缺席议员：).
                        "出席", "列席", "缺席", "与会")
# A meeting's chair, by office alone: who presides (a 证监会主席 with a body is an official).
CHAIR_LABELS = frozenset({"主席", "代理主席", "副主席", "主席女士", "主席先生", "大会主席", "会议主席"})

# Endings of a sentence that introduces a list or reports speech (``…表示：``), not a label.
NOT_SPEAKER_ENDINGS = (
    "要点", "看点", "亮点", "重点", "摘要", "提要", "速览", "一览", "核心观点", "导读",
    "如下", "以下", "下列", "表示", "指出", "强调", "认为", "介绍说", "透露", "宣布", "说", "称",
    "问道", "答道", "记者问", "来源", "链接", "注意", "提醒", "提示",
    "包括", "在于", "写道", "提到", "回应", "坦言", "直言", "举例", "工作",
    "措施", "方面", "情况", "问题如下",
    # Bold headings in speeches and news pages (从数据看：, 数据显示：, 记者手记：, 名词解释：).
    "看", "显示", "明确", "成效", "做法", "特点", "案例", "手记", "观察", "了解到", "注意到", "获悉",
    "走访", "探访", "直击", "解读", "贴士", "解释", "释义",
    # A page's headings in brackets: 【记者会实录】, 【发布会现场】, 【全文】.
    "实录", "全文", "现场", "直播",
)
# A news agency's byline (【环球时报-环球网报道 记者 王盼盼】, 【新华社北京3月5日电】, 本报讯):
# who reported the story, not who speaks. 报道 ends a word there; in ``21世纪经济报道记者``
# it is an outlet's name.
BYLINE = re.compile(r"[报報]道(?:\s|$)|日[电電]|[报報][讯訊]|日[讯訊]")

HOST_WORDS = ("主持人", "主持")

NUMBERED_QUESTION = re.compile(r"^(?:问|提问|问题|追问|Q)[一二三四五六七八九十\d]{1,3}$")

NUMBERED_ANSWER = re.compile(r"^(?:答|回答|A)[一二三四五六七八九十\d]{1,3}$")

# ``主持人（寿小丽）``, ``杜航伟（公安部副部长）``, ``记者（人民日报）``: a label with a parenthesis.
PARENTHESIZED = re.compile(r"^(?P<outer>[^（(）)]+)[（(](?P<inner>[^（(）)]+)[）)]$")

# How headings and list introductions begin; a label never does.
NOT_SPEAKER_STARTS = (
    "关于", "对于", "针对", "围绕", "如何", "怎样", "为什么", "为何", "据", "截至", "根据", "按照", "通过",
    "总的来说", "首先", "其次", "最后", "此外", "另外", "同时", "一方面", "另一方面",
)

NUMBERED_ITEM = re.compile(r"[一二三四五六七八九十\d]+$")

QUESTION_LABELS = frozenset({"问", "提问", "记者", "记者问", "记者提问", "有记者问", "有记者提问",
                             "有记者问及", "有记者问到", "Q", "q",
                             "问题", "追问", "又问", "网友", "网友提问", "网民", "网友问",
                             "观众", "观众提问", "现场观众", "听众", "听众提问", "现场提问", "提问者"})

ANSWER_LABELS = frozenset({"答", "回答", "A", "a", "答问"})

ANSWER_SUFFIXES = ("回答", "答")


# ``人民网记者``, ``新华社记者张三``, ``记者（人民日报）``, ``人民日报（记者）``;
# not ``新华社记者从公安部获悉``, nor ``记者会实录`` (a press conference's record).
REPORTER_LABEL = re.compile(
    r"^(?:[^（(）)]{0,30}记者(?!会)(?:[\u4e00-\u9fff]{2,4})?|记者[（(][^（(）)]{1,30}[）)]|[^（(）)]{1,30}[（(]记者[）)])$"
)


def unnumbered(compact: str) -> str:
    """``问`` for ``问1``, ``A`` for ``A2``: a numbered question's asker is the record's one 问;
    ``记者`` for ``有记者问及``, ``记者提问``: the one reporter a bare ``记者：`` is."""
    if NUMBERED_QUESTION.match(compact) or NUMBERED_ANSWER.match(compact):
        return NUMBERED_ITEM.sub("", compact)
    at = compact.find("记者") if len(compact) > 2 else -1
    if at < 0 and len(compact) > 2:
        at = compact.find("記者")
    return compact[at:at + 2] if at >= 0 else compact


#: One-character labels that are surnames too but head a field or a credit (文：张三, 时：, 题：).
NOT_SURNAME_LABELS = frozenset("文时题图注附摄编按")
