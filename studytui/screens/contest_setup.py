"""小组竞赛's setup: teams, rounds, the countdown and the points, checked against the
questions the bank has for a contest."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from studytui.contest import ContestError, Setup, check_enough, parse_setup
from studytui.widgets.text_input import TextInput


class ContestSetup(ModalScreen[Setup | None]):
    """Returns the host's choices, or None to cancel."""

    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, available: int) -> None:
        super().__init__()
        self.available = available
        """Questions the bank can ask in a contest."""

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label("小组竞赛：队伍（2–8 支，空格分隔，可写 队名:抢答键）", classes="dialog-text")
            yield TextInput("红队:a 蓝队:l 绿队:z", id="teams")
            yield Label(f"每轮题数：必答（每队） 抢答（共） 风险题（每队）　题库可出 {self.available} 道")
            yield TextInput("1 5 1", id="rounds")
            yield Label("每题限时（秒）　起始分")
            yield TextInput("30 0", id="timing")
            yield Label("答对得分　抢答答错扣分　抢跑扣分　速度奖励（0 为不设）")
            yield TextInput("10 -10 -10 0", id="points")
            yield Static("", id="dialog-error", classes="error")
            yield Label("回车确定，Esc 取消", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        lines = [self.query_one(f"#{name}", Input).value for name in ("teams", "rounds", "timing", "points")]
        try:
            setup = parse_setup(*lines)
            check_enough(setup, self.available)
        except ContestError as exc:
            self.query_one("#dialog-error", Static).update(Text(str(exc)))
            return
        self.dismiss(setup)

    def action_cancel(self) -> None:
        self.dismiss(None)
