"""Forms met in the corpus of real transcripts (tests/corpus/), each as a rule of the language
or the markup, on short made-up excerpts of that form (issues 11 and 16)."""

from __future__ import annotations

import pytest

from reader.model import Speaker, Transcript
from reader.pipeline import parse_bytes


def text(body: str, suffix: str = ".txt") -> Transcript:
    return parse_bytes(body.encode(), f"transcript{suffix}")


def speaker(t: Transcript, name: str) -> Speaker:
    return next(s for s in t.speakers if s.name == name)


def kinds(t: Transcript) -> dict[str, str]:
    return {s.name: s.kind for s in t.speakers}


def test_an_outlet_and_a_latin_name_is_a_reporter_and_the_name_alone_is_the_same_one() -> None:
    t = text("任正非：欢迎你们到华为。\n"
             "德新社Jörn Petring：德国政府正在讨论5G网络建设，您怎么看？\n"
             "任正非：我们支持。\n"
             "Jörn Petring：那您能保证吗？\n"
             "任正非：当然可以保证。\n"
             "《明镜报》Georg Fahrion：华为是不是处于战时状态？\n"
             "任正非：不是。\n")
    assert [turn.label for turn in t.turns][1:4] == ["德新社Jörn Petring", "任正非", "Jörn Petring"]
    petring = speaker(t, "Jörn Petring")
    assert (petring.kind, petring.organization, petring.turns) == ("reporter", "德新社", 2)
    assert speaker(t, "Georg Fahrion").organization == "明镜报"
    assert speaker(t, "任正非").kind == "official"  # answers the questions


def test_english_headings_are_not_names() -> None:
    t = text("Key Points：经济稳中向好。\nRelated Articles：更多新闻。\n")
    assert not t.turns


def test_a_name_a_comma_and_a_role_is_one_label() -> None:
    t = text("主持人Zanny Minton  Beddoes，《经济学人》主编：我们讨论三个问题。请问两位怎么看？\n"
             "尤瓦尔·赫拉利：人类将迎来前所未有的变化，这是我的看法，也是历史给我们的经验。\n"
             "任正非：我读过赫拉利教授的书，许多观点我是认同的，科技是向善的，我们要看到这一点。\n"
             "Zanny Minton Beddoes：谢谢。\n")
    host = speaker(t, "Zanny Minton Beddoes")
    assert (host.kind, host.role, host.turns) == ("host", "《经济学人》主编", 2)


def test_a_numbered_bold_question_is_a_turn_and_a_numbered_plain_item_is_not() -> None:
    t = text("<p>任正非：欢迎。</p><p><b>1、德国二台Ulf Röller：您为什么选择这张图片？</b></p>"
             "<p>任正非：这张照片很像华为。</p><p>1、张三：经济稳中向好。</p>", ".html")
    assert [turn.label for turn in t.turns] == ["任正非", "德国二台Ulf Röller", "任正非"]
    assert t.text[t.turns[1].start:t.turns[1].label_span.start] == "1、"  # the number is shown, not named
    assert "张三：经济稳中向好" in t.text[t.turns[2].start:t.turns[2].end]


def test_stray_emphasis_around_a_colon_is_markdown_formatting() -> None:
    label = "**Zanny Minton Beddoes*****\\*：\\**"
    t = text(f"任正非：谢谢。\n\n{label}从很多方面看，您怎么看？**\n\n任正非：我同意。\n", ".md")
    assert [turn.label for turn in t.turns] == ["任正非", "Zanny Minton Beddoes", "任正非"]
    assert "*" not in t.text


def test_who_asks_is_a_reporter_and_who_answers_an_official() -> None:
    # No label says who anyone is: the questions do.
    t = text("Ulrika Bergsten：您如何看待瑞典的5G建设？谢谢。\n"
             "任正非：我们在瑞典有很好的合作，5G建设进展顺利，客户对我们的产品很满意。\n"
             "Philip Lote：华为会卷入国际争端吗？\n"
             "任正非：我们只做技术，不参与政治。\n")
    assert kinds(t) == {"Ulrika Bergsten": "reporter", "任正非": "official", "Philip Lote": "reporter"}
    assert [(p.question, p.answers) for p in t.qa] == [(0, (1,)), (2, (3,))]


def test_the_moderator_who_opens_a_panel_with_questions_hosts_it() -> None:
    answer = "这是一个很好的问题，我认为技术的发展会带来新的机会，也会带来新的挑战，我们要共同面对。"
    t = text(f"田薇：欢迎来到咖啡对话，请问两位如何看待人工智能？\n乔治·吉尔德：{answer}\n"
             f"任正非：{answer}\n田薇：那么未来十年会怎样？\n乔治·吉尔德：{answer}\n任正非：{answer}\n")
    assert kinds(t) == {"田薇": "host", "乔治·吉尔德": "official", "任正非": "official"}


def test_an_audience_question_with_its_outlet_is_a_reporter_named_as_written() -> None:
    t = text("任正非：欢迎。\n观众提问（彭博社）：华为今年的业务会增长吗？\n任正非：会的。\n")
    asker = t.speakers[1]
    assert (asker.name, asker.organization, asker.kind) == ("观众提问（彭博社）", "彭博社", "reporter")


def test_people_named_by_a_letter_or_a_number_are_each_a_speaker() -> None:
    t = text("主持人：今天的座談會現在開始。\n\n王部長：謝謝。今年增長了5%。\n\n"
             "與會者 A：請問明年呢？\n\n王部長：明年也會增長。\n\n與會者B：我補充一點。\n\n"
             "网友1：什么时候开始申请？\n\n王部長：下個月。\n\n與會者 A：謝謝。\n", ".md")
    assert [turn.label for turn in t.turns] == [
        "主持人", "王部長", "與會者 A", "王部長", "與會者B", "网友1", "王部長", "與會者 A"]
    assert kinds(t)["與會者A"] == "other" and kinds(t)["與會者B"] == "other"
    assert kinds(t)["网友1"] == "reporter"  # who comes to ask
    assert speaker(t, "與會者A").turns == 2


