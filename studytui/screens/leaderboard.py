"""班级测验: the live leaderboard of everyone who took a code in this data folder."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from studytui.host import Host

REFRESH_SECONDS = 2.0


class LeaderboardScreen(Screen[None]):
    """Rank, score and time of everyone who took ``code``; refreshes by itself."""

    app = getters.app(Host)

    BINDINGS = [Binding("escape,h", "app.pop_screen", "返回"), Binding("r", "refresh_board", "刷新")]

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
        store = self.app.store
        board = self.query_one("#board", DataTable)
        board.clear()
        for rank, row in enumerate(store.ranking(quiz_code=self.code), 1):
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
        for row in store.most_missed(quiz_code=self.code):
            missed.add_row(Text(row.question_id), row.missed, row.answers, Text(row.prompt[:50]))
