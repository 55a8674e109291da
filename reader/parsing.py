"""The pipeline: bytes → text → blocks → turns and speakers → the ``Transcript`` model.

``parse_bytes`` does the work on bytes already in memory (most tests never touch the
disk); ``load`` reads a file without modifying or locking it and reports progress. The
layout of ``Transcript.text`` is documented in ``reader.model``: highlights heading and
highlight lines, then preamble paragraphs, then each turn's marker line and paragraphs,
joined by single newlines. Every span in the model is an offset into that text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader import figures as figure_extraction
from reader.decoding import decode_bytes
from reader.errors import Cancelled, UnreadableFileError
from reader.formats import Block, SourceDocument, read_document
from reader.formats.base import join_wrapped, line_text, normalize_date
from reader.model import Meta, Source, Span, Speaker, SpeakerKind, Transcript, Turn
from reader.progress import checkpoint, reporting
from reader.qa import pair_questions
from reader.speakers import (
    ANSWER_LABELS,
    HOST_WORDS,
    NAME_THEN_TITLE,
    SPACES,
    Marker,
    ParsedLabel,
    analysis_form,
    answering_spokesperson,
    find_marker,
    host_named_in_speech,
    is_person_name,
    looks_like_speaker,
    names_from_introductions,
    organization_of,
    parse_label,
    person_by_surname_and_title,
    roles_from_introductions,
    split_inline_turns,
    to_simplified,
)

Progress = Callable[[float], bool]

# A whole paragraph that is a metadata field (责任编辑：李昂, 【来源：国新网】): never speech.
METADATA_LINE = re.compile(
    r"^[（(【\[]?\s*(责任编辑|编辑|来源|文章来源|新闻来源|校对|审核|审校|监制|作者|稿件来源)\s*[：:]\s*"
    r"(?P<value>[^：:]{0,40}?)\s*[）)】\]]?$"
)
# The end mark news agencies put after a story: （完）, 【全文完】.
END_MARK = re.compile(r"^[（(【\[]?\s*(?:完|全文完|全文结束)\s*[）)】\]]?$")
# A dateline on its own (2024年12月3日（星期二）香港時間17時30分): when, not speech.
DATE_LINE = re.compile(
    r"^\d{4}年\d{1,2}月\d{1,2}日\s*(?:[（(]星期.[）)])?\s*(?:\S{2}[时時][间間])?\s*"
    r"(?:\d{1,2}\s*[时時:：]\s*\d{1,2}\s*分?)?$"
)
# A full date in a title (2012年11月16日…, …辑录(2023-04-26)); never 2019年1-2月份.
TITLE_DATE = re.compile(r"\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}(?!\d))")
# Page controls saved with the text as whole paragraphs (打印本页, 【我要纠错】, 分享到：).
PAGE_CONTROL = re.compile(
    r"^[【\[（(]?\s*(?:我要)?(?:纠错|打印|打印本页|关闭|关闭窗口|返回顶部|回到顶部|收藏|举报|"
    r"分享到[：:]?.{0,20}|扫一扫.{0,20}|字号[：:]?.{0,20}|【?大\s*中\s*小】?)\s*[】\]）)]?$"
)
# A dateline a page puts above the article, alone or with its source
# (``2019-03-14 12:28 来源: 中国网``, ``发布时间：2015-07-15``, ``（2015年7月15日）``).
DATE_ROW = re.compile(
    r"^[（(]?(?:(?:发布|发稿|更新)?(?:时间|日期)\s*[：:]\s*)?\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?[）)]?"
    r"(?:\s*[|｜]?\s*(?:来源|作者|编辑|责任编辑)\s*[：:][^：:。，]{0,40})?$"
)
# A photo caption's credit (``中国网 宗超 摄``, ``（新华社记者 陈晔华 摄）``) or a caption
# (``图为…``): the picture is not in the text, so neither is its caption.
PHOTO_CAPTION = re.compile(
    r"(?:(?:\s|记者)[\u4e00-\u9fff]{2,4}(?<!拍)\s*摄[）)]?$|^[（(]?摄影?\s*[：:]\s*[\u4e00-\u9fff]{2,4}[）)]?$|^[▲△↑]?\s*图为"
    r"|^[【\[（(]?(?:资料图|资料图片|图片来源[：:].{0,20})[】\]）)]?$)"
)
# A page's byline row: two or more fields (来源：国新网　时间：2023-03-02　作者：…).
METADATA_FIELD = re.compile(
    r"(?:^|\s)(?:来源|时间|发布时间|发布日期|日期|作者|编辑|责任编辑|字号|浏览次数|点击数|稿件来源|文章来源)\s*[：:]"
)
MAX_METADATA_ROW = 120
MAX_METADATA_LINES = 3
# A heading that introduces a list of key points before the transcript (发布会要点：, 划重点).
HIGHLIGHTS_HEADING = re.compile(
    r"^(?:发布会|新闻发布会|会议|本场|本次发布会|本期)?(?:核心|内容|重点)?"
    r"(?:要点|看点|亮点|摘要|提要|速览|划重点|核心观点|导读)(?:速览|一览|提示|摘要)?[：:]?$"
)
SENTENCE_END = ("。", "！", "？", ".")
MAX_HIGHLIGHT = 120
HOST_ROLE_HINT = re.compile(r"发言人|新闻办|新闻局|新闻处|主持")


@dataclass(slots=True)
class _Paragraph:
    text: str
    kind: str
    block: int


@dataclass(slots=True)
class _TurnDraft:
    marker: Marker
    paragraphs: list[str] = field(default_factory=list)


def load(path: str | os.PathLike[str], *, progress: Progress | None = None) -> Transcript:
    """Read and parse the transcript at ``path``; ``progress`` may cancel by returning False."""
    name = os.fspath(path)
    _report(progress, 0.0)
    held = [_read_bytes(name)]
    _report(progress, 0.2)
    return _parse_held(held, name, progress)


# Opening a named pipe nobody writes to would wait forever: open without blocking, then
# refuse anything that is not a regular file before reading it.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
# Parsing needs several times a file's size in memory: a file past this (a sparse or runaway
# file, not a transcript) is refused before it is read, not after it has filled the memory.
MAX_FILE_BYTES = 512 * 1024 * 1024


def _read_bytes(path: str) -> bytes:
    try:
        with open(os.open(path, _OPEN_FLAGS), "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableFileError(path, "is not a regular file (a pipe, socket or device)")
            if info.st_size > MAX_FILE_BYTES:
                raise UnreadableFileError(path, f"is too large to open ({info.st_size / 2**20:,.0f} MB; "
                                                f"the limit is {MAX_FILE_BYTES // 2**20} MB)")
            return handle.read()
    except FileNotFoundError as exc:
        raise UnreadableFileError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise UnreadableFileError(path, "is a directory, not a file") from exc
    except PermissionError as exc:
        raise UnreadableFileError(path, "permission denied") from exc
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be read ({exc.strerror or exc})") from exc


def _report(progress: Progress | None, fraction: float) -> None:
    if progress is not None and progress(fraction) is False:
        raise Cancelled()


def parse_bytes(data: bytes, path: str | None = None, *, progress: Progress | None = None) -> Transcript:
    """Parse a whole document given as bytes; ``path`` names it in the model and in errors."""
    return _parse_held([data], path, progress)


def _parse_held(held: list[bytes], path: str | None, progress: Progress | None) -> Transcript:
    """The pipeline, taking the bytes out of ``held`` so that, when the caller keeps no other
    reference (``load``), a 50 MB file's bytes are freed once decoded, before the HTML tree
    and the model are built: peak memory is what the bound on large files is about."""
    data = held.pop()
    digest = hashlib.sha256(data).hexdigest()
    decoded = decode_bytes(data, path)
    del data
    _report(progress, 0.4)
    stage = [0.4, 0.7]  # the current stage's share of the bar; checkpoints inside it report
    shown = [0.4]

    def report_inside(done: float) -> None:
        fraction = stage[0] + (stage[1] - stage[0]) * min(1.0, done)
        shown[0] = max(shown[0], fraction)  # forward only, whatever a reader reports
        _report(progress, shown[0])

    with reporting(report_inside):
        suffix = Path(path).suffix if path else ""
        doc = read_document(decoded.text, suffix)
        encoding, warnings = decoded.encoding, decoded.warnings
        del decoded
        _report(progress, 0.7)
        stage[:] = [0.7, 0.85]
        source = Source(path, digest, doc.format, encoding)
        transcript = build_transcript(doc, source, warnings=warnings)
        del doc
        _report(progress, 0.85)
        stage[:] = [0.85, 1.0]
        transcript = dataclasses.replace(transcript, figures=figure_extraction.extract_figures(transcript))
    _report(progress, 1.0)
    return transcript


def parse_text(text: str, suffix: str = ".txt") -> Transcript:
    """Parse text already in memory (tests, pasted text)."""
    doc = read_document(text, suffix)
    source = Source(None, hashlib.sha256(text.encode("utf-8")).hexdigest(), doc.format, "utf-8")
    transcript = build_transcript(doc, source)
    return dataclasses.replace(transcript, figures=figure_extraction.extract_figures(transcript))


# -- from blocks to the model ------------------------------------------------------------


def build_transcript(doc: SourceDocument, source: Source, warnings: tuple[str, ...] = ()) -> Transcript:
    """Turn a read document into the model (everything but figures)."""
    notes = [*warnings, *doc.warnings]
    meta, blocks = _take_metadata(doc.meta, doc.blocks)
    lead, drafts = _split_turns(blocks)
    heading, highlights, preamble = _split_lead(lead)
    builder = _TextBuilder()
    highlight_spans: list[Span] = []
    if heading is not None:
        builder.add(heading)
    for line in highlights:
        highlight_spans.append(builder.add(line))
    preamble_spans = [builder.add(p.text) for p in preamble]
    parsed = {id(d): parse_label(d.marker.label) for d in drafts}
    for d in drafts:
        if parsed[id(d)].kind == "host" and parsed[id(d)].role is None and d.paragraphs:
            # 主持人：福建省委宣传部对外新闻处处长柯宜达 女士们、先生们…: who hosts opens the speech.
            named = host_named_in_speech(d.paragraphs[0])
            if named is not None:
                parsed[id(d)] = named
    named_people = {p.name: p for p in parsed.values() if p.role and p.name != p.role}
    by_initial: dict[str, list[ParsedLabel]] = {}
    for person in named_people.values():
        by_initial.setdefault(analysis_form(person.name)[:1], []).append(person)
    surname_title_cache: dict[str, ParsedLabel | None] = {}
    for d in drafts:
        # 杜部长： after (or before) 公安部副部长杜航伟： is 杜航伟 (only people of that surname are asked).
        label = parsed[id(d)]
        if label.role is not None and label.name == label.role:
            if d.marker.label not in surname_title_cache:
                surname_title_cache[d.marker.label] = person_by_surname_and_title(
                    d.marker.label, by_initial.get(analysis_form(d.marker.label)[:1], ())
                )
            person = surname_title_cache[d.marker.label]
            if person is not None:
                parsed[id(d)] = person
    hosts = {label.name: label for label in parsed.values() if label.kind == "host" and label.role}
    if len(hosts) == 1:
        # A bare 主持人： after 主持人（寿小丽）： or a host named in speech is that one host.
        (host,) = hosts.values()
        for key, label in parsed.items():
            if label.kind == "host" and label.role is None and analysis_form(label.name) in HOST_WORDS:
                parsed[key] = host
    checkpoint(0.7)
    # The title introduces too: 2024年10月9日外交部发言人毛宁主持例行记者会.
    lead_texts = ([meta.title] if meta.title else []) + [p.text for p in preamble]
    intro_texts = lead_texts + [t for d in drafts for t in d.paragraphs[:3]]
    named = names_from_introductions(
        intro_texts, [p.role for p in parsed.values() if p.role and p.name == SPACES.sub("", p.role)]
    )
    for key, label in parsed.items():
        if label.role and label.name == label.role and label.role in named:
            parsed[key] = dataclasses.replace(label, name=named[label.role])
    spokesperson = answering_spokesperson(lead_texts)
    if spokesperson is not None:
        # 问：/答： briefings: 答 is the one spokesperson the preamble introduces.
        name, role = spokesperson
        for key, label in parsed.items():
            if label.kind == "official" and analysis_form(label.name) in ANSWER_LABELS:
                parsed[key] = ParsedLabel(name, role, organization_of(role), "official")
    intro_roles = roles_from_introductions(
        intro_texts,
        [p.name for p in parsed.values() if p.role is None and is_person_name(analysis_form(p.name))],
    )
    speakers_by_key: dict[str, _SpeakerDraft] = {}
    turns: list[Turn] = []
    checkpoint(0.8)
    for count, draft in enumerate(drafts):
        if not count % 1024:
            checkpoint(0.8 + 0.2 * count / len(drafts))
        label = parsed[id(draft)]
        speaker = _speaker_for(label, speakers_by_key, intro_roles)
        marker_span = builder.add(draft.marker.written)
        start = marker_span.start
        label_start = marker_span.start + draft.marker.label_offset
        spans = tuple(builder.add(text) for text in draft.paragraphs)
        end = spans[-1].end if spans else marker_span.end
        speaker.turn_indexes.append(len(turns))
        speaker.chars += sum(len(s) for s in spans)
        turns.append(Turn(
            index=len(turns), speaker=speaker.id, label=draft.marker.label, kind="other",
            start=start, end=end, label_span=Span(label_start, label_start + len(draft.marker.label)),
            paragraphs=spans,
        ))
    kinds = _decide_kinds(list(speakers_by_key.values()), turns)
    turns = [dataclasses.replace(t, kind=kinds[t.speaker]) for t in turns]
    speakers = tuple(
        Speaker(s.id, s.name, s.role, s.organization, kinds[s.id], len(s.turn_indexes), s.chars)
        for s in speakers_by_key.values()
    )
    silent = [t.label for t in turns if not t.paragraphs]
    if silent:
        shown = "、".join(silent[:5]) + ("…" if len(silent) > 5 else "")
        notes.append(f"{len(silent)} speaker marker(s) have no text after them: {shown}")
    if not blocks:
        notes.append("the document has no text")
    elif not turns:
        notes.append("no speaker markers were found: the document is shown as an article without turns")
    return Transcript(
        source=source, meta=meta, text=builder.text(), highlights=tuple(highlights),
        highlight_spans=tuple(highlight_spans), preamble=tuple(preamble_spans), speakers=speakers,
        turns=tuple(turns), qa=pair_questions(turns, kinds), warnings=tuple(notes),
    )


class _TextBuilder:
    """Appends paragraphs, one per line, and says where each landed."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.position = 0

    def add(self, text: str) -> Span:
        if self._parts:
            self.position += 1  # the newline before this paragraph
        start = self.position
        self._parts.append(text)
        self.position += len(text)
        return Span(start, self.position)

    def text(self) -> str:
        return "\n".join(self._parts)


