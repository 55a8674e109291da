"""Figures cited in a transcript: found, normalized, attributed and related.

Journalists quote these numbers with attribution, so a figure must be exactly what was
said (``Figure.text`` is a slice of the transcript, qualifiers included), worth what it
says (``近4万人`` is 40000 people, "near"), and carry who said it in which sentence.
The scan (:mod:`reader.figures.scan`) finds figures in plain text; this attributes each to
its turn, speaker and sentence and relates them (:mod:`reader.figures.relations`).
"""

from __future__ import annotations

import bisect
from array import array

from reader.draining import drain
from reader.figures.relations import Sentences, group_citations, link_changes
from reader.figures.scan import FoundFigure, find_in_folded
from reader.model import Figure, Transcript
from reader.progress import checkpoint
from reader.record_tables import OFFSETS, FigureTable
from reader.text.fold import fold_for_scanning


def extract_figures(transcript: Transcript) -> FigureTable:
    """Every figure in ``transcript.text``, attributed and related, in text order.

    Numbers in a speaker marker (the label line) and in a picture's caption are not
    figures: nobody cites them. Figures in the highlights or preamble have no turn and no
    speaker.
    """
    text = transcript.text
    folded = fold_for_scanning(text)
    found = []
    # Per figure: the turn table's row it stands in, -1 for none. An array rather than a
    # tuple per figure (48 bytes, a tenth of the stage's peak in a file of short turns).
    positions = array(OFFSETS)
    table = transcript.turns
    captions = transcript.captions
    caption_starts = [span.start for span in captions]
    for count, fig in enumerate(find_in_folded(text, folded)):
        if not count % 4096:
            checkpoint(0.6)
        if captions:
            at = bisect.bisect_right(caption_starts, fig.start) - 1
            if at >= 0 and captions[at].contains(fig.start):
                continue
        position = transcript.turn_index_at(fig.start)  # from the turn table's columns: no Turn made
        if position is not None and table.label_starts[position] <= fig.start < table.label_ends[position]:
            continue
        found.append(fig)
        positions.append(-1 if position is None else position)
    if any(fig.english for fig in found):
        found, positions = _without_renderings(found, positions)
    # Sentence ends are not folded, so one set of bounds serves both texts.
    checkpoint(0.6)
    sentences = Sentences(text)
    changes = link_changes(folded, found, sentences)
    checkpoint(0.8)
    same = group_citations(folded, found, sentences)
    checkpoint(0.9)
    figures = FigureTable(text)
    total = len(found)
    # Drained, so that each figure found is freed as its row is added: the two side by side
    # were the figure stage's peak in a file of short turns.
    for count, (fig, position, (change_of, direction), same_as) in enumerate(
            zip(drain(found), positions, drain(changes), same, strict=True)):
        if not count % 4096:
            checkpoint(0.9 + 0.1 * count / total)
        span = sentences.sentence_span(fig.start, fig.end)
        figures.append(Figure(
            text=fig.text, value=fig.value, unit=fig.unit, qualifier=fig.qualifier,
            start=fig.start, end=fig.end,
            turn=None if position < 0 else table.indices[position],
            speaker=None if position < 0 else table.speaker_of(position),
            sentence=text[span[0]:span[1]], value_to=fig.value_to, change_of=change_of,
            direction=direction, same_as=same_as, family=fig.family,
        ), span)
    return figures


def _in_english(written: str) -> bool:
    """A figure the Chinese rules read whose words are English (``About US$300 billion``)."""
    return written.isascii() and any(ch.isalpha() for ch in written)


def _without_renderings(found: list[FoundFigure],
                        positions: array[int]) -> tuple[list[FoundFigure], array[int]]:
    """Without the English figures that render a figure of their turn: a bilingual page's
    ``7.1 percent`` or ``2.3 trillion yuan`` after ``7.1%`` or ``2.3万亿元`` in the same turn
    (``reader.turns.interpretation`` keeps the English rendering in the turn it renders). A
    figure of the same value but another family (``3 percent`` beside ``3个百分点``) stays."""
    english = [fig.english or _in_english(fig.text) for fig in found]
    rows = list(zip(found, positions, english, strict=True))
    chinese = {(position, fig.value, fig.family) for fig, position, en in rows if not en and position >= 0}
    kept = [i for i, (fig, position, en) in enumerate(rows)
            if not (en and (position, fig.value, fig.family) in chinese)]
    if len(kept) == len(found):
        return found, positions
    return [found[i] for i in kept], array(OFFSETS, (positions[i] for i in kept))
