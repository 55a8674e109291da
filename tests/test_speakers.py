"""Speaker markers in every form transcripts use, the look-alikes that are not markers,
and how labels resolve to speakers."""

from __future__ import annotations

import pytest

from reader.model import Transcript
from reader.pipeline import parse_bytes


def html(body: str) -> Transcript:
    return parse_bytes(f"<html><body><div>{body}</div></body></html>".encode(), "page.html")


def text(body: str) -> Transcript:
    return parse_bytes(body.encode(), "transcript.txt")


def labels(t: Transcript) -> list[str]:
    return [turn.label for turn in t.turns]


def speech(t: Transcript, index: int) -> list[str]:
    return [t.text[p.start:p.end] for p in t.turns[index].paragraphs]


@pytest.mark.parametrize(
    ("markup", "label"),
    [
        ("<p><strong>公安部副部长杜航伟：</strong></p><p>谢谢大家。</p>", "公安部副部长杜航伟"),
        ("<p>　　<strong>公安部副部长杜航伟：</strong>谢谢大家。</p>", "公安部副部长杜航伟"),
        ("<p><b>杜航伟</b>：谢谢大家。</p>", "杜航伟"),
        ("<p><strong><span><a href='#'>人民网</a></span>记者：</strong></p><p>谢谢大家。</p>", "人民网记者"),
        ("<p><span style='font-weight: bold'>张莹：</span>谢谢大家。</p>", "张莹"),
        ("<p><span style='FONT-WEIGHT:700'>张莹：</span>谢谢大家。</p>", "张莹"),
        ("<p><strong>杜航伟:</strong> 谢谢大家。</p>", "杜航伟"),
        ("<p><strong>主持人 寿小丽：</strong></p><p>谢谢大家。</p>", "主持人 寿小丽"),
        ("<p><strong>记者（人民日报）：</strong>谢谢大家。</p>", "记者（人民日报）"),
        ("<p><strong>杜航伟：</strong><br>谢谢大家。</p>", "杜航伟"),
    ],
)
def test_bold_marker_forms(markup: str, label: str) -> None:
    t = html(markup)
    assert labels(t) == [label]
    assert speech(t, 0) == ["谢谢大家。"]
    turn = t.turns[0]
    assert t.text[turn.label_span.start:turn.label_span.end] == label


def test_bracketed_marker() -> None:
    t = html("<p><b>【主持人】</b>各位好。</p><p><b>【李忠】</b>谢谢。</p>")
    assert labels(t) == ["主持人", "李忠"]
    assert t.speakers[0].kind == "host"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("杜航伟：谢谢大家。\n主持人：下面请提问。", ["杜航伟", "主持人"]),
        ("问：情况如何？\n答：总体平稳。", ["问", "答"]),
        ("记者：情况如何？\n外交部发言人：总体平稳。", ["记者", "外交部发言人"]),
        ("主持人：\n各位好。\n公安部副部长杜航伟：\n谢谢。", ["主持人", "公安部副部长杜航伟"]),
        ("汪文斌: 早上好。\n法新社记者: 请问。", ["汪文斌", "法新社记者"]),
    ],
)
def test_plain_text_marker_forms(source: str, expected: list[str]) -> None:
    assert labels(text(source)) == expected


@pytest.mark.parametrize(
    "line",
    [
        "下一步，重点要抓好以下几个方面工作：",
        "主要措施如下：",
        "杜航伟表示：要持续严打。",
        "责任编辑：李昂",
        "来源：国新网",
        "原标题：公安部召开发布会",
        "编者按：这是一篇实录。",
        "一是：加强打击。",
        "（二）关于资金链：",
        "时间：2022年4月14日",
        "10:30 开始",
        "https://example.com/a",
        "公安部发布会要点：",
    ],
)
def test_not_markers_in_plain_text(line: str) -> None:
    assert text(f"前言。\n{line}\n正文内容。").turns == ()


