"""The TUI as a user drives it, with Pilot: profiles, practice, feedback, results,
stats, exams, leaving and resuming, every answer type, banks, class quiz codes."""

from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from studytui.bankfile import loader
from studytui.app import StudyApp
from studytui.paths import shipped_banks_dir
from studytui.quiz import QuizSession, Settings
from studytui.quiz_code import class_code
from studytui.store import open_store
from helpers import THREE, prepare
from helpers import settle as wait_for_banks

EXAMPLE = loader.load(shipped_banks_dir() / "example.yaml")
ANSWERS = {"q1": "两个维护", "q2": "七个有知", "q3": "三种形态"}  # right, a homophone slip, wrong
EXPECTED = {"q1": "correct", "q2": "close", "q3": "wrong"}


def app_for(data: Path, **kwargs) -> StudyApp:
    return StudyApp(data_dir=data, banks=[THREE], **kwargs)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def test_first_start_asks_who_is_studying_and_remembers(tmp_path):
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        assert type(app.screen).__name__ == "ProfileDialog"
        await type_text(pilot, "李四")
        await pilot.press("enter")
        await pilot.pause()
        assert app.profile_name == "李四"
        assert "李四　今日作答 0 题" in str(app.screen.query_one("#summary").render())
    store = open_store(tmp_path)
    assert store.setting("profile") == "李四"


async def test_practice_right_slip_and_wrong_then_result_and_stats(tmp_path):
    prepare(tmp_path)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("p")
        await pilot.pause()
        quiz = app.screen
        seen = {}
        for _ in range(3):
            question = quiz.session.current
            await type_text(pilot, ANSWERS[question.id])
            await pilot.press("enter")
            await pilot.pause()
            verdict = quiz.query_one(".verdict")
            seen[question.id] = verdict.classes
            assert EXPECTED[question.id] in verdict.classes
            if question.id == "q2":
                reasons = str(quiz.query_one(".reasons").render())
                assert "应为“之”，写成“知”（同音字）" in reasons
            if question.id == "q3":
                assert "四种形态" in str(quiz.query_one(".right").render())
            await pilot.press("enter")
            await pilot.pause()
        result = app.screen
        assert type(result).__name__ == "ResultScreen"
        score = str(result.query_one("#result-score").render())
        assert "得分 1.5/3" in score and "正确 1" in score and "接近 1" in score and "错误 1" in score
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        summary = str(app.screen.query_one("#stats-summary").render())
        assert "今日作答 3 题" in summary and "连续学习 1 天" in summary
    store = open_store(tmp_path)
    assert [r["typed"] for r in store.export_rows()] == [ANSWERS[q] for q in seen]


async def test_retry_the_mistakes(tmp_path):
    prepare(tmp_path)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("p")
        for _ in range(3):
            await pilot.pause()
            await type_text(pilot, "不知道")
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen" and app.screen.session.total == 3


async def test_override_scores_a_disputed_answer(tmp_path):
    prepare(tmp_path)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "我的答案")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert "已申诉" in str(app.screen.query_one(".verdict").render())
    row = next(open_store(tmp_path).export_rows())
    assert (row["verdict"], row["original_verdict"], row["overridden"]) == ("correct", "wrong", 1)


async def test_leave_with_escape_and_resume(tmp_path):
    prepare(tmp_path)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("p")
        await pilot.pause()
        first = app.screen.session.current.id
        await type_text(pilot, ANSWERS[first])
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert "继续上次" in str(app.screen.query_one("#modes").render()) and app.unfinished_session() is not None
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.session.position == 1


async def test_exam_has_a_countdown_and_no_feedback(tmp_path):
    prepare(tmp_path)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#dialog-input").value = "2 10"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.total == 2 and app.screen.session.settings.time_limit == 600
        clock = str(app.screen.query_one("#quiz-clock").render())
        assert clock.startswith("剩余 1") or clock.startswith("剩余 0")
        await type_text(pilot, "两个维护")
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query(".verdict") and app.screen.session.position == 1


