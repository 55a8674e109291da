"""Which Chinese characters are common: evidence for an encoding, and for traditional script.

Text decoded with the wrong legacy codec turns into rare characters, so the decoder counts
common ones; a label holding a common traditional character (or a traditional surname) is
read through the simplified converter. Plain data, used by ``reader.load.decoding`` and
``reader.text.fold``.
"""

from __future__ import annotations

# The 500 most frequent simplified characters (and below, their traditional forms): text decoded with the
# wrong Chinese legacy codec turns into rare characters, so the codec yielding more of these wins.
SIMPLIFIED_COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
    "任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美"
    "再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元"
    "况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委"
    "素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江"
    "型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
)

# Their traditional forms (Taiwan and Hong Kong variants included), where they differ.
TRADITIONAL_COMMON_HANZI = frozenset(
    "並來個們備傳價兒內兩別則劃動務勞區卻參員問單嚴國圓圖團報場壓學實寫將專對導層屬帶幹幾廠廣張強後從應戰採據數斷於時書會東條業極構標樣機權歷氣決沒況準溫滿濟為無熱爭爲狀現產當發眾確礦種稱積節約紅級細組結給統經維線縣總織羣義習聯聲聽與華萬著處號衆術裏裝裡覆見規親觀計記設許話該認說調論證識議變資質車軍較轉辦農這連進運過達適選還邊鐵長門開間關隊階際離難電響須領頭題類風飛養馬驗體鬥麼點黨龍"
)

COMMON_HANZI = SIMPLIFIED_COMMON_HANZI | TRADITIONAL_COMMON_HANZI

# Traditional forms of common surnames: a label holding one is read through OpenCC too, so that
# ``陳洲`` is a name as ``陈洲`` is (most of these are not among the common traditional characters).
TRADITIONAL_SURNAMES = frozenset(
    "陳劉楊黃趙吳孫馬鄭羅謝許韓馮鄧蕭葉蘇魏呂盧鍾譚陸賈韋鄒賀顧龔萬錢嚴湯溫齊喬龐顏莊聶魯嶽歐關蘭紀畢"
    "單塗駱藍遊靳鮑華饒車項蘆麥婁竇費衛閔鄔邊師欒鞏鄺勞諶藺樓閻聞權帥練鄢鄭張劉孫興應範戴"
)

# Traditional forms of the characters of titles and label words (``reader.speakers``) that are
# neither common nor surnames: ``指揮官``, ``總編輯``, ``嘉賓`` are read through OpenCC too.
# A test derives the set again from the label vocabulary, so a new title cannot miss its forms.
TRADITIONAL_LABEL_HANZI = frozenset("創執夥審廳揮檢營獨監祕網編臺視訪談謀負財責賓贊輯醫鎮館")
