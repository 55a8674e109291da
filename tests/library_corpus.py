"""A generated library of briefings: realistic transcripts made by varying the bundled sample
and the test corpus, for the library's tests (50 documents) and benchmark (10,000, ~1 GB).

Each document is a Markdown file with YAML front matter and an HTML body, as the sample is:
a lead paragraph, the host's opening, an official's introduction, then reporters' questions
and officials' answers. The paragraphs come from the sample and from every corpus document
(so the vocabulary is wider than one briefing's), the digits in them are varied, the
officials' names are drawn from a pool where a few people speak often (speaker pages), a
few people change role over the years (华春莹 as 发言人, later 部长助理), some documents are
in traditional characters (names met across scripts), and the intro cites the month's
社会消费品零售总额 and its 同比增长, now and then with a value that contradicts another
briefing's for the same month (figure history flags it). Deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "anti-fraud-press-conference-2022-04-14.md"
CORPUS = REPO / "tests" / "corpus"

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁"
            "潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
            "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉林春红建文斌宁莹宇浩凯健俊帆鑫波华亮"
#: People who recur, with the role each holds before and after a year (speaker pages).
REGULARS = (
    ("华春莹", "外交部发言人", "外交部部长助理", 2022),
    ("毛宁", "外交部发言人", "外交部发言人", 0),
    ("汪文斌", "外交部发言人", "外交部发言人", 0),
    ("付凌晖", "国家统计局新闻发言人", "国家统计局新闻发言人、国民经济综合统计司司长", 2021),
)
ORGANIZATIONS = ("公安部", "外交部", "国家统计局", "工业和信息化部", "人民银行", "商务部", "国家发展改革委",
                 "最高人民法院", "最高人民检察院", "生态环境部", "交通运输部", "农业农村部")
TITLES = ("副部长", "新闻发言人", "司长", "局长", "负责人", "副主任", "总工程师")
OUTLETS = ("中央广播电视总台央视", "新华社", "人民日报", "北京青年报", "中国日报", "路透社", "彭博社",
           "第一财经", "凤凰卫视", "澎湃新闻", "香港经济导报", "红星新闻", "21世纪经济报道", "法新社")
TOPICS = ("打击治理电信网络诈骗", "国民经济运行情况", "例行记者会", "外贸形势", "台湾问题", "稳就业",
          "消费市场", "生态环境保护", "交通运输发展", "粮食生产")
DIGITS = re.compile(r"\d+")
TRADITIONAL_SHARE = 0.04
CONTRADICTION_EVERY = 25  # every 25th briefing contradicts the one before it
CORPUS_COPY_SHARE = 0.06


@dataclass(frozen=True)
class Person:
    name: str
    role: str

    def label(self) -> str:
        return f"{self.role}{self.name}"


@lru_cache(maxsize=1)
def _paragraph_pool() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(statements, questions): Chinese paragraphs of the sample and the corpus, as parsed."""
    from reader.pipeline import load

    statements: list[str] = []
    questions: list[str] = []
    paths = [SAMPLE, *sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".html", ".txt"))]
    for path in paths:
        transcript = load(path)
        for line in transcript.text.split("\n"):
            line = line.strip()
            if len(line) < 20 or line.endswith(("：", ":")):
                continue
            hanzi = sum(1 for c in line if "\u4e00" <= c <= "\u9fff")
            if hanzi < len(line) * 0.6:
                continue
            (questions if line.endswith(("？", "?")) else statements).append(line)
    return tuple(statements), tuple(questions)


def _name_pool(rng: random.Random, size: int = 400) -> list[str]:
    names: set[str] = set()
    while len(names) < size:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        names.add(rng.choice(SURNAMES) + given)
    return sorted(names)


@lru_cache(maxsize=4)
def _people(seed: int) -> tuple[Person, ...]:
    rng = random.Random(seed)
    people = []
    for name in _name_pool(rng):
        org = rng.choice(ORGANIZATIONS)
        people.append(Person(name, org + rng.choice(TITLES)))
    return tuple(people)


