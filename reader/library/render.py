"""Library results as text: the command line prints these, the window copies them.

Tab-separated output is one row per line with a header, every cell on one line and
guarded against running as a spreadsheet formula (``reader.export.figure_rows``); JSON is
the same fields, exactly as written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from reader.export.figure_rows import format_value, one_line, spreadsheet_cell
from reader.library.library import Context
from reader.library.records import CitedFigure, FigureHistory, Hit, SearchResult, SpeakerPage

HIT_COLUMNS = ("date", "title", "speaker", "role", "kind", "turn", "context", "path")
FIGURE_COLUMNS = ("date", "period", "indicator", "text", "value", "unit", "speaker", "flag", "title", "path",
                  "sentence")


def _tsv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["\t".join(header)]
    lines += ["\t".join(spreadsheet_cell(one_line(c)) for c in row) for row in rows]
    return "\n".join(lines) + "\n"


def _hit_fields(hit: Hit, context: Context | None) -> dict[str, object]:
    return {"date": hit.date or "", "title": hit.title, "speaker": hit.speaker or "", "role": hit.role or "",
            "kind": hit.kind or "lead", "turn": hit.turn, "context": context.text if context else "",
            "path": hit.path, "offset": context.offset if context else hit.start,
            "organization": hit.organization or "", "source": hit.source}


def search_tsv(result: SearchResult, contexts: Mapping[int, Context]) -> str:
    rows = [[str(_hit_fields(h, contexts.get(h.row))[c]) for c in HIT_COLUMNS] for h in result.hits]
    return _tsv(HIT_COLUMNS, rows)


def search_json(result: SearchResult, contexts: Mapping[int, Context]) -> str:
    return json.dumps({"terms": list(result.terms), "count": result.count, "page": result.page,
                       "more": result.more,
                       "hits": [_hit_fields(h, contexts.get(h.row)) for h in result.hits]},
                      ensure_ascii=False, indent=1)


def _figure_row(v: CitedFigure) -> list[str]:
    return [v.date or "", v.period or "", v.indicator, v.text, format_value(v.value), v.unit, v.speaker or "",
            "differs" if v.conflict else "", v.title, v.path, v.sentence]


def figures_tsv(values: Sequence[CitedFigure]) -> str:
    """Each value with its source and date, ready for a spreadsheet."""
    return _tsv(FIGURE_COLUMNS, [_figure_row(v) for v in values])


def figure_history_tsv(history: FigureHistory) -> str:
    return figures_tsv(history.values)


def figure_history_json(history: FigureHistory) -> str:
    return json.dumps({"indicator": history.indicator, "conflicts": history.conflicts,
                       "values": [dict(zip(FIGURE_COLUMNS, _figure_row(v), strict=True)) | {"value": v.value}
                                  for v in history.values]}, ensure_ascii=False, indent=1)


def speaker_text(page: SpeakerPage) -> str:
    """A speaker's page as plain text: who, how much, where, and what figures."""
    lines = [page.name + (f" ({', '.join(n for n in page.names if n != page.name)})"
                          if len(page.names) > 1 else ""),
             "roles: " + ("; ".join(page.roles) or "-"),
             f"briefings: {len(page.appearances)}  turns: {page.turns}  characters: {page.chars}"
             f"  share of speaking: {page.share:.1%}", "", "date\trole\tturns\tshare\ttitle\tpath"]
    for a in page.appearances:
        lines.append("\t".join([a.date or "", one_line(a.role), str(a.turns), f"{a.share:.1%}",
                                one_line(a.title), a.path]))
    if page.figures:
        lines += ["", "figures cited:", figures_tsv(page.figures).rstrip("\n")]
    return "\n".join(lines) + "\n"


def speaker_json(page: SpeakerPage) -> str:
    return json.dumps({
        "name": page.name, "names": list(page.names), "roles": list(page.roles), "turns": page.turns,
        "chars": page.chars, "share": round(page.share, 4),
        "briefings": [{"date": a.date, "title": a.title, "path": a.path, "role": a.role, "kind": a.kind,
                       "turns": a.turns, "chars": a.chars, "share": round(a.share, 4)}
                      for a in page.appearances],
        "figures": [dict(zip(FIGURE_COLUMNS, _figure_row(v), strict=True)) | {"value": v.value}
                    for v in page.figures],
    }, ensure_ascii=False, indent=1)
