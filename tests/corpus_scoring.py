"""Scoring an export against a hand-written gold file: turns, roster, figures.

The rules are those of ``shared/tools/score.py`` (the project's own scorer), as functions,
with a turn F1 added: a gold turn counts as right when a turn of the export starts with its
words (white space ignored, in order) and names the same speaker and kind; precision is
over the export's turns, recall over the gold's. Figures are matched by location (a gold
figure's context located in the text), counted within the gold's ``figure_scope``
paragraphs when it gives them, and ``figures_optional`` are neither right nor wrong.

Run ``python tests/corpus_scoring.py`` for the per-document table (the README shows it).
"""

from __future__ import annotations

import bisect
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "corpus"
SPACE = set(" \t\r\n\u3000\u00a0\u2002\u2003\u200b\ufeff")


def squeeze(s: str) -> tuple[str, list[int]]:
    """The text without white space, and per kept character its index in ``s``."""
    keep, where = [], []
    for i, ch in enumerate(s):
        if ch in SPACE or unicodedata.category(ch) == "Zs":
            continue
        keep.append(ch)
        where.append(i)
    return "".join(keep), where


@dataclass
class Score:
    name: str
    category: str
    gold_turns: int = 0
    export_turns: int = 0
    turns_right: int = 0
    roster: int = 0
    roster_total: int = 0
    figures_tp: int = 0
    figures_fp: int = 0
    figures_gold: int = 0
    values_right: int = 0
    not_figures_reported: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def turn_precision(self) -> float:
        return self.turns_right / self.export_turns if self.export_turns else float(self.gold_turns == 0)

    @property
    def turn_recall(self) -> float:
        return self.turns_right / self.gold_turns if self.gold_turns else float(self.export_turns == 0)

    @property
    def turn_f1(self) -> float:
        p, r = self.turn_precision, self.turn_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def figure_precision(self) -> float:
        counted = self.figures_tp + self.figures_fp
        return self.figures_tp / counted if counted else 1.0

    @property
    def figure_recall(self) -> float:
        return self.figures_tp / self.figures_gold if self.figures_gold else 1.0


def score(export: dict[str, Any], gold: dict[str, Any], name: str = "") -> Score:
    """How well ``export`` (``transcript_to_dict``) matches ``gold``."""
    result = Score(name, gold.get("category", ""))
    text = export["text"]
    sq, where = squeeze(text)
    speakers = {s["id"]: s for s in export["speakers"]}

    def speaker_name(sid: str | None) -> str | None:
        s = speakers.get(sid or "")
        return None if s is None else s.get("name")

    # -- turns: in order, by their first words
    gold_turns = gold.get("turns", [])
    turns = export["turns"]
    firsts = []
    for t in turns:
        paras = t.get("paragraphs") or [{"start": t["start"], "end": t["end"]}]
        a = bisect.bisect_left(where, paras[0]["start"])
        b = bisect.bisect_left(where, paras[0]["end"])
        firsts.append(sq[a:b])
    result.gold_turns, result.export_turns = len(gold_turns), len(turns)
    j = 0
    for g in gold_turns:
        want, _ = squeeze(g["starts_with"])
        k = j
        while k < len(firsts) and not firsts[k].startswith(want):
            k += 1
        if k == len(firsts):
            result.notes.append(f"turn missing: {g.get('label')}: {g['starts_with']}")
            continue
        t = turns[k]
        names = {speaker_name(t.get("speaker")), t.get("label")}
        kind = t.get("kind") or speakers.get(t.get("speaker"), {}).get("kind")
        if g.get("speaker") in names and kind == g.get("kind"):
            result.turns_right += 1
        else:
            result.notes.append(f"turn {k} ({t.get('label')}): speaker {sorted(n for n in names if n)} "
                                f"kind {kind}; gold {g.get('speaker')} {g.get('kind')}")
        j = k + 1

    # -- roster: name, role and kind
    result.roster_total = len(gold.get("speakers", []))
    for g in gold.get("speakers", []):
        hit = [s for s in export["speakers"] if s.get("name") == g["name"]]
        role_right = hit and (g.get("role") is None or hit[0].get("role") == g.get("role"))
        if role_right and hit[0].get("kind") == g.get("kind"):
            result.roster += 1
        else:
            result.notes.append(f"speaker {g['name']} role={g.get('role')} kind={g.get('kind')}: got "
                                f"{[(s.get('role'), s.get('kind')) for s in hit] or 'nothing'}")

    # -- figures, matched by location
    def locate(item: dict[str, Any]) -> tuple[int, int] | None:
        ctx, _ = squeeze(item["context"])
        t, _ = squeeze(item["text"])
        i = sq.find(ctx)
        if i < 0:
            return None
        off = ctx.find(t)
        return (i + off, i + off + len(t))

    spans = []
    for f in export["figures"]:
        spans.append((bisect.bisect_left(where, f["start"]), bisect.bisect_left(where, f["end"])))

    def overlapping(span: tuple[int, int]) -> list[int]:
        return [i for i, (x, y) in enumerate(spans) if x < span[1] and span[0] < y]

    used: set[int] = set()
    result.figures_gold = len(gold.get("figures", []))
    for g in gold.get("figures", []):
        span = locate(g)
        if span is None:
            result.notes.append(f"gold figure not in the text: {g['text']} ({g['context']})")
            continue
        hits = [i for i in overlapping(span) if i not in used]
        if not hits:
            result.notes.append(f"missed figure {g['text']} …{g['context']}…")
            continue
        i = hits[0]
        used.add(i)
        result.figures_tp += 1
        f = export["figures"][i]
        gv = float(g["value"])
        ok = (abs(float(f.get("value", float("nan"))) - gv) <= 1e-6 * max(1.0, abs(gv))
              and f.get("unit") == g.get("unit") and f.get("qualifier") == g.get("qualifier"))
        if ok:
            result.values_right += 1
        else:
            got = f"{f.get('value')} {f.get('unit')!r} {f.get('qualifier')!r}"
            want = f"{g['value']} {g.get('unit')!r} {g.get('qualifier')!r}"
            result.notes.append(f"figure {f['text']}: {got}; gold {want}")
    optional: set[int] = set()
    for o in gold.get("figures_optional", []):
        span = locate(o)
        if span:
            optional.update(overlapping(span))
    for o in gold.get("not_figures", []):
        span = locate(o)
        if span:
            for i in overlapping(span):
                result.not_figures_reported += 1
                reported = export["figures"][i]["text"]
                result.notes.append(f"not a figure, but reported: {reported} …{o['context']}…")
    scope = None
    if gold.get("figure_scope"):
        scope = []
        for s in gold["figure_scope"]:
            start, _ = squeeze(s["starts_with"])
            i = sq.find(start)
            if i >= 0:
                scope.append((i, i + len(squeeze(s.get("paragraph", s["starts_with"]))[0])))
    counted = [i for i in range(len(spans)) if i not in optional]
    if scope is not None:
        counted = [i for i in counted if any(a <= spans[i][0] < b for a, b in scope)]
    extra = [i for i in counted if i not in used]
    result.figures_fp = len(extra)
    for i in extra:
        f = export["figures"][i]
        x, y = spans[i]
        result.notes.append(f"extra figure {f['text']} …{sq[max(0, x - 10):y + 4]}…")
    return result