async def _quiz_on(tmp_path, question_ids):
    store = open_store(tmp_path)
    pid = store.profile("张三")
    store.set_setting("profile", "张三")
    questions = [q for q in EXAMPLE.questions if q.id in question_ids]
    return store, QuizSession.start(store, EXAMPLE, pid, Settings(), questions=questions)


@asynccontextmanager
async def _quiz_screen(tmp_path, session):
    """The app showing ``session``'s quiz: (app, pilot)."""
    from studytui.screens.quiz import QuizScreen

    app = StudyApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(QuizScreen(session))
        await pilot.pause()
        yield app, pilot


async def test_choice_judge_multi_and_order_by_keys(tmp_path):
    store, session = await _quiz_on(tmp_path, {"ex-choice", "ex-judge", "ex-multi", "ex-order"})
    async with _quiz_screen(tmp_path, session) as (app, pilot):
        for _ in range(4):
            question = session.current
            widget = app.screen.query_one(".answer")
            if question.type == "choice":
                await pilot.press(str(widget.texts.index("七个有之") + 1))
            elif question.type == "judge":
                await pilot.press("n")
            elif question.type == "multi":
                for item in question.answer:
                    await pilot.press(str(widget.texts.index(item) + 1))
                await pilot.press("enter")
            else:  # order: move items into place with Shift+Up
                for target, item in enumerate(question.answer):
                    index = widget.texts.index(item)
                    widget.highlighted = index
                    for _ in range(index - target):
                        await pilot.press("shift+up")
                await pilot.press("enter")
            await pilot.pause()
            assert "correct" in app.screen.query_one(".verdict").classes, question.type
            await pilot.press("enter")
            await pilot.pause()
    assert [r["verdict"] for r in store.export_rows()] == ["correct"] * 4


async def test_an_enter_too_many_answers_no_choice_or_judge_question(tmp_path):
    store, session = await _quiz_on(tmp_path, {"ex-choice", "ex-judge"})
    async with _quiz_screen(tmp_path, session) as (app, pilot):
        for answered in range(2):
            await pilot.press("enter")  # the Enter that started the quiz, pressed once more
            await pilot.pause()
            assert not list(app.screen.query(".verdict")) and len(list(store.export_rows())) == answered
            await pilot.press("down", "enter")  # an option chosen with the arrows is answered
            await pilot.pause()
            assert list(app.screen.query(".verdict"))
            await pilot.press("enter")
            await pilot.pause()
    assert len(list(store.export_rows())) == 2


async def test_choice_by_mouse(tmp_path):
    store, session = await _quiz_on(tmp_path, {"ex-choice"})
    async with _quiz_screen(tmp_path, session) as (app, pilot):
        widget = app.screen.query_one(".answer")
        row = widget.texts.index("七个有之")
        await pilot.click(widget, offset=(4, row + 1))
        await pilot.pause()
        assert "correct" in app.screen.query_one(".verdict").classes


async def test_class_quiz_code_starts_the_same_quiz(tmp_path):
    prepare(tmp_path)
    three = loader.load(THREE)
    code = class_code(three, seed=3, count=2, minutes=5)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")  # 参加测验
        await pilot.pause()
        typo = code[:4] + ("1" if code[4] != "1" else "2") + code[5:]
        await type_text(pilot, typo)
        await pilot.press("enter")
        await pilot.pause()
        assert "校验" in str(app.screen.query_one("#dialog-error").render())
        app.screen.query_one("#dialog-input").value = code.lower()
        await pilot.press("enter")
        await pilot.pause()
        session = app.screen.session
        assert session.settings.mode == "class" and session.total == 2
    row = open_store(tmp_path).session(session.session_id)
    assert row["quiz_code"] == code


