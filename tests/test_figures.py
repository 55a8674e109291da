"""Figures: found in sentences of our own, normalized, attributed and related.

The rules are the language's, not one document's: every sentence here is written for
the test, in the styles of ministry briefings and 例行记者会.
"""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.figures.extract import extract_figures
from reader.figures.scan import find_figures
from reader.model import Meta, Source, Span, Speaker, Transcript, Turn


def texts(sentence: str) -> list[str]:
    return [f.text for f in find_figures(sentence)]


def only(sentence: str):
    found = find_figures(sentence)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


# --- what counts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("今年共侦破案件12.7万起，", "12.7万起", 127000, "起"),
        ("累计追回资金856亿元。", "856亿元", 85_600_000_000, "元"),
        ("排查网点310.2万个。", "310.2万个", 3_102_000, "个"),
        ("拦截资金４５６７亿元。", "４５６７亿元", 456_700_000_000, "元"),
        ("补贴1,234.5万元。", "1,234.5万元", 12_345_000, "元"),
        ("受理投诉3,456件。", "3,456件", 3456, "件"),
        ("惠及三十二万人。", "三十二万人", 320_000, "人"),
        ("投入一千二百亿元。", "一千二百亿元", 120_000_000_000, "元"),
        ("新建基站1.2万亿元规模", "1.2万亿元", 1_200_000_000_000, "元"),
        ("处置码号7.5万、网址93万。", "7.5万", 75_000, ""),
        ("涉及企业28家。", "28家", 28, "家"),
        ("连续11个月下降。", "11个月", 11, "个月"),
        ("审结案件3.6万件。", "3.6万件", 36_000, "件"),
        ("抓获嫌疑人8721名。", "8721名", 8721, "名"),
        ("发送提醒短信640万条。", "640万条", 6_400_000, "条"),
        ("清理电话卡520万张。", "520万张", 5_200_000, "张"),
        ("拒绝交易2.4亿笔。", "2.4亿笔", 240_000_000, "笔"),
        ("下架应用软件732款。", "732款", 732, "款"),
        ("缴获设备1200台。", "1200台", 1200, "台"),
        ("出台措施18项。", "18项", 18, "项"),
        ("冻结账户96万户。", "96万户", 960_000, "户"),
        ("运输旅客3.2亿人次。", "3.2亿人次", 320_000_000, "人次"),
        ("出口额达480亿美元。", "480亿美元", 48_000_000_000, "美元"),
        ("平均办理时间缩短到15个工作日。", "15个工作日", 15, "个工作日"),
    ],
)
def test_counts_money_and_durations_with_multipliers_and_measure_words(
    sentence: str, text: str, value: float, unit: str
) -> None:
    f = find_figures(sentence)[0]
    assert (f.text, f.value, f.unit) == (text, value, unit)
    assert sentence[f.start : f.end] == f.text


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "family"),
    [
        ("占比为12.5%。", "12.5%", 12.5, "%", "percent"),
        ("占比为１２．５％。", "１２．５％", 12.5, "%", "percent"),
        ("覆盖百分之四十五的乡镇", "百分之四十五", 45, "%", "percent"),
        ("不良率千分之三", "千分之三", 3, "‰", "percent"),
        ("提高了3.5个百分点", "3.5个百分点", 3.5, "个百分点", "points"),
        ("下降两个百分点", "两个百分点", 2, "个百分点", "points"),
        ("增长了4.2倍", "4.2倍", 4.2, "倍", "multiple"),
        ("同比增长一倍", "一倍", 1, "倍", "multiple"),
        ("同比增长-2.7%", "-2.7%", -2.7, "%", "percent"),
    ],
)
def test_percentages_points_and_multiples(
    sentence: str, text: str, value: float, unit: str, family: str
) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit, f.family) == (text, value, unit, family)


def test_percentage_points_never_become_percent() -> None:
    f = only("就业率提高了近2个百分点，")
    assert f.unit == "个百分点" and f.family == "points" and f.qualifier == "近"


