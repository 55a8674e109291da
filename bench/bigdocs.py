"""Realistic big documents: a year of briefings in one file, as Markdown, plain text or HTML.

Issue 12 measures the reader on files of 5, 50 and 500 MB (and a 100 MB HTML page), so
the benchmarks and the large-document tests need such files without storing them. Each
file here is many briefings one after another, each with its own date, host, officials
(introduced by title, then named alone), reporters from varied outlets, and answers whose
sentences carry varied figures (amounts, percentages, counts, points). Names and numbers
change from briefing to briefing, so neither the parser nor the search meets one repeated
slab. ``short=True`` writes the issue's stress case instead: plain text of very short
turns (200,000 of them in about 6.3 MB).

Files are written in slices (a 500 MB file never sits in memory) and kept in
``generated_dir()`` (``TRANSCRIPT_READER_BENCH_DIR`` or ``/tmp/transcript-reader-bench``)
under a name holding their parameters and the generator's version, so a second run
reuses them.

    .venv/bin/python bench/bigdocs.py --format markdown --size-mb 50   # prints the path
"""

from __future__ import annotations

import argparse
import os
import random
from collections.abc import Iterator
from pathlib import Path

VERSION = 1  # bump when the output changes: cached files of another version are not reused
FORMATS = ("markdown", "text", "html")
SUFFIXES = {"markdown": ".md", "text": ".txt", "html": ".html"}
INDENT = "\u3000\u3000"
SLICE_BYTES = 1 << 20

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "明华强军平伟芳敏静丽涛杰斌超勇艳娟霞刚英志建国文红玉兰海波宁晖峰磊鹏飞晓燕林洁琳"
    "颖雪梅佳欣航宇凯浩然子轩思远博"
)
MINISTRIES = (
    "国家统计局", "国家发展改革委", "财政部", "商务部", "工业和信息化部", "公安部", "教育部",
    "人力资源社会保障部",
    "生态环境部", "交通运输部", "农业农村部", "国家卫生健康委", "中国人民银行", "国家外汇管理局", "海关总署",
    "国家税务总局", "市场监管总局", "国家能源局", "国家医保局", "应急管理部", "住房城乡建设部", "水利部",
)
TITLES = ("副局长", "副部长", "司长", "副司长", "新闻发言人", "总经济师", "副主任", "局长", "总工程师")
OUTLETS = (
    "新华社记者", "人民日报记者", "中央广播电视总台央视记者", "中国日报记者", "经济日报记者", "光明日报记者",
    "中新社记者", "第一财经记者", "澎湃新闻记者", "路透社记者", "彭博社记者", "法新社记者", "凤凰卫视记者",
    "香港中评社记者", "21世纪经济报道记者", "中国青年报记者", "南方都市报记者", "财新记者",
)
TOPICS = (
    "稳就业", "扩大内需", "乡村振兴", "科技创新", "对外开放", "营商环境", "民生保障", "能源安全", "粮食安全",
    "防范化解风险", "绿色低碳", "数字经济", "区域协调发展", "电信网络诈骗治理", "安全生产", "医疗保障",
)
PLAIN = (
    "各地区各部门认真贯彻落实党中央决策部署，扎实推进{topic}各项工作。",
    "我们将继续加强监测分析，及时研判形势变化，确保{topic}政策落地见效。",
    "下一步，我们将坚持问题导向，进一步完善{topic}工作机制，推动高质量发展。",
    "在这个过程中，有关部门密切配合，形成了工作合力。",
    "这些成绩的取得来之不易，凝聚了方方面面的心血和汗水。",
    "同时也要看到，当前外部环境依然复杂严峻，困难和挑战不容忽视。",
    "我们坚持稳中求进工作总基调，统筹发展和安全，保持政策连续性稳定性。",
    "各地结合实际创造性开展工作，涌现出一批可复制可推广的典型经验。",
    "对群众反映强烈的突出问题，我们坚持立行立改，动真碰硬抓好整改。",
    "总的来看，{topic}工作取得了阶段性成效，但与群众期待相比还有差距。",
)
FIGURES = (
    "全年共完成固定资产投资{a}.{b}万亿元，同比增长{p}.{q}%。",
    "截至{m}月底，已累计帮助近{n}万名群众解决实际困难。",
    "全国共查处相关案件{a}.{b}万起，挽回经济损失{n}亿元。",
    "重点领域投资占比提高{q}.{b}个百分点，达到{p}成以上。",
    "前{m}个月，{topic}相关支出达到{n}亿元，比上年同期增加{p}.{q}%。",
    "今年已新建项目{n}个，带动就业约{a}{b}万人。",
    "{m}月份，有关指标同比下降{q}.{b}%，降幅比上月收窄{b}个百分点。",
    "共发放补贴资金{a}{b}{q}亿元，惠及{n}万户家庭。",
)
QUESTIONS = (
    "请问在{topic}方面，下一步还有哪些具体举措？谢谢。",
    "刚才您提到{topic}，能否介绍一下今年的进展和成效？",
    "我的问题是关于{topic}的。外界关注相关政策的力度，请问如何评价？谢谢。",
    "请问{topic}工作目前面临哪些困难，有什么应对办法？",
)

