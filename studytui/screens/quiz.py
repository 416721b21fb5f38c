"""Quiz: one question at a time; feedback after each (practice) or at the end (exam).

Dismissed with True when the session is finished, False when the user left it
(it stays in the store, to be resumed from the home screen).
"""

from __future__ import annotations

import random

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar

from studytui.quiz import LEAVING_MISTAKES, Outcome, QuizSession, expected_text, gives_away, section_title_shown
from studytui.vocabulary import MODE_NAMES
from studytui.widgets.answers import Answered, answer_widget, hint, pending
from studytui.widgets.feedback import Feedback, QuestionCard
from studytui.widgets.header import Header

FEEDBACK_MODES = ("practice", "mistakes", "review")
NEXT_HINT = "回车或 N：下一题"
OVERRIDE_HINT = "　O：我答对了"
LAST_MINUTE = "最后一分钟！时间到时，已填写但未提交的答案按当前内容评分。"


class QuizScreen(Screen[bool]):
    BINDINGS = [
        Binding("escape", "leave", "离开", tooltip="离开（已答的题都已保存，可继续）"),
        Binding("enter,n", "next", "下一题", key_display="回车", tooltip="看完反馈后到下一题"),
        Binding("o", "override", "我答对了", tooltip="我答对了（申诉：记为正确，原判定保留；没作答的题不能申诉）"),
    ]
    HELP_MORE = [("回车", "提交（填空有多个空时，回车到下一个空）")]

    last: var[Outcome | None] = var(None, bindings=True)
    """The answer whose feedback is on screen (None while a question waits for its answer): the
    footer offers 下一题 and 我答对了 only then."""
    time_left: var[float | None] = var(None, init=False)
    """Seconds left on a timed session's clock (shown top right; the last minute in red)."""

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        self.rng = random.Random(session.session_id)

    @property
    def feedback(self) -> bool:
        return self.session.settings.mode in FEEDBACK_MODES

    def compose(self):
        yield Header()
        with Horizontal(id="quiz-status"):
            yield Label("", id="quiz-title")
            yield ProgressBar(total=self.session.total, show_eta=False, show_percentage=False, id="quiz-progress")
            yield Label("", id="quiz-count")
            yield Label("", id="quiz-clock")
        yield VerticalScroll(id="quiz-body")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        if self.session.time_left() is not None:
            self.set_interval(0.5, self.tick)
            self.tick()
        if not self.session.done:  # a resumed exam may have run out while away
            await self.show_question()

    # -- showing ------------------------------------------------------------------------

    async def show_question(self) -> None:
        if not self.is_current:
            return  # time ran out as the screen came up: time_up has dismissed it, and its widgets may be gone
        self.last = None
        session = self.session
        self.query_one("#quiz-progress", ProgressBar).update(progress=session.position)
        if session.done:
            self.dismiss(True)
            return
        question = session.current
        self.query_one("#quiz-count", Label).update(f"{session.position + 1}/{session.total}")
        self.query_one("#quiz-title", Label).update(Text(self.title_for(question)))
        section = session.bank.section_title(question.section)
        body = self.query_one("#quiz-body", VerticalScroll)
        await body.remove_children()
        await body.mount_all(
            [
                QuestionCard(question, section_title_shown(question, session.questions, section), id="question"),
                answer_widget(question, self.rng),
                hint(question),
            ]
        )
        body.scroll_home(animate=False)
        session.show_next()

    def title_for(self, question) -> str:
        """The mode and the bank's title, unless the title is this question's answer."""
        mode, title = MODE_NAMES[self.session.settings.mode], self.session.bank.title
        if self.session.settings.mode == "mistakes":
            mode += f"（{LEAVING_MISTAKES}）"
        return mode if gives_away(question, title) else f"{mode} · {title}"

    async def on_answered(self, message: Answered) -> None:
        message.stop()
        if self.last is not None or self.session.done:
            return
        outcome = self.session.submit(message.response)
        if not self.feedback:
            await self.show_question()
            return
        self.last = outcome
        body = self.query_one("#quiz-body", VerticalScroll)
        for widget in body.query(".answer"):
            widget.disabled = True
        body.query(".hint").remove()
        question = outcome.question
        await body.mount_all(
            [
                Feedback(outcome.grade, question, expected_text(question), outcome.typed, id="feedback"),
                Label(NEXT_HINT + (OVERRIDE_HINT if outcome.disputable else ""), id="next-hint", classes="hint"),
            ]
        )
        body.call_after_refresh(body.scroll_end, animate=False)  # once the feedback has its height
        self.set_focus(body)  # ↑↓ and PageUp/PageDown scroll a long feedback; Enter goes on to the screen: next question

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "next":
            return self.last is not None
        if action == "override":
            return self.last is not None and self.last.disputable
        return True

    # -- actions ------------------------------------------------------------------------

    async def action_next(self) -> None:
        if self.last is not None:
            await self.show_question()

    def action_override(self) -> None:
        if self.last is None or not self.last.disputable:
            return
        self.session.override(self.last)
        self.notify("已记为正确，原判定保留供老师复核。")
        self.query_one(".verdict").update("✔ 已申诉，记为正确（原判定保留）")
        self.query_one("#next-hint", Label).update(NEXT_HINT)
        self.refresh_bindings()

    def action_leave(self) -> None:
        from studytui.screens.dialogs import ConfirmDialog

        def answer(leave: bool | None) -> None:
            if leave:
                self.dismiss(False)

        mode = MODE_NAMES[self.session.settings.mode]
        clock = "计时不会暂停；" if self.session.time_left() is not None else ""  # an exam's time runs on while away
        self.app.push_screen(ConfirmDialog(f"离开{mode}？{clock}已答的题都已保存，可以在首页“继续上次”接着做。"), answer)

    def tick(self) -> None:
        if not self.session.done:
            self.time_left = self.session.time_left()

    def watch_time_left(self, left: float | None) -> None:
        if left is None:
            return
        minutes, seconds = divmod(int(left), 60)
        clock = self.query_one("#quiz-clock", Label)
        clock.update(f"剩余 {minutes:02d}:{seconds:02d}")
        if left < 60 and not clock.has_class("urgent"):
            clock.add_class("urgent")
            self.notify(LAST_MINUTE, severity="warning", timeout=10)
        if left <= 0:
            self.time_up()

    def time_up(self) -> None:
        """Grade what is on screen as it stands, close any dialog above, and show the result."""
        answers = self.query(".answer")
        left_blank = False
        if answers and self.last is None:
            response = pending(answers.first())
            left_blank = response is None and not self.session.done
            self.session.expire(response)
        else:  # feedback on screen, or a resumed session that ran out while away: nothing shown to grade
            self.session.finish()
        while self.app.screen is not self:
            self.app.pop_screen()
        unseen = self.session.total - self.session.position - left_blank  # the question on screen was seen
        said = ("当前这题没有作答，记为未答。" if left_blank else "") + (f"没来得及看的 {unseen} 题记为未答。" if unseen else "")
        self.notify("时间到。" + said, severity="warning")
        self.dismiss(True)
