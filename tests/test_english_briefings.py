"""Briefings written in English (the Foreign Ministry's and the State Council's English
transcripts): outlets that ask, follow-ups, a title before the spokesperson's name."""

from __future__ import annotations

import pytest

from reader.figures.scan import find_figures
from reader.model import Speaker, Transcript
from reader.pipeline import parse_bytes
from reader.speakers.english import (
    english_office,
    english_organization,
    english_outlet,
    english_title_before,
    english_titled_name,
)

MFA = """Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on March 1, 2024

Mao Ning: I have no announcement to make today. The floor is open for questions.

AFP: Philippine vessels entered waters near Ren'ai Jiao yesterday. What is China's response?

Mao Ning: China has made its position clear many times.

Follow-up: Will China take further measures?

Mao Ning: I just answered that question.

Phoenix TV: The Two Sessions open next week. Delegates will discuss the economy.

Mao Ning: Please refer to the competent authorities.

Yonhap News Agency: We have seen reports on the Korean Peninsula.

Mao Ning: China's position is consistent and clear.
"""


def parsed(body: str) -> Transcript:
    return parse_bytes(body.encode(), "briefing.txt")


def speaker(t: Transcript, name: str) -> Speaker:
    return next(s for s in t.speakers if s.name == name)


def test_every_outlet_that_asks_is_a_turn_of_its_own_and_a_reporter() -> None:
    t = parsed(MFA)
    assert [turn.label for turn in t.turns] == [
        "Mao Ning", "AFP", "Mao Ning", "Follow-up", "Mao Ning", "Phoenix TV", "Mao Ning",
        "Yonhap News Agency", "Mao Ning"]
    for outlet in ("AFP", "Phoenix TV", "Yonhap News Agency"):
        asker = speaker(t, outlet)
        # Phoenix TV and Yonhap end on no question mark: the label alone says they ask.
        assert (asker.kind, asker.organization) == ("reporter", outlet)


def test_a_follow_up_is_the_last_askers_question() -> None:
    t = parsed(MFA)
    follow_up = t.turns[3]
    assert t.speaker(follow_up.speaker).name == "AFP"
    assert speaker(t, "AFP").turns == 2


def test_the_title_before_the_spokespersons_name_is_her_role() -> None:
    mao = speaker(parsed(MFA), "Mao Ning")
    assert (mao.role, mao.kind) == ("Foreign Ministry Spokesperson", "official")


@pytest.mark.parametrize(
    ("label", "outlet"),
    [
        ("Reuters", "Reuters"), ("China Daily", "China Daily"), ("Kyodo News", "Kyodo News"),
        ("China News Service", "China News Service"), ("The Paper", "The Paper"),
        ("RIA Novosti", "RIA Novosti"), ("Hubei Media Group", "Hubei Media Group"),
        ("Mao Ning", None), ("Wang Wenbin", None), ("Follow-up", None), ("Bloomberg", "Bloomberg"),
        ("Global Times", "Global Times"), ("Dragon TV", "Dragon TV"), ("Secretary for Security", None),
    ],
)
def test_outlets_are_known_by_the_last_word_of_their_name_or_by_name(label: str, outlet: str | None) -> None:
    assert english_outlet(label) == outlet


@pytest.mark.parametrize(
    ("before", "title"),
    [
        ("Foreign Ministry Spokesperson ", "Foreign Ministry Spokesperson"),
        ("The press conference was hosted by Vice Minister of Commerce ", "Vice Minister of Commerce"),
        ("On March 1, Spokesperson ", "Spokesperson"),
        ("We welcome ", None),  # no title before the name
        ("the Director of the Information Department ", "Director of the Information Department"),
    ],
)
def test_an_english_title_is_the_capitalised_words_before_the_name(before: str, title: str | None) -> None:
    assert english_title_before(before) == title


