"""Help: every key, on one page."""

from __future__ import annotations

from rich.console import Group
from rich.markdown import Markdown
from rich.table import Table
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
# 帮助 · 按键

| 页面 | 按键 | 作用 |
|---|---|---|
| 首页 | ↑ ↓ 回车 | 选择题库，回车开始练习 |
| | D | 通读原文：逐部分读讲话，题目问到的提法标出掌握情况 |
| | P / E / M / R | 练习 / 考试 / 错题本 / 智能复习（到期的题和新题） |
| | C / G | 班级测验 / 小组竞赛（主持人） |
| | U | 继续上次没做完的练习 |
| | S / B | 统计 / 题库 |
| | F | 换人（切换或新建用户） |
| | T | 评分宽严：标准 → 宽松 → 严格（输入法笔误得一半分 / 满分 / 0 分） |
| | Q | 退出 |
| 答题 | 回车 | 提交（填空有多个空时，回车到下一个空） |
| | 1–9 | 单选：选择；多选：勾选 |
| | Y / N | 判断题：对 / 错 |
| | 空格 | 多选：勾选或取消 |
| | Shift+↑↓ 或 U / D | 排序题：移动选中的项 |
| | 回车 或 N | 看完反馈后到下一题 |
| | O | 我答对了（申诉：记为正确，原判定保留；没作答的题不能申诉） |
| | Esc | 离开（已答的题都已保存，可继续） |
| 结果 | ↑ ↓ | 逐一查看错题 |
| | R | 重做错题（班级测验在老师结束后才可以） |
| | O | 我答对了：申诉选中的错题（班级测验除外；没作答的题不能申诉） |
| | L | 班级测验的排行榜 |
| | Esc 或 H | 返回首页 |
| 通读原文 | ↑ ↓ PgUp PgDn | 阅读 |
| | ← → | 上一部分 / 下一部分 |
| | P | 练习屏幕上的这一部分 |
| 统计 | F | 看别人的统计 |
| 题库 | G | 从讲话稿生成题库 |
| | R / I | 审题 / 题目分析（每道题的答对率、区分度、申诉和常见错答） |
| 审题 | K / D / E | 保留 / 删除 / 修改（改完按题库规则校验，不合格不保存） |
| | ← → / F | 上一题 / 下一题 / 只看未审 |
| 题目分析 | R | 审这道题（⚑ 标出需要复查的题） |
| 排行榜 | R | 刷新（也会自动刷新） |
| | E | 结束测验（出题老师）：大家的成绩页显示正确答案，测验码不能再作答 |
| 通读原文、统计、题库、排行榜 | Esc 或 H | 返回 |
| 班级测验 | C | 参加（输入测验码；没做完的接着做）、出题（题数 分钟 → 测验码）、看排行榜（自动刷新） |
| 小组竞赛（主持人） | 空格 | 出题；再按一次开始计时（抢答题从此可以抢答） |
| | 各队的键 | 抢答（开始前抢答扣分；加赛时提前抢答无效，不扣分） |
| | 1 / 2 / 3 | 风险题选择分值 10 / 20 / 30（选定后才出题） |
| | S / V / P | 跳过 / 揭晓答案（本题结束，不再计分） / 暂停计时 |
| | C | 更正分数（例如：蓝队 -10 判分有误），记入计分记录 |
| | U | 撤销上一次计分（记入计分记录） |
| | F5 F6 F7 F8 F9 | 队伍正在输入答案时：跳过 / 揭晓 / 暂停 / 更正 / 撤销 |
| | Esc | 结束比赛，显示名次（询问时计时暂停） |
| 任何页面 | ? | 本帮助（Esc、? 或 Q 关闭） |
| | Ctrl+Q | 退出（在任何对话框里也可以） |

鼠标也可以点击按钮、选项和题库。

**评分**：同音字、多一个或少一个“的、之、和”等虚词算“接近”（输入法笔误，得一半分）；
数字不同、少了“不”等否定词、换了词，都算错误。
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "关闭")]

    def compose(self):
        with VerticalScroll(id="help"):
            yield Static(help_page(HELP), id="help-text")


def help_page(text: str) -> Group:
    """The help's Markdown with its table as a Rich table whose cells fold, so that Chinese
    text wraps within its cell at 80 columns instead of being cut."""
    lines = text.splitlines()
    rows = [line for line in lines if line.startswith("|")]
    first, last = lines.index(rows[0]), lines.index(rows[-1])
    header, *body = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows if not row.startswith("|---")]
    table = Table(*header, box=None, expand=True, show_edge=False, header_style="bold")
    for column in table.columns:
        column.overflow = "fold"
    table.columns[0].max_width = 12
    table.columns[-1].ratio = 1
    for cells in body:
        table.add_row(*cells)
    return Group(Markdown("\n".join(lines[:first])), table, Markdown("\n".join(lines[last + 1 :])))