SHORT_QUESTIONS = ("请问进展如何？", "下一步有何考虑？", "请介绍一下情况。", "具体数据是多少？")


def generated_dir() -> Path:
    return Path(os.environ.get("TRANSCRIPT_READER_BENCH_DIR", "/tmp/transcript-reader-bench"))


class _Briefings:
    """An endless run of made-up briefings, in the words of :func:`write_document`'s formats."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = 0

    def name(self) -> str:
        rng = self.rng
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))

    def sentence(self, template: str, topic: str) -> str:
        rng = self.rng
        return template.format(topic=topic, a=rng.randrange(1, 99), b=rng.randrange(0, 10),
                               p=rng.randrange(1, 40), q=rng.randrange(0, 10), m=rng.randrange(2, 12),
                               n=rng.randrange(2, 9999))

    def paragraph(self, topic: str) -> str:
        rng = self.rng
        sentences = [self.sentence(rng.choice(PLAIN), topic) for _ in range(rng.randrange(2, 6))]
        for _ in range(rng.choice((0, 1, 1, 2))):
            sentences.insert(rng.randrange(len(sentences) + 1), self.sentence(rng.choice(FIGURES), topic))
        return "".join(sentences)

    def briefing(self) -> tuple[str, list[tuple[str, list[str]]]]:
        """A title and its turns, each (label, paragraphs)."""
        rng = self.rng
        self.count += 1
        ministry = rng.choice(MINISTRIES)
        year, month, day = 2015 + self.count % 10, rng.randrange(1, 13), rng.randrange(1, 29)
        topic = rng.choice(TOPICS)
        title = f"{year}年{month}月{day}日{ministry}新闻发布会实录（第{self.count}场）"
        officials = [(self.name(), ministry + rng.choice(TITLES)) for _ in range(rng.randrange(1, 4))]
        host = rng.choice(("主持人", f"{ministry}新闻发言人{self.name()}"))
        intro = "、".join(f"{role}{name}先生" for name, role in officials)
        turns: list[tuple[str, list[str]]] = [
            (host, [f"女士们，先生们，上午好。今天我们请到了{intro}，"
                    f"介绍{topic}有关情况，并回答大家关心的问题。"]),
        ]
        introduced: set[str] = set()
        for _ in range(rng.randrange(4, 14)):
            name, role = rng.choice(officials)
            label = name if name in introduced else role + name
            introduced.add(name)
            turns.append((label, [self.paragraph(topic) for _ in range(rng.randrange(1, 5))]))
            turns.append(("主持人", ["下面请记者朋友提问。"]) if rng.random() < 0.3 else
                         (rng.choice(OUTLETS), [self.sentence(rng.choice(QUESTIONS), topic)]))
        turns.append(("主持人", ["今天的发布会到此结束，谢谢大家。"]))
        return title, turns

    def short_turns(self) -> list[tuple[str, str]]:
        """Forty very short exchanges (the issue's 200,000-turn stress case)."""
        rng = self.rng
        official = self.name()
        out = []
        for i in range(40):
            if i % 2 == 0:
                out.append(("记者", rng.choice(SHORT_QUESTIONS)))
            else:
                out.append((official, f"增长{rng.randrange(1, 30)}%。"))
        return out


def _markdown(title: str, turns: list[tuple[str, list[str]]]) -> str:
    lines = [f"## {title}", ""]
    for label, paragraphs in turns:
        lines.append(f"**{label}：** {paragraphs[0]}")
        lines.append("")
        for paragraph in paragraphs[1:]:
            lines += [paragraph, ""]
    return "\n".join(lines) + "\n"


def _text(title: str, turns: list[tuple[str, list[str]]]) -> str:
    lines = [title, ""]
    for label, paragraphs in turns:
        lines.append(f"{label}：{paragraphs[0]}")
        lines.append("")
        for paragraph in paragraphs[1:]:
            lines += [paragraph, ""]
    return "\n".join(lines) + "\n"


def _html(title: str, turns: list[tuple[str, list[str]]]) -> str:
    parts = [f'<h2 class="title">{title}</h2>']
    for label, paragraphs in turns:
        parts.append(f"<p>{INDENT}<strong>{label}：</strong>{paragraphs[0]}</p>")
        parts.extend(f"<p>{INDENT}{paragraph}</p>" for paragraph in paragraphs[1:])
    return "\n".join(parts) + "\n"


HEADS = {
    "markdown": "---\ntitle: '一年的新闻发布会实录（汇编）'\ndate: 2024-12-31 10:00:00\nauthor: 汇编\n"
                "categories:\n - 新闻\n - 实录\n---\n\n",
    "text": "一年的新闻发布会实录汇编\n\n",
    "html": '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>一年的新闻发布会实录（汇编）</title>'
            '<style>p{margin:0}</style><script>var tracker = 1;</script></head>\n<body>\n'
            '<div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a></div>\n'
            '<div class="article">\n',
}
TAILS = {"markdown": "", "text": "", "html": "</div>\n<div class=\"footer\">版权所有</div>\n</body></html>\n"}
WRITERS = {"markdown": _markdown, "text": _text, "html": _html}


def _chunks(fmt: str, seed: int, short: bool) -> Iterator[str]:
    briefings = _Briefings(seed)
    if short:
        while True:
            yield "".join(f"{label}：{speech}\n" for label, speech in briefings.short_turns())
    write = WRITERS[fmt]
    while True:
        yield write(*briefings.briefing())


def write_document(path: Path, size_bytes: int, fmt: str = "markdown", seed: int = 12,
                   short: bool = False) -> Path:
    """Write about ``size_bytes`` (never less) of briefings in ``fmt`` to ``path``."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    if short and fmt != "text":
        raise ValueError("short turns are written as plain text")
    head, tail = HEADS[fmt].encode("utf-8"), TAILS[fmt].encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(path.suffix + ".part")
    with temp.open("wb") as out:
        out.write(head)
        written = len(head) + len(tail)
        pending: list[str] = []
        pending_bytes = 0
        for chunk in _chunks(fmt, seed, short):
            data = chunk.encode("utf-8")
            pending.append(chunk)
            pending_bytes += len(data)
            if pending_bytes >= SLICE_BYTES or written + pending_bytes >= size_bytes:
                out.write("".join(pending).encode("utf-8"))
                written += pending_bytes
                pending, pending_bytes = [], 0
                if written >= size_bytes:
                    break
        out.write(tail)
    os.replace(temp, path)
    return path


def generated(fmt: str, size_mb: float, short: bool = False, seed: int = 12) -> Path:
    """The cached generated file of these parameters (written first if missing)."""
    kind = "short" if short else fmt
    name = f"briefings-{kind}-{size_mb:g}mb-s{seed}-v{VERSION}{SUFFIXES[fmt]}"
    path = generated_dir() / name
    if not path.is_file():
        write_document(path, int(size_mb * 1024 * 1024), fmt, seed=seed, short=short)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=FORMATS, default="markdown")
    parser.add_argument("--size-mb", type=float, default=5.0)
    parser.add_argument("--short", action="store_true", help="very short turns, as plain text")
    args = parser.parse_args()
    print(generated("text" if args.short else args.format, args.size_mb, short=args.short))


if __name__ == "__main__":
    main()
