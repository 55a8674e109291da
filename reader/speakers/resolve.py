"""Who is who in one document: the one place where a turn's speaker is decided.

A label alone (``reader.speakers.labels.parse_label``) says what it can: ``公安部副部长
杜航伟`` names 杜航伟 with a role, ``杜部长`` only a surname and a title, ``主持人`` only a
part. Within a document the rest is resolved, in this order:

1. a bare ``主持人：`` whose speech opens with a role and a name is that person;
2. ``杜部长`` is the one fully named speaker of that surname whose role holds that title;
3. a bare ``主持人`` is the document's one named host, if there is one;
4. a role-only label (``外交部发言人``) takes the name an introduction gives that role
   (``外交部发言人林剑主持例行记者会``), unless two names are given;
5. ``答`` is the one spokesperson the title or preamble introduces;
6. a name-only label takes the role an introduction gives it
   (``…公安部刑事侦查局局长刘忠义先生…``);
7. a short label joins the full one with the same name (``杜航伟`` is ``公安部副部长杜航伟``);
8. kinds come from the labels, then from the conversation (``reader.speakers.kinds``).

Everything here reads plain data (labels, the speech of each turn, the lead's text) and
returns plain data: the speakers and which of them speaks each turn.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from reader.model import Speaker, SpeakerKind
from reader.progress import checkpoint
from reader.speakers.addresses import (
    addresses_by_title,
    only_holder_of_title,
    only_person_of_surname,
    person_by_surname_and_title,
    person_introduced_by_title,
    titles_addressed,
)
from reader.speakers.english import (
    english_organization,
    english_roles_from_introductions,
    is_english_follow_up,
)
from reader.speakers.english_introductions import english_names_for_offices, english_spokesperson
from reader.speakers.introductions import (
    answerer_named_in_title,
    answering_spokesperson,
    chair_handed_to,
    host_introduced,
    host_named_in_speech,
    names_from_introductions,
    one_guest_introduced,
    roles_from_introductions,
)
from reader.speakers.kinds import TurnFacts, asks, decide_kinds, thanked_as_host
from reader.speakers.label_forms import GUEST_WORDS, addressed_to
from reader.speakers.label_words import ANSWER_LABELS, HOST_WORDS
from reader.speakers.labels import ParsedLabel, parse_label
from reader.speakers.names import NAME_THEN_TITLE, SPACES, analysis_form, is_person_name
from reader.speakers.roles import organization_of

#: How many of a turn's first paragraphs are read for introductions (``…请刘局长回答``).
INTRODUCING_PARAGRAPHS = 3
#: Labels of a follow-up question with no asker named: the last asker's.
FOLLOW_UP_LABELS = frozenset({"追问", "又问", "再问", "续问", "追问者", "记者追问"})
#: The turns whose speech may introduce the people a short label addresses (``陈局长``): a
#: host's opening (``今天我们请到了…局长陈大文``) and the first answers; not the whole document,
#: which would make each such label a scan of every turn.
OPENING_TURNS = 12


@dataclass(frozen=True, slots=True)
class LabelledSpeech:
    """What the speaker stage needs of one turn: its label as written and its paragraphs."""

    label: str
    paragraphs: Sequence[str]
    kind: SpeakerKind | None = None  # said by the turn's shape, not its label: wins over the label


@dataclass(frozen=True, slots=True)
class Cast:
    """The speakers of a document and who speaks each turn."""

    speakers: tuple[Speaker, ...]  # in order of first appearance, kinds and counts decided
    turn_speakers: tuple[str, ...]  # Speaker.id of each turn, in turn order

    def kinds(self) -> dict[str, SpeakerKind]:
        return {s.id: s.kind for s in self.speakers}


@dataclass(slots=True)
class _SpeakerDraft:
    id: str
    name: str
    role: str | None
    organization: str | None
    hint: SpeakerKind | None
    turns: int = 0
    chars: int = 0
    introduced: bool = False
    title: str | None = None  # a title written after the name (李卓人議員): the role if nothing says more


# Labels that say "the reporter" and nobody in particular.
BARE_REPORTER = frozenset({"记者", "本报记者", "本台记者", "本刊记者"})


def resolve_speakers(turns: Sequence[LabelledSpeech], lead_texts: Sequence[str]) -> Cast:
    """The speakers of ``turns``; ``lead_texts`` are the title and the paragraphs before the
    first turn, where a briefing introduces its people."""
    people = identify_people(turns, lead_texts)
    checkpoint(0.75)
    intro_texts = [*lead_texts, *(t for turn in turns for t in turn.paragraphs[:INTRODUCING_PARAGRAPHS])]
    intro_roles = roles_from_introductions(
        intro_texts,
        [p.name for p in people if p.role is None and is_person_name(analysis_form(p.name))],
    )
    latin = [p.name for p in people if p.role is None and p.kind in (None, "official", "host")]
    english_roles = english_roles_from_introductions(intro_texts, latin)
    intro_roles.update({name: role for name, role in english_roles.items() if name not in intro_roles})
    unroled = [p.name for p in people if p.role is None and p.kind in (None, "official")
               and p.name not in intro_roles and is_person_name(analysis_form(p.name))]
    if unroled:  # 邀請唐政委…: 唐鳳, the one speaker of that surname, is the 政委
        intro_roles.update(titles_addressed(intro_texts, unroled, [p.name for p in people]))
    by_key: dict[str, _SpeakerDraft] = {}
    turn_speakers: list[str] = []
    titles: dict[tuple[str, str], str | None] = {}
    checkpoint(0.8)
    for count, (turn, person) in enumerate(zip(turns, people, strict=True)):
        if not count % 1024:
            checkpoint(0.8 + 0.1 * count / len(turns))
        draft = _speaker_for(person, by_key, intro_roles)
        if draft.title is None and turn.label != draft.name:
            key = (turn.label, draft.name)
            if key not in titles:  # once per distinct label: a big file has a million turns
                titles[key] = title_after_name(turn.label, draft.name)
            draft.title = titles[key]
        draft.turns += 1
        draft.chars += sum(len(p) for p in turn.paragraphs)
        turn_speakers.append(draft.id)
    drafts = list(by_key.values())
    _hand_over_chairs(drafts, turns, turn_speakers)
    reporters = {d.id for d in drafts if d.hint == "reporter"}
    thanked = thanked_as_host(turns, turn_speakers, reporters)
    for draft in drafts:
        draft.hint = draft.hint or ("host" if draft.id in thanked else None)
    checkpoint(0.9)
    shapes = _TurnShapes(turn_speakers)  # per turn: who, how much they said, whether it asks
    for count, turn in enumerate(turns):
        if not count % 1024:
            checkpoint(0.9)
        shapes.add(sum(len(p) for p in turn.paragraphs), asks(turn.paragraphs))
    kinds = decide_kinds([(s.id, s.hint, s.role, s.introduced) for s in drafts], shapes)
    speakers = tuple(
        Speaker(s.id, s.name, s.role or s.title, s.organization, kinds[s.id], s.turns, s.chars)
        for s in drafts
    )
    return Cast(speakers, tuple(turn_speakers))


class _TurnShapes(Sequence[TurnFacts]):
    """What ``decide_kinds`` reads of each turn, in columns: a tuple per turn was 64 bytes,
    a sixth of the speaker stage's peak in a file of short turns."""

    def __init__(self, speakers: Sequence[str]) -> None:
        self._speakers = speakers
        self._chars = array("q")
        self._asks = bytearray()

    def add(self, chars: int, asks: bool) -> None:
        self._chars.append(chars)
        self._asks.append(asks)

    def __len__(self) -> int:
        return len(self._chars)

    @overload
    def __getitem__(self, index: int) -> TurnFacts: ...
    @overload
    def __getitem__(self, index: slice) -> list[TurnFacts]: ...

    def __getitem__(self, index: int | slice) -> TurnFacts | list[TurnFacts]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._speakers[index], self._chars[index], bool(self._asks[index])

    def __iter__(self) -> Iterator[TurnFacts]:
        return zip(self._speakers, self._chars, map(bool, self._asks), strict=True)


