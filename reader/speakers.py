"""Speaker markers and who they name.

A turn starts where a paragraph (or a ``<br>``-separated line) begins with a speaker
label and a colon. ``MARKER_RULES`` is the ordered list of ways a marker is recognised;
the first rule that accepts a line wins. Every rule first passes ``label_shape``: a label
is short, has no sentence punctuation, is not an enumeration (``一是``, ``（二）``) and is
not a metadata field (``责任编辑``, ``来源``, ``原标题``, ``编者按``...). A colon inside a
link (headline lists such as ``公安部：要持续…``) is never a marker.

Resolution turns a label into a person: ``公安部副部长杜航伟`` gives role ``公安部副部长``
and name ``杜航伟``; a later ``杜航伟`` is the same person; introductions in the preamble
(``出席今天发布会的还有，公安部刑事侦查局局长刘忠义先生``) give roles to short labels.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from reader.decoding import TRADITIONAL_COMMON_HANZI
from reader.formats.base import Line, Run
from reader.model import SpeakerKind

COLON = re.compile(r"[：:]")
# What may stand before a label at the start of a paragraph: a bullet (●王毅：, ■记者：) or
# the clock time of a live text (10:02 寿小丽：, [10:05:30] 杜航伟：).
LEADING_BULLET = re.compile(r"^(?:[●■◆▲★◇□○▶►◎※◼◾]|[\[【（(]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[\]】）)]?)\s*")
# A follow-up marked after the label (路透社记者（追问）): the same speaker as the label.
FOLLOW_UP = re.compile(r"[（(](?:追问|续|补充|接上|又问|再问|续问)[）)]$")
MAX_LABEL = 40
SENTENCE_PUNCTUATION = re.compile(r"[，。；！？!?;,…“”\"《》〈〉「」『』—~～|/\\=<>#*]")
HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")
ENUMERATION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．)]|"
    r"第[一二三四五六七八九十\d]+(?:[条章节点项个是、.．]|部分|方面)|"
    r"其[一二三四五六七八九十]\b)"
)
BRACKETED_LABEL = re.compile(r"^[\[【]([^\[\]【】]{1,40})[\]】]\s*[：:]?")
# Labels that are metadata or document structure, never a person (compared without spaces).
NOT_SPEAKER_LABELS = frozenset({
    "责任编辑", "编辑", "来源", "原标题", "编者按", "本报讯", "注", "附", "附件", "关键词", "摘要", "导读",
    "要点", "发布会要点", "图", "图片", "视频", "链接", "相关链接", "相关新闻", "相关阅读", "延伸阅读",
    "作者", "校对", "审核", "审校", "监制", "时间", "地点", "主办", "承办", "电话", "地址", "邮编", "网址",
    "标题", "文章来源", "新闻来源", "出处", "转载", "声明", "特别声明", "免责声明", "提示", "温馨提示",
    "备注", "说明", "主题", "日期", "简介", "背景", "背景资料", "资料", "参考", "文字", "摄影", "出品",
    "策划", "统筹", "制作", "核心提示", "导语", "内容提要", "提要", "本期嘉宾", "嘉宾", "报道", "通讯员",
    "其中", "例如", "比如", "总之", "另外", "此外", "同时", "首先", "其次", "最后", "综上", "目前",
    "下一步", "据悉", "据了解", "据介绍", "新华社", "中新网", "人民网", "央视网",
    "note", "source", "editor", "tags", "url", "http", "https", "updated", "date", "title",
})
NOT_SPEAKER_PREFIXES = ("责任编辑", "原标题", "编者按", "发布会要点", "文章来源", "新闻来源", "相关")
# Endings of a sentence that introduces a list or reports speech (``…表示：``), not a label.
NOT_SPEAKER_ENDINGS = (
    "要点", "看点", "亮点", "重点", "摘要", "提要", "速览", "一览", "核心观点", "导读",
    "如下", "以下", "下列", "表示", "指出", "强调", "认为", "介绍说", "透露", "宣布", "说", "称",
    "问道", "答道", "记者问", "来源", "链接", "注意", "提醒", "提示",
    "包括", "在于", "写道", "提到", "回应", "坦言", "直言", "举例", "工作",
    "措施", "方面", "情况", "问题如下",
    # Bold headings in speeches and news pages (从数据看：, 数据显示：, 记者手记：, 名词解释：).
    "看", "显示", "明确", "成效", "做法", "特点", "案例", "手记", "观察", "了解到", "注意到", "获悉",
    "走访", "探访", "直击", "解读", "贴士", "解释", "释义",
)

HOST_WORDS = ("主持人", "主持")
NUMBERED_QUESTION = re.compile(r"^(?:问|提问|问题|追问|Q)[一二三四五六七八九十\d]{1,3}$")
NUMBERED_ANSWER = re.compile(r"^(?:答|回答|A)[一二三四五六七八九十\d]{1,3}$")
# ``主持人（寿小丽）``, ``杜航伟（公安部副部长）``, ``记者（人民日报）``: a label with a parenthesis.
PARENTHESIZED = re.compile(r"^(?P<outer>[^（(）)]+)[（(](?P<inner>[^（(）)]+)[）)]$")
# How headings and list introductions begin; a label never does.
NOT_SPEAKER_STARTS = (
    "关于", "对于", "针对", "围绕", "如何", "怎样", "为什么", "为何", "据", "截至", "根据", "按照", "通过",
    "总的来说", "首先", "其次", "最后", "此外", "另外", "同时", "一方面", "另一方面",
)
NUMBERED_ITEM = re.compile(r"[一二三四五六七八九十\d]+$")
# Function words that make a phrase of a label (``各地的做法``); names and titles lack them.
FUNCTION_WORDS = frozenset("的了吗呢着把被")
QUESTION_LABELS = frozenset({"问", "提问", "记者", "记者问", "记者提问", "有记者问", "有记者提问", "Q", "q",
                             "问题", "追问", "又问", "网友", "网友提问", "网民", "网友问"})
ANSWER_LABELS = frozenset({"答", "回答", "A", "a", "答问"})
ANSWER_SUFFIXES = ("回答", "答")
REPORTER_WORD = "记者"
# ``人民网记者``, ``新华社记者张三``, ``记者（人民日报）``, ``人民日报（记者）``;
# not ``新华社记者从公安部获悉``.
REPORTER_LABEL = re.compile(
    r"^(?:[^（(）)]{0,30}记者(?:[\u4e00-\u9fff]{2,4})?|记者[（(][^（(）)]{1,30}[）)]|[^（(）)]{1,30}[（(]记者[）)])$"
)

# Job titles, longest first within a family, that end the role part of ``role + name``.
TITLES = (
    "新闻发言人", "发言人", "负责同志", "负责人", "主任委员", "常务副部长", "副部长", "部长助理", "部长",
    "副局长", "局长", "副司长", "司长", "副主任", "主任", "副院长", "院长", "副庭长", "庭长",
    "副厅长", "厅长", "副处长", "处长", "副署长", "署长", "副行长", "行长", "副会长", "会长",
    "副社长", "社长", "副台长", "台长", "副主席", "主席", "副秘书长", "秘书长", "副书记", "书记",
    "副检察长", "检察长", "副省长", "省长", "副市长", "市长", "副县长", "县长", "区长", "镇长",
    "副校长", "校长", "所长", "副总经理", "总经理", "董事长", "副总裁", "总裁", "总工程师", "总经济师",
    "总会计师", "总师", "总监", "理事长", "首席专家", "首席经济学家", "首席", "专家", "教授", "研究员",
    "特约研究员", "大使", "参赞", "总领事", "领事", "代表", "委员", "院士", "主编", "总编辑", "经理",
    "巡视员", "督察长", "审判员", "检察官", "法官", "顾问", "队长", "站长", "组长", "主持人",
    "副总理", "总理", "国务委员", "外长",
    "主任医师", "医师", "总设计师", "设计师", "律师", "高级警长", "警长", "党组书记", "党委书记", "党组成员",
    "常委", "首席科学家", "科学家", "总指挥", "指挥长", "政委", "司令员", "参谋长", "专员", "科长", "工程师",
    "馆长", "团长", "行政长官", "长官",
)
TITLE_ALTERNATION = "|".join(sorted(TITLES, key=len, reverse=True))
ROLE_THEN_NAME = re.compile(
    rf"^(?P<role>.*(?:{TITLE_ALTERNATION}))\s*(?P<name>[\u4e00-\u9fff]{{2,4}}|[\u4e00-\u9fff]{{1,10}}·[\u4e00-\u9fff·]{{1,20}})$"
)
NAME_THEN_TITLE = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?P<title>{TITLE_ALTERNATION})$")
ENDS_WITH_TITLE = re.compile(rf"(?:{TITLE_ALTERNATION})$")
TITLE_AT_END = re.compile(rf"(?:常务|代理|执行|一级|二级|三级|高级)?(?:{TITLE_ALTERNATION})$")
PERSON_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,10}·[\u4e00-\u9fff·]{1,20}$")
SPACES = re.compile(r"\s+")
# Minority and foreign names are written with any of these dots; the rules know one.
MIDDLE_DOTS = str.maketrans({"•": "·", "‧": "·", "・": "·", "･": "·"})
# Courtesy titles and military ranks written after a name (杜航伟先生, 张晓刚大校).
MILITARY_RANKS = ("大校", "上校", "中校", "少校", "上将", "中将", "少将", "大尉", "上尉", "中尉", "少尉")
HONORIFICS = ("先生", "女士", "同志", "博士", *MILITARY_RANKS)
# The most common Chinese surnames: a bare two-to-four character label starting with one is a name.
SURNAMES_SINGLE = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
    "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
    "盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况"
    "那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "洪寿袭郗宓眭佴逄訾缑阎荀桓笪郦谯"
)
SURNAMES_DOUBLE = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
                   "司徒", "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "澹台", "呼延", "万俟", "申屠")
# Words that look like two-to-four character names but are discourse (``总之：``, ``主要做法：``).
# Provinces, countries and the heading words of news round-ups and speeches that start with a
# surname character: ``江苏：推进…``, ``韩国：…``, ``安全：…`` head an item, nobody speaks.
PLACE_AND_HEADING_WORDS = frozenset(
    "江苏 安徽 湖北 湖南 广东 广西 海南 云南 贵州 四川 江西 浙江 福建 山东 河南 河北 山西 陕西 甘肃 "
    "青海 宁夏 新疆 西藏 吉林 辽宁 黑龙江 内蒙古 北京 天津 上海 重庆 香港 澳门 台湾 "
    "深圳 广州 杭州 南京 武汉 成都 西安 "
    "韩国 印度 巴西 伊朗 沙特 欧盟 欧洲 东盟 巴黎 柏林 万众 "
    "关键 方向 路径 金融 文化 安全 计划 管理 程序 项目 成果 平台 常规 保障 资金 和平 时间 相关 由于 包括 "
    "尤其 高度 严格 明确 支持 宣传 应急 应对 卫生 康复 温度 农业 司法 宗教 商务 房价 关税 关系 战略 "
    "危机 利率 居民 党建 全面 全国 全球 国际 国内 国家 海关 海外 简单 纪律 童年 阳光 游客 信息 智能 "
    "文件 文明 安排 申请 连续 费用 边境 华侨 华人 银行 公安 公开 公告 公共 官方 车辆 程序 路线".split()
)
NOT_NAMES = frozenset({"主要做法", "具体来说", "具体而言", "一方面", "另一方面", "总的来看", "简单来说",
                       "重点", "目标", "任务", "原则", "要求", "意义", "特点", "成效", "做法", "问答",
                       "洪水", "洪峰", "洪灾", "寿命"}) | PLACE_AND_HEADING_WORDS
# Last characters of institutions (公安部, 最高法院, 国新办), which also start with common surnames.
NOT_NAME_ENDINGS = frozenset("是为有在说道的了着们等")
INSTITUTION_ENDINGS = frozenset("部局院委办厅司署会社报台网处所站馆省市县区法检")
INTRODUCTION_SPLIT = re.compile(
    r"[，。；;,（）()：:\s]|\d+[年月日号时]|还有|的有|以及|邀请到|邀请|出席|分别是|分别为|请来了|请来|请到|请|和|及|与|是|为|由|在"
    r"|還有|邀請|請來了|請來|請到|請|與|為"
)


@dataclass(frozen=True, slots=True)
class Marker:
    """A speaker marker found at the start of a line.

    ``written`` is the marker as the window shows it (label and colon); ``label`` is the
    label without the colon, at ``label_offset`` in ``written``; ``rest`` is the speech
    that followed on the same line, as runs.
    """

    label: str
    written: str
    label_offset: int
    rest: Line


@dataclass(frozen=True, slots=True)
class ParsedLabel:
    """What a label says about its speaker; ``kind`` is None where only context can tell."""

    name: str
    role: str | None
    organization: str | None
    kind: SpeakerKind | None


# Traditional forms of common surnames: a label holding one is read through OpenCC too, so that
# ``陳洲`` is a name as ``陈洲`` is (most of these are not among the common traditional characters).
TRADITIONAL_SURNAMES = frozenset(
    "陳劉楊黃趙吳孫馬鄭羅謝許韓馮鄧蕭葉蘇魏呂盧鍾譚陸賈韋鄒賀顧龔萬錢嚴湯溫齊喬龐顏莊聶魯嶽歐關蘭紀畢"
    "單塗駱藍遊靳鮑華饒車項蘆麥婁竇費衛閔鄔邊師欒鞏鄺勞諶藺樓閻聞權帥練鄢鄭張劉孫興應範戴"
)
# Several posts of one person: ``…司长、新闻发言人``, ``商务部副部长兼国际贸易谈判副代表``.
ROLE_LIST_SPLIT = re.compile(r"[、，,]|兼")
TRADITIONAL_CHARACTER = re.compile(
    "[" + "".join(sorted(TRADITIONAL_COMMON_HANZI | TRADITIONAL_SURNAMES)) + "]"
)
# An outlet in title marks before 记者 (``《中国日报》记者``, ``《财经》杂志记者``): its marks are
# no sentence punctuation.
OUTLET_IN_TITLE_MARKS = re.compile(r"^《([^《》]{1,20})》(?=[^《》]{0,10}记者)")
# Qualifiers that are no body of their own (``有关负责人``, ``相关负责同志``): no organization.
NOT_ORGANIZATIONS = ("有关", "相关", "该", "本")


def _collapse(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u3000", " ").replace("\u00a0", " ")).strip()


@functools.lru_cache(maxsize=4096)
def analysis_form(label: str) -> str:
    """The label without spaces, in simplified characters: rules are written once, for both scripts.

    Traditional labels (``記者``, ``局長``, ``發言人``) are converted with OpenCC only when they
    hold a common traditional character, so simplified documents never load the converter.
    """
    return to_simplified(SPACES.sub("", label).translate(MIDDLE_DOTS))


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, one character for one (so offsets still hold), or
    ``text`` itself when it holds no common traditional character or OpenCC would change its
    length."""
    if TRADITIONAL_CHARACTER.search(text):
        converted = _t2s().convert(text)
        if len(converted) == len(text):
            return converted
    return text