@pytest.mark.parametrize(
    "markup",
    [
        "<p><strong>下一步，重点要抓好以下几个方面工作：</strong></p><p>一是严打。</p>",
        "<p><strong>一、关于资金链：</strong></p><p>内容。</p>",
        "<blockquote><a href='#'>公安部：要持续对电信网络诈骗犯罪保持严打高压</a></blockquote>",
        "<h1>全文_公安部：打击电诈犯罪成效显著</h1><p>正文。</p>",
        "<p><strong>发布会要点：</strong></p><p>正文。</p>",
        "<p>公安部：要持续严打</p>",
    ],
)
def test_not_markers_in_html(markup: str) -> None:
    assert html(markup).turns == ()


def test_editor_line_goes_to_meta_not_to_a_turn() -> None:
    t = html("<p><b>杜航伟：</b>谢谢。</p><p class='article-editor'>责任编辑：李昂 </p>")
    assert t.meta.editor == "李昂"
    assert "责任编辑" not in t.text
    assert speech(t, 0) == ["谢谢。"]


@pytest.mark.parametrize("line, editor", [("（编辑 王一冰）", "王一冰"), ("责编：张振", "张振"),
                                          ("(责任编辑 李昂 张三)", "李昂 张三")])
def test_an_editor_credit_after_the_text_is_no_speech(line: str, editor: str) -> None:
    t = html(f"<p><b>杜航伟：</b>谢谢。</p><p>{line}</p>")
    assert (t.meta.editor, speech(t, 0)) == (editor, ["谢谢。"])


def test_a_photo_credit_after_a_caption_sentence_is_no_speech() -> None:
    t = html("<p><b>吴谦：</b>大家下午好。</p><p>5月30日下午，国防部举行例行记者会，"
             "国防部新闻发言人吴谦大校答记者问。张智程 摄</p><p>首先发布一条消息。我们去拍摄。</p>")
    assert speech(t, 0) == ["大家下午好。", "首先发布一条消息。我们去拍摄。"]


def test_full_label_gives_name_role_and_organization() -> None:
    t = html("<p><b>公安部副部长杜航伟：</b>谢谢。</p><p><b>记者：</b>问。</p><p><b>杜航伟：</b>答。</p>")
    du = t.speakers[0]
    assert (du.name, du.role, du.organization, du.kind) == ("杜航伟", "公安部副部长", "公安部", "official")
    assert t.turns[2].speaker == du.id
    assert du.turns == 2
    assert du.chars == len("谢谢。") + len("答。")


def test_role_then_name_with_a_list_of_titles() -> None:
    t = html("<p><b>国务院新闻办新闻局副局长、新闻发言人邢慧娜：</b>各位好。</p>"
             "<p><b>公安部副部长杜航伟：</b>谢谢。</p>")
    assert (t.speakers[0].name, t.speakers[0].role) == ("邢慧娜", "国务院新闻办新闻局副局长、新闻发言人")


def test_introductions_give_roles_to_short_labels() -> None:
    t = text("出席今天发布会的还有，公安部刑事侦查局局长刘忠义先生，人民银行支付结算司司长温信祥先生。\n"
             "刘忠义：谢谢。\n温信祥：谢谢。")
    roles = {s.name: s.role for s in t.speakers}
    assert roles == {"刘忠义": "公安部刑事侦查局局长", "温信祥": "人民银行支付结算司司长"}
    assert {s.kind for s in t.speakers} == {"official"}


def test_reporter_named_by_outlet_keeps_the_label_as_name() -> None:
    t = html("<p><b>主持人：</b>请提问。</p><p><b>中央广播电视总台央视记者：</b>请问。</p>"
             "<p><b>李忠：</b>好。</p>")
    reporter = t.speaker(t.turns[1].speaker)
    assert reporter is not None
    assert (reporter.name, reporter.kind, reporter.role) == ("中央广播电视总台央视记者", "reporter", None)