def _hand_over_chairs(drafts: list[_SpeakerDraft], turns: Sequence[LabelledSpeech],
                      turn_speakers: Sequence[str]) -> None:
    """A speaker who invites another to chair (``邀請丁午壽議員主持選舉``) hands the chair over:
    the one invited hosts from then on, and so did the inviter if they opened the event (a
    clerk opening a sitting). Only speakers no label placed are changed."""
    by_name = {analysis_form(d.name): d for d in drafts}
    by_id = {d.id: d for d in drafts}
    for count, (speaker, turn) in enumerate(zip(turn_speakers, turns, strict=True)):
        if not count % 1024:
            checkpoint(0.9)
        for paragraph in turn.paragraphs:
            if "主持" not in paragraph:
                continue
            for who in chair_handed_to(paragraph):
                invited = by_name.get(analysis_form(who))
                if invited is None or invited.id == speaker:
                    continue
                invited.hint = invited.hint or "host"
                inviter = by_id[speaker]
                if turn_speakers and turn_speakers[0] == speaker:
                    inviter.hint = inviter.hint or "host"


def _opening_speech(turns: Sequence[LabelledSpeech]) -> list[str]:
    """What the first turns say, where a host introduces who will answer (no lead then)."""
    return [t for turn in turns[:OPENING_TURNS] for t in turn.paragraphs[:INTRODUCING_PARAGRAPHS]]


