"""Numbers beyond any range never crash: an exam's size, a contest's correction, a team's
name (issue 23, item 11; a database file that cannot be written: tui/test_database_trouble.py)."""

import pytest


from studytui.contest import Contest, ContestError, check_teams
from studytui.quiz import count_and_minutes


def test_an_exam_of_thousands_of_digits_is_refused():
    assert count_and_minutes("9" * 5000 + " 15", range(1, 1000)) is None
    assert count_and_minutes("99999999999999999999 15", range(1, 1000)) is None
    assert count_and_minutes("20 " + "9" * 5000, range(1, 1000)) is None
    assert count_and_minutes("20 15", range(1, 1000)) == (20, 15)


def test_a_correction_beyond_any_contest_is_refused():
    contest = Contest([("红队", "a"), ("蓝队", "l")], [], [])
    with pytest.raises(ContestError, match="一次最多更正"):
        contest.correct("红队", 99999999999999999999999, "")
    assert contest.correct("红队", -10, "判分有误").score == -10


def test_a_team_name_with_an_invisible_character_is_refused():
    with pytest.raises(ContestError, match="看不见的字符"):
        check_teams([("红\u200b队", "a"), ("蓝队", "l")])