def _vary_digits(text: str, rng: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        n = len(m.group())
        if n >= 4 and m.group().startswith(("19", "20")):  # a year: keep it a plausible year
            return m.group()
        first = str(rng.randint(1, 9)) if n > 1 else str(rng.randint(0, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))

    return DIGITS.sub(one, text)


def _retail(year: int, month: int, rng: random.Random, contradict: bool) -> tuple[str, str]:
    """The month's 社会消费品零售总额 (亿元) and 同比增长 (%), smooth over time, sometimes contradicted."""
    k = (year - 2016) * 12 + month
    value = 25000 + 120 * k + (k * 37 % 11) * 90
    growth = 4.0 + 3.0 * ((k * 7) % 10) / 10
    if contradict:
        growth += rng.choice((-1.2, 0.9, 1.5))
    return f"{value}", f"{growth:.1f}"


def _p(text: str) -> str:
    return f"<p>　　{html.escape(text, quote=False)}</p>"


def _marker(label: str) -> str:
    return f"<p>　　<strong>{html.escape(label, quote=False)}：</strong></p>"


def _traditional(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2t").convert(text))


def _person_for(rng: random.Random, people: tuple[Person, ...], year: int) -> Person:
    if rng.random() < 0.25:
        name, before, after, since = rng.choice(REGULARS)
        return Person(name, after if since and year >= since else before)
    index = min(int(rng.paretovariate(1.2)) - 1, len(people) - 1)  # a few people speak often
    return people[(index * 7919) % len(people)] if index else people[rng.randrange(len(people))]


def _date(index: int, seed: int) -> dt.date:
    days = random.Random(seed * 7_000_003 + index).randrange(365 * 10)
    return dt.date(2016, 1, 1) + dt.timedelta(days=days)


def _reported_month(date: dt.date) -> tuple[int, int]:
    """A briefing reports the month before its own."""
    return (date.year, date.month - 1) if date.month > 1 else (date.year - 1, 12)


def briefing(index: int, seed: int = 0, target_bytes: int = 100_000) -> tuple[str, str]:
    """(file name, content) of the ``index``-th generated briefing."""
    rng = random.Random(seed * 1_000_003 + index)
    statements, questions = _paragraph_pool()
    date = _date(index, seed)
    people = _people(seed)
    host = _person_for(rng, people, date.year)
    officials = [_person_for(rng, people, date.year) for _ in range(rng.randint(1, 4))]
    topic = rng.choice(TOPICS)
    org = rng.choice(ORGANIZATIONS)
    title = f"{org}举行新闻发布会：{topic}（{date.year}年{date.month}月{date.day}日）"
    contradict = index % CONTRADICTION_EVERY == CONTRADICTION_EVERY - 1
    # A contradicting briefing cites the previous briefing's month, with another growth rate.
    year, month = _reported_month(_date(index - 1, seed) if contradict else date)
    value, growth = _retail(year, month, rng, contradict)
    body = [
        _p(f"{date.year}年{date.month}月{date.day}日上午10时，{org}举行新闻发布会，"
           f"请{officials[0].label()}介绍{topic}有关情况，并答记者问。"),
        _marker(host.label()),
        _p("各位媒体朋友们，大家上午好。欢迎出席今天的新闻发布会。"),
        _p(f"下面，先请{officials[0].name}先生作介绍。"),
        _marker(officials[0].label()),
        _p(f"{year}年{month}月份，社会消费品零售总额{value}亿元，同比增长{growth}%。"),
    ]
    body += [_p(_vary_digits(rng.choice(statements), rng)) for _ in range(rng.randint(3, 8))]
    body += [_marker(host.name), _p("下面开始提问。")]
    size = sum(len(b) for b in body) * 3
    while size < target_bytes:
        outlet = rng.choice(OUTLETS)
        answer = rng.choice(officials)
        exchange = [_marker(f"{outlet}记者"), _p(_vary_digits(rng.choice(questions), rng)),
                    _marker(answer.label() if rng.random() < 0.3 else answer.name)]
        exchange += [_p(_vary_digits(rng.choice(statements), rng)) for _ in range(rng.randint(1, 6))]
        size += sum(len(e.encode("utf-8")) for e in exchange)
        body += exchange
    body += [_marker(host.name), _p("今天的发布会到此结束，谢谢大家。")]
    front = (f"---\ntitle: '{title}'\ncategories:\n - 新闻发布会\n - {org}\nauthor: {org}\n"
             f"date: {date.isoformat()}T10:00:00+08:00\n---\n\n<div>\n")
    text = front + "\n".join(body) + "\n</div>\n"
    if rng.random() < TRADITIONAL_SHARE:
        text = _traditional(text)
    return f"{date.isoformat()}-briefing-{index:05d}.md", text


def _corpus_copy(index: int, seed: int) -> tuple[str, str]:
    """A corpus document with its digits varied (its own format: HTML, plain text, Markdown)."""
    rng = random.Random(seed * 1_000_003 + index)
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".html", ".txt"))
    path = rng.choice(paths)
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".md" and text.startswith("---"):
        end = text.index("\n---", 3)
        text = text[:end] + _vary_digits(text[end:], rng)
    return f"corpus-{index:05d}-{path.name}", text


def generate(count: int, seed: int = 0, target_bytes: int = 100_000) -> Iterator[tuple[str, str]]:
    """(relative path, content) of ``count`` documents, in folders by year."""
    for index in range(count):
        rng = random.Random(seed * 7 + index)
        if rng.random() < CORPUS_COPY_SHARE:
            name, text = _corpus_copy(index, seed)
            yield f"other/{name}", text
        else:
            name, text = briefing(index, seed, target_bytes)
            yield f"{name[:4]}/{name}", text


def write_library(folder: Path, count: int, seed: int = 0, target_bytes: int = 100_000) -> list[Path]:
    """Write ``count`` documents under ``folder``; returns their paths."""
    paths = []
    for relative, text in generate(count, seed, target_bytes):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


SPECIAL = """---
title: '特殊字符的发布会'
date: 2030-01-02
author: 测试来源
---

<p>　　<strong>主持人：</strong></p>
<p>　　今天讨论“引号”和"直引号"、星号*号、NEAR 这个词、减号a-b、冒号key:value，
以及 OR AND NOT ( ) ^ 等符号，还有 ") OR (" 这样的注入。</p>
<p>　　<strong>新华社记者：</strong></p>
<p>　　请问诈骗案件的情况？</p>
"""


def write_special(folder: Path) -> Path:
    """A briefing of FTS5 syntax characters (searched as text), dated after every generated one."""
    path = folder / "special" / "2030-01-02-special.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SPECIAL, encoding="utf-8")
    return path
