"""Accuracy as text bars, sized in terminal cells so Chinese labels line up."""

from __future__ import annotations

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
