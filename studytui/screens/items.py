"""题目分析 item analysis: each question of a bank with its attempts, share correct,
discrimination, disputes and most common wrong answers, flagged questions first; R opens
the question highlighted in the review (审题)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from studytui.constants import TYPE_NAMES
from studytui.items import ItemStats, figure, percent
from studytui.screens.banks import clip
from studytui.widgets.header import Header

PROMPT_CELLS = 28


class ItemsScreen(Screen[None]):
    BINDINGS = [Binding("r", "review", "审这道题"), Binding("escape", "close", "返回")]

    @dataclass
    class ReviewChosen(Message):
        """Review this question of the bank file; the app opens the review."""

        path: Path
        question_id: str

    def __init__(self, path: Path, title: str, stats: list[ItemStats]) -> None:
        super().__init__()
        self.path, self.title_text, self.stats = path, title, stats
        self.reviewable = path.suffix.lower() != ".txt"

    def compose(self):
        yield Header()
        with Vertical(id="items-page"):
            yield Label("", id="items-summary")
            yield DataTable(id="items-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="items-detail"):
                yield Static("", id="items-detail-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"题目分析：{self.title_text}"
        flagged = sum(bool(s.flags) for s in self.stats)
        answers = sum(s.attempts for s in self.stats)
        summary = f"{len(self.stats)} 道题，{answers} 次作答；{flagged} 道题需要复查（⚑，排在最前，按 R 审题）"
        self.query_one("#items-summary", Label).update(Text(summary))
        table = self.query_one("#items-table", DataTable)
        table.add_columns("", "题号", "题型", "题目", "作答", "答对率", "区分度D", "r_pb", "我答对了")
        for s in self.stats:
            mark = Text("⚑", style="bold red") if s.flags else ""
            table.add_row(
                mark,
                s.question.id,
                TYPE_NAMES[s.question.type],
                clip(s.question.prompt, PROMPT_CELLS),
                s.attempts,
                percent(s.share_correct),
                figure(s.discrimination),
                figure(s.point_biserial),
                s.disputes,
            )
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.stats):
            self.query_one("#items-detail-text", Static).update(detail(self.stats[event.cursor_row]))

    def check_action(self, action: str, parameters) -> bool | None:
        return self.reviewable if action == "review" else True

    def action_review(self) -> None:
        row = self.query_one("#items-table", DataTable).cursor_row
        if self.reviewable and 0 <= row < len(self.stats):
            self.post_message(self.ReviewChosen(self.path, self.stats[row].question.id))

    def action_close(self) -> None:
        self.dismiss(None)


def detail(s: ItemStats) -> Text:
    text = Text()
    if s.flags:
        text.append("⚑ " + "、".join(flag.label for flag in s.flags) + "\n", style="bold red")
    text.append(s.question.prompt + "\n")
    text.append(f"作答 {s.attempts} 次（{s.takers} 人），答对 {s.correct} 次；我答对了 {s.disputes} 次\n", style="dim")
    if s.wrong_answers:
        text.append("最常见的错答：", style="bold")
        text.append("；".join(f"{typed}（{count} 次）" for typed, count in s.wrong_answers))
    return text
