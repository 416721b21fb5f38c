"""班级测验's menu: take a quiz, set one, or see a leaderboard."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList


class ClassMenu(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "取消")]

    CHOICES = [
        ("join", "参加测验：输入老师给的测验码"),
        ("create", "出一套测验：用当前题库生成测验码"),
        ("board", "排行榜：查看某个测验码的成绩"),
    ]

    def __init__(self, participant: bool = False) -> None:
        super().__init__()
        self.choices = [(key, label) for key, label in self.CHOICES if not (participant and key == "create")]

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label("班级测验", classes="dialog-text")
            yield OptionList(*[Text(label) for _, label in self.choices], id="class-menu")

    def on_mount(self) -> None:
        menu = self.query_one(OptionList)
        menu.highlighted = 0
        menu.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