def _simplified_name(name: str) -> str:
    """``name`` in simplified characters (one for one), converted whatever it holds."""
    converted = _t2s().convert(name)
    return converted if len(converted) == len(name) else name


@functools.lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _is_question(compact: str) -> bool:
    return compact in QUESTION_LABELS or bool(NUMBERED_QUESTION.match(compact))


def _answerer(compact: str) -> str | None:
    """``李忠答`` → ``李忠``: who answers, in Q&A articles that label answers this way."""
    for suffix in ANSWER_SUFFIXES:
        if compact.endswith(suffix) and len(compact) > len(suffix) + 1:
            return compact[: -len(suffix)]
    return None


def _is_answer(compact: str) -> bool:
    return compact in ANSWER_LABELS or bool(NUMBERED_ANSWER.match(compact))


@functools.lru_cache(maxsize=4096)
def label_shape(label: str) -> bool:
    """Could ``label`` be a speaker label at all (before asking whether it names one)?"""
    compact = analysis_form(label)
    if not compact or len(compact) > MAX_LABEL or not HAS_WORD.search(compact):
        return False
    if SENTENCE_PUNCTUATION.search(OUTLET_IN_TITLE_MARKS.sub(r"\1", compact)) or ENUMERATION.match(compact):
        return False
    lowered = compact.lower()
    if lowered in NOT_SPEAKER_LABELS or compact.startswith(NOT_SPEAKER_PREFIXES):
        return False
    if _is_question(compact) or _is_answer(compact):
        return True
    if compact.endswith(NOT_SPEAKER_ENDINGS) or compact.startswith(NOT_SPEAKER_STARTS):
        return False
    if NUMBERED_ITEM.search(compact) and not any(is_person_name(compact[-n:]) for n in (2, 3)):
        return False  # 案例一, 典型案例2, 附件1: numbered items, while 张三 is a name
    return not (any(ch in FUNCTION_WORDS for ch in compact) and not looks_like_speaker(label))