def documents() -> list[Path]:
    """Every corpus document that has a gold file beside it."""
    return sorted(p for p in CORPUS.iterdir() if not p.name.endswith(".json") and (
        p.parent / (p.name + ".gold.json")).exists())


def score_document(path: Path) -> Score:
    sys.path.insert(0, str(CORPUS.parent.parent))
    from reader.export.document import transcript_to_dict
    from reader.pipeline import load

    gold = json.loads((path.parent / (path.name + ".gold.json")).read_text(encoding="utf-8"))
    return score(transcript_to_dict(load(path)), gold, path.name)


@dataclass
class Totals:
    scores: list[Score]

    def _mean(self, values: list[float]) -> float:
        return sum(values) / len(values) if values else 1.0

    @property
    def turn_f1(self) -> float:
        return self._mean([s.turn_f1 for s in self.scores if s.category != "negative"])

    @property
    def figure_precision(self) -> float:
        tp = sum(s.figures_tp for s in self.scores)
        return tp / max(1, tp + sum(s.figures_fp for s in self.scores))

    @property
    def figure_recall(self) -> float:
        return sum(s.figures_tp for s in self.scores) / max(1, sum(s.figures_gold for s in self.scores))

    @property
    def negative_turns(self) -> int:
        return sum(s.export_turns for s in self.scores if s.category == "negative")


def table(scores: list[Score]) -> str:
    """The per-document table, in Markdown."""
    header = ("document", "category", "turns (gold / read / right)", "turn F1", "roster", "figures P",
              "figures R")
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for s in scores:
        rows.append(f"| {s.name} | {s.category} | {s.gold_turns} / {s.export_turns} / {s.turns_right} | "
                    f"{s.turn_f1:.2f} | {s.roster}/{s.roster_total} | {s.figure_precision:.2f} | "
                    f"{s.figure_recall:.2f} |")
    totals = Totals(scores)
    rows.append(f"| **all {len(scores)}** | | | **{totals.turn_f1:.3f}** (mean) | | "
                f"**{totals.figure_precision:.3f}** | **{totals.figure_recall:.3f}** |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    """``corpus_scoring.py [--notes] [NAME…]``: the table, and with --notes what went wrong."""
    show_notes = "--notes" in argv
    names = [a for a in argv if not a.startswith("--")]
    scores = [score_document(p) for p in documents() if not names or any(n in p.name for n in names)]
    print(table(scores))
    if show_notes:
        for s in scores:
            if s.notes:
                print(f"\n## {s.name}")
                print("\n".join(f"- {n}" for n in s.notes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