def identify_people(turns: Sequence[LabelledSpeech], lead_texts: Sequence[str]) -> list[ParsedLabel]:
    """Per turn, the person its label names once the document's other labels and its
    introductions are taken into account (steps 1 to 5 of the module's list)."""
    people: list[ParsedLabel] = []
    asker: ParsedLabel | None = None  # who asked last: a bare 追问 is their follow-up
    for count, turn in enumerate(turns):
        if not count % 1024:
            checkpoint(0.6)
        person = parse_label(turn.label)
        if turn.kind is not None:
            person = dataclasses.replace(person, kind=turn.kind)
        follow_up = analysis_form(turn.label) in FOLLOW_UP_LABELS or is_english_follow_up(turn.label)
        if asker is not None and follow_up:
            person = asker  # 彭博社记者：… 毛宁：… 追问：… is 彭博社记者 again
        elif person.kind == "reporter" or (person.kind is None and asks(turn.paragraphs)):
            asker = person  # CNBC: …? is the asker a Follow-up: means, whatever its kind turns out
        people.append(person)
    for i, turn in enumerate(turns):
        person = people[i]
        if person.kind == "host" and person.role is None and turn.paragraphs:
            # 主持人：福建省委宣传部对外新闻处处长柯宜达 女士们、先生们…: who hosts opens the speech.
            opening = host_named_in_speech(turn.paragraphs[0])
            if opening is not None:
                people[i] = opening
    named_people = {p.name: p for p in people if p.role and p.name != p.role}
    by_initial: dict[str, list[ParsedLabel]] = {}
    for person in named_people.values():
        by_initial.setdefault(analysis_form(person.name)[:1], []).append(person)
    by_surname_and_title: dict[str, ParsedLabel | None] = {}
    introducing = [*lead_texts, *_opening_speech(turns)]  # where 林政委 / 王部长 are introduced
    checkpoint(0.65)
    for i, turn in enumerate(turns):
        # 杜部长： after (or before) 公安部副部长杜航伟： is 杜航伟 (only people of that surname are asked).
        person = people[i]
        if (person.role is not None and person.name == person.role) or addresses_by_title(turn.label):
            if turn.label not in by_surname_and_title:
                by_surname_and_title[turn.label] = person_by_surname_and_title(
                    turn.label, by_initial.get(analysis_form(turn.label)[:1], ())
                )
            same = by_surname_and_title[turn.label]
            if same is None:  # 林政委 after an introduction of 政治委员林國華, and no fuller label
                same = by_surname_and_title[turn.label] = person_introduced_by_title(turn.label, introducing)
            if same is None:  # 任总 after 任正非: the one speaker of that surname, named without a role
                same = by_surname_and_title[turn.label] = only_person_of_surname(turn.label, people)
            if same is None:  # 主席 after 立法會主席梁君彥議員: the one speaker holding that title
                holder = only_holder_of_title(turn.label, named_people.values())
                if holder is not None and person.kind == "host":
                    holder = dataclasses.replace(holder, kind="host")  # a chair's label: the chair hosts
                same = by_surname_and_title[turn.label] = holder
            if same is not None:
                people[i] = same
    hosts = {p.name: p for p in people if p.kind == "host" and p.role}
    if not hosts:
        introduced = host_introduced(lead_texts)  # 今天的发布会由国新办新闻局局长王五主持
        hosts = {introduced.name: introduced} if introduced is not None else {}
        # A spokesperson said to chair (由…新闻发言人朱凤莲主持) who then answers every question
        # is an official: the conversation decides (decide_kinds' rule 3), as for 外交部's.
        chairing_spokesperson = introduced is not None and "发言人" in analysis_form(introduced.role or "")
        for i, person in enumerate(people):
            if (introduced is not None and not chairing_spokesperson and person.name == introduced.name
                    and person.kind is None):
                people[i] = dataclasses.replace(person, kind="host")  # 寿小丽： is who hosts
    if len(hosts) == 1:
        # A bare 主持人： after 主持人（寿小丽）： or a host named in speech is that one host.
        (host,) = hosts.values()
        for i, person in enumerate(people):
            if person.kind == "host" and person.role is None and analysis_form(person.name) in HOST_WORDS:
                people[i] = host
    checkpoint(0.7)
    intro_texts = [*lead_texts, *(t for turn in turns for t in turn.paragraphs[:INTRODUCING_PARAGRAPHS])]
    role_only = [p.role for p in people if p.role and p.name == SPACES.sub("", p.role)]
    # The lead introduces; a speech may name others with the same title (主席田北俊議員).
    known = {analysis_form(p.name) for p in people if p.name != p.role}
    named = names_from_introductions(lead_texts, role_only, known)
    unnamed = [r for r in role_only if r not in named]
    named = {**names_from_introductions(intro_texts, unnamed, known), **named}
    # Secretary for Security: an English office the lead names the holder of.
    offices = [p.role for p in people if p.role and p.name == p.role and p.role.isascii()]
    named = {**english_names_for_offices(lead_texts, offices), **named}
    for i, person in enumerate(people):
        if person.role and person.name == person.role and person.role in named:
            people[i] = dataclasses.replace(person, name=named[person.role])
    bare = {analysis_form(p.name) for p in people if p.kind == "reporter" and p.role is None} & BARE_REPORTER
    if bare:
        # A bare 记者： the lead or a credit line names (记者吕绍刚采访整理): that one interviewer.
        interviewer = names_from_introductions(lead_texts, ["记者"], known).get("记者")
        for i, person in enumerate(people):
            if interviewer and person.role is None and analysis_form(person.name) in bare:
                people[i] = ParsedLabel(interviewer, person.name, person.organization, "reporter")
    if any(analysis_form(p.name) in GUEST_WORDS for p in people):
        # A bare 嘉宾： of an online interview: the one guest the lead or the host introduces.
        speaking = {analysis_form(p.name) for p in people}
        guest = one_guest_introduced(introducing, speaking)
        if guest is not None:
            for i, person in enumerate(people):
                if analysis_form(person.name) in GUEST_WORDS:
                    people[i] = guest
    spokesperson = answering_spokesperson(lead_texts) or english_spokesperson(lead_texts)
    # 问：/答： briefings: 答 is the one spokesperson the preamble introduces, or the one
    # person a ``…答…问`` title names.
    answerer = (ParsedLabel(spokesperson[0], spokesperson[1], organization_of(spokesperson[1]), "official")
                if spokesperson is not None else answerer_named_in_title(lead_texts))
    if answerer is None:
        answerer = _one_who_answers(people)
    addressee: ParsedLabel | None = None
    for i, (turn, person) in enumerate(zip(turns, people, strict=True)):
        if person.kind == "reporter":
            # 问（To李杰）：: the answer that follows is the addressee's.
            to = addressed_to(turn.label)
            addressee = ParsedLabel(to, None, None, "official") if to else None
        elif person.kind == "official" and analysis_form(person.name) in ANSWER_LABELS:
            if addressee is not None:
                people[i] = addressee
            elif answerer is not None:
                people[i] = answerer
            addressee = None
    return people