def looks_like_speaker(label: str, known_names: Collection[str] | None = None) -> bool:
    """A label without bold type must name a speaker by its form: role words, titles, names.

    A bare name passes when it starts with a common surname (``汪文斌``) or is one of
    ``known_names`` (names the document gave in full labels, whatever their surname).
    """
    compact = analysis_form(label)
    if _is_question(compact) or _is_answer(compact) or compact.startswith(HOST_WORDS):
        return True
    if REPORTER_LABEL.match(OUTLET_IN_TITLE_MARKS.sub(r"\1", compact)):
        return True
    answerer = _answerer(compact)
    if answerer and (is_person_name(answerer) or looks_like_speaker(answerer, known_names)):
        return True
    for honorific in HONORIFICS:
        bare = compact.removesuffix(honorific)
        if bare != compact and (is_person_name(bare) or ROLE_THEN_NAME.match(bare)):
            return True
    if ROLE_THEN_NAME.match(compact) or ENDS_WITH_TITLE.search(compact):
        return True
    parts = PARENTHESIZED.match(compact)
    if parts:
        return any(looks_like_speaker(part) for part in (parts.group("outer"), parts.group("inner")))
    if known_names is not None and (compact in known_names or label.replace(" ", "") in known_names):
        return True
    return is_person_name(compact)


