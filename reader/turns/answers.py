"""Answers written without their speaker's marker, given back to the one who answers.

News sites that tidy a briefing often keep the question's marker and drop the answer's:
``**問：松山機場的運量由誰承接？**`` and then ``蔣萬安表示，五楊高架…`` in the next
paragraph, with no ``蔣萬安：``. Read as written, the answer (and every figure in it) would be
the reporter's. So, in the shape of the text rather than in any one document:

- a turn whose label asks (``问``, ``記者``, an outlet) and whose first paragraphs end in a
  question, followed by a paragraph that does not ask, ends with the question;
- the paragraphs after it are an unmarked turn of the one who answers: the only speaker who
  answers in the document, or the speaker the answer opens with (``蔣萬安表示，…``), or the
  one spokesperson the title or preamble introduces; with none of them, the turn is left
  whole, as the page wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.speakers.introductions import answering_spokesperson
from reader.speakers.kinds import asks
from reader.speakers.labels import parse_label
from reader.speakers.markers import Marker
from reader.turns.split import TurnDraft

# ``蔣萬安表示，``, ``毛宁说：``: an answer that names its speaker as it opens.
NAMED_OPENING = re.compile(
    r"^([\u4e00-\u9fff·]{2,5}?)(?:表示|說|说|指出|回應|回应|說明|说明|回答|強調|强调|认为|認為)"
)


def split_unmarked_answers(drafts: Sequence[TurnDraft], lead_texts: Sequence[str]) -> list[TurnDraft]:
    """``drafts`` with each question's unmarked answer split off as its own turn."""
    if not any(parse_label(d.who).kind == "reporter" for d in drafts):
        return list(drafts)
    answerers = {parse_label(d.who).name for d in drafts
                 if parse_label(d.who).kind not in ("reporter", "host") and d.marker.label}
    spokesperson = answering_spokesperson(lead_texts)
    out: list[TurnDraft] = []
    for draft in drafts:
        cut = _answer_starts(draft) if parse_label(draft.who).kind == "reporter" else None
        if cut is None:
            out.append(draft)
            continue
        answer = draft.paragraphs[cut:]
        who = _answerer(answer[0], answerers, spokesperson)
        if who is None:
            out.append(draft)
            continue
        out.append(TurnDraft(draft.marker, draft.paragraphs[:cut], draft.speaker_label))
        out.append(TurnDraft(Marker("", "", 0, ()), list(answer), who))
    return out


def _answer_starts(draft: TurnDraft) -> int | None:
    """The paragraph where a question's turn turns into an answer, or None."""
    paragraphs = draft.paragraphs
    for k in range(1, len(paragraphs)):
        if asks(paragraphs[:k]) and not asks(paragraphs[k:k + 1]):
            return k
    return None


def _answerer(opening: str, answerers: set[str], spokesperson: tuple[str, str] | None) -> str | None:
    if len(answerers) == 1:
        return next(iter(answerers))
    named = NAMED_OPENING.match(opening)
    if named and (named.group(1) in answerers or not answerers):
        return named.group(1)
    if spokesperson is not None and not answerers:
        return spokesperson[0]
    return None
