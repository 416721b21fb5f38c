"""Studying alone, issue 22: a grade a learner can trust (the result of an exam that ran out,
stray Enters, disputes, the score in view), the profile dialog, review counts, stats and footers.
Driven with Pilot, like test_study_alone."""

from datetime import timedelta

from studytui import loader
from studytui.app import StudyApp
from studytui.flows import study
from studytui.quiz import QuizSession, Settings
from helpers import THREE, prepare, settle


def modes(app) -> str:
    return str(app.screen.query_one("#modes").render())


# -- item 9: review shows due and new apart ------------------------------------------------------

async def test_home_says_how_many_review_questions_are_due_and_new(tmp_path):
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "智能复习（到期 0 · 新题 3）" in modes(app)
        three = loader.load(THREE)
        session = QuizSession.start(app.store, three, app.profile_id, Settings(), questions=three.questions)
        for question in three.questions:
            session.submit(question.answer[0])
        app.screen.refresh_summary()
        assert "智能复习（到期 0 · 新题 0）" in modes(app)