async def test_banks_screen_shows_problems_and_generates_from_a_speech(tmp_path):
    prepare(tmp_path)
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "broken.yaml").write_text("title: x\nquestions: []\n", encoding="utf-8")
    app = app_for(tmp_path)
    async with app.run_test(size=(110, 34)) as pilot:
        await wait_for_banks(pilot)
        labels = [str(o.prompt) for o in app.screen.query_one("#banks").options]
        assert any("broken.yaml:2" in label and "questions 为空" in label for label in labels)
        await pilot.press("b")
        await pilot.pause()
        table = app.screen.query_one("#banks-table")
        assert table.row_count == len(app.library.entries)
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#dialog-input").value = str(Path(__file__).parent / "data" / "other_speech.txt")
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if (banks / "other_speech.yaml").exists() and app.screen.changed:
                break
        assert loader.validate(banks / "other_speech.yaml").ok
        assert any(e.bank and e.bank.id == "other_speech" for e in app.library.entries)


async def test_generating_over_a_bank_in_banks_asks_first(tmp_path):
    prepare(tmp_path)
    banks = tmp_path / "banks"
    banks.mkdir()
    mine = banks / "other_speech.yaml"
    mine.write_text(THREE.read_text(encoding="utf-8"), encoding="utf-8")
    app = app_for(tmp_path)
    async with app.run_test(size=(110, 34)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("b")
        await pilot.pause()
        for answer in ("n", "y"):
            await pilot.press("g")
            await pilot.pause()
            app.screen.query_one("#dialog-input").value = str(Path(__file__).parent / "data" / "other_speech.txt")
            await pilot.press("enter")
            await pilot.pause()
            assert "已经存在" in str(app.screen.query_one(".dialog-text").render())
            await pilot.press(answer)
            for _ in range(100):
                await pilot.pause(0.05)
                if answer == "n" or app.screen.changed:
                    break
            replaced = mine.read_text(encoding="utf-8") != THREE.read_text(encoding="utf-8")
            assert replaced == (answer == "y")


async def test_help_opens_with_question_mark(tmp_path):
    prepare(tmp_path)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_small_terminals_do_not_crash(tmp_path, size):
    prepare(tmp_path)
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "两个维护")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter", "escape", "y")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "StatsScreen"
    assert app.return_code in (None, 0)


async def _answer_in_contest(pilot, right: bool):
    screen = pilot.app.screen
    question = screen.contest.turn.question
    widget = screen.query_one(".answer")
    if question.type == "cloze":
        await type_text(pilot, question.answer[0] if right else "不对的答案")
        for _ in question.answer[1:]:
            await pilot.press("enter")
            await type_text(pilot, "x")
        await pilot.press("enter")
    elif question.type == "choice":
        index = widget.texts.index(question.answer)
        await pilot.press(str(index + 1 if right else (index + 1) % 4 + 1))
    else:
        await pilot.press("y" if question.answer == right else "n")
    await pilot.pause()