def _take_metadata(meta: Meta, blocks: tuple[Block, ...]) -> tuple[Meta, list[Block]]:
    """Drop metadata paragraphs (责任编辑：…, datelines, page controls) from the text, keeping
    the editor, author and date in ``meta``."""
    kept: list[Block] = []
    editor, author, date = meta.editor, meta.author, meta.date
    for block in blocks:
        if len(block.lines) > MAX_METADATA_LINES:
            kept.append(block)
            continue
        written = "".join(line_text(line) for line in block.lines)
        if len(written) > MAX_METADATA_ROW:  # to_simplified keeps the length: test it first
            kept.append(block)
            continue
        row = to_simplified(written)  # the rules read simplified; values are taken as written
        match = METADATA_LINE.match(row) if len(block.lines) == 1 else None
        if match:
            value = written[match.start("value"):match.end("value")].strip() or None
            if match.group(1) in ("责任编辑", "编辑"):
                editor = editor or value
            elif match.group(1) == "作者":
                author = author or value
            continue
        if END_MARK.match(row) or PAGE_CONTROL.match(row):
            continue
        if len(METADATA_FIELD.findall(row)) >= 2:
            date = date or normalize_date(row)  # 来源：国新网　时间：2023-03-02: the page's date
            continue
        if DATE_LINE.match(row.replace(" ", "")) or DATE_ROW.match(row):
            date = date or normalize_date(row)
            continue
        if PHOTO_CAPTION.search(row):
            continue
        if block.kind == "heading" and meta.title and written == meta.title:
            continue  # the page repeats its title; the window shows it from meta
        kept.append(block)
    if date is None and meta.title:
        dated = TITLE_DATE.search(meta.title)  # 2024年10月9日外交部发言人毛宁主持例行记者会
        if dated:
            date = normalize_date(dated.group())
    return dataclasses.replace(meta, editor=editor, author=author, date=date), kept


