"""Text that is no transcript, or speech inside a turn, that the reading rules must leave
alone: found by attacking the rules for flattened pages, outlets that ask, bodies and
names, surnames alone, speech headings, offices and English counts (a helper's probe)."""

from __future__ import annotations

import pytest

from reader.figures.scan import find_figures
from reader.model import Transcript
from reader.parse.html_meta import without_site_name
from reader.pipeline import parse_bytes


def text(body: str) -> Transcript:
    return parse_bytes(body.encode(), "page.txt")


def kinds(t: Transcript) -> dict[str, str]:
    return {t.speaker(turn.speaker).name: t.speaker(turn.speaker).kind for turn in t.turns}


def test_a_reporters_thanks_to_the_host_does_not_make_the_official_before_them_host() -> None:
    t = text("发布会\n\n宁吉喆：大家上午好。一季度GDP增长5.3%。\n\n"
             "新华社记者：谢谢主持人。消费如何？\n\n宁吉喆：增长4.7%。\n")
    assert kinds(t) == {"宁吉喆": "official", "新华社记者": "reporter"}


def test_an_officials_own_questions_and_a_reporters_quotes_stay_in_their_turn() -> None:
    t = text("发布会\n\n主持人：请李超介绍。\n\n"
             "李超：为什么出台？原因：成本上升5%。哪些城市最快？苏州：增长8%。\n\n"
             "新华社记者：去年李超说过一句话。李超：“扩招不降质。”请问今年还这样看吗？\n\n"
             "李超：是的。\n\n人民日报记者：还有。李超局长：这个数字可靠吗？\n\n李超：可靠。\n")
    labels = [turn.label for turn in t.turns]
    assert labels == ["主持人", "李超", "新华社记者", "李超", "人民日报记者", "李超"]


def test_a_bodys_words_run_into_a_two_character_word_name_no_one() -> None:
    t = text("多地发布暴雨预警\n\n新华社北京7月20日电 近日，多地遭遇强降雨。\n\n"
             "公安部官微：请驾驶人减速慢行，已有超过300条道路封闭。\n\n中国人民银行官宣：下调存款准备金率0.5个百分点。\n")
    assert t.turns == ()


def test_a_notices_numbered_items_name_no_speaker() -> None:
    t = text("关于学习贯彻会议精神的通知\n\n各单位：\n\n一、认真学习书记讲话\n\n"
             "要原原本本学习，全市组织专题学习超过500场次。\n\n二、深入领会市长讲话\n\n"
             "要结合实际抓好落实。\n\n五、市委书记讲话\n\n会议时间约2小时。\n")
    assert t.turns == ()


@pytest.mark.parametrize("label", ["林委員質詢", "蘇院長重申", "王部長反問", "李局長痛批"])
def test_a_verb_after_a_surname_and_title_is_no_given_name(label: str) -> None:
    t = text(f"立委質詢新聞\n\n【中央社台北電】立法院今天召開院會。\n\n"
             f"{label}：政府預算為何增加？\n\n記者：謝謝。\n")
    names = [t.speaker(turn.speaker).name for turn in t.turns]
    assert not any(len(name) == 3 and name[1:] == label[-2:] for name in names), names


def test_a_commentary_headline_and_a_news_reports_after_the_briefing_question_are_no_turns() -> None:
    headline = text("新華社：美方為何拒絕？\n\n新華社今日發表評論文章，指美方拒絕出席會議。"
                    "文章稱：美國此舉令人遺憾。\n")
    assert headline.turns == ()
    t = text("市长出席经济论坛\n\n本报讯 昨日，市长李明出席经济论坛，表示全市GDP增长约6%。\n\n"
             "会后，有记者问及：是否会调整楼市政策？李明回应称，目前暂无计划。\n\n据悉，论坛吸引了超过500名嘉宾参加。\n")
    assert t.turns == ()


def test_a_list_of_appointments_is_no_speech() -> None:
    t = text("Government announces new appointments\n\n"
             "The Chief Executive today announced the following appointments.\n\n"
             "Secretary for Security: Mr Chris Tang Ping-keung\n\n"
             "Secretary for Housing: Ms Winnie Ho Wing-yin\n\n"
             "Director of Audit: Mr John Chu\n\nBiographical notes are attached.\n")
    assert t.turns == ()


def test_a_table_or_a_slogans_one_character_keys_are_no_surnames() -> None:
    t = text("記者：請問進度如何？\n\n柯：應該可以啦，大概調了100多台。\n\n金：40枚\n\n银：27枚\n\n"
             "常：常态化开展检查，查处案件120起。\n\n丁：周八、吴九\n")
    assert [turn.label for turn in t.turns] == ["記者", "柯"]


@pytest.mark.parametrize("sentence, expected", [
    ("Could you talk about 3 issues? The bill was debated over 3 sessions.", []),
    ("arrested under section 23 500 times", []),
    ("王明：图2 300家企业参与。", ["300家"]),
    ("我们突破了5项关键核心技术，攻克突破12个环节，首次突破100万亿元。", ["5项", "12个", "突破100万亿元"]),
])
def test_prepositions_sections_and_breakthroughs_make_no_qualified_or_joined_figure(
        sentence: str, expected: list[str]) -> None:
    assert [f.text for f in find_figures(sentence)] == expected


@pytest.mark.parametrize("title", ["国新办发布会 - 一季度经济数据", "国新办吹风会_2024年第3场",
                                   "Briefing - Part 2", "记者会 - 答记者问（上）"])
def test_a_headlines_own_tail_is_no_site_name(title: str) -> None:
    assert without_site_name(title) == title
