"""Result: score, time, verdict counts, accuracy per section and per kind, and the
mistakes to go through one by one."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Footer, Label, OptionList, Static

from studytui.generator.formulations import kind_name
from studytui.quiz import Outcome, QuizSession, expected_text
from studytui.screens.working import WorkingScreen
from studytui.vocabulary import MODE_NAMES, Mode, Verdict
from studytui.widgets.bars import bar_lines
from studytui.grading import format_score
from studytui.widgets.feedback import Feedback, verdict_label
from studytui.widgets.wrap import Prose
from studytui.widgets.header import Header


HIDDEN = "正确答案和原文在老师结束这套测验后显示（其他人可能还在作答）。"
DISPUTED = "✔ 已申诉，记为正确（原判定保留）"
NO_DISPUTES = (Mode.CLASS, Mode.CONTEST)
"""Modes whose verdicts stand: a class quiz is ranked, and its imports refuse 我答对了."""


class ResultScreen(WorkingScreen[str | None]):
    """Dismissed with "retry" (the mistakes), "board" (a class quiz's leaderboard) or None.
    It shows at once; what depends on the session's class quiz fills in when that is read."""

    BINDINGS = [
        Binding("r", "retry", "重做错题"),
        Binding("o", "override", "我答对了"),
        Binding("l", "board", "排行榜"),
        Binding("escape,h", "home", "返回首页"),
    ]

    @dataclass
    class ClassQuizRead(Message):
        """The code of the class quiz the session was taken for (None for any other session), and
        whether its right answers are still hidden, read off the UI thread."""

        code: str | None
        answers_hidden: bool

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        self.result = session.result()
        self.mistakes = self.result.mistakes
        """The mistakes as the page opened: one disputed here stays in the list, marked."""
        self.looked = False
        """Whether a mistake has been shown: the first is shown as the page opens, without scrolling to it."""
        self.quiz_code: str | None = None
        """The class quiz the session was taken for, once read: its leaderboard (L) and how to hand it in."""
        self.answers_hidden = session.settings.mode == Mode.CLASS
        """A class quiz keeps its right answers hidden (the mistakes' and a retry's) until the
        instructor closes it: others may still be taking it. Hidden until that is read."""

    def compose(self):
        result = self.result
        yield Header()
        with VerticalScroll(id="result"):
            yield Static(self.score_text(), id="result-score")
            with Horizontal(id="result-breakdown"):
                by_section, by_kind = self.breakdown()
                yield Static(by_section, id="by-section", classes="breakdown")
                yield Static(by_kind, id="by-kind", classes="breakdown")
            with Horizontal(classes="dialog-buttons"):
                if result.mistakes and not self.answers_hidden:
                    yield self.retry_button()
                yield Button("返回首页 Esc", id="home")
            if result.mistakes:
                yield Label(f"错题 {len(result.mistakes)} 道（↑↓ 逐一查看）", classes="heading")
                yield OptionList(*[self.mistake_label(o) for o in self.mistakes], id="mistakes")
                yield Vertical(id="mistake-detail")
            else:
                yield Label(self.no_mistakes(), classes="heading")
        yield Footer(compact=True)

    def breakdown(self) -> tuple[Text, Text]:
        """The bars by section and by kind of formulation."""
        result, bank = self.result, self.session.bank
        sections = {bank.section_title(k) or "（未分部分）": v for k, v in result.by_section.items()}
        kinds = {kind_name(k): v for k, v in result.by_kind.items()}
        return bar_lines("各部分得分率", sections), bar_lines("各类提法得分率", kinds)

    @staticmethod
    def retry_button() -> Button:
        return Button("重做错题 R", id="retry", variant="primary")

    def score_text(self) -> Text:
        result = self.result
        minutes, seconds = divmod(int(result.seconds), 60)
        counts = result.counts
        return Text.assemble(
            (f"{MODE_NAMES[self.session.settings.mode]}完成　", "bold"),
            (f"得分 {format_score(result.score)}/{format_score(result.max_score)}（{result.percent:.0f}%）", "bold green"),
            f"　用时 {minutes} 分 {seconds} 秒\n",
            ("正确 ", ""),
            (str(counts[Verdict.CORRECT]), "green"),
            ("　接近 ", ""),
            (str(counts[Verdict.CLOSE]), "yellow"),
            ("　错误 ", ""),
            (str(counts[Verdict.WRONG]), "red"),
            *([("　未答 ", ""), (str(counts["unanswered"]), "dim")] if counts["unanswered"] else []),
        )

    def no_mistakes(self) -> str:
        """Nothing answered wrong: all right, unless time ran out on questions never answered."""
        unanswered = self.result.counts["unanswered"]
        answered = self.session.total - unanswered
        if not unanswered:
            return "全部正确，太棒了！"
        if not answered:
            return f"时间到，{unanswered} 题都没有作答。"
        return f"已答的 {answered} 题都答对了，还有 {unanswered} 题没有作答。"

    def on_mount(self) -> None:
        if self.result.mistakes:
            self.query_one("#mistakes", OptionList).focus(scroll_visible=False)  # the page opens on its score
        self.read_class_quiz()

    @work(thread=True, exclusive=True, group="class-quiz", exit_on_error=False)
    def read_class_quiz(self) -> None:
        store = self.app.store
        record = store.session(self.session.session_id)
        code = record.quiz_code if record else None
        hidden = self.session.settings.mode == Mode.CLASS and code is not None and not store.quiz_closed(code)
        self.post_message(self.ClassQuizRead(code, hidden))

    async def on_result_screen_class_quiz_read(self, message: ClassQuizRead) -> None:
        if self.quiz_code is None and message.code is not None:  # the first read (it is read again while the answers are hidden)
            self.quiz_code = message.code
            await self.show_hand_in(message.code)
        if self.answers_hidden and not message.answers_hidden:
            self.answers_hidden = False
            await self.show_answers()
        self.refresh_bindings()

    async def show_hand_in(self, code: str) -> None:
        """How to hand in a class quiz taken on one's own machine (a served session's answers are already in)."""
        if self.app.participant:
            return
        name = self.app.profile_name or "我的成绩"
        file = name + ".json" if name.isalnum() else shlex.quote(name + ".json")
        command = f"studytui export --code {code} --format json -o {file}"
        hand_in = Static(Text(f"交成绩：在本机运行\n  {command}\n把生成的文件交给老师。", style="bold"), id="hand-in")
        await self.query_one("#result", VerticalScroll).mount(hand_in, before=self.query_one(".dialog-buttons"))

    async def show_answers(self) -> None:
        """The right answers may be shown now: a retry of the mistakes, and the highlighted one's answer."""
        if self.result.mistakes:
            await self.query_one(".dialog-buttons", Horizontal).mount(self.retry_button(), before="#home")
        outcome = self.highlighted_mistake()
        if outcome is not None:
            await self.show_mistake(outcome)

    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        await self.show_mistake(self.mistakes[event.option_index])
        if self.looked:  # the page scrolls to the mistake the learner moved to, not to the first as it opens
            self.call_after_refresh(self.query_one("#mistake-detail").scroll_visible, animate=False)
        self.looked = True
        if self.answers_hidden:  # the instructor may have closed the quiz since: its answers show when read
            self.read_class_quiz()

    async def show_mistake(self, outcome: Outcome) -> None:
        detail = self.query_one("#mistake-detail", Vertical)
        await detail.remove_children()
        question = outcome.question
        if self.answers_hidden:
            verdict = Text.assemble(verdict_label(outcome.grade), "　你的答案：", outcome.typed or "（未作答）")
            shown = [Prose(verdict), Static(HIDDEN, classes="hint")]
        else:
            shown = [Feedback(outcome.grade, question, expected_text(question), outcome.typed)]
        await detail.mount_all([Prose(Text(question.prompt), classes="prompt"), *shown])
        if outcome.overridden:
            self.show_disputed()

    @staticmethod
    def mistake_label(outcome: Outcome) -> Text:
        disputed = "✔ 已申诉　" if outcome.overridden else ""
        return Text(f"{disputed}{outcome.question.id}　{outcome.question.prompt[:40]}")

    def show_disputed(self) -> None:
        self.query_one("#mistake-detail .verdict", Static).update(DISPUTED)

    def highlighted_mistake(self) -> Outcome | None:
        index = self.query_one("#mistakes", OptionList).highlighted if self.mistakes else None
        return self.mistakes[index] if index is not None else None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id if event.button.id != "home" else None)

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "retry":
            return not self.answers_hidden
        if action == "board":
            return self.quiz_code is not None
        if action == "override":
            outcome = self.highlighted_mistake()
            return self.session.settings.mode not in NO_DISPUTES and outcome is not None and outcome.disputable
        return True

    async def action_override(self) -> None:
        """我答对了 after an exam: the highlighted mistake is scored right, the original verdict kept."""
        outcome = self.highlighted_mistake()
        if outcome is None or not self.check_action("override", ()):
            return
        self.session.override(outcome)
        self.result = self.session.result()
        self.query_one("#result-score", Static).update(self.score_text())
        by_section, by_kind = self.breakdown()
        self.query_one("#by-section", Static).update(by_section)
        self.query_one("#by-kind", Static).update(by_kind)
        mistakes = self.query_one("#mistakes", OptionList)
        index = mistakes.highlighted
        mistakes.replace_option_prompt_at_index(index, self.mistake_label(outcome))
        self.show_disputed()
        self.notify("已记为正确，原判定保留供老师复核。")
        self.refresh_bindings()

    def action_retry(self) -> None:
        if self.result.mistakes and not self.answers_hidden:
            self.dismiss("retry")

    def action_board(self) -> None:
        self.dismiss("board")

    def action_home(self) -> None:
        self.dismiss(None)