def _split_turns(blocks: list[Block]) -> tuple[list[_Paragraph], list[_TurnDraft]]:
    """Paragraphs before the first marker, and the turns with their paragraphs."""
    lead: list[_Paragraph] = []
    drafts: list[_TurnDraft] = []
    known: set[str] = set()  # names used as labels so far; a plain label may repeat one
    for index, block in enumerate(blocks):
        if not index % 512:
            checkpoint(0.6 * index / len(blocks))  # most of the stage; the rest is quick
        new_paragraph = True
        for n, line in enumerate(block.lines):
            marker = find_marker(line, known)
            if marker is not None and block.kind == "heading" and not _heading_marker(marker):
                marker = None
            if marker is not None:
                speech, *following = split_inline_turns(marker)
                pieces = [(marker, speech)]
                for piece in following:
                    inline = find_marker(piece, known)
                    pieces.append((inline, piece) if inline is None else (inline, inline.rest))
                rest = ""
                for piece_marker, piece_speech in pieces:
                    if piece_marker is not None:
                        drafts.append(_TurnDraft(piece_marker))
                        known.add(parse_label(piece_marker.label).name)
                    rest = line_text(piece_speech)
                    if rest:
                        drafts[-1].paragraphs.append(rest)
                # Speech on the marker's line continues on the next line unless the source breaks it.
                new_paragraph = not rest
                continue
            text = line_text(line)
            if n > 0 and block.breaks[n - 1]:
                new_paragraph = True
            target = drafts[-1].paragraphs if drafts else None
            if target is None:
                if new_paragraph or not lead or lead[-1].block != index:
                    lead.append(_Paragraph(text, block.kind, index))
                else:
                    lead[-1].text = join_wrapped(lead[-1].text, text)
            elif new_paragraph or not target:
                target.append(text)
            else:
                target[-1] = join_wrapped(target[-1], text)
            new_paragraph = False
    return lead, drafts


