"""Help: every key, on one page, read from the screens' own bindings (a binding's ``tooltip``
says what it does at length, else its footer ``description``), so it never falls behind them.
Keys a screen takes that are not its bindings (typing in a box, a list's arrows) are the
screen's ``HELP_MORE``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich.console import Group
from rich.markdown import Markdown
from rich.table import Table
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from studytui.keys import key_display

INTRO = "# 帮助 · 按键"
OUTRO = """\
鼠标也可以点击按钮、选项和题库。

**评分**：同音字、多一个或少一个“的、之、和”等虚词算“接近”（输入法笔误，得一半分）；
数字不同、少了“不”等否定词、换了词，都算错误。
"""

Page = tuple[str, Sequence[type[Any]]]
"""A page of the help: its title, and the screens and widgets whose keys it lists."""


def pages() -> list[Page]:
    """The app's pages, in the order the help lists them (imported here: the help loads on its key)."""
    from studytui.screens.banks import BanksScreen
    from studytui.screens.class_menu import ClassMenu
    from studytui.screens.contest import ContestScreen
    from studytui.screens.home import HomeScreen
    from studytui.screens.items import ItemsScreen
    from studytui.screens.leaderboard import LeaderboardScreen
    from studytui.screens.quiz import QuizScreen
    from studytui.screens.reading import ReadingScreen
    from studytui.screens.result import ResultScreen
    from studytui.screens.review import ReviewScreen
    from studytui.screens.stats import StatsScreen
    from studytui.widgets.answers import ChoiceAnswer, JudgeAnswer, MultiAnswer, OrderAnswer

    return [
        ("首页", [HomeScreen]),
        ("答题", [QuizScreen, ChoiceAnswer, JudgeAnswer, MultiAnswer, OrderAnswer]),
        ("结果", [ResultScreen]),
        ("通读原文", [ReadingScreen]),
        ("统计", [StatsScreen]),
        ("题库", [BanksScreen]),
        ("审题", [ReviewScreen]),
        ("题目分析", [ItemsScreen]),
        ("排行榜", [LeaderboardScreen]),
        ("班级测验", [ClassMenu]),
        ("小组竞赛（主持人）", [ContestScreen]),
    ]


def keys_shown(keys: Iterable[str], display: Callable[[str], str] = key_display) -> str:
    """Keys as the help shows them: ``escape,h`` → ``Esc / H``; three digits or more in a row as ``1–9``."""
    shown: list[str] = []
    run: list[int] = []
    for key in [*keys, ""]:
        if key.isdigit() and (not run or int(key) == run[-1] + 1):
            run.append(int(key))
            continue
        if run:
            shown.extend([f"{run[0]}–{run[-1]}"] if len(run) > 2 else [str(n) for n in run])
            run = [int(key)] if key.isdigit() else []
        if key and not key.isdigit():
            shown.append(display(key))
    return " / ".join(shown)


def binding_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, what they do) for each binding that says what it does; bindings in a row that do the
    same thing (by their words) share one line."""
    rows: list[tuple[list[str], str]] = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        what = binding.tooltip or binding.description
        if not what:
            continue
        keys = [key.strip() for key in binding.key.split(",")]
        if rows and rows[-1][1] == what:
            rows[-1][0].extend(keys)
        else:
            rows.append((keys, what))
    return [(keys_shown(keys), what) for keys, what in rows]


def help_rows(pages: Sequence[Page], everywhere: Iterable[BindingType]) -> list[tuple[str, str, str]]:
    """(page, keys, what they do), each page's title on its first line only; a line met on
    another screen of the same page is not said twice."""
    rows: list[tuple[str, str, str]] = []
    for title, screens in [*pages, ("任何页面", [])]:
        lines: list[tuple[str, str]] = []
        for screen in screens:
            more = [(keys, what) for keys, what in getattr(screen, "HELP_MORE", ())]
            for line in [*more, *binding_rows(getattr(screen, "BINDINGS", ()))]:
                if line not in lines:
                    lines.append(line)
        if not screens:
            lines = binding_rows(everywhere)
        rows.extend((title if i == 0 else "", keys, what) for i, (keys, what) in enumerate(lines))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "关闭", tooltip="关闭本帮助")]

    def __init__(self, everywhere: Iterable[BindingType] = ()) -> None:
        """``everywhere``: the app's own bindings (keys that work on every page)."""
        super().__init__()
        self.everywhere = list(everywhere)

    def compose(self):
        with VerticalScroll(id="help"):
            yield Static(help_page(help_rows(pages(), self.everywhere)), id="help-text")


def help_page(rows: Sequence[tuple[str, str, str]]) -> Group:
    """The rows as a Rich table whose cells fold, so that Chinese text wraps within its cell at
    80 columns instead of being cut; the title above, the notes on grading below."""
    table = Table("页面", "按键", "作用", box=None, expand=True, show_edge=False, header_style="bold")
    for column in table.columns:
        column.overflow = "fold"
    table.columns[0].max_width = 12
    table.columns[-1].ratio = 1
    for cells in rows:
        table.add_row(*cells)
    return Group(Markdown(INTRO), table, Markdown(OUTRO))
