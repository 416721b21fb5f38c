"""Snapshots of the main screens, Chinese text aligned (pytest-textual-snapshot).

Update them with ``pytest tests/test_snapshots.py --snapshot-update`` and look at
the SVGs in ``tests/__snapshots__/`` before committing; the README shows them.
"""

from datetime import datetime, timezone
from pathlib import Path

import pytest

from studytui.bankfile import loader
from studytui.app import StudyApp
from studytui.flows import study
from studytui.quiz import QuizSession, Settings
from studytui.store import open_store

THREE = Path(__file__).parent / "data" / "three.yaml"
ANSWERS = {"q1": "两个维护", "q2": "七个有知", "q3": "三种形态"}


@pytest.fixture
def data(tmp_path):
    store = open_store(tmp_path)
    store.profile("张三")
    store.set_setting("profile", "张三")
    store.set_setting("bank", "three")
    store.close()
    return tmp_path


def make_app(data: Path) -> StudyApp:
    return StudyApp(data_dir=data, banks=[THREE])


async def banks_loaded(pilot) -> None:
    for _ in range(100):
        await pilot.pause(0.05)
        if pilot.app.library.entries:
            break
    await pilot.pause(0.1)


async def answer_all(pilot) -> None:
    """Three cloze answers in a fixed order: right, a homophone slip, wrong."""
    from studytui.screens.quiz import QuizScreen

    app = pilot.app
    three = loader.load(THREE)
    frozen = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)  # every answer takes 0 s: a stable picture
    session = QuizSession.start(app.store, three, app.profile_id, Settings(), questions=three.questions, clock=lambda: frozen)
    app.run_flow(study.run(app, session))
    await pilot.pause()
    assert isinstance(app.screen, QuizScreen)


def test_home(snap_compare, data):
    assert snap_compare(make_app(data), run_before=banks_loaded, terminal_size=(80, 24))


def test_quiz_feedback_on_a_homophone_slip(snap_compare, data):
    async def run_before(pilot):
        await banks_loaded(pilot)
        await answer_all(pilot)
        await pilot.press(*ANSWERS["q1"], "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*ANSWERS["q2"], "enter")
        await pilot.pause()

    assert snap_compare(make_app(data), run_before=run_before, terminal_size=(80, 24))


async def _finish(pilot):
    await banks_loaded(pilot)
    await answer_all(pilot)
    for question_id in ("q1", "q2", "q3"):
        await pilot.press(*ANSWERS[question_id], "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()


def test_result(snap_compare, data):
    assert snap_compare(make_app(data), run_before=_finish, terminal_size=(80, 30))


def test_stats(snap_compare, data):
    async def run_before(pilot):
        await _finish(pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(make_app(data), run_before=run_before, terminal_size=(80, 30))


def test_banks(snap_compare, data):
    async def run_before(pilot):
        await banks_loaded(pilot)
        await pilot.press("b")
        await pilot.pause()

    assert snap_compare(make_app(data), run_before=run_before, terminal_size=(100, 30))


def test_readme_pictures_are_the_current_snapshots():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_pictures", Path(__file__).parents[1] / "docs" / "make_pictures.py")
    pictures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pictures)
    for name, snapshot in pictures.SCREENS.items():
        made = pictures.readable((pictures.SNAPSHOTS / snapshot).read_text(encoding="utf-8"))
        assert (pictures.PICTURES / f"{name}.svg").read_text(encoding="utf-8") == made, (
            f"run: python docs/make_pictures.py ({name})"
        )


def test_contest(snap_compare, data):
    async def run_before(pilot):
        import random

        from studytui.contest import REQUIRED, Contest, ContestRecord, Round, contest_questions
        from studytui.screens.contest import ContestScreen

        await banks_loaded(pilot)
        teams = [("红队", "a"), ("蓝队", "l"), ("绿队", "z")]
        bank, rng = loader.load(THREE), random.Random(1)
        record = ContestRecord(pilot.app.store, bank)
        contest = Contest(teams, [Round(REQUIRED)], contest_questions(bank.questions, rng), record=record)
        screen = ContestScreen(bank, contest, rng, clock=lambda: 0.0)
        pilot.app.push_screen(screen)
        await pilot.pause()
        screen.contest.correct("l", 10, "示例")
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(make_app(data), run_before=run_before, terminal_size=(80, 24))


def test_reading(snap_compare, tmp_path):
    """通读原文 on the shipped speech, its second part, after some of its questions were answered."""
    from studytui.paths import shipped_banks_dir

    shipped = loader.load(shipped_banks_dir() / "qichu-qifali.yaml")
    store = open_store(tmp_path)
    profile = store.profile("张三")
    store.set_setting("profile", "张三")
    store.set_setting("bank", shipped.id)
    asked = [q for q in shipped.questions if q.section == "s1" and q.type == "cloze"][:6]
    frozen = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
    session = QuizSession.start(store, shipped, profile, Settings(), questions=asked, clock=lambda: frozen)
    for index, question in enumerate(asked):
        session.submit(question.answer if index % 3 else "不知道")
    store.close()

    async def run_before(pilot):
        await banks_loaded(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()

    assert snap_compare(StudyApp(data_dir=tmp_path, banks=[]), run_before=run_before, terminal_size=(80, 24))
