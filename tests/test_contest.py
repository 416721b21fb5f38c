"""The contest rules, round by round: turns, buzz order, early buzzes, stakes, timeouts,
speed bonus, corrections, ties broken by sudden death, the podium."""

import pytest

from studytui.contest import BUZZ, REQUIRED, RISK, TIEBREAK, Contest, ContestError, Round, Settings

TEAMS = [("红队", "a"), ("蓝队", "l"), ("绿队", "z")]


def contest(rounds, settings=Settings(), teams=TEAMS, questions=40):
    return Contest(teams, rounds, [f"q{i}" for i in range(questions)], settings)


def scores(c):
    return {t.name: t.score for t in c.teams}


def test_required_round_gives_each_team_its_own_question_in_turn():
    c = contest([Round(REQUIRED, per_team=2)])
    order = []
    for right in (True, False, True, True, False, True):
        turn = c.next_question()
        order.append(turn.team.name)
        c.open(now=0)
        assert c.buzz("l", now=1) is None  # nobody buzzes in 必答
        c.answer(right, now=5)
    assert order == ["红队", "蓝队", "绿队"] * 2
    assert scores(c) == {"红队": 20, "蓝队": 0, "绿队": 20}  # wrong costs nothing in 必答
    assert c.next_question().round == TIEBREAK  # 红队 and 绿队 are tied for first


def test_buzz_round_first_buzz_answers_and_wrong_costs_ten():
    c = contest([Round(BUZZ, per_team=2)])
    c.next_question()
    c.open(now=0)
    assert c.buzz("z", now=1.0).name == "绿队"
    assert c.buzz("a", now=1.1) is None  # too late: 绿队 is answering
    c.answer(True, now=3)
    c.next_question()
    c.open(now=10)
    assert c.buzz("a", now=11).name == "红队"
    c.answer(False, now=12)
    assert scores(c) == {"红队": -10, "蓝队": 0, "绿队": 10}


def test_a_buzz_before_the_question_is_open_costs_ten():
    c = contest([Round(BUZZ)])
    c.next_question()
    assert c.buzz("l", now=0.5) is None
    assert scores(c)["蓝队"] == -10
    assert [(e.kind, e.team, e.points) for e in c.log] == [("early", "蓝队", -10)]
    c.open(now=1)
    assert c.buzz("l", now=2).name == "蓝队"  # after opening the same team may buzz


def test_risk_round_wins_or_loses_the_stake():
    c = contest([Round(RISK)], teams=TEAMS[:2])
    c.next_question()
    with pytest.raises(ContestError):
        c.open(now=0)  # a stake must be chosen first
    with pytest.raises(ContestError):
        c.choose_stake(25, now=0)
    c.choose_stake(30, now=0)
    c.answer(True, now=4)
    c.next_question()
    c.choose_stake(20, now=10)
    c.answer(False, now=12)
    assert scores(c) == {"红队": 30, "蓝队": -20}


def test_timeouts():
    c = contest([Round(REQUIRED), Round(BUZZ)], settings=Settings(seconds=20), teams=TEAMS[:2])
    c.next_question()
    c.open(now=0)
    assert c.time_left(now=15) == 5
    assert c.timeout(now=20) == 0 and scores(c)["红队"] == 0  # wrong in 必答: 0
    c.next_question()
    c.open(now=30)
    c.next_question()
    c.open(now=40)
    assert c.timeout(now=60) == 0  # nobody buzzed: nobody scores
    assert scores(c) == {"红队": 0, "蓝队": 0}


def test_pause_stops_the_clock_and_speed_bonus_is_a_setting():
    c = contest([Round(REQUIRED)], settings=Settings(seconds=30, speed_bonus=5), teams=TEAMS[:2])
    c.next_question()
    c.open(now=0)
    c.pause(now=5)
    assert c.time_left(now=100) == 25
    c.resume(now=100)
    assert c.time_left(now=105) == 20
    assert c.answer(True, now=106) == 15  # within half the time: +5
    c.next_question()
    c.open(now=200)
    assert c.answer(True, now=225) == 10
    assert contest([Round(REQUIRED)]).settings.speed_bonus == 0  # off by default


def test_starting_score_and_corrections_are_logged():
    c = contest([Round(REQUIRED)], settings=Settings(start_score=100))
    assert set(scores(c).values()) == {100}
    c.correct("z", -5, "判分有误")
    assert scores(c)["绿队"] == 95
    assert c.log[-1].kind == "correction" and c.log[-1].note == "判分有误"
    with pytest.raises(ContestError):
        c.correct("q", 5, "")


def test_ties_are_broken_by_sudden_death_buzz():
    c = contest([Round(REQUIRED)])
    for right in (True, True, False):
        c.next_question()
        c.open(now=0)
        c.answer(right, now=1)
    assert [t.name for t in c.tied_leaders()] == ["红队", "蓝队"]
    turn = c.next_question()
    assert turn.round == TIEBREAK and set(turn.eligible) == {"a", "l"}
    c.open(now=0)
    assert c.buzz("z", now=1) is None  # not in the tie
    assert c.buzz("a", now=1).name == "红队"
    c.answer(False, now=2)  # wrong: out of this question, no points lost
    assert turn.phase == "open" and turn.eligible == ("l",)
    assert c.buzz("l", now=3).name == "蓝队"
    c.answer(True, now=4)
    assert scores(c) == {"红队": 10, "蓝队": 10, "绿队": 0}
    assert c.next_question() is None and c.finished
    assert [(place, team.name) for place, team in c.podium()] == [(1, "蓝队"), (2, "红队"), (3, "绿队")]


def test_teams_must_be_two_to_eight_with_distinct_keys():
    with pytest.raises(ContestError):
        Contest([("甲", "a")], [Round(REQUIRED)], [])
    with pytest.raises(ContestError):
        Contest([("甲", "a"), ("乙", "a")], [Round(REQUIRED)], [])
    with pytest.raises(ContestError):
        Contest([(str(i), k) for i, k in enumerate("abcdefghi")], [Round(REQUIRED)], [])
