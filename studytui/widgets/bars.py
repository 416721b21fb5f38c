"""Accuracy and past scores as text bars, sized in terminal cells so Chinese labels line up."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from rich.cells import cell_len, set_cell_size
from rich.text import Text

BAR_WIDTH = 10
LABEL_WIDTH = 14  # label, bar, percentage and count fit half of an 80-column screen


def bar_lines(title: str, groups: dict[str, tuple[int, float]]) -> Text:
    """Title, then one line per group: label, bar, percentage, count."""
    text = Text(title, style="bold")
    for label, (count, accuracy) in groups.items():
        text.append("\n")
        shown = label if cell_len(label) <= LABEL_WIDTH else set_cell_size(label, LABEL_WIDTH - 1) + "…"
        filled = round(accuracy * BAR_WIDTH)
        colour = "green" if accuracy >= 0.8 else "yellow" if accuracy >= 0.5 else "red"
        text.append(set_cell_size(shown, LABEL_WIDTH) + " ")
        text.append("█" * filled, style=colour)
        text.append("░" * (BAR_WIDTH - filled), style="dim")
        text.append(f" {accuracy:4.0%}  {count}")
    return text


CHART_BAR_WIDTH = 20
CHART_SESSIONS = 10


class Scored(Protocol):
    """A session as the chart reads it (the store's ``SessionScore``)."""

    @property
    def mode(self) -> str: ...
    @property
    def started(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def max_score(self) -> float: ...


def score_chart(sessions: Sequence[Scored], mode_names: dict[str, str]) -> Text:
    """The latest sessions, one line each: local start time, mode, a bar on a 0–100%
    scale and the score in figures; says so when there are none."""
    scored = [s for s in sessions if s.max_score][-CHART_SESSIONS:]
    if not scored:
        return Text("还没有做完的练习或考试。", style="dim")
    text = Text(" " * 19 + "0%" + " " * (CHART_BAR_WIDTH - 6) + "100%", style="dim")  # over the bars' ends
    for row in scored:
        share = row.score / row.max_score
        when = datetime.fromisoformat(row.started).astimezone().strftime("%m-%d %H:%M")
        filled = round(share * CHART_BAR_WIDTH)
        text.append(f"\n{when} {set_cell_size(mode_names.get(row.mode, row.mode), 6)} ")
        text.append("█" * filled, style="green" if share >= 0.8 else "yellow" if share >= 0.5 else "red")
        text.append("░" * (CHART_BAR_WIDTH - filled), style="dim")
        text.append(f" {share:4.0%}")
    return text