def test_an_english_office_held_by_a_speaker_is_found_in_the_lead() -> None:
    t = parsed("Press conference of the State Council Information Office on the economy\n\n"
               "The briefing was given by Kang Yi, and by Director of the National Bureau of "
               "Statistics Kang Yi.\n\n"
               "Kang Yi: The economy grew steadily.\n\nReuters: What about prices?\n\n"
               "Kang Yi: Prices were stable.\n")
    assert speaker(t, "Kang Yi").role == "Director of the National Bureau of Statistics"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China's exports grew 7.1 percent in January.", ("7.1 percent", 7.1, "%", None)),
        ("It fell 3 per cent.", ("3 per cent", 3, "%", None)),
        ("up 0.3 percentage points", ("0.3 percentage points", 0.3, "percentage points", None)),
        ("covering about 3 million cars", ("about 3 million cars", 3_000_000, "cars", "about")),
        ("more than 300 billion yuan", ("more than 300 billion yuan", 300e9, "yuan", "more than")),
        ("The fine was 50,000 yuan.", ("50,000 yuan", 50_000, "yuan", None)),
        ("Some 20,000 people attended.", ("Some 20,000 people", 20_000, "people", "Some")),
        ("In 2023, the number was 45 million.", ("45 million", 45_000_000, "", None)),
        ("handsome 300 people", ("300 people", 300, "people", None)),  # no "some" inside a word
        ("raising US$1.5 billion", ("US$1.5 billion", 1.5e9, "美元", None)),  # the sign's rule, once
        ("an investment of RMB 1.2 trillion", ("RMB 1.2 trillion", 1.2e12, "RMB", None)),
        ("fees of about HKD 1,000", ("about HKD 1,000", 1000, "HKD", "about")),
        ("an investment of RMB1.2 trillion", ("RMB1.2 trillion", 1.2e12, "RMB", None)),  # code glued
        ("more than US$ 3 billion", ("more than US$ 3 billion", 3e9, "美元", "more than")),
        ("about $3 billion", ("about $3 billion", 3e9, "$", "about")),  # a sign figure, an English word
        ("nearly 30%", ("nearly 30%", 30, "%", "nearly")),
        ("出口增长7.1 percent", ("7.1 percent", 7.1, "%", None)),  # after a Chinese character
        ("共有300 people参加", ("300 people", 300, "people", None)),
        ("3bn yuan", ("3bn yuan", 3e9, "yuan", None)),
        ("5 square kilometres", ("5 square kilometres", 5, "square kilometres", None)),
        ("costs RMB 2000", ("RMB 2000", 2000, "RMB", None)),  # a price, not a year
        ("We hired 2000 workers", ("2000 workers", 2000, "workers", None)),  # after a verb: a count
        # Any thing counted, when a qualifier or thousands say the number is a quantity.
        ("Police handled over 6,000 gatherings.", ("over 6,000 gatherings", 6000, "gatherings", "over")),
        ("at least 12,000 officers", ("at least 12,000 officers", 12_000, "officers", "at least")),
        ("It grew for 11 consecutive years.", ("11 consecutive years", 11, "years", None)),
        ("It took 3 more days.", ("3 more days", 3, "days", None)),
        # Hong Kong's releases separate thousands with a space.
        ("Today we recorded 1 053 new cases.", ("1 053 new cases", 1053, "cases", None)),
        ("about 65 000 samples", ("about 65 000 samples", 65_000, "samples", "about")),
    ],
)
def test_figures_written_in_english(sentence: str, expected: tuple[str, float, str, str | None]) -> None:
    (figure,) = find_figures(sentence)
    assert (figure.text, figure.value, figure.unit, figure.qualifier) == expected


@pytest.mark.parametrize("sentence", ["On March 1, 2024, at 3 pm", "COVID-19 cases", "G20 countries",
                                      "the 3 of us", "Article 5 says", "In 1989 people protested",
                                      "Since 2012 companies have grown", "On March 8 students returned",
                                      "CNY 2024 celebrations", "from 2019 to 2023 students",
                                      "He is 45 years old", "Boeing 737 passengers", "Table 1 cases",
                                      "Resolution 2231 countries", "almost 1 in 5 people",
                                      "About 50 was the answer", "over 2019 levels", "the 3 members"])
