"""Chinese for every UI string (English source text -> Simplified Chinese).

Keyed by source text alone, whatever the Qt context, so panels that use
``self.tr`` (context: their class) and modules that use ``reader.ui.i18n.tr``
share one catalogue. ``%1``/``%n``/``{name}`` placeholders must survive translation.
"""

from __future__ import annotations

CATALOGUE_ZH: dict[str, str] = {
    # menus and actions
    "&File": "文件(&F)",
    "&Open…": "打开(&O)…",
    "Open &Recent": "最近打开(&R)",
    "&Reload": "重新载入(&R)",
    "&Export figures…": "导出数字(&E)…",
    "&Quit": "退出(&Q)",
    "&View": "视图(&V)",
    "Zoom &In": "放大(&I)",
    "Zoom &Out": "缩小(&O)",
    "&Reset Zoom": "恢复原始大小(&R)",
    "&Go": "跳转(&G)",
    "&Find": "查找(&F)",
    "Find &Next": "查找下一个(&N)",
    "Find &Previous": "查找上一个(&P)",
    "Find &All": "查找全部(&A)",
    "&Clear Search": "清除搜索(&C)",
    "Next &Turn": "下一段发言(&T)",
    "Previous T&urn": "上一段发言(&U)",
    "Same Speaker's Next Turn": "同一发言人的下一段发言",
    "Same Speaker's Previous Turn": "同一发言人的上一段发言",
    # window
    "Transcript Reader": "发布会实录阅读器",
    "Search": "搜索",
    "Speakers": "发言人",
    "Q&&A": "问答",
    "Results": "搜索结果",
    "Cancel": "取消",
    "Open transcript": "打开实录",
    "Opening {name}…": "正在打开 {name}…",
    "Exported {n} figures to {path}": "已将 {n} 个数字导出到 {path}",
    "Opening {name} was cancelled": "已取消打开 {name}",
    "Could not open {name}": "无法打开 {name}",
    "{speakers} speakers · {turns} turns · {figures} figures":
        "{speakers} 位发言人 · {turns} 段发言 · {figures} 个数字",
    "Read with warnings: {text}": "读取时有提示：{text}",
    "The file changed on disk.": "文件已在磁盘上被修改。",
    "Reload": "重新载入",
    "The file was deleted or moved. The document stays open as it was.":
        "文件已被删除或移动。当前文档保持打开，内容不变。",
    "No Chinese font is installed, so Chinese text may show as boxes. "
    "Install one, e.g.: sudo apt install {package}":
        "未安装中文字体，中文可能显示为方框。请安装字体，例如：sudo apt install {package}",
    "Dismiss": "关闭",
    # navigation
    "Hosts": "主持人",
    "Officials": "发布人",
    "Reporters": "记者",
    "Others": "其他",
    "Speaker": "发言人",
    "Turns": "发言",
    "Matches": "匹配",
    "Match": "匹配",
    "Question": "提问",
    "Answered by {name}": "回答：{name}",
    # search
    "Search (Ctrl+F): 诈骗, 詐騙, APP…": "搜索 (Ctrl+F)：诈骗、詐騙、APP…",
    "Previous match (Shift+Enter, Shift+F3)": "上一个匹配 (Shift+Enter, Shift+F3)",
    "Next match (Enter, F3)": "下一个匹配 (Enter, F3)",
    "Find All": "查找全部",
    "No matches": "没有匹配",
    "Before the first speaker": "第一位发言人之前",
    "before the first speaker": "第一位发言人之前",
    "Turn {n}: {name}": "第 {n} 段：{name}",
    "{n} matches: {counts}": "共 {n} 处：{counts}",
    # document header
    "Editor: {name}": "责任编辑：{name}",
    "Source": "来源",
    # messages
    "Cannot open file": "无法打开文件",
    "Cannot open {path}": "无法打开 {path}",
    "Open link": "打开链接",
    "Open this address in your web browser?": "在浏览器中打开这个地址吗？",
    "Unexpected error": "意外错误",
    "Something went wrong. The document stays open; you may keep working.":
        "程序出错了。文档仍然打开，可以继续使用。",
    # metrics panel and figures table (their classes' contexts)
    "Along the text": "全文分布",
    "Compare": "对比",
    "Speaking share: Chinese characters per speaker, punctuation excluded.":
        "发言占比：每位发言人的汉字数，不含标点。",
    "Figures along the transcript; shaded: on screen; ticks: search matches. Click to jump.":
        "数字在全文中的分布；阴影：当前屏幕；刻度：搜索匹配。点击跳转。",
    "Figures of one kind on one scale; hover for who said them.":
        "同类数字按同一刻度比较；悬停查看发言人。",
    "figures: %1": "数字：%1",
    "(%1 distinct)": "（%1 个不同）",
    "speakers: %1": "发言人：%1",
    "turns: %1": "发言：%1",
    "questions: %1": "提问：%1",
    "Chinese characters: %1": "汉字：%1",
    "reading time: about %1 min": "阅读时间：约 %1 分钟",
    "%1 Chinese characters, %2 of the speech": "%1 个汉字，占发言的 %2",
    "%1 figures": "%1 个数字",
    "%1 of %2 figures": "%2 个数字中的 %1 个",
    "%1 is the transcript itself; choose another file.": "%1 是实录文件本身，请选择其他文件。",
    "No document is open.": "没有打开的文档。",
    "Figure": "数字",
    "Value": "数值",
    "Unit": "单位",
    "Notes": "备注",
    "cited %n times": "引用 %n 次",
    "Copy figure  %1": "复制数字  %1",
    "Copy value  %1": "复制数值  %1",
    "Copy with source": "连同出处复制",
    "Show in transcript": "在实录中显示",
    "Show in figures table": "在数字表中显示",
    "Copy %n selected rows (TSV)": "复制选中的 %n 行（TSV）",
    "Export figures": "导出数字",
    "CSV, UTF-8 (*.csv)": "CSV，UTF-8 (*.csv)",
    "JSON (*.json)": "JSON (*.json)",
    "Filter: text, speaker, 金额, >1亿, <=50%, 39.4万": "筛选：文字、发言人、金额、>1亿、<=50%、39.4万",
    "Words match the figure, unit, speaker or family (money / 金额, percent, points…).\n"
    "Numbers match however written: 394000, 39.4万, 三十九万四千.\n"
    "Compare values: >1亿, <=50%, >=3 个百分点. Terms separated by spaces must all match.":
        "文字匹配数字、单位、发言人或类别（金额、百分比、百分点…）。\n"
        "数字无论怎么写都能匹配：394000、39.4万、三十九万四千。\n"
        "比较数值：>1亿、<=50%、>=3 个百分点。用空格分隔的条件须全部满足。",
    "Money": "金额",
    "People": "人数",
    "Cases": "案件",
    "Counts": "数量",
    "Percent": "百分比",
    "Percentage points": "百分点",
    "Multiples": "倍数",
    "Durations": "时长",
}
