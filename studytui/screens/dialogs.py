"""Small modal dialogs; each returns its value through ``dismiss``."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static

from studytui.widgets.text_input import TextInput


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [Binding("escape,n", "answer(False)", "取消"), Binding("y", "answer(True)", "确定")]

    def __init__(self, question: str, yes: str = "确定（Y）", no: str = "取消（N）") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self):
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button(self.no, id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class TextDialog(ModalScreen[str | None]):
    """Asks for one line of text; ``check`` returns an error message, or None when fine."""

    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(
        self, title: str, placeholder: str = "", check: Callable[[str], str | None] | None = None, value: str = ""
    ) -> None:
        super().__init__()
        self.title_text, self.placeholder, self.check, self.value = title, placeholder, check, value

    def compose(self):
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text), classes="dialog-text")  # a Static wraps a long prompt; a Label cuts it
            yield TextInput(self.value, placeholder=self.placeholder, id="dialog-input")
            yield Static("", id="dialog-error", classes="error")
            yield Label("回车确定，Esc 取消", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        problem = self.check(text) if self.check else (None if text else "不能为空")
        if problem:
            self.query_one("#dialog-error", Static).update(Text(problem))
        else:
            self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ProfileDialog(ModalScreen[str | None]):
    """Choose an existing profile or type a new name."""

    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, profiles: list[str], can_cancel: bool = True) -> None:
        super().__init__()
        self.profiles, self.can_cancel = profiles, can_cancel

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label("你是谁？选择已有的名字，或输入新名字后回车", classes="dialog-text")
            if self.profiles:
                yield OptionList(*[Text(name) for name in self.profiles], id="profiles")
            yield TextInput(placeholder="新名字（例如：张三）", id="new-profile", select_on_focus=False)

    def on_mount(self) -> None:
        self.query_one("#new-profile" if not self.profiles else "#profiles").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.profiles[event.option_index])

    def on_key(self, event: events.Key) -> None:
        """Typing on the list of names starts a new name: the text goes into the input (an
        Enter then takes it, not the name highlighted)."""
        new = self.query_one("#new-profile", Input)
        if event.is_printable and event.character and not new.has_focus:
            event.stop()
            event.prevent_default()
            new.focus()
            new.insert_text_at_cursor(event.character)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Esc: back, or out of the app when nobody has been chosen yet (nothing to go back to)."""
        if self.can_cancel:
            self.dismiss(None)
        else:
            self.app.exit()


class SectionsDialog(ModalScreen[tuple[str, ...] | None]):
    """Choose the sections to practise (all by default)."""

    BINDINGS = [Binding("escape", "cancel", "取消"), Binding("enter", "done", "开始", priority=True)]

    def __init__(self, title: str, sections: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.sections = title, sections

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-text")
            yield SelectionList(*[(Text(title), sid, True) for sid, title in self.sections], id="sections")
            yield Static("", id="dialog-error", classes="error")
            yield Label("空格勾选或取消，回车开始，Esc 取消", classes="hint")

    def action_done(self) -> None:
        chosen = tuple(self.query_one(SelectionList).selected)
        if not chosen:
            self.query_one("#dialog-error", Static).update("至少选择一项")
            return
        self.dismiss(() if len(chosen) == len(self.sections) else chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
