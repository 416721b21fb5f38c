"""Numbers beyond any range and a database file that cannot be written never crash
(issue 23, item 11)."""

import os
import subprocess
from contextlib import contextmanager

import pytest

from helpers import THREE
from safety_helpers import answers_in, studied

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


@contextmanager
def unwritable(path):
    """``path`` cannot be written: its mode for a user, the immutable attribute for root."""
    root = os.getuid() == 0
    if root:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        os.chmod(path, 0o444)
    try:
        yield
    finally:
        if root:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            os.chmod(path, 0o644)


async def test_a_read_only_database_file_in_a_writable_folder_is_read(tmp_path):
    from studytui.app import StudyApp

    studied(tmp_path, answers=3)
    with unwritable(tmp_path / "studytui.db"):
        app = StudyApp(data_dir=tmp_path, banks=[THREE])
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.store.read_only and any("作答无法保存" in n.message for n in app._notifications)
            await pilot.press("f")
            await pilot.pause()
            await pilot.press("tab", *"李四", "enter")
            await pilot.pause()
            assert app.profile_name == "李四"
    assert answers_in(tmp_path) == 3