def _heading_marker(marker: Marker) -> bool:
    """A heading is a marker only when it is nothing but a speaker label (``<h4>主持人：</h4>``);
    a title with a colon (``公安部：打击…``) is not."""
    return not marker.rest and looks_like_speaker(marker.label)


def _split_lead(lead: list[_Paragraph]) -> tuple[str | None, list[str], list[_Paragraph]]:
    """Key points (a 要点 heading and the short lines after it, in one style) and the preamble."""
    for i, para in enumerate(lead):
        heading = para.text.replace(" ", "").strip("【】[]〖〗")  # 【要点速览】 as well as 要点速览：
        if not HIGHLIGHTS_HEADING.match(heading) or i + 1 == len(lead):
            continue
        first = lead[i + 1]
        j = i + 1
        while j < len(lead) and _same_style(first, lead[j]):
            j += 1
        if j > i + 1:
            return para.text, [p.text for p in lead[i + 1:j]], lead[:i] + lead[j:]
    return None, [], lead


def _same_style(first: _Paragraph, para: _Paragraph) -> bool:
    """Key points share one style: the same block kind, short, and all ending a sentence or none."""
    if para.kind != first.kind or len(para.text) > MAX_HIGHLIGHT:
        return False
    return para.text.endswith(SENTENCE_END) == first.text.endswith(SENTENCE_END)


