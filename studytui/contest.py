"""The rules of a group contest (小组竞赛) on one shared screen, as plain Python.

Rounds run as a 知识竞赛 runs: 必答 (each team in turn answers its own question),
抢答 (one question for all: the first team to buzz after the host opens it answers)
and 风险题 (the team picks a stake and wins or loses it). Ties at the top are broken
by sudden-death 抢答 among the tied teams. Every change of score is logged and,
through a ``ContestRecord``, saved: screens show the contest, the engine records it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from studytui.names import BadName, clean_name
from studytui.quiz.picking import one_per_blank
from studytui.quiz import bank_hash, expected_text, grade_question, response_text
from studytui.store import Answer
from studytui.vocabulary import Phase, Verdict

REQUIRED, BUZZ, RISK, TIEBREAK = "required", "buzz", "risk", "tiebreak"
ROUND_NAMES = {REQUIRED: "必答", BUZZ: "抢答", RISK: "风险题", TIEBREAK: "加赛抢答"}
CONTEST_TYPES = ("cloze", "choice", "judge")
EVENT_NAMES = {
    "start": "起始分",
    "right": "答对",
    "wrong": "答错",
    "early": "抢答过早",
    "tiebreak": "加赛胜出",
    "correction": "更正",
}
ANSWER_KEYS = frozenset("yn")
"""Letters an answer needs (判断题 Y/N); no team may buzz with them."""


@dataclass(frozen=True)
class Settings:
    right: int = 10
    wrong_required: int = 0
    wrong_buzz: int = -10
    early_buzz: int = -10
    stakes: tuple[int, ...] = (10, 20, 30)
    seconds: int = 30
    speed_bonus: int = 0
    """Points added to a right answer given within half the time; 0 turns it off."""
    start_score: int = 0


@dataclass(frozen=True)
class Round:
    kind: str
    per_team: int = 1
    """必答 and 风险题: questions per team; 抢答: questions in all."""


@dataclass
class Team:
    name: str
    key: str
    score: int = 0


@dataclass(frozen=True)
class Event:
    kind: str
    team: str
    points: int
    note: str = ""


@dataclass
class Turn:
    """One question of the contest and who may answer it."""

    round: str
    number: int
    question: object
    team: Team | None = None
    stake: int | None = None
    phase: Phase = Phase.SHOWN
    """shown → (stake →) open → answering → done."""
    opened_at: float | None = None
    eligible: tuple[str, ...] = ()


@dataclass(frozen=True)
class Judged:
    """How an answer was graded and what it earned, as announced."""

    team: Team
    right: bool
    close: bool
    points: int
    won_tie: bool = False


MOST_CORRECTED = 10_000
"""Points one correction may add or take: far beyond any contest, far within what is recorded."""


class ContestError(ValueError):
    pass


class ContestRecord:
    """The store's copy of a contest: a session per team under one group id (CT-…),
    every answer in its team's session, every change of score in the contest log."""

    def __init__(self, store, bank) -> None:
        self.store, self.bank = store, bank
        self.group_id = "CT-" + uuid.uuid4().hex[:8].upper()
        self.sessions: dict[str, int] = {}

    def start(self, teams: Sequence[Team]) -> None:
        content = bank_hash(self.bank)
        for team in teams:
            profile = self.store.profile(team.name)
            self.sessions[team.name] = self.store.start_session(
                profile, self.bank.id, content, "contest", {"contest": self.group_id}, group_id=self.group_id
            )

    def answer(self, team: Team, question, response: Any, grade, seconds: float) -> None:
        self.store.record(
            Answer(
                self.sessions[team.name],
                question.id,
                question.prompt,
                response_text(question, response),
                grade.verdict,
                grade.score,
                seconds,
                question.section,
                question.tags[0] if question.tags else question.type,
            )
        )

    def event(self, event: Event) -> None:
        self.store.log_contest_event(self.group_id, event.team, event.kind, event.points, event.note)

    def finish(self) -> None:
        for session_id in self.sessions.values():
            self.store.finish_session(session_id)


