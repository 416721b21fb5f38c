"""Studying alone (issue 13), driven with Pilot: every dialog can be left, exams that
run out end cleanly, odd input never crashes, and no question shows its own answer."""

from datetime import datetime, timedelta, timezone

import pytest
from textual.screen import ModalScreen

from studytui.bankfile import bank, loader
from studytui.app import StudyApp
from studytui.paths import shipped_banks_dir
from studytui.quiz import QuizSession, Settings
from studytui.store import open_store
from helpers import THREE, prepare, run_out, settle, start_exam

SHIPPED = sorted(shipped_banks_dir().glob("*.yaml"))


def screen_name(app) -> str:
    return type(app.screen).__name__


# -- ways out --------------------------------------------------------------------------------


async def _first_run(pilot):
    pass


async def _profile(pilot):
    await pilot.press("f")


async def _sections(pilot):
    await pilot.press("p")


async def _exam_size(pilot):
    await pilot.press("e")


async def _leave(pilot):
    await pilot.press("e")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("escape")


async def _help(pilot):
    await pilot.press("question_mark")


@pytest.mark.parametrize("opening", [_first_run, _profile, _sections, _exam_size, _leave, _help])
async def test_ctrl_q_quits_from_every_dialog(tmp_path, opening):
    if opening is not _first_run:
        prepare(tmp_path, bank_id="")
    app = StudyApp(data_dir=tmp_path, banks=SHIPPED)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await opening(pilot)
        await pilot.pause()
        assert isinstance(app.screen, ModalScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_escape_in_the_first_run_dialog_leaves_the_app(tmp_path):
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert screen_name(app) == "ProfileDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code == 0


# -- exams that run out -------------------------------------------------------------------------


async def test_an_exam_that_ran_out_while_away_shows_its_result_then_home(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await start_exam(pilot)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
        session = app.unfinished_session()[0]
        store = app.store
        with store.transaction() as db:
            db.execute("UPDATE sessions SET started = '2020-01-01T00:00:00+00:00' WHERE id = ?", (session["id"],))
        await pilot.press("u")
        await pilot.pause()
        assert screen_name(app) == "ResultScreen"
        assert app.screen.result.counts["unanswered"] == 2
        await pilot.press("escape")
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["Screen", "HomeScreen"]
        assert "继续上次" in str(app.screen.query_one("#modes").render())


async def test_an_exam_that_runs_out_under_the_leave_dialog_ends_cleanly(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
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


async def test_an_answer_typed_but_not_submitted_is_graded_when_time_runs_out(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await start_exam(pilot)
        quiz = app.screen
        answer = {"q1": "两个维护", "q2": "七个有之", "q3": "四种形态"}[quiz.session.current.id]
        await pilot.press(*answer)
        run_out(quiz)
        await pilot.pause()
        result = app.screen.result
        assert result.counts == {"correct": 1, "close": 0, "wrong": 0, "unanswered": 1}
        assert result.seconds == 60


async def test_the_last_minute_warns_that_typed_answers_count(tmp_path):
    from studytui.screens.quiz import LAST_MINUTE

    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await start_exam(pilot, "2 5")
        quiz = app.screen
        quiz.session.started -= timedelta(minutes=4, seconds=30)
        quiz.tick()
        await pilot.pause()
        assert [n.message for n in app._notifications] == [LAST_MINUTE]


# -- odd input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["²0 15", "① 15", "二十 15"])
async def test_count_dialog_refuses_odd_digits_without_crashing(tmp_path, typed):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await start_exam(pilot, typed)
        assert screen_name(app) == "TextDialog"
        assert "正整数" in str(app.screen.query_one("#dialog-error").render())


@pytest.mark.parametrize("typed", ["3，5", "３　５", "3题 5分钟"])
async def test_count_dialog_takes_what_an_input_method_types(tmp_path, typed):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await start_exam(pilot, typed)
        assert screen_name(app) == "QuizScreen"
        assert (app.screen.session.total, app.screen.session.settings.time_limit) == (3, 300)


MARKUP_BANK = """\
title: "[/oops] [b]标题"
id: "[/oops]"
description: "[/oops] 说明"
sections:
  - id: "[/oops]"
    title: "[/oops] 部分"
  - id: two
    title: "[bold]第二"
questions:
  - id: "[/oops]"
    type: cloze
    section: "[/oops]"
    prompt: "[/oops] 践行“____”[/]"
    answer: "两个[/oops]维护"
    source: "[/oops] 原文"
    explanation: "[/oops] 解析"
  - id: "[b]"
    type: choice
    section: two
    prompt: "[/oops] 选择"
    options: ["[/oops]", "[red]"]
    answer: "[/oops]"
"""


async def test_markup_in_bank_text_is_shown_literally(tmp_path):
    path = tmp_path / "markup.yaml"
    path.write_text(MARKUP_BANK, encoding="utf-8")
    prepare(tmp_path, bank_id="[/oops]")
    app = StudyApp(data_dir=tmp_path / "data", banks=[path])
    prepare(tmp_path / "data", bank_id="[/oops]")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        banks = app.screen.query_one("#banks")
        assert "[/oops] [b]标题" in str(banks.get_option_at_index(banks.highlighted).prompt)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")  # all sections
        await pilot.pause()
        for _ in range(2):
            quiz = app.screen
            if quiz.session.current.type == "cloze":
                await pilot.press(*"两个", "enter")
            else:
                await pilot.press("2")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert screen_name(app) == "ResultScreen"
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("escape", "b")
        await pilot.pause()
        assert screen_name(app) == "BanksScreen"
        await pilot.press("escape", "c")
        await pilot.pause()
        await pilot.press("down", "enter")  # set a class quiz from this bank
        await pilot.pause()
        assert screen_name(app) == "TextDialog"


# -- result ----------------------------------------------------------------------------------------


async def _three_wrong_answers(pilot) -> None:
    await pilot.press("p")
    for _ in range(3):
        await pilot.pause()
        await pilot.press(*"不知道", "enter")
        await pilot.pause()
        await pilot.press("enter")
    await pilot.pause()


async def test_every_mistake_on_the_result_screen_can_be_reached_at_80x24(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _three_wrong_answers(pilot)
        assert screen_name(app) == "ResultScreen"
        page = app.screen.query_one("#result")
        for step in range(3):
            if step:
                await pilot.press("down")
            await pilot.pause()
            await pilot.pause()
            right = app.screen.query_one("#mistake-detail .right")
            assert page.region.contains_region(right.region), step


def test_scores_print_with_at_most_one_decimal():
    from studytui.widgets.feedback import format_score

    assert [format_score(x) for x in (38.8333, 0.5, 3.0, 2 / 3)] == ["38.8", "0.5", "3", "0.7"]


async def test_accuracy_bars_never_wrap_at_80_columns(tmp_path):
    from studytui.widgets.bars import bar_lines

    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _three_wrong_answers(pilot)
        breakdown = app.screen.query_one(".breakdown")
        breakdown.update(
            bar_lines("各部分正确率", {"关于深化标本兼治一体推进不敢腐不能腐不想腐的部分": (1234, 0.75), "一": (3, 1.0)})
        )
        await pilot.pause()
        assert breakdown.size.height == 3


# -- the answer on screen --------------------------------------------------------------------------


async def test_no_question_shows_its_answer_in_its_heading_or_the_title_bar(tmp_path):
    from studytui.flows import study
    from studytui.quiz import gives_away

    shipped = bank.Bank(
        title="一体推进不敢腐不能腐不想腐",
        id="risky",
        sections=(bank.Section("s1", "紧扣“两个维护”强化政治监督"), bank.Section("s2", "织密日常监督之网")),
        questions=(
            bank.Question("q1", "cloze", "各级纪委要紧扣“____”，强化政治监督。", ("两个维护",), section="s1"),
            bank.Question("q2", "cloze", "要一体推进____、不能腐、不想腐。", ("不敢腐",), section="s2"),
            bank.Question("q3", "cloze", "要____，把监督挺在前面。", ("织密日常监督之网",), section="s2"),
        ),
    )
    risky = [q for q in shipped.questions if gives_away(q, shipped.section_title(q.section)) or gives_away(q, shipped.title)]
    assert len(risky) == 3
    prepare(tmp_path, bank_id=shipped.id)
    app = StudyApp(data_dir=tmp_path, banks=[])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        session = QuizSession.start(app.store, shipped, app.profile_id, Settings(), questions=risky)
        app.run_flow(study.run(app, session))
        await pilot.pause()
        quiz = app.screen
        for question in risky:
            assert quiz.session.current is question
            shown = str(quiz.query_one("#quiz-title").render()) + str(quiz.query_one("#question").render())
            items = [question.answer] if isinstance(question.answer, str) else question.answer
            assert not [item for item in items if item in shown], question.id
            if question is not risky[-1]:
                quiz.session.submit(None)
                await quiz.show_question()


# -- stats -------------------------------------------------------------------------------------------


async def test_stats_chart_has_a_scale_local_times_and_says_when_empty(tmp_path, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert "还没有做完的练习或考试" in str(app.screen.query_one("#stats-chart").render())
        await pilot.press("escape")
        three = loader.load(THREE)
        moment = datetime(2026, 5, 1, 1, 0, tzinfo=timezone.utc)
        session = QuizSession.start(app.store, three, app.profile_id, Settings(), questions=three.questions, clock=lambda: moment)
        for typed in ("两个维护", "七个有之", "错"):
            session.submit(typed)
        await pilot.press("s")
        await pilot.pause()
        chart = str(app.screen.query_one("#stats-chart").render())
    monkeypatch.delenv("TZ")
    time.tzset()
    assert "0%" in chart and "100%" in chart and "05-01 09:00 练习" in chart and "67%" in chart


# -- feedback -------------------------------------------------------------------------------------


async def _practise_one(pilot, typed: str):
    await pilot.press("p")
    await pilot.pause()
    quiz = pilot.app.screen
    answers = {"q1": typed or "", "q2": typed or "", "q3": typed or ""}
    question = quiz.session.current
    if answers[question.id]:
        await pilot.press(*answers[question.id])
    await pilot.press("enter")
    await pilot.pause()
    return quiz, question


async def test_override_reschedules_the_review_card_and_its_hint_goes(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        quiz, question = await _practise_one(pilot, "完全不对")
        assert "O：我答对了" in str(quiz.query_one("#next-hint").render())
        await pilot.press("o")
        await pilot.pause()
        assert "O：我答对了" not in str(quiz.query_one("#next-hint").render())
        row = app.store.db.execute("SELECT due FROM review WHERE question_id = ?", (question.id,)).fetchone()
    wait = datetime.fromisoformat(row["due"]) - datetime.now(timezone.utc)
    assert wait > timedelta(minutes=5)  # scheduled as answered right, not back in a minute as "Again"


async def test_a_slip_that_scores_half_is_not_called_accepted(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        quiz = app.screen
        slips = {"q1": "两个维户", "q2": "七个有知", "q3": "四种行态"}
        await pilot.press(*slips[quiz.session.current.id], "enter")
        await pilot.pause()
        verdict = str(quiz.query_one(".verdict").render())
    assert "得分 0.5" in verdict and "已接受" not in verdict


async def test_an_empty_enter_on_a_cloze_asks_once_more(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        quiz, _ = await _practise_one(pilot, "")
        assert quiz.session.position == 0 and quiz.query(".empty-answer")
        await pilot.press("enter")
        await pilot.pause()
        assert quiz.session.position == 1 and "wrong" in quiz.query_one(".verdict").classes


async def test_an_empty_enter_on_a_list_question_asks_once_more(tmp_path):
    bank = tmp_path / "lists.yaml"
    bank.write_text(
        "title: 列举\nid: lists\nquestions:\n  - {id: l1, type: list, prompt: 写出“三圈”, answer: [生活圈, 社交圈, 朋友圈]}\n",
        encoding="utf-8",
    )
    prepare(tmp_path, bank_id="lists")
    app = StudyApp(data_dir=tmp_path, banks=[bank])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        quiz = app.screen
        await pilot.press("enter")
        await pilot.pause()
        assert quiz.session.position == 0 and quiz.query(".empty-answer")
        await pilot.press("enter")
        await pilot.pause()
        assert "wrong" in quiz.query_one(".verdict").classes


async def test_mistake_mode_says_how_to_leave_the_book(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await _practise_one(pilot, "完全不对")
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert "连续答对 2 次移出错题本" in str(app.screen.query_one("#quiz-title").render())


# -- home and help -----------------------------------------------------------------------------------


async def test_a_learner_starts_on_a_speech_bank_and_the_figures_say_whose(tmp_path):
    store = open_store(tmp_path)
    store.set_setting("profile", "张三")
    store.profile("张三")
    store.close()
    app = StudyApp(data_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.bank.id != "example"
        assert "本题库待复习" in str(app.screen.query_one("#summary").render())


async def test_help_lists_every_key_of_every_screen():
    from studytui.screens.banks import BanksScreen
    from studytui.screens.help import HELP
    from studytui.screens.home import HomeScreen
    from studytui.screens.leaderboard import LeaderboardScreen
    from studytui.screens.quiz import QuizScreen
    from studytui.screens.result import ResultScreen
    from studytui.screens.stats import StatsScreen

    names = {"escape": "Esc", "enter": "回车", "question_mark": "?"}
    for screen in (HomeScreen, QuizScreen, ResultScreen, StatsScreen, BanksScreen, LeaderboardScreen):
        for binding in screen.BINDINGS:
            key = binding.key.split(",")[0]
            assert f" {names.get(key, key.upper())} " in HELP.replace("|", " ").replace("/", " "), (screen.__name__, key)


async def test_the_home_footer_is_readable_at_80x24(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one("Footer")
        shown = [item for item in footer.query("FooterKey") if item.region.right <= 80 and item.region.width > 0]
        assert {item.description for item in shown} >= {"换人", "宽严", "退出", "帮助"}
        modes = str(app.screen.query_one("#modes").render())
        assert all(f" {key} " in modes for key in "PEMRCGUSB")


async def test_the_progress_counter_is_never_cut_at_40x12(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        count = app.screen.query_one("#quiz-count")
        assert count.region.right <= 40 and count.region.width >= len("1/3")