def test_a_speaker_named_without_a_title_takes_the_one_they_are_addressed_by() -> None:
    t = text("主持人：今天邀請唐政委與各位業者對談。\n\n唐鳳：謝謝。我先講三點。\n\n"
             "與會者A：請問明年的預算呢？\n\n主持人：請唐政委回應。\n\n唐鳳：明年會增加。\n", ".md")
    tang = speaker(t, "唐鳳")
    assert (tang.role, tang.kind) == ("政委", "official")


def test_a_transliterated_name_is_addressed_by_its_last_part_and_a_title() -> None:
    t = text("主持人：赫拉利教授是一名历史学家。首先，有请赫拉利教授分享看法。\n\n"
             "尤瓦尔·赫拉利：确实如此，未来一百年变化巨大。\n\n主持人：任先生怎么看？\n\n"
             "任正非：我认同许多观点。\n")
    assert speaker(t, "尤瓦尔·赫拉利").role == "教授"


def test_a_title_is_not_given_when_the_surname_is_shared_or_the_title_names_a_body() -> None:
    shared = text("主持人：请王部长介绍情况。\n\n王磊：今年增长5%。\n\n王芳：我补充一点，明年也会增长。\n")
    assert speaker(shared, "王磊").role is None and speaker(shared, "王芳").role is None
    body = text("主持人：下面请王委员会的同志发言。\n\n王磊：今年增长5%。\n")
    assert speaker(body, "王磊").role is None


HK_RELEASE = (
    "行政長官會見傳媒開場發言和答問內容\n"
    "　　以下是行政長官林鄭月娥今日（六月十一日）上午出席行政會議前會見傳媒的開場發言和答問內容：\n\n"
    "行政長官︰早晨。我哋會撥款50億元支援中小企。\n\n"
    "記者︰林太，你會唔會考慮延長措施？\n\n"
    "行政長官︰多謝你嘅問題。涉及嘅金額係十幾億元。\n\n"
    "（請同時參閱談話內容的英文部分。）\n\n完\n\n2019年6月11日（星期二）\n\n香港時間12時55分\n"
)


def test_a_hong_kong_government_release_with_its_vertical_colons_and_end_matter() -> None:
    t = text(HK_RELEASE)
    assert [(turn.label, t.speaker(turn.speaker).kind) for turn in t.turns] == [
        ("行政長官", "official"), ("記者", "reporter"), ("行政長官", "official")]
    chief = t.speakers[0]
    assert (chief.name, chief.role) == ("林鄭月娥", "行政長官")  # her married name, both surnames
    last = t.turns[-1]
    assert t.text[last.start:last.end].endswith("涉及嘅金額係十幾億元。")  # no pointer, 完 or time
    assert "香港時間" not in t.text


def test_four_characters_after_a_role_in_simplified_text_are_no_married_name() -> None:
    t = text("以下是新闻发言人王张明确今日的发言：\n\n"
             "新闻发言人：今天发布三项内容。\n\n记者：请问何时实施？\n")
    assert t.speakers[0].name == "新闻发言人"


def test_taiwan_and_hong_kong_offices_make_labels() -> None:
    t = text("主持人：記者會開始。\n\n蔡英文總統：今年經濟成長3%。\n\n"
             "衛福部次長薛瑞元：疫苗到貨50萬劑。\n\n記者：請問陳主委，何時開放？\n\n"
             "陳主委：下個月。\n\n警務處高級警司江永祥：拘捕了12人。\n")
    assert [turn.label for turn in t.turns] == [
        "主持人", "蔡英文總統", "衛福部次長薛瑞元", "記者", "陳主委", "警務處高級警司江永祥"]
    assert (t.speakers[1].name, t.speakers[1].role) == ("蔡英文", "總統")
    assert (t.speakers[2].name, t.speakers[2].role) == ("薛瑞元", "衛福部次長")
    assert [f.text for f in t.figures] == ["3%", "50萬劑", "12人"]


def test_a_transliterated_name_glossed_in_its_own_script_is_the_name_after_its_role() -> None:
    t = html("<p>微软CEO萨蒂亚·纳德拉（Satya Nadella）：本季度商业云收入达到96亿美元。</p>"
             "<p>摩根士丹利分析师基思·韦斯（Keith Weiss）：能否谈谈毛利率？</p>"
             "<p>萨蒂亚·纳德拉：毛利率提升了大约6个百分点。</p>")
    ceo, analyst = t.speakers
    assert (ceo.name, ceo.role, ceo.organization, ceo.turns) == ("萨蒂亚·纳德拉", "微软CEO", "微软", 2)
    assert (analyst.name, analyst.organization, analyst.kind) == ("基思·韦斯", "摩根士丹利", "reporter")


def test_an_online_interview_with_a_bare_guest_label_and_askers_by_screen_name() -> None:
    t = text("嘉宾：国家统计局局长王强\n\n"
             "[主持人]：各位网友大家好，今天我们请到了国家统计局局长王强。\n\n"
             "[嘉宾]：网友们好，今年经济增长5%，大家放心。\n\n"
             "[网友 小李]：请问明年呢？\n\n[嘉宾]：明年也会增长。\n\n"
             "网友“江南雨”：物价会涨吗？\n\n嘉宾：不会大涨，CPI涨幅在2%左右。\n", ".md")
    assert [turn.label for turn in t.turns] == [
        "主持人", "嘉宾", "网友 小李", "嘉宾", "网友“江南雨”", "嘉宾"]
    guest = speaker(t, "王强")
    assert (guest.role, guest.kind, guest.turns) == ("国家统计局局长", "official", 3)
    assert kinds(t)["网友 小李"] == "reporter" and kinds(t)["网友“江南雨”"] == "reporter"


