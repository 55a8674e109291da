"""English renderings of Chinese turns, as bilingual pages print them, kept with the turn.

外交部 and some ministries publish each turn twice: ``汪文斌：今天我没有要发布的消息。``, then
``Wang Wenbin: I have no announcement to make today.``; ``法新社记者：…``, then ``AFP: …``.
Read as markers, the English lines made a second speaker of every person (``Wang Wenbin``
beside ``汪文斌``, ``AFP`` beside ``法新社记者``) and split every answer in two, so the
spokesperson seemed to hand over to herself and was taken for a host.

An English turn is the rendering of the Chinese turn before it when its label is in Latin
script, its speech is mostly Latin letters, and it asks when the Chinese turn asks (an
English question after a Chinese answer is a new turn). Only a page where one speaker's
pair of labels (``汪文斌`` and ``Wang Wenbin``) comes back at least twice is bilingual: a
forum where Tim Cook speaks once after 李稻葵 is not. Then each rendering becomes
paragraphs of the turn it renders, its marker line kept as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.speakers.kinds import asks
from reader.turns.split import TurnDraft

#: How often one pair of labels (汪文斌, Wang Wenbin) must come back before a page's English
#: turns are read as renderings at all.
MIN_PAIRS = 2


def _letters_and_hanzi(paragraphs: Sequence[str]) -> tuple[int, int]:
    letters = hanzi = 0
    for text in paragraphs:
        for ch in text:
            if ch.isascii():
                letters += ch.isalpha()
            elif "\u3400" <= ch <= "\u9fff":
                hanzi += 1
    return letters, hanzi


def _in_english(draft: TurnDraft) -> bool:
    if not draft.marker.label or not draft.marker.label.isascii() or not draft.paragraphs:
        return False
    letters, hanzi = _letters_and_hanzi(draft.paragraphs)
    return letters > 2 * hanzi and letters >= 8


def _in_chinese(draft: TurnDraft) -> bool:
    letters, hanzi = _letters_and_hanzi(draft.paragraphs)
    return hanzi > letters


def fold_renderings(drafts: list[TurnDraft]) -> list[TurnDraft]:
    """``drafts`` with each English rendering folded into the Chinese turn it renders."""
    renders = [
        i > 0 and _in_english(draft) and _in_chinese(drafts[i - 1])
        and asks(draft.paragraphs) == asks(drafts[i - 1].paragraphs)
        for i, draft in enumerate(drafts)
    ]
    pairs = Counter((drafts[i - 1].marker.label, draft.marker.label)
                    for i, draft in enumerate(drafts) if renders[i])
    if not pairs or max(pairs.values()) < MIN_PAIRS:
        return drafts
    out: list[TurnDraft] = []
    for draft, rendering in zip(drafts, renders, strict=True):
        if not rendering:
            out.append(draft)
            continue
        first, *rest = draft.paragraphs
        out[-1].paragraphs.extend([f"{draft.marker.written} {first}", *rest])
    return out
