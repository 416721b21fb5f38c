"""班级测验: the live leaderboard of everyone who took a code in this data folder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import DataTable, Footer, Header, Label, Static

from studytui.screens.working import WorkingScreen

if TYPE_CHECKING:
    from studytui.host import Board

REFRESH_SECONDS = 2.0


class LeaderboardScreen(WorkingScreen[None]):
    """Rank, score and time of everyone who took ``code``; refreshes by itself."""

    BINDINGS = [
        Binding("escape,h", "app.pop_screen", "返回"),
        Binding("r", "refresh_board", "刷新", tooltip="刷新（也会自动刷新）"),
    ]

    @dataclass
    class BoardRead(Message):
        """The ranking and the questions most missed, read off the UI thread."""

        board: Board

    board: var[Board | None] = var(None, init=False)
    """The ranking and the questions most missed, as last read."""

    def __init__(self, code: str, title: str = "") -> None:
        super().__init__()
        self.code, self.title_text = code, title

    def compose(self):
        yield Header()
        with Vertical(id="leaderboard"):
            yield Static(Text(f"班级测验 {self.code}　{self.title_text}", style="bold"), id="board-title")
            yield DataTable(id="board", cursor_type="row", zebra_stripes=True)
            yield Label("答错最多的题", classes="heading")
            yield DataTable(id="board-missed", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#board", DataTable).add_columns("名次", "姓名", "得分", "已答", "用时", "状态")
        self.query_one("#board-missed", DataTable).add_columns("题号", "答错", "作答", "题目")
        self.action_refresh_board()
        self.set_interval(REFRESH_SECONDS, self.action_refresh_board)

    def action_refresh_board(self) -> None:
        self.read_board()

    @work(thread=True, exclusive=True, group="board", exit_on_error=False)
    def read_board(self) -> None:
        self.post_message(self.BoardRead(self.app.board(self.code)))

    def on_leaderboard_screen_board_read(self, message: BoardRead) -> None:
        self.board = message.board

    def watch_board(self, read: Board | None) -> None:
        if read is None:
            return
        board = self.query_one("#board", DataTable)
        board.clear()
        for rank, row in enumerate(read.ranking, 1):
            minutes, seconds = divmod(int(row.seconds), 60)
            state = "已交卷" if row.finished else "作答中"
            board.add_row(
                rank,
                Text(row.name + ("（导入）" if row.imported else "")),
                f"{row.score:g}",
                f"{row.answered}/{row.total}",
                f"{minutes}:{seconds:02d}",
                state,
            )
        missed = self.query_one("#board-missed", DataTable)
        missed.clear()
        for question in read.most_missed:
            missed.add_row(Text(question.question_id), question.missed, question.answers, Text(question.prompt[:50]))