def test_netizens_reported_in_a_news_article_are_no_askers() -> None:
    t = text("某地出台新规。\n\n网友调侃：这下终于可以放心了。\n\n对此，网友纷纷表示：支持。\n")
    assert list(t.turns) == []


def test_labels_with_rare_traditional_characters_read_as_their_simplified_forms() -> None:
    t = text("主持人：記者會開始。\n\n指揮官：今天新增確診12例。\n\n記者：請問總編輯怎麼看？\n\n"
             "《聯合報》總編輯：我們會追蹤。\n")
    assert [turn.label for turn in t.turns] == ["主持人", "指揮官", "記者", "《聯合報》總編輯"]


def test_a_work_in_title_marks_before_a_heading_word_is_no_outlet_and_reporter() -> None:
    t = text("主持人：开始。\n\n王部长：今年增长5%。\n\n《政府工作报告》解读：报告提出三项任务。\n")
    assert [turn.label for turn in t.turns] == ["主持人", "王部长"]


def test_every_traditional_form_of_the_label_vocabulary_marks_traditional_text() -> None:
    """``to_simplified`` converts only text it knows to be traditional: each character of a
    title or a label word must, in each traditional form, be one it knows."""
    import opencc

    from reader.speakers.label_forms import GUEST_WORDS
    from reader.speakers.label_words import ANSWER_LABELS, CHAIR_LABELS, HOST_WORDS, QUESTION_LABELS
    from reader.speakers.names import TITLES
    from reader.text.fold import has_traditional

    vocabulary = [*TITLES, *QUESTION_LABELS, *ANSWER_LABELS, *HOST_WORDS, *CHAIR_LABELS, *GUEST_WORDS]
    chars = set("".join(vocabulary))
    back = opencc.OpenCC("t2s")
    missing = set()
    for config in ("s2t", "s2hk", "s2tw"):
        converter = opencc.OpenCC(config)
        for ch in chars:
            form = converter.convert(ch)
            if form != ch and len(form) == 1 and back.convert(form) == ch and not has_traditional(form):
                missing.add(form)
    assert not missing


def test_a_linked_firm_before_a_glossed_name_is_still_a_marker() -> None:
    t = html("<p>微软CEO萨蒂亚·纳德拉（Satya Nadella）：本季度商业云收入达到96亿美元。</p>"
             '<p><a class="keyword" href="/ms">摩根士丹利</a>'
             "分析师基思·韦斯（Keith Weiss）：能否谈谈毛利率？</p>"
             "<p>萨蒂亚·纳德拉：毛利率提升了大约6个百分点。</p>")
    assert [turn.label for turn in t.turns] == [
        "微软CEO萨蒂亚·纳德拉（Satya Nadella）", "摩根士丹利分析师基思·韦斯（Keith Weiss）", "萨蒂亚·纳德拉"]


def test_a_member_who_asks_an_oral_question_is_labelled_with_the_verb() -> None:
    t = text("口頭答覆質詢\n\n李卓人議員問：\n\n主席，政府會否增加撥款？\n\n"
             "財政司司長：主席，政府今年已撥款50億元。\n\n李卓人議員：主席，撥款何時到位？\n\n"
             "財政司司長：主席，預計3個月內。\n\n有人問：這是真的嗎？\n")
    assert [turn.label for turn in t.turns] == ["李卓人議員問", "財政司司長", "李卓人議員", "財政司司長"]
    member = speaker(t, "李卓人")
    assert (member.turns, member.kind) == (2, "reporter")  # one person, who asks
    assert "有人問：這是真的嗎？" in t.text  # someone asked: reported, no label


def test_an_english_record_keeps_its_labels_spaces_and_its_chair_hosts() -> None:
    t = text("ORAL ANSWERS TO QUESTIONS\n\n"
             "MR LEE CHEUK-YAN: President, will the Government increase funding?\n\n"
             "SECRETARY FOR EDUCATION AND MANPOWER: President, we have allocated $5 billion.\n\n"
             "PRESIDENT: Miss Emily LAU.\n\nMISS EMILY LAU: President, can the Secretary explain?\n\n"
             "SECRETARY FOR EDUCATION AND MANPOWER: President, we will study it.\n")
    people = {s.name: (s.role, s.kind) for s in t.speakers}
    assert people == {
        "MR LEE CHEUK-YAN": (None, "reporter"),
        "SECRETARY FOR EDUCATION AND MANPOWER": ("SECRETARY FOR EDUCATION AND MANPOWER", "official"),
        "PRESIDENT": ("PRESIDENT", "host"),
        "MISS EMILY LAU": (None, "reporter"),
    }


def test_labels_in_every_kind_of_bracket() -> None:
    for opening, closing in ("[]", "【】", "［］", "〔〕", "〖〗"):
        t = text(f"{opening}主持人{closing}大家好，发布会开始。\n\n{opening}记者{closing}：请问增长多少？\n\n"
                 f"{opening}王强{closing}：今年增长5%。\n")
        assert [(turn.label, t.speaker(turn.speaker).kind) for turn in t.turns] == [  # type: ignore[union-attr]
            ("主持人", "host"), ("记者", "reporter"), ("王强", "official")], opening


BILINGUAL = (
    "2021年3月1日外交部发言人汪文斌主持例行记者会\n\n"
    "汪文斌：今天我没有要发布的消息。\n\nWang Wenbin: I have no announcement to make today.\n\n"
    "法新社记者：请问中方对此有何评论？\n\nAFP: Do you have any comment on this?\n\n"
    "汪文斌：中方的立场是一贯的，今年增长5%。\n\nWang Wenbin: China's position is consistent.\n"
)