class Contest:
    def __init__(
        self,
        teams: Sequence[tuple[str, str]],
        rounds: Sequence[Round],
        questions: Sequence,
        settings: Settings = Settings(),
        record: ContestRecord | None = None,
    ):
        check_teams(teams)
        self.settings = settings
        self.record = record
        self.teams = [Team(name, key) for name, key in teams]
        self.plan = [(r.kind, i) for r in rounds for i in range(r.per_team * (len(self.teams) if r.kind != BUZZ else 1))]
        self.questions = list(questions)
        self.log: list[Event] = []
        self.turn: Turn | None = None
        self.asked = 0
        self.paused_at: float | None = None
        self.paused_total = 0.0
        if record is not None:
            record.start(self.teams)
        for team in self.teams:
            if settings.start_score:
                self._score(team, settings.start_score, "start", "起始分")

    # -- the course of the contest -----------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.turn is None and self.asked >= len(self.plan) and not self.tied_leaders()

    def next_question(self) -> Turn | None:
        """The next question, or None when the contest is over (ties broken)."""
        if self.asked < len(self.plan):
            kind, index = self.plan[self.asked]
            team = None if kind == BUZZ else self.teams[index % len(self.teams)]
            eligible = tuple(t.key for t in self.teams) if kind == BUZZ else ()
        else:
            tied = self.tied_leaders()
            if not tied:
                self.turn = None
                return None
            kind, team, eligible = TIEBREAK, None, tuple(t.key for t in tied)
        if not self.questions:
            raise ContestError("题目不够了：请选择题目更多的题库")
        question = self.questions.pop(0)
        self.asked += 1
        self.turn = Turn(kind, self.asked, question, team, eligible=eligible)
        return self.turn

    def choose_stake(self, stake: int, now: float) -> None:
        turn = self._turn(Phase.SHOWN)
        if turn.round != RISK or stake not in self.settings.stakes:
            raise ContestError(f"风险题的分值只能是 {'、'.join(map(str, self.settings.stakes))}")
        turn.stake = stake
        self.open(now)

    def open(self, now: float) -> None:
        """The host opens the question: the countdown starts (and buzzing is allowed)."""
        turn = self._turn(Phase.SHOWN)
        if turn.round == RISK and turn.stake is None:
            raise ContestError("请先选择风险题的分值")
        turn.phase = Phase.ANSWERING if turn.team is not None else Phase.OPEN
        turn.opened_at = now
        self.paused_total = 0.0

    def buzz(self, key: str, now: float) -> Team | None:
        """A team pressed its key. Returns the team that may answer, or None.

        Before the question is open it costs the team the early-buzz penalty."""
        team = self._team(key)
        turn = self.turn
        if team is None or turn is None or turn.round not in (BUZZ, TIEBREAK) or key not in turn.eligible:
            return None
        if turn.phase == Phase.SHOWN:
            self._score(team, self.settings.early_buzz, "early", "抢答过早")
            return None
        if turn.phase != Phase.OPEN:
            return None
        turn.team = team
        turn.phase = Phase.ANSWERING
        return team

    def submit(self, response: Any, now: float) -> Judged:
        """The answering team gave ``response``: graded, recorded and scored.

        A close answer (a slip of the pen) counts as right, in every round."""
        turn = self._turn(Phase.ANSWERING)
        team = turn.team
        grade = grade_question(turn.question, response)
        if self.record is not None:
            self.record.answer(team, turn.question, response, grade, self.elapsed(now))
        right = grade.verdict != Verdict.WRONG
        points = self.answer(right, now)
        return Judged(team, right, grade.verdict == Verdict.CLOSE, points, won_tie=turn.round == TIEBREAK and right)

    def answer(self, right: bool, now: float, note: str = "") -> int:
        """The answering team's answer was judged; returns the points it got.

        In sudden death a right answer wins the tie and a wrong one only puts the
        team out of this question; the others may still buzz."""
        turn = self._turn(Phase.ANSWERING)
        team = turn.team
        s = self.settings
        if turn.round == TIEBREAK:
            self._score(team, 0, "tiebreak" if right else "wrong", note or ("加赛胜出" if right else "加赛答错"))
            turn.eligible = () if right else tuple(k for k in turn.eligible if k != team.key)
            turn.phase = Phase.OPEN if turn.eligible else Phase.DONE
            turn.team = None if turn.eligible else team
            return 0
        if turn.round == RISK:
            points = turn.stake if right else -turn.stake
        elif right:
            points = s.right + (s.speed_bonus if s.speed_bonus and self.elapsed(now) <= s.seconds / 2 else 0)
        else:
            points = s.wrong_required if turn.round == REQUIRED else s.wrong_buzz
        self._score(team, points, "right" if right else "wrong", note)
        turn.phase = Phase.DONE
        return points

    def timeout(self, now: float) -> int:
        """Time ran out: nobody buzzed (no points), or the answering team counts as wrong."""
        turn = self.turn
        if turn is None or turn.phase != Phase.ANSWERING:
            if turn is not None:
                turn.phase = Phase.DONE
            return 0
        return self.answer(False, now, "超时")

    def close(self) -> None:
        """The host skips the question or shows its answer: it is closed, no more buzzes or points."""
        if self.turn is not None:
            self.turn.phase = Phase.DONE

    def finish(self) -> None:
        """The contest ends (the podium is shown): every team's session is closed."""
        self.turn = None
        if self.record is not None:
            self.record.finish()

    # -- time ----------------------------------------------------------------------------

    def elapsed(self, now: float) -> float:
        turn = self.turn
        if turn is None or turn.opened_at is None:
            return 0.0
        paused = self.paused_total + ((now - self.paused_at) if self.paused_at is not None else 0.0)
        return now - turn.opened_at - paused

    def time_left(self, now: float) -> float | None:
        turn = self.turn
        if turn is None or turn.opened_at is None or turn.phase == Phase.DONE:
            return None
        return max(0.0, self.settings.seconds - self.elapsed(now))

    def pause(self, now: float) -> None:
        if self.paused_at is None:
            self.paused_at = now

    def resume(self, now: float) -> None:
        if self.paused_at is not None:
            self.paused_total += now - self.paused_at
            self.paused_at = None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    # -- scores ------------------------------------------------------------------------------

    def correct(self, who: str, points: int, reason: str) -> Team:
        """The host corrects a team's score (the team named or by its key); logged with the reason."""
        team = next((t for t in self.teams if t.name == who), None) or self._team(who.lower())
        if team is None:
            raise ContestError(f"没有叫“{who}”或抢答键为 {who} 的队伍")
        if abs(points) > MOST_CORRECTED:
            raise ContestError(f"一次最多更正 {MOST_CORRECTED} 分")
        self._score(team, points, "correction", reason or "主持人更正")
        return team

    def standings(self) -> list[Team]:
        order = {name: i for i, name in enumerate(self.tiebreak_order)}
        return sorted(self.teams, key=lambda t: (-t.score, order.get(t.name, len(order))))

    def tied_leaders(self) -> list[Team]:
        """Teams tied for first place that no sudden-death 抢答 has separated yet."""
        top = max(t.score for t in self.teams)
        tied = [t for t in self.teams if t.score == top]
        if len(tied) < 2 or any(t.name in self.tiebreak_order for t in tied):
            return []
        return tied

    @property
    def tiebreak_order(self) -> list[str]:
        return [e.team for e in self.log if e.kind == "tiebreak"]

    def podium(self) -> list[tuple[int, Team]]:
        """(place, team) for every team; equal scores share a place unless a tiebreak split them."""
        places = []
        previous = None
        for index, team in enumerate(self.standings()):
            key = (team.score, team.name in self.tiebreak_order)
            place = places[-1][0] if previous == key and team.name not in self.tiebreak_order else index + 1
            places.append((place, team))
            previous = key
        return places

    # -- helpers ----------------------------------------------------------------------------

    def _turn(self, phase: Phase) -> Turn:
        if self.turn is None or self.turn.phase != phase:
            raise ContestError("现在不能这样做")
        return self.turn

    def _team(self, key: str) -> Team | None:
        return next((t for t in self.teams if t.key == key), None)

    def _score(self, team: Team, points: int, kind: str, note: str) -> None:
        team.score += points
        self.log.append(Event(kind, team.name, points, note))
        if self.record is not None:
            self.record.event(self.log[-1])


