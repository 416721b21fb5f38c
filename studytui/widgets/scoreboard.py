"""The contest scoreboard: every team's name, buzz key and score, always in view."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Scoreboard(Static):
    def show(self, teams, answering: str | None = None) -> None:
        text = Text()
        for index, team in enumerate(teams):
            if index:
                text.append("   ")
            style = "bold reverse" if team.name == answering else "bold"
            text.append(f" {team.name}", style=style)
            text.append(f"［{team.key.upper()}］", style="dim")
            text.append(f" {team.score} ", style=style)
        self.update(text)
