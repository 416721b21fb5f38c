"""小组竞赛: a contest run by a host on one shared screen, with a scoreboard always
in view. The rules, and the recording of every answer and score change, live in
``studytui.contest``; this screen only shows the contest and takes the keys."""

from __future__ import annotations

import time

from rich.text import Text
from textual import getters
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Label, Static

from studytui.host import Host
from studytui.bankfile.bank import Bank
from studytui.contest import (
    ANSWER_KEYS,
    BUZZ,
    RISK,
    ROUND_NAMES,
    TIEBREAK,
    Contest,
    ContestError,
    ContestRecord,
    Round,
    Settings,
    check_teams,
    contest_questions,
)
from studytui.quiz import expected_text
from studytui.vocabulary import Phase
from studytui.widgets.answers import Answered, answer_widget
from studytui.widgets.feedback import QuestionCard
from studytui.widgets.scoreboard import Scoreboard

DEFAULT_KEYS = "alzmqoxb"
HOST_KEYS = set("svpc")


def parse_teams(text: str) -> list[tuple[str, str]]:
    """``红队:a 蓝队:l 绿队`` → [(红队, a), (蓝队, l), (绿队, z)]; keys default in turn."""
    teams, free = [], [k for k in DEFAULT_KEYS]
    for part in text.replace("，", " ").replace(",", " ").split():
        name, _, key = part.partition(":")
        key = key.lower() or next((k for k in free if k not in {t[1] for t in teams}), "")
        if len(key) != 1 or key in HOST_KEYS | ANSWER_KEYS or not ("a" <= key <= "z"):
            raise ContestError(f"“{part}”的抢答键应为一个英文字母，且不能是主持人用的 S V P C 或判断题用的 Y N")
        teams.append((name, key))
    return teams