def is_person_name(text: str) -> bool:
    """A two-to-four character Chinese name starting with a common surname, or a ``·`` name."""
    if not PERSON_NAME.match(text) or text in NOT_NAMES:
        return False
    if "·" in text:
        return True
    if text[-1] in INSTITUTION_ENDINGS or text[-1] in NOT_NAME_ENDINGS:
        return False
    if text.startswith(SURNAMES_DOUBLE):
        return len(text) >= 3
    # Four characters after a single surname are nearly always a phrase (文件明确), not a name.
    return text[0] in SURNAMES_SINGLE and len(text) <= 3


# -- marker rules ------------------------------------------------------------------------

MarkerRule = Callable[[Line, str, "Collection[str] | None"], "Marker | None"]


def _split_at(line: Line, cut: int) -> Line:
    """The runs of ``line`` from character ``cut`` on, leading white space dropped."""
    out: list[Run] = []
    pos = 0
    for run in line:
        end = pos + len(run.text)
        if end > cut:
            out.append(Run(run.text[max(0, cut - pos):], run.bold, run.link))
        pos = end
    while out and not out[0].text.strip(" \u3000\u00a0"):
        out.pop(0)
    if out:
        out[0] = Run(out[0].text.lstrip(" \u3000\u00a0"), out[0].bold, out[0].link)
    return tuple(out)


