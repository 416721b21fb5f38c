"""The course of a contest: the next question, opening it, buzzes, answers, time, scores.

Every question has its own clock: a pause ends with the question, and in 抢答 the team
that buzzes gets the whole countdown to answer, from the buzz."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from studytui.contest.ranking import last_undoable, ranked, tiebreak_order
from studytui.contest.record import ContestRecord
from studytui.contest.rules import (
    BUZZ,
    EVENT_NAMES,
    MOST_CORRECTED,
    REQUIRED,
    RISK,
    TIEBREAK,
    ContestError,
    Event,
    Judged,
    Round,
    Settings,
    Team,
    Turn,
    check_teams,
)
from studytui.bankfile.bank import Question
from studytui.quiz import grade_question
from studytui.vocabulary import Phase, Strictness, Verdict


class Contest:
    def __init__(
        self,
        teams: Sequence[tuple[str, str]],
        rounds: Sequence[Round],
        questions: Sequence[Question],
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
        turn.start_clock(now)

    def buzz(self, key: str, now: float) -> Team | None:
        """A team pressed its key. Returns the team that may answer, or None.

        Before a 抢答 question is open it costs the team the early-buzz penalty; before a
        tie-break is open it is only too early (a penalty there would decide the tie)."""
        team = self._team(key)
        turn = self.turn
        if team is None or turn is None or turn.round not in (BUZZ, TIEBREAK) or key not in turn.eligible:
            return None
        if turn.phase == Phase.SHOWN:
            if turn.round == BUZZ:
                self._score(team, self.settings.early_buzz, "early", "抢答过早")
            return None
        if turn.phase != Phase.OPEN:
            return None
        turn.team = team
        turn.phase = Phase.ANSWERING
        turn.start_clock(now)
        return team

    def submit(self, response: Any, now: float) -> Judged:
        """The answering team gave ``response``: graded, recorded and scored.

        A slip of the pen scores in full, in every round, and is recorded so (the
        contest grades leniently); a partly right answer is not right."""
        turn = self._turn(Phase.ANSWERING)
        team = turn.team
        assert team is not None
        grade = grade_question(turn.question, response, Strictness.LENIENT)
        if self.record is not None:
            self.record.answer(team, turn.question, response, grade, self.elapsed(now))
        right = grade.score >= 1
        points = self.answer(right, now)
        close = right and grade.verdict == Verdict.CLOSE
        return Judged(team, right, close, points, won_tie=turn.round == TIEBREAK and right)

    def answer(self, right: bool, now: float, note: str = "") -> int:
        """The answering team's answer was judged; returns the points it got.

        In sudden death a right answer wins the tie and a wrong one only puts the
        team out of this question; the others may still buzz, on a fresh clock."""
        turn = self._turn(Phase.ANSWERING)
        team = turn.team
        assert team is not None
        s = self.settings
        if turn.round == TIEBREAK:
            self._score(team, 0, "tiebreak" if right else "wrong", note or ("加赛胜出" if right else "加赛答错"))
            turn.eligible = () if right else tuple(k for k in turn.eligible if k != team.key)
            turn.phase = Phase.OPEN if turn.eligible else Phase.DONE
            turn.team = None if turn.eligible else team
            turn.start_clock(now)
            return 0
        if turn.round == RISK:
            stake = turn.stake or 0
            points = stake if right else -stake
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

    # -- time: the clock of the question on screen ------------------------------------------

    def elapsed(self, now: float) -> float:
        return self.turn.elapsed(now) if self.turn is not None else 0.0

    def time_left(self, now: float) -> float | None:
        turn = self.turn
        if turn is None or turn.started_at is None or turn.phase == Phase.DONE:
            return None
        return max(0.0, self.settings.seconds - turn.elapsed(now))

    def pause(self, now: float) -> None:
        turn = self.turn
        if turn is not None and turn.paused_at is None:
            turn.paused_at = now

    def resume(self, now: float) -> None:
        turn = self.turn
        if turn is not None and turn.paused_at is not None:
            turn.paused_total += now - turn.paused_at
            turn.paused_at = None

    @property
    def paused(self) -> bool:
        return self.turn is not None and self.turn.paused_at is not None

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

    def undo(self) -> Event:
        """The host takes back the last change of score (logged as an undo); returns what was undone."""
        last = last_undoable(self.log)
        if last is None:
            raise ContestError("没有可以撤销的计分")
        team = next(t for t in self.teams if t.name == last.team)
        what = "、".join(dict.fromkeys(filter(None, (EVENT_NAMES.get(last.kind, ""), last.note))))
        self._score(team, -last.points, "undo", what)
        return last

    def standings(self) -> list[Team]:
        by_name = {t.name: t for t in self.teams}
        return [by_name[s.team] for s in ranked(self.log, by_name)]

    def tied_leaders(self) -> list[Team]:
        """Teams tied for first place that no sudden-death 抢答 has separated yet."""
        top = max(t.score for t in self.teams)
        tied = [t for t in self.teams if t.score == top]
        won = self.tiebreak_order
        if len(tied) < 2 or any(t.name in won for t in tied):
            return []
        return tied

    @property
    def tiebreak_order(self) -> list[str]:
        return tiebreak_order(self.log)

    def podium(self) -> list[tuple[int, Team]]:
        """(place, team) for every team; equal scores share a place unless a tiebreak split them."""
        by_name = {t.name: t for t in self.teams}
        return [(s.place, by_name[s.team]) for s in ranked(self.log, by_name)]

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
