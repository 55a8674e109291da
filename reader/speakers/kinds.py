"""Each speaker's kind (host, official, reporter, other): from labels, then the conversation.

A label often tells (``主持人``, ``…记者``, ``问``, ``答``). Where it does not, the
conversation does: who opens and hands over to others, with a title that names a
spokesperson or a press office, hosts; who answers questions, or has a role, is an
official; anyone else is other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.model import SpeakerKind
from reader.speakers.names import analysis_form

HOST_ROLE_HINT = re.compile(r"发言人|新闻办|新闻局|新闻处|主持")

#: (Speaker.id, the kind its labels give or None, its role or None, introduced in the lead)
SpeakerFacts = tuple[str, SpeakerKind | None, str | None, bool]
#: (Speaker.id, characters spoken) per turn, in order
TurnFacts = tuple[str, int]


def answer_counts(turns: Sequence[TurnFacts], reporters: set[str]) -> dict[str, int]:
    """How many questions each speaker answered: of the turns between one question and the
    next, the speaker who said the most (a host's ``请…回答`` hand-over is short)."""
    counts: dict[str, int] = {}
    said: dict[str, int] = {}
    asked = False

    def credit() -> None:
        if asked and said:
            best = max(said, key=said.__getitem__)
            counts[best] = counts.get(best, 0) + 1

    for speaker, chars in turns:
        if speaker in reporters:
            credit()
            asked, said = True, {}
        elif asked:
            said[speaker] = said.get(speaker, 0) + chars
    credit()
    return counts


def decide_kinds(speakers: Sequence[SpeakerFacts], turns: Sequence[TurnFacts]) -> dict[str, SpeakerKind]:
    """Kinds from labels first, then from the conversation: who opens and hands over, who answers."""
    kinds: dict[str, SpeakerKind] = {}
    for speaker, hint, _role, _introduced in speakers:
        if hint:
            kinds[speaker] = hint
    reporters = {speaker for speaker, hint, _role, _introduced in speakers if hint == "reporter"}
    answered_after_question = answer_counts(turns, reporters)
    has_host = any(k == "host" for k in kinds.values())
    if not has_host and len(turns) >= 2:
        opener = turns[0][0]
        follower = turns[1][0]
        role = next(role for speaker, _hint, role, _introduced in speakers if speaker == opener)
        hands_over = follower != opener and follower not in reporters
        most_answers = max(answered_after_question.values(), default=0)
        if (opener not in kinds and hands_over and HOST_ROLE_HINT.search(analysis_form(role or ""))
                and answered_after_question.get(opener, 0) < max(1, most_answers)):
            kinds[opener] = "host"
    for speaker, _hint, role, introduced in speakers:
        if speaker in kinds:
            continue
        if role or introduced or answered_after_question.get(speaker):
            kinds[speaker] = "official"
        else:
            kinds[speaker] = "other"
    return kinds
