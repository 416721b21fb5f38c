"""小组竞赛: a contest run by a host on one shared screen, with a scoreboard always
in view. The rules live in ``studytui.contest``; every answer goes to the store,
in a session per team under the contest's group id, and every score change to its log."""

from __future__ import annotations

import time
import uuid

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Label, Static

from studytui.bank import Bank
from studytui.contest import BUZZ, RISK, ROUND_NAMES, TIEBREAK, Contest, ContestError, Round, Settings, contest_questions
from studytui.quiz import expected_text, grade_question, response_text
from studytui.store import Answer
from studytui.widgets.answers import Answered, answer_widget
from studytui.widgets.feedback import QuestionCard
from studytui.widgets.scoreboard import Scoreboard

DEFAULT_KEYS = "alzmqoxn"
HOST_KEYS = set("svpc123") | {" "}


def parse_teams(text: str) -> list[tuple[str, str]]:
    """``红队:a 蓝队:l 绿队`` → [(红队, a), (蓝队, l), (绿队, z)]; keys default in turn."""
    teams, free = [], [k for k in DEFAULT_KEYS]
    for part in text.replace("，", " ").replace(",", " ").split():
        name, _, key = part.partition(":")
        key = key.lower() or next((k for k in free if k not in {t[1] for t in teams}), "")
        if len(key) != 1 or key in HOST_KEYS or not key.isalpha():
            raise ContestError(f"“{part}”的抢答键应为一个字母，且不能是主持人用的 S V P C")
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
            Contest(teams, [], [])
        except (ValueError, ContestError) as exc:
            message = str(exc) if isinstance(exc, ContestError) else "请按示例填写数字"
            self.query_one("#dialog-error", Static).update(message)
            return
        rounds = [Round(kind, n) for kind, n in (("required", required), (BUZZ, buzz), (RISK, risk)) if n > 0]
        settings = Settings(
            right=right, wrong_buzz=-abs(wrong), early_buzz=-abs(early), speed_bonus=max(0, bonus),
            seconds=max(5, seconds), start_score=start,
        )
        self.dismiss((teams, rounds, settings))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ContestScreen(Screen[None]):
    BINDINGS = [
        Binding("space", "advance", "出题/开始"),
        Binding("s", "skip", "跳过"),
        Binding("v", "reveal", "揭晓答案"),
        Binding("p", "pause", "暂停"),
        Binding("c", "correct", "更正分数"),
        Binding("escape", "end", "结束"),
    ]

    def __init__(self, bank: Bank, teams, rounds, settings: Settings, rng) -> None:
        super().__init__()
        self.bank = bank
        self.contest = Contest(teams, rounds, contest_questions(bank.questions, rng), settings)
        self.group_id = "CT-" + uuid.uuid4().hex[:8].upper()
        self.sessions: dict[str, int] = {}
        self.rng = rng
        self.logged = 0

    def compose(self):
        yield Header()
        yield Scoreboard(id="scoreboard")
        yield Label("", id="contest-status")
        yield VerticalScroll(id="contest-body")
        yield Label("", id="contest-log")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        from studytui.quiz import bank_hash

        store = self.app.store
        content = bank_hash(self.bank)
        for team in self.contest.teams:
            profile = store.profile(team.name)
            self.sessions[team.name] = store.start_session(profile, self.bank.id, content, "contest", {"contest": self.group_id}, group_id=self.group_id)
            if team.score:
                store.log_contest_event(self.group_id, team.name, "start", team.score, "起始分")
        self.set_interval(0.25, self.tick)
        self.refresh_board()
        self.say("按空格出第一题。各队抢答键见计分板。")

    # -- showing ------------------------------------------------------------------------

    def refresh_board(self) -> None:
        turn = self.contest.turn
        answering = turn.team.name if turn and turn.team and turn.phase != "done" else None
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
        paused = "　（暂停）" if contest.paused else ""
        status.update(Text(f"{ROUND_NAMES[turn.round]} 第 {turn.number} 题{clock}{paused}"))
        if left == 0 and turn.phase in ("open", "answering") and not contest.paused:
            answering = turn.team.name if turn.phase == "answering" else None
            contest.timeout(time.monotonic())
            self.finish_turn("时间到" + (f"，{answering} 计为答错" if answering else "，无人抢答"))

    async def show_turn(self) -> None:
        turn = self.contest.turn
        body = self.query_one("#contest-body", VerticalScroll)
        await body.remove_children()
        await body.mount(QuestionCard(turn.question, self.bank.section_title(turn.question.section)))
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
        await body.query(".answer").remove()
        await body.mount(answer_widget(turn.question, self.rng))
        self.say(f"请 {turn.team.name} 作答")
        self.refresh_board()

    # -- the host's keys --------------------------------------------------------------------

    async def action_advance(self) -> None:
        contest, now = self.contest, time.monotonic()
        turn = contest.turn
        try:
            if turn is None or turn.phase == "done":
                if contest.next_question() is None:
                    self.show_podium()
                    return
                await self.show_turn()
            elif turn.phase == "shown" and turn.round != RISK:
                contest.open(now)
                if turn.phase == "answering":
                    await self.show_answer_input()
                else:
                    self.say("抢答开始！")
        except ContestError as exc:
            self.notify(str(exc), severity="error")

    async def on_key(self, event) -> None:
        turn, now = self.contest.turn, time.monotonic()
        if turn is None or isinstance(self.focused, Input):
            return
        char = (event.character or "").lower()
        if turn.round == RISK and turn.phase == "shown" and char in "123":
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
                self.persist_log()
                self.say(f"{early.team} 抢答过早，{early.points} 分")
                self.refresh_board()

    async def on_answered(self, message: Answered) -> None:
        message.stop()
        turn = self.contest.turn
        if turn is None or turn.phase != "answering":
            return
        question, team = turn.question, turn.team
        grade = grade_question(question, message.response)
        right = grade.verdict != "wrong"
        seconds = self.contest.elapsed(time.monotonic())
        self.app.store.record(Answer(
            self.sessions[team.name], question.id, question.prompt, response_text(question, message.response),
            grade.verdict, grade.score, seconds, question.section, question.tags[0] if question.tags else question.type,
        ))
        points = self.contest.answer(right, time.monotonic())
        said = f"{team.name} {'答对' if right else '答错'}，{points:+d} 分。"
        if turn.phase == "open":  # sudden death: the others may still buzz
            self.persist_log()
            await self.query_one("#contest-body").query(".answer").remove()
            self.say(said + "其他队可以继续抢答。")
            self.refresh_board()
            return
        self.finish_turn(said + f"正确答案：{expected_text(question)}")

    def persist_log(self) -> None:
        """Save the score changes not saved yet."""
        for event in self.contest.log[self.logged:]:
            self.app.store.log_contest_event(self.group_id, event.team, event.kind, event.points, event.note)
        self.logged = len(self.contest.log)

    def finish_turn(self, message: str) -> None:
        self.persist_log()
        for widget in self.query(".answer"):
            widget.disabled = True
        self.set_focus(None)
        self.say(message + "　按空格出下一题。")
        self.refresh_board()

    def action_skip(self) -> None:
        self.contest.skip()
        self.say("已跳过本题。按空格出下一题。")

    def action_reveal(self) -> None:
        turn = self.contest.turn
        if turn is not None:
            self.say(f"正确答案：{expected_text(turn.question)}")

    def action_pause(self) -> None:
        now = time.monotonic()
        self.contest.resume(now) if self.contest.paused else self.contest.pause(now)
        self.tick()

    def action_correct(self) -> None:
        from studytui.screens.dialogs import TextDialog

        def check(text: str) -> str | None:
            parts = text.split(maxsplit=2)
            if len(parts) < 2 or not parts[1].lstrip("+-").isdigit():
                return "格式：抢答键 分数 原因，例如：a -10 判分有误"
            try:
                self.contest.correct(parts[0].lower(), int(parts[1]), parts[2] if len(parts) > 2 else "")
            except ContestError as exc:
                return str(exc)
            self.persist_log()
            return None

        def done(text: str | None) -> None:
            self.refresh_board()
            if text:
                self.say(f"已更正：{text}")

        self.app.push_screen(TextDialog("更正分数：抢答键 分数 原因（例如：a -10 判分有误）", "a +10 主持人更正", check), done)

    def action_end(self) -> None:
        from studytui.screens.dialogs import ConfirmDialog

        self.app.push_screen(ConfirmDialog("结束比赛并显示名次？"), lambda yes: self.show_podium() if yes else None)

    def show_podium(self) -> None:
        for session_id in self.sessions.values():
            self.app.store.finish_session(session_id)
        self.app.switch_screen(PodiumScreen(self.contest, self.group_id))


class PodiumScreen(Screen[None]):
    BINDINGS = [Binding("escape,enter", "app.pop_screen", "返回首页")]

    def __init__(self, contest: Contest, group_id: str) -> None:
        super().__init__()
        self.contest, self.group_id = contest, group_id

    def compose(self):
        medals = {1: "🥇", 2: "🥈", 3: "🥉"}
        text = Text("比赛结束　名次\n\n", style="bold")
        for place, team in self.contest.podium():
            text.append(f"{medals.get(place, '  ')} 第 {place} 名　{team.name}　{team.score} 分\n", style="bold" if place == 1 else "")
        text.append(f"\n成绩已保存（比赛编号 {self.group_id}）。", style="dim")
        yield Header()
        yield Static(text, id="podium")
        yield Footer(compact=True)