def _styles(line: Line, upto: int) -> tuple[bool, bool]:
    """(every non-blank character before ``upto`` is bold, the character at ``upto`` is in a link)."""
    pos = 0
    all_bold = True
    colon_link = False
    for run in line:
        end = pos + len(run.text)
        if pos < upto and not run.bold and run.text[: upto - pos].strip():
            all_bold = False
        if pos <= upto < end:
            colon_link = run.link
        pos = end
    return all_bold, colon_link


def bracketed_marker(line: Line, text: str, known: Collection[str] | None) -> Marker | None:
    """``【主持人】``, ``[主持人 寿小丽]``: a bracketed label opening the line, bold or naming a speaker."""
    match = BRACKETED_LABEL.match(text)
    if not match:
        return None
    label = _collapse(match.group(1))
    all_bold, _ = _styles(line, match.end(1))
    if not label_shape(label) or not (all_bold or looks_like_speaker(label, known)):
        return None
    opening, closing = text[0], text[match.end(1)]
    colon = text[match.end() - 1] if text[match.end() - 1] in "：:" else ""
    return Marker(label, f"{opening}{label}{closing}{colon}", 1, _split_at(line, match.end()))


def colon_marker(line: Line, text: str, known: Collection[str] | None) -> Marker | None:
    """``公安部副部长杜航伟：`` in bold, or a plain label that names a speaker by its form."""
    match = COLON.search(text, 0, MAX_LABEL + 8)
    if not match:
        return None
    raw = text[: match.start()]
    label = _collapse(raw)
    if not label_shape(label):
        return None
    all_bold, colon_in_link = _styles(line, match.start())
    if colon_in_link:
        return None
    if not all_bold:
        label_in_link = any(run.link and run.text.strip() for run in _head(line, match.start()))
        if label_in_link or not looks_like_speaker(label, known):
            return None
    return Marker(label, label + match.group(), 0, _split_at(line, match.end()))


# 问/答 run together in one paragraph by pages that flatten their lines
# (``问：…有何评论？ 答：中方注意到…``): a new turn starts after the sentence end.
INLINE_QUESTION_OR_ANSWER = re.compile(r"(?<=[。？！?!”」])\s*(?=(?:问|答|問)\s*[：:])")


def split_inline_turns(marker: Marker) -> list[Line]:
    """The speech of a 问/答 marker up to a 问：/答： run into the same paragraph, then the
    line from each such next marker on. One pass over the line, whatever its length."""
    if not (_is_question(analysis_form(marker.label)) or _is_answer(analysis_form(marker.label))):
        return [marker.rest]
    text = "".join(run.text for run in marker.rest)
    spans = [(m.start(), m.end()) for m in INLINE_QUESTION_OR_ANSWER.finditer(text) if m.start() > 0]
    if not spans:
        return [marker.rest]
    bounds = [(0, spans[0][0])]
    bounds += [(spans[i][1], spans[i + 1][0] if i + 1 < len(spans) else len(text)) for i in range(len(spans))]
    return _slices(marker.rest, bounds)


def _slices(line: Line, bounds: list[tuple[int, int]]) -> list[Line]:
    """``line`` cut into the character ranges ``bounds`` (ascending, not overlapping), in one
    walk over its runs."""
    out: list[list[Run]] = [[] for _ in bounds]
    pos = 0
    k = 0
    for run in line:
        end = pos + len(run.text)
        while k < len(bounds) and bounds[k][1] <= pos:
            k += 1
        j = k
        while j < len(bounds) and bounds[j][0] < end:
            a, b = max(bounds[j][0], pos), min(bounds[j][1], end)
            if a < b:
                out[j].append(Run(run.text[a - pos : b - pos], run.bold, run.link))
            if bounds[j][1] > end:
                break
            j += 1
        pos = end
    return [tuple(runs) for runs in out]


def _head(line: Line, upto: int) -> Line:
    out: list[Run] = []
    pos = 0
    for run in line:
        if pos >= upto:
            break
        out.append(run)
        pos += len(run.text)
    return tuple(out)


MARKER_RULES: tuple[MarkerRule, ...] = (bracketed_marker, colon_marker)


def find_marker(line: Line, known_names: Collection[str] | None = None) -> Marker | None:
    """The speaker marker opening ``line``, by the first of ``MARKER_RULES`` that accepts it.

    ``known_names`` are names the document already used (see ``looks_like_speaker``).
    """
    text = "".join(run.text for run in line)
    bullet = LEADING_BULLET.match(text)
    if bullet:
        # ●王毅：, 10:02 寿小丽：: a bullet or a live text's clock time; the label follows it.
        rest = _split_at(line, bullet.end())
        inner = find_marker(rest, known_names) if rest else None
        if inner is None:
            return None
        lead = text[: bullet.end()]
        return Marker(inner.label, lead + inner.written, len(lead) + inner.label_offset, inner.rest)
    for rule in MARKER_RULES:
        marker = rule(line, text, known_names)
        if marker is not None:
            return marker
    return None


