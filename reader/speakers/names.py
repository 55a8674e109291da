"""Chinese names and job titles: what a label is made of.

A name is two to four characters starting with a common surname (or a ``·`` name); a
title is one of ``TITLES``; a label is often a role (an organization and a title) then a
name. Rules read labels in simplified characters without spaces (:func:`analysis_form`).
"""

from __future__ import annotations

import functools
import re

from reader.text.fold import fold_dots, to_simplified

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
    "巡视员", "督察长", "审判员", "检察官", "法官", "顾问", "队长", "站长", "组长", "主持人", "发布人",
    "副总理", "总理", "国务委员", "外长",
    "主任医师", "医师", "总设计师", "设计师", "律师", "高级警长", "警长", "党组书记", "党委书记", "党组成员",
    "常委", "首席科学家", "科学家", "总指挥", "指挥长", "政委", "司令员", "参谋长", "专员", "科长", "工程师",
    "馆长", "团长", "行政长官", "长官", "主播", "议员", "秘书", "创始人", "未来学家", "学者", "作家",
    # Heads of state and legislatures; Taiwan's and Hong Kong's offices and ranks (總統, 次長,
    # 主委 for 主任委員, 立委, 關長, 警司).
    "副总统", "总统", "委员长", "总书记", "首相", "州长", "副议长", "议长", "政务次长", "常务次长", "次长",
    "副主委", "主委", "立委", "召集人", "总干事", "参事", "关长", "高级警司", "总警司", "警司",
    "总督察", "高级督察", "特首", "副指挥官", "指挥官",  # not 督察 alone: 环保督察 is an inspection
    # Companies and markets: earnings calls, shareholder meetings, forums.
    "首席执行官", "首席财务官", "首席运营官", "首席技术官", "首席信息官", "首席战略官", "财务总监",
    "董事会秘书", "董秘", "分析师", "执行董事", "独立董事", "董事", "创始合伙人", "合伙人", "主管", "执行长",
    "CEO", "CFO", "COO", "CTO", "CIO",
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

# Courtesy titles and military ranks written after a name (杜航伟先生, 张晓刚大校).
MILITARY_RANKS = ("大校", "上校", "中校", "少校", "上将", "中将", "少将", "大尉", "上尉", "中尉", "少尉")

HONORIFICS = ("先生", "女士", "同志", "博士", "医生", *MILITARY_RANKS)

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
    "文件 文明 安排 申请 连续 费用 边境 华侨 华人 银行 公安 公开 公告 公共 官方 车辆 程序 路线 "
    # First words of bureaus and departments (劳工及福利局, 房屋局, 廉政公署), cut off at 及 or 、
    "劳工 劳动 房屋 商业 金管 廉政 海事 关务".split()
)

NOT_NAMES = frozenset({"主要做法", "具体来说", "具体而言", "一方面", "另一方面", "总的来看", "简单来说",
                       "重点", "目标", "任务", "原则", "要求", "意义", "特点", "成效", "做法", "问答",
                       "洪水", "洪峰", "洪灾", "寿命"}) | PLACE_AND_HEADING_WORDS

# Last characters of institutions (公安部, 最高法院, 国新办), which also start with common surnames.
NOT_NAME_ENDINGS = frozenset("是为有在说道的了着们等")

INSTITUTION_ENDINGS = frozenset("部局院委办厅司署会社报台网处所站馆省市县区法检")


@functools.lru_cache(maxsize=4096)
def analysis_form(label: str) -> str:
    """The label without spaces, in simplified characters: rules are written once, for both scripts.

    Traditional labels (``記者``, ``局長``, ``發言人``) are converted with OpenCC only when they
    hold a common traditional character, so simplified documents never load the converter.
    """
    return to_simplified(fold_dots(SPACES.sub("", label)))


# A name transliterated into Chinese, then in its own script in parentheses (萨蒂亚·纳德拉
# （Satya Nadella）): the parenthesis glosses the name, it is no role.
LATIN_GLOSS = re.compile(r"^(?P<main>.*[\u4e00-\u9fff])\s*[（(][A-Za-z][A-Za-z .'’\-]{1,40}[）)]$")


def is_married_name(simple: str) -> bool:
    """``林鄭月娥``, ``葉劉淑儀``: her husband's surname, then her own, then her given name, as
    Hong Kong and Macau write a married woman's name (read in traditional text only: in
    simplified text four characters after a surname are nearly always a phrase)."""
    return (len(simple) == 4 and simple[0] in SURNAMES_SINGLE and simple[1] in SURNAMES_SINGLE
            and simple[0] not in FUNCTION_WORD_SURNAMES)