def test_spokesperson_who_opens_and_hands_over_is_the_host() -> None:
    t = html("<p><b>国务院新闻办新闻局副局长、新闻发言人邢慧娜：</b>下面请杜航伟先生介绍。</p>"
             "<p><b>公安部副部長杜航伟：</b>谢谢。</p>".replace("長", "长")
             + "<p><b>邢慧娜：</b>请提问。</p><p><b>人民网记者：</b>请问。</p><p><b>杜航伟：</b>好。</p>")
    kinds = {s.name: s.kind for s in t.speakers}
    assert kinds == {"邢慧娜": "host", "杜航伟": "official", "人民网记者": "reporter"}


def test_spokesperson_answering_questions_is_an_official() -> None:
    t = text("林剑：今天没有消息发布。\n问：请问情况如何？\n林剑：总体平稳。\n"
             "法新社记者：请问？\n林剑：不清楚。")
    kinds = {s.name: s.kind for s in t.speakers}
    assert kinds == {"林剑": "official", "问": "reporter", "法新社记者": "reporter"}


def test_questions_pair_with_their_answers() -> None:
    t = html("<p><b>主持人：</b>请提问。</p><p><b>人民网记者：</b>问一。</p><p><b>张莹：</b>答一。</p>"
             "<p><b>李忠：</b>补充。</p><p><b>主持人：</b>下一个。</p><p><b>新华社记者：</b>问二。</p>"
             "<p><b>李忠：</b>答二。</p><p><b>主持人：</b>结束。</p>")
    assert [(q.question, q.answers) for q in t.qa] == [(1, (2, 3)), (5, (6,))]


@pytest.mark.parametrize(
    ("label", "name", "role", "kind"),
    [
        ("主持人（寿小丽）", "寿小丽", "主持人", "host"),
        ("杜航伟（公安部副部长）", "杜航伟", "公安部副部长", "official"),
        ("记者（人民日报）", "记者（人民日报）", None, "reporter"),
        ("问题1", "问题", None, "reporter"),  # 问题1, 问题2: the record's one asker
        ("张三", "张三", None, None),
        ("杜航伟先生", "杜航伟", None, None),
        ("公安部副部长杜航伟先生", "杜航伟", "公安部副部长", "official"),
        ("主持人（国新办新闻局局长寿小丽）", "寿小丽", "国新办新闻局局长", "host"),
        ("自治区主席艾尔肯・吐尼亚孜", "艾尔肯・吐尼亚孜", "自治区主席", "official"),
        ("保安局局長李家超", "李家超", "保安局局長", "official"),
        ("主持人 壽小麗", "壽小麗", "主持人", "host"),
        ("路透社記者", "路透社記者", None, "reporter"),
        ("國務院新聞辦公室新聞局局長、新聞發言人壽小麗", "壽小麗",
         "國務院新聞辦公室新聞局局長、新聞發言人", None),
    ],
)
def test_label_forms_resolve(label: str, name: str, role: str | None, kind: str | None) -> None:
    t = text(f"{label}：各位好。\n答：谢谢。")
    assert [turn.label for turn in t.turns] == [label, "答"]
    speaker = t.speakers[0]
    assert (speaker.name, speaker.role) == (name, role)
    if kind:
        assert speaker.kind == kind


@pytest.mark.parametrize(
    "markup",
    [
        "<p><strong>关于打击治理电信网络诈骗：</strong></p><p>内容。</p>",
        "<p><strong>出席今天发布会的有：</strong>公安部负责同志。</p>",
        "<p><strong>各地的主要做法：</strong></p><p>内容。</p>",
    ],
)
def test_bold_headings_and_list_introductions_are_not_markers(markup: str) -> None:
    assert html(markup).turns == ()


def test_a_heading_that_is_only_a_label_is_a_marker() -> None:
    t = html("<h1>公安部：打击电诈成效显著</h1><h4>主持人：</h4><p>各位好。</p>")
    assert [turn.label for turn in t.turns] == ["主持人"]
    assert t.meta.title == "公安部：打击电诈成效显著"


def test_traditional_chinese_transcript() -> None:
    t = text("主持人：各位好。\n記者：請問情況如何？\n保安局局長李家超：謝謝。\n李家超：補充一點。")
    kinds = [(s.name, s.kind) for s in t.speakers]
    assert kinds == [("主持人", "host"), ("記者", "reporter"), ("李家超", "official")]
    assert t.turns[3].speaker == t.turns[2].speaker