@dataclass(slots=True)
class _SpeakerDraft:
    id: str
    name: str
    role: str | None
    organization: str | None
    hint: SpeakerKind | None
    turn_indexes: list[int] = field(default_factory=list)
    chars: int = 0
    introduced: bool = False


def _speaker_for(
    label: ParsedLabel, by_key: dict[str, _SpeakerDraft], intro_roles: dict[str, str]
) -> _SpeakerDraft:
    """The speaker a label names: a short label joins the full one with the same name."""
    key = label.name
    if key not in by_key:
        match = NAME_THEN_TITLE.match(key)
        if match and match.group("name") in by_key:
            key = match.group("name")
    existing = by_key.get(key)
    if existing is not None:
        if existing.role is None and label.role:
            existing.role, existing.organization = label.role, label.organization
        if existing.hint is None and label.kind:
            existing.hint = label.kind
        return existing
    role, org, introduced = label.role, label.organization, False
    if role is None and key in intro_roles:
        role, org, introduced = intro_roles[key], organization_of(intro_roles[key]), True
    draft = _SpeakerDraft(f"s{len(by_key) + 1}", label.name, role, org, label.kind, introduced=introduced)
    by_key[key] = draft
    return draft


def _answer_counts(turns: list[Turn], reporters: set[str]) -> dict[str, int]:
    """How many questions each speaker answered: of the turns between one question and the
    next, the speaker who said the most (a host's ``请…回答`` hand-over is short)."""
    counts: dict[str, int] = {}
    said: dict[str, int] = {}
    asked = False

    def credit() -> None:
        if asked and said:
            best = max(said, key=said.__getitem__)
            counts[best] = counts.get(best, 0) + 1

    for turn in turns:
        if turn.speaker in reporters:
            credit()
            asked, said = True, {}
        elif asked:
            said[turn.speaker] = said.get(turn.speaker, 0) + sum(len(p) for p in turn.paragraphs)
    credit()
    return counts


def _decide_kinds(speakers: list[_SpeakerDraft], turns: list[Turn]) -> dict[str, SpeakerKind]:
    """Kinds from labels first, then from the conversation: who opens and hands over, who answers."""
    kinds: dict[str, SpeakerKind] = {}
    for s in speakers:
        if s.hint:
            kinds[s.id] = s.hint
    reporters = {s.id for s in speakers if s.hint == "reporter"}
    answered_after_question = _answer_counts(turns, reporters)
    has_host = any(k == "host" for k in kinds.values())
    if not has_host and len(turns) >= 2:
        opener = turns[0].speaker
        follower = turns[1].speaker
        draft = next(s for s in speakers if s.id == opener)
        hands_over = follower != opener and follower not in reporters
        most_answers = max(answered_after_question.values(), default=0)
        if (opener not in kinds and hands_over and HOST_ROLE_HINT.search(analysis_form(draft.role or ""))
                and answered_after_question.get(opener, 0) < max(1, most_answers)):
            kinds[opener] = "host"
    for s in speakers:
        if s.id in kinds:
            continue
        if s.role or s.introduced or answered_after_question.get(s.id):
            kinds[s.id] = "official"
        else:
            kinds[s.id] = "other"
    return kinds
