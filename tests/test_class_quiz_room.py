"""A class quiz in a room (issue 24, items 10 and 11): everyone who opened it is ranked, the
code resumes an attempt left unfinished, right answers stay hidden until the instructor
closes the quiz, and the numbers and messages say what happened."""

from studytui.app import StudyApp
from studytui.bankfile import loader
from studytui.grading import format_score
from studytui.quiz import QuizSession
from studytui.quiz_code import class_code, parse_code
from studytui.store import Answer, open_store
from helpers import THREE, prepare, run_out, settle, start_exam

BANK = loader.load(THREE)
CODE = class_code(BANK, seed=7, count=3, minutes=0)


def app_for(data) -> StudyApp:
    prepare(data, profile="王一")
    return StudyApp(data_dir=data, banks=[THREE])


async def join(pilot, code: str = CODE) -> None:
    for key in ("c", "enter"):  # 班级测验 → 参加测验
        await pilot.press(key)
        await pilot.pause()
    pilot.app.screen.query_one("#dialog-input").value = code
    await pilot.press("enter")
    await pilot.pause()


async def test_someone_who_opened_the_quiz_and_left_is_ranked(tmp_path):
    store = open_store(tmp_path)
    QuizSession.start(store, BANK, store.profile("王一"), parse_code(CODE).settings(), quiz_code=CODE)
    assert [(r.name, r.answered, r.seconds) for r in store.ranking(quiz_code=CODE)] == [("王一", 0, 0.0)]


async def test_the_code_again_resumes_the_attempt_left_unfinished(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await join(pilot)
        first = app.screen.session
        first.submit(first.current.answer[0])
        await app.screen.show_question()
        await pilot.press("escape", "y")  # left: the attempt stays unfinished, 1/3
        await pilot.pause()
        await join(pilot)
        again = app.screen.session
        assert type(app.screen).__name__ == "QuizScreen" and again.session_id == first.session_id
        assert again.position == 1 and again.settings.mode == "class"
        assert app.store.attempts(app.profile_id, CODE) == 1
        assert not any("重做" in n.message for n in app._notifications)


async def all_wrong(app, pilot):
    """Join the class quiz, answer every question wrong and hand in: (the session, its result screen)."""
    await settle(pilot)
    await join(pilot)
    session = app.screen.session
    for _ in range(3):
        session.submit("不知道")
    app.screen.dismiss(True)
    await settle(pilot)
    return session, app.screen


async def test_the_result_hides_right_answers_until_the_instructor_closes_the_quiz(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        session, result = await all_wrong(app, pilot)  # the class quiz read by a worker: still open, its answers hidden
        assert type(result).__name__ == "ResultScreen"
        detail = result.query_one("#mistake-detail")
        answers = [q.answer[0] for q in session.questions]
        shown = " ".join(str(w.render()) for w in detail.query("Static"))
        assert "老师结束这套测验后显示" in shown and not any(a in shown for a in answers) and not detail.query("Feedback")
        assert not result.query("#retry") and not result.check_action("retry", ())  # a retry would show them too
        await pilot.press("l", "e", "y")  # the leaderboard: the instructor closes the quiz
        await pilot.pause()
        assert app.store.quiz_closed(CODE)
        await pilot.press("escape")
        await pilot.pause()
        await join(pilot)
        assert "已经结束" in str(app.screen.query_one("#dialog-error").render())  # nobody starts it again


async def test_a_quiz_closed_while_its_result_is_open_shows_the_answers_on_the_next_mistake(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        session, result = await all_wrong(app, pilot)
        assert not result.query("#mistake-detail Feedback") and not result.query("#retry")
        app.store.close_quiz(CODE)  # the instructor, on the leaderboard of another machine
        await pilot.press("down")
        await settle(pilot)
        detail = result.query_one("#mistake-detail")
        assert detail.query("Feedback") and session.questions[1].answer[0] in str(detail.query_one(".right").render())
        assert result.query("#retry") and result.check_action("retry", ())


async def test_result_and_leaderboard_print_one_number(tmp_path):
    from studytui.screens.leaderboard import LeaderboardScreen

    assert [format_score(x) for x in (1.25, 38.8333, 0.5, 3.0)] == ["1.3", "38.8", "0.5", "3"]
    store = open_store(tmp_path)
    session = QuizSession.start(store, BANK, store.profile("李二"), parse_code(CODE).settings(), quiz_code=CODE)
    for question, score in zip(BANK.questions[:2], (0.75, 0.5)):
        store.record(Answer(session.session_id, question.id, question.prompt, "x", "close", score, 3.0))
    store.close()
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await app.push_screen(LeaderboardScreen(CODE))
        await pilot.pause()
        assert app.screen.query_one("#board").get_row_at(0)[2] == "1.3"


async def test_time_up_does_not_count_the_question_on_screen_as_unseen(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await start_exam(pilot, "3 1")
        run_out(app.screen)  # nothing typed on the first of three
        await pilot.pause()
        said = [n.message for n in app._notifications if n.message.startswith("时间到")][-1]
        assert "当前这题没有作答" in said and "没来得及看的 2 题" in said