# -- resolution --------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def parse_label(label: str) -> ParsedLabel:
    """Name, role, organization and (where the label alone tells) kind of a speaker label.

    The rules read the simplified form; names and roles are cut from the label as written.
    """
    compact = SPACES.sub("", label)
    simple = analysis_form(label)
    if len(simple) != len(compact):
        simple = compact
    follow_up = FOLLOW_UP.search(simple)
    if follow_up and follow_up.start() > 0:
        return parse_label(compact[: follow_up.start()])
    if simple.startswith(HOST_WORDS):
        cut = len("主持人") if simple.startswith("主持人") else len("主持")
        rest = compact[cut:].strip("（）()")
        if rest and ROLE_THEN_NAME.match(simple[cut:].strip("（）()")):
            inner = parse_label(rest)  # 主持人（国新办新闻局局长寿小丽）
            return ParsedLabel(inner.name, inner.role, inner.organization, "host")
        return ParsedLabel(rest or compact, compact[:cut] if rest else None, None, "host")
    for honorific in HONORIFICS:
        bare = simple.removesuffix(honorific)
        if bare != simple and (is_person_name(bare) or ROLE_THEN_NAME.match(bare)):
            return parse_label(compact[: len(bare)])  # 杜航伟先生 is 杜航伟
    if _is_question(simple):
        return ParsedLabel(compact, None, None, "reporter")
    parts = PARENTHESIZED.match(simple)
    if parts and REPORTER_WORD not in parts.group("outer") and (
        _is_answer(parts.group("outer")) or _is_question(parts.group("outer"))
    ):
        # 答（王毅）, 问（新华社记者）: who asks or answers is in the parenthesis.
        inner = parse_label(compact[parts.start("inner"):parts.end("inner")])
        kind = inner.kind or ("official" if _is_answer(parts.group("outer")) else "reporter")
        return ParsedLabel(inner.name, inner.role, inner.organization, kind)
    answerer = _answerer(simple)
    if answerer and (is_person_name(answerer) or ENDS_WITH_TITLE.search(answerer)):
        # ``李忠答``, ``商务部新闻发言人答``: the speaker is the part before 答.
        parsed = parse_label(compact[: len(answerer)])
        return ParsedLabel(parsed.name, parsed.role, parsed.organization, parsed.kind or "official")
    if _is_answer(simple):
        return ParsedLabel(compact, None, None, "official")
    parts = PARENTHESIZED.match(simple)
    if REPORTER_WORD in simple:
        outlet = compact[: simple.index(REPORTER_WORD)].strip("（）()").replace("《", "").replace("》", "")
        if not outlet and parts and REPORTER_WORD not in parts.group("inner"):
            outlet = compact[parts.start("inner"):parts.end("inner")]
        return ParsedLabel(compact, None, outlet or None, "reporter")
    if parts:
        outer, inner = parts.group("outer"), parts.group("inner")
        for name_group, role_group in (("outer", "inner"), ("inner", "outer")):
            name_s, role_s = parts.group(name_group), parts.group(role_group)
            if is_person_name(name_s) and ENDS_WITH_TITLE.search(role_s):
                name = compact[parts.start(name_group):parts.end(name_group)]
                role = compact[parts.start(role_group):parts.end(role_group)]
                return _with_role(name, role, role_s)
        del outer, inner
    spaced = label.strip().rsplit(" ", 1)
    if len(spaced) == 2:
        name_s, role_s = analysis_form(spaced[1]), analysis_form(spaced[0])
        if PERSON_NAME.match(name_s) and ENDS_WITH_TITLE.search(role_s):
            return _with_role(spaced[1], SPACES.sub("", spaced[0]), role_s)
        first, rest = label.strip().split(" ", 1)
        first_s, rest_s = analysis_form(first), analysis_form(rest)
        if is_person_name(first_s) and ENDS_WITH_TITLE.search(rest_s) and not ENDS_WITH_TITLE.search(first_s):
            return _with_role(first, SPACES.sub("", rest), rest_s)  # 王受文 商务部副部长
    match = ROLE_THEN_NAME.match(simple)
    if match:
        return _with_role(compact[match.start("name"):], compact[: match.end("role")], match.group("role"))
    named_first = NAME_THEN_TITLE.match(simple)
    if named_first and is_person_name(named_first.group("name")):
        # 杜航伟副部长: the person, whose full role a longer label or an introduction gives.
        return ParsedLabel(compact[: named_first.end("name")], None, None, None)
    if ENDS_WITH_TITLE.search(simple):
        return _with_role(compact, compact, simple)
    return ParsedLabel(compact, None, None, None)