@pytest.mark.parametrize(
    ("sentence", "text", "value", "qualifier"),
    [
        ("全年共起诉近3万人。", "近3万人", 30_000, "近"),
        ("接近5000家企业", "接近5000家", 5000, "接近"),
        ("约1.5亿元资金", "约1.5亿元", 150_000_000, "约"),
        ("已经超过80种", "超过80种", 80, "超过"),
        ("涉案金额逾2000亿元", "逾2000亿元", 200_000_000_000, "逾"),
        ("不到300人参加", "不到300人", 300, "不到"),
        ("办理案件1.8万余件", "1.8万余件", 18_000, "余"),
        ("播放视频3200多条", "3200多条", 3200, "多"),
        ("查询服务6200多万次", "6200多万次", 62_000_000, "多"),
        ("审结两千余件", "两千余件", 2000, "余"),
        ("发案占40%以上", "40%以上", 40, "以上"),
        ("年龄在18岁以下", "18岁以下", 18, "以下"),
        ("每人3000元左右", "3000元左右", 3000, "左右"),
        ("用时1个多月", "1个多月", 1, "多"),
        ("这3年多来", "3年多", 3, "多"),
        ("审理了2年余", "2年余", 2, "余"),
        ("历时近90分钟的问答", "近90分钟", 90, "近"),
        ("工程历时近3年完工", "近3年", 3, "近"),
        ("共有三十多万人", "三十多万人", 300_000, "多"),
        # 几 and 来 after the tens say "and some", "or so", as 多 does: 十几个, 二十来岁.
        ("来了十几个人", "十几个", 10, "几"),
        ("有二十几个国家", "二十几个", 20, "几"),
        ("覆盖十几万人", "十几万人", 100_000, "几"),
        ("约了十来个人", "十来个", 10, "来"),
        ("二十来岁的年轻人", "二十来岁", 20, "来"),
        ("有百幾人", "百幾人", 100, "幾"),
        ("五千幾個", "五千幾個", 5000, "幾"),
        ("一千幾百宗", "一千幾百宗", 1000, "幾"),
        ("一万几千人", "一万几千人", 10000, "几"),
    ],
)
def test_qualifiers_are_kept_in_the_text_and_named(
    sentence: str, text: str, value: float, qualifier: str
) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.qualifier) == (text, value, qualifier)


@pytest.mark.parametrize(
    ("sentence", "text", "qualifier"),
    [
        ("大概有八、九万研发人员", "八、九万", "大概"),
        ("这类事件大概每年1.8万件", "1.8万件", "大概"),
        ("中国大约有70%的人是文盲", "70%", "大约"),
        ("至少有5人受伤", "5人", "至少"),
        ("节约有3亿元", "3亿元", None),  # 节约: saved, no approximation
        ("今年有3万人", "3万人", None),
    ],
)
def test_an_approximation_a_short_word_away_qualifies_the_figure(sentence: str, text: str,
                                                                  qualifier: str | None) -> None:
    f = only(sentence)
    assert (f.text, f.qualifier) == (text, qualifier)


@pytest.mark.parametrize("sentence", ["二十来自各地的代表", "十来访的客人", "一共有十几", "拿出300来支付",
                                      "百万分之五", "千万分之一"])
def test_lai_that_starts_a_word_and_a_bare_ji_are_not_qualified_counts(sentence: str) -> None:
    assert texts(sentence) == []


def test_reach_is_not_a_qualifier() -> None:
    # 达 asserts the value; it neither rounds nor bounds it.
    f = only("劝阻成功率达85%，")
    assert (f.text, f.qualifier) == ("85%", None)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("最近3年来", "3年"),
        ("近5年来，", "5年"),
        ("在近3个月内", "3个月"),
        ("。近10年，全国", "10年"),
        ("节约3亿元", "3亿元"),
        ("通过3种方式", "3种"),
    ],
)
def test_words_ending_in_a_qualifier_character_do_not_qualify(sentence: str, text: str) -> None:
    f = only(sentence)
    assert (f.text, f.qualifier) == (text, None)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "value_to", "unit"),
    [
        ("判处3至5年有期徒刑", "3至5年", 3, 5, "年"),
        ("占比20%-30%", "20%-30%", 20, 30, "%"),
        ("罚款10万到20万元", "10万到20万元", 100_000, 200_000, "元"),
        ("罚款10至20万元", "10至20万元", 100_000, 200_000, "元"),
        ("罚款5000至2万元", "5000至2万元", 5000, 20_000, "元"),
        ("增长20～30%", "20～30%", 20, 30, "%"),
        ("百分之二十至三十", "百分之二十至三十", 20, 30, "%"),
        ("需要三到五年", "三到五年", 3, 5, "年"),
    ],
)
def test_a_range_is_one_figure_with_both_ends(
    sentence: str, text: str, value: float, value_to: float, unit: str
) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.value_to, f.unit) == (text, value, value_to, unit)