def test_a_bare_number_in_english_is_no_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("3 to 5 percent", ("3 to 5 percent", 3, 5)),
        ("between 3 and 5 percent", ("3 and 5 percent", 3, 5)),
        ("1-2 percent", ("1-2 percent", 1, 2)),
        ("2-3 million", ("2-3 million", 2e6, 3e6)),
        ("from 3 million to 5 million tons", ("3 million to 5 million tons", 3e6, 5e6)),
        ("800 million to 1.2 billion yuan", ("800 million to 1.2 billion yuan", 8e8, 1.2e9)),
    ],
)
def test_an_english_range_is_one_figure_from_low_to_high(sentence: str,
                                                          expected: tuple[str, float, float]) -> None:
    (figure,) = find_figures(sentence)
    assert (figure.text, figure.value, figure.value_to) == expected


def test_english_figures_are_attributed_to_who_said_them() -> None:
    t = parsed(MFA.replace("China's position is consistent and clear.",
                           "Trade grew 5.2 percent to 3.5 trillion yuan."))
    said = {f.text: t.speaker(f.speaker).name for f in t.figures}
    assert said == {"5.2 percent": "Mao Ning", "3.5 trillion yuan": "Mao Ning"}


def test_a_follow_up_after_an_asker_no_list_knows_is_theirs() -> None:
    # Dawn is in no list of outlets: its turn asks, so Follow-up is Dawn's, not AFP's.
    t = parsed("Mao Ning: The floor is open.\n\nAFP: What is China's response?\n\n"
               "Mao Ning: China's position is clear.\n\nDawn: Will the corridor projects go ahead?\n\n"
               "Mao Ning: They will.\n\nFollow-up: When will they finish?\n\nMao Ning: Soon.\n")
    assert t.speaker(t.turns[5].speaker).name == "Dawn"


@pytest.mark.parametrize(
    ("before", "title"),
    [
        ("SCIO Press Conference on the Work Report With Vice Minister of Commerce ",
         "Vice Minister of Commerce"),
        ("Interview With Foreign Minister ", "Foreign Minister"),
        ("Today Foreign Ministry Spokesperson ", "Foreign Ministry Spokesperson"),
        ("Chief Executive Mr ", "Chief Executive"),
        ("I Thank President ", "President"),
        ("Foreign Ministry Spokesperson Mao Ning and Assistant Minister ", "Assistant Minister"),
        ("Remarks by Secretary for Financial Services and the Treasury ",
         "Secretary for Financial Services and the Treasury"),
    ],
)
def test_a_headline_or_a_sentence_before_a_title_is_not_part_of_it(before: str, title: str) -> None:
    assert english_title_before(before) == title


def test_an_english_titles_organization_is_the_body_it_names() -> None:
    mao = speaker(parsed(MFA), "Mao Ning")
    assert mao.organization == "Foreign Ministry"
    nbs = "National Bureau of Statistics"
    assert english_organization(f"Director of the {nbs}") == nbs
    assert english_organization("Vice Minister of Commerce") is None
    assert english_organization("Spokesperson") is None


@pytest.mark.parametrize("label", ["Latest News", "Breaking News", "Key Times", "Opening Times",
                                   "Social Media", "Related Press", "Emily Post"])
def test_a_heading_ending_in_an_outlet_word_is_no_outlet(label: str) -> None:
    assert english_outlet(label) is None


@pytest.mark.parametrize("label", ["Voice of America", "Times of India", "TV Asahi", "ABC Australia",
                                   "21st Century Business Herald", "Asahi Shimbun", "Agence France-Presse"])
def test_outlets_reporters_name_at_the_foreign_ministry(label: str) -> None:
    assert english_outlet(label) == label


def test_a_bilingual_pages_english_rendering_adds_no_second_figure() -> None:
    t = parsed("毛宁：今天我没有要发布的消息。\n\nMao Ning: I have no announcement to make today.\n\n"
               "凤凰卫视记者：前两个月出口增长7.1%，贸易额达到6.6万亿元。您如何看？\n\n"
               "Phoenix TV: Exports grew 7.1 percent and trade reached 6.6 trillion yuan. Your view?\n\n"
               "毛宁：中国外贸开局良好。\n\nMao Ning: China's foreign trade got off to a good start.\n\n"
               "法新社记者：有报道称约300万辆汽车受影响？\n\n"
               "AFP: Reports say about 3 million cars are affected?\n\n"
               "毛宁：我们注意到有关报道。\n\nMao Ning: We noted the reports.\n")
    assert len(t.turns) == 5  # each English line stays in the Chinese turn it renders
    assert [f.text for f in t.figures] == ["两个月", "7.1%", "6.6万亿元", "约300万辆"]


