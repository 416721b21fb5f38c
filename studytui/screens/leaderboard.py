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
from textual.widgets import DataTable, Footer, Label, Static

from studytui.grading import format_score
from studytui.screens.working import WorkingScreen
from studytui.widgets.header import Header

if TYPE_CHECKING:
    from studytui.host import Board

REFRESH_SECONDS = 2.0


class LeaderboardScreen(WorkingScreen[str | None]):
    """Rank, score and time of everyone who took ``code``; refreshes by itself, reading the
    store in a worker. Dismissed with "close" when the instructor asks to close the quiz, else None."""

    BINDINGS = [
        Binding("escape,h", "leave", "返回"),
        Binding("r", "refresh_board", "刷新", tooltip="刷新（也会自动刷新）"),
        Binding("e", "close_quiz", "结束测验", tooltip="结束测验（出题老师）：大家的成绩页显示正确答案，测验码不能再作答"),
    ]

    @dataclass
    class BoardRead(Message):
        """The ranking, the questions most missed and whether the quiz is closed, read off the UI thread."""

        board: Board

    board: var[Board | None] = var(None, init=False)
    """The leaderboard as last read."""

    def __init__(self, code: str, title: str = "", can_close: bool = False) -> None:
        super().__init__()
        self.code, self.title_text, self.can_close = code, title, can_close

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_quiz":
            return self.can_close and self.board is not None and not self.board.closed
        return True

    def action_close_quiz(self) -> None:
        self.dismiss("close")

    def action_leave(self) -> None:
        self.dismiss(None)

    def compose(self):
        yield Header()
        with Vertical(id="leaderboard"):
            yield Static(self.heading(closed=False), id="board-title")
            yield DataTable(id="board", cursor_type="row", zebra_stripes=True)
            yield Label("答错最多的题", classes="heading")
            yield DataTable(id="board-missed", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def heading(self, closed: bool) -> Text:
        return Text(f"班级测验 {self.code}　{self.title_text}{'　（已结束）' if closed else ''}", style="bold")

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
        self.query_one("#board-title", Static).update(self.heading(read.closed))
        board = self.query_one("#board", DataTable)
        board.clear()
        for rank, row in enumerate(read.ranking, 1):
            minutes, seconds = divmod(int(row.seconds), 60)
            state = "已交卷" if row.finished else "作答中"
            board.add_row(
                rank,
                Text(row.name + ("（导入）" if row.imported else "")),
                format_score(row.score),
                f"{row.answered}/{row.total}",
                f"{minutes}:{seconds:02d}",
                state,
            )
        missed = self.query_one("#board-missed", DataTable)
        missed.clear()
        for question in read.most_missed:
            missed.add_row(Text(question.question_id), question.missed, question.answers, Text(question.prompt[:50]))
        self.refresh_bindings()