# --- what does not count -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "发布会定于2023年5月16日上午10时举行。",
        "2019年，我们开始试点。",
        "2016年和2020年先后出台",
        "2018-2022年间",
        "去年8月至今",
        "下午3点30分开始",
        "会议于10:30开始",
        "开展“6.18”专项行动",
        "“11.11”购物节期间",
        "“3·15”晚会曝光",
        "部署“净网2.0”行动",
        "升级到版本3.1.4",
        "拨打12345热线",
        "96110预警电话",
        "一是加强领导，二是完善制度。",
        "第三次全国会议",
        "迎接党的二十大",
        "党的十九大以来",
        "21世纪经济报道记者",
        "5G基站和G20峰会",
        "COVID-19疫情",
        "联系电话010-12345678",
        "发布日期2022-04-14",
        "“十四五”期间",
        "上世纪90年代",
        "千方百计，千家万户",
        "三大运营商",
        "统一部署",
        "万一出现问题",
        "百分之百地支持",
        "新时代这十年",
        "第一、二、三名",
    ],
)
def test_dates_times_codes_versions_hotlines_ordinals_and_names_are_not_figures(sentence: str) -> None:
    assert texts(sentence) == []


def test_one_with_a_measure_word_is_a_manner_of_speech() -> None:
    assert texts("一起研究，一个问题，一次会议，一些办法，一方面") == []


def test_chinese_counts_and_durations_are_figures() -> None:
    # Issue 11: what a journalist copies (五位, 八家, 三年多), with their values.
    found = find_figures("五位专家来自八家企业，三年多来做了三个方面的工作，三十年来两次下发通知。")
    assert [(f.text, f.value, f.unit) for f in found] == [
        ("五位", 5, "位"), ("八家", 8, "家"), ("三年多", 3, "年"), ("三个", 3, "个"), ("三十年", 30, "年"),
        ("两次", 2, "次")]
    assert texts("这两个问题，这十年") == []  # a demonstrative counts nothing


def test_one_or_a_half_and_more_of_a_duration_is_a_figure() -> None:
    # 一个多月 is "more than a month", not the article 一个; 半个多月 "more than half a month".
    found = find_figures("已经过去一个多月，又用了半个多月和一个多小时，一个人也没有。")
    assert [(f.text, f.value, f.unit, f.qualifier) for f in found] == [
        ("一个多月", 1, "个月", "多"), ("半个多月", 0.5, "个月", "多"), ("一个多小时", 1, "个小时", "多")]


@pytest.mark.parametrize("sentence, text, value", [
    ("共有24 000名志愿者", "24 000名", 24_000), ("全市1 234 567人", "1 234 567人", 1_234_567),
    ("收入12\u2009345.6万元", "12\u2009345.6万元", 123_456_000), ("2022年 3 000名员工", "3 000名", 3000),
])
def test_thousands_separated_by_a_space_are_one_number(sentence: str, text: str, value: float) -> None:
    # GB/T 15835 and many statistics separate thousands with a space: 24 000 was 000 (0).
    (found,) = find_figures(sentence)
    assert (found.text, found.value) == (text, value)


def test_a_quoted_policy_named_by_its_count_is_no_figure() -> None:
    # 国台办: “31条措施” and “26条措施” are policies' names; a quoted target keeps its figure.
    assert texts("我们出台了“31条措施”和“26条措施”，“10项举措”落地，“8%的增长目标”不变。") == ["8%"]


def test_figures_survive_next_to_not_figures() -> None:
    sentence = "2022年，12345热线受理诉求1.2亿件，同比增长8.3%，“12·4”宣传日覆盖3000万人。"
    assert texts(sentence) == ["1.2亿件", "8.3%", "3000万人"]


# --- a hand-built transcript -------------------------------------------------------------


def build(preamble: str, turns: list[tuple[str, str, str]]) -> Transcript:
    """A transcript as the parser would give it: preamble, then ``label：`` lines and text."""
    parts = [preamble] if preamble else []
    pos = len(preamble) + 1 if preamble else 0
    speakers: dict[str, Speaker] = {}
    built: list[Turn] = []
    for i, (label, speaker_id, body) in enumerate(turns):
        speakers.setdefault(speaker_id, Speaker(id=speaker_id, name=label, role=None, organization=None,
                                                kind="official"))
        label_span = Span(pos, pos + len(label))
        body_start = pos + len(label) + 2
        built.append(
            Turn(index=i, speaker=speaker_id, label=label, kind="official", start=pos,
                 end=body_start + len(body), label_span=label_span,
                 paragraphs=(Span(body_start, body_start + len(body)),))
        )
        parts.append(f"{label}：\n{body}")
        pos = body_start + len(body) + 1
    text = "\n".join(parts)
    return Transcript(
        source=Source(path=None, sha256="", format="text", encoding="utf-8"),
        meta=Meta(title="测试"),
        text=text,
        preamble=(Span(0, len(preamble)),) if preamble else (),
        speakers=tuple(speakers.values()),
        turns=tuple(built),
    )


def by_text(t: Transcript) -> dict[str, int]:
    return {f.text: i for i, f in enumerate(t.figures)}