SCIO = """SCIO press conference on national economic performance in 2023

Speakers: Mr. Kang Yi, commissioner of the National Bureau of Statistics (NBS)

Chairperson: Ms. Shou Xiaoli, deputy director general of the Press Bureau of the State Council \
Information Office (SCIO) and spokesperson of the SCIO

Shou Xiaoli: Ladies and gentlemen, good morning. Today we have invited Mr. Kang Yi to brief you. \
Now, I give the floor to Mr. Kang.

Kang Yi: Friends from the media, good morning. China's GDP grew 5.2 percent in 2023, reaching 126 \
trillion yuan. The economy recovered steadily.

Shou Xiaoli: Thank you, Mr. Kang. The floor is now open for questions.

CCTV: What is the outlook for 2024?

Kang Yi: We are confident about the outlook. The fundamentals sustaining long-term growth remain unchanged.

Shou Xiaoli: Thank you all. Today's press conference is concluded.
"""


def test_the_header_lines_of_an_english_scio_transcript_are_no_turns() -> None:
    t = parsed(SCIO)
    assert [turn.label for turn in t.turns] == ["Shou Xiaoli", "Kang Yi", "Shou Xiaoli", "CCTV", "Kang Yi",
                                                "Shou Xiaoli"]


def test_a_header_label_on_its_own_line_and_the_date_after_its_list_are_no_turns() -> None:
    # SCIO's English pages put each label on its own line, and the date after the list.
    t = parsed("SCIO press conference on Q1 2024\n\nSpeakers:\n\n"
               "Mr. Kang Yi, commissioner of the National Bureau of Statistics (NBS)\n\n"
               "Chairperson:\n\nMs. Shou Xiaoli, deputy director general of the Press Bureau of the SCIO\n\n"
               "Date:\n\nApril 16, 2024\n\nShou Xiaoli:\n\nGood morning. Welcome.\n\n"
               "Kang Yi:\n\nGDP grew by 5.3 percent.\n\nCCTV:\n\nWhat is your view?\n")
    assert [turn.label for turn in t.turns] == ["Shou Xiaoli", "Kang Yi", "CCTV"]
    assert speaker(t, "Shou Xiaoli").kind == "host"
    assert "April 16, 2024" in t.text[: t.turns[0].start]


def test_a_title_after_the_name_and_a_comma_is_the_role_and_a_press_office_hosts() -> None:
    t = parsed(SCIO)
    kang, shou = speaker(t, "Kang Yi"), speaker(t, "Shou Xiaoli")
    assert (kang.role, kang.organization, kang.kind) == (
        "commissioner of the National Bureau of Statistics", "National Bureau of Statistics", "official")
    assert shou.role == "deputy director general of the Press Bureau of the State Council Information Office"
    assert shou.kind == "host"


def test_a_legco_records_language_note_is_not_part_of_the_speakers_name() -> None:
    t = parsed("MR CHAN HAN-PAN (in Cantonese): President, how many parking spaces will be provided?\n\n"
               "SECRETARY FOR TRANSPORT AND LOGISTICS (in Cantonese): President, about 3,000 spaces.\n\n"
               "MR CHAN HAN-PAN (in Cantonese): President, when will they be ready?\n\n"
               "PRESIDENT (in Cantonese): Next question.\n")
    # The Secretary's label with its note is longer than a label: it was no marker, and the
    # answer ran into the member's question.
    assert [turn.label for turn in t.turns] == ["MR CHAN HAN-PAN", "SECRETARY FOR TRANSPORT AND LOGISTICS",
                                                "MR CHAN HAN-PAN", "PRESIDENT"]
    assert speaker(t, "PRESIDENT").kind == "host"
    assert t.text.startswith("MR CHAN HAN-PAN (in Cantonese):")  # shown as written


