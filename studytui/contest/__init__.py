"""The rules of a group contest (小组竞赛) on one shared screen, as plain Python.

Rounds run as a 知识竞赛 runs: 必答 (each team in turn answers its own question),
抢答 (one question for all: the first team to buzz after the host opens it answers)
and 风险题 (the team picks a stake, blind, and wins or loses it). Ties at the top are
broken by sudden-death 抢答 among the tied teams. Every change of score is logged and,
through a ``ContestRecord``, saved: screens show the contest, the engine records it.

- ``rules``: the vocabulary, the teams and the setup
- ``questions``: which questions a contest asks, in what order, under which heading
- ``engine``: the course of the contest, its clocks and scores
- ``ranking``: the ranking from the score log (the podium and ``stats --code``)
- ``record``: the store's copy
"""

from studytui.contest.engine import Contest
from studytui.contest.questions import CONTEST_TYPES, contest_questions, formulation_of, heading_of
from studytui.contest.record import ContestRecord
from studytui.contest.rules import (
    ANSWER_KEYS,
    BUZZ,
    DEFAULT_KEYS,
    EVENT_NAMES,
    HOST_KEYS,
    MOST_CORRECTED,
    REQUIRED,
    RISK,
    ROUND_NAMES,
    TIEBREAK,
    ContestError,
    Event,
    Judged,
    Round,
    Settings,
    Setup,
    Team,
    Turn,
    check_enough,
    check_teams,
    parse_correction,
    parse_setup,
    parse_teams,
    questions_needed,
)

__all__ = [
    "ANSWER_KEYS",
    "BUZZ",
    "CONTEST_TYPES",
    "DEFAULT_KEYS",
    "EVENT_NAMES",
    "HOST_KEYS",
    "MOST_CORRECTED",
    "REQUIRED",
    "RISK",
    "ROUND_NAMES",
    "TIEBREAK",
    "Contest",
    "ContestError",
    "ContestRecord",
    "Event",
    "Judged",
    "Round",
    "Settings",
    "Setup",
    "Team",
    "Turn",
    "check_enough",
    "check_teams",
    "contest_questions",
    "formulation_of",
    "heading_of",
    "parse_correction",
    "parse_setup",
    "parse_teams",
    "questions_needed",
]
