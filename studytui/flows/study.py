"""A study session from start to result: the section picker for practice, the quiz
screen, the result screen and what the learner picks there (retry the mistakes, the
class quiz's leaderboard)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from studytui.quiz import NO_SECTION, QuizSession, Settings

if TYPE_CHECKING:
    from studytui.app import StudyApp
    from studytui.bank import Bank, Question

EMPTY = {"mistakes": "错题本是空的，继续保持！", "review": "现在没有要复习的题。"}


def practise(app: StudyApp, bank: Bank, settings: Settings) -> None:
    """Practice; a bank of several sections first asks which of them."""
    if len(bank.sections) <= 1:
        start(app, bank, settings)
        return
    from studytui.screens.dialogs import SectionsDialog

    def chosen(sections: tuple[str, ...] | None) -> None:
        if sections is not None:
            start(app, bank, Settings(mode="practice", sections=sections, seed=settings.seed, strictness=settings.strictness))

    choices = [(s.id, s.title) for s in bank.sections]
    if any(q.section is None for q in bank.questions):
        choices.insert(0, (NO_SECTION, "标题与开头（不属于任何部分的题）"))
    app.push_screen(SectionsDialog("练习哪些部分？", choices), chosen)


def start(app: StudyApp, bank: Bank, settings: Settings, quiz_code: str | None = None, questions: list[Question] | None = None) -> None:
    session = QuizSession.start(app.store, bank, app.profile_id, settings, quiz_code=quiz_code, questions=questions)
    if session.total == 0:
        app.store.finish_session(session.session_id)
        app.notify(EMPTY.get(settings.mode, "没有可做的题。"))
        return
    run(app, session)


def run(app: StudyApp, session: QuizSession) -> None:
    """The quiz screen; its result when the session is finished (not when left)."""
    from studytui.screens.quiz import QuizScreen

    app.push_screen(QuizScreen(session), lambda finished: show_result(app, session) if finished else None)


def show_result(app: StudyApp, session: QuizSession) -> None:
    from studytui.screens.result import ResultScreen

    def after(choice: str | None) -> None:
        mistakes = [o.question for o in session.result().mistakes]
        if choice == "retry" and mistakes:
            start(app, session.bank, Settings(mode="practice", seed=random.randrange(1 << 30)), questions=mistakes)
        elif choice == "board":
            from studytui.screens.leaderboard import LeaderboardScreen

            row = app.store.session(session.session_id)
            app.push_screen(LeaderboardScreen(row["quiz_code"], session.bank.title))

    app.push_screen(ResultScreen(session), after)
