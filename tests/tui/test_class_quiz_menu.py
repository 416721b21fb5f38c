"""Class quizzes in the TUI, driven with Pilot: a code starts the same quiz, and the
instructor's leaderboard fills live."""

from helpers import THREE, prepare, screen_name, settle, shown

from studytui.bankfile import loader
from studytui.quiz import QuizSession
from studytui.quiz_code import class_code, find_bank, parse_code
from studytui.store import open_store


async def test_class_quiz_code_starts_the_same_quiz(tmp_path, start):
    prepare(tmp_path)
    three = loader.load(THREE)
    code = class_code(three, seed=3, count=2, minutes=5)
    async with start() as pilot:
        app = pilot.app
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")  # 参加测验
        await pilot.pause()
        typo = code[:4] + ("1" if code[4] != "1" else "2") + code[5:]
        await pilot.press(*typo, "enter")
        await pilot.pause()
        assert "校验" in shown(app, "#dialog-error")
        app.screen.query_one("#dialog-input").value = code.lower()
        await pilot.press("enter")
        await pilot.pause()
        session = app.screen.session
        assert session.settings.mode == "class" and session.total == 2
    assert open_store(tmp_path).session(session.session_id).quiz_code == code


async def test_instructor_sets_a_class_quiz_and_the_leaderboard_fills_live(tmp_path, pilot):
    app = pilot.app
    await pilot.press("c", "down", "enter")  # 出一套测验
    await pilot.pause()
    app.screen.query_one("#dialog-input").value = "3 10"
    await pilot.press("enter")
    await pilot.pause()
    board = app.screen
    await settle(pilot)
    assert screen_name(app) == "LeaderboardScreen" and board.code.startswith("QZ-")
    assert board.query_one("#board").row_count == 0
    # a participant on this data folder takes it meanwhile (another process in real life)
    store = open_store(tmp_path)
    quiz = parse_code(board.code)
    session = QuizSession.start(
        store, find_bank(quiz, [loader.load(THREE)]), store.profile("王一"), quiz.settings(), quiz_code=board.code
    )
    while not session.done:
        session.submit(list(session.current.answer))
    board.action_refresh_board()  # what its timer does every REFRESH_SECONDS
    await settle(pilot)
    table = board.query_one("#board")
    assert table.row_count == 1 and str(table.get_row_at(0)[1]) == "王一"
