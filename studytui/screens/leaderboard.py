"""班级测验: the live leaderboard of everyone who took a code in this data folder."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from studytui.grading import format_score
from studytui.host import Host

REFRESH_SECONDS = 2.0


class LeaderboardScreen(Screen[str | None]):
    """Rank, score and time of everyone who took ``code``; refreshes by itself. Dismissed
    with "close" when the instructor asks to close the quiz, else None."""

    app = getters.app(Host)

    BINDINGS = [
        Binding("escape,h", "leave", "返回"),
        Binding("r", "refresh_board", "刷新"),
        Binding("e", "close_quiz", "结束测验"),
    ]

    def __init__(self, code: str, title: str = "", can_close: bool = False) -> None:
        super().__init__()
        self.code, self.title_text, self.can_close = code, title, can_close

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "close_quiz":
            return self.can_close and not self.app.store.quiz_closed(self.code)
        return True

    def action_close_quiz(self) -> None:
        self.dismiss("close")

    def action_leave(self) -> None:
        self.dismiss(None)

    def compose(self):
        yield Header()
        with Vertical(id="leaderboard"):
            yield Static(self.heading(), id="board-title")
            yield DataTable(id="board", cursor_type="row", zebra_stripes=True)
            yield Label("答错最多的题", classes="heading")
            yield DataTable(id="board-missed", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def heading(self) -> Text:
        closed = "　（已结束）" if self.app.store.quiz_closed(self.code) else ""
        return Text(f"班级测验 {self.code}　{self.title_text}{closed}", style="bold")

    def on_mount(self) -> None:
        self.query_one("#board", DataTable).add_columns("名次", "姓名", "得分", "已答", "用时", "状态")
        self.query_one("#board-missed", DataTable).add_columns("题号", "答错", "作答", "题目")
        self.action_refresh_board()
        self.set_interval(REFRESH_SECONDS, self.action_refresh_board)

    def action_refresh_board(self) -> None:
        store = self.app.store
        board = self.query_one("#board", DataTable)
        board.clear()
        for rank, row in enumerate(store.ranking(quiz_code=self.code), 1):
            minutes, seconds = divmod(int(row["seconds"]), 60)
            state = "已交卷" if row["finished"] else "作答中"
            board.add_row(
                rank,
                Text(row["name"] + ("（导入）" if row["imported"] else "")),
                format_score(row["score"]),
                f"{row['answered']}/{row['total']}",
                f"{minutes}:{seconds:02d}",
                state,
            )
        missed = self.query_one("#board-missed", DataTable)
        missed.clear()
        for row in store.most_missed(quiz_code=self.code):
            missed.add_row(Text(row["question_id"]), row["missed"], row["answers"], Text(row["prompt"][:50]))