def test_an_english_rendering_after_each_turn_stays_with_the_turn_it_renders() -> None:
    t = text(BILINGUAL)
    assert [turn.label for turn in t.turns] == ["汪文斌", "法新社记者", "汪文斌"]
    assert [(s.name, s.kind) for s in t.speakers] == [("汪文斌", "official"), ("法新社记者", "reporter")]
    answer = t.turns[2]
    assert t.text[answer.start:answer.end].endswith("Wang Wenbin: China's position is consistent.")


def test_english_questions_to_a_chinese_speaker_are_turns_of_their_own() -> None:
    t = text("汪文斌：今天我没有要发布的消息。\n\nBloomberg: Will China respond to the new tariffs?\n\n"
             "汪文斌：中方将采取必要措施。\n\nReuters: When will the talks resume, and where?\n\n"
             "汪文斌：我没有可以发布的消息。\n")
    assert [turn.label for turn in t.turns] == ["汪文斌", "Bloomberg", "汪文斌", "Reuters", "汪文斌"]


def test_an_introduction_keeps_a_body_whose_name_holds_wei_and_a_subtitle_dash() -> None:
    t = text("**——华为公司高级副总裁、董事陈黎芳与新员工座谈纪要**\n\n"
             "**主持人：**欢迎华为公司战略部总裁张文林。\n\n**问：**公司怎么看？\n\n"
             "**陈黎芳：**我们会继续投入。\n\n**张文林：**我补充一点。\n", ".md")
    assert speaker(t, "陈黎芳").role == "华为公司高级副总裁、董事"
    assert speaker(t, "张文林").role == "华为公司战略部总裁"


@pytest.mark.parametrize("article", [
    "病例介绍。\n\n患者A：女，68岁，退休教师，三年前开始出现记忆力下降。\n\n患者B：男，72岁，有高血压病史。\n",
    "报告发布。\n\n网民规模达10.92亿：互联网普及率升至77.5%\n\n报告显示，网民数量继续增长。\n",
    "英雄事迹感动网友。\n\n网友“点赞”：这才是真正的英雄\n\n消息发布后，许多网友留言。\n",
    "某市出台新规。\n\n网友“江南雨”：这样收费太贵了，我停不起。\n\n网友 小李：我觉得挺好。\n\n"
    "对此，交通局表示将评估。\n",
    "读书会预告。\n\n嘉宾：著名作家王安忆，文学评论家陈思和，另有多位青年作家到场。\n\n时间：周六下午。\n",
    "访谈预告。\n\n嘉宾简介：张明，中国人民大学教授，长期研究农村问题。\n",
    "热线来电。\n\n王女士问：孩子明年上初中，怎么报名？\n\n李先生问：社保怎么转移？\n\n局长介绍了有关政策。\n",
    "督察进展。\n\n第三轮中央生态环境保护督察：已受理群众举报3万余件\n\n督察组表示将持续跟进。\n",
])
def test_articles_that_look_like_the_new_label_forms_have_no_turns(article: str) -> None:
    assert list(text(article).turns) == []


def test_panel_speakers_who_open_with_thanks_are_turns_not_subheadings() -> None:
    t = text("林毅夫：谢谢主持人\n\n中国经济还有很大的增长潜力。\n\n张维迎：我补充两点\n\n"
             "第一是企业家精神。\n\n李稻葵：谢谢\n\n我同意两位的看法。\n")
    assert [turn.label for turn in t.turns] == ["林毅夫", "张维迎", "李稻葵"]


def test_a_title_in_a_mention_of_someone_else_is_not_the_speakers() -> None:
    t = text("主持人：感谢张部长刚才在开幕式上的致辞。下面有请张伟先生和李娜女士。\n\n"
             "张伟：我们公司做人工智能。\n\n李娜：我做投资。\n")
    assert speaker(t, "张伟").role is None


def test_english_speakers_of_a_forum_are_not_renderings_of_the_chinese_before_them() -> None:
    t = text("李稻葵：欢迎各位来到论坛。\n\nTim Cook: Thank you. Apple has been in China for decades.\n\n"
             "王一鸣：我想谈谈消费。\n\nRay Dalio: I agree that consumption matters a great deal.\n")
    assert [turn.label for turn in t.turns] == ["李稻葵", "Tim Cook", "王一鸣", "Ray Dalio"]


def test_a_preposition_before_a_body_is_no_married_name() -> None:
    t = text("以下是勞工及福利局局長今日會見傳媒的談話內容：\n\n"
             "勞工及福利局局長向關注組表示，政府明白困難。\n\n"
             "記者︰局長，何時檢討？\n\n勞工及福利局局長︰我們會盡快檢討。\n")
    assert speaker(t, "勞工及福利局局長").role == "勞工及福利局局長"


def test_attendance_lists_and_numbered_items_stay_out_of_the_speakers() -> None:
    t = text("主持人：会议开始。\n\n与会人员：张三、李四。\n\n案例一：某地破获一起案件。\n", ".md")
    assert [turn.label for turn in t.turns] == ["主持人"]


def test_an_answer_without_its_marker_is_the_answerers_turn_not_the_reporters() -> None:
    t = text("蔣萬安：我們要打造臺北AI園區。\n\n**問：松山機場的運量由誰承接？**\n\n"
             "蔣萬安表示，機場捷運完成後，臺北到桃園機場約36分鐘。\n\n**問：什麼時候完成？**\n\n"
             "計畫預計於2033年完成，距今約8年。\n", ".md")
    assert [(turn.label, t.speaker(turn.speaker).name) for turn in t.turns] == [
        ("蔣萬安", "蔣萬安"), ("問", "問"), ("", "蔣萬安"), ("問", "問"), ("", "蔣萬安")]
    minutes = next(f for f in t.figures if f.unit == "分鐘")
    assert t.speaker(minutes.speaker).name == "蔣萬安"  # the answer's figure is the mayor's
    assert t.turns[2].start == t.turns[2].paragraphs[0].start  # no marker line is made up