def _with_role(name: str, role: str, simple_role: str) -> ParsedLabel:
    org = organization_of(simple_role)
    written_org = role[: len(org)] if org and len(simple_role) == len(role) else org
    return ParsedLabel(name, role, written_org, "host" if "主持" in simple_role else None)


def organization_of(role: str) -> str | None:
    """The body a role belongs to: its first title with the job title taken off.

    Read in simplified characters (``副會長`` is a title too), returned as written.
    """
    simple = analysis_form(role)
    if simple != role and len(simple) == len(role):
        org = organization_of(simple)
        return role[: len(org)] if org else None
    first = ROLE_LIST_SPLIT.split(role, maxsplit=1)[0]
    org = TITLE_AT_END.sub("", first)
    while org and TITLE_AT_END.search(org):
        org = TITLE_AT_END.sub("", org)
    org = org.removesuffix("副")
    for qualifier in NOT_ORGANIZATIONS:
        org = org.removesuffix(qualifier)
    return org if len(org) >= 2 else None


def roles_from_introductions(texts: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """Roles that introductions give names: ``…公安部刑事侦查局局长刘忠义先生…``.

    Names are looked for in simplified characters (one for one, so offsets hold): a page
    may introduce 毛宁 in a simplified title and label her 毛寧 in traditional text. The
    role is returned as the introduction writes it, keyed by the name as the label does.
    """
    texts = list(texts)
    wanted = [name for name in set(names) if len(name) >= 2]
    found: dict[str, str] = {}
    if not wanted:
        return found
    # A name is too short to hold a common traditional character (寧 is not one): in a
    # document that shows traditional script anywhere, names are converted whatever they hold.
    traditional = any(TRADITIONAL_CHARACTER.search(t) for t in (*texts, *wanted))
    by_form: dict[str, list[str]] = {}
    for name in wanted:
        by_form.setdefault(_simplified_name(name) if traditional else name, []).append(name)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(by_form, key=len, reverse=True)))
    for text in texts:
        for match in pattern.finditer(to_simplified(text)):
            pending = [name for name in by_form[match.group()] if name not in found]
            if not pending:
                continue
            before = text[max(0, match.start() - 40):match.start()]
            role = _last_introduced_role(_role_piece(before))
            if len(role) >= 2 and ENDS_WITH_TITLE.search(analysis_form(role)) and label_shape(role):
                for name in pending:
                    found[name] = role
    return found


def _last_introduced_role(text: str) -> str:
    """``商务部亚洲司司长陈洲、中国贸促会副会长`` → ``中国贸促会副会长``: in a list of people, the
    role before the name is what follows the previous person's name; a role of two titles
    (``…统计司司长、新闻发言人``) stays whole."""
    segments = text.split("、")
    for i in range(len(segments) - 1, 0, -1):
        if _ends_with_person(segments[i - 1]):
            return "、".join(segments[i:])
    return text


def _role_piece(before: str) -> str:
    """The text right before an introduced name, cut at the introduction's last separator.

    ``和``/``及``/``与`` join two people (``司长张三和副司长李四``) but also name one body
    (``环境影响评价与排放管理处处长``): they cut only after a person's name.
    """
    parts = INTRODUCTION_SPLIT_KEEP.split(before)  # piece, separator, piece, …, piece
    role = parts[-1]
    k = len(parts) - 1
    while k >= 2 and parts[k - 1] in INTRODUCTION_CONJUNCTIONS and parts[k - 2] and not _ends_with_person(
        parts[k - 2]
    ):
        role = parts[k - 2] + parts[k - 1] + role
        k -= 2
    return role


def _ends_with_person(text: str) -> bool:
    """``…处长方芳女士``, ``…司长陈洲``, ``张三``: the text ends with a person's name."""
    simple = analysis_form(text)
    for honorific in HONORIFICS:
        simple = simple.removesuffix(honorific)
    if ENDS_WITH_TITLE.search(simple):
        return False  # …司长、新闻发言人: two titles of one person
    return bool(ROLE_THEN_NAME.match(simple)) or is_person_name(simple)


INTRODUCTION_SPLIT_KEEP = re.compile(f"({INTRODUCTION_SPLIT.pattern})")
INTRODUCTION_CONJUNCTIONS = frozenset({"和", "及", "与", "與", "以及"})


# Where a name introduced after its role ends: a courtesy title, a verb of the briefing, punctuation.
NAME_BOUNDARY = (
    r"(?=先生|女士|同志|[大上中少][校将尉]|主持|介绍|出席|表示|回答|举行|召开|首先|宣布|指出|强调|答"
    r"|今日|今天|昨日|昨天|日前|近日|\d"
    r"|[，、。；和及与在于就（(\s])"
)