@pytest.mark.parametrize("speech", ["Mr. Li, please.", "Mr. Li, thank you. Now questions."])
def test_a_chairpersons_speech_addressing_someone_is_a_turn(speech: str) -> None:
    t = parsed(f"Chairperson: {speech}\n\nLi Fei: Thank you. Trade grew.\n\nReuters: What about prices?\n")
    assert [turn.label for turn in t.turns] == ["Chairperson", "Li Fei", "Reuters"]


def test_counts_after_a_sentences_first_word_are_kept() -> None:
    found = [f.text for f in find_figures("Today 300 people were tested. Another 20 patients were admitted. "
                                          "In Kowloon 50 households were visited. "
                                          "These 40 schools will close.")]
    assert found == ["300 people", "20 patients", "50 households", "40 schools"]


def test_an_english_figure_of_another_family_is_no_rendering_and_a_sign_figure_is_one() -> None:
    t = parsed("毛宁：税率提高3个百分点，涉及约3000亿美元。\n\n"
               "Mao Ning: The rate rises by 3 percentage points, affecting 3 percent of imports, "
               "about US$300 billion.\n\n"
               "法新社记者：这会持续多久？\n\nAFP: How long will it last?\n\n毛宁：请参考主管部门。\n\n"
               "Mao Ning: Please refer to the competent authorities.\n")
    assert [f.text for f in t.figures] == ["3个百分点", "约3000亿美元", "3 percent"]


def test_a_long_office_in_capitals_with_its_language_notes_is_a_label() -> None:
    t = parsed("MR TOMMY CHEUNG (in Cantonese and English): President, how much?\n\n"
               "SECRETARY FOR FINANCIAL SERVICES AND THE TREASURY (in English): President, soon.\n\n"
               "MS STARRY LEE (in Cantonese) (Translation): President, when?\n")
    office = "SECRETARY FOR FINANCIAL SERVICES AND THE TREASURY"
    assert [turn.label for turn in t.turns] == ["MR TOMMY CHEUNG", office, "MS STARRY LEE"]


def test_a_sentence_after_a_name_and_a_comma_is_no_title() -> None:
    from reader.speakers.english import english_title_after

    assert english_title_after("Kang Yi, President Xi said the economy will grow.", 7) is None
    assert english_title_after("Mr. Li, head of the NBS.", 6) == "head of the NBS"


def test_header_labels_on_their_own_lines_are_header_lines_too() -> None:
    t = parsed("SCIO press conference on the economy\n\nSpeakers:\n\n"
               "Mr. Kang Yi, commissioner of the National Bureau of Statistics (NBS)\n\nChairperson:\n\n"
               "Ms. Shou Xiaoli, deputy director general of the Press Bureau of the SCIO\n\n"
               "Shou Xiaoli: Good morning. Now, I give the floor to Mr. Kang.\n\n"
               "Kang Yi: Good morning. China's GDP grew 5.2 percent in 2023.\n\n"
               "CCTV: What is the outlook for 2024?\n\nKang Yi: We are confident about the outlook.\n")
    assert [turn.label for turn in t.turns] == ["Shou Xiaoli", "Kang Yi", "CCTV", "Kang Yi"]
    assert speaker(t, "Shou Xiaoli").kind == "host"
    assert "Speakers:" in t.text  # in the lead, as written


def test_a_label_with_a_title_before_the_name_is_that_person_with_that_role() -> None:
    """As 发言人毛宁： is 毛宁 the 发言人, ``Spokesperson Mao Ning:`` is Mao Ning: one speaker
    with her short label, and titled labels start turns of their own (they ran into the turn
    before)."""
    t = parsed("Spokesperson Mao Ning: Good afternoon.\n\nReuters: A question on trade?\n\n"
               "Mao Ning: The answer.\n\nForeign Ministry Spokesperson Wang Wenbin: More news.\n\n"
               "Secretary for Security Chris Tang: Yes.\n\nChief Executive Mr John Lee: Indeed.\n")
    assert [t.speaker(turn.speaker).name for turn in t.turns] == [
        "Mao Ning", "Reuters", "Mao Ning", "Wang Wenbin", "Chris Tang", "John Lee"]
    assert (speaker(t, "Mao Ning").role, speaker(t, "Mao Ning").turns) == ("Spokesperson", 2)
    wang = speaker(t, "Wang Wenbin")
    assert (wang.role, wang.organization) == ("Foreign Ministry Spokesperson", "Foreign Ministry")
    assert speaker(t, "Chris Tang").role == "Secretary for Security"
    assert speaker(t, "John Lee").role == "Chief Executive"