def with_figures(t: Transcript) -> Transcript:
    from dataclasses import replace

    return replace(t, figures=extract_figures(t))


def test_attribution_turn_speaker_and_sentence() -> None:
    t = with_figures(
        build(
            "本次发布会介绍了12项新举措。",
            [
                ("海关总署副署长王明", "s1", "今年前三季度，全国海关查获走私案件4120起。我们将继续努力。"),
                ("记者", "s2", "您提到4120起案件，请问有何特点？"),
            ],
        )
    )
    for f in t.figures:
        assert t.text[f.start : f.end] == f.text
    first, answer, question = t.figures
    assert (first.text, first.turn, first.speaker) == ("12项", None, None)
    assert (answer.text, answer.turn, answer.speaker) == ("4120起", 0, "s1")
    assert answer.sentence == "今年前三季度，全国海关查获走私案件4120起。"
    assert (question.turn, question.speaker) == (1, "s2")


def test_numbers_in_a_speaker_label_are_not_figures() -> None:
    t = with_figures(build("", [("第1位发言人5名代表", "s1", "介绍3项措施。")]))
    assert [f.text for f in t.figures] == ["3项"]


def test_respective_changes_link_in_order() -> None:
    t = with_figures(
        build("", [("部长", "s1", "全年侦破案件8.1万起，抓获嫌疑人12.6万名，"
                                  "同比分别上升31.2%和45.9%，成效明显。")])
    )
    idx = by_text(t)
    up1, up2 = t.figures[idx["31.2%"]], t.figures[idx["45.9%"]]
    assert (up1.change_of, up1.direction) == (idx["8.1万起"], "up")
    assert (up2.change_of, up2.direction) == (idx["12.6万名"], "up")
    assert t.figures[idx["8.1万起"]].change_of is None


def test_a_multiple_links_to_the_figure_it_multiplies() -> None:
    t = with_figures(build("", [("检察长", "s1", "起诉帮信犯罪7.2万人，同比上升5.3倍。")]))
    idx = by_text(t)
    assert t.figures[idx["5.3倍"]].change_of == idx["7.2万人"]
    assert t.figures[idx["5.3倍"]].direction == "up"


def test_a_change_with_nothing_before_it_has_a_direction_and_no_link() -> None:
    t = with_figures(build("", [("行长", "s1", "涉诈账户数量降幅87%，户均金额下降12.4%。")]))
    assert [(f.text, f.change_of, f.direction) for f in t.figures] == [
        ("87%", None, "down"),
        ("12.4%", None, "down"),
    ]


def test_levels_and_new_counts_are_not_changes() -> None:
    t = with_figures(build("", [("局长", "s1", "发案数3.2万起，占比降至15%，同比新增5000人。")]))
    assert all(f.change_of is None and f.direction is None for f in t.figures)


def test_the_same_figure_cited_by_three_speakers_shares_same_as() -> None:
    t = with_figures(
        build(
            "",
            [
                ("副部长甲", "s1", "全年紧急止付涉案资金2750亿元。"),
                ("局长乙", "s2", "去年共紧急止付群众被骗款2750亿元，正在返还。"),
                ("副行长丙", "s3", "金融系统紧急拦截涉诈资金2750亿元。另有贷款2750亿元投向农业。"),
            ],
        )
    )
    cited = [f for f in t.figures if f.text == "2750亿元"]
    assert len(cited) == 4
    assert cited[0].same_as is not None
    assert cited[0].same_as == cited[1].same_as == cited[2].same_as
    assert cited[3].same_as != cited[0].same_as  # same value, unrelated sentence


def test_equal_values_about_different_things_are_not_the_same_figure() -> None:
    t = with_figures(
        build("", [("甲", "s1", "网络诈骗已占全部发案的70%。"), ("乙", "s2", "预警劝阻有效率达70%。")])
    )
    assert [f.same_as for f in t.figures] == [None, None]


# --- robustness --------------------------------------------------------------------------


