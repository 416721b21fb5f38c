"""小组竞赛: a contest run by a host on one shared screen, with a scoreboard always
in view. The rules, and the recording of every answer and score change, live in
``studytui.contest``; this screen only shows the contest and takes the keys."""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual import getters
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label

from studytui.bankfile.bank import Bank
from studytui.contest import (
    BUZZ,
    RISK,
    ROUND_NAMES,
    TIEBREAK,
    Contest,
    ContestError,
    heading_of,
    parse_correction,
)
from studytui.host import Host
from studytui.quiz import expected_text
from studytui.screens.podium import PodiumScreen
from studytui.vocabulary import Phase
from studytui.widgets.answers import Answered, answer_widget
from studytui.widgets.feedback import QuestionCard
from studytui.widgets.header import Header
from studytui.widgets.scoreboard import Scoreboard

Clock = Callable[[], float]


class ContestScreen(Screen[None]):
    app = getters.app(Host)

    BINDINGS = [
        Binding("space", "advance", "出题/开始"),
        Binding("s", "skip", "跳过"),
        Binding("v", "reveal", "揭晓答案"),
        Binding("p", "pause", "暂停"),
        Binding("c", "correct", "更正分数"),
        Binding("u", "undo", "撤销计分"),
        # while a team types its answer, letters go into the box: the host uses F keys
        Binding("f5", "host('skip')", "跳过"),
        Binding("f6", "host('reveal')", "揭晓答案"),
        Binding("f7", "host('pause')", "暂停"),
        Binding("f8", "host('correct')", "更正分数"),
        Binding("f9", "host('undo')", "撤销计分"),
        Binding("escape", "end", "结束"),
    ]
    HOST_ACTIONS = ("skip", "reveal", "pause", "correct", "undo")

    def __init__(self, bank: Bank, contest: Contest, rng, clock: Clock = time.monotonic) -> None:
        super().__init__()
        self.bank, self.contest, self.rng, self.clock = bank, contest, rng, clock
        self.group_id = contest.record.group_id if contest.record is not None else ""

    def compose(self):
        yield Header()
        yield Scoreboard(id="scoreboard")
        yield Label("", id="contest-status")
        yield VerticalScroll(id="contest-body")
        yield Label("", id="contest-log")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_interval(0.25, self.tick)
        self.refresh_board()
        self.say("按空格出第一题。各队抢答键见计分板。")

    # -- which keys the footer shows -----------------------------------------------------

    @property
    def typing(self) -> bool:
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters) -> bool | None:
        """The footer shows S V P C U, or F5–F9 while a team types into an answer box."""
        if action == "host":
            return self.typing
        return not self.typing if action in self.HOST_ACTIONS else True

    def action_host(self, action: str) -> None:
        getattr(self, f"action_{action}")()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    # -- showing ------------------------------------------------------------------------

    def refresh_board(self) -> None:
        turn = self.contest.turn
        answering = turn.team.name if turn and turn.team and turn.phase != Phase.DONE else None
        self.query_one(Scoreboard).show(self.contest.teams, answering)

    def say(self, text: str) -> None:
        self.query_one("#contest-log", Label).update(Text(text))

    def tick(self) -> None:
        turn, contest, now = self.contest.turn, self.contest, self.clock()
        status = self.query_one("#contest-status", Label)
        if turn is None:
            status.update("")
            return
        left = contest.time_left(now)
        clock = "" if left is None else f"　剩余 {int(left):d} 秒"
        stake = f"　{turn.team.name} 押 {turn.stake} 分" if turn.stake is not None and turn.team else ""
        paused = "　（暂停）" if contest.paused else ""
        status.update(Text(f"{ROUND_NAMES[turn.round]} 第 {turn.number} 题{stake}{clock}{paused}"))
        if left == 0 and turn.phase in (Phase.OPEN, Phase.ANSWERING) and not contest.paused:
            answering = turn.team.name if turn.phase == Phase.ANSWERING and turn.team else None
            contest.timeout(now)
            self.finish_turn("时间到" + (f"，{answering} 计为答错" if answering else "，无人抢答"))

    async def show_turn(self) -> None:
        """Show the turn's question (a 风险题's only once its stake is chosen); its status
        line at once, not at the clock's next tick."""
        turn = self.contest.turn
        self.tick()
        body = self.query_one("#contest-body", VerticalScroll)
        if turn.round == RISK:
            await body.remove_children()
            stakes = "、".join(f"{i + 1}={s}" for i, s in enumerate(self.contest.settings.stakes))
            await body.mount(Label("（选定分值后出题）", classes="hint"))
            self.say(f"风险题：请 {turn.team.name} 先选择分值（{stakes}），再看题")
            self.refresh_board()
            return
        await self.show_question()
        if turn.question.type == "choice":  # the options are part of the question: in view before anyone buzzes
            await body.mount(answer_widget(turn.question, self.rng))
            body.query_one(".answer").disabled = True
        if turn.team is not None:
            self.say(f"必答题：请 {turn.team.name} 作答。主持人按空格开始计时。")
        else:
            who = "、".join(t.name for t in self.contest.teams if t.key in turn.eligible)
            early = "提前抢答扣分。" if turn.round == BUZZ else "提前抢答无效。"
            self.say(f"{ROUND_NAMES[turn.round]}：主持人读题后按空格开始，{who} 按各自的键抢答。{early}")
        self.refresh_board()

    async def show_question(self) -> None:
        question = self.contest.turn.question
        body = self.query_one("#contest-body", VerticalScroll)
        await body.remove_children()
        await body.mount(QuestionCard(question, heading_of(self.bank, question)))

    async def show_answer_input(self) -> None:
        turn = self.contest.turn
        body = self.query_one("#contest-body", VerticalScroll)
        shown = body.query(".answer")
        if turn.question.type == "choice" and shown:
            widget = shown.first()
            widget.disabled = False
            widget.focus()
        else:
            await shown.remove()
            await body.mount(answer_widget(turn.question, self.rng))
        others = "".join(t.key for t in self.contest.teams if t is not turn.team)
        for box in body.query(Input):  # another team's buzz key is not typed into this team's answer
            box.restrict = f"[^{others}{others.upper()}]*"
        hint = "　（主持人：F5 跳过 F6 揭晓 F7 暂停 F8 更正 F9 撤销）" if turn.question.type == "cloze" else ""
        self.say(f"请 {turn.team.name} 作答{hint}")
        self.refresh_board()

    # -- the host's keys --------------------------------------------------------------------

    async def action_advance(self) -> None:
        contest, now = self.contest, self.clock()
        turn = contest.turn
        try:
            if turn is None or turn.phase == Phase.DONE:
                if contest.next_question() is None:
                    self.show_podium()
                    return
                await self.show_turn()
            elif turn.phase == Phase.SHOWN and turn.round != RISK:
                contest.open(now)
                if turn.phase == Phase.ANSWERING:
                    await self.show_answer_input()
                else:
                    self.say("抢答开始！")
        except ContestError as exc:
            self.notify(str(exc), severity="error")

    async def on_key(self, event) -> None:
        turn, now = self.contest.turn, self.clock()
        if turn is None or self.typing or turn.phase == Phase.ANSWERING:
            return
        char = (event.character or "").lower()
        if turn.round == RISK and turn.phase == Phase.SHOWN and char.isascii() and char.isdigit():
            event.stop()
            stakes = self.contest.settings.stakes
            if 1 <= int(char) <= len(stakes):
                self.contest.choose_stake(stakes[int(char) - 1], now)
                await self.show_question()
                await self.show_answer_input()
            return
        if turn.round in (BUZZ, TIEBREAK) and char in {t.key for t in self.contest.teams}:
            event.stop()
            logged = len(self.contest.log)
            team = self.contest.buzz(char, now)
            if team is not None:
                await self.show_answer_input()
            elif len(self.contest.log) > logged:
                early = self.contest.log[-1]
                self.say(f"{early.team} 抢答过早，{early.points} 分")
                self.refresh_board()
            elif turn.phase == Phase.SHOWN and char in turn.eligible:
                self.say("加赛抢答还没有开始：提前抢答无效，不扣分。")

    async def on_answered(self, message: Answered) -> None:
        message.stop()
        turn = self.contest.turn
        if turn is None or turn.phase != Phase.ANSWERING:
            return
        judged = self.contest.submit(message.response, self.clock())
        verdict = ("基本答对（有笔误），算答对" if judged.close else "答对") if judged.right else "答错"
        if turn.round == TIEBREAK:
            said = f"{judged.team.name} {verdict}，" + ("赢得加赛。" if judged.won_tie else "本题不能再答。")
        else:
            said = f"{judged.team.name} {verdict}，{judged.points:+d} 分。"
        if turn.phase == Phase.OPEN:  # sudden death: the others may still buzz
            await self.put_away_answer()
            self.say(said + "其他队可以继续抢答。")
            self.refresh_board()
            return
        self.finish_turn(said + f"正确答案：{expected_text(turn.question)}")

    async def put_away_answer(self) -> None:
        """A choice's options stay in view (disabled); a typed answer's box goes."""
        answer = self.query_one("#contest-body").query(".answer")
        if self.contest.turn.question.type == "choice":
            answer.set(disabled=True)
            self.set_focus(None)
        else:
            await answer.remove()

    def finish_turn(self, message: str) -> None:
        for widget in self.query(".answer"):
            widget.disabled = True
        self.set_focus(None)
        self.say(message + "　按空格出下一题。")
        self.refresh_board()

    def action_skip(self) -> None:
        self.contest.close()
        self.finish_turn("已跳过本题。")

    def action_reveal(self) -> None:
        turn = self.contest.turn
        if turn is not None:
            self.contest.close()
            self.finish_turn(f"正确答案：{expected_text(turn.question)}。本题结束，不再计分。")

    def action_pause(self) -> None:
        now = self.clock()
        self.contest.resume(now) if self.contest.paused else self.contest.pause(now)
        self.tick()

    def action_undo(self) -> None:
        try:
            undone = self.contest.undo()
        except ContestError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.refresh_board()
        self.say(f"已撤销：{undone.team} {undone.points:+d}（{self.contest.log[-1].note}）")

    def hold_clock(self) -> bool:
        """Stop the clock while a dialog is open; returns whether it was already stopped."""
        was_paused = self.contest.paused
        self.contest.pause(self.clock())
        self.tick()
        return was_paused

    def action_correct(self) -> None:
        from studytui.screens.dialogs import TextDialog

        was_paused = self.hold_clock()
        done: list[str] = []

        def check(text: str) -> str | None:
            try:
                who, points, reason = parse_correction(text)
                team = self.contest.correct(who, points, reason)
            except ContestError as exc:
                return str(exc)
            done.append(f"{team.name} {points:+d}" + (f"（{reason}）" if reason else ""))
            return None

        def closed(_: str | None) -> None:
            if not was_paused:
                self.contest.resume(self.clock())
            self.refresh_board()
            if done:
                self.say(f"已更正：{done[0]}")

        example = f"{self.contest.teams[0].name} -10 判分有误"
        self.app.push_screen(TextDialog(f"更正分数：队名或抢答键 分数 原因（例如：{example}）", example, check), closed)

    def action_end(self) -> None:
        from studytui.screens.dialogs import ConfirmDialog

        was_paused = self.hold_clock()

        def answered(yes: bool) -> None:
            if yes:
                self.show_podium()
            elif not was_paused:
                self.contest.resume(self.clock())

        self.app.push_screen(ConfirmDialog("结束比赛并显示名次？"), answered)

    def show_podium(self) -> None:
        self.contest.finish()
        self.app.switch_screen(PodiumScreen(self.contest, self.group_id))