@pytest.mark.parametrize("label", ["Voice of America", "Regular Press Conference", "Thank You Mao",
                                   "Today President", "Spokesperson", "Vice Minister of Commerce"])
def test_words_before_a_name_that_are_no_title_make_no_titled_name(label: str) -> None:
    assert english_titled_name(label) is None


def test_two_amounts_joined_by_and_with_their_scales_are_a_list() -> None:
    assert [f.text for f in find_figures("2 million and 3 million tons respectively")] == [
        "2 million", "3 million tons"]


HK_REMARKS = """Transcript of remarks by S for S and CS at media session

Following is the transcript of remarks by the Secretary for Security, Mr Chris Tang, and the Chief \
Secretary for Administration, Mr Chan Kwok-ki, at a media session today (March 5):

Reporter: Secretary, how many people were arrested in the operation?

Secretary for Security: The Police arrested 35 people in the operation.

Reporter: Will there be more arrests?

Chief Secretary for Administration: The investigation continues. Thank you.

Ends/Saturday, March 5, 2022
Issued at HKT 14:50

NNNN
"""


def test_a_hong_kong_release_labels_its_officials_by_office_and_the_lead_names_them() -> None:
    """info.gov.hk transcripts label an official by their office alone, in title case, and
    every asker ``Reporter:``; the release's end (``Ends/…``, ``Issued at HKT``) is no speech."""
    t = parsed(HK_REMARKS)
    assert [turn.label for turn in t.turns] == [
        "Reporter", "Secretary for Security", "Reporter", "Chief Secretary for Administration"]
    tang, chan = speaker(t, "Chris Tang"), speaker(t, "Chan Kwok-ki")
    assert (tang.role, tang.kind, chan.role, chan.kind) == (
        "Secretary for Security", "official", "Chief Secretary for Administration", "official")
    assert speaker(t, "Reporter").kind == "reporter"
    assert [f.speaker for f in t.figures] == [t.turns[1].speaker]
    assert t.text[t.turns[-1].start:t.turns[-1].end].endswith("Thank you.")


@pytest.mark.parametrize("label", ["Key Points", "Chief Executive's Policy Address", "Transcript of Remarks",
                                   "Secretary for", "The Secretary", "CHIEF EXECUTIVE"])
def test_title_case_words_that_are_no_office_name_no_office(label: str) -> None:
    assert english_office(label) is None


def test_a_q_and_a_records_answers_are_the_spokesperson_its_title_names() -> None:
    t = parsed("Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on May 6, 2024\n\n"
               "Q: What is China's comment?\n\nA: China has stated its position.\n\n"
               "Q1: Another question?\n\nA1: No.\n")
    assert [t.speaker(turn.speaker).name for turn in t.turns] == ["Q", "Lin Jian", "Q", "Lin Jian"]
    lin = speaker(t, "Lin Jian")
    assert (lin.role, lin.kind, lin.turns) == ("Foreign Ministry Spokesperson", "official", 2)


@pytest.mark.parametrize("office", [
    "Secretary for Commerce and Economic Development", "Secretary for Home Affairs",
    "Secretary for Culture, Sports and Tourism", "Permanent Secretary for Food and Health (Health)",
    "Controller of the Centre for Health Protection", "Secretary for Financial Services and the Treasury",
])
def test_a_long_hong_kong_office_is_one_speaker_and_its_own_role(office: str) -> None:
    """Long offices passed the label's length, and ``Home Affairs`` was read as a name."""
    t = parsed(f"Reporter: Any update?\n\n{office}: We will handle it.\n\nReporter: And?\n")
    assert [turn.label for turn in t.turns] == ["Reporter", office, "Reporter"]
    official = t.speaker(t.turns[1].speaker)
    assert (official.name, official.role, official.kind) == (office, office, "official")