HOSTILE_ALPHABET = (
    "0123456789０１２.,·%％万亿千百十一二两三五零〇"
    "起元个名年月日至到-—“”第近约余多以上左右分之倍 "
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=HOSTILE_ALPHABET, max_size=60))
def test_any_text_gives_consistent_figures(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text
        assert math.isfinite(f.value)
        assert f.value_to is None or math.isfinite(f.value_to)
        assert f.start < f.end


def _seconds(text: str) -> float:
    best = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        find_figures(text)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        "诈骗犯罪案件持续高发态势得到遏制",  # no numbers, no punctuation
        "一二三四五六七八九十",  # one endless Chinese numeral
        "1234567890",  # one endless Arabic number
        "3个",  # a figure every two characters
        "第3至",  # ranges that never close
    ],
)
def test_scanning_stays_linear_on_hostile_paragraphs(unit: str) -> None:
    small = unit * (10_000 // len(unit))
    large = unit * (80_000 // len(unit))
    large_s = _seconds(large)
    ratio = large_s / max(_seconds(small), 1e-4)
    # Eight times the text: linear is ~8x the time, quadratic ~64x. The 3x margin keeps a
    # loaded CI machine from failing a linear scanner (or too fast to measure).
    assert ratio < 24 or large_s < 0.02, ratio


def test_a_megabyte_paragraph_without_punctuation_is_fast() -> None:
    text = "电信网络诈骗犯罪持续高发多发" * (1_000_000 // 14)
    t0 = time.perf_counter()
    assert find_figures(text) == []
    assert time.perf_counter() - t0 < 3


# --- other scripts and list forms --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "qualifier"),
    [
        ("財政收入5045億元", "5045億元", 504_500_000_000, "元", None),
        ("人均超過9萬元", "超過9萬元", 90_000, "元", "超過"),
        ("港口吞吐量5.58億噸", "5.58億噸", 558_000_000, "噸", None),
        ("審結2000餘件", "2000餘件", 2000, "件", "餘"),
        ("提高3.5個百分點", "3.5個百分點", 3.5, "個百分點", None),
        ("用時1個多月", "1個多月", 1, "個月", "多"),
    ],
)
def test_traditional_characters_read_like_simplified_and_stay_as_written(
    sentence: str, text: str, value: float, unit: str, qualifier: str | None
) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit, f.qualifier) == (text, value, unit, qualifier)


def test_traditional_change_verbs_link_too() -> None:
    t = with_figures(build("", [("局長", "s1", "查處案件3.1萬起，同比增長12.5%。")]))
    assert (t.figures[1].change_of, t.figures[1].direction) == (0, "up")


def test_a_list_of_numbers_shares_the_unit_of_its_last_member() -> None:
    found = find_figures("分别快于规模以上工业8.2、5.0个百分点，投资3.6、2.1万亿元")
    assert [(f.text, f.value, f.unit) for f in found] == [
        ("8.2", 8.2, "个百分点"),
        ("5.0个百分点", 5.0, "个百分点"),
        ("3.6", 3_600_000_000_000, "元"),
        ("2.1万亿元", 2_100_000_000_000, "元"),
    ]


def test_lists_of_years_and_enumerations_share_nothing() -> None:
    assert texts("2020、2021年连续两年，第1、2季度") == ["两年"]


def test_the_extractor_finds_what_a_person_marked_by_hand() -> None:
    from dataclasses import replace

    from metrics_doc import build_transcript

    marked = build_transcript()
    found = extract_figures(replace(marked, figures=()))
    assert [(f.text, f.start, f.value, f.unit, f.qualifier, f.speaker) for f in found] == [
        (f.text, f.start, f.value, f.unit, f.qualifier, f.speaker) for f in marked.figures
    ]
    assert [(f.change_of, f.direction) for f in found][2:4] == [(0, "up"), (1, "up")]
    assert found[4].same_as == found[5].same_as is not None


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("开行中欧班列15000多列", "15000多列", "列"),
        ("提供近4億劑疫苗", "近4億劑", "劑"),
        ("吞吐量2.9亿标准箱", "2.9亿标准箱", "标准箱"),
        ("增长３﹒５％", "３﹒５％", "%"),
        ("保障航班1.2万架次", "1.2万架次", "架次"),
        ("装机300千瓦", "300千瓦", "千瓦"),
        ("新增3万千瓦", "3万千瓦", "千瓦"),
        ("体重50千克", "50千克", "千克"),
        ("气温升高1.5℃", "1.5℃", "℃"),
        ("共有四十多年", "四十多年", "年"),
        ("连续十二个月下降", "十二个月", "个月"),
    ],
)
def test_more_measure_words_and_decimal_points(sentence: str, text: str, unit: str) -> None:
    f = only(sentence)
    assert (f.text, f.unit) == (text, unit)


def test_a_time_span_is_not_what_a_change_changes() -> None:
    t = with_figures(
        build("", [("发言人", "s1", "前十个月的贸易额同比增长1.1%，出口额4.2万亿元，同比增长2.3%。")])
    )
    idx = by_text(t)
    assert t.figures[idx["1.1%"]].change_of is None
    assert t.figures[idx["2.3%"]].change_of == idx["4.2万亿元"]