# Surnames that are more often a preposition or a conjunction before a noun: 局長向關注組表示.
FUNCTION_WORD_SURNAMES = frozenset("向于於和何常时時从從对對在与與及同跟把被将將为為以")


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


# -- names in Latin script and outlets -----------------------------------------------------

# A person's name in Latin script at the end of a label: one to four words, each starting
# with a capital and holding a lower-case letter (``Georg Fahrion``, ``Jörn Petring``,
# ``Zanny Minton Beddoes``, ``O'Neil``, ``Jean-Pierre``), or a courtesy title and a surname
# (``Mr. Lee``, ``Dr Smith``). All-capital words (``CNBC``, ``DVH``) are outlets or firms.
_LATIN_WORD = r"[A-Z][a-zà-öø-ÿA-ZÀ-ÖØ-Þ'’\-]*[a-zà-öø-ÿ][a-zà-öø-ÿA-ZÀ-ÖØ-Þ'’\-]*"
_COURTESY = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?"
LATIN_NAME_AT_END = re.compile(
    rf"(?:(?<=[^A-Za-z])|^)(?P<name>(?:{_COURTESY}\s+)?{_LATIN_WORD}(?:\s+(?:{_LATIN_WORD}|[A-Z]\.)){{0,3}})\s*$"
)
# Words that look like a capitalised name but open or close a label as something else.
NOT_LATIN_NAMES = frozenset({"Q", "A", "Note", "Source", "Editor", "Tags", "Date", "Title", "Updated",
                             "Photo", "Video", "Link", "Read", "More", "Share", "Tips", "Update"})
# Common English words of headings (``Key Points``, ``Related Articles``): a label holding one
# is no bare personal name.
ENGLISH_HEADING_WORDS = frozenset(
    "key points news related articles article breaking read more top stories story latest update updates "
    "editor note notes summary highlights chapter part section contents source sources photo photos video "
    "videos the of and for in on at to by with from about introduction conclusion background question "
    "questions answer answers transcript full text speech remarks statement press release conference "
    "briefing opening closing live report reports day week month year today yesterday tomorrow".split()
)
# How the name of a news outlet ends: a label made of an outlet and a person's name is a
# reporter of that outlet (``德新社Jörn Petring``, ``《明镜报》Georg Fahrion``).
OUTLET_ENDINGS = (
    "通讯社", "新闻社", "电视台", "广播电台", "广播公司", "电台", "日报", "晚报", "早报", "时报", "周报",
    "周刊", "杂志", "杂志社", "报社", "新闻网", "网站", "媒体集团", "媒体", "传媒", "新闻", "卫视",
    "财经", "报", "社", "台", "网",
)
# Outlets whose names end in none of those (南方周末, 财新): a label naming one alone asks.
KNOWN_OUTLETS = frozenset({"财新", "南方周末", "界面", "澎湃", "观察者", "凤凰", "端传媒", "联合早报", "星岛",
                           "明报", "大公报", "文汇报", "香港01", "信报", "经济观察报", "三联生活周刊"})
NOT_OUTLET_ACRONYMS = frozenset({"PS", "OK", "ID", "FAQ", "TIPS", "NB", "PPT", "APP", "AI", "GDP", "CPI",
                                 "PPI"})
TITLE_MARKS = re.compile(r"《([^《》]{1,30})》")


def split_latin_name(label: str) -> tuple[str, str] | None:
    """``("德新社", "Jörn Petring")`` for ``德新社Jörn Petring``; None when the label does not
    end with a Latin-script personal name. White space inside the name becomes one space."""
    match = LATIN_NAME_AT_END.search(label.strip())
    if not match:
        return None
    name = " ".join(match.group("name").split())
    if name in NOT_LATIN_NAMES or any(w.lower().strip(".") in ENGLISH_HEADING_WORDS for w in name.split()):
        return None
    return label.strip()[: match.start("name")].strip(), name


def outlet_of(text: str) -> str | None:
    """The outlet ``text`` names (``《明镜报》`` → 明镜报, ``德国二台`` → 德国二台), or None."""
    bare = TITLE_MARKS.sub(r"\1", text).strip(" ，,：:")
    acronym = bare.isascii() and bare.isupper() and len(bare) >= 2 and bare not in NOT_OUTLET_ACRONYMS
    simple = analysis_form(bare)
    if TITLE_MARKS.search(text) or simple.endswith(OUTLET_ENDINGS) or acronym or simple in KNOWN_OUTLETS:
        return bare or None
    return None
