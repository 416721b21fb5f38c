"""A contest's vocabulary and setup: rounds, points, teams and their buzz keys, the turn
a question is in, and what the host's setup lines mean."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from studytui.bankfile.bank import Question
from studytui.names import BadName, clean_name
from studytui.vocabulary import Phase

REQUIRED, BUZZ, RISK, TIEBREAK = "required", "buzz", "risk", "tiebreak"
ROUND_NAMES = {REQUIRED: "必答", BUZZ: "抢答", RISK: "风险题", TIEBREAK: "加赛抢答"}
EVENT_NAMES = {
    "start": "起始分",
    "right": "答对",
    "wrong": "答错",
    "early": "抢答过早",
    "tiebreak": "加赛胜出",
    "correction": "更正",
    "undo": "撤销",
}
ANSWER_KEYS = frozenset("yn")
"""Letters an answer needs (判断题 Y/N); no team may buzz with them."""
HOST_KEYS = frozenset("svpcu")
"""The host's letters: skip, reveal, pause, correct, undo."""
DEFAULT_KEYS = "alzmqoxb"

MOST_CORRECTED = 10_000
"""Points one correction may add or take: far beyond any contest, far within what is recorded."""


class ContestError(ValueError):
    """Something the contest cannot do; the message says why, in Chinese."""


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
    """One question of the contest, who may answer it, and its clock."""

    round: str
    number: int
    question: Question
    team: Team | None = None
    stake: int | None = None
    phase: Phase = Phase.SHOWN
    """shown → (stake →) open → answering → done."""
    started_at: float | None = None
    """When the clock last started: the host opened the question, or a team buzzed."""
    paused_at: float | None = None
    paused_total: float = 0.0
    eligible: tuple[str, ...] = ()

    def start_clock(self, now: float) -> None:
        """A fresh countdown from ``now`` (still stopped if the host has paused)."""
        self.started_at = now
        self.paused_total = 0.0
        if self.paused_at is not None:
            self.paused_at = now

    def elapsed(self, now: float) -> float:
        if self.started_at is None:
            return 0.0
        paused = self.paused_total + ((now - self.paused_at) if self.paused_at is not None else 0.0)
        return max(0.0, now - self.started_at - paused)


@dataclass(frozen=True)
class Judged:
    """How an answer was graded and what it earned, as announced."""

    team: Team
    right: bool
    close: bool
    points: int
    won_tie: bool = False


@dataclass(frozen=True)
class Setup:
    """What the host chose before the contest: the teams, the rounds and the points."""

    teams: list[tuple[str, str]]
    rounds: list[Round]
    settings: Settings


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
        if key in HOST_KEYS:
            raise ContestError(f"{name} 的抢答键不能是 {key.upper()}：S V P C U 是主持人用的键")


def parse_teams(text: str) -> list[tuple[str, str]]:
    """``红队:a 蓝队:l 绿队`` → [(红队, a), (蓝队, l), (绿队, z)]; keys default in turn."""
    teams: list[tuple[str, str]] = []
    for part in text.replace("，", " ").replace(",", " ").split():
        name, _, key = part.partition(":")
        key = key.lower() or next((k for k in DEFAULT_KEYS if k not in {t[1] for t in teams}), "")
        if len(key) != 1 or key in HOST_KEYS | ANSWER_KEYS or not ("a" <= key <= "z"):
            raise ContestError(f"“{part}”的抢答键应为一个英文字母，且不能是主持人用的 S V P C U 或判断题用的 Y N")
        teams.append((name, key))
    return teams


def _whole(text: str) -> bool:
    """An integer as a host types it: ASCII digits, perhaps signed ('²' and '５' are not)."""
    digits = text[1:] if text[:1] in ("+", "-") else text
    return digits.isascii() and digits.isdigit()


def _numbers(text: str, count: int, what: str) -> list[int]:
    parts = text.split()
    if len(parts) != count or not all(_whole(p) for p in parts):
        raise ContestError(f"{what}：请按示例填写 {count} 个整数，用空格隔开")
    return [int(p) for p in parts]


def parse_setup(teams: str, rounds: str, timing: str, points: str) -> Setup:
    """The setup dialog's four lines, as the host typed them."""
    parsed = parse_teams(teams)
    check_teams(parsed)
    required, buzz, risk = _numbers(rounds, 3, "每轮题数")
    if min(required, buzz, risk) < 0 or required + buzz + risk == 0:
        raise ContestError("每轮题数：不能为负，且至少要有一道题")
    seconds, start = _numbers(timing, 2, "限时和起始分")
    right, wrong, early, bonus = _numbers(points, 4, "得分和扣分")
    chosen = [Round(kind, n) for kind, n in ((REQUIRED, required), (BUZZ, buzz), (RISK, risk)) if n > 0]
    settings = Settings(
        right=right,
        wrong_buzz=-abs(wrong),
        early_buzz=-abs(early),
        speed_bonus=max(0, bonus),
        seconds=max(5, seconds),
        start_score=start,
    )
    return Setup(parsed, chosen, settings)


def questions_needed(teams: int, rounds: Sequence[Round]) -> int:
    """How many questions the rounds ask (a tie-break asks more)."""
    return sum(r.per_team * (1 if r.kind == BUZZ else teams) for r in rounds)


def check_enough(setup: Setup, available: int) -> None:
    """The bank has a question for every turn of the chosen rounds."""
    needed = questions_needed(len(setup.teams), setup.rounds)
    if needed > available:
        raise ContestError(
            f"题库只有 {available} 道题可用于竞赛（填空、单选、判断，同一提法只问一次），"
            f"这些轮次要 {needed} 道：请减少题数或换一个题目更多的题库"
        )


def parse_correction(text: str) -> tuple[str, int, str]:
    """``蓝队 -10 判分有误`` → (蓝队, -10, 判分有误): a team (by name or key), whole points, a reason."""
    parts = text.split(maxsplit=2)
    if len(parts) < 2 or not _whole(parts[1]):
        raise ContestError("格式：队名或抢答键 分数 原因，例如：红队 -10 判分有误")
    return parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""