def test_growth_rate_changes_link_to_the_rate() -> None:
    t = with_figures(build("", [("发言人", "s1", "国内生产总值同比增长4.5%，增速比上季度加快1.6个百分点。")]))
    idx = by_text(t)
    assert (t.figures[idx["1.6个百分点"]].change_of, t.figures[idx["1.6个百分点"]].direction) == (
        idx["4.5%"],
        "up",
    )


CHANGE_ALPHABET = HOSTILE_ALPHABET + "同比分别上升下降和，。增长降幅"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=CHANGE_ALPHABET, max_size=80), min_size=1, max_size=3))
def test_extraction_invariants_hold_on_any_turns(bodies: list[str]) -> None:
    t = build("前言3万人。", [(f"发言人{i}", f"s{i}", body) for i, body in enumerate(bodies)])
    figures = extract_figures(t)
    for f in figures:
        assert t.text[f.start : f.end] == f.text
        assert math.isfinite(f.value)
        assert f.text in f.sentence
        if f.change_of is not None:
            assert 0 <= f.change_of < len(figures)
            assert figures[f.change_of].start < f.start
        if f.same_as is not None:
            twins = [g for g in figures if g.same_as == f.same_as]
            assert len(twins) > 1 and all(g.value == f.value for g in twins)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("贸易额3.5万亿元人民币", "3.5万亿元", 3_500_000_000_000, "元"),
        ("新增确诊病例0例", "0例", 0, "例"),
        ("下降零点五个百分点", "零点五个百分点", 0.5, "个百分点"),
        ("占百分之零点五", "百分之零点五", 0.5, "%"),
        ("增长5%—10%", "5%—10%", 5, "%"),
    ],
)
def test_currency_names_zero_and_chinese_decimals(sentence: str, text: str, value: float, unit: str) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit) == (text, value, unit)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("累计接种疫苗25亿9187.9万剂次", "25亿9187.9万剂次", 2_591_879_000, "剂次"),
        ("完成全程接种的人数为11亿6248.8万人", "11亿6248.8万人", 1_162_488_000, "人"),
        ("完成全程接種8億8943.9萬人", "8億8943.9萬人", 889_439_000, "人"),
        ("观众3万5千人", "3万5千人", 35_000, "人"),
    ],
)
def test_numbers_written_in_two_groups(sentence: str, text: str, value: float, unit: str) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit) == (text, value, unit)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**9),
    st.sampled_from(["", "万", "亿"]),
    st.sampled_from(["起", "名", "个", "件", "次", "元", "%", "个百分点", "倍", "个月", "人次"]),
    st.sampled_from(["", "近", "约", "超过", "逾"]),
    st.sampled_from(["", "余", "多"]),
    st.sampled_from(["", "以上", "左右"]),
)
def test_any_written_figure_is_found_with_its_value_unit_and_qualifier(
    n: int, mult: str, unit: str, before: str, middle: str, after: str
) -> None:
    if unit in ("%", "个百分点", "倍"):
        middle = ""  # 5余% is not written
    written = f"{before}{n}{mult}{middle}{unit}{after}"
    f = only(f"今年全国共处置{written}，成效明显。")
    assert f.text == written
    assert f.value == n * {"": 1, "万": 10**4, "亿": 10**8}[mult]
    assert f.unit == unit
    # The word nearest the unit wins when several qualify one number.
    assert f.qualifier == (after or middle or before or None)