def test_a_question_with_a_following_question_keeps_both_in_the_reporters_turn() -> None:
    t = text("毛宁：请提问。\n记者：第一个问题，美方有何回应？第二个问题，中方会怎么做？\n"
             "毛宁：中方立场一贯。\n")
    assert [turn.label for turn in t.turns] == ["毛宁", "记者", "毛宁"]


def test_a_byline_is_not_a_turn() -> None:
    t = text("<p>記者：</p><p>林俊謙</p><p>早在周日晚上，民主黨已呼籲政府停工：「非緊急服務帶頭停工」。</p>",
             ".html")
    assert not t.turns
    assert "早在周日晚上" in t.text


def _pdf_record() -> str:
    """A sitting's record as a PDF converter writes it: wrapped at 20 characters, blank lines
    anywhere, page numbers and headers, bold labels drawn four times."""
    header = "2000 年 6 月 23232323 日\n立法會   ─   2000\n\n"
    body = [
        "出席議員 ：", "", "主席范徐麗泰議員 ， J.P.", "", "羅致光議員", "", "5965", "", header,
        "主席主席主席主席 ： 請各位議員繼續站立 ， 待",
        "", "行政長官進入會議廳 。", "",
        "行政長官 ： 主席女士 ， 今天我想跟大家談",
        "行政長官", "行政長官", "行政長官",
        "談兩個話題 ： 第一 ， 經濟 ； 旅客人", "", "數達 1 200 萬 。", "", "5966", "", header,
        "羅致光議員 ： 主席 ， 我想知道 ， 行政長",
        "羅致光議員", "羅致光議員", "", "官會否站起來發問 ？", "",
        "行政長官 ： 羅議員 ， 政府各部門正為此事",
        "", "認真研究 ， 很快可以向大家交代 。", "", "5967", "", header,
        "主席主席主席主席 ： 多謝行政長官 。", "",
    ]
    return "\n".join(body) + "\n" + "\n".join(["會議過程正式紀錄", ""] * 3)


def test_a_pdf_record_is_read_as_its_speakers_wrote_it() -> None:
    t = text(_pdf_record())
    assert [turn.label for turn in t.turns] == ["主席", "行政長官", "羅致光議員", "行政長官", "主席"]
    said = [t.text[turn.paragraphs[0].start:turn.paragraphs[-1].end] for turn in t.turns]
    # The lines joined, the copies of the label gone, the spaces the converter added gone.
    assert said[1] == "主席女士，今天我想跟大家談談兩個話題：第一，經濟；旅客人數達1200萬。"
    assert said[2] == "主席，我想知道，行政長官會否站起來發問？"
    assert all(furniture not in t.text for furniture in ("5966", "23232323", "立法會─2000"))
    assert speaker(t, "范徐麗泰").kind == "host"  # the chair, named where the record lists who attended
    assert speaker(t, "羅致光").kind == "reporter" and speaker(t, "行政長官").kind == "official"
    assert next(f for f in t.figures if f.unit == "萬" or "萬" in f.text).value == 12_000_000


def test_ordinary_text_is_not_read_as_a_pdf_record() -> None:
    lines = [f"記者：第{i}個問題是甚麼？" if i % 2 else f"發言人：這是對第{i}個問題的回答。"
             for i in range(30)]
    t = text("\n\n".join(lines))
    assert len(t.turns) == 30


def html(body: str) -> Transcript:
    return text(body, ".html")


def who(t: Transcript) -> list[tuple[str, str]]:
    return [(turn.label, t.speaker(turn.speaker).name) for turn in t.turns]


def test_a_name_that_is_a_link_is_still_a_marker_and_a_linked_office_is_not() -> None:
    t = html('<p><a href="/p/1">李明</a>：今年增长5%。</p><p>新华社记者：请问？</p>'
             '<p><a class="keyword" href="/s">中国工商银行</a>副行长张三：我们将加大支持。</p>'
             '<p><a href="/1">公安部</a>：要持续严打。</p>')
    assert who(t) == [("李明", "李明"), ("新华社记者", "新华社记者"), ("中国工商银行副行长张三", "张三")]
    assert speaker(t, "张三").role == "中国工商银行副行长"


def test_a_bare_host_label_is_the_host_the_lead_says_presides() -> None:
    t = html("<p>今天的发布会由国新办新闻局局长王五主持。</p><p><b>主持人：</b>女士们，先生们，上午好。</p>"
             "<p><b>财政部副部长李四：</b>谢谢主持人。</p><p><b>主持人：</b>请提问。</p>")
    host = speaker(t, "王五")
    assert (host.role, host.kind, host.turns) == ("国新办新闻局局长", "host", 2)


def test_a_surname_and_a_shortened_title_is_the_person_named_in_full() -> None:
    t = html("<p><b>某某公司总经理李强：</b>我们今年收入增长。</p><p><b>记者：</b>请问李总？</p>"
             "<p><b>李总：</b>谢谢你的提问。</p><p><b>最高人民法院副院长王明：</b>谢谢。</p>"
             "<p><b>王院长：</b>好的。</p>")
    assert [name for _, name in who(t)] == ["李强", "记者", "李强", "王明", "王明"]


def test_an_outlet_that_asks_is_a_reporter() -> None:
    t = text("毛宁：请提问。\n财新：请问中方如何回应？\n毛宁：中方一贯反对。\n南方周末：还有一个问题？\n"
             "毛宁：谢谢。\n端传媒：请问？\n毛宁：好。")
    assert kinds(t) == {"毛宁": "official", "财新": "reporter", "南方周末": "reporter", "端传媒": "reporter"}


def test_digest_items_headlines_and_reported_speech_are_not_markers() -> None:
    assert not text("新闻摘要\nNO.1 张三：经济稳中向好\nNO.2 李四：就业形势稳定\n").turns
    headlines = '<p><a href="/1">公安部：要持续严打</a></p><p><a href="/2">张三：经济稳中向好</a></p>'
    assert not html(headlines).turns
    assert not text("记者从公安部获悉：今年以来破获案件3万起。\n责任编辑：王五").turns
    t = text("李明：我们做了三项工作。\n第一、关于投资：增长5%。\n第二、关于消费：增长3%。")
    assert [turn.label for turn in t.turns] == ["李明"]