def test_bracketed_label_with_spaces_slices_exactly() -> None:
    t = html("<p><b>[主持人  寿小丽]</b>各位好。</p>")
    turn = t.turns[0]
    assert turn.label == "主持人 寿小丽"
    assert t.text[turn.label_span.start:turn.label_span.end] == turn.label
    assert t.text.startswith("[主持人 寿小丽]\n各位好。")


def test_a_name_seen_in_a_full_label_is_a_marker_later_even_without_bold() -> None:
    t = html("<p><b>工业和信息化部网络安全管理局局长芈静：</b>谢谢。</p><p>芈静：补充一点。</p>")
    assert [turn.speaker for turn in t.turns] == ["s1", "s1"]


def test_reported_speech_about_reporters_is_not_a_marker() -> None:
    t = text("前言。\n新华社记者从公安部获悉：今年以来破案数上升。\n新华社记者张三：请问情况如何？")
    assert [turn.label for turn in t.turns] == ["新华社记者张三"]
    assert t.speakers[0].kind == "reporter"


def test_name_followed_by_answer_labels_the_answerer() -> None:
    t = text("记者问：出口形势如何？\n李忠答：总体平稳。\n记者问：下一步呢？\n商务部新闻发言人答：继续努力。")
    assert [turn.label for turn in t.turns] == ["记者问", "李忠答", "记者问", "商务部新闻发言人答"]
    assert [(s.name, s.role, s.kind) for s in t.speakers] == [
        ("记者", None, "reporter"), ("李忠", None, "official"),  # 记者问: an unnamed 记者 asks
        ("商务部新闻发言人", "商务部新闻发言人", "official"),
    ]


def test_a_source_credit_is_not_a_marker() -> None:
    t = text("问：好吗？\n答：好。\n图片来源：新华社")
    assert [turn.label for turn in t.turns] == ["问", "答"]


@pytest.mark.parametrize("line", ["（完）", "【全文完】"])
def test_end_marks_are_not_speech(line: str) -> None:
    t = text(f"问：好吗？\n答：好。\n{line}")
    assert [t.text[p.start:p.end] for p in t.turns[-1].paragraphs] == ["好。"]


def test_introductions_name_role_only_labels() -> None:
    t = text("2024年5月6日外交部发言人林剑主持例行记者会\n外交部发言人：今天没有消息。\n问：请问？\n"
             "外交部发言人林剑：没有。")
    spokesman = t.speakers[0]
    assert (spokesman.name, spokesman.role) == ("林剑", "外交部发言人")
    assert t.turns[2].speaker == spokesman.id


def test_a_role_introduced_with_two_names_names_nobody() -> None:
    t = text("请公安部副局长张三先生和公安部副局长李四先生介绍情况。\n公安部副局长：谢谢。")
    assert t.speakers[0].name == "公安部副局长"


def test_a_host_who_hands_each_question_over_is_still_the_host() -> None:
    t = html("<p><b>国务院新闻办新闻局局长、新闻发言人陈文俊：</b>下面请李忠先生介绍情况。</p>"
             "<p><b>人力资源社会保障部副部长李忠：</b>今年以来就业形势总体稳定，城镇新增就业保持增长。</p>"
             "<p><b>陈文俊：</b>请提问。</p><p><b>人民网记者：</b>请问高校毕业生就业情况？</p>"
             "<p><b>陈文俊：</b>请李忠回答。</p><p><b>李忠：</b>今年高校毕业生预计1158万人，我们将多措并举。</p>"
             "<p><b>新华社记者：</b>请问农民工情况？</p><p><b>陈文俊：</b>请李忠回答。</p>"
             "<p><b>李忠：</b>农民工总量保持增长，外出务工人数稳中有升。</p>")
    kinds = {s.name: s.kind for s in t.speakers}
    assert kinds["陈文俊"] == "host" and kinds["李忠"] == "official"
    assert [(q.question, q.answers) for q in t.qa] == [(3, (5,)), (6, (8,))]


