"""Figures cited in a transcript. Placeholder until the figure extractor lands (issue 3)."""

from __future__ import annotations

from reader.model import Figure, Transcript


def extract_figures(transcript: Transcript) -> tuple[Figure, ...]:
    """Every figure in ``transcript.text``; empty until the extractor is written."""
    return ()