def test_a_news_articles_subheadings_in_the_label_form_are_not_turns() -> None:
    article = html("<p>行政長官今早會見傳媒，她表示：「政府會在下個月公布新措施。」</p>"
                   "<p>民主派議員：政府反應太慢</p>"
                   "<p>民主黨議員林卓廷批評，政府過去一年反應太慢。他說，有超過3成市民不滿。</p>"
                   "<p>建制派議員：支持政府做法</p><p>另有議員認為措施合理，應盡快推行。</p>")
    assert not article.turns
    assert "民主派議員：政府反應太慢" in article.text  # kept as the article's text
    assert [f.text for f in article.figures] == ["超過3成"]


def test_a_news_article_quoting_people_after_their_names_has_no_turns() -> None:
    article = html("<p>行政長官今早會見傳媒，被問到防疫措施時作出回應。</p>"
                   "<p>羅健熙：「政府應該早啲行動，唔好再拖。」</p><p>他又指，政府已與業界溝通多次。</p>"
                   "<p>林卓廷：“措施來得太遲。”</p>")
    assert not article.turns
    asked = html("<p>記者：「請問何時公布？」</p><p>羅健熙：「下個月。」</p>")
    assert [turn.label for turn in asked.turns] == ["記者", "羅健熙"]  # a reporter asks: a transcript


def test_a_short_turn_among_real_ones_stays_a_turn() -> None:
    t = text("張三：好的\n\n李四：我們今年完成了三項工作，明年繼續。\n\n張三：明白\n\n李四：謝謝。\n")
    assert [turn.label for turn in t.turns] == ["張三", "李四", "張三", "李四"]
    short = text("張三：好的\n李四：行\n")
    assert [turn.label for turn in short.turns] == ["張三", "李四"]


def test_markers_as_markdown_headings_and_one_speaker_on_many_headings() -> None:
    t = text("### 主持人：\n\n歡迎各位。\n\n## 王部長：\n\n謝謝主持人，今年經濟成長3%。\n\n"
             "### 記者：\n\n請問部長？\n\n"
             "## 王部長：\n\n我們會努力。\n\n## 王部長：\n\n再補充一點。\n", ".md")
    assert [turn.label for turn in t.turns] == ["主持人", "王部長", "記者", "王部長", "王部長"]
    assert [s.name for s in t.speakers].count("王部長") == 1


def test_a_heading_that_is_a_latin_label_is_a_turn_not_the_title() -> None:
    t = text("### Jensen Huang：\n\nThank you. 今年营收增长20%。\n\n### 主持人：\n\n请提问。\n\n"
             "### Mr. Lee：\n\n我想问一个问题？\n\n### Jensen Huang：\n\n好的。\n", ".md")
    assert [turn.label for turn in t.turns] == ["Jensen Huang", "主持人", "Mr. Lee", "Jensen Huang"]
    assert kinds(t) == {"Jensen Huang": "official", "主持人": "host", "Mr. Lee": "reporter"}


def test_an_earnings_call_firms_and_titles_analysts_and_executives() -> None:
    t = text("主持人：欢迎参加业绩说明会。\n公司首席财务官 李明：本季度收入增长15%。\n"
             "摩根士丹利分析师 张伟：请问毛利率的展望如何？\n李明：我们预计保持稳定。\n"
             "高盛分析师王芳：请问海外业务？\n公司CEO 赵强：海外增长较快。")
    assert [(s.name, s.role, s.kind) for s in t.speakers] == [
        ("主持人", None, "host"), ("李明", "公司首席财务官", "official"),
        ("张伟", "摩根士丹利分析师", "reporter"),
        ("王芳", "高盛分析师", "reporter"), ("赵强", "公司CEO", "official")]


def test_forms_of_address_point_at_the_person_the_lead_introduces() -> None:
    t = text("出席的有保安局局長陳國強、政治委員林國華。\n主持人：請陳局長補充。\n"
             "陳局長：好的，我補充一點。\n記者：請問林政委？\n林政委：謝謝。")
    assert [name for _, name in who(t)] == ["主持人", "陳國強", "記者", "林國華"]
    assert speaker(t, "林國華").role == "政治委員"


def test_cantonese_written_forms_are_read_by_the_same_rules() -> None:
    t = text("記者：特首，你係唔係會考慮呢個方案？\n行政長官：我哋已經考慮咗好耐，今年會撥款50億元。\n"
             "記者：幾時落實？\n行政長官：下個月。")
    assert kinds(t) == {"記者": "reporter", "行政長官": "official"}
    assert [(f.text, f.value) for f in t.figures] == [("50億元", 5_000_000_000)]


def test_an_introduction_of_several_guests_gives_each_their_own_title() -> None:
    t = text("主持人：今天我们邀请了A资本合伙人王磊、B公司副总裁李娜、C网副总裁陈晨，以及X公司创始人张三。\n"
             "王磊：谢谢。今年我们投了20个项目。\n李娜：我同意王磊的观点。\n"
             "陈晨：补充一句，市场规模是3000亿元。\n张三：我们公司刚刚成立两年。\n")
    assert [(s.name, s.role, s.organization) for s in t.speakers[1:]] == [
        ("王磊", "A资本合伙人", "A资本"), ("李娜", "B公司副总裁", "B公司"),
        ("陈晨", "C网副总裁", "C网"), ("张三", "X公司创始人", "X公司")]


def test_guests_are_listed_after_the_words_that_introduce_them() -> None:
    t = text("主持人：今天的嘉宾有红杉资本合伙人周逵、字节跳动副总裁杨震原。\n"
             "周逵：谢谢主持人。\n杨震原：我们的模型每天调用超过1万亿次。\n")
    assert speaker(t, "周逵").role == "红杉资本合伙人"


