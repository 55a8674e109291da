"""Everything the metrics panel shows that costs a pass over the whole transcript.

Computed once per document, on any thread: the window computes it on the loader's worker
next to the parser, so showing a multi-megabyte transcript never spends the GUI thread's
time counting characters (on 3 MB the summary and the speaking share alone took 0.12 s).
The panel computes it itself when it is not given one (small documents, tests).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.metrics.series import (
    DensitySeries,
    SpeakerShare,
    Summary,
    changes_of,
    citation_counts,
    family_counts,
    figure_density,
    speaking_share,
    summarize,
)
from reader.model import Transcript


@dataclass(frozen=True, slots=True)
class PanelFacts:
    """The panel's whole-document numbers for one transcript."""

    transcript: Transcript  # the one they describe: facts for another document are ignored
    summary: Summary
    shares: tuple[SpeakerShare, ...]
    density: DensitySeries
    family_counts: dict[str, int]
    citations: tuple[int, ...]  # per figure: times the same figure is cited
    changes: tuple[tuple[int, ...], ...]  # per figure: the figures that change it


def panel_facts(transcript: Transcript) -> PanelFacts:
    """One pass of each metric; family series stay on demand (one family is shown at a time)."""
    summary = summarize(transcript)
    return PanelFacts(
        transcript=transcript,
        summary=summary,
        shares=speaking_share(transcript, summary.measure),
        density=figure_density(transcript),
        family_counts=family_counts(transcript),
        citations=citation_counts(transcript),
        changes=changes_of(transcript),
    )