def check_teams(teams: Sequence[tuple[str, str]]) -> None:
    """2 to 8 teams, distinct names, each buzzing with its own letter that no answer needs."""
    if not 2 <= len(teams) <= 8:
        raise ContestError("参赛队伍应为 2 到 8 支")
    keys = [key for _, key in teams]
    if len(set(keys)) != len(keys) or len({name for name, _ in teams}) != len(teams):
        raise ContestError("队名和抢答键都不能重复")
    for name, key in teams:
        try:
            clean_name(name)  # a team's name is a profile's: nothing invisible in it
        except BadName as exc:
            raise ContestError(f"队名有误：{exc}") from exc
        if key in ANSWER_KEYS:
            raise ContestError(f"{name} 的抢答键不能是 {key.upper()}：判断题用 Y 和 N 作答")


def formulation_of(question) -> str:
    """What a question asks about: the sentence it came from, else its answer."""
    return question.source or expected_text(question)


def contest_questions(questions: Sequence, rng) -> list:
    """The bank's questions a contest can use (answered by typing or a key), shuffled,
    one per formulation: a contest never asks the same thing twice."""
    usable = [q for q in questions if q.type in CONTEST_TYPES]
    rng.shuffle(usable)
    usable = one_per_blank(usable)
    seen: set[str] = set()
    return [q for q in usable if not (formulation_of(q) in seen or seen.add(formulation_of(q)))]
