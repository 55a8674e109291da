"""Each speaker's kind (host, official, reporter, other): from labels, then the conversation.

A label often tells (``主持人``, ``…记者``, ``问``, ``答``, an outlet before a name). Where
it does not, the conversation does:

1. who asks: a speaker most of whose turns end in a question (``…？``, ``…吗？谢谢。``) or
   open with ``请问``, and whom someone else answers, asks;
2. of the askers, the one who opens the event, before a panel of two or more who answer
   (a forum's moderator, a talk show's anchor), hosts; the others are reporters;
3. who opens and hands over to others, with a title naming a spokesperson or a press
   office, hosts (a 新闻发言人 who chairs a briefing); so does whom the next speaker thanks
   as 主持人 (``谢谢主持人``), when they opened or are thanked so twice (``thanked_as_host``);
4. who answers questions, or has a role, or was introduced, is an official; anyone else is
   other;
5. guests of the same standing share a kind: when a host or questioner gives the floor to
   several speakers and one of them is an official, those of the others who say more than
   a hand-over are officials too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from typing import Protocol

from reader.model import SpeakerKind
from reader.speakers.names import analysis_form

HOST_ROLE_HINT = re.compile(r"发言人|新闻办|新闻局|新闻处|主持|\bspokes(?:person|man|woman)\b|\bpress\b"
                            r"|\binformation office\b|\bSCIO\b|\bchairperson\b|\bmoderator\b", re.IGNORECASE)
# The end of a question: a question mark, perhaps then thanks or a closing quote or bracket.
QUESTION_END = re.compile(
    r"[？?][”」』）)\s]*(?:(?:谢谢|謝謝|多谢|谢谢您|谢谢你|thanks|thank you)[。！!.\s]*)?$", re.IGNORECASE
)
QUESTION_OPENING = re.compile(r"^(?:请问|請問|我想问|我想問|我的问题是|我的問題是|想请问|想請問)")
MIN_ASKING_SHARE = 0.5
ANSWER_SHARE = 0.25  # of the longest answer to one question: another answer, not a hand-over
MIN_ANSWER_CHARS = 40  # a hand-over (请李忠回答。) is shorter than any second answer
MIN_PANEL = 2  # answerers after a moderator's questions that make a panel

#: (Speaker.id, the kind its labels give or None, its role or None, introduced in the lead)
SpeakerFacts = tuple[str, SpeakerKind | None, str | None, bool]
#: (Speaker.id, characters spoken, the turn asks a question) per turn, in order
TurnFacts = tuple[str, int, bool]


def asks(paragraphs: Sequence[str]) -> bool:
    """Does a turn ask: its last words a question, or its first a ``请问``?"""
    if not paragraphs:
        return False
    return bool(QUESTION_END.search(paragraphs[-1].strip()) or QUESTION_OPENING.match(paragraphs[0].strip()))


def answer_counts(turns: Sequence[TurnFacts], askers: set[str]) -> dict[str, int]:
    """How many questions each speaker answered: of the turns between one question and the
    next, whoever said a good part of what was said (a host's ``请…回答`` hand-over is short;
    two guests of a panel who both answer both count)."""
    counts: dict[str, int] = {}
    said: dict[str, int] = {}
    asked = False

    def credit() -> None:
        if asked and said:
            most = max(said.values())
            for speaker, chars in said.items():
                if chars == most or chars >= max(most * ANSWER_SHARE, MIN_ANSWER_CHARS):
                    counts[speaker] = counts.get(speaker, 0) + 1

    for speaker, chars, _asks in turns:
        if speaker in askers:
            credit()
            asked, said = True, {}
        elif asked:
            said[speaker] = said.get(speaker, 0) + chars
    credit()
    return counts


def _askers(speakers: Sequence[SpeakerFacts], turns: Sequence[TurnFacts]) -> set[str]:
    """Speakers with no kind from their labels whose turns are mostly questions that someone
    else answers (the next turn is another speaker's)."""
    hinted = {speaker for speaker, hint, _role, _introduced in speakers if hint}
    asked: dict[str, int] = {}
    answered: dict[str, int] = {}
    total: dict[str, int] = {}
    for i, (speaker, _chars, question) in enumerate(turns):
        total[speaker] = total.get(speaker, 0) + 1
        if question:
            asked[speaker] = asked.get(speaker, 0) + 1
            if i + 1 < len(turns) and turns[i + 1][0] != speaker:
                answered[speaker] = answered.get(speaker, 0) + 1
    return {speaker for speaker, count in asked.items()
            if speaker not in hinted and answered.get(speaker) and count >= total[speaker] * MIN_ASKING_SHARE}


def decide_kinds(speakers: Sequence[SpeakerFacts], turns: Sequence[TurnFacts]) -> dict[str, SpeakerKind]:
    """Kinds from labels first, then from the conversation (the module's list, in order)."""
    kinds: dict[str, SpeakerKind] = {}
    for speaker, hint, _role, _introduced in speakers:
        if hint:
            kinds[speaker] = hint
    reporters = {speaker for speaker, hint, _role, _introduced in speakers if hint == "reporter"}
    askers = _askers(speakers, turns)
    answered_after_question = answer_counts(turns, reporters | askers)
    if askers and turns and turns[0][0] in askers:
        opener = turns[0][0]
        panel = {s for s in answered_after_question if s not in askers and s not in reporters}
        if len(panel) >= MIN_PANEL and not any(k == "host" for k in kinds.values()):
            kinds[opener] = "host"  # a moderator's questions to a panel
    for speaker in askers:
        kinds.setdefault(speaker, "reporter")
    has_host = any(k == "host" for k in kinds.values())
    if not has_host and len(turns) >= 2:
        opener = turns[0][0]
        follower = turns[1][0]
        role = next(role for speaker, _hint, role, _introduced in speakers if speaker == opener)
        hands_over = follower != opener and follower not in reporters
        most_answers = max(answered_after_question.values(), default=0)
        # The role as written too: analysis_form drops the spaces an English role's words need.
        hinted = HOST_ROLE_HINT.search(role or "") or HOST_ROLE_HINT.search(analysis_form(role or ""))
        if (opener not in kinds and hands_over and hinted
                and answered_after_question.get(opener, 0) < max(1, most_answers)):
            kinds[opener] = "host"
    for speaker, _hint, role, introduced in speakers:
        if speaker in kinds:
            continue
        if role or introduced or answered_after_question.get(speaker):
            kinds[speaker] = "official"
        else:
            kinds[speaker] = "other"
    _same_standing(kinds, {speaker for speaker, hint, _role, _introduced in speakers if hint}, turns)
    return kinds


def _same_standing(kinds: dict[str, SpeakerKind], hinted: set[str], turns: Sequence[TurnFacts]) -> None:
    """Rule 5: the guests a host or a questioner gives the floor to are of one standing.

    A panel's guest with a title is an official; one the host did not introduce, answering
    the same questions, is too (not "other"). Only speakers no label placed are changed,
    and only towards official, when one of the guests is one.
    """
    guests: dict[str, int] = {}
    for before, (speaker, chars, _asks) in itertools.pairwise(turns):
        if speaker not in hinted and before[0] != speaker and kinds.get(before[0]) in ("host", "reporter"):
            guests[speaker] = guests.get(speaker, 0) + chars
    if any(kinds.get(g) == "official" for g in guests):
        for guest, chars in guests.items():
            if kinds.get(guest) == "other" and chars >= MIN_ANSWER_CHARS:
                kinds[guest] = "official"


# How a host hands the floor over: ``首先请宁吉喆局长介绍情况``, ``下面请…``, ``有请…``.
HANDS_OVER = re.compile(
    r"(?:请|請)[^。！？]{1,30}(?:介绍|介紹|发布|發布|讲话|講話|致辞|致辭|回答|答|发言|發言|说明|說明)"
    r"|有请|有請|下面请|下面請"
)

# How a speaker thanks or greets the host they answer: ``谢谢主持人``, ``感谢主持人``, ``主持人好``.
THANKS_THE_HOST = re.compile(r"^\s*(?:谢谢|謝謝|感谢|感謝|多谢|多謝)?\s*主持人(?:好|，|,|。|！|的|$)"
                             r"|^\s*(?:谢谢|謝謝|感谢|感謝|多谢|多謝)主持人")


class Spoken(Protocol):
    """A turn as the kinds read it: its paragraphs."""

    @property
    def paragraphs(self) -> Sequence[str]: ...


def thanked_as_host(turns: Sequence[Spoken], turn_speakers: Sequence[str],
                    askers: Collection[str]) -> set[str]:
    """Who hands the floor to a guest (``郭卫民：…首先请宁吉喆局长介绍情况。``) whom the guest
    thanks as 主持人 (``宁吉喆：谢谢主持人。``), when they opened the event or did so twice: a
    host the page names by name alone. A reporter's ``谢谢主持人`` after an answer thanks
    someone else."""
    thanked: dict[str, int] = {}
    for i in range(1, len(turns)):
        opening = turns[i].paragraphs[:1]
        if not opening or not THANKS_THE_HOST.match(opening[0]):
            continue  # nearly every turn: an anchored match, before the hand-over is searched
        previous, closing = turn_speakers[i - 1], turns[i - 1].paragraphs[-1:]
        if (previous != turn_speakers[i] and turn_speakers[i] not in askers
                and closing and HANDS_OVER.search(closing[0])):
            thanked[previous] = thanked.get(previous, 0) + 1
    opener = turn_speakers[0] if turn_speakers else None
    return {who for who, count in thanked.items() if count >= 2 or who == opener}
