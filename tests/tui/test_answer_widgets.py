"""Answering every question type, driven with Pilot: keys, the mouse, and an Enter pressed
once too often or on an empty answer."""

from contextlib import asynccontextmanager

from helpers import PICKS, prepare

from studytui.bankfile import loader
from studytui.flows import study
from studytui.paths import shipped_banks_dir
from studytui.quiz import QuizSession, Settings

EXAMPLE = loader.load(shipped_banks_dir() / "example.yaml")
LISTS = "title: 列举\nid: lists\nquestions:\n  - {id: l1, type: list, prompt: 写出“三圈”, answer: [生活圈, 社交圈, 朋友圈]}\n"


@asynccontextmanager
async def quiz_of(start, tmp_path, question_ids):
    """The app showing a quiz of the example bank's questions ``question_ids``."""
    prepare(tmp_path, bank_id="example")
    async with start(banks=()) as pilot:
        app = pilot.app
        questions = [q for q in EXAMPLE.questions if q.id in question_ids]
        app.run_flow(study.run(app, QuizSession.start(app.store, EXAMPLE, app.profile_id, Settings(), questions=questions)))
        await pilot.pause()
        yield pilot


async def test_choice_judge_multi_and_order_by_keys(tmp_path, start):
    async with quiz_of(start, tmp_path, {"ex-choice", "ex-judge", "ex-multi", "ex-order"}) as pilot:
        app = pilot.app
        session = app.screen.session
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
        assert [r.verdict for r in app.store.export_rows()] == ["correct"] * 4


async def test_choice_by_mouse(tmp_path, start):
    async with quiz_of(start, tmp_path, {"ex-choice"}) as pilot:
        widget = pilot.app.screen.query_one(".answer")
        row = widget.texts.index("七个有之")
        await pilot.click(widget, offset=(4, row + 1))
        await pilot.pause()
        assert "correct" in pilot.app.screen.query_one(".verdict").classes


async def test_an_enter_too_many_answers_no_choice_or_judge_question(tmp_path, start):
    async with quiz_of(start, tmp_path, {"ex-choice", "ex-judge"}) as pilot:
        app = pilot.app
        for answered in range(2):
            await pilot.press("enter")  # the Enter that started the quiz, pressed once more
            await pilot.pause()
            assert not list(app.screen.query(".verdict")) and len(list(app.store.export_rows())) == answered
            await pilot.press("down", "enter")  # an option chosen with the arrows is answered
            await pilot.pause()
            assert list(app.screen.query(".verdict"))
            await pilot.press("enter")
            await pilot.pause()
        assert len(list(app.store.export_rows())) == 2


async def test_a_stray_enter_on_a_multi_or_order_question_asks_first(tmp_path, start):
    bank = tmp_path / "picks.yaml"
    bank.write_text(PICKS, encoding="utf-8")
    prepare(tmp_path / "data", bank_id="picks")
    async with start(tmp_path / "data", banks=[bank], size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        quiz = pilot.app.screen
        for answered in range(2):
            await pilot.press("enter")  # nothing picked or moved
            await pilot.pause()
            assert quiz.session.position == answered and quiz.last is None
            assert quiz.query(".empty-answer")
            await pilot.press("enter")  # asked once: the second Enter answers
            await pilot.pause()
            assert quiz.last is not None and quiz.last.verdict == "wrong"
            await pilot.press("enter")
            await pilot.pause()


async def test_an_empty_enter_on_a_cloze_asks_once_more(pilot):
    await pilot.press("p")
    await pilot.pause()
    quiz = pilot.app.screen
    await pilot.press("enter")
    await pilot.pause()
    assert quiz.session.position == 0 and quiz.query(".empty-answer")
    await pilot.press("enter")
    await pilot.pause()
    assert quiz.session.position == 1 and "wrong" in quiz.query_one(".verdict").classes


@asynccontextmanager
async def list_quiz(start, tmp_path):
    """The app practising the bank LISTS: one list question of three items."""
    bank = tmp_path / "lists.yaml"
    bank.write_text(LISTS, encoding="utf-8")
    prepare(tmp_path, bank_id="lists")
    async with start(banks=[bank]) as pilot:
        await pilot.press("p")
        await pilot.pause()
        yield pilot


async def test_an_empty_enter_on_a_list_question_asks_once_more(tmp_path, start):
    async with list_quiz(start, tmp_path) as pilot:
        quiz = pilot.app.screen
        assert "共 3 项" in str(quiz.query_one(".hint").render())  # a learner knows when the list is whole
        await pilot.press("enter")
        await pilot.pause()
        assert quiz.session.position == 0 and quiz.query(".empty-answer")
        await pilot.press("enter")
        await pilot.pause()
        assert "wrong" in quiz.query_one(".verdict").classes


async def test_a_list_question_says_how_many_items_it_wants(tmp_path, start):
    async with quiz_of(start, tmp_path, {"ex-list"}) as pilot:
        hint = str(pilot.app.screen.query_one(".hint").render())
        assert "共 7 项，写出任意 3 项即可" in hint  # min_items: 3 of the seven


async def test_items_parted_by_a_full_width_space_are_kept_apart(tmp_path, start):
    """A Chinese input method in full-width mode types U+3000 between items: it is a separator, not lost."""
    async with list_quiz(start, tmp_path) as pilot:
        await pilot.press(*"生活圈\u3000社交圈\u3000朋友圈")
        assert pilot.app.screen.query_one(".blank").value == "生活圈\u3000社交圈\u3000朋友圈"
        await pilot.press("enter")
        await pilot.pause()
        assert "correct" in pilot.app.screen.query_one(".verdict").classes
        assert [r.verdict for r in pilot.app.store.export_rows()] == ["correct"]


async def test_a_blank_left_empty_asks_once_before_the_answer_is_submitted(tmp_path, start):
    async with quiz_of(start, tmp_path, {"ex-cloze-2"}) as pilot:
        quiz = pilot.app.screen
        await pilot.press(*"2020、十三五", "enter", "enter")  # both answers typed into the first blank
        await pilot.pause()
        assert quiz.session.position == 0 and "第 2 空还没有填写" in str(quiz.query_one(".empty-answer").render())
        assert pilot.app.focused.id == "blank-1"  # back in the blank left empty
        await pilot.press("enter")
        await pilot.pause()
        assert quiz.session.position == 1 and "wrong" in quiz.query_one(".verdict").classes
