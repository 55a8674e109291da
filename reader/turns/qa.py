"""Questions and their answers: each reporter turn with the turns that answer it.

An answer is any turn after a question and before the next question that is not the
host's (the host hands over; officials answer). Where only the host speaks between two
questions (a host who also answers), the host's turns are the answer.
"""

from __future__ import annotations

from collections.abc import Mapping

from reader.model import SpeakerKind
from reader.record_tables import QATable, TurnTable


def pair_questions(turns: TurnTable, kinds: Mapping[str, SpeakerKind]) -> QATable:
    """Pair each reporter turn with the answering turns that follow it."""
    pairs = QATable()
    question: int | None = None
    answers: list[int] = []
    hosts: list[int] = []

    def close() -> None:
        if question is not None:
            pairs.append(question, answers or hosts)

    indices = turns.indices
    for i in range(len(turns)):
        kind = kinds.get(turns.speaker_of(i), turns.kind_of(i))
        if kind == "reporter":
            close()
            question, answers, hosts = indices[i], [], []
        elif question is not None:
            (hosts if kind == "host" else answers).append(indices[i])
    close()
    return pairs