def test_guests_the_host_gives_the_floor_share_one_kind() -> None:
    # 李娜 is introduced; 陈晨 is not, but takes the floor from the host in the same way.
    t = text("主持人：今天请到B公司副总裁李娜。请李娜先谈谈。\n"
             "李娜：谢谢主持人，我们今年的收入增长很快，海外市场也打开了局面，团队扩大了一倍。\n"
             "主持人：陈晨，你也说说。\n"
             "陈晨：我从用户的角度讲几句，大家最关心的还是价格和服务，这一点我们做了很多改进，"
             "明年还会继续投入更多的资源。\n")
    assert kinds(t) == {"主持人": "host", "李娜": "official", "陈晨": "official"}


def test_one_who_only_thanks_the_host_keeps_the_kind_other() -> None:
    t = text("主持人：今天请到B公司副总裁李娜。请李娜先谈谈。\n"
             "李娜：谢谢主持人，我们今年的收入增长很快，海外市场也打开了局面，团队扩大了一倍。\n"
             "主持人：陈晨，你也说说。\n陈晨：谢谢。\n")
    assert kinds(t)["陈晨"] == "other"


def test_a_word_before_a_known_speakers_name_makes_no_new_person() -> None:
    # 向 is a surname, but here "to": 秘書 reports to 丁午壽, who speaks under his own label.
    t = text("秘書：各位議員，現在進行宣誓。\n丁午壽議員：現在點算選票。\n"
             "（秘書向丁午壽議員報告結果。）\n丁午壽議員：結果如下。\n")
    assert [s.name for s in t.speakers] == ["秘書", "丁午壽"]


def test_a_chair_handed_over_in_speech_makes_both_chairs_hosts() -> None:
    t = text("秘書：本會現在進行主席的選舉。我現在邀請丁午壽議員主持選舉。\n"
             "丁午壽議員：各位，選舉現在開始。請劉慧卿議員發言。\n"
             "劉慧卿議員：我想問一個問題，投票是否保密？\n丁午壽議員：是的，投票是保密的。\n")
    assert kinds(t)["秘書"] == "host" and kinds(t)["丁午壽"] == "host"


def test_a_credit_line_names_the_interviewer_and_stays_out_of_the_last_answer() -> None:
    t = text("王蒙做客本报，接受了本报记者的专访。\n记者：您有什么读书心得？\n"
             "王蒙：读书要趁早，越是年轻时读书印象越深。\n记者：谢谢您。\n记者吕绍刚采访整理\n")
    reporter = speaker(t, "吕绍刚")
    assert (reporter.role, reporter.kind, reporter.turns) == ("记者", "reporter", 2)
    assert "采访整理" not in t.text and t.meta.author == "吕绍刚"


def test_a_title_the_site_escaped_twice_reads_as_written() -> None:
    t = text("<html><head><title>王蒙：读书&amp;nbsp;是一种风度</title></head>"
             "<body><p>记者：请问？</p><p>王蒙：好的。</p></body></html>", ".html")
    assert t.meta.title == "王蒙：读书 是一种风度"


def test_a_title_that_says_who_answers_names_the_bare_answer_label() -> None:
    t = text("# 张建国答新员工问\n\n问：公司怎样看待新员工？\n\n答：新员工要从基层做起。\n\n"
             "问：多久能转正？\n\n答：一般半年。\n", ".md")
    names = {s.id: s.name for s in t.speakers}
    assert [names[turn.speaker] for turn in t.turns] == ["问", "张建国", "问", "张建国"]
    assert speaker(t, "张建国").kind == "official"


def test_a_title_naming_only_a_role_leaves_the_answer_label_unnamed() -> None:
    t = text("# 商务部新闻发言人就经贸磋商答记者问\n\n问：磋商进展如何？\n\n答：进展顺利。\n", ".md")
    names = {s.id: s.name for s in t.speakers}
    assert [names[turn.speaker] for turn in t.turns] == ["问", "答"]


INTERVIEW = (
    "---\ntitle: 开发者访谈\n---\n"
    "作为这个栏目的主持人，我会给每位嘉宾写一段引言。本期嘉宾是张建国，目前就职于一家创业公司。\n\n"
    "**1. 你是什么时候开始学习编程的？**\n\n初二的时候，我买了一本编程书。\n\n后来读了计算机专业。\n\n"
    "**2. 你最近在读什么书？分享一下吧。**\n\n近半年读了12本书。\n\n"
    "**3. 对新人有什么建议？**\n\n多写代码，**一定要多写**。\n"
)


def test_bold_questions_and_plain_answers_are_the_turns_of_an_interview() -> None:
    t = text(INTERVIEW, ".md")
    names = {s.id: s.name for s in t.speakers}
    assert [names[turn.speaker] for turn in t.turns] == ["主持人", "张建国"] * 3
    assert [turn.kind for turn in t.turns] == ["reporter", "official"] * 3
    first_answer = t.turns[1]
    assert [t.text[p.start:p.end] for p in first_answer.paragraphs] == [
        "初二的时候，我买了一本编程书。", "后来读了计算机专业。"]
    assert any(f.text == "12本" and f.speaker == first_answer.speaker for f in t.figures)


def test_bold_lines_that_do_not_ask_make_no_interview() -> None:
    body = ("引言。\n\n**一、总体情况**\n\n正文一。\n\n**二、主要做法**\n\n正文二。\n\n"
            "**三、下一步**\n\n正文三。\n")
    assert not text(body, ".md").turns


