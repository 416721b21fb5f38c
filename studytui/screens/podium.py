"""The end of a contest: the places, as its score log ranks them."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from studytui.contest import Contest
from studytui.widgets.header import Header

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}


class PodiumScreen(Screen[None]):
    BINDINGS = [Binding("escape,enter", "app.pop_screen", "返回首页")]

    def __init__(self, contest: Contest, group_id: str) -> None:
        super().__init__()
        self.contest, self.group_id = contest, group_id

    def compose(self):
        won_tie = self.contest.tiebreak_order
        text = Text("比赛结束　名次\n\n", style="bold")
        for place, team in self.contest.podium():
            tie = "　（加赛胜出）" if team.name in won_tie else ""
            text.append(
                f"{MEDALS.get(place, '  ')} 第 {place} 名　{team.name}　{team.score} 分{tie}\n",
                style="bold" if place == 1 else "",
            )
        text.append(f"\n成绩已保存（比赛编号 {self.group_id}）。", style="dim")
        yield Header()
        yield Static(text, id="podium")
        yield Footer(compact=True)