def test_an_english_records_attendance_headings_page_headers_and_pointer_are_no_speech() -> None:
    t = parsed("MEMBERS PRESENT:\n\nTHE HONOURABLE JAMES TO KUN-SUN\n\nPUBLIC OFFICERS ATTENDING:\n\n"
               "THE HONOURABLE JOHN LEE KA-CHIU, S.B.S., J.P. SECRETARY FOR SECURITY\n\n"
               "MR JAMES TO (in Cantonese): President, how many?\n\n"
               "SECRETARY FOR SECURITY (in Cantonese): President, 32 persons.\n\n"
               "LEGISLATIVE COUNCIL ― 26 June 2019 11720\n\nMR JAMES TO (in Cantonese): Thanks.\n\n"
               "(Please also refer to the Chinese portion of the transcript.)\n")
    assert [turn.label for turn in t.turns] == ["MR JAMES TO", "SECRETARY FOR SECURITY", "MR JAMES TO"]
    assert t.text[t.turns[1].start:t.turns[1].end].endswith("32 persons.")
    assert t.text.rstrip().endswith("Thanks.")


def test_a_bare_q_and_its_a_without_colons_are_markers() -> None:
    """The White House and the Pentagon write ``Q`` then spaces (often no-break); English
    外交部 pages ``Q …`` / ``A …``. ``A`` opens a turn only once a ``Q`` did."""
    t = parsed("MR. KIRBY:  Several hundred trucks went in.\n\n"
               "Q\u00a0\u00a0\u00a0 How many hostages were released?\n\n"
               "MR. KIRBY:  More than 100 hostages.\n")
    assert [turn.label for turn in t.turns] == ["MR. KIRBY", "Q", "MR. KIRBY"]
    assert speaker(t, "Q").kind == "reporter"
    t = parsed("Q Iranian military admitted it. What is China's comment?\nA We are deeply saddened.\n")
    assert [turn.label for turn in t.turns] == ["Q", "A"]
    assert parsed("A Chinese delegation will visit.\n\nQ is a letter.\n").turns == ()


def test_a_hard_wrapped_sentence_is_no_label_and_a_recordings_times_are_no_speech() -> None:
    t = parsed("MR. KIRBY:  And then we have all seen the terrible news coming out of\n"
               "Jerusalem: a deadly shooting attack there.\n\nThe President leads more than 50 countries.\n")
    assert [turn.label for turn in t.turns] == ["MR. KIRBY"]
    t = parsed("Matthew Miller (00:04):\n\nGood afternoon.\n\nMatt (00:09):\n\nAre you really?\n\n"
               "Boris Johnson: (06:02)\nGood afternoon.\n\n(00:12)\n\nThe United States is concerned.\n")
    assert [turn.label for turn in t.turns] == ["Matthew Miller", "Matt", "Boris Johnson"]
    assert "(00:12)" not in t.text and t.text.count("(06:02)") == 1  # in the marker, as written


def test_header_entries_with_a_lower_case_title_or_no_courtesy_title_are_no_turns() -> None:
    t = parsed("SCIO briefing\n\nSpeaker:\n\n"
               "Mr. Huang Shouhong, head of the government work report drafting team\n\nChairperson:\n\n"
               "Mr. Chen Wenjun, spokesperson of the SCIO\n\nChen Wenjun:\n\nWelcome.\n\n"
               "Huang Shouhong:\n\nHello.\n")
    assert [turn.label for turn in t.turns] == ["Chen Wenjun", "Huang Shouhong"]
    assert speaker(t, "Huang Shouhong").role == "head of the government work report drafting team"
    assert speaker(t, "Chen Wenjun").kind == "host"
    t = parsed("DoD News Briefing\n\nPresenter: Pentagon Press Secretary Geoff Morrell\n\nMR. MORRELL: Hi.\n")
    assert [turn.label for turn in t.turns] == ["MR. MORRELL"]


def test_bare_counts_of_a_hundred_or_more_are_figures() -> None:
    found = [f.text for f in find_figures("an increase of 674 fatalities; 2660 doctors and 6147 nurses; "
                                          "the 3 members; In 1990 students came; 12 ships")]
    assert found == ["674 fatalities", "2660 doctors", "6147 nurses"]
