"""通读原文: a bank's speech part by part, every formulation a question asks marked (underlined,
with how well this learner knows it), and a key that practises the part on screen."""

from __future__ import annotations

import random
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import var
from textual.widgets import Footer, Label, Static

from studytui.bankfile.bank import Bank
from studytui.quiz import Settings
from studytui.reading import Mastery, Part, Passage, Reading, Results, read_bank
from studytui.screens.working import WorkingScreen
from studytui.vocabulary import Mode, Strictness
from studytui.widgets.wrap import Prose
from studytui.widgets.header import Header

MASTERY_MARKS = {
    Mastery.KNOWN: ("✔", "green"),
    Mastery.SHAKY: ("◐", "yellow"),
    Mastery.WEAK: ("✘", "red"),
    Mastery.NEW: ("○", ""),
}
"""Each mastery's sign after its formulation, and its colour (the sign shows it without colour too)."""
LEGEND = "下划线是题目问到的提法，其后标出你掌握得怎样（按你的作答）：" + "　".join(
    f"{sign} {m.value}" for m, (sign, _) in MASTERY_MARKS.items()
)
NO_SPEECH = "这个题库没有附讲话原文，下面按部分列出各题的出处原句。"
INDENT = "　　"


def part_text(part: Part, from_speech: bool) -> Text:
    """A part as one text: its title (a speech's heading line, marks and all), what it asks,
    and its paragraphs with their formulations marked."""
    passages = list(part.passages)
    text = Text()
    if passages and passages[0].heading:
        text.append_text(passage_text(passages.pop(0)))
    else:
        text.append(part.title, style="bold")
    text.append("\n" + part_summary(part) + "\n", style="dim")
    for passage in passages:
        text.append("\n" if passage.heading else "\n" + (INDENT if from_speech else "· "))
        text.append_text(passage_text(passage))
    return text


def part_summary(part: Part) -> str:
    marks = part.marks
    if not marks:
        return "这一部分没有题目问到的提法"
    counts = "　".join(f"{MASTERY_MARKS[m][0]} {sum(mark.mastery is m for mark in marks)}" for m in MASTERY_MARKS)
    return f"提法 {len(marks)} 个：{counts}"


def passage_text(passage: Passage) -> Text:
    text = Text(style="bold" if passage.heading else "")
    position = 0
    for mark in passage.marks:
        sign, colour = MASTERY_MARKS[mark.mastery]
        text.append(passage.text[position : mark.start])
        text.append(passage.text[mark.start : mark.end], style=f"underline {colour}".strip())
        text.append(sign, style=colour or "dim")
        position = mark.end
    text.append(passage.text[position:])
    return text


class ReadingScreen(WorkingScreen[None]):
    BINDINGS = [
        Binding("escape,h", "app.pop_screen", "返回", key_display="Esc", tooltip="返回首页"),
        Binding("left", "part(-1)", "上一部分", key_display="←", priority=True),
        Binding("right", "part(1)", "下一部分", key_display="→", priority=True),
        Binding("p", "practise", "练习这一部分", key_display="P", tooltip="练习屏幕上的这一部分"),
    ]
    HELP_MORE = [("↑ ↓ PgUp PgDn", "阅读")]

    reading: var[Reading | None] = var(None, init=False)
    """The bank read with this learner's marks (read again when the screen is back on top)."""
    current: var[int] = var(0, init=False)
    """The part on screen (its title in the status line)."""

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank
        self.strictness = Strictness.NORMAL
        """How a slip is scored when a part is practised from here, read with the marks."""

    def compose(self):
        yield Header()
        yield Label("", id="reading-status")
        yield VerticalScroll(id="reading")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.watch(self.query_one("#reading", VerticalScroll), "scroll_y", self.follow_scroll, init=False)

    @dataclass
    class Read(Message):
        """The bank read with this learner's marks, and how slips are scored, off the UI thread."""

        reading: Reading
        strictness: Strictness

    def on_screen_resume(self) -> None:
        """Shown, or back from practising a part: the marks follow the answers given since."""
        self.read_marks()

    @work(thread=True, exclusive=True, group="reading", exit_on_error=False)
    def read_marks(self) -> None:
        rows = self.app.store.question_results(self.app.profile, self.bank.id)
        results = {question: Results(row.answers, row.total) for question, row in rows.items()}
        strictness = self.app.store.strictness()
        self.post_message(self.Read(read_bank(self.bank, results), strictness))

    async def on_reading_screen_read(self, message: Read) -> None:
        reading = self.reading = message.reading
        self.strictness = message.strictness
        scroll = self.query_one("#reading", VerticalScroll)
        if scroll.children:
            for widget, part in zip(scroll.query(".part").results(Prose), reading.parts):
                widget.text = part_text(part, reading.from_speech)
                widget.refresh(layout=True)
        else:
            await scroll.mount_all(
                [
                    Static(Text(LEGEND if reading.from_speech else f"{NO_SPEECH}\n{LEGEND}"), id="reading-legend"),
                    *[Prose(part_text(part, reading.from_speech), classes="part") for part in reading.parts],
                ]
            )
            scroll.focus()
        self.show_status()

    def watch_current(self) -> None:
        self.show_status()

    def show_status(self) -> None:
        parts = self.reading.parts if self.reading else []
        if not parts:
            self.query_one("#reading-status", Label).update("这个题库没有可以通读的原文或出处。")
            return
        part = parts[self.current]
        self.query_one("#reading-status", Label).update(Text(f"通读原文 · 第 {self.current + 1}/{len(parts)} 部分：{part.title}"))

    def follow_scroll(self, y: float) -> None:
        """The part on screen is the one at the top of the page; at the end of the page, the
        one jumped to stays while it shows."""
        scroll = self.query_one("#reading", VerticalScroll)
        widgets = list(scroll.query(".part"))
        if not widgets:
            return
        if y >= scroll.max_scroll_y and widgets[self.current].virtual_region.y >= y:
            return
        self.current = max((i for i, w in enumerate(widgets) if w.virtual_region.y <= y + 1), default=0)

    def action_part(self, step: int) -> None:
        widgets = list(self.query_one("#reading", VerticalScroll).query(".part"))
        if not widgets:
            return
        self.current = max(0, min(len(widgets) - 1, self.current + step))
        self.query_one("#reading", VerticalScroll).scroll_to_widget(widgets[self.current], top=True, animate=False)

    @dataclass
    class PractiseChosen(Message):
        """Practise the part on screen; the app starts the study flow."""

        bank: Bank
        settings: Settings

    def action_practise(self) -> None:
        if not self.reading or not self.reading.parts:
            return
        part = self.reading.parts[self.current]
        if part.section is None:
            self.notify("题库里没有这一部分，不能单独练习。", severity="warning")
            return
        settings = Settings(
            mode=Mode.PRACTICE, sections=(part.section,), seed=random.randrange(1 << 30), strictness=self.strictness
        )
        self.post_message(self.PractiseChosen(self.bank, settings))
