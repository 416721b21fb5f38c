"""Exams, driven with Pilot: the size dialog, the countdown, and an exam that runs out (while
away, under a dialog, with an answer typed but not submitted)."""

from datetime import timedelta

import pytest
from helpers import run_out, screen_name, settle, shown, start_exam

from studytui.screens.quiz import LAST_MINUTE


async def test_exam_has_a_countdown_and_no_feedback(pilot):
    app = pilot.app
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one("#dialog-input").value = "2 10"
    await pilot.press("enter")
    await pilot.pause()
    assert app.screen.session.total == 2 and app.screen.session.settings.time_limit == 600
    clock = shown(app, "#quiz-clock")
    assert clock.startswith("剩余 1") or clock.startswith("剩余 0")
    await pilot.press(*"两个维护", "enter")
    await pilot.pause()
    assert not app.screen.query(".verdict") and app.screen.session.position == 1


@pytest.mark.parametrize("typed", ["²0 15", "① 15", "二十 15"])
async def test_count_dialog_refuses_odd_digits_without_crashing(pilot, typed):
    app = pilot.app
    await start_exam(pilot, typed)
    assert screen_name(app) == "TextDialog"
    assert "正整数" in shown(app, "#dialog-error")


@pytest.mark.parametrize("typed", ["3，5", "３　５", "3题 5分钟"])
async def test_count_dialog_takes_what_an_input_method_types(pilot, typed):
    app = pilot.app
    await start_exam(pilot, typed)
    assert screen_name(app) == "QuizScreen"
    assert (app.screen.session.total, app.screen.session.settings.time_limit) == (3, 300)


async def test_an_exam_that_ran_out_while_away_shows_its_result_then_home(pilot):
    app = pilot.app
    await start_exam(pilot)
    await pilot.press("escape", "y")
    await settle(pilot)
    assert screen_name(app) == "HomeScreen"
    session = app.unfinished_session()[0]
    store = app.store
    with store.transaction() as db:
        db.execute("UPDATE sessions SET started = '2020-01-01T00:00:00+00:00' WHERE id = ?", (session.id,))
    await pilot.press("u")
    await pilot.pause()
    assert screen_name(app) == "ResultScreen"
    assert app.screen.result.counts["unanswered"] == 2
    await pilot.press("escape")
    await pilot.pause()
    assert [type(s).__name__ for s in app.screen_stack] == ["Screen", "HomeScreen"]
    await settle(pilot)
    assert "继续上次" in shown(app, "#modes")


async def test_an_exam_that_runs_out_under_the_leave_dialog_ends_cleanly(pilot):
    app = pilot.app
    await start_exam(pilot)
    quiz = app.screen
    await pilot.press("escape")
    await pilot.pause()
    assert screen_name(app) == "ConfirmDialog"
    run_out(quiz)
    await pilot.pause()
    assert screen_name(app) == "ResultScreen"
    await pilot.press("escape")
    await pilot.pause()
    assert [type(s).__name__ for s in app.screen_stack] == ["Screen", "HomeScreen"]


async def test_an_answer_typed_but_not_submitted_is_graded_when_time_runs_out(pilot):
    app = pilot.app
    await start_exam(pilot)
    quiz = app.screen
    answer = {"q1": "两个维护", "q2": "七个有之", "q3": "四种形态"}[quiz.session.current.id]
    await pilot.press(*answer)
    run_out(quiz)
    await pilot.pause()
    result = app.screen.result
    assert result.counts == {"correct": 1, "close": 0, "wrong": 0, "unanswered": 1}
    assert result.seconds == 60


async def test_the_last_minute_warns_that_typed_answers_count(pilot):
    await start_exam(pilot, "2 5")
    quiz = pilot.app.screen
    quiz.session.started -= timedelta(minutes=4, seconds=30)
    quiz.tick()
    await pilot.pause()
    assert [n.message for n in pilot.app._notifications] == [LAST_MINUTE]


async def test_an_exam_that_ran_out_half_answered_is_not_called_all_right(pilot):
    app = pilot.app
    await start_exam(pilot, "3 1")
    quiz = app.screen
    quiz.session.submit(quiz.session.current.answer[0])
    await quiz.show_question()
    run_out(quiz)
    await pilot.pause()
    assert screen_name(app) == "ResultScreen"
    page = " ".join(str(label.render()) for label in app.screen.query("Label"))
    assert "全部正确" not in page
    assert "还有 2 题没有作答" in page