def test_an_outlet_then_a_chinese_name_is_a_reporter_of_that_outlet() -> None:
    t = text("王五：我先介绍一下情况。\n"
             "1、新华社 李明：请问今年的重点是什么？\n"
             "王五：重点是稳增长。\n"
             "2、《江南日报》赵刚：能否谈谈投资？\n"
             "王五：投资会增加。\n"
             "《江南日报》赵刚：具体有多少？\n"
             "王五：还在测算。\n")
    assert [turn.label for turn in t.turns][1::2] == ["新华社 李明", "《江南日报》赵刚", "《江南日报》赵刚"]
    li, zhao = speaker(t, "李明"), speaker(t, "赵刚")
    assert (li.kind, li.role, li.organization) == ("reporter", "新华社", "新华社")
    assert (zhao.kind, zhao.role, zhao.turns) == ("reporter", "《江南日报》", 2)


def test_a_phrase_holding_a_title_before_a_colon_is_no_outlet_and_name() -> None:
    t = text("《某某秀》一度是很受欢迎的节目，但它的卖点其实跟别的没什么区别：今天说这个，明天说那个。\n")
    assert not t.turns


def test_a_question_labelled_with_the_askers_unit_and_name_is_theirs() -> None:
    t = text("张总：大家有什么问题，可以直接提出来。\n"
             "问题一（华东分部/李红）：补助标准能否提高？\n"
             "答：补助按当地物价制定。\n"
             "（华东分部/李红）：建议先试点再推广。\n"
             "答：这个建议很好。\n")
    labels = [turn.label for turn in t.turns]
    assert labels == ["张总", "问题一（华东分部/李红）", "答", "（华东分部/李红）", "答"]
    li = speaker(t, "李红")
    assert (li.kind, li.role, li.turns) == ("reporter", "华东分部", 2)


def test_the_bare_answer_of_a_forum_whose_one_other_speaker_is_named_is_that_person() -> None:
    t = text("张建国：今天我来主要是听大家讲，有问题可以直接提出来。\n"
             "问：公司明年的重点是什么？\n"
             "答：重点是提高效率。\n"
             "问：海外补助会调整吗？\n"
             "答：会按城市细分。\n"
             "张总：最后我讲一点，谢谢大家。\n")
    names = [next(s.name for s in t.speakers if s.id == turn.speaker) for turn in t.turns]
    assert names == ["张建国", "问", "张建国", "问", "张建国", "张建国"]
    assert speaker(t, "张建国").kind == "official"


def test_two_named_answerers_leave_the_bare_answer_unnamed() -> None:
    t = text("张建国：欢迎。\n李伟：欢迎大家。\n问：明年的重点是什么？\n答：提高效率。\n")
    assert speaker(t, "答").turns == 1


def test_the_answer_to_a_question_put_to_someone_is_theirs() -> None:
    t = text("张建国：我们开始吧，大家提问。\n"
             "1、问：明年的重点是什么？\n"
             "答：重点是提高效率。\n"
             "2、问（To王伟）：新组织什么时候实施？\n"
             "答：去年已经试点。\n"
             "3、问：还有别的计划吗？\n"
             "答：会逐步推广。\n")
    names = [next(s.name for s in t.speakers if s.id == turn.speaker) for turn in t.turns]
    assert names == ["张建国", "问", "张建国", "问", "王伟", "问", "张建国"]


def test_header_lines_naming_the_host_and_the_speakers_are_no_turns_and_say_who_hosts() -> None:
    t = text("国务院新闻办公室新闻发布会\n\n发布人：国家统计局局长康义\n\n"
             "主持人：国务院新闻办公室新闻局副局长、新闻发言人寿小丽\n\n"
             "寿小丽：女士们、先生们，上午好。请康局长介绍情况。\n\n康义：各位媒体朋友，上午好。\n\n"
             "寿小丽：下面请提问。\n\n中央广播电视总台记者：请问明年经济走势如何？\n\n康义：我们有信心。\n")
    assert [turn.label for turn in t.turns] == ["寿小丽", "康义", "寿小丽", "中央广播电视总台记者", "康义"]
    host = speaker(t, "寿小丽")
    assert (host.kind, host.role) == ("host", "国务院新闻办公室新闻局副局长、新闻发言人")
    assert speaker(t, "康义").role == "国家统计局局长"


def test_a_host_label_followed_by_speech_is_still_a_turn() -> None:
    t = text("主持人：大家好，欢迎收看。\n\n王强：谢谢主持人。今年经济稳中向好。\n")
    assert [turn.label for turn in t.turns] == ["主持人", "王强"]


@pytest.mark.parametrize("speech", ["请国家统计局新闻发言人付凌晖", "请康局长回答",
                                    "有请商务部部长助理唐文弘", "下面请国家统计局局长康义",
                                    "各位网友大家好，今天我们请到的嘉宾是中国社会科学院研究员张明"])
def test_a_hosts_speech_ending_in_a_role_and_a_name_is_still_a_turn(speech: str) -> None:
    t = text(f"康义：各位媒体朋友，上午好。\n\n主持人：{speech}\n\n付凌晖：谢谢主持人。\n")
    assert [turn.label for turn in t.turns] == ["康义", "主持人", "付凌晖"]


def test_an_interviews_opening_names_the_guest_without_making_them_the_host() -> None:
    t = text("主持人：各位网友大家好，今天我们请到的嘉宾是中国社会科学院研究员张明\n\n"
             "张明：主持人好，网友们好。\n\n主持人：您怎么看今年的经济形势？\n\n张明：总体稳中向好。\n")
    assert kinds(t)["主持人"] == "host" and kinds(t)["张明"] != "host"


def test_a_host_header_whose_label_stands_on_its_own_line_names_the_host() -> None:
    t = text("国务院新闻办公室新闻发布会\n\n主持人：\n\n国务院新闻办公室新闻局副局长、新闻发言人寿小丽\n\n"
             "寿小丽：女士们、先生们，上午好。\n\n康义：各位媒体朋友，上午好。\n\n寿小丽：下面请提问。\n")
    assert [turn.label for turn in t.turns] == ["寿小丽", "康义", "寿小丽"]
    assert speaker(t, "寿小丽").kind == "host"