# --- forms from the corpus and issues 11, 16 and 17 --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("功耗仅为1240的1/5。", ("1/5", 0.2, "", None)),
        ("四分之一的企业", ("四分之一", 0.25, "", None)),
        ("手续费为万分之五。", ("万分之五", 0.0005, "", None)),
        ("每人派一萬蚊", ("一萬蚊", 10000, "蚊", None)),  # Cantonese dollars
        ("政府撥款HK$100億", ("HK$100億", 10_000_000_000, "港元", None)),
        ("每人派$5,000現金", ("$5,000", 5000, "$", None)),
        ("涉及約$1.2億", ("約$1.2億", 120_000_000, "$", "約")),
        ("投資€30億", ("€30億", 3_000_000_000, "欧元", None)),
        ("票價NT$500元", ("NT$500元", 500, "元", None)),
        ("raising US$1.5 billion", ("US$1.5 billion", 1_500_000_000, "美元", None)),
        ("撥款MOP$5億", ("MOP$5億", 500_000_000, "澳门元", None)),  # Macau patacas
        ("exports of A$1.5 billion", ("A$1.5 billion", 1_500_000_000, "澳元", None)),
        ("票價S$300", ("S$300", 300, "新加坡元", None)),
        ("USA$5", ("$5", 5, "$", None)),  # a word before the $, not a currency's letters
        # Cantonese writes twenty, thirty, forty in one character: 廿三歲, 卅年, 廿幾個.
        ("佢今年廿三歲", ("廿三歲", 23, "歲", None)),
        ("做咗卅年", ("卅年", 30, "年", None)),
        ("有廿幾個人受傷", ("廿幾個", 20, "個", "幾")),
        ("共二百廿三人", ("二百廿三人", 223, "人", None)),
        ("機票¥1999起", ("¥1999", 1999, "¥", None)),  # from ¥1999: money, not cases
        ("纽约有850万人口", ("850万", 8_500_000, "", None)),  # 纽约 is no 约
        ("社区内发现数万蚊虫", ("数万", 10000, "", "数")),  # mosquitoes, not dollars
        ("500蚊一張飛", ("500蚊", 500, "蚊", None)),
        ("增长了3倍多", ("3倍多", 3, "倍", "多")),
        ("是去年的两倍多", ("两倍多", 2, "倍", "多")),
        ("上万家企业", ("上万家", 10000, "家", "上")),
        ("一度有逾萬人等車", ("逾萬人", 10000, "人", "逾")),
        ("仍有過千處路段", ("過千處", 1000, "處", "過")),
        ("超过十万个账户", ("超过十万个", 100000, "个", "超过")),  # not 过十万个: 过 ends 超过
        ("超過十五萬人", ("超過十五萬人", 150000, "人", "超過")),
        ("不超过十个", ("不超过十个", 10, "个", "不超过")),
        ("几千架直升飞机", ("几千架", 1000, "架", "几")),
        ("数十万人参加", ("数十万人", 100000, "人", "数")),
        ("他六十二点几岁", ("六十二点几岁", 62, "岁", "点几")),
        ("约 4100亿元", ("约 4100亿元", 410_000_000_000, "元", "约")),
        ("2650 亿元", ("2650 亿元", 265_000_000_000, "元", None)),
        ("36 萬餘人", ("36 萬餘人", 360000, "人", "餘")),
        ("大概1.8万件", ("大概1.8万件", 18000, "件", "大概")),
        ("几乎50%的人", ("几乎50%", 50, "%", "几乎")),
        ("少於4,000元", ("少於4,000元", 4000, "元", "少於")),
        ("七成三的受访者", ("七成三", 73, "%", None)),
        ("7 成 3", ("7 成 3", 73, "%", None)),
        ("只有一成半的人", ("一成半", 15, "%", None)),  # a tenth and a half
        ("参与企业超过了1.9万家", ("超过了1.9万家", 19_000, "家", "超过了")),
        ("首次突破100万亿元", ("突破100万亿元", 1e14, "元", "突破")),  # breaks through: more than
        ("差唔多三成", ("差唔多三成", 30, "%", "差唔多")),  # Cantonese: about
        ("涉及三百幾萬人", ("三百幾萬人", 3_000_000, "人", "幾")),  # three hundred and some 萬
        ("一千二百幾萬元", ("一千二百幾萬元", 12_000_000, "元", "幾")),
        ("三成半导体企业", ("三成", 30, "%", None)),  # 半导体 is a word of its own
        ("气温负7度", ("负7度", -7, "度", None)),
        ("300万像素", ("300万像素", 3_000_000, "像素", None)),
        ("2.5亿美金", ("2.5亿美金", 250_000_000, "美金", None)),
        ("为30亿人口服务", ("30亿", 3_000_000_000, "", None)),
        ("有1600门课", ("1600门", 1600, "门", None)),
        ("获得 38 票", ("38 票", 38, "票", None)),
        ("三年半", ("三年半", 3.5, "年", None)),
    ],
)
def test_figures_written_in_the_ways_real_transcripts_write_them(sentence: str, expected: tuple) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit, f.qualifier) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("七到八成的群众表示满意", ("七到八成", 70, 80, None)),
        ("七成到八成的群众", ("七成到八成", 70, 80, None)),
        ("约3至5成企业受益", ("约3至5成", 30, 50, "约")),
        ("一到两成左右", ("一到两成左右", 10, 20, "左右")),
        ("六到七成三", ("六到七成三", 60, 73, None)),
    ],
)
def test_a_range_of_tenths_is_one_figure_in_percent(sentence: str, expected: tuple) -> None:
    """Both ends are tenths, as 八成 alone is 80%: the range was read as its second end only
    (七到八成 -> 八成) or cut after its second numeral (七成到八)."""
    f = only(sentence)
    assert (f.text, f.value, f.value_to, f.qualifier) == expected
    assert f.unit == "%"


