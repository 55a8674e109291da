"""Questions and their answers: each reporter turn with the turns that answer it.

An answer is any turn after a question and before the next question that is not the
host's (the host hands over; officials answer). Where only the host speaks between two
questions (a host who also answers), the host's turns are the answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.model import QAPair, SpeakerKind, Turn


def pair_questions(turns: Sequence[Turn], kinds: Mapping[str, SpeakerKind]) -> tuple[QAPair, ...]:
    """Pair each reporter turn with the answering turns that follow it."""
    pairs: list[QAPair] = []
    question: int | None = None
    answers: list[int] = []
    hosts: list[int] = []

    def close() -> None:
        if question is not None:
            pairs.append(QAPair(question, tuple(answers or hosts)))

    for turn in turns:
        kind = kinds.get(turn.speaker, turn.kind)
        if kind == "reporter":
            close()
            question, answers, hosts = turn.index, [], []
        elif question is not None:
            (hosts if kind == "host" else answers).append(turn.index)
    close()
    return tuple(pairs)