async def test_a_whole_three_team_contest_to_the_podium(tmp_path, capsys):
    from studytui.contest import TIEBREAK

    prepare(tmp_path, bank_id="qichu-qifali")
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#rounds").value = "1 2 1"
        app.screen.query_one("#teams").focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ContestScreen"

        async def step(*keys):
            for key in keys:
                await pilot.press(key)
                await pilot.pause()

        for right in (True, True, False):  # 必答: 红 蓝 绿, each its own question
            await step("space", "space")
            await _answer_in_contest(pilot, right)
        await step("space", "l")  # 蓝队 buzzes before the host opens the question: −10
        await step("space", "z")  # 绿队 buzzes first
        await _answer_in_contest(pilot, True)
        await step("space", "space", "a")
        await _answer_in_contest(pilot, False)
        for stake, right in (("3", True), ("1", False), ("2", True)):  # 风险题: 30, 10, 20
            await step("space", stake)
            await _answer_in_contest(pilot, right)
        scores = {t.name: t.score for t in screen.contest.teams}
        assert scores == {"红队": 30, "蓝队": -10, "绿队": 30}
        assert "红队［A］ 30 " in str(screen.query_one("#scoreboard").render())
        await step("space")  # a tie at the top: sudden death
        assert screen.contest.turn.round == TIEBREAK
        await step("space", "z")
        await _answer_in_contest(pilot, True)
        await step("space")
        podium = str(app.screen.query_one("#podium").render())
        assert podium.index("绿队") < podium.index("红队") < podium.index("蓝队")
        group_id = screen.group_id
    store = open_store(tmp_path)
    rows = store.db.execute(
        "SELECT p.name, count(a.id) FROM sessions s JOIN profiles p ON p.id = s.profile_id "
        "LEFT JOIN answers a ON a.session_id = s.id WHERE s.group_id = ? GROUP BY p.name",
        (group_id,),
    ).fetchall()
    assert dict(rows) == {"红队": 3, "蓝队": 2, "绿队": 4}
    events = store.contest_events(group_id)
    assert ("蓝队", "early", -10) in [(e["team"], e["kind"], e["points"]) for e in events]
    assert sum(e["points"] for e in events if e["team"] == "红队") == 30
    from studytui.cli import main

    assert main(["--data-dir", str(tmp_path), "stats", "--code", group_id]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("  1. 绿队　30 分") and lines[1].startswith("  2. 红队　30 分")


async def test_a_served_participant_cannot_change_banks_or_run_contests(tmp_path):
    prepare(tmp_path)  # someone used this machine before: a participant is still asked
    app = StudyApp(data_dir=tmp_path, banks=[THREE], participant=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "ProfileDialog" and dialog.profiles == []
        await type_text(pilot, "参加者")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        await pilot.press("b", "g")
        await pilot.pause()
        assert type(app.screen).__name__ == "BanksScreen"  # no dialog to generate a bank
        await pilot.press("escape", "s", "f")
        await pilot.pause()
        assert type(app.screen).__name__ == "StatsScreen"  # no looking at others' stats
    assert open_store(tmp_path).setting("profile") == "张三"  # the participant is not remembered


async def test_strictness_is_a_setting_used_by_new_sessions(tmp_path):
    prepare(tmp_path)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("t", "t")  # normal → lenient → strict
        await pilot.pause()
        assert "评分严格" in str(app.screen.query_one("#summary").render())
        await pilot.press("p")
        await pilot.pause()
        question = app.screen.session.current
        await type_text(pilot, {"q1": "两个维户", "q2": "七个有知", "q3": "四种行态"}[question.id])
        await pilot.press("enter")
        await pilot.pause()
        assert "得分 0" in str(app.screen.query_one(".verdict").render())
    assert open_store(tmp_path).setting("strictness") == "strict"


async def test_instructor_sets_a_class_quiz_and_the_leaderboard_fills_live(tmp_path):
    from studytui.quiz_code import find_bank, parse_code

    prepare(tmp_path)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_banks(pilot)
        await pilot.press("c", "down", "enter")  # 出一套测验
        await pilot.pause()
        app.screen.query_one("#dialog-input").value = "3 10"
        await pilot.press("enter")
        await pilot.pause()
        board = app.screen
        assert type(board).__name__ == "LeaderboardScreen" and board.code.startswith("QZ-")
        assert board.query_one("#board").row_count == 0
        # a participant on this data folder takes it meanwhile (another process in real life)
        store = open_store(tmp_path)
        quiz = parse_code(board.code)
        session = QuizSession.start(
            store, find_bank(quiz, [loader.load(THREE)]), store.profile("王一"), quiz.settings(), quiz_code=board.code
        )
        while not session.done:
            session.submit(list(session.current.answer))
        await pilot.pause(2.5)  # the board refreshes by itself
        table = board.query_one("#board")
        assert table.row_count == 1 and str(table.get_row_at(0)[1]) == "王一"