def names_from_introductions(texts: Iterable[str], roles: Iterable[str]) -> dict[str, str]:
    """Names that introductions give role-only labels: ``外交部发言人林剑主持例行记者会``.

    A role introduced with two different names (two deputy ministers) gives none: the
    label cannot tell which of them spoke.
    """
    wanted = sorted({r for r in roles if len(r) >= 2}, key=len, reverse=True)
    if not wanted:
        return {}
    pattern = re.compile(
        "(" + "|".join(re.escape(r) for r in wanted) + r")\s*([\u4e00-\u9fff·]{2,4}?)" + NAME_BOUNDARY
    )
    seen: dict[str, set[str]] = {}
    for text in texts:
        for match in pattern.finditer(text):
            if is_person_name(analysis_form(match.group(2))):
                seen.setdefault(match.group(1), set()).add(match.group(2))
    return {role: next(iter(names)) for role, names in seen.items() if len(names) == 1}


# ``外交部发言人洪磊主持例行记者会``: a spokesperson introduced by role and name.
SPOKESPERSON_INTRODUCED = re.compile(r"发言人\s*([\u4e00-\u9fff·]{2,4}?)" + NAME_BOUNDARY)


TITLED_NAME = re.compile(rf"(?:{TITLE_ALTERNATION})\s*([\u4e00-\u9fff·]{{2,4}}?){NAME_BOUNDARY}")
ANSWERING_WORDS = re.compile(r"介绍|答记者问|回答|答问")
UNNAMED_ANSWERER = re.compile(r"负责人|负责同志|有关部门|相关部门")
SENTENCE_SPLIT = re.compile(r"[。；;！？]")


def answering_spokesperson(texts: Iterable[str]) -> tuple[str, str] | None:
    """(name, role) of the one spokesperson the preamble introduces, or None.

    Briefings written as ``问：``/``答：`` (外交部 transcripts before 2019, ministry Q&A
    articles) say who answers only in the preamble: ``外交部发言人洪磊主持例行记者会``. Two
    different spokespeople introduced name nobody: the label cannot tell which answered.
    """
    found: dict[str, str] = {}
    answerers: set[str] = set()
    texts = list(texts)
    for text in texts:
        for sentence in SENTENCE_SPLIT.split(text):
            if ANSWERING_WORDS.search(sentence):
                answerers.update(m.group(1) for m in TITLED_NAME.finditer(sentence))
                if UNNAMED_ANSWERER.search(sentence):
                    answerers.add("")  # 国家统计局有关负责人就…答记者问: someone unnamed answers
        for match in SPOKESPERSON_INTRODUCED.finditer(text):
            name = match.group(1)
            if not is_person_name(analysis_form(name)):
                continue
            pieces = INTRODUCTION_SPLIT.split(text[max(0, match.start() - 20):match.start()])
            found.setdefault(name, _last_introduced_role(pieces[-1] if pieces else "") + "发言人")
    if len(found) != 1 or answerers - set(found):
        return None  # 请公安部副部长杜航伟介绍情况，并答记者问: others answer too
    return next(iter(found.items()))


# A role and name that open a host's speech, set off by a space: ``处长柯宜达 女士们…``.
SPEECH_OPENING_NAME = re.compile(r"^(\S{3,40}?)[\s\u3000]+\S")


def host_named_in_speech(speech: str) -> ParsedLabel | None:
    """The host a bare ``主持人：`` label names in the first words of its speech, as provincial
    transcripts write it (``主持人：福建省委宣传部对外新闻处处长柯宜达 女士们、先生们…``)."""
    match = SPEECH_OPENING_NAME.match(speech)
    if not match:
        return None
    written = match.group(1)
    simple = analysis_form(written)
    if len(simple) != len(written):
        return None
    role_name = ROLE_THEN_NAME.match(simple)
    if not role_name or not is_person_name(role_name.group("name")):
        return None
    role = written[: role_name.end("role")]
    return ParsedLabel(written[role_name.start("name"):], role, organization_of(role), "host")


# ``杜部长``, ``欧阳司长``: a surname and a title, for a speaker a full label names.
SURNAME_AND_TITLE = re.compile(
    rf"^(?P<surname>[\u4e00-\u9fff]{{1,2}}?)(?P<title>副?(?:{TITLE_ALTERNATION}))$"
)


def person_by_surname_and_title(label: str, people: Iterable[ParsedLabel]) -> ParsedLabel | None:
    """The one fully named speaker a ``杜部长：`` label means: same surname, a role with that
    title (``公安部副部长杜航伟``). None when no one or several people fit."""
    simple = analysis_form(label)
    match = SURNAME_AND_TITLE.match(simple)
    if not match:
        return None
    surname, title = match.group("surname"), match.group("title").removeprefix("副")
    if surname not in SURNAMES_SINGLE and surname not in SURNAMES_DOUBLE:
        return None
    fits = {
        p.name: p for p in people
        if p.role and p.name != p.role and analysis_form(p.name).startswith(surname)
        and title in analysis_form(p.role) and is_person_name(analysis_form(p.name))
    }
    return next(iter(fits.values())) if len(fits) == 1 else None