def _one_who_answers(people: Sequence[ParsedLabel]) -> ParsedLabel | None:
    """The bare ``答`` of a Q&A whose only other speaker is one named person (``任正非：`` opens,
    askers and ``答`` follow; ``任总`` addresses the same man): that person answers."""
    if not any(p.kind == "official" and analysis_form(p.name) in ANSWER_LABELS for p in people):
        return None
    others = [p for p in people if p.kind not in ("reporter", "host")
              and analysis_form(p.name) not in ANSWER_LABELS]
    names = {analysis_form(p.name) for p in others}
    if len(names) != 1 or not is_person_name(next(iter(names))):
        return None
    first = others[0]
    return ParsedLabel(first.name, first.role, first.organization, "official")


def title_after_name(label: str, name: str) -> str | None:
    """``李卓人議員``, ``杜航伟副部长``: the title written after the speaker's name, as written.

    Only a role when nothing better is known (an introduction, a fuller label): it names
    the post, not the body (副部长 of which ministry), so it never decides a kind either.
    """
    compact = SPACES.sub("", label)
    simple = analysis_form(compact)
    if len(simple) != len(compact):
        return None
    match = NAME_THEN_TITLE.match(simple)
    if match is None or compact[: match.end("name")] != name:
        return None
    return compact[match.start("title"):]


def _speaker_for(
    label: ParsedLabel, by_key: dict[str, _SpeakerDraft], intro_roles: dict[str, str]
) -> _SpeakerDraft:
    """The speaker a label names: a short label joins the full one with the same name."""
    key = label.name
    if key not in by_key:
        match = NAME_THEN_TITLE.match(key)
        if match and match.group("name") in by_key:
            key = match.group("name")
    existing = by_key.get(key)
    if existing is not None:
        if existing.role is None and label.role:
            existing.role, existing.organization = label.role, label.organization
        if existing.hint is None and label.kind:
            existing.hint = label.kind
        return existing
    role, org, introduced = label.role, label.organization, False
    if role is None and key in intro_roles:
        role, introduced = intro_roles[key], True
        org = english_organization(role) if role.isascii() else organization_of(role)
    draft = _SpeakerDraft(f"s{len(by_key) + 1}", label.name, role, org, label.kind, introduced=introduced)
    by_key[key] = draft
    return draft