def test_name_then_title_before_the_full_label_is_one_speaker() -> None:
    t = text("出席今天发布会的有公安部副部长杜航伟先生。\n杜航伟副部长：谢谢。\n记者：请问？\n"
             "公安部副部长杜航伟：好。\n杜航伟：再补充。")
    officials = [(s.name, s.role, s.turns) for s in t.speakers if s.kind == "official"]
    assert officials == [("杜航伟", "公安部副部长", 3)]


@pytest.mark.parametrize("line", ["文件明确：要加强打击。", "方法是：先核实身份。", "高度重视：各地行动。"])
def test_phrases_starting_with_a_surname_character_are_not_names(line: str) -> None:
    assert text(f"问：怎么办？\n答：要这样。\n{line}").turns[-1].label == "答"


@pytest.mark.parametrize(("opening", "label", "name", "role"), [
    ("今天请到财政部部长王小明。", "王部长", "王小明", "财政部部长"),
    ("今天請到財政部部長王小明。", "王部長", "王小明", "財政部部長"),
    ("今天我们请到了国家统计局副局长李华、新闻发言人赵强。", "李局长", "李华", "国家统计局副局长"),
])
def test_a_label_of_surname_and_title_is_whom_the_hosts_opening_introduced(
        opening: str, label: str, name: str, role: str) -> None:
    t = text(f"主持人：各位记者朋友，上午好。{opening}下面请他介绍情况。\n\n{label}：今年增长5%。\n\n"
             f"记者：请问{label}，下一步如何？\n\n{label}：继续推进。\n")
    speaker = t.speaker(t.turns[1].speaker)
    assert (speaker.name, speaker.role, speaker.kind) == (name, role, "official")
    assert t.turns[3].speaker == t.turns[1].speaker


def test_a_surname_and_title_two_people_share_stays_as_written() -> None:
    t = text("主持人：今天请到财政部部长王小明、商务部部长王大力。\n\n王部长：今年增长5%。\n")
    assert t.speaker(t.turns[1].speaker).name == "王部长"


@pytest.mark.parametrize("follow_up", ["追问", "追問", "又问"])
def test_a_bare_follow_up_is_the_last_askers_question(follow_up: str) -> None:
    t = text("法新社记者：布林肯将访华，中方能否证实？\n\n毛宁：目前没有可以发布的信息。\n\n"
             "彭博社记者：关于关税有何回应？\n\n毛宁：我们已经阐明了立场。\n\n"
             f"{follow_up}：中方是否会采取反制措施？\n\n毛宁：中方将坚决维护自身权益。\n")
    assert labels(t)[4] == follow_up  # the label as written
    assert t.turns[4].speaker == t.turns[2].speaker
    assert t.speaker(t.turns[4].speaker).name == "彭博社记者"
    assert [s.name for s in t.speakers] == ["法新社记者", "毛宁", "彭博社记者"]


def test_a_follow_up_before_any_question_stays_as_written() -> None:
    t = text("主持人：请提问。\n\n追问：第一个问题？\n\n王五：回答。\n")
    assert t.speaker(t.turns[1].speaker).name == "追问"


@pytest.mark.parametrize(("lead", "name", "role"), [
    ("出席今天发布会的有劳工及福利局局长孙玉菡先生、房屋局局长何永贤女士。", "孙玉菡", "劳工及福利局局长"),
    ("出席今天記者會的有勞工及福利局局長孫玉菡先生、房屋局局長何永賢女士。", "孫玉菡", "勞工及福利局局長"),
    ("今天请到劳动和社会保障部副部长王五。", "王五", "劳动和社会保障部副部长"),
])
def test_a_bureau_named_with_a_conjunction_keeps_its_whole_name(lead: str, name: str, role: str) -> None:
    t = text(f"{lead}\n\n{name}：谢谢。\n")
    assert (t.speakers[0].name, t.speakers[0].role) == (name, role)
