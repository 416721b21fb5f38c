"""A study session from start to result: the section picker for practice, the quiz
screen, the result screen and what the learner picks there (retry the mistakes, the
class quiz's leaderboard)."""

from __future__ import annotations

import random
from dataclasses import replace

from studytui.bankfile.bank import Bank, Question
from studytui.flows.leaderboard import show_leaderboard
from studytui.host import Host
from studytui.quiz import NO_SECTION, QuizSession, Settings
from studytui.screens.dialogs import SectionsDialog
from studytui.screens.quiz import QuizScreen
from studytui.screens.result import ResultScreen
from studytui.vocabulary import Mode

EMPTY = {Mode.MISTAKES: "错题本是空的，继续保持！", Mode.REVIEW: "现在没有要复习的题。"}


async def practise(app: Host, bank: Bank, settings: Settings) -> None:
    """Practice; a bank of several sections first asks which of them."""
    if len(bank.sections) > 1:
        choices = [(s.id, s.title) for s in bank.sections]
        if any(q.section is None for q in bank.questions):
            choices.insert(0, (NO_SECTION, "标题与开头（不属于任何部分的题）"))
        sections = await app.push_screen_wait(SectionsDialog("练习哪些部分？", choices))
        if sections is None:
            return
        settings = replace(settings, sections=sections)
    await study(app, bank, settings)


async def study(
    app: Host, bank: Bank, settings: Settings, quiz_code: str | None = None, questions: list[Question] | None = None
) -> None:
    session = begin(app, bank, settings, quiz_code, questions)
    if session is not None:
        await run(app, session)


def begin(
    app: Host, bank: Bank, settings: Settings, quiz_code: str | None = None, questions: list[Question] | None = None
) -> QuizSession | None:
    """A new session, or None (and the learner told) when it has nothing to ask."""
    session = QuizSession.start(app.store, bank, app.profile, settings, quiz_code=quiz_code, questions=questions)
    if session.total == 0:
        app.store.finish_session(session.session_id)
        app.notify(EMPTY.get(settings.mode, "没有可做的题。"))
        return None
    return session


async def resume(app: Host) -> None:
    found = app.unfinished_session()
    if found is None:
        app.notify("没有未完成的练习。")
        return
    row, bank = found
    await run(app, QuizSession.resume(app.store, bank, row.id))


async def run(app: Host, session: QuizSession | None) -> None:
    """The quiz screen, then its result when the session is finished (not when left);
    retrying the mistakes goes round again with a new session."""
    while session is not None:
        if not await app.push_screen_wait(QuizScreen(session)):
            return
        session = await result(app, session)


async def show_result(app: Host, session: QuizSession) -> None:
    """The result of a finished session, and on from what the learner picks there."""
    await run(app, await result(app, session))


async def result(app: Host, session: QuizSession) -> QuizSession | None:
    """The result screen; the session retrying the mistakes when the learner asks for it."""
    choice = await app.push_screen_wait(ResultScreen(session))
    mistakes = [o.question for o in session.result().mistakes]
    if choice == "board":
        record = app.store.session(session.session_id)
        if record is not None and record.quiz_code is not None:
            await show_leaderboard(app, record.quiz_code, session.bank.title)
    if choice != "retry" or not mistakes:
        return None
    return begin(app, session.bank, Settings(mode=Mode.PRACTICE, seed=random.randrange(1 << 30)), questions=mistakes)