@pytest.mark.parametrize("sentence", ["十到二十成员", "5到6成员参加", "三到四成立"])
def test_cheng_starting_a_word_makes_no_range_of_tenths(sentence: str) -> None:
    assert all(f.unit != "%" for f in find_figures(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("大概有八、九万研发人员", ("八、九万", 80000, 90000)),
        ("需要两、三年", ("两、三年", 2, 3)),
        ("3、4个月", ("3、4个月", 3, 4)),
        ("七八个人", ("七八个", 7, 8)),
        ("三四万人", ("三四万人", 30000, 40000)),
    ],
)
def test_two_neighbouring_numbers_are_one_approximate_figure(sentence: str, expected: tuple) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.value_to) == expected


@pytest.mark.parametrize(
    "sentence",
    ["这“两个不减、两个加强”原则", "“三年行动计划”", "中華民國八十五年五月二十日起", "粉碎四人帮后",
     "成千上万个科学家", "您100%确定吗", "三门峡市", "2024/10/08", "1/5日"],
)
def test_names_slogans_dates_and_idioms_with_numbers_are_not_figures(sentence: str) -> None:
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence", ["本文禁止二次转载。", "要防止二次污染。", "接种二类疫苗。",
                                      "推动二次创业。", "开展二次核查。"])
def test_a_lone_er_before_a_measure_word_starts_a_word(sentence: str) -> None:
    """Counting two before a measure word takes 两 (两次, 两个): 二次, 二类 are words."""
    assert find_figures(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("开了两次会。", "两次"), ("已经开了十二次会。", "十二次"), ("共有二十人参加。", "二十人"),
    ("新增二万人就业。", "二万人"), ("买了二斤猪肉。", "二斤"), ("增长了二倍。", "二倍"),
    ("旨在令二人投票支持。", "二人"), ("感谢二位嘉宾。", "二位"),
])
def test_two_in_a_larger_numeral_or_before_a_unit_of_measure_stays_a_figure(sentence: str,
                                                                             expected: str) -> None:
    assert only(sentence).text == expected


@pytest.mark.parametrize(
    "sentence",
    ["1998年开播的《锵锵三人行》。", "《关于进一步优化营商环境的20条措施》已经印发",
     "他在〈三十年来的回顾〉一文中说"],
)
def test_numbers_inside_title_marks_name_the_work(sentence: str) -> None:
    assert texts(sentence) == []


def test_title_marks_closed_before_a_number_leave_it_a_figure() -> None:
    assert texts("《锵锵三人行》开播19年，观众有三百万人") == ["19年", "三百万人"]
    assert texts("据《人民日报》报道，参会人数达5000人。") == ["5000人"]


def test_a_change_of_another_quantity_does_not_change_the_figure_before_it() -> None:
    t = with_figures(build("", [("局长", "s1", "全国光伏装机达到3亿千瓦，其中用电量占比上升了2.5%。"
                                              "营业收入3000亿元，同比增长12.5%。")]))
    idx = by_text(t)
    assert t.figures[idx["2.5%"]].change_of is None
    assert t.figures[idx["2.5%"]].direction == "up"
    assert t.figures[idx["12.5%"]].change_of == idx["3000亿元"]


def test_a_qualifier_after_the_unit_is_kept() -> None:
    t = with_figures(build("", [("局长", "s1", "工期20天及以上，费用5万元或以下。")]))
    assert [(f.text, f.qualifier) for f in t.figures] == [("20天及以上", "及以上"), ("5万元或以下", "或以下")]


def test_a_space_before_more_than_keeps_the_figure_and_its_qualifier() -> None:
    f = only("將近 400 多家企業參與")
    assert (f.text, f.value, f.unit, f.qualifier) == ("將近 400 多家", 400.0, "家", "多")


def test_zhao_before_money_is_a_trillion_and_before_other_units_stays_mega() -> None:
    assert [(f.text, f.value) for f in find_figures("推估未來可創造12兆元產值")] == [("12兆元", 12e12)]
    assert [(f.text, f.value, f.unit) for f in find_figures("装机容量300兆瓦")] == [("300兆瓦", 300, "兆瓦")]


def test_a_two_digit_year_after_a_word_of_time_is_a_date_and_a_span_stays_a_figure() -> None:
    assert texts("对它的兴趣始于17年的一次交流") == []
    assert texts("他在17年里换了三份工作") == ["17年", "三份"]


def test_the_ordinal_of_a_session_is_not_a_count() -> None:
    assert texts("十二届全国人大四次会议新闻中心举行记者会") == []
    assert texts("今年已召开四次会议") == ["四次"]


def test_the_first_or_second_half_of_a_year_is_a_time_and_half_a_year_a_span() -> None:
    assert texts("困难会在下半年或者明年得到克服，上半年已经好转") == []
    assert texts("这项工作用了半年") == ["半年"]