class ContestSetup(ModalScreen[tuple[list[tuple[str, str]], list[Round], Settings] | None]):
    """Teams, rounds and the countdown; returns them, or None to cancel."""

    BINDINGS = [Binding("escape", "cancel", "取消")]

    def compose(self):
        with Vertical(classes="dialog"):
            yield Label("小组竞赛：队伍（2–8 支，空格分隔，可写 队名:抢答键）", classes="dialog-text")
            yield Input("红队:a 蓝队:l 绿队:z", id="teams")
            yield Label("每轮题数：必答（每队） 抢答（共） 风险题（每队）")
            yield Input("1 5 1", id="rounds")
            yield Label("每题限时（秒）　起始分")
            yield Input("30 0", id="timing")
            yield Label("答对得分　抢答答错扣分　抢跑扣分　速度奖励（0 为不设）")
            yield Input("10 -10 -10 0", id="points")
            yield Static("", id="dialog-error", classes="error")
            yield Label("回车确定，Esc 取消", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            teams = parse_teams(self.query_one("#teams", Input).value)
            required, buzz, risk = (int(n) for n in self.query_one("#rounds", Input).value.split())
            seconds, start = (int(n) for n in self.query_one("#timing", Input).value.split())
            right, wrong, early, bonus = (int(n) for n in self.query_one("#points", Input).value.split())
            check_teams(teams)
        except (ValueError, ContestError) as exc:
            message = str(exc) if isinstance(exc, ContestError) else "请按示例填写数字"
            self.query_one("#dialog-error", Static).update(message)
            return
        rounds = [Round(kind, n) for kind, n in (("required", required), (BUZZ, buzz), (RISK, risk)) if n > 0]
        settings = Settings(
            right=right,
            wrong_buzz=-abs(wrong),
            early_buzz=-abs(early),
            speed_bonus=max(0, bonus),
            seconds=max(5, seconds),
            start_score=start,
        )
        self.dismiss((teams, rounds, settings))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ContestScreen(Screen[None]):
    app = getters.app(Host)

    BINDINGS = [
        Binding("space", "advance", "出题/开始"),
        Binding("s", "skip", "跳过"),
        Binding("v", "reveal", "揭晓答案"),
        Binding("p", "pause", "暂停"),
        Binding("c", "correct", "更正分数"),
        # while a team types its answer, letters go into the box: the host uses F keys
        Binding("f5", "host('skip')", "跳过"),
        Binding("f6", "host('reveal')", "揭晓答案"),
        Binding("f7", "host('pause')", "暂停"),
        Binding("f8", "host('correct')", "更正分数"),
        Binding("escape", "end", "结束"),
    ]
    HOST_ACTIONS = ("skip", "reveal", "pause", "correct")

    def __init__(self, bank: Bank, teams, rounds, settings: Settings, rng) -> None:
        super().__init__()
        self.bank = bank
        self.contest = Contest(
            teams, rounds, contest_questions(bank.questions, rng), settings, ContestRecord(self.app.store, bank)
        )
        self.group_id = self.contest.record.group_id
        self.rng = rng

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
        """The footer shows S V P C, or F5–F8 while a team types into an answer box."""
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
        turn, contest = self.contest.turn, self.contest
        status = self.query_one("#contest-status", Label)
        if turn is None:
            status.update("")
            return
        left = contest.time_left(time.monotonic())
        clock = "" if left is None else f"　剩余 {int(left):d} 秒"
        stake = f"　{turn.team.name} 押 {turn.stake} 分" if turn.stake is not None else ""
        paused = "　（暂停）" if contest.paused else ""
        status.update(Text(f"{ROUND_NAMES[turn.round]} 第 {turn.number} 题{stake}{clock}{paused}"))
        if left == 0 and turn.phase in (Phase.OPEN, Phase.ANSWERING) and not contest.paused:
            answering = turn.team.name if turn.phase == Phase.ANSWERING else None
            contest.timeout(time.monotonic())
            self.finish_turn("时间到" + (f"，{answering} 计为答错" if answering else "，无人抢答"))

    async def show_turn(self) -> None:
        """Show the turn's question; its status line at once, not at the clock's next tick."""
        turn = self.contest.turn
        self.tick()
        body = self.query_one("#contest-body", VerticalScroll)
        await body.remove_children()
        await body.mount(QuestionCard(turn.question, self.bank.section_title(turn.question.section)))
        if turn.question.type == "choice":  # the options are part of the question: in view before anyone buzzes
            await body.mount(answer_widget(turn.question, self.rng))
            body.query_one(".answer").disabled = True
        if turn.round == RISK:
            stakes = "、".join(f"{i + 1}={s}" for i, s in enumerate(self.contest.settings.stakes))
            self.say(f"风险题：请 {turn.team.name} 选择分值（{stakes}）")
        elif turn.team is not None:
            self.say(f"必答题：请 {turn.team.name} 作答。主持人按空格开始计时。")
        else:
            who = "、".join(t.name for t in self.contest.teams if t.key in turn.eligible)
            self.say(f"{ROUND_NAMES[turn.round]}：主持人读题后按空格开始，{who} 按各自的键抢答。提前抢答扣分。")
        self.refresh_board()

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
        hint = "　（主持人：F5 跳过 F6 揭晓 F7 暂停 F8 更正）" if turn.question.type == "cloze" else ""
        self.say(f"请 {turn.team.name} 作答{hint}")
        self.refresh_board()

    # -- the host's keys --------------------------------------------------------------------

    async def action_advance(self) -> None:
        contest, now = self.contest, time.monotonic()
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
        turn, now = self.contest.turn, time.monotonic()
        if turn is None or self.typing or turn.phase == Phase.ANSWERING:
            return
        char = (event.character or "").lower()
        if turn.round == RISK and turn.phase == Phase.SHOWN and char in ("1", "2", "3"):
            event.stop()
            stakes = self.contest.settings.stakes
            if int(char) <= len(stakes):
                self.contest.choose_stake(stakes[int(char) - 1], now)
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

    async def on_answered(self, message: Answered) -> None:
        message.stop()
        turn = self.contest.turn
        if turn is None or turn.phase != Phase.ANSWERING:
            return
        judged = self.contest.submit(message.response, time.monotonic())
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
        now = time.monotonic()
        self.contest.resume(now) if self.contest.paused else self.contest.pause(now)
        self.tick()

    def hold_clock(self) -> bool:
        """Stop the clock while a dialog is open; returns whether it was already stopped."""
        was_paused = self.contest.paused
        self.contest.pause(time.monotonic())
        self.tick()
        return was_paused

    def action_correct(self) -> None:
        from studytui.screens.dialogs import TextDialog

        was_paused = self.hold_clock()
        done: list[str] = []

        def check(text: str) -> str | None:
            parts = text.split(maxsplit=2)
            if len(parts) < 2 or not parts[1].lstrip("+-").isdigit():
                return "格式：队名或抢答键 分数 原因，例如：红队 -10 判分有误"
            try:
                team = self.contest.correct(parts[0], int(parts[1]), parts[2] if len(parts) > 2 else "")
            except ContestError as exc:
                return str(exc)
            done.append(f"{team.name} {int(parts[1]):+d}" + (f"（{parts[2]}）" if len(parts) > 2 else ""))
            return None

        def closed(_: str | None) -> None:
            if not was_paused:
                self.contest.resume(time.monotonic())
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
                self.contest.resume(time.monotonic())

        self.app.push_screen(ConfirmDialog("结束比赛并显示名次？"), answered)

    def show_podium(self) -> None:
        self.contest.finish()
        self.app.switch_screen(PodiumScreen(self.contest, self.group_id))


class PodiumScreen(Screen[None]):
    BINDINGS = [Binding("escape,enter", "app.pop_screen", "返回首页")]

    def __init__(self, contest: Contest, group_id: str) -> None:
        super().__init__()
        self.contest, self.group_id = contest, group_id

    def compose(self):
        medals = {1: "🥇", 2: "🥈", 3: "🥉"}
        won_tie = self.contest.tiebreak_order
        text = Text("比赛结束　名次\n\n", style="bold")
        for place, team in self.contest.podium():
            tie = "　（加赛胜出）" if team.name in won_tie else ""
            text.append(
                f"{medals.get(place, '  ')} 第 {place} 名　{team.name}　{team.score} 分{tie}\n",
                style="bold" if place == 1 else "",
            )
        text.append(f"\n成绩已保存（比赛编号 {self.group_id}）。", style="dim")
        yield Header()
        yield Static(text, id="podium")
        yield Footer(compact=True)
